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
from functools import lru_cache

from integrations.language import language_of
from integrations.triage.reading.matcher import STOP, Matcher
from integrations.triage.reading.normalise import key, tokens

__all__ = ["MIN_TICKETS", "Feature", "Surfaces", "features", "indexed", "only_function_words"]

Feature = tuple[str, ...]
#: A feature must occur in at least this many tickets of an option to be proposed (also
#: what keeps anything personal — a name, an address — out of the proposals).
MIN_TICKETS = 5
_DIGIT = re.compile(r"\d")
#: What may stand between the two words of a phrase (not a full stop or a comma).
_JOIN = re.compile(r"[ '’-]")


#: Words that carry no topic (articles, pronouns, auxiliaries, prepositions): a proposal made
#: only of them would be a keyword nobody could review ("de", "are not"), however well it
#: happened to predict on one history.
FUNCTION_WORDS: dict[str, str] = {
    "en": "a an the and or but if of to in on at for from by with as is are was were be been "
          "it its i me my we our you your he she they them this that these those not no do "
          "does did have has had can could will would should there here what which who when "
          "where why how just so than too very also after before about into over out up down "
          "again then once all any some more most such only own same get got",
    "fr": "le la les un une des de du d l et ou mais je j tu il elle nous vous ils elles me m "
          "te t se s ce c cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos "
          "leur leurs ne n pas plus que qu qui quoi dont où à a au aux en dans par pour sur "
          "avec sans sous est sont été être avoir ai as avons avez ont y",
    "pt": "o a os as um uma uns umas de do da dos das em no na nos nas por para com sem e ou "
          "mas que se me te lhe nós eu tu ele ela eles elas meu minha meus minhas seu sua seus "
          "suas é são foi ser estar está estão não já ao aos à às isso isto esse essa este esta",
    "ko": "그리고 그런데 근데 너무 정말 진짜 좀 제가 저는 혹시 그냥 "
          "않아요 있어요 없어요 갑자기 계속",
}


@lru_cache(maxsize=8)
def _function_keys(language: str) -> frozenset[str]:
    return frozenset(key(w, language) for w in FUNCTION_WORDS.get(language, "").split())


def only_function_words(feature: Feature, language: str) -> bool:
    """True when every word of ``feature`` is a function word of ``language``."""
    keys = _function_keys(language)
    return all(k in keys for k in feature)


class Surfaces:
    """Feature → the plain spellings seen (folded case), counted."""

    def __init__(self) -> None:
        self._seen: dict[Feature, Counter[str]] = {}

    def add(self, feature: Feature, raw: str) -> None:
        self._seen.setdefault(feature, Counter())[raw] += 1

    def best(self, feature: Feature) -> str:
        seen = self._seen.get(feature)
        return seen.most_common(1)[0][0] if seen else " ".join(feature)


def _single(k: str) -> bool:
    """Whether key ``k`` is a feature alone (Korean one-syllable words and stop words are
    not: too ambiguous; they occur only inside phrases)."""
    return k not in STOP and (k.isascii() or len(k) >= 2)


def indexed(feature: Feature) -> set[Feature]:
    """The one-word features every ticket holding ``feature`` holds too: which tickets a
    trial of it must read again. A phrase's one-syllable Korean word ("안") or stop word is
    no feature alone, so it cannot be asked for (it was, and such phrases never gained)."""
    return {(k,) for k in feature if _single(k)}


def features(texts: Iterable[str], locale: str, surfaces: Surfaces | None = None,
             extend: Matcher | None = None) -> set[Feature]:
    """The features of a ticket's texts in ``locale``. Where ``extend`` (a matcher of
    today's phrases of two words or more) finds one, the phrase with the word before or
    after it is a feature too: a narrower phrase of a keyword that misfires may tell the
    option of the tickets it misfires on ("대시보드에 안 들어가져" against "안 들어"), and the
    reading stage lets the longer hit win over the shorter one it holds."""
    language = language_of(locale)
    out: set[Feature] = set()
    for text in texts:
        every = tokens(text, language)
        toks = [t for t in every if not _DIGIT.search(t.raw)]
        joined = [i + 1 < len(toks) and bool(_JOIN.fullmatch(text[t.end:toks[i + 1].start]))
                  for i, t in enumerate(toks)]
        for i, tok in enumerate(toks):
            one = (tok.key,)
            if _single(tok.key):
                out.add(one)
                if surfaces is not None:
                    surfaces.add(one, tok.raw.casefold())
            if joined[i]:
                two = (tok.key, toks[i + 1].key)
                out.add(two)
                if surfaces is not None:
                    surfaces.add(two, text[tok.start:toks[i + 1].end].casefold())
        if extend is None:
            continue
        for hit in extend.find(text, every):
            inside = [i for i, t in enumerate(toks) if t.start < hit.end and t.end > hit.start]
            if len(inside) < 2 or inside != list(range(inside[0], inside[-1] + 1)):
                continue
            lo, hi = inside[0], inside[-1]
            for a, b in ((lo - 1, hi), (lo, hi + 1)):
                if a < 0 or b >= len(toks) or not all(joined[a:b]):
                    continue
                longer = tuple(t.key for t in toks[a:b + 1])
                out.add(longer)
                if surfaces is not None:
                    surfaces.add(longer, text[toks[a].start:toks[b].end].casefold())
    return out
