"""A batch over malformed files: each gets a clear error record, the rest their records."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from pdf_factory import encrypt, pdf_of_objects

from pressparse.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SEED_PDF = (SAMPLES / "bw-seed-2019-03-31.pdf").read_bytes()
SEED_TXT = (SAMPLES / "bw-seed-2019-03-31.txt").read_bytes()


def empty_pages(count: int) -> bytes:
    kids = b" ".join(b"%d 0 R" % (n + 3) for n in range(count))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"
    return pdf_of_objects([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Count %d /Kids [%s] >>" % (count, kids),
                      *[page] * count])


def deeply_nested() -> bytes:
    deep = b"[" * 50_000 + b"]" * 50_000
    return pdf_of_objects([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
                      b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                      b"<< /Length %d >>\nstream\n%s\nendstream" % (len(deep), deep)])


# file name → (content or None for special files, words the reason must contain)
BAD: dict[str, tuple[bytes | None, str]] = {
    "zero.txt": (b"", "empty file"),
    "zero.pdf": (b"", "empty file"),
    "random.pdf": (os.urandom(4096), "not a PDF"),
    "random.txt": (b"\x00\x01" + os.urandom(4096), "binary data"),
    "nul-bytes.txt": (b"Pressemitteilung\x00\x00\x00 vom 1. Mai", "NUL"),
    "truncated.pdf": (SEED_PDF[: len(SEED_PDF) // 2], "PDF"),
    "encrypted.pdf": (None, "encrypted"),
    "thousands-of-pages.pdf": (empty_pages(3000), "too many pages"),
    "empty-pages.pdf": (empty_pages(200), "no text"),
    "deeply-nested.pdf": (deeply_nested(), "PDF"),
    "text-named.pdf": (SEED_TXT, "not a PDF"),
    "pdf-named.txt": (SEED_PDF, "PDF named as text"),
    "huge.txt": (None, "too large"),
    "loop-a.txt": (None, "link loop"),
    "dangling.txt": (None, "no such file"),
}


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, dict, dict, str]:
    folder = tmp_path_factory.mktemp("bad")
    for name, (content, _) in BAD.items():
        if content is not None:
            (folder / name).write_bytes(content)
    (folder / "encrypted.pdf").write_bytes(encrypt(SEED_PDF, "geheim"))
    with (folder / "huge.txt").open("wb") as fh:
        fh.truncate(60_000_000)  # sparse: larger than the default limit of 50 MB
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    os.symlink("nowhere.txt", folder / "dangling.txt")
    (folder / "good").mkdir()
    (folder / "good" / "seed.txt").write_bytes(SEED_TXT)
    (folder / "good" / "seed.pdf").write_bytes(SEED_PDF)
    (folder / "good" / "latin1.txt").write_bytes(
        "Pressemitteilung vom 02.05.2022\n\nGrüße aus Köln an die Straße".encode("latin-1"))
    out = folder / "out" / "records.jsonl"
    result = CliRunner().invoke(main, ["extract", str(folder), "-o", str(out), "-w", "2"])
    records = {Path(json.loads(x)["source"]["path"]).name: json.loads(x)
               for x in out.read_text("utf-8").splitlines()}
    errors = {Path(json.loads(x)["source"]["path"]).name: json.loads(x)
              for x in (out.parent / "records.errors.jsonl").read_text("utf-8").splitlines()}
    return result.exit_code, records, errors, result.stderr


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_file_gets_a_clear_error_record(batch: tuple, name: str) -> None:
    _, records, errors, stderr = batch
    assert name not in records
    error = errors[name]
    assert error["kind"] == "error" and error["stage"] == "load"
    assert BAD[name][1].casefold() in error["reason"].casefold(), error["reason"]
    assert name in stderr


def test_the_good_documents_of_the_batch_give_their_records(batch: tuple) -> None:
    code, records, errors, _ = batch
    assert code == 1
    assert set(records) == {"seed.txt", "seed.pdf", "latin1.txt"}
    assert records["latin1.txt"]["source"]["encoding"] in {"cp1252", "iso-8859-1"}
    assert "Grüße aus Köln" in records["latin1.txt"]["text"]
    assert len(errors) == len(BAD) + 1  # loop-b.txt is a link loop too


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file(tmp_path: Path) -> None:
    f = tmp_path / "secret.txt"
    f.write_bytes(SEED_TXT)
    f.chmod(0)
    out = tmp_path / "r.jsonl"
    result = CliRunner().invoke(main, ["extract", str(f), "-o", str(out)])
    assert result.exit_code == 1
    error = json.loads((tmp_path / "r.errors.jsonl").read_text("utf-8"))
    assert "permission denied" in error["reason"]
