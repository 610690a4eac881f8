"""Running headers, footers and page numbers: lines that belong to the page, not the text.

A line is furniture when it stands near the top or bottom edge of the page and

* repeats at the same height on most pages (digits masked, so "Seite 2 von 3"
  repeats as "Seite # von #"), or
* has the shape of a page number ("Seite 2 von 3", "- 2 -", "2/3", "ii"), or
* belongs to a footer block: small print, centred, below the last line of text
  (the letterhead footer of a one-page release has nothing to repeat against),

and nothing but other furniture stands between it and the edge. Lines of the text
itself that happen to repeat ("Projekttitel" in a list of projects) stand at
different heights, or at one height on a few pages only, and are kept.
"""

from __future__ import annotations

import re
from collections import Counter

from ..layout import Line, Page

_PAGE_NUMBER = re.compile(
    r"^(?:(?:Seite|S\.|Blatt|Page)\s*\d+(?:\s*(?:von|/|of|aus)\s*\d+)?"
    r"|[-–—]\s*\d+\s*[-–—]|\d+\s*(?:/|von)\s*\d+|\d{1,3}|[ivxlc]{1,7})$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
BAND = 0.12  # share of the page height where page numbers and footers stand
REPEAT_BAND = 0.2  # running headers and footers may reach further into the page
SAME_PLACE = 4.0  # points: how far a repeated line may move between pages


def _key(line: Line) -> str:
    return _DIGITS.sub("#", " ".join(line.text.split())).casefold()


def _edge_distance(line: Line, page: Page) -> float | None:
    """Signed distance from the nearer edge: positive from the top, negative from the bottom."""
    if line.top is None or not page.height:
        return None
    bottom = line.bottom if line.bottom is not None else line.top
    if line.top < page.height / 2:
        return line.top
    return -(page.height - bottom)


def _in_band(line: Line, page: Page, band: float) -> bool:
    dist = _edge_distance(line, page)
    return dist is not None and page.height is not None and abs(dist) < page.height * band


def body_size(pages: list[Page]) -> float | None:
    """The font size most of the text is set in (weighted by characters)."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            if line.size:
                sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else None


def _repeated(pages: list[Page]) -> set[int]:
    """ids of lines whose text recurs at the same height on another page."""
    seen: dict[str, list[tuple[int, float, int]]] = {}
    for page in pages:
        for line in page.lines:
            if _in_band(line, page, REPEAT_BAND):
                dist = _edge_distance(line, page)
                seen.setdefault(_key(line), []).append((page.number, dist or 0.0, id(line)))
    # on most pages: text of a list can recur at one height on two pages by chance
    needed = max(2, (len(pages) + 1) // 2)
    found: set[int] = set()
    for places in seen.values():
        if len(places) < needed:
            continue
        for number, dist, ident in places:
            pages_here = {n for n, d, _ in places if abs(d - dist) <= SAME_PLACE}
            if len(pages_here) >= needed and number in pages_here:
                found.add(ident)
    return found


def _footer_block(page: Page, size: float | None) -> set[int]:
    """ids of the small, centred lines below the page's last line of text."""
    if not size or not page.width or not page.height:
        return set()
    found: set[int] = set()
    for line in reversed(page.lines):
        if line.x0 is None or line.x1 is None or not line.size:
            break
        centred = abs((line.x0 + line.x1) / 2 - page.width / 2) < page.width * 0.04
        indented = line.x0 > page.width * 0.15
        if (
            _in_band(line, page, BAND)
            and (_edge_distance(line, page) or 0.0) < 0
            and line.size < size - 0.5
            and centred
            and indented
        ):
            found.add(id(line))
        elif not _PAGE_NUMBER.match(line.text.strip()):
            break
    return found


def _edge_lines(page: Page, removable: set[int]) -> set[int]:
    """ids of removable lines that only furniture separates from the page's edge."""
    lines = sorted(
        (ln for ln in page.lines if ln.top is not None), key=lambda ln: ln.top or 0.0
    )
    found: set[int] = set()
    for run in (lines, lines[::-1]):
        for line in run:
            if id(line) not in removable:
                break
            found.add(id(line))
    return found


def remove_furniture(pages: list[Page]) -> list[Page]:
    repeated = _repeated(pages) if len(pages) >= 2 else set()
    size = body_size(pages)
    out: list[Page] = []
    for page in pages:
        removable = repeated | _footer_block(page, size)
        removable.update(
            id(ln)
            for ln in page.lines
            if _in_band(ln, page, BAND) and _PAGE_NUMBER.match(ln.text.strip())
        )
        edge = _edge_lines(page, removable)
        kept = [ln for ln in page.lines if id(ln) not in edge]
        out.append(Page(page.number, kept, page.width, page.height))
    return out
