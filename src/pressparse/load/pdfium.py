"""The fast PDF reader: pypdfium2 (PDFium, the PDF engine of Chromium).

PDFium's own text already joins words it takes for hyphenated at line ends
("Le\\ufffebens"); here every character is read with its box, font and size
instead, and the lines are rebuilt by `lines.lines_of` exactly as for the
reference reader, so the de-hyphenator decides, not PDFium.
"""

from __future__ import annotations

import ctypes
import math
import re
from typing import TYPE_CHECKING, Any

from ..config import LoadSettings
from ..errors import DocumentError
from ..layout import Page
from .lines import Glyph, is_bold, lines_of
from .pdf import ENCRYPTED, check_page_count, read_pdfplumber

if TYPE_CHECKING:
    from pypdfium2 import PdfDocument

# PDFium's marks for a hyphen it takes as a soft line-end hyphen
_HYPHEN_MARKS = str.maketrans({"\x02": "-", "\ufffe": "-"})
# a word ends at a space and after PDFium's soft-hyphen mark, which stands for a
# line break too ("Nachbarschaftspro\x02jekte")
_WORD = re.compile(r"[^\s\x02\ufffe]+[\x02\ufffe]?|[\x02\ufffe]")


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
    """The page's words as glyphs: boxes are asked of PDFium at word ends only.

    A word is a run of characters between spaces; its first character gives the
    font, size and orientation, its first and last characters its extent. That
    asks PDFium about five things per word instead of four per character.
    """
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
    previous_end = 0
    for word in _WORD.finditer(text):
        first, last = word.start(), word.end() - 1
        for i in range(previous_end, first):  # the spaces the PDF itself writes
            if not raw.FPDFText_IsGenerated(tp, i) and _upright(raw, tp, i, matrix):
                raw.FPDFText_GetLooseCharBox(tp, i, box)
                glyphs.append(Glyph(" ", box.left, box.right, height - box.top,
                                    height - box.bottom, 0.0, False))
        previous_end = word.end()
        if not _upright(raw, tp, first, matrix):
            continue  # turned text is no body text
        raw.FPDFText_GetFontInfo(tp, first, name, len(name), None)
        bold = fonts.get(name.value)
        if bold is None:
            bold = fonts[name.value] = is_bold(name.value.decode("latin-1"))
        # PDFium gives the size set with Tf; "1 Tf" scaled by the text matrix is common
        size = round(raw.FPDFText_GetFontSize(tp, first) * math.hypot(matrix.c, matrix.d), 2)
        raw.FPDFText_GetLooseCharBox(tp, first, box)  # the font's box: ascent, descent
        left, top, bottom = box.left, height - box.top, height - box.bottom
        if last != first:
            raw.FPDFText_GetLooseCharBox(tp, last, box)
        glyphs.append(Glyph(word.group().translate(_HYPHEN_MARKS), left, box.right, top,
                            bottom, size, bold))
    textpage.close()
    page.close()
    return Page(index + 1, lines_of(glyphs), float(width), float(height))


def _upright(raw: Any, tp: Any, index: int, matrix: Any) -> bool:
    """Whether the character is set upright (a slant for italics is fine); fills `matrix`."""
    raw.FPDFText_GetMatrix(tp, index, matrix)
    return matrix.a > 0 and abs(matrix.b) <= 0.01 * matrix.a
