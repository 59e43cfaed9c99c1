"""Proposals per field × locale, chosen on a validation slice and measured on a later one.

Each locale's examples are split by time: the oldest `TRAIN` to learn from, the next
`VALIDATION` to choose keywords on, the newest (the held-back slice) to report on.
Candidates (`model.candidates`, strongest first) are tried one by one with the real reading
stage on the validation slice. One is kept when either

- it finds more: its option and the field get more right values (a word that makes other
  options' tickets ambiguous loses them), the values it adds are right at least
  ``min_precision`` of the time, and neither the option's precision nor the field's falls
  below ``min_precision`` (nor below today's, when today's keywords already leave it lower:
  a new word is not blamed for an old keyword's mistakes); or
- it only settles conflicts between today's keywords ("reset link" against "link"):
  fewer wrong values, no right one lost.

A keyword that finds more is kept only when the option's precision it leaves is
*established*: at least `MIN_SUPPORT` values of the option inferred on the validation
slice, and the Wilson score lower bound of that precision (one-sided, `CONFIDENCE_Z`) at
or above ``min_precision``. On a locale with a few dozen tickets of an option, 19 right
out of 20 is not evidence of 95 %; such a locale gets no proposal rather than a guess.

Options named only by stop words ("Other") get no proposals, and no proposal is made only
of function words (`features.FUNCTION_WORDS`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as _field
from typing import Protocol

from integrations.learn.evaluate import Score, predict, score, with_keywords
from integrations.learn.examples import Example
from integrations.learn.features import Feature, Surfaces, features, only_function_words
from integrations.learn.model import candidates
from integrations.model import Field
from integrations.triage._rules import Keywords
from integrations.triage.reading.matcher import STOP
from integrations.triage.reading.normalise import words
from integrations.triage.reading.options import OptionReader
from integrations.triage.reading.vocabulary import option_phrases

__all__ = ["FieldReport", "LocaleReport", "Proposal", "established", "suggest", "suggest_rule",
           "wilson_lower"]

TRAIN, VALIDATION = 0.6, 0.2
#: A locale with fewer labelled tickets is not learned from.
MIN_EXAMPLES = 60
#: Fewest values of an option the validation slice must infer before its precision counts.
MIN_SUPPORT = 20
#: One-sided 90 % confidence for the Wilson lower bound of an option's precision.
CONFIDENCE_Z = 1.2816


def wilson_lower(right: int, total: int, z: float = CONFIDENCE_Z) -> float:
    """The Wilson score interval's lower bound for ``right`` successes out of ``total``:
    what precision the evidence supports, not what it happened to show (0 without any)."""
    if total <= 0:
        return 0.0
    p, z2 = right / total, z * z
    centre = p + z2 / (2 * total)
    margin = z * math.sqrt(p * (1 - p) / total + z2 / (4 * total * total))
    return (centre - margin) / (1 + z2 / total)


def established(s: Score, floor: float) -> bool:
    """Whether ``s``'s precision is shown to be at least ``floor`` with enough support."""
    return (s.inferred >= MIN_SUPPORT
            and wilson_lower(s.right, s.inferred, CONFIDENCE_Z) >= floor)


@dataclass(frozen=True)
class Proposal:
    option: str
    locale: str
    keywords: tuple[str, ...]
    support: int
    precision: float
    recall_gain: float


@dataclass(frozen=True)
class LocaleReport:
    locale: str
    held_back: int
    before: Score
    after: Score


@dataclass
class FieldReport:
    key: str
    locales: list[LocaleReport] = _field(default_factory=list)
    proposals: list[Proposal] = _field(default_factory=list)

    def keywords(self) -> dict[str, dict[str, list[str]]]:
        out: dict[str, dict[str, list[str]]] = {}
        for p in self.proposals:
            out.setdefault(p.option, {}).setdefault(p.locale, []).extend(p.keywords)
        return out


Extra = dict[str, dict[str, list[str]]]  # option -> locale -> keywords added
Predict = Callable[[Example], "str | None"]


class Target(Protocol):
    """What is learned: a dropdown's options, or a rule's firing (option ``"yes"``)."""

    key: str

    def learnable(self, option: str) -> bool: ...

    def known(self, extra: Extra, language: str) -> set[tuple[str, ...]]: ...

    def predictor(self, extra: Extra) -> Predict: ...


class FieldTarget:
    """A dropdown, read by the real `OptionReader` at the workspace's option threshold."""

    def __init__(self, f: Field, threshold: float) -> None:
        self.field, self.key, self.threshold = f, f.key, threshold
        self._titles = {o.value: o for o in f.options}

    def learnable(self, option: str) -> bool:
        opt = self._titles.get(option)
        return opt is not None and not all(k in STOP for k in words(opt.title, "en"))

    def known(self, extra: Extra, language: str) -> set[tuple[str, ...]]:
        f = with_keywords(self.field, extra)
        return {words(text, language) for _, text, _ in option_phrases(f, language)}

    def predictor(self, extra: Extra) -> Predict:
        reader = OptionReader(with_keywords(self.field, extra))
        return lambda ex: predict(reader, ex, self.threshold)


class RuleTarget:
    """A rule with keyword conditions, read by triage's own `Keywords`; it fires on a ticket
    (``"yes"``) when agents gave the ticket every tag the rule adds."""

    def __init__(self, name: str, keywords: Mapping[str, Sequence[str]]) -> None:
        self.key, self._keywords = f"rule: {name}", {k: list(v) for k, v in keywords.items()}

    def learnable(self, option: str) -> bool:
        return option == "yes"

    def _merged(self, extra: Extra) -> dict[str, list[str]]:
        merged = {k: list(v) for k, v in self._keywords.items()}
        for loc, more in extra.get("yes", {}).items():
            merged.setdefault(loc, []).extend(more)
        return merged

    def known(self, extra: Extra, language: str) -> set[tuple[str, ...]]:
        return {words(w, language) for loc, ws in self._merged(extra).items()
                if loc == "*" or loc.split("-", 1)[0].lower() == language for w in ws}

    def predictor(self, extra: Extra) -> Predict:
        matcher = Keywords(self._merged(extra))

        def fires(ex: Example) -> str | None:
            text = "\n".join(ex.texts)
            return "yes" if matcher.first(text, ex.locale.split("-", 1)[0]) else None

        return fires


def _split(examples: Sequence[Example]) -> tuple[list[Example], list[Example], list[Example]]:
    a = int(len(examples) * TRAIN)
    b = int(len(examples) * (TRAIN + VALIDATION))
    return list(examples[:a]), list(examples[a:b]), list(examples[b:])


def _learn_locale(target: Target, locale: str, examples: Sequence[Example],
                  min_precision: float) -> tuple[list[Proposal], LocaleReport] | None:
    key = target.key
    train, valid, test = _split(examples)
    if len(examples) < MIN_EXAMPLES or not valid or not test:
        return None
    language = locale.split("-", 1)[0].lower()
    surfaces = Surfaces()
    rows = [features(ex.texts, locale, surfaces) for ex in train]
    found = candidates(rows, [ex.labels[key] for ex in train])
    vfeats = [features(ex.texts, locale) for ex in valid]
    extra: Extra = {}
    current = target.predictor(extra)
    preds = [current(ex) for ex in valid]
    added: dict[str, list[str]] = {}
    for option in sorted(found):
        if not target.learnable(option):
            continue
        for cand in found[option]:
            if cand.feature in target.known(extra, language) or \
                    only_function_words(cand.feature, language):
                continue
            keyword = surfaces.best(cand.feature)
            if words(keyword, language) != cand.feature:
                continue
            trial_extra: Extra = {o: {lc: list(w) for lc, w in by.items()}
                                  for o, by in extra.items()}
            trial_extra.setdefault(option, {}).setdefault(locale, []).append(keyword)
            trial = target.predictor(trial_extra)
            need: set[Feature] = {(k,) for k in cand.feature}
            new = [trial(ex) if need <= vf else p
                   for ex, vf, p in zip(valid, vfeats, preds, strict=True)]
            old_o, new_o = score(key, preds, valid, option), score(key, new, valid, option)
            old_all, new_all = score(key, preds, valid), score(key, new, valid)
            gained = new_all.right - old_all.right  # the field's, not only the option's
            finds = (new_o.right > old_o.right and gained > 0
                     and gained >= min_precision * (new_all.inferred - old_all.inferred)
                     and new_o.precision >= min(min_precision, old_o.precision)
                     and established(new_o, min(min_precision, old_o.precision))
                     and new_all.precision >= min(min_precision, old_all.precision))
            # or it only settles conflicts: fewer wrong values, none of the right ones lost
            settles = (new_all.right >= old_all.right
                       and new_all.inferred - new_all.right < old_all.inferred - old_all.right)
            if finds or settles:
                extra, preds = trial_extra, new
                added.setdefault(option, []).append(keyword)
    before_p, after_p = target.predictor({}), target.predictor(extra)
    before = [before_p(ex) for ex in test]
    after = [after_p(ex) for ex in test]
    proposals = []
    for option, kws in sorted(added.items()):
        b, a = score(key, before, test, option), score(key, after, test, option)
        proposals.append(Proposal(option, locale, tuple(kws),
                                  sum(1 for ex in train if ex.labels[key] == option),
                                  a.precision, a.recall - b.recall))
    fires = "yes" if isinstance(target, RuleTarget) else None
    report = LocaleReport(locale, len(test), score(key, before, test, fires),
                          score(key, after, test, fires))
    return proposals, report


def _suggest(target: Target, examples: Sequence[Example], min_precision: float
             ) -> FieldReport:
    report = FieldReport(target.key)
    by_locale: dict[str, list[Example]] = {}
    for ex in examples:
        if target.key in ex.labels:
            by_locale.setdefault(ex.locale, []).append(ex)
    for locale in sorted(by_locale):
        learned = _learn_locale(target, locale, by_locale[locale], min_precision)
        if learned is not None:
            report.proposals.extend(learned[0])
            report.locales.append(learned[1])
    return report


def suggest(f: Field, examples: Sequence[Example], *, threshold: float,
            min_precision: float) -> FieldReport:
    """What to add to field ``f``'s option keywords, per locale, and what it changes."""
    return _suggest(FieldTarget(f, threshold), examples, min_precision)


def suggest_rule(name: str, keywords: Mapping[str, Sequence[str]],
                 examples: Sequence[Example], *, min_precision: float) -> FieldReport:
    """What to add to the keywords of rule ``name`` (labels ``"rule: <name>"`` on the
    examples: ``"yes"`` when agents gave the ticket the rule's tags)."""
    return _suggest(RuleTarget(name, keywords), examples, min_precision)
