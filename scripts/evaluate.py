#!/usr/bin/env python3
"""Score pressparse on the dev corpus and on a held-out set, with the shared scorer.

    python scripts/evaluate.py [--dev ../shared/corpus/dev] [--scale ../shared/corpus/scale]
                               [--heldout bench/heldout] [--pipeline FILE] [--out DIR]
                               [--errors]

Runs the pipeline over the dev texts and over their PDFs, writes the records to
OUT/dev-text.jsonl and OUT/dev-pdf.jsonl, and prints the scorer's table for each.
Then it does the same for the held-out set: releases of the scale corpus that the
rules were not written from, annotated by the project after GOLD.md (the gold files
are in `bench/heldout/`, the texts stay in the scale corpus).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from pressparse.config import load_settings  # noqa: E402
from pressparse.output import JsonLinesWriter  # noqa: E402
from pressparse.pipeline import Pipeline  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev", type=Path, default=ROOT.parent / "shared/corpus/dev")
    parser.add_argument("--scale", type=Path, default=ROOT.parent / "shared/corpus/scale")
    parser.add_argument("--heldout", type=Path, default=ROOT / "bench/heldout")
    parser.add_argument("--pipeline", default=None)
    parser.add_argument("--out", type=Path, default=ROOT / "out")
    parser.add_argument("--errors", action="store_true", help="list every miss on stderr")
    args = parser.parse_args()

    scorer = args.dev.parent.parent / "eval" / "score.py"
    pipeline = Pipeline(load_settings(args.pipeline))
    args.out.mkdir(parents=True, exist_ok=True)
    heldout = [args.scale / gold.name.replace(".gold.json", ".txt")
               for gold in sorted(args.heldout.glob("*.gold.json"))]
    runs = [("dev-text", args.dev, sorted(args.dev.glob("*.txt"))),
            ("dev-pdf", args.dev, sorted((args.dev / "pdf").glob("*.pdf"))),
            ("heldout", args.heldout, [path for path in heldout if path.exists()])]
    for name, gold, files in runs:
        if not files:
            continue
        out = args.out / f"{name}.jsonl"
        with JsonLinesWriter(out) as writer:
            for path in files:
                writer.write(pipeline.process(path))
        print(f"## {name} ({len(files)} documents, NER: {pipeline.info.ner})", flush=True)
        cmd = [sys.executable, str(scorer), str(gold), str(out)]
        subprocess.run(cmd + (["--errors"] if args.errors else []), check=True)


if __name__ == "__main__":
    main()
