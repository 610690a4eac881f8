"""Normalising: from pages of lines to the one text every fact's offsets refer to.

Paragraphs are separated by a blank line and a paragraph is one line: a PDF's
line breaks inside a paragraph become spaces (or vanish with the hyphen of a
word split at the line end), so a release reads the same from PDF and from text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field

from ..config import NormaliseSettings
from ..layout import LoadedDocument, Page
from .dehyphenate import Dehyphenator, Junction
from .furniture import remove_furniture
from .paragraphs import Paragraph, merge_broken_sentences, paragraphs_of

_SPACE = re.compile(r"[ \t\v\f\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# invisible characters, and the private use area: glyphs of symbol fonts without a meaning
_INVISIBLE = re.compile(
    r"[\x00-\x08\x0e-\x1f\x7f\u00ad\u200b\u200c\u200d\u2060\ufeff\ue000-\uf8ff]"
)
# ligature glyphs PDFs leave in the text, and the hyphen characters that are a "-"
_FOLD = str.maketrans({
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st", "\u2010": "-", "\u2011": "-",
})


@dataclass(slots=True)
class NormalisedText:
    """The normalised text and where each page starts in it (PDFs only)."""

    text: str
    page_starts: list[int] = field(default_factory=list)  # offset where page i+1 begins

    def page_at(self, offset: int) -> int | None:
        if not self.page_starts:
            return None
        return max(1, bisect_right(self.page_starts, offset))


def clean_line(text: str) -> str:
    """NFC, one space for any run of white space, no invisible characters.

    A soft hyphen at the line end is where the typesetter split a word: it becomes
    a hyphen for the de-hyphenator to decide on; elsewhere soft hyphens vanish.
    """
    text = text.rstrip()
    if text.endswith("\u00ad"):
        text = text[:-1] + "-"
    text = _INVISIBLE.sub("", text).translate(_FOLD)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return _SPACE.sub(" ", text).strip()


def normalise(doc: LoadedDocument, settings: NormaliseSettings | None = None) -> NormalisedText:
    settings = settings or NormaliseSettings()
    pages: list[Page] = doc.pages
    if doc.is_pdf and settings.remove_furniture:
        pages = remove_furniture(pages)
    paras = paragraphs_of(pages, pdf=doc.is_pdf)
    for para in paras:
        para.lines = [(c, p) for t, p in para.lines if (c := clean_line(t))]
    paras = [p for p in paras if p.lines]
    dehyph = Dehyphenator.for_paragraphs(paras) if settings.dehyphenate else None
    if dehyph:
        paras = dehyph.merge_split_paragraphs(paras)
    paras = merge_broken_sentences(paras)
    return _assemble(paras, dehyph, pdf=doc.is_pdf)


def _assemble(paras: list[Paragraph], dehyph: Dehyphenator | None, pdf: bool) -> NormalisedText:
    pieces: list[str] = []
    page_starts: list[int] = []
    length = 0
    for para in paras:
        for i, (line, page) in enumerate(para.lines):
            if i == 0:
                sep = "\n\n" if pieces else ""
            else:
                junction = dehyph.junction(pieces[-1], line) if dehyph else None
                if junction is Junction.JOIN:
                    pieces[-1] = pieces[-1][:-1]
                    length -= 1
                sep = "" if junction in (Junction.JOIN, Junction.KEEP) else " "
            while len(page_starts) < page:
                page_starts.append(length + len(sep))
            pieces.append(sep + line if sep else line)
            length += len(sep) + len(line)
    return NormalisedText("".join(pieces), page_starts if pdf else [])
