"""A role read with its article, in the form it takes without one.

"Der Regierende Bürgermeister von Berlin, Kai Wegner" gives the role "Regierender
Bürgermeister von Berlin": once the article is dropped, the adjectives before the
role noun, and an adjectival role noun itself ("dem Vorsitzenden"), take the strong
ending of the nominative. One place, so that a role read before or after a name, or
in the dative ("dem Präsidenten des Sportvereins"), reads the same.
"""

from __future__ import annotations

import re

from ...lang.de import persons as lex
from ...lang.de.inflection import strong_form

ARTICLE_END_RE = re.compile(r"(?<![\w\-])(?P<art>[Dd](?:er|ie|as|em|en|es))\s+$")
_WEAK_ADJ_RE = re.compile(r"[A-ZÄÖÜa-zäöüß][a-zäöüß]+(?:e|en)")
_FEMININE_RE = re.compile(r"(?:in|[*:_/]-?in|\(in\))$")


def nominative(article: str | None, lead: list[str], head: str) -> list[str]:
    """The adjectives `lead` and the role noun `head` (as written) without `article`.

    Gender comes from the article and the noun: "die", a feminine form ("-in"), or an
    adjectival noun in "-en" after "der" (dative or genitive) is feminine; "das" neuter;
    else masculine. A non-adjectival noun keeps its citation form (`role_base`).
    """
    base = lex.role_base(head)
    if not article:
        return [*lead, base]
    art = article.casefold()
    adjectival = lex.is_adjectival_role(head)
    if art == "die" or _FEMININE_RE.search(head) or (
            adjectival and art == "der" and head.endswith("en")):
        gender = "f"
    elif art == "das":
        gender = "n"
    else:
        gender = "m"
    words = [strong_form(w, gender) if _WEAK_ADJ_RE.fullmatch(w) else w for w in lead]
    if adjectival and not _FEMININE_RE.search(head):
        base = strong_form(head, gender)
    return [*words, base]
