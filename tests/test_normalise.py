"""Normalising: de-hyphenation (cases as data), paragraphs, Unicode, page offsets."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest

from pressparse.config import NormaliseSettings
from pressparse.layout import Line, LoadedDocument, Page
from pressparse.normalise import NormalisedText, clean_line, normalise
from pressparse.normalise.dehyphenate import Dehyphenator, Junction
from pressparse.normalise.furniture import remove_furniture
from pressparse.normalise.wordlist import is_word

DATA = Path(__file__).parent / "data"


def _cases() -> list:
    with (DATA / "dehyphenation.tsv").open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
                if r and not r[0].startswith("#")]
    return [pytest.param(*r, id=f"{i}-{r[4]}") for i, r in enumerate(rows, 1)]


def pdf_document(*paragraphs: list[str], size: float = 11.0) -> LoadedDocument:
    """A one-page PDF-like document: lines in full width, paragraphs apart."""
    lines: list[Line] = []
    top = 100.0
    for para in paragraphs:
        for text in para:
            lines.append(Line(text, top, top + size, 70.0, 520.0, size))
            top += size * 1.4
        top += size * 1.4
    page = Page(1, lines, 595.0, 842.0)
    return LoadedDocument("x.pdf", "application/pdf", "0" * 64, 1, [page])


def text_document(text: str) -> LoadedDocument:
    from pressparse.load.text import read_text

    pages, encoding = read_text(text.encode("utf-8"))
    return LoadedDocument("x.txt", "text/plain", "0" * 64, 1, pages, encoding=encoding)


def test_the_word_list_ships_with_the_package() -> None:
    assert is_word("Förderprogramme") and is_word("gemeinden")
    assert not is_word("förderpro")


@pytest.mark.parametrize(("line_a", "line_b", "expected", "context", "note"), _cases())
def test_dehyphenation(line_a: str, line_b: str, expected: str, context: str, note: str) -> None:
    doc = pdf_document([line_a, line_b], *([[context]] if context else []))
    assert normalise(doc).text.split("\n\n")[0] == expected, note


def test_at_least_thirty_dehyphenation_cases() -> None:
    assert len(_cases()) >= 30


def test_the_document_decides_before_the_word_list() -> None:
    plain = Dehyphenator.for_lines(["nichts dazu"])
    told = Dehyphenator.for_lines(["Das Smart-Konzept", "und das Smart-Konzept"])
    assert plain.junction("ein Smart-", "konzept") is Junction.JOIN
    assert told.junction("ein Smart-", "konzept") is Junction.KEEP


def test_line_end_fragments_are_no_evidence() -> None:
    """The fragments of a split word must not count as how the document spells it."""
    dehyph = Dehyphenator.for_lines(["die Förder-", "programme"])
    assert dehyph.pairs.get("förder-programme") is None
    assert "förder" not in dehyph.segments


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Verfasser sehen Förderpro-\n\ngramme als Treiber.",
         "Die Verfasser sehen Förderprogramme als Treiber."),
        ("Wir werden nicht nachlassen und sol-\n\nlen weiter fördern.",
         "Wir werden nicht nachlassen und sollen weiter fördern."),
        ("Brötchen aus Marzahn-\n\nHellersdorf", "Brötchen aus Marzahn-Hellersdorf"),
        ("von Lebens-\n\nund Wirtschaftsbereichen", "von Lebens- und Wirtschaftsbereichen"),
    ],
)
def test_words_split_over_a_blank_line_in_text_files(text: str, expected: str) -> None:
    assert normalise(text_document(text)).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "- Treskowallee 157 – Therapieeinrichtung-\n- Ehrlichstraße 80 – Neubau",
        "Weitere Informationen: https://www.example.de/projekte/\n\nAnna Berg leitet das Projekt.",
        "Eine Geburtstagsparty -\n\nPressemitteilung vom 29.09.2020",
        "Lola Rubio, Violine /\n\nDaniel Gómez, Cello",
    ],
)
def test_paragraphs_that_stay_apart(text: str) -> None:
    assert normalise(text_document(text)).text.count("\n\n") == 1


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("In einer Fortsetzung sollten deshalb die\n\nAktivitäten der Gemeinden untersucht werden.",
         1),
        ("Die Senatsverwaltung für Gesundheit, Pflege und\n\nGleichstellung lädt ein.", 1),
        ("Der Bezirk erhält Mittel des\n\nBundesfamilienministeriums.", 1),
        ("Senat legt Bericht zum Lieferkettengesetz vor\n\nPressemitteilung vom 24.08.2021", 2),
        ("Sieben Freizeitstätten machen mit\n\nPressemitteilung vom 01.04.2021", 2),
        ("Wir schaffen das\n\nDer Senat beschließt das Programm.", 2),
        ("Anmeldung per E-Mail oder\n\n- telefonisch im Bürgeramt", 2),
    ],
)
def test_a_sentence_cut_by_a_blank_line(text: str, paragraphs: int) -> None:
    assert normalise(text_document(text)).text.count("\n\n") == paragraphs - 1


WRAPPED_PARAGRAPHS = [
    "Pressemitteilung vom 12.03.2024",
    "Land fördert Digitalisierung in 55 Kommunen",
    "Das Land unterstützt in diesem Jahr 55 Städte und Gemeinden mit insgesamt 2,5 Millionen "
    "Euro aus dem Programm Digitale Zukunftskommune. Die Mittel gehen an Projekte der "
    "Verwaltung, an Schulen und an die Förderprogramme der Landkreise, die damit kleinere "
    "Gemeinden erreichen sollen. Die Ministerin sagte, das Programm werde bis 2026 fortgesetzt.",
    "Gefördert werden:",
    "- Digitalisierungsstrategien der Kommunen,",
    "- Projekte der Verwaltung, die Bürgerinnen und Bürgern den Weg ins Rathaus ersparen, "
    "und Vorhaben der Schulträger im ländlichen Raum,",
    "- Fortbildungen.",
    "Weitere Informationen gibt es im Internet und bei den Landratsämtern, die auch die "
    "Anträge entgegennehmen.",
]


def test_a_hard_wrapped_text_file_is_read_as_paragraphs() -> None:
    """An e-mail wrapped at 72 characters: a paragraph is the lines up to a blank line,
    a bullet or a line that ended although the next word would have fitted."""
    import textwrap

    blocks = [WRAPPED_PARAGRAPHS[0], WRAPPED_PARAGRAPHS[1], WRAPPED_PARAGRAPHS[2],
              "\n".join(textwrap.fill(p, 72, subsequent_indent="  " if p[0] == "-" else "")
                        for p in WRAPPED_PARAGRAPHS[3:7]),
              textwrap.fill(WRAPPED_PARAGRAPHS[7], 72)]
    text = "\n\n".join(textwrap.fill(b, 72) if "\n" not in b else b for b in blocks)
    assert max(len(line) for line in text.splitlines()) <= 72
    assert normalise(text_document(text)).text.split("\n\n") == WRAPPED_PARAGRAPHS


@pytest.mark.parametrize(
    "lines",
    [
        [f"Zeile {i} mit etwas Text." for i in range(20)],
        [f"Die Gemeinde Musterstadt {i} erhält {i + 10}.000 Euro." for i in range(12)],
    ],
)
def test_lines_of_a_list_are_no_hard_wrap(lines: list[str]) -> None:
    assert normalise(text_document("\n".join(lines))).text.split("\n\n") == lines


def test_dehyphenation_can_be_switched_off() -> None:
    doc = pdf_document(["regionale Förderpro-", "gramme"])
    text = normalise(doc, NormaliseSettings(dehyphenate=False)).text
    assert text == "regionale Förderpro- gramme"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Gru\u0308ße aus Ko\u0308ln", "Grüße aus Köln"),  # decomposed umlauts → NFC
        ("„Smart-City-Atlas“ und »Zitat«", "„Smart-City-Atlas“ und »Zitat«"),
        ("20\u00a0000\u202fEuro", "20 000 Euro"),
        ("Förder\u00adprogramm", "Förderprogramm"),  # a soft hyphen inside a word
        ("Förderpro\u00ad", "Förderpro-"),  # a soft hyphen at the line end splits a word
        ("\ufb01nanziert und \ufb02exibel", "finanziert und flexibel"),  # ligatures
        ("Baden\u2011Württemberg", "Baden-Württemberg"),  # non-breaking hyphen
        ("  zwei   Leerzeichen\t", "zwei Leerzeichen"),
        ("Null\u200bbreite", "Nullbreite"),
    ],
)
def test_clean_line(raw: str, clean: str) -> None:
    assert clean_line(raw) == clean
    assert unicodedata.is_normalized("NFC", clean_line(raw))


def test_a_soft_hyphen_at_the_line_end_joins_the_word() -> None:
    doc = pdf_document(["die regionalen Förderpro\u00ad", "gramme des Landes"])
    assert normalise(doc).text == "die regionalen Förderprogramme des Landes"


def test_text_files_keep_their_lines_as_paragraphs() -> None:
    text = "Titel der Mitteilung\n\nErster Absatz.\nZweiter Absatz.\r\nDritter.\n"
    assert normalise(text_document(text)).text == (
        "Titel der Mitteilung\n\nErster Absatz.\n\nZweiter Absatz.\n\nDritter."
    )


def test_page_offsets() -> None:
    pages = [
        Page(1, [Line("Erste Seite endet hier.", 100, 111, 70, 300, 11)], 595, 842),
        Page(2, [Line("Zweite Seite.", 100, 111, 70, 300, 11)], 595, 842),
        Page(3, [Line("Dritte Seite.", 100, 111, 70, 300, 11)], 595, 842),
    ]
    doc = LoadedDocument("x.pdf", "application/pdf", "0" * 64, 1, pages)
    norm = normalise(doc)
    assert len(norm.page_starts) == 3
    for page, word in ((1, "Erste"), (2, "Zweite"), (3, "Dritte")):
        assert norm.page_at(norm.text.index(word)) == page
    assert norm.page_at(len(norm.text) - 1) == 3


def test_text_files_have_no_pages() -> None:
    norm = normalise(text_document("Ein Satz."))
    assert norm.page_starts == [] and norm.page_at(0) is None
    assert NormalisedText("x", [0]).page_at(0) == 1


@pytest.mark.parametrize(
    "number", ["Seite 2 von 3", "Seite 2", "S. 2/3", "- 2 -", "– 2 –", "2", "2/3", "2 von 3", "ii"]
)
def test_page_number_shapes_at_the_page_edge(number: str) -> None:
    body = [Line(f"Zeile {i} des Textes.", 100 + 14 * i, 111 + 14 * i, 70, 520, 11)
            for i in range(40)]
    bottom = Line(number, 780, 791, 70, 100, 11)
    kept = remove_furniture([Page(1, [*body, bottom], 595, 842)])[0].lines
    assert kept == body


def test_a_number_ending_the_text_above_the_band_stays() -> None:
    lines = [Line("Die Zahl der Projekte:", 100, 111, 70, 300, 11),
             Line("12", 114, 125, 70, 90, 11)]
    assert remove_furniture([Page(1, lines, 595, 842)])[0].lines == lines
