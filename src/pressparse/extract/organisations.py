"""The `pressparse_organisations` component: organisations with acronyms, merged across mentions.

Two anchors find a name: a legal form after capitalised words ("Bitkom e.V.",
"Stadtwerke Lindau GmbH"), and an institution head word ("Bezirksamt",
"Fraunhofer-Institut", "Landkreistag") with what names it: a complement ("für
Arbeit", "Baden-Württemberg", "Marzahn-Hellersdorf") or a modifier ("Deutscher
Städtetag"); a bare generic head ("das Bezirksamt") names none. An acronym in
brackets or closing the name ("(IESE)", "Organisation IAO") is kept, and later
bare acronyms join the organisation. The NER's ORG spans, where present, add
names the rules miss when they carry a head word or a legal form.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from ..lang.de import organisations as org
from ..lang.de import persons as lex
from ..nlp import entities, mention_spans, text_of
from ..record import Mention, Organisation
from ..segment import letterhead_case
from .persons import SpanIndex

EXTRACTOR = "pressparse_organisations"

_CAP = lex.CAP_WORD
_ACR = rf"[{lex.UPPER}][{lex.UPPER}0-9&]{{1,7}}(?![\w])"
_PLACES = (r"Deutschland|Europa|Berlin|Bayern|Baden-Württemberg|Brandenburg|Bremen|Hamburg"
           r"|Hessen|Mecklenburg-Vorpommern|Niedersachsen|Nordrhein-Westfalen|Rheinland-Pfalz"
           r"|Saarland|Sachsen|Sachsen-Anhalt|Schleswig-Holstein|Thüringen")
_FUNC = (rf"für|der|des|und|von|zur|zum|&|bei|beim|gegen|of|for|the|and|de|du|la"
         rf"|in(?=[ \u00a0](?:{_PLACES}|der Bundesrepublik)\b)")
_ADJ = (r"[a-zäöüß]{2,}(?:isch|lich|ig|al|ar|ell|iv|end|ös|är|bar|sam|haft|ern|on)"
        r"(?:e|en|er|es|em)")
_WORD = rf"(?:{_CAP}-?|{_ACR})"
LEGAL_RE = re.compile(
    rf"(?<![\w\-])(?P<name>{_WORD}(?:[ \u00a0](?:(?:{_FUNC}|in|im|am|an|mit|ohne|{_ADJ})"
    rf"[ \u00a0])*{_WORD}){{0,7}})"
    rf"[ \u00a0](?P<legal>{org.LEGAL_FORM})(?![\w])"
)
COMPLEMENT_RE = re.compile(
    rf"(?:(?:[ \u00a0]|,[ \u00a0](?=[{lex.UPPER}]))(?:(?:{_FUNC}|{_ADJ})[ \u00a0])*"
    rf"{_WORD}){{0,9}}"
)
ACRONYM_AFTER_RE = re.compile(rf"[ \u00a0]?\((?P<acr>{_ACR}|[{lex.UPPER}][\w&\-]{{1,10}})\)")
MODIFIER_BEFORE_RE = re.compile(
    rf"(?<![\w\-])(?P<mod>(?:Deutsche[rsnm]?|Berliner|Bayerische[rsnm]?|[{lex.UPPER}][a-zäöü]+"
    rf"(?:ische[rsnm]?|er)|{_ACR})[ \u00a0])$"
)
_LEADING_STOP = frozenset({
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "mit", "von", "für",
    "bei", "auch", "und", "in", "im", "am", "zum", "zur", "vom", "durch", "über", "unter",
    "nach", "sowie", "wie", "dass", "laut", "so",
})


@dataclass
class OrgCand:
    start: int
    end: int
    name: str
    acronym: str | None = None
    confidence: float = 0.8


@dataclass
class OrgFound:
    name: str
    acronym: str | None
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    confidence: float = 0.8


def _trim_leading(text: str, start: int, end: int) -> int:
    """Drop articles, prepositions and role nouns the match took in front of the name."""
    while start < end and text[start] in " \u00a0":
        start += 1
    while start < end:
        m = re.match(r"(\S+)[ \u00a0]+", text[start:end])
        if not m:
            break
        word = m.group(1)
        if (word.casefold() in _LEADING_STOP or lex.ROLE_RE.fullmatch(word)
                or lex.is_first_name(word) or word[0].islower()):
            start += m.end()
            continue
        break
    return start


def _trim_complement(comp: str) -> str:
    """A complement ends on a name word; an enumeration after a comma needs its "und"
    ("für Stadtentwicklung, Bauen und Wohnen"), else it ends at the comma."""
    last_und = comp.rfind(" und ")
    comma = comp.find(", ", max(last_und, 0))
    if comma >= 0:
        comp = comp[:comma]
    # "und" joins names, not phrases: "Stadtentwicklungsamt X und zur Vergabe …"
    m = re.search(r"[ \u00a0]+und[ \u00a0]+(?:zur|zum|für|der|des|die|von|in|im|mit)\b", comp)
    if m:
        comp = comp[:m.start()]
    # stop at a given name, an honorific or a role: "Bezirksamt Mitte, Bezirksstadträtin …"
    for w in re.finditer(_CAP, comp):
        if (lex.is_first_name(w.group()) or lex.is_role_word(w.group())
                or w.group() in lex.HONORIFICS):
            comp = comp[:w.start()]
            break
    return re.sub(rf"(?:[ \u00a0,]+(?:{_FUNC}|{_ADJ}))*[ \u00a0,]*$", "", comp)


def _legal_candidates(text: str, persons: SpanIndex) -> list[OrgCand]:
    out = []
    for m in LEGAL_RE.finditer(text):
        start = _trim_leading(text, m.start("name"), m.end("name"))
        # a person or role in front ("Krall und der Prokurist der Stadtwerke Lindau GmbH")
        inner = text[start:m.end("name")]
        cut = 0
        for w in re.finditer(rf"{_CAP}", inner):
            if (lex.is_role_word(w.group())
                    or persons.overlaps(start + w.start(), start + w.end())):
                cut = w.end()
        h = org.HEAD_RE.search(inner, cut)
        if h and re.search(r"\b(?:der|des)[ \u00a0]+$", inner[:h.start()]):
            cut = h.start()  # "Impulsgeber der Stiftung …": the name starts at its head
        if cut:
            start = _trim_leading(text, start + cut, m.end("name"))
        if start >= m.end("name"):
            continue
        name = re.sub(r"\s+", " ", text[start:m.end()])
        out.append(OrgCand(start, m.end(), name, confidence=0.9))
    return out


_PRESS_OFFICE_TAIL = re.compile(r"\s+(?:PRESSESTELLE|PRESSEREFERAT|PRESSEMITTEILUNG)$")


def _letterhead_candidate(text: str, m: re.Match[str]) -> OrgCand:
    """A name in capitals ("MINISTERIUM FÜR INNERES, …") is a letterhead: its whole line,
    written as the office writes its name in running text."""
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.end())
    end = len(text) if end < 0 else end
    line = _PRESS_OFFICE_TAIL.sub("", text[start:end]).rstrip(" ,;:")
    end = start + len(line)
    return OrgCand(start, end, letterhead_case(line), None, confidence=0.8)


def _head_candidates(text: str) -> list[OrgCand]:
    out = []
    for m in org.head_words(text):
        if text[m.end():m.end() + 1] == "-":
            continue
        if m.group().isupper() and len(m.group()) > 4:
            out.append(_letterhead_candidate(text, m))
            continue
        if m.group().casefold() in org.NOT_HEADS:
            continue
        comp = _trim_complement(COMPLEMENT_RE.match(text, m.end()).group())
        end = m.end() + len(comp)
        start = m.start()
        mod = MODIFIER_BEFORE_RE.search(text, max(0, start - 40), start)
        if mod and mod.group("mod").strip().casefold() not in _LEADING_STOP and not (
                lex.ROLE_RE.fullmatch(mod.group("mod").strip())):
            start = mod.start("mod")
        head = m.group().casefold()
        named = bool(comp.strip()) or start < m.start() or "-" in m.group() or (
            head not in org.GENERIC_HEADS and not head.endswith(tuple(org.GENERIC_HEADS)))
        if not named:
            continue
        acronym = None
        a = ACRONYM_AFTER_RE.match(text, end)
        if a:
            acronym = a.group("acr")
            end = a.end()
        else:
            last = re.search(rf"[ \u00a0]({_ACR})$", comp)
            if last and re.search(r"\s(?:für|der|des|und)\s", comp):
                acronym = last.group(1)
        name = re.sub(r"\s+", " ", text[start:end])
        out.append(OrgCand(start, end, name, acronym,
                           confidence=0.85 if comp.strip() or acronym else 0.7))
    return out


def _ner_candidates(doc: Doc) -> list[OrgCand]:
    out = []
    ents = entities(doc)
    text = text_of(doc) if ents else ""
    for start, end, label in ents:
        ent_text = text[start:end]
        if label not in {"ORG", "ORGANIZATION"} or "\n" in ent_text:
            continue
        if org.HEAD_RE.search(ent_text) or re.search(org.LEGAL_FORM, ent_text):
            out.append(OrgCand(start, end, ent_text, confidence=0.75))
    return out


def _fold(name: str) -> str:
    name = re.sub(r"\s*\([^)]*\)\s*$", "", name)
    return re.sub(r"[\s\u00a0]+", " ", name).casefold().strip()


def merge(text: str, cands: list[OrgCand], persons: SpanIndex) -> list[OrgFound]:
    # longest first at each start; a candidate inside a kept one is dropped
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[OrgCand] = []
    reach = -1
    for c in cands:
        if c.end <= reach:
            continue  # inside a longer name found before
        if persons.overlaps(c.start, c.end) and _inside_person(c, persons):
            continue
        kept.append(c)
        reach = max(reach, c.end)
    found: dict[str, OrgFound] = {}
    by_acr: dict[str, OrgFound] = {}
    for c in kept:
        key = _fold(c.name)
        f = found.get(key) or (by_acr.get(c.acronym) if c.acronym else None)
        if f is None and not c.acronym:
            f = by_acr.get(c.name)  # the acronym itself as a name
        if f is None:
            f = OrgFound(re.sub(r"\s*\([^)]*\)$", "", c.name), c.acronym,
                         confidence=c.confidence)
        else:
            plain = re.sub(r"\s*\([^)]*\)$", "", c.name)
            if len(plain) > len(f.name):
                f.aliases.append(f.name)
                f.name = plain
            elif _fold(plain) != _fold(f.name) and plain not in f.aliases:
                f.aliases.append(plain)
            f.confidence = max(f.confidence, c.confidence)
        if c.acronym and not f.acronym:
            f.acronym = c.acronym
        f.mentions.append((c.start, c.end))
        found[key] = f
        if f.acronym:
            by_acr[f.acronym] = f
    unique = list({id(f): f for f in found.values()}.values())
    taken = SpanIndex(m for f in unique for m in f.mentions)
    for f in unique:
        if not f.acronym:
            continue
        for m in re.finditer(rf"(?<![\w\-]){re.escape(f.acronym)}(?![\w\-])", text):
            if not taken.overlaps(m.start(), m.end()):
                f.mentions.append((m.start(), m.end()))
    return unique


def _inside_person(c: OrgCand, persons: SpanIndex) -> bool:
    lo = bisect_left(persons.starts, c.start - persons.longest)
    return any(s <= c.start and c.end <= e for s, e in persons.spans[lo:lo + 64])


@Language.factory("pressparse_organisations")
def make_organisations(nlp: Language, name: str) -> OrganisationsComponent:
    return OrganisationsComponent(ner="ner" in nlp.pipe_names)


class OrganisationsComponent:
    def __init__(self, ner: bool = False) -> None:
        self.ner = ner

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        persons = SpanIndex((s.start_char, s.end_char) for s in doc.spans["persons"]) if (
            "persons" in doc.spans) else SpanIndex()
        cands = _legal_candidates(text, persons) + _head_candidates(text)
        if self.ner:
            cands += _ner_candidates(doc)
        facts = [
            Organisation(
                name=f.name, acronym=f.acronym, aliases=f.aliases,
                mentions=[Mention(start=s, end=e, text=text[s:e])
                          for s, e in sorted(set(f.mentions))],
                extractor=EXTRACTOR, confidence=round(f.confidence, 2))
            for f in merge(text, cands, persons)
        ]
        doc._.facts["organisations"].extend(facts)
        doc.spans["organisations"] = mention_spans(doc, facts, lambda f: f.name)
        return doc
