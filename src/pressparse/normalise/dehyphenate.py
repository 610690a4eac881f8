"""Joining words split at line ends, keeping the hyphens of real compounds.

A line ending in a hyphen can mean three things, and each reads differently:

* a word split by the typesetter: "Förderpro-" + "gramme" → "Förderprogramme";
* a compound's own hyphen: "Smart-" + "City-Atlas", "Baden-" + "Württemberg",
  "EU-" + "weit", "12-" + "18" → the hyphen stays, no space;
* a suspended hyphen: "Lebens-" + "und Wirtschaftsbereichen" → "Lebens- und".

The decision uses, in order: a conjunction after the hyphen (suspended, unless
the two parts make a word: "so-" + "wie"), numbers and single letters (never split
by a typesetter), how the document itself spells the word elsewhere, acronyms,
the case of the second part (a split word goes on in lower case), and a German
word list shipped with the package (`wordlist.py`). A line ending in a slash goes
on without a space ("Frankfurt/" + "Oder"), except after an address.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from enum import Enum
from itertools import pairwise
from typing import TYPE_CHECKING

from .wordlist import is_word

if TYPE_CHECKING:
    from .paragraphs import Paragraph


class Junction(Enum):
    """How a line that ends in a hyphen (or slash) meets the next line."""

    JOIN = "join"  # drop the hyphen: one word
    KEEP = "keep"  # keep the hyphen or slash, no space: a compound
    SUSPENDED = "suspended"  # keep the hyphen and a space: "Lebens- und"


# the segments of a (possibly hyphenated) word: "Smart-City-Atlas"
_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_ALNUM = re.compile(r"[^\W_]+")
# words after which a hyphen stands for a left-out second part ("Lebens- und ...")
_CONJUNCTIONS = frozenset(
    "und oder bzw sowie bis als wie noch resp respektive beziehungsweise u o".split()
)
_ADDRESS = re.compile(r"@|://|\bwww\.", re.IGNORECASE)
# what may stand before a compound's hyphen besides a letter: „Zitat“-Form, Gender*-Form
_BEFORE_COMPOUND_HYPHEN = frozenset("“”\"'’»«)*")
# the rest of a URL's path: lower case, and a slash, dot, hyphen or underscore in it
_PATH = re.compile(r"^[a-z0-9%~_-]+[/._-]\S*$")


class Dehyphenator:
    def __init__(self, segments: Counter[str], pairs: Counter[str]) -> None:
        self.segments = segments  # word segments the document spells closed
        self.pairs = pairs  # "a-b" pairs the document spells with a hyphen

    @classmethod
    def for_lines(cls, lines: Iterable[str]) -> Dehyphenator:
        """Count how the document spells words, leaving out line-end fragments."""
        segments: Counter[str] = Counter()
        pairs: Counter[str] = Counter()
        for text in lines:
            if text.endswith("-"):
                text = text[: text.rfind(" ") + 1] if " " in text else ""
            for token in _TOKEN.findall(text):
                parts = token.casefold().split("-")
                segments.update(parts)
                if len(parts) > 1:
                    pairs.update(f"{a}-{b}" for a, b in pairwise(parts))
        return cls(segments, pairs)

    @classmethod
    def for_paragraphs(cls, paras: Iterable[Paragraph]) -> Dehyphenator:
        return cls.for_lines(text for para in paras for text, _ in para.lines)

    def junction(self, before: str, after: str) -> Junction | None:
        """How `before` and the following line `after` meet; None for an ordinary space."""
        if not before or not after or before[-1] not in "-/":
            return None
        token = before.rsplit(None, 1)[-1]
        head = after.split(None, 1)[0]
        if len(token) < 2 or not _ALNUM.search(token):
            return None  # a dash standing alone, "--": not a split word
        if head[0] == "&" and token[-1] == "-":
            return Junction.SUSPENDED
        if not head[0].isalnum():
            return None
        if not token[-2].isalnum():
            if token[-1] == "-" and token[-2] in _BEFORE_COMPOUND_HYPHEN:
                return Junction.KEEP  # „Aktionsfonds“-Zuschuss, LSBTIQ*-Community
            if token[-1] == "-" and token[-2] in "./@_" and _ADDRESS.search(token):
                return Junction.JOIN  # an address split after its punctuation
            return None
        if before[-1] == "/":
            # "Frankfurt/" + "Oder", "und/" + "oder"; an address goes on only with its path
            if _ADDRESS.search(token) and not _PATH.match(head):
                return None
            return Junction.KEEP
        return self._hyphen(token[:-1], head)

    def _hyphen(self, token: str, head: str) -> Junction:
        left = _ALNUM.findall(token)[-1]
        right = _ALNUM.match(head).group(0)  # type: ignore[union-attr]
        joined = (left + right).casefold()
        hyphened = f"{left}-{right}".casefold()
        seen_joined = self.segments.get(joined, 0)
        seen_hyphened = self.pairs.get(hyphened, 0)
        if right in _CONJUNCTIONS:
            # "Lebens-" + "und": suspended, but "so-" + "wie" is "sowie"
            return Junction.JOIN if seen_joined or is_word(joined) else Junction.SUSPENDED
        if left[-1].isdigit() or right[0].isdigit():
            return Junction.KEEP  # "12-18", "Covid-19"
        # a word set in capitals split by the typesetter: "MINISTE-" + "RIUM", "C-" + "DU"
        capitals = left.isupper() and right.isupper() and len(right) >= 2
        if len(left) == 1:
            split = capitals and (seen_joined or is_word(joined))
            return Junction.JOIN if split else Junction.KEEP  # "E-Mail", "U-Bahn"
        if seen_joined != seen_hyphened:
            return Junction.JOIN if seen_joined > seen_hyphened else Junction.KEEP
        if left.isupper():
            # an acronym ("EU-weit"), unless a word set in capitals was split
            return Junction.JOIN if capitals and is_word(joined) else Junction.KEEP
        if _ADDRESS.search(token) or "@" in head:
            # hyphens inside addresses mostly join words: "klima-sucht", not "touris-mus"
            if is_word(joined):
                return Junction.JOIN
            return Junction.KEEP if is_word(left) and is_word(right) else Junction.JOIN
        if right[0].isupper():
            return Junction.KEEP  # a split word goes on in lower case
        if is_word(joined):
            return Junction.JOIN
        if is_word(hyphened) or is_word(_full(token, right)):
            return Junction.KEEP  # "deutsch-französischen", "baden-württembergischen"
        return Junction.JOIN

    def should_join(self, before: str, after: str) -> bool:
        """Whether the hyphen ending `before` is dropped when `after` follows."""
        return self.junction(before, after) is Junction.JOIN

    def merge_split_paragraphs(self, paras: list[Paragraph]) -> list[Paragraph]:
        """A word split over a page break or a blank line joins two paragraphs.

        Only at a hyphen: a paragraph ending in a slash is mostly an address.
        """
        merged: list[Paragraph] = []
        for para in paras:
            last = merged[-1].lines[-1][0] if merged else ""
            if last.endswith("-") and self.junction(last, para.lines[0][0]):
                merged[-1].lines.extend(para.lines)
            else:
                merged.append(para)
        return merged


def _full(token: str, right: str) -> str:
    """The whole hyphenated word a line-end token and its continuation make."""
    return f"{_TOKEN.findall(token)[-1]}-{right}".casefold() if _TOKEN.search(token) else ""
