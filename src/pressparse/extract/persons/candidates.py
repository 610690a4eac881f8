"""Finding the mentions that may be persons.

Capitalised words are a name by their own words (a known given name, a title or
role before them) or by their context: a label, a speech verb, an apposition, a
list of persons, a coordination with a person, the NER. The context steps run
after the first, since they must not take what it found.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ...lang.de import persons as lex
from ...nlp import entities
from ...normalise.wordlist import is_word
from .layout import (
    LABEL_LINE_RE,
    NAME_THEN_CONTACT_RE,
    colon_role,
    label_above,
    label_role,
    list_rest,
    role_below,
)
from .model import FUNCTION, Cand, SpanIndex
from .roles import PART_RE, party_after, role_after, role_before
from .words import CAP, PART, SP, TITLE, institutional, name_shaped, org_tail, word_kind

# a run of capitalised words (titles and name particles in between) on one line
_INITIAL = rf"[{lex.UPPER}]\.(?={SP}[{lex.UPPER}])"
RUN_RE = re.compile(
    rf"(?<![\w\-/.@])(?:{TITLE}|{CAP})"
    rf"(?:{SP}(?:(?:{PART}){SP})*(?:{TITLE}|{_INITIAL}|{CAP}))*"
)
TOKEN_RE = re.compile(rf"{TITLE}|{_INITIAL}|{CAP}|(?:{PART})(?![\w])")

_SPEECH = "|".join(sorted(lex.SPEECH_VERBS, key=len, reverse=True))
SPEECH_BEFORE_RE = re.compile(rf"(?:\b(?:{_SPEECH})|[“”\"«»][ \t]*,)[ \t]+$")
SPEECH_AFTER_RE = re.compile(rf"^\s*(?:\b(?:{_SPEECH})\b|:\s*[„\"“»])")
# what a listed name may carry before the next: "(Klavier)", "als Hercule Poirot"
_ATTACHED = rf"{SP}?\([^()\n]{{1,80}}\)|{SP}als{SP}{CAP}(?:{SP}{CAP}){{0,2}}"
COORD_AFTER_RE = re.compile(
    rf"^(?:{_ATTACHED})?(?:,{SP}+|{SP}+(?:und|sowie){SP}+)"
    rf"(?P<n>{CAP}(?:{SP}+(?:(?:{PART}){SP}+)*{CAP}){{1,2}})"
    rf"(?=\s*(?:,|\bund\b|\bsowie\b|\(|\.|;|:|–|$)|{SP}als{SP}{CAP})"
)
# in a credit the list of names may run on into the sentence: "von A B und C D über …"
CREDIT_COORD_RE = re.compile(
    rf"^(?:{_ATTACHED})?(?:,{SP}+|{SP}+(?:und|sowie){SP}+)"
    rf"(?P<n>{CAP}(?:{SP}+(?:(?:{PART}){SP}+)*{CAP}){{1,2}})"
    rf"(?=\s*(?:,|\bund\b|\bsowie\b|\(|\.|;|:|–|$)|{SP}[a-zäöüß])"
)
COORD_BEFORE_RE = re.compile(
    rf"(?P<n>(?<![\w\-]){CAP}(?:{SP}+(?:(?:{PART}){SP}+)*{CAP}){{1,2}})"
    rf"(?:{_ATTACHED})?(?:,{SP}+|{SP}+(?:und|sowie){SP}+)$"
)
_INST_BEFORE_RE = re.compile(
    r"\b(?:Hochschule|Schule|Universität|Institut|Akademie|Stiftung|Preis|Verein|Museum|Haus"
    r"|Zentrum|Gesellschaft|Konservatorium|Gymnasium|Bibliothek|Galerie|Kirche|Straße)"
    r"\s+(?:für|der|des|zur|zum)\s+(?:[A-ZÄÖÜ]\w*\s+)?[„\"»]?$"
)
_CLAUSE_END_RE = re.compile(r"\s*(?:[,:;.(–]|$)", re.M)
_POSSESSIVE_RE = re.compile(r"\b(?:seine[rm]?|ihre[rm]?|meine[rm]?|deren|dessen|eine[rm]?|"
                            r"die|der|den|dem)\s+$", re.I)

# a first word shaped like an adjective, a superlative or an English gerund
_COMMON_WORD_SHAPE_RE = re.compile(r"(?:[sß]te[rsn]?|ing|ische[rsnm]?|liche[rsnm]?|ige[rsnm]?)$")
# what follows a noun, not a surname, after a role word: a preposition, an article
_OBJECT_AFTER_RE = re.compile(
    r"[ \u00a0]+(?:mit|am|im|des|der|die|das|dem|den|von|vom|für|zu|zum|zur|auf|in|an|aus"
    r"|bei|nach|über|unter|vor|&|\+)(?![\w])")
# a word with an inner capital is glued text ("BastianTelefon"), unless a name prefix
_GLUED_RE = re.compile(
    r"(?!(?:Mc|Mac|De|Di|Da|Le|La|Van|Von|O')[A-ZÄÖÜ])[A-ZÄÖÜ][a-zäöüß]+[A-ZÄÖÜ]")
_ADJ_FIRST_RE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+er\s")
# an adjective before a noun ("Deutsche Bank", "Deutscher Welle"), no given name
_ADJ_OR_NOUN_FIRST_RE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:er|e|en|es)\s")
_QUOTE_OPEN = "„“\"»«‚‘'"
_QUOTE_CLOSE = "“”\"«»‘’'"


def find_candidates(doc: Doc, text: str, ner: bool) -> list[Cand]:
    """Every mention that may be a person, its roles attached; `ner` says whether
    `doc.ents` holds NER output. Names told by their words come first: the context
    steps need their spans to know what is taken."""
    runs = _runs(text)
    cands: list[Cand] = []
    for _, toks in runs:
        cands.extend(_run_candidates(text, toks))
    index = SpanIndex()
    _cover_roles(text, cands, index)
    # a bare surname after a role inside another person's apposition is no person
    cands = [c for c in cands if not (c.surname_only and index.overlaps(c.start, c.end))]
    cands = _without_parts(text, cands)
    for c in cands:
        index.add(c.start, c.end)
    extra = _context_candidates(text, runs, index)
    extra += _signature_candidates(text, index)
    extra += _list_candidates(text, index, cands + extra)
    if ner:
        extra += _ner_candidates(doc, text, index, cands + extra)
    _cover_roles(text, extra, index)  # "mit Jiyoon Lee, Konzertmeisterin der …": no coordination
    extra = _without_parts(text, extra, cands)
    coord = _coordinated(text, cands + extra, index)
    _cover_roles(text, coord, index)
    return cands + extra + coord


def _cover_roles(text: str, cands: list[Cand], index: SpanIndex) -> None:
    """Attach the roles of `cands`; their appositions cover their role words."""
    for c in cands:
        attach_roles(text, c)
        for _, pos, role in c.roles:
            if pos >= c.end:
                at = text.find(role, c.end, c.end + len(role) + 12)
                if at >= 0 and "\n" in text[c.end:at]:
                    index.add(at, at + len(role))  # a role on the line below the name
                    continue
                stop = at + len(role) + 1 if at >= 0 else c.end + len(role) + 8
                line_end = text.find("\n", c.end, stop)
                index.add(c.end, stop if line_end < 0 else line_end)
            elif pos < c.start and text[pos:c.start].count("\n") == 0:
                index.add(pos, c.start)


def _without_parts(text: str, cands: list[Cand], others: list[Cand] = ()) -> list[Cand]:
    """A part after a person's "als" in a cast list is no person: "mit Klaus Nothnagel als
    Hercule Poirot"."""
    parts = SpanIndex()
    for c in [*cands, *others]:
        m = PART_RE.match(text, c.end)
        if m and any(pos == c.end and role == m.group("part") for _, pos, role in c.roles):
            parts.add(m.start("part"), m.end("part"))
    return [c for c in cands if not parts.overlaps(c.start, c.end)]


def attach_roles(text: str, c: Cand) -> None:
    """A candidate's party and roles; a list item's rest stands for all other readings."""
    c.party = party_after(text, c.end)
    end = c.end
    if c.party:
        m = lex.PARTY_RE.match(text, end)
        end = m.end() if m else end
    rest = list_rest(text, c.start, end)
    if rest:
        c.roles.append((FUNCTION, c.end, rest))  # after the name: it covers its words
        return
    for found in (role_before(text, c.start), role_after(text, end),
                  label_role(text, c.start), colon_role(text, c.start, end),
                  role_below(text, c.start, end)):
        if found:
            c.roles.append(found)


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
    if j < n and ((kinds[j] in "CF" and not institutional(toks[j][2]))
                  or surname_word or role_surname):
        j += 1
        # a second surname word ("Lo Presti", "Schulze Föcking") ends the clause; never a genitive
        if (j < n and kinds[j] == "C" and not institutional(toks[j][2])
                and j == n - 1 and not toks[j - 1][2].endswith("s")
                and (len(toks[j][2]) <= 10 or "-" in toks[j][2])
                and _CLAUSE_END_RE.match(text, toks[j][1])
                and not lex.NOUN_SUFFIX_RE.search(toks[j][2].casefold())
                and not (toks[j][2].isupper() and not toks[j - 1][2].isupper())):
            j += 1
        elif (kinds[i] == "F" and 0 < n - j <= 2 and not toks[j - 1][2].endswith("s")
              and not toks[j - 1][2].isupper()
              and text[toks[-1][1]:toks[-1][1] + 1] not in ("¬", "-")
              and all(_foreign_name_word(t[2]) for t in toks[j:n])):
            j = n  # "Ayse Cansu Tanrikulu", "Bonaventure Soh Bejeng Ndikung": no German word
    elif j - i >= 2 and kinds[j - 1] == "F":
        pass  # "Thomas Martin": the last given name is the surname
    elif strong and j > i:
        j = i + 1
    else:
        return i
    while j > i and kinds[j - 1] == "P":
        j -= 1
    return j


def _foreign_name_word(word: str) -> bool:
    """A capitalised word that the German word list lacks and that is shaped like no
    noun: a further part of a name ("Tanrikulu"), not an object ("Geschenke")."""
    return (word_kind(word) == "C" and not institutional(word) and not word.isupper()
            and not is_word(word) and not lex.NOUN_SUFFIX_RE.search(word.casefold()))


def _run_candidates(text: str, toks: list[tuple[int, int, str]]) -> list[Cand]:
    kinds = [word_kind(t[2]) for t in toks]
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
                    not name_shaped([t[2] for t in toks[i:j]], 1)
                    or (j - i > 1 and toks[i][2].endswith("er"))):
                j = i  # after a role word: "Leiter Wirtschaftsförderung", "Leiter Zentraler …"
            if j > i:
                names = [t[2] for t in toks[i:j]]
                start, end = toks[i][0], toks[j - 1][1]
                k = i - 1  # the word before the name and its titles: "Jugendzentrum Dr. X"
                while k >= 0 and kinds[k] in "TH":
                    k -= 1
                bad = (
                    (j < n and institutional(toks[j][2]))
                    or (k >= 0 and (toks[k][2].casefold() in lex.NAME_PREFIX_PLACES
                                    or (institutional(toks[k][2])
                                        and toks[k][2].casefold() not in lex.LEGAL_FORMS)))
                    or any(len(w) < 2 for w in names)
                    or org_tail(names)
                    or (i > 0 and kinds[i - 1] == "H" and not _full_name(names)
                        and _POSSESSIVE_RE.search(
                        text, max(0, toks[i - 1][0] - 12), toks[i - 1][0]) is not None)
                    or text[end:end + 1] == "-"
                    or (j == n and text[end:end + 2] in {" -", " –"} and
                        text[end + 2:end + 3].isalpha())
                    or _INST_BEFORE_RE.search(text, max(0, start - 60), start) is not None
                    or _quoted_place(text, start, end)
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


_QUOTE_BEFORE_RE = re.compile(rf"(?:(?P<w>{CAP})|\b(?:im|ins|vom|zum|beim))[ \u00a0]*[„“\"»]$")
_QUOTED_RE = re.compile(r"[„“\"»](?P<q>[^„“”\"«»\n]{1,80})$")


def _quoted_place(text: str, start: int, end: int) -> bool:
    """A name in quotes that names a building or a body: "Bezirkszentralbibliothek „Mark
    Twain“", "im „Mark Twain“", "„Mittelpunktbibliothek Alte Feuerwache Friedrich Wolf“"."""
    if text[end:end + 1] not in _QUOTE_CLOSE:
        return False
    m = _QUOTE_BEFORE_RE.search(text, max(0, start - 60), start)
    if m:
        word = m.group("w")
        return word is None or institutional(word) or word.casefold() in lex.NAME_PREFIX_PLACES
    q = _QUOTED_RE.search(text, max(0, start - 80), start)
    return bool(q) and any(institutional(w) for w in re.findall(CAP, q.group("q")))


def _full_name(names: list[str]) -> bool:
    """Given name and surname: "seiner Frau Lea Sommer" names her, "seiner Frau Mitte
    der Woche" does not."""
    return len(names) > 1 and (lex.is_first_name(names[0]) or (
        len(names) == 2 and not any(w in lex.PARTICLES for w in names)))


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
        ev = None
        credit = _credit_start(text, toks)
        if credit is not None:
            i, ev = credit, "credit"  # "Kuratiert von Solvej Helweg Ovesen"
        elif any(word_kind(w) not in "STH" for w in words[:i]):
            if _after_department(text, toks, i):
                ev = "role"
            elif (_CREDIT_BEFORE_RE.search(text, max(0, toks[i][0] - 90), toks[i][0])
                  and not _ADJ_OR_NOUN_FIRST_RE.match(text, toks[i][0])):
                ev = "credit"  # the run "Film von Wim Wenders"
            else:
                continue
        sub = words[i:]
        if not name_shaped(sub):
            continue
        start, end = toks[i][0], toks[-1][1]
        if covered.overlaps(start, end) or text[end:end + 1] == "-" or (
                text[start - 1:start] in ("-", "/")):
            continue
        if any(lex.is_place(t) for t in sub if "-" in t) or lex.is_place(" ".join(sub)):
            continue  # "Meko Steglitz-Zehlendorf"
        ev = ev or _context_evidence(text, start, end)
        if ev:
            c = Cand(start, end, sub)
            c.evidence.add(ev)
            out.append(c)
    return out


def _credit_start(text: str, toks: list[tuple[int, int, str]]) -> int | None:
    """The index of the name after a credit's "von" inside a run, when two or three
    words follow it: "Kuratiert von Solvej Helweg Ovesen"."""
    for v in range(1, len(toks) - 2):
        if (toks[v][2] == "von" and 2 <= len(toks) - v - 1 <= 3
                and _CREDIT_BEFORE_RE.search(text, max(0, toks[v + 1][0] - 90), toks[v + 1][0])
                and not _ADJ_OR_NOUN_FIRST_RE.match(text, toks[v + 1][0])):
            return v + 1
    return None


_DEPARTMENT_LAST_RE = re.compile(r"(?:\bund|\bsowie|\bfür|,)[ \u00a0]+$")
_NAME_END_RE = re.compile(r"[ \u00a0]*(?:[,.;:)]|$|[ \u00a0][a-zäöüß])", re.M)


def _after_department(text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
    """"die Bezirksstadträtin für Bildung, Kultur und Sport Cerstin Richter-Kotowski":
    the last department of a role's "für" list runs into the name. Only one word may
    stand before the name, after "für", "und" or a comma, and the role must end there."""
    if i != 1 or word_kind(toks[0][2]) != "C" or institutional(toks[0][2]):
        return False
    if not _DEPARTMENT_LAST_RE.search(text, max(0, toks[0][0] - 8), toks[0][0]):
        return False
    if not _NAME_END_RE.match(text, toks[-1][1]):
        return False
    found = role_before(text, toks[i][0])
    return bool(found and found[0] == FUNCTION and " für " in found[2]
                and found[2].endswith(toks[0][2]))


_ROLE_COMMA_RE = re.compile(
    rf"\b(?:[a-zäöüß]+(?:e|en|er|es|em)|ein|eine|einen|einem|einer|der|die|den|dem|des)"
    rf"[ \u00a0]+(?P<r>{CAP}),[ \u00a0]+$")
# a work credited to the names after "von": "ein Film von Wim Wenders", "Fotografien von …"
_WORKS = ("film|filme|buch|bücher|roman|romane|stück|stücke|werk|werke|inszenierung|oper"
          "|komposition|kompositionen|ausstellung|fotografien|fotos|bilder|gemälde|arbeiten"
          "|texte|gedichte|lieder|musik|choreografie|choreographie|hörspiel|skulpturen"
          "|installation|installationen|zeichnungen|lesung|performance|konzept|idee|regie"
          "|kuratiert|konzipiert|inszeniert|choreografiert|komponiert|illustriert")
_CREDIT_BEFORE_RE = re.compile(
    rf"(?<![\w\-])[{lex.UPPER}]?[a-zäöüß]*(?i:{_WORKS})(?:[ \u00a0]+[„\"»][^„“”\"«»\n]{{1,60}}"
    rf"[“”\"«])?[ \u00a0]+von[ \u00a0]+$")


def _context_evidence(text: str, start: int, end: int) -> str | None:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    prefix = text[line_start:start]
    suffix = text[end:line_end]
    if (LABEL_LINE_RE.match(prefix + ":") and prefix.rstrip().endswith(":")
            and NAME_THEN_CONTACT_RE.match(text, start, line_end)):
        return "label"
    if (not prefix.strip(" \t-•*–") and re.match(r"^\s*(?:$|[,–-]|\(|Tel|\d)", suffix)
            and label_above(text, line_start)):
        return "label"
    if SPEECH_BEFORE_RE.search(text, max(0, start - 30), start):
        return "speech"
    if colon_role(text, start, end):
        return "label"
    rc = _ROLE_COMMA_RE.search(text, max(0, start - 40), start)
    if (rc and lex.is_role_word(rc.group("r")) and text[end:end + 1] == ","
            and not _ADJ_OR_NOUN_FIRST_RE.match(text, start)):
        return "role"  # "einen externen Kurator, Krist Gruijthuijsen, eingeladen"
    if (_CREDIT_BEFORE_RE.search(text, max(0, start - 90), start)
            and not _ADJ_OR_NOUN_FIRST_RE.match(text, start)):
        return "credit"
    appos = role_after(text, end)
    if appos and text[end:end + 2].strip()[:1] == "(" and _ADJ_FIRST_RE.match(text, start):
        appos = None  # "den Prager Primátor (Bürgermeister)": a place adjective, no name
    if appos and re.match(rf"{SP}+(?:als|ist|war){SP}", text[end:end + 6]):
        appos = None  # "Sein Wirken als Bildhauer": "als" without a comma tells no name
    if appos and (appos[0] == FUNCTION or not prefix.strip()):
        return "appos"
    if SPEECH_AFTER_RE.match(text, end, min(len(text), end + 20)):
        return "speech"
    return None


# "Im Auftrag⏎⏎Brühl": the signer of a release, often by surname only
_SIGNATURE_RE = re.compile(
    rf"^[ \t]*(?:Im Auftrag|i\.[ \t]?A\.|gez\.)[ \t]*\n(?:[ \t]*\n)?[ \t]*(?:(?:{TITLE})\s*)*"
    rf"(?P<n>(?:(?:{PART}){SP}+)?{CAP}(?:{SP}+(?:(?:{PART}){SP}+)*{CAP})?)[ \t]*$", re.M)


def _signature_candidates(text: str, covered: SpanIndex) -> list[Cand]:
    """The name on the line after "Im Auftrag" signs the release: a person, role none."""
    out = []
    for m in _SIGNATURE_RE.finditer(text):
        tokens = m.group("n").split()
        core = [t for t in tokens if t not in lex.PARTICLES]
        if covered.overlaps(m.start("n"), m.end("n")) or not core or any(
                word_kind(t) in "STHR" or institutional(t) for t in core) or org_tail(tokens):
            continue
        c = Cand(m.start("n"), m.end("n"), tokens)
        c.evidence.add("label")
        out.append(c)
    return out


_LIST_ITEM_RE = re.compile(
    rf"^[ \t]*[-•*–][ \t]+(?:(?:{TITLE})\s*)*(?P<n>{CAP}"
    rf"(?:{SP}+(?:(?:{PART}){SP}+)*{CAP}){{1,2}}),[ \t]+\S", re.M)
# "• Martina Hohl / Stadtteilschule Nord", "Förderverein Lindenhof e.V. / Sieglinde Ackva"
_SLASH_ROW_RE = re.compile(
    r"^[ \t]*(?:[-•*–][ \t]+)?(?P<a>[^/\n]{2,70}?)[ \t]+/[ \t]+(?P<b>[^/\n]{2,70}?)[ \t]*$",
    re.M)
# a column of "Name⏎⏎Bezirk" entries: a name alone on its line, a place on the next
_NAME_PLACE_ROW_RE = re.compile(
    rf"^[ \t]*(?:(?:{TITLE})\s*)*(?P<n>{CAP}(?:{SP}+{CAP}){{1,2}})[ \t]*\n(?:[ \t]*\n)?"
    r"[ \t]*(?P<place>[^\n]{2,40}?)[ \t]*$", re.M)
_SLOT_NAME_RE = re.compile(rf"(?:(?:{TITLE})\s*)*(?P<n>{CAP}(?:{SP}+{CAP}){{1,2}})")


def _list_candidates(text: str, covered: SpanIndex,
                     known: list[Cand]) -> list[Cand]:
    """List items are persons when most items of their list are: bullet items shaped
    "- Name, …", the name column of rows shaped "A / B", names above a place each."""
    slots: list[tuple[int, int, int]] = []  # (line start, name start, name end)
    for m in _LIST_ITEM_RE.finditer(text):
        slots.append((m.start(), m.start("n"), m.end("n")))
    for m in _SLASH_ROW_RE.finditer(text):
        for g in ("a", "b"):
            n = _SLOT_NAME_RE.fullmatch(m.group(g))
            if n:
                slots.append((m.start(), m.start(g) + n.start("n"), m.start(g) + n.end("n")))
    for m in _NAME_PLACE_ROW_RE.finditer(text):
        if lex.is_place(m.group("place")):
            slots.append((m.start("n"), m.start("n"), m.end("n")))
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
        known_rows = {row for row, s, e in group if taken.overlaps(s, e)}
        if len(rows) < 3 or len(known_rows) < 2 or len(known_rows) * 2 < len(rows):
            continue
        for row, s, e in group:
            if row in known_rows or covered.overlaps(s, e):
                continue
            tokens = text[s:e].split()
            if name_shaped(tokens) and text[e:e + 1] != "-":
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
            if (new.start, new.end) in seen or covered.overlaps(new.start, new.end):
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
    m = (CREDIT_COORD_RE if "credit" in c.evidence else COORD_AFTER_RE).match(
        text[c.end:c.end + 80])
    if m:
        tokens = m.group("n").split()
        if name_shaped(tokens):
            s = c.end + m.start("n")
            new = Cand(s, s + len(m.group("n")), tokens)
            new.evidence.add("coord")
            out.append(new)
    lo = max(0, c.start - 80)
    m = COORD_BEFORE_RE.search(text[lo:c.start])
    if m:
        tokens = m.group("n").split()
        s = lo + m.start("n")
        if name_shaped(tokens) and text[s - 1:s] not in "-/" and "\n" not in m.group():
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
        words = re.findall(rf"{TITLE}|{CAP}|(?:{PART})(?![\w])", ent_text)
        if " ".join(words) != " ".join(ent_text.split()) or len(words) > 5:
            continue  # other characters inside ("Johnson & Johnson"), or several names
        while words and words[-1] in lex.PARTICLES:
            words.pop()
        k = 0
        while k < len(words) and word_kind(words[k]) in "TH":
            k += 1
        tokens = words[k:]
        if not tokens or "\n" in ent_text or covered.overlaps(start, end):
            continue
        if not name_shaped(tokens, min_tokens=2):
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


_SENTENCE_START_RE = re.compile(r"(?:^|[.!?]\s+|\n)$")
_PERSON_VERB_AFTER_RE = re.compile(
    r"[ \u00a0]+(?:ist|war|lebt|lebte|arbeitet|arbeitete|leitet|leitete|studierte|wurde"
    r"|gründete|promovierte|unterrichtet|unterrichtete|wuchs)\b")


def _ner_supported(text: str, start: int, end: int, tokens: list[str]) -> bool:
    """A second cue for a name only the NER found: a known given name, or a bullet
    line that holds the name alone (a list of artists)."""
    if lex.is_first_name(tokens[0]):
        return True
    if (_SENTENCE_START_RE.search(text, max(0, start - 3), start) or start == 0) and (
            _PERSON_VERB_AFTER_RE.match(text, end)):
        return True  # "Reginald Gramatté ist seit 2014 …": a subject that a person's verb follows
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    return bool(re.fullmatch(rf"[ \t]*[-•*–][ \t]*(?:{TITLE}\s*)*{re.escape(text[start:end])}"
                             r"[ \t]*[,.;]?[ \t]*", line))


def _ner_plausible(text: str, start: int, end: int, tokens: list[str]) -> bool:
    """An NER span no rule confirms: not part of a compound, an institution's name, a
    place, or a phrase of common words ("Performing Art", "Grösster Einzelempfänger")."""
    if text[end:end + 1] == "-" or text[start - 1:start] in ("-", "/"):
        return False
    after = re.match(rf"[ \u00a0]({CAP})", text[end:end + 40])
    if after and institutional(after.group(1)):
        return False
    before = re.search(rf"({CAP})[ \u00a0]$", text[max(0, start - 40):start])
    if before and (before.group(1).casefold() in lex.NAME_PREFIX_PLACES
                   or institutional(before.group(1))):
        return False
    if _INST_BEFORE_RE.search(text, max(0, start - 60), start) or _quoted_place(text, start, end):
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
