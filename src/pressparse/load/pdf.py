"""PDF releases: read page by page into lines that keep their position and font.

pdfplumber (over pdfminer.six) is the reference reader; pypdfium2 is the fast
one (`pdf_reader = "pdfium"`). Both hand the same glyphs to `lines.lines_of`,
so the normaliser sees the same lines whichever read the file. Damaged,
encrypted and empty PDFs are refused with a reason a press office can act on,
rather than with the library's internals. A PDF encrypted only against editing
(an owner password, no user password) is read like any other.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..config import LoadSettings
from ..errors import DocumentError
from ..layout import Page
from .lines import Glyph, is_bold, lines_of

if TYPE_CHECKING:
    from pdfminer.layout import LTChar, LTContainer
    from pdfplumber.page import Page as PlumberPage

logging.getLogger("pdfminer").setLevel(logging.ERROR)

ENCRYPTED = "encrypted PDF: text extraction needs the password"
NO_TEXT = "no text in PDF: it may be a scan without a text layer"


def check_pdf_bytes(data: bytes) -> None:
    if b"%PDF-" not in data[:1024]:
        raise DocumentError("load", "not a PDF: the file has no PDF header")
    if b"%%EOF" not in data[-2048:] and b"startxref" not in data[-4096:]:
        raise DocumentError("load", "truncated PDF: the file ends before its trailer")


def check_page_count(count: int, settings: LoadSettings) -> None:
    if count == 0:
        raise DocumentError("load", "empty PDF: it has no pages")
    if count > settings.max_pages:
        raise DocumentError("load", f"too many pages: {count} (limit {settings.max_pages})")


def check_has_text(pages: list[Page]) -> list[Page]:
    if not any(p.lines for p in pages):
        raise DocumentError("load", NO_TEXT)
    return pages


def pdf_warnings(pages: list[Page]) -> list[str]:
    """Pages without text in a PDF that has text: scanned pages whose words are lost."""
    empty = [str(p.number) for p in pages if not p.lines]
    if not empty:
        return []
    return [f"no text on page{'s' if len(empty) > 1 else ''} {', '.join(empty)}: "
            "scanned pages without a text layer are left out"]


def _is_encryption_error(exc: BaseException) -> bool:
    """pdfplumber wraps pdfminer's errors, so look through the wrapper too."""
    seen: list[BaseException] = [exc, *(a for a in exc.args if isinstance(a, BaseException))]
    if exc.__context__ is not None:
        seen.append(exc.__context__)
    return any("Password" in type(e).__name__ or "Encrypt" in type(e).__name__ for e in seen)


def read_pdf(data: bytes, settings: LoadSettings) -> list[Page]:
    check_pdf_bytes(data)
    if settings.pdf_reader == "pdfium":
        from .pdfium import read_pdfium

        return check_has_text(read_pdfium(data, settings))
    return check_has_text(read_pdfplumber(data, settings))


def read_pdfplumber(data: bytes, settings: LoadSettings) -> list[Page]:
    import pdfplumber  # deferred: importing pdfminer costs start-up time for text-only runs
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            check_page_count(len(pdf.pages), settings)
            return [_read_page(page) for page in pdf.pages]
    except DocumentError:
        raise
    except PDFSyntaxError as exc:
        raise DocumentError("load", f"damaged PDF: {exc}") from exc
    except RecursionError as exc:
        raise DocumentError("load", "damaged PDF: its objects are nested too deeply") from exc
    except Exception as exc:  # pdfminer raises many kinds on broken files
        if _is_encryption_error(exc):
            raise DocumentError("load", ENCRYPTED) from exc
        raise DocumentError("load", f"damaged PDF: {type(exc).__name__}: {exc}") from exc


def _read_page(page: PlumberPage) -> Page:
    """The page's glyphs straight from pdfminer's layout objects.

    Reading pdfminer's LTChar objects directly is twice as fast as pdfplumber's
    `chars` dictionaries and gives the same positions, fonts and sizes.
    """
    layout = page.layout
    height = layout.y1
    glyphs = [
        Glyph(text, c.x0, c.x1, height - c.y1, height - c.y0, c.size, is_bold(c.fontname))
        for c in _chars(layout)
        if not (text := c.get_text()).startswith("(cid:")  # a glyph without a character
    ]
    result = Page(page.page_number, lines_of(glyphs), float(page.width), float(page.height))
    page.close()
    return result


def _chars(container: LTContainer) -> Iterator[LTChar]:
    """Upright characters, also those inside form XObjects; rotated text is no body text."""
    from pdfminer.layout import LTChar, LTContainer

    for obj in container:
        if isinstance(obj, LTChar):
            a, b = obj.matrix[:2]
            if obj.upright and abs(b) <= 0.01 * abs(a):  # a slant for italics is fine
                yield obj
        elif isinstance(obj, LTContainer):
            yield from _chars(obj)
