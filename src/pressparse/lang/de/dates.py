"""German calendar expressions and durations: the patterns and the cue words.

`find_dates` reads a text into `DateMention`s that keep only what the words say
(a day and month without a year stay without one); choosing the year the text
means is the extractor's job, since that needs the release date. Each form has
its own precompiled pattern; where forms overlap the longest match wins, so a
range like "14.10. bis 15.10.2018" is read once, as a range, not as two dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .calendar import MONTHS, WEEKDAYS, full_year, make_date
from .numbers import NUMBER_WORD_PATTERN, parse_number_word

# ---------------------------------------------------------------- building blocks

_MONTH_FULL = (
    "Januar", "Jänner", "Februar", "Feber", "März", "Maerz", "April", "Mai", "Juni", "Juli",
    "August", "September", "Oktober", "November", "Dezember",
)
_MONTH_ABBR = ("Jan", "Febr", "Feb", "Mär", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Okt",
               "Nov", "Dez")
# full names, or abbreviations with their dot ("3. Okt. 2020"); not in "August-Bebel-Haus".
# One flat alternation of literals, which `re` scans for quickly.
_MONTH_END = r"(?![\wäöüß]|-[^\W\d_])"
MONTH = ("(?:" + "|".join(name + _MONTH_END for name in _MONTH_FULL) + "|"
         + "|".join(abbr + r"\." for abbr in _MONTH_ABBR) + ")")
WEEKDAY = r"(?:" + "|".join(w.capitalize() for w in WEEKDAYS) + r")(?![\wäöüß])"
YEAR = r"(?:1[89]\d\d|20\d\d)"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MON_NUM = r"(?:0?[1-9]|1[0-2])"

# Patterns open with a plain character class and look behind only after it: `re` then
# skips ahead to candidate characters instead of trying every position of the text.
_GLUE_TEXT = r"\d."  # "1.2. März" is no day
_GLUE_NUM = r"\d.,/"  # nor "1.2.3.4" or "12/3.4."
_GLUE_ISO = r"\w/.-"


def _day_first(name: str, not_after: str) -> str:
    """A day opening a pattern, not glued to a preceding character in `not_after`."""
    return rf"(?P<{name}>\d(?<![{not_after}]\d)\d?)"


def _year_first(name: str, not_after: str = r"\w.,/") -> str:
    """A year opening a pattern; a hyphen may join it to a word ("Agenda-2030"), not to a
    number ("9025-2019")."""
    return (rf"(?P<{name}>[12](?<![{not_after}][12])(?:(?<=[A-Za-zÄÖÜäöüß]-[12])|(?<!-[12]))"
            r"(?:(?<=1)[89]|(?<=2)0)\d\d)")


# "Donnerstag, den 27." / "am Montag, 3.": looked for before a day, not at every position
WEEKDAY_BEFORE = re.compile(rf"(?P<wd>{WEEKDAY}),?\s+(?:(?:den|dem)\s+)?$")
# "14. bis Freitag, dem 18. August"
_WD_BETWEEN = rf"(?:{WEEKDAY},?\s+)?(?:(?:den|dem)\s+)?"
_DASH = "–—−-"  # en dash, em dash, minus sign, hyphen
_RANGE_WORD = rf"(?:bis\s+(?:einschließlich|einschl\.|zum|spätestens)\s+|bis|[{_DASH}]|und|/)"
# "des vorigen Jahres", "dieses Jahres", "kommenden Jahres"
_REL_YEAR = (r"(?P<rel>(?:des|diese[sn]|nächsten|kommenden|vergangenen|vorigen|letzten)"
             r"(?:\s+(?:laufenden|kommenden|nächsten|folgenden|vergangenen|vorigen|letzten))?"
             r"\s+Jahres|des\s+Vorjahres|des\s+Folgejahres)")

REL_YEAR_OFFSETS: dict[str, int] = {
    "laufenden": 0, "dieses": 0, "diesen": 0, "kommenden": 1, "nächsten": 1, "folgenden": 1,
    "folgejahres": 1, "vergangenen": -1, "vorigen": -1, "letzten": -1, "vorjahres": -1,
}

_flags = re.UNICODE
# a year ends where no digit follows, nor a decimal part or ",-" of an amount ("2000,- Euro")
_YEAR_END = r"(?![\d]|[.,]\d|,-)"

# "vom 1. bis 3. Juni 2020", "26.–28. Juni", "1. bis einschließlich 26. Januar"
DAY_RANGE_TEXT = re.compile(
    rf"{_day_first('d1', _GLUE_TEXT)}\.(?:\s*(?P<m1>{MONTH})(?:\s+(?P<y1>{YEAR}))?)?"
    rf"\s*{_RANGE_WORD}\s*{_WD_BETWEEN}(?P<d2>{_DAY})\.\s*(?P<m2>{MONTH})"
    rf"(?:\s+(?P<y2>{YEAR}){_YEAR_END}|\s+{_REL_YEAR})?",
    _flags,
)
# "1. und 2. sowie 8. und 9. Oktober", "3., 4. und 5. Mai 2020": three or more days, one month
_DAY_SEP = rf"\s*(?:,|und|sowie|oder|bis|[{_DASH}])\s*(?:(?:am|den|dem|zum)\s+)?"
DAY_LIST_TEXT = re.compile(
    rf"{_day_first('d1', _GLUE_TEXT)}\.(?P<more>(?:{_DAY_SEP}{_DAY}\.){{2,}})\s*(?P<m>{MONTH})"
    rf"(?:\s+(?P<y>{YEAR}){_YEAR_END}|\s+{_REL_YEAR})?",
    _flags,
)
_LISTED_DAY = re.compile(rf"(?P<d>{_DAY})\.")
# "14.10. bis 15.10.2018", "14.–15.10.2018"
DAY_RANGE_NUM = re.compile(
    rf"{_day_first('d1', _GLUE_NUM)}\.(?:(?P<m1>{_MON_NUM})"
    rf"(?:\.(?P<y1>{YEAR}|\d\d(?![\d.]))?|(?=\s+bis\s)))?"
    rf"\s*{_RANGE_WORD}\s*{_WD_BETWEEN}(?P<d2>{_DAY})\.(?P<m2>{_MON_NUM})\."
    rf"(?:(?P<y2>[ ]?{YEAR}|\d\d)(?![\d]|[.,]\d))?(?![\d])",
    _flags,
)
# "am Donnerstag, 27. Februar 2020", "31. März", "1. Januar des kommenden Jahres"
DAY_TEXT = re.compile(
    rf"{_day_first('d', _GLUE_TEXT)}\.\s*(?P<m>{MONTH})"
    rf"(?:(?:,?\s+|\.)(?P<y>{YEAR}){_YEAR_END}|\s+{_REL_YEAR})?",
    _flags,
)
# "16 September 2021": the day without its dot, as English titles write it
DAY_TEXT_NO_DOT = re.compile(
    rf"{_day_first('d', _GLUE_TEXT)}\s(?P<m>{MONTH})\s(?P<y>{YEAR}){_YEAR_END}(?!\w)", _flags)
# "31.03.2019", "31.3.19", "08.11."
DAY_NUM = re.compile(
    rf"{_day_first('d', _GLUE_NUM)}\.(?P<sp>[ ]?)(?P<m>{_MON_NUM})\."
    rf"(?:(?P<y>[ ]?{YEAR}(?!\d)|\d\d(?![\d.,]\d)))?(?![\d])",
    _flags,
)
# "2019-03-31"
DAY_ISO = re.compile(rf"{_year_first('y', _GLUE_ISO)}-(?P<m>0[1-9]|1[0-2])-"
                     r"(?P<d>0[1-9]|[12]\d|3[01])(?![\w/-])", _flags)
# "Dezember 2021 bis Februar 2022", "von Oktober auf November 2021", "Juni/Juli"
MONTH_RANGE = re.compile(
    rf"(?P<m1>{MONTH})(?:\s+(?P<y1>{YEAR}))?\s*(?:bis(?:\s+(?:einschließlich|Ende))?|auf|und|"
    rf"oder|[{_DASH}]|/)\s*(?P<m2>{MONTH})(?:\s+(?P<y2>{YEAR}){_YEAR_END}|\s+{_REL_YEAR})?",
    _flags,
)
# "Baubeginn 03/2022": a month and year in figures (two digits, so "Nr. 5/2022" is not one)
MONTH_NUM = re.compile(
    rf"{_day_first('m', _GLUE_NUM)}/(?P<y>{YEAR})(?![\d/]|[.,]\d)",
    _flags,
)
# "Mai 2018", "Ende Mai", "im Monat Januar", "September dieses Jahres"
MONTH_ONLY = re.compile(
    rf"(?P<m>{MONTH})(?:\s+(?P<y>{YEAR}){_YEAR_END}|\s+{_REL_YEAR})?",
    _flags,
)
# "2019 bis 2021", "2015-2025", "2015/16", "2020/2021", "2017 und 2018"
YEAR_RANGE = re.compile(
    rf"{_year_first('y1')}(?<!\d\s\d{{4}})\s*(?:(?P<sep>/|[{_DASH}])\s*(?P<short>\d\d)(?![\d.,]\d)"
    rf"|(?:bis(?:\s+(?:einschließlich|Ende))?|[{_DASH}]|/|und|oder|sowie)\s*(?P<y2>{YEAR}))"
    r"(?![\d]|[.,]\d|,-)",
    _flags,
)
YEAR_ONLY = re.compile(rf"{_year_first('y')}(?![\w]|[.,]\d|,-|[-/]\d)", _flags)

# ---------------------------------------------------------------- what is not a date

# URLs, e-mail addresses and file names: nothing in them is a date. Found by a mark they
# carry, then widened to the whitespace around them.
HIDDEN_MARK = re.compile(
    r"https?://|www\.|@|\.(?:pdf|docx?|xlsx?|pptx?|jpe?g|png|gif|html?|php|aspx?|zip|csv)\b",
    re.IGNORECASE,
)
_TOKEN_STOP = " \n\t<>\"“”„«»()[]"
# a number standing before these is a count or an amount, not a year
NOT_YEAR_AFTER = re.compile(
    r"\s?(?:€|%|Euro|EUR|Mio|Mrd|Millionen|Milliarden|Tsd|Prozent|Cent|Dollar|"
    r"Personen|Menschen|Einwohner|Teilnehm|Besucher|Mitarbeit|Beschäftigte|Kinder|Schüler|"
    r"Jugendliche|Studierende|Plätze|Wohnungen|Bäume|Stück|Exemplare|Seiten|Tonnen|"
    r"Kilo|km|m²|m2|qm|Quadratmeter|Meter|Hektar|ha\b|Liter|kWh|MW|Fälle|Anträge|"
    r"Stunden|Minuten|Tage|Jahre\b|Punkte|Stimmen|Zuschauer|Gäste|Mitglieder|Unterschriften|"
    r"Bewerbungen|Betten|Arbeitsplätze|Fahrzeuge|Wohneinheiten|WE\b|kg\b|Kilogramm|"
    r"neue\b|weitere\b|zusätzliche)",
)
# ... and after these
NOT_YEAR_BEFORE = re.compile(
    r"(?:\b(?:Nr\.?|Nummer|No\.|Tel\.?|Telefon|Fax|Postfach|Raum|Zimmer|PLZ|Drucksache|Az\.?|"
    r"Aktenzeichen|Kapitel|Seite|S\.|Art\.|Artikel|Absatz|Abs\.|Ziffer|Linie|Bus|Tram|"
    r"Durchwahl|Vorlage)|§|(?:straße|str\.|weg|allee|platz|damm))\s*$",
    re.IGNORECASE,
)
# a software version: "Office 2013", "Windows Server 2019"
PRODUCT_BEFORE = re.compile(
    r"\b(?:Office|Windows(?: Server)?|Server|Excel|Outlook|PowerPoint|Exchange|SharePoint|"
    r"Visual Studio|AutoCAD|SQL)\s*$")
# an amount: "€ 2000", "Euro 1950" (but "UEFA EURO 2024" is an event)
CURRENCY_BEFORE = re.compile(r"(?:€|\bEUR|\bEuro)\s*$")
# "KW 12/2021" is a week, not a month
WEEK_BEFORE = re.compile(r"\b(?:KW|Kalenderwoche)\s*$")
# a quantity word before a number makes it a count ("rund 2000 neue Plätze"), unless the
# number ends the clause: "100.000 Euro mehr als 2021."
QUANTITY_BEFORE = re.compile(
    r"\b(?:rund|etwa|ca\.|circa|knapp|fast|nahezu|insgesamt|mindestens|höchstens|bis zu|"
    r"mehr als|weniger als|über|unter)\s*$",
    re.IGNORECASE,
)
CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)]|$)")
# a bare month name ("im September") counts only after one of these
MONTH_CUES = frozenset(
    "im in seit ab bis zum vom von anfang mitte ende beginn monat monats laufe des dem den "
    "diesem diesen kommenden nächsten vergangenen letzten diesjährigen und oder sowie auf "
    "über zwischen spätestens noch schon bereits erst für gesamten ganzen zeitraum".split()
)
# "von August Kiss": after these cues a bare month name followed by a capitalised word is a
# first name ("ab Mitte November Kreuzungen" keeps its month)
NAME_CUES = frozenset(
    "von und oder sowie über auf den dem des zwischen noch schon bereits erst für".split())
NAME_AFTER = re.compile(r" [A-ZÄÖÜ][a-zäöüß]")
_WORD_BEFORE = re.compile(r"([\wäöüß]+)\W{0,2}$")
# month adjectives that fix the year relative to the release: "im vergangenen Oktober"
MONTH_REL_BEFORE = re.compile(r"\b(kommenden|nächsten|vergangenen|letzten|diesjährigen)\s+$",
                              re.IGNORECASE)

# ---------------------------------------------------------------- roles

DEADLINE_CUES = re.compile(
    r"(?:schluss|frist|stichtag|deadline|spätestens|einsende|abgabe|anmeldung|bewerbung|"
    r"einreich|einzureichen|beantrag|antrag|anträge|bewerben|anmelden|melden|einsenden|"
    r"eingereicht|eingehen|vorliegen|registrier)",
    re.IGNORECASE,
)
START_BEFORE = re.compile(r"\b(?:ab|seit|vom|von|Ab|Seit|Vom|Von|Beginn|beginnt|startet|Start)"
                          r"(?:\s+(?:dem|den|Anfang|Mitte|Ende))?\s+$")
END_BEFORE = re.compile(r"\b(?:bis|Bis|endet|läuft)(?:\s+(?:zum|spätestens|einschließlich|"
                        r"Ende))?\s+(?:(?:dem|den)\s+)?$")
EVENT_BEFORE = re.compile(r"\b(?:am|Am|Termin|findet)\s+$")
# simple past in the sentence: "im November wurde ... gezahlt" reports, it does not announce
PAST_TENSE = re.compile(
    r"\b(?:wurden?|waren?|hatten?|gab|ging|gingen|lag|lagen|stieg|stiegen|sank|sanken|fanden?|"
    r"endete|begann|startete|erhielten?|verzeichnete|zählte)\b"
)
# ... unless the sentence looks ahead: "wurde auf den 15. Oktober verschoben"
AHEAD_CUES = re.compile(
    r"\b(?:verschoben|verlegt|geplant|vorgesehen|angesetzt|terminiert|festgelegt|soll|sollen|"
    r"wird|werden|künftig|voraussichtlich)\b"
)
# "seit Oktober": a month already begun
SINCE_BEFORE = re.compile(r"\b[Ss]eit(?:\s+(?:dem|Anfang|Mitte|Ende))?\s+$")
SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZÄÖÜ„\"])|\n")

# ---------------------------------------------------------------- durations

_NUM = rf"(?:\d+(?:,\d+)?|eineinhalb|anderthalb|halbe[nmrs]?|{NUMBER_WORD_PATTERN})"
_UNIT = (r"(?P<unit>Jahrzehnte?n?|Jahre?n?|Jahres|Monate?n?|Monats|Wochen?|Tage?n?|"
         r"Stunden?|Minuten?)(?![\wäöüß])")
# found from the unit backwards: the unit words are rare, numbers and number words are not
DURATION_UNIT = re.compile(_UNIT)
DURATION_NUMBER = re.compile(
    rf"(?<![\w.,])(?P<n1>{_NUM})(?:[^\S\n]*(?:bis|-|–|oder)[^\S\n]*(?P<n2>{_NUM}))?[^\S\n]+$",
    re.IGNORECASE,
)
# "im Alter von 8 Jahren", "Kinder ab 6 Jahren", "75 Jahre alt", "vor zwei Jahren"
NOT_DURATION_BEFORE = re.compile(
    r"(?:\b(?:Alter|alt|ab|unter|vor|Jahrgang)\s+(?:von\s+|zwischen\s+)?"
    r"(?:(?:rund|etwa|ca\.|über|knapp|mehr als)\s+)?|\d\.?\s*|[-/]\s*)$",
    re.IGNORECASE,
)
# "Kinder bis 12 Jahren", "Menschen über 65 Jahren", "zwischen 12 und 21 Jahren": ages
AGE_BEFORE = re.compile(r"(?:(?<!seit )\b(?:bis|unter|über|ab)|\bzwischen\s+\d+\s+und)\s+$",
                        re.IGNORECASE)
# years next to the people they are the age of: "Kinder von 4-5 Jahren", "Jugendliche bis 14 Jahre"
AGE_PEOPLE = re.compile(r"(?:Kinder|Jugendliche|Schüler|Mädchen|Jungen|Menschen|Personen|"
                        r"Teilnehm|Senior|Erwachsene|Frauen|Männer)\w*\s+(?:\w+\s+){0,2}$")
# ... but "seit 20 Jahren", "für drei Jahre" are spans of time whoever stands near
SPAN_BEFORE = re.compile(r"\b(?:seit|für|nach|innerhalb|binnen|während|Dauer von|Laufzeit von)"
                         r"\s+(?:(?:über|mehr als|rund|fast|knapp|gut|etwa)\s+)?$", re.IGNORECASE)
NOT_DURATION_AFTER = re.compile(r"\s+(?:alt|alte[nmrs]?|jung|lang(?:e[nmrs]?)?\s+Haft)\b")
_UNIT_CODES: dict[str, str] = {
    "jahrzehnt": "10Y", "jahr": "Y", "monat": "M", "woche": "W", "tag": "D", "stunde": "TH",
    "minute": "TM",
}


# ---------------------------------------------------------------- reading


@dataclass(slots=True)
class DateMention:
    """One calendar expression as written: what it names, where, and how it is linked."""

    start: int
    end: int
    year: int | None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    rel_year: int | None = None  # "dieses Jahres" = 0, "des vorigen Jahres" = -1
    range_part: str | None = None  # "start" / "end" of a range written as one
    month_rel: str | None = None  # "kommenden" / "vergangenen" before a month
    inferred: bool = False  # the year is not written but read from the context

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"


@dataclass(slots=True)
class DurationMention:
    start: int
    end: int
    value: str | None


def _month(text: str | None) -> int | None:
    if not text:
        return None
    return MONTHS.get(text.rstrip(".").casefold())


def _year(text: str | None) -> int | None:
    return full_year(int(text)) if text else None


def _rel(match: re.Match[str]) -> int | None:
    rel = match.groupdict().get("rel")
    if not rel:
        return None
    for word in reversed(rel.casefold().split()):
        if word in REL_YEAR_OFFSETS:
            return REL_YEAR_OFFSETS[word]
    return 0


def _start_year(end_year: int | None, start_month: int, end_month: int) -> int | None:
    """The year of a range's start that only its end writes: "14. Dezember bis 10. Januar 2021"."""
    if end_year is None:
        return None
    return end_year - 1 if start_month > end_month else end_year


_LIST_WORD = re.compile(r"\b(?:und|oder|sowie)\b|/")


def _range_parts(text: str, start: int, second: int) -> tuple[str | None, str | None]:
    """Roles of two dates written together: a range's ends ("1. bis 3. Juni"), or none for
    a list ("3. und 4. Juni", "2015/16")."""
    if _LIST_WORD.search(text, start, second):
        return None, None
    return "start", "end"


def _valid_day(day: int, month: int, year: int | None) -> bool:
    return make_date(year or 2000, month, day) is not None  # 2000 allows 29 February


def _day_ranges_text(text: str) -> list[tuple[int, int, list[DateMention]]]:
    out = []
    for m in DAY_RANGE_TEXT.finditer(text):
        d1, d2 = int(m["d1"]), int(m["d2"])
        m2 = _month(m["m2"])
        m1 = _month(m["m1"]) or m2
        y2 = _year(m["y2"])
        y1 = _year(m["y1"]) or _start_year(y2, m1, m2)
        if m2 is None or m1 is None or not (_valid_day(d1, m1, y1) and _valid_day(d2, m2, y2)):
            continue
        rel = _rel(m)
        mid = m.start("d2")
        first, second = _range_parts(text, m.start(), mid)
        out.append((m.start(), m.end(), [
            DateMention(m.start(), m.end(), y1, m1, d1, rel_year=rel, range_part=first),
            DateMention(mid, m.end(), y2, m2, d2, rel_year=rel, range_part=second),
        ]))
    return out


def _day_lists(text: str) -> list[tuple[int, int, list[DateMention]]]:
    out = []
    for m in DAY_LIST_TEXT.finditer(text):
        month, year, rel = _month(m["m"]), _year(m["y"]), _rel(m)
        if month is None:
            continue
        days = [(m.start(), int(m["d1"]))] + [
            (m.start("more") + d.start(), int(d["d"]))
            for d in _LISTED_DAY.finditer(m["more"])]
        if not all(_valid_day(day, month, year) for _, day in days):
            continue
        out.append((m.start(), m.end(), [
            DateMention(start, m.end(), year, month, day, rel_year=rel)
            for start, day in days]))
    return out


def _day_ranges_num(text: str) -> list[tuple[int, int, list[DateMention]]]:
    out = []
    for m in DAY_RANGE_NUM.finditer(text):
        d1, d2, m2 = int(m["d1"]), int(m["d2"]), int(m["m2"])
        m1 = int(m["m1"]) if m["m1"] else m2
        y2 = _year(m["y2"])
        y1 = _year(m["y1"]) or _start_year(y2, m1, m2)
        if not (_valid_day(d1, m1, y1) and _valid_day(d2, m2, y2)):
            continue
        mid = m.start("d2")
        first, second = _range_parts(text, m.start(), mid)
        out.append((m.start(), m.end(), [
            DateMention(m.start(), m.end(), y1, m1, d1, range_part=first),
            DateMention(mid, m.end(), y2, m2, d2, range_part=second),
        ]))
    return out


def _days(text: str) -> list[tuple[int, int, list[DateMention]]]:
    out = []
    for pattern in (DAY_TEXT, DAY_NUM, DAY_ISO, DAY_TEXT_NO_DOT):
        for m in pattern.finditer(text):
            day = int(m["d"])
            month = _month(m["m"]) if pattern in (DAY_TEXT, DAY_TEXT_NO_DOT) else int(m["m"])
            year = _year(m["y"])
            if month is None or not _valid_day(day, month, year):
                continue
            start, weekday = m.start(), None
            if pattern is not DAY_ISO:
                wd = WEEKDAY_BEFORE.search(text, max(0, start - 24), start)
                if wd:
                    start, weekday = wd.start(), WEEKDAYS[wd["wd"].casefold()]
            if pattern is DAY_NUM and year is None and (
                    m["sp"] or (weekday is None and not _numeric_day_context(text, m))):
                continue
            out.append((start, m.end(), [DateMention(
                start, m.end(), year, month, day, weekday=weekday, rel_year=_rel(m))]))
    return out


_NUMERIC_DAY_BEFORE = re.compile(
    r"(?:\b(?:am|Am|bis|Bis|zum|vom|Vom|ab|Ab|seit|Seit|den|dem|Stand|Datum|Termin|ab dem|"
    r"bis zum|und|sowie|oder)|,|:|\(|–|-)\s*$"
)


def _numeric_day_context(text: str, m: re.Match[str]) -> bool:
    """"08.11." without a year is a date after a cue word, not as a section number."""
    before = text[max(0, m.start() - 12):m.start()]
    if not before.strip() or before.endswith("\n"):
        return False
    return bool(_NUMERIC_DAY_BEFORE.search(before))


def _months(text: str) -> list[tuple[int, int, list[DateMention]]]:
    out = []
    for m in MONTH_RANGE.finditer(text):
        m1, m2 = _month(m["m1"]), _month(m["m2"])
        if m1 is None or m2 is None:
            continue
        y2 = _year(m["y2"])
        y1 = _year(m["y1"]) or _start_year(y2, m1, m2)
        rel = _rel(m)
        if y1 is None and rel is None and not _month_cue(text, m.start()):
            continue
        first, second = _range_parts(text, m.start(), m.start("m2"))
        out.append((m.start(), m.end(), [
            DateMention(m.start(), m.end(), y1, m1, rel_year=rel, range_part=first),
            DateMention(m.start("m2"), m.end(), y2, m2, rel_year=rel, range_part=second),
        ]))
    for m in MONTH_NUM.finditer(text):
        month = int(m["m"])
        if len(m["m"]) != 2 or not 1 <= month <= 12 or _not_a_year(text, m.start(), m.end()):
            continue
        if WEEK_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            continue
        out.append((m.start(), m.end(), [DateMention(m.start(), m.end(), int(m["y"]), month)]))
    for m in MONTH_ONLY.finditer(text):
        month = _month(m["m"])
        year = _year(m["y"])
        rel = _rel(m)
        if month is None:
            continue
        if year is None and rel is None:
            cue = _month_cue(text, m.start())
            if (cue is None or _in_short_quote(text, m.start(), m.end())
                    or (cue in NAME_CUES and NAME_AFTER.match(text, m.end()))):
                continue
        month_rel = None
        rel_before = MONTH_REL_BEFORE.search(text, max(0, m.start() - 16), m.start())
        if rel_before and year is None:
            month_rel = rel_before.group(1).casefold()
        out.append((m.start(), m.end(), [DateMention(m.start(), m.end(), year, month,
                                                     rel_year=rel, month_rel=month_rel)]))
    return out


def _month_cue(text: str, start: int) -> str | None:
    """The cue word before a bare month name, if it is one."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    word = before.group(1).casefold() if before else ""
    return word if word in MONTH_CUES else None


_QUOTES = {"„": "“", "“": "”", "\"": "\"", "»": "«", "«": "»"}
_CLOSERS = frozenset(_QUOTES.values())


def _in_short_quote(text: str, start: int, end: int) -> bool:
    """A month closing a short quoted name ("Nebel im August") is part of a title; quoted
    speech ("„Wir beginnen im März.“") ends with its punctuation."""
    if end >= len(text) or text[end] not in _CLOSERS:
        return False
    window = text[max(0, start - 30):start]
    return any(opener in window and _QUOTES[opener] == text[end] for opener in _QUOTES)


def _years(text: str) -> list[tuple[int, int, list[DateMention]]]:
    out = []
    for m in YEAR_RANGE.finditer(text):
        y1 = int(m["y1"])
        if m["short"]:
            y2 = y1 // 100 * 100 + int(m["short"])
            if y2 != y1 + 1:
                continue
        else:
            y2 = int(m["y2"])
            if not y1 < y2 <= y1 + 100 or _not_a_year(text, m.start(), m.end()):
                continue
        end_start = m.end() - len(m["short"] or m["y2"])
        first, second = _range_parts(text, m.start(), end_start)
        out.append((m.start(), m.end(), [
            DateMention(m.start(), m.end(), y1, range_part=first),
            DateMention(end_start, m.end(), y2, range_part=second),
        ]))
    for m in YEAR_ONLY.finditer(text):
        if _not_a_year(text, m.start(), m.end()):
            continue
        out.append((m.start(), m.end(), [DateMention(m.start(), m.end(), int(m["y"]))]))
    return out


# a group of digits in a phone number or a table row: "030 9025 2019", "030 / 2025 1234"
_DIGITS_BEFORE = re.compile(r"(?<![^\s(/-])\d+(?:[ /-]| / )$")
_DIGITS_AFTER = re.compile(r"(?:[ /-]| / )\d")
# words after which a number is a year whatever follows it ...
YEAR_CUE_STRONG = re.compile(r"\b(?:[Jj]ahr|Jahre[ns]?|[Ss]eit|Anfang|Mitte|Ende|Frühjahr|"
                             r"Frühling|Sommer|Herbst|Winter)\s+$")
# ... and after which it is at least no group of a phone number
YEAR_CUE_BEFORE = re.compile(r"\b(?:[Bb]is|[Aa]b|[Vv]on|[Ii]m|[Ii]n)\s+$")


def _not_a_year(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 24):start]
    if YEAR_CUE_STRONG.search(before):
        return False  # "seit 2017 Menschen in Not", "im Jahr 2022 1.990 Menschen"
    if NOT_YEAR_AFTER.match(text, end):
        return True
    if NOT_YEAR_BEFORE.search(before) or CURRENCY_BEFORE.search(before) \
            or PRODUCT_BEFORE.search(before):
        return True
    if QUANTITY_BEFORE.search(before) and not CLAUSE_END.match(text, end):
        return True
    if YEAR_CUE_BEFORE.search(before):
        return False  # "in 2019 12 Projekte": no phone number follows a preposition
    return bool(_DIGITS_BEFORE.search(before)) or bool(_DIGITS_AFTER.match(text, end))


def hidden_spans(text: str) -> list[tuple[int, int]]:
    """Where URLs, e-mail addresses and file names stand in `text`."""
    spans: list[tuple[int, int]] = []
    for m in HIDDEN_MARK.finditer(text):
        if spans and m.start() < spans[-1][1]:
            continue
        start, end = m.start(), m.end()
        while start > 0 and text[start - 1] not in _TOKEN_STOP:
            start -= 1
        while end < len(text) and text[end] not in _TOKEN_STOP:
            end += 1
        spans.append((start, end))
    return spans


def find_dates(text: str, hidden: list[tuple[int, int]] | None = None) -> list[DateMention]:
    """Every calendar expression in `text`, in order, with ranges split into their ends.

    `hidden` are the spans of URLs and file names (`hidden_spans`), if already known.
    """
    candidates = (_day_lists(text) + _day_ranges_text(text) + _day_ranges_num(text) + _days(text)
                  + _months(text) + _years(text))
    if hidden is None:
        hidden = hidden_spans(text)
    # longest first; on equal length the earlier reader (more specific form) wins
    order = sorted(range(len(candidates)),
                   key=lambda i: (-(candidates[i][1] - candidates[i][0]), i))
    taken: list[tuple[int, int]] = []
    chosen: list[DateMention] = []
    for i in order:
        start, end, mentions = candidates[i]
        if any(s < end and start < e for s, e in taken):
            continue
        if any(s < end and start < e for s, e in hidden):
            continue
        taken.append((start, end))
        chosen.extend(mentions)
    chosen.sort(key=lambda d: (d.start, d.end))
    return chosen


def _duration_number(word: str) -> float | None:
    word = word.casefold()
    if word in ("eineinhalb", "anderthalb"):
        return 1.5
    if word.startswith("halbe"):
        return 0.5
    if word[0].isdigit():
        return float(word.replace(",", "."))
    value = parse_number_word(word)
    return float(value) if value is not None else None


def _iso_duration(number: float, unit: str) -> str:
    code = next(code for stem, code in _UNIT_CODES.items() if unit.casefold().startswith(stem))
    if code == "10Y":
        number, code = number * 10, "Y"
    figure = f"{number:g}"
    return f"PT{figure}{code[1]}" if code.startswith("T") else f"P{figure}{code}"


def find_durations(text: str, hidden: list[tuple[int, int]] | None = None
                   ) -> list[DurationMention]:
    """Spans of time ("zwei bis drei Jahre", "seit zehn Jahren"); not ages, not points in time."""
    out = []
    if hidden is None:
        hidden = hidden_spans(text)
    for u in DURATION_UNIT.finditer(text):
        m = DURATION_NUMBER.search(text, max(0, u.start() - 48), u.start())
        if m is None:
            continue
        start, end, unit = m.start(), u.end(), u["unit"]
        if NOT_DURATION_BEFORE.search(text, max(0, start - 30), start):
            continue
        if NOT_DURATION_AFTER.match(text, end):
            continue
        if unit.casefold() in ("jahre", "jahren") and not SPAN_BEFORE.search(
                text, max(0, start - 24), start) and (
                AGE_BEFORE.search(text, max(0, start - 24), start)
                or AGE_PEOPLE.search(text, max(0, start - 40), start)):
            continue
        if any(s < end and start < e for s, e in hidden):
            continue
        n1 = _duration_number(m["n1"])
        n2 = _duration_number(m["n2"]) if m["n2"] else None
        if n1 is None or (m["n2"] and n2 is None):
            continue
        if m["n2"] and m["n1"].casefold() in ("ein", "eine", "einer", "einem", "einen", "eines"):
            continue
        value = _iso_duration(n1, unit)
        if n2 is not None:
            value = f"{value}/{_iso_duration(n2, unit)}"
        out.append(DurationMention(start, end, value))
    return out
