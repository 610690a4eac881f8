"""The word classes every step of the persons search asks about, and the regex pieces
of a name: one place, so that each step reads a word the same way."""

from __future__ import annotations

import re
from functools import cache

from ...lang.de import persons as lex

CAP = lex.CAP_WORD
TITLE = lex.TITLE
PART = "|".join(sorted(lex.PARTICLES, key=len, reverse=True))
SP = r"[ \u00a0]"
_ROMAN_RE = re.compile(r"[IVXL]{1,5}")


@cache
def word_kind(tok: str) -> str:
    """T title, H honorific, R role noun, F given name, P particle, S stop word, C other."""
    if lex.TITLE_RE.fullmatch(tok):
        return "T"
    if len(tok) == 2 and tok[1] == ".":
        return "I"
    if tok in lex.HONORIFICS:
        return "H"
    if tok in lex.PARTICLES:
        return "P"
    low = tok.casefold()
    if low in lex.NOT_NAME_WORDS or low in lex.INSTITUTION_WORDS:
        return "S"
    if lex.is_role_word(tok):
        return "R"
    if lex.is_first_name(tok):
        return "F"
    return "C"


@cache
def institutional(tok: str) -> bool:
    low = tok.casefold()
    if low in lex.INSTITUTION_WORDS:
        return True
    return low.endswith(lex.INSTITUTION_SUFFIXES)


def org_tail(tokens: list[str]) -> bool:
    """A name that ends in a legal form or an acronym is a club's or a firm's: "Hertha
    BSC", "Union Berlin FC"; not a name written in capitals ("ANNA ROTH")."""
    last = tokens[-1]
    if last.casefold() in lex.LEGAL_FORMS:
        return True
    return (len(tokens) > 1 and last.isupper() and len(last) <= 5 and not _ROMAN_RE.fullmatch(last)
            and not all(t.isupper() for t in tokens))


def name_shaped(tokens: list[str], min_tokens: int = 2) -> bool:
    """Capitalised words that could be a person's name (no stop, role or noun-like word)."""
    if not min_tokens <= len(tokens) <= 4:
        return False
    parts = [i for i, t in enumerate(tokens) if t in lex.PARTICLES]
    if parts and (parts[0] == 0 or len(tokens) - parts[-1] > 2):
        return False  # particles stand between given name and surname: "Kuratiert von X Y"
    core = [t for t in tokens if t not in lex.PARTICLES]
    if not core or tokens[0] in lex.PARTICLES:
        return False
    for t in core:
        kind = word_kind(t)
        if kind in "STHR" or institutional(t):
            return False
        if t.isupper() and len(t) <= 3:
            return False
    if any(len(t) < 2 for t in core) or org_tail(tokens):
        return False
    return not any(lex.NOUN_SUFFIX_RE.search(t.casefold()) for t in core[1:]) and not (
        lex.NOUN_SUFFIX_RE.search(core[0].casefold()) and not lex.is_first_name(core[0]))
