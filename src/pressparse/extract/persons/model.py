"""What the steps hand on: candidates as first found, persons after merging, and an
index of spans for the overlap tests each step makes."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field

# role classes: a function word beats a label, an instrument or a list's rest
FUNCTION, LABEL, ANAPHOR = 2, 1, 0


@dataclass
class Cand:
    """One mention of a person as first found."""

    start: int
    end: int
    tokens: list[str]
    title: str | None = None
    evidence: set[str] = field(default_factory=set)
    roles: list[tuple[int, int, str]] = field(default_factory=list)  # (class, pos, role)
    party: str | None = None

    @property
    def surname_only(self) -> bool:
        return len(self.tokens) == 1


@dataclass
class Found:
    """A person: the candidates of one name merged."""

    name: str
    key: str
    surname: str
    title: str | None
    mentions: list[tuple[int, int]]
    evidence: set[str]
    roles: list[tuple[int, int, str]]
    party: str | None


class SpanIndex:
    """Character spans sorted by start, for overlap tests in logarithmic time: a long
    document has thousands of candidates, and a scan per test would be quadratic."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def add(self, start: int, end: int) -> None:
        i = bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.spans.insert(i, (start, end))
        self.longest = max(self.longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        return any(e > start for _, e in self.spans[lo:hi])
