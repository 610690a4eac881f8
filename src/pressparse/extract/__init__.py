"""Fact extractors, one module per fact type, each a registered spaCy component.

The module `pressparse.extract.<fact>` registers the factory `pressparse_<fact>`;
`pressparse.nlp.build_nlp` imports the modules of the facts a pipeline lists.
"""

from __future__ import annotations

FACT_TYPES = (
    "municipalities", "programmes", "amounts", "dates", "persons", "organisations",
    "quotes", "funding",
)
