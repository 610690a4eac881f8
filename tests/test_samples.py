"""The samples give their expected records (samples/expected/, written by
scripts/update_samples.py and reviewed when they change)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pressparse.pipeline import Pipeline
from pressparse.record import Record

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".txt", ".pdf"))


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_sample_gives_its_expected_record(pipeline: Pipeline, path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    record = pipeline.process(path.relative_to(ROOT))
    assert isinstance(record, Record), record
    got = record.model_dump(mode="json")
    got.pop("pipeline")
    expected = json.loads((ROOT / "samples" / "expected" / f"{path.name}.json").read_text("utf-8"))
    for field in expected:
        assert got[field] == expected[field], (
            f"{path.name}: {field} differs from samples/expected; if the change is meant, "
            f"run scripts/update_samples.py and review the diff"
        )
    assert set(got) == set(expected)


def test_the_seed_as_pdf_and_as_text_agree_on_the_facts() -> None:
    """Offsets differ between the two, the facts must not."""
    records = {}
    for path in SAMPLES:
        data = json.loads((ROOT / "samples" / "expected" / f"{path.name}.json").read_text("utf-8"))
        records[path.suffix] = data
    txt, pdf = records[".txt"], records[".pdf"]
    assert txt["release"] == pdf["release"]
    for field in ("municipalities", "amounts", "dates"):
        def key(fact: dict) -> tuple:
            return tuple(sorted((k, str(v)) for k, v in fact.items()
                                if k not in ("mentions", "confidence")))
        assert sorted(map(key, txt[field])) == sorted(map(key, pdf[field])), field
    assert os.path.basename(txt["source"]["path"]) != os.path.basename(pdf["source"]["path"])
