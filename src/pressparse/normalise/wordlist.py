"""A German word list, shipped as data, for decisions that need to know words."""

from __future__ import annotations

import gzip
from functools import cache
from importlib.resources import files


@cache
def _words() -> frozenset[str]:
    resource = files("pressparse.data").joinpath("de_words.txt.gz")
    try:
        data = resource.read_bytes()
    except FileNotFoundError:
        return frozenset()
    return frozenset(gzip.decompress(data).decode("utf-8").split("\n"))


def is_word(word: str) -> bool:
    """Whether the case-folded `word` is a known German word form."""
    return word.casefold() in _words()
