"""Plain-text releases: decode with the encoding the bytes show, refuse binary data.

German releases come as UTF-8 (with or without BOM), Windows-1252 or ISO-8859-1.
UTF-8 is tried strictly first, because a valid UTF-8 decoding of umlauts is never an
accident; cp1252 is preferred over ISO-8859-1 because its 0x80-0x9F range holds the
typographic quotes and dashes real releases use, where ISO-8859-1 has control codes.
"""

from __future__ import annotations

import codecs

from ..errors import DocumentError
from ..layout import Line, Page

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls that never occur in text (tab, LF, CR and form feed do).
_CONTROL = set(range(0x00, 0x09)) | {0x0B} | set(range(0x0E, 0x20)) | {0x7F}


def detect_encoding(data: bytes) -> str:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "iso-8859-1"


def check_not_binary(data: bytes) -> None:
    if data.startswith(b"%PDF-"):
        raise DocumentError("load", "binary data: the file is a PDF named as text")
    sample = data[:65536]
    if b"\x00" in sample:
        raise DocumentError("load", "binary data: the file contains NUL bytes, it is not text")
    controls = sum(1 for b in sample if b in _CONTROL)
    if controls > max(8, len(sample) // 100):
        raise DocumentError(
            "load", f"binary data: {controls} control bytes in the first {len(sample)} bytes"
        )


def read_text(data: bytes) -> tuple[list[Page], str]:
    encoding = detect_encoding(data)
    if not encoding.startswith(("utf-16", "utf-32")):
        check_not_binary(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DocumentError("load", f"cannot decode text as {encoding}: {exc.reason}") from exc
    if "\x00" in text:
        raise DocumentError("load", "binary data: the text contains NUL characters")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise DocumentError("load", "no text: the file holds only white space")
    lines = [Line(t) for t in text.split("\n")]
    return [Page(1, lines)], encoding
