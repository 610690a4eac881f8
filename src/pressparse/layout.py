"""Plain objects for what a loader reads: pages of lines, with where each line stood.

A text file is one page whose lines carry no geometry; a PDF page's lines carry
their position and font size, which the normaliser uses to find running headers,
footers and paragraph breaks.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Line:
    text: str
    top: float | None = None
    bottom: float | None = None
    x0: float | None = None
    x1: float | None = None
    size: float | None = None
    bold: bool = False


@dataclass(slots=True)
class Page:
    number: int  # 1-based
    lines: list[Line] = field(default_factory=list)
    width: float | None = None
    height: float | None = None


@dataclass(slots=True)
class LoadedDocument:
    """What a loader hands on: the source's bytes facts and its pages."""

    path: str
    media_type: str  # "text/plain" or "application/pdf"
    sha256: str
    size: int
    pages: list[Page]
    encoding: str | None = None  # text files only
    warnings: list[str] = field(default_factory=list)

    @property
    def is_pdf(self) -> bool:
        return self.media_type == "application/pdf"
