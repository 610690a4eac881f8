"""Rebuild pressparse's German NER from the corpora: convert, train, measure, ship.

    python scripts/ner_train.py [--data ../shared/data/ner]

1. ``scripts/ner_convert.py`` writes the DocBin files to ``pipelines/ner/corpus/``.
2. ``spacy train pipelines/ner/config.cfg`` trains single-threaded (the step
   limit in the config bounds the run) into ``pipelines/ner/training/``.
3. ``spacy evaluate`` scores ``model-best`` on the held-out GermEval part.
4. ``model-best`` is copied to ``src/pressparse/data/ner`` with its meta.json
   naming the model, the corpora and their licences, and the held-out scores,
   and a LICENSE file with the attribution.

Both ``pipelines/ner/corpus/`` and ``pipelines/ner/training/`` are git-ignored.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from spacy.util import load_config

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "pipelines" / "ner" / "config.cfg"
CORPUS = ROOT / "pipelines" / "ner" / "corpus"
TRAINING = ROOT / "pipelines" / "ner" / "training"
TARGET = ROOT / "src" / "pressparse" / "data" / "ner"

NAME = "pressparse_ner"
VERSION = "0.1.0"
SOURCES = [
    {
        "name": "GermEval 2014 NER Shared Task (dev and test splits)",
        "url": "https://sites.google.com/site/germeval2014ner/",
        "license": "CC BY 4.0",
        "author": "Benikova, Biemann, Kisselew, Padó (2014)",
    },
    {
        "name": "MobIE: German mobility-domain NER corpus",
        "url": "https://github.com/DFKI-NLP/MobIE",
        "license": "CC BY 4.0",
        "author": "Hennig, Truong, Gabryszak (2021), DFKI",
    },
    {
        "name": "German Legal Entity Recognition (LER) corpus (dev and test splits)",
        "url": "https://github.com/elenanereiss/Legal-Entity-Recognition",
        "license": "CC BY 4.0",
        "author": "Leitner, Rehm, Moreno-Schneider (2019)",
    },
]
NOTICE = """pressparse_ner {version}: German named-entity recognition (PER, LOC, ORG)

This spaCy pipeline was trained by pressparse (scripts/ner_train.py) on the
corpora below, all licensed under the Creative Commons Attribution 4.0
International licence (CC BY 4.0, https://creativecommons.org/licenses/by/4.0/).
Their labels were mapped to PER, LOC and ORG (see scripts/ner_convert.py); the
model weights are a work derived from them and are distributed under CC BY 4.0
with this attribution.

{sources}
"""


def run(cmd: list[str]) -> None:
    print("+", " ".join(cmd), flush=True)
    env = dict(os.environ)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        env[var] = "1"  # one core: the training must not crowd out other work
    subprocess.run(cmd, check=True, env=env, cwd=ROOT)


def package(model: Path, scores: dict[str, object]) -> None:
    """Copy the trained pipeline into the package with meta, licence and notice."""
    if TARGET.exists():
        shutil.rmtree(TARGET)
    shutil.copytree(model, TARGET)
    # The training paths are machine-specific and not needed to load the model.
    config = load_config(TARGET / "config.cfg", interpolate=False)
    config["paths"]["train"] = None
    config["paths"]["dev"] = None
    config.to_disk(TARGET / "config.cfg")
    meta_path = TARGET / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        name=NAME,
        version=VERSION,
        description=(
            "pressparse's German NER (PER, LOC, ORG): CNN tok2vec with hash embeddings and "
            "a transition-based NER, trained on GermEval 2014 (dev+test minus a held-out "
            "10 %), MobIE and LER, all CC BY 4.0. Performance: held-out GermEval part."
        ),
        author="pressparse",
        license="CC BY 4.0",
        sources=SOURCES,
        performance=scores,
        spacy_version=">=3.8.0,<3.9.0",
    )
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    # The hash embeddings work on string hashes, so the training vocabulary's
    # strings (2 MB, slower to load) are not needed to tag; the labels are kept.
    strings = TARGET / "vocab" / "strings.json"
    strings.write_text(json.dumps(sorted(meta["labels"]["ner"])), encoding="utf-8")
    lines = [f"- {s['name']}, {s['author']}. {s['url']}. Licence: {s['license']}." for s in SOURCES]
    notice = NOTICE.format(version=VERSION, sources="\n".join(lines))
    (TARGET / "LICENSE").write_text(notice, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, help="corpus folder (default ../shared/data/ner)")
    parser.add_argument("--skip-train", action="store_true",
                        help="only evaluate and ship an existing pipelines/ner/training/model-best")
    args = parser.parse_args()

    py = sys.executable
    if not args.skip_train:
        convert = [py, "scripts/ner_convert.py", "--out", str(CORPUS)]
        if args.data:
            convert += ["--data", str(args.data)]
        run(convert)
        run([py, "-m", "spacy", "train", str(CONFIG), "--output", str(TRAINING),
             "--paths.train", str(CORPUS / "train.spacy"),
             "--paths.dev", str(CORPUS / "dev.spacy")])
    model = TRAINING / "model-best"
    result = TRAINING / "heldout.json"
    run([py, "-m", "spacy", "evaluate", str(model), str(CORPUS / "heldout.spacy"),
         "--output", str(result)])
    scores = json.loads(result.read_text(encoding="utf-8"))
    keep = ("ents_p", "ents_r", "ents_f", "ents_per_type")
    package(model, {k: scores[k] for k in keep if k in scores})
    print(f"shipped {TARGET}: held-out ents_f={scores['ents_f']:.3f}")


if __name__ == "__main__":
    main()
