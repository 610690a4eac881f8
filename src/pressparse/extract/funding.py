"""The `pressparse_funding` component: which amount is money of which programme.

It links the amounts (`doc.spans["amounts"]`) to the programmes
(`doc.spans["programmes"]`, back-references in `doc.spans["programme_refs"]`) by
what the text states:

- the programme is named in the amount's sentence ("aus dem Bund-Länder-Programm
  „Soziale Stadt“ 497.100 €"), the nearest one in the same clause first;
- the sentence speaks of funding and a programme was named just before, in the
  same or the previous paragraphs ("… Digitale Zukunftskommunen gekürt. 50 Kommunen
  erhielten … bis zu 45.000 Euro");
- a list or table item under an introduction that speaks of funding ("Folgende
  Projekte erhalten eine Förderung:"), or with a label that does ("Bewilligte Mittel");
- the next sentence names the source ("… standen 180.000 Euro zur Verfügung. Das Projekt
  wird im Rahmen des Programms „Stadtumbau“ gefördert.").

Where several programmes are near, one whose name holds a word of the amount's
sentence wins ("die Erlegung jedes Wildschweins mit 50 Euro" → Erlegungsprämie).
Amounts of another source (Eigenmittel, Haushalt, a foundation), costs and prices,
totals split over several sources ("10,35 Mio €, davon …") and totals over several
programmes are not funding of a programme: only what the text states.
Without the amounts or programmes components in the pipeline it runs their rules
itself, so that it can be used alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..lang.de import programmes as rules
from ..nlp import mention_spans, text_of
from ..record import Funding, Mention, Programme
from . import programmes as programme_rules

EXTRACTOR = "pressparse_funding"
CONF_CLAUSE = 0.9
CONF_SENTENCE = 0.8
CONF_CONTEXT = 0.65
PARAGRAPHS_BACK = 2  # how far back a programme named before still counts
LIST_INTRO_BACK = 80  # paragraphs a list or table may run under its introduction

_ABBREV = frozenset({
    "mio", "mrd", "tsd", "rd", "ca", "nr", "dr", "prof", "bzw", "ggf", "inkl", "zzgl",
    "st", "abs", "art", "vgl", "sog", "usw", "evtl", "max", "min", "mind", "jan", "feb",
    "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dez", "str", "tel", "bzgl",
    "u", "a", "z", "b", "v", "e", "d", "h", "i", "s", "co", "gem", "lt", "eur",
})
_SENT_BREAK = re.compile(r"(?P<w>\w*)[.!?][\"“”»']?\s+(?=[A-ZÄÖÜ„\"“0-9])|\n+")
_CLAUSE_BREAK = re.compile(
    r"[,;:()]|\s–\s|\s(?:sowie|davon|darunter|während)\s|\sund\s(?=(?:für|aus|von|vom)\s|\d)")
_BULLET = re.compile(r"^\s*(?:[-•·▪‣◦*–]|\d{1,2}[.)]|[a-z]\))\s")
_OWN_SOURCE = re.compile(
    r"^\W{0,3}(?:\S+\s+){0,2}(?:aus\s+(?:dem|der|den|eigenen)|vom|von\s+(?:der|dem))\s")
_OTHER_FUNDS = re.compile(r"\b(?!Förder)[A-ZÄÖÜ][a-zäöüß]+mitteln?\b")
_FOLLOWING = re.compile(r"\b(?:folgende\w*|nachstehende\w*|im Einzelnen)\b", re.IGNORECASE)
_PER = re.compile(r"^\W{0,3}(?:pro|je|jeweils)\b|^\s*\(?\s*(?:pro|je)\s", re.IGNORECASE)
_TIME_UNIT = re.compile(r"(?i)(?:jahr|monat|woche|tag|stunde|quartal|kalenderjahr|halbjahr)")
_PER_TIME = re.compile(r"^\W{0,3}(?:pro|je|im)\s+(?:Jahr|Monat|Woche|Tag|Stunde|Quartal)\b")
_EACH_BEFORE = re.compile(r"\b[Jj]ede[rsmn]?\s+[A-ZÄÖÜ]\w+\s+(?:\w+\s+){0,5}$")
_PER_BEFORE = re.compile(r"\b(?:jeweils|je|pro)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_TOTAL_BEFORE = re.compile(r"\b(?:insgesamt|gesamt\w*|zusammen|summ\w+)\b", re.IGNORECASE)
# "2024", "2019 bis 2021", "2020/21", "2017 und 2018"
_PERIOD = re.compile(
    r"(?<![\d.,/])(?:19|20)\d\d(?:\s*(?:bis|–|-|/)\s*(?:(?:19|20)\d\d|\d\d)"
    r"|\s+(?:und|sowie)\s+(?:19|20)\d\d)?(?![\d.,])")
_RECIPIENT = re.compile(
    r"\b(?:\d[\d.]*|(?i:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf))\s+"
    r"(?:[a-zäöüß]+e[nr]?\s+)?(?P<r>(?:[A-ZÄÖÜ][\wäöüß-]*-)?(?:Kommunen|Gemeinden|Städte|"
    r"Landkreise|Kreise|Projekte|Vorhaben|Träger|Vereine|Initiativen|Schulen|Kitas|"
    r"Unternehmen|Betriebe|Einrichtungen|Organisationen|Gruppen|Projektgruppen|"
    r"Antragsteller\w*|Künstler\w*|Preisträger\w*|Modellkommunen))\b")


@dataclass(slots=True)
class Money:
    """An amount as the linker needs it, from the amounts spans or the amounts rules."""

    start: int
    end: int
    value: float
    currency: str
    per: str | None = None
    total: bool = False
    qualifier: str = "exact"


@dataclass(slots=True)
class Named:
    """Where the text names a programme (or refers back to it)."""

    start: int
    end: int
    programme: Programme


# ---------------------------------------------------------------- text structure


class Layout:
    """Paragraphs, sentences and clauses of a text, for the questions the linker asks."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.para_starts = [0] + [m.end() for m in re.finditer(r"\n\n+", text)]
        starts = [0]
        for m in _SENT_BREAK.finditer(text):
            word = (m.group("w") or "").casefold()
            if m.group().startswith("\n") or not (word in _ABBREV or word.isdigit()):
                starts.append(m.end())
        self.sent_starts = starts

    def paragraph(self, pos: int) -> int:
        return bisect_right(self.para_starts, pos) - 1

    def para_span(self, i: int) -> tuple[int, int]:
        start = self.para_starts[i]
        end = self.para_starts[i + 1] if i + 1 < len(self.para_starts) else len(self.text)
        return start, end

    def para_text(self, i: int) -> str:
        s, e = self.para_span(i)
        return self.text[s:e].strip()

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.sent_starts, pos) - 1
        start = self.sent_starts[i]
        end = self.sent_starts[i + 1] if i + 1 < len(self.sent_starts) else len(self.text)
        return start, end

    def clause(self, start: int, end: int) -> tuple[int, int]:
        s_start, s_end = self.sentence(start)
        left = s_start
        for m in _CLAUSE_BREAK.finditer(self.text, s_start, min(s_end, start + 8)):
            if m.end() <= start:
                left = m.end()
        m = _CLAUSE_BREAK.search(self.text, end, s_end)
        return left, m.start() if m else s_end


# ---------------------------------------------------------------- linking


def link(text: str, amounts: list[Money], named: list[Named],
         refs: list[tuple[int, int, str]], places: list[tuple[int, int, str]] | None = None
         ) -> list[Funding]:
    """Funding facts for the amounts of a text, given where its programmes are named."""
    if not named or not amounts:
        return []
    layout = Layout(text)
    mentions = sorted(named + _resolve(text, named, refs), key=lambda n: n.start)
    programmes = {id(n.programme): n.programme for n in named}
    single = next(iter(programmes.values())) if len(programmes) == 1 else None
    out: dict[tuple[str, float], Funding] = {}
    for money in amounts:
        found = _programme_for(text, layout, money, mentions, single, amounts)
        if found is None:
            continue
        prog, confidence, via = found
        key = (prog.name, money.value)
        mention = Mention(start=money.start, end=money.end, text=text[money.start:money.end])
        fact = out.get(key)
        if fact is None:
            s_start, s_end = layout.sentence(money.start)
            recipients = _recipients(text, s_start, s_end, places)
            others = [m for m in amounts if s_start <= m.start < s_end]
            period = _period(text, s_start, s_end, prog, layout, money, others)
            if period is None and via is not None:
                # the year of the sentence that named the programme just before
                v_start, v_end = layout.sentence(via.start)
                if v_end <= s_start and s_start - v_end < 5:
                    period = _period(text, v_start, v_end, prog)
            fact = Funding(
                programme=prog.name, amount=money.value, currency=money.currency,
                recipients=recipients, period=period,
                per_recipient=_per_recipient(text, money, bool(recipients)),
                mentions=[mention], extractor=EXTRACTOR, confidence=confidence)
            out[key] = fact
        else:
            fact.mentions.append(mention)
            fact.confidence = max(fact.confidence, confidence)
    return list(out.values())


def _resolve(text: str, named: list[Named], refs: list[tuple[int, int, str]]) -> list[Named]:
    """Back-references ("das Programm", "über das Landesprogramm") as mentions of the
    programme last named with that word, or else of the programme last named."""
    out = []
    ordered = sorted(named, key=lambda n: n.start)
    for start, end, _kind in refs:
        word = rules.stem(text[start:end].split()[-1])
        before = [n for n in ordered if n.end <= start]
        if not before:
            continue
        same = [n for n in before if word in text[n.start:n.end].casefold()]
        target = (same or before)[-1]
        out.append(Named(start, end, target.programme))
    return out


def _programme_for(text: str, layout: Layout, money: Money, mentions: list[Named],
                   single: Programme | None, amounts: list[Money] | None = None
                   ) -> tuple[Programme, float, Named | None] | None:
    """The programme an amount belongs to, how sure, and the mention that says so."""
    s_start, s_end = layout.sentence(money.start)
    c_start, c_end = layout.clause(money.start, money.end)
    if rules.SPLIT_TOTAL.match(text[money.end:s_end]) or rules.SPLIT_TOTAL.match(
            text[c_end:s_end]):
        return None
    in_sentence = [n for n in mentions if s_start <= n.start and n.end <= s_end]
    total = money.total or bool(_TOTAL_BEFORE.search(text, c_start, money.start))
    if total and len({id(n.programme) for n in in_sentence}) > 1:
        return None  # "insgesamt 5 Mio. Euro aus X und Y": not money of one of them
    in_clause = [n for n in mentions if c_start <= n.start and n.end <= c_end]
    if in_clause:
        nearest = _nearest(in_clause, money)
        if _OTHER_FUNDS.search(_between(text, nearest, money)):
            return None  # "… 120.000 Euro und Unterhaltsmitteln des Amtes 15.000 Euro"
        return nearest.programme, CONF_CLAUSE, None
    if rules.NOT_FUNDING.search(_blank_mentions(text, c_start, c_end, mentions)):
        return None
    if _OWN_SOURCE.match(text[money.end:c_end]):
        return None  # "… und 1 Mio. Euro vom Land": another source named in the clause
    if in_sentence:
        if rules.MIXED_MONEY.search(_blank_mentions(text, s_start, s_end, mentions)):
            return None  # the programme is named beside co-financing or own funds
        if text[max(0, money.start - 2):money.start].strip() == "(":
            # "Neubauprojekte (16 Mio. Euro) und den Grundstücksankauffonds (50 Mio. Euro)":
            # an amount in brackets is that of what stands before it
            in_sentence = [n for n in in_sentence if n.end <= money.start]
            if not in_sentence:
                return None
        nearest = _nearest(in_sentence, money)
        if _OTHER_FUNDS.search(_between(text, nearest, money)):
            return None
        chosen = nearest.programme
        # a programme named nearby whose name holds a word of the amount's clause
        para = layout.paragraph(money.start)
        near_start = layout.para_span(max(0, para - PARAGRAPHS_BACK))[0]
        near_end = layout.para_span(min(len(layout.para_starts) - 1, para + 1))[1]
        near = [n for n in mentions if near_start <= n.start and n.end <= near_end]
        lexical = _lexical_choice(text, c_start, c_end, near)
        return lexical or chosen, CONF_SENTENCE, None
    # no programme in the sentence: the sentence, a label or a list intro must speak of funding
    sentence = _blank_mentions(text, s_start, s_end, mentions)
    if rules.OTHER_SOURCE.search(sentence):
        return None  # "3,5 Mio. Euro hatte die Lottostiftung bewilligt"
    if s_start > 0 and layout.paragraph(s_start - 1) == layout.paragraph(money.start):
        p_start, p_end = layout.sentence(s_start - 1)
        if not any(p_start <= n.start < p_end for n in mentions):
            previous = text[p_start:p_end]
            if rules.NOT_FUNDING.search(previous) or rules.OTHER_SOURCE.search(previous):
                return None  # the paragraph speaks of co-financing or costs here
    para = layout.paragraph(money.start)
    anchor = money.start
    bullet = bool(_BULLET.match(layout.para_text(para)))
    cue = bool(rules.FUNDING_CUES.search(sentence))
    if not cue and _is_item(layout, para):
        label = layout.para_text(para - 1) if para > 0 else ""
        if len(label) <= 40 and label and not label.endswith(".") and not re.search(
                r"\d", label):
            if rules.NOT_FUNDING.search(label):
                return None
            cue = bool(rules.FUNDING_CUES.search(label))
    intro = _list_intro(layout, para, bullet) if bullet or not cue else None
    if intro is not None:
        # a list item: its programme is named in the item or above the list, not in
        # a sibling item
        cue = cue or bool(rules.FUNDING_CUES.search(layout.para_text(intro)))
        own = [n for n in mentions if layout.para_span(para)[0] <= n.start
               and n.end <= money.start]
        if own and cue:
            return own[-1].programme, CONF_CONTEXT, None
        anchor = layout.para_span(intro)[1]
        para = intro
    elif bullet:
        # an item of a list without introduction: only what the item itself names
        own = [n for n in mentions if layout.para_span(para)[0] <= n.start
               and n.end <= money.start]
        return (own[-1].programme, CONF_CONTEXT, None) if own and cue else None
    if not cue:
        return None
    if (money.total or _TOTAL_BEFORE.search(text, s_start, money.start)) and _broken_down(
            layout, s_end, amounts or []):
        return None  # "Insgesamt stehen 7,5 Mio. Euro zur Verfügung. 3,5 Mio. Euro hatte …"
    first_para = max(0, para - PARAGRAPHS_BACK)
    window_start = layout.para_span(first_para)[0]
    before = [n for n in mentions if window_start <= n.start and n.end <= anchor]
    if before:
        lexical = _lexical_choice(text, s_start, s_end, before)
        if lexical is not None:
            via = [n for n in before if n.programme is lexical][-1]
            return lexical, CONF_CONTEXT, via
        return before[-1].programme, CONF_CONTEXT, before[-1]
    # "… standen 180.000 Euro zur Verfügung. Das Projekt wird im Rahmen des Programms
    # „Stadtumbau“ gefördert.": the next sentence of the paragraph names the source
    p_end = layout.para_span(layout.paragraph(money.start))[1]
    if s_end < p_end:
        n_start, n_end = layout.sentence(s_end)
        after = [n for n in mentions if n_start <= n.start and n.end <= min(n_end, p_end)]
        if after and rules.FUNDING_CUES.search(_blank_mentions(text, n_start, n_end, mentions)):
            return after[0].programme, CONF_CONTEXT, after[0]
    if single is not None and any(m.programme is single for m in mentions if m.start < anchor):
        return single, CONF_CONTEXT, None
    return None


_LEX_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{5,}")
_LEX_STOP = frozenset({
    "berlin", "stadt", "landes", "bundes", "programm", "programms", "fonds", "förderung",
    "mittel", "mitteln", "euro", "prämie", "initiative", "wettbewerb", "förderprogramm",
    "millionen", "milliarden", "projekte", "projekten", "werden", "wurden", "können",
})


def _between(text: str, named: Named, money: Money) -> str:
    if named.end <= money.start:
        return text[named.end:money.start]
    return text[money.end:named.start]


def _broken_down(layout: Layout, s_end: int, amounts: list[Money]) -> bool:
    """Whether the next sentence of the paragraph goes on with amounts of its own: then a
    total before it is the sum of several sources."""
    p_end = layout.para_span(layout.paragraph(max(0, s_end - 1)))[1]
    if s_end >= p_end:
        return False
    n_start, n_end = layout.sentence(s_end)
    return any(n_start <= m.start < min(n_end, p_end) for m in amounts)


def _lexical_choice(text: str, start: int, end: int, mentions: list[Named]) -> Programme | None:
    """The one programme whose name holds a word of the stretch: a sentence about "Bachen"
    speaks of the "Bachenprämie", one about the "Erlegung" of boars of the
    "Erlegungsprämie", whichever programme was named last."""
    raw = {w.casefold() for w in _LEX_WORD.findall(_blank_mentions(text, start, end, mentions))}
    words = {rules.stem(w) for w in raw - _LEX_STOP}
    if not words:
        return None
    hits: dict[int, Programme] = {}
    for n in mentions:
        name = n.programme.name.casefold()
        if any(w in name for w in words):
            hits[id(n.programme)] = n.programme
    return next(iter(hits.values())) if len(hits) == 1 else None


def _blank_mentions(text: str, start: int, end: int, mentions: list[Named]) -> str:
    """The text of a stretch with programme names blanked: a programme called
    "Eigenmittelfonds" must not read as a source of its own."""
    chunk = list(text[start:end])
    for n in mentions:
        if start <= n.start and n.end <= end:
            chunk[n.start - start:n.end - start] = " " * (n.end - n.start)
    return "".join(chunk)


def _nearest(cands: list[Named], money: Money) -> Named:
    def distance(n: Named) -> int:
        return money.start - n.end if n.end <= money.start else n.start - money.end
    return min(cands, key=distance)


def _is_item(layout: Layout, para: int) -> bool:
    """A list item or table cell: a bullet, or a short paragraph that is no sentence."""
    t = layout.para_text(para)
    return bool(_BULLET.match(t)) or len(t) <= 200


def _list_intro(layout: Layout, para: int, bullet: bool = False) -> int | None:
    """The paragraph that introduces the list or table `para` belongs to: for a bullet
    the first paragraph above the bullets, for a table cell one ending with a colon."""
    bullets = plain = 0
    for i in range(para - 1, max(-1, para - LIST_INTRO_BACK), -1):
        t = layout.para_text(i)
        if bullet:
            # bullets and short lines without a colon or a word of funding belong to the list
            if _BULLET.match(t):
                bullets += 1
                continue
            if len(t) <= 120 and not t.endswith(":") and not rules.FUNDING_CUES.search(t):
                plain += 1
                continue
            if t.endswith(":") or _FOLLOWING.search(t):
                return i
            # a headline right above the bullets introduces them; prose above a lone
            # numbered heading, or above several headings, does not
            if not plain and (bullets or len(t) <= 150):
                return i
            return None
        if t.endswith(":") and len(t) > 20:
            return i
        if len(t) > 200 and not _BULLET.match(t):
            # a prose paragraph ends the look-back, unless it announces the list
            return i if _FOLLOWING.search(t) else None
    return None


def _per_recipient(text: str, money: Money, counted: bool = False) -> bool | None:
    """True for an amount each recipient gets ("je", "pro Platz", or a cap for counted
    recipients: "50 Kommunen erhielten bis zu 45.000 Euro"), False for a total."""
    if money.per:
        # "pro Jahr" is a rate in time; "pro Platz", "je Kommune" are per recipient
        return None if _TIME_UNIT.match(money.per) else True
    if money.total:
        return False
    if counted and money.qualifier == "up_to":
        return True
    after = text[money.end:money.end + 25]
    before = text[max(0, money.start - 60):money.start]
    if _PER_TIME.match(after):
        return None  # "pro Jahr": a rate in time, not per recipient
    if _PER.match(after) or _PER_BEFORE.search(before) or _EACH_BEFORE.search(before):
        return True
    if _TOTAL_BEFORE.search(before):
        return False
    return None


def _recipients(text: str, start: int, end: int,
                places: list[tuple[int, int, str]] | None) -> list[str]:
    out: list[str] = []
    for s, e, name in places or []:
        if start <= s and e <= end and name not in out:
            out.append(name)
    for m in _RECIPIENT.finditer(text, start, end):
        phrase = " ".join(m.group().split())
        if phrase not in out:
            out.append(phrase)
    return out


def _period(text: str, start: int, end: int, prog: Programme,
            layout: Layout | None = None, money: Money | None = None,
            others: list[Money] | None = None) -> str | None:
    """The year or period the text gives for an amount: in its clause first, else in
    its sentence, but not a year that stands in the clause of another amount
    ("… 200 Mio. Euro vorgesehen, 2024 waren es 182 Mio. Euro")."""
    found = []
    for m in _PERIOD.finditer(text, start, end):
        if any(mm.start <= m.start() < mm.end for mm in prog.mentions):
            continue
        if any(o.start <= m.start() < o.end for o in others or []):
            continue  # a number inside an amount
        found.append(m)
    if layout is not None and money is not None:
        c_start, c_end = layout.clause(money.start, money.end)
        own = [m for m in found if c_start <= m.start() < c_end]
        if own:
            found = own
        else:
            found = [m for m in found if not any(
                o is not money and _in_clause_of(layout, o, m.start()) for o in others or [])]
    return re.sub(r"\s+", " ", found[0].group()) if found else None


def _in_clause_of(layout: Layout, money: Money, pos: int) -> bool:
    c_start, c_end = layout.clause(money.start, money.end)
    return c_start <= pos < c_end


# ---------------------------------------------------------------- component


@Language.factory("pressparse_funding", default_config={"catalogues": []})
def make_funding_component(nlp: Language, name: str, catalogues: list[str]
                           ) -> FundingComponent:
    return FundingComponent(catalogues)


class FundingComponent:
    def __init__(self, catalogues: list[str] | None = None) -> None:
        self.catalogues = list(catalogues or [])
        self._programmes: programme_rules.ProgrammesComponent | None = None

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        amounts = self._amounts(doc)
        named, refs = self._named(doc)
        places = self._places(doc)
        facts = link(text, amounts, named, refs, places)
        if doc._.facts is not None:
            doc._.facts.setdefault("funding", []).extend(facts)
        doc.spans["funding"] = mention_spans(doc, facts, lambda f: "FUNDING")
        return doc

    def _amounts(self, doc: Doc) -> list[Money]:
        if "amounts" in doc.spans:
            out = []
            for span in doc.spans["amounts"]:
                amount = span._.amount
                if amount is not None:
                    out.append(Money(span.start_char, span.end_char, amount.value,
                                     amount.currency, amount.per, amount.total,
                                     amount.qualifier))
            return out
        from .amounts import find_amounts  # the amounts component is not in the pipeline
        return [Money(f.start, f.end, float(f.value), f.currency, f.per, f.total, f.qualifier)
                for f in find_amounts(text_of(doc))]

    def _named(self, doc: Doc) -> tuple[list[Named], list[tuple[int, int, str]]]:
        if "programmes" in doc.spans:
            named = [Named(s.start_char, s.end_char, s._.programme)
                     for s in doc.spans["programmes"] if s._.programme is not None]
            refs = [(s.start_char, s.end_char, s.label_)
                    for s in doc.spans.get("programme_refs", [])]
            return named, refs
        if self._programmes is None:
            self._programmes = programme_rules.ProgrammesComponent(self.catalogues)
        _, spans, refs = programme_rules.build(text_of(doc), self._programmes.catalogue)
        return [Named(s, e, p) for s, e, p in spans], refs

    @staticmethod
    def _places(doc: Doc) -> list[tuple[int, int, str]]:
        facts = (doc._.facts or {}).get("municipalities") or []
        return [(m.start, m.end, f.name) for f in facts for m in f.mentions]
