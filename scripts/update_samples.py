#!/usr/bin/env python3
"""Write the expected records of the samples: samples/expected/<file name>.json.

    python scripts/update_samples.py

Run it after a change that is meant to change what pressparse finds in the
samples, and read the diff before committing it: the files are what
tests/test_samples.py holds the default pipeline to.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from pressparse.pipeline import Pipeline  # noqa: E402
from pressparse.record import Record  # noqa: E402

SAMPLES = ROOT / "samples"


def expected_for(pipeline: Pipeline, path: Path) -> dict:
    """The record as the samples keep it: paths relative to the repository."""
    record = pipeline.process(path.relative_to(ROOT))
    assert isinstance(record, Record), f"{path}: {record}"
    data = record.model_dump(mode="json")
    data.pop("pipeline")  # versions and fingerprints change with every release
    return data


def main() -> None:
    pipeline = Pipeline()
    out = SAMPLES / "expected"
    out.mkdir(exist_ok=True)
    for path in sorted(SAMPLES.glob("*.*")):
        if path.suffix in (".txt", ".pdf"):
            target = out / f"{path.name}.json"
            text = json.dumps(expected_for(pipeline, path), ensure_ascii=False, indent=2)
            target.write_text(text + "\n", encoding="utf-8")
            print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
