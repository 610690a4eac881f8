"""Text loading: encodings as releases come, and binary data refused with a reason."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from pressparse.errors import DocumentError
from pressparse.load import load
from pressparse.load.text import detect_encoding, read_text
from pressparse.normalise import normalise

RELEASE = (
    "Pressemitteilung vom 31. März 2019\n\n"
    "„Großartig, welches Engagement unsere Kommunen zeigen“, sagte die Ministerin – "
    "das Land fördert Straßen für 20 € je Einwohner.\n"
)
PLAIN = "Pressemitteilung vom 2. Mai 2022\n\nGrüße aus Köln an die Straße, die Bürger und Ämter.\n"


def loaded(tmp_path: Path, data: bytes, name: str = "r.txt") -> tuple[str, str | None]:
    path = tmp_path / name
    path.write_bytes(data)
    doc = load(path)
    assert not doc.is_pdf and len(doc.pages) == 1
    return normalise(doc).text, doc.encoding


def refused(tmp_path: Path, data: bytes, name: str = "r.txt") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(DocumentError) as info:
        load(path)
    assert info.value.stage == "load"
    assert info.value.sha256 and info.value.size == len(data)
    return info.value.reason


EXPECTED = RELEASE.rstrip("\n")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (RELEASE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + RELEASE.encode("utf-8"), "utf-8-sig"),
        (RELEASE.encode("cp1252"), "cp1252"),
        (codecs.BOM_UTF16_LE + RELEASE.encode("utf-16-le"), "utf-16"),
        (RELEASE.encode("utf-16-le"), "utf-16-le"),
        (RELEASE.encode("utf-16-be"), "utf-16-be"),
    ],
    ids=["utf-8", "utf-8-bom", "cp1252", "utf-16-bom", "utf-16-le", "utf-16-be"],
)
def test_encodings_with_typographic_quotes_and_euro(
    tmp_path: Path, data: bytes, encoding: str
) -> None:
    text, found = loaded(tmp_path, data)
    assert found == encoding
    assert text == EXPECTED
    assert "\ufeff" not in text


def test_iso_8859_1(tmp_path: Path) -> None:
    text, found = loaded(tmp_path, PLAIN.encode("iso-8859-1"))
    assert found in {"cp1252", "iso-8859-1"}  # identical for these characters
    assert text == PLAIN.rstrip("\n")


def test_iso_8859_1_with_bytes_cp1252_lacks(tmp_path: Path) -> None:
    """0x81 and 0x8D are unassigned in cp1252: only ISO-8859-1 decodes the file."""
    data = PLAIN.encode("iso-8859-1") + b"Nr. \x81\x8d 1\n"
    assert detect_encoding(data) == "iso-8859-1"
    text, _ = loaded(tmp_path, data)
    assert "Grüße aus Köln" in text


def test_cp1252_is_preferred_over_iso_8859_1() -> None:
    data = "„Zitat“ – 5 €".encode("cp1252")
    assert detect_encoding(data) == "cp1252"
    assert read_text(data)[0][0].lines[0].text == "„Zitat“ – 5 €"


def test_crlf_and_cr_line_ends(tmp_path: Path) -> None:
    text, _ = loaded(tmp_path, RELEASE.replace("\n", "\r\n").encode("utf-8"))
    assert text == EXPECTED
    text, _ = loaded(tmp_path, RELEASE.replace("\n", "\r").encode("utf-8"))
    assert text == EXPECTED


def test_utf8_with_a_stray_cp1252_byte(tmp_path: Path) -> None:
    """Text pasted together from two sources: the stray byte is read as cp1252."""
    data = "Grüße aus Köln, ".encode() + "Bürgerämter".encode("cp1252") + " in Düsseldorf".encode()
    text, found = loaded(tmp_path, data)
    assert found == "utf-8"
    assert text == "Grüße aus Köln, Bürgerämter in Düsseldorf"


def test_stray_bytes_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes("Grüße, ".encode() + "Bürgerämter".encode("cp1252") + " in Köln".encode())
    assert load(path).warnings == ["2 bytes not valid in UTF-8, read as Windows-1252"]
    path.write_bytes(RELEASE.encode())
    assert load(path).warnings == []


def test_invalid_utf8_that_is_really_cp1252(tmp_path: Path) -> None:
    data = "Grüße aus Köln an die Straße".encode("cp1252")
    text, found = loaded(tmp_path, data)
    assert found == "cp1252" and text == "Grüße aus Köln an die Straße"


def test_truncated_utf8_sequence_at_the_end(tmp_path: Path) -> None:
    data = "Grüße aus Köln ".encode() + "ä".encode()[:1]
    text, found = loaded(tmp_path, data)
    assert found == "utf-8" and text.startswith("Grüße aus Köln")


def test_zero_bytes(tmp_path: Path) -> None:
    assert "empty file" in refused(tmp_path, b"")


def test_only_white_space(tmp_path: Path) -> None:
    assert "no text" in refused(tmp_path, b" \n\t\r\n  \n")


def test_random_bytes(tmp_path: Path) -> None:
    assert "binary data" in refused(tmp_path, os.urandom(4096))


def test_nul_bytes(tmp_path: Path) -> None:
    reason = refused(tmp_path, b"Pressemitteilung\x00\x00\x00 vom 1. Mai")
    assert "binary data" in reason and "NUL" in reason


def test_control_bytes_without_nul(tmp_path: Path) -> None:
    data = bytes(range(1, 9)) * 40 + b"Pressemitteilung"
    assert "control bytes" in refused(tmp_path, data)


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\n%%EOF\n", "PDF named as text"),
        (b"PK\x03\x04\x14\x00\x06\x00" + b"word/document.xml", "ZIP archive"),
        (b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Arial;}} Pressemitteilung}", "RTF document"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG image"),
    ],
    ids=["pdf", "docx", "rtf", "png"],
)
def test_other_formats_named_txt(tmp_path: Path, data: bytes, what: str) -> None:
    reason = refused(tmp_path, data)
    assert reason.startswith("binary data") and what in reason


def test_an_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(DocumentError, match="unsupported file type"):
        load(path)


def test_a_few_control_characters_are_tolerated(tmp_path: Path) -> None:
    """A form feed or a stray escape in an otherwise clean release is no reason to refuse."""
    text, _ = loaded(tmp_path, ("Erste Seite.\f\nZweite Seite\x1b.\n" * 3).encode())
    assert text.startswith("Erste Seite.\n\nZweite Seite.")
