"""German rule data for organisations: legal forms and the head words of institutions.

Head words are matched as word endings, so compounds ("Senatsverwaltung",
"Landesamt", "Digitalverband") need no list of their own.
"""

from __future__ import annotations

import re

from .persons import CAP_WORD, UPPER

LEGAL_FORM = r"(?:e\.\s?V\.|gGmbH|GmbH(?:\s?&\s?Co\.?\s?KG)?|gUG|UG|AG|KG|KGaA|mbH|eG|SE|gAG)"

# endings of institution nouns: "Bezirksamt", "Fraunhofer-Institut", "Landkreistag"
HEAD_ENDINGS = (
    "ministerium", "verwaltung", "amt", "agentur", "institut", "verband", "bund",
    "kammer", "stiftung", "verein", "gesellschaft", "universität", "hochschule", "akademie",
    "behörde", "gericht", "anwaltschaft", "bank", "kommission", "zentralrat", "beirat",
    "netzwerk", "werke", "betriebe", "senat", "kanzlei", "gemeindetag", "landkreistag",
    "städtetag", "bundestag", "landtag", "bundesrat", "abgeordnetenhaus", "parlament",
    "rathaus", "polizei", "feuerwehr", "klinikum", "museum", "bibliothek", "zentrum",
    "beratungsstelle", "initiative", "forum", "gewerkschaft", "partei", "fraktion",
    "landesregierung", "bundesregierung", "staatskanzlei", "senatskanzlei", "orchester",
)
HEAD_RE = re.compile(
    rf"(?:{CAP_WORD}-)?(?=[{UPPER}])(?i:[^\W\d_]*?(?:{'|'.join(HEAD_ENDINGS)}))(?![^\W\d_])"
)
# capitalised words, hyphen compounds included: candidates for a head word
CAP_WORD_RE = re.compile(rf"(?<![\w\-])[{UPPER}][\w\-]*(?<![\-])")


def head_words(text: str) -> list[re.Match[str]]:
    """Capitalised words ending in a head word, in the genitive too ("Verbandes"); a cheap
    `str.endswith` filter first."""
    return [m for m in CAP_WORD_RE.finditer(text)
            if head_base(m.group()).casefold().endswith(HEAD_ENDINGS)]


def head_base(word: str) -> str:
    """A head word without its genitive ending: "Verbandes" -> "Verband", "Amts" -> "Amt";
    only masculine and neuter heads take one."""
    low = word.casefold()
    if not low.endswith("s") or low.endswith(HEAD_ENDINGS):
        return word
    for cut in (2, 1):
        stem = low[:-cut]
        if low.endswith("es"[2 - cut:]) and stem.endswith(HEAD_ENDINGS) and (
                gender(stem) in {"m", "n"}):
            return word[:-cut]
    return word

# a bare head word names no organisation ("das Bezirksamt"); these need a complement
GENERIC_HEADS = frozenset({
    "amt", "bund", "verein", "verband", "institut", "ministerium", "verwaltung", "senat",
    "bezirksamt", "jugendamt", "zentrum", "museum", "bibliothek", "netzwerk", "initiative",
    "forum", "konferenz", "kommission", "beirat", "gesellschaft", "stiftung", "akademie",
    "hochschule", "universität", "bank", "kammer", "behörde", "gericht", "partei",
    "fraktion", "polizei", "feuerwehr", "rathaus", "landesregierung", "bundesregierung",
    "parlament", "werke", "betriebe", "agentur", "beratungsstelle", "fachbeirat", "orchester",
})

# words with a head ending that name no institution
NOT_HEADS = frozenset({"verbund", "bund", "beamt", "zentrum", "werke", "initiative", "forum",
                       "ehrenamt", "hauptamt", "nebenamt", "netzwerke"})

# heads whose name may state a purpose: "Verein zur Förderung …", "Stiftung zum Schutz …";
# after an office ("Polizei zur Überprüfung …") the phrase says what it does, not who it is
PURPOSE_HEADS = ("verein", "gesellschaft", "stiftung", "institut", "verband", "initiative",
                 "bund", "netzwerk", "zentrum", "akademie", "forum", "kommission", "beirat")

# supporters that "von" may follow inside a name ("Freunde von Helene e.V."); after any
# other noun "von" names the body a unit belongs to ("Beratungsstelle von Matilde e.V.")
SUPPORTER_NOUNS = ("freunde", "förderer", "freundeskreis")
# nouns of a body that a genitive may follow inside a name ("Freunde der Nationalgalerie e.V.")
MEMBER_NOUNS = (*SUPPORTER_NOUNS, "kreis", "haus", "rat", "ring", "club",
                "klub", "werk", "bündnis", "schaft", "vereinigung", "zentrum", "gemeinde",
                "kirche")

# a genitive of these names an owner that belongs to the name ("Kulturstiftung des Bundes");
# any other lone genitive is a relation ("Beirat des Gebietes")
GENITIVE_OWNERS = frozenset({"Bundes", "Landes", "Senats", "Bezirks", "Bezirksamtes",
                             "Freistaates", "Deutschen", "Kreises"})

# endings of common nouns: after a place or right after the head they end the name
# ("Gesundheitsamt Mitte Unterstützung", "Naturschutzamt Befreiungen")
COMMON_NOUN_RE = re.compile(
    r"[a-zäöüß](?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|tät|täten"
    r"|nahme|nahmen|ismus|ment|mente|liche|lichen|licher|ige|igen|iger|ende|enden|ender)$"
)
# frequent common nouns without such an ending, seen after names in press releases
COMMON_NOUNS = frozenset({
    "Ausgaben", "Eintritt", "Ende", "Anfang", "Beginn", "Telefon", "Tel", "Fax", "Kontakt",
    "Download", "Informationen", "Info", "Infos", "Anmeldung", "Ort", "Zeit", "Termin",
    "Direktion", "Abteilung", "Fachbereich", "Team", "Leitung", "Pressestelle", "Projekt",
    "Hilfe", "Gäste", "Kinder", "Familien", "Ärzte", "Orte", "Angebote", "Mittel",
    "Mo", "Di", "Mi", "Do", "Fr", "Sa", "So", "Montag", "Dienstag", "Mittwoch",
    "Donnerstag", "Freitag", "Samstag", "Sonntag", "Januar", "Februar", "März", "April",
    "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember",
    "Uhr", "Website", "Webseite", "Homepage",
    # abbreviations whose full stop ends the match: "Berliner Feuerwehr Dr. …", "Pfarramt St."
    "Dr", "Prof", "St", "Str", "Nr",
})
# points of the compass that name a part of a place: "Stadtteilzentrum Hellersdorf Süd"
COMPASS_WORDS = frozenset({"Nord", "Süd", "Ost", "West", "Mitte", "Nordost", "Nordwest",
                           "Südost", "Südwest", "Zentrum", "Nord-Ost", "Süd-West"})
# nouns of a relation that stand before a name: "Kooperationspartner Habikus e.V.",
# "Träger Rabenhaus e.V.", "des Jugendhilfeträgers Aufwind e.V.", "Dienstleister X GmbH"
RELATION_NOUN_RE = re.compile(
    r"(?i:partner|partnern|partnerin|unternehmen|firma|träger|trägers|trägern|trägerin"
    r"|dienstleister|dienstleisters)$")
# compounds that end in one of the common nouns: "Pressekontakt", "Vereinswebsite"
COMMON_COMPOUND_RE = re.compile(
    r"[a-zäöüß-](?:kontakt|telefon|website|webseite|homepage|anmeldung|informationen)$")

# pronouns and determiners that look like a modifier ("Dieser Senat", "Unser Verein")
DETERMINERS = frozenset({"dieser", "diese", "dieses", "jener", "jeder", "unser", "unsere",
                         "euer", "ihrer", "seiner", "keiner", "mancher", "welcher", "aller",
                         "solcher", "anderer", "weiterer", "beider", "mehrerer", "einer"})

DETERMINER_RE = re.compile(
    r"(?i:ihr|unser|dies|jed|mein|sein|kein|ein|jen|manch|welch|solch|eur|dein)(?:e[mnrs]?)?")

# stems of determiners and possessives, whose endings look like an adjective's ("Ihrem")
DETERMINER_STEMS = frozenset({"ihr", "unser", "dies", "jed", "mein", "sein", "kein", "ein",
                              "jen", "manch", "welch", "all", "solch", "eur", "dein", "and"})

# places whose adjective in "-er" drops more than the ending ("Münchner", "Kölner")
PLACE_ROOTS = frozenset({"Münchn", "Köln", "Hannov", "Brem", "Frankfurt", "Leipzig", "Dresdn",
                         "Potsdam", "Weißense", "Schweiz", "Wien", "Europä"})

# grammatical gender by a noun's ending, to give a modifier its nominative ending
# ("Europäischen Parlament" -> "Europäisches Parlament"); longest endings first
_GENDER_ENDINGS = {
    "m": ("verband", "verein", "bund", "rat", "senat", "tag", "kreis", "ring", "dienst",
          "club", "klub", "chor", "hof", "garten", "fonds", "konzern", "betrieb", "staat",
          "zoo", "markt"),
    "n": ("amt", "institut", "ministerium", "parlament", "museum", "zentrum", "haus",
          "klinikum", "forum", "netzwerk", "gericht", "werk", "büro", "theater", "orchester",
          "ensemble", "kollektiv", "bündnis", "archiv", "kuratorium", "komitee", "gremium",
          "kolleg", "collegium", "konservatorium", "center", "centrum", "kabinett"),
    "f": ("ung", "schaft", "heit", "keit", "tät", "ion", "ei", "ie", "kammer", "bank",
          "agentur", "behörde", "stelle", "initiative", "schule", "stiftung", "bibliothek",
          "kirche", "gemeinde", "anstalt", "kasse", "allianz", "union", "liga", "werkstatt",
          "oper", "bühne", "galerie", "synagoge", "moschee", "tafel", "anwaltschaft"),
    "pl": ("werke", "betriebe", "werkstätten", "nachrichten", "kliniken"),
}
GENDER_BY_ENDING = sorted(((e, g) for g, ends in _GENDER_ENDINGS.items() for e in ends),
                          key=lambda eg: -len(eg[0]))


def gender(noun: str) -> str | None:
    """The gender of `noun` read from its ending, None where the ending does not tell."""
    low = noun.casefold()
    return next((g for e, g in GENDER_BY_ENDING if low.endswith(e)), None)

