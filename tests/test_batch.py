"""Batch runs: incremental, resumable after kill -9, limits, crashed workers."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressparse import pipeline as pipeline_module
from pressparse.batch import Outcome, run_batch
from pressparse.cli import main
from pressparse.config import NormaliseSettings, PipelineSettings
from pressparse.layout import LoadedDocument
from pressparse.pipeline import Pipeline
from pressparse.store import Store, cut_torn_tail

SEED = (Path(__file__).resolve().parents[1] / "samples" / "bw-seed-2019-03-31.txt").read_text(
    "utf-8"
)


def make_docs(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"release-{i:04d}.txt"
        path.write_text(f"Meldung Nummer {i}\n\nPressemitteilung vom 0{1 + i % 9}.03.2021\n\n"
                        f"{SEED}\n", "utf-8")
        paths.append(path)
    return paths


def extract(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["extract", *args])
    return result.exit_code, result.stderr


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def names(path: Path) -> list[str]:
    return sorted(Path(r["source"]["path"]).name for r in records(path))


def test_a_rerun_processes_only_new_and_changed_documents(tmp_path: Path) -> None:
    docs = make_docs(tmp_path / "docs", 4)
    out = tmp_path / "out.jsonl"
    code, err = extract(str(tmp_path / "docs"), "-o", str(out), "-w", "2")
    assert code == 0 and "4 records, 0 errors, 0 unchanged" in err
    assert not (tmp_path / "out.errors.jsonl").exists()  # written only when needed
    first = {r["source"]["path"]: r["id"] for r in records(out)}

    code, err = extract(str(tmp_path / "docs"), "-o", str(out))
    assert code == 0 and "0 records, 0 errors, 4 unchanged" in err
    assert {r["source"]["path"]: r["id"] for r in records(out)} == first

    docs[1].write_text(docs[1].read_text("utf-8") + "\nNachtrag.\n", "utf-8")
    make_docs(tmp_path / "docs" / "more", 1)
    code, err = extract(str(tmp_path / "docs"), "-o", str(out))
    assert code == 0 and "2 records, 0 errors, 3 unchanged" in err
    now = {r["source"]["path"]: r["id"] for r in records(out)}
    assert len(records(out)) == 5 == len(now)
    assert now[str(docs[1])] != first[str(docs[1])]
    assert all(now[p] == first[p] for p in first if p != str(docs[1]))

    code, err = extract(str(tmp_path / "docs"), "-o", str(out), "--force", "-w", "1")
    assert code == 0 and "5 records, 0 errors, 0 unchanged" in err
    assert len(records(out)) == 5


def test_another_pipeline_redoes_the_records(tmp_path: Path) -> None:
    make_docs(tmp_path / "docs", 2)
    out = tmp_path / "out.jsonl"
    assert extract(str(tmp_path / "docs"), "-o", str(out))[0] == 0
    other = tmp_path / "other.toml"
    other.write_text('[normalise]\ndehyphenate = false\n', "utf-8")
    code, err = extract(str(tmp_path / "docs"), "-o", str(out), "--pipeline", str(other))
    assert code == 0 and "2 records, 0 errors, 0 unchanged" in err
    assert len(records(out)) == 2


def test_known_failures_are_skipped_unless_retried(tmp_path: Path) -> None:
    make_docs(tmp_path / "docs", 1)
    (tmp_path / "docs" / "broken.pdf").write_bytes(b"not a pdf at all")
    out = tmp_path / "out.jsonl"
    code, err = extract(str(tmp_path / "docs"), "-o", str(out))
    assert code == 1 and "1 records, 1 errors" in err
    code, err = extract(str(tmp_path / "docs"), "-o", str(out))
    assert code == 1 and "0 errors, 1 unchanged" in err and "failed in an earlier run" in err
    code, err = extract(str(tmp_path / "docs"), "-o", str(out), "--retry-errors")
    assert code == 1 and "0 records, 1 errors, 1 unchanged" in err
    assert len(records(tmp_path / "out.errors.jsonl")) == 1


def test_a_torn_last_line_is_cut_and_the_document_done_again(tmp_path: Path) -> None:
    make_docs(tmp_path / "docs", 3)
    out = tmp_path / "out.jsonl"
    assert extract(str(tmp_path / "docs"), "-o", str(out), "-w", "1")[0] == 0
    lines = out.read_text("utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:2]) + lines[2][: len(lines[2]) // 2], "utf-8")
    code, err = extract(str(tmp_path / "docs"), "-o", str(out))
    assert code == 0 and "torn last line" in err and "1 records" in err
    assert names(out) == ["release-0000.txt", "release-0001.txt", "release-0002.txt"]


def test_cut_torn_tail(tmp_path: Path) -> None:
    f = tmp_path / "x.jsonl"
    f.write_bytes(b'{"a":1}\n{"b":')
    assert cut_torn_tail(f) and f.read_bytes() == b'{"a":1}\n'
    assert not cut_torn_tail(f)
    f.write_bytes(b'{"b":')
    assert cut_torn_tail(f) and f.read_bytes() == b""


def test_kill_9_at_any_moment_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    docs = make_docs(tmp_path / "docs", 150)
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "pressparse.cli", "extract", str(tmp_path / "docs"), "-o",
           str(out), "-q", "-w", "2"]
    kills = 0
    for delay in (0.0, 0.05, 0.2):  # seconds after the run's first new record
        before = out.stat().st_size if out.exists() else 0
        proc = subprocess.Popen(cmd, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if out.exists() and out.stat().st_size > before:
                break
            time.sleep(0.002)
        time.sleep(delay)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
    assert kills >= 2, "the runs ended before they could be killed"
    assert out.read_bytes().count(b"\n") < len(docs)
    subprocess.run(cmd, check=True, timeout=300)
    got = names(out)
    assert got == sorted(p.name for p in docs)
    assert out.read_bytes().endswith(b"\n")


def test_time_limit_turns_a_slow_document_into_an_error(tmp_path: Path) -> None:
    docs = make_docs(tmp_path / "docs", 2)
    settings = PipelineSettings.model_validate({"batch": {"document_timeout": 0.0001}})
    outcomes: list[Outcome] = []
    summary = run_batch(Pipeline(settings), docs, 1, outcomes.append)
    assert [o.kind for o in outcomes] == ["error", "error"]
    assert all(o.stage == "limits" and "time limit" in (o.reason or "") for o in outcomes)
    assert summary.failed == 2


@pytest.fixture
def sabotage(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers are forked, so a patched normaliser is what they run."""
    real = pipeline_module.normalise

    def normalise(loaded: LoadedDocument, settings: NormaliseSettings) -> object:
        name = Path(loaded.path).name
        if name.startswith("crash"):
            os.kill(os.getpid(), signal.SIGKILL)
        if name.startswith("hog"):
            hog = bytearray(4 * 1024**3)
            return hog
        return real(loaded, settings)

    monkeypatch.setattr(pipeline_module, "normalise", normalise)


def _vm_size_mb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) // 1024
    return 0


@pytest.mark.usefixtures("sabotage")
def test_a_dying_worker_costs_only_its_document(tmp_path: Path) -> None:
    docs = make_docs(tmp_path / "docs", 4)
    crash = tmp_path / "docs" / "crash.txt"
    crash.write_text(SEED, "utf-8")
    outcomes: list[Outcome] = []
    summary = run_batch(Pipeline(), [*docs[:2], crash, *docs[2:]], 2, outcomes.append)
    by_name = {Path(o.path).name: o for o in outcomes}
    assert len(outcomes) == 5 and summary.records == 4
    assert by_name["crash.txt"].stage == "worker"
    assert "signal 9" in (by_name["crash.txt"].reason or "")


@pytest.mark.usefixtures("sabotage")
def test_memory_limit_turns_a_hog_into_an_error(tmp_path: Path) -> None:
    docs = make_docs(tmp_path / "docs", 2)
    hog = tmp_path / "docs" / "hog.txt"
    hog.write_text(SEED, "utf-8")
    limit = _vm_size_mb() + 1024
    settings = PipelineSettings.model_validate({"batch": {"worker_memory_mb": limit}})
    outcomes: list[Outcome] = []
    run_batch(Pipeline(settings), [docs[0], hog, docs[1]], 2, outcomes.append)
    by_name = {Path(o.path).name: o for o in outcomes}
    assert by_name["hog.txt"].stage == "limits"
    assert "out of memory" in (by_name["hog.txt"].reason or "")
    assert by_name[docs[0].name].kind == by_name[docs[1].name].kind == "record"


def test_store_state_prefers_the_record_and_reads_the_fingerprint(tmp_path: Path) -> None:
    make_docs(tmp_path / "docs", 2)
    out = tmp_path / "out.jsonl"
    assert extract(str(tmp_path / "docs"), "-o", str(out))[0] == 0
    state = Store(out, tmp_path / "out.errors.jsonl").state()
    assert len(state) == 2
    entry = next(iter(state.values()))
    assert entry.kind == "record" and entry.fingerprint == Pipeline().info.fingerprint
    assert entry.sha256 and len(entry.sha256) == 64


def test_workers_do_not_outlive_a_killed_run(tmp_path: Path) -> None:
    make_docs(tmp_path / "docs", 80)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "pressparse.cli", "extract",
                             str(tmp_path / "docs"), "-o", str(out), "-q", "-w", "2"],
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (out.exists() and out.stat().st_size):
        time.sleep(0.01)
    children = [int(p) for p in Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
                .read_text().split()]
    assert children, "the run had no worker processes"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(Path(f"/proc/{c}").exists() for c in children):
        time.sleep(0.1)
    alive = [c for c in children if Path(f"/proc/{c}").exists()
             and "zombie" not in Path(f"/proc/{c}/status").read_text()]
    assert not alive, f"workers left running: {alive}"
