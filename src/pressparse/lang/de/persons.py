"""German rule data for persons: titles, honorifics, role words, instruments, parties, speech verbs.

Role words are matched by their ending, so that compounds a list cannot foresee
("Digitalisierungsminister", "Bezirksstadträtin", "Dudelsackspieler") are roles too.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

UPPER = "A-ZÄÖÜÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĪŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŹŻŽ"
LETTER = r"[^\W\d_]"

# a capitalised word, hyphen chains and apostrophes included ("Albers-Wenk", "D'Angelo")
CAP_WORD = rf"[{UPPER}]{LETTER}*(?:['’]{LETTER}+)?(?:-[{UPPER}]{LETTER}*)*"

# academic titles as they stand before a name: "Prof. Dr.-Ing.", "Dr. med.", "Dipl.-Ing."
TITLE = (
    r"(?:Prof\.|Professor(?:in)?|Jun\.-Prof\.|Priv\.-Doz\.|PD"
    r"|Dr\.(?:\s?-?(?:Ing|med|phil|rer\.\s?nat|rer\.\s?pol|jur|h\.\s?c|theol|oec|habil|dent|vet|sc"
    r"|mult|iur|paed|agr|pharm)\.)*"
    r"|Dr\.-Ing\.(?:\s?habil\.)?|Dipl\.-[A-Z][a-z]+\.?|Mag\.|M\.\s?A\.)"
)
TITLE_RE = re.compile(TITLE)

HONORIFICS = frozenset({"Frau", "Herr", "Herrn"})

# lowercase name particles: "Alexander von Humboldt", "Rembrandt van Rijn"
PARTICLES = frozenset({"von", "van", "de", "der", "den", "di", "da", "del", "della", "du",
                       "ten", "ter", "dos", "le", "al", "bin", "ibn"})

# Endings of role nouns (masculine base); "in", "*in", ":in", "_in" and inflections
# are added by ROLE_RE. Weak nouns take "-en" in the singular ("dem Präsidenten").
ROLE_STEMS = (
    "minister", "senator", "staatssekretär", "sekretär", "bürgermeister", "stadtrat",
    "landrat", "baurat", "schulrat", "stadträt", "landrät", "präsident", "vorstand",
    "geschäftsführer", "leiter", "direktor", "sprecher", "koordinator", "referent",
    "prokurist", "kanzler", "dezernent", "intendant", "kurator", "moderator", "trainer",
    "manager", "chef", "gründer", "inhaber", "professor", "wissenschaftler", "spieler",
    "künstler", "maler", "pianist", "historiker", "schauspieler", "sänger", "autor",
    "musiker", "komponist", "dirigent", "regisseur", "fotograf", "journalist", "bildhauer",
    "architekt", "ingenieur", "dozent", "lehrer", "rektor", "dekan", "pfarrer", "bischof",
    "pastor", "richter", "botschafter", "kommissar", "berater", "initiator", "organisator",
    "veranstalter", "antragsteller", "preisträger", "stipendiat", "schriftsteller",
    "dichter", "kabarettist", "liedermacher", "gitarrist", "geiger", "cellist", "bassist",
    "schlagzeuger", "trompeter", "sopranist", "choreograf", "tänzer", "produzent",
    "designer", "aktivist", "bildner", "pädagoge", "psychologe", "soziologe", "forscher",
    "vorsteher", "staatsanwalt", "anwalt", "kämmerer", "obmann", "ombudsmann", "ombudsfrau",
    "kommandant", "assistent", "experte", "kollege", "bevollmächtigter", "bevollmächtigte",
    "vorsitzender", "vorsitzende", "beauftragter", "beauftragte", "abgeordneter",
    "abgeordnete", "beigeordneter", "beigeordnete", "verordneter", "verordnete",
    "stellvertreter", "landeshauptmann", "oberhaupt", "vertreter", "mitbegründer",
    "erzieher", "ärztin", "arzt", "stadtbaurat", "ministerpräsident", "polizeipräsident",
    "generalsekretär", "superintendent", "oberin", "rabbiner", "imam", "kantor", "organist",
    "dramaturg", "ökonom", "analyst", "planer", "verleger", "herausgeber", "übersetzer",
    "illustrator", "zeichner", "grafiker", "kunsthändler", "galerist", "sammler",
    "förster", "polizist", "pfleger", "landwirt", "winzer", "imker", "gärtner", "tischler",
    "unternehmer", "gastronom", "sportler", "athlet", "olympiasieger", "weltmeister",
    "kapitän", "pilot", "hebamme", "apotheker", "notar", "steuerberater", "vorständin",
)
# nouns whose plural or oblique form ends in "-en" only when weak (singular)
WEAK_STEMS = ("präsident", "referent", "dozent", "dirigent", "intendant", "pianist",
              "journalist", "aktivist", "komponist", "fotograf", "architekt", "kabarettist",
              "gitarrist", "cellist", "bassist", "sopranist", "produzent", "kommandant",
              "assistent", "experte", "kollege", "pädagoge", "psychologe", "soziologe",
              "stipendiat", "analyst", "organist", "galerist", "superintendent", "ökonom",
              "dramaturg", "choreograf")
_ADJ_STEMS = ("vorsitzend", "beauftragt", "abgeordnet", "beigeordnet", "verordnet",
              "bevollmächtigt")

_plain = sorted({s for s in ROLE_STEMS if not s.startswith(_ADJ_STEMS)}, key=len, reverse=True)
_weak = sorted(WEAK_STEMS, key=len, reverse=True)
_adj = sorted(_ADJ_STEMS, key=len, reverse=True)

# a singular role noun, any compound: group "gen" catches the genitive "-s"
ROLE_RE = re.compile(
    rf"(?:{CAP_WORD}-)?(?=[{UPPER}])(?i:{LETTER}*?(?:"
    rf"(?:{'|'.join(_plain)})(?:(?:in|\*in|:in|_in|/-?in|\(in\))|(?P<gen>s|es))?"
    rf"|(?:{'|'.join(_weak)})(?:en|n)"
    rf"|(?:{'|'.join(_adj)})(?:e|er|en|\*e|\*r)"
    rf"))(?!{LETTER}|[*:_]in)"
)

_GENDER = ("", "in", "*in", ":in", "_in", "/in", "/-in", "(in)", "s", "es")
ROLE_ENDINGS: tuple[str, ...] = tuple(
    [s + g for s in _plain for g in _GENDER]
    + [s + g for s in _weak for g in ("en", "n")]
    + [s + g for s in _adj for g in ("e", "er", "en", "*e", "*r")]
)


# endings of role nouns the list of stems cannot foresee ("Redakteur", "Biologin",
# "Solobratschist"); read only where a complement follows the word. Not "-ment", "-zent",
# "-tent" ("Element", "Prozent", "Patent") nor "Restaurant".
OPEN_ROLE_RE = re.compile(
    rf"(?!{LETTER}*(?:ment|zent|tent|aurant)(?:in)?$)[{UPPER}]{LETTER}{{3,}}"
    r"(?:ist|or|eur|ent|ant|iker|loge|meister|leiter|wart)(?:in)?")

# abbreviated functions: "OB Frank Mentrup", "Anna Beck, MdB"
ROLE_ABBREVIATIONS = frozenset({"OB", "MdB", "MdL", "MdEP", "MdA", "MdBB", "BzStR", "StS",
                                "CEO", "CFO", "CTO", "COO", "CDO"})


@cache
def is_role_word(word: str) -> bool:
    """A singular role noun, any compound ("Bezirksstadträtin"); fast path of ROLE_RE."""
    if word in ROLE_ABBREVIATIONS:
        return True
    return (len(word) > 2 and word[0].isupper() and word.casefold().endswith(ROLE_ENDINGS)
            and ROLE_RE.fullmatch(word) is not None)


@cache
def is_adjectival_role(word: str) -> bool:
    """A role noun inflected like an adjective: "Vorsitzende", "dem Beauftragten"."""
    low = word.casefold()
    return any(low.endswith(stem + e) for stem in _adj for e in ("e", "er", "en", "*e", "*r"))


# short line labels that introduce a person: "Pressekontakt: Mareike Sonntag"
LABELS = frozenset({
    "kontakt", "pressekontakt", "medienkontakt", "ansprechpartner", "ansprechpartnerin",
    "ansprechperson", "ansprechpartner*in", "moderation", "leitung", "koordination",
    "projektleitung", "regie", "konzept", "idee", "text", "texte", "musik", "gesang",
    "begleitung", "vortrag", "lesung", "referat", "kuration", "foto", "fotos", "bild",
    "fotografie", "redaktion", "gestaltung", "organisation", "verantwortlich", "presse",
    "pressestelle", "anmeldung",
    "künstlerische leitung", "musikalische leitung", "gesamtleitung", "schirmherrschaft",
    "schirmherr", "schirmherrin", "laudatio", "grußwort", "vorsitz", "jury", "choreografie",
    "ausstattung", "dramaturgie", "inszenierung", "v.i.s.d.p.",
})

# states and regions an NER may take for persons ("Costa Rica")
COUNTRIES = frozenset({
    "Costa Rica", "Puerto Rico", "Sri Lanka", "San Marino", "El Salvador", "Saudi-Arabien",
    "Sierra Leone", "Burkina Faso", "Kap Verde", "Papua-Neuguinea", "Trinidad", "Tobago",
    "Hongkong", "Chile", "Peru", "Mali", "Panama", "Brunei", "Thailand", "China", "Japan",
    "Korea", "Indien", "Israel", "Jordanien", "Libanon", "Syrien", "Irak", "Iran", "Polen",
    "Ungarn", "Rumänien", "Bulgarien", "Serbien", "Kroatien", "Slowenien", "Tschechien",
    "Slowakei", "Österreich", "Schweiz", "Italien", "Spanien", "Portugal", "Frankreich",
    "Belgien", "Niederlande", "Luxemburg", "Dänemark", "Schweden", "Norwegen", "Finnland",
    "Estland", "Lettland", "Litauen", "Ukraine", "Russland", "Belarus", "Moldau", "Georgien",
    "Armenien", "Türkei", "Griechenland", "Zypern", "Malta", "Irland", "Island", "Kanada",
    "Mexiko", "Brasilien", "Argentinien", "Kolumbien", "Venezuela", "Kuba", "Ägypten",
    "Marokko", "Tunesien", "Algerien", "Nigeria", "Ghana", "Kenia", "Äthiopien", "Südafrika",
    "Australien", "Neuseeland", "Vietnam", "Indonesien", "Philippinen", "Malaysia",
    "Singapur", "Pakistan", "Afghanistan", "Bangladesch", "Nepal", "Mongolei", "Kasachstan",
    "New York", "Los Angeles", "San Francisco", "Rio de Janeiro", "Buenos Aires", "Tel Aviv",
    "Deutschland", "Europa", "Baden-Württemberg", "Bayern", "Brandenburg", "Bremen", "Hamburg",
    "Hessen", "Mecklenburg-Vorpommern", "Niedersachsen", "Nordrhein-Westfalen",
    "Rheinland-Pfalz", "Saarland", "Sachsen", "Sachsen-Anhalt", "Schleswig-Holstein",
    "Thüringen",
})

# English words that open band, project and place names an NER may take for persons
ENGLISH_WORDS = frozenset({
    "the", "of", "and", "for", "blue", "black", "red", "green", "white", "public", "project",
    "library", "studio", "police", "heart", "electric", "open", "new", "old", "big", "little",
    "happy", "lucky", "free", "smart", "digital", "mobile", "urban", "social", "city", "art",
    "arts", "music", "band", "club", "day", "night", "love", "soul", "rock", "jazz", "pop",
    "street", "house", "lab", "hub", "center", "roof", "team", "world", "global", "future",
    "rocky", "poetry", "slam", "doc", "joy", "canned", "bloody", "hardbeat", "kozmic",
    "alt", "neu", "groß", "klein", "sankt", "st",
})

# a performer's instrument or voice: "Tobias Marr (Klavier)", "Greta Lindqvist, Violine"
INSTRUMENTS = frozenset({
    "klavier", "piano", "flügel", "violine", "geige", "viola", "bratsche", "violoncello",
    "cello", "kontrabass", "bass", "e-bass", "gitarre", "e-gitarre", "harfe", "flöte",
    "querflöte", "blockflöte", "oboe", "klarinette", "fagott", "saxophon", "saxofon",
    "trompete", "posaune", "horn", "waldhorn", "tuba", "schlagzeug", "percussion",
    "perkussion", "akkordeon", "orgel", "cembalo", "gesang", "sopran", "mezzosopran", "alt",
    "tenor", "bariton", "stimme", "keyboard", "keyboards", "dudelsack", "mandoline",
    "mundharmonika", "drums", "vocals", "rezitation", "lesung", "moderation", "sprecher",
    "sprecherin", "leitung", "tanz", "ukulele", "banjo", "zither", "hackbrett",
})

# words that end a name or show that capitalised words are an institution or a place
INSTITUTION_WORDS = frozenset({
    "schule", "grundschule", "oberschule", "gymnasium", "gesamtschule", "preis", "stiftung",
    "straße", "strasse", "str.", "platz", "park", "institut", "institute", "haus", "saal",
    "museum", "bibliothek", "zentrum", "center", "centre", "halle", "kirche", "brücke",
    "ring", "allee", "weg", "damm", "ufer", "gedenkstätte", "medaille", "award", "prize",
    "trio", "quartett", "quintett", "ensemble", "orchester", "chor", "band", "gesellschaft",
    "universität", "university", "hochschule", "akademie", "academy", "klinikum",
    "krankenhaus", "klinik", "campus", "kaserne", "siedlung", "schloss", "villa", "galerie",
    "theater", "kino", "bühne", "stadion", "arena", "bad", "kita", "gmbh", "ag", "e.v.",
    "verein", "programm", "fonds", "projekt", "förderprogramm", "wettbewerb", "stipendium",
    "denkmal", "gedenktafel", "hof", "markt", "garten", "berg", "see", "insel", "tor",
    "turm", "hafen", "bahnhof", "kiez", "viertel", "quartier", "stift", "heim", "werk",
    "werke", "verlag", "festival", "tage", "jahr", "schulen", "bau", "gemeinde", "promenade",
    "chaussee", "gasse", "pfad", "steig", "zeile", "passage", "kolonie", "street", "day",
    "road", "avenue", "lane", "square", "hall", "house", "foundation", "school", "college",
    "gallery", "church", "bridge", "philharmonie", "philharmoniker",
})

# institution words that are also common surnames: "Peter Haus"
SURNAME_WORDS = frozenset({"haus", "berg", "hof", "bau", "markt", "garten", "see", "werk",
                           "turm", "ring", "brück", "kirch", "bach", "feld", "wald", "sonntag",
                           "montag", "mai"})

# endings of compounds that name a place or an institution: "Lindenufer", "Friedenspark"
INSTITUTION_SUFFIXES = (
    "schule", "gymnasium", "straße", "strasse", "platz", "park", "institut", "saal", "museum",
    "bibliothek", "zentrum", "center", "halle", "kirche", "brücke", "allee", "ufer", "damm",
    "stiftung", "preis", "klub", "club", "verein", "theater", "bahnhof", "kiez", "viertel",
    "quartier", "festival", "verlag", "akademie", "universität", "hochschule", "kita",
    "klinik", "klinikum", "treff", "bühne", "galerie", "orchester", "ensemble", "programm",
    "projekt", "fonds", "wettbewerb", "konservatorium", "stadion", "friedhof", "gedenkstätte",
    "promenade", "chaussee", "gasse", "pfad", "steig", "zeile", "graben", "passage", "markt",
    "stipendium", "stipendien", "preise", "programme", "projekte", "medaillen", "schulen",
    "werkstatt", "studio", "system", "service", "verband", "netzwerk", "kollektiv",
    "betrieb", "agentur",
)
LEGAL_FORMS = frozenset({"gmbh", "ggmbh", "ag", "e.v.", "kg", "eg", "se", "mbh", "gug", "ug"})
# capitalised particles inside a name: "Giovanni Lo Curto"
CAP_PARTICLES = frozenset({"Lo", "La", "Le", "De", "Di", "Da", "Van", "Von", "Del", "Della",
                           "Dos", "Du", "Mac", "Ten", "Ter", "El", "Al", "Ben", "Bin"})

# role nouns that are also common surnames: "Gabriele Richter"
ROLE_SURNAMES = frozenset({"Richter", "Maler", "Kanzler", "Sänger", "Lehrer", "Pfarrer",
                           "Kantor", "Dekan", "Spieler", "Sprecher", "Leiter", "Berater",
                           "Vertreter", "Arzt", "Trainer", "Forscher", "Dichter", "Künstler",
                           "Förster", "Gärtner", "Winzer", "Notar", "Pilot", "Kapitän"})

# words that make the name after them a place's or an institution's: "Villa Elisabeth"
NAME_PREFIX_PLACES = frozenset({
    "villa", "galerie", "haus", "schloss", "kita", "schule", "stiftung", "preis", "theater",
    "kino", "bühne", "hotel", "café", "restaurant", "praxis", "kanzlei", "museum", "zentrum",
    "saal", "halle", "park", "platz", "straße", "allee", "weg", "damm", "ufer", "sankt", "st.",
    "gymnasium", "grundschule", "oberschule", "kirche", "klinik", "bibliothek", "hochschule",
    "konservatorium", "institut", "universität", "akademie", "stadion", "arena", "bahnhof",
    "forum", "campus", "dom", "kapelle", "friedhof", "krankenhaus", "ensemble", "quartett",
    "trio", "orchester", "chor", "verlag", "bad", "studio", "jugendzentrum", "atelier",
})

# words that never belong to a person's name
NOT_NAME_WORDS = frozenset({
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "im", "am",
    "zum", "zur", "und", "oder", "mit", "für", "von", "bei", "nach", "aus", "auf", "an", "in",
    "wir", "sie", "er", "es", "ich", "ihr", "unser", "unsere", "alle", "auch", "bitte",
    "berlin", "deutschland", "europa", "bund", "land", "stadt", "bezirk", "bezirksamt",
    "senat", "senatsverwaltung", "ministerium", "landesregierung", "bundesregierung",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend",
    "sonntag", "januar", "februar", "märz", "april", "mai", "juni", "juli", "august",
    "september", "oktober", "november", "dezember", "euro", "uhr", "tel", "telefon", "fax",
    "e-mail", "email", "internet", "www", "pressemitteilung", "presseinformation",
    "mitglied", "mitglieder", "team", "jury", "fachbeirat", "beirat", "vorstand",
    "eintritt", "anmeldung", "treffpunkt", "ziel", "start", "thema", "titel", "foto",
    "bild", "quelle", "hinweis", "weitere", "informationen", "kontakt", "herzlich",
    "willkommen", "liebe", "sehr", "geehrte", "geehrter", "ihre", "ihren", "dank",
    "frauen", "männer", "kinder", "jugendliche", "senioren", "menschen", "familien", "eltern",
    "bürger", "gäste", "leute", "schüler", "studierende", "besucher", "teilnehmende",
})

# noun endings that mark a common noun rather than a surname
NOUN_SUFFIX_RE = re.compile(
    r"(?:ung|heit|keit|schaft|tion|tät|ismus|ität|ment|nahme|zentrum|straße|amt|verein|"
    r"programm|projekt|schule|haus|platz|museum|galerie|bibliothek|verband|institut|"
    r"stelle|gruppe|kreis|rat|tag|wesen|werk|bereich|fonds|mittel|ungen|ismus|logie|"
    r"gemeinde|bezirk|kammer|agentur|behörde|verwaltung|ministerium|stiftung|arbeit"
    r"|archiv|blatt|zeitung|magazin|kultur|center|politik|musik|technik|republik|fabrik"
    r"|logistik|statistik|informatik|physik|kritik|ethik|grafik|keramik|mechanik"
    r"|[a-zäöü](?:isch|lich|ig)(?:e|es|en|er|em))(?:e?s)?$"
)

PARTIES = (
    r"parteilos(?:,\s+für\s+[^()]{2,30})?|CDU|CSU|SPD|FDP|AfD|BSW|ÖDP|PDS|NPD|SSW|Volt"
    r"|Grüne|Die Grünen|B90/Grüne|Bündnis 90/Die Grünen|B'90/Die Grünen|Die Linke|Linke"
    r"|Freie Wähler|FW|Piraten|Piratenpartei|Die PARTEI|Tierschutzpartei"
)
PARTY_RE = re.compile(rf"\s?\((?P<party>(?:{PARTIES})(?:\s?/\s?(?:{PARTIES}))?)\)")

SPEECH_VERBS = frozenset({
    "sagte", "sagt", "sagten", "erklärte", "erklärt", "betonte", "betont", "unterstrich",
    "unterstreicht", "ergänzte", "ergänzt", "meinte", "meint", "kommentierte", "kommentiert",
    "erläuterte", "erläutert", "hob", "freute", "freut", "mahnte", "mahnt", "warnte",
    "warnt", "forderte", "fordert", "resümierte", "resümiert", "bilanzierte", "bilanziert",
    "bekräftigte", "bekräftigt", "versicherte", "versichert", "äußerte", "äußert",
    "berichtete", "berichtet", "informiert", "informierte", "dankte", "dankt", "würdigte",
    "würdigt", "lobte", "lobt", "appellierte", "appelliert", "begrüßte", "begrüßt",
    "bestätigte", "bestätigt", "führte", "fügte", "so", "zeigte", "zeigt", "stellte",
    "verwies", "verweist", "sprach", "spricht", "schreibt", "schrieb", "ruft", "rief",
    "kündigte", "kündigt", "eröffnete", "eröffnet", "liest", "las", "präsentiert",
    "präsentierte", "zitiert", "weiß", "glaubt", "findet", "fand", "hofft", "hoffte",
    "führt", "fügt", "hebt", "erinnert", "erinnerte", "schildert", "schilderte", "erzählt",
    "erzählte", "wünscht", "wünschte", "kritisiert", "kritisierte", "bedauert", "bedauerte",
    "beschreibt", "beschrieb", "verspricht", "versprach", "gibt", "gab", "räumt", "räumte",
    "zieht", "zog", "formuliert", "formulierte", "begründet", "begründete", "merkt",
    "merkte", "schwärmt", "schwärmte", "urteilt", "urteilte", "ermutigt", "ermutigte",
    "ermuntert", "ermunterte", "rät", "riet", "empfiehlt", "empfahl", "verdeutlicht",
    "verdeutlichte", "ergänzen", "sagen", "erklären", "betonen",
})


@cache
def first_names() -> frozenset[str]:
    """The shipped given-name list (data/de_first_names.txt)."""
    resource = files("pressparse.data").joinpath("de_first_names.txt")
    try:
        lines = resource.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return frozenset()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def place_names() -> frozenset[str]:
    """Municipalities, Länder and city districts from the shipped gazetteer, to tell
    "Bezirksbürgermeister Neukölln" (a place) from "Bezirksstadträtin Kranz" (a person)."""
    names: set[str] = set()
    for resource, column in (("gazetteer.tsv", 2), ("gazetteer.districts.tsv", 2)):
        try:
            lines = files("pressparse.data").joinpath(resource).read_text(
                encoding="utf-8").splitlines()
        except FileNotFoundError:
            continue
        for line in lines:
            if line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) > column:
                names.update(n.strip() for n in cells[column].split("|") if n.strip())
    return frozenset(names)


@cache
def is_place(word: str) -> bool:
    return word in _places() or (word.endswith("s") and word[:-1] in _places())


@cache
def _places() -> frozenset[str]:
    return place_names()


@cache
def is_first_name(word: str) -> bool:
    """A given name, hyphenated ones ("Karl-Heinz") when every part is one."""
    names = first_names()
    if word in names:
        return True
    if word.isupper() and len(word) > 2:
        titled = word.title()
        return titled != word and is_first_name(titled)
    parts = word.split("-")
    return len(parts) > 1 and all(p in names for p in parts)


@cache
def role_base(role: str) -> str:
    """The role noun in its citation form: genitive "-s" and weak "-en" dropped."""
    m = ROLE_RE.fullmatch(role)
    if m is None:
        return role
    if m.group("gen"):
        return role[: m.start("gen")]
    low = role.casefold()
    if low.endswith("en") and any(low[:-2].endswith(stem) for stem in _adj):
        return role[:-1]  # "des Vorsitzenden" → "Vorsitzende"
    for stem in _weak:
        if low.endswith(stem + "en"):
            return role[:-2]
        if low.endswith(stem + "n"):
            return role[:-1]
    return role
