"""The committed JSON Schema is the one the models generate, and records satisfy it."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from pressparse.cli import main
from pressparse.schema import record_schema

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_FILE = ROOT / "schemas" / "press-release.schema.json"


def test_committed_schema_is_up_to_date() -> None:
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == record_schema(), (
        "schemas/press-release.schema.json is out of date: "
        "run `pressparse schema -o schemas/press-release.schema.json`"
    )


def test_schema_command_prints_the_schema() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.output) == record_schema()


def test_schema_names_the_contract_fields() -> None:
    schema = record_schema()
    record = schema["$defs"]["Record"]["properties"]
    for field in ("source", "release", "municipalities", "programmes", "amounts", "dates",
                  "persons", "funding", "text", "pipeline", "warnings"):
        assert field in record
    assert "date" in schema["$defs"]["Release"]["properties"]
    assert set(schema["$defs"]["Amount"]["properties"]["qualifier"]["enum"]) == {
        "exact", "approx", "up_to", "at_least", "more_than", "less_than", "range_from",
        "range_to",
    }
