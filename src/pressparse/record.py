"""The record of one release: the pydantic models every stage fills and the schema comes from.

Every fact carries its evidence as mentions: character offsets into `Record.text`
(the normalised text), the page for PDFs, and the text matched. The field names
the scorer reads (source.path, release.date, municipalities[].ags, ...) keep the
meanings of the record contract.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

RECORD_VERSION = "1"


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Mention(Model):
    """Where a fact stands: `text[start:end]` of the record's normalised text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    page: int | None = Field(default=None, ge=1, description="1-based PDF page; null for text")
    text: str


class Fact(Model):
    mentions: list[Mention] = Field(default_factory=list)
    extractor: str = Field(description="the component that found the fact")
    confidence: float = Field(ge=0.0, le=1.0)


class Source(Model):
    path: str
    media_type: Literal["text/plain", "application/pdf"]
    bytes: int = Field(ge=0)
    pages: int | None = Field(default=None, description="page count of a PDF")
    sha256: str
    encoding: str | None = Field(default=None, description="detected encoding of a text file")


class Release(Model):
    """The release's head, read from letterhead, date line and headline."""

    date: str | None = Field(default=None, description="release date, YYYY-MM-DD")
    date_text: str | None = None
    issuer: str | None = None
    doc_type: str | None = Field(
        default=None, description="Pressemitteilung, Presseinformation, ..."
    )
    number: str | None = Field(default=None, description="the release's number, e.g. 165/2022")
    place: str | None = Field(default=None, description="place of the dateline")
    title: str | None = None
    subtitle: str | None = None


class Section(Model):
    """A block of the body, for readers that want the structure."""

    kind: Literal["head", "title", "subtitle", "paragraph", "heading", "bullet", "background"]
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    page: int | None = None


class Municipality(Fact):
    name: str = Field(description="official name without suffixes")
    ags: str | None = Field(description="8 digits for a Gemeinde, 5 for a Kreis; null if ambiguous")
    level: Literal["gemeinde", "kreis"]
    type: str | None = None
    land: str | None = None
    kreis: str | None = None


class Programme(Fact):
    name: str = Field(description="canonical (fullest) name")
    aliases: list[str] = Field(default_factory=list)
    acronym: str | None = None
    issuer: str | None = None
    level: str | None = None


Qualifier = Literal[
    "exact", "approx", "up_to", "at_least", "more_than", "less_than", "range_from", "range_to"
]


class Amount(Fact):
    value: float
    currency: str = Field(description="ISO 4217 code")
    qualifier: Qualifier = "exact"
    text: str
    per: str | None = Field(
        default=None, description="unit the amount is per: Kommune, Projekt, Jahr"
    )
    total: bool = False


class DateFact(Fact):
    value: str = Field(description="YYYY, YYYY-MM or YYYY-MM-DD")
    precision: Literal["year", "month", "day"]
    text: str
    role: Literal["release", "deadline", "start", "end", "event"] | None = None


class Duration(Fact):
    text: str
    value: str | None = Field(
        default=None, description="ISO 8601 duration, e.g. P2Y/P3Y as a range"
    )


class Person(Fact):
    name: str = Field(description="full name without academic titles")
    title: str | None = Field(default=None, description="academic title: Dr., Prof. Dr.")
    role: str | None = None
    party: str | None = None


class Organisation(Fact):
    name: str
    acronym: str | None = None
    aliases: list[str] = Field(default_factory=list)


class Quote(Fact):
    text: str
    speaker: str | None = Field(default=None, description="name of the person quoted")


class Funding(Fact):
    programme: str | None
    amount: float
    currency: str = "EUR"
    recipients: list[str] = Field(default_factory=list)
    period: str | None = None
    per_recipient: bool | None = None


class PipelineInfo(Model):
    name: str
    version: str = Field(description="pressparse version")
    fingerprint: str = Field(
        description="changes whenever the version, the settings or the model change; "
        "a batch re-run redoes documents whose record has another fingerprint"
    )
    ner: str = Field(description="statistical NER used: a model name, or 'none'")
    record_version: str = RECORD_VERSION


class Record(Model):
    """One release, as pressparse read it."""

    kind: Literal["record"] = "record"
    id: str = Field(description="sha256 of the source bytes")
    source: Source
    pipeline: PipelineInfo
    release: Release
    text: str = Field(description="normalised text; every offset points into it")
    sections: list[Section] = Field(default_factory=list)
    municipalities: list[Municipality] = Field(default_factory=list)
    programmes: list[Programme] = Field(default_factory=list)
    amounts: list[Amount] = Field(default_factory=list)
    dates: list[DateFact] = Field(default_factory=list)
    durations: list[Duration] = Field(default_factory=list)
    persons: list[Person] = Field(default_factory=list)
    organisations: list[Organisation] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    funding: list[Funding] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


class ErrorSource(Model):
    path: str
    sha256: str | None = None
    bytes: int | None = None


class ErrorRecord(Model):
    """A document that gave no record, and why; written instead of dropping it."""

    kind: Literal["error"] = "error"
    source: ErrorSource
    pipeline: PipelineInfo
    stage: str = Field(description="load, normalise, segment, nlp, extract, validate, limits, "
                       "worker or internal")
    reason: str
