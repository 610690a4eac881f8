"""Paragraphs from lines: blank lines in text files; gaps, fonts and shapes in PDFs.

A PDF has no paragraph marks, only lines with a position and a font. A new
paragraph starts where the gap to the previous line is clearly larger than the
line pitch of that font size, where the font size or weight changes (a title in
bold wraps over two lines and stays one paragraph), at a bullet, at a first-line
indent, and after a short last line in justified text. A paragraph the page
break cuts (the page ends mid-sentence and the next page goes on in lower case)
is one paragraph, and so, in PDFs and text files alike, is a sentence a blank
line cuts after an article, conjunction or preposition.

A text file has one line per paragraph, unless it is wrapped at a fixed width
like an e-mail: then a paragraph runs up to a blank line, a bullet, or a line
that ended although the next word would have fitted on it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import pairwise

from ..layout import Line, Page

BULLETS = frozenset("•·▪‣◦●○■□➢➤►▶✓✔-–*")
# a dash may also open a wrapped line; a mark with a tab after it ("\t") never does
_HARD_BULLETS = (BULLETS - {"-", "–", "*"}) | {"\t"}
_NUMBERED = re.compile(r"^\(?(?:\d{1,2}|[a-z])[.)]\t")
_SENTENCE_END = tuple(".!?:;“”\"'»«)…")
# abbreviations after which a line ending in a full stop goes on ("5 Mrd." + "Euro")
_ABBREVIATIONS = frozenset(
    "mio mrd tsd nr dr prof ca bzw vgl z b u a o d.h zb inkl zzgl ggf gem abs art "
    "tel str st hr fr dipl ing evtl sog max min rd gen".split()
)

# words no German sentence ends with: a paragraph ending in one was cut in two
_NEVER_LAST = frozenset(
    "der die den dem des einer einem einen eines und oder sowie dass zum zur im beim vom "
    "für von".split()
)


@dataclass(slots=True)
class Paragraph:
    lines: list[tuple[str, int]] = field(default_factory=list)  # (text, page number)

    @property
    def text(self) -> str:
        return " ".join(t for t, _ in self.lines)


def paragraphs_of(pages: list[Page], pdf: bool) -> list[Paragraph]:
    return _pdf_paragraphs(pages) if pdf else _text_paragraphs(pages)


def merge_broken_sentences(paras: list[Paragraph]) -> list[Paragraph]:
    """Join a paragraph ending in an article, conjunction or preposition to the next.

    Releases copied from web pages carry blank lines in mid-sentence ("sollten
    deshalb die" / "Digitalisierungsaktivitäten in Gemeinden ..."); a PDF made from
    them carries the gap too. Particles that end sentences ("stellt ... vor") are
    not in the list.
    """
    merged: list[Paragraph] = []
    for para in paras:
        if merged and para.lines[0][0][:1].isalnum():
            words = merged[-1].lines[-1][0].rsplit(None, 1)
            if words and words[-1] in _NEVER_LAST:
                merged[-1].lines.extend(para.lines)
                continue
        merged.append(para)
    return merged


def _text_paragraphs(pages: list[Page]) -> list[Paragraph]:
    """Each non-empty line of a text file is a paragraph, unless the file is hard-wrapped."""
    lines = [(line.text.rstrip(), page.number) for page in pages for line in page.lines]
    width = _wrap_width([text for text, _ in lines])
    paras: list[Paragraph] = []
    prev = ""
    for text, number in lines:
        if not text.strip():
            prev = ""
            continue
        if width and prev and not _intended_break(prev, text, width):
            paras[-1].lines.append((text, number))
        else:
            paras.append(Paragraph([(text, number)]))
        prev = text
    return paras


def _wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped text file (an e-mail, a fixed-width export) is wrapped at.

    Such a file has many lines of one neighbouring length, none much longer; a
    file of one line per paragraph has long lines of every length.
    """
    lengths = sorted(len(t) for t in lines if t.strip())
    if len(lengths) < 8:
        return None
    width = lengths[-1]
    if not 40 <= width <= 100:
        return None
    near = sum(n >= width - 15 for n in lengths)
    followed = [a for a, b in pairwise(lines) if a.strip() and b.strip() and len(a) >= width - 15]
    # wrapped prose breaks mid-sentence; a list of lines of similar length does not
    mid_sentence = sum(not a.endswith(_SENTENCE_END) for a in followed)
    if near >= len(lengths) * 0.5 and len(followed) >= 5 and mid_sentence * 2 > len(followed):
        return width
    return None


def _intended_break(prev: str, text: str, width: int) -> bool:
    """A line ended early, though the next line's first word would have fit on it."""
    if _bullet(text):
        return True  # an indented line goes on with its bullet
    first = text.split(None, 1)[0]
    return len(prev) + 1 + len(first) <= width


@dataclass(slots=True)
class _Geometry:
    """What the document's lines say about its layout."""

    pitch: dict[float, float]  # font size → distance from one line's top to the next's
    body: float  # body font size
    left: float  # left margin of body lines
    right: float  # right edge of full body lines
    justified: bool

    def pitch_for(self, size: float | None) -> float:
        size = size or self.body
        if size in self.pitch:
            return self.pitch[size]
        base = self.pitch.get(self.body, self.body * 1.2)
        return base * size / self.body


def _geometry(pages: list[Page]) -> _Geometry:
    gaps: dict[float, list[float]] = defaultdict(list)
    sizes: Counter[float] = Counter()
    lefts: Counter[float] = Counter()
    for page in pages:
        for a, b in pairwise(page.lines):
            if a.top is not None and b.top is not None and a.size and a.size == b.size:
                gap = b.top - a.top
                if 0.8 * a.size < gap < 3.0 * a.size:
                    gaps[a.size].append(gap)
        for line in page.lines:
            if line.size:
                sizes[line.size] += len(line.text)
    body = sizes.most_common(1)[0][0] if sizes else 10.0
    pitch = {s: p for s, g in gaps.items() if (p := _pitch(g, s))}
    ends: list[float] = []
    for page in pages:
        for line in page.lines:
            if line.size == body and line.x0 is not None and line.x1 is not None:
                lefts[round(line.x0)] += 1
                ends.append(line.x1)
    left = float(lefts.most_common(1)[0][0]) if lefts else 0.0
    right = sorted(ends)[int(len(ends) * 0.9)] if ends else 0.0
    justified = bool(ends) and sum(abs(e - right) < body * 0.5 for e in ends) > len(ends) * 0.4
    return _Geometry(pitch, body, left, right, justified)


def _pitch(gaps: list[float], size: float) -> float | None:
    """The line pitch inside a paragraph: the smallest gap that recurs.

    Not the median: in a list of one-line items most gaps are paragraph gaps.
    A few lines may all be paragraphs of one line each: then a usual pitch caps it.
    """
    counts = Counter(round(g * 2) / 2 for g in gaps)
    need = max(2, len(gaps) // 10)
    recurring = [g for g, n in counts.items() if n >= need]
    if not recurring:
        return None
    return min(recurring) if len(gaps) >= 8 else min(*recurring, size * 1.25)


def _bullet(text: str) -> str | None:
    """The mark a list item opens with: a bullet, or a number or letter with a tab after it
    (the loader keeps the tab; "1. Januar" at the start of a wrapped line has none)."""
    text = text.lstrip()
    if text[:1] in BULLETS and text[1:2] in (" ", "\t"):
        return text[0] if text[1] == " " else "\t"
    if _NUMBERED.match(text):
        return "\t"
    return None


def _starts_new(
    prev: Line, line: Line, geo: _Geometry, para_bullet: str | None, block_right: float | None
) -> bool:
    """Whether `line` opens a new paragraph after `prev`.

    `block_right` is where the paragraph's earlier lines end: an indented quotation
    in justified text has its own right edge, short of the page's.
    """
    if prev.top is None or line.top is None:
        return False
    gap = line.top - prev.top
    size = max(prev.size or geo.body, line.size or geo.body)
    if gap > geo.pitch_for(size) * 1.2 or gap < 0:
        return True  # a wider gap, or a jump back up (another column)
    if prev.size and line.size and abs(prev.size - line.size) >= 0.9:
        return True
    if prev.bold != line.bold:
        return True
    bullet = _bullet(line.text)
    if bullet in _HARD_BULLETS or (bullet and para_bullet == bullet):
        return True
    body_line = prev.size == geo.body and not prev.bold
    right = block_right or geo.right
    short = (
        prev.x1 is not None
        and right
        and (
            prev.x1 < right - 2 * geo.body
            if geo.justified
            else prev.x1 < right - (right - geo.left) * 0.3
        )
    )
    if body_line and short and not prev.text.endswith("-"):
        if geo.justified and not line.text[:1].islower():
            return True
        if prev.text.rstrip().endswith(_SENTENCE_END) and not line.text[:1].islower():
            return True
        if bullet:
            return True
    indented = line.x0 is not None and line.x0 > geo.left + geo.body
    flush = prev.x0 is not None and abs(prev.x0 - geo.left) < geo.body * 0.5
    return bool(indented and flush and para_bullet is None and body_line)


def _pdf_paragraphs(pages: list[Page]) -> list[Paragraph]:
    geo = _geometry(pages)
    paras: list[Paragraph] = []
    prev: Line | None = None  # the last line read, also across the page break
    for page in pages:
        lines = [ln for ln in page.lines if ln.text.strip()]
        current: Paragraph | None = None
        bullet: str | None = None
        block_right: float | None = None  # where the paragraph's lines before `prev` end
        for line in lines:
            if current is None:
                if not (paras and prev and _continues(prev, line, geo)):
                    paras.append(Paragraph())
                    bullet, block_right = _bullet(line.text), None
                current = paras[-1]
            elif prev is not None and _starts_new(prev, line, geo, bullet, block_right):
                current = Paragraph()
                paras.append(current)
                bullet, block_right = _bullet(line.text), None
            elif prev is not None and prev.x1 is not None:
                block_right = max(block_right or 0.0, prev.x1)
            current.lines.append((line.text, page.number))
            prev = line
    return paras


def _continues(last: Line, first: Line, geo: _Geometry) -> bool:
    """A page's first line goes on with the paragraph the previous page ended with:
    that paragraph stops mid-sentence, and the new line goes on in lower case or
    the old one ran to the right margin (a paragraph's last line is short)."""
    if _ends_sentence(last.text) or _bullet(first.text):
        return False
    if first.text.lstrip()[:1].islower():
        return True
    full = last.x1 is not None and geo.right and last.x1 > geo.right - geo.body
    return bool(full and last.size == first.size and last.bold == first.bold)


def _ends_sentence(text: str) -> bool:
    text = text.rstrip()
    if not text.endswith(_SENTENCE_END):
        return False
    if text.endswith("."):
        word = text[:-1].rsplit(None, 1)[-1].rsplit(".", 1)[-1].casefold()
        return word not in _ABBREVIATIONS
    return True
