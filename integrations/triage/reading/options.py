"""Option matching: a dropdown's value from the words of a ticket.

Each option is found by its titles in every locale and its ``x-deskops.keywords``
(`vocabulary.option_phrases`) with one `Matcher` per language. Negated hits do not count,
and an option the requester denies ("결제 문제는 아니고") is not read from another mention.
An option's confidence is its best hit's (title 0.9, keyword 0.85, 0.1 less through a
typo), plus `CORROBORATION` for each further passage naming it. A hit inside a longer hit
of another option gives way ("compte bancaire" is about payments, not the account). One
option found: a candidate. Two or more: no value, but the two likeliest become the
choices the question offers (a wrong value costs more than a question).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from integrations.model import Field
from integrations.triage.reading.evidence import Evidence, clip
from integrations.triage.reading.matcher import Hit, Matcher
from integrations.triage.reading.normalise import Token, tokens
from integrations.triage.reading.vocabulary import option_phrases

__all__ = ["OptionReader"]

#: What each further passage naming the option adds to its best hit's confidence, and the
#: most the sum can reach (a typo'd word alone, 0.75, stays below the default 0.8).
CORROBORATION = 0.05
CAP = 0.95


class OptionReader:
    """One field's options, compiled per language on first use (then kept)."""

    def __init__(self, f: Field) -> None:
        self.field = f
        self._matchers: dict[str, Matcher] = {}

    def matcher(self, language: str) -> Matcher:
        found = self._matchers.get(language)
        if found is None:
            found = self._matchers[language] = Matcher(option_phrases(self.field, language),
                                                       language)
        return found

    def read(self, texts: Sequence[tuple[str, str]], locale: str,
             memo: dict[tuple[str, str], list[Token]] | None = None) -> Evidence | None:
        """The option the requester's texts (``(source, text)``, newest first) name."""
        language = locale.split("-", 1)[0].lower()
        matcher = self.matcher(language)
        best: dict[str, tuple[Hit, str, str]] = {}
        score: dict[str, float] = {}
        spans: dict[str, list[tuple[int, int]]] = {}
        denied: set[str] = set()
        texts_of: dict[str, str] = {}
        for source, text in texts:
            hits = matcher.find(text, tokens(text, language, memo))
            denied.update(h.phrase.label for h in hits if h.denied)
            for hit in hits:
                if hit.negated or any(
                        o.start <= hit.start and hit.end <= o.end and (o.end - o.start) >
                        (hit.end - hit.start) and o.phrase.label != hit.phrase.label
                        for o in hits):
                    continue  # inside a longer phrase of another option (negated or not)
                value = hit.phrase.label
                score[value] = score.get(value, 0.0) + hit.confidence
                seen = spans.setdefault(value, [])
                if texts_of.setdefault(value, text) is text and not any(
                        s <= hit.start and hit.end <= e for s, e in seen):
                    seen[:] = [(s, e) for s, e in seen if not (hit.start <= s and e <= hit.end)]
                    seen.append((hit.start, hit.end))
                if value not in best or hit.confidence > best[value][0].confidence:
                    best[value] = (hit, source, text)
        for value in denied:  # "not a payment problem" anywhere outweighs "payment" elsewhere
            best.pop(value, None)
        if not best:
            return None
        ranked = sorted(best, key=lambda v: (-score[v], v))
        hit, source, text = best[ranked[0]]
        where = texts_of[ranked[0]]
        span = clip(" … ".join(where[s:e] for s, e in sorted(spans[ranked[0]])[:3]))
        if len(ranked) > 1:
            return Evidence(key=self.field.key, value=None, span=span, method="option",
                            locale=locale, confidence=0.0, source=source,
                            choices=tuple(ranked[:2]))
        # each further passage naming the same option corroborates it a little
        confidence = min(CAP, hit.confidence + CORROBORATION * (len(spans[ranked[0]]) - 1))
        return Evidence(key=self.field.key, value=ranked[0], span=span, method="option",
                        locale=locale, confidence=round(confidence, 2), source=source)


def titles_of(f: Field, values: Sequence[str], locale: str) -> list[str]:
    """The options' titles in ``locale`` (for a question offering choices)."""
    by_value: Mapping[str, str] = {
        o.value: o.titles.get(locale) or o.titles.get(locale.split("-")[0]) or o.title
        for o in f.options}
    return [by_value.get(v, v) for v in values]
