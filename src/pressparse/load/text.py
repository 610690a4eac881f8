"""Plain-text releases: decode with the encoding the bytes show, refuse binary data.

German releases come as UTF-8 (with or without BOM), Windows-1252 or ISO-8859-1,
now and then as UTF-16. UTF-8 is tried strictly first, because a valid UTF-8
decoding of umlauts is never an accident; a file that is mostly UTF-8 with a few
stray single bytes (text pasted together from two sources) keeps its UTF-8 and
reads the stray bytes as Windows-1252. cp1252 is preferred over ISO-8859-1
because its 0x80-0x9F range holds the typographic quotes, dashes and the euro
sign real releases use, where ISO-8859-1 has control codes.
"""

from __future__ import annotations

import codecs
import re

from ..errors import DocumentError
from ..layout import Line, Page

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# file signatures of what is most often misnamed .txt
_MAGIC = (
    (b"%PDF-", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (such as a DOCX or ODT document)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (DOC)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)
# C0 controls that never occur in text (tab, LF, CR and form feed do).
_CONTROL = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_UTF8_MULTI = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_HIGH = re.compile(rb"[\x80-\xff]")
STRAY = "pressparse-stray-cp1252"


def _stray_as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejects one by one as Windows-1252."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return bad.decode("cp1252", errors="replace"), exc.end


codecs.register_error(STRAY, _stray_as_cp1252)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows as a NUL beside nearly every ASCII letter."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.7 and even < half * 0.05:
        return "utf-16-le"
    if even > half * 0.7 and odd < half * 0.05:
        return "utf-16-be"
    return None


def detect_encoding(data: bytes) -> str:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    multi = len(_UTF8_MULTI.findall(data))
    if multi and multi * 2 >= len(_HIGH.findall(data)) - multi * 2:
        return "utf-8"  # mostly UTF-8: decoded with the stray bytes as cp1252
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "iso-8859-1"


def check_not_binary(data: bytes) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DocumentError("load", f"binary data: the file is {what} named as text")
    sample = data[:65536]
    nuls = sample.count(0)
    if nuls:
        raise DocumentError(
            "load", f"binary data: the file contains NUL bytes ({nuls} in the first "
            f"{len(sample)} bytes), it is not text"
        )
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    if controls > max(8, len(sample) // 100):
        raise DocumentError(
            "load", f"binary data: {controls} control bytes in the first {len(sample)} bytes"
        )


def text_warnings(data: bytes, encoding: str) -> list[str]:
    """Bytes of a UTF-8 file that are not UTF-8 were guessed at: say how many."""
    if encoding != "utf-8":
        return []
    stray = start = 0
    for _ in range(1000):
        try:
            data[start:].decode("utf-8")
            break
        except UnicodeDecodeError as exc:
            stray += exc.end - exc.start
            start += exc.end
    if not stray:
        return []
    return [f"{stray} byte{'s' if stray > 1 else ''} not valid in UTF-8, read as Windows-1252"]


def read_text(data: bytes) -> tuple[list[Page], str]:
    encoding = detect_encoding(data)
    if not encoding.startswith(("utf-16", "utf-32")):
        check_not_binary(data)
    try:
        text = data.decode(encoding, errors=STRAY if encoding == "utf-8" else "strict")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            "load", f"cannot decode the text as {encoding}: {exc.reason} at byte {exc.start}"
        ) from exc
    if "\x00" in text:
        raise DocumentError("load", "binary data: the text contains NUL characters")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise DocumentError("load", "no text: the file holds only white space")
    lines = [Line(t) for t in text.split("\n")]
    return [Page(1, lines)], encoding
