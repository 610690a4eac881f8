"""The JSON Schema of the output: a record or an error record, one per line."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from .record import ErrorRecord, Record

SCHEMA_ID = "https://pressparse.invalid/schemas/press-release.schema.json"


def record_schema() -> dict[str, Any]:
    schema = TypeAdapter(Record | ErrorRecord).json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "pressparse record",
        "description": "One line of pressparse output: a release's record, or an error "
        "record for a document that gave none.",
        **schema,
    }
