"""Words and two-word phrases of a ticket, normalised by the reading stage's own `normalise`.

A feature is a tuple of keys (``("virement",)``, ``("pas", "recu")``) so that a proposed
keyword, read back by the `Matcher`, means exactly what was learned. Words with digits
(amounts, ids, dates) are left out, and so are Korean words of one syllable once their
endings are removed (too ambiguous alone). Each feature remembers the plain words it came from
(`Surfaces`), in memory, so a keyword is written as customers spell it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from integrations.language import language_of
from integrations.triage.reading.matcher import STOP
from integrations.triage.reading.normalise import tokens

__all__ = ["MIN_TICKETS", "Feature", "Surfaces", "features"]

Feature = tuple[str, ...]
#: A feature must occur in at least this many tickets of an option to be proposed (also
#: what keeps anything personal — a name, an address — out of the proposals).
MIN_TICKETS = 5
_DIGIT = re.compile(r"\d")
#: What may stand between the two words of a phrase (not a full stop or a comma).
_JOIN = re.compile(r"[ '’-]")


class Surfaces:
    """Feature → the plain spellings seen (folded case), counted."""

    def __init__(self) -> None:
        self._seen: dict[Feature, Counter[str]] = {}

    def add(self, feature: Feature, raw: str) -> None:
        self._seen.setdefault(feature, Counter())[raw] += 1

    def best(self, feature: Feature) -> str:
        seen = self._seen.get(feature)
        return seen.most_common(1)[0][0] if seen else " ".join(feature)


def features(texts: Iterable[str], locale: str, surfaces: Surfaces | None = None
             ) -> set[Feature]:
    """The features of a ticket's texts in ``locale``."""
    language = language_of(locale)
    out: set[Feature] = set()
    for text in texts:
        toks = [t for t in tokens(text, language) if not _DIGIT.search(t.raw)]
        for i, tok in enumerate(toks):
            one = (tok.key,)
            if tok.key not in STOP and (tok.key.isascii() or len(tok.key) >= 2):
                out.add(one)
                if surfaces is not None:
                    surfaces.add(one, tok.raw.casefold())
            if i + 1 < len(toks) and _JOIN.fullmatch(text[tok.end:toks[i + 1].start]):
                two = (tok.key, toks[i + 1].key)
                out.add(two)
                if surfaces is not None:
                    surfaces.add(two, text[tok.start:toks[i + 1].end].casefold())
    return out
