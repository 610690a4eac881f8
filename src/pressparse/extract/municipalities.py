"""The `pressparse_municipalities` component: the Gemeinden and Kreise a release concerns.

Names come from the official register (`pressparse.gazetteer`); a name in the
text is only a candidate. The words around it decide (`pressparse.lang.de.
municipalities`): a cue ("Stadt", "Landkreise", "in", a postcode, a dateline)
makes it a place, an article makes it a common noun ("im Norden"), a proper noun
before it or "GmbH" after it makes it part of another name ("TU Berlin"), and the
statistical NER's label, where the pipeline has one, adds its vote. Names that
exist several times are resolved by the release's Land, by other places of the
same Kreis and by population; Bezirke and Ortsteile of Berlin and Hamburg are not
read as the Gemeinden elsewhere that share their names.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from ..gazetteer import NEIGHBOURS, Entry, Gazetteer, load_gazetteer
from ..lang.de import municipalities as rules
from ..nlp import entities, mention_spans, text_of
from ..record import Mention, Municipality

EXTRACTOR = "pressparse_municipalities"

# evidence a mention carries, strongest first, with the confidence it gives
STRONG_CUES = {"gemeinde": 0.95, "kreis": 0.95, "stadtkreis": 0.95, "postal": 0.9,
               "dateline": 0.9, "ort": 0.9, "city state": 0.9}
CUE_CONFIDENCE = {**STRONG_CUES, "prep": 0.85, "loc": 0.85, "land": 0.8, "list": 0.8,
                  "slash": 0.75, "weak": 0.75, "sep": 0.7, "none": 0.7, "start": 0.7,
                  "article": 0.6}
# cues too weak for a small place: "mit Geldern", "in größeren Mengen"
WEAK_CUES = frozenset({"none", "start", "weak", "list", "sep"})
MIN_POPULATION_UNCUED = 20_000
# a town named with a qualifier the register does not know is another town of that name,
# unless a city is meant ("Ulm an der Donau")
MIN_POPULATION_QUALIFIED = 50_000
# the second of "Bonn/Berlin" is a place of its own only when it is a city
MIN_POPULATION_SLASH = 100_000
# score lead a homonym needs over the next candidate (scores are log10 of population
# plus bonuses for Land and Kreis evidence): about five times the population at equal evidence
MIN_MARGIN = 0.75
# cues enough for a name that is also a common word or a surname
# (not a statistical LOC label alone: "durch Gießen", "Singen macht Laune")
COMMON_OK = frozenset({"gemeinde", "kreis", "stadtkreis", "postal", "dateline", "prep", "list"})

_WORD = re.compile(r"[A-ZÄÖÜ][^\W\d_]*")
_TAIL = re.compile(r"-([A-ZÄÖÜ][^\W\d_]*(?:-[A-ZÄÖÜ][^\W\d_]*)*)")
_DATELINE_AFTER = re.compile(
    r"^[ \t]*(?:\([^)]{1,20}\)[ \t]*)?(?:,\s*(?:den\s+)?\d{1,2}\.|[–—-]\s|\.\s+[A-ZÄÖÜ])")
_PHRASE_START = re.compile(r"[.;:!?()„“”\"\n]")
_LIST_GAP = re.compile(r"^\s*(?:[,;/&]|und|sowie|oder|bzw\.)\s*(?:und\s+|sowie\s+|oder\s+)?$")
# a list item the register does not know (a village now part of a town) between two places
_LIST_GAP_ITEM = re.compile(r"^\s*,\s*[A-ZÄÖÜ][\w\-]+(?:[ /][A-ZÄÖÜ][\w\-.]*)?\s*,\s*$")
# how many other places of a list, each one known or cued, make its small places count
LIST_SUPPORT = 3
_QUOTED_MORE = re.compile(r"^[ \t]+[^\n“”\"]{1,50}[“”\"]")
_NEXT_CAPITAL = re.compile(r"^ [A-ZÄÖÜ][a-zäöüß]+")
_NEXT_CAPITAL_OR_NUMBER = re.compile(r"^ (?:[A-ZÄÖÜ][a-zäöüß]+|\d)")
_CLOSING_QUOTES = ("“", "”", '"', "»", "«", "’", "‘")
_OPENING_QUOTES = "„\"»«‚“"
_SENTENCE_END = re.compile(r"[.!?:]$")
_ABBREVIATION = re.compile(r"^(?:[A-ZÄÖÜ]\.|(?:[A-ZÄÖÜ][a-zäöü]{0,3}\.)+(?:-[A-ZÄÖÜ]\.)*|"
                           r"Dr\.|Prof\.|St\.|Nr\.|Str\.|ca\.|bzw\.|z\.B\.|u\.a\.)$")
_INITIALS = re.compile(r"^(?:[A-ZÄÖÜ]\.-?)+(?:[A-ZÄÖÜ]\.)?$")
_ACRONYM = re.compile(r"^[A-ZÄÖÜ0-9]{2,}[a-z]?[A-ZÄÖÜ]*$")
_KREIS_FORM = re.compile(r"^(?:Landkreis|Kreis|Regionalverband|Region|Städteregion) |[Kk]reis$")
_WORD_BEFORE_SLASH = re.compile(r"([A-ZÄÖÜ][^\W\d_]*)/$")
_FOREIGN_QUALIFIER = re.compile(r" (?:an der|ob der|vor der) [A-ZÄÖÜ]")
_POSTCODE = re.compile(r"^(?:D-?)?\d{5}$")
_ROAD = re.compile(r"^[ABL]\d{1,3}$")
_LOWER = re.compile(r"^[a-zäöüß]")


@dataclass(slots=True)
class Hit:
    """One occurrence of a register name and what the text around it says."""

    start: int
    end: int  # end of the name, genitive s included
    form: str
    cue: str = "none"
    mention_start: int = -1
    blocked: str | None = None
    land_hint: str | None = None
    entries: list[Entry] = field(default_factory=list)
    short_keys: set[str] = field(default_factory=set)  # entries the form only abbreviates
    city_cue: bool = False  # "Stadt", "Städte", "Landeshauptstadt": a town, not a village
    admin_cue: bool = False  # the cue names the administration: "Stadt", "Gemeinde", "Kommune"
    list_of: list[Hit] | None = None  # the hits of the list of places it stands in


@Language.factory("pressparse_municipalities")
def make_municipalities_component(nlp: Language, name: str) -> MunicipalitiesComponent:
    return MunicipalitiesComponent(load_gazetteer())


class MunicipalitiesComponent:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        release = doc._.release
        issuer = release.issuer if release is not None else None
        ents = entities(doc)
        facts = extract_municipalities(text_of(doc), self.gaz, issuer, ents)
        if doc._.facts is not None:
            doc._.facts.setdefault("municipalities", []).extend(facts)
        doc.spans["municipalities"] = mention_spans(doc, facts, lambda f: f.level.upper())
        return doc


# --- finding candidates -------------------------------------------------------------------


def find_hits(text: str, gaz: Gazetteer, words: Counter[str] | None = None) -> list[Hit]:
    """Every register name standing alone in the text, longest form first.

    Only the distinct capitalised words of the text are looked up, and only the
    occurrences of those that start a register name are visited: the per-word
    Python work stays proportional to the candidates, not to the text.
    """
    if words is None:
        words = Counter(_WORD.findall(text))
    starts: list[tuple[int, list[str]]] = []
    index = gaz.by_first_word
    for word in words.keys() & index.keys():
        forms = index[word]
        pos = text.find(word)
        while pos >= 0:
            end = pos + len(word)
            if _starts_word(text, pos) and not text[end:end + 1].isalpha():
                starts.append((pos, forms))
            pos = text.find(word, end)
    starts.sort(key=lambda s: s[0])
    hits: list[Hit] = _capital_datelines(text, gaz, words)
    covered = 0
    for pos, forms in starts:
        if pos < covered:
            continue
        for form in forms:
            if not text.startswith(form, pos):
                continue
            end = _name_end(text, pos + len(form), form, gaz)
            if end is None:
                continue
            hit = Hit(pos, end, form, mention_start=pos)
            if end < 0:
                hit.end, hit.blocked = -end, "compound"
            hits.append(hit)
            covered = hit.end
            break
    hits.sort(key=lambda h: h.start)
    return hits


def _capital_datelines(text: str, gaz: Gazetteer, words: Counter[str]) -> list[Hit]:
    """'STUTTGART – Das Ministerium ...': a dateline in capitals."""
    hits = []
    for word in words:
        if len(word) < 4 or not word.isupper():
            continue
        form = word[0] + word[1:].lower()
        if form not in gaz.variants:
            continue
        pos = text.find(word)
        while pos >= 0:
            end = pos + len(word)
            if (pos == 0 or text[pos - 1] == "\n") and _DATELINE_AFTER.match(text[end:end + 40]):
                hits.append(Hit(pos, end, form, mention_start=pos))
            pos = text.find(word, end)
    return hits


def _starts_word(text: str, pos: int) -> bool:
    """Not inside a word, an address or a hyphen compound ("Kiez-Eule", "www.ulm.de")."""
    if pos == 0:
        return True
    before = text[pos - 1]
    if before.isalnum() or before in "_@.\\":
        return False
    if before == "/":
        # "Bonn/Berlin, 2. Mai" names two places, "www.berlin.de/Kultur" none
        start = text.rfind(" ", 0, pos) + 1
        return "://" not in text[start:pos] and "www." not in text[start:pos]
    return not (before == "-" and pos > 1 and text[pos - 2].isalnum())


def _name_end(text: str, end: int, form: str, gaz: Gazetteer) -> int | None:
    """Where the name ends (genitive s included), None if it runs on into a longer word,
    and minus that end for a hyphen compound that is not a place ("Berlin-Marathon")."""
    nxt = text[end:end + 1]
    if not nxt or not (nxt.isalnum() or nxt in "-_@"):
        return end
    after = text[end + 1:end + 2]
    if nxt == "s" and not form.endswith(("s", "ß", "x", "z")) and not (after.isalnum()
                                                                      or after == "-"):
        return end + 1
    if form.lower().endswith("kreis") and text.startswith("es", end) \
            and not text[end + 2:end + 3].isalnum():
        return end + 2
    if nxt == "-":
        tail = _TAIL.match(text, end)
        if tail is None:
            return None
        return end if _is_place_tail(tail.group(1), form, gaz) else -tail.end()
    return None


def _is_place_tail(tail: str, form: str, gaz: Gazetteer) -> bool:
    """'Berlin-Grünau' names a place in Berlin; 'Schleswig-Holstein' or 'Berlin-Marathon' do not."""
    if tail in gaz.districts:
        return True
    last = tail.rsplit("-", 1)[-1]
    if last in rules.NOT_PLACE_TAIL:
        return False
    # a former Gemeinde that is now a district ("Stuttgart-Vaihingen"), or a name like one
    return tail in gaz.variants or bool(rules.PLACE_TAIL.search(last))


# --- reading the context --------------------------------------------------------------------


def _before(text: str, pos: int) -> tuple[str, str, int]:
    """The whitespace-separated token before `pos`, the gap between, and its start."""
    end = pos
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = end
    low = max(0, end - 60)
    while start > low and not text[start - 1].isspace():
        start -= 1
    if start == end:
        return "", "\n", pos
    return text[start:end], text[end:pos], start


def _strip(token: str) -> str:
    return token.strip("„“”\"»«‚‘’()[]*–—")


def read_context(text: str, hit: Hit) -> None:
    """Set the hit's cue, or why it is not a place, from the words around it."""
    pos = hit.start
    after = text[hit.end:hit.end + 40]
    if rules.ORG_AFTER.match(after) or rules.NAME_HEADS_AFTER.match(after):
        hit.blocked = "organisation"
        return
    char_before = text[pos - 1:pos]
    if char_before == "/" and text[pos - 2:pos - 1].isalpha():
        hit.cue = "slash"  # "Bonn/Berlin"; but "Kaufbeuren/Irsee" names one institution
        return
    if char_before and char_before in _OPENING_QUOTES and _QUOTED_MORE.match(after):
        hit.blocked = "quoted name"  # „Nebel im August“, „Berlin Start“
        return
    token, gap, token_start = _before(text, pos)
    if char_before == "(":
        # "Kommunen (Karlsruhe, ...)": the word before the bracket speaks
        token, gap, token_start = _before(text, pos - 1)
    word = _strip(token)
    lower = word.lower()
    genitive = hit.end - hit.start > len(hit.form)
    if "\n" in gap:
        line_before = text[max(0, pos - 40):pos].rstrip(" \t\n,;:").rsplit("\n", 1)[-1].strip()
        if rules.SIGN_OFF.search(line_before):
            hit.blocked = "signature"
            return
    if not token or ("\n" in gap and not _continues(token)):
        hit.cue = _start_cue(after)
        return
    if token.endswith(_CLOSING_QUOTES) and len(token) > 1:
        hit.blocked = "after a quoted name"
        return
    if token.endswith((",", ";")) or token in ("–", "—", "-", "•", "·", "|", "/", "&"):
        hit.cue = "sep"  # a list only if a place stands before it
        return
    if _SENTENCE_END.search(token) and not _ABBREVIATION.match(token):
        hit.cue = "ort" if word.rstrip(":") == "Ort" else _start_cue(after)
        return
    if _POSTCODE.match(word):
        hit.cue = "postal"
        return
    if lower in rules.PLACE_PREPOSITIONS:
        if _before(text, token_start)[0].lower() != "je":
            hit.cue = "prep"  # but "je nach Essen"
        return
    if lower in ("von", "zu", "van", "vom"):
        hit.cue = "weak"
        if lower == "van" or _name_before_von(text, token_start):
            hit.blocked = "part of a name"
        return
    if lower in rules.WEAK_PREPOSITIONS:
        hit.cue = "weak"
        return
    if lower in rules.ARTICLES:
        hit.cue = "article"
        return
    if word in rules.LAND_WORDS:
        if hit.form in rules.CITY_STATES and word in rules.CITY_STATE_LAND_WORDS:
            # "das Land Berlin fördert": the city state as an administration, but not in
            # "die Jugend- und Familienstiftung des Landes Berlin"
            article, _, article_start = _before(text, token_start)
            if article.lower() == "des" and _office_before(text, article_start):
                hit.blocked = "organisation"
            else:
                hit.cue, hit.mention_start = "city state", token_start
            return
        hit.blocked = "Land"
        return
    if rules.STATION_BEFORE.search(text, max(0, pos - 16), pos):
        hit.blocked = "station"  # "S-Bahnhof Ahrensfelde", "S7 Ahrensfelde": a stop's name
        return
    if word in rules.PERSON_TITLES or _INITIALS.match(word):
        hit.blocked = "person"
        return
    if rules.STADTKREIS_CUE.match(word):
        hit.cue, hit.mention_start = "stadtkreis", token_start
        return
    if rules.KREIS_CUE.match(word):
        if genitive and rules.PLURAL_CUE.match(word):
            return  # "die Landkreise Bayerns"
        hit.cue, hit.mention_start = "kreis", token_start
        return
    if rules.GEMEINDE_CUE.match(word) and word not in rules.NOT_GEMEINDE_CUE:
        if genitive and rules.PLURAL_CUE.match(word):
            return  # "die Gemeinden Brandenburgs" are the Land's, not a list of places
        if word == "Gemeinde":
            prev, _, _ = _before(text, token_start)
            if rules.CONGREGATION.match(prev.lower()):
                hit.blocked = "congregation"
                return
        hit.cue = "ort" if word in ("Ort", "Sitz") else "gemeinde"
        hit.city_cue = lower.endswith(("stadt", "städte"))
        hit.admin_cue = bool(rules.ADMIN_CUE.match(word))
        hit.mention_start = token_start if word not in ("Ort", "Sitz", "Raum") else pos
        return
    if _LOWER.match(word):
        for stem, land in rules.LAND_ADJECTIVES.items():
            if lower.startswith(stem):
                hit.land_hint, hit.cue = land, "land"  # "das bayerische Lichtenberg"
                return
        prev, _, _ = _before(text, token_start)
        if _strip(prev).lower() in rules.ARTICLES and hit.form in rules.COMMON_WORD_NAMES:
            hit.cue = "article"  # "die neuen Linden", but "das schöne Stuttgart"
        return
    if word in rules.FREE_WORDS or not word[:1].isalpha() or _ROAD.match(word):
        return  # "A7 Hamburg Richtung Flensburg"
    if genitive and not _ACRONYM.match(word):
        return  # a genitive follows its noun: "die Einwohner Berlins"
    if _ACRONYM.match(word) or word[:1].isupper():
        hit.blocked = "part of a name"


def _office_before(text: str, pos: int) -> bool:
    """'der Gutachterausschuss für Grundstückswerte des Landes Berlin', 'Senatorin für
    Bildung des Landes Berlin': an office or body whose name the genitive ends."""
    phrase = _PHRASE_START.split(text[max(0, pos - 90):pos])[-1]
    words = phrase.split()
    if not words:
        return False
    # the head is the noun before "des", or before the "für …" that names its remit
    head = words[-1]
    if "für" in words[:-1]:
        at = len(words) - 1 - words[::-1].index("für")
        head = words[at - 1] if at > 0 else head
    return bool(rules.ORG_BEFORE_VON.search(head) or rules.OFFICE_WORD.match(head))


def _name_before_von(text: str, von_start: int) -> bool:
    """'Bezirksamt Mitte von Berlin', 'Hildegard von Bingen', 'Senat von Berlin' are names;
    'der Stadtplan von München', 'Einwohner von Ulm' are not."""
    prev, _, prev_start = _before(text, von_start)
    word = _strip(prev)
    if not word[:1].isupper() or prev.endswith((",", ".", ":", ";")):
        return False
    if rules.ORG_BEFORE_VON.search(word):
        return True
    if word in rules.VON_PLACE_NOUNS or word in rules.FREE_WORDS or rules.GEMEINDE_CUE.match(word):
        return False
    before, _, _ = _before(text, prev_start)
    # an article before the word makes it a noun: "im Vertrag von Kempen"
    return _strip(before).lower() not in rules.ARTICLES


def _continues(token: str) -> bool:
    """Whether a line ending in `token` runs on into the next: "die Landkreise" / "Karlsruhe"."""
    if not token[-1:].isalpha():
        return token.endswith(",")
    lower = token.lower()
    return (lower in rules.PLACE_PREPOSITIONS or lower in rules.WEAK_PREPOSITIONS
            or lower in rules.ARTICLES or lower in ("und", "sowie", "oder")
            or bool(rules.KREIS_CUE.match(token) or rules.GEMEINDE_CUE.match(token)))


def _start_cue(after: str) -> str:
    return "dateline" if _DATELINE_AFTER.match(after) else "start"


def _link_lists(text: str, hits: list[Hit]) -> None:
    """'die Landkreise Karlsruhe, Biberach und Tuttlingen': each name takes the list's cue."""
    for first, second, third in zip(hits, hits[1:], hits[2:], strict=False):
        # "weist der Atlas Freiburg, Heidelberg und Ulm aus": a list of places is no name
        if first.blocked == "part of a name" and not second.blocked and not third.blocked \
                and text[first.end:second.start].strip() == "," \
                and _LIST_GAP.match(text[second.end:third.start]):
            first.blocked, first.cue = None, "list"
    for prev, hit in itertools.pairwise([h for h in hits if not h.blocked]):
        gap = text[prev.end:hit.start]
        linked = bool(_LIST_GAP.match(gap) or _LIST_GAP_ITEM.match(gap))
        if linked:
            if prev.list_of is None:
                prev.list_of = [prev]
            prev.list_of.append(hit)
            hit.list_of = prev.list_of
        if hit.cue not in ("sep", "none", "start"):
            continue
        if prev.form in rules.COMMON_WORD_NAMES and prev.cue not in STRONG_CUES:
            continue  # "aus Sand und Steinen" is no list of places
        if linked:
            if prev.cue in ("kreis", "stadtkreis", "gemeinde", "prep", "list", "ort"):
                hit.cue = "list" if prev.cue == "ort" else prev.cue
            elif prev.cue in ("none", "start", "weak", "dateline", "postal", "sep"):
                hit.cue = "list"


def _ner_vote(hit: Hit, ents: list[tuple[int, int, str]]) -> None:
    """A LOC label is evidence; a PER or ORG label around the name vetoes it, but only
    where the text itself gives no cue (a preposition, a list of places)."""
    for start, end, label in ents:
        if end <= hit.start or start >= hit.end:
            continue
        if label in ("LOC", "GPE"):
            if hit.cue in ("none", "start", "weak") and start >= hit.mention_start - 1:
                hit.cue = "loc"
        elif label in ("PER", "ORG", "MISC") and hit.cue not in COMMON_OK and (
                label == "PER" or start < hit.start or end > hit.end):
            hit.blocked = f"inside {label}"


# --- deciding ---------------------------------------------------------------------------------


@dataclass(slots=True)
class Context:
    """What the release says about where it is: its Land and the city states it is in."""

    land_scores: Counter[str]
    city_states: set[str]

    @property
    def land(self) -> str | None:
        if not self.land_scores:
            return None
        code, score = self.land_scores.most_common(1)[0]
        return code if score >= 2 else None


def release_context(text: str, issuer: str | None, gaz: Gazetteer,
                    words: Counter[str] | None = None) -> Context:
    """The Land a release is from: its issuer, the Länder, offices and districts it names."""
    if words is None:
        words = Counter(_WORD.findall(text))
    scores: Counter[str] = Counter()
    head = (issuer or "") + "\n" + text[:400]
    for name, code in rules.LAND_NAMES.items():
        if issuer and name in issuer:
            scores[code] += 5
        if "-" in name:
            scores[code] += min(3, text.count(name))
        else:
            scores[code] += min(3, words.get(name, 0))
    if rules.BERLIN_OFFICES.search(head):
        scores["11"] += 5
    scores["11"] += min(3, sum(words.get(w, 0) for w in rules.BERLIN_OFFICE_WORDS))
    scores["11"] += min(2, words.get("Berliner", 0))
    scores["02"] += min(2, words.get("Hamburger", 0))
    if rules.HAMBURG_OFFICES.search(head):
        scores["02"] += 5
    for district in words.keys() & gaz.signal_districts.keys():
        city, weight = gaz.signal_districts[district]
        scores[city[:2]] += weight
    return Context(scores, set())


def _candidates(hit: Hit, gaz: Gazetteer) -> list[Entry]:
    variants = gaz.lookup(hit.form)
    hit.short_keys = {v.entry.key for v in variants if v.short}
    gemeinden = [v.entry for v in variants if v.entry.level == "gemeinde"]
    kreise = [v.entry for v in variants if v.entry.level == "kreis"]
    if hit.cue == "kreis":
        if kreise:
            return kreise
        return []
    if hit.cue == "gemeinde":
        if hit.city_cue:
            return [g for g in gemeinden if g.type not in ("Gemeinde", "Markt")]
        return gemeinden
    if hit.cue == "stadtkreis":
        out = [gaz.entries[g.key[:5]] for g in gemeinden
               if g.type in ("kreisfreie Stadt", "Stadtkreis") and g.key[:5] in gaz.entries]
        return out
    if gemeinden:
        return gemeinden
    return kreise


def _score(entry: Entry, hit: Hit, ctx: Context, kreise_seen: set[str]) -> float:
    score = math.log10(entry.population + 10)
    land = ctx.land
    if hit.land_hint:
        score += 4 if entry.land_code == hit.land_hint else 0
    if land:
        if entry.land_code == land:
            score += 3
        elif entry.land_code in NEIGHBOURS[land]:
            score += 0.3  # a tie-breaker: "Bernau" in a Berlin release
    if entry.kreis in kreise_seen or entry.key in kreise_seen:
        score += 2
    if entry.key not in hit.short_keys:
        score += 1  # the exact name counts, but "Halle" is still Halle (Saale)
    return score


def extract_municipalities(text: str, gaz: Gazetteer, issuer: str | None = None,
                           ents: list[tuple[int, int, str]] | None = None) -> list[Municipality]:
    words = Counter(_WORD.findall(text))
    hits = find_hits(text, gaz, words)
    for hit in hits:
        if not hit.blocked:
            read_context(text, hit)
            if not hit.blocked and _KREIS_FORM.search(hit.form):
                hit.cue = "kreis"  # "aus dem Landkreis Bad Kreuznach" names its own level
    _link_lists(text, hits)
    for hit in hits:
        if ents and not hit.blocked:
            _ner_vote(hit, ents)
        if not hit.blocked:  # before acceptance: a list's small places ask for the others'
            hit.entries = _candidates(hit, gaz)
    ctx = release_context(text, issuer, gaz, words)
    accepted: list[Hit] = []
    for hit in hits:
        if hit.blocked or not hit.entries:
            continue
        base = hit.form
        gemeinde_level = hit.entries[0].level == "gemeinde"
        if hit.cue == "article" and (gemeinde_level or _NEXT_CAPITAL.match(text[hit.end:])):
            continue  # "im Norden", "der Hof": a common noun; "am Barnim Gymnasium": a name
        if base in rules.LAND_NAMES and base not in rules.CITY_STATES and hit.cue != "gemeinde":
            continue  # "in Brandenburg" is the Land, "Stadt Brandenburg" the city
        if base in rules.COMMON_WORD_NAMES and hit.cue not in STRONG_CUES \
                and not any(
                e.population >= MIN_POPULATION_UNCUED for e in hit.entries):
            continue  # "in Besitz genommen", "nach Rom"
        if (base in rules.COMMON_WORD_NAMES or base in rules.SURNAME_NAMES) and \
                hit.cue not in COMMON_OK:
            continue
        if base in rules.COMMON_WORD_NAMES and _NEXT_CAPITAL_OR_NUMBER.match(
                text[hit.end:hit.end + 30]) and hit.cue not in STRONG_CUES:
            continue  # "Karl Marx", "Horst Seehofer", "in Halle 13"
        if base in rules.DIRECTION_NAMES and hit.cue not in STRONG_CUES and (
                hit.cue != "prep" or _before(text, hit.start)[0].lower() not in ("in", "aus")):
            continue  # "nach Norden"
        if hit.cue == "slash" and not (_place_before_slash(text, hit, gaz) and any(
                e.population >= MIN_POPULATION_SLASH for e in hit.entries)):
            continue  # "Bonn/Berlin", but not "Universität/Duisburg-Essen"
        if _FOREIGN_QUALIFIER.match(text, hit.end) and len(hit.entries) > 1 and all(
                e.population < MIN_POPULATION_QUALIFIED for e in hit.entries):
            continue  # "Schönau an der Katzbach" is none of the register's Schönaus
        if hit.cue in WEAK_CUES and gemeinde_level and not _known_enough(hit, ctx) \
                and not _in_list_of_places(hit):
            continue  # a small place named without a cue is more likely a common word
        accepted.append(hit)
    # the release's places that need no resolving tell its Land and Kreise
    kreise_seen: set[str] = set()
    for entry in {h.entries[0] for h in accepted
                  if len(h.entries) == 1 and h.form not in gaz.districts}:
        ctx.land_scores[entry.land_code] += 1
        kreise_seen.add(entry.kreis or entry.key)
        if entry.key in ("11000000", "02000000"):
            ctx.city_states.add(entry.key)
    for code, key in (("11", "11000000"), ("02", "02000000")):
        if ctx.land_scores[code] >= 2:
            ctx.city_states.add(key)
    found: dict[str, Municipality] = {}
    for hit in accepted:
        district_of = gaz.districts.get(hit.form) or gaz.districts.get(text[hit.start:hit.end])
        if district_of and not (hit.admin_cue or hit.cue == "kreis") and _is_district(
                hit, district_of, ctx):
            continue  # "Lichtenberg" in a Berlin release is the Bezirk
        fact = _resolve(text, hit, gaz, ctx, kreise_seen)
        if fact.ags is None and hit.cue not in COMMON_OK:
            continue  # a name the text does not place, and the register cannot tell
        key = fact.ags or f"?{fact.name}"
        known = found.get(key)
        if known is None:
            found[key] = fact
        else:
            known.mentions.extend(fact.mentions)
            known.confidence = max(known.confidence, fact.confidence)
    for fact in found.values():
        fact.confidence = round(min(0.99, fact.confidence + 0.02 * (len(fact.mentions) - 1)), 3)
    return list(found.values())


def _place_before_slash(text: str, hit: Hit, gaz: Gazetteer) -> bool:
    word = _WORD_BEFORE_SLASH.search(text, max(0, hit.start - 40), hit.start)
    return word is not None and word.group(1) in gaz.variants


def _is_district(hit: Hit, city: str, ctx: Context) -> bool:
    """Whether a name shared by a district of Berlin or Hamburg means the district: in a
    release of that city, or where nothing places it elsewhere and the namesake is small."""
    if city in ctx.city_states:
        return True
    if hit.land_hint and hit.land_hint != city[:2]:
        return False
    if ctx.land in {e.land_code for e in hit.entries}:
        return False
    return ctx.land_scores[city[:2]] > 0 or not _known_enough(hit, ctx)


def _in_list_of_places(hit: Hit) -> bool:
    """'Werkausstellungen in Berlin, Beeskow, Cottbus, …, Wildau, Zeuthen': a small
    place counts where enough of its list are towns or named with a cue."""
    support = 0
    for other in hit.list_of or ():
        if other is hit or other.blocked or other.form in rules.COMMON_WORD_NAMES:
            continue
        if other.cue not in WEAK_CUES or any(
                e.population >= MIN_POPULATION_UNCUED for e in other.entries):
            support += 1
    return support >= LIST_SUPPORT


def _known_enough(hit: Hit, ctx: Context) -> bool:
    """A name without a cue counts if some place it may be is a town of some size."""
    return any(e.population >= MIN_POPULATION_UNCUED for e in hit.entries)


def _resolve(text: str, hit: Hit, gaz: Gazetteer, ctx: Context,
             kreise_seen: set[str]) -> Municipality:
    confidence = CUE_CONFIDENCE.get(hit.cue, 0.7)
    if hit.form in rules.COMMON_WORD_NAMES:
        confidence -= 0.15
    mention = Mention(start=hit.mention_start, end=hit.end,
                      text=text[hit.mention_start:hit.end])
    entries = hit.entries
    if len(entries) > 1:
        ranked = sorted(((_score(e, hit, ctx, kreise_seen), e) for e in entries),
                        key=lambda se: -se[0])
        margin = ranked[0][0] - ranked[1][0]
        if margin < MIN_MARGIN:
            first = entries[0]
            return Municipality(
                name=hit.form, ags=None, level=first.level,  # type: ignore[arg-type]
                mentions=[mention], extractor=EXTRACTOR, confidence=round(confidence * 0.6, 3))
        entry = ranked[0][1]
        confidence *= 0.95 if margin >= 3 else 0.85
    else:
        entry = entries[0]
    kreis = gaz.kreis_of(entry) if entry.level == "gemeinde" else None
    return Municipality(
        name=entry.name, ags=entry.key, level=entry.level,  # type: ignore[arg-type]
        type=entry.type, land=entry.land, kreis=kreis.name if kreis else None,
        mentions=[mention], extractor=EXTRACTOR, confidence=round(confidence, 3))
