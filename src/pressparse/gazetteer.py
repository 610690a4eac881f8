"""The municipality register shipped with the package, and the index a matcher needs.

`data/gazetteer.tsv` is derived from the Destatis register GV100AD by
`scripts/build_gazetteer.py` (© Statistisches Bundesamt (Destatis), 2023,
dl-de/by-2-0; Daten verändert: see `data/gazetteer.NOTICE.txt`).
`data/gazetteer.districts.tsv` lists the Bezirke and Ortsteile of Berlin and
Hamburg, which are parts of one Gemeinde and must not be read as the Gemeinden
elsewhere that share their names.

Loading builds every lookup once per process: the entries by key, the name
variants a text may use, and an index from a variant's first word to its
variants, longest first, so that a matcher tries only the few names that can
start at a capitalised word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import NamedTuple

LAENDER: dict[str, str] = {
    "01": "Schleswig-Holstein", "02": "Hamburg", "03": "Niedersachsen", "04": "Bremen",
    "05": "Nordrhein-Westfalen", "06": "Hessen", "07": "Rheinland-Pfalz",
    "08": "Baden-Württemberg", "09": "Bayern", "10": "Saarland", "11": "Berlin",
    "12": "Brandenburg", "13": "Mecklenburg-Vorpommern", "14": "Sachsen", "15": "Sachsen-Anhalt",
    "16": "Thüringen",
}
# Länder sharing a border: a place named in a Berlin release is likelier in Brandenburg
NEIGHBOURS: dict[str, frozenset[str]] = {
    code: frozenset(ns.split()) for code, ns in {
        "01": "02 03 13", "02": "01 03", "03": "01 02 04 05 06 12 13 14 15 16", "04": "03",
        "05": "03 06 07", "06": "03 05 07 08 09 16", "07": "05 06 08 10", "08": "06 07 09",
        "09": "06 08 14 16", "10": "07", "11": "12", "12": "03 11 13 14 15",
        "13": "01 03 12", "14": "09 12 15 16", "15": "03 12 14 16", "16": "03 06 09 14 15",
    }.items()
}
# Kreise a bare name may stand for; kreisfreie Städte are named as their Gemeinde
_NAMED_KREIS_TYPES = frozenset({"Kreis", "Landkreis", "Regionalverband"})
_FIRST_WORDS = re.compile(r"^([^\W\d_]*)", re.MULTILINE)


class Entry(NamedTuple):
    """A Gemeinde, Kreis or Land of the register."""

    key: str
    level: str  # "gemeinde", "kreis" or "land"
    name: str
    type: str
    kreis: str | None
    population: int

    @property
    def land_code(self) -> str:
        return self.key[:2]

    @property
    def land(self) -> str:
        return LAENDER[self.key[:2]]


class Variant(NamedTuple):
    """One written form of one entry; `short` for a base word that drops a qualifier."""

    entry: Entry
    short: bool


@dataclass(slots=True, eq=False)
class Gazetteer:
    entries: dict[str, Entry] = field(default_factory=dict)
    variants: dict[str, list[Variant]] = field(default_factory=dict)
    by_first_word: dict[str, list[str]] = field(default_factory=dict)
    # district name -> key of the city state's Gemeinde ("Lichtenberg" -> Berlin)
    districts: dict[str, str] = field(default_factory=dict)
    district_kinds: dict[str, str] = field(default_factory=dict)
    # districts no Gemeinde shares a name with: a sure sign of their city, and its weight
    signal_districts: dict[str, tuple[str, int]] = field(default_factory=dict)

    def kreis_of(self, entry: Entry) -> Entry | None:
        return self.entries.get(entry.kreis) if entry.kreis else None

    def lookup(self, form: str) -> list[Variant]:
        return self.variants.get(form, [])


def _read(name: str) -> list[list[str]]:
    text = files("pressparse.data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@cache
def load_gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    entries, variants = gaz.entries, gaz.variants
    make, new_entry = Variant._make, Entry._make
    for key, level, name, type_, kreis, pop, full, short in _read("gazetteer.tsv"):
        entry = new_entry((key, level, name, type_, kreis or None, int(pop)))
        entries[key] = entry
        if level == "land" or (level == "kreis" and type_ not in _NAMED_KREIS_TYPES):
            continue
        for form in full.split("|"):
            variants.setdefault(form, []).append(make((entry, False)))
        if short:
            for form in short.split("|"):
                variants.setdefault(form, []).append(make((entry, True)))
    for gemeinde, kind, names in _read("gazetteer.districts.tsv"):
        for district in names.split("|"):
            gaz.districts[district] = gemeinde
            if gaz.district_kinds.get(district) != "bezirk":
                gaz.district_kinds[district] = kind
    forms = list(variants)
    first: dict[str, list[str]] = {}
    for word, form in zip(_FIRST_WORDS.findall("\n".join(forms)), forms, strict=True):
        if word:
            first.setdefault(word, []).append(form)
    index = {w: sorted(fs, key=len, reverse=True) for w, fs in first.items()}
    # genitives start a name too: "Stuttgarts", "Rhein-Neckar-Kreises"
    for word, fs in list(index.items()):
        for ending in ("s", "es"):
            if ending == "s" and word.endswith(("s", "ß", "x", "z")):
                continue
            if ending == "es" and not word.lower().endswith("kreis"):
                continue
            known = index.get(word + ending)
            index[word + ending] = fs if known is None else sorted(
                {*known, *fs}, key=len, reverse=True)
    gaz.by_first_word = index
    gaz.signal_districts = {d: (city, 2 if gaz.district_kinds[d] == "bezirk" else 1)
                            for d, city in gaz.districts.items() if d not in gaz.variants}
    return gaz
