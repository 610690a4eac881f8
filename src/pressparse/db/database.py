"""One database, whichever engine: connecting, the schema version, and loading records.

Loading is idempotent and all-or-nothing per record: a record replaces the rows
its release had (found by source path) inside a savepoint, so a failure, an
invalid record or a killed process never leaves part of a record behind. Records
are committed in groups for speed; a group lost to a crash is simply loaded again.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..record import Record
from .rows import fact_rows, release_row
from .schema import MIGRATIONS, SCHEMA_VERSION, render

SQLITE_TYPES = {"id": "INTEGER PRIMARY KEY", "json": "TEXT", "real": "REAL"}
POSTGRES_TYPES = {"id": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "json": "JSONB",
                  "real": "DOUBLE PRECISION"}
COMMIT_EVERY = 200  # records per transaction


class DatabaseError(Exception):
    """The database cannot be used: a bad URL, a missing driver, a newer schema."""


@dataclass
class LoadSummary:
    loaded: int = 0  # new releases
    replaced: int = 0  # releases whose record changed
    unchanged: int = 0
    skipped_errors: int = 0  # error records in the input: nothing to load
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (where, reason)
    seconds: float = 0.0

    @property
    def records(self) -> int:
        return self.loaded + self.replaced + self.unchanged

    def line(self) -> str:
        rate = self.records / self.seconds if self.seconds else 0.0
        return (f"pressparse: {self.loaded} loaded, {self.replaced} replaced, "
                f"{self.unchanged} unchanged, {len(self.rejected)} rejected, "
                f"{self.skipped_errors} error records skipped, in {self.seconds:.1f} s "
                f"({rate:.0f} records/s)")


class Database:
    def __init__(self, conn: Any, engine: str, url: str) -> None:
        self.conn = conn
        self.engine = engine
        self.url = url
        self.types = SQLITE_TYPES if engine == "sqlite" else POSTGRES_TYPES
        self._in_tx = False
        self._pending = 0

    # -- connecting ------------------------------------------------------------------------

    @classmethod
    def open(cls, url: str, upgrade: bool = True) -> Database:
        """`postgresql://...` or `postgres://...`; `sqlite:///path` or a plain file path."""
        if url.startswith(("postgresql://", "postgres://")):
            try:
                import psycopg
            except ImportError as exc:
                raise DatabaseError(
                    "PostgreSQL needs its driver: pip install 'pressparse[postgres]'"
                ) from exc
            try:
                conn = psycopg.connect(url, autocommit=True)
            except psycopg.Error as exc:
                raise DatabaseError(f"cannot connect to {_redact(url)}: {exc}") from exc
            db = cls(conn, "postgresql", url)
        else:
            path = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else url
            if url.startswith("sqlite://") and not url.startswith("sqlite:///"):
                raise DatabaseError(f"not a SQLite URL: {url} (use sqlite:///path/to/file)")
            if Path(path).is_dir():
                raise DatabaseError(f"{path} is a folder, not a database file")
            try:
                conn = sqlite3.connect(path, isolation_level=None)
                conn.execute("PRAGMA foreign_keys = ON")
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
            except sqlite3.Error as exc:
                raise DatabaseError(f"cannot open SQLite database {path}: {exc}") from exc
            db = cls(conn, "sqlite", path)
        if upgrade:
            db.upgrade()
        return db

    def close(self) -> None:
        if self._in_tx:
            self._execute("COMMIT")
            self._in_tx = False
        self.conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- statements ------------------------------------------------------------------------

    def _sql(self, sql: str) -> str:
        return sql if self.engine == "sqlite" else sql.replace("?", "%s")

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(self._sql(sql), params)

    def _executemany(self, sql: str, rows: list[Sequence[Any]]) -> None:
        if not rows:
            return
        if self.engine == "sqlite":
            self.conn.executemany(sql, rows)
        else:
            with self.conn.cursor() as cur:
                cur.executemany(self._sql(sql), rows)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return list(self._execute(sql, params).fetchall())

    # -- schema ----------------------------------------------------------------------------

    def version(self) -> int:
        if self.engine == "sqlite":
            exists = self.query(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
        else:
            exists = self.query("SELECT 1 FROM information_schema.tables "
                                "WHERE table_name = 'schema_version' "
                                "AND table_schema = current_schema()")
        if not exists:
            return 0
        rows = self.query("SELECT version FROM schema_version")
        return int(rows[0][0]) if rows else 0

    def upgrade(self, target: int = SCHEMA_VERSION) -> int:
        """Apply the migrations this database lacks; returns the version it has now."""
        current = self.version()
        if current > SCHEMA_VERSION:
            raise DatabaseError(
                f"the database has schema version {current}, newer than this pressparse "
                f"({SCHEMA_VERSION}): upgrade pressparse"
            )
        for number in range(current + 1, target + 1):
            self._execute("BEGIN")
            try:
                if number == 1:
                    self._execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
                    self._execute("INSERT INTO schema_version (version) VALUES (0)")
                for statement in MIGRATIONS[number - 1]:
                    self._execute(render(statement, self.types))
                if number == 1:
                    self._load_register()
                self._execute("UPDATE schema_version SET version = ?", (number,))
                self._execute("COMMIT")
            except BaseException:
                self._execute("ROLLBACK")
                raise
        return max(current, target)

    def _load_register(self) -> None:
        from ..gazetteer import load_gazetteer

        gaz = load_gazetteer()
        rows = []
        for entry in gaz.entries.values():
            if entry.level not in ("gemeinde", "kreis"):
                continue
            kreis = gaz.kreis_of(entry)
            rows.append((entry.key, entry.name, entry.level, entry.type, entry.land,
                         entry.kreis, kreis.name if kreis else None, entry.population))
        self._executemany(
            self._sql("INSERT INTO municipalities (ags, name, level, type, land, kreis_ags, "
                      "kreis, population) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"), rows)

    # -- loading ---------------------------------------------------------------------------

    def load(self, items: Iterable[str | dict], where: str = "") -> LoadSummary:
        """Load JSON Lines strings or dicts; each one is one record, all or nothing."""
        summary = LoadSummary()
        start = time.perf_counter()
        try:
            for n, item in enumerate(items, 1):
                label = f"{where}:{n}" if where else str(n)
                status, reason = self.load_one(item)
                if status == "rejected":
                    summary.rejected.append((label, reason or ""))
                elif status == "error-record":
                    summary.skipped_errors += 1
                else:
                    setattr(summary, status, getattr(summary, status) + 1)
        finally:
            self.commit()
            summary.seconds = time.perf_counter() - start
        return summary

    def load_one(self, item: str | dict) -> tuple[str, str | None]:
        """Returns ("loaded" | "replaced" | "unchanged" | "error-record" | "rejected", reason)."""
        try:
            data = json.loads(item) if isinstance(item, str) else item
        except json.JSONDecodeError as exc:
            return "rejected", f"not JSON: {exc.msg} at column {exc.colno}"
        if not isinstance(data, dict):
            return "rejected", "not a JSON object"
        if data.get("kind") == "error":
            return "error-record", None
        try:
            record = Record.model_validate(data)
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(map(str, err["loc"]))
            return "rejected", f"invalid record: {where}: {err['msg']} ({exc.error_count()} errors)"
        canonical = record.model_dump_json()
        record_hash = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
        self._begin()
        self._execute("SAVEPOINT one_record")
        try:
            status = self._write(record, canonical, record_hash)
        except Exception as exc:
            self._execute("ROLLBACK TO SAVEPOINT one_record")
            self._execute("RELEASE SAVEPOINT one_record")
            return "rejected", f"database refused the record: {type(exc).__name__}: {exc}"
        self._execute("RELEASE SAVEPOINT one_record")
        self._pending += 1
        if self._pending >= COMMIT_EVERY:
            self.commit()
        return status, None

    def _begin(self) -> None:
        if not self._in_tx:
            self._execute("BEGIN")
            self._in_tx = True

    def commit(self) -> None:
        if self._in_tx:
            self._execute("COMMIT")
            self._in_tx = False
        self._pending = 0

    def _write(self, record: Record, canonical: str, record_hash: str) -> str:
        existing = self.query("SELECT release_id, record_hash FROM releases WHERE path = ?",
                              (record.source.path,))
        if existing and existing[0][1] == record_hash:
            return "unchanged"
        if existing:
            self._execute("DELETE FROM releases WHERE release_id = ?", (existing[0][0],))
        row = release_row(record, canonical, record_hash,
                          datetime.now(UTC).isoformat(timespec="seconds"))
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        release_id = self._execute(
            f"INSERT INTO releases ({columns}) VALUES ({marks}) RETURNING release_id",
            list(row.values())).fetchone()[0]
        for table, rows in fact_rows(record, release_id).items():
            if rows:
                cols = list(rows[0])
                sql = (f"INSERT INTO {table} ({', '.join(cols)}) "
                       f"VALUES ({', '.join('?' for _ in cols)})")
                self._executemany(self._sql(sql), [list(r.values()) for r in rows])
        return "replaced" if existing else "loaded"

    def counts(self) -> Counter[str]:
        tables = ("releases", "release_municipalities", "programmes", "amounts", "dates",
                  "persons", "funding", "organisations", "quotes")
        return Counter({t: self.query(f"SELECT count(*) FROM {t}")[0][0] for t in tables})


def _redact(url: str) -> str:
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url
