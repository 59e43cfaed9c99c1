"""Option inference measured with the real reading stage (`OptionReader`), as triage runs it.

A value counts as inferred when the reader names one option with a confidence at or above
the workspace's ``option`` threshold (``rules.json settings.reading.thresholds``); it is
right when the agent set that value. Precision: right / inferred; recall: right / tickets.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from integrations.learn.examples import Example
from integrations.model import Field
from integrations.triage.reading.normalise import Token
from integrations.triage.reading.options import OptionReader

__all__ = ["Score", "predict", "score", "with_keywords", "without_keywords"]


@dataclass(frozen=True)
class Score:
    tickets: int = 0
    inferred: int = 0
    right: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.inferred if self.inferred else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.tickets if self.tickets else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tickets + other.tickets, self.inferred + other.inferred,
                     self.right + other.right)


def with_keywords(f: Field, extra: Mapping[str, Mapping[str, Sequence[str]]]) -> Field:
    """``f`` with ``extra`` (option → locale → keywords) added to its options' keywords."""
    schema = copy.deepcopy(dict(f.schema or {}))
    for node in schema.get("oneOf") or schema.get("anyOf") or []:
        more = extra.get(str(node.get("const"))) if isinstance(node, dict) else None
        if not more:
            continue
        kw = node.setdefault("x-deskops", {}).setdefault("keywords", {})
        for loc, words in more.items():
            have = kw.setdefault(loc, [])
            have.extend(w for w in words if w not in have)
    return replace(f, schema=schema)


def predict(reader: OptionReader, ex: Example, threshold: float,
            memo: dict[tuple[str, str], list[Token]] | None = None) -> str | None:
    """The value the reading stage would write for this ticket, if any. ``memo`` keeps the
    texts' words between calls (a ticket is read again for every candidate keyword: its
    tokenisation does not change, and was most of the learning time)."""
    texts = [(f"text{i}", t) for i, t in enumerate(ex.texts)]
    ev = reader.read(texts, ex.locale, memo)
    if ev is None or ev.value is None or ev.confidence < threshold:
        return None
    return str(ev.value)


def score(key: str, predictions: Sequence[str | None], examples: Sequence[Example],
          option: str | None = None) -> Score:
    """Precision/recall counts of ``predictions`` (for one option, or all)."""
    tickets = inferred = right = 0
    for pred, ex in zip(predictions, examples, strict=True):
        truth = ex.labels[key]
        if option is None or truth == option:
            tickets += 1
        if pred is not None and (option is None or pred == option):
            inferred += 1
            right += pred == truth
    return Score(tickets, inferred, right)


def without_keywords(f: Field, removed: Mapping[str, Mapping[str, Sequence[str]]]) -> Field:
    """``f`` with ``removed`` (option → locale → keywords) taken out of its options'
    keywords: what the field would read if a reviewer dropped them (never written)."""
    schema = copy.deepcopy(dict(f.schema or {}))
    for node in schema.get("oneOf") or schema.get("anyOf") or []:
        gone = removed.get(str(node.get("const"))) if isinstance(node, dict) else None
        kw = (node.get("x-deskops") or {}).get("keywords") if gone else None
        if not isinstance(kw, dict):
            continue
        for loc, words in gone.items():  # type: ignore[union-attr]
            if isinstance(kw.get(loc), list):
                kw[loc] = [w for w in kw[loc] if w not in words]
    return replace(f, schema=schema)
