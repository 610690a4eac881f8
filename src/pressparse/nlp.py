"""The spaCy pipeline: tokenizer, statistical NER if one is chosen, and the fact components.

Fact extractors are spaCy components registered under `pressparse_<fact>` (see
`pressparse.extract`). Each reads the Doc (whose text is the normalised text),
the release head in `doc._.release`, and what earlier components left in
`doc.spans`, and appends pydantic facts to `doc._.facts[<fact>]`.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Iterable
from importlib.resources import files
from pathlib import Path

import numpy
import spacy
from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from .config import NlpSettings
from .record import Fact

SHIPPED_NER = "pressparse-ner"

if not Doc.has_extension("release"):
    Doc.set_extension("release", default=None)
if not Doc.has_extension("facts"):
    Doc.set_extension("facts", default=None)
if not Doc.has_extension("sections"):
    Doc.set_extension("sections", default=None)


@Language.component("pressparse_doc")
def prepare_doc(doc: Doc) -> Doc:
    """Gives a Doc the fact lists the fact components fill, when the caller has not:
    `nlp("…")` works as well as `Pipeline.process`."""
    if doc._.facts is None:
        from .extract import FACT_TYPES

        doc._.facts = {fact: [] for fact in (*FACT_TYPES, "durations")}
    return doc


_ENTS_KEY = "pressparse.entities"
_TEXT_KEY = "pressparse.text"


def text_of(doc: Doc) -> str:
    """The Doc's text, read once: `doc.text` joins a Python object per token each time."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def make_doc(nlp: Language, text: str) -> Doc:
    """A Doc that knows its text without joining its tokens."""
    doc = nlp.make_doc(text)
    doc.user_data[_TEXT_KEY] = text
    return doc


def entities(doc: Doc) -> list[tuple[int, int, str]]:
    """The statistical NER's entities as (start_char, end_char, label), read once per Doc.

    `doc.ents` builds a Python object per token; reading the IOB column as one
    array costs a small fraction of that, and components share the result.
    """
    cached = doc.user_data.get(_ENTS_KEY)
    if cached is not None:
        return cached
    out: list[tuple[int, int, str]] = []
    if len(doc):
        cols = doc.to_array([ENT_IOB, ENT_TYPE, IDX, LENGTH])
        iob = cols[:, 0]
        begins = numpy.flatnonzero(iob == 3)  # 3 begins an entity, 1 continues it
        if begins.size:
            outside = numpy.flatnonzero(iob != 1)
            after = numpy.searchsorted(outside, begins, side="right")
            ends = numpy.append(outside, len(doc))[after]  # one past each entity
            last = cols[ends - 1]
            strings = doc.vocab.strings
            out = [
                (int(start), int(idx + length), strings[int(label)])
                for start, idx, length, label in zip(
                    cols[begins, 2], last[:, 2], last[:, 3], cols[begins, 1], strict=True)
            ]
    doc.user_data[_ENTS_KEY] = out
    return out


@Language.component("pressparse_entities")
def read_entities(doc: Doc) -> Doc:
    """Reads the NER's entities once, right after the NER, for the fact components."""
    entities(doc)
    return doc


def mention_spans(doc: Doc, facts: Iterable[Fact], label: Callable[[Fact], str]
                  ) -> list[Span]:
    """Spans of every mention of the facts, for the components that read `doc.spans`."""
    spans: list[Span] = []
    for fact in facts:
        for m in fact.mentions:
            span = doc.char_span(m.start, m.end, label=label(fact), alignment_mode="expand")
            if span is not None:
                spans.append(span)
    return spans


def shipped_model_path() -> Path | None:
    path = Path(str(files("pressparse.data").joinpath("ner")))
    return path if (path / "config.cfg").is_file() else None


def load_base(settings: NlpSettings) -> tuple[Language, str]:
    """The tokenizer and, where one is chosen and present, the statistical NER.

    Returns the pipeline and the name of the NER it carries ('none' without one).
    """
    name = settings.model
    if name == "none":
        return spacy.blank("de"), "none"
    if name == SHIPPED_NER:
        path = shipped_model_path()
        if path is None:
            return spacy.blank("de"), "none"
        nlp = spacy.load(path, exclude=["parser", "lemmatizer", "tagger", "morphologizer"])
        return nlp, f"{SHIPPED_NER}-{nlp.meta.get('version', '0')}"
    try:
        nlp = spacy.load(name, exclude=["parser", "lemmatizer", "tagger", "morphologizer",
                                        "attribute_ruler", "senter"])
    except OSError as exc:
        raise ValueError(
            f"spaCy model {name!r} is not installed; use 'pressparse-ner' or 'none'"
        ) from exc
    meta = nlp.meta
    return nlp, f"{meta.get('lang', 'de')}_{meta.get('name', name)}-{meta.get('version', '')}"


def build_nlp(settings: NlpSettings, facts: list[str],
              component_config: dict[str, dict] | None = None) -> tuple[Language, str]:
    """The pipeline; `component_config` holds each fact component's settings by fact."""
    nlp, ner_name = load_base(settings)
    if "senter" not in nlp.pipe_names and "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe("pressparse_doc", first=True)
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("pressparse_entities", after="ner")
    for fact in facts:
        factory = f"pressparse_{fact}"
        if fact.isidentifier() and importlib.util.find_spec(f"pressparse.extract.{fact}"):
            importlib.import_module(f"pressparse.extract.{fact}")  # registers the factory
        if not nlp.has_factory(factory):
            raise ValueError(f"no extractor for fact type {fact!r} (factory {factory})")
        nlp.add_pipe(factory, name=fact, config=(component_config or {}).get(fact, {}))
    return nlp, ner_name
