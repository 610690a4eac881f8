"""PDF loading: pages, lines, running furniture, paragraphs and every kind of bad PDF.

The PDFs are generated here (tests/pdf_factory.py), so each test knows where every
word stands. Every test runs with both readers, pdfplumber and pdfium.
"""

from __future__ import annotations

import difflib
import importlib.util
import os
from itertools import pairwise
from pathlib import Path

import pytest
from pdf_factory import (
    Layout,
    Para,
    encrypt,
    make_pdf,
    no_pages_pdf,
    no_text_pdf,
    raw_pdf,
    release,
)

from pressparse.config import LoadSettings, PipelineSettings
from pressparse.errors import DocumentError
from pressparse.load import load
from pressparse.load.lines import Glyph, lines_of
from pressparse.normalise import NormalisedText, clean_line, normalise
from pressparse.segment import segment

READERS = ["pdfplumber", "pdfium"]
BODY_1 = Para([
    "Das Land fördert in diesem Jahr 55 Kommunen mit insgesamt 2,5 Millionen Euro aus",
    "dem Programm Digitale Zukunftskommune. Die Mittel gehen an Städte, Gemeinden",
    "und Landkreise.",
])
BODY_2 = Para([
    "Mit den regionalen Förderpro-",
    "grammen erreicht das Land auch kleinere Gemeinden im ländlichen Raum.",
])
FOOTER = ["Pressestelle · Musterstraße 1 · 12345 Musterstadt · Telefon 0123 4567-0",
          "presse@example.invalid · www.example.invalid"]


@pytest.fixture(params=READERS)
def reader(request: pytest.FixtureRequest) -> str:
    return request.param


def read(tmp_path: Path, data: bytes, reader: str, name: str = "r.pdf") -> NormalisedText:
    path = tmp_path / name
    path.write_bytes(data)
    return normalise(load(path, LoadSettings(pdf_reader=reader)))


def refused(tmp_path: Path, data: bytes, reader: str, name: str = "r.pdf") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(DocumentError) as info:
        load(path, LoadSettings(pdf_reader=reader))
    assert info.value.stage == "load"
    return info.value.reason


def paragraphs(norm: NormalisedText) -> list[str]:
    return norm.text.split("\n\n")


def test_pages_lines_fonts(tmp_path: Path, reader: str) -> None:
    data = make_pdf(Layout([release([BODY_1]), [BODY_2]], footer=FOOTER))
    path = tmp_path / "r.pdf"
    path.write_bytes(data)
    doc = load(path, LoadSettings(pdf_reader=reader))
    assert doc.is_pdf and [p.number for p in doc.pages] == [1, 2]
    first = doc.pages[0].lines
    assert first[0].text == "PRESSEMITTEILUNG" and first[0].bold and first[0].size == 16
    assert first[1].text == "Ein Titel" and first[1].bold and first[1].size == 15
    body = next(ln for ln in first if ln.text.startswith("Das Land"))
    assert not body.bold and body.size == 11 and body.x0 == pytest.approx(70, abs=1)
    assert all(a.top < b.top for a, b in pairwise(first))


def test_a_wrapped_bold_title_is_one_paragraph(tmp_path: Path, reader: str) -> None:
    title = ["Land fördert 55 Kommunen mit 2,5 Millionen Euro: Digitale",
             "Zukunftskommunen im ländlichen Raum ausgewählt"]
    norm = read(tmp_path, make_pdf(Layout([release([BODY_1], title=title)])), reader)
    assert paragraphs(norm)[:3] == ["PRESSEMITTEILUNG", " ".join(title),
                                    "Pressemitteilung vom 12.03.2024"]
    release_, _ = segment(norm)
    assert release_.date == "2024-03-12"
    assert release_.title == " ".join(title)


def test_running_footer_and_page_numbers_are_removed(tmp_path: Path, reader: str) -> None:
    pages = [release([BODY_1]), [BODY_2], [Para(["Der Minister dankt allen Beteiligten."])]]
    norm = read(tmp_path, make_pdf(Layout(pages, footer=FOOTER)), reader)
    assert "Pressestelle" not in norm.text and "presse@example" not in norm.text
    assert "Seite" not in norm.text and "von 3" not in norm.text
    assert paragraphs(norm)[-1] == "Der Minister dankt allen Beteiligten."
    assert "Förderprogrammen" in norm.text


@pytest.mark.parametrize("number", ["- {n} -", "{n}", "Seite {n}", "{n}/{total}"])
def test_page_number_shapes(tmp_path: Path, reader: str, number: str) -> None:
    layout = Layout([release([BODY_1]), [BODY_2]], page_number=number)
    norm = read(tmp_path, make_pdf(layout), reader)
    assert norm.text.endswith("im ländlichen Raum.")
    assert "Seite" not in norm.text and "- 1 -" not in norm.text


def test_a_running_header_is_removed(tmp_path: Path, reader: str) -> None:
    layout = Layout([release([BODY_1]), [BODY_2], [BODY_1]], header="Ministerium für Inneres",
                    page_number=None)
    norm = read(tmp_path, make_pdf(layout), reader)
    assert "Ministerium für Inneres" not in norm.text
    assert norm.text.startswith("PRESSEMITTEILUNG")


def test_one_page_footer_goes_a_footnote_stays(tmp_path: Path, reader: str) -> None:
    layout = Layout([release([BODY_1])], footer=FOOTER, footnote="*Stand: 1. März 2024")
    norm = read(tmp_path, make_pdf(layout), reader)
    assert "Pressestelle" not in norm.text and "Seite 1" not in norm.text
    assert paragraphs(norm)[-1] == "*Stand: 1. März 2024"


def test_text_repeating_at_one_height_on_few_pages_is_kept(tmp_path: Path, reader: str) -> None:
    item = Para(["Projekttitel und Beschreibung"])
    filler = Para(["Ein Absatz, der Platz braucht."] * 24)
    pages = [release([filler]), [filler, item], [filler, item], [filler], [filler]]
    norm = read(tmp_path, make_pdf(Layout(pages)), reader)
    assert norm.text.count("Projekttitel und Beschreibung") == 2


def test_a_word_split_over_a_page_break_and_page_offsets(tmp_path: Path, reader: str) -> None:
    filler = Para(["Ein Absatz, der Platz braucht."] * 28)
    page_1 = release([filler, Para(["Das Land unterstützt die Kommunen mit Förderpro-"])])
    page_2 = [Para(["grammen und Beratung, Weitere Informationen folgen."])]
    norm = read(tmp_path, make_pdf(Layout([page_1, page_2])), reader)
    assert "mit Förderprogrammen und Beratung, Weitere Informationen folgen." in norm.text
    assert len(norm.page_starts) == 2
    assert norm.page_at(norm.text.index("Förderprogrammen")) == 1
    assert norm.page_at(norm.text.index("Weitere Informationen")) == 2
    assert norm.page_at(norm.text.index("PRESSEMITTEILUNG")) == 1


def test_a_paragraph_continues_over_a_page_break(tmp_path: Path, reader: str) -> None:
    page_1 = release([Para(["Mit dem Programm erreicht das Land auch die"])])
    page_2 = [Para(["kleineren Gemeinden."]), Para(["Neuer Absatz."])]
    norm = read(tmp_path, make_pdf(Layout([page_1, page_2])), reader)
    assert "Mit dem Programm erreicht das Land auch die kleineren Gemeinden." in paragraphs(norm)
    assert paragraphs(norm)[-1] == "Neuer Absatz."


def test_a_page_ending_a_sentence_ends_the_paragraph(tmp_path: Path, reader: str) -> None:
    page_1 = release([Para(["Das Land fördert die Kommunen."])])
    page_2 = [Para(["die Gemeinden folgen im Herbst."])]
    norm = read(tmp_path, make_pdf(Layout([page_1, page_2])), reader)
    assert paragraphs(norm)[-2:] == ["Das Land fördert die Kommunen.",
                                     "die Gemeinden folgen im Herbst."]


def test_bullets_without_gaps_are_paragraphs(tmp_path: Path, reader: str) -> None:
    bullets = Para(["Gefördert werden:", "• Digitalisierungsstrategien der Kommunen,",
                    "• Projekte der Verwaltung und", "• Fortbildungen."])
    norm = read(tmp_path, make_pdf(Layout([release([bullets])])), reader)
    assert paragraphs(norm)[-4:] == ["Gefördert werden:",
                                     "• Digitalisierungsstrategien der Kommunen,",
                                     "• Projekte der Verwaltung und", "• Fortbildungen."]


def test_an_indented_justified_quotation_keeps_its_lines(tmp_path: Path, reader: str) -> None:
    body = Para(["Das Land fördert die Kommunen in diesem Jahr mit insgesamt rund zwei",
                 "Millionen Euro aus dem Programm, das seit 2018 besteht und nun wächst."],
                justify=True, gap_after=0.3)
    quote = Para(["Die Bewilligung erfolgt nach Maßgabe der verfügbaren Mittel des",
                  "Landeshaushalts und der Richtlinie vom 1. März 2024.",
                  "Ein Rechtsanspruch besteht nicht."], indent=30, width=380, justify=True)
    norm = read(tmp_path, make_pdf(Layout([release([body, quote])])), reader)
    assert paragraphs(norm)[-1] == " ".join(quote.lines[:2]) + " " + quote.lines[2]


def test_a_bullet_and_its_tab_are_no_table(tmp_path: Path, reader: str) -> None:
    items = Para([[(0, "•"), (25, "Digitalisierungsstrategien der Kommunen,")],
                  [(0, "1."), (25, "Projekte der Verwaltung.")]])
    norm = read(tmp_path, make_pdf(Layout([release([BODY_1, items])])), reader)
    assert paragraphs(norm)[-2:] == ["• Digitalisierungsstrategien der Kommunen,",
                                     "1. Projekte der Verwaltung."]


def test_symbol_font_bullets() -> None:
    """Word's bullets come from the Symbol font as U+F0B7, followed by a tab."""
    glyphs = [Glyph("\uf0b7", 70, 75, 100, 111, 11, False)]
    x = 88.0
    for char in "Förderung":
        glyphs.append(Glyph(char, x, x + 6, 100, 111, 11, False))
        x += 6
    assert [ln.text for ln in lines_of(glyphs)] == ["•\tFörderung"]
    assert clean_line("•\tFörderung") == "• Förderung"


def test_table_cells_are_separated(tmp_path: Path, reader: str) -> None:
    rows = Para([[(0, "Träger"), (160, "Projekt"), (330, "Betrag")],
                 [(0, "Kulturverein e.V."), (160, "Lesesommer"), (330, "12.500 €")]])
    norm = read(tmp_path, make_pdf(Layout([release([rows])])), reader)
    assert "Träger | Projekt | Betrag" in norm.text
    assert "Kulturverein e.V. | Lesesommer | 12.500 €" in norm.text


def test_a_table_cell_wrapping_onto_a_second_line(tmp_path: Path, reader: str) -> None:
    row = Para([[(0, "Galerie am"), (160, "Hauptstraße 9"), (330, "Di bis Fr 10-")],
                [(0, "Markt"), (330, "18 Uhr")]], size=8)
    norm = read(tmp_path, make_pdf(Layout([release([BODY_1, row])])), reader)
    assert "Galerie am Markt | Hauptstraße 9 | Di bis Fr 10-18 Uhr" in norm.text


def test_wide_gaps_of_a_justified_line_are_no_table(tmp_path: Path, reader: str) -> None:
    para = Para(["Informationen unter", "https://www.example.de/foerderung/digitale-zukunftskommunen",
                 "und im Rathaus.", "Ende."], justify=True)
    norm = read(tmp_path, make_pdf(Layout([release([para])])), reader)
    assert "|" not in norm.text
    assert "Informationen unter https://www.example.de/foerderung/digitale-zukunftskommunen" \
        " und im Rathaus. Ende." in norm.text


def test_turned_text_is_left_out_slanted_text_is_kept(tmp_path: Path, reader: str) -> None:
    slanted = Para(["Das Programm läuft bis 2026."], slant=12)
    layout = Layout([release([BODY_1, slanted])], margin_note="Druckvermerk 04/2024 ABC")
    norm = read(tmp_path, make_pdf(layout), reader)
    assert "Druckvermerk" not in norm.text
    assert paragraphs(norm)[-1] == "Das Programm läuft bis 2026."


def test_a_font_scaled_by_the_text_matrix(tmp_path: Path, reader: str) -> None:
    """ "1 Tf" and an 11-fold text matrix is 11-point text, as many producers write it."""
    content = (b"BT /F1 1 Tf 11 0 0 11 70 700 Tm (F\366rderprogramm des Landes) Tj "
               b"11 0 0 11 70 684 Tm (geht weiter.) Tj ET")
    path = tmp_path / "r.pdf"
    path.write_bytes(raw_pdf(content))
    lines = load(path, LoadSettings(pdf_reader=reader)).pages[0].lines
    assert [(ln.text, ln.size) for ln in lines] == [("Förderprogramm des Landes", 11.0),
                                                   ("geht weiter.", 11.0)]


def test_typographic_characters_survive(tmp_path: Path, reader: str) -> None:
    body = Para(["„Großartig“, sagte die Ministerin – 5 € je Einwohner."])
    norm = read(tmp_path, make_pdf(Layout([release([body])])), reader)
    assert "„Großartig“, sagte die Ministerin – 5 € je Einwohner." in norm.text


def test_both_readers_give_the_same_text(tmp_path: Path) -> None:
    layout = Layout([release([BODY_1, BODY_2]), [BODY_1], [BODY_2]], footer=FOOTER)
    data = make_pdf(layout)
    plumber, pdfium = (read(tmp_path, data, r) for r in READERS)
    assert plumber.text == pdfium.text and plumber.page_starts == pdfium.page_starts


@pytest.mark.skipif(importlib.util.find_spec("pressparse.extract.dates") is None,
                    reason="needs the dates extractor")
def test_mentions_and_sections_carry_their_page(tmp_path: Path) -> None:
    from pressparse.pipeline import Pipeline

    page_2 = [Para(["Die Bewerbungsfrist endet am 30. September 2024."])]
    path = tmp_path / "r.pdf"
    path.write_bytes(make_pdf(Layout([release([BODY_1]), page_2], footer=FOOTER)))
    settings = PipelineSettings.model_validate(
        {"nlp": {"model": "none"}, "extract": {"facts": ["dates"]}})
    record = Pipeline(settings).process(path)
    assert record.kind == "record", record
    assert record.source.pages == 2
    mentions = [m for d in record.dates for m in d.mentions
                if record.text[m.start:m.end].startswith("30. September")]
    assert mentions and all(m.page == 2 for m in mentions)
    assert record.sections and record.sections[-1].page == 2


# --- bad input: every one refused with a reason saying what is wrong ---------------


def test_zero_bytes(tmp_path: Path, reader: str) -> None:
    assert "empty file" in refused(tmp_path, b"", reader)


def test_random_bytes(tmp_path: Path, reader: str) -> None:
    assert "not a PDF" in refused(tmp_path, os.urandom(5000), reader)


def test_text_named_pdf(tmp_path: Path, reader: str) -> None:
    text = "Pressemitteilung vom 12.03.2024\n\nDas Land fördert.".encode()
    assert "not a PDF" in refused(tmp_path, text, reader)


def test_truncated(tmp_path: Path, reader: str) -> None:
    data = make_pdf(Layout([release([BODY_1]), [BODY_2]]))
    assert "truncated PDF" in refused(tmp_path, data[: len(data) // 2], reader)


def test_damaged_inside(tmp_path: Path, reader: str) -> None:
    data = make_pdf(Layout([release([BODY_1])]))
    start = data.index(b"stream") + 10
    broken = data[:start] + b"\x00garbage" * 40 + data[start + 320 :]
    reason = refused(tmp_path, broken, reader)
    assert "PDF" in reason


def test_encrypted(tmp_path: Path, reader: str) -> None:
    data = encrypt(make_pdf(Layout([release([BODY_1])])), user_password="geheim")
    assert "encrypted PDF" in refused(tmp_path, data, reader)


def test_encrypted_only_against_editing_is_read(tmp_path: Path, reader: str) -> None:
    data = encrypt(make_pdf(Layout([release([BODY_1])])), user_password="")
    assert "55 Kommunen" in read(tmp_path, data, reader).text


def test_no_pages(tmp_path: Path, reader: str) -> None:
    assert "no pages" in refused(tmp_path, no_pages_pdf(), reader)


def test_a_scanned_page_among_text_pages_is_reported(tmp_path: Path, reader: str) -> None:
    layout = Layout([release([BODY_1]), [], [BODY_2]], page_number=None)
    path = tmp_path / "r.pdf"
    path.write_bytes(make_pdf(layout))
    doc = load(path, LoadSettings(pdf_reader=reader))
    assert len(doc.pages) == 3 and not doc.pages[1].lines
    assert doc.warnings == ["no text on page 2: scanned pages without a text layer are left out"]
    norm = normalise(doc)
    assert norm.page_at(norm.text.index("Förderprogrammen")) == 3


def test_no_text_layer(tmp_path: Path, reader: str) -> None:
    assert "no text" in refused(tmp_path, no_text_pdf(), reader)


def test_too_many_pages(tmp_path: Path, reader: str) -> None:
    path = tmp_path / "r.pdf"
    path.write_bytes(make_pdf(Layout([[BODY_1]] * 3)))
    with pytest.raises(DocumentError, match="too many pages"):
        load(path, LoadSettings(pdf_reader=reader, max_pages=2))


def test_a_pdf_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(make_pdf(Layout([release([BODY_1])])))
    with pytest.raises(DocumentError, match="PDF named as text"):
        load(path)


# --- the dev corpus: its PDFs read as its texts --------------------------------------

DEV = Path("/work/shared/corpus/dev")


def _words(path: Path, reader: str = "pdfplumber") -> list[str]:
    return normalise(load(path, LoadSettings(pdf_reader=reader))).text.split()


def _difference(a: list[str], b: list[str]) -> tuple[int, int]:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return len(a) + len(b) - 2 * matched, len(a) + len(b)


@pytest.mark.skipif(not (DEV / "pdf").is_dir(), reason="needs the dev corpus")
@pytest.mark.parametrize("reader", READERS)
def test_dev_pdfs_read_as_their_texts(reader: str) -> None:
    total_diff = total = 0
    for pdf in sorted((DEV / "pdf").glob("*.pdf")):
        diff, words = _difference(_words(DEV / f"{pdf.stem}.txt"), _words(pdf, reader))
        assert diff / words < 0.02, pdf.name
        if pdf.stem == "bw-seed-2019-03-31":
            assert diff / words < 0.01
        total_diff += diff
        total += words
    assert total and total_diff / total < 0.02
