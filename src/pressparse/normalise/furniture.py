"""Running headers, footers and page numbers: lines that belong to the page, not the text.

A line is furniture when it stands in the top or bottom band of the page and
either repeats on other pages (digits masked, so "Seite 2 von 3" repeats as
"Seite # von #") or has the shape of a page number.
"""

from __future__ import annotations

import re
from collections import Counter

from ..layout import Line, Page

_PAGE_NUMBER = re.compile(
    r"^(?:(?:Seite|S\.|Page)\s*\d+(?:\s*(?:von|/|of)\s*\d+)?|[-–—]\s*\d+\s*[-–—]|\d+\s*/\s*\d+|\d{1,3})$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
BAND = 0.12  # share of the page height counted as header or footer band


def _key(line: Line) -> str:
    return _DIGITS.sub("#", " ".join(line.text.split())).casefold()


def _in_band(line: Line, page: Page) -> bool:
    if line.top is None or not page.height:
        return False
    return line.top < page.height * BAND or (line.bottom or line.top) > page.height * (1 - BAND)


def remove_furniture(pages: list[Page]) -> list[Page]:
    counts = Counter(
        key for page in pages for key in {_key(ln) for ln in page.lines if _in_band(ln, page)}
    )
    repeated = {k for k, n in counts.items() if n >= 2 and len(pages) >= 2}
    out: list[Page] = []
    for page in pages:
        kept = [
            ln
            for ln in page.lines
            if not (
                _in_band(ln, page)
                and (_key(ln) in repeated or _PAGE_NUMBER.match(ln.text.strip()))
            )
        ]
        out.append(Page(page.number, kept, page.width, page.height))
    return out
