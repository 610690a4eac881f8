"""Release heads as data (tests/data/heads.jsonl): text in, head fields out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pressparse.layout import Line, LoadedDocument, Page
from pressparse.normalise import normalise
from pressparse.segment import letterhead_case, segment

CASES = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "heads.jsonl").read_text("utf-8").splitlines()
    if line.strip()
]


def _norm(text: str):
    doc = LoadedDocument("x.txt", "text/plain", "0" * 64, len(text),
                         [Page(1, [Line(t) for t in text.split("\n")])])
    return normalise(doc)


@pytest.mark.parametrize("case", CASES, ids=[c["note"] for c in CASES])
def test_head(case: dict) -> None:
    release, _ = segment(_norm(case["text"]))
    got = release.model_dump()
    assert {k: got[k] for k in case["expect"]} == case["expect"]


def test_sections_cover_the_text_in_order() -> None:
    norm = _norm(CASES[0]["text"])
    _, sections = segment(norm)
    kinds = [s.kind for s in sections]
    assert kinds[:4] == ["head", "head", "head", "head"]
    assert "title" in kinds and "subtitle" in kinds and kinds[-1] == "paragraph"
    starts = [s.start for s in sections]
    assert starts == sorted(starts)
    for s in sections:
        assert norm.text[s.start:s.end].strip() == norm.text[s.start:s.end]


def test_background_section_and_bullets() -> None:
    text = ("Neue Förderrunde gestartet\n\nPressemitteilung vom 02.05.2022\n\n"
            "Ab heute können Vereine Anträge stellen. Die Mittel sind begrenzt.\n\n"
            "• Sportvereine\n\n• Kulturvereine\n\nHintergrund\n\n"
            "Das Programm besteht seit 2015 und wurde seither dreimal verlängert.")
    norm = _norm(text)
    _, sections = segment(norm)
    kinds = [s.kind for s in sections]
    assert kinds == ["title", "head", "paragraph", "bullet", "bullet", "heading", "background"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("MINISTERIUM FÜR INNERES, DIGITALISIERUNG UND MIGRATION",
         "Ministerium für Inneres, Digitalisierung und Migration"),
        ("STAATSMINISTERIUM FÜR KULTUS", "Staatsministerium für Kultus"),
        ("Bezirksamt Pankow", "Bezirksamt Pankow"),
    ],
)
def test_letterhead_case(raw: str, expected: str) -> None:
    assert letterhead_case(raw) == expected
