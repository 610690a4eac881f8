"""Pipeline settings, read from a TOML pipeline file (`pipelines/default.toml`).

The defaults below are the default pipeline; a pipeline file names only what it
changes, and unknown keys are errors so that a typo never passes silently.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

STAGES = ("load", "normalise", "segment", "nlp", "extract", "validate", "write")


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LoadSettings(Section):
    pdf_reader: Literal["pdfplumber", "pdfium"] = "pdfium"
    max_bytes: int = Field(default=50_000_000, gt=0, description="larger inputs are refused")
    max_pages: int = Field(default=500, gt=0, description="PDFs with more pages are refused")


class NormaliseSettings(Section):
    dehyphenate: bool = True
    remove_furniture: bool = True


class NlpSettings(Section):
    model: str = Field(
        default="pressparse-ner",
        description="'pressparse-ner' (shipped), an installed spaCy package such as "
        "'de_core_news_lg', a path to a spaCy pipeline, or 'none'",
    )


class ExtractSettings(Section):
    facts: list[str] = Field(
        default_factory=lambda: [
            "municipalities", "programmes", "amounts", "dates", "persons", "organisations",
            "quotes", "funding",
        ],
        description="fact extractors, in order",
    )


class BatchSettings(Section):
    """How a batch runs; these settings never change what a record says."""

    workers: int = Field(default=0, ge=0, description="worker processes; 0: one per core")
    document_timeout: float = Field(
        default=120.0, gt=0, description="seconds one document may take before it is given up"
    )
    worker_memory_mb: int = Field(
        default=2048, ge=0, description="address-space limit of a worker process; 0: none"
    )


class ProgrammeSettings(Section):
    catalogues: list[str] = Field(
        default_factory=list,
        description="programme catalogue files (TOML) read besides the shipped one")


class PipelineSettings(Section):
    name: str = "default"
    stages: list[str] = Field(default_factory=lambda: list(STAGES))
    load: LoadSettings = Field(default_factory=LoadSettings)
    normalise: NormaliseSettings = Field(default_factory=NormaliseSettings)
    nlp: NlpSettings = Field(default_factory=NlpSettings)
    extract: ExtractSettings = Field(default_factory=ExtractSettings)
    programmes: ProgrammeSettings = Field(default_factory=ProgrammeSettings)
    batch: BatchSettings = Field(default_factory=BatchSettings)


class ConfigError(ValueError):
    """The pipeline file cannot be used; the message says which key and why."""


def load_settings(path: str | Path | None = None) -> PipelineSettings:
    if path is None:
        return PipelineSettings()
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read pipeline file {path}: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"pipeline file {path} is not valid TOML: {exc}") from exc
    flat = dict(data.pop("pipeline", {}))
    flat.update(data)
    try:
        settings = PipelineSettings.model_validate(flat)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()
        )
        raise ConfigError(f"pipeline file {path}: {problems}") from exc
    # catalogue files are named relative to the pipeline file that names them
    settings.programmes.catalogues = [
        str(c if Path(c).is_absolute() else path.parent / c)
        for c in settings.programmes.catalogues
    ]
    unknown = [s for s in settings.stages if s not in STAGES]
    if unknown:
        raise ConfigError(f"pipeline file {path}: unknown stages {unknown}; known: {list(STAGES)}")
    return settings
