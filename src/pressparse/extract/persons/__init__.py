"""The `pressparse_persons` component: persons with academic title, role and party.

Names are found by rules, and the statistical NER (`doc.ents` PER) adds evidence
where the pipeline carries one. A run of capitalised words is a name when it
starts with a known given name, or when a title, an honorific or a role word
stands before it ("Frau Albers", "Bezirksstadträtin Kranz"), or when its context
says so: a line label ("Pressekontakt: …"), a speech verb ("sagte …"), a
coordination with a known person ("… und Ilvie Brasch"), a list whose other
items are persons, a work credit ("ein Film von …"), the signer after "Im Auftrag".
Roles are read before the name ("der Geschäftsführer der Stadtwerke Lindau GmbH,
Peter Krall"), after it as an apposition ("Ulrich Brandt, Präsident des
Landkreistags", "(Vorsitzender des …)", "als Vorsitzende", "ist Bezirksstadtrat …"),
from a label, a "Name: role" line, the line below a name alone on its line, an
instrument or a part in a cast list ("als Hercule Poirot"; the part is no person). A
name inside a quoted building's or body's name ("Bibliothek „Mark Twain“") is none.
Later mentions by surname join the person. Spans go to `doc.spans["persons"]` for
the quotes.

The steps live in `candidates`, `roles` (the sentence around a name), `layout` (labels,
"Name: role" lines, list entries) and `merging`; `nominative` puts a role read
with its article into the form without it; `words` and `model` hold what they share.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...lang.de import persons as lex
from ...nlp import mention_spans, text_of
from ...record import Mention, Person
from .candidates import find_candidates
from .merging import later_mentions, merge, role_mentions
from .model import Found, SpanIndex
from .roles import SENT_END_RE, anaphoric_roles, choose_role

EXTRACTOR = "pressparse_persons"

__all__ = [
    "EXTRACTOR", "SENT_END_RE", "Found", "PersonsComponent", "SpanIndex", "choose_role",
    "confidence", "find_persons", "has_ner", "make_persons",
]


def has_ner(doc: Doc) -> bool:
    """Whether a statistical NER labelled this doc; reading `doc.ents` costs a pass over
    the tokens, so a doc without entity annotation skips it."""
    return bool(doc.vocab.strings) and doc.has_annotation("ENT_IOB")


def find_persons(doc: Doc, ner: bool | None = None, text: str | None = None) -> list[Found]:
    """The persons of a doc; `ner` says whether `doc.ents` holds NER output."""
    if text is None:
        text = text_of(doc)
    persons = merge(text, find_candidates(doc, text, has_ner(doc) if ner is None else ner))
    later_mentions(text, persons)
    anaphoric_roles(text, persons)
    role_mentions(text, persons)
    return [p for p in persons if _keep(p)]


def _keep(p: Found) -> bool:
    if p.name.casefold() in lex.NOT_NAME_WORDS:
        return False
    return bool(p.evidence)


def confidence(p: Found) -> float:
    ev = p.evidence
    score = 0.55
    if "given" in ev:
        score += 0.25
    if ev & {"title", "role", "label"}:
        score += 0.1
    if ev & {"speech", "list", "coord"}:
        score += 0.05
    if "ner" in ev:
        score += 0.1 if score < 0.9 else 0.05
    return round(min(score, 0.99), 2)


@Language.factory("pressparse_persons")
def make_persons(nlp: Language, name: str) -> PersonsComponent:
    return PersonsComponent(ner="ner" in nlp.pipe_names)


class PersonsComponent:
    def __init__(self, ner: bool = False) -> None:
        self.ner = ner

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        facts = [
            Person(
                name=p.name, title=p.title, role=choose_role(p.roles), party=p.party,
                mentions=[Mention(start=s, end=e, text=text[s:e])
                          for s, e in sorted(set(p.mentions))],
                extractor=EXTRACTOR, confidence=confidence(p))
            for p in find_persons(doc, self.ner, text)
        ]
        doc._.facts["persons"].extend(facts)
        spans = mention_spans(doc, facts, lambda f: f.name)
        doc.spans["persons"] = sorted(spans, key=lambda s: s.start_char)
        return doc
