"""The `pressparse_dates` component: calendar dates and durations of a release.

The German rules (`pressparse.lang.de.dates`) say what a text writes; this
component decides what it means: the year of "am 8. Februar" from the release
date (a release late in the year announcing early months means the next year,
a named weekday decides), the role a date plays (release, deadline, start or end
of a period, event), and one fact per distinct value and precision.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lang.de import dates as rules
from ..lang.de.calendar import make_date
from ..nlp import text_of
from ..record import DateFact, Duration, Mention

EXTRACTOR = "pressparse_dates"
CONFIDENCE_WRITTEN = 0.95  # the text writes the year
CONFIDENCE_INFERRED = 0.8  # the year comes from the release date or the context
# how far from the release a named weekday may move a yearless date; beyond, the weekday
# is more likely a slip than a date a year away
WEEKDAY_REACH_BACK, WEEKDAY_REACH = 183, 320


@Language.factory("pressparse_dates")
def make_dates_component(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent()


class DatesComponent:
    def __call__(self, doc: Doc) -> Doc:
        release = doc._.release
        release_date = _parse_iso(release.date) if release is not None else None
        release_text = release.date_text if release is not None else None
        hidden = rules.hidden_spans(text_of(doc))
        facts, spans = extract_dates(text_of(doc), release_date, release_text, hidden)
        durations = extract_durations(text_of(doc), hidden)
        if doc._.facts is not None:
            doc._.facts.setdefault("dates", []).extend(facts)
            doc._.facts.setdefault("durations", []).extend(durations)
        doc.spans["dates"] = _spans(doc, spans, "DATE")
        doc.spans["durations"] = _spans(
            doc, [(m.start, m.end) for d in durations for m in d.mentions], "DURATION")
        return doc


def _spans(doc: Doc, offsets: list[tuple[int, int]], label: str) -> list[Span]:
    out = []
    for start, end in offsets:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            out.append(span)
    return out


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


# ---------------------------------------------------------------- years


class _Context:
    """What a yearless mention's year is read from: release date, text, sentence."""

    def __init__(self, text: str, mentions: list[rules.DateMention], release: date | None):
        self.text = text
        self.release = release
        self.sentence_starts = [0] + [m.end() for m in rules.SENTENCE_END.finditer(text)]
        # months the text writes with a year ("November 2021"): a later "im November" is that one
        written: dict[int, set[int]] = {}
        for m in mentions:
            if m.month and m.year:
                written.setdefault(m.month, set()).add(m.year)
        near = {release.year - 1, release.year, release.year + 1} if release else set()
        self.month_years = {k: next(iter(v)) for k, v in written.items()
                            if len(v) == 1 and v <= near}
        self.year_positions = [(m.start, m.year) for m in mentions if m.year]

    def sentence(self, pos: int) -> tuple[str, int]:
        """The sentence around `pos` and where it starts."""
        i = bisect_right(self.sentence_starts, pos) - 1
        start = self.sentence_starts[i]
        end = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else len(self.text)
        return self.text[start:end], start

    def base_year(self, pos: int) -> int | None:
        if self.release is not None:
            return self.release.year
        years = [y for p, y in self.year_positions if p < pos]
        return years[-1] if years else None

    def year_for(self, m: rules.DateMention) -> int | None:
        base = self.base_year(m.start)
        if base is None:
            return None
        if m.rel_year is not None:
            return base + m.rel_year
        assert m.month is not None
        if self.release is None:
            return base
        rel_month = self.release.month
        if m.month_rel:
            if m.month_rel in ("kommenden", "nächsten"):
                return base if m.month > rel_month else base + 1
            if m.month_rel in ("vergangenen", "letzten"):
                return base if m.month < rel_month else base - 1
            return base
        candidates = self._candidates(m, base, rel_month)
        if m.weekday is not None and m.day:
            for year in (*candidates, base, base + 1, base - 1):
                day = make_date(year, m.month, m.day)
                if (day is not None and day.weekday() == m.weekday
                        and -WEEKDAY_REACH_BACK <= (day - self.release).days <= WEEKDAY_REACH):
                    return year
        year = candidates[0]
        written = self.month_years.get(m.month)
        if written is not None and _months_away(written, m.month, self.release) < _months_away(
                year, m.month, self.release):
            return written  # "im November" of a January release that writes "November 2021"
        return year

    def _candidates(self, m: rules.DateMention, base: int, rel_month: int) -> tuple[int, ...]:
        """The years to try, most likely first, from the month's distance to the release's."""
        assert m.month is not None
        ahead = m.month - rel_month
        sentence = self.sentence(m.start)[0]
        since = bool(rules.SINCE_BEFORE.search(self.text, max(0, m.start - 20), m.start))
        past = since or (bool(rules.PAST_TENSE.search(sentence))
                         and not rules.AHEAD_CUES.search(sentence))
        if rel_month - m.month >= 7 and not past:
            return (base + 1, base)  # a late release announcing the early months
        if ahead >= 10 or (ahead > 0 and since) or (ahead >= 3 and past and not m.day):
            return (base - 1, base)  # an early release reporting on the past year's end
        return (base, base + 1)


def _months_away(year: int, month: int, release: date) -> int:
    return abs((year - release.year) * 12 + month - release.month)


def _resolve_years(context: _Context, mentions: list[rules.DateMention]
                   ) -> list[rules.DateMention]:
    """Give every yearless mention its year; drop the ones no year can be found for."""
    text = context.text
    # a yearless end of a list takes the year its neighbour writes: "12. und 13. Mai 2020"
    for left, right in zip(reversed(mentions[:-1]), reversed(mentions[1:]), strict=True):
        if left.year is None and right.year is not None and left.month and left.rel_year is None:
            gap = text[left.end:right.start]
            if _LINK.fullmatch(gap):
                year = right.year - 1 if right.month and left.month > right.month else right.year
                if left.weekday is None or _weekday_fits(left, year):
                    left.year = year
    out = []
    for m in mentions:
        if m.year is None:
            year = context.year_for(m)
            if year is None:
                continue
            m.year, m.inferred = year, True
        out.append(m)
    return out


def _weekday_fits(m: rules.DateMention, year: int) -> bool:
    day = make_date(year, m.month or 0, m.day) if m.day else None
    return day is None or day.weekday() == m.weekday


_LINK = re.compile(r"\s*(?:,|und|sowie|oder|bis|–|-|/)?\s*(?:(?:am|zum|dem|den|vom)\s+)?")


# ---------------------------------------------------------------- roles


def _role(text: str, m: rules.DateMention, sentence: str, sentence_start: int) -> str | None:
    before = text[max(sentence_start, m.start - 40):m.start]
    if m.range_part == "start":
        return "start"
    if m.range_part == "end" or rules.END_BEFORE.search(before):
        if rules.DEADLINE_CUES.search(sentence):
            return "deadline"
        return "end"
    if rules.DEADLINE_CUES.search(before):
        return "deadline"
    if rules.START_BEFORE.search(before):
        return "start"
    if m.day and (m.weekday is not None or rules.EVENT_BEFORE.search(before)):
        return "event"
    return None


# ---------------------------------------------------------------- facts


def _value(m: rules.DateMention) -> str:
    assert m.year is not None
    if m.day and m.month:
        return f"{m.year:04d}-{m.month:02d}-{m.day:02d}"
    if m.month:
        return f"{m.year:04d}-{m.month:02d}"
    return f"{m.year:04d}"


def extract_dates(text: str, release: date | None, release_text: str | None = None,
                  hidden: list[tuple[int, int]] | None = None
                  ) -> tuple[list[DateFact], list[tuple[int, int]]]:
    """The release's date facts, one per (value, precision), ordered by first mention."""
    mentions = rules.find_dates(text, hidden)
    context = _Context(text, mentions, release)
    mentions = _resolve_years(context, mentions)
    release_value = release.isoformat() if release else None
    facts: dict[tuple[str, str], DateFact] = {}
    spans = []
    for m in mentions:
        if m.day and make_date(m.year or 0, m.month or 0, m.day) is None:
            continue
        value, precision = _value(m), m.precision
        mention = Mention(start=m.start, end=m.end, text=text[m.start:m.end])
        spans.append((m.start, m.end))
        is_release = value == release_value and precision == "day"
        sentence, sentence_start = context.sentence(m.start)
        role = "release" if is_release else _role(text, m, sentence, sentence_start)
        confidence = CONFIDENCE_INFERRED if m.inferred else CONFIDENCE_WRITTEN
        fact = facts.get((value, precision))
        if fact is None:
            facts[(value, precision)] = DateFact(
                value=value, precision=precision, text=mention.text, role=role,  # type: ignore[arg-type]
                mentions=[mention], extractor=EXTRACTOR, confidence=confidence)
        else:
            fact.mentions.append(mention)
            fact.confidence = max(fact.confidence, confidence)
            if role == "release" or fact.role is None:
                fact.role = role  # type: ignore[assignment]
    _add_release_line(text, release_value, release_text, facts)
    return sorted(facts.values(), key=lambda f: f.mentions[0].start), spans


def _add_release_line(text: str, value: str | None, date_text: str | None,
                      facts: dict[tuple[str, str], DateFact]) -> None:
    """The date line is part of the text: its date is a fact even in a form the rules skip."""
    if not value or not date_text or (value, "day") in facts:
        return
    start = text.find(date_text)
    if start < 0:
        return
    mention = Mention(start=start, end=start + len(date_text), text=date_text)
    facts[(value, "day")] = DateFact(value=value, precision="day", text=date_text, role="release",
                                     mentions=[mention], extractor=EXTRACTOR,
                                     confidence=CONFIDENCE_WRITTEN)


def extract_durations(text: str, hidden: list[tuple[int, int]] | None = None
                      ) -> list[Duration]:
    return [
        Duration(text=text[d.start:d.end], value=d.value, extractor=EXTRACTOR, confidence=0.85,
                 mentions=[Mention(start=d.start, end=d.end, text=text[d.start:d.end])])
        for d in rules.find_durations(text, hidden)
    ]
