"""Segmenting: the release's head (issuer, document type, date line, dateline place,
title, subtitle) and the body's blocks (paragraphs, headings, bullets, background).

A head is read from its first paragraphs, in whatever order the office put them:
letterheads above or below the headline, the date alone, in a "Pressemitteilung
vom ..." line, after "Datum", or at the start of the first body paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lang.de.calendar import DAY_DATE, parse_day_match
from .normalise import NormalisedText
from .record import Release, Section

HEAD_PARAGRAPHS = 12
DOC_TYPES = (
    "Gemeinsame Pressemitteilung", "Pressemitteilung", "Presseinformation", "Pressemeldung",
    "Medieninformation", "Presseerklärung", "Pressenotiz", "Mitteilung", "Information",
)
_DOC_TYPE = re.compile(
    r"^(?P<type>" + "|".join(DOC_TYPES) + r")\b\s*"
    r"(?:(?:Nr\.|Nummer)\s*(?P<number>[\w/.-]+)\s*)?"
    r"(?:(?:vom|am)\s+(?P<rest>.*))?$",
    re.IGNORECASE,
)
_DATE_LABEL = re.compile(r"^(?:Datum|Stand|Veröffentlicht(?:\s+am)?|Erscheinungsdatum)\s*:?\s*",
                         re.IGNORECASE)
_PLACE_AFTER_DATE = re.compile(r"^\s*[|,]\s*(?P<place>[A-ZÄÖÜ][\w .-]{1,40}?)\s*[–—-]?\s*$")
_PLACE_LABEL = re.compile(r"^Ort\s*:?\s+(?P<place>[A-ZÄÖÜ][\w .()/-]{1,60})$")
# "Berlin, 25. Januar 2023 – ..." / "Potsdam – ..." / "| Berlin –" at the start of a paragraph
_DATELINE = re.compile(
    r"^(?P<place>[A-ZÄÖÜ][\wäöüß.]+(?:[ -][A-ZÄÖÜ(][\wäöüß.()]+){0,3})"
    r"(?:,\s*(?:den\s+)?(?P<date>[^–—-]{6,40}?))?\s+[–—-]\s+"
)
_LAND = re.compile(
    r"^(?:Land\s+)?(?:Baden-Württemberg|Bayern|Freistaat Bayern|Berlin|Brandenburg|Bremen|"
    r"Hamburg|Hessen|Mecklenburg-Vorpommern|Niedersachsen|Nordrhein-Westfalen|"
    r"Rheinland-Pfalz|Saarland|Sachsen|Freistaat Sachsen|Sachsen-Anhalt|"
    r"Schleswig-Holstein|Thüringen|Freistaat Thüringen)$"
)
_INSTITUTION = re.compile(
    r"^(?:Der |Die |Das )?(?:\w+ )?(?:Ministerium|Bundesministerium|Staatsministerium|"
    r"Senatsverwaltung|Senatskanzlei|Staatskanzlei|Bezirksamt|Landratsamt|Landesamt|Bundesamt|"
    r"Bundesagentur|Landesregierung|Bundesregierung|Regierungspräsidium|Stadtverwaltung|"
    r"Kreisverwaltung|Regierende[rn]? Bürgermeister|Oberbürgermeister|Ministerpräsident|"
    r"Behörde für|Landkreis|Stadt|Gemeinde|Amt für)\b"
)
_PRESS_OFFICE = re.compile(r"^(?:Pressestelle|Pressereferat|Presse- und Öffentlichkeitsarbeit|"
                           r"Referat Presse|Pressesprecher(?:in)?)\b", re.IGNORECASE)
_LOWER_WORDS = frozenset(
    "für und des der die das von vom im in am an zur zum mit bei auf den dem sowie aus".split()
)
_SENTENCE_BREAK = re.compile(r"[a-zäöüß]{3,}[.!?]\s+[A-ZÄÖÜ„\"]")
_BULLET = re.compile(r"^(?:[•·▪‣◦*–-]\s|\d{1,2}[.)]\s|[a-z]\)\s)")
_BACKGROUND = re.compile(r"^(?:Hintergrund(?:informationen|information)?|Zum Hintergrund|"
                         r"Über (?:den|die|das)\b|Weitere Informationen)\b", re.IGNORECASE)


@dataclass(slots=True)
class Block:
    start: int
    end: int
    text: str


def blocks_of(text: str) -> list[Block]:
    blocks: list[Block] = []
    for match in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
        raw = match.group(0)
        stripped = raw.strip()
        if stripped:
            start = match.start() + (len(raw) - len(raw.lstrip()))
            blocks.append(Block(start, start + len(stripped), stripped))
    return blocks


def letterhead_case(text: str) -> str:
    """"MINISTERIUM FÜR INNERES" as the office writes its name in running text."""
    if not text.isupper():
        return text
    words = []
    for i, word in enumerate(text.split()):
        low = word.lower()
        if i and low in _LOWER_WORDS:
            words.append(low)
        else:
            words.append("-".join(p[:1].upper() + p[1:].lower() for p in word.split("-")))
    return " ".join(words)


def _is_letterhead(text: str) -> bool:
    if len(text) > 160 or text.endswith((".", "!", "?", ":")):
        return False
    if _LAND.match(text) or _PRESS_OFFICE.match(text):
        return True
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 6 and text.isupper() and len(text.split()) >= 2:
        return True
    return bool(_INSTITUTION.match(text)) and len(text.split()) <= 12


def _date_only(text: str) -> tuple[str, re.Match[str]] | None:
    """A paragraph that is a date (with label or weekday), and nothing else."""
    body = _DATE_LABEL.sub("", text).strip()
    match = DAY_DATE.search(body)
    if match and not body[: match.start()].strip(" ,") and len(body) - match.end() <= 2:
        return body, match
    return None


def _iso(match: re.Match[str]) -> str | None:
    day = parse_day_match(match)
    return day.isoformat() if day else None


def segment(norm: NormalisedText) -> tuple[Release, list[Section]]:
    blocks = blocks_of(norm.text)
    release = Release()
    sections: list[Section] = []
    kinds: dict[int, str] = {}
    letterhead: list[str] = []
    title_i: int | None = None
    date_i: int | None = None
    body_start = len(blocks)

    def set_date(match: re.Match[str], block_i: int) -> None:
        nonlocal date_i
        iso = _iso(match)
        if iso and release.date is None:
            release.date, release.date_text, date_i = iso, match.group(0), block_i

    for i, block in enumerate(blocks[:HEAD_PARAGRAPHS]):
        text = block.text
        doc_type = _DOC_TYPE.match(text)
        if doc_type:
            release.doc_type = release.doc_type or _doc_type_name(doc_type.group("type"))
            release.number = release.number or doc_type.group("number")
            rest = doc_type.group("rest") or ""
            match = DAY_DATE.search(rest)
            if match:
                set_date(match, i)
                after = rest[match.end():]
                place = _PLACE_AFTER_DATE.match(after)
                if place:
                    release.place = place.group("place").strip()
            kinds[i] = "head"
            continue
        dated = _date_only(text)
        if dated:
            set_date(dated[1], i)
            kinds[i] = "head"
            continue
        place = _PLACE_LABEL.match(text)
        if place:
            release.place = release.place or place.group("place").strip()
            kinds[i] = "head"
            continue
        if title_i is None and _is_letterhead(text):
            if not _PRESS_OFFICE.match(text):
                letterhead.append(text)
            kinds[i] = "head"
            continue
        if title_i is None:
            title_i = i
            release.title = text
            kinds[i] = "title"
            continue
        if release.subtitle is None and _is_subtitle(text, i, title_i, date_i):
            release.subtitle = text
            kinds[i] = "subtitle"
            continue
        body_start = i
        break
    else:
        body_start = min(len(blocks), HEAD_PARAGRAPHS)

    if body_start < len(blocks):
        _read_dateline(blocks[body_start].text, release, lambda m: set_date(m, body_start))
    release.issuer = _issuer(letterhead)

    background = False
    for i, block in enumerate(blocks):
        kind = kinds.get(i)
        if kind is None:
            if _BACKGROUND.match(block.text) and len(block.text) < 80:
                background = True
                kind = "heading"
            elif _BULLET.match(block.text):
                kind = "bullet"
            elif _is_heading(block.text, i, blocks):
                kind = "heading"
            else:
                kind = "background" if background else "paragraph"
        sections.append(Section(kind=kind, start=block.start, end=block.end))  # type: ignore[arg-type]
    return release, sections


def _doc_type_name(text: str) -> str:
    return text[:1].upper() + text[1:].lower() if text.isupper() else text


def _is_subtitle(text: str, i: int, title_i: int, date_i: int | None) -> bool:
    if len(text) > 250 or text.endswith(":") or _BULLET.match(text):
        return False
    right_after_title = i == title_i + 1
    right_after_date = date_i is not None and date_i > title_i and i == date_i + 1
    if not (right_after_title or right_after_date):
        return False
    # a standfirst has no full stop; a paragraph of sentences is the body
    sentence_like = text.endswith(".") or _SENTENCE_BREAK.search(text) is not None
    if sentence_like or (right_after_date and len(text.split()) > 25):
        return False
    return not (DAY_DATE.match(text) or _DATELINE.match(text))


def _is_heading(text: str, i: int, blocks: list[Block]) -> bool:
    return (
        len(text) <= 90
        and not text.endswith((".", ",", ";", ":", "“", '"'))
        and i + 1 < len(blocks)
        and len(blocks[i + 1].text) > len(text)
        and text[:1].isupper()
    )


def _read_dateline(text: str, release: Release, set_date) -> None:
    """"Berlin, 25. Januar 2023 – ..." or "01.02.2022 „Der ..." opening the body."""
    if release.date is None:
        match = DAY_DATE.match(text)
        if match:
            set_date(match)
    dateline = _DATELINE.match(text)
    if dateline:
        when = dateline.group("date")
        if when:
            match = DAY_DATE.search(when)
            if match:
                set_date(match)
            else:
                return
        if release.place is None:
            release.place = dateline.group("place")


_PRESS_OFFICE_TAIL = re.compile(
    r"\s+(?:PRESSESTELLE|PRESSEREFERAT|Pressestelle|Pressereferat)$"
)


def _issuer(letterhead: list[str]) -> str | None:
    names = [
        letterhead_case(_PRESS_OFFICE_TAIL.sub("", t)) for t in letterhead if not _LAND.match(t)
    ]
    if not names:
        return None
    lands = [t for t in letterhead if _LAND.match(t)]
    issuer = names[0]
    if lands and lands[0] not in issuer:
        issuer = f"{issuer} {lands[0]}"
    return issuer
