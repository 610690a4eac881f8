"""A record as table rows: one row for the release, one row per fact with its evidence."""

from __future__ import annotations

import calendar
import json
from typing import Any

from ..record import Fact, Record


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def release_row(record: Record, canonical: str, record_hash: str, loaded_at: str
                ) -> dict[str, Any]:
    rel = record.release
    return {
        "path": record.source.path, "sha256": record.source.sha256,
        "record_hash": record_hash, "media_type": record.source.media_type,
        "pages": record.source.pages, "release_date": rel.date, "issuer": rel.issuer,
        "doc_type": rel.doc_type, "number": rel.number, "place": rel.place, "title": rel.title,
        "subtitle": rel.subtitle, "pressparse_version": record.pipeline.version,
        "fingerprint": record.pipeline.fingerprint, "ner": record.pipeline.ner,
        "record": canonical, "loaded_at": loaded_at,
    }


def _evidence(release_id: int, fact: Fact) -> dict[str, Any]:
    first = fact.mentions[0] if fact.mentions else None
    return {
        "release_id": release_id, "confidence": fact.confidence, "extractor": fact.extractor,
        "start_offset": first.start if first else None,
        "end_offset": first.end if first else None,
        "page": first.page if first else None,
        "matched_text": first.text if first else None,
        "mentions": _json([m.model_dump() for m in fact.mentions]),
    }


def date_range(value: str) -> tuple[str, str]:
    """The first and last day a date value covers: "2019-05" is 2019-05-01..2019-05-31."""
    parts = value.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    month = int(parts[1])
    if len(parts) == 2:
        last = calendar.monthrange(year, month)[1]
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    return value, value


def fact_rows(record: Record, release_id: int) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {}
    rows["release_municipalities"] = [
        {**_evidence(release_id, m), "ags": m.ags, "name": m.name, "level": m.level,
         "type": m.type, "land": m.land, "kreis": m.kreis}
        for m in record.municipalities
    ]
    rows["programmes"] = [
        {**_evidence(release_id, p), "name": p.name, "aliases": _json(p.aliases),
         "acronym": p.acronym, "issuer": p.issuer, "level": p.level}
        for p in record.programmes
    ]
    rows["amounts"] = [
        {**_evidence(release_id, a), "value": a.value, "currency": a.currency,
         "qualifier": a.qualifier, "text": a.text, "per_unit": a.per, "total": a.total}
        for a in record.amounts
    ]
    rows["dates"] = []
    for d in record.dates:
        first, last = date_range(d.value)
        rows["dates"].append({**_evidence(release_id, d), "value": d.value,
                              "precision": d.precision, "role": d.role, "text": d.text,
                              "date_from": first, "date_to": last})
    rows["persons"] = [
        {**_evidence(release_id, p), "name": p.name, "title": p.title, "role": p.role,
         "party": p.party}
        for p in record.persons
    ]
    rows["funding"] = [
        {**_evidence(release_id, f), "programme": f.programme, "amount": f.amount,
         "currency": f.currency, "recipients": _json(f.recipients), "period": f.period,
         "per_recipient": f.per_recipient}
        for f in record.funding
    ]
    rows["organisations"] = [
        {**_evidence(release_id, o), "name": o.name, "acronym": o.acronym,
         "aliases": _json(o.aliases)}
        for o in record.organisations
    ]
    rows["quotes"] = [
        {**_evidence(release_id, q), "text": q.text, "speaker": q.speaker}
        for q in record.quotes
    ]
    return rows
