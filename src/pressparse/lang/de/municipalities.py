"""German words that decide whether a name in a text is a municipality.

A capitalised name from the register is only a candidate: what stands before it
("in", "Stadt", "Landkreise", a postcode, an article, another proper noun) and
after it ("GmbH", "e.V.") says whether the text means the place, a common noun,
a person or an organisation.
"""

from __future__ import annotations

import re

# cue words that name the administration itself, not just a place
ADMIN_CUE = re.compile(r"^(?:\w*[Ss]tadt|\w*[Ss]tädte|Gemeinde|Gemeinden|Ortsgemeinde|"
                       r"Marktgemeinde|Kommune|Kommunen|Stadtverwaltung|Gemeindeverwaltung)$")
# plural cue words: "die Städte Ulm und Heidelberg", but "die Städte Bayerns"
PLURAL_CUE = re.compile(r"^(?:\w*[Ss]tädte|Gemeinden|Kommunen|Orte|Landkreise|Kreise)$")
# the word before a name that makes it a Gemeinde: "Stadt Ulm", "Landeshauptstadt Stuttgart"
GEMEINDE_CUE = re.compile(
    r"^(?:\w*[Ss]tadt|\w*[Ss]tädte|Gemeinde|Gemeinden|Ortsgemeinde|Marktgemeinde|Kommune|"
    r"Kommunen|Ort|Orte|Ortes|Ortschaft|\w*[Ss]tandort|\w*[Ss]tandortes|Metropole|"
    r"Großraum|Raum|Stadtverwaltung|Gemeindeverwaltung|Wohnort|Geburtsort|Sitz|"
    r"Partnerstadt|Partnerstädte)$"
)
# "Kunststadt" or "Hansestadt" yes, but not words that only end like a city word
NOT_GEMEINDE_CUE = frozenset({"Werkstatt", "Werkstätte", "Werkstätten", "Gaststätte",
                              "Stätte", "Stätten", "Wohnstätte", "Begegnungsstätte"})
KREIS_CUE = re.compile(r"^(?:Landkreis|Landkreise|Landkreises|Landkreisen|Kreis|Kreise|Kreises|"
                       r"Kreisen|Landrätin|Landrat|Regionalverband)$")
STADTKREIS_CUE = re.compile(r"^(?:Stadtkreis|Stadtkreise|Stadtkreises)$")
# adjectives that make "Gemeinde" a congregation: "der jüdischen Gemeinde Berlin"
CONGREGATION = re.compile(r"^(?:jüdisch|evangelisch|katholisch|christlich|muslimisch|islamisch|"
                          r"reformiert|lutherisch|neuapostolisch|orthodox|freikirchlich|"
                          r"israelitisch|mennonitisch|alevitisch)\w*$")
# prepositions of place: "in Ulm", "aus Kaufbeuren", "nach Hoppegarten"
PLACE_PREPOSITIONS = frozenset({"in", "aus", "nach", "bei", "zwischen", "nahe", "nähe", "ab",
                                "bis", "via", "gen", "ins", "unweit"})
WEAK_PREPOSITIONS = frozenset({"von", "für", "um", "über", "gegen", "rund", "durch"})
ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem",
                      "einer", "eines", "im", "am", "zum", "zur", "vom", "beim", "ans",
                      "kein", "keine", "keinen", "keinem", "keiner", "jeder", "jede", "jedes",
                      "jeden", "jedem", "dieser", "diese", "dieses", "diesen", "diesem",
                      "unser", "unsere", "unserem", "unseren", "unserer", "ihr", "ihre",
                      "ihren", "ihrem", "sein", "seine", "seinen", "seinem"})
# words that name the Land: "Freistaat Sachsen", "das Land Brandenburg"
LAND_WORDS = frozenset({"Land", "Landes", "Lande", "Bundesland", "Bundeslandes", "Freistaat",
                        "Freistaates", "Stadtstaat", "Stadtstaates", "Länder"})
# a stop or line named after a place: "S-Bahnhof Ahrensfelde", "S7 Ahrensfelde", "Bf. Erkner"
STATION_BEFORE = re.compile(
    r"(?:\b[SU]-?(?:Bahnhof|Bhf\.?|Bahnh\.)|\b(?:Bahnhof|Bhf\.|Bf\.|Haltestelle|Busbahnhof)"
    r"|(?<![\w-])[SU][ ]?\d{1,2}|\bRE[ ]?\d{1,2}|\bRB[ ]?\d{1,2})[ \t]+$")
# holders and bodies whose title ends in "des Landes Berlin"
OFFICE_WORD = re.compile(r"(?:Senator|Senatorin|\w*[Bb]ürgermeister(?:in)?|\w*[Aa]usschuss|"
                         r"\w*[Bb]latt|\w*[Bb]eauftragte[rn]?|Landes\w+)$")
# of those, the ones that name a city state as an administration: "das Land Berlin"
CITY_STATE_LAND_WORDS = frozenset({"Land", "Landes", "Lande", "Stadtstaat", "Stadtstaates"})
# nouns that place what follows "von": "im Stadtteil von Berlin", "Einwohner von Ulm"
VON_PLACE_NOUNS = frozenset(
    "Stadtteil Stadtteile Ortsteil Ortsteile Teil Teile Zentrum Rand Stadtrand Umland Umgebung "
    "Nähe Norden Süden Osten Westen Nordosten Nordwesten Südosten Südwesten Innenstadt "
    "Einwohner Einwohnerinnen Bürger Bürgerinnen Bürgermeister Bürgermeisterin "
    "Oberbürgermeister Oberbürgermeisterin Straßen Hauptstadt Stadtgebiet Gebiet".split()
)
PERSON_TITLES = frozenset({"Herr", "Herrn", "Frau", "Dr.", "Prof.", "Dr", "Prof", "St.", "Hl.",
                           "Familie", "Pfarrer", "Pastor", "Pastorin", "Pfarrerin"})
# capitalised words that can stand before a place without being part of its name
FREE_WORDS = frozenset(
    "In Im Aus Nach Bei Von Vom Für Zwischen Nahe Neben Auch Und Sowie Oder Aber Doch Denn "
    "Heute Gestern Morgen Jetzt Nun Dann Damit Dabei Daher Deshalb Trotzdem Dort Hier "
    "Bis Ab Seit Mit Ohne Gegen Über Unter Vor Hinter Durch Um Wie Als Wenn Ob Dass "
    "Auf An Am Zum Zur Beim Der Die Das Den Dem Des Ein Eine Einen Einem Einer Eines "
    "Ganz Gerade Nur Schon Noch Sogar Vor Allem Insbesondere Besonders Etwa Zudem Außerdem "
    "Bereits Erst Immer Wieder Laut Gemäß Dank Wegen Trotz Während Innerhalb Außerhalb "
    "Ort Orte Ortes Standort Sitz Raum Großraum Richtung Gemeinde Gemeinden Stadt Städte "
    "Stadtteil Stadtteilen Ortsteil Ortsteilen Kiez Umland "
    "Kommune Kommunen Landkreis Landkreise Landkreises Kreis Kreise Kreises "
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember "
    "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonnabend Sonntag".split()
)
# after a name these make it part of an organisation: "Grün Berlin GmbH"
ORG_AFTER = re.compile(r"^\s*(?:GmbH|gGmbH|mbH|AG|SE|KG|KGaA|eG|GbR|OHG|e\.\s?V\.|Ltd\.?|Inc\.?|"
                       r"UG|Co\.|gUG|Stiftung\b)")
# words after a name that make it part of another name: "Berlin Partner", "Stuttgart Airport"
NAME_HEADS_AFTER = re.compile(
    r"^\s(?:Partner|Marathon|Airport|Festival|Week|Music|Art|Open|Summit|Hbf\.?|Hauptbahnhof|"
    r"Museum|Zoo|Messe|Pass|Ticket|Card|Award|Center|Centre|Tourismus|Marketing|Pride|"
    r"Fashion|Design|Hub|Lab|Campus|Convention|Arena|Journal|Verlag|Sinfonietta)\b")
# a hyphenated second part that makes a place of the compound: "Berlin-Grünau", "Köln-Ost"
PLACE_TAIL = re.compile(
    r"(?:dorf|dörfl\w*|felde?|hagen|hausen|heim|au|aue|berg|burg|stadt|see|walde?|hof|born|"
    r"brück|brücke|ow|itz|witz|ingen|ungen|rode|kirchen|weiler|bach|ach|werder|wedel|"
    r"mitte|nord|süd|ost|west|altstadt|zentrum|innenstadt|feld|heide|grund|garten|holz|"
    r"mark|land|thal|tal|büttel|stedt|stätt|brook|moor|lust|ruh|ruhe|höhe|weide|"
    r"schöneweide|kolonie|siedlung|viertel|kiez|ufer|damm|horn|hain|ort|leben|a)$",
    re.IGNORECASE,
)
# the second part of a Land's or region's name, never a place of its own
NOT_PLACE_TAIL = frozenset({"Württemberg", "Holstein", "Anhalt", "Westfalen", "Vorpommern",
                            "Pfalz", "Brandenburg", "Lippe", "Nassau", "Baden", "Marathon"})
# Land adjectives: "im sächsischen Lichtenberg" is the one in Sachsen
LAND_ADJECTIVES: dict[str, str] = {
    "schleswig-holsteinisch": "01", "hamburgisch": "02", "niedersächsisch": "03",
    "bremisch": "04", "nordrhein-westfälisch": "05", "westfälisch": "05", "rheinisch": "05",
    "hessisch": "06", "rheinland-pfälzisch": "07", "pfälzisch": "07",
    "baden-württembergisch": "08", "badisch": "08", "württembergisch": "08",
    "schwäbisch": "08", "bayerisch": "09", "fränkisch": "09", "oberbayerisch": "09",
    "saarländisch": "10", "berlinisch": "11", "brandenburgisch": "12", "märkisch": "12",
    "mecklenburgisch": "13", "vorpommersch": "13", "sächsisch": "14", "erzgebirgisch": "14",
    "vogtländisch": "14", "anhaltisch": "15", "thüringisch": "16",
}
LAND_NAMES: dict[str, str] = {
    "Schleswig-Holstein": "01", "Hamburg": "02", "Niedersachsen": "03", "Bremen": "04",
    "Nordrhein-Westfalen": "05", "NRW": "05", "Hessen": "06", "Rheinland-Pfalz": "07",
    "Baden-Württemberg": "08", "Bayern": "09", "Saarland": "10", "Berlin": "11",
    "Brandenburg": "12", "Mecklenburg-Vorpommern": "13", "Sachsen": "14",
    "Sachsen-Anhalt": "15", "Thüringen": "16",
}
CITY_STATES = frozenset({"Berlin", "Hamburg", "Bremen"})
# the line before a name that signs a letter: "Im Auftrag\nBrühl"
SIGN_OFF = re.compile(r"(?:Im Auftrag|i\.\s?A\.|gez\.|Grüßen|Gruß|Ihre?|Ansprechpartner(?:in)?:?)$",
                      re.IGNORECASE)
# issuers that are offices of one city state
BERLIN_OFFICES = re.compile(r"\b(?:Senatsverwaltung|Senatskanzlei|Senator(?:in)?|Bezirksamt|"
                            r"Bezirksbürgermeister(?:in)?|Bezirksstadtr(?:at|ätin)|"
                            r"Abgeordnetenhaus|Regierende[rn]? Bürgermeister(?:in)?)\b")
BERLIN_OFFICE_WORDS = frozenset({
    "Senatsverwaltung", "Senatskanzlei", "Senator", "Senatorin", "Bezirksamt", "Bezirksamts",
    "Bezirksamtes", "Bezirksbürgermeister", "Bezirksbürgermeisterin", "Bezirksstadtrat",
    "Bezirksstadträtin", "Abgeordnetenhaus", "Abgeordnetenhauses"})
HAMBURG_OFFICES = re.compile(r"\b(?:Hamburgische Bürgerschaft|Freie und Hansestadt Hamburg|"
                             r"Bezirksamt (?:Hamburg-Nord|Hamburg-Mitte|Altona|Eimsbüttel|"
                             r"Wandsbek|Bergedorf|Harburg))\b")

# Gemeinden whose names are also common words, first names or surnames: only a cue
# ("in", "Stadt", a postcode, the NER's LOC) makes them a place.
COMMON_WORD_NAMES = frozenset("""
Aach Ach Achim Acht Ahlen Alf Alt Amt Anger Arzt Au Aue Ausleben Bach Bann Bar Bau Beben Berg
Bergen Berne Bescheid Besitz Binnen Boden Bogen Born Brand Brechen Brecht Breit Brunnen Brücken
Buch Buchen Burg Busch Dahme Damm Dingen Dorf Eich Eichen Einig Elend Empfingen Ende Engen
Enger Erden Erlangen Ernst Essen Fahren Feld Flacht Forst Frechen Gering Gießen Glatten
Geldern Gleichen Graben Gruben Göttin Hagen Hahn Halbe Halle Hammer Hausen Hecken Heide Heiden
Hof Holt Horn Horst Höchst Höfen Hütten Kalt Kamen Kappel Karl Kirchen Klein Korb Kranz
Kuchen Lachen
Lage Land Lang Langen Lauf Laufen Lauter Leer Lehre Lich Lieth Linden Lindern Lingen Linz List
Mark Markt Mauer Mauern Mehren Meine Moos Mühlen Nahe Neuhaus Ney Norden Ohne Osten Plauen Puls
Rain Rauen Regen Reich Reit Rom Rosa Rot Roth Saal Sachsen Scheuern Schuld Schutz Schwaig
Schwarz Schwarzen Seen Senden Singen Sinn Sonnen Stein Stelle Stemmen Stubben Süßen Tanne
Treffen Treuen Ulmen Wald Waren Wehr Weiden Weil Weisen Wellen Welt Wenden Werben Wetter Wiesen
Wirft Wissen Wolken Zell Siegen Übersee Harz Lippe Salzburg Königsberg Pommern Spessart Bodensee
Usedom Elbe Lahn Schwarza Pegnitz Murg Nidda Warnow Linda Lotte Meinhard Sören Sand
Steinen
""".split())
# directions that are also towns: "nach Norden" is a direction, "in Norden" the town
DIRECTION_NAMES = frozenset({"Norden", "Osten"})
# words before "von" that make the phrase an organisation: "Senat von Berlin"
ORG_BEFORE_VON = re.compile(
    r"(?:amt|amtes|haus|hauses|verwaltung|regierung|senat|senats|gericht|gerichts|polizei|"
    r"universität|hochschule|schule|stiftung|verband|verbandes|verein|vereins|bank|werke?|"
    r"theater|museum|bibliothek|kirche|bistum|bistums|partei|fraktion|zoo|klinikum|"
    r"Bezirk|Bezirks)$", re.IGNORECASE)
# surnames of well-known people that are also Gemeinden: "Bertolt Brecht", "Max Delbrück"
SURNAME_NAMES = frozenset("""
Brecht Buxtehude Delbrück Bach Roth Lang Ernst Hahn Karl Horst Achim Rosa Wagner Schiller
Goethe Luther Herder Händel Kant Humboldt Weber Fontane Lessing Heine Bismarck Liebig
""".split())
