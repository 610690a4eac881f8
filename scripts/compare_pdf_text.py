#!/usr/bin/env python3
"""Measure how far a release's PDF reads from its text: word-level difference.

For every NAME.txt in CORPUS with a PDF at CORPUS/pdf/NAME.pdf, both are loaded and
normalised by pressparse, split at white space and aligned with difflib. The
difference is the share of words of both sides outside matching blocks
(1 - SequenceMatcher.ratio()); the overall figure pools the words of all documents.

With --readers, the PDFs read by pdfplumber are compared with the same PDFs read
by pdfium instead of with the texts.

usage: python scripts/compare_pdf_text.py CORPUS [--reader pdfplumber|pdfium] [--readers]
                                                 [--diff NAME]
"""

from __future__ import annotations

import argparse
import difflib
import sys
import time
from pathlib import Path

from pressparse.config import LoadSettings
from pressparse.load import load
from pressparse.normalise import normalise


def words_of(path: Path, settings: LoadSettings) -> list[str]:
    return normalise(load(path, settings)).text.split()


def difference(a: list[str], b: list[str]) -> tuple[int, int]:
    """Words outside matching blocks, and all words, of both sides."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return len(a) + len(b) - 2 * matched, len(a) + len(b)


def show_diff(a: list[str], b: list[str]) -> None:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            print(f"  {op:8} text: {' '.join(a[i1:i2])!r}\n  {'':8} pdf:  {' '.join(b[j1:j2])!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="folder with NAME.txt and pdf/NAME.pdf")
    parser.add_argument("--reader", choices=["pdfplumber", "pdfium"], default="pdfplumber")
    parser.add_argument("--readers", action="store_true",
                        help="compare the two PDF readers with each other, not with the texts")
    parser.add_argument("--diff", metavar="NAME", help="print the differing words of NAME")
    args = parser.parse_args(argv)

    settings = LoadSettings(pdf_reader=args.reader)
    pairs = [
        (txt, args.corpus / "pdf" / f"{txt.stem}.pdf")
        for txt in sorted(args.corpus.glob("*.txt"))
        if (args.corpus / "pdf" / f"{txt.stem}.pdf").is_file()
    ]
    if not pairs:
        print(f"no NAME.txt with pdf/NAME.pdf in {args.corpus}", file=sys.stderr)
        return 2
    total_diff = total_words = pdf_pages = pdf_words = 0
    pdf_seconds = 0.0
    print(f"{'document':45} {'words':>6} {'diff':>6} {'%':>6}")
    other = LoadSettings(pdf_reader="pdfium" if args.reader == "pdfplumber" else "pdfplumber")
    for txt, pdf in pairs:
        a = words_of(pdf, other) if args.readers else words_of(txt, settings)
        start = time.perf_counter()
        loaded = load(pdf, settings)
        b = normalise(loaded).text.split()
        pdf_seconds += time.perf_counter() - start
        pdf_pages += len(loaded.pages)
        pdf_words += len(b)
        diff, words = difference(a, b)
        total_diff += diff
        total_words += words
        print(f"{txt.stem:45} {len(a):6} {diff:6} {100 * diff / words:6.2f}")
        if args.diff and args.diff == txt.stem:
            show_diff(a, b)
    print(f"{'overall':45} {total_words // 2:6} {total_diff:6} "
          f"{100 * total_diff / total_words:6.2f}")
    print(f"reader {args.reader}: {len(pairs)} PDFs, {pdf_pages} pages in {pdf_seconds:.2f} s "
          f"({pdf_pages / pdf_seconds:.1f} pages/s, {pdf_words / pdf_seconds:.0f} words/s, "
          f"load and normalise)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
