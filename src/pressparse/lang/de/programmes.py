"""German rule data for funding programmes and funding facts.

Press releases name a programme in a handful of ways: a cue noun with a quoted
or capitalised name after it ("Wettbewerb „Trenntwende“", "Förderprogramm Future
Communities 4.0"), a compound whose modifier is specific ("Startchancen-Programm",
"Schulanlagensanierungsprogramm"), a cue noun with a complement ("Landesprogramm
zum Kita-Ausbau"), "…@bw" names, acronyms in brackets, named awards ("Deutscher
Engagementpreis") and numbered aid schemes ("Überbrückungshilfe III"). The word lists here
say which cue nouns exist, which modifiers make a compound generic, and which
words around an amount say that it is funding, or that it is not.
"""

from __future__ import annotations

import re

# Head nouns of programme names; the regex alternatives are lower case and the
# match is case-insensitive only on them ("KiA-Programm", "Förderprogramm").
CUE_HEADS: tuple[str, ...] = (
    "programm", "fonds", "wettbewerb", "initiative", "offensive", "förderlinie",
    "förderaufruf", "prämie", "sonderprogramm", "pakt", "kredit", "preis",
)
# the head as written ↦ its kind, so that "das Programm" refers back to a programme
HEAD_KIND: dict[str, str] = {
    "programm": "programm", "fonds": "fonds", "wettbewerb": "wettbewerb",
    "initiative": "initiative", "offensive": "offensive", "förderlinie": "förderlinie",
    "förderaufruf": "förderaufruf", "prämie": "prämie", "pakt": "pakt", "kredit": "kredit",
    "preis": "preis",
}

# inflection endings of the cue heads: singular forms and plural forms
SINGULAR_ENDINGS: dict[str, tuple[str, ...]] = {
    "programm": ("", "s", "es"),
    "fonds": ("",),
    "wettbewerb": ("", "s", "es"),
    "initiative": ("",),
    "offensive": ("",),
    "förderlinie": ("",),
    "förderaufruf": ("", "s", "es"),
    "prämie": ("",),
    "pakt": ("", "s", "es"),
    "kredit": ("", "s", "es"),
    "preis": ("", "es"),
}
PLURAL_ENDINGS: dict[str, tuple[str, ...]] = {
    "programm": ("e", "en"),
    "fonds": (),
    "wettbewerb": ("e", "en"),
    "initiative": ("n",),
    "offensive": ("n",),
    "förderlinie": ("n",),
    "förderaufruf": ("e", "en"),
    "prämie": ("n",),
    "pakt": ("e", "en"),
    "kredit": ("e", "en"),
    "preis": ("e", "en"),
}
# Awards are programmes when named: "Deutscher Engagementpreis", "Umweltpreis 2024",
# "Preis „Frauen in Führung“"; prices are not ("Kaufpreis", "Eintrittspreis").
PRICE_MODIFIERS: frozenset[str] = frozenset({
    "kauf", "verkaufs", "miet", "eintritts", "strom", "gas", "energie", "markt", "boden",
    "grundstücks", "immobilien", "mindest", "höchst", "fest", "sonder", "netto", "brutto",
    "end", "listen", "einstiegs", "ticket", "fahr", "benzin", "diesel", "öl", "lebensmittel",
    "stück", "einzel", "gesamt", "verbraucher", "erzeuger", "angebots", "neu", "wasser",
    "heiz", "kosten", "kilo", "liter", "monats", "tages", "jahres", "durchschnitts",
})
# Corona-era aid schemes are named by number: "Überbrückungshilfe III", "Soforthilfe IV".
NUMBERED_AID = re.compile(
    r"(?<![\w-])[A-ZÄÖÜ][\wäöüß-]*hilfe(?:[^\S\n]+(?:I{1,3}|IV|V|VI)\b)(?:[^\S\n]+Plus\b)?")
# Loans are programmes only as a promotional bank's product: "KfW-Unternehmerkredit".
BANK_PREFIX = re.compile(
    r"(?i:kfw|erp|ibb|l-bank|lfa|nbank|sab|isb|wibank|ilb|nrw\.bank|ifb|bab|lbank)-")
# Phrases after which a quoted name is a programme or fund even without a cue noun:
# "gefördert durch „Neustart Kultur“", "Mittel aus dem „Berliner Projektfonds …“".
SOURCE_BEFORE_QUOTE = re.compile(
    r"(?i:gefördert (?:durch|aus|über|von)|finanziert (?:durch|aus|über)|"
    r"mitteln? (?:aus|des|der) (?:dem |der |den )?|"
    r"förderung (?:durch|aus)|zuschuss aus|(?P<weak>aus dem|aus der|über das))[^\S\n]*$")

# Modifiers that make a compound a kind of programme, not a programme's name:
# "Förderprogramm", "Landesprogramm", "Investitionsprogramm", "KfW-Programme".
GENERIC_MODIFIERS: frozenset[str] = frozenset({
    "", "förder", "fördermittel", "zuwendungs", "landes", "bundes", "bund-länder",
    "bund-länder-", "sonder", "investitions",
    "darlehens", "kredit", "hilfs", "rahmen", "veranstaltungs", "kultur", "begleit",
    "ferien", "wahl", "regierungs", "arbeits", "sofort", "konjunktur", "unterstützungs",
    "finanzierungs", "zuschuss", "modell", "pilot", "forschungs", "ausbau", "sanierungs",
    "bau", "spar", "fernseh", "radio", "unterhaltungs", "monats", "jahres", "wochen",
    "tages", "abend", "konzert", "theater", "bühnen", "kino", "film", "ausstellungs",
    "fest", "partei", "koalitions", "maßnahmen", "aktions", "reform", "schutz",
    "impf", "test", "austausch", "stipendien", "weiterbildungs", "qualifizierungs",
    "innovations", "ideen", "architekten", "realisierungs", "zukunfts", "bürger",
    "gesamt", "teil", "unter", "haupt", "einzel", "zusatz", "ergänzungs", "nachfolge",
    "folge", "projekt", "aufführungs", "eu", "kfw", "länder", "kommunal", "städtebau",
    "landesförder", "bundesförder", "eu-förder", "wettbewerbs", "programm", "fach",
    "gewinn", "mal", "foto", "schreib", "lese", "sport", "koch", "musik", "schüler",
    "studierenden", "jugend", "kinder", "senioren", "europa", "welt", "grund",
    "kooperations", "netzwerk", "sicherheits", "aktions-", "regional", "struktur",
    "bildungs", "beratungs", "schulungs", "trainings", "lehr", "studien",
    "digitalisierungs", "prämien", "geld", "bar", "sach", "kopf", "pro-kopf",
    "bundesländer", "landeswettbewerbs", "teilnahme", "online", "workshop", "touren",
    "regelschul", "oster", "osterferien", "sommerferien", "herbstferien", "winterferien",
    "sieges", "cosplay", "quiz", "zeichen", "vorlese",
})

# Modifiers that make a cue noun an association, not a public programme.
ORG_MODIFIERS: frozenset[str] = frozenset({
    "bürger", "eltern", "anwohner", "mieter", "spielplatz", "nachbarschafts", "kiez",
    "anlieger", "schüler", "studenten", "bewohner", "privat", "künstler", "händler",
    "unternehmer", "gewerbe", "frauen", "senioren",
})

# A sentence that shows an "Initiative" as a group of people, not a public programme.
ASSOCIATION_CONTEXT = re.compile(
    r"(?i:zusammen(?:arbeit|arbeiten|\b)|kooperation|kooperiert|mitglied(?:er)?\b|gegründet|"
    r"\bverein|bürgerinnen und bürger|anwohner|protest|fordert|forderung|petition|"
    r"demonstr|ehrenamtlich|engagier|aktivist|e\.\s?V\b|organisier|veranstalt)")

# Words that stop the capitalised name after a cue noun: articles, pronouns,
# prepositions and sentence adverbs are written capitalised at a sentence start.
NAME_STOP: frozenset[str] = frozenset({
    "der", "die", "das", "dem", "den", "des", "ein", "eine", "einer", "eines", "einem",
    "im", "in", "am", "an", "auf", "aus", "bei", "beim", "mit", "nach", "seit", "von",
    "vom", "zu", "zum", "zur", "für", "über", "unter", "vor", "durch", "gegen", "um",
    "und", "oder", "sowie", "auch", "so", "wie", "es", "sie", "er", "wir", "ihr", "sich",
    "dabei", "damit", "dazu", "daher", "dann", "doch", "hier", "heute", "jetzt",
    "insgesamt", "bereits", "noch", "nun", "nur", "rund", "bis", "ab", "ob", "wenn",
    "dass", "weil", "als", "mehr", "neue", "neuen", "neuer", "neues", "euro", "mio",
    "millionen", "milliarden", "prozent", "jahr", "jahre", "jahren", "januar",
    "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
    "oktober", "november", "dezember", "sowohl", "ist", "sind", "wird", "werden",
    "hat", "haben", "kann", "können", "soll", "sollen", "unterstützt", "fördert",
    "gefördert", "läuft", "startet", "beginnt", "geht", "gibt", "bietet",
    "antragsteller", "anträge", "bewerbungen", "teilnehmende", "teilnehmer",
    "gewinner", "preisträger", "mittel", "fördermittel", "förderung", "fördergelder",
    "zuschüsse", "zuschuss", "verfügung", "ausstellungsbegleitend", "ziel", "ziele",
    "frau", "herr", "herrn", "dr", "prof", "senatorin", "senator", "minister", "ministerin",
})
# Nouns that cannot begin a name after a cue noun ("Förderprogramm Kommunen …"),
# though they may stand inside one ("Programm Saubere Stadt").
NAME_STOP_FIRST: frozenset[str] = NAME_STOP | frozenset({
    "kommunen", "unternehmen", "projekte", "vorhaben", "schulen", "bund", "tag",
    "land", "länder", "landes", "bundes", "senat", "bezirk", "stadt", "menschen",
    "bürgerinnen", "bürger", "familien", "frauen", "männer", "neubau", "bau", "umbau",
})

# Organisations, offices and bodies: a complement stops before them ("Aktionsfonds
# gegen Antisemitismus der Senatsverwaltung für Kultur" names the fund, not the office).
ORG_WORDS = re.compile(
    r"(?i:senat|ministeri|bundesregierung|landesregierung|regierung|bezirksamt|amt\b|ämter|"
    r"stiftung|verwaltung|behörde|agentur|bank|kammer|verband|verein|gmbh|zentrum|"
    r"center|institut|universität|hochschule|kommission|gemeindetag|landkreistag|"
    r"städtetag|jury|beirat|kfw|ibb|bafa)"
)
# Heads that name organisations, not programmes, when written as "…@bw".
ORG_AT_HEADS = re.compile(
    r"(?i:center|centre|zentrum|büro|stelle|amt|agentur|gmbh|verband|netz|netzwerk|"
    r"portal|app|plattform|hub|lab|labor)$"
)

# Words that say an amount near them is funding of something.
FUNDING_CUES = re.compile(
    r"(?i:förder|gefördert|zuwendung|zuschu|bewillig|ausgezahlt|auszahlung|"
    r"zur verfügung|bereitgestellt|stehen\b|steht\b|erhalten|erhält|erhielt|bekomm|"
    r"prämie|prämiert|preisgeld|preisen|preise\b|dotiert|budget|volumen|vergeben|"
    r"unterstützt|finanziert|\b(?:förder|eu-|bundes|landes|rest|sach|projekt|efre-|esf-)?"
    r"mitteln?\b|fördersumme|zuschüsse|darlehen|"
    r"bürgschaft|zahlte|zahlt\b|fließ|floss|belohn|zugesagt|gewährt|höchstgrenze|höhe von|"
    r"beantragen|beantragt|beträgt|betrug|ausgestattet|unterstützen|\b(?:start|sofort|finanz|förder|überbrückungs|corona-)hilfen?\b|"
    r"eingeplant|vorgesehen|veranschlagt|\bbereit\b|finanzielle[nm]? umfang|finanzvolumen)"
)
# Words that say an amount is not funding from a programme: costs, prices,
# another source of money ("aus Eigenmitteln", "aus dem Haushalt").
NOT_FUNDING = re.compile(
    r"(?i:\b(?:gesamt|bau|projekt|eigen|personal|sach)?kosten\b|eintritt|teilnahme|gebühr|ticket|"
    r"eigenmittel|eigenanteil|eigenmitteln|haushalt|spende|lotterie|sponsor|"
    r"umsatz|schaden|\bsteuer|\bmiete|\bgehalt|\blohn\b|\blöhne|\bwert von|im wert|"
    r"kofinanzierung|garantierahmen|antragsvolumen|antragssumme|beantragte[nr]? |"
    r"(?:mindest|kauf|netto|brutto|verkaufs|eintritts|anschaffungs)preis)"
)
# A sentence that mixes a programme's money with other money: an amount outside the
# programme's clause may be the sum ("… Kofinanzierung, mit der die EFRE-Mittel zu
# ergänzen sind, liegt das Gesamtvolumen bei 1,7 Mrd. Euro").
MIXED_MONEY = re.compile(r"(?i:kofinanzierung|eigenanteil|eigenmittel|eigenmitteln)")
# Other givers of money: an amount they give is not a programme's.
OTHER_SOURCE = re.compile(
    r"(?i:stiftung|lotto|lotterie|sponsor|spende|eigenmittel|eigenanteil|haushalt)")
# "davon" after an amount makes it a total split over several sources.
SPLIT_TOTAL = re.compile(r"^\W{0,3}(?:davon|darunter|wovon)\b", re.IGNORECASE)

# Capitalised adjectives that belong to a name ("Europäischer Fonds", "Digitale
# Zukunftskommune", "Operationelles Programm", "Berliner Projektfonds").
NAME_ADJECTIVE = (
    r"(?:[A-ZÄÖÜ][a-zäöüß]+(?:isch|lich|al|ell|ig|iv|är|ar|bar|sam|haft|ner|er|ional|"
    r"ale|ene|ete|nte)?e[rnsm]?|[A-ZÄÖÜ][a-zäöüß]+er)"
)
ADJECTIVE_STOP: frozenset[str] = frozenset({
    "der", "die", "das", "dem", "den", "des", "eine", "einer", "eines", "einem", "einen",
    "diese", "dieser", "dieses", "diesem", "diesen", "jeder", "jede", "jedes", "unser",
    "unsere", "unserer", "unseres", "unserem", "unseren", "ihre", "ihrer", "seine",
    "seiner", "alle", "aller", "andere", "anderer", "weitere", "weiterer", "keine",
    "keiner", "welche", "welcher", "solche", "solcher", "beide", "beider", "mehrere",
    "einige", "manche", "viele", "vieler", "wenige", "über", "unter", "aber", "oder",
    "immer", "später", "weiter", "bisher", "wieder", "danach", "daher", "außer",
    "hinter", "neben", "euer", "bürger", "kinder", "länder",
    "partner", "mitglieder", "träger", "teilnehmer", "nutzer", "gewinner", "vertreter",
    "mitarbeiter", "leiter", "lehrer", "eltern", "schüler", "bewerber", "jäger",
    "antragsteller", "arbeitgeber", "arbeitnehmer", "unternehmer", "wähler", "zuvor",
    "sommer", "winter", "oktober", "november", "dezember", "september", "zweite", "erste",
    "dritte", "vierte", "neue", "neuen", "neuer", "neues", "große", "großer", "kleine",
    "ganze", "gesamte", "jährliche", "bisherige", "aktuelle", "derzeitige", "diesjährige",
    "bestehende", "zahlreiche", "verschiedene", "einzelne", "gemeinsame",
})


def stem(word: str) -> str:
    """The word without its inflection ending, to match "Digitalen" with "Digitale"."""
    w = word.casefold()
    if len(w) > 4:
        for ending in ("en", "er", "es", "em", "e", "n", "s"):
            if ending == "s" and w[-2] in "aeiouäöüs":
                continue  # "Preis", "Bonus" end in s; it is no genitive ending
            if w.endswith(ending) and len(w) - len(ending) >= 4:
                return w[: -len(ending)]
    return w


def inflected(word: str) -> str:
    """A regex that matches `word` in any of its inflected forms, in its own case."""
    base = stem(word)
    if (base == word.casefold() and len(word) <= 4) or word.isupper():
        return re.escape(word)
    return re.escape(word[: len(base)]) + r"(?:en|er|es|em|e|n|s)?"


# A sentence that speaks of money or funding: a programme named in it is a funding one.
FUNDING_CONTEXT = re.compile(
    FUNDING_CUES.pattern + r"|(?i:im rahmen d|aus d(?:em|en) |unterstütz|euro\b|€|mio\b)"
)
