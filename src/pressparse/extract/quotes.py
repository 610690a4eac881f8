"""The `pressparse_quotes` component: direct quotes and who said them.

Quote marks are paired by a small state machine („…“, “…”, »…«, «…», "…"), so a
quote may run over several paragraphs. The speaker is read from the attribution
before the quote ("Ministerin Carla Thiede: „…"), after it ("…“, erklärte
Thiede"), or between two parts ("…“, erklärte Thiede, „…"), using the person
spans the persons component left in `doc.spans["persons"]`. A role word alone
("sagte der Minister") names the one person with that role. A quote that opens
a paragraph right after another quote without an attribution of its own
continues the speaker before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lang.de import persons as lex
from ..nlp import text_of
from ..record import Mention, Quote
from .persons import SENT_END_RE, choose_role, find_persons

EXTRACTOR = "pressparse_quotes"
MAX_QUOTE = 4000  # characters; an opener left open longer is no quote
MIN_WORDS = 4  # shorter quoted strings are titles and terms, not quotes
LONG_WORDS = 15  # a quote this long needs no attribution or closing punctuation
SENTENCE_WORDS = 5  # an unattributed sentence in quotes this long is speech, not a title

OPEN_CLOSE: dict[str, str] = {"„": "“”\"", "“": "”“", "»": "«", "«": "»", '"': '"'}
QUOTE_CHARS_RE = re.compile(r"[„“”\"»«]")
_SPEECH = "|".join(sorted(lex.SPEECH_VERBS, key=len, reverse=True))
# after the closing mark: "“, erklärte …", "“ kommentierte …", "“, so …"
_ABBREV_DOT = r"(?<=\bDr)\.|(?<=\bProf)\.|(?<=Ing)\.|(?<=\bmed)\.|(?<=\bphil)\.|(?<=\b[A-Z])\."
AFTER_RE = re.compile(
    rf"\s*,?\s*(?:{_SPEECH})\b(?P<clause>(?:[^„“”\"»«.!?;:\n]|{_ABBREV_DOT}){{0,160}})")
PAREN_AFTER_RE = re.compile(r"[ \t]*\([^()\n]{3,160}\)")
NEARBY = 400  # characters back to a speaker named in reported speech
SPEECH_WORD_RE = re.compile(rf"\b(?:{_SPEECH})\b")
# what may stand before a speaker who opens the sentence: "Die Leiterin des Amts, "
_SUBJECT_LEAD_RE = re.compile(
    r"\s*(?:(?:Der|Die)\s+[^,.]{0,80}?,?\s*)?(?:(?:Dr|Prof|Frau|Herrn?)\.?\s+)*")
# before the opening mark: "… Thiede: „", "…, ergänzte: „"
BEFORE_COLON_RE = re.compile(r":\s*$")
# between two parts: "“, erklärte Thiede, „"
BETWEEN_RE = re.compile(rf"[“”\"«»]\s*,?\s*(?:{_SPEECH})\b[^„“”\"»«.!?\n]{{0,140}},\s*$")


@dataclass
class RawQuote:
    start: int  # the opening mark
    end: int  # after the closing mark
    speaker: str | None = None
    how: str | None = None


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """Pairs of opening and closing marks; an unclosed opener is dropped.

    A „ inside an open „…“ nests ("„Unter dem Dach seiner Initiative „Städte 4.0“
    begleitet …“"), except at a paragraph start, where it continues the quote.
    """
    out: list[tuple[int, int]] = []
    opener: str | None = None
    open_at = 0
    depth = 0
    for m in QUOTE_CHARS_RE.finditer(text):
        c, pos = m.group(), m.start()
        if opener is not None and pos - open_at > MAX_QUOTE:
            opener = None
        if opener is None:
            if c in OPEN_CLOSE and not _glued_closer(text, pos, c):
                opener, open_at, depth = c, pos, 0
            continue
        if c == opener and c in "„»" and not _starts_paragraph(text, pos):
            depth += 1
            continue
        if c in OPEN_CLOSE[opener] and not (c == "“" and opener == "“" and
                                             _starts_paragraph(text, pos)):
            if depth:
                depth -= 1
                continue
            out.append((open_at, pos + 1))
            opener = None
    return out


def _glued_closer(text: str, pos: int, c: str) -> bool:
    """A straight or English mark right after a word closes something; it opens nothing."""
    return c in "\"“" and pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in ".!?,")


def _starts_paragraph(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    return not text[line_start:pos].strip()


def _people(doc: Doc, text: str) -> tuple[list[Span], list[tuple[str, str | None]]]:
    """Person spans and (name, role) pairs from the persons component; without that
    component in the pipeline, its rules run here."""
    if "persons" in doc.spans:
        return (list(doc.spans["persons"]),
                [(p.name, p.role) for p in doc._.facts.get("persons", [])])
    spans = []
    people = []
    for p in find_persons(doc, text=text):
        people.append((p.name, choose_role(p.roles)))
        for s, e in p.mentions:
            span = doc.char_span(s, e, label=p.name, alignment_mode="expand")
            if span is not None:
                spans.append(span)
    return sorted(spans, key=lambda s: s.start_char), people


class _Speakers:
    """Person spans sorted by start; the ones inside a stretch of text by bisection."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = sorted(spans, key=lambda s: s.start_char)
        self.starts = [s.start_char for s in self.spans]

    def before(self, start: int, end: int) -> Span | None:
        """The last person span that ends between start and end."""
        hi = bisect_left(self.starts, end)
        for span in reversed(self.spans[:hi]):
            if span.end_char <= end:
                return span if span.start_char >= start else None
        return None

    def inside(self, start: int, end: int, last: bool) -> str | None:
        lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
        inside = [s for s in self.spans[lo:hi] if s.end_char <= end]
        if not inside:
            return None
        return (inside[-1] if last else inside[0]).label_


def _speaker_by_role(people: list[tuple[str, str | None]], clause: str) -> str | None:
    """"sagte der Minister": the one person whose role has this role word."""
    m = lex.ROLE_RE.search(clause)
    if not m:
        return None
    word = lex.role_base(m.group()).casefold()
    hits = {name for name, role in people if role and word in role.casefold()}
    return hits.pop() if len(hits) == 1 else None


def attribute(doc: Doc, text: str, quotes: list[RawQuote]) -> None:
    spans, people = _people(doc, text)
    speakers = _Speakers(spans)
    for q in quotes:
        # after: "…“, erklärte Bildungsstadtrat Henning Roloff am …"
        m = AFTER_RE.match(text, q.end)
        if m:
            clause_start, clause_end = m.start("clause"), m.end("clause")
            name = speakers.inside(q.end, clause_end, last=False)
            if name is None:
                name = _speaker_by_role(people, text[clause_start:clause_end])
            if name:
                q.speaker, q.how = name, "after"
                continue
        # in brackets after: "…“ (Maria Lenz, Projektleiterin)"
        m = PAREN_AFTER_RE.match(text, q.end)
        if m:
            name = speakers.inside(m.start(), m.end(), last=False)
            if name:
                q.speaker, q.how = name, "after"
                continue
        # before, with a colon: "Ministerin Carla Thiede: „…"; a role line above the quote
        para_start = text.rfind("\n", 0, q.start) + 1
        prefix = text[para_start:q.start]
        lo = para_start
        if not prefix.strip():
            prev_end = para_start
            while prev_end > 0 and text[prev_end - 1] == "\n":
                prev_end -= 1
            lo = text.rfind("\n", 0, prev_end) + 1
            prefix = text[lo:prev_end]
        if BEFORE_COLON_RE.search(prefix):
            ends = [m.end() for m in SENT_END_RE.finditer(prefix)]
            name = speakers.inside(lo + (ends[-1] if ends else 0), lo + len(prefix), last=True)
            if name:
                q.speaker, q.how = name, "before"
                continue
        # between two parts: "…“, erklärte Thiede, „…"
        m = BETWEEN_RE.search(text, max(0, q.start - 200), q.start)
        if m:
            name = speakers.inside(m.start(), q.start, last=True)
            if name:
                q.speaker, q.how = name, "between"
    # a quote without attribution right after an attributed one continues its speaker
    for prev, q in pairwise(quotes):
        if q.speaker is None and prev.speaker:
            gap = text[prev.end:q.start]
            if (not gap.strip() and _starts_paragraph(text, q.start)) or (
                    len(gap) < 200 and (m := AFTER_RE.match(gap))
                    and re.fullmatch(r"[.!?]?\s*", gap[m.end():])):
                q.speaker, q.how = prev.speaker, "continued"
    # reported speech, then a quote: "…, sagt Dr. Ruth Imhof. Es gehe um … „…“"
    for q in quotes:
        if q.speaker is None:
            found = speakers.before(max(0, q.start - NEARBY), q.start)
            if (found and "\n" not in text[found.end_char:q.start] and _says(text, found)
                    and not QUOTE_CHARS_RE.search(text, found.end_char, q.start)):
                q.speaker, q.how = found.label_, "nearby"


def _says(text: str, span: Span) -> bool:
    """The person is the one who speaks: a speech verb right before the name ("sagt
    Dr. Ruth Imhof", "so Imhof"), or the name opens its sentence and a speech verb
    follows in it ("Ruth Imhof, Leiterin des Amts, betonte …")."""
    line_start = text.rfind("\n", 0, span.start_char) + 1
    before = text[max(line_start, span.start_char - 40):span.start_char]
    if SPEECH_WORD_RE.search(before) and not SENT_END_RE.search(before):
        return True
    ends = [m.end() for m in SENT_END_RE.finditer(text, max(line_start, span.start_char - 300),
                                                    span.start_char)]
    sent_start = ends[-1] if ends else line_start
    if not _SUBJECT_LEAD_RE.fullmatch(text, sent_start, span.start_char):
        return False
    m = SENT_END_RE.search(text, span.end_char)
    return bool(SPEECH_WORD_RE.search(text, span.end_char, m.start() if m else len(text)))


def _sentence_like(inner: str) -> bool:
    """Without a speaker, a quoted string is a quote when it reads as speech: long, or a
    sentence with its final punctuation; titles and terms are neither."""
    words = len(inner.split())
    return words >= LONG_WORDS or (
        words >= SENTENCE_WORDS and bool(re.search(r"[.!?…]\s*$", inner)))


@Language.factory("pressparse_quotes")
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent()


class QuotesComponent:
    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        quotes = []
        for start, end in find_quote_spans(text):
            inner = text[start + 1:end - 1]
            if len(inner.split()) < MIN_WORDS:
                continue
            quotes.append(RawQuote(start, end))
        attribute(doc, text, quotes)
        quotes = [q for q in quotes if q.speaker or _sentence_like(text[q.start + 1:q.end - 1])]
        spans: list[Span] = []
        for q in quotes:
            inner = re.sub(r"\s+", " ", text[q.start + 1:q.end - 1]).strip()
            confidence = {"continued": 0.75, "nearby": 0.65}.get(
                q.how or "", 0.9 if q.speaker else 0.6)
            doc._.facts["quotes"].append(Quote(
                text=inner, speaker=q.speaker,
                mentions=[Mention(start=q.start, end=q.end, text=text[q.start:q.end])],
                extractor=EXTRACTOR, confidence=confidence))
            span = doc.char_span(q.start, q.end, label=q.speaker or "", alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["quotes"] = spans
        return doc
