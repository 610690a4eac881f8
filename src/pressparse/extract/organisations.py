"""The `pressparse_organisations` component: organisations with acronyms, merged across mentions.

Two anchors find a name: a legal form after capitalised words ("Bitkom e.V.",
"Stadtwerke Lindau GmbH"), and an institution head word ("Bezirksamt",
"Fraunhofer-Institut", "Landkreistag") with what names it: a complement ("für
Arbeit", "Baden-Württemberg", "Marzahn-Hellersdorf") or a modifier ("Deutscher
Städtetag"); a bare generic head ("das Bezirksamt") names none. An acronym in
brackets or closing the name ("(IESE)", "Organisation IAO") is kept, and later
bare acronyms join the organisation. The NER's ORG spans, where present, add
names the rules miss when they carry a head word or a legal form. A name is found
in the case the sentence gives it and named in the nominative (`nominative`), so
that its mentions in any case merge; each mention keeps the text as written.
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
from ..normalise.wordlist import is_word
from ..record import Mention, Organisation
from ..segment import letterhead_case
from .organisation_names import after_genitive_article, is_adjective, nominative
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
_WORD = rf"(?:{_ACR}(?!-)|{_CAP}-?)"  # the acronym first: "P82" is one word, not "P"
_LOWER_ADJ = r"(?:[a-zäöüß]{3,}[ \u00a0])?[a-zäöüß]{3,}(?:e|en|er|es|em)"
# a name's words, with "& Co." and club years ("Borussia 19 e.V."); a legal form ends a
# name, so "Grün Berlin GmbH und IGA Berlin 2017 GmbH" are two
LEGAL_RE = re.compile(
    rf"(?<![\w\-])(?P<name>{_WORD}(?:[ \u00a0](?:(?:{_FUNC}|in|im|am|an|mit|ohne|{_ADJ}"
    rf"|{_LOWER_ADJ})[ \u00a0])*(?!{org.LEGAL_FORM}(?![\w]))(?:{_WORD}|Co\.|\d{{1,4}})){{0,7}})"
    rf"[ \u00a0](?P<legal>{org.LEGAL_FORM})(?![\w])"
)
COMPLEMENT_RE = re.compile(
    rf"(?:(?:[ \u00a0]|,[ \u00a0](?=[{lex.UPPER}]))(?:(?:{_FUNC}|{_ADJ})[ \u00a0])*"
    rf"{_WORD}){{0,9}}"
)
ACRONYM_AFTER_RE = re.compile(rf"[ \u00a0]?\((?P<acr>{_ACR}|[{lex.UPPER}][\w&\-]{{1,10}})\)")
MODIFIER_BEFORE_RE = re.compile(
    rf"(?<![\w\-])(?P<mod>(?:Deutsche[rsnm]?|Berliner|Bayerische[rsnm]?|[{lex.UPPER}][a-zäöü]+"
    rf"(?:ische[rsnm]?|er)|{_ACR}|(?P<adj>[{lex.UPPER}][a-zäöüß]{{2,}}e[nmrs]?))[ \u00a0])$"
)
_ARTICLES = frozenset({"der", "die", "das", "dem", "den"})
_LEADING_STOP = frozenset({
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "mit", "von", "für",
    "bei", "auch", "und", "in", "im", "am", "zum", "zur", "vom", "durch", "über", "unter",
    "nach", "sowie", "wie", "dass", "laut", "so", "beim",
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


def _trim_complement(comp: str, head: str) -> str:
    """A complement ends on a name word; an enumeration after a comma needs its "und"
    ("für Stadtentwicklung, Bauen und Wohnen"), else it ends at the comma."""
    if re.match(r"(?:,|[ \u00a0]+(?:und|&|von))(?![\w])", comp):
        return ""  # "Jugendamt und Kitas", "Verwaltung, Medien …", "Stadtzentrum von Berlin"
    last_und = comp.rfind(" und ")
    comma = comp.find(", ", max(last_und, 0))
    if comma >= 0:
        comp = comp[:comma]
    # "und" joins names, not phrases: "Stadtentwicklungsamt X und zur Vergabe …"
    m = re.search(r"[ \u00a0]+und[ \u00a0]+(?:zur|zum|für|der|des|die|von|in|im|mit)\b", comp)
    if m:
        comp = comp[:m.start()]
    comp = _cut_second_body(comp)
    comp = _cut_purpose(comp, head)
    comp = _cut_common_noun(comp)
    # stop at a given name, an honorific or a role: "Bezirksamt Mitte, Bezirksstadträtin …"
    for w in re.finditer(_CAP, comp):
        if (lex.is_first_name(w.group()) or lex.is_role_word(w.group())
                or w.group() in lex.HONORIFICS):
            comp = comp[:w.start()]
            break
    comp = re.sub(r"[ \u00a0]+\S+-$", "", comp)  # a word cut by the line: "Stiftung Zentral-"
    comp = re.sub(rf"(?:[ \u00a0,]+(?:{_FUNC}|{_ADJ}))*[ \u00a0,]*$", "", comp)
    return _drop_lone_genitive(comp)


def _cut_second_body(comp: str) -> str:
    """An "und" before another institution joins two bodies, not two parts of one name:
    "Germanisches Nationalmuseum Nürnberg und Deutsches Historisches Museum", "Ordnungsamt
    Pankow und Polizei Berlin"; a generic head without a place or acronym is a part
    ("für Wirtschaft, Energie und Betriebe")."""
    for m in re.finditer(r"[ \u00a0]+und[ \u00a0]+", comp):
        words = comp[m.end():].split()
        n_adj = next((i for i, w in enumerate(words) if not is_adjective(w)), len(words))
        noun = words[n_adj].casefold() if n_adj < len(words) else ""
        named = n_adj or noun not in org.GENERIC_HEADS or (
            n_adj + 1 < len(words) and (lex.is_place(words[n_adj + 1])
                                        or re.fullmatch(_ACR, words[n_adj + 1])))
        if noun.endswith(org.HEAD_ENDINGS) and named:
            return comp[:m.start()]
    return comp


def _cut_purpose(comp: str, head: str) -> str:
    """A "zur"/"zum" phrase belongs to a name only right after a head that states a purpose
    ("Verein zur Förderung …"); elsewhere it says what the body does ("Polizei zur
    Überprüfung …", "Rathaus Charlottenburg zur Weihnachtsbeleuchtung")."""
    for m in re.finditer(r"[ \u00a0]+(?:zur|zum)[ \u00a0]", comp):
        if m.start() == 0 and head.casefold().endswith(org.PURPOSE_HEADS):
            continue
        return comp[:m.start()]
    return comp


def _cut_common_noun(comp: str) -> str:
    """A common noun that no preposition governs ends the name: it follows the name in
    the sentence ("Gesundheitsamt Mitte Unterstützung", "Naturschutzamt Befreiungen")."""
    governed = after_place = False
    words = list(re.finditer(rf"[ \u00a0]+(?P<w>{_CAP}|[^\s,]+)", comp))
    for i, m in enumerate(words):
        word = m.group("w")
        if word[0].islower() or word == "&":
            following = words[i + 1].group("w") if i + 1 < len(words) else ""
            if after_place and not governed and _ends_after_place(word, following):
                return comp[:m.start()]
            governed = word not in {"und", "&"} or governed
            continue
        if not governed and (word in org.COMMON_NOUNS or org.COMMON_NOUN_RE.search(word)
                             or org.DETERMINER_RE.fullmatch(word)
                             or (after_place and _plain_noun(word))):
            return comp[:m.start()]
        after_place = not governed and lex.is_place(word)
        # an adjective governs its noun: "Stiftung Preußische Seehandlung"
        governed = is_adjective(word) or governed
    return comp


def _ends_after_place(word: str, following: str) -> bool:
    """Whether a lowercase word after a place leaves the name: "Bezirksamt Pankow und
    LesLeFam", "Stadtteilzentrum Biesdorf der Vortrag", "Museum Dahlem befindlichen";
    not "Landeskommission Berlin gegen Gewalt", "Regionalverbund Berlin des Gesunden …"."""
    if word in {"und", "&", "für"}:
        return following[:1].isupper() and not lex.is_place(following)
    if word in _ARTICLES or word == "des":
        return _plain_noun(following)
    return not re.fullmatch(rf"{_FUNC}|in|im|am|an|mit|ohne|gegen", word)


def _plain_noun(word: str) -> bool:
    """A dictionary noun that is no place, acronym, compound name or point of the compass:
    after a place it is the sentence's ("Museum Reinickendorf Vorschläge")."""
    return (is_word(word) and not lex.is_place(word) and not re.fullmatch(_ACR, word)
            and "-" not in word and word not in org.COMPASS_WORDS and not is_adjective(word))


def _drop_lone_genitive(comp: str) -> str:
    """A lone genitive after the head is a relation ("Beirat des Gebietes", "Bibliothek des
    Gebäudes"), unless it names an owner that is part of the name ("… des Bundes")."""
    m = re.fullmatch(rf"[ \u00a0]+des[ \u00a0]+({_CAP})", comp)
    if m and m.group(1) not in org.GENITIVE_OWNERS:
        return ""
    return comp


def _legal_candidates(text: str, persons: SpanIndex) -> list[OrgCand]:
    out = []
    for m in LEGAL_RE.finditer(text):
        start = _after_lowercase_phrase(text, m.start("name"), m.end("name"))
        start = _trim_leading(text, start, m.end("name"))
        # a person or role in front ("Krall und der Prokurist der Stadtwerke Lindau GmbH")
        inner = text[start:m.end("name")]
        cut = 0
        for w in re.finditer(rf"{_CAP}", inner):
            if (lex.is_role_word(w.group())
                    or persons.overlaps(start + w.start(), start + w.end())):
                cut = w.end()
        h = org.HEAD_RE.search(inner, cut)
        if h and (re.search(r"\b(?:der|des)[ \u00a0]+$", inner[:h.start()]) or (
                h.end() < len(inner) and re.search(
                    r"\b(?:dem|den|im|beim|vom|zum|zur)[ \u00a0]+$", inner[:h.start()]))):
            # "Impulsgeber der Stiftung …", "Mitglied im Verband freier Berufe e.V."; a
            # bare head after "im" is a part of the name: "Jugend im Museum e.V."
            cut = h.start()
        if cut:
            start = _trim_leading(text, start + cut, m.end("name"))
        start = _cut_coordination(text, start, m.end("name"))
        start = _trim_leading(text, _cut_lead_in(text, start, m.end("name")), m.end("name"))
        start = _drop_relation_noun(text, start, m.end("name"))
        start = _quoted_start(text, start, m.end())
        if start >= m.end("name"):
            continue
        name = re.sub(r"\s+", " ", text[start:m.end()])
        out.append(OrgCand(start, m.end(), name, confidence=0.9))
    return out


_OPEN_QUOTE_RE = re.compile(r"[„\"»]([^„“”\"«»\n]{1,80})$")


def _quoted_start(text: str, start: int, end: int) -> int:
    """A name in quotes is the whole quote, whatever words it holds: „Schenk doch mal ein
    Lächeln e.V.“."""
    if text[end:end + 1] not in {"“", "\"", "”", "«"}:
        return start
    q = _OPEN_QUOTE_RE.search(text, max(0, start - 80), start)
    if q and q.group(1)[:1].isupper():
        return q.start(1)
    return start


_CONNECTOR_RE = re.compile(rf"(?:{_FUNC}|in|im|am|an|mit|ohne|{_ADJ})")


def _after_lowercase_phrase(text: str, start: int, end: int) -> int:
    """Lowercase adjectives belong to a name ("Verband freier Berufe e.V.", "Werkstätten
    für behinderte Menschen e.V.", "Angehörige psychisch erkrankter Menschen e.V."); a
    participle only after a lowercase word, since after a noun it is the sentence's ("vom
    Amt beauftragte Firma Bau SE"); any other lowercase word is the sentence, and the name
    starts after it."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for i in range(len(words) - 1, 0, -1):
        word = words[i].group()
        if not word[0].islower() or _CONNECTOR_RE.fullmatch(word):
            continue
        after_lower = words[i - 1].group()[0].islower()
        if _lowercase_adjective(word) and (after_lower or not _is_participle(word)):
            continue
        if i + 1 < len(words) and _lowercase_adjective(words[i + 1].group()):
            continue  # an adverb before its adjective: "psychisch erkrankter"
        return start + words[i].end()
    return start


def _lowercase_adjective(word: str) -> bool:
    return word[0].islower() and is_adjective(word.capitalize())


def _is_participle(word: str) -> bool:
    """"beauftragte", "getragene", "abgestimmten": a verb's participle as an adjective."""
    stem = re.sub(r"(?:en|em|er|es|e)$", "", word)
    return stem.endswith(("t", "en")) or stem.startswith("ge")


_COORDINATION_RE = re.compile(
    rf"[ \u00a0]und[ \u00a0]+(?:(?:im|in|am|an|von|vom|bei|beim|mit|zum|zur)[ \u00a0]+"
    rf"|(?:der|die|das|dem|den)[ \u00a0]+(?=[{lex.UPPER}]))")


def _cut_coordination(text: str, start: int, end: int) -> int:
    """"und" with a preposition joins two phrases, and the name is in the last one: "Freie
    Universität Berlin und im Deutschen Friedensbund e.V."; so does "und" with an article
    after names ("Netzwerk Marzahn und der Kinderring Berlin e.V."), but not inside a
    purpose ("Verein zur Förderung des Weinbergs und der Gartenarbeitsschule e.V.")."""
    ends = [m.end() for m in _COORDINATION_RE.finditer(text, start, end)
            if m.group().split()[1] not in _ARTICLES
            or not re.search(r"(?<!\S)[a-zäöüß]", text[start:m.start()])]
    return max(ends, default=start)


_ARTICLE_RE = re.compile(r"(?<=[ \u00a0])(?:der|des|dem|den|die|von|vom|bei|beim|durch)[ \u00a0]+")
_LOCATIVE = frozenset({"in", "an", "auf", "am", "im"})


def _cut_lead_in(text: str, start: int, end: int) -> int:
    """The name starts after the last article that follows no organisation noun: before it
    stands what the sentence says of the name ("Eigenkapitalbasis der Vivantes GmbH",
    "Zusammenarbeit mit der Wall GmbH"); after one it belongs ("Landesverband der
    Volkssolidarität e.V.", "Freunde der Nationalgalerie e.V.", "… in der UFA-Fabrik e.V."),
    and so does all after a head word ("Verein zur Förderung der Jugendarbeit e.V.")."""
    for m in reversed(list(_ARTICLE_RE.finditer(text, start, end))):
        before = text[start:m.start()].split()
        if before and before[-1].isdigit():
            return m.end()  # an address before it: "Tageszentrum Wiese 30 des KBS e.V."
        if m.group().startswith("von") and re.fullmatch(
                rf"{_WORD}(?:[ \u00a0]+{_WORD})*", text[m.end():end]) and not (
                before and before[-1].casefold().endswith(org.SUPPORTER_NOUNS)):
            return m.end()  # "Beratungsstelle von Matilde e.V.": a unit of the named body
        if not before or org.HEAD_RE.search(text, start, m.start()):
            break  # "Verein zur Förderung der Jugendarbeit e.V."
        word = before[-1]
        if word in _LOCATIVE or (word[0].isupper() and word.casefold().rstrip("s").endswith(
                org.HEAD_ENDINGS + org.MEMBER_NOUNS)):
            continue
        return m.end()
    return start


def _drop_relation_noun(text: str, start: int, end: int) -> int:
    """A first word that says how the name relates to the sentence is no part of it:
    "Kooperationspartner Habikus e.V.", "Träger Rabenhaus e.V.", "Website FiPP e.V.",
    "Pressekontakt Wall GmbH", "Lösung für KINDERHILFE e.V."."""
    m = re.match(r"(\S+)[ \u00a0]+(?=\S)", text[start:end])
    if m and (m.group(1) in org.COMMON_NOUNS or org.RELATION_NOUN_RE.search(m.group(1))
              or org.COMMON_COMPOUND_RE.search(m.group(1))):
        return _trim_leading(text, start + m.end(), end)
    return start


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


def _in_capitals_line(text: str, m: re.Match[str]) -> bool:
    """A letterhead line is written in capitals; a word in capitals inside running text
    ("… (kurz: VERBUND) zielt …") is an acronym, not a letterhead."""
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.end())
    letters = [c for c in text[start:end if end >= 0 else len(text)] if c.isalpha()]
    return sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _head_candidates(text: str) -> list[OrgCand]:
    out = []
    for m in org.head_words(text):
        if text[m.end():m.end() + 1] == "-":
            continue
        if m.group().isupper() and len(m.group()) > 4:
            if _in_capitals_line(text, m):
                out.append(_letterhead_candidate(text, m))
            continue
        base = org.head_base(m.group())
        if base.casefold() in org.NOT_HEADS:
            continue
        comp = _head_complement(text, m, base)
        end = m.end() + len(comp)
        start = _modifiers_start(text, m.start(), bool(comp.strip()))
        if base != m.group() and not after_genitive_article(text, start):
            continue  # "-s" without "des" is no genitive of the head: "Amts" in a list
        named = bool(comp.strip()) or start < m.start() or "-" in m.group() or (
            not _is_generic(base))
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


def _head_complement(text: str, m: re.Match[str], base: str) -> str:
    """What names the head after it. "in Berlin" alone names no generic head ("Orchester
    in Berlin"), and after a head in the genitive a common noun is the sentence's object
    ("des Bezirksamtes Karriere machen"), so only names, places and governed words count."""
    comp = _trim_complement(COMPLEMENT_RE.match(text, m.end()).group(), base)
    if _is_generic(base) and re.match(r"[ \u00a0]+in[ \u00a0]", comp):
        return ""
    if base == m.group():
        return comp
    governed = was_governed = False
    words = list(re.finditer(r"[ \u00a0,]+([^\s,]+)", comp))
    for i, w in enumerate(words):
        word = w.group(1)
        if word in {"und", "&"}:
            # each part must name, or share the adjective: not "Kreativfabrik und Anwohner",
            # but "Deutscher Sinti und Roma"
            governed = was_governed
            continue
        if word in {"für", "der", "des", "zur", "zum", "gegen"}:
            return comp  # governed from here: "des Amtes für Soziales Mitte"
        # an adjective governs its noun: "Deutscher Sinti", "Theresienstädter Initiative"
        adjective = is_adjective(word) or (word.endswith("er") and i + 1 < len(words))
        if not governed and (word[0].islower() or not (_names_word(word) or adjective)):
            return re.sub(r"(?:[ \u00a0,]+(?:und|&))*[ \u00a0,]*$", "", comp[:w.start()])
        was_governed, governed = governed, adjective
    return comp


def _names_word(word: str) -> bool:
    """A word that names rather than says: a place, an acronym or a word no dictionary
    lists ("Gafca", "KulturLeben")."""
    return (lex.is_place(word) or bool(re.fullmatch(_ACR, word)) or "-" in word
            or not is_word(word) or any(c.isupper() for c in word[1:]))


def _is_generic(head: str) -> bool:
    """A head word that names no one body alone ("Bezirksamt", "Jugendorchester")."""
    low = head.casefold()
    return low in org.GENERIC_HEADS or low.endswith(tuple(org.GENERIC_HEADS))


def _modifiers_start(text: str, start: int, has_complement: bool) -> int:
    """Where the modifiers before a head word begin: all adjectives count ("Deutsches
    Historisches Museum"), an acronym only next to the head ("TSB Innovationsagentur"). A
    word that may be a noun counts only as a known adjective before a head that has a
    complement or another adjective ("Freie Demokratische Partei")."""
    first = True
    while True:
        mod = MODIFIER_BEFORE_RE.search(text, max(0, start - 40), start)
        if not mod:
            return start
        word = mod.group("mod").strip()
        if not _is_modifier(word) or (not first and re.fullmatch(_ACR, word)):
            return start
        if mod.group("adj") and not ((has_complement or not first) and is_adjective(word)):
            return start
        start, first = mod.start("mod"), False


def _is_modifier(word: str) -> bool:
    """An adjective or acronym that belongs to the name, not an article, pronoun or role;
    a word in "-er" is one when it is made from a place ("Spandauer", not "Träger")."""
    low = word.casefold()
    if low in _LEADING_STOP or low in org.DETERMINERS or lex.ROLE_RE.fullmatch(word):
        return False
    if re.fullmatch(r"[^\W\d_]+[^\W\d_s]er", word) and not word.startswith("Deutsch"):
        return lex.is_place(word[:-2]) or lex.is_place(word[:-1]) or word[:-2] in org.PLACE_ROOTS
    return True


def _ner_candidates(doc: Doc) -> list[OrgCand]:
    out = []
    ents = entities(doc)
    text = text_of(doc) if ents else ""
    for start, end, label in ents:
        if label not in {"ORG", "ORGANIZATION"} or "\n" in text[start:end]:
            continue
        start = _trim_leading(text, start, end)
        end = start + len(_trim_ner_tail(text[start:end]))
        ent_text = text[start:end]
        if not ent_text or not ent_text[0].isupper() or _is_bare(ent_text):
            continue
        if org.HEAD_RE.search(ent_text) or re.search(org.LEGAL_FORM, ent_text):
            out.append(OrgCand(start, end, re.sub(r"\s+", " ", ent_text), confidence=0.75))
    return out


_NER_STOP = re.compile(
    rf"[„“”\"]|[ \u00a0]+(?:[–—-](?=[ \u00a0])"
    rf"|(?!(?:{_FUNC}|{_ADJ})[ \u00a0,.]|(?:{_FUNC})$|{org.LEGAL_FORM})[a-zäöüß])")


def _trim_ner_tail(span: str) -> str:
    """A model's span often runs on into the sentence ("Senatsverwaltung für Wirtschaft,
    Energie und Betriebe wurde …", "… Betriebe, Matthias Wulff"): the name ends before a
    lowercase word that no name contains, a dash, a comma that opens no enumeration, or
    closing punctuation."""
    stop = _NER_STOP.search(span)
    if stop:
        span = span[:stop.start()]
    comma = span.find(", ", max(span.rfind(" und "), 0))
    if comma >= 0:
        span = span[:comma]
    for m in re.finditer(r",[ \u00a0]+(\S+)", span):
        word = m.group(1)
        if (word in org.COMMON_NOUNS or lex.is_first_name(word) or lex.is_role_word(word)
                or not word[0].isupper()):
            span = span[:m.start()]
            break
    return _strip_tail(span)


def _strip_tail(span: str) -> str:
    """Function words and punctuation at the end; the full stop of "e.V." stays."""
    span = re.sub(rf"(?:[ \u00a0]+(?:{_FUNC}))*[ \u00a0,;:„“”\"]*$", "", span)
    if span.endswith(".") and not re.search(rf"{org.LEGAL_FORM}$", span):
        return _strip_tail(span[:-1])
    return span


def _is_bare(name: str) -> bool:
    """A legal form or a generic head word alone names nothing ("gGmbH", "Bezirksamt")."""
    if re.fullmatch(org.LEGAL_FORM, name):
        return True
    low = name.casefold()
    return " " not in name and "-" not in name and (
        low in org.GENERIC_HEADS or low.endswith(tuple(org.GENERIC_HEADS)))


def _unclaimed(extra: list[OrgCand], cands: list[OrgCand]) -> list[OrgCand]:
    """The model's names where the rules found none: where both found one, the rules
    draw the tighter boundary."""
    taken = SpanIndex((c.start, c.end) for c in cands)
    return [c for c in extra if not taken.overlaps(c.start, c.end)]


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
            cands += _unclaimed(_ner_candidates(doc), cands)
        for c in cands:
            c.name = nominative(text, c.start, c.name)
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
