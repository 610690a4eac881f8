"""Loading records into a database: SQLite (a file, no server) or PostgreSQL.

    db = Database.open("records.sqlite")          # or "postgresql://user@host/name"
    summary = db.load(lines)                     # JSON Lines strings or dicts
"""

from __future__ import annotations

from .database import Database, DatabaseError, LoadSummary

__all__ = ["Database", "DatabaseError", "LoadSummary"]
