"""`pressparse` end to end on the samples and on bad input, as a user runs it."""

from __future__ import annotations

import difflib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressparse import __version__
from pressparse.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SEED_TXT = SAMPLES / "bw-seed-2019-03-31.txt"
SEED_PDF = SAMPLES / "bw-seed-2019-03-31.pdf"
SEED_ISSUER = "Ministerium für Inneres, Digitalisierung und Migration Baden-Württemberg"
SEED_TITLE = "Bitkom Smart-City-Atlas: Stuttgart unter ersten Smart Cities in Deutschland"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]


@pytest.fixture(scope="module")
def seed_records(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    out = tmp_path_factory.mktemp("seed") / "records.jsonl"
    code, _, err = run("extract", str(SAMPLES), "-o", str(out))
    assert code == 0, err
    return {Path(r["source"]["path"]).suffix: r for r in lines(out)}


def test_samples_give_one_record_per_document(seed_records: dict[str, dict]) -> None:
    assert set(seed_records) == {".txt", ".pdf"}
    for record in seed_records.values():
        assert record["kind"] == "record"
        assert record["release"]["date"] == "2019-03-31"
        assert record["release"]["issuer"] == SEED_ISSUER
        assert record["release"]["title"] == SEED_TITLE
        assert record["id"] == record["source"]["sha256"]


def test_pdf_and_text_give_the_same_words(seed_records: dict[str, dict]) -> None:
    a = seed_records[".pdf"]["text"].split()
    b = seed_records[".txt"]["text"].split()
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    assert 1 - same / max(len(a), len(b)) < 0.01
    assert seed_records[".pdf"]["source"]["pages"] == 3
    assert seed_records[".txt"]["source"]["pages"] is None


def test_stdout_and_pretty() -> None:
    code, out, _ = run("extract", str(SEED_TXT))
    assert code == 0
    assert len(out.splitlines()) == 1 and json.loads(out)["release"]["date"] == "2019-03-31"
    code, out, _ = run("extract", str(SEED_TXT), "--pretty", "-o", "-")
    assert code == 0 and out.startswith("{\n  ")
    assert json.loads(out)["source"]["media_type"] == "text/plain"


def test_a_batch_with_bad_files_goes_on_and_says_what_failed(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "sub" / "good.txt").write_bytes(SEED_TXT.read_bytes())
    (docs / "empty.txt").write_bytes(b"")
    (docs / "random.pdf").write_bytes(os.urandom(3000))
    (docs / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (docs / "notes.md").write_text("ignored: not a release format", "utf-8")
    out = tmp_path / "out" / "records.jsonl"
    code, _, err = run("extract", str(docs), "-o", str(out))
    assert code == 1
    records = lines(out)
    assert [Path(r["source"]["path"]).name for r in records] == ["good.txt"]
    errors = {Path(e["source"]["path"]).name: e for e in lines(tmp_path / "out" /
                                                                "records.errors.jsonl")}
    assert set(errors) == {"empty.txt", "random.pdf", "binary.txt"}
    assert "empty" in errors["empty.txt"]["reason"]
    assert "not a PDF" in errors["random.pdf"]["reason"]
    assert "binary" in errors["binary.txt"]["reason"]
    assert all(e["kind"] == "error" and e["stage"] == "load" for e in errors.values())
    assert errors["random.pdf"]["source"]["sha256"] and errors["random.pdf"]["source"]["bytes"]
    for name in errors:
        assert name in err
    assert "4 documents: 1 records, 3 errors" in err
    assert not list(out.parent.glob("*.part"))


def test_errors_go_into_the_stream_when_writing_to_stdout(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\n1 0 obj")
    code, out, err = run("extract", str(bad), str(SEED_TXT))
    assert code == 1
    kinds = [json.loads(x)["kind"] for x in out.splitlines()]
    assert kinds == ["error", "record"]
    assert "bad.pdf" in err


@pytest.mark.parametrize(
    "args",
    [
        ["extract"],
        ["extract", "/no/such/file.txt"],
        ["extract", str(SEED_TXT), "--pipeline", "/no/such/pipeline.toml"],
        ["extract", str(SEED_TXT), "--no-such-option"],
        ["no-such-command"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    code, _, _ = run(*args)
    assert code == 2


def test_a_bad_pipeline_file_is_a_usage_error(tmp_path: Path) -> None:
    f = tmp_path / "p.toml"
    f.write_text("[load]\npdf_reader = 'ocr'\n", "utf-8")
    code, _, err = run("extract", str(SEED_TXT), "--pipeline", str(f))
    assert code == 2 and "pdf_reader" in err


def test_help_and_version() -> None:
    for args in (["--help"], ["extract", "--help"], ["schema", "--help"]):
        code, out, _ = run(*args)
        assert code == 0 and "Usage:" in out
    code, out, _ = run("--version")
    assert code == 0 and __version__ in out


def test_the_console_script_runs(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "pressparse.cli", "extract", str(SEED_TXT), "-o", str(out)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert lines(out)[0]["release"]["title"] == SEED_TITLE


def test_a_pipe_as_output_is_written_to_not_replaced(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    code, _, err = run("extract", str(SEED_TXT), "-o", str(fifo))
    reader.join(30)
    assert code == 0, err
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert json.loads(received[0])["release"]["date"] == "2019-03-31"
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob("*.errors.jsonl"))
