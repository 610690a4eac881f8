"""Paragraphs from lines: blank lines in text files, vertical gaps and font changes in PDFs."""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median

from ..layout import Page


@dataclass(slots=True)
class Paragraph:
    lines: list[tuple[str, int]] = field(default_factory=list)  # (text, page number)

    @property
    def text(self) -> str:
        return " ".join(t for t, _ in self.lines)


def paragraphs_of(pages: list[Page], pdf: bool) -> list[Paragraph]:
    return _pdf_paragraphs(pages) if pdf else _text_paragraphs(pages)


def _text_paragraphs(pages: list[Page]) -> list[Paragraph]:
    """A text file's lines are kept as they are: each non-empty line is a paragraph."""
    paras: list[Paragraph] = []
    for page in pages:
        for line in page.lines:
            if line.text.strip():
                paras.append(Paragraph([(line.text, page.number)]))
    return paras


def _pdf_paragraphs(pages: list[Page]) -> list[Paragraph]:
    """Break where the gap to the previous line is clearly larger than the line pitch,
    where the font size changes, or where a line ends well short of the right margin
    (a paragraph's last line) and the next starts a new sentence-like block."""
    paras: list[Paragraph] = []
    for page in pages:
        lines = [ln for ln in page.lines if ln.text.strip()]
        if not lines:
            continue
        gaps = [
            b.top - a.top
            for a, b in zip(lines, lines[1:], strict=False)
            if a.top is not None and b.top is not None and b.top > a.top
        ]
        pitch = median(gaps) if gaps else 0.0
        right = max((ln.x1 or 0.0) for ln in lines)
        current: Paragraph | None = None
        prev = None
        for ln in lines:
            new = current is None
            if prev is not None and not new:
                gap = (ln.top or 0.0) - (prev.top or 0.0)
                if pitch and gap > pitch * 1.35:
                    new = True
                elif ln.size and prev.size and abs(ln.size - prev.size) >= 0.9:
                    new = True
                elif ln.bold != prev.bold:
                    new = True
                elif prev.x1 is not None and right and prev.x1 < right * 0.75 and pitch:
                    new = gap > pitch * 1.05 or _starts_block(ln.text)
            if new:
                current = Paragraph()
                paras.append(current)
            current.lines.append((ln.text, page.number))
            prev = ln
    return paras


def _starts_block(text: str) -> bool:
    t = text.lstrip()
    return t[:1] in {"•", "-", "–", "*", "·"} or (t[:1].isdigit() and t[1:3] in {") ", ". "})
