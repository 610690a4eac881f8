"""Joining words split at line ends, keeping the hyphens of real compounds.

"Förderpro-" + "gramme" is one word; "Smart-" + "City-Atlas" and "Baden-" +
"Württemberg" keep their hyphen; "Lebens-" + "und Wirtschaftsbereichen" is a
suspended hyphen. The decision uses, in order: how the document itself spells
the word elsewhere, a German word list shipped with the package, then the case
of the second part (German compounds with a hyphen mostly capitalise it).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .wordlist import is_word

if TYPE_CHECKING:
    from .paragraphs import Paragraph

_TAIL = re.compile(r"([^\W\d_][\w@.]*?)-$")  # the fragment before a line-end hyphen
_HEAD = re.compile(r"^([^\W\d_][\w-]*)")  # the first word of the next line
_WORD = re.compile(r"[^\W\d_][\w-]*[^\W\d_]|[^\W\d_]")
# Words after which a line-end hyphen is a suspended hyphen ("Lebens- und ...").
_CONJUNCTIONS = frozenset({"und", "oder", "bzw", "sowie", "bis", "als", "wie", "noch", "u"})


class Dehyphenator:
    def __init__(self, words: Counter[str]) -> None:
        self.words = words

    @classmethod
    def for_paragraphs(cls, paras: Iterable[Paragraph]) -> Dehyphenator:
        counts: Counter[str] = Counter()
        for para in paras:
            for text, _ in para.lines:
                counts.update(w.casefold() for w in _WORD.findall(text))
        return cls(counts)

    def should_join(self, before: str, after: str) -> bool:
        """Whether `before` (ending in a hyphen) and `after` are one word split in two."""
        if not before.endswith("-") or before.endswith(("--", " -")):
            return False
        tail = _TAIL.search(before)
        head = _HEAD.match(after)
        if not tail or not head:
            return False
        left = tail.group(1).rsplit("-", 1)[-1]
        right = head.group(1)
        right_first = right.split("-", 1)[0]
        if right_first.casefold() in _CONJUNCTIONS and right_first.islower():
            return False
        if len(left) >= 2 and left.isupper():
            return False  # acronym compounds: "EU-weit", "IT-Sicherheit"
        joined = (left + right_first).casefold()
        hyphened = (left + "-" + right_first).casefold()
        seen_joined = self.words.get(joined, 0)
        seen_hyphened = self.words.get(hyphened, 0)
        if seen_joined or seen_hyphened:
            return seen_joined >= seen_hyphened
        if right_first[:1].isupper():
            return False
        if is_word(joined):
            return True
        if is_word(left.casefold()) and is_word(right_first.casefold()) and len(left) > 3:
            # both halves are words of their own: a lower-case second part still
            # usually means a split word ("Mittel-" + "stand"), keep joining
            return True
        return True

    def merge_split_paragraphs(self, paras: list[Paragraph]) -> list[Paragraph]:
        """A word split over a page break or a blank line joins two paragraphs."""
        merged: list[Paragraph] = []
        for para in paras:
            if merged and self.should_join(merged[-1].lines[-1][0], para.lines[0][0]):
                merged[-1].lines.extend(para.lines)
            else:
                merged.append(para)
        return merged
