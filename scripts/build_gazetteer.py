"""Build the shipped municipality gazetteer from the Destatis register GV100AD.

    python scripts/build_gazetteer.py ../shared/data/gazetteer/GV100AD_301123.txt

writes `src/pressparse/data/gazetteer.tsv`: one row per Land, Kreis and Gemeinde
with key, level, display name, type, Kreis key, population and the name variants
a text may use for it ("Freiburg" and "Freiburg i. Br." for Freiburg im Breisgau,
"Frankfurt/Oder" for Frankfurt (Oder)). The variants are computed here, once, so
that loading the file at run time is a plain split of lines.

The register is © Statistisches Bundesamt (Destatis), 2023, dl-de/by-2-0; the
derived file is a modification and carries that attribution in
`gazetteer.NOTICE.txt` beside it.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "pressparse" / "data" / "gazetteer.tsv"

KREIS_TYPES = {"41": "kreisfreie Stadt", "42": "Stadtkreis", "43": "Kreis", "44": "Landkreis",
               "45": "Regionalverband"}
GEMEINDE_TYPES = {"60": "Markt", "61": "kreisfreie Stadt", "62": "Stadtkreis", "63": "Stadt",
                  "64": "Gemeinde", "67": "Große Kreisstadt"}

# abbreviations of the register and the words they stand for
ABBREVIATIONS = {
    "a.d.": "an der", "i.d.": "in der", "v.d.": "vor der", "a.": "am", "i.": "im", "b.": "bei",
    "St.": "Sankt", "Erzgeb.": "Erzgebirge", "Vogtl.": "Vogtland", "OPf.": "Oberpfalz",
    "Westf.": "Westfalen", "Thür.": "Thüringen", "Sa.": "Sachsen", "Schw.": "Schwarzwald",
    "Odw.": "Odenwald", "Rhld.": "Rheinland", "Hann.": "Hannover", "OFr.": "Oberfranken",
    "UFr.": "Unterfranken", "Bay.": "Bayern",
}
# words that join a name to its qualifier: "Freiburg im Breisgau", "Bernau bei Berlin"
JOINERS = ("am", "an", "an der", "im", "in", "in der", "bei", "ob", "ob der", "unter", "vor der",
           "auf", "zu")
_JOIN = re.compile(r"\s+(?:" + "|".join(sorted((re.escape(j) for j in JOINERS), key=len,
                                                reverse=True)) + r")\s+")
_SORBIAN = re.compile("[óśěłžčćńŕźŵ]")
_ABBR_JOIN = re.compile(r"\s*\b(?:a\.d\.|i\.d\.|v\.d\.|a\.|i\.|b\.)\s*")


def field(line: str, first: int, last: int) -> str:
    """The register's 1-based inclusive column range."""
    return line[first - 1:last].strip()


def strip_suffix(name: str) -> str:
    """'Stuttgart, Landeshauptstadt' -> 'Stuttgart'; 'Lauenburg/ Elbe' -> 'Lauenburg/Elbe'."""
    name = name.split(",")[0].strip()
    return re.sub(r"\s*/\s*", "/", name)


def expand(name: str) -> str:
    """Write out the register's abbreviations: 'Au i.d.Hallertau' -> 'Au in der Hallertau'."""
    out = name
    for abbr, full in sorted(ABBREVIATIONS.items(), key=lambda kv: -len(kv[0])):
        out = re.sub(r"(?<![\w.])" + re.escape(abbr) + r"\s*", full + " ", out)
    return re.sub(r"\s+", " ", out).strip()


def initials(words: list[str]) -> str:
    """'am kalten Markt' -> 'a.k.M.' as releases abbreviate qualifiers."""
    return "".join(w[0] + "." for w in words)


def variants(name: str) -> tuple[set[str], set[str]]:
    """Full variants (name the place alone) and short ones (the base word before a qualifier)."""
    full: set[str] = {name}
    short: set[str] = set()
    if "/" in name and "(" not in name:
        left, right = name.split("/", 1)
        if _SORBIAN.search(right) or not re.match(r"^[A-ZÄÖÜ][a-zäöüß]+\.?$", right):
            # a second, Sorbian name: "Cottbus/Chóśebuz"
            full.add(left)
            name = left
        else:
            # "Lahr/Schwarzwald": a qualifier
            full.update({f"{left} ({right})", f"{left} / {right}"})
            short.add(left)
    # "Bad Homburg v. d. Höhe" and "Bad Homburg v.d.Höhe" are one abbreviation
    name = re.sub(r"\b([a-z])\.\s+(?=[a-z]\.)", r"\1.", name)
    full.add(name)
    long = expand(name)
    full.add(long)
    paren = re.match(r"^(?P<base>.+?)\s*\((?P<q>[^)]+)\)(?P<rest>.*)$", long)
    if paren:
        base, qual = paren.group("base"), paren.group("q")
        qual_short = qual.rstrip(".")
        for form in (f"{base}/{qual}", f"{base} / {qual}", f"{base}/{qual_short}",
                     f"{base} ({qual_short})", f"{base} {qual}", f"{base} an der {qual}"):
            full.add(form)
        full.add(f"{base}/{qual[0]}.")
        if "/" not in base:
            short.add(base)
    join = _JOIN.search(long)
    if join and not paren:
        base = long[:join.start()]
        rest = long[join.start():].split()
        full.add(f"{base} {initials(rest)}")
        full.add(f"{base} " + " ".join(w[0] + "." for w in rest))
        if rest[-1][:1].isupper():
            # "Frankfurt/Main", "Frankfurt (Main)", "Frankfurt/M."
            qual = rest[-1]
            full.update({f"{base}/{qual}", f"{base} ({qual})", f"{base}/{qual[0]}."})
        if len(rest) == 2:
            # "Freiburg i. Br.", "Neumarkt i.d.OPf." style: joiner initial, qualifier cut
            full.add(f"{base} {rest[0][0]}. {rest[1][:2]}.")
            full.add(f"{base} {rest[0][0]}.{rest[1][:2]}.")
        short.add(base)
    if _ABBR_JOIN.search(name):
        base = _ABBR_JOIN.split(name)[0].strip()
        if base and base != name:
            short.add(base)
            # "Weiden i.d.OPf." also written with spaces: "Weiden i. d. OPf."
            full.add(re.sub(r"\.(?=\S)", ". ", name))
    if long.startswith("Sankt "):
        full.add("St. " + long[6:])
        full.add("St." + long[6:])
    for form in list(full):
        if "-" in form and " " not in form:
            full.add(form.replace("-", " "))
    short -= full
    return {v for v in full if v}, {v for v in short if v and len(v) > 2}


# parts of double names that name a region or a Land, never the town: "Baden-Baden"
NOT_A_TOWN = frozenset({"Baden", "Württemberg", "Holstein", "Anhalt", "Westfalen", "Lippe",
                        "Sachsen", "Brandenburg", "Pfalz", "Nassau", "Rhein", "Ruhr", "Main",
                        "Elbe", "Oder", "Havel", "Spree", "Saale", "Harz", "Eifel", "Mosel",
                        "Groß", "Klein", "Neu", "Alt", "Ober", "Unter", "Nieder", "Hohen", "Sankt",
                        "Markt"})


def hyphen_parts(name: str, population: int, exact: set[str]) -> set[str]:
    """'Dessau' and 'Roßlau' for Dessau-Roßlau: towns merged under a double name keep
    their old names in use. Only for towns of some size, and never a part that is
    another Gemeinde's name or a region's."""
    if population < 20_000 or "-" not in name or " " in name or "(" in name:
        return set()
    return {part for part in name.split("-")
            if len(part) >= 5 and part[0].isupper() and part not in exact
            and part not in NOT_A_TOWN}


def kreis_display(name: str, code: str) -> str:
    lowered = name.lower()
    if code == "44" and "kreis" not in lowered and not name.startswith(("Region ", "Städteregion")):
        return f"Landkreis {name}"
    if code == "43" and "kreis" not in lowered and not name.startswith("Städteregion"):
        return f"Kreis {name}"
    return name


def kreis_variants(name: str) -> set[str]:
    out = {name}
    if name.startswith(("Städteregion ", "Region ", "Regionalverband ")):
        out.add(name.split(" ", 1)[1] if name.startswith("Regionalverband") else name)
    if name.endswith("er Kreis"):
        # "Märkischer Kreis" is also "im Märkischen Kreis", "des Märkischen Kreises"
        out.add(name[:-len("er Kreis")] + "en Kreis")
    return out


def build(register: Path) -> list[str]:
    rows: list[str] = []
    kreis_pop: dict[str, int] = defaultdict(int)
    kreise: list[tuple[str, str, str]] = []
    laender: list[tuple[str, str]] = []
    gemeinden: list[tuple[str, str, str, int]] = []
    for line in register.read_text(encoding="utf-8").splitlines():
        kind = line[:2]
        land, rb, kreis = line[10:12], line[12:13], line[13:15]
        name = field(line, 23, 72)
        code = field(line, 123, 124)
        if kind == "10":
            laender.append((land, name))
        elif kind == "40":
            kreise.append((land + rb + kreis, name, code))
        elif kind == "60" and code in GEMEINDE_TYPES:
            # the Gemeinde part is positions 16-18; 19-22 hold the Gemeindeverband
            ags = line[10:18]
            pop = int(field(line, 140, 150) or 0)
            kreis_pop[ags[:5]] += pop
            gemeinden.append((ags, name, code, pop))
    for code, name in laender:
        rows.append("\t".join([code, "land", name, "Land", "", "0", name, ""]))
    for key, name, code in kreise:
        base = strip_suffix(name)
        display = kreis_display(base, code)
        forms = kreis_variants(base) | {display}
        rows.append("\t".join([key, "kreis", display, KREIS_TYPES[code], "", str(kreis_pop[key]),
                               "|".join(sorted(forms)), ""]))
    exact = {strip_suffix(name) for _, name, _, _ in gemeinden}
    for ags, name, code, pop in gemeinden:
        base = strip_suffix(name)
        full, short = variants(base)
        short |= hyphen_parts(base, pop, exact)
        display = base.split("/")[0].strip() if _SORBIAN.search(base) else base
        full.add(display)
        rows.append("\t".join([ags, "gemeinde", display, GEMEINDE_TYPES[code], ags[:5], str(pop),
                               "|".join(sorted(full)), "|".join(sorted(short))]))
    return rows


HEADER = ("# © Statistisches Bundesamt (Destatis), 2023, dl-de/by-2-0; Daten verändert. "
          "Derived from GV100AD_301123 by scripts/build_gazetteer.py.\n"
          "# key\tlevel\tname\ttype\tkreis\tpopulation\tvariants\tshort_variants\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("register", type=Path)
    parser.add_argument("-o", "--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = build(args.register)
    args.out.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    levels: dict[str, int] = defaultdict(int)
    for row in rows:
        levels[row.split("\t")[1]] += 1
    print(f"{args.out}: {dict(levels)}")


if __name__ == "__main__":
    main()
