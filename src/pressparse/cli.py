"""The `pressparse` command.

Exit status: 0 when every document gave a record, 1 when some failed (each one is
reported on stderr and as an error record), 2 for usage errors.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import __version__
from .config import ConfigError, load_settings
from .output import JsonLinesWriter, is_stream
from .sources import iter_documents
from .store import document_key

if TYPE_CHECKING:
    from .batch import Outcome
    from .db import Database, LoadSummary

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
DEFAULT_DB = "pressparse.sqlite"


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
@click.option("--pretty", is_flag=True,
              help="Indented JSON instead of one line per record (no incremental runs).")
@click.option("-w", "--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: the pipeline file's, else one per core].")
@click.option("--force", is_flag=True, help="Process every document, even unchanged ones.")
@click.option("--retry-errors", is_flag=True,
              help="Process again the unchanged documents that failed in an earlier run.")
@click.option("-q", "--quiet", is_flag=True, help="No progress display and no summary.")
@click.option("--db", "db_url", default=None, metavar="URL",
              help="Also load each record into this database (SQLite file or "
                   "postgresql:// URL).")
def extract(paths: tuple[Path, ...], output: str, errors_out: str | None,
            pipeline_file: str | None, pretty: bool, workers: int | None, force: bool,
            retry_errors: bool, quiet: bool, db_url: str | None) -> None:
    """Extract records from PATHS: .txt and .pdf files, and folders (recursively).

    With -o FILE a run is incremental and resumable: documents whose record in FILE
    (or whose error record in the errors file) is current for the same content and
    pipeline are skipped, and a run that was interrupted is completed by the next.
    """
    from .batch import Progress, Store, default_workers, plan, run_batch
    from .pipeline import Pipeline  # deferred: loading spaCy is not needed for --help

    try:
        settings = load_settings(pipeline_file)
        pipeline = Pipeline(settings)
    except (ConfigError, ValueError) as exc:
        raise click.UsageError(str(exc)) from exc
    n_workers = workers or settings.batch.workers or default_workers()
    documents = list(iter_documents(paths))
    db = _open_db(db_url) if db_url else None
    rejected: list[tuple[str, str]] = []

    def to_db(outcome: Outcome) -> None:
        if db is not None and outcome.kind == "record":
            status, reason = db.load_one(outcome.line)
            if status == "rejected":
                rejected.append((outcome.path, reason or ""))
                click.echo(f"pressparse: {outcome.path}: database: {reason}", err=True)

    if output != "-" and not pretty and not is_stream(Path(output)):
        out_path = Path(output)
        store = Store(out_path, Path(errors_out) if errors_out else errors_path_for(out_path))
        state = store.state()
        todo = plan(documents, state, pipeline.info.fingerprint, settings.load.max_bytes,
                    force, retry_errors)
        store.forget({document_key(p) for p in todo.todo})
        store.open()
        progress = None if quiet else Progress(len(todo.todo))
        try:
            summary = run_batch(pipeline, todo.todo, n_workers,
                                lambda o: (store.append(o.kind, o.line), to_db(o)), progress)
        finally:
            store.close()
        summary.documents = len(documents)
        summary.unchanged = todo.unchanged
        summary.known_failures = len(todo.known_failures)
        if store.torn and not quiet:
            click.echo("pressparse: cut off a torn last line left by an interrupted run",
                       err=True)
    else:
        out = JsonLinesWriter(output, pretty=pretty)
        if errors_out is None and out.path is not None:
            errors_out = str(errors_path_for(out.path))
        errs = JsonLinesWriter(errors_out, pretty=pretty) if errors_out else out

        def emit(outcome: Outcome) -> None:
            target = out if outcome.kind == "record" else errs
            target.write_line(outcome.line if not pretty else _indent(outcome.line))
            to_db(outcome)

        try:
            summary = run_batch(pipeline, documents, n_workers, emit,
                                None if quiet or out.path is None else Progress(len(documents)))
        except BaseException:
            out.close(commit=False)
            if errs is not out:
                errs.close(commit=False)
            raise
        out.close()
        if errs is not out:
            errs.close()
    if db is not None:
        db.close()
    if not documents:
        click.echo("pressparse: no .txt or .pdf documents found", err=True)
    if not quiet:
        for line in summary.lines():
            click.echo(line, err=True)
    if summary.failed or rejected:
        sys.exit(EXIT_FAILED)


def _open_db(url: str) -> Database:
    from .db import Database, DatabaseError

    try:
        return Database.open(url)
    except DatabaseError as exc:
        raise click.UsageError(str(exc)) from exc


@main.command()
@click.argument("records", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--db", "db_url", default=DEFAULT_DB, show_default=True, metavar="URL",
              help="SQLite file (or sqlite:///path) or postgresql://user@host/name.")
@click.option("-q", "--quiet", is_flag=True, help="No summary.")
def load(records: tuple[str, ...], db_url: str, quiet: bool) -> None:
    """Load RECORDS (JSON Lines files from `extract`, or '-') into a database.

    Loading is idempotent: an unchanged record changes nothing, a changed one
    replaces its release's rows, each record all or nothing. Invalid records are
    rejected with their reason; error records are skipped.
    """
    db = _open_db(db_url)
    total = None
    try:
        for name in records:
            stream = click.open_file(name, "r", encoding="utf-8")
            with stream:
                lines = (line for line in stream if line.strip())
                summary = db.load(lines, where=name)
            for where, reason in summary.rejected:
                click.echo(f"pressparse: {where}: rejected: {reason}", err=True)
            if not quiet:
                click.echo(summary.line().replace("pressparse:", f"pressparse: {name}:"),
                           err=True)
            total = summary if total is None else _add(total, summary)
    finally:
        db.close()
    if total is not None and total.rejected:
        sys.exit(EXIT_FAILED)


def _add(a: LoadSummary, b: LoadSummary) -> LoadSummary:
    from .db import LoadSummary

    return LoadSummary(a.loaded + b.loaded, a.replaced + b.replaced, a.unchanged + b.unchanged,
                       a.skipped_errors + b.skipped_errors, a.rejected + b.rejected,
                       a.seconds + b.seconds)


def _indent(line: str) -> str:
    return json.dumps(json.loads(line), ensure_ascii=False, indent=2)


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
