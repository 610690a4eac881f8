"""Roles and parties, read in the sentence around a mention.

Apart from the name search because three steps read them: an apposition is
evidence for a name, a full name found again brings its roles, and the quotes
name a speaker by the role `choose_role` picks. Roles that the line layout gives
(labels, "Name: role" lines, list entries) are read in `layout`.
"""

from __future__ import annotations

import re

from ...lang.de import persons as lex
from .model import ANAPHOR, FUNCTION, LABEL, Found
from .nominative import ARTICLE_END_RE, nominative
from .words import CAP, SP, TITLE

# tokens of a role's complement: "für Umwelt, Mobilität und Klimaschutz", "der Stadtwerke Ulm"
FUNC = (r"für|des|der|dem|den|bei|beim|im|in|am|an|von|vom|zur|zum|und|sowie|&|of|the|for|to"
         r"|and|gegen|über|auf|mit|ohne")
_ADJ_STOP = ("werden|haben|sollen|wollen|können|müssen|dürfen|heute|gerne|einen|keine|eine"
             "|seine|ihre|unsere|diese|dieser|diesen|jeder|jede|alle|allen|wieder|immer"
             "|unter|über|hinter|oder|aber|sehr|mehr|wenn|denn|dann|schon|gegen|ohne|seit"
             "|während|sowie|hier|gestern|morgen|bereits|wurde|wurden|gemeinsam")
_ADJ = (rf"(?!(?:{_ADJ_STOP})\b)[a-zäöüß]{{2,}}(?:isch|lich|ig|al|ar|ell|iv|end|ös|är|bar"
        rf"|sam|haft|ern|on)(?:e|en|er|es|em)(?=\s+[{lex.UPPER}])")
_ACR_PAREN = r"\([A-ZÄÖÜ][\w&./\- ]{0,30}\)"
_LEGAL = r"e\.\s?V\.|gGmbH|GmbH|gUG|mbH|AG|KG|eG|SE"
# a number, not a date or a time: "Grundschule 3", not "am 22. Mai" or "(Lichtenberg) 15 Uhr"
_NUM = (r"(?<!am\s)(?<!um\s)(?<!ab\s)(?<!bis\s)(?<!vom\s)\d+(?:\.\d+)?"
        r"(?![\d:]|\.\d|\.?\s*(?:Uhr|Jan|Feb|Mär|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez))")
_CTOKEN = rf"(?:{_LEGAL}|a\.\s?D\.|{CAP}|{_NUM}|{_ACR_PAREN}|(?:{FUNC})(?![\w])|{_ADJ})"
COMPLEMENT_RE = re.compile(rf"(?:(?:\s+|,\s+(?=[{lex.UPPER}]))(?:{_CTOKEN}))*")
FWD_COMPLEMENT_RE = re.compile(rf"(?:(?:{SP}+|,{SP}+(?=[{lex.UPPER}]))(?:{_CTOKEN}))*")
_TRAIL_FUNC_RE = re.compile(rf"(?:[\s,]+(?:{FUNC}|{_ADJ_STOP}))+$")

_PARTY_END_RE = re.compile(rf"{lex.PARTY_RE.pattern}$")
TITLES_END_RE = re.compile(rf"(?:{TITLE}\s*)+$")
WORD_RE = re.compile(rf"(?<![\w\-*:]){CAP}(?:[*:_/]-?in|\(in\))?(?![\w\-])")
_EXTEND_BACK_RE = re.compile(
    rf"(?:(?P<role>{CAP}(?:[*:_/]-?in|\(in\))?)(?P<sep>,\s+|\s+und\s+)"
    rf"|(?P<mod>[A-ZÄÖÜ][a-zäöüß]+(?:e|er|es)|[A-ZÄÖÜ]{{2,6}})\s+)$")
SENT_END_RE = re.compile(r"(?<!\b[A-Za-zÄÖÜäöü])(?<!\d)(?<!\b(?:Dr|Nr|ca|St))"
                         r"(?<!\b(?:bzw|vgl|Tel|Abs|Str))(?<!Prof)"
                         r"[.!?]\s+(?=[A-ZÄÖÜ„\"])|\n\s*\n|[:;]\s+(?=[„\"“»])")
_INSTR = "|".join(sorted((re.escape(w) for w in lex.INSTRUMENTS), key=len, reverse=True))
INSTRUMENT_AFTER_RE = re.compile(
    rf"(?:{SP}?\((?P<a>(?i:{_INSTR}))\)|{SP}[–-]{SP}(?P<b>(?i:{_INSTR}))(?=[\s,.;)]|$)"
    rf"|,{SP}(?P<c>(?i:{_INSTR}))(?=[\s,.;)]|$))"
)
LEITET_RE = re.compile(
    r",\s+(?P<rel>der|die)\s+(?P<art>das|den|die)\s+(?P<obj>[^,.;:\n]{3,80}?)\s+leitet\b")


def party_after(text: str, end: int) -> str | None:
    m = lex.PARTY_RE.match(text, end)
    return m.group("party") if m else None


def role_before(text: str, start: int) -> tuple[int, int, str] | None:
    """The role phrase that ends right before a name: "Senatorin für Bildung, Jugend und
    Klimaschutz, Sabine …", "Prokurist der Stadtwerke Ulm GmbH Anton …"."""
    lo = _sentence_start(text, start)
    window = text[lo:start]
    # strip titles, an honorific and the comma between role and name
    window = window.rstrip()
    t = TITLES_END_RE.search(window)
    if t:
        window = window[:t.start()].rstrip()
    h = re.search(r"\b(?:Frau|Herrn?)$", window)
    if h:
        window = window[:h.start()].rstrip()
    if window.endswith(","):
        window = window[:-1]
    best = None
    roles = [m for m in WORD_RE.finditer(window) if lex.is_role_word(m.group())]
    for m in reversed(roles):
        if m.start() > 0 and window[m.start() - 1] in "-/":
            continue
        prev = re.search(rf"({CAP})\s+$", window[:m.start()])
        if prev and lex.is_first_name(prev.group(1)) and m.group() in lex.ROLE_SURNAMES:
            continue  # "Gabriele Richter": a surname
        between = window[m.end():]
        if re.search(r"\b(?:und|sowie)\s*$", between):
            break  # "Frau Füllgraf, Referatsleiterin …, sowie Frau Tietje": not hers
        if COMPLEMENT_RE.fullmatch(between) and not has_person_word(between):
            best = m
            break
        if len(between) > 160:
            break
    if best is None:
        return None
    # the role noun may sit in an earlier one's complement: "Staatssekretär beim
    # Bundesminister für Wirtschaft, Thomas …"
    for m in reversed([r for r in roles if r.end() <= best.start()]):
        between = window[m.end():]
        if (re.fullmatch(r"\s+(?:beim|bei\s+der|bei\s+dem|des|der|im|in\s+der)\s+",
                         window[m.end():best.start()])
                and COMPLEMENT_RE.fullmatch(between) and not has_person_word(between)):
            best = m
        else:
            break
    rstart = _extend_role_back(window, best.start())
    art = ARTICLE_END_RE.search(window[:rstart])
    words = nominative(art and art.group("art"), window[rstart:best.start()].split(),
                       best.group())
    role = " ".join([*words[:-1], _clean_role(window[best.start():], best, words[-1])])
    return FUNCTION, lo + rstart, role


def _sentence_start(text: str, pos: int, limit: int = 240) -> int:
    lo = max(0, pos - limit)
    last = lo
    for m in SENT_END_RE.finditer(text, lo, pos):
        last = m.end()
    return last


def has_person_word(between: str) -> bool:
    return any(lex.is_first_name(w) for w in re.findall(CAP, between))


def _extend_role_back(window: str, pos: int) -> int:
    """Modifiers and coordinated roles before a role noun: "Parlamentarische
    Staatssekretärin", "IBB Vorstandsvorsitzende", "Schauspieler, Sänger und Autor"."""
    saw_und = False
    while True:
        lo = max(0, pos - 80)
        m = _EXTEND_BACK_RE.search(window, lo, pos)
        if m and m.group("role") and not lex.is_role_word(m.group("role")):
            m = None
        if not m:
            return pos
        if m.group("sep"):
            if "und" in m.group("sep"):
                saw_und = True
            elif not saw_und:
                return pos
        if m.group("mod"):
            mod = m.group("mod")
            if mod.casefold() in lex.NOT_NAME_WORDS or lex.is_first_name(mod):
                return pos
            if m.start() > 0 and window[m.start() - 1] not in " \n\t(„\"":
                return pos
        pos = m.start()


def _clean_role(phrase: str, m: re.Match[str], head: str | None = None) -> str:
    head = head or lex.role_base(m.group())
    rest = phrase[m.end() - m.start():]
    # a role coordinated with the head takes its case: "Fotograf und Filmemacher(s)"
    co = re.match(rf"\s+(?:und|sowie)\s+({CAP})(?![\w\-])", rest)
    if co and not head.endswith("s"):
        word = co.group(1)
        base = lex.role_base(word) if lex.is_role_word(word) else (
            word[:-1] if word.endswith("ers") else word)
        rest = rest[:co.start(1)] + base + rest[co.end(1):]
    rest = _TRAIL_FUNC_RE.sub("", rest.rstrip(" ,\n\t"))
    rest = _PARTY_END_RE.sub("", rest)  # "Bezirksbürgermeister (Die Linke)": no role
    role = re.sub(r"\s+", " ", head + rest).strip(" ,")
    return re.sub(r"(?:\s+(?:Dr|Prof|Dipl)\.?)+$", "", role)


# ", Präsident …", ", als Präsident …", " – Präsident …"; an article for the dative
# and for appositions that repeat it: ", dem Präsidenten des Sportvereins"
_APPOS_START_RE = re.compile(
    r",\s+(?:als\s+|(?P<art>dem|der|die)\s+)?|[ \u00a0]+[–—][ \u00a0]+|[ \u00a0]+als[ \u00a0]+"
    r"|[ \u00a0]+(?P<pred>ist|war)[ \u00a0]+")
# a second role of the same person goes on with its complement, not a name
_SECOND_ROLE_RE = re.compile(r"\s+(?:an|am|im|in|bei|beim|der|des|für|von|vom|zur|zum)\s")
# "…, Frau Kranz, dem Leiter des Amts, Herrn Bade, …": the role goes with the next name
_NEXT_NAME_RE = re.compile(rf",\s+(?:Frau|Herrn?|{TITLE}|{CAP}{SP}+{CAP}\s*[,.;:)])")
_CONTACT_RE = re.compile(r",\s*(?:Tel|Telefon|Fax|E-Mail|Mail|Mobil)\.?$")
_CLAUSE_GOES_ON_RE = re.compile(rf"\s+(?!(?:{FUNC}|{_ADJ_STOP}|die|das|oder)\b)[a-zäöüß]")
_APPOS_END_RE = re.compile(r"\s*(?:[,.;:)–]|$)")


def role_after(text: str, end: int) -> tuple[int, int, str] | None:
    """An apposition after the name: ", Präsident des Landkreistags Niedersachsen",
    ", als Schauspielerin", " (Klavier)", ", die das Grünflächenamt leitet"."""
    after = text[end:end + 300]
    age = re.match(r"[ \u00a0]?\(\d{1,3}\)", after)
    if age:
        after, end = after[age.end():], end + age.end()  # "Klaus Mertens (57), Präsident …"
    m = INSTRUMENT_AFTER_RE.match(after)
    if m:
        instr = m.group("a") or m.group("b") or m.group("c")
        return LABEL, end, instr
    m = _PAREN_RE.match(after)
    if m and instruments_or_labels(m.group("p")):
        return LABEL, end, m.group("p").strip()  # "(Klarinette und Moderation)"
    if m and starts_with_role(m.group("p")):
        # "Karl Weiß (Vorsitzender des …)", "(MdA, CDU)": the party is no part of it
        items = [i for i in re.split(r",\s*", m.group("p").strip())
                 if not re.fullmatch(lex.PARTIES, i)]
        return FUNCTION, end, ", ".join(items)
    m = PART_RE.match(after)
    if m and not lex.is_role_word(m.group("part").split()[0]):
        return LABEL, end, m.group("part")  # "Klaus Nothnagel als Hercule Poirot, …"
    m = LEITET_RE.match(after)
    if m:
        head = "Leiterin" if m.group("rel") == "die" else "Leiter"
        art = "der" if m.group("art") == "die" else "des"
        return FUNCTION, end, f"{head} {art} {m.group('obj')}"
    m = _APPOS_START_RE.match(after)
    if not m:
        return None
    pos = m.end()
    art = m.group("art")
    # optional modifiers before the role noun, capitalised or not: "Parlamentarische
    # Staatssekretärin", "stellvertretende Direktorin des …"
    mm = re.match(rf"(?:(?:[A-ZÄÖÜ][a-zäöüß]+(?:e|er{'|en' if art else ''})|[A-ZÄÖÜ]{{2,6}}"
                  rf"|{_ADJ}){SP}+){{0,2}}", after[pos:])
    mods = mm.group() if mm else ""
    if any(lex.is_first_name(w) for w in mods.split()):
        return None
    r = None
    while r is None:  # the last modifier may be the role noun: "Stellvertretenden Vorsitzenden"
        r = _role_word_at(after, pos + len(mods)) or _open_role_word_at(after, pos + len(mods))
        if r is None and not mods:
            return None
        if r is None:
            mods = re.sub(rf"\S+{SP}+$", "", mods)
    comp = FWD_COMPLEMENT_RE.match(after, r.end())
    tail = comp.group() if comp else ""
    # a given name in the complement starts the next person
    cut = len(tail)
    for w in re.finditer(CAP, tail):
        if lex.is_role_word(w.group()) and _SECOND_ROLE_RE.match(tail, w.end()) and re.search(
                r"\b(?:und|sowie)\s+$", tail[:w.start()]):
            continue  # "Solocellist des Orchesters sowie Professor an der Musikhochschule"
        if (lex.is_first_name(w.group()) or lex.TITLE_RE.match(tail, w.start())
                or lex.is_role_word(w.group()) or w.group() in lex.HONORIFICS):
            cut = w.start()  # another person, or another person's role
            break
    tail = tail[:cut]
    if m.group().strip() == "als" or m.group("pred"):
        if m.group("pred") and not re.match(r"\s*(?:[.,;:]|und\s|sowie\s|$)", after[
                r.end() + len(_TRAIL_FUNC_RE.sub("", tail)):]):
            return None  # "ist Leiterin geworden", "ist Präsident Müller zufolge …"
        # "führt Sabrina Knüppel als Vorsitzende den Verein": the object is no complement
        tail = re.split(r"\s(?:den|das|die)\s", tail, maxsplit=1)[0]
    last = tail[tail.rfind(","):]
    if "," in tail and (_CONTACT_RE.search(tail) or (
            _CLAUSE_GOES_ON_RE.match(after, r.end() + len(tail))
            and not re.search(r"\s(?:und|sowie|&)(?:\s|$)", last))):
        tail = tail[:tail.rfind(",")]  # ", Tel", ", Werke u. a. von …": not the role's
    if art and (not _APPOS_END_RE.match(after, r.end() + len(tail))
                or _NEXT_NAME_RE.match(after, r.end() + len(tail))):
        return None  # a relative clause, or the role of the name after it
    phrase = after[r.start():r.end()] + tail
    words = nominative(art, mods.split(), r.group())
    return FUNCTION, end, " ".join([*words[:-1], _clean_role(phrase, r, words[-1])])


ITEM_SPLIT_RE = re.compile(r"\s*(?:,|/|&|\bund\b|\bsowie\b)\s*")
# a part in a cast list: "mit A als Hercule Poirot, B als Captain Hastings und C"
PART_RE = re.compile(
    rf"{SP}als{SP}(?P<part>{CAP}(?:{SP}{CAP}){{0,2}})(?=\s*(?:[,;]|und\s|sowie\s))")


def instruments_or_labels(phrase: str) -> bool:
    """Items that are all instruments or labels: "Klarinette und Moderation"."""
    items = [i for i in ITEM_SPLIT_RE.split(phrase.strip()) if i]
    return bool(items) and all(i.casefold() in lex.INSTRUMENTS or i.casefold() in lex.LABELS
                               for i in items)


_PAREN_RE = re.compile(r"[ \u00a0]?\((?P<p>[^()\n„“”\"]{3,120})\)")


def starts_with_role(phrase: str) -> bool:
    """A phrase led by a role noun, after at most two modifiers: "Stellvertretender
    Vorsitzender des Vereins", "Redakteur beim Stadtmagazin"."""
    pos = 0
    for _ in range(3):  # the role noun may itself look like a modifier: "Vorsitzender"
        if _role_word_at(phrase, pos) or _open_role_word_at(phrase, pos):
            return True
        m = _MODIFIER_RE.match(phrase, pos)
        if not m:
            return False
        pos = m.end()
    return False


_MODIFIER_RE = re.compile(rf"(?:[A-ZÄÖÜ][a-zäöüß]+(?:e|er)|[A-ZÄÖÜ]{{2,6}}|{_ADJ}){SP}+")


def _role_word_at(text: str, pos: int) -> re.Match[str] | None:
    m = WORD_RE.match(text, pos)
    return m if m and lex.is_role_word(m.group()) else None


def _open_role_word_at(text: str, pos: int) -> re.Match[str] | None:
    """A role noun the lexicon lacks, told by its ending ("Redakteur", "Solobratschistin"),
    only where a complement follows ("Redakteur des Stadtmagazins"): role nouns are an
    open class, but a bare word of that shape may be anything ("Prozent", "Motor")."""
    m = WORD_RE.match(text, pos)
    if not m or not lex.OPEN_ROLE_RE.fullmatch(m.group()):
        return None
    return m if _SECOND_ROLE_RE.match(text, m.end()) else None


_ANAPHOR_RE = re.compile(
    rf"\s*(?P<art>Der|Die)[ \u00a0]+(?P<role>(?:[A-ZÄÖÜ][a-zäöüß]+(?:er|e)[ \u00a0]+)?"
    rf"{CAP})(?![\w\-])")


def anaphoric_roles(text: str, persons: list[Found]) -> None:
    """"Werner Albers zum 75. Geburtstag⏎⏎Der Treptower Künstler ist …": a paragraph
    that opens with a definite role noun speaks of the one person of the paragraph
    before; the weakest evidence for a role, used only where the text gives no other."""
    spans = [(s, p) for p in persons for s, _ in p.mentions]
    for p in persons:
        if p.roles:
            continue
        first = min(s for s, _ in p.mentions)
        para_start = text.rfind("\n\n", 0, first) + 1
        para_end = text.find("\n\n", first)
        if para_end < 0:
            continue
        m = _ANAPHOR_RE.match(text, para_end)
        if not m:
            continue
        word = m.group("role").split()[-1]
        feminine = word.endswith(("in", "*in", ":in"))
        if not lex.is_role_word(word) or feminine != (m.group("art") == "Die"):
            continue
        if any(o is not p and para_start <= s < m.end() + 40 for s, o in spans):
            continue  # another person stands in between, or the role is theirs
        if re.match(r"[ \u00a0]+(?:[A-ZÄÖÜ]|Dr\.|Prof\.)", text[m.end():m.end() + 6]):
            continue  # "Die Autorin Jana Brück": a name follows the role word
        p.roles.append((ANAPHOR, m.start("role"), m.group("role")))


def choose_role(roles: list[tuple[int, int, str]]) -> str | None:
    """The best class wins, then the first mention; a longer form of it is preferred."""
    if not roles:
        return None
    best_cls = max(r[0] for r in roles)
    ranked = sorted((r for r in roles if r[0] == best_cls), key=lambda r: r[1])
    role = ranked[0][2]
    for _, _, other in ranked[1:]:
        if len(other) > len(role) and role.casefold() in other.casefold():
            role = other
    return role
