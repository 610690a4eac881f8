"""Loaders: turn a file into pages of lines, or fail with a clear reason."""

from __future__ import annotations

import errno
import hashlib
from pathlib import Path
from stat import S_ISREG

from ..config import LoadSettings
from ..errors import DocumentError
from ..layout import LoadedDocument
from .pdf import pdf_warnings, read_pdf
from .text import read_text, text_warnings

SUFFIXES = {".txt": "text/plain", ".text": "text/plain", ".pdf": "application/pdf"}


def media_type_for(path: Path) -> str | None:
    return SUFFIXES.get(path.suffix.lower())


def read_source(path: Path, settings: LoadSettings) -> tuple[bytes, str]:
    """Read the file's bytes and sha256, refusing what cannot be a release."""
    try:
        stat = path.stat()
        if not S_ISREG(stat.st_mode):
            raise DocumentError("load", "not a regular file")
        size = stat.st_size
        if size > settings.max_bytes:
            raise DocumentError(
                "load", f"file too large: {size} bytes (limit {settings.max_bytes})"
            )
        data = path.read_bytes()
    except PermissionError as exc:
        raise DocumentError("load", "permission denied: the file cannot be read") from exc
    except FileNotFoundError as exc:
        raise DocumentError("load", "no such file (a dangling link, or removed)") from exc
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise DocumentError("load", "symbolic link loop: the file cannot be reached") from exc
        raise DocumentError("load", f"cannot read file: {exc.strerror or exc}") from exc
    return data, hashlib.sha256(data).hexdigest()


def load(path: str | Path, settings: LoadSettings | None = None) -> LoadedDocument:
    settings = settings or LoadSettings()
    path = Path(path)
    media_type = media_type_for(path)
    if media_type is None:
        raise DocumentError("load", f"unsupported file type {path.suffix or '(none)'!r}")
    data, sha = read_source(path, settings)
    try:
        if not data:
            raise DocumentError("load", "empty file (0 bytes)")
        if media_type == "application/pdf":
            pages = read_pdf(data, settings)
            return LoadedDocument(str(path), media_type, sha, len(data), pages,
                                  warnings=pdf_warnings(pages))
        pages, encoding = read_text(data)
    except DocumentError as exc:
        exc.sha256, exc.size = sha, len(data)
        raise
    return LoadedDocument(str(path), media_type, sha, len(data), pages, encoding=encoding,
                          warnings=text_warnings(data, encoding))
