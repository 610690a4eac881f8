"""The `pressparse` command.

Exit status: 0 when every document gave a record, 1 when some failed (each one is
reported on stderr and as an error record), 2 for usage errors.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .config import ConfigError, load_settings
from .output import JsonLinesWriter
from .record import ErrorRecord
from .sources import iter_documents

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def errors_path_for(out: Path) -> Path:
    return out.with_name(f"{out.stem}.errors.jsonl")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pressparse")
def main() -> None:
    """Turn German press releases (PDF and text) into structured JSON records."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", "output", default="-", show_default=True,
              help="JSON Lines file for the records; '-' for standard output.")
@click.option("--errors", "errors_out", default=None,
              help="JSON Lines file for error records [default: OUTPUT.errors.jsonl beside "
                   "the output; in the output stream when writing to standard output].")
@click.option("--pipeline", "pipeline_file", type=click.Path(exists=True, dir_okay=False),
              help="Pipeline file (TOML) to use instead of the default pipeline.")
@click.option("--pretty", is_flag=True, help="Indented JSON instead of one line per record.")
def extract(paths: tuple[Path, ...], output: str, errors_out: str | None,
            pipeline_file: str | None, pretty: bool) -> None:
    """Extract records from PATHS: .txt and .pdf files, and folders (recursively)."""
    from .pipeline import Pipeline  # deferred: loading spaCy is not needed for --help

    try:
        settings = load_settings(pipeline_file)
        pipeline = Pipeline(settings)
    except (ConfigError, ValueError) as exc:
        raise click.UsageError(str(exc)) from exc

    out = JsonLinesWriter(output, pretty=pretty)
    if errors_out is None and out.path is not None:
        errors_out = str(errors_path_for(out.path))
    errs = JsonLinesWriter(errors_out, pretty=pretty) if errors_out else out
    failed = total = 0
    try:
        for path in iter_documents(paths):
            total += 1
            result = pipeline.process(path)
            if isinstance(result, ErrorRecord):
                failed += 1
                click.echo(f"pressparse: {path}: {result.stage}: {result.reason}", err=True)
                errs.write(result)
            else:
                out.write(result)
    except BaseException:
        out.close(commit=False)
        if errs is not out:
            errs.close(commit=False)
        raise
    out.close()
    if errs is not out:
        errs.close()
    if total == 0:
        click.echo("pressparse: no .txt or .pdf documents found", err=True)
    if failed:
        click.echo(f"pressparse: {failed} of {total} documents failed", err=True)
        sys.exit(EXIT_FAILED)


@main.command()
@click.option("-o", "--output", default="-", help="File to write the schema to.")
def schema(output: str) -> None:
    """Print the JSON Schema of the record."""
    from .schema import record_schema

    text = json.dumps(record_schema(), ensure_ascii=False, indent=2) + "\n"
    if output == "-":
        click.echo(text, nl=False)
    else:
        Path(output).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
