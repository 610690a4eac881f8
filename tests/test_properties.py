"""Properties of the text path: any text gives a record or an error record, never an
exception, and every offset a record holds points into its text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressparse.extract import FACT_TYPES
from pressparse.pipeline import Pipeline
from pressparse.record import ErrorRecord, Record

# Pieces of press-release German, so that generated texts reach the extractors' rules.
PIECES = [
    "Pressemitteilung vom 31.03.2019", "31. März 2019", "bis zu 45.000 Euro", "rund 1,5 Mio. €",
    "zwischen 5.000 und 10.000 Euro", "Landkreis Karlsruhe", "die Stadt Ulm", "in Berlin-Grünau",
    "Förderprogramm „Zukunft 2.0“", "Ministerin Dr. Erika Muster", "„Das ist gut“, sagte sie.",
    "2017 und 2018", "vom 1. bis 3. Juni", "Förderpro-", "gramme", "\n\n", "\n", " ", "-", "€",
    "Mio.", "•", "12- bis 16-Jährige", "Tel. 030 1234-5", "https://example.invalid/2019/a.pdf",
    "(", ")", "„", "“", ":", "Bürgermeister", "Stuttgarts", "Baden-Württemberg", "Nr. 8829",
]
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=60).map("".join),
)


def check_offsets(record: Record) -> None:
    n = len(record.text)
    for name in (*FACT_TYPES, "durations"):
        for fact in getattr(record, name):
            for m in fact.mentions:
                assert 0 <= m.start <= m.end <= n
                assert record.text[m.start:m.end] == m.text
    for section in record.sections:
        assert 0 <= section.start <= section.end <= n


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=TEXTS)
def test_any_text_file_gives_a_record_or_an_error_record(
        tmp_path: Path, full_pipeline: Pipeline, text: str) -> None:
    path = tmp_path / "release.txt"
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    result = full_pipeline.process(path)
    assert isinstance(result, Record | ErrorRecord)
    if isinstance(result, Record):
        check_offsets(result)
    else:
        assert result.reason and result.stage in {"load", "normalise"}


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS.filter(lambda t: t.strip()))
def test_process_text_offsets_point_into_the_text(full_pipeline: Pipeline, text: str) -> None:
    try:
        record = full_pipeline.process_text(text)
    except Exception as exc:  # only the documented refusal of binary-looking text
        assert "binary" in str(exc) or "no text" in str(exc)
        return
    check_offsets(record)
