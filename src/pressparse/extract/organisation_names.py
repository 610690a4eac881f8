"""Organisation names in the nominative, as they are cited ("des Humanistischen Verbandes"
-> "Humanistischer Verband"): a name is found in whatever case the sentence gives it,
and one organisation must get one name across its mentions. German only.
"""

from __future__ import annotations

import re

from ..lang.de import organisations as org
from ..lang.de.inflection import strong_form
from ..normalise.wordlist import is_word

_GENITIVE_BEFORE = re.compile(r"\b(?:des|eines|dieses|seines|ihres|unseres)[ \u00a0]+$")
# adjectives made from places keep "-er" in every case: "Berliner Philharmonisches Orchester"
_INVARIANT_ADJ = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+er")


def nominative(text: str, start: int, name: str) -> str:
    """The name in the nominative as it is cited: "dem Europäischen Parlament" ->
    "Europäisches Parlament", "des Humanistischen Verbandes" -> "Humanistischer Verband".
    Only leading adjectives and the noun they qualify change, and only where the noun's
    ending tells its gender; otherwise the name stays as written."""
    words = name.split(" ")
    n_adj = 0
    while n_adj < len(words) - 1 and (is_adjective(words[n_adj])
                                      or _INVARIANT_ADJ.fullmatch(words[n_adj])):
        n_adj += 1
    genitive = after_genitive_article(text, start)
    noun_at, gend = _gendered_noun(words, n_adj, genitive)
    if noun_at is None or gend is None:
        return name
    if genitive:
        words[noun_at] = _strip_genitive(words[noun_at])
    for i in range(n_adj):
        if re.search(r"(?:en|em|e)$", words[i]):
            words[i] = strong_form(words[i], gend)
    return " ".join(words)


def after_genitive_article(text: str, start: int) -> bool:
    """Whether a genitive article or possessive stands right before `start` ("des …")."""
    return bool(_GENITIVE_BEFORE.search(text, max(0, start - 12), start))


def is_adjective(word: str) -> bool:
    """A capitalised adjective with an inflection ending ("Deutschen", "Freie", "Roten")."""
    m = re.fullmatch(r"([A-ZÄÖÜ][a-zäöüß]{2,})(en|em|er|es|e)", word)
    if not m:
        return False
    stem = m.group(1).casefold()
    if stem in org.DETERMINER_STEMS:
        return False
    if stem.endswith("isch"):
        return True  # "Philharmonische": derived adjectives, listed or not
    return all(is_word(stem + e) for e in ("e", "er", "es", "en", "em"))


def _gendered_noun(words: list[str], first: int, genitive: bool) -> tuple[int | None,
                                                                         str | None]:
    """The first noun after the adjectives whose ending tells its gender, in a run of
    capitalised words ("Deutschen Wildtier Stiftung" -> Stiftung)."""
    for i in range(first, len(words)):
        word = words[i]
        if not word[:1].isupper() or re.fullmatch(org.LEGAL_FORM, word):
            break
        g = org.gender(_strip_genitive(word) if genitive else word)
        if g:
            return i, g
    return None, None


def _strip_genitive(noun: str) -> str:
    """"Verbandes" -> "Verband", "Vereins" -> "Verein"; a noun whose stripped form has no
    masculine or neuter ending is left alone."""
    for cut in (2, 1):
        if noun.endswith("es"[2 - cut:]) and org.gender(noun[:-cut]) in {"m", "n"}:
            return noun[:-cut]
    return noun
