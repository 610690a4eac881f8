"""The files a batch writes, which are also its manifest.

Records go to OUT, error records to OUT.errors.jsonl beside it, one JSON document
per line, appended and flushed one whole line at a time. Each line names its
document's path, sha256 and the pipeline fingerprint, so the files themselves say
what is done: a re-run reads them back and skips documents whose line is current.
A killed run can leave at most one torn last line, which the next run cuts off;
the lines of documents that are processed again are removed before the run
starts, with an atomic rewrite, so that every document has exactly one line.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

_RECORD_HEAD_END = ',"release":'  # records put kind, id, source and pipeline first


@dataclass(slots=True)
class Entry:
    """What a line of the output says about one document."""

    path: str
    sha256: str | None
    fingerprint: str | None
    kind: str  # "record" or "error"
    stage: str | None = None
    reason: str | None = None


def document_key(path: str | os.PathLike[str]) -> str:
    return os.path.realpath(path)


def _entry_of(line: str) -> Entry | None:
    try:
        cut = line.find(_RECORD_HEAD_END)
        data = json.loads(line[:cut] + "}") if cut > 0 else json.loads(line)
        source = data["source"]
        return Entry(
            path=source["path"],
            sha256=source.get("sha256"),
            fingerprint=(data.get("pipeline") or {}).get("fingerprint"),
            kind=data.get("kind", "record"),
            stage=data.get("stage"),
            reason=data.get("reason"),
        )
    except (ValueError, KeyError, TypeError):
        return None


def cut_torn_tail(path: Path) -> bool:
    """Drop a last line without its newline (a write cut short); True if one was cut."""
    if not path.exists():
        return False
    size = path.stat().st_size
    if size == 0:
        return False
    with path.open("rb+") as fh:
        fh.seek(size - 1)
        if fh.read(1) == b"\n":
            return False
        block = 1 << 16
        pos = size
        while pos > 0:
            start = max(0, pos - block)
            fh.seek(start)
            chunk = fh.read(pos - start)
            nl = chunk.rfind(b"\n")
            if nl >= 0:
                fh.truncate(start + nl + 1)
                return True
            pos = start
        fh.truncate(0)
        return True


def read_entries(path: Path) -> list[Entry]:
    if not path.exists():
        return []
    entries = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            entry = _entry_of(line)
            if entry is not None:
                entries.append(entry)
    return entries


def rewrite_without(path: Path, keys: set[str]) -> int:
    """Atomically rewrite `path` without the lines of the documents in `keys`."""
    if not path.exists() or not keys:
        return 0
    dropped = 0
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out, \
                path.open(encoding="utf-8") as src:
            for line in src:
                entry = _entry_of(line)
                if entry is not None and document_key(entry.path) in keys:
                    dropped += 1
                    continue
                out.write(line)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return dropped


class Store:
    """Appends whole lines to the records and errors files of a batch."""

    def __init__(self, records: Path, errors: Path) -> None:
        self.records = records
        self.errors = errors
        self.torn = 0
        self._out: IO[str] | None = None
        self._err: IO[str] | None = None

    def state(self) -> dict[str, Entry]:
        """The current line of every document, by real path; cuts torn tails first."""
        self.torn = sum(cut_torn_tail(p) for p in (self.records, self.errors))
        current: dict[str, Entry] = {}
        for entry in read_entries(self.errors) + read_entries(self.records):
            current[document_key(entry.path)] = entry
        return current

    def forget(self, keys: set[str]) -> None:
        """Remove the lines of documents about to be processed again."""
        for path in (self.records, self.errors):
            rewrite_without(path, keys)

    def open(self) -> None:
        self.records.parent.mkdir(parents=True, exist_ok=True)
        self._out = self.records.open("a", encoding="utf-8", newline="\n")

    def append(self, kind: str, line: str) -> None:
        if kind != "record" and self._err is None:  # the errors file only when needed
            self.errors.parent.mkdir(parents=True, exist_ok=True)
            self._err = self.errors.open("a", encoding="utf-8", newline="\n")
        fh = self._out if kind == "record" else self._err
        assert fh is not None, "Store.open() first"
        fh.write(line + "\n")
        fh.flush()

    def close(self) -> None:
        for fh in (self._out, self._err):
            if fh is not None:
                fh.flush()
                os.fsync(fh.fileno())
                fh.close()
        self._out = self._err = None
