"""Merging candidates into persons, and finding their later mentions.

Apart from the search because it needs every person of the document at once: a
genitive or a bare surname joins the person of that name wherever it stands, and
a surname two persons share is no later mention of either.
"""

from __future__ import annotations

import re

from ...lang.de import persons as lex
from .model import Cand, Found, SpanIndex
from .roles import choose_role, role_after, role_before
from .words import CAP, word_kind

_WORDS_RE = re.compile(r"[\w\-]+")
_ROMAN_RE = re.compile(r"[IVX]{1,4}")
_BRACKET_AFTER_RE = re.compile(r"[ \u00a0]?\(")


def _display(tokens: list[str]) -> str:
    words = [t if _ROMAN_RE.fullmatch(t) else
             t.title() if t.isupper() and len(t) > 2 and "-" not in t else
             "-".join(p.title() for p in t.split("-")) if t.isupper() else t for t in tokens]
    return " ".join(words)


def _fold(name: str) -> str:
    return name.casefold().replace("ß", "ss")


def _surname(tokens: list[str]) -> str:
    i = len(tokens) - 1
    while i > 0 and tokens[i - 1] in lex.PARTICLES:
        i -= 1
    if i > 1 and word_kind(tokens[i - 1]) == "C" and word_kind(tokens[0]) == "F":
        i -= 1  # "Maria Schulze Föcking"
    return " ".join(tokens[i:]) if i > 0 else tokens[-1]


def merge(text: str, cands: list[Cand]) -> list[Found]:
    cands.sort(key=lambda c: c.start)
    persons: dict[str, Found] = {}
    by_surname: dict[str, list[Found]] = {}
    full = [c for c in cands if not c.surname_only]
    bare = [c for c in cands if c.surname_only]
    words: set[str] | None = None  # the words of the text, for genitive tests
    for c in full:
        last = c.tokens[-1]
        # a bracket after the name is its apposition, no genitive: "Dilys Williams (…)"
        if last.endswith("s") and len(last) > 3 and not _BRACKET_AFTER_RE.match(text, c.end):
            if words is None:
                words = set(_WORDS_RE.findall(text))
            if last[:-1] in words:
                c.tokens = [*c.tokens[:-1], last[:-1]]
        name = _display(c.tokens)
        key = _fold(name)
        if key.endswith("s") and key[:-1] in persons:
            key = key[:-1]  # genitive: "Thomas Manns Erzählungen"
        found = persons.get(key)
        if found is None:
            sur = _display([_surname(c.tokens)])
            found = Found(name, key, sur, c.title, [], set(), [], c.party)
            persons[key] = found
            by_surname.setdefault(_fold(sur), []).append(found)
        _absorb(found, c)
    # a genitive form, or a hyphenated surname cut at a line break ("Albers -Wenk")
    for key in list(persons):
        base_key = key[:-1] if key.endswith("s") and key[:-1] in persons else next(
            (k for k in persons if k.startswith(key + "-")), None)
        if base_key is not None:
            base = persons[base_key]
            for c_mention in persons[key].mentions:
                base.mentions.append(c_mention)
            base.roles += persons[key].roles
            base.evidence |= persons[key].evidence
            del persons[key]
    for c in bare:
        word = _display(c.tokens)
        fkey = _fold(word)
        targets = by_surname.get(fkey) or (by_surname.get(fkey[:-1]) if fkey.endswith("s")
                                           else None)
        if targets:
            _absorb(targets[0], c)
            continue
        found = persons.get(fkey)
        if found is None:
            found = Found(word, fkey, word, c.title, [], set(), [], c.party)
            persons[fkey] = found
            by_surname.setdefault(fkey, []).append(found)
        _absorb(found, c)
    return list(persons.values())


def _absorb(found: Found, c: Cand) -> None:
    found.mentions.append((c.start, c.end))
    found.evidence |= c.evidence
    found.roles += c.roles
    if c.title and not found.title:
        found.title = c.title
    if c.party and not found.party:
        found.party = c.party


def later_mentions(text: str, persons: list[Found]) -> None:
    """Further mentions: the full name again (its roles too), and the bare surname after
    the first mention ("Reindl", "Bezirksstadträtin Kranz")."""
    taken = SpanIndex(m for p in persons for m in p.mentions)
    counts: dict[str, int] = {}
    for p in persons:
        counts[_fold(p.surname)] = counts.get(_fold(p.surname), 0) + 1
    forms: dict[str, tuple[Found, bool]] = {}
    for p in persons:
        for s, e in p.mentions:
            if " " in text[s:e]:
                forms.setdefault(text[s:e], (p, True))
    for p in persons:
        if counts[_fold(p.surname)] == 1 and p.surname.casefold() not in lex.NOT_NAME_WORDS:
            forms.setdefault(p.surname, (p, False))
            forms.setdefault(p.surname + "s", (p, False))
    if not forms:
        return
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    for m in re.finditer(rf"(?<![\w\-])(?:{alternation})(?![\w\-])", text):
        p, full = forms[m.group()]
        if taken.overlaps(m.start(), m.end()):
            continue
        if not full and m.start() < min(s for s, _ in p.mentions):
            continue
        p.mentions.append((m.start(), m.end()))
        taken.add(m.start(), m.end())
        if full:
            for found in (role_before(text, m.start()), role_after(text, m.end())):
                if found:
                    p.roles.append(found)


_ROLE_MENTION_RE = re.compile(
    rf"(?<![\w\-])(?:[Dd]er|[Dd]ie|[Dd]es|[Dd]em|[Dd]en)[ \u00a0]+"
    rf"(?:[a-zäöü]+(?:e|en)[ \u00a0]+)?(?P<role>{CAP})(?![\w\-])")


def role_mentions(text: str, persons: list[Found]) -> None:
    """"der Minister", "die Senatorin für Bildung": a role word with an article after a
    person's first mention is a mention of the one person whose role it names."""
    taken = SpanIndex(m for p in persons for m in p.mentions)
    roles = [(p, (choose_role(p.roles) or "").casefold()) for p in persons]
    if not any(r for _, r in roles):
        return
    for m in _ROLE_MENTION_RE.finditer(text):
        word = m.group("role")
        if not lex.is_role_word(word) or taken.overlaps(m.start("role"), m.end()):
            continue
        base = lex.role_base(word).casefold()
        hits = [p for p, r in roles if r and any(w.endswith(base) for w in r.split()[:3])]
        if len(hits) != 1 or m.start() < min(s for s, _ in hits[0].mentions):
            continue
        if re.match(r"[ \u00a0]+[A-ZÄÖÜ]", text[m.end():m.end() + 2]) and word_kind(
                text[m.end():].split(None, 1)[0].strip(",.:;")) in "FCT":
            continue  # a name follows: that name's own mention
        hits[0].mentions.append((m.start("role"), m.end("role")))
        taken.add(m.start("role"), m.end("role"))
