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

Options named only by stop words ("Other") get no proposals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field as _field

from integrations.learn.evaluate import Score, predict, score, with_keywords
from integrations.learn.examples import Example
from integrations.learn.features import Feature, Surfaces, features
from integrations.learn.model import candidates
from integrations.model import Field
from integrations.triage.reading.matcher import STOP
from integrations.triage.reading.normalise import words
from integrations.triage.reading.options import OptionReader
from integrations.triage.reading.vocabulary import option_phrases

__all__ = ["FieldReport", "LocaleReport", "Proposal", "suggest"]

TRAIN, VALIDATION = 0.6, 0.2
#: A locale with fewer labelled tickets is not learned from.
MIN_EXAMPLES = 60


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


def _known(f: Field, language: str) -> set[tuple[str, ...]]:
    return {words(text, language) for _, text, _ in option_phrases(f, language)}


def _split(examples: Sequence[Example]) -> tuple[list[Example], list[Example], list[Example]]:
    a = int(len(examples) * TRAIN)
    b = int(len(examples) * (TRAIN + VALIDATION))
    return list(examples[:a]), list(examples[a:b]), list(examples[b:])


def _learn_locale(f: Field, locale: str, examples: Sequence[Example], threshold: float,
                  min_precision: float) -> tuple[Field, list[Proposal], LocaleReport] | None:
    key = f.key
    train, valid, test = _split(examples)
    if len(examples) < MIN_EXAMPLES or not valid or not test:
        return None
    language = locale.split("-", 1)[0].lower()
    surfaces = Surfaces()
    rows = [features(ex.texts, locale, surfaces) for ex in train]
    found = candidates(rows, [ex.labels[key] for ex in train])
    vfeats = [features(ex.texts, locale) for ex in valid]
    current = f
    preds = [predict(OptionReader(current), ex, threshold) for ex in valid]
    added: dict[str, list[tuple[str, int]]] = {}
    titles = {o.value: o for o in f.options}
    for option in sorted(found):
        opt = titles.get(option)
        if opt is None or all(k in STOP for k in words(opt.title, "en")):
            continue
        for cand in found[option]:
            if cand.feature in _known(current, language):
                continue
            keyword = surfaces.best(cand.feature)
            if words(keyword, language) != cand.feature:
                continue
            trial = with_keywords(current, {option: {locale: [keyword]}})
            reader = OptionReader(trial)
            need: set[Feature] = {(k,) for k in cand.feature}
            new = [predict(reader, ex, threshold) if need <= vf else p
                   for ex, vf, p in zip(valid, vfeats, preds, strict=True)]
            old_o, new_o = score(key, preds, valid, option), score(key, new, valid, option)
            old_all, new_all = score(key, preds, valid), score(key, new, valid)
            gained = new_all.right - old_all.right  # the field's, not only the option's
            finds = (new_o.right > old_o.right and gained > 0
                     and gained >= min_precision * (new_all.inferred - old_all.inferred)
                     and new_o.precision >= min(min_precision, old_o.precision)
                     and new_all.precision >= min(min_precision, old_all.precision))
            # or it only settles conflicts: fewer wrong values, none of the right ones lost
            settles = (new_all.right >= old_all.right
                       and new_all.inferred - new_all.right < old_all.inferred - old_all.right)
            if finds or settles:
                current, preds = trial, new
                added.setdefault(option, []).append((keyword, cand.support))
    before_r, after_r = OptionReader(f), OptionReader(current)
    before = [predict(before_r, ex, threshold) for ex in test]
    after = [predict(after_r, ex, threshold) for ex in test]
    proposals = []
    for option, kws in sorted(added.items()):
        b, a = score(key, before, test, option), score(key, after, test, option)
        proposals.append(Proposal(option, locale, tuple(k for k, _ in kws),
                                  sum(1 for ex in train if ex.labels[key] == option),
                                  a.precision, a.recall - b.recall))
    report = LocaleReport(locale, len(test), score(key, before, test), score(key, after, test))
    return current, proposals, report


def suggest(f: Field, examples: Sequence[Example], *, threshold: float,
            min_precision: float) -> FieldReport:
    """What to add to field ``f``'s option keywords, per locale, and what it changes."""
    report = FieldReport(f.key)
    by_locale: dict[str, list[Example]] = {}
    for ex in examples:
        if f.key in ex.labels:
            by_locale.setdefault(ex.locale, []).append(ex)
    for locale in sorted(by_locale):
        learned = _learn_locale(f, locale, by_locale[locale], threshold, min_precision)
        if learned is None:
            continue
        _, proposals, loc_report = learned
        report.proposals.extend(proposals)
        report.locales.append(loc_report)
    return report
