"""The one exception a stage raises for a document it cannot handle."""

from __future__ import annotations


class DocumentError(Exception):
    """A document failed in a known way; the batch records it and goes on.

    `stage` names the pipeline stage (load, normalise, segment, nlp, extract,
    validate, write) so that an error record says where the document failed.
    """

    def __init__(self, stage: str, reason: str) -> None:
        super().__init__(f"{stage}: {reason}")
        self.stage = stage
        self.reason = reason
        self.sha256: str | None = None  # set once the bytes were read
        self.size: int | None = None
