"""From a page's glyphs to its lines, the same way whichever library read the PDF.

Glyphs are grouped into lines by their vertical centre (a raised footnote mark
stays in its line), ordered left to right, and spaced by the gaps between them.
A gap of one and a half font sizes is a column of a table or a tab stop: it is
written as " | ", the way the text versions of releases separate table cells,
unless the line is justified (all its gaps stretched alike). A table row whose
cells wrap onto a second line becomes one line again. A bullet or number with a
tab after it opens a list item: the tab is kept for the paragraph builder.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from ..layout import Line

SPACE_GAP = 0.15  # a gap wider than this share of the font size is a space
CELL_GAP = 1.5  # a gap wider than this many font sizes separates table cells
TAB_GAP = 0.8  # after a list item's bullet or number, a gap this wide is a tab
_BOLD = re.compile(r"bold|black|heavy|demi|semibold|[-,]b$", re.IGNORECASE)
# bullets of the Symbol and Wingdings fonts, which PDFs report in the private use area
_SYMBOL_BULLETS = str.maketrans(dict.fromkeys(
    "\uf0b7\uf0a7\uf06c\uf06e\uf0a8\uf0d8\uf0e0\uf0fc\uf076\uf075\uf0fb\uf02d", "•"))
# what opens a list item and stands apart from its text by a tab, not a table column
_ITEM_MARK = re.compile(r"^(?:[•·▪‣◦●○■□➢➤►▶✓✔*–-]|\(?\d{1,2}[.)]|\(?[a-z][.)])$")


class Glyph(NamedTuple):
    text: str
    x0: float
    x1: float
    top: float  # from the top of the page
    bottom: float
    size: float
    bold: bool


def is_bold(fontname: str) -> bool:
    return bool(_BOLD.search(fontname.rsplit("+", 1)[-1]))


def lines_of(glyphs: list[Glyph]) -> list[Line]:
    """The page's lines, top to bottom."""
    rows: list[list[Glyph]] = []
    anchor = size = 0.0
    for g in sorted(glyphs, key=lambda g: (g.top + g.bottom) / 2):
        centre = (g.top + g.bottom) / 2
        if rows and centre - anchor <= 0.5 * max(size, g.size):
            rows[-1].append(g)
        else:
            rows.append([g])
            anchor, size = centre, g.size
    right_edge = max((g.x1 for g in glyphs if not g.text.isspace()), default=0.0)
    return _merge_wrapped_cells(
        [line for row in rows if (line := _line(row, right_edge)) is not None]
    )


class _Cells(NamedTuple):
    starts: list[float]  # where each cell begins
    texts: list[str]


def _line(row: list[Glyph], right_edge: float) -> tuple[Line, _Cells | None] | None:
    row.sort(key=lambda g: g.x0)
    words: list[list[Glyph]] = []
    gaps: list[float] = []  # the gap before each word but the first
    prev: Glyph | None = None
    pending = False
    for g in row:
        if g.text.isspace():
            pending = prev is not None
            continue
        if prev is not None:
            if g.text == prev.text and abs(g.x0 - prev.x0) < 0.1 * g.size:
                continue  # overprinted for a bold look
            gap = g.x0 - prev.x1
            if pending or gap > SPACE_GAP * g.size:
                words.append([])
                gaps.append(gap)
            words[-1].append(g)
        else:
            words.append([g])
        prev = g
        pending = False
    if not words:
        return None
    ink = [g for word in words for g in word]
    size = Counter(round(g.size, 1) for g in ink).most_common(1)[0][0]
    x1 = max(g.x1 for g in ink)
    breaks = _cell_breaks(gaps, size, abs(x1 - right_edge) < 1.0)
    texts = ["".join(g.text for g in word).translate(_SYMBOL_BULLETS) for word in words]
    # "•<tab>Text", "1.<tab>Text": a list item, not a table row
    tabbed = bool(gaps) and gaps[0] > TAB_GAP * size and bool(_ITEM_MARK.match(texts[0]))
    if tabbed:
        breaks.discard(0)
    cells: list[str] = [""]
    starts = [words[0][0].x0]
    for i, (word, text) in enumerate(zip(words, texts, strict=True)):
        if i and i - 1 in breaks:
            cells.append("")
            starts.append(word[0].x0)
        cells[-1] += ("\t" if tabbed and i == 1 else " " if cells[-1] else "") + text
    line = Line(
        text=" | ".join(cells),
        top=min(g.top for g in ink),
        bottom=max(g.bottom for g in ink),
        x0=ink[0].x0,
        x1=x1,
        size=size,
        bold=sum(g.bold for g in ink) * 2 > len(ink),
    )
    return line, (_Cells(starts, cells) if len(cells) > 1 else None)


def _cell_breaks(gaps: list[float], size: float, full_width: bool) -> set[int]:
    """Which word gaps separate table cells.

    A justified line stretches all its word gaps alike, and a line of two or three
    long words can stretch them wide; the gaps of a table row differ, and its
    cells hold ordinary spaces.
    """
    wide = {i for i, gap in enumerate(gaps) if gap > CELL_GAP * size}
    if not wide:
        return wide
    ordinary = any(gap <= size for gap in gaps)
    alike = max(gaps) - min(gaps) < 1.0
    if ordinary or not (alike and (full_width or len(gaps) > 1)):
        return wide
    return set()


def _merge_wrapped_cells(items: list[tuple[Line, _Cells | None]]) -> list[Line]:
    """A line whose cells all stand under cells of the table row above continues them."""
    out: list[tuple[Line, _Cells | None]] = []
    for line, cells in items:
        above, row = out[-1] if out else (None, None)
        columns = [_column(x, row.starts) for x in cells.starts] if cells and row else []
        if (
            above is None
            or cells is None
            or row is None
            or len(cells.starts) >= len(row.starts)
            or (line.top or 0.0) - (above.bottom or 0.0) > (line.size or 0.0) * 0.8
            or None in columns
        ):
            out.append((line, cells))
            continue
        texts = list(row.texts)
        for column, text in zip(columns, cells.texts, strict=True):
            assert column is not None
            joint = "" if texts[column].endswith("-") else " "
            texts[column] = f"{texts[column]}{joint}{text}".strip()
        above.text = " | ".join(texts)
        above.bottom = line.bottom
        above.x1 = max(above.x1 or 0.0, line.x1 or 0.0)
        out[-1] = (above, _Cells(row.starts, texts))
    return [line for line, _ in out]


def _column(x: float, starts: list[float]) -> int | None:
    for i, start in enumerate(starts):
        if abs(x - start) <= 2.0:
            return i
    return None
