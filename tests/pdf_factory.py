"""PDFs made for tests with fpdf2: a release's layout with known lines, pages and footers.

Every line is placed where the test says, so a test knows which page and which
paragraph each word belongs to. A line is a string, or a list of (x offset, text)
cells standing side by side like a table row.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from fpdf import FPDF

Cells = list[tuple[float, str]]
WIDTH, HEIGHT = 595.28, 841.89  # A4 in points
LEFT, RIGHT = 70.0, 525.0


@dataclass
class Para:
    lines: Sequence[str | Cells]
    size: float = 11.0
    bold: bool = False
    indent: float = 0.0
    gap_after: float = 0.8  # extra space after the paragraph, in font sizes
    justify: bool = False  # stretch every line but the last to the right margin
    slant: float = 0.0  # degrees of shear, an italic made from an upright font
    width: float | None = None  # justified width; the full measure less the indent


@dataclass
class Layout:
    pages: list[list[Para]]
    footer: list[str] = field(default_factory=list)  # small, centred, every page
    page_number: str | None = "Seite {n} von {total}"  # centred below the footer
    header: str | None = None  # small, left, top of every page
    footnote: str | None = None  # small, left-aligned, bottom of the last page
    margin_note: str | None = None  # turned by 90 degrees in the left margin of page 1
    pitch: float = 1.45  # line pitch in font sizes


def make_pdf(layout: Layout) -> bytes:
    pdf = FPDF(unit="pt", format="A4")
    pdf.core_fonts_encoding = "windows-1252"  # „“ – € in the core fonts
    pdf.set_auto_page_break(False)
    total = len(layout.pages)
    for number, paras in enumerate(layout.pages, 1):
        pdf.add_page()
        if layout.header:
            _text(pdf, LEFT, 40.0, layout.header, 8.0)
        if layout.margin_note and number == 1:
            with pdf.rotation(90, x=40.0, y=500.0):
                _text(pdf, 40.0, 500.0, layout.margin_note, 8.0)
        y = 80.0
        for para in paras:
            for i, line in enumerate(para.lines):
                y += para.size * layout.pitch
                cells = [(0.0, line)] if isinstance(line, str) else line
                if para.justify and isinstance(line, str) and i < len(para.lines) - 1:
                    width = para.width or RIGHT - LEFT - para.indent
                    cells = _justified(pdf, line, para.size, para.bold, width)
                for x, text in cells:
                    if para.slant:
                        with pdf.skew(ax=para.slant, x=LEFT, y=y):
                            _text(pdf, LEFT + para.indent + x, y, text, para.size, para.bold)
                    else:
                        _text(pdf, LEFT + para.indent + x, y, text, para.size, para.bold)
            y += para.size * para.gap_after
        y = HEIGHT - 75.0
        if layout.footnote and number == total:
            _text(pdf, LEFT, y - 20.0, layout.footnote, 8.0)
        for text in layout.footer:
            _centred(pdf, y, text, 8.0)
            y += 9.5
        if layout.page_number:
            _centred(pdf, y, layout.page_number.format(n=number, total=total), 8.0)
    return bytes(pdf.output())


def _justified(pdf: FPDF, line: str, size: float, bold: bool, width: float) -> Cells:
    pdf.set_font("Helvetica", style="B" if bold else "", size=size)
    words = line.split()
    widths = [pdf.get_string_width(w) for w in words]
    gap = (width - sum(widths)) / max(1, len(words) - 1)
    cells, x = [], 0.0
    for word, w in zip(words, widths, strict=True):
        cells.append((x, word))
        x += w + gap
    return cells


def _text(pdf: FPDF, x: float, baseline: float, text: str, size: float,
          bold: bool = False) -> None:
    pdf.set_font("Helvetica", style="B" if bold else "", size=size)
    pdf.text(x, baseline, text)


def _centred(pdf: FPDF, baseline: float, text: str, size: float) -> None:
    pdf.set_font("Helvetica", size=size)
    _text(pdf, (WIDTH - pdf.get_string_width(text)) / 2, baseline, text, size)


def raw_pdf(content: bytes) -> bytes:
    """A one-page PDF with the given content stream and Helvetica as /F1."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    return pdf_of_objects(objects)


def pdf_of_objects(objects: Sequence[bytes]) -> bytes:
    """A well-formed PDF of the given objects, numbered from 1; object 1 is the catalog."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return out


def no_text_pdf() -> bytes:
    """A page with a drawing and no text layer, like a scan."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.rect(70, 70, 400, 600, style="F")
    return bytes(pdf.output())


def no_pages_pdf() -> bytes:
    from pypdf import PdfWriter

    buffer = io.BytesIO()
    PdfWriter().write(buffer)
    return buffer.getvalue()


def encrypt(data: bytes, user_password: str, owner_password: str = "eigentuemer") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password=owner_password,
                   algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def release(paragraphs: Sequence[Para] = (), title: Sequence[str] = ("Ein Titel",)) -> list[Para]:
    """The first page of a release: document type, title in bold, date line, body."""
    return [
        Para(["PRESSEMITTEILUNG"], size=16, bold=True),
        Para(list(title), size=15, bold=True),
        Para(["Pressemitteilung vom 12.03.2024"]),
        *paragraphs,
    ]
