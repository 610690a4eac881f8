"""Convert the German NER corpora to spaCy DocBin files with one label set.

Reads GermEval 2014 (dev + test), DFKI MobIE and, unless left out, German LER
from ``../shared/data/ner`` and writes ``train.spacy``, ``dev.spacy`` and
``heldout.spacy`` into the output folder. All corpora are CC BY 4.0.

Labels are mapped to PER, LOC and ORG; everything else becomes ``O``:

* GermEval: outer column; PER/LOC/ORG kept; OTH and the ``deriv`` ("deutsche")
  and ``part`` ("Berlin-Reise") variants dropped, because for press releases a
  derived adjective or a compound is not a mention of the place or body itself.
* MobIE: person -> PER; location-city, -street, -stop -> LOC; organization,
  organization-company -> ORG; routes ("S4"), dates, money ... dropped. The
  generic ``location`` type mixes names with descriptions ("beiden
  Richtungen", "Kreuz", "stadtauswärts"), so its tokens are left unannotated
  (missing, neither entity nor O). Twitter handles ("@name") are dropped: they
  never occur as names in press releases.
* LER: PER, RR (judge), AN (lawyer) -> PER; LD, ST, STR, LDS -> LOC;
  ORG, UN, INN, GRT (court) -> ORG; laws, decisions, literature ... dropped.

Split (deterministic, by the running number of the GermEval sentence over dev
then test): n % 20 in {0, 1} -> heldout (10 %, never trained on and not used
for model selection), n % 20 == 2 -> dev (5 %, model selection), the rest ->
train. MobIE (all splits) and LER go to train only.

Docs are built from the corpus tokens with spaces restored by punctuation
heuristics, so that the blank German tokenizer sees natural text at training
time (spaCy re-tokenizes ``reference.text`` and aligns the entities).
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

Sentence = tuple[list[str], list[str | None]]  # tokens, mapped IOB2 tags (None: missing)

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ner"
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "pipelines" / "ner" / "corpus"

GERMEVAL_MAP: dict[str, str | None] = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}
MOBIE_MAP: dict[str, str | None] = {
    "person": "PER",
    "location": None,
    "location-city": "LOC",
    "location-street": "LOC",
    "location-stop": "LOC",
    "organization": "ORG",
    "organization-company": "ORG",
}
LER_MAP: dict[str, str | None] = {
    "PER": "PER", "RR": "PER", "AN": "PER",
    "LD": "LOC", "ST": "LOC", "STR": "LOC", "LDS": "LOC",
    "ORG": "ORG", "UN": "ORG", "INN": "ORG", "GRT": "ORG",
}

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "“", "'", "...", "…"}
NO_SPACE_AFTER = {"(", "[", "{", "„", "‚"}


def map_tags(tags: list[str], mapping: dict[str, str | None]) -> list[str | None]:
    """Map fine IOB tags to the target set; a span starts wherever its label changes.

    Fine types absent from the mapping become O; types mapped to None become
    missing annotation.
    """
    out: list[str | None] = []
    prev = "O"
    for tag in tags:
        if tag == "O" or "-" not in tag:
            out.append("O")
            prev = "O"
            continue
        prefix, fine = tag.split("-", 1)
        if fine not in mapping:
            out.append("O")
            prev = "O"
            continue
        label = mapping[fine]
        if label is None:
            out.append(None)
            prev = "O"
            continue
        begins = prefix == "B" or prev != fine
        out.append(("B-" if begins else "I-") + label)
        prev = fine
    return out


def drop_handles(tokens: list[str], tags: list[str | None]) -> list[str | None]:
    """Set entities that start with a Twitter handle to O."""
    out = list(tags)
    dropping = False
    for i, (tok, tag) in enumerate(zip(tokens, tags, strict=True)):
        if tag is not None and tag.startswith("B-"):
            dropping = tok.startswith("@")
        elif tag is None or not tag.startswith("I-"):
            dropping = False
        if dropping:
            out[i] = "O"
    return out


def read_germeval(path: Path) -> Iterator[Sentence]:
    tokens: list[str] = []
    tags: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip("\r\n")
        if line.startswith("#\t") or line.startswith("# "):
            continue
        if not line.strip():
            if tokens:
                yield tokens, map_tags(tags, GERMEVAL_MAP)
            tokens, tags = [], []
            continue
        cols = line.split("\t")
        tokens.append(cols[1])
        tags.append(cols[2])
    if tokens:
        yield tokens, map_tags(tags, GERMEVAL_MAP)


def read_columns(path: Path, mapping: dict[str, str | None]) -> Iterator[Sentence]:
    """CoNLL-style files: token first, IOB2 tag last; -DOCSTART- lines skipped."""
    tokens: list[str] = []
    tags: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        cols = raw.split()
        if not cols or cols[0] == "-DOCSTART-":
            if tokens:
                yield tokens, map_tags(tags, mapping)
            tokens, tags = [], []
            continue
        tokens.append(cols[0])
        tags.append(cols[-1] if len(cols) > 1 else "O")
    if tokens:
        yield tokens, map_tags(tags, mapping)


def spaces_for(tokens: list[str]) -> list[bool]:
    """Guess the whitespace after each token (German typography, plain quotes alternate)."""
    spaces = [True] * len(tokens)
    quote_open = False
    for i, tok in enumerate(tokens):
        if tok == '"':
            if quote_open:  # closing: no space before
                if i > 0:
                    spaces[i - 1] = False
            else:  # opening: no space after
                spaces[i] = False
            quote_open = not quote_open
        elif tok in NO_SPACE_BEFORE and i > 0:
            spaces[i - 1] = False
        if tok in NO_SPACE_AFTER:
            spaces[i] = False
    spaces[-1] = False
    return spaces


def make_doc(nlp: spacy.language.Language, sentence: Sentence) -> Doc:
    tokens, tags = sentence
    doc = Doc(nlp.vocab, words=tokens, spaces=spaces_for(tokens), ents=tags)
    return doc


def write(nlp: spacy.language.Language, sentences: list[Sentence], path: Path) -> Counter[str]:
    db = DocBin(store_user_data=False)
    counts: Counter[str] = Counter()
    for sent in sentences:
        doc = make_doc(nlp, sent)
        counts.update(ent.label_ for ent in doc.ents)
        db.add(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--no-ler", action="store_true", help="leave the legal corpus out")
    parser.add_argument("--no-mobie", action="store_true", help="leave MobIE out")
    parser.add_argument("--germeval-repeat", type=int, default=2,
                        help="copies of the GermEval training part (weights the news domain)")
    args = parser.parse_args()

    nlp = spacy.blank("de")
    germeval: list[Sentence] = []
    for name in ("NER-de-dev.tsv", "NER-de-test.tsv"):
        germeval.extend(read_germeval(args.data / "germeval2014" / name))
    train = [s for n, s in enumerate(germeval) if n % 20 > 2] * args.germeval_repeat
    dev = [s for n, s in enumerate(germeval) if n % 20 == 2]
    heldout = [s for n, s in enumerate(germeval) if n % 20 < 2]

    if not args.no_mobie:
        for name in ("train.conll2003", "dev.conll2003", "test.conll2003"):
            for tokens, tags in read_columns(args.data / "mobie" / name, MOBIE_MAP):
                train.append((tokens, drop_handles(tokens, tags)))
    if not args.no_ler:
        for name in ("ler_dev.conll", "ler_test.conll"):
            train.extend(read_columns(args.data / "ler" / name, LER_MAP))

    random.Random(2014).shuffle(train)  # mix the domains within each batch
    for name, part in (("train", train), ("dev", dev), ("heldout", heldout)):
        counts = write(nlp, part, args.out / f"{name}.spacy")
        print(f"{name}: {len(part)} sentences, entities {dict(sorted(counts.items()))}")


if __name__ == "__main__":
    main()
