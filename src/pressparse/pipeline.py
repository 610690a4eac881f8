"""The pipeline: load → normalise → segment → spaCy (rules, gazetteers, NER) → facts → validate.

A `Pipeline` is built once (the spaCy part is the expensive piece) and then turns
any number of files into records. Every failure of one document becomes an
`ErrorRecord` naming the stage and the reason; nothing raises out of `process`.
"""

from __future__ import annotations

import hashlib
import logging
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import ValidationError

from . import __version__
from .config import PipelineSettings, load_settings
from .errors import DocumentError
from .layout import LoadedDocument
from .load import load
from .load.text import read_text
from .nlp import build_nlp, make_doc
from .normalise import NormalisedText, normalise
from .record import ErrorRecord, ErrorSource, PipelineInfo, Record, Release, Source
from .segment import segment

log = logging.getLogger(__name__)


class Pipeline:
    def __init__(self, settings: PipelineSettings | None = None, profile: bool = False) -> None:
        self.settings = settings or PipelineSettings()
        catalogues = {"catalogues": list(self.settings.programmes.catalogues)}
        self.nlp, ner_name = build_nlp(
            self.settings.nlp, self.settings.extract.facts,
            {"programmes": catalogues, "funding": catalogues},
        )
        self.info = PipelineInfo(
            name=self.settings.name,
            version=__version__,
            fingerprint=fingerprint(self.settings, ner_name),
            ner=ner_name,
        )
        # seconds spent per stage and per spaCy component, for the benchmark
        self.timings: Counter[str] | None = Counter() if profile else None

    @contextmanager
    def _timed(self, stage: str) -> Iterator[None]:
        if self.timings is None:
            yield
            return
        start = time.perf_counter()
        try:
            yield
        finally:
            self.timings[stage] += time.perf_counter() - start

    @classmethod
    def from_file(cls, path: str | Path | None) -> Pipeline:
        return cls(load_settings(path))

    def process(self, path: str | Path) -> Record | ErrorRecord:
        """One file to its record, or to an error record saying why not."""
        path = Path(path)
        stage = "load"
        loaded: LoadedDocument | None = None
        try:
            with self._timed("load"):
                loaded = load(path, self.settings.load)
            stage = "normalise"
            with self._timed("normalise"):
                norm = normalise(loaded, self.settings.normalise)
            if not norm.text.strip():
                raise DocumentError("normalise", "no text left after normalising")
            stage = "extract"
            return self.record_for(loaded, norm)
        except DocumentError as exc:
            err = self.error(path, loaded, exc.stage, exc.reason)
            if loaded is None and exc.sha256:
                err.source.sha256, err.source.bytes = exc.sha256, exc.size
            return err
        except ValidationError as exc:
            return self.error(path, loaded, "validate", _first_error(exc))
        except RecursionError:
            return self.error(path, loaded, stage, "input nested too deeply to process")
        except MemoryError:
            return self.error(path, loaded, "limits", f"out of memory (during {stage})")
        except Exception as exc:  # a bug must cost one document, never the batch
            log.debug("unexpected failure on %s\n%s", path, traceback.format_exc())
            return self.error(path, loaded, stage, f"internal error: {type(exc).__name__}: {exc}")

    def process_text(self, text: str, name: str = "<text>", release_date: str | None = None
                     ) -> Record:
        """A record for a string, as if it were a text file: for libraries and tests.

        `release_date` (YYYY-MM-DD) stands in for a date line the string lacks, so
        that dates without a year resolve as they would in a whole release.
        """
        data = text.encode("utf-8")
        pages, encoding = read_text(data)
        loaded = LoadedDocument(name, "text/plain", hashlib.sha256(data).hexdigest(),
                                len(data), pages, encoding=encoding)
        return self.record_for(loaded, normalise(loaded, self.settings.normalise),
                               release_date=release_date)

    def record_for(self, loaded: LoadedDocument, norm: NormalisedText,
                   release_date: str | None = None) -> Record:
        with self._timed("segment"):
            release, sections = segment(norm)
        if release_date and not release.date:
            release.date = release_date
        with self._timed("tokenize"):
            doc = make_doc(self.nlp, norm.text)
        doc._.release = release
        doc._.sections = sections
        if self.timings is None:
            doc = self.nlp(doc)
        else:
            for name, component in self.nlp.pipeline:
                with self._timed(f"nlp:{name}"):
                    doc = component(doc)
        facts = doc._.facts
        for items in facts.values():
            for fact in items:
                for mention in fact.mentions:
                    mention.page = norm.page_at(mention.start)
        for section in sections:
            section.page = norm.page_at(section.start)
        record = Record(
            id=loaded.sha256,
            source=Source(
                path=loaded.path,
                media_type=loaded.media_type,  # type: ignore[arg-type]
                bytes=loaded.size,
                pages=len(loaded.pages) if loaded.is_pdf else None,
                sha256=loaded.sha256,
                encoding=loaded.encoding,
            ),
            release=release,
            text=norm.text,
            sections=sections,
            pipeline=self.info,
            warnings=list(loaded.warnings),
            **facts,
        )
        # validate what was assembled in place, so a bad fact is caught here
        with self._timed("validate"):
            return Record.model_validate(record.model_dump())

    def error(
        self, path: Path, loaded: LoadedDocument | None, stage: str, reason: str
    ) -> ErrorRecord:
        return ErrorRecord(
            source=ErrorSource(
                path=str(path),
                sha256=loaded.sha256 if loaded else None,
                bytes=loaded.size if loaded else None,
            ),
            stage=stage,
            reason=reason,
            pipeline=self.info,
        )


def fingerprint(settings: PipelineSettings, ner_name: str) -> str:
    """Identifies what made a record: version, settings and model, in 12 hex digits."""
    basis = f"{__version__}|{ner_name}|{settings.model_dump_json(exclude={'batch'})}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:12]


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    return f"invalid record: {'.'.join(map(str, err['loc']))}: {err['msg']}"


__all__ = ["Pipeline", "Release"]
