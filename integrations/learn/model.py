"""Which words predict which option: a logistic regression, one per field × language.

scikit-learn's `LogisticRegression` (one-vs-rest, class-balanced) over the binary presence
of word and two-word features (`features`): explainable, since each option's strongest
positive weights are the words that predict it, and fast on tens of thousands of tickets.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

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
    for option, coef in zip(model.classes_, coefs, strict=True):
        weights: Mapping[int, float] = dict(enumerate(coef))
        ranked = sorted((i for i, w in weights.items() if w > 0),
                        key=lambda i: (-weights[i], names[i]))
        picked = [Candidate(str(option), names[i], float(weights[i]),
                            counts.get((str(option), names[i]), 0))
                  for i in ranked if counts.get((str(option), names[i]), 0) >= MIN_TICKETS]
        out[str(option)] = picked[:TOP]
    return out
