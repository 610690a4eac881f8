"""Writing records as JSON Lines so that an interrupted run never leaves a torn record.

A file target is written to a temporary file beside it and moved into place when
the run ends; a crash leaves the previous file untouched and no half line.
"""

from __future__ import annotations

import json
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import IO

from pydantic import BaseModel


def is_stream(path: Path) -> bool:
    """Whether `path` exists and is not a regular file (a device, a FIFO, a socket)."""
    try:
        return not stat.S_ISREG(path.stat().st_mode) and not path.is_dir()
    except OSError:
        return False


def dumps(record: BaseModel, pretty: bool = False) -> str:
    data = record.model_dump(mode="json")
    if pretty:
        return json.dumps(data, ensure_ascii=False, indent=2)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


class JsonLinesWriter:
    """Writes one JSON document per line to a file (atomically) or to stdout."""

    def __init__(self, target: str | Path | None, pretty: bool = False) -> None:
        self.pretty = pretty
        self.path = None if target in (None, "-") else Path(target)
        self._tmp: Path | None = None
        self._owned = False  # a stream this writer opened, and closes
        self._fh: IO[str]
        if self.path is None:
            self._fh = sys.stdout
        elif is_stream(self.path):
            # a device or pipe (/dev/null, a FIFO) is written to, never replaced
            self._fh = self.path.open("w", encoding="utf-8", newline="\n")
            self.path = None
            self._owned = True
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part",
                                       dir=self.path.parent)
            self._tmp = Path(tmp)
            self._fh = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        self.count = 0

    def write(self, record: BaseModel) -> None:
        self.write_line(dumps(record, self.pretty))

    def write_line(self, line: str) -> None:
        self._fh.write(line + "\n")
        self.count += 1

    def close(self, commit: bool = True) -> None:
        if self.path is None:
            self._fh.flush()
            if self._owned:
                self._fh.close()
            return
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        assert self._tmp is not None
        if commit:
            os.replace(self._tmp, self.path)
        else:
            self._tmp.unlink(missing_ok=True)

    def __enter__(self) -> JsonLinesWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close(commit=exc_type is None)
