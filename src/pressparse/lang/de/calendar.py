"""German calendar words and the day-precision date forms a date line uses."""

from __future__ import annotations

import re
from datetime import date

MONTHS: dict[str, int] = {
    "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feber": 2, "feb": 2, "märz": 3,
    "mär": 3, "maerz": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7,
    "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10,
    "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12,
}
WEEKDAYS: dict[str, int] = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
    "samstag": 5, "sonnabend": 5, "sonntag": 6,
}

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_NAMES = "|".join(WEEKDAYS)

# "31. März 2019", "Donnerstag, 27. Februar 2020", "31.03.2019", "31.3.19"
DAY_DATE = re.compile(
    rf"(?:(?P<weekday>{_WEEKDAY_NAMES}),?\s+(?:den\s+)?)?"
    rf"(?:(?P<d1>\d{{1,2}})\.\s*(?P<mname>{_MONTH_NAMES})\.?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\.(?P<m2>\d{{1,2}})\.(?P<y2>\d{{4}}|\d{{2}})(?!\d))",
    re.IGNORECASE,
)


def full_year(year: int) -> int:
    """Two-digit years as German releases use them: 19 is 2019, 98 is 1998."""
    if year >= 100:
        return year
    return 2000 + year if year < 70 else 1900 + year


def make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_day_match(match: re.Match[str]) -> date | None:
    if match.group("d1"):
        day, month = int(match.group("d1")), MONTHS[match.group("mname").casefold()]
        year = int(match.group("y1"))
    else:
        day, month = int(match.group("d2")), int(match.group("m2"))
        year = full_year(int(match.group("y2")))
    return make_date(year, month, day)
