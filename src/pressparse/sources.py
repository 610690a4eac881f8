"""Finding the documents of a run: files as named, folders walked recursively."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .load import SUFFIXES


def iter_documents(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Named files always (an unsupported one becomes an error record); in folders,
    the `.txt` and `.pdf` files, sorted, without following links to folders."""
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found: list[Path] = []
            for folder, dirs, names in os.walk(path, followlinks=False):
                dirs.sort()
                found.extend(
                    Path(folder) / n for n in names if Path(n).suffix.lower() in SUFFIXES
                )
            candidates = sorted(found)
        else:
            candidates = [path]
        for candidate in candidates:
            key = os.path.normpath(str(candidate))
            if key not in seen:
                seen.add(key)
                yield candidate
