"""Fact extractors, one module per fact type, each a registered spaCy component.

Importing this package registers the factories `pressparse_<fact>`.
"""

from __future__ import annotations

FACT_TYPES = (
    "municipalities", "programmes", "amounts", "dates", "persons", "organisations",
    "quotes", "funding",
)
