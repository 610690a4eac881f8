"""German numerals and number words (`pressparse.lang.de.numbers`), which the amounts and
dates extractors share: values must be exact."""

from __future__ import annotations

import pytest

from pressparse.lang.de.numbers import parse_decimal, parse_number_word, parse_numeral


@pytest.mark.parametrize(("word", "value"), [
    ("eins", 1), ("eine", 1), ("Einem", 1), ("zwei", 2), ("zehn", 10), ("elf", 11),
    ("dreizehn", 13), ("siebzehn", 17), ("zwanzig", 20), ("einundzwanzig", 21),
    ("dreißig", 30), ("fünfzig", 50), ("neunundneunzig", 99), ("hundert", 100),
    ("einhundert", 100), ("hunderteins", 101), ("zweihundertfünfzig", 250),
    ("tausend", 1000), ("dreitausendfünfhundert", 3500), ("zweihunderttausend", 200000),
    ("Zwölf", 12),
])
def test_number_word(word: str, value: int) -> None:
    assert parse_number_word(word) == value


@pytest.mark.parametrize(
    "word", ["", "und", "Eisen", "zehnte", "elfhundert", "Million", "zweiundzwei"])
def test_not_a_number_word(word: str) -> None:
    assert parse_number_word(word) is None


@pytest.mark.parametrize(("text", "value"), [
    ("45.000", 45000.0), ("45 000", 45000.0), ("1,5", 1.5), ("1.234,56", 1234.56),
    ("1.234.567,89", 1234567.89), ("45.000,-", 45000.0), ("2100,--", 2100.0), ("3,—", 3.0),
    ("45.000,00", 45000.0), ("-4,2", -4.2), ("−4,2", -4.2), ("2.5", 2.5), ("2019", 2019.0),
    ("0,30", 0.3),
])
def test_numeral(text: str, value: float) -> None:
    assert parse_numeral(text) == value


@pytest.mark.parametrize("text", ["", "1.5.2019", "12.34.5", "abc", "4,2 Mio."])
def test_not_a_numeral(text: str) -> None:
    assert parse_numeral(text) is None


def test_decimal_is_exact() -> None:
    value = parse_decimal("1,1")
    assert value is not None and float(value * 1_000_000) == 1_100_000.0
