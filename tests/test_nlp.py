"""The spaCy pipeline on its own: what a user who calls `nlp(text)` gets."""

from __future__ import annotations

import pytest

from pressparse.config import NlpSettings
from pressparse.nlp import build_nlp


def test_nlp_called_on_a_string_fills_the_facts() -> None:
    nlp, ner = build_nlp(NlpSettings(model="none"), ["municipalities", "amounts"])
    assert ner == "none"
    assert nlp.pipe_names[:2] == ["pressparse_doc", "sentencizer"]
    doc = nlp("Die Stadt Ulm erhält bis zu 45.000 Euro.")
    assert [m.ags for m in doc._.facts["municipalities"]] == ["08421000"]
    assert [(a.value, a.qualifier) for a in doc._.facts["amounts"]] == [(45000.0, "up_to")]
    assert [s.text for s in doc.spans["amounts"]] == ["bis zu 45.000 Euro"]


def test_an_unknown_fact_type_is_refused() -> None:
    with pytest.raises(ValueError, match="no extractor for fact type 'weather'"):
        build_nlp(NlpSettings(model="none"), ["weather"])


def test_an_uninstalled_model_is_named() -> None:
    with pytest.raises(ValueError, match="de_core_news_xx"):
        build_nlp(NlpSettings(model="de_core_news_xx"), [])


def test_entities_read_the_same_spans_as_doc_ents() -> None:
    from pressparse.nlp import entities, shipped_model_path

    if shipped_model_path() is None:
        pytest.skip("no shipped NER in this checkout")
    nlp, _ = build_nlp(NlpSettings(), [])
    for text in ("Bundeskanzlerin Angela Merkel besuchte die Siemens AG in München.",
                 "Der Verein Freunde des Tierparks Dresden e.V. lädt nach Pirna ein.",
                 "Keine Namen hier.", ""):
        doc = nlp(text)
        assert entities(doc) == [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        assert entities(doc) is entities(doc)  # read once per Doc
