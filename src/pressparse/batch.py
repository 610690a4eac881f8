"""Batch runs: documents in parallel worker processes, with limits, progress and a summary.

Each worker process builds the pipeline once and takes one document at a time.
A document that exceeds the time limit is stopped inside its worker (and the
worker killed if it does not answer); a worker over its memory limit or one that
dies takes only its current document with it: that document gets an error record
and a fresh worker takes over. Results are written by the parent process only.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing as mp
import os
import resource
import signal
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import TextIO

from .config import PipelineSettings
from .output import dumps
from .pipeline import Pipeline
from .record import ErrorRecord, ErrorSource, PipelineInfo
from .store import Entry, Store, document_key

KILL_GRACE = 15.0  # seconds a worker gets beyond the limit before it is killed


class DocumentTimeout(BaseException):
    """Raised by the alarm inside a worker; a BaseException so no `except Exception` eats it."""


@dataclass(slots=True)
class Outcome:
    path: str
    kind: str  # "record" or "error"
    line: str
    stage: str | None = None
    reason: str | None = None


def _on_alarm(signum: int, frame: object) -> None:
    raise DocumentTimeout


def set_memory_limit(megabytes: int) -> None:
    if megabytes > 0:
        limit = megabytes * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def error_outcome(info: PipelineInfo, path: str, stage: str, reason: str,
                  sha256: str | None = None) -> Outcome:
    record = ErrorRecord(source=ErrorSource(path=path, sha256=sha256), stage=stage,
                         reason=reason, pipeline=info)
    return Outcome(path, "error", dumps(record), stage, reason)


def run_one(pipeline: Pipeline, path: str, timeout: float) -> Outcome:
    """One document under the time limit, in this process."""
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        result = pipeline.process(path)
    except DocumentTimeout:
        return error_outcome(pipeline.info, path, "limits",
                             f"time limit exceeded: over {timeout:g} s")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if isinstance(result, ErrorRecord):
        return Outcome(path, "error", dumps(result), result.stage, result.reason)
    return Outcome(path, "record", dumps(result))


PARENT_CHECK = 1.0  # seconds between a waiting worker's checks that its parent lives


def _worker_main(conn: Connection, parent_end: Connection, settings: PipelineSettings
                 ) -> None:
    parent_end.close()  # the parent's end, copied by fork: holding it would hide EOF
    parent = os.getppid()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    set_memory_limit(settings.batch.worker_memory_mb)
    pipeline = Pipeline(settings)
    conn.send("ready")
    while True:
        try:
            while not conn.poll(PARENT_CHECK):
                if os.getppid() != parent:
                    return  # the parent was killed: an orphan has nobody to answer
            path = conn.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return
        outcome = run_one(pipeline, path, settings.batch.document_timeout)
        conn.send(outcome)
        if outcome.stage == "limits":
            return  # start afresh after running out of time or memory


@dataclass
class _Worker:
    process: mp.process.BaseProcess
    conn: Connection
    path: str | None = None
    started: float = 0.0


class WorkerPool:
    def __init__(self, settings: PipelineSettings, size: int, info: PipelineInfo) -> None:
        self.settings = settings
        self.size = size
        self.info = info
        self.ctx = mp.get_context("fork")
        self.workers: list[_Worker] = []

    def _spawn(self) -> _Worker:
        parent, child = self.ctx.Pipe()
        process = self.ctx.Process(target=_worker_main, args=(child, parent, self.settings),
                                   daemon=True)
        process.start()
        child.close()
        if not parent.poll(300) or parent.recv() != "ready":
            process.kill()
            raise RuntimeError("a worker process could not build the pipeline")
        return _Worker(process, parent)

    def _retire(self, worker: _Worker, kill: bool = False) -> None:
        if kill and worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)
        worker.conn.close()
        self.workers.remove(worker)

    def run(self, paths: Iterable[str]) -> Iterable[Outcome]:
        pending = deque(paths)
        timeout = self.settings.batch.document_timeout
        try:
            while pending or any(w.path for w in self.workers):
                while len(self.workers) < min(self.size, len(pending) +
                                              sum(1 for w in self.workers if w.path)):
                    self.workers.append(self._spawn())
                for worker in self.workers:
                    if worker.path is None and pending:
                        worker.path = pending.popleft()
                        worker.started = time.monotonic()
                        worker.conn.send(worker.path)
                busy = [w for w in self.workers if w.path]
                ready = wait([w.conn for w in busy], timeout=0.5)
                for worker in busy:
                    if worker.conn in ready:
                        yield from self._receive(worker)
                    elif time.monotonic() - worker.started > timeout + KILL_GRACE:
                        path = worker.path
                        self._retire(worker, kill=True)
                        yield error_outcome(self.info, str(path), "limits",
                                            f"time limit exceeded: over {timeout:g} s, "
                                            "worker stopped")
        finally:
            self.close()

    def _receive(self, worker: _Worker) -> Iterable[Outcome]:
        path = str(worker.path)
        try:
            outcome: Outcome = worker.conn.recv()
        except (EOFError, OSError):
            worker.process.join(5)
            code = worker.process.exitcode
            how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
            self._retire(worker, kill=True)
            yield error_outcome(self.info, path, "worker",
                                f"the worker process died ({how}) on this document")
            return
        worker.path = None
        if outcome.stage == "limits":
            self._retire(worker)
        yield outcome

    def close(self) -> None:
        for worker in list(self.workers):
            with contextlib.suppress(OSError):
                worker.conn.send(None)
            self._retire(worker, kill=worker.path is not None)


def file_sha256(path: Path, max_bytes: int) -> str | None:
    try:
        if path.stat().st_size > max_bytes:
            return None
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None


@dataclass
class Plan:
    todo: list[Path] = field(default_factory=list)
    unchanged: int = 0
    known_failures: list[Entry] = field(default_factory=list)


def plan(paths: list[Path], state: dict[str, Entry], fingerprint: str, max_bytes: int,
         force: bool, retry_errors: bool) -> Plan:
    """Which documents need processing: new, changed, made by another pipeline, or forced."""
    result = Plan()
    for path in paths:
        entry = state.get(document_key(path))
        if entry is None or force:
            result.todo.append(path)
            continue
        # another pipeline redoes the document whatever its content: no need to read it
        current = entry.fingerprint == fingerprint and entry.sha256 is not None and (
            entry.sha256 == file_sha256(path, max_bytes))
        if not current:
            result.todo.append(path)
        elif entry.kind == "error":
            if retry_errors:
                result.todo.append(path)
            else:
                result.known_failures.append(entry)
        else:
            result.unchanged += 1
    return result


class Progress:
    """A one-line progress bar on a terminal, plain log lines elsewhere."""

    def __init__(self, total: int, stream: TextIO = sys.stderr,
                 interval: float | None = None) -> None:
        self.total = total
        self.stream = stream
        self.tty = stream.isatty()
        self.interval = interval if interval is not None else (0.2 if self.tty else 10.0)
        self.done = self.errors = 0
        self.start = self.last = time.monotonic()

    def update(self, error: bool) -> None:
        self.done += 1
        self.errors += error
        now = time.monotonic()
        if now - self.last >= self.interval or self.done == self.total:
            self.last = now
            self._show(now)

    def _show(self, now: float) -> None:
        elapsed = max(now - self.start, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else 0.0
        eta = time.strftime("%H:%M:%S", time.gmtime(left))
        text = (f"{self.done}/{self.total} documents, {rate:.1f}/s, {self.errors} errors, "
                f"{eta} left")
        if self.tty:
            width = 24
            filled = int(width * self.done / max(self.total, 1))
            bar = "#" * filled + "-" * (width - filled)
            end = "\n" if self.done == self.total else ""
            self.stream.write(f"\r[{bar}] {text}\x1b[K{end}")
        else:
            self.stream.write(f"pressparse: {text}\n")
        self.stream.flush()


@dataclass
class Summary:
    documents: int = 0
    records: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    unchanged: int = 0
    known_failures: int = 0
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return sum(self.errors.values()) + self.known_failures

    def lines(self) -> list[str]:
        processed = self.records + sum(self.errors.values())
        rate = processed / self.seconds if self.seconds else 0.0
        out = [f"pressparse: {self.documents} documents: {self.records} records, "
               f"{sum(self.errors.values())} errors, {self.unchanged} unchanged "
               f"(skipped), in {self.seconds:.1f} s ({rate:.1f} documents/s)"]
        if self.known_failures:
            out.append(f"pressparse: {self.known_failures} documents failed in an earlier run "
                       "and are unchanged (--retry-errors tries them again)")
        for reason, count in self.errors.most_common():
            out.append(f"  {count:6d}  {reason}")
        return out


def reason_kind(stage: str | None, reason: str | None) -> str:
    """Error reasons grouped for the summary: the stage and the reason up to its detail."""
    head = (reason or "").split(":")[0]
    return f"{stage}: {head}"


def run_batch(pipeline: Pipeline, paths: list[Path], workers: int,
              emit: Callable[[Outcome], None], progress: Progress | None = None) -> Summary:
    """Process `paths`, handing each outcome to `emit` as it comes."""
    summary = Summary(documents=len(paths))
    start = time.monotonic()
    settings = pipeline.settings
    names = [str(p) for p in paths]
    if workers <= 1 or len(names) <= 1:
        outcomes: Iterable[Outcome] = (
            run_one(pipeline, name, settings.batch.document_timeout) for name in names
        )
    else:
        outcomes = WorkerPool(settings, min(workers, len(names)), pipeline.info).run(names)
    for outcome in outcomes:
        emit(outcome)
        if outcome.kind == "record":
            summary.records += 1
        else:
            summary.errors[reason_kind(outcome.stage, outcome.reason)] += 1
            print(f"pressparse: {outcome.path}: {outcome.stage}: {outcome.reason}",
                  file=sys.stderr)
        if progress:
            progress.update(outcome.kind == "error")
    summary.seconds = time.monotonic() - start
    return summary


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


__all__ = ["Outcome", "Progress", "Store", "Summary", "WorkerPool", "plan", "run_batch"]
