"""What the amounts component leaves for later components and the record, beyond the
example corpus: one fact per value with all its mentions, and spans that carry their
amount (the two ends of a range share a span's text but not its amount)."""

from __future__ import annotations

from functools import cache

from pressparse.config import PipelineSettings
from pressparse.pipeline import Pipeline
from pressparse.record import Release


@cache
def _pipeline() -> Pipeline:
    return Pipeline(PipelineSettings.model_validate(
        {"nlp": {"model": "none"}, "extract": {"facts": ["amounts"]}}))


def _doc(text: str):
    nlp = _pipeline().nlp
    doc = nlp.make_doc(text)
    doc._.release, doc._.sections, doc._.facts = Release(), [], {"amounts": []}
    return nlp(doc)


def test_one_fact_per_value_with_every_mention() -> None:
    text = "Rund 2 Mio. Euro gehen an die Schulen. Die 2 Mio. Euro kommen vom Land."
    record = _pipeline().process_text(text)
    assert [(a.value, a.qualifier) for a in record.amounts] == [(2_000_000.0, "approx")]
    mentions = record.amounts[0].mentions
    assert [m.text for m in mentions] == ["Rund 2 Mio. Euro", "2 Mio. Euro"]
    assert all(record.text[m.start:m.end] == m.text for m in mentions)


def test_spans_carry_their_amount() -> None:
    doc = _doc("Pro Projekt gibt es zwischen 5.000 und 10.000 Euro, insgesamt 1,1 Mio. Euro.")
    spans = list(doc.spans["amounts"])
    got = [(s.text, s._.amount.value, s._.amount.qualifier) for s in spans]
    assert got == [
        ("zwischen 5.000 und 10.000 Euro", 5000.0, "range_from"),
        ("zwischen 5.000 und 10.000 Euro", 10000.0, "range_to"),
        ("insgesamt 1,1 Mio. Euro", 1_100_000.0, "exact"),
    ]
    assert spans[2]._.amount.total is True
    assert [a.value for a in doc._.facts["amounts"]] == [5000.0, 10000.0, 1_100_000.0]


def test_no_money_no_spans() -> None:
    doc = _doc("Die Stadt hat 1,5 Millionen Einwohner und 41 Prozent Grünfläche.")
    assert list(doc.spans["amounts"]) == []
    assert doc._.facts["amounts"] == []
