"""The `pressparse_persons` component: persons with academic title, role and party.

Names are found by rules, and the statistical NER (`doc.ents` PER) adds evidence
where the pipeline carries one. A run of capitalised words is a name when it
starts with a known given name, or when a title, an honorific or a role word
stands before it ("Frau Albers", "Bezirksstadträtin Kranz"), or when its context
says so: a line label ("Pressekontakt: …"), a speech verb ("sagte …"), a
coordination with a known person ("… und Ilvie Brasch"), a list whose other
items are persons. Roles are read before the name ("der Geschäftsführer der Stadtwerke
Lindau GmbH, Peter Krall"), after it as an apposition ("Ulrich Brandt,
Präsident des Landkreistags"), from a label or an instrument. Later mentions by
surname join the person. Spans go to `doc.spans["persons"]` for the quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from ..lang.de import persons as lex
from ..nlp import entities, mention_spans, text_of
from ..record import Mention, Person

EXTRACTOR = "pressparse_persons"

# role classes: a function word beats a label, an instrument or a list's rest
FUNCTION, LABEL, ANAPHOR = 2, 1, 0

_CAP = lex.CAP_WORD
_TITLE = lex.TITLE
_PART = "|".join(sorted(lex.PARTICLES, key=len, reverse=True))
_SP = r"[ \u00a0]"

# a run of capitalised words (titles and name particles in between) on one line
_INITIAL = rf"[{lex.UPPER}]\.(?={_SP}[{lex.UPPER}])"
RUN_RE = re.compile(
    rf"(?<![\w\-/.@])(?:{_TITLE}|{_CAP})"
    rf"(?:{_SP}(?:(?:{_PART}){_SP})*(?:{_TITLE}|{_INITIAL}|{_CAP}))*"
)
TOKEN_RE = re.compile(rf"{_TITLE}|{_INITIAL}|{_CAP}|(?:{_PART})(?![\w])")

# tokens of a role's complement: "für Umwelt, Mobilität und Klimaschutz", "der Stadtwerke Ulm"
_FUNC = (r"für|des|der|dem|den|bei|beim|im|in|am|an|von|vom|zur|zum|und|sowie|&|of|the|for"
         r"|and|gegen|über|auf|mit|ohne")
_ADJ_STOP = ("werden|haben|sollen|wollen|können|müssen|dürfen|heute|gerne|einen|keine|eine"
             "|seine|ihre|unsere|diese|dieser|diesen|jeder|jede|alle|allen|wieder|immer"
             "|unter|über|hinter|oder|aber|sehr|mehr|wenn|denn|dann|schon|gegen|ohne|seit"
             "|während|sowie|hier|gestern|morgen|bereits|wurde|wurden|gemeinsam")
_ADJ = (rf"(?!(?:{_ADJ_STOP})\b)[a-zäöüß]{{2,}}(?:isch|lich|ig|al|ar|ell|iv|end|ös|är|bar"
        rf"|sam|haft|ern|on)(?:e|en|er|es|em)(?=\s+[{lex.UPPER}])")
_ACR_PAREN = r"\([A-ZÄÖÜ][\w&./\- ]{0,30}\)"
_LEGAL = r"e\.\s?V\.|gGmbH|GmbH|gUG|mbH|AG|KG|eG|SE"
_CTOKEN = rf"(?:{_LEGAL}|a\.\s?D\.|{_CAP}|\d+(?:\.\d+)?|{_ACR_PAREN}|(?:{_FUNC})(?![\w])|{_ADJ})"
COMPLEMENT_RE = re.compile(rf"(?:(?:\s+|,\s+(?=[{lex.UPPER}]))(?:{_CTOKEN}))*")
FWD_COMPLEMENT_RE = re.compile(rf"(?:(?:{_SP}+|,{_SP}+(?=[{lex.UPPER}]))(?:{_CTOKEN}))*")
_TRAIL_FUNC_RE = re.compile(rf"(?:[\s,]+(?:{_FUNC}|{_ADJ_STOP}))+$")

TITLES_END_RE = re.compile(rf"(?:{_TITLE}\s*)+$")
WORD_RE = re.compile(rf"(?<![\w\-*:]){_CAP}(?:[*:_/]-?in|\(in\))?(?![\w\-])")
_EXTEND_BACK_RE = re.compile(
    rf"(?:(?P<role>{_CAP}(?:[*:_/]-?in|\(in\))?)(?P<sep>,\s+|\s+und\s+)"
    rf"|(?P<mod>[A-ZÄÖÜ][a-zäöüß]+(?:e|er|es)|[A-ZÄÖÜ]{{2,6}})\s+)$")
SENT_END_RE = re.compile(r"(?<!\b[A-Za-zÄÖÜäöü])(?<!\d)(?<!\b(?:Dr|Nr|ca|St))"
                         r"(?<!\b(?:bzw|vgl|Tel|Abs|Str))(?<!Prof)"
                         r"[.!?]\s+(?=[A-ZÄÖÜ„\"])|\n\s*\n|[:;]\s+(?=[„\"“»])")
_INSTR = "|".join(sorted((re.escape(w) for w in lex.INSTRUMENTS), key=len, reverse=True))
INSTRUMENT_AFTER_RE = re.compile(
    rf"(?:{_SP}?\((?P<a>(?i:{_INSTR}))\)|{_SP}[–-]{_SP}(?P<b>(?i:{_INSTR}))(?=[\s,.;)]|$)"
    rf"|,{_SP}(?P<c>(?i:{_INSTR}))(?=[\s,.;)]|$))"
)
LEITET_RE = re.compile(
    r",\s+(?P<rel>der|die)\s+(?P<art>das|den|die)\s+(?P<obj>[^,.;:\n]{3,80}?)\s+leitet\b")
LABEL_LINE_RE = re.compile(
    r"^[ \t]*(?:[-•*–][ \t]*)?(?P<label>[A-ZÄÖÜ][^:\n\d]{1,80}?)[ \t]*:[ \t]*$")
LABEL_ALONE_RE = re.compile(r"^[ \t]*(?P<label>[A-ZÄÖÜ][^:\n\d]{1,60}?)[ \t]*:?[ \t]*$")
_SPEECH = "|".join(sorted(lex.SPEECH_VERBS, key=len, reverse=True))
SPEECH_BEFORE_RE = re.compile(rf"(?:\b(?:{_SPEECH})|[“”\"«»][ \t]*,)[ \t]+$")
SPEECH_AFTER_RE = re.compile(rf"^\s*(?:\b(?:{_SPEECH})\b|:\s*[„\"“»])")
COORD_AFTER_RE = re.compile(
    rf"^(?:,{_SP}+|{_SP}+(?:und|sowie){_SP}+)(?P<n>{_CAP}(?:{_SP}+(?:(?:{_PART}){_SP}+)*{_CAP}){{1,2}})"
    rf"(?=\s*(?:,|\bund\b|\bsowie\b|\(|\.|;|:|–|$))"
)
COORD_BEFORE_RE = re.compile(
    rf"(?P<n>(?<![\w\-]){_CAP}(?:{_SP}+(?:(?:{_PART}){_SP}+)*{_CAP}){{1,2}})"
    rf"(?:,{_SP}+|{_SP}+(?:und|sowie){_SP}+)$"
)
_INST_BEFORE_RE = re.compile(
    r"\b(?:Hochschule|Schule|Universität|Institut|Akademie|Stiftung|Preis|Verein|Museum|Haus"
    r"|Zentrum|Gesellschaft|Konservatorium|Gymnasium|Bibliothek|Galerie|Kirche|Straße)"
    r"\s+(?:für|der|des|zur|zum)\s+(?:[A-ZÄÖÜ]\w*\s+)?[„\"»]?$"
)
_CLAUSE_END_RE = re.compile(r"\s*(?:[,:;.(–]|$)", re.M)
_POSSESSIVE_RE = re.compile(r"\b(?:seine[rm]?|ihre[rm]?|meine[rm]?|deren|dessen|eine[rm]?|"
                            r"die|der|den|dem)\s+$", re.I)
# a name that ends its line, or is followed by a contact detail or a bracket
_NAME_THEN_CONTACT_RE = re.compile(
    rf"(?:{_TITLE}\s*)*{_CAP}(?:{_SP}+(?:(?:{_PART}){_SP}+)*{_CAP}){{0,3}}"
    r"\s*(?:$|[,(–\-/|.;]|\d|Tel|E-Mail|\*)")
# a label never starts with an article or a preposition ("Die Eröffnung der …:")
_LABEL_NOT_FIRST = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "mit",
                              "von", "für", "bei", "im", "am", "in", "zum", "zur", "und", "auf",
                              "weitere", "informationen", "information", "infos", "info",
                              "hinweis", "hinweise", "quelle", "fragen", "rückfragen",
                              # labels of place, time and price introduce no person
                              "ort", "veranstaltungsort", "treffpunkt", "adresse", "anschrift",
                              "wo", "wann", "termin", "termine", "zeit", "datum", "eintritt",
                              "kosten", "preis", "ziel", "start"})
# a first word shaped like an adjective, a superlative or an English gerund
_COMMON_WORD_SHAPE_RE = re.compile(r"(?:[sß]te[rsn]?|ing|ische[rsnm]?|liche[rsnm]?|ige[rsnm]?)$")
# what follows a noun, not a surname, after a role word: a preposition, an article
_OBJECT_AFTER_RE = re.compile(
    r"[ \u00a0]+(?:mit|am|im|des|der|die|das|dem|den|von|vom|für|zu|zum|zur|auf|in|an|aus"
    r"|bei|nach|über|unter|vor|&|\+)(?![\w])")
_WORDS_RE = re.compile(r"[\w\-]+")
_ROMAN_RE = re.compile(r"[IVX]{1,4}")
# a word with an inner capital is glued text ("BastianTelefon"), unless a name prefix
_GLUED_RE = re.compile(
    r"(?!(?:Mc|Mac|De|Di|Da|Le|La|Van|Von|O')[A-ZÄÖÜ])[A-ZÄÖÜ][a-zäöüß]+[A-ZÄÖÜ]")
_QUOTE_OPEN = "„“\"»«‚‘'"
_QUOTE_CLOSE = "“”\"«»‘’'"


@dataclass
class Cand:
    """One mention of a person as first found."""

    start: int
    end: int
    tokens: list[str]
    title: str | None = None
    evidence: set[str] = field(default_factory=set)
    roles: list[tuple[int, int, str]] = field(default_factory=list)  # (class, pos, role)
    party: str | None = None

    @property
    def surname_only(self) -> bool:
        return len(self.tokens) == 1


@dataclass
class Found:
    name: str
    key: str
    surname: str
    title: str | None
    mentions: list[tuple[int, int]]
    evidence: set[str]
    roles: list[tuple[int, int, str]]
    party: str | None


# ---------------------------------------------------------------- tokens


@cache
def _kind(tok: str) -> str:
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
def _institutional(tok: str) -> bool:
    low = tok.casefold()
    if low in lex.INSTITUTION_WORDS:
        return True
    return low.endswith(lex.INSTITUTION_SUFFIXES)


def _name_shaped(tokens: list[str], min_tokens: int = 2) -> bool:
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
        kind = _kind(t)
        if kind in "STHR" or _institutional(t):
            return False
        if t.isupper() and len(t) <= 3:
            return False
    if any(len(t) < 2 for t in core):
        return False
    return not any(lex.NOUN_SUFFIX_RE.search(t.casefold()) for t in core[1:]) and not (
        lex.NOUN_SUFFIX_RE.search(core[0].casefold()) and not lex.is_first_name(core[0]))


def _display(tokens: list[str]) -> str:
    words = [t if _ROMAN_RE.fullmatch(t) else
             t.title() if t.isupper() and len(t) > 2 and "-" not in t else
             "-".join(p.title() for p in t.split("-")) if t.isupper() else t for t in tokens]
    return " ".join(words)


def _fold(name: str) -> str:
    return name.casefold().replace("ß", "ss")


# ---------------------------------------------------------------- finding names


def _runs(text: str) -> list[tuple[int, list[tuple[int, int, str]]]]:
    out = []
    for m in RUN_RE.finditer(text):
        toks = [(m.start() + t.start(), m.start() + t.end(), t.group())
                for t in TOKEN_RE.finditer(m.group())]
        if toks:
            out.append((m.start(), toks))
    return out


def _take_name(text: str, toks: list[tuple[int, int, str]], kinds: list[str], i: int,
               strong: bool) -> int:
    """End index (exclusive) of the name starting at token i, or i when none.

    After a title, honorific or role (`strong`) an unknown first word is a given
    name when a surname follows, else the surname itself.
    """
    n = len(toks)
    j = i
    if strong and kinds[i] == "C":
        j = i + 1
    while j < n and (kinds[j] == "F" or (kinds[j] == "I" and j > i)):
        j += 1
    k = j
    while j < n and kinds[j] == "P":
        j += 1
    if j > k and ((j + 1 < n and kinds[j + 1] in "CS") or (
            j - i >= 2 and kinds[k - 1] == "F" and j < n and toks[j][2].endswith("er"))):
        j = k  # "Luisa Arndt von der Berliner Stadtmission": the particles start a phrase
    if (j > i and j + 1 < n and toks[j][2] in lex.CAP_PARTICLES
            and kinds[j + 1] in "CF"):
        j += 1  # "Giovanni Lo Curto", "Pierre De Meyer"
    surname_word = (j < n and kinds[j] == "S" and j > i and j == n - 1
                    and toks[j][2].casefold() in lex.SURNAME_WORDS)
    role_surname = (j > i and j < n and kinds[j] == "R" and kinds[j - 1] == "F"
                    and toks[j][2] in lex.ROLE_SURNAMES)
    if j < n and ((kinds[j] in "CF" and not _institutional(toks[j][2]))
                  or surname_word or role_surname):
        j += 1
        # a second surname word ("Lo Presti", "Schulze Föcking") ends the clause; never a genitive
        if (j < n and kinds[j] == "C" and not _institutional(toks[j][2])
                and j == n - 1 and not toks[j - 1][2].endswith("s")
                and (len(toks[j][2]) <= 10 or "-" in toks[j][2])
                and _CLAUSE_END_RE.match(text, toks[j][1])
                and not lex.NOUN_SUFFIX_RE.search(toks[j][2].casefold())
                and not (toks[j][2].isupper() and not toks[j - 1][2].isupper())):
            j += 1
    elif j - i >= 2 and kinds[j - 1] == "F":
        pass  # "Thomas Martin": the last given name is the surname
    elif strong and j > i:
        j = i + 1
    else:
        return i
    while j > i and kinds[j - 1] == "P":
        j -= 1
    return j


def _run_candidates(text: str, toks: list[tuple[int, int, str]]) -> list[Cand]:
    kinds = [_kind(t[2]) for t in toks]
    for k in range(1, len(toks)):
        if kinds[k] == "R" and kinds[k - 1] == "H" and toks[k][2] in lex.ROLE_SURNAMES:
            kinds[k] = "C"  # "Herr Förster"
    out: list[Cand] = []
    i = 0
    n = len(toks)
    while i < n:
        kind = kinds[i]
        strong = i > 0 and kinds[i - 1] in "THR"
        if kind == "F" or (kind == "C" and strong):
            j = _take_name(text, toks, kinds, i, strong)
            if j > i and kind == "C" and (
                    not _name_shaped([t[2] for t in toks[i:j]], 1)
                    or (j - i > 1 and toks[i][2].endswith("er"))):
                j = i  # after a role word: "Leiter Wirtschaftsförderung", "Leiter Zentraler …"
            if j > i:
                names = [t[2] for t in toks[i:j]]
                start, end = toks[i][0], toks[j - 1][1]
                k = i - 1  # the word before the name and its titles: "Jugendzentrum Dr. X"
                while k >= 0 and kinds[k] in "TH":
                    k -= 1
                bad = (
                    (j < n and _institutional(toks[j][2]))
                    or (k >= 0 and (toks[k][2].casefold() in lex.NAME_PREFIX_PLACES
                                    or (_institutional(toks[k][2])
                                        and toks[k][2].casefold() not in lex.LEGAL_FORMS)))
                    or any(len(w) < 2 for w in names)
                    or (i > 0 and kinds[i - 1] == "H" and _POSSESSIVE_RE.search(
                        text, max(0, toks[i - 1][0] - 12), toks[i - 1][0]) is not None)
                    or text[end:end + 1] == "-"
                    or (j == n and text[end:end + 2] in {" -", " –"} and
                        text[end + 2:end + 3].isalpha())
                    or _INST_BEFORE_RE.search(text, max(0, start - 60), start) is not None
                )
                if len(names) == 1 and kinds[i] == "F" and not strong:
                    bad = True
                if any(_GLUED_RE.match(w) for w in names):
                    bad = True
                if not bad and len(names) == 1:
                    bad = _bare_surname_rejected(text, toks, kinds, i, start, end)
                if not bad:
                    cand = Cand(start, end, names)
                    k = i - 1
                    titles = []
                    while k >= 0 and kinds[k] in "TH":
                        if kinds[k] == "T":
                            titles.insert(0, toks[k][2])
                        k -= 1
                    cand.title = " ".join(titles) or None
                    if kind == "F" or (len(names) > 1 and kinds[i + 1] == "F"):
                        cand.evidence.add("given")
                    last = names[-1]
                    if (j < n and kinds[j] == "C" and last.endswith("s") and len(names) > 1
                            and not last.endswith(("ss", "us", "is", "os"))):
                        cand.tokens = [*names[:-1], last[:-1]]  # "Thomas Manns Roman"
                    if i > 0 and kinds[i - 1] in "TH":
                        cand.evidence.add("title")
                    if any(kinds[x] == "R" for x in range(max(0, i - 3), i)):
                        cand.evidence.add("role")
                    out.append(cand)
                i = max(j, i + 1)
                continue
        i += 1
    return out


def _bare_surname_rejected(text: str, toks: list[tuple[int, int, str]], kinds: list[str],
                           i: int, start: int, end: int) -> bool:
    """A single word after a title, honorific or role: keep only clear surnames."""
    word = toks[i][2]
    if kinds[i] == "C" and (lex.NOUN_SUFFIX_RE.search(word.casefold()) or word.isupper()):
        return True
    if word.endswith("s") and i > 0 and kinds[i - 1] == "R":
        return True  # "Schriftsteller Europas": a genitive, not a surname
    if i + 1 < len(toks):
        return True  # "Senatorin Bildung Jugend": more capitalised words follow
    if i > 0 and kinds[i - 1] == "R" and lex.is_place(word):
        return True  # "Bezirksbürgermeister Neukölln"; "Frau Weimar" stays a person
    if i > 0 and kinds[i - 1] == "R" and _OBJECT_AFTER_RE.match(text, end):
        return True  # "die Künstlerin Archivmaterial mit eigenen Fotos": an object noun
    before = text[toks[i - 1][0] - 1:toks[i - 1][0]] if i > 0 else ""
    if before == "/":
        return True
    # a work's title in quotes: „Frau Holle“
    pre = text[toks[i - 1][0] - 1:toks[i - 1][0]] if i > 0 else ""
    return bool(pre and pre in _QUOTE_OPEN and text[end:end + 1] in _QUOTE_CLOSE)


def _context_candidates(text: str, runs: list[tuple[int, list[tuple[int, int, str]]]],
                        covered: SpanIndex) -> list[Cand]:
    """Names without a known given name, told by a label, a speech verb or an apposition.

    The name ends its run of capitalised words; whatever stands before it in the
    run must be stop words or titles ("Frau", "Die"), never other nouns.
    """
    out: list[Cand] = []
    for _, toks in runs:
        words = [t[2] for t in toks]
        n = len(words)
        if n < 2:
            continue
        size = 3 if n >= 3 and (lex.is_first_name(words[-3]) or words[-2] in lex.PARTICLES
                                or words[-2] in lex.CAP_PARTICLES) else 2
        i = n - size
        if any(_kind(w) not in "STH" for w in words[:i]):
            continue
        sub = words[i:]
        if not _name_shaped(sub):
            continue
        start, end = toks[i][0], toks[-1][1]
        if _overlaps(start, end, covered) or text[end:end + 1] == "-" or (
                text[start - 1:start] in ("-", "/")):
            continue
        if any(lex.is_place(t) for t in sub if "-" in t) or lex.is_place(" ".join(sub)):
            continue  # "Meko Steglitz-Zehlendorf"
        ev = _context_evidence(text, start, end)
        if ev:
            c = Cand(start, end, sub)
            c.evidence.add(ev)
            out.append(c)
    return out


def _context_evidence(text: str, start: int, end: int) -> str | None:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    prefix = text[line_start:start]
    suffix = text[end:line_end]
    if (LABEL_LINE_RE.match(prefix + ":") and prefix.rstrip().endswith(":")
            and _NAME_THEN_CONTACT_RE.match(text, start, line_end)):
        return "label"
    if (not prefix.strip(" \t-•*–") and re.match(r"^\s*(?:$|[,–-]|\(|Tel|\d)", suffix)
            and _label_above(text, line_start)):
        return "label"
    if SPEECH_BEFORE_RE.search(text, max(0, start - 30), start):
        return "speech"
    appos = _role_after(text, end)
    if appos and (appos[0] == FUNCTION or not prefix.strip()):
        return "appos"
    if SPEECH_AFTER_RE.match(text, end, min(len(text), end + 20)):
        return "speech"
    return None


def _prev_lines(text: str, line_start: int, depth: int) -> list[str]:
    """The nearest earlier non-empty lines, nearest first."""
    out: list[str] = []
    pos = line_start - 1
    while len(out) < depth and pos > 0:
        ls = text.rfind("\n", 0, pos) + 1
        line = text[ls:pos]
        if line.strip():
            out.append(line)
        pos = ls - 1
    return out


def _label_above(text: str, line_start: int, depth: int = 3) -> tuple[int, str] | None:
    """The label of an earlier line: the line just above, or a contact label a few
    lines up ("Kontakt:⏎Stadtverwaltung …⏎Jens Pollak")."""
    for step, line in enumerate(_prev_lines(text, line_start, depth)):
        m = LABEL_ALONE_RE.match(line)
        if m:
            label = m.group("label").strip()
            low = label.casefold()
            if low.split()[0] in _LABEL_NOT_FIRST:
                return None
            is_role = bool(lex.ROLE_RE.fullmatch(label))
            if low in lex.LABELS or is_role or (
                    line.rstrip().endswith(":") and len(label.split()) <= 6):
                if step == 0 or "kontakt" in low or "ansprech" in low:
                    return (FUNCTION if is_role else LABEL), label
                return None
        if len(line) > 100:
            return None
    return None


class SpanIndex:
    """Character spans sorted by start, for overlap tests in logarithmic time: a long
    document has thousands of candidates, and a scan per test would be quadratic."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def add(self, start: int, end: int) -> None:
        i = bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.spans.insert(i, (start, end))
        self.longest = max(self.longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        return any(e > start for _, e in self.spans[lo:hi])


def _overlaps(start: int, end: int, spans: SpanIndex) -> bool:
    return spans.overlaps(start, end)


# ---------------------------------------------------------------- roles


def _sentence_start(text: str, pos: int, limit: int = 240) -> int:
    lo = max(0, pos - limit)
    last = lo
    for m in SENT_END_RE.finditer(text, lo, pos):
        last = m.end()
    return last


def _role_before(text: str, start: int) -> tuple[int, int, str] | None:
    """The role phrase that ends right before a name: "Senatorin für Bildung, Jugend und
    Klimaschutz, Sabine …", "Prokurist der Stadtwerke Ulm GmbH Anton …"."""
    lo = _sentence_start(text, start)
    window = text[lo:start]
    # strip titles, an honorific and the comma between role and name
    window = window.rstrip()
    t = TITLES_END_RE.search(window)
    if t:
        window = window[:t.start()].rstrip()
    h = re.search(r"\b(?:Frau|Herrn?)$", window)
    if h:
        window = window[:h.start()].rstrip()
    if window.endswith(","):
        window = window[:-1]
    best = None
    roles = [m for m in WORD_RE.finditer(window) if lex.is_role_word(m.group())]
    for m in reversed(roles):
        if m.start() > 0 and window[m.start() - 1] in "-/":
            continue
        prev = re.search(rf"({_CAP})\s+$", window[:m.start()])
        if prev and lex.is_first_name(prev.group(1)) and m.group() in lex.ROLE_SURNAMES:
            continue  # "Gabriele Richter": a surname
        between = window[m.end():]
        if COMPLEMENT_RE.fullmatch(between) and not _has_person_word(between):
            best = m
            break
        if len(between) > 160:
            break
    if best is None:
        return None
    # the role noun may sit in an earlier one's complement: "Staatssekretär beim
    # Bundesminister für Wirtschaft, Thomas …"
    for m in reversed([r for r in roles if r.end() <= best.start()]):
        between = window[m.end():]
        if (re.fullmatch(r"\s+(?:beim|bei\s+der|bei\s+dem|des|der|im|in\s+der)\s+",
                         window[m.end():best.start()])
                and COMPLEMENT_RE.fullmatch(between) and not _has_person_word(between)):
            best = m
        else:
            break
    role = _clean_role(window[best.start():], best)
    rstart = _extend_role_back(window, best.start())
    if rstart < best.start():
        role = window[rstart:best.start()] + role
    return FUNCTION, lo + rstart, role


def _has_person_word(between: str) -> bool:
    return any(lex.is_first_name(w) for w in re.findall(_CAP, between))


def _extend_role_back(window: str, pos: int) -> int:
    """Modifiers and coordinated roles before a role noun: "Parlamentarische
    Staatssekretärin", "IBB Vorstandsvorsitzende", "Schauspieler, Sänger und Autor"."""
    saw_und = False
    while True:
        lo = max(0, pos - 80)
        m = _EXTEND_BACK_RE.search(window, lo, pos)
        if m and m.group("role") and not lex.is_role_word(m.group("role")):
            m = None
        if not m:
            return pos
        if m.group("sep"):
            if "und" in m.group("sep"):
                saw_und = True
            elif not saw_und:
                return pos
        if m.group("mod"):
            mod = m.group("mod")
            if mod.casefold() in lex.NOT_NAME_WORDS or lex.is_first_name(mod):
                return pos
            if m.start() > 0 and window[m.start() - 1] not in " \n\t(„\"":
                return pos
        pos = m.start()


def _clean_role(phrase: str, m: re.Match[str]) -> str:
    head = lex.role_base(m.group())
    rest = phrase[m.end() - m.start():]
    rest = _TRAIL_FUNC_RE.sub("", rest.rstrip(" ,\n\t"))
    role = re.sub(r"\s+", " ", head + rest).strip(" ,")
    return re.sub(r"(?:\s+(?:Dr|Prof|Dipl)\.?)+$", "", role)


def _role_after(text: str, end: int) -> tuple[int, int, str] | None:
    """An apposition after the name: ", Präsident des Landkreistags Niedersachsen",
    ", als Schauspielerin", " (Klavier)", ", die das Grünflächenamt leitet"."""
    after = text[end:end + 300]
    age = re.match(r"[ \u00a0]?\(\d{1,3}\)", after)
    if age:
        after, end = after[age.end():], end + age.end()  # "Klaus Mertens (57), Präsident …"
    m = INSTRUMENT_AFTER_RE.match(after)
    if m:
        instr = m.group("a") or m.group("b") or m.group("c")
        return LABEL, end, instr
    m = LEITET_RE.match(after)
    if m:
        head = "Leiterin" if m.group("rel") == "die" else "Leiter"
        art = "der" if m.group("art") == "die" else "des"
        return FUNCTION, end, f"{head} {art} {m.group('obj')}"
    m = re.match(r",\s+(?:als\s+)?|[ \u00a0]+[–—][ \u00a0]+", after)
    if not m:
        return None
    pos = m.end()
    # optional modifiers before the role noun: "Parlamentarische Staatssekretärin"
    mm = re.match(rf"(?:(?:[A-ZÄÖÜ][a-zäöüß]+(?:e|er)|[A-ZÄÖÜ]{{2,6}}){_SP}+){{0,2}}", after[pos:])
    mods = mm.group() if mm else ""
    if any(lex.is_first_name(w) for w in mods.split()):
        return None
    r = _role_word_at(after, pos + len(mods))
    if r is None and mods:
        mods = ""
        r = _role_word_at(after, pos)
    if r is None:
        return None
    comp = FWD_COMPLEMENT_RE.match(after, r.end())
    tail = comp.group() if comp else ""
    # a given name in the complement starts the next person
    cut = len(tail)
    for w in re.finditer(_CAP, tail):
        if (lex.is_first_name(w.group()) or lex.TITLE_RE.match(tail, w.start())
                or lex.is_role_word(w.group())):
            cut = w.start()  # another person, or another person's role
            break
    tail = tail[:cut]
    phrase = after[r.start():r.end()] + tail
    role = _clean_role(phrase, r)
    return FUNCTION, end, (mods + role).strip()


def _role_word_at(text: str, pos: int) -> re.Match[str] | None:
    m = WORD_RE.match(text, pos)
    return m if m and lex.is_role_word(m.group()) else None


def _label_role(text: str, start: int) -> tuple[int, int, str] | None:
    """"Leiterin: Dorothee Albers-Wenk", "Pressekontakt:⏎⏎Mareike Sonntag"."""
    line_start = text.rfind("\n", 0, start) + 1
    prefix = text[line_start:start]
    prefix = re.sub(rf"(?:(?:Frau|Herrn?)\s+)?(?:{_TITLE}\s*)*$", "", prefix)
    m = LABEL_LINE_RE.match(prefix)
    line_end = text.find("\n", start)
    rest_of_line = text[start:len(text) if line_end < 0 else line_end]
    if m and not _NAME_THEN_CONTACT_RE.match(rest_of_line):
        m = None
    if m:
        label = m.group("label").strip()
        label = re.sub(r"\s+/\s+", " ", label)
        if (len(label.split()) <= 8 and not label.split()[-1][0].islower()
                and not re.search(r"[„“”\"«»()]", label)
                and label.split()[0].casefold() not in _LABEL_NOT_FIRST):
            cls = FUNCTION if lex.ROLE_RE.fullmatch(label) else LABEL
            return cls, line_start, label
        return None
    if prefix.strip(" \t-•*–"):
        return None
    line_end = text.find("\n", start)
    rest = text[start:len(text) if line_end < 0 else line_end]
    if len(rest) > 120:
        return None
    found = _label_above(text, line_start)
    if found:
        return found[0], line_start, found[1]
    return None


def _list_rest(text: str, start: int, end: int) -> str | None:
    """In a bullet list "- Name, rest", the rest is what the text gives the person as."""
    line_start = text.rfind("\n", 0, start) + 1
    prefix = text[line_start:start]
    prefix = re.sub(rf"(?:{_TITLE}\s*)*$", "", prefix)
    if not re.fullmatch(r"[ \t]*[-•*–][ \t]*", prefix):
        return None
    line_end = text.find("\n", end)
    rest = text[end:len(text) if line_end < 0 else line_end]
    m = re.match(r",\s+(?P<rest>[^\n]{2,160}?)\s*$", rest)
    if not m or _has_person_word(m.group("rest")):
        return None
    rest = m.group("rest").rstrip(" ;,")
    if rest.endswith(".") and not re.search(r"(?:\b[A-Za-z]|e\.\s?V)\.$", rest):
        rest = rest[:-1]
    return rest


_LIST_ITEM_RE = re.compile(
    rf"^[ \t]*[-•*–][ \t]+(?:(?:{_TITLE})\s*)*(?P<n>{_CAP}"
    rf"(?:{_SP}+(?:(?:{_PART}){_SP}+)*{_CAP}){{1,2}}),[ \t]+\S", re.M)
# "• Martina Hohl / Stadtteilschule Nord", "Förderverein Lindenhof e.V. / Sieglinde Ackva"
_SLASH_ROW_RE = re.compile(
    r"^[ \t]*(?:[-•*–][ \t]+)?(?P<a>[^/\n]{2,70}?)[ \t]+/[ \t]+(?P<b>[^/\n]{2,70}?)[ \t]*$",
    re.M)
_SLOT_NAME_RE = re.compile(rf"(?:(?:{_TITLE})\s*)*(?P<n>{_CAP}(?:{_SP}+{_CAP}){{1,2}})")


def _list_candidates(text: str, covered: SpanIndex,
                     known: list[Cand]) -> list[Cand]:
    """List items are persons when most items of their list are: bullet items shaped
    "- Name, …", and the name column of rows shaped "A / B"."""
    slots: list[tuple[int, int, int]] = []  # (line start, name start, name end)
    for m in _LIST_ITEM_RE.finditer(text):
        slots.append((m.start(), m.start("n"), m.end("n")))
    for m in _SLASH_ROW_RE.finditer(text):
        for g in ("a", "b"):
            n = _SLOT_NAME_RE.fullmatch(m.group(g))
            if n:
                slots.append((m.start(), m.start(g) + n.start("n"), m.start(g) + n.end("n")))
    if len(slots) < 3:
        return []
    slots.sort()
    out: list[Cand] = []
    taken = SpanIndex((c.start, c.end) for c in known)
    groups: list[list[tuple[int, int, int]]] = []
    for slot in slots:
        if groups and text.count("\n", groups[-1][-1][2], slot[0]) <= 4:
            groups[-1].append(slot)
        else:
            groups.append([slot])
    for group in groups:
        rows = {row for row, _, _ in group}
        known_rows = {row for row, s, e in group if _overlaps(s, e, taken)}
        if len(rows) < 3 or len(known_rows) < 2 or len(known_rows) * 2 < len(rows):
            continue
        for row, s, e in group:
            if row in known_rows or _overlaps(s, e, covered):
                continue
            tokens = text[s:e].split()
            if _name_shaped(tokens) and text[e:e + 1] != "-":
                c = Cand(s, e, tokens)
                c.evidence.add("list")
                out.append(c)
    return out


def _coordinated(text: str, known: list[Cand], covered: SpanIndex) -> list[Cand]:
    """"mit Marlene Hoff, Jakob Tennert und Ilvie Brasch": names coordinated
    with a person are persons."""
    out: list[Cand] = []
    queue = [c for c in known if not c.surname_only and c.evidence - {"ner"}]
    seen = {(c.start, c.end) for c in known}
    found = SpanIndex((c.start, c.end) for c in known)
    while queue:
        c = queue.pop()
        for new in _coord_neighbours(text, c):
            if (new.start, new.end) in seen or _overlaps(new.start, new.end, covered):
                continue
            if found.overlaps(new.start, new.end):
                continue
            seen.add((new.start, new.end))
            found.add(new.start, new.end)
            out.append(new)
            queue.append(new)
    return out


def _coord_neighbours(text: str, c: Cand) -> list[Cand]:
    out = []
    m = COORD_AFTER_RE.match(text[c.end:c.end + 80])
    if m:
        tokens = m.group("n").split()
        if _name_shaped(tokens):
            s = c.end + m.start("n")
            new = Cand(s, s + len(m.group("n")), tokens)
            new.evidence.add("coord")
            out.append(new)
    lo = max(0, c.start - 80)
    m = COORD_BEFORE_RE.search(text[lo:c.start])
    if m:
        tokens = m.group("n").split()
        s = lo + m.start("n")
        if _name_shaped(tokens) and text[s - 1:s] not in "-/" and "\n" not in m.group():
            new = Cand(s, s + len(m.group("n")), tokens)
            new.evidence.add("coord")
            out.append(new)
    return out


def _ner_candidates(doc: Doc, text: str, covered: SpanIndex,
                    known: list[Cand]) -> list[Cand]:
    out: list[Cand] = []
    for start, end, label in entities(doc):
        if label not in {"PER", "PERSON"}:
            continue
        ent_text = text[start:end]
        hit = [c for c in known if c.start < end and start < c.end]
        if hit:
            for c in hit:
                c.evidence.add("ner")
            continue
        words = re.findall(rf"{_TITLE}|{_CAP}|(?:{_PART})(?![\w])", ent_text)
        if " ".join(words) != " ".join(ent_text.split()) or len(words) > 5:
            continue  # other characters inside ("Johnson & Johnson"), or several names
        while words and words[-1] in lex.PARTICLES:
            words.pop()
        k = 0
        while k < len(words) and _kind(words[k]) in "TH":
            k += 1
        tokens = words[k:]
        if not tokens or "\n" in ent_text or _overlaps(start, end, covered):
            continue
        if not _name_shaped(tokens, min_tokens=2):
            continue
        first = text.find(tokens[0], start, end)
        if first < 0 or not _ner_plausible(text, first, end, tokens):
            continue
        if not _ner_supported(text, first, end, tokens):
            continue
        c = Cand(first, end, tokens)
        c.evidence.add("ner")
        out.append(c)
    return out


def _ner_supported(text: str, start: int, end: int, tokens: list[str]) -> bool:
    """A second cue for a name only the NER found: a known given name, or a bullet
    line that holds the name alone (a list of artists)."""
    if lex.is_first_name(tokens[0]):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    return bool(re.fullmatch(rf"[ \t]*[-•*–][ \t]*(?:{_TITLE}\s*)*{re.escape(text[start:end])}"
                             r"[ \t]*[,.;]?[ \t]*", line))


def _ner_plausible(text: str, start: int, end: int, tokens: list[str]) -> bool:
    """An NER span no rule confirms: not part of a compound, an institution's name, a
    place, or a phrase of common words ("Performing Art", "Grösster Einzelempfänger")."""
    if text[end:end + 1] == "-" or text[start - 1:start] in ("-", "/"):
        return False
    after = re.match(rf"[ \u00a0]({_CAP})", text[end:end + 40])
    if after and _institutional(after.group(1)):
        return False
    before = re.search(rf"({_CAP})[ \u00a0]$", text[max(0, start - 40):start])
    if before and (before.group(1).casefold() in lex.NAME_PREFIX_PLACES
                   or _institutional(before.group(1))):
        return False
    if _INST_BEFORE_RE.search(text, max(0, start - 60), start):
        return False
    if any(lex.is_place(t) for t in tokens if "-" in t) or lex.is_place(" ".join(tokens)):
        return False
    if " ".join(tokens) in lex.COUNTRIES or any(
            t in lex.COUNTRIES or t[:-1] in lex.COUNTRIES for t in tokens):
        return False  # "Jägern Brandenburgs"
    if any(t.endswith("ing") or t.casefold() in lex.ENGLISH_WORDS or len(t) < 3
           for t in tokens):
        return False  # English phrases: "Machine Learning", "Blue Water"
    first = tokens[0]
    if not lex.is_first_name(first) and (
            len(first) > 12 or re.search(r"(?:er|es|en|s)$", first)):
        return False  # adjectives, genitives, compounds: "Pankower", "Reimanns"
    return not _COMMON_WORD_SHAPE_RE.search(first)


# ---------------------------------------------------------------- merging


def _surname(tokens: list[str]) -> str:
    i = len(tokens) - 1
    while i > 0 and tokens[i - 1] in lex.PARTICLES:
        i -= 1
    if i > 1 and _kind(tokens[i - 1]) == "C" and _kind(tokens[0]) == "F":
        i -= 1  # "Maria Schulze Föcking"
    return " ".join(tokens[i:]) if i > 0 else tokens[-1]


def _merge(text: str, cands: list[Cand]) -> list[Found]:
    cands.sort(key=lambda c: c.start)
    persons: dict[str, Found] = {}
    by_surname: dict[str, list[Found]] = {}
    full = [c for c in cands if not c.surname_only]
    bare = [c for c in cands if c.surname_only]
    words: set[str] | None = None  # the words of the text, for genitive tests
    for c in full:
        last = c.tokens[-1]
        if last.endswith("s") and len(last) > 3:
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


def _later_mentions(text: str, persons: list[Found]) -> None:
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
        if _overlaps(m.start(), m.end(), taken):
            continue
        if not full and m.start() < min(s for s, _ in p.mentions):
            continue
        p.mentions.append((m.start(), m.end()))
        taken.add(m.start(), m.end())
        if full:
            for found in (_role_before(text, m.start()), _role_after(text, m.end())):
                if found:
                    p.roles.append(found)


_ROLE_MENTION_RE = re.compile(
    rf"(?<![\w\-])(?:[Dd]er|[Dd]ie|[Dd]es|[Dd]em|[Dd]en)[ \u00a0]+"
    rf"(?:[a-zäöü]+(?:e|en)[ \u00a0]+)?(?P<role>{_CAP})(?![\w\-])")


def _role_mentions(text: str, persons: list[Found]) -> None:
    """"der Minister", "die Senatorin für Bildung": a role word with an article after a
    person's first mention is a mention of the one person whose role it names."""
    taken = SpanIndex(m for p in persons for m in p.mentions)
    roles = [(p, (choose_role(p.roles) or "").casefold()) for p in persons]
    if not any(r for _, r in roles):
        return
    for m in _ROLE_MENTION_RE.finditer(text):
        word = m.group("role")
        if not lex.is_role_word(word) or _overlaps(m.start("role"), m.end(), taken):
            continue
        base = lex.role_base(word).casefold()
        hits = [p for p, r in roles if r and any(w.endswith(base) for w in r.split()[:3])]
        if len(hits) != 1 or m.start() < min(s for s, _ in hits[0].mentions):
            continue
        if re.match(r"[ \u00a0]+[A-ZÄÖÜ]", text[m.end():m.end() + 2]) and _kind(
                text[m.end():].split(None, 1)[0].strip(",.:;")) in "FCT":
            continue  # a name follows: that name's own mention
        hits[0].mentions.append((m.start("role"), m.end("role")))
        taken.add(m.start("role"), m.end("role"))


_ANAPHOR_RE = re.compile(
    rf"\s*(?P<art>Der|Die)[ \u00a0]+(?P<role>(?:[A-ZÄÖÜ][a-zäöüß]+(?:er|e)[ \u00a0]+)?"
    rf"{_CAP})(?![\w\-])")


def _anaphoric_roles(text: str, persons: list[Found]) -> None:
    """"Werner Albers zum 75. Geburtstag⏎⏎Der Treptower Künstler ist …": a paragraph
    that opens with a definite role noun speaks of the one person of the paragraph
    before; the weakest evidence for a role, used only where the text gives no other."""
    spans = [(s, p) for p in persons for s, _ in p.mentions]
    for p in persons:
        if p.roles:
            continue
        first = min(s for s, _ in p.mentions)
        para_start = text.rfind("\n\n", 0, first) + 1
        para_end = text.find("\n\n", first)
        if para_end < 0:
            continue
        m = _ANAPHOR_RE.match(text, para_end)
        if not m:
            continue
        word = m.group("role").split()[-1]
        feminine = word.endswith(("in", "*in", ":in"))
        if not lex.is_role_word(word) or feminine != (m.group("art") == "Die"):
            continue
        if any(o is not p and para_start <= s < m.end() + 40 for s, o in spans):
            continue  # another person stands in between, or the role is theirs
        if re.match(r"[ \u00a0]+(?:[A-ZÄÖÜ]|Dr\.|Prof\.)", text[m.end():m.end() + 6]):
            continue  # "Die Autorin Jana Brück": a name follows the role word
        p.roles.append((ANAPHOR, m.start("role"), m.group("role")))


def choose_role(roles: list[tuple[int, int, str]]) -> str | None:
    """The best class wins, then the first mention; a longer form of it is preferred."""
    if not roles:
        return None
    best_cls = max(r[0] for r in roles)
    ranked = sorted((r for r in roles if r[0] == best_cls), key=lambda r: r[1])
    role = ranked[0][2]
    for _, _, other in ranked[1:]:
        if len(other) > len(role) and role.casefold() in other.casefold():
            role = other
    return role


# ---------------------------------------------------------------- driver


def _party_after(text: str, end: int) -> str | None:
    m = lex.PARTY_RE.match(text, end)
    return m.group("party") if m else None


def has_ner(doc: Doc) -> bool:
    """Whether a statistical NER labelled this doc; reading `doc.ents` costs a pass over
    the tokens, so a doc without entity annotation skips it."""
    return bool(doc.vocab.strings) and doc.has_annotation("ENT_IOB")


def find_persons(doc: Doc, ner: bool | None = None, text: str | None = None) -> list[Found]:
    """The persons of a doc; `ner` says whether `doc.ents` holds NER output."""
    if text is None:
        text = text_of(doc)
    runs = _runs(text)
    cands: list[Cand] = []
    for _, toks in runs:
        cands.extend(_run_candidates(text, toks))
    covered: list[tuple[int, int]] = []
    # appositions of the names found so far cover their role words
    for c in cands:
        _attach_roles(text, c)
        for _, pos, role in c.roles:
            if pos >= c.end:
                covered.append((c.end, c.end + len(role) + 8))
            elif pos < c.start and text[pos:c.start].count("\n") == 0:
                covered.append((pos, c.start))
    # a bare surname after a role inside another person's apposition is no person
    index = SpanIndex(covered)
    cands = [c for c in cands if not (c.surname_only and index.overlaps(c.start, c.end))]
    for c in cands:
        index.add(c.start, c.end)
    covered_index = index
    extra = _context_candidates(text, runs, covered_index)
    extra += _list_candidates(text, covered_index, cands + extra)
    if has_ner(doc) if ner is None else ner:
        extra += _ner_candidates(doc, text, covered_index, cands + extra)
    extra += _coordinated(text, cands + extra, covered_index)
    for c in extra:
        _attach_roles(text, c)
    persons = _merge(text, cands + extra)
    _later_mentions(text, persons)
    _anaphoric_roles(text, persons)
    _role_mentions(text, persons)
    return [p for p in persons if _keep(p)]


def _keep(p: Found) -> bool:
    if p.name.casefold() in lex.NOT_NAME_WORDS:
        return False
    return bool(p.evidence)


def _attach_roles(text: str, c: Cand) -> None:
    c.party = _party_after(text, c.end)
    end = c.end
    if c.party:
        m = lex.PARTY_RE.match(text, end)
        end = m.end() if m else end
    rest = _list_rest(text, c.start, end)
    if rest:
        c.roles.append((FUNCTION, c.start, rest))
        return
    for found in (_role_before(text, c.start), _role_after(text, end),
                  _label_role(text, c.start)):
        if found:
            c.roles.append(found)


def confidence(p: Found) -> float:
    ev = p.evidence
    score = 0.55
    if "given" in ev:
        score += 0.25
    if ev & {"title", "role", "label"}:
        score += 0.1
    if ev & {"speech", "list", "coord"}:
        score += 0.05
    if "ner" in ev:
        score += 0.1 if score < 0.9 else 0.05
    return round(min(score, 0.99), 2)


@Language.factory("pressparse_persons")
def make_persons(nlp: Language, name: str) -> PersonsComponent:
    return PersonsComponent(ner="ner" in nlp.pipe_names)


class PersonsComponent:
    def __init__(self, ner: bool = False) -> None:
        self.ner = ner

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        facts = [
            Person(
                name=p.name, title=p.title, role=choose_role(p.roles), party=p.party,
                mentions=[Mention(start=s, end=e, text=text[s:e])
                          for s, e in sorted(set(p.mentions))],
                extractor=EXTRACTOR, confidence=confidence(p))
            for p in find_persons(doc, self.ner, text)
        ]
        doc._.facts["persons"].extend(facts)
        spans = mention_spans(doc, facts, lambda f: f.name)
        doc.spans["persons"] = sorted(spans, key=lambda s: s.start_char)
        return doc
