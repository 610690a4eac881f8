"""The fast PDF reader: pypdfium2 (PDFium, the PDF engine of Chromium).

PDFium's own text already joins words it takes for hyphenated at line ends
("Le\\ufffebens"); here every character is read with its box, font and size
instead, and the lines are rebuilt by `lines.lines_of` exactly as for the
reference reader, so the de-hyphenator decides, not PDFium.
"""

from __future__ import annotations

import ctypes
import math
from typing import TYPE_CHECKING

from ..config import LoadSettings
from ..errors import DocumentError
from ..layout import Page
from .lines import Glyph, is_bold, lines_of
from .pdf import ENCRYPTED, check_page_count, read_pdfplumber

if TYPE_CHECKING:
    from pypdfium2 import PdfDocument

# PDFium's marks for a hyphen it takes as a soft line-end hyphen
_HYPHEN_MARKS = {"\x02": "-", "\ufffe": "-"}


def read_pdfium(data: bytes, settings: LoadSettings) -> list[Page]:
    import pypdfium2 as pdfium  # deferred: only this reader needs it

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        # PDFium's error code can be stale from an earlier document; PDFium opens
        # PDFs without a user password, so one that fails with /Encrypt needs one
        if b"/Encrypt" in data:
            raise DocumentError("load", ENCRYPTED) from exc
        return read_pdfplumber(data, settings)  # the reference reader says what is wrong
    try:
        check_page_count(len(pdf), settings)
        return [_read_page(pdf, i) for i in range(len(pdf))]
    except DocumentError:
        raise
    except Exception as exc:  # PDFium reports broken pages in several ways
        raise DocumentError("load", f"damaged PDF: {type(exc).__name__}: {exc}") from exc
    finally:
        pdf.close()


def _read_page(pdf: PdfDocument, index: int) -> Page:
    import pypdfium2.raw as raw

    page = pdf[index]
    width, height = page.get_size()
    textpage = page.get_textpage()
    tp = textpage.raw
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    if len(text) != count:  # characters beyond the BMP: read them one by one
        text = "".join(chr(raw.FPDFText_GetUnicode(tp, i)) for i in range(count))
    box = raw.FS_RECTF()
    matrix = raw.FS_MATRIX()
    name = ctypes.create_string_buffer(128)
    fonts: dict[bytes, bool] = {}
    glyphs: list[Glyph] = []
    for i, char in enumerate(text):
        if char.isspace() and raw.FPDFText_IsGenerated(tp, i):
            continue  # PDFium's guessed spaces and line breaks
        raw.FPDFText_GetMatrix(tp, i, matrix)
        if matrix.a <= 0 or abs(matrix.b) > 0.01 * matrix.a:
            continue  # turned text is no body text; a slant for italics is fine
        raw.FPDFText_GetLooseCharBox(tp, i, box)  # the font's box: advance, ascent, descent
        raw.FPDFText_GetFontInfo(tp, i, name, len(name), None)
        bold = fonts.get(name.value)
        if bold is None:
            bold = fonts[name.value] = is_bold(name.value.decode("latin-1"))
        # PDFium gives the size set with Tf; "1 Tf" scaled by the text matrix is common
        size = raw.FPDFText_GetFontSize(tp, i) * math.hypot(matrix.c, matrix.d)
        glyphs.append(
            Glyph(_HYPHEN_MARKS.get(char, char), box.left, box.right, height - box.top,
                  height - box.bottom, round(size, 2), bold)
        )
    textpage.close()
    page.close()
    return Page(index + 1, lines_of(glyphs), float(width), float(height))
