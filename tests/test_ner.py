"""The shipped statistical NER: it loads, names itself, and tags plain PER/LOC/ORG."""

from __future__ import annotations

import json

import pytest
import spacy

from pressparse.config import NlpSettings, PipelineSettings
from pressparse.nlp import SHIPPED_NER, build_nlp, load_base, shipped_model_path
from pressparse.pipeline import Pipeline

MODEL = shipped_model_path()
needs_model = pytest.mark.skipif(MODEL is None, reason="no NER shipped in pressparse/data/ner")


@pytest.fixture(scope="module")
def ner() -> spacy.language.Language:
    assert MODEL is not None
    return spacy.load(MODEL, exclude=["parser", "lemmatizer", "tagger", "morphologizer"])


def ents(nlp: spacy.language.Language, text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in nlp(text).ents}


@needs_model
def test_meta_names_model_and_corpora() -> None:
    assert MODEL is not None
    meta = json.loads((MODEL / "meta.json").read_text(encoding="utf-8"))
    assert meta["name"] == "pressparse_ner"
    assert meta["lang"] == "de"
    assert set(meta["labels"]["ner"]) == {"PER", "LOC", "ORG"}
    sources = " ".join(s["name"] for s in meta["sources"])
    for corpus in ("GermEval", "MobIE", "LER"):
        assert corpus in sources
    assert all(s["license"] == "CC BY 4.0" for s in meta["sources"])
    assert "CC BY 4.0" in (MODEL / "LICENSE").read_text(encoding="utf-8")


@needs_model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bundeskanzlerin Angela Merkel hat am Montag in Berlin mit Vertretern der "
            "Länder über die Energiewende beraten.",
            {("Angela Merkel", "PER"), ("Berlin", "LOC")},
        ),
        (
            "Der Vorstandsvorsitzende der Deutschen Bahn, Richard Lutz, stellte die "
            "Pläne in Frankfurt am Main vor.",
            {("Richard Lutz", "PER"), ("Frankfurt am Main", "LOC")},
        ),
        (
            "Die Siemens AG will in München rund 500 neue Arbeitsplätze schaffen, "
            "teilte das Unternehmen mit.",
            {("Siemens AG", "ORG"), ("München", "LOC")},
        ),
        (
            "Oberbürgermeister Peter Kurz begrüßte die Entscheidung der Europäischen "
            "Union, das Projekt in Mannheim zu fördern.",
            {("Peter Kurz", "PER"), ("Europäischen Union", "ORG"), ("Mannheim", "LOC")},
        ),
    ],
)
def test_tags_obvious_entities(
    ner: spacy.language.Language, text: str, expected: set[tuple[str, str]]
) -> None:
    found = ents(ner, text)
    missing = expected - found
    assert not missing, f"missing {missing}, found {found}"


@needs_model
def test_no_entities_in_plain_sentence(ner: spacy.language.Language) -> None:
    text = "Die Arbeiten sollen im kommenden Frühjahr beginnen und etwa zwei Jahre dauern."
    assert ents(ner, text) == set()


@needs_model
def test_pipeline_reports_shipped_ner() -> None:
    nlp, name = load_base(NlpSettings(model=SHIPPED_NER))
    assert name == "pressparse-ner-0.1.0"
    assert "ner" in nlp.pipe_names
    doc = nlp("Ministerpräsident Winfried Kretschmann besuchte am Freitag Stuttgart.")
    assert ("Winfried Kretschmann", "PER") in {(e.text, e.label_) for e in doc.ents}


@pytest.mark.parametrize("model", ["none", SHIPPED_NER])
def test_record_names_the_ner(model: str) -> None:
    settings = PipelineSettings(nlp=NlpSettings(model=model))
    record = Pipeline(settings).process_text("Die Stadt Köln erhält Fördermittel des Landes.")
    expected = "none" if model == "none" or MODEL is None else "pressparse-ner-0.1.0"
    assert record.pipeline.ner == expected


def test_rules_run_without_statistical_model() -> None:
    nlp, name = build_nlp(NlpSettings(model="none"), [])
    assert name == "none"
    assert "ner" not in nlp.pipe_names
    assert len(list(nlp("Die Stadt Köln erhält Fördermittel.").sents)) == 1
