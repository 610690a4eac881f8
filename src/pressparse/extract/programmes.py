"""The `pressparse_programmes` component: named funding programmes, funds, competitions.

Rules find the names the way a release writes them (see `pressparse.lang.de.programmes`);
the catalogue adds aliases, acronyms, issuer and level for programmes somebody
listed, but a programme nobody listed is found just as well. All forms of one
programme in a release (inflected forms, short forms, acronyms) become one
`Programme` whose name is the fullest form. Spans go to `doc.spans["programmes"]`
with the programme on `span._.programme`; generic back-references ("das Programm",
"der Fonds") go to `doc.spans["programme_refs"]` for the funding component.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from itertools import pairwise
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lang.de import programmes as rules
from ..nlp import text_of
from ..normalise.wordlist import is_word
from ..record import Mention, Programme

EXTRACTOR = "pressparse_programmes"

if not Span.has_extension("programme"):
    Span.set_extension("programme", default=None)

# ---------------------------------------------------------------- catalogue


@dataclass(frozen=True, slots=True)
class Entry:
    """One catalogue programme: a name, its other forms, who runs it, at what level."""

    name: str
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    issuer: str | None = None
    level: str | None = None


def load_catalogue(path: str | Path) -> list[Entry]:
    """Entries of a catalogue file: TOML with `[[programme]]` tables."""
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    return _entries(data)


def _entries(data: dict) -> list[Entry]:
    out = []
    for item in data.get("programme", []):
        aliases = tuple(a for a in item.get("aliases", []) if a)
        acronyms = tuple(a for a in item.get("acronyms", []) if a)
        out.append(Entry(item["name"], aliases, acronyms, item.get("issuer"), item.get("level")))
    return out


@cache
def shipped_catalogue() -> tuple[Entry, ...]:
    resource = files("pressparse.data").joinpath("programmes.toml")
    return tuple(_entries(tomllib.loads(resource.read_text(encoding="utf-8"))))


class Catalogue:
    """Compiled matchers over all entries: inflected names, case-sensitive acronyms."""

    def __init__(self, entries: list[Entry] | tuple[Entry, ...]) -> None:
        self.entries = list(entries)
        self.by_key: dict[tuple[str, ...], Entry] = {}
        self.by_acronym: dict[str, Entry] = {}
        name_patterns = []
        for entry in self.entries:
            for form in (entry.name, *entry.aliases):
                words = _words(form)
                if not words:
                    continue
                self.by_key.setdefault(_key(words), entry)
                body = r"\s+".join(rules.inflected(w) for w in words)
                # the first letter as written ("Soziale Stadt", not "die soziale Stadt")
                if form.endswith("!"):
                    body += "!?"  # "Demokratie leben!"; without the mark it needs a cue
                name_patterns.append(rf"{re.escape(form[0])}(?i:{body[len(re.escape(form[0])):]})"
                                     if form[0].isalpha() else body)
            for acronym in entry.acronyms:
                self.by_acronym.setdefault(acronym, entry)
        name_patterns.sort(key=len, reverse=True)
        self.names = (re.compile(rf"(?<![\w@/.-])(?:{'|'.join(name_patterns)})(?![\w@-])")
                      if name_patterns else None)
        acronyms = sorted(self.by_acronym, key=len, reverse=True)
        self.acronyms = (re.compile(
            rf"(?<![\w@-])(?:{'|'.join(map(re.escape, acronyms))})"
            r"(?=-(?:Mittel|Förder\w*|Gelder|Zuschuss|Zuschüsse)\b|(?![\w@-]))")
            if acronyms else None)

    def entry_for(self, surface: str) -> Entry | None:
        return self.by_key.get(_key(_words(surface))) or self.by_acronym.get(surface)


# ---------------------------------------------------------------- mentions

_WORD = re.compile(r"[\w@./&'’-]+")
_LETTERS = "A-Za-zÄÖÜäöüß"


def _words(text: str) -> list[str]:
    return [w.strip(".,;:!?'’") for w in _WORD.findall(text) if w.strip(".,;:!?'’-")]


_AT_SUFFIX = re.compile(r"@[a-z]{2,3}$")


def _key(words: list[str]) -> tuple[str, ...]:
    """Stems of the words; "Digitalakademie@bw" and "Digitalakademie" share one."""
    return tuple(rules.stem(_AT_SUFFIX.sub("", w)) for w in words)


@dataclass(slots=True)
class Cand:
    """A mention of a programme as found in the text."""

    start: int
    end: int
    core: tuple[str, ...]  # stems of the distinctive part, for grouping forms
    head: str | None  # kind of cue noun (programm, fonds, ...), None without one
    named: bool = True
    acronym: str | None = None
    entry: Entry | None = None
    # the name form to offer as canonical, when it is not the whole surface
    name: str | None = None
    weak: bool = False  # found by its form alone; needs a sentence about money
    bare: str | None = None  # the name without its cue noun, to find it alone
    extra_forms: list[str] = field(default_factory=list)


_HEADS = "|".join(sorted(rules.CUE_HEADS, key=len, reverse=True))
_CUE_WORD = re.compile(
    rf"(?<![\w@/.-])(?P<word>(?:[\w]+-)*[{_LETTERS}]*?(?i:(?P<head>{_HEADS}))(?P<infl>es|en|e|n|s)?)"
    r"(?![\w@-])"
)
_OPEN_Q = "„“\"‚‘'»«"
_CLOSE_Q = "“”\"‘’'«»"
_QUOTED = re.compile(rf"\s*[{_OPEN_Q}]\s*(?P<q>[^{_OPEN_Q}{_CLOSE_Q}\n]{{2,130}}?)\s*[{_CLOSE_Q}]")
_BARE_QUOTED = re.compile(rf"[{_OPEN_Q}](?P<q>[^{_OPEN_Q}{_CLOSE_Q}\n]{{2,90}}?)[{_CLOSE_Q}]")
_QUOTE_LIST_SEP = re.compile(r"\s*(?:\([^()\n]{0,40}\))?\s*(?:,|und|sowie|oder)\s*")
_ACRONYM = re.compile(r"\s*\((?P<acr>[A-ZÄÖÜ][\wÄÖÜäöüß@/&.-]{1,14})\)")
_YEAR = re.compile(r"[^\S\n]+(?P<y>(?:19|20)\d\d(?:/\d\d(?:\d\d)?)?|\d{1,2}\.\d)(?![\w.])")
_NAME_TOKEN = re.compile(r"[^\S\n]+(?P<t>[A-ZÄÖÜ0-9][\wÄÖÜäöüß@.&/+-]*)")
_LOOSE_NAME = re.compile(
    r"[^\S\n]+(?P<n>[A-ZÄÖÜ][\wäöüß-]+(?:[^\S\n]+[A-ZÄÖÜ][\wäöüß-]+){0,3})")
_PROGRAMME_NUMBER = re.compile(
    r"[^\S\n]+(?:Nr\.[^\S\n]*)?\d{2,3}(?![\d.,]|[^\S\n]*(?:Euro|€|Prozent|%))")
_COORDINATED_BEFORE = re.compile(r"(?<![\w-])[A-ZÄÖÜ][\wäöüß]*-[^\S\n]+(?:und|oder)[^\S\n]+$")
_POSSESSIVE_BEFORE = re.compile(r"\b(?i:sein|ihr|seinem|ihrem|seines|ihres)\s+$")
_DET_BEFORE = re.compile(
    r"(?i:\b(?:der|die|das|dem|den|des|im|vom|zum|beim|ins|unser\w*|ihr\w*|sein\w*|"
    r"dieses|diesem|diesen|dieser|diese)\s+)$")
_ADJ = re.compile(rf"(?P<a>{rules.NAME_ADJECTIVE})[^\S\n]+$")
_SP = r"[^\S\n]+"  # spaces within a paragraph
_COMPLEMENT = re.compile(
    rf"(?P<c>(?:{_SP}des{_SP}(?:Landes|Bundes|Freistaates|Freistaats){_SP}[A-ZÄÖÜ][\w-]+)?"
    rf"(?:{_SP}(?:(?:für|zur|zum|gegen){_SP}(?:(?:den|die|das|dem|der|des|eine[nmrs]?){_SP})?"
    rf"|von{_SP}|(?:der|des){_SP})"
    r"(?:(?!(?:der|die|das|dem|den|des|eine[nmrs]?|und|oder)\s)"
    rf"(?:[a-zäöüß]+|[A-ZÄÖÜ][a-zäöüß]+(?:isch|lich|al|ell|ig))(?:e|en|er|es|em){_SP}){{0,2}}"
    rf"[A-ZÄÖÜ][\w/-]*(?:{_SP}\d{{2,4}}(?![\w.]))?)+)"
)
_FOERDERUNG_ACR = re.compile(
    rf"(?<![\w-])(?P<adj>(?:{rules.NAME_ADJECTIVE}\s+){{0,2}})"
    r"(?P<word>[\wÄÖÜäöüß-]*(?i:förderung))(?P<comp>(?:\s+(?:für|des|der|von)\s+"
    r"[\wÄÖÜäöüß/ -]{3,60}?)?)\s*\((?P<acr>[A-ZÄÖÜ][\w/]{1,10})\)"
)
_AT_NAME = re.compile(
    rf"(?<![\w.@-])(?P<adj>(?:{rules.NAME_ADJECTIVE}\s+){{0,2}})"
    r"(?P<stem>[A-ZÄÖÜ][\wÄÖÜäöüß-]*)@(?P<dom>[a-z]{2,3})(?![\w@-]|\.[a-z])"
)


def _adjectives_before(text: str, start: int) -> int:
    """Start of the capitalised adjectives that precede `start` ("Europäischer Fonds")."""
    pos = start
    for _ in range(3):
        m = _ADJ.search(text, max(0, pos - 40), pos)
        if not m or m.end() != pos:
            break
        word = m.group("a")
        if word.casefold() in rules.ADJECTIVE_STOP or _sentence_start(text, m.start()):
            break
        pos = m.start()
    return pos


def _trim_adjectives(text: str, start: int, word_start: int) -> int:
    """Start of the name once articles and sentence-initial words are dropped."""
    for m in re.finditer(r"\S+", text[start:word_start]):
        w = m.group()
        if w.casefold() in rules.ADJECTIVE_STOP or _sentence_start(text, start + m.start()):
            continue
        return start + m.start()
    return word_start


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3):pos].rstrip(" ")
    return not before or before[-1] in ".!?:\n–-„\"“"


def _specific_modifier(word: str, head_start: int, infl: str) -> bool:
    """Whether the compound's modifier names something ("KiA-Programm"), not a kind."""
    modifier = word[:head_start]
    mod = modifier.casefold().rstrip("-")
    if mod in rules.GENERIC_MODIFIERS or not mod:
        return False
    if "-" in modifier:
        first = modifier.split("-")[0]
        return first.casefold() not in rules.GENERIC_MODIFIERS or len(modifier.split("-")) > 2
    if any(c.isupper() for c in word[1:head_start]):
        return True  # "JugendDemokratiefonds"
    base = word[: len(word) - len(infl)] if infl else word
    return not is_word(base)


def _unquoted_name(text: str, pos: int) -> tuple[int, list[str]] | None:
    """A capitalised name written after a cue noun: "Wettbewerb Trenntwende", "Förderprogramm
    Future Communities 4.0". Returns its end and its words."""
    tokens: list[str] = []
    end = pos
    while len(tokens) < 5:
        m = _NAME_TOKEN.match(text, end)
        if not m:
            break
        tok = m.group("t")
        clean = tok.rstrip(".,;:!?)")
        stop = rules.NAME_STOP_FIRST if not tokens else rules.NAME_STOP
        if not clean or clean.casefold() in stop:
            break
        if clean[0].isdigit() and not re.fullmatch(r"(?:19|20)\d\d|\d{1,2}\.\d", clean):
            break
        tokens.append(clean)
        end = m.start("t") + len(clean)
        if clean != tok:
            break
    if not tokens:
        return None
    first = tokens[0]
    distinctive = (
        any(not is_word(t.strip("-")) and not t[0].isdigit() for t in tokens)
        or any("@" in t or re.search(r"[a-zäöü][A-ZÄÖÜ]", t) for t in tokens)
        # two capitalised words right after the cue noun: "Programm Soziale Stadt",
        # "Förderprogramm Stadtgrün Plus"
        or (len(tokens) >= 2 and not any(t[0].isdigit() for t in tokens[:2]))
    )
    if not distinctive or first[0].isdigit():
        return None
    org = next((i for i, t in enumerate(tokens) if rules.ORG_WORDS.search(t)), None)
    if org is not None:
        if org == 0:
            return None
        tokens = tokens[:org]
        end = text.index(tokens[-1], pos) + len(tokens[-1])
    return end, tokens


# what makes a catalogue name written without its "!" a name: a cue noun or a quote
_CUE_OR_QUOTE_BEFORE = re.compile(rf"(?:[„\"»‚]|(?i:{_HEADS})[\w]*\s+)$")
# a quoted purpose after the cue noun names the programme with it
_PURPOSE_QUOTED = re.compile(
    rf"{_SP}(?:für|zur|zum|gegen){_SP}(?:(?:den|die|das|dem|der|des){_SP})?"
    r"[„\"»](?P<q>[^„“”\"»«\n]{3,100})[“”\"«]")
_CHUNK = re.compile(r"\s+(?:des|der|für|zur|zum|gegen|von)\s")


def _complement_end(text: str, pos: int) -> int | None:
    """End of a complement naming what the programme is for ("zum Kita-Ausbau"); it stops
    before an organisation ("… gegen Antisemitismus der Senatsverwaltung") or a generic
    noun ("für die Jahre 2024", "für Kommunen")."""
    m = _COMPLEMENT.match(text, pos)
    if not m or not m.group("c"):
        return None
    body = text[pos:m.end("c")]
    if re.match(r"\s+der\s|\s+des\s(?!(?:Landes|Bundes|Freistaate?s)\s)", body):
        return None  # "Wettbewerb der Schulen" names who competes, not a programme
    cuts = [c.start() for c in _CHUNK.finditer(body)] + [len(body)]
    end = pos
    for a, b in pairwise(cuts):
        chunk = body[a:b]
        nouns = [w for w in chunk.split() if w[:1].isupper()]
        if any(rules.ORG_WORDS.match(w) or w.casefold() in rules.NAME_STOP_FIRST
               for w in nouns[-1:]):
            break
        if chunk.split()[0] == "von" and nouns and nouns[-1].isupper():
            break  # "… Initiative von UNICEF": the body behind it
        end = pos + b
    return end if end > pos else None


_CUE_HEAD = re.compile(rf"(?i:{_HEADS})")
_FOERDERUNG_HEAD = re.compile(r"(?i:förderung)(?=[^()\n]{0,70}\([A-ZÄÖÜ])")
_AT_HEAD = re.compile(r"@[a-z]{2,3}\b")
_SPACES = re.compile(r"\s+")


def _anchored(pattern: re.Pattern[str], anchor: re.Pattern[str], text: str, back: int = 0
              ) -> list[re.Match[str]]:
    """Matches of `pattern` that contain a match of the cheap `anchor`: the pattern is
    tried only from the start of the anchor's word (and `back` words before it)."""
    out: list[re.Match[str]] = []
    last_end = 0
    for a in anchor.finditer(text):
        pos = a.start()
        while pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "-_"):
            pos -= 1
        for _ in range(back):
            prev = text.rfind(" ", max(0, pos - 40), max(0, pos - 1))
            if prev < 0:
                break
            pos = prev + 1
        starts = [pos] + [w.end() for w in _SPACES.finditer(text, pos, a.start())]
        for start in starts:
            if start < last_end:
                continue
            m = pattern.match(text, start)
            if m and m.end() >= a.end():
                out.append(m)
                last_end = m.end()
                break
    return out


def find_candidates(text: str, catalogue: Catalogue | None) -> list[Cand]:
    cands: list[Cand] = []
    for m in _anchored(_CUE_WORD, _CUE_HEAD, text):
        cands.extend(_from_cue(text, m))
    for m in _anchored(_FOERDERUNG_ACR, _FOERDERUNG_HEAD, text, back=2):
        start = _trim_adjectives(text, m.start("adj"), m.start("word"))
        end = m.end("comp") if m.group("comp") else m.end("word")
        surface = text[start:end]
        if not m.group("comp") and is_word(m.group("word")):
            continue
        acr = m.group("acr")
        cands.append(Cand(start, end, _key(_words(surface)), "förderung", acronym=acr))
        cands.append(Cand(m.start("acr"), m.end("acr"), (acr.casefold(),), None, acronym=acr))
    for m in _anchored(_AT_NAME, _AT_HEAD, text, back=2):
        stem = m.group("stem")
        if rules.ORG_AT_HEADS.search(stem) or stem.isupper():
            continue
        start = _trim_adjectives(text, m.start("adj"), m.start("stem"))
        words = _words(text[start:m.start("dom") - 1])
        cands.append(Cand(start, m.end(), _key(words), None))
    for m in rules.NUMBERED_AID.finditer(text):
        cands.append(Cand(m.start(), m.end(), _key(_words(m.group())), "programm"))
    for q in _BARE_QUOTED.finditer(text):
        src = rules.SOURCE_BEFORE_QUOTE.search(text, max(0, q.start() - 40), q.start())
        if not src:
            continue
        if src.group("weak") and not rules.FUNDING_CUES.search(
                _sentence(text, q.start(), q.end(), blank=True)):
            continue  # "aus dem „Möhrchenheft“": a source of ideas, not of money
        name = q.group("q").strip()
        if _plausible_quoted(name) and not rules.ORG_WORDS.search(name):
            cands.append(Cand(q.start("q"), q.end("q"), _key(_words(name)), None, name=name))
    if catalogue is not None:
        if catalogue.names is not None:
            for m in catalogue.names.finditer(text):
                entry = catalogue.entry_for(m.group())
                if entry is not None and entry.name.endswith("!") and not m.group().endswith(
                        "!") and not _CUE_OR_QUOTE_BEFORE.search(text, max(0, m.start() - 30),
                                                                 m.start()):
                    continue  # "in einer Demokratie leben" is no "Demokratie leben!"
                y = _YEAR.match(text, m.end())  # "Projektfonds Kulturelle Bildung 2013"
                end = y.end() if y else m.end()
                cands.append(Cand(m.start(), end, _key(_words(text[m.start():end])), None,
                                  entry=entry))
        if catalogue.acronyms is not None:
            for m in catalogue.acronyms.finditer(text):
                entry = catalogue.by_acronym.get(m.group())
                cands.append(Cand(m.start(), m.end(), (m.group().casefold(),), None,
                                  acronym=m.group(), entry=entry))
    return _drop_overlaps(cands)


def _from_cue(text: str, m: re.Match[str]) -> list[Cand]:
    word, head_text, infl = m.group("word"), m.group("head").casefold(), m.group("infl") or ""
    head = rules.HEAD_KIND.get(head_text, "programm")
    singular = infl in rules.SINGULAR_ENDINGS.get(head_text, ("",))
    head_start = m.start("head") - m.start("word")
    if head == "kredit" and not rules.BANK_PREFIX.match(word):
        return []
    if head == "preis" and not _named_award(text, m, word[:head_start]):
        return []
    if head == "initiative" and rules.ASSOCIATION_CONTEXT.search(
            _sentence(text, m.start(), m.end(), blank=True)):
        return []  # "arbeiten mit der Initiative „Pankow gegen Verdrängung“ zusammen"
    if head == "initiative" and word[:head_start].casefold().rstrip("-") in rules.ORG_MODIFIERS:
        return []  # "Bürgerinitiative", "Elterninitiative": associations
    start = _adjectives_before(text, m.start("word"))
    coordinated = _COORDINATED_BEFORE.search(text, max(0, start - 40), start)
    if coordinated:  # "Kita- und Spielplatzsanierungsprogramm"
        start = coordinated.start()
    end = m.end("word")
    out: list[Cand] = []
    # a quoted name, or a list of them after a plural: Programme „Berlin Infra“, „GRW“ ...
    number = _PROGRAMME_NUMBER.match(text, end)
    if number:  # "KfW-Programm 432", "Programm Nr. 261"
        q = _QUOTED.match(text, number.end())
        if q or rules.BANK_PREFIX.match(word):
            end = number.end()
    q = _QUOTED.match(text, end)
    if q and _POSSESSIVE_BEFORE.search(text, max(0, start - 12), start):
        return []  # "sein Programm „…“": a performer's show
    if q:
        pos = q.end()
        name = q.group("q").strip()
        if _plausible_quoted(name):
            acr = _ACRONYM.match(text, q.end()) if singular else None
            out.extend(_with_acronym(text, Cand(start, q.end(), _key(_words(name)), head,
                                                name=name, extra_forms=[name]), acr))
            out.append(Cand(q.start("q"), q.end("q"), _key(_words(name)), head, name=name,
                            acronym=out[0].acronym))
        if not singular:
            while True:
                sep = _QUOTE_LIST_SEP.match(text, pos)
                nxt = _QUOTED.match(text, sep.end()) if sep else None
                if not nxt:
                    break
                item = nxt.group("q").strip()
                if _plausible_quoted(item):
                    out.append(Cand(nxt.start("q"), nxt.end("q"), _key(_words(item)), None,
                                    name=item))
                pos = nxt.end()
        if out:
            return out
    if not singular:
        return out
    if head_start == 0 and _POSSESSIVE_BEFORE.search(text, max(0, start - 12), start):
        return []  # "stellen in ihrem Programm Flötenmusik vor": what performers play
    purpose = _PURPOSE_QUOTED.match(text, end)
    if purpose and _plausible_quoted(purpose.group("q").strip()):
        # "des Förderprogramms zur „Verbesserung der Infrastruktur für den Radverkehr“"
        return _with_acronym(text, Cand(start, purpose.end(),
                                        _key(_words(text[start:purpose.end()])), head),
                             _ACRONYM.match(text, purpose.end()))
    # "Fassadenwettbewerb", "Kunstwettbewerb" say what kind of contest, they name none
    specific = head in ("kredit", "preis") or (head != "wettbewerb"
                                               and _specific_modifier(word, head_start, infl))
    name = _unquoted_name(text, end)
    if name is not None:
        n_end, tokens = name
        y = _YEAR.match(text, n_end)
        n_end = y.end() if y else n_end
        acr = _ACRONYM.match(text, n_end)
        # "Initiative ClimAccelerator" may be a group of people: it needs money around it
        return _with_acronym(text, Cand(start, n_end, _key(tokens), head,
                                        bare=" ".join(tokens),
                                        weak=head == "initiative" and acr is None), acr)
    loose = _LOOSE_NAME.match(text, end)
    if loose and loose.group("n").split()[0].casefold() not in rules.NAME_STOP_FIRST:
        acr = _ACRONYM.match(text, loose.end("n"))
        if acr and sum(c.isupper() for c in acr.group("acr")) >= 2:
            return _with_acronym(text, Cand(start, loose.end("n"),
                                            _key(_words(text[start:loose.end("n")])), head), acr)
    comp_end = _complement_end(text, end)
    y = _YEAR.match(text, comp_end or end)
    determined = bool(_DET_BEFORE.search(text, max(0, start - 12), start)) or start < m.start()
    if comp_end and (determined or specific):
        c_end = y.end() if y else comp_end
        surface = text[start:c_end]
        acr = _ACRONYM.match(text, c_end)
        return _with_acronym(text, Cand(start, c_end, _key(_words(surface)), head,
                                        weak=acr is None), acr)
    if specific or end > m.end("word"):
        s_end = y.end() if y else end
        acr = _ACRONYM.match(text, s_end)
        return _with_acronym(text, Cand(start, s_end, _key(_words(text[start:s_end])), head,
                                        weak=acr is None and head != "preis"), acr)
    if determined and start == m.start():
        # "das Programm", "des Landesprogramms": a reference to a programme named elsewhere
        return [Cand(m.start(), end, (rules.stem(head_text),), head, named=False)]
    return out


_ORG_AFTER = re.compile(r"\s*(?:[A-ZÄÖÜ][\w-]*\s+){0,3}(?:e\.\s?V\.|g?GmbH|gUG|AG\b|mbH)")


def _named_award(text: str, m: re.Match[str], modifier: str) -> bool:
    """An award, not a price: a capitalised adjective before it ("Deutscher Umweltpreis"),
    a quoted name or a year after it, and no price modifier ("Kaufpreis")."""
    mod = modifier.casefold().rstrip("-")
    if mod in rules.PRICE_MODIFIERS or (not mod and not _QUOTED.match(text, m.end())):
        return False
    after = text[m.end():m.end() + 60]
    return bool(_ADJECTIVE_BEFORE.search(text, max(0, m.start() - 30), m.start())
                or _QUOTED.match(after) or _YEAR.match(after))


_ADJECTIVE_BEFORE = re.compile(rf"(?<![.!?:]\s)\b{rules.NAME_ADJECTIVE}[^\S\n]+$")


def _with_acronym(text: str, cand: Cand, acr: re.Match[str] | None) -> list[Cand]:
    if _ORG_AFTER.match(text, cand.end):
        return []  # "Spielplatzinitiative Marzahn e.V." is an association
    if acr is None or sum(c.isupper() for c in acr.group("acr")) < 2:
        return [cand]
    a = acr.group("acr")
    cand.acronym = a
    return [cand, Cand(acr.start("acr"), acr.end("acr"), (a.casefold(),), None, acronym=a)]


def _plausible_quoted(name: str) -> bool:
    """A quoted name of a programme: short, starts with a capital or digit, no sentence."""
    if len(name) > 120 or not (name[0].isupper() or name[0].isdigit()):
        return False
    return len(name.split()) <= 14 and not re.search(r"[.!?]\s+[A-ZÄÖÜ]", name)


def _drop_overlaps(cands: list[Cand]) -> list[Cand]:
    """Keep the longest of overlapping mentions; a quoted name inside its cue form stays."""
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[Cand] = []
    for c in cands:
        clash = next((k for k in kept if c.start < k.end and k.start < c.end), None)
        if clash is None:
            kept.append(c)
            continue
        inner = clash.start <= c.start and c.end <= clash.end
        same = next((k for k in kept if k.start == c.start and k.end == c.end), None)
        if same is not None:
            same.entry = same.entry or c.entry
            same.acronym = same.acronym or c.acronym
            continue
        if inner and c.name is not None and c.name == clash.name and c.core == clash.core:
            kept.append(c)  # the bare quoted name, as its own alias
        elif inner and c.acronym and clash.acronym == c.acronym:
            kept.append(c)
        elif (inner and c.entry is not None and clash.entry is None
              and (c.end - c.start) >= 0.6 * (clash.end - clash.start)):
            clash.entry = c.entry
    return kept


# ---------------------------------------------------------------- grouping


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))


def group(cands: list[Cand]) -> list[list[Cand]]:
    """Forms of one programme together: same stems, one inside the other, acronyms."""
    named = [c for c in cands if c.named]
    parent = list(range(len(named)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    for i, a in enumerate(named):
        for j in range(i):
            b = named[j]
            if _same(a, b):
                union(i, j)
    groups: dict[int, list[Cand]] = {}
    for i, c in enumerate(named):
        groups.setdefault(find(i), []).append(c)
    return sorted(groups.values(), key=lambda g: min(c.start for c in g))


def _same(a: Cand, b: Cand) -> bool:
    if a.core == b.core:
        return True
    if a.entry is not None and a.entry is b.entry:
        return True
    if a.acronym and b.acronym and a.acronym == b.acronym:
        return True
    for x, y in ((a, b), (b, a)):
        # "FEIN-Förderprogramm" is the programme whose acronym is FEIN
        acronyms = ([x.acronym] if x.acronym else []) + list(x.entry.acronyms if x.entry else [])
        if y.core and any(y.core[0].startswith(ac.casefold() + "-") for ac in acronyms):
            return True
    if a.head and b.head and _FAMILY.get(a.head, a.head) != _FAMILY.get(b.head, b.head):
        return False
    if _shared_name(a.core, b.core):
        return True
    short, long = sorted((a.core, b.core), key=len)
    if not short or len(short) == len(long):
        return False
    if len(short) == 1 and not _distinctive(short[0]):
        return False
    return _contains(long, short)


# cue nouns a release uses for one and the same thing ("Zukunftsinitiative „X“", "Programm X")
_FAMILY = {"initiative": "programm", "offensive": "programm", "förderlinie": "programm",
           "förderaufruf": "programm"}
_FUNCTION_WORDS = frozenset({"für", "zur", "zum", "zu", "des", "der", "die", "das", "den",
                             "dem", "von", "vom", "im", "in", "und", "gegen", "mit", "an"})


def _shared_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two forms that share a run of two or more name words (no cue noun, no article or
    preposition, numerals not counted): "Future Communities 4.0" and "Städte, Gemeinden
    4.0 – Future Communities"."""
    for i in range(len(a) - 1):
        for j in range(len(b) - 1):
            n = 0
            while i + n < len(a) and j + n < len(b) and a[i + n] == b[j + n]:
                n += 1
            run = a[i:i + n]
            named = [w for w in run if not _NUMERAL.fullmatch(w)]
            if len(named) >= 2 and not any(
                    w in _FUNCTION_WORDS or _CUE_HEAD.search(w) for w in run):
                return True
    return False


# numbers and roman numerals name an edition, not a programme: "Fonds … Berlin III"
_NUMERAL = re.compile(r"[ivxlc]+|\d[\d.,/]*", re.IGNORECASE)


def _distinctive(stem_: str) -> bool:
    return not is_word(stem_) and stem_ not in rules.GENERIC_MODIFIERS


# ---------------------------------------------------------------- aliases


def _alias_pattern(form: str) -> re.Pattern[str] | None:
    """A regex for the inflected forms of a name ("Digitalen Zukunftskommunen")."""
    form = re.sub(r"@[a-z]{2,3}\b", "", form).strip()
    words = _words(form)
    if not words:
        return None
    if len(words) == 1 and (is_word(words[0]) or len(words[0]) < 5):
        return None
    body = r"\s+".join(rules.inflected(w) for w in words)
    return re.compile(rf"(?<![\w@/.-]){body}(?![\w-]|\.[a-z])")


def _more_mentions(text: str, groups: list[list[Cand]], cands: list[Cand]) -> None:
    """Forms of a found programme that no rule caught alone: inflected forms, the bare
    name of an "…@bw" programme, the bare compound of "Aktionsfonds zur Unterstützung …"."""
    taken = [(c.start, c.end) for c in cands]
    for g in groups:
        forms: set[str] = set()
        for c in g:
            surface = text[c.start:c.end]
            if "@" in surface or c.name or c.bare:
                forms.add(c.name or c.bare or surface)
            elif c.head and c.head != "förderung":
                first = _words(surface)
                compound = next((w for w in first if w.casefold().find(c.head) > 0), None)
                if compound and not is_word(compound):
                    forms.add(compound)
        for form in forms:
            pattern = _alias_pattern(form)
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                new = Cand(m.start(), m.end(), g[0].core, g[0].head, name=g[0].name)
                g.append(new)
                taken.append((m.start(), m.end()))


# ---------------------------------------------------------------- facts


_GENITIVE_HEAD = re.compile(
    r"(programm|wettbewerb|förderaufruf|pakt|preis)e?s(?=\s+(?!des\b)|$)", re.IGNORECASE)


_OBLIQUE_ADJ_HEAD = re.compile(
    r"^(?P<adj>(?:[A-ZÄÖÜ][a-zäöüß]+(?:isch|sch|lich|al|ell|ig|iv|är|ar|on|ent)en?\s+){1,3})"
    r"(?P<head>[\wÄÖÜäöüß-]*?"
    rf"(?i:(?P<kind>{_HEADS}))(?:e?s)?)(?=\s|$)")
# nominative endings of an adjective before a head without article, by gender
_STRONG_ENDING = {"programm": "es", "sonderprogramm": "es", "initiative": "e",
                  "offensive": "e", "prämie": "e", "förderlinie": "e"}


def _canonical(text: str, g: list[Cand]) -> str:
    """The fullest form, in the nominative: "Operationellen Programms …" is named
    "Operationelles Programm …", "Europäischen Fonds …" "Europäischer Fonds …"."""
    name = _fullest(text, g)
    entry = next((c.entry for c in g if c.entry is not None), None)
    if entry is not None:
        # the catalogue writes the nominative of a form the text only inflects
        forms = (entry.name, *entry.aliases)
        if any(form.casefold() == name.casefold() for form in forms):
            return name
        for form in forms:
            if _key(_words(form)) == _key(_words(name)):
                return form
    m = _OBLIQUE_ADJ_HEAD.match(name)
    if m:
        kind = m.group("kind").casefold()
        ending = _STRONG_ENDING.get(kind, "er")
        adjs = " ".join(re.sub(r"en?$", "", a) + ending for a in m.group("adj").split())
        head = _GENITIVE_HEAD.sub(r"\1", m.group("head"))
        return f"{adjs} {head}{name[m.end():]}"
    return _GENITIVE_HEAD.sub(r"\1", name, count=1)


def _fullest(text: str, g: list[Cand]) -> str:
    forms = [_form(text, c) for c in g if not (c.acronym and text[c.start:c.end] == c.acronym)]
    if not forms:
        forms = [text[c.start:c.end] for c in g]
    # the fullest form; a name in quotes wins over its cue noun ("Trenntwende", not
    # "Ideenwettbewerb „Trenntwende“"), nominative over inflected forms
    named = [c.name for c in g if c.name]
    if named:
        best = max(named, key=len)
        best_key = _key(_words(best))
        longer = [f for f in forms if len(f) > len(best) and best not in f
                  and _key(_words(f)) != best_key and not re.search(rf"[{_OPEN_Q}]", f)]
        return max(longer, key=len) if longer else best
    # the longest form; among its inflected variants the shortest (the nominative)
    longest = max(forms, key=lambda f: (len(_words(f)), "@" in f, len(f)))
    key = _key(_words(longest))
    return min((f for f in forms if _key(_words(f)) == key), key=lambda f: ("@" not in f, len(f)))


def _form(text: str, c: Cand) -> str:
    return " ".join(text[c.start:c.end].split())


def build(text: str, catalogue: Catalogue | None
          ) -> tuple[list[Programme], list[tuple[int, int, Programme]],
                     list[tuple[int, int, str]]]:
    """Programmes of a text, the spans of their mentions, and back-references (span, kind)."""
    cands = find_candidates(text, catalogue)
    groups = group(cands)
    _more_mentions(text, groups, cands)
    programmes: list[Programme] = []
    spans: list[tuple[int, int, Programme]] = []
    for g in groups:
        g.sort(key=lambda c: c.start)
        if not _keep(text, g):
            continue
        name = _canonical(text, g)
        forms: list[str] = []
        for c in g:
            for f in (_form(text, c), *c.extra_forms):
                if f != name and f not in forms:
                    forms.append(f)
        entry = next((c.entry for c in g if c.entry is not None), None)
        acronym = next((c.acronym for c in g if c.acronym), None)
        if entry is not None:
            acronym = acronym or (entry.acronyms[0] if entry.acronyms else None)
        confidence = 0.9 if entry is not None or len(g) > 1 else 0.75
        prog = Programme(
            name=name, aliases=forms, acronym=acronym,
            issuer=entry.issuer if entry else None, level=entry.level if entry else None,
            mentions=[Mention(start=c.start, end=c.end, text=text[c.start:c.end]) for c in g],
            extractor=EXTRACTOR, confidence=confidence)
        programmes.append(prog)
        spans.extend((c.start, c.end, prog) for c in g)
    refs = [(c.start, c.end, c.head or "programm") for c in cands if not c.named]
    return programmes, spans, refs


def _keep(text: str, g: list[Cand]) -> bool:
    """A group that is only an acronym nobody declared is not a programme; one found by
    its form alone ("Radverkehrsprogramm") must be named where the text speaks of money."""
    if not any(not (c.acronym and text[c.start:c.end] == c.acronym) or c.entry for c in g):
        return False
    if all(c.weak and c.head != "fonds" for c in g if not c.entry):
        return any(c.entry for c in g) or any(
            rules.FUNDING_CONTEXT.search(_sentence(text, c.start, c.end, blank=True)) for c in g)
    return True


_SENT_END = re.compile(r"[.!?]\s|\n")


def _sentence(text: str, start: int, end: int, blank: bool = False) -> str:
    """The sentence around a mention; with `blank`, the mention itself left out."""
    left = max((m.end() for m in _SENT_END.finditer(text, max(0, start - 400), start)),
               default=max(0, start - 400))
    m = _SENT_END.search(text, end)
    right = m.start() if m else min(len(text), end + 400)
    if blank:
        return text[left:start] + " " + text[end:right]
    return text[left:right]


# ---------------------------------------------------------------- component


@Language.factory("pressparse_programmes", default_config={"catalogues": []})
def make_programmes_component(nlp: Language, name: str, catalogues: list[str]
                              ) -> ProgrammesComponent:
    return ProgrammesComponent(catalogues)


class ProgrammesComponent:
    """Finds programmes; `catalogues` are extra catalogue files beside the shipped one."""

    def __init__(self, catalogues: list[str] | None = None) -> None:
        entries = list(shipped_catalogue())
        for path in catalogues or []:
            entries.extend(load_catalogue(path))
        self.catalogue = Catalogue(entries)

    def __call__(self, doc: Doc) -> Doc:
        programmes, spans, refs = build(text_of(doc), self.catalogue)
        if doc._.facts is not None:
            doc._.facts.setdefault("programmes", []).extend(programmes)
        out = []
        for start, end, prog in spans:
            span = doc.char_span(start, end, label="PROGRAMME", alignment_mode="expand")
            if span is not None:
                span._.programme = prog
                out.append(span)
        doc.spans["programmes"] = out
        ref_spans = []
        for start, end, kind in refs:
            span = doc.char_span(start, end, label=kind, alignment_mode="expand")
            if span is not None:
                ref_spans.append(span)
        doc.spans["programme_refs"] = ref_spans
        return doc
