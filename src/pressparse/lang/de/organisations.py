"""German rule data for organisations: legal forms and the head words of institutions.

Head words are matched as word endings, so compounds ("Senatsverwaltung",
"Landesamt", "Digitalverband") need no list of their own.
"""

from __future__ import annotations

import re

from .persons import CAP_WORD, UPPER

LEGAL_FORM = r"(?:e\.\s?V\.|gGmbH|GmbH(?:\s?&\s?Co\.\s?KG)?|gUG|UG|AG|KG|KGaA|mbH|eG|SE|gAG)"

# endings of institution nouns: "Bezirksamt", "Fraunhofer-Institut", "Landkreistag"
HEAD_ENDINGS = (
    "ministerium", "verwaltung", "amt", "ämter", "agentur", "institut", "verband", "bund",
    "kammer", "stiftung", "verein", "gesellschaft", "universität", "hochschule", "akademie",
    "behörde", "gericht", "anwaltschaft", "bank", "kommission", "zentralrat", "beirat",
    "netzwerk", "werke", "betriebe", "senat", "kanzlei", "gemeindetag", "landkreistag",
    "städtetag", "bundestag", "landtag", "bundesrat", "abgeordnetenhaus", "parlament",
    "rathaus", "polizei", "feuerwehr", "klinikum", "museum", "bibliothek", "zentrum",
    "beratungsstelle", "initiative", "forum", "gewerkschaft", "partei", "fraktion",
    "landesregierung", "bundesregierung", "staatskanzlei", "senatskanzlei",
)
HEAD_RE = re.compile(
    rf"(?:{CAP_WORD}-)?(?=[{UPPER}])(?i:[^\W\d_]*?(?:{'|'.join(HEAD_ENDINGS)}))(?![^\W\d_])"
)
# capitalised words, hyphen compounds included: candidates for a head word
CAP_WORD_RE = re.compile(rf"(?<![\w\-])[{UPPER}][\w\-]*(?<![\-])")


def head_words(text: str) -> list[re.Match[str]]:
    """Capitalised words ending in a head word; a cheap `str.endswith` filter first."""
    return [m for m in CAP_WORD_RE.finditer(text)
            if m.group().casefold().endswith(HEAD_ENDINGS)]

# a bare head word names no organisation ("das Bezirksamt"); these need a complement
GENERIC_HEADS = frozenset({
    "amt", "bund", "verein", "verband", "institut", "ministerium", "verwaltung", "senat",
    "bezirksamt", "jugendamt", "zentrum", "museum", "bibliothek", "netzwerk", "initiative",
    "forum", "konferenz", "kommission", "beirat", "gesellschaft", "stiftung", "akademie",
    "hochschule", "universität", "bank", "kammer", "behörde", "gericht", "partei",
    "fraktion", "polizei", "feuerwehr", "rathaus", "landesregierung", "bundesregierung",
    "parlament", "werke", "betriebe", "agentur", "beratungsstelle", "fachbeirat",
})

# words with a head ending that name no institution
NOT_HEADS = frozenset({"verbund", "bund", "beamt", "zentrum", "werke", "initiative", "forum",
                       "ehrenamt", "hauptamt", "nebenamt", "ehrenämter"})
