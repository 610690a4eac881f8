"""German adjective endings: what an adjective becomes once its article is dropped.

A name or a role is found in whatever case its sentence gives it ("des Humanistischen
Verbandes", "dem Regierenden Bürgermeister") and is cited in the nominative without an
article, where the adjective takes the strong ending of the noun's gender.
"""

from __future__ import annotations

import re

# strong nominative endings by gender: masculine, neuter, feminine, plural
STRONG_ENDINGS = {"m": "er", "n": "es", "f": "e", "pl": "e"}
_ENDING = re.compile(r"(?:en|em|er|es|e)$")


def strong_form(adjective: str, gender: str) -> str:
    """"Deutschen" for a masculine noun is "Deutscher", for a neuter one "Deutsches"."""
    return _ENDING.sub("", adjective) + STRONG_ENDINGS[gender]
