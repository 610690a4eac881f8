"""The shipped register and what the municipality matcher makes of the evidence around a name."""

from __future__ import annotations

from collections import Counter
from importlib.resources import files

import pytest

from pressparse.config import PipelineSettings
from pressparse.extract.municipalities import extract_municipalities
from pressparse.gazetteer import load_gazetteer
from pressparse.pipeline import Pipeline

ATTRIBUTION = "© Statistisches Bundesamt (Destatis), 2023, dl-de/by-2-0; Daten verändert"


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def test_register_counts(gaz) -> None:
    levels = Counter(e.level for e in gaz.entries.values())
    assert levels == {"gemeinde": 10_773, "kreis": 400, "land": 16}


def test_entries_carry_the_official_facts(gaz) -> None:
    stuttgart = gaz.entries["08111000"]
    assert (stuttgart.name, stuttgart.type, stuttgart.land) == (
        "Stuttgart", "Stadtkreis", "Baden-Württemberg")
    assert stuttgart.population > 500_000
    landkreis = gaz.entries["08215"]
    assert (landkreis.name, landkreis.level, landkreis.type) == (
        "Landkreis Karlsruhe", "kreis", "Landkreis")
    assert landkreis.population == sum(
        e.population for e in gaz.entries.values() if e.kreis == "08215")
    assert gaz.kreis_of(gaz.entries["08118048"]).name == "Landkreis Ludwigsburg"


def test_keys_are_unique_and_well_formed(gaz) -> None:
    for key, entry in gaz.entries.items():
        assert len(key) == {"gemeinde": 8, "kreis": 5, "land": 2}[entry.level]
        if entry.level == "gemeinde":
            assert entry.kreis == key[:5] and entry.kreis in gaz.entries


@pytest.mark.parametrize(("form", "key"), [
    ("Frankfurt/Oder", "12053000"), ("Frankfurt (Oder)", "12053000"),
    ("Stetten a.k.M.", "08437107"), ("Freiburg i. Br.", "08311000"),
    ("Weiden in der Oberpfalz", "09363000"), ("St. Ingbert", "10045117"),
    ("Bad Homburg vor der Höhe", "06434001"), ("Rhein-Neckar-Kreis", "08226"),
])
def test_name_variants(gaz, form: str, key: str) -> None:
    assert key in {v.entry.key for v in gaz.lookup(form)}


def test_short_forms_are_marked(gaz) -> None:
    freiburg = {v.entry.key: v.short for v in gaz.lookup("Freiburg")}
    assert freiburg["08311000"] is True


def test_districts_of_city_states(gaz) -> None:
    assert gaz.districts["Lichtenberg"] == "11000000"
    assert gaz.districts["Marzahn-Hellersdorf"] == "11000000"
    assert gaz.districts["Altona"] == "02000000"
    assert gaz.district_kinds["Lichtenberg"] == "bezirk"


def test_attribution_ships_beside_the_data() -> None:
    notice = files("pressparse.data").joinpath("gazetteer.NOTICE.txt").read_text("utf-8")
    assert ATTRIBUTION in notice
    head = files("pressparse.data").joinpath("gazetteer.tsv").read_text("utf-8")[:300]
    assert ATTRIBUTION in head


def _found(text: str, gaz, ents=None) -> dict[str | None, float]:
    return {m.ags: m.confidence for m in extract_municipalities(text, gaz, None, ents)}


def test_confidence_follows_the_evidence(gaz) -> None:
    strong = _found("Die Landeshauptstadt Stuttgart lädt ein.", gaz)["08111000"]
    bare = _found("Neues aus Mannheim: Stuttgart lädt ein.", gaz)["08111000"]
    homonym = _found("Das Fest in Bernau beginnt.", gaz)
    assert strong > bare
    assert max(homonym.values()) < strong


def test_one_fact_per_municipality_with_every_mention(gaz) -> None:
    text = "Berlin wächst. In Berlin leben viele Menschen, sagt der Senat in Berlin."
    facts = extract_municipalities(text, gaz)
    assert len(facts) == 1
    assert [m.text for m in facts[0].mentions] == ["Berlin"] * 3
    for m in facts[0].mentions:
        assert text[m.start:m.end] == m.text


def test_cue_word_is_part_of_the_mention(gaz) -> None:
    text = "Der Landkreis Tuttlingen fördert Vereine."
    (fact,) = extract_municipalities(text, gaz)
    assert fact.mentions[0].text == "Landkreis Tuttlingen"
    assert (fact.level, fact.land, fact.type) == ("kreis", "Baden-Württemberg", "Landkreis")


def test_issuer_decides_a_homonym(gaz) -> None:
    text = "Der Festzug zieht durch Neustadt."
    assert _found(text, gaz) == {}
    facts = extract_municipalities(text, gaz, "Ministerium des Innern Rheinland-Pfalz")
    assert [f.ags for f in facts] == ["07316000"]


def test_berlin_district_or_gemeinde_by_the_release(gaz) -> None:
    text = "Die Bibliothek in Lichtenberg öffnet wieder."
    assert extract_municipalities(text, gaz, "Bezirksamt Lichtenberg von Berlin") == []
    assert extract_municipalities(text, gaz) == []
    bavarian = extract_municipalities(text, gaz, "Landratsamt Hof, Bayern")
    assert [f.ags for f in bavarian] == ["09475146"]
    saxon = extract_municipalities(text, gaz, "Staatsministerium des Freistaates Sachsen")
    assert [f.land for f in saxon] == ["Sachsen"]


def test_ner_location_strengthens_a_name_but_does_not_admit_a_common_word(gaz) -> None:
    text = "Kuchen bekommt einen neuen Bahnhof."
    assert _found(text, gaz) == {}
    assert _found(text, gaz, [(0, 6, "LOC")]) == {}
    street = "Der Umzug führt Unter den Linden entlang."
    start = street.index("Linden")
    assert _found(street, gaz, [(start, start + 6, "LOC")]) == {}
    city = "Mannheim baut einen neuen Bahnhof."
    assert _found(city, gaz, [(0, 8, "LOC")])["08222000"] > _found(city, gaz)["08222000"]


def test_ner_person_or_organisation_around_a_name_rejects_it(gaz) -> None:
    text = "Mannheim sprach gestern über Kunst in Ulm."
    assert "08222000" in _found(text, gaz)
    assert "08222000" not in _found(text, gaz, [(0, 8, "PER")])
    org = "Hamburg Wasser baut neue Leitungen."
    assert "02000000" in _found(org, gaz)
    assert "02000000" not in _found(org, gaz, [(0, 14, "ORG")])


def test_ner_labels_do_not_overrule_the_text_s_own_cues(gaz) -> None:
    """A statistical label around a name in a list of places, or after "in", is outvoted."""
    text = "Die Studie nennt den Atlas Freiburg, Heidelberg und Ulm als Vorreiter."
    start = text.index("Atlas")
    ents = [(start, start + len("Atlas Freiburg"), "ORG")]
    assert "08311000" in _found(text, gaz, ents)
    prep = "Die Tagung findet in Ulm statt."
    assert "08421000" in _found(prep, gaz, [(prep.index("Ulm"), len(prep) - 7, "ORG")])


def test_component_fills_facts_and_spans() -> None:
    settings = PipelineSettings.model_validate({"nlp": {"model": "none"},
                                                "extract": {"facts": ["municipalities"]}})
    pipeline = Pipeline(settings)
    record = pipeline.process_text("Titel\n\nDie Städte Ulm und Heidelberg erhalten Geld.")
    assert {m.ags for m in record.municipalities} == {"08421000", "08221000"}
    assert all(m.extractor == "pressparse_municipalities" for m in record.municipalities)
    doc = pipeline.nlp(pipeline.nlp.make_doc("In Ulm."))
    assert [s.text for s in doc.spans["municipalities"]] == ["Ulm"]
