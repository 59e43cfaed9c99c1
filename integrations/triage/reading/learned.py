"""A learned second opinion on dropdowns: a small linear model read from ``learned.json``.

Keywords write an option where careful labellers say "could be two, not stated", and miss
options said in words no keyword has. A per-field text classifier (TF-IDF over character
n-grams, multinomial logistic regression with a "not stated" class ``""``), trained offline
by ``deskops learn`` (`integrations.learn.reader`), is asked twice (`second_opinion`):

- veto: a keyword write from prose (method ``option``) whose option the model gives
  ``p < learned_veto`` is not written; the question offers it and the model's best option;
- fill: a dropdown the keywords leave unwritten (nothing read, two options, too unsure)
  gets the model's top option when it is sure
  (method ``learned``, its probability the confidence, the ``learned`` threshold applies).

Pure Python on purpose: the worker scores the model without scikit-learn. `ngrams`
replicates scikit-learn's ``char_wb`` analyzer exactly (the trainer uses this very function)
and `Model.probabilities` its ``predict_proba`` (a binary model is stored as the softmax
of ``[0, z]``, which is the sigmoid scikit-learn applies).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from operator import mul
from typing import Any

from integrations.triage.reading.context import kind_unknown
from integrations.triage.reading.evidence import SPAN_MAX, Evidence, clip
from integrations.triage.reading.spans import DEFAULT_CLAUSE, DEFAULT_SPAN, SpanModel

__all__ = [
    "DEFAULT_AGREE",
    "DEFAULT_VETO",
    "FILE",
    "FORMAT",
    "FORMATS",
    "FieldModel",
    "LearnedError",
    "Model",
    "Opinion",
    "ngram_list",
    "ngrams",
    "normalise",
    "second_opinion",
]

#: The workspace file holding the model.
FILE = "learned.json"
#: The format tag of that file: ``/2`` may hold a ``spans`` model (`reading.spans`), a
#: ``/1`` file (dropdowns only) is read as before.
FORMAT = "deskops-learned/2"
#: Every format tag this code reads.
FORMATS = ("deskops-learned/1", FORMAT)
#: A keyword option the model gives less than this is not written (``learned_veto``).
DEFAULT_VETO = 0.15
#: The lowest probability of a filled option the keywords agree with (``learned_agree``):
#: held out on fresh20-fresh30, 0.75 asked 12 needless questions fewer than 0.85 for no
#: wrong value and no missed question more; 0.65 cost three of each.
DEFAULT_AGREE = 0.75
NGRAM_RANGE = (2, 5)
_SPACES = re.compile(r"\s\s+")


class LearnedError(ValueError):
    """``learned.json`` is not a model this code can score (one line, for validate)."""

    def __init__(self, message: str, pointer: str = "") -> None:
        super().__init__(message)
        self.pointer = pointer


def normalise(text: str) -> str:
    """NFKC and casefold: full-width digits, ligatures and case never split a feature."""
    return unicodedata.normalize("NFKC", text).casefold()


def ngram_list(text: str, ngram_range: tuple[int, int] = NGRAM_RANGE) -> list[str]:
    """The character n-grams of ``text`` inside word boundaries, repeats kept: scikit-learn's
    ``_char_wb_ngrams`` on the `normalise`\\ d text (each word padded with one space each
    side; a word shorter than n gives its one padded n-gram, then no longer ones)."""
    text = _SPACES.sub(" ", normalise(text))
    low, high = ngram_range
    out: list[str] = []
    extend = out.extend
    for word in text.split():
        w = " " + word + " "
        size = len(w)
        for n in range(low, high + 1):
            if size <= n:  # a short word counts once, and no longer n-gram follows
                out.append(w)
                break
            extend([w[i:i + n] for i in range(size - n + 1)])
    return out


def ngrams(text: str, ngram_range: tuple[int, int] = NGRAM_RANGE) -> Counter[str]:
    """`ngram_list` counted: one ticket's features, computed once for all its dropdowns."""
    return Counter(ngram_list(text, ngram_range))


@dataclass(frozen=True)
class FieldModel:
    """One dropdown's classifier: ``classes`` (``""`` = not stated), an intercept and, per
    vocabulary index, one weight per class (indices absent weigh nothing)."""

    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: Mapping[int, tuple[float, ...]]
    examples: int = 0


@dataclass(frozen=True)
class Model:
    """A workspace's learned dropdown models over one shared n-gram vocabulary."""

    vocabulary: Mapping[str, tuple[int, float]]
    fields: Mapping[str, FieldModel]
    ngram_range: tuple[int, int] = NGRAM_RANGE
    trained: Mapping[str, Any] = field(default_factory=dict)
    #: The span reader of name/id-like free-text fields (``spans``), when trained.
    spans: SpanModel | None = None
    #: The clause reader of free-text fields (``clauses``), when trained; a file without
    #: it (as every ``/1`` file and the first ``/2`` ones) reads no clause.
    clauses: SpanModel | None = None

    @classmethod
    def from_json(cls, data: Any) -> Model:
        """The model in a parsed ``learned.json``; `LearnedError` names the first flaw."""
        if not isinstance(data, Mapping) or data.get("format") not in FORMATS:
            raise LearnedError(f"not a {FORMAT} model (\"format\" must be one of "
                               f"{', '.join(FORMATS)})", "/format")
        rng = data.get("ngram_range", list(NGRAM_RANGE))
        if not (isinstance(rng, list) and len(rng) == 2 and all(
                isinstance(n, int) and n > 0 for n in rng) and rng[0] <= rng[1]):
            raise LearnedError("ngram_range must be [low, high], 1 <= low <= high",
                               "/ngram_range")
        vocab = data.get("vocabulary")
        if not isinstance(vocab, Mapping):
            raise LearnedError("vocabulary must be an object", "/vocabulary")
        vocabulary: dict[str, tuple[int, float]] = {}
        for gram, entry in vocab.items():
            if not (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], int)
                    and isinstance(entry[1], int | float)):
                raise LearnedError(f"vocabulary entry {gram!r} must be [index, idf]",
                                   "/vocabulary")
            vocabulary[str(gram)] = (entry[0], float(entry[1]))
        fields_doc = data.get("fields")
        if not isinstance(fields_doc, Mapping):
            raise LearnedError("fields must be an object", "/fields")
        fields = {str(k): _field_model(str(k), v) for k, v in fields_doc.items()}
        trained = data.get("trained") if isinstance(data.get("trained"), Mapping) else {}
        readers: dict[str, SpanModel | None] = {"spans": None, "clauses": None}
        for part in readers:
            if data.get(part) is not None:
                try:
                    readers[part] = SpanModel.from_json(data[part])
                except ValueError as exc:
                    raise LearnedError(str(exc).replace("spans", part, 1), f"/{part}") from exc
        return cls(vocabulary=vocabulary, fields=fields, ngram_range=(rng[0], rng[1]),
                   trained=dict(trained or {}), spans=readers["spans"],
                   clauses=readers["clauses"])

    def features(self, counts: Mapping[str, int]) -> dict[int, float]:
        """The L2-normalised TF-IDF vector (index → value) of one text's n-gram counts,
        sublinear tf (1 + ln count), over the vocabulary's n-grams only."""
        x: dict[int, float] = {}
        vocab = self.vocabulary
        for gram, count in counts.items():
            entry = vocab.get(gram)
            if entry is not None:
                x[entry[0]] = (1.0 + math.log(count)) * entry[1]
        norm = math.sqrt(sum(v * v for v in x.values()))
        return {i: v / norm for i, v in x.items()} if norm else x

    def probabilities(self, key: str, counts: Mapping[str, int],
                      x: Mapping[int, float] | None = None) -> dict[str, float]:
        """Per class of field ``key``, its probability (softmax of intercept + x·w) for
        the text of ``counts`` (``x``: its `features`, when already computed)."""
        model = self.fields[key]
        vector = self.features(counts) if x is None else x
        weights = model.weights
        values, rows = [], []
        for index, value in vector.items():
            w = weights.get(index)
            if w is not None:
                values.append(value)
                rows.append(w)
        z = [b + sum(map(mul, values, column)) for b, column in
             zip(model.intercept, zip(*rows, strict=True), strict=True)] if rows \
            else list(model.intercept)
        top = max(z)
        exps = [math.exp(v - top) for v in z]
        total = sum(exps)
        return {c: e / total for c, e in zip(model.classes, exps, strict=True)}

    @cached_property
    def grams(self) -> Mapping[int, str]:
        """Index → n-gram, built once (a filled value's span names the words)."""
        return {i: g for g, (i, _) in self.vocabulary.items()}


def _field_model(key: str, doc: Any) -> FieldModel:
    where = f"/fields/{key}"
    if not isinstance(doc, Mapping):
        raise LearnedError(f"field {key!r} must be an object", where)
    classes, intercept, weights = doc.get("classes"), doc.get("intercept"), doc.get("weights")
    if not (isinstance(classes, list) and len(classes) >= 2
            and all(isinstance(c, str) for c in classes) and len(set(classes)) == len(classes)):
        raise LearnedError(f"field {key!r}: classes must be two or more distinct strings",
                           f"{where}/classes")
    n = len(classes)
    if not (isinstance(intercept, list) and len(intercept) == n
            and all(isinstance(v, int | float) for v in intercept)):
        raise LearnedError(f"field {key!r}: intercept must hold one number per class",
                           f"{where}/intercept")
    if not isinstance(weights, Mapping):
        raise LearnedError(f"field {key!r}: weights must be an object", f"{where}/weights")
    rows: dict[int, tuple[float, ...]] = {}
    for index, row in weights.items():
        if not (str(index).isdigit() and isinstance(row, list) and len(row) == n
                and all(isinstance(v, int | float) for v in row)):
            raise LearnedError(f"field {key!r}: weights[{index!r}] must hold one number per "
                               "class under a vocabulary index", f"{where}/weights")
        rows[int(index)] = tuple(float(v) for v in row)
    examples = doc.get("examples", 0)
    return FieldModel(classes=tuple(classes), intercept=tuple(float(v) for v in intercept),
                      weights=rows, examples=int(examples) if isinstance(examples, int) else 0)


# --------------------------------------------------------------------------- the policy


@dataclass(frozen=True)
class Opinion:
    """How far the model is heard (rules.json ``settings.reading``): a keyword option it
    gives less than ``veto`` is not written; ``written`` is the lowest confidence an
    ``option`` evidence is written at (a veto only weighs on what would be written)."""

    model: Model
    veto: float = DEFAULT_VETO
    written: float = 0.8
    #: The lowest probability a filled option is offered at (the ``learned`` threshold).
    fill: float = 0.85
    #: The same where the keywords agree: the model's top option is one of the two the text
    #: names, or the keyword option read too unsure to write (``learned_agree``).
    agree: float = DEFAULT_AGREE
    #: The lowest probability a span is written at (the ``learned_span`` threshold).
    span: float = DEFAULT_SPAN
    #: The lowest probability a clause is written at (the ``learned_clause`` threshold).
    clause: float = DEFAULT_CLAUSE


#: How many of the words that weighed most make a filled value's span.
_SPAN_WORDS = 3
_TRIM = "\"'“”‘’«»()[]{}<>.,;:!?¡¿…*-_/\\|~`"


def second_opinion(opinion: Opinion, key: str, options: frozenset[str],
                   evidence: Evidence | None, texts: Sequence[tuple[str, str]], locale: str,
                   memo: dict[Any, Any] | None) -> Evidence | None:
    """``evidence`` (the keyword reading of dropdown ``key``) after the model's word: a
    prose write vetoed into a question, or a reading left unwritten (nothing read, two
    options, too unsure) filled with a sure option, unless the requester says they do not
    know which kind applies (`context.kind_unknown`); as is otherwise. Classes that are no
    longer ``options`` (a stale model) are ignored."""
    model = opinion.model
    if key not in model.fields:
        return evidence
    writes = evidence is not None and evidence.value is not None and not evidence.choices \
        and evidence.confidence >= opinion.written
    if writes and evidence is not None and evidence.method != "option":
        return evidence  # a "Label: value" line or a declared pattern: the requester's word
    scratch: dict[Any, Any] = memo if memo is not None else {}
    slot = ("learned", id(model))
    if slot not in scratch:
        counts = ngrams("\n".join(t for _, t in texts), model.ngram_range)
        scratch[slot] = (counts, model.features(counts))
    counts, x = scratch[slot]
    probs = {c: p for c, p in model.probabilities(key, counts, x).items()
             if c == "" or c in options}
    ranked = sorted((c for c in probs if c), key=lambda c: (-probs[c], c))
    if writes and evidence is not None:
        value = str(evidence.value)
        if value not in probs:
            return evidence  # an option the model never learned: it has no opinion
        p = probs[value]
        if p >= opinion.veto:
            return evidence
        other = next((c for c in ranked if c != value), None)
        # asked, not filled with the model's option: where the model vetoes, it is often
        # blind to the words the keywords read ("엣지"), and its sure top is then its prior
        # (held out on fresh14-30: one right value for two wrong)
        return Evidence(
            key=key, value=None, span=evidence.span, method="option", locale=locale,
            confidence=0.0, source=evidence.source,
            choices=(value, other) if other else (value,),
            note=f"the keyword option {value} was not written: the learned model gave it "
                 f"p={p:.2f}")
    if not ranked or any(kind_unknown(t) for _, t in texts):
        # ("je sais pas trop sous quelle case je rentre": not the model's to settle)
        return evidence
    top = ranked[0]
    agrees = evidence is not None and (top in evidence.choices or top == evidence.value)
    least = min(opinion.fill, opinion.agree) if agrees else opinion.fill
    if probs[top] < least or probs[top] <= probs.get("", 0.0):
        return evidence  # not sure: the keyword reading's question (or none) stands
    span, source = _span(model, key, top, x, texts)
    return Evidence(key=key, value=top, span=span, method="learned", locale=locale,
                    confidence=probs[top], source=source)


def _span(model: Model, key: str, value: str, x: Mapping[int, float],
          texts: Sequence[tuple[str, str]]) -> tuple[str, str]:
    """The requester's words holding the n-grams that weighed most for ``value`` (a few,
    in the order written, joined by " … "), and the text they are in."""
    fm = model.fields[key]
    c = fm.classes.index(value)
    by_index = model.grams
    weighed = sorted(((v * fm.weights[i][c], by_index[i]) for i, v in x.items()
                      if i in fm.weights and fm.weights[i][c] > 0 and i in by_index),
                     reverse=True)
    words = [(source, n, w, " " + normalise(w) + " ")
             for source, text in texts for n, w in enumerate(text.split())]
    chosen: dict[tuple[str, int], str] = {}
    for _, gram in weighed[:60]:
        for source, n, w, padded in words:
            if gram in padded:
                shown = w.strip(_TRIM)
                if shown and (source, n) not in chosen \
                        and shown.casefold() not in {s.casefold() for s in chosen.values()}:
                    chosen[(source, n)] = shown
                break
        if len(chosen) >= _SPAN_WORDS:
            break
    if not chosen:
        return "", texts[0][0] if texts else ""
    order = {s: i for i, (s, _) in enumerate(texts)}
    places = sorted(chosen, key=lambda k: (order[k[0]], k[1]))
    span = " … ".join(chosen[k] for k in places)
    return (clip(span) if len(span) > SPAN_MAX else span), places[0][0]
