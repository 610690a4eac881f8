#!/usr/bin/env python3
"""Score pressparse on the dev corpus, text files and PDFs, with the shared scorer.

    python scripts/evaluate.py [--dev ../shared/corpus/dev] [--pipeline FILE] [--out DIR]
                               [--errors]

Runs the pipeline over the dev texts and over their PDFs, writes the records to
OUT/dev-text.jsonl and OUT/dev-pdf.jsonl, and prints the scorer's table for each.
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
    parser.add_argument("--pipeline", default=None)
    parser.add_argument("--out", type=Path, default=ROOT / "out")
    parser.add_argument("--errors", action="store_true", help="list every miss on stderr")
    args = parser.parse_args()

    scorer = args.dev.parent.parent / "eval" / "score.py"
    pipeline = Pipeline(load_settings(args.pipeline))
    args.out.mkdir(parents=True, exist_ok=True)
    for name, files in (("text", sorted(args.dev.glob("*.txt"))),
                        ("pdf", sorted((args.dev / "pdf").glob("*.pdf")))):
        out = args.out / f"dev-{name}.jsonl"
        with JsonLinesWriter(out) as writer:
            for path in files:
                writer.write(pipeline.process(path))
        print(f"## dev {name} ({len(files)} documents, NER: {pipeline.info.ner})", flush=True)
        cmd = [sys.executable, str(scorer), str(args.dev), str(out)]
        subprocess.run(cmd + (["--errors"] if args.errors else []), check=True)


if __name__ == "__main__":
    main()
