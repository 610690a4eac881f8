"""PDF releases: read page by page into lines that keep their position and font.

pdfplumber is the reference reader. Damaged, encrypted and empty PDFs are refused
with a reason a press office can act on, rather than with pdfminer's internals.
"""

from __future__ import annotations

import io
import logging

from ..config import LoadSettings
from ..errors import DocumentError
from ..layout import Line, Page

logging.getLogger("pdfminer").setLevel(logging.ERROR)


def check_pdf_bytes(data: bytes) -> None:
    if b"%PDF-" not in data[:1024]:
        raise DocumentError("load", "not a PDF: the file has no PDF header")
    if b"%%EOF" not in data[-2048:] and b"startxref" not in data[-4096:]:
        raise DocumentError("load", "truncated PDF: the file ends before its trailer")


def _is_encryption_error(exc: BaseException) -> bool:
    """pdfplumber wraps pdfminer's errors, so look through the wrapper too."""
    seen: list[BaseException] = [exc, *(a for a in exc.args if isinstance(a, BaseException))]
    if exc.__context__ is not None:
        seen.append(exc.__context__)
    return any("Password" in type(e).__name__ or "Encrypt" in type(e).__name__ for e in seen)


def read_pdf(data: bytes, settings: LoadSettings) -> list[Page]:
    check_pdf_bytes(data)
    import pdfplumber  # deferred: importing pdfminer costs start-up time for text-only runs
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            doc = pdf.doc
            if getattr(doc, "encryption", None):
                raise DocumentError("load", "encrypted PDF: text extraction needs the password")
            count = len(pdf.pages)
            if count == 0:
                raise DocumentError("load", "empty PDF: it has no pages")
            if count > settings.max_pages:
                raise DocumentError(
                    "load", f"too many pages: {count} (limit {settings.max_pages})"
                )
            pages = [_read_page(page) for page in pdf.pages]
    except DocumentError:
        raise
    except PDFSyntaxError as exc:
        raise DocumentError("load", f"damaged PDF: {exc}") from exc
    except RecursionError as exc:
        raise DocumentError("load", "damaged PDF: its objects are nested too deeply") from exc
    except Exception as exc:  # pdfminer raises many kinds on broken files
        if _is_encryption_error(exc):
            raise DocumentError(
                "load", "encrypted PDF: text extraction needs the password"
            ) from exc
        raise DocumentError("load", f"damaged PDF: {type(exc).__name__}: {exc}") from exc
    if not any(p.lines for p in pages):
        raise DocumentError("load", "no text in PDF: it may be a scan without a text layer")
    return pages


def _read_page(page) -> Page:  # noqa: ANN001 - pdfplumber.page.Page
    lines: list[Line] = []
    for row in page.extract_text_lines(layout=False, strip=True, return_chars=True):
        text = row["text"]
        if not text.strip():
            continue
        chars = row["chars"]
        sizes = [c.get("size") or 0.0 for c in chars if not c["text"].isspace()] or [0.0]
        bold = sum("Bold" in (c.get("fontname") or "") for c in chars) > len(chars) / 2
        lines.append(
            Line(
                text=text,
                top=float(row["top"]),
                bottom=float(row["bottom"]),
                x0=float(row["x0"]),
                x1=float(row["x1"]),
                size=round(max(set(sizes), key=sizes.count), 1),
                bold=bold,
            )
        )
    result = Page(page.page_number, lines, float(page.width), float(page.height))
    page.close()
    return result
