"""The spaCy pipeline: tokenizer, statistical NER if one is chosen, and the fact components.

Fact extractors are spaCy components registered under `pressparse_<fact>` (see
`pressparse.extract`). Each reads the Doc (whose text is the normalised text),
the release head in `doc._.release`, and what earlier components left in
`doc.spans`, and appends pydantic facts to `doc._.facts[<fact>]`.
"""

from __future__ import annotations

import importlib
import importlib.util
from importlib.resources import files
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .config import NlpSettings

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
    for fact in facts:
        factory = f"pressparse_{fact}"
        if fact.isidentifier() and importlib.util.find_spec(f"pressparse.extract.{fact}"):
            importlib.import_module(f"pressparse.extract.{fact}")  # registers the factory
        if not nlp.has_factory(factory):
            raise ValueError(f"no extractor for fact type {fact!r} (factory {factory})")
        nlp.add_pipe(factory, name=fact, config=(component_config or {}).get(fact, {}))
    return nlp, ner_name
