"""German money vocabulary: currency words and codes, qualifier cues, unit and context words.

Rule data only; `pressparse.extract.amounts` compiles it into patterns. Surface
forms are matched case-insensitively unless a comment says otherwise.
"""

from __future__ import annotations

from decimal import Decimal

# --------------------------------------------------------------- currencies

# surface form after a figure → (ISO 4217 code, factor to units of that currency)
CURRENCY_AFTER: dict[str, tuple[str, Decimal]] = {
    "€": ("EUR", Decimal(1)), "euro": ("EUR", Decimal(1)), "euros": ("EUR", Decimal(1)),
    "eur": ("EUR", Decimal(1)), "eur.": ("EUR", Decimal(1)),
    "cent": ("EUR", Decimal("0.01")), "euro-cent": ("EUR", Decimal("0.01")),
    "eurocent": ("EUR", Decimal("0.01")), "ct": ("EUR", Decimal("0.01")),
    "ct.": ("EUR", Decimal("0.01")),
    "dm": ("DEM", Decimal(1)), "d-mark": ("DEM", Decimal(1)), "deutsche mark": ("DEM", Decimal(1)),
    "mark": ("DEM", Decimal(1)), "pfennig": ("DEM", Decimal("0.01")),
    "us-dollar": ("USD", Decimal(1)), "us-dollars": ("USD", Decimal(1)),
    "dollar": ("USD", Decimal(1)), "usd": ("USD", Decimal(1)), "$": ("USD", Decimal(1)),
    "us$": ("USD", Decimal(1)),
    "schweizer franken": ("CHF", Decimal(1)), "franken": ("CHF", Decimal(1)),
    "chf": ("CHF", Decimal(1)), "sfr.": ("CHF", Decimal(1)), "sfr": ("CHF", Decimal(1)),
    "britische pfund": ("GBP", Decimal(1)), "britischen pfund": ("GBP", Decimal(1)),
    "pfund sterling": ("GBP", Decimal(1)), "£": ("GBP", Decimal(1)), "gbp": ("GBP", Decimal(1)),
    "yen": ("JPY", Decimal(1)), "jpy": ("JPY", Decimal(1)), "¥": ("JPY", Decimal(1)),
    "yuan": ("CNY", Decimal(1)), "renminbi": ("CNY", Decimal(1)), "cny": ("CNY", Decimal(1)),
    "zloty": ("PLN", Decimal(1)), "złoty": ("PLN", Decimal(1)), "pln": ("PLN", Decimal(1)),
    "tschechische kronen": ("CZK", Decimal(1)), "czk": ("CZK", Decimal(1)),
    "schwedische kronen": ("SEK", Decimal(1)), "sek": ("SEK", Decimal(1)),
    "dänische kronen": ("DKK", Decimal(1)), "dkk": ("DKK", Decimal(1)),
    "norwegische kronen": ("NOK", Decimal(1)), "nok": ("NOK", Decimal(1)),
    "rubel": ("RUB", Decimal(1)), "rub": ("RUB", Decimal(1)),
    "türkische lira": ("TRY", Decimal(1)), "schilling": ("ATS", Decimal(1)),
}

# surface form before a figure: "€ 45.000,-", "EUR 1.234,56", "Euro 99,60" (but "Euro 2024"
# is a football championship: the component drops a year after "Euro")
CURRENCY_BEFORE: dict[str, str] = {
    "€": "EUR", "eur": "EUR", "euro": "EUR", "dm": "DEM", "us$": "USD", "$": "USD", "usd": "USD",
    "chf": "CHF", "sfr.": "CHF", "£": "GBP", "gbp": "GBP",
}

# the currency of figures that name none but are money by context
DEFAULT_CURRENCY = "EUR"

# --------------------------------------------------------------- scale words

# scale words between a figure and its currency ("1,5 Mio. Euro"), → factor
SCALE_WORDS: dict[str, int] = {
    "tsd.": 10**3, "tsd": 10**3, "tausend": 10**3,
    "mio.": 10**6, "mio": 10**6, "mill.": 10**6, "million": 10**6, "millionen": 10**6,
    "mrd.": 10**9, "mrd": 10**9, "mia.": 10**9, "milliarde": 10**9, "milliarden": 10**9,
    "bio.": 10**12, "billion": 10**12, "billionen": 10**12,
}
# scale letters that join a currency sign without a space: "3 T€", "3 TEUR", "5 k€", "2 M€"
SCALE_PREFIXES: dict[str, int] = {"t": 10**3, "k": 10**3, "m": 10**6}

# --------------------------------------------------------------- qualifiers

# words right before a figure (after optional "einem Betrag von"), longest first
QUALIFIERS: dict[str, str] = {
    "knapp über": "more_than", "knapp unter": "less_than", "weit über": "more_than",
    "deutlich über": "more_than", "deutlich mehr als": "more_than", "weit mehr als": "more_than",
    "mehr als": "more_than", "über": "more_than", "von über": "more_than",
    "weniger als": "less_than", "unter": "less_than",
    "nicht mehr als": "up_to", "bis zu": "up_to", "bis maximal": "up_to",
    "bis höchstens": "up_to", "maximal": "up_to", "max.": "up_to", "höchstens": "up_to",
    "bis": "up_to",
    "nicht weniger als": "at_least", "mindestens": "at_least", "mind.": "at_least",
    "wenigstens": "at_least", "ab": "at_least",
    "rund": "approx", "rd.": "approx", "etwa": "approx", "ca.": "approx", "ca": "approx",
    "circa": "approx", "zirka": "approx", "knapp": "approx", "gut": "approx", "fast": "approx",
    "annähernd": "approx", "ungefähr": "approx", "nahezu": "approx", "beinahe": "approx",
    "schätzungsweise": "approx", "geschätzt": "approx", "an die": "approx",
    "um die": "approx",
}
# words after a figure: "5.000 Euro und mehr"
QUALIFIERS_AFTER: dict[str, str] = {
    "und mehr": "at_least", "oder mehr": "at_least", "und darüber": "at_least",
    "oder weniger": "up_to", "gedeckelt": "up_to", "begrenzt": "up_to",
}
# a document or deal made out for a sum (singular: "Spenden über 500 Euro" are those above
# it): "über" after one is "for", not "more than" ("ein Scheck über 500 Euro")
MADE_OUT_FOR = (
    r"\w*(?:scheck|rechnung|darlehen|kredit|bürgschaft|gutschein|vertrag|bescheid|zusage"
    r"|auftrag|forderung|überweisung|spende|zahlung|quittung)"
)
# nouns and adjectives that make a figure further on in the same clause a bound:
# "der Förderhöchstbetrag liegt bei 500.000 Euro", "die maximale Antragssumme ... auf
# 700 Euro", "der Mindestbetrag soll 20.000 € betragen"
BOUND_CUES: dict[str, str] = {
    r"\w*höchst(?:betrag|beträge|summe|grenze|förder\w*|zuschuss|satz|wert|volumen|höhe"
    r"|ausstattung)\w*": "up_to",
    r"maximal\w*|obergrenze\w*|\w+obergrenze\w*|gedeckelt|deckelt": "up_to",
    r"\w*mindest(?:betrag|beträge|summe|förder\w*|invest\w*|volumen|höhe|einlage|zuschuss)\w*"
    r"|untergrenze\w*": "at_least",
}

# --------------------------------------------------------------- per and total

# "je Kommune", "pro Projekt" take the noun that follows; these stand for a unit
PER_WORDS: dict[str, str] = {
    "jährlich": "Jahr", "jährliche": "Jahr", "pro jahr": "Jahr", "im jahr": "Jahr",
    "per anno": "Jahr", "p.a.": "Jahr", "p. a.": "Jahr", "monatlich": "Monat",
    "im monat": "Monat", "wöchentlich": "Woche", "täglich": "Tag", "pro kopf": "Kopf",
}
PER_PREPOSITIONS = ("je", "pro", "per")
TOTAL_WORDS = ("insgesamt", "in summe", "in der summe", "zusammen", "summa summarum")

# --------------------------------------------------------------- context

# figures that stand before these words are money without a currency word:
# "rund 20 Millionen Fördermittel"
MONEY_NOUNS = (
    r"(?:förder|bundes|landes|eu-|haushalts|investitions|finanz|dritt|eigen|sonder|steuer"
    r"|bau|projekt|mittel|bar|preis|spenden)?(?:mittel|mitteln|gelder|geldern|geld)"
    r"|zuschüsse|zuschuss|darlehen|kredite?|spenden|preisgeld"
)
# words in the same clause that make "rund 20 Millionen" money rather than a count
MONEY_CONTEXT = (
    r"€|\beuro\b|\beur\b|investi\w*|finanzier\w*|haushalt\w*|budget\w*|\betat\w*|zuschuss"
    r"|zuschüss\w*|zuwendung\w*|fördermittel\w*|fördergeld\w*|fördersumme\w*|\bmittel\b"
    r"|\bmitteln\b|\bkosten\w*|\bkostet\b|bereitgestellt|bereitstell\w*|\bbereit\b"
    r"|ausgegeben|ausgeben|ausgaben|umsatz\w*|darlehen|\bkredit\w*|bürgschaft\w*"
    r"|subvention\w*|einnahmen|steuer\w*|defizit\w*|schulden|gewinn\w*|verlust\w*"
    r"|kapital\w*|ermächtigungsrahmen|preisgeld\w*|spende\w*|finanzhilfe\w*|\bhilfen\b"
    r"|volumen\b|mehrkosten|einsparung\w*|sparen|gespart|fließen|geflossen|in höhe von"
    r"|\bfördert\b|\bgefördert\b|\bfördern\b"
)
# labels after which a bare figure is a price: "Eintritt: 4, ermäßigt 3 €"
PRICE_LABELS = (
    r"eintritt|eintrittspreis\w*|teilnahmegebühr\w*|teilnahmebeitrag|kostenbeitrag"
    r"|unkostenbeitrag|ticketpreis\w*|kartenpreis\w*|gebühr|kursgebühr\w*|preis pro person"
)
