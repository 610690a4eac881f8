"""The `pressparse_amounts` component: amounts of money, with qualifier, unit and currency.

Regexes over the text find the anchors: a figure with a currency ("45.000 Euro",
"€ 45.000,-", "3 T€"), a figure with a scale word ("rund 20 Millionen", money only
when its clause speaks of money and no counted noun follows), a figure written
"2000,-", a price after a label ("Eintritt: 4"), and table cells under a unit
header ("in T€"). From each anchor the text is read backwards: figures coordinated
with it ("5.000 bis 10.000 Euro", "1.484 (Vorjahr: 1.241) Mio. Euro") share its
scale and currency, and the words before say the qualifier ("bis zu", "rund") and
whether it is a total. Values are exact decimals until they become floats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lang.de import money
from ..lang.de.numbers import NUMBER_WORD_PATTERN, parse_decimal, parse_number_word
from ..nlp import text_of
from ..record import Amount, Mention

EXTRACTOR = "pressparse_amounts"
CONFIDENCE_CURRENCY = 0.95  # the text names the currency
CONFIDENCE_CONTEXT = 0.75  # money by context: scale word, ",-", price label, table header

_USER_DATA_KEY = "pressparse.amount"


def _span_amount(span: Span) -> Amount | None:
    """The Amount a span of `doc.spans["amounts"]` stands for.

    Read by the span's id: span extensions are keyed by offsets, and the two ends
    of a range share theirs."""
    return span.doc.user_data.get((_USER_DATA_KEY, span.id_))


if not Span.has_extension("amount"):
    Span.set_extension("amount", getter=_span_amount)


# ---------------------------------------------------------------- patterns


def _alternation(words: list[str] | tuple[str, ...] | dict) -> str:
    """Longest first, spaces as any whitespace, a word boundary after a final letter."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        part = r"\s+".join(re.escape(w) for w in word.split(" "))
        if word[-1].isalnum():
            part += r"\b"
        if word[0].isalnum():
            part = r"(?<![^\W\d_])" + part  # "10,00Euro": a figure may touch the word
        parts.append(part)
    return "(?:" + "|".join(parts) + ")"


_FRAC = r"(?:,(?:\d+|-{1,2}|[–—]))?"


def _digits(spaced: bool) -> str:
    """A figure as German writes it; `spaced` admits a space between thousands ("45 000"),
    which the cells of a table written with spaces cannot have."""
    return (
        r"(?:(?<![\w.,])|(?<=[^\W\d_]{2}\.))"  # not inside a number; "ca.100.000"
        rf"(?:\d{{1,3}}(?:\.\d{{3}})+{_FRAC}"  # 1.234.567,89
        + (rf"|\d{{1,3}}(?:[ \u00a0\u202f'’]\d{{3}})+(?!\d){_FRAC}" if spaced else "")  # 45 000
        + r"|\d+\.\d{1,2}(?![\d.])"  # 2.5 (decimal point)
        rf"|\d+{_FRAC})"  # 45000,50
        r"(?![\d])(?![.,]\d|,[-–])"
    )


NUM_DIGITS = _digits(spaced=True)
NUM_WORDS = (  # the guard spares the long alternation at letters no number word starts with
    r"(?<![^\W\d_])(?=[adefhnstvzADEFHNSTVZ])"
    r"(?:(?:eine[rmns]?\s+|ein\s+)?halbe[nr]?\b"
    rf"|(?:{NUMBER_WORD_PATTERN})(?:einhalb)?\b|anderthalb\b)"
)
_SIGN = r"(?:(?<![\w.,])[-−–](?=\d)|(?<![\w.,])\+\s?(?=\d))"
_NUM = rf"(?:{NUM_DIGITS}|{NUM_WORDS})"
_SCALE = _alternation(money.SCALE_WORDS)
_CUR_AFTER = _alternation(money.CURRENCY_AFTER)
_CUR_BEFORE = _alternation(money.CURRENCY_BEFORE)
_TK = "[" + "".join(money.SCALE_PREFIXES) + "]"  # "3 T€", "3 TEUR", "5 k€", "2 M€"
_SCALE_PREFIX = rf"(?:{_TK}(?=€|eur\b|euro\b))"


def _paren(group: str) -> str:
    """A previous year's figure in brackets: "1.484 (Vorjahr: 1.241) Mio. Euro"."""
    return (rf"\s?\(\s?(?:(?:vorjahr\w*|vj\.|(?:19|20)\d\d)\s?:?\s?)?"
            rf"(?{group}{NUM_DIGITS})\s?\)")


# a figure with a currency, a scale word or both; or a figure written "2000,-"
ANCHOR_RE = re.compile(
    rf"""
    (?P<pcur>{_CUR_BEFORE})\s?(?P<psign>{_SIGN})?(?P<pnum>{NUM_DIGITS})
        (?:\s?(?P<pscale>{_SCALE}))?
  | (?P<sign>{_SIGN})?(?P<num>{_NUM})
    (?=(?:{_paren(":")})?(?:\s{{1,2}}|-)?(?:{_SCALE}|{_SCALE_PREFIX}|{_CUR_AFTER}))
    (?:{_paren("P<num2>")})?
    (?:(?:\s{{1,2}}|-)?(?P<scale>{_SCALE}))?
    (?:(?:\s{{1,2}}|-)?(?:(?P<tscale>{_TK})(?P<tcur>€|eur\b|euro\b)|(?P<cur>{_CUR_AFTER})))?
  | (?P<dsign>{_SIGN})?(?P<dnum>(?<![\w.,])(?:\d{{1,3}}(?:\.\d{{3}})+|\d+),(?:-{{1,2}}|[–—]))
    """,
    re.IGNORECASE | re.VERBOSE,
)

# one earlier figure coordinated with the next: "5.000 bis", "1,5 und", "von 500 auf"
_CONNECTORS = r"und|oder|bzw\.|sowie|bis\s+zu|bis|auf|-|–|/|,"
# a price category naming the next figure of a price list: "Eintritt 6, ermäßigt 3 Euro"
_PRICE_LABEL = (r"(?:ermäßigt|erm\.|reduziert|Kinder|Jugendliche|Schüler(?:innen)?|Studierende"
                r"|Rentner(?:innen)?|Mitglieder|Familien|Gruppen|VVK|AK|Vorverkauf|Abendkasse"
                r"|Tageskasse|mit\s+(?:Berechtigungs|Ermäßigungs|Berlin-?[Pp]ass|Sozial)[\w-]*"
                r"|mit\s+[\w-]*(?:[Aa]usweis|[Kk]arte))\s*:?")
LINK_RE = re.compile(
    rf"(?<![\w.,])(?P<num>{_NUM})(?:[\s-]?(?P<scale>{_SCALE}))?(?:\s?(?P<cur>{_CUR_AFTER}))?"
    rf"\s*(?P<conn>{_CONNECTORS})\s*(?:(?<=,)\s*(?P<label>{_PRICE_LABEL})\s*)?\Z",
    re.IGNORECASE,
)
_RANGE_START_RE = re.compile(r"\b(?P<w>zwischen|von|um)\s+\Z", re.IGNORECASE)

_QUAL = _alternation(money.QUALIFIERS)
_TOTAL = _alternation(money.TOTAL_WORDS)
_PER_BEFORE = (
    rf"{_alternation(money.PER_WORDS)}"
    rf"|{_alternation(money.PER_PREPOSITIONS)}\s+[A-ZÄÖÜ][\w-]*"
)
_FILLER = (
    r"(?:(?:einem|einer|eines|einen|dem|der|den|zum|zur)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:von|in\s+höhe\s+von)|in\s+höhe\s+von|im\s+umfang\s+von|von)"
)
# the words right before a figure: per unit, total, qualifier, "einem Betrag von"
PREFIX_RE = re.compile(
    rf"""
    (?<![\w.,-])  # at the start of a word only: the search tries every position
    (?:(?P<per>{_PER_BEFORE})\s+)?
    (?:(?P<total>{_TOTAL}|gesamt\w*\s+(?:von|in\s+höhe\s+von))\s+)?
    (?:(?:jeweils|je)\s+)?
    (?:(?P<qual>{_QUAL})(?:\s+|(?<=\.))(?:(?:jedoch|aber|allerdings|also|immerhin)\s+)?
       (?:{_FILLER}\s+)?(?:(?:jeweils|je)\s+)?)?
    (?:(?P<total2>{_TOTAL})\s+)?
    (?:(?P<per2>{_PER_BEFORE})\s+)?
    \Z
    """,
    re.IGNORECASE | re.VERBOSE,
)
_PER_NOUN = r"[A-ZÄÖÜ][\w-]*"
# the words right after a figure: "und mehr", "insgesamt", "je Kommune", "jährlich"
SUFFIX_RE = re.compile(
    rf"(?:\s*(?P<after>(?i:{_alternation(money.QUALIFIERS_AFTER)})))?"
    rf"(?:\s*(?P<total>(?i:{_TOTAL})))?"
    rf"(?:\s*(?:(?P<prep>(?i:{_alternation(money.PER_PREPOSITIONS)}))\s+(?P<noun>{_PER_NOUN})"
    rf"|(?P<perword>(?i:{_alternation(money.PER_WORDS)}))(?!\s*\d)"  # not "im Jahr 2020"
    r"|/(?P<slash>[^\W\d_][\w²³-]*)))?",  # "6,50 €/m²", "5 Euro/Monat"
)

_OVER_AS_OF_RE = re.compile(rf"(?:{money.MADE_OUT_FOR})\s+\Z", re.IGNORECASE)
BOUND_CUE_RE = re.compile(
    "|".join(rf"(?P<c{i}>\b(?:{pattern})\b)" for i, pattern in enumerate(money.BOUND_CUES)),
    re.IGNORECASE,
)
_BOUND_KIND = dict(enumerate(money.BOUND_CUES.values()))
_CLAUSE_END_RE = re.compile(r"[;!?\n]|[,:](?=\s)|(?<=[a-zäöüß]{3})\.(?=\s)")
MONEY_CONTEXT_RE = re.compile(money.MONEY_CONTEXT, re.IGNORECASE)
MONEY_NOUN_RE = re.compile(rf"(?:{money.MONEY_NOUNS})\b", re.IGNORECASE)
_NEXT_WORDS_RE = re.compile(r" ?(?P<w1>[^\W\d_][\w-]*)?(?: (?P<w2>[^\W\d_][\w-]*))?")
_FUNCTION_WORDS = frozenset(
    "der die das den dem des ein eine einen einem einer eines in im ins für an am auf aus "
    "bei beim mit nach von vom zu zur zum und oder aber sowie als wie bis ist sind war waren "
    "wurde wurden werden wird sein hat haben hatte soll sollen sollte kann können muss "
    "müssen durch gegen über unter vor pro je jährlich zusätzlich bereits allein alleine "
    "nur noch erst schon mehr davon dafür damit hierfür insgesamt".split()
)

PRICE_RE = re.compile(
    rf"\b(?:{money.PRICE_LABELS})\s*:\s*(?:(?:je|jeweils|nur|ab)\s+)?"
    rf"(?P<num>{NUM_DIGITS})(?!\s*(?:%|[^\W\d_])|[.:]\d)",
    re.IGNORECASE,
)
# "(in T€)", "Angaben in Mio. Euro", "Beträge in Euro": cells below are money
UNIT_RE = re.compile(
    rf"(?:(?P<scale>{_SCALE})\s?)?(?:(?P<tscale>{_TK})(?P<tcur>€|eur\b|euro\b)"
    rf"|(?P<cur>{_CUR_AFTER}))",
    re.IGNORECASE,
)
_UNIT = re.sub(r"\?P<\w+>", "?:", UNIT_RE.pattern)
# "(in T€)", "(Mio. €)", "Angaben in Euro", "in T€": the cells of the table are money
UNIT_HEADER_RE = re.compile(
    rf"\(\s*(?:in\s+)?(?P<unit1>{_UNIT})\s*\)"
    rf"|\b(?:angaben|beträge|werte|zahlen)\s+in\s+(?P<unit2>{_UNIT})"
    rf"|\bin\s+(?P<unit3>(?:{_SCALE})\s?(?:{_CUR_AFTER})|{_TK}(?:€|eur\b))",
    re.IGNORECASE,
)
_CELL_RE = re.compile(rf"(?P<sign>{_SIGN})?(?P<num>{_digits(spaced=False)})(?!\s*(?:%|[^\W\d_]))")
_YEARLIKE_RE = re.compile(r"(?:19|20)\d\d")
_LIST_ITEM_RE = re.compile(r"\s*(?:[-–•*·▪]|\d{1,2}[.)])\s")


# Where money can stand: the regexes above run only in windows around these (lowercased)
# cues with a figure or number word nearby, which keeps the component cheap on long texts.
_CUES = (
    "€", "$", "£", "¥", "eur", "cent", "mio", "mill", "mrd", "mia", "tsd", "tausend", "bio",
    "billion", "dm", "mark", "pfennig", "dollar", "usd", "franken", "chf", "sfr", "pfund", "gbp",
    "yen", "jpy", "yuan", "renminbi", "cny", "zloty", "złoty", "pln", "kronen", "czk", "sek",
    "dkk", "nok", "rubel", "rub", "lira", "schilling", "ct", ",-", ",–", ",—", "eintritt",
    "gebühr", "beitrag", "preis",
)
_DIGIT_RE = re.compile(r"\d")
_TIME_WORD_RE = re.compile(
    r"\b(?:jahr|jahre|jahres|seit|im|ab|bis|anfang|ende|mitte|sommer|herbst|winter|frühjahr"
    r"|frühling|januar|februar|märz|april|mai|juni|juli|august|september|oktober|november"
    r"|dezember)\s+\Z", re.IGNORECASE)
_FIGURE_RE = re.compile(r"\d+(?:[.,]\d+)*")
_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)[\s-]+\Z")
_BEFORE, _AFTER = 48, 32  # characters a window reaches before and after its cue


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of the text around money cues that have a figure or number word near."""
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer: keep offsets
        low = text
    hits = []
    for cue in _CUES:
        i = low.find(cue)
        while i >= 0:
            hits.append((i, i + len(cue)))
            i = low.find(cue, i + len(cue))
    hits.sort()
    windows: list[tuple[int, int]] = []
    size = len(text)
    for start, end in hits:
        lo, hi = max(0, start - _BEFORE), min(size, end + _AFTER)
        if _DIGIT_RE.search(text, lo, hi) is None and not _number_word_before(text, start):
            continue
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        while hi < size and not text[hi].isspace():
            hi += 1
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
        else:
            windows.append((lo, hi))
    return windows


def _number_word_before(text: str, pos: int) -> bool:
    m = _WORD_BEFORE_RE.search(text, max(0, pos - 30), pos)
    return m is not None and number_value(m.group(1)) is not None


# ---------------------------------------------------------------- values


@dataclass(slots=True)
class Found:
    """One value of money in the text; the mention spans the whole expression."""

    start: int
    end: int
    value: Decimal
    currency: str
    qualifier: str
    confidence: float
    per: str | None = None
    total: bool = False


def number_value(text: str) -> Decimal | None:
    """A figure or number word's value: "1,5" → 1.5, "zwei" → 2, "zweieinhalb" → 2.5."""
    value = parse_decimal(text)
    if value is not None:
        return value
    words = text.split()
    word = words[-1].casefold()
    if word.startswith("halbe"):
        return Decimal("0.5")
    if word == "anderthalb":
        return Decimal("1.5")
    if word.endswith("einhalb"):
        whole = parse_number_word(word[:-7])
        return None if whole is None else whole + Decimal("0.5")
    whole = parse_number_word(word)
    return None if whole is None else Decimal(whole)


def _currency(cur: str | None) -> tuple[str, Decimal] | None:
    if not cur:
        return None
    return money.CURRENCY_AFTER.get(re.sub(r"\s+", " ", cur.casefold()))


def _scale(scale: str | None, tscale: str | None = None) -> int:
    if scale:
        return money.SCALE_WORDS[scale.casefold()]
    if tscale:
        return money.SCALE_PREFIXES[tscale.casefold()]
    return 1


def _is_digits(text: str) -> bool:
    return text[:1].isdigit()


# ---------------------------------------------------------------- extraction


@dataclass(slots=True)
class _Item:
    raw: Decimal
    scale: int | None  # None: takes the anchor's scale
    currency: tuple[str, Decimal] | None


class AmountFinder:
    """Finds the amounts of one text; state is the text and what was found so far."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.windows: list[tuple[int, int]] = []
        self.found: list[Found] = []
        self.taken: list[tuple[int, int]] = []

    def run(self) -> list[Found]:
        text = self.text
        last_end = 0
        last_currency = money.DEFAULT_CURRENCY
        previous: list[Found] = []
        self.windows = _windows(text)
        for match in (m for lo, hi in self.windows for m in ANCHOR_RE.finditer(text, lo, hi)):
            got = self.anchor(match, last_end, last_currency)
            if got:
                if len(previous) == 1 and len(got) == 1:
                    _join_range(text, previous[0], got[0], match.start())
                last_end = got[-1].end
                last_currency = got[-1].currency
                self.found.extend(got)
                self.taken.append((got[0].start, match.end()))
                previous = got
        self.prices()
        self.tables()
        self.list_headers()
        self.found.sort(key=lambda f: (f.start, f.end))
        return self.found

    # -- anchors --

    def anchor(self, m: re.Match[str], last_end: int, last_currency: str) -> list[Found]:
        text = self.text
        context_only = False
        if m["pnum"] is not None:
            raw = number_value(m["pnum"])
            code = money.CURRENCY_BEFORE[m["pcur"].casefold()]
            if m["pcur"].casefold() == "euro" and _YEARLIKE_RE.fullmatch(m["pnum"]):
                return []  # "Euro 2024" is a championship
            cur: tuple[str, Decimal] | None = (code, Decimal(1))
            scale = _scale(m["pscale"])
            sign = m["psign"]
            nums = [raw]
        elif m["dnum"] is not None:
            raw = number_value(m["dnum"])
            cur = (last_currency, Decimal(1))
            scale, sign, nums = 1, m["dsign"], [raw]
            context_only = True
        else:
            raw = number_value(m["num"])
            cur = _currency(m["cur"] or m["tcur"])
            scale = _scale(m["scale"], m["tscale"])
            sign = m["sign"]
            nums = [raw] if m["num2"] is None else [raw, number_value(m["num2"])]
            if not _is_digits(m["num"]) and not m["scale"] and raw is not None and raw != 1 \
                    and m["cur"] and m["cur"].casefold() in ("mark", "franken"):
                return []  # "zwei Mark" reads as a name more often than as a price
            if not _is_digits(m["num"]) and "-" in text[m.end("num"):m.end()]:
                return []  # "Ein-Euro-Shop"
            if _YEARLIKE_RE.fullmatch(m["num"]) and not m["scale"] and _TIME_WORD_RE.search(
                    text, max(0, m.start() - 24), m.start()):
                return []  # "seit 2002 Euro-Bargeld": a year
            if cur is None:
                if not m["scale"] or not self.money_by_context(m):
                    return []
                cur = (self.context_currency(m.start(), last_end, last_currency), Decimal(1))
                context_only = True
        if any(n is None for n in nums):
            return []
        if sign and sign.strip() in "-−–":
            nums = [-n for n in nums]
        code, factor = cur
        start, end = m.start(), m.end()
        anchor_items = [_Item(n, scale, cur) for n in nums]
        links, start, kind = self.links(start, raw, scale, last_end)
        items = links + anchor_items
        confidence = CONFIDENCE_CONTEXT if context_only else CONFIDENCE_CURRENCY
        qualifier, total, per, start = self.prefix(start, last_end)
        suffix = SUFFIX_RE.match(text, end)
        if suffix and suffix.group(0).strip():
            if suffix["after"] and qualifier == "exact":
                qualifier = money.QUALIFIERS_AFTER[re.sub(r"\s+", " ", suffix["after"]).lower()]
            total = total or bool(suffix["total"])
            if suffix["noun"] or suffix["slash"]:
                per = suffix["noun"] or suffix["slash"]
            elif suffix["perword"]:
                per = money.PER_WORDS[re.sub(r"\s+", " ", suffix["perword"].casefold())]
        if qualifier == "exact":
            qualifier = self.bound_cue(start, last_end)
        out = []
        for i, item in enumerate(items):
            item_scale = scale if item.scale is None else item.scale
            item_code, item_factor = item.currency or (code, factor)
            value = item.raw * item_scale * item_factor
            q = qualifier
            if kind == "range" and len(items) == 2:
                q = "range_from" if i == 0 else "range_to"
            out.append(Found(start, end, value, item_code, q, confidence, per, total))
        return out

    def money_by_context(self, m: re.Match[str]) -> bool:
        """A figure with a scale word and no currency: money if no counted noun follows
        and the clause speaks of money ("investieren rund 20 Millionen in ...")."""
        text = self.text
        nxt = _NEXT_WORDS_RE.match(text, m.end())
        w1 = nxt["w1"] if nxt else None
        if w1:
            if w1[0].isupper():
                if not MONEY_NOUN_RE.fullmatch(w1):
                    return False
            elif w1.casefold() not in _FUNCTION_WORDS and nxt["w2"] and nxt["w2"][0].isupper() \
                    and not MONEY_NOUN_RE.fullmatch(nxt["w2"]):
                return False  # "36 Mio. wirtschaftliche Einheiten": adjective, counted noun
        para_start = text.rfind("\n", 0, m.start()) + 1
        para_end = text.find("\n", m.end())
        para_end = len(text) if para_end < 0 else para_end
        lo = max(para_start, m.start() - 250)
        hi = min(para_end, m.end() + 150)
        return MONEY_CONTEXT_RE.search(text, lo, hi) is not None

    def context_currency(self, start: int, last_end: int, last_currency: str) -> str:
        if last_end and start - last_end < 400:
            return last_currency
        return money.DEFAULT_CURRENCY

    def links(self, start: int, anchor_raw: Decimal | None, anchor_scale: int, last_end: int
              ) -> tuple[list[_Item], int, str]:
        """Figures coordinated with the anchor, read backwards: ranges and lists."""
        text = self.text
        items: list[_Item] = []
        kind = "single"
        pos = start
        for _ in range(6):
            m = LINK_RE.search(text, max(last_end, pos - 80), pos)
            if m is None:
                break
            conn = m["conn"].casefold()
            raw = number_value(m["num"])
            if raw is None:
                break
            if not m["scale"] and not m["cur"] and _YEARLIKE_RE.fullmatch(m["num"]) and (
                    _TIME_WORD_RE.search(text, max(0, m.start() - 24), m.start())):
                break  # "für das Jahr 2020 und 926.000 Euro": a year, not a figure
            if conn == "," and m["label"]:
                kind = "list"  # "19, ermäßigt 13, mit Berechtigungsnachweis 3 Euro"
            elif conn == "," and kind != "list":
                break
            if conn == "auf":
                lead = _RANGE_START_RE.search(text, max(0, m.start() - 12), m.start())
                if items or lead is None or lead["w"].casefold() not in ("von", "um"):
                    break
                kind = "list"
            elif conn.startswith("bis") or conn in ("-", "–"):
                if items or (conn in ("-", "–") and _not_a_range_start(m["num"], anchor_raw)):
                    break
                kind = "range"
            elif conn == "und" and not items:
                lead = _RANGE_START_RE.search(text, max(0, m.start() - 12), m.start())
                kind = "range" if lead and lead["w"].casefold() == "zwischen" else "list"
            elif (conn == "/" and (items or text[m.end("num"):pos].strip() != "/")) or (
                    kind != "list" and items):
                break
            elif conn != ",":
                kind = "list"
            item_scale = _scale(m["scale"]) if m["scale"] else None
            if item_scale is None and anchor_raw is not None and anchor_scale > 1 and not (
                    raw < 1000 or abs(raw) < abs(anchor_raw)):
                item_scale = 1
            items.insert(0, _Item(raw, item_scale, _currency(m["cur"])))
            pos = m.start()
            if kind == "range":
                break
        if kind == "range" and items:
            first = items[0].raw * (anchor_scale if items[0].scale is None else items[0].scale)
            last = (anchor_raw or 0) * anchor_scale
            if not (0 <= first < last and last <= first * 10000):
                return [], start, "single"
            lead = _RANGE_START_RE.search(text, max(0, pos - 12), pos)
            if lead and lead["w"].casefold() in ("zwischen", "von"):
                pos = lead.start()
        elif kind == "list" and items:
            lead = _RANGE_START_RE.search(text, max(0, pos - 12), pos)
            if lead and lead["w"].casefold() in ("von", "um"):
                pos = lead.start()
        return items, pos, kind

    def prefix(self, start: int, last_end: int) -> tuple[str, bool, str | None, int]:
        """Qualifier, total and per-unit words right before the expression."""
        lo = max(last_end, start - 64)
        m = PREFIX_RE.search(self.text, lo, start)
        if m is None or m.start() == start:
            return "exact", False, None, start
        qualifier = "exact"
        if m["qual"]:
            qualifier = money.QUALIFIERS[re.sub(r"\s+", " ", m["qual"]).casefold()]
            if qualifier == "more_than" and m["qual"].casefold() == "über" and \
                    _OVER_AS_OF_RE.search(self.text, max(0, m.start("qual") - 40), m.start("qual")):
                qualifier = "exact"  # "ein Scheck über 500 Euro": the sum it is made out for
        total = bool(m["total"] or m["total2"])
        per = None
        per_text = m["per"] or m["per2"]
        if per_text:
            key = re.sub(r"\s+", " ", per_text).casefold()
            per = money.PER_WORDS.get(key) or per_text.split()[-1]
        starts = [m.start(g) for g in ("total", "qual", "total2") if m[g]]
        return qualifier, total, per, min(starts, default=start)

    def bound_cue(self, start: int, last_end: int) -> str:
        """A bound named earlier in the clause: "die Förderhöchstgrenze liegt bei ..."."""
        text = self.text
        lo = max(last_end, start - 120)
        cut = lo
        for end in _CLAUSE_END_RE.finditer(text, lo, start):
            cut = end.end()
        kind = "exact"
        for cue in BOUND_CUE_RE.finditer(text, cut, start):
            # "bei maximal 20 Teilnehmenden kostet der Kurs 50 Euro": the cue bounds the 20
            if not any(not _YEARLIKE_RE.fullmatch(f.group())
                       for f in _FIGURE_RE.finditer(text, cue.end(), start)):
                kind = _BOUND_KIND[int(cue.lastgroup[1:])]
        return kind

    # -- figures that are money by their place --

    def free(self, start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in self.taken)

    def prices(self) -> None:
        """"Eintritt: 4, ermäßigt 3 €": a bare figure after a price label."""
        for m in (m for lo, hi in self.windows for m in PRICE_RE.finditer(self.text, lo, hi)):
            if not self.free(m.start("num"), m.end("num")):
                continue
            value = number_value(m["num"])
            if value is None:
                continue
            self.found.append(Found(m.start(), m.end(), value, money.DEFAULT_CURRENCY,
                                    "exact", CONFIDENCE_CONTEXT))
            self.taken.append((m.start(), m.end()))

    def tables(self) -> None:
        """Cells of a table whose header says the unit: "Ausgaben (in T€) | 2022 | 2023"."""
        text = self.text
        headers = (m for lo, hi in self.windows for m in UNIT_HEADER_RE.finditer(text, lo, hi))
        for header in headers:
            unit = UNIT_RE.fullmatch(header["unit1"] or header["unit2"] or header["unit3"])
            cur = _currency(unit["cur"] or unit["tcur"]) if unit else None
            if unit is None or cur is None:
                continue
            scale = _scale(unit["scale"], unit["tscale"])
            start, end = _line_bounds(text, header.start())
            rows = [(header.end(), end)]
            while len(rows) < 60:
                row_start = end
                while row_start < len(text) and text[row_start] == "\n":
                    row_start += 1
                if row_start >= len(text):
                    break
                row_start, end = _line_bounds(text, row_start)
                if not _is_table_row(text[row_start:end]):
                    break
                rows.append((row_start, end))
            if len(rows) == 1 and "|" not in text[start:end]:
                continue  # a unit in running text heads no table
            for row_start, row_end in rows:
                self.cells(row_start, row_end, scale, cur)

    def cells(self, start: int, end: int, scale: int, cur: tuple[str, Decimal]) -> None:
        text = self.text
        piped = "|" in text[start:end]
        for cell in _CELL_RE.finditer(text, start, end):
            num = cell["num"]
            if _YEARLIKE_RE.fullmatch(num) or not self.free(cell.start(), cell.end()):
                continue
            if piped and not _whole_cell(text, cell.start(), cell.end(), start, end):
                continue
            raw = number_value(num)
            if raw is None:
                continue
            if cell["sign"] and cell["sign"].strip() in "-−–":
                raw = -raw
            self.found.append(Found(cell.start(), cell.end(), raw * scale * cur[1], cur[0],
                                    "exact", CONFIDENCE_CONTEXT))
            self.taken.append((cell.start(), cell.end()))

    def list_headers(self) -> None:
        """"Förderhöhe (maximal) in Klammern:" makes the amounts of the list below bounds."""
        text = self.text
        for found in self.found:
            if found.qualifier != "exact":
                continue
            para_start = text.rfind("\n", 0, found.start) + 1
            if not _LIST_ITEM_RE.match(text, para_start):
                continue
            head_end = para_start - 2
            for _ in range(60):  # walk up over the list's items to its header
                if head_end <= 0:
                    break
                head_start = text.rfind("\n", 0, head_end) + 1
                if not _LIST_ITEM_RE.match(text, head_start):
                    header = text[head_start:head_end].rstrip()
                    if header.endswith(":"):
                        kinds = [_BOUND_KIND[int(c.lastgroup[1:])]
                                 for c in BOUND_CUE_RE.finditer(header)]
                        qual = PREFIX_QUAL_IN_HEADER_RE.search(header)
                        if qual:
                            kinds.append(money.QUALIFIERS[
                                re.sub(r"\s+", " ", qual.group(0)).casefold()])
                        if kinds:
                            found.qualifier = kinds[-1]
                    break
                head_end = head_start - 2


PREFIX_QUAL_IN_HEADER_RE = re.compile(
    r"\b(?:bis\s+zu|höchstens|mindestens|maximal)\b", re.IGNORECASE)


_RANGE_GAP_RE = re.compile(r"\s*(?P<conn>bis(?:\s+zu)?|-|–|und)\s*", re.IGNORECASE)
_ZWISCHEN_RE = re.compile(r"\bzwischen\s+\Z", re.IGNORECASE)


def _join_range(text: str, first: Found, second: Found, second_figure: int) -> None:
    """"10 € bis 25 €", "zwischen 500 Euro und 1.000 Euro": two amounts, one range."""
    gap = _RANGE_GAP_RE.fullmatch(text, first.end, second_figure)
    if gap is None or first.currency != second.currency or not 0 <= first.value < second.value:
        return
    if gap["conn"].casefold() == "und":
        lead = _ZWISCHEN_RE.search(text, max(0, first.start - 12), first.start)
        if lead is None:
            return
        first.start = lead.start()
    else:
        lead = _RANGE_START_RE.search(text, max(0, first.start - 12), first.start)
        if lead and lead["w"].casefold() in ("von", "zwischen"):
            first.start = lead.start()
    first.qualifier, second.qualifier = "range_from", "range_to"
    first.end, second.start = second.end, first.start


def _not_a_range_start(num: str, anchor_raw: Decimal | None) -> bool:
    """"City Tax 2018 – 40.000 €": a year before a dash is a title's year, not a range."""
    if not _is_digits(num):
        return True
    return bool(_YEARLIKE_RE.fullmatch(num)) and not (
        anchor_raw is not None and 1000 <= anchor_raw < 10000)


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _whole_cell(text: str, start: int, end: int, row_start: int, row_end: int) -> bool:
    """In a row written with "|", a figure that is all of its cell."""
    left = text.rfind("|", row_start, start)
    right = text.find("|", end, row_end)
    before = text[(row_start if left < 0 else left + 1):start]
    after = text[end:(row_end if right < 0 else right)]
    return not before.strip(" *") and not after.strip(" *")


def _is_table_row(row: str) -> bool:
    """A short line made mostly of figures: a row of the table above."""
    if len(row) > 200 or not row.strip():
        return False
    figures = len(re.findall(r"\d[\d.,]*", row))
    words = len(re.findall(r"[^\W\d_]{2,}", row))
    return figures >= 1 and figures >= words / 3


def find_amounts(text: str) -> list[Found]:
    """Every mention of money in `text`, in text order."""
    return AmountFinder(text).run()


def merge(found: list[Found], text: str) -> list[Amount]:
    """One Amount per (value, currency), with every mention; the first mention's
    qualifier and text, ordered by first mention."""
    by_key: dict[tuple[Decimal, str], Amount] = {}
    for f in found:
        key = (f.value, f.currency)
        mention = Mention(start=f.start, end=f.end, text=text[f.start:f.end])
        amount = by_key.get(key)
        if amount is None:
            by_key[key] = Amount(
                value=float(f.value), currency=f.currency, qualifier=f.qualifier,
                text=mention.text, per=f.per, total=f.total, mentions=[mention],
                extractor=EXTRACTOR, confidence=f.confidence)
        else:
            if all(m.start != mention.start or m.end != mention.end for m in amount.mentions):
                amount.mentions.append(mention)
            amount.confidence = max(amount.confidence, f.confidence)
            amount.per = amount.per or f.per
            amount.total = amount.total or f.total
    return list(by_key.values())


@Language.factory("pressparse_amounts")
def make_amounts_component(nlp: Language, name: str) -> AmountsComponent:
    return AmountsComponent()


class AmountsComponent:
    def __call__(self, doc: Doc) -> Doc:
        found = find_amounts(text_of(doc))
        amounts = merge(found, text_of(doc))
        if doc._.facts is not None:
            doc._.facts.setdefault("amounts", []).extend(amounts)
        by_key = {(a.value, a.currency): a for a in amounts}
        spans = []
        for i, f in enumerate(found):
            # the id keeps apart the two ends of a range, which share their text
            span = doc.char_span(f.start, f.end, label="MONEY", alignment_mode="expand",
                                 span_id=f"amount-{i}")
            if span is not None:
                doc.user_data[(_USER_DATA_KEY, span.id_)] = by_key.get((float(f.value), f.currency))
                spans.append(span)
        doc.spans["amounts"] = spans
        return doc
