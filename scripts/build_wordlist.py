#!/usr/bin/env python3
"""Build src/pressparse/data/de_words.txt.gz, the German word list the de-hyphenator uses.

Source: the MIT-licensed `spacy-lookups-data` package (Explosion AI): every word form
and lemma of its German lemma table, plus the most frequent word forms of its German
lexeme probability table (which also holds hyphenated compounds such as
"baden-württembergischen", evidence for keeping a line-end hyphen). Only tokens made
of letters, optionally joined by single hyphens, are kept, case-folded and sorted.

The wheel (~100 MB) is downloaded by pip into a temporary folder; the package itself
never needs it.

usage: python scripts/build_wordlist.py [--wheel PATH] [--frequent N] [-o OUT]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

VERSION = "1.0.5"
LEMMA = "spacy_lookups_data/data/de_lemma_lookup.json.gz"
PROB = "spacy_lookups_data/data/de_lexeme_prob.json.gz"
WORD = re.compile(r"^[^\W\d_]{2,}(?:-[^\W\d_]+)*$")
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "src/pressparse/data/de_words.txt.gz"


def download_wheel(folder: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
         "-d", str(folder), f"spacy-lookups-data=={VERSION}"],
        check=True,
    )
    return next(folder.glob("spacy_lookups_data-*.whl"))


def read_table(wheel: zipfile.ZipFile, name: str) -> dict[str, object]:
    return json.loads(gzip.decompress(wheel.read(name)))


def words_from(wheel_path: Path, frequent: int) -> set[str]:
    with zipfile.ZipFile(wheel_path) as wheel:
        lemmas = read_table(wheel, LEMMA)
        probs = read_table(wheel, PROB)
    words = {w.casefold() for pair in lemmas.items() for w in pair if WORD.match(str(w))}
    ranked = sorted(
        (w for w in probs if WORD.match(w)), key=lambda w: probs[w], reverse=True  # type: ignore[arg-type,return-value]
    )
    words.update(w.casefold() for w in ranked[:frequent])
    return words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel", type=Path, help="an already downloaded spacy-lookups-data wheel")
    parser.add_argument("--frequent", type=int, default=300_000,
                        help="how many of the most frequent word forms to add [300000]")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or download_wheel(Path(tmp))
        words = words_from(wheel, args.frequent)
    data = "\n".join(sorted(words)).encode("utf-8")
    args.output.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{len(words)} words, {args.output.stat().st_size} bytes: {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
