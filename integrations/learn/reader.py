"""Training the learned second opinion on dropdowns (``learned.json``, ``deskops learn``).

The worker scores the model in pure Python (`integrations.triage.reading.learned`); here
scikit-learn fits it: one TF-IDF vocabulary per workspace over character n-grams — the
worker's own `ngram_list`, so both sides see the same features — and one multinomial
logistic regression per dropdown field, with a "not stated" class ``""`` learned from the
fields careful labellers ask. Labelled tickets are in the corpus format of
``tests/data/triage`` (subject, body, replies, form, fields, states, ask).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from integrations.errors import DeskopsError
from integrations.model import Workspace
from integrations.triage.reading.learned import FORMAT, NGRAM_RANGE, ngram_list

__all__ = [
    "MIN_EXAMPLES",
    "FieldSummary",
    "LabelsError",
    "read_labels",
    "size_of",
    "text_of",
    "train",
    "train_report",
]

#: A field with fewer labelled examples is not learned (a note says so).
MIN_EXAMPLES = 20
#: About the largest ``learned.json`` written (bytes, compact JSON): a larger model keeps
#: fewer n-grams (the most frequent ones) until it fits.
BUDGET = 1_500_000
#: A vocabulary index whose weights all stay below this is left out of a field's weights.
PRUNE = 0.005
#: Significant digits the weights and idfs are stored with.
DIGITS = 5
#: Regularisation of the logistic regressions (scikit-learn's ``C``), as measured.
C = 10.0


class LabelsError(DeskopsError):
    """A labels file that cannot be trained on (one line)."""


@dataclass(frozen=True)
class FieldSummary:
    """What ``deskops learn`` prints per field: its examples, classes, and 5-fold
    cross-validated accuracy (None when skipped; ``note`` says why)."""

    key: str
    examples: int
    classes: tuple[str, ...]
    accuracy: float | None = None
    note: str = ""


def text_of(ticket: Mapping[str, Any]) -> str:
    """What the requester wrote: subject, body and replies, as the worker reads them."""
    return "\n".join([str(ticket.get("subject") or ""), str(ticket.get("body") or ""),
                      *(str(r) for r in ticket.get("replies") or ())])


def read_labels(paths: Iterable[Path], workspace: str) -> list[dict[str, Any]]:
    """The labelled tickets of ``paths`` (corpus YAML); `LabelsError` for an unreadable file
    or one labelled for another workspace."""
    tickets: list[dict[str, Any]] = []
    for path in paths:
        try:
            doc = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise LabelsError(f"{path}: unreadable labels ({first})") from exc
        if not isinstance(doc, Mapping) or not isinstance(doc.get("tickets"), list):
            raise LabelsError(f"{path}: not a labels file (a mapping with 'workspace' and "
                              "'tickets')")
        if doc.get("workspace") != workspace:
            raise LabelsError(f"{path}: tickets of workspace {doc.get('workspace')!r}, not "
                              f"{workspace!r}")
        tickets.extend(dict(t) for t in doc["tickets"] if isinstance(t, Mapping))
    return tickets


def _rows(workspace: Workspace, tickets: Sequence[Mapping[str, Any]], key: str
          ) -> tuple[list[int], list[str]]:
    """The tickets that teach field ``key`` and their classes: those whose form has it and
    whose requester did not pick it in the portal; the stated option, or ``""`` when the
    labels ask for it; others teach nothing about it."""
    default = workspace.settings.get("default_form")
    values = {o.value for o in workspace.fields[key].options}
    rows, classes = [], []
    for i, t in enumerate(tickets):
        form = workspace.forms.get(str(t.get("form") or default or ""))
        if form is not None and key not in {str(r) for r in form.fields}:
            continue
        if key in dict(t.get("fields") or {}):
            continue
        stated = dict(t.get("states") or {}).get(key)
        if stated is not None:
            if stated in values:
                rows.append(i)
                classes.append(str(stated))
        elif key in (t.get("ask") or ()):
            rows.append(i)
            classes.append("")
    return rows, classes


def _round(value: float, digits: int | None) -> float:
    return float(f"{value:.{digits}g}") if digits else float(value)


def size_of(doc: Mapping[str, Any]) -> int:
    """The bytes ``doc`` takes as ``deskops learn`` writes it."""
    return len(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode())


def train_report(workspace: Workspace, tickets: Sequence[Mapping[str, Any]], *,
                 source: str = "", max_features: int | None = None,
                 budget: int | None = BUDGET, prune: float = PRUNE,
                 digits: int | None = DIGITS, folds: int = 5, date: str | None = None,
                 spans: bool = True, clauses: bool = True
                 ) -> tuple[dict[str, Any], list[FieldSummary]]:
    """The ``learned.json`` document for ``workspace`` from labelled ``tickets``, and per
    dropdown field what was learned. The vocabulary keeps every n-gram of two tickets or
    more (at most ``max_features``), fewer while the file exceeds ``budget`` bytes.
    ``prune=0, digits=None, budget=None`` keep every weight exactly (the tests compare the
    worker's scorer with scikit-learn's). ``spans``: also the span reader of name fields
    (`train_spans`), and ``clauses`` the clause reader of free-text fields
    (`train_clauses`), whose bytes the budget counts first."""
    readers = {"spans": train_spans(workspace, tickets, digits=digits) if spans else None,
               "clauses": train_clauses(workspace, tickets, digits=digits) if clauses
               else None}
    readers = {part: found for part, found in readers.items() if found is not None}
    if readers and budget is not None:
        budget -= size_of(readers)  # the dropdowns' vocabulary makes room
    cap = max_features
    while True:
        doc, summaries = _fit(workspace, tickets, source, cap, prune, digits, 0, date)
        size, kept = size_of(doc), len(doc["vocabulary"])
        if budget is None or size <= budget or kept <= 1000:
            break
        cap = max(1000, int(kept * budget / size * 0.97))
    if folds:
        doc, summaries = _fit(workspace, tickets, source, cap, prune, digits, folds, date)
    doc.update(readers)
    return doc, summaries


def _fit(workspace: Workspace, tickets: Sequence[Mapping[str, Any]], source: str,
         max_features: int | None, prune: float, digits: int | None, folds: int,
         date: str | None) -> tuple[dict[str, Any], list[FieldSummary]]:
    """One training at a given vocabulary cap (`train_report`)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import KFold, cross_val_score

    vectorizer = TfidfVectorizer(analyzer=ngram_list, sublinear_tf=True, min_df=2,
                                 max_features=max_features)
    matrix = vectorizer.fit_transform([text_of(t) for t in tickets])
    out_fields: dict[str, Any] = {}
    summaries: list[FieldSummary] = []
    for key in sorted(workspace.fields):
        if workspace.fields[key].kind != "dropdown":
            continue
        rows, y = _rows(workspace, tickets, key)
        classes = tuple(sorted(set(y)))
        if len(rows) < MIN_EXAMPLES or len(classes) < 2:
            why = (f"{len(rows)} examples, fewer than {MIN_EXAMPLES}" if len(rows) < MIN_EXAMPLES
                   else "one class only")
            summaries.append(FieldSummary(key, len(rows), classes, None,
                                          f"skipped: {why}"))
            continue
        x = matrix[rows]
        model = LogisticRegression(C=C, max_iter=2000)
        accuracy = None
        if folds and len(rows) >= 2 * folds:
            accuracy = float(cross_val_score(
                LogisticRegression(C=C, max_iter=2000), x, y,
                cv=KFold(folds, shuffle=True, random_state=0)).mean())
        model.fit(x, y)
        names = [str(c) for c in model.classes_]
        coef = model.coef_
        if len(names) == 2:  # scikit-learn's sigmoid is the softmax of [0, z]
            intercept = [0.0, float(model.intercept_[0])]
            column = [[0.0, float(w)] for w in coef[0]]
        else:
            intercept = [float(v) for v in model.intercept_]
            column = [[float(coef[c][j]) for c in range(len(names))]
                      for j in range(coef.shape[1])]
        weights = {}
        for j, ws in enumerate(column):
            if max(abs(w) for w in ws) > prune:
                weights[str(j)] = [_round(w, digits) for w in ws]
        out_fields[key] = {"classes": names, "intercept": [_round(v, digits) for v in intercept],
                           "weights": weights, "examples": len(rows)}
        summaries.append(FieldSummary(key, len(rows), tuple(names), accuracy))
    idf = vectorizer.idf_
    vocabulary = {gram: [int(j), _round(float(idf[j]), digits)]
                  for gram, j in sorted(vectorizer.vocabulary_.items(), key=lambda kv: kv[1])}
    doc = {
        "format": FORMAT,
        "trained": {"tickets": len(tickets), "source": source,
                    "date": date or datetime.now(UTC).date().isoformat()},
        "ngram_range": list(NGRAM_RANGE),
        "vocabulary": vocabulary,
        "fields": out_fields,
    }
    return doc, summaries


def train(workspace: Workspace, tickets: Sequence[Mapping[str, Any]], **options: Any
          ) -> dict[str, Any]:
    """The ``learned.json`` document for ``workspace`` from labelled ``tickets``."""
    return train_report(workspace, tickets, **options)[0]


# --------------------------------------------------------------------------- spans

#: Regularisation of the span reader's logistic regression (scikit-learn's ``C``).
SPAN_C = 1.0
#: A span feature whose weight stays below this is left out.
SPAN_PRUNE = 0.05
#: Regularisation of the clause reader's logistic regression.
CLAUSE_C = 1.0


def _texts(ticket: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The requester's texts as the worker reads them: replies newest first, then the
    description, then the subject."""
    replies = [str(r) for r in ticket.get("replies") or ()]
    return [*((f"comment {2 + i}", r) for i, r in reversed(list(enumerate(replies)))),
            ("description", str(ticket.get("body") or "")),
            ("subject", str(ticket.get("subject") or ""))]


def _wanted(workspace: Workspace, tickets: Sequence[Mapping[str, Any]], keys: Sequence[str]
            ) -> Iterator[tuple[Mapping[str, Any], list[str]]]:
    """Each ticket with the fields of ``keys`` its form holds and the requester did not
    pick (a portal's dropdowns are given, not read), for the span and clause readers'
    rows; tickets with none are skipped."""
    default = workspace.settings.get("default_form")
    for t in tickets:
        form = workspace.forms.get(str(t.get("form") or default or ""))
        given = dict(t.get("fields") or {})
        wanted = [k for k in keys
                  if (form is None or k in {str(r) for r in form.fields}) and k not in given]
        if wanted:
            yield t, wanted


def _candidate_rows(workspace: Workspace, tickets: Sequence[Mapping[str, Any]],
                    keys: Sequence[str], find: Callable[[str, str, str], list[Any]],
                    is_value: Callable[[str, Any], bool],
                    featurise: Callable[[Any, str, frozenset[str], frozenset[str]], list[str]]
                    ) -> tuple[list[list[str]], list[int], list[str]]:
    """Training rows of a binary candidate reader (`span_rows`, `clause_rows`): per ticket
    and field of ``keys`` its form holds, every candidate ``find`` gives for the ticket's
    texts (source, text, locale), featurised, 1 where ``is_value`` accepts it for the
    stated value, 0 elsewhere. A field whose stated value no candidate says teaches nothing
    on that ticket; a field stated nowhere gives negatives only."""
    from integrations.triage.reading.spans import field_cues

    cues = {k: field_cues(workspace.fields[k]) for k in keys}
    everyone = frozenset(w for ws in cues.values() for w in ws)
    x: list[list[str]] = []
    y: list[int] = []
    used: set[str] = set()
    for t, wanted in _wanted(workspace, tickets, keys):
        locale = str(t.get("lang") or "en")
        found = [c for source, text in _texts(t) for c in find(source, text, locale)]
        if not found:
            continue
        states = dict(t.get("states") or {})
        for k in wanted:
            stated = states.get(k)
            labels = [int(stated is not None and is_value(c.text, stated)) for c in found]
            if stated is not None and not any(labels):
                continue
            for c, label in zip(found, labels, strict=True):
                x.append(featurise(c, k, cues[k], everyone - cues[k]))
                y.append(label)
            used.add(k)
    return x, y, sorted(used)


def _verbatim(text: str, stated: Any) -> bool:
    """A span that is the stated name as written (case and spacing aside)."""
    return " ".join(text.split()).casefold() == " ".join(str(stated).split()).casefold()


def span_rows(workspace: Workspace, tickets: Sequence[Mapping[str, Any]]
              ) -> tuple[list[list[str]], list[int], list[str]]:
    """The span reader's training rows (`_candidate_rows`): name fields, name-like candidates, 1 for
    the one that is the stated value verbatim (a value not verbatim, or not a name's shape,
    teaches nothing on that ticket)."""
    from integrations.triage.reading.lexicon import lexicon_languages
    from integrations.triage.reading.spans import candidates, features, span_fields

    def find(source: str, text: str, locale: str) -> list[Any]:
        return candidates(source, text, locale, lexicon_languages((locale,)))

    return _candidate_rows(workspace, tickets, span_fields(workspace.fields), find, _verbatim,
                           features)


def train_spans(workspace: Workspace, tickets: Sequence[Mapping[str, Any]], *,
                c: float = SPAN_C, prune: float = SPAN_PRUNE, digits: int | None = DIGITS
                ) -> dict[str, Any] | None:
    """``learned.json``'s ``spans`` object (`integrations.triage.reading.spans`), or None
    when the tickets hold fewer than ``MIN_EXAMPLES`` stated names (or nothing else)."""
    return _fit_binary(*span_rows(workspace, tickets), c=c, prune=prune, digits=digits)


# --------------------------------------------------------------------------- clauses


def _norm(value: Any) -> str:
    text = unicodedata.normalize("NFKC", str(value)).casefold().strip(" .")
    return " ".join(text.split())


def _inside(part: str, whole: str) -> bool:
    """Whether ``part`` stands in ``whole``, not cut from a longer word (Korean: anywhere,
    its particles written onto the word)."""
    if re.search("[\uac00-\ud7a3]", part):
        return part in whole
    return re.search(rf"(?<!\w){re.escape(part)}(?!\w)", whole) is not None


def supported(written: Any, stated: Any) -> bool:
    """Whether a written free-text value is one the label ``stated`` supports (the corpus
    scorer's rule: ``scripts/bench/triage_quality.py`` uses this one): equal, one inside the
    other as whole words ("Aub" is no part of "Aubepine" to write), or (two words or more on
    both sides) two thirds of the shorter side's words shared — the label is one way to
    write the value ("Patron 30 jours" for "l'abonnement Patron 30"); one-word values
    ("macbook" for "macOS") must match."""
    a, b = _norm(written), _norm(stated)
    if not a:
        return False
    if a == b or _inside(a, b) or _inside(b, a) or a + "s" == b or b + "s" == a:
        return True  # ("three Lunagems" for "Lunagem": a plural is the same thing)
    wa, wb = re.findall(r"\w+", a), re.findall(r"\w+", b)
    if len(wa) < 2 or len(wb) < 2:
        return False
    shorter, longer = sorted((wa, wb), key=len)
    shared = sum(1 for w in shorter if w in longer)
    return 3 * shared >= 2 * len(shorter)


def fits(clause: str, stated: Any) -> bool:
    """Whether ``clause`` is the stated value said whole: `supported`, holding two thirds
    of its words or more, and at most about twice as long ("I logged in" is part of "I
    logged in, opened Reports and clicked Export", no answer; the sentence around a
    quoted error message says more than it)."""
    if not supported(clause, stated):
        return False
    words, truth = re.findall(r"\w+", _norm(clause)), re.findall(r"\w+", _norm(stated))
    shared = sum(1 for w in truth if w in words)
    return 3 * shared >= 2 * len(truth) and len(words) <= 2 * len(truth) + 2


def clause_rows(workspace: Workspace, tickets: Sequence[Mapping[str, Any]]
                ) -> tuple[list[list[str]], list[int], list[str]]:
    """The clause reader's training rows (`_candidate_rows`): free-text fields, clause candidates, 1
    for those that say the stated value whole (`fits`)."""
    from integrations.triage.reading.spans import clause_candidates, clause_features, clause_fields

    return _candidate_rows(workspace, tickets, clause_fields(workspace.fields),
                           clause_candidates, fits, clause_features)


def train_clauses(workspace: Workspace, tickets: Sequence[Mapping[str, Any]], *,
                  c: float = CLAUSE_C, prune: float = SPAN_PRUNE,
                  digits: int | None = DIGITS) -> dict[str, Any] | None:
    """``learned.json``'s ``clauses`` object (`integrations.triage.reading.spans`
    ``best_clause``), or None when the tickets hold fewer than ``MIN_EXAMPLES`` clauses
    stated (or nothing else)."""
    return _fit_binary(*clause_rows(workspace, tickets), c=c, prune=prune, digits=digits)


def _fit_binary(x: list[list[str]], y: list[int], used: list[str], *, c: float, prune: float,
                digits: int | None) -> dict[str, Any] | None:
    """One binary logistic regression over rows of feature names (`train_spans`,
    `train_clauses`), as the worker's `SpanModel` reads it."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    if sum(y) < MIN_EXAMPLES or sum(y) == len(y):
        return None
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([dict.fromkeys(row, 1) for row in x])
    model = LogisticRegression(C=c, max_iter=3000)
    model.fit(matrix, y)
    names = vectorizer.get_feature_names_out()
    weights = {str(n): _round(float(w), digits) for n, w in zip(names, model.coef_[0],
                                                                 strict=True)
               if abs(w) > prune}
    return {"fields": used, "intercept": _round(float(model.intercept_[0]), digits),
            "weights": dict(sorted(weights.items())), "examples": len(y), "positives": sum(y)}
