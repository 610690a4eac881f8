"""Loading records into SQLite and PostgreSQL: idempotent, all or nothing, upgradable.

PostgreSQL tests run against the server named by PRESSPARSE_TEST_POSTGRES (a URL of
a role that may create databases); without it they are skipped.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from pressparse.db import Database, DatabaseError
from pressparse.db import database as database_module
from pressparse.db.schema import SCHEMA_VERSION
from pressparse.output import dumps
from pressparse.pipeline import Pipeline
from pressparse.record import Record

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
PG = os.environ.get("PRESSPARSE_TEST_POSTGRES")

TEXTS = [
    "Pressemitteilung vom 14.03.2022\n\nLandkreis Tuttlingen erhält Fördergeld\n\n"
    "Der Landkreis Tuttlingen erhält aus dem Förderprogramm „Digitale Schule 2025“ bis zu "
    "250.000 Euro. Landrat Max Beispiel sagte am 14. März 2022 in Tuttlingen: „Das hilft "
    "unseren Schulen.“",
    "Pressemitteilung vom 02.11.2023\n\nNeue Radwege in Ulm und Neu-Ulm\n\n"
    "Die Städte Ulm und Neu-Ulm investieren gemeinsam rund 3,5 Millionen Euro in neue "
    "Radwege. Baubeginn ist im April 2024.",
]


@pytest.fixture(scope="module")
def lines(full_pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("docs")
    paths = [SAMPLES / "bw-seed-2019-03-31.txt", SAMPLES / "bw-seed-2019-03-31.pdf"]
    for n, text in enumerate(TEXTS):
        path = folder / f"release-{n}.txt"
        path.write_text(text, "utf-8")
        paths.append(path)
    return [dumps(full_pipeline.process(p)) for p in paths]


def _postgres_url() -> Iterator[str]:
    if not PG:
        pytest.skip("PostgreSQL tests need PRESSPARSE_TEST_POSTGRES=postgresql://... "
                    "(a role that may create databases)")
    import psycopg

    name = f"pressparse_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    base, _, _ = PG.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(PG, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "records.sqlite")
    else:
        yield from _postgres_url()


def test_records_come_back_as_they_went_in(url: str, lines: list[str]) -> None:
    with Database.open(url) as db:
        summary = db.load(lines)
        assert (summary.loaded, summary.rejected) == (len(lines), [])
        for line in lines:
            record = json.loads(line)
            (rid, stored, date, title), = db.query(
                "SELECT release_id, record, release_date, title FROM releases WHERE path = ?",
                (record["source"]["path"],))
            stored = stored if isinstance(stored, dict) else json.loads(stored)
            assert stored == record
            assert str(date) == record["release"]["date"] and title == record["release"]["title"]
            got = db.query("SELECT ags, name FROM release_municipalities WHERE release_id = ? "
                           "ORDER BY name", (rid,))
            assert got == sorted(((m["ags"], m["name"]) for m in record["municipalities"]),
                                 key=lambda t: t[1])
            got = db.query("SELECT value, currency, qualifier FROM amounts WHERE release_id = ?",
                           (rid,))
            assert sorted((float(v), c, q) for v, c, q in got) == sorted(
                (a["value"], a["currency"], a["qualifier"]) for a in record["amounts"])
            got = db.query("SELECT value, precision, start_offset, end_offset, matched_text "
                           "FROM dates WHERE release_id = ?", (rid,))
            assert sorted(got) == sorted(
                (d["value"], d["precision"], d["mentions"][0]["start"], d["mentions"][0]["end"],
                 d["mentions"][0]["text"]) for d in record["dates"])
            for table, key in (("persons", "persons"), ("programmes", "programmes"),
                               ("funding", "funding"), ("quotes", "quotes")):
                n = db.query(f"SELECT count(*) FROM {table} WHERE release_id = ?", (rid,))[0][0]
                assert n == len(record[key])


def test_loading_twice_changes_nothing(url: str, lines: list[str]) -> None:
    with Database.open(url) as db:
        db.load(lines)
        before = db.counts()
        ids = db.query("SELECT release_id, loaded_at FROM releases ORDER BY release_id")
        summary = db.load(lines)
        assert (summary.loaded, summary.replaced, summary.unchanged) == (0, 0, len(lines))
        assert db.counts() == before
        assert db.query("SELECT release_id, loaded_at FROM releases ORDER BY release_id") == ids


def test_a_changed_release_replaces_its_rows(url: str, lines: list[str],
                                             full_pipeline: Pipeline, tmp_path: Path) -> None:
    path = tmp_path / "changing.txt"
    path.write_text(TEXTS[0], "utf-8")
    old = dumps(full_pipeline.process(path))
    path.write_text(TEXTS[1], "utf-8")
    new = dumps(full_pipeline.process(path))
    with Database.open(url) as db:
        db.load([*lines, old])
        summary = db.load([new])
        assert summary.replaced == 1
        (rid, sha), = db.query("SELECT release_id, sha256 FROM releases WHERE path = ?",
                               (str(path),))
        assert sha == json.loads(new)["id"]
        amounts = db.query("SELECT value FROM amounts WHERE release_id = ?", (rid,))
        assert sorted(float(v) for (v,) in amounts) == sorted(
            a["value"] for a in json.loads(new)["amounts"])
        assert db.counts()["releases"] == len(lines) + 1


def test_invalid_records_are_rejected_and_leave_nothing(url: str, lines: list[str]) -> None:
    bad = json.loads(lines[0])
    bad["source"]["path"] = "elsewhere.txt"
    bad["amounts"] = [{"value": "viel", "currency": "EUR", "text": "x", "extractor": "x",
                       "confidence": 0.5}]
    error_record = json.dumps({"kind": "error", "source": {"path": "x.pdf"}, "stage": "load",
                               "reason": "not a PDF"})
    with Database.open(url) as db:
        db.load(lines)
        before = db.counts()
        summary = db.load([json.dumps(bad), "{not json", "[1, 2]", error_record])
        assert summary.rejected[0][1].startswith("invalid record: amounts.0.value")
        assert len(summary.rejected) == 3 and summary.skipped_errors == 1
        assert db.counts() == before


def test_a_failure_inside_a_record_leaves_none_of_it(url: str, lines: list[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    real = database_module.fact_rows

    def failing(record: Record, release_id: int) -> dict[str, list[dict]]:
        rows = real(record, release_id)
        rows["dates"].append({"release_id": release_id, "no_such_column": 1})
        return rows

    with Database.open(url) as db:
        db.load(lines[:1])
        before = db.counts()
        monkeypatch.setattr(database_module, "fact_rows", failing)
        summary = db.load(lines[1:])
        assert len(summary.rejected) == len(lines) - 1
        assert all("database refused" in r for _, r in summary.rejected)
        assert db.counts() == before


def test_schema_is_upgraded_in_place(url: str, lines: list[str]) -> None:
    db = Database.open(url, upgrade=False)
    assert db.version() == 0
    assert db.upgrade(target=1) == 1
    db._execute("BEGIN")
    db._execute("INSERT INTO releases (path, sha256, record_hash, media_type, "
                "pressparse_version, fingerprint, ner, record, loaded_at) "
                "VALUES ('old.txt', 'aa', 'bb', 'text/plain', '0.0.1', 'f', 'none', '{}', 'x')")
    db._execute("COMMIT")
    db.close()
    with Database.open(url) as db:
        assert db.version() == SCHEMA_VERSION
        assert db.query("SELECT path FROM releases") == [("old.txt",)]
        assert db.query("SELECT count(*) FROM municipalities")[0][0] == 11173
        db.load(lines)
        assert db.query("SELECT count(*) FROM dates WHERE date_from IS NULL")[0][0] == 0


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    url = str(tmp_path / "x.sqlite")
    with Database.open(url) as db:
        db._execute(f"UPDATE schema_version SET version = {SCHEMA_VERSION + 1}")
    with pytest.raises(DatabaseError, match="newer than this pressparse"):
        Database.open(url)


def test_readme_query_matches_the_records(url: str, lines: list[str]) -> None:
    """The README's question: funding for Landkreis Tuttlingen since 2018."""
    readme = (ROOT / "README.md").read_text("utf-8")
    sql = readme.split("<!-- query:tuttlingen -->", 1)[1].split("```sql", 1)[1].split("```")[0]
    with Database.open(url) as db:
        db.load(lines)
        got = sorted((str(row[0]), row[1], float(row[2])) for row in db.query(sql))
    expected = []
    for record in map(json.loads, lines):
        if (record["release"]["date"] or "") >= "2018-01-01" and any(
                m["ags"] == "08327" for m in record["municipalities"]):
            expected += [(record["release"]["date"], f["programme"], f["amount"])
                         for f in record["funding"]]
    assert got == sorted(expected)


def test_killing_a_load_halfway_leaves_no_half_record(tmp_path: Path, lines: list[str]) -> None:
    big = tmp_path / "many.jsonl"
    with big.open("w", encoding="utf-8") as fh:
        for n in range(3000):
            record = json.loads(lines[n % len(lines)])
            record["source"]["path"] = f"copy-{n}.txt"
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    url = str(tmp_path / "killed.sqlite")
    Database.open(url).close()  # the schema, so that the load starts at once
    cmd = [sys.executable, "-m", "pressparse.cli", "load", str(big), "--db", url, "-q"]
    proc = subprocess.Popen(cmd)
    time.sleep(2.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Database.open(url) as db:
        partial = db.counts()["releases"]
        assert 0 < partial < 3000, "the load finished before it could be killed"
        for rid, stored in db.query("SELECT release_id, record FROM releases"):
            record = json.loads(stored)
            for table, key in (("amounts", "amounts"), ("dates", "dates"),
                               ("release_municipalities", "municipalities")):
                n = db.query(f"SELECT count(*) FROM {table} WHERE release_id = ?", (rid,))[0][0]
                assert n == len(record[key])
    subprocess.run(cmd, check=True, timeout=600)
    with Database.open(url) as db:
        assert db.counts()["releases"] == 3000


def test_extract_and_load_in_one_run(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from pressparse.cli import main

    db_file = tmp_path / "one-run.sqlite"
    out = tmp_path / "records.jsonl"
    result = CliRunner().invoke(main, ["extract", str(SAMPLES), "-o", str(out), "--db",
                                       str(db_file), "-w", "1"])
    assert result.exit_code == 0, result.stderr
    with Database.open(str(db_file)) as db:
        paths = sorted(p for (p,) in db.query("SELECT path FROM releases"))
        assert paths == sorted(json.loads(x)["source"]["path"]
                               for x in out.read_text("utf-8").splitlines())
    result = CliRunner().invoke(main, ["load", str(out), "--db", str(db_file)])
    assert result.exit_code == 0 and "0 loaded, 0 replaced, 2 unchanged" in result.stderr
    result = CliRunner().invoke(main, ["load", str(out), "--db", "sqlite://nohost"])
    assert result.exit_code == 2
