"""Which words predict which option: a logistic regression, one per field × language.

scikit-learn's `LogisticRegression` (one-vs-rest, class-balanced) over the binary presence
of word and two-word features (`features`): explainable, since each option's strongest
positive weights are the words that predict it, and fast on tens of thousands of tickets.
Its ranking is taken in turn with a plain contrast of counts (smoothed log-odds, `_log_odds`):
the regression spreads weight over words that occur together, and may rank low a word
that alone tells the option; the choosing slice decides among both.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import zip_longest

from integrations.learn.features import MIN_TICKETS, Feature

__all__ = ["Candidate", "candidates"]

#: Strongest features considered per option (the validation slice decides among them).
TOP = 40


@dataclass(frozen=True)
class Candidate:
    """A feature that predicts ``option``: its weight and how many tickets of the option
    carry it (support)."""

    option: str
    feature: Feature
    weight: float
    support: int


def candidates(rows: Sequence[set[Feature]], labels: Sequence[str]) -> dict[str, list[Candidate]]:
    """Option → its strongest features, strongest first (options seen at least twice)."""
    from scipy.sparse import lil_matrix
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier

    counts: dict[tuple[str, Feature], int] = {}
    for feats, label in zip(rows, labels, strict=True):
        for f in sorted(feats):  # sorted: the same history gives the same proposals
            counts[(label, f)] = counts.get((label, f), 0) + 1
    vocab: dict[Feature, int] = {}
    for (_, f), n in counts.items():
        if n >= MIN_TICKETS and f not in vocab:
            vocab[f] = len(vocab)
    per_label = Counter(labels)
    classes = sorted(lb for lb, n in per_label.items() if n >= 2)
    if len(classes) < 2 or not vocab:
        return {}
    keep = [i for i, lb in enumerate(labels) if lb in classes]
    x = lil_matrix((len(keep), len(vocab)), dtype="float64")
    for r, i in enumerate(keep):
        for f in rows[i]:
            if f in vocab:
                x[r, vocab[f]] = 1.0
    y = [labels[i] for i in keep]
    model = OneVsRestClassifier(LogisticRegression(C=1.0, class_weight="balanced",
                                                   solver="liblinear", max_iter=200))
    model.fit(x.tocsr(), y)
    names = {i: f for f, i in vocab.items()}
    out: dict[str, list[Candidate]] = {}
    coefs = [est.coef_[0] for est in model.estimators_]
    if len(model.classes_) == 2:  # one estimator: its weights speak for the second class
        coefs = [-coefs[0], coefs[0]]
    df = Counter(f for i in keep for f in rows[i] if f in vocab)
    for option, coef in zip(model.classes_, coefs, strict=True):
        weights: Mapping[int, float] = dict(enumerate(coef))
        ranked = sorted((i for i, w in weights.items() if w > 0),
                        key=lambda i: (-weights[i], names[i]))
        picked = [Candidate(str(option), names[i], float(weights[i]),
                            counts.get((str(option), names[i]), 0))
                  for i in ranked if counts.get((str(option), names[i]), 0) >= MIN_TICKETS]
        contrast = _log_odds(str(option), vocab, counts, df, per_label[option], len(keep))
        out[str(option)] = _interleave(picked[:TOP], contrast[:TOP])
    return out


#: Strength of the log-odds prior, in tickets (the background rate stands for this many).
PRIOR = 10.0


def _log_odds(option: str, vocab: Mapping[Feature, int], counts: Mapping[tuple[str, Feature], int],
              df: Mapping[Feature, int], n_option: int, n_all: int) -> list[Candidate]:
    """Features by their log-odds of occurring in ``option``'s tickets against the others',
    smoothed by a prior at the feature's overall rate, as z-scores (Monroe, Colaresi and
    Quinn's "Fightin' Words"): a contrast the regression's shared weights may hide."""
    n_rest = n_all - n_option
    out = []
    for f in vocab:
        mine = counts.get((option, f), 0)
        if mine < MIN_TICKETS or n_rest <= 0:
            continue
        rest = df[f] - mine
        rate = df[f] / n_all
        a, b = PRIOR * rate + 0.5, PRIOR * (1 - rate) + 0.5  # never zero, even at rate 1
        delta = (math.log((mine + a) / (n_option - mine + b))
                 - math.log((rest + a) / (n_rest - rest + b)))
        var = (1 / (mine + a) + 1 / (n_option - mine + b)
               + 1 / (rest + a) + 1 / (n_rest - rest + b))
        z = delta / math.sqrt(var)
        if z > 0:
            out.append(Candidate(option, f, z, mine))
    return sorted(out, key=lambda c: (-c.weight, c.feature))


def _interleave(first: Sequence[Candidate], second: Sequence[Candidate]) -> list[Candidate]:
    """Both rankings taken in turn, each feature once (the choosing slice decides)."""
    out: list[Candidate] = []
    seen: set[Feature] = set()
    for pair in zip_longest(first, second):
        for c in pair:
            if c is not None and c.feature not in seen:
                seen.add(c.feature)
                out.append(c)
    return out
