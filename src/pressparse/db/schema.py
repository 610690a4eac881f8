"""The database schema, as numbered migrations; a database records the version it has.

Statements are written once for SQLite and PostgreSQL: `{id}` is the key type
of a table's own rows, `{json}` the column type for JSON documents, `{real}` a
floating-point number, and `{facts}` the columns every fact table has. A newer
pressparse applies the migrations an older database lacks, in one transaction each.
"""

from __future__ import annotations

FACT_COLUMNS = """
    release_id BIGINT NOT NULL REFERENCES releases(release_id) ON DELETE CASCADE,
    confidence {real} NOT NULL,
    extractor TEXT NOT NULL,
    start_offset INTEGER,
    end_offset INTEGER,
    page INTEGER,
    matched_text TEXT,
    mentions {json} NOT NULL"""

MIGRATIONS: list[list[str]] = [
    # 1: releases, the municipality register, and the core fact tables
    [
        """CREATE TABLE municipalities (
            ags TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            level TEXT NOT NULL,
            type TEXT,
            land TEXT NOT NULL,
            kreis_ags TEXT,
            kreis TEXT,
            population INTEGER
        )""",
        """CREATE TABLE releases (
            release_id {id},
            path TEXT NOT NULL UNIQUE,
            sha256 TEXT NOT NULL,
            record_hash TEXT NOT NULL,
            media_type TEXT NOT NULL,
            pages INTEGER,
            release_date DATE,
            issuer TEXT,
            doc_type TEXT,
            number TEXT,
            place TEXT,
            title TEXT,
            subtitle TEXT,
            pressparse_version TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            ner TEXT NOT NULL,
            record {json} NOT NULL,
            loaded_at TEXT NOT NULL
        )""",
        "CREATE INDEX releases_date ON releases (release_date)",
        "CREATE INDEX releases_sha256 ON releases (sha256)",
        """CREATE TABLE release_municipalities ({facts},
            ags TEXT,
            name TEXT NOT NULL,
            level TEXT NOT NULL,
            type TEXT,
            land TEXT,
            kreis TEXT
        )""",
        "CREATE INDEX release_municipalities_ags ON release_municipalities (ags, release_id)",
        "CREATE INDEX release_municipalities_release ON release_municipalities (release_id)",
        """CREATE TABLE programmes ({facts},
            name TEXT NOT NULL,
            aliases {json} NOT NULL,
            acronym TEXT,
            issuer TEXT,
            level TEXT
        )""",
        "CREATE INDEX programmes_name ON programmes (name)",
        "CREATE INDEX programmes_release ON programmes (release_id)",
        """CREATE TABLE amounts ({facts},
            value NUMERIC NOT NULL,
            currency TEXT NOT NULL,
            qualifier TEXT NOT NULL,
            text TEXT NOT NULL,
            per_unit TEXT,
            total BOOLEAN NOT NULL
        )""",
        "CREATE INDEX amounts_value ON amounts (currency, value)",
        "CREATE INDEX amounts_release ON amounts (release_id)",
        """CREATE TABLE dates ({facts},
            value TEXT NOT NULL,
            precision TEXT NOT NULL,
            role TEXT,
            text TEXT NOT NULL
        )""",
        "CREATE INDEX dates_release ON dates (release_id)",
        """CREATE TABLE persons ({facts},
            name TEXT NOT NULL,
            title TEXT,
            role TEXT,
            party TEXT
        )""",
        "CREATE INDEX persons_name ON persons (name)",
        "CREATE INDEX persons_release ON persons (release_id)",
        """CREATE TABLE funding ({facts},
            programme TEXT,
            amount NUMERIC NOT NULL,
            currency TEXT NOT NULL,
            recipients {json} NOT NULL,
            period TEXT,
            per_recipient BOOLEAN
        )""",
        "CREATE INDEX funding_programme ON funding (programme)",
        "CREATE INDEX funding_release ON funding (release_id)",
    ],
    # 2: dates as ranges for filtering, organisations and quotes
    [
        "ALTER TABLE dates ADD COLUMN date_from DATE",
        "ALTER TABLE dates ADD COLUMN date_to DATE",
        "CREATE INDEX dates_range ON dates (date_from, date_to)",
        """CREATE TABLE organisations ({facts},
            name TEXT NOT NULL,
            acronym TEXT,
            aliases {json} NOT NULL
        )""",
        "CREATE INDEX organisations_release ON organisations (release_id)",
        """CREATE TABLE quotes ({facts},
            text TEXT NOT NULL,
            speaker TEXT
        )""",
        "CREATE INDEX quotes_release ON quotes (release_id)",
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)


def render(statement: str, types: dict[str, str]) -> str:
    return statement.replace("{facts}", FACT_COLUMNS).format(**types)
