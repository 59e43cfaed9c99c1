"""Proposals per field × locale, chosen on a validation slice and measured on a later one.

Each locale's examples are split by time: the oldest `TRAIN` to learn from, the next
`VALIDATION` to choose keywords on, the newest (the held-back slice) to report on.
Candidates (`model.candidates`, strongest first) are tried one by one with the real reading
stage on the validation slice. One is kept when either

- it finds more: its option and the field get more right values (a word that makes other
  options' tickets ambiguous loses them), the values it adds are not shown to be right
  less than ``min_precision`` of the time (Wilson upper bound), and neither the option's
  precision nor the field's falls below ``min_precision`` (nor below today's, when
  today's keywords already leave it lower: a new word is not blamed for an old keyword's
  mistakes); or
- it only settles conflicts between today's keywords ("reset link" against "link"):
  fewer wrong values, no right one lost.

A keyword that finds more is kept only when the option's precision it leaves is
*established*: at least `MIN_SUPPORT` values of the option inferred on the validation
slice, and the Wilson score lower bound of that precision (one-sided, `CONFIDENCE_Z`) at
or above ``min_precision``. On a locale with a few dozen tickets of an option, 19 right
out of 20 is not evidence of 95 %; such a locale gets no proposal rather than a guess.
Words that fail only on that evidence are then tried together (strongest first, the
weakest dropped until it holds); where nothing holds, a note says how many examples the
floor would need (`LocaleReport.notes`).

The same held-back slice reviews today's keywords (`review`): one whose own precision is
shown below the floor is reported, with its counts, for a person to remove — never removed
here — and the locale's figures without it are given apart (`LocaleReport.reviewed`).

Options named only by stop words ("Other") get no proposals, and no proposal is made only
of function words (`features.FUNCTION_WORDS`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as _field
from typing import Protocol

from integrations.learn.evaluate import Score, predict, score, with_keywords, without_keywords
from integrations.learn.examples import Example
from integrations.learn.features import (
    MIN_TICKETS,
    Surfaces,
    features,
    indexed,
    only_function_words,
)
from integrations.learn.model import candidates
from integrations.model import Field
from integrations.triage._rules import Keywords
from integrations.triage.reading.matcher import STOP, Matcher
from integrations.triage.reading.normalise import Token, words
from integrations.triage.reading.options import OptionReader
from integrations.triage.reading.vocabulary import option_keywords, option_phrases

__all__ = ["FieldReport", "FieldTarget", "LocaleReport", "Proposal", "Review", "RuleTarget",
           "established", "held_back", "review", "suggest", "suggest_rule", "wilson_lower",
           "wilson_upper"]

TRAIN, VALIDATION = 0.4, 0.4
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


def wilson_upper(right: int, total: int, z: float = CONFIDENCE_Z) -> float:
    """The Wilson score interval's upper bound: below a floor, the evidence shows the
    precision is below it (not only that it happened to be, by a label or two)."""
    if total <= 0:
        return 1.0
    return 1.0 - wilson_lower(total - right, total, z)


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
class Review:
    """A keyword a person wrote that misfires on the held-back slice: of the ``found``
    tickets it is found in (not negated), only ``right`` carry its option (or, for a rule,
    the rule's tags). Reported for a person to remove; `suggest` never removes it."""

    option: str
    locale: str
    keyword: str
    found: int
    right: int

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0


@dataclass(frozen=True)
class LocaleReport:
    locale: str
    held_back: int
    before: Score
    after: Score
    #: ``after`` with the flagged keywords (`Review`) taken out, as a reviewer could do.
    reviewed: Score | None = None
    #: option → tickets labelled with it on the train, choosing and held-back slices
    positives: Mapping[str, tuple[int, int, int]] = _field(default_factory=dict)
    #: why candidates were not kept: reason → count (the diagnosis of a cell)
    rejected: Mapping[str, int] = _field(default_factory=dict)
    #: plain sentences: where the data cannot establish the floor, and what it would take
    notes: tuple[str, ...] = ()


@dataclass
class FieldReport:
    key: str
    locales: list[LocaleReport] = _field(default_factory=list)
    proposals: list[Proposal] = _field(default_factory=list)
    review: list[Review] = _field(default_factory=list)
    notes: list[str] = _field(default_factory=list)

    def keywords(self) -> dict[str, dict[str, list[str]]]:
        out: dict[str, dict[str, list[str]]] = {}
        for p in self.proposals:
            out.setdefault(p.option, {}).setdefault(p.locale, []).extend(p.keywords)
        return out


Extra = dict[str, dict[str, list[str]]]  # option -> locale -> keywords added (or removed)
Predict = Callable[[Example], "str | None"]


class Target(Protocol):
    """What is learned: a dropdown's options, or a rule's firing (option ``"yes"``)."""

    key: str

    def learnable(self, option: str) -> bool: ...

    def known(self, extra: Extra, language: str) -> set[tuple[str, ...]]: ...

    def existing(self, language: str) -> list[tuple[str, str, str]]: ...

    def predictor(self, extra: Extra, removed: Extra | None = None) -> Predict: ...


def _applies(loc: str, language: str) -> bool:
    return loc == "*" or loc.split("-", 1)[0].lower() == language


class FieldTarget:
    """A dropdown, read by the real `OptionReader` at the workspace's option threshold."""

    def __init__(self, f: Field, threshold: float) -> None:
        self.field, self.key, self.threshold = f, f.key, threshold
        self._titles = {o.value: o for o in f.options}
        #: (text, language) → its words, shared by every reader tried on the same tickets
        self._memo: dict[tuple[str, str], list[Token]] = {}

    def learnable(self, option: str) -> bool:
        opt = self._titles.get(option)
        return opt is not None and not all(k in STOP for k in words(opt.title, "en"))

    def known(self, extra: Extra, language: str) -> set[tuple[str, ...]]:
        f = with_keywords(self.field, extra)
        return {words(text, language) for _, text, _ in option_phrases(f, language)}

    def existing(self, language: str) -> list[tuple[str, str, str]]:
        return [(option, loc, w) for option, by in option_keywords(self.field).items()
                for loc, ws in by.items() if _applies(loc, language) for w in ws]

    def predictor(self, extra: Extra, removed: Extra | None = None) -> Predict:
        f = with_keywords(self.field, extra)
        reader = OptionReader(without_keywords(f, removed) if removed else f)
        return lambda ex: predict(reader, ex, self.threshold, self._memo)


class RuleTarget:
    """A rule with keyword conditions, read by triage's own `Keywords`; it fires on a ticket
    (``"yes"``) when agents gave the ticket every tag the rule adds."""

    def __init__(self, name: str, keywords: Mapping[str, Sequence[str]]) -> None:
        self.key, self._keywords = f"rule: {name}", {k: list(v) for k, v in keywords.items()}

    def learnable(self, option: str) -> bool:
        return option == "yes"

    def _merged(self, extra: Extra, removed: Extra | None = None) -> dict[str, list[str]]:
        gone = (removed or {}).get("yes", {})
        merged = {k: [w for w in v if w not in gone.get(k, ())]
                  for k, v in self._keywords.items()}
        for loc, more in extra.get("yes", {}).items():
            merged.setdefault(loc, []).extend(more)
        return merged

    def known(self, extra: Extra, language: str) -> set[tuple[str, ...]]:
        return {words(w, language) for loc, ws in self._merged(extra).items()
                if _applies(loc, language) for w in ws}

    def existing(self, language: str) -> list[tuple[str, str, str]]:
        return [("yes", loc, w) for loc, ws in self._keywords.items()
                if _applies(loc, language) for w in ws]

    def predictor(self, extra: Extra, removed: Extra | None = None) -> Predict:
        matcher = Keywords(self._merged(extra, removed))

        def fires(ex: Example) -> str | None:
            text = "\n".join(ex.texts)
            return "yes" if matcher.first(text, ex.locale.split("-", 1)[0]) else None

        return fires


def _found_in(keywords: Sequence[str], language: str, examples: Sequence[Example]
              ) -> list[set[int]]:
    """Per keyword, the indices of ``examples`` it is found in (negated or not), by the
    reading stage's own `Matcher`: a ticket none of them is found in reads as before."""
    matcher = Matcher([(str(i), w, 1.0) for i, w in enumerate(keywords)], language)
    out: list[set[int]] = [set() for _ in keywords]
    for n, ex in enumerate(examples):
        for text in ex.texts:
            for hit in matcher.find(text):
                out[int(hit.phrase.label)].add(n)
    return out


def _split(examples: Sequence[Example]) -> tuple[list[Example], list[Example], list[Example]]:
    a = int(len(examples) * TRAIN)
    b = int(len(examples) * (TRAIN + VALIDATION))
    return list(examples[:a]), list(examples[a:b]), list(examples[b:])


def _by_locale(key: str, examples: Sequence[Example]) -> dict[str, list[Example]]:
    by_locale: dict[str, list[Example]] = {}
    for ex in examples:
        if key in ex.labels:
            by_locale.setdefault(ex.locale, []).append(ex)
    return by_locale


def held_back(key: str, examples: Sequence[Example]) -> dict[str, list[Example]]:
    """Per locale, the held-back slice `suggest` reports on for field or rule label ``key``
    (so another vocabulary can be scored on the very same tickets)."""
    return {locale: _split(exs)[2] for locale, exs in _by_locale(key, examples).items()
            if len(exs) >= MIN_EXAMPLES}


def review(target: Target, key: str, locale: str, test: Sequence[Example],
           floor: float) -> list[Review]:
    """Today's keywords whose own precision on ``test`` (tickets they are found in, not
    negated, that carry their option) is shown below ``floor`` (its Wilson upper bound is
    under it: 17 right of 18 is a wrong label, 5 of 32 a misfiring word), found in at least
    `features.MIN_TICKETS` tickets: what a person may want to remove."""
    language = locale.split("-", 1)[0].lower()
    mine = target.existing(language)
    if not mine:
        return []
    labels = [f"{i}" for i in range(len(mine))]
    matcher = Matcher([(lb, w, 1.0) for lb, (_, _, w) in zip(labels, mine, strict=True)],
                      language)
    found = [0] * len(mine)
    right = [0] * len(mine)
    for ex in test:
        hits = {int(h.phrase.label) for text in ex.texts for h in matcher.find(text)
                if not h.negated}
        for i in hits:
            found[i] += 1
            right[i] += ex.labels[key] == mine[i][0]
    out = [Review(option, loc, w, found[i], right[i])
           for i, (option, loc, w) in enumerate(mine)
           if found[i] >= MIN_TICKETS and wilson_upper(right[i], found[i]) < floor]
    return sorted(out, key=lambda r: (r.option, r.precision, r.keyword))


def _need(right: int, inferred: int, floor: float) -> int | None:
    """Fewest values inferred, at this precision, whose Wilson lower bound reaches
    ``floor`` (None when the precision itself is below it)."""
    p = right / inferred if inferred else 1.0
    if p <= floor or floor >= 1.0:  # the bound stays under p: p must beat the floor
        return None
    n = max(MIN_SUPPORT, inferred)
    while n < 100_000 and wilson_lower(math.floor(p * n), n) < floor:
        n = int(n * 1.1) + 1
    return n


def _note(option: str, locale: str, positives: int, best: Score | None,
          floor: float) -> str | None:
    """Why ``option`` got nothing when its best candidate failed only on evidence."""
    if best is None:
        return None
    need = _need(best.right, best.inferred, floor)
    what = "the rule" if option == "yes" else option
    if need is None:
        return (f"{what} ({locale}): with its best candidate, precision on the choosing "
                f"slice is {100 * best.precision:.1f}% (today's keywords included), not "
                "above the floor")
    share = best.inferred / positives if positives else 1.0
    needed = math.ceil(need / max(share, 1e-9))
    if needed > 10 * max(positives, 1):
        return (f"{what} ({locale}): not enough examples: {positives} positives on the "
                f"choosing slice, need ≈ {needed}: its precision there "
                f"({best.right}/{best.inferred}) is so close to the floor that no "
                "realistic history establishes it")
    return (f"{what} ({locale}): not enough examples: {positives} positives on the choosing "
            f"slice, need ≈ {needed} ({best.right}/{best.inferred} right there; "
            f"≈ {need} values must be read to establish {100 * floor:.0f}% at 90 % "
            f"confidence, ≈ {math.ceil(needed / VALIDATION)} such tickets in the history)")


_UNPROVEN = "precision not established (Wilson bound, support)"


def _verdict(key: str, option: str, preds: Sequence[str | None], new: Sequence[str | None],
             valid: Sequence[Example], floor: float) -> tuple[str | None, Score]:
    """Why the predictions ``new`` (with a candidate) do not improve on ``preds`` (None
    when they do), and the option's score with it."""
    old_o, new_o = score(key, preds, valid, option), score(key, new, valid, option)
    old_all, new_all = score(key, preds, valid), score(key, new, valid)
    gained = new_all.right - old_all.right  # the field's, not only the option's
    bar = min(floor, old_o.precision)  # an old keyword's mistakes are not the new one's
    if not (new_o.right > old_o.right and gained > 0):
        return "no gain on the choosing slice", new_o
    more = new_all.inferred - old_all.inferred  # values it adds (gained may exceed it: it
    if more > 0 and wilson_upper(min(gained, more), more) < floor:  # also turns wrong ones)
        return "values it adds below the floor", new_o
    if new_o.precision < bar:
        return "option precision below the floor", new_o
    if new_all.precision < min(floor, old_all.precision):
        return "field precision below the floor", new_o
    if not established(new_o, bar):
        return _UNPROVEN, new_o
    return None, new_o


def _wrong_added(key: str, preds: Sequence[str | None], new: Sequence[str | None],
                 valid: Sequence[Example]) -> int:
    """How many tickets get a wrong value with ``new`` that they had not with ``preds``."""
    return sum(1 for ex, p, n in zip(valid, preds, new, strict=True)
               if n is not None and n != p and n != ex.labels[key])


def _settles(key: str, preds: Sequence[str | None], new: Sequence[str | None],
             valid: Sequence[Example]) -> bool:
    """Whether ``new`` only settles conflicts: fewer wrong values, no right one lost."""
    old_all, new_all = score(key, preds, valid), score(key, new, valid)
    return (new_all.right >= old_all.right
            and new_all.inferred - new_all.right < old_all.inferred - old_all.right)


def _learn_locale(target: Target, locale: str, examples: Sequence[Example],
                  min_precision: float) -> tuple[list[Proposal], LocaleReport, list[Review]] | None:
    key = target.key
    train, valid, test = _split(examples)
    if len(examples) < MIN_EXAMPLES or not valid or not test:
        return None
    language = locale.split("-", 1)[0].lower()
    extra: Extra = {}
    known = target.known(extra, language)  # changes only when a keyword is kept
    surfaces = Surfaces()
    phrases = [(str(i), " ".join(k), 1.0) for i, k in enumerate(sorted(known)) if len(k) > 1]
    extend = Matcher(phrases, language) if phrases else None  # narrower phrases of today's
    rows = [features(ex.texts, locale, surfaces, extend) for ex in train]
    found = candidates(rows, [ex.labels[key] for ex in train])
    vfeats = [features(ex.texts, locale) for ex in valid]
    current = target.predictor(extra)
    preds = [current(ex) for ex in valid]
    added: dict[str, list[str]] = {}
    rejected: Counter[str] = Counter()
    unproven: dict[str, Score] = {}  # option -> its best trial that failed only on evidence
    pending: dict[str, list[str]] = {}  # option -> keywords that failed only on evidence
    wrong: dict[str, int] = {}  # such a keyword -> wrong values it added alone
    for option in sorted(found):
        if not target.learnable(option):
            continue
        for cand in found[option]:
            if cand.feature in known:
                rejected["already a keyword"] += 1
                continue
            if only_function_words(cand.feature, language):
                rejected["function words"] += 1
                continue
            keyword = surfaces.best(cand.feature)
            if words(keyword, language) != cand.feature:
                rejected["spelling reads otherwise"] += 1
                continue
            trial_extra: Extra = {o: {lc: list(w) for lc, w in by.items()}
                                  for o, by in extra.items()}
            trial_extra.setdefault(option, {}).setdefault(locale, []).append(keyword)
            trial = target.predictor(trial_extra)
            need = indexed(cand.feature)
            new = [trial(ex) if need <= vf else p
                   for ex, vf, p in zip(valid, vfeats, preds, strict=True)]
            reason, new_o = _verdict(key, option, preds, new, valid, min_precision)
            if reason == _UNPROVEN:
                best = unproven.get(option)
                if best is None or new_o.right > best.right:
                    unproven[option] = new_o
                pending.setdefault(option, []).append(keyword)
                wrong[keyword] = _wrong_added(key, preds, new, valid)
            if reason is None or _settles(key, preds, new, valid):
                extra, preds = trial_extra, new
                known = target.known(extra, language)
                added.setdefault(option, []).append(keyword)
            elif reason != _UNPROVEN:
                rejected[reason] += 1
    # Words each right but too rare to establish precision alone are tried together,
    # strongest first, dropping the weakest until the option's precision is established.
    # Only the tickets one of the words is found in are read again (the rest keep their
    # value): reading the whole choosing slice for every trial was most of the learning time.
    # The words that added no wrong value alone come first (strongest first among each
    # count), so the ones that did are the first dropped: dropping by strength alone let a
    # strong word's one mistake keep many clean rare words from ever being established.
    for option, kws in sorted(pending.items()):
        kws = sorted((k for k in kws if k not in added.get(option, [])),
                     key=lambda k: wrong[k])
        where = _found_in(kws, language, valid) if kws else []
        while kws:
            trial_extra = {o: {lc: list(w) for lc, w in by.items()} for o, by in extra.items()}
            trial_extra.setdefault(option, {}).setdefault(locale, []).extend(kws)
            trial = target.predictor(trial_extra)
            some: set[int] = set().union(*where[:len(kws)])
            new = [trial(ex) if i in some else p
                   for i, (ex, p) in enumerate(zip(valid, preds, strict=True))]
            reason, new_o = _verdict(key, option, preds, new, valid, min_precision)
            if reason is None:
                extra, preds = trial_extra, new
                added.setdefault(option, []).extend(kws)
                unproven.pop(option, None)
                break
            kws = kws[:-1]
        if len(pending[option]) > len(kws):
            rejected[_UNPROVEN] += len(pending[option]) - len(kws)
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
    flagged = review(target, key, locale, test, min_precision)
    reviewed = None
    if flagged:
        removed: Extra = {}
        for r in flagged:
            removed.setdefault(r.option, {}).setdefault(r.locale, []).append(r.keyword)
        cleaned = target.predictor(extra, removed)
        reviewed = score(key, [cleaned(ex) for ex in test], test, fires)
    counts: dict[str, tuple[int, int, int]] = {}
    for option in sorted({ex.labels[key] for ex in examples}):
        counts[option] = tuple(sum(1 for ex in part if ex.labels[key] == option)
                               for part in (train, valid, test))  # type: ignore[assignment]
    notes = tuple(n for option, best in sorted(unproven.items()) if option not in added
                  and (n := _note(option, locale, counts.get(option, (0, 0, 0))[1], best,
                                  min_precision)) is not None)
    report = LocaleReport(locale, len(test), score(key, before, test, fires),
                          score(key, after, test, fires), reviewed, counts,
                          dict(sorted(rejected.items())), notes)
    return proposals, report, flagged


def _suggest(target: Target, examples: Sequence[Example], min_precision: float
             ) -> FieldReport:
    report = FieldReport(target.key)
    by_locale = _by_locale(target.key, examples)
    for locale in sorted(by_locale):
        learned = _learn_locale(target, locale, by_locale[locale], min_precision)
        if learned is None:
            report.notes.append(f"{locale}: not enough examples: {len(by_locale[locale])} "
                                f"tickets with a value, need {MIN_EXAMPLES}")
            continue
        report.proposals.extend(learned[0])
        report.locales.append(learned[1])
        report.review.extend(learned[2])
        report.notes.extend(learned[1].notes)
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
