"""German numerals and number words, parsed exactly.

Figures feed database filters, so values are computed as `Decimal` and only
turned into `float` at the end: "1,5 Mio." must be 1500000.0, not 1499999.9999.
German writes "." or a space between thousands and "," before decimals; a dot
followed by anything but groups of three digits is read as a decimal point
("2.5"), which some releases use.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

# ---------------------------------------------------------------- number words

_ONES: dict[str, int] = {
    "ein": 1, "eins": 1, "zwei": 2, "zwo": 2, "drei": 3, "vier": 4, "fünf": 5, "fuenf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
}
_TEENS: dict[str, int] = {
    "zehn": 10, "elf": 11, "zwölf": 12, "zwoelf": 12, "dreizehn": 13, "vierzehn": 14,
    "fünfzehn": 15, "fuenfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18,
    "neunzehn": 19,
}
_TENS: dict[str, int] = {
    "zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40, "fünfzig": 50,
    "fuenfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
}
# inflected forms of "ein" standing alone: "eine Million", "mit einem Betrag"
_EIN_FORMS: dict[str, int] = {
    "eine": 1, "einer": 1, "einem": 1, "einen": 1, "eines": 1, "null": 0,
}

_ONES_RE = "|".join(sorted(_ONES, key=len, reverse=True))
_TEENS_RE = "|".join(sorted(_TEENS, key=len, reverse=True))
_TENS_RE = "|".join(sorted(_TENS, key=len, reverse=True))
_BELOW_100 = rf"(?:{_TEENS_RE}|(?:(?:{_ONES_RE})und)?(?:{_TENS_RE})|{_ONES_RE})"
_BELOW_1000 = rf"(?:(?:{_ONES_RE})?hundert(?:und)?{_BELOW_100}?|{_BELOW_100})"
_BELOW_MILLION = rf"(?:(?:{_BELOW_1000})?tausend(?:und)?(?:{_BELOW_1000})?|{_BELOW_1000})"

# a cardinal word as one token, for use inside larger patterns (case-insensitive)
NUMBER_WORD_PATTERN = rf"(?:{_BELOW_MILLION}|eine[rmns]?|null)"
_NUMBER_WORD_RE = re.compile(rf"(?:{_BELOW_MILLION})", re.IGNORECASE)


def _below_100(word: str) -> int | None:
    if word in _ONES:
        return _ONES[word]
    if word in _TEENS:
        return _TEENS[word]
    if word in _TENS:
        return _TENS[word]
    for tens, value in _TENS.items():
        if word.endswith("und" + tens):
            ones = _ONES.get(word[: -len(tens) - 3])
            return None if ones is None else ones + value
    return None


def _below_1000(word: str) -> int | None:
    head, sep, tail = word.partition("hundert")
    if not sep:
        return _below_100(word)
    hundreds = 1 if not head else _ONES.get(head)
    if hundreds is None:
        return None
    tail = tail.removeprefix("und")
    if not tail:
        return hundreds * 100
    rest = _below_100(tail)
    return None if rest is None else hundreds * 100 + rest


@lru_cache(maxsize=4096)
def parse_number_word(word: str) -> int | None:
    """The value of a German cardinal word below one million, or None.

    Compounds are read as written: "zweihundertfünfzig" is 250,
    "dreitausendfünfhundert" 3500, "einundzwanzig" 21; "eine" and its inflected
    forms are 1. Words of scale that stand apart ("Million") are `scale_word`'s.
    """
    word = word.strip().casefold()
    if not word:
        return None
    if word in _EIN_FORMS:
        return _EIN_FORMS[word]
    if not _NUMBER_WORD_RE.fullmatch(word):
        return None
    head, sep, tail = word.partition("tausend")
    if not sep:
        return _below_1000(word)
    thousands = 1 if not head else _below_1000(head)
    if thousands is None:
        return None
    tail = tail.removeprefix("und")
    if not tail:
        return thousands * 1000
    rest = _below_1000(tail)
    return None if rest is None else thousands * 1000 + rest


# ---------------------------------------------------------------- scale words

# word or abbreviation (casefolded, without a final dot) → factor
SCALES: dict[str, int] = {
    "tausend": 10**3, "tsd": 10**3,
    "million": 10**6, "millionen": 10**6, "mio": 10**6, "mill": 10**6,
    "milliarde": 10**9, "milliarden": 10**9, "mrd": 10**9, "mia": 10**9,
    "billion": 10**12, "billionen": 10**12, "bio": 10**12,
}


def scale_word(word: str) -> int | None:
    """The factor a scale word or abbreviation stands for ("Mio." → 10**6), or None."""
    return SCALES.get(word.casefold().rstrip("."))


# ---------------------------------------------------------------- numerals

_MINUS = "-−–"  # hyphen-minus, minus sign, en dash as tables print them
_SPACES = " \u00a0\u202f\u2009’"
_NUMERAL_RE = re.compile(
    rf"""
    (?P<sign>[{_MINUS}+])?\s?
    (?:
        (?P<dotted>\d{{1,3}}(?:\.\d{{3}})+)(?:,(?P<dfrac>\d+|-{{1,2}}|[–—]))?    # 1.234.567,89
      | (?P<spaced>\d{{1,3}}(?:[{_SPACES}']\d{{3}})+)(?:,(?P<sfrac>\d+|-{{1,2}}|[–—]))?  # 45 000
      | (?P<plain>\d+)(?:,(?P<pfrac>\d+|-{{1,2}}|[–—]))?                         # 45000,50
      | (?P<point>\d+)\.(?P<ptfrac>\d{{1,2}}|\d{{4,}})                          # 2.5 (point)
    )
    """,
    re.VERBOSE,
)


def parse_decimal(text: str) -> Decimal | None:
    """The exact value of a German numeral, or None if `text` is not one.

    Accepts "45.000", "45 000", "1.234,56", "45.000,-", "1,5", "-4,2", "2.5".
    """
    match = _NUMERAL_RE.fullmatch(text.strip())
    if match is None:
        return None
    whole = match["dotted"] or match["spaced"] or match["plain"] or match["point"]
    frac = match["dfrac"] or match["sfrac"] or match["pfrac"] or match["ptfrac"] or ""
    digits = re.sub(rf"[.{_SPACES}']", "", whole)
    if frac and not frac.isdigit():  # ",-" and ",--": no cents
        frac = ""
    try:
        value = Decimal(f"{digits}.{frac}" if frac else digits)
    except InvalidOperation:  # pragma: no cover - the pattern admits digits only
        return None
    if match["sign"] and match["sign"] in _MINUS:
        value = -value
    return value


def parse_numeral(text: str) -> float | None:
    """The value of a German numeral as a float, or None (see `parse_decimal`)."""
    value = parse_decimal(text)
    return None if value is None else float(value)


def to_float(value: Decimal | int) -> float:
    """A float for an exact value; integral values come out integral."""
    return float(value)
