"""Roles that the line layout gives: a label before the name ("Leiterin: Dorothee
Albers-Wenk") or on a line above it ("Pressekontakt:⏎⏎Mareike Sonntag"), a line
"Name: role", and a list entry "- Name, role".

Apart from `roles`, which reads a role in the sentence around a name, because these
readings look at lines: where a line starts, what the line above holds.
"""

from __future__ import annotations

import re

from ...lang.de import persons as lex
from .model import FUNCTION, LABEL
from .roles import (
    FUNC,
    ITEM_SPLIT_RE,
    SENT_END_RE,
    has_person_word,
    instruments_or_labels,
    starts_with_role,
)
from .words import CAP, PART, SP, TITLE

LABEL_LINE_RE = re.compile(
    r"^[ \t]*(?:[-•*–][ \t]*)?(?P<label>[A-ZÄÖÜ][^:\n\d]{1,80}?)[ \t]*:[ \t]*$")
LABEL_ALONE_RE = re.compile(r"^[ \t]*(?P<label>[A-ZÄÖÜ][^:\n\d]{1,60}?)[ \t]*:?[ \t]*$")
# a name that ends its line, or is followed by a contact detail or a bracket
NAME_THEN_CONTACT_RE = re.compile(
    rf"(?:{TITLE}\s*)*{CAP}(?:{SP}+(?:(?:{PART}){SP}+)*{CAP}){{0,3}}"
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

_NAME_ENDS_RE = re.compile(
    rf"(?:{TITLE}\s*)*{CAP}(?:{SP}+(?:(?:{PART}){SP}+)*{CAP}){{0,3}}\s*(?:$|[.(]|Tel)")
_COLON_LINE_RE = re.compile(r"[ \t]*:[ \t]*(?P<r>[^\n„“”\"»«:]{2,80}?)[ \t]*$", re.M)


def colon_role(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """A line "Lena Vogt: Violine, Gesang" or "Paul Maier: Leiter des Chores": a name
    that opens its line, a colon, and a rest of instruments, labels or a role."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(" \t-•*–"):
        return None
    m = _COLON_LINE_RE.match(text, end)
    if not m:
        return None
    rest = m.group("r").rstrip(" .;,")
    if instruments_or_labels(rest):
        return LABEL, end, rest
    if starts_with_role(rest) and not re.search(r"\s[a-zäöüß]+(?:t|en)$", rest):
        return FUNCTION, end, rest
    return None


def label_role(text: str, start: int) -> tuple[int, int, str] | None:
    """"Leiterin: Dorothee Albers-Wenk", "Pressekontakt:⏎⏎Mareike Sonntag"."""
    line_start = text.rfind("\n", 0, start) + 1
    prefix = text[line_start:start]
    prefix = re.sub(rf"(?:(?:Frau|Herrn?)\s+)?(?:{TITLE}\s*)*$", "", prefix)
    label_start, most = line_start, 8
    line_end = text.find("\n", start)
    rest_of_line = text[start:len(text) if line_end < 0 else line_end]
    ends = list(SENT_END_RE.finditer(prefix))
    if (ends and re.search(r"\b[a-zäöüß]{2,}\b", prefix[:ends[-1].start()])
            and _NAME_ENDS_RE.match(rest_of_line)):
        # a label after a sentence on its line, the name ending the line or the sentence:
        # "… krönen diese Textsammlung. Satz und Layout: Antje Püpke"; not "2. Stellv. …:"
        prefix = prefix[ends[-1].end():]
        label_start, most = line_start + ends[-1].end(), 5
    m = LABEL_LINE_RE.match(prefix)
    if m and not NAME_THEN_CONTACT_RE.match(rest_of_line):
        m = None
    if m:
        label = m.group("label").strip()
        label = re.sub(r"\s+/\s+", " ", label)
        words = label.split()
        if (len(words) <= most and not words[-1][0].islower()
                and not re.search(r"[„“”\"«»()]", label)
                and words[0].casefold() not in _LABEL_NOT_FIRST):
            if (len(words) > 1 and words[0].casefold() in lex.LABELS
                    and re.fullmatch(r"[a-zäöüß]+", words[1])
                    and not re.fullmatch(rf"{FUNC}|oder", words[1])):
                label = words[0]  # "Kontakt ganztags für weitere Auskünfte": the label
            cls = FUNCTION if lex.ROLE_RE.fullmatch(label) else LABEL
            return cls, label_start, label
        return None
    if prefix.strip(" \t-•*–"):
        return None
    line_end = text.find("\n", start)
    rest = text[start:len(text) if line_end < 0 else line_end]
    if len(rest) > 120:
        return None
    found = label_above(text, line_start)
    if found:
        return found[0], line_start, found[1]
    return None


def label_above(text: str, line_start: int, depth: int = 3) -> tuple[int, str] | None:
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
            words = label.split()
            # a heading led by a label, of capitalised words: "Ansprechpartner BEA Schule"
            headed = (words[0].casefold() in lex.LABELS and len(words) <= 4
                      and all(w[0].isupper() for w in words))
            if low in lex.LABELS or is_role or headed or (
                    line.rstrip().endswith(":") and len(words) <= 6):
                if step == 0 or "kontakt" in low or "ansprech" in low:
                    return (FUNCTION if is_role else LABEL), label
                return None
        if len(line) > 100:
            return None
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


# titles and honorifics that may open a line before the name
_TITLES_END_RE = re.compile(rf"(?:(?:{TITLE}|Frau|Herrn?)\s*)*$")


def list_rest(text: str, start: int, end: int) -> str | None:
    """In a bullet list "- Name, rest", the rest is what the text gives the person as."""
    line_start = text.rfind("\n", 0, start) + 1
    prefix = text[line_start:start]
    prefix = _TITLES_END_RE.sub("", prefix)
    bullet = re.fullmatch(r"[ \t]*[-•*–][ \t]*", prefix)
    if not bullet and prefix.strip():
        return None
    line_end = text.find("\n", end)
    rest = text[end:len(text) if line_end < 0 else line_end]
    m = re.match(r",\s+(?P<rest>[^\n]{2,160}?)\s*$", rest)
    if not m or has_person_word(m.group("rest")):
        return None
    rest = m.group("rest").rstrip(" ;,")
    if rest.endswith(".") and not re.search(r"(?:\b[A-Za-z]|e\.\s?V)\.$", rest):
        rest = rest[:-1]
    if bullet:
        return None if _SENTENCE_REST_RE.search(rest) else rest
    return rest if _entry_rest(rest) else None


# a bullet's rest that is a sentence, not a role: "- Name, geb. 1941, ist Maler. Seine …"
_SENTENCE_REST_RE = re.compile(
    r"^(?:geb\.|geboren|gest\.)|\b(?:ist|war|sind|waren|hat|hatte|wurde|lebt|arbeitet|"
    r"studierte)\b|(?<=[a-zäöüß]{3})[.!?]\s+[A-ZÄÖÜ]")


_NEXT_LINE_RE = re.compile(r"[ \t]*\n(?:[ \t]*\n)?[ \t]*(?P<line>[^\n]{2,120}?)[ \t]*(?:\n|$)")


def role_below(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """A name alone on its line and a role on the next: "Daniela Arnold⏎⏎
    Jugendsozialarbeiterin der Falken-Grundschule", the signature of a release."""
    line_start = text.rfind("\n", 0, start) + 1
    prefix = _TITLES_END_RE.sub("", text[line_start:start])
    if prefix.strip(" \t-•*–"):
        return None
    m = _NEXT_LINE_RE.match(text, end)
    if not m or has_person_word(m.group("line")):
        return None
    line = m.group("line").rstrip(" ,;")
    if starts_with_role(line) and _entry_rest(line):
        return FUNCTION, end, line
    return None


_ENTRY_LOWER_RE = re.compile(
    rf"(?:{FUNC}|e\.\s?V\.|a\.\s?D\.|[a-zäöüß]+(?:isch|lich|ig|al|ell|iv|är|ier)(?:e|en|er|es|em))")


def _entry_rest(rest: str) -> bool:
    """A line "Maria Lenz, Projektleitung & Geschäftsführung des Vereins Brücke e.V.":
    without a bullet the rest must read as a role, not as a sentence: it starts with a
    role noun or a label, has no quote, and no lowercase word but function words and
    adjectives ("Maria Lenz, die seit Jahren …", "…, freut sich …" are sentences)."""
    if re.search(r"[„“”\"«»:!?]", rest) or (rest.endswith(".") and not rest.endswith("V.")):
        return False
    first = ITEM_SPLIT_RE.split(rest, maxsplit=1)[0]
    if not (starts_with_role(rest) or first.casefold() in lex.LABELS
            or lex.OPEN_ROLE_RE.fullmatch(first)):
        return False
    return all(_ENTRY_LOWER_RE.fullmatch(w) for w in re.findall(r"(?<![\w.])[a-zäöüß][\w.]*", rest))
