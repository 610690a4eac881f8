"""Example corpora, one file per fact type (tests/corpus/<fact>.jsonl), read by one test.

Each line: {"text": ..., "expect": [ {field: value, ...}, ... ], "release_date": optional,
"note": optional, "component": optional}. `component` names the fact type whose extractor
fills the file's list where it is not the file's own (durations come from the dates
component). The facts the extractor finds in `text` must be exactly as many as `expect`
lists, and each expected item must equal one found fact on the fields it names;
`"expect": []` is a negative example (nothing may be found).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from pressparse.config import PipelineSettings
from pressparse.pipeline import Pipeline

CORPUS = Path(__file__).parent / "corpus"


def _cases() -> list:
    cases = []
    for file in sorted(CORPUS.glob("*.jsonl")):
        fact = file.stem
        for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("//"):
                continue
            case = json.loads(line)
            cases.append(pytest.param(fact, case, id=f"{fact}:{n}"))
    return cases


@cache
def pipeline_for(fact: str) -> Pipeline:
    settings = PipelineSettings.model_validate({"nlp": {"model": "none"},
                                                "extract": {"facts": [fact]}})
    return Pipeline(settings)


def _project(item: dict, keys: list[str]) -> dict:
    return {k: item.get(k) for k in keys}


@pytest.mark.parametrize(("fact", "case"), _cases())
def test_example(fact: str, case: dict) -> None:
    record = pipeline_for(case.get("component", fact)).process_text(
        case["text"], release_date=case.get("release_date"))
    found = [f.model_dump(mode="json") for f in getattr(record, fact)]
    expect = case["expect"]
    unmatched = list(found)
    missing = []
    for want in expect:
        keys = list(want)
        hit = next((f for f in unmatched if _project(f, keys) == want), None)
        if hit is None:
            missing.append(want)
        else:
            unmatched.remove(hit)
    keys = sorted({k for want in expect for k in want}) or ["text", "value", "name", "ags"]
    assert not missing and not unmatched, (
        f"{case['text']!r}\n missing: {missing}\n"
        f" unexpected: {[_project(f, keys) for f in unmatched]}"
    )
    for f in found:
        for m in f["mentions"]:
            assert record.text[m["start"]:m["end"]] == m["text"]
