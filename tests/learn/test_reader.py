"""Training the learned second opinion (`integrations.learn.reader`): which tickets teach a
field, and the file it writes loads and scores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from integrations.learn.reader import (
    MIN_EXAMPLES,
    LabelsError,
    _rows,
    read_labels,
    text_of,
    train_report,
)
from integrations.triage.reading.learned import FORMAT, Model, ngrams
from integrations.workspace import load

pytest.importorskip("sklearn")

EXAMPLES = Path(__file__).resolve().parents[2] / "schemas" / "examples"


def _tickets(n: int) -> list[dict[str, Any]]:
    words = [("my commissions were never paid", "pub_payments"),
             ("the dashboard shows an error", "pub_technical"),
             ("hello, a question", None)]
    out = []
    for i in range(n):
        body, value = words[i % 3]
        out.append({"id": f"t{i}", "subject": "help", "body": f"{body} {i}",
                    "states": {"problem_type": value} if value else {},
                    "ask": [] if value else ["problem_type"]})
    return out


def test_a_field_is_taught_by_stated_and_asked_tickets_only() -> None:
    ws = load(EXAMPLES / "ad-network")
    tickets = [
        {"states": {"problem_type": "pub_payments"}},          # stated: its option
        {"ask": ["problem_type"]},                              # asked: not stated
        {"states": {}, "ask": []},                              # neither: skipped
        {"fields": {"problem_type": "pub_account"},             # picked in the portal
         "states": {"problem_type": "pub_account"}},
        {"states": {"problem_type": "no_such_option"}},         # not an option: skipped
    ]
    rows, classes = _rows(ws, tickets, "problem_type")
    assert rows == [0, 1] and classes == ["pub_payments", ""]


def test_text_is_subject_body_and_replies() -> None:
    assert text_of({"subject": "s", "body": "b", "replies": ["r1", "r2"]}) == "s\nb\nr1\nr2"


def test_a_trained_document_loads_and_scores() -> None:
    ws = load(EXAMPLES / "ad-network")
    doc, summaries = train_report(ws, _tickets(30), source="test", folds=3)
    assert doc["format"] == FORMAT and doc["trained"]["tickets"] == 30
    model = Model.from_json(json.loads(json.dumps(doc)))
    probs = model.probabilities("problem_type", ngrams("my commissions were never paid"))
    assert max(probs, key=probs.__getitem__) == "pub_payments"
    s = next(s for s in summaries if s.key == "problem_type")
    assert s.examples == 30 and s.classes == ("", "pub_payments", "pub_technical")
    assert s.accuracy is not None and 0.0 <= s.accuracy <= 1.0


def test_too_few_examples_skip_the_field_with_a_note() -> None:
    ws = load(EXAMPLES / "ad-network")
    doc, summaries = train_report(ws, _tickets(MIN_EXAMPLES - 1), folds=0)
    assert "problem_type" not in doc["fields"]
    s = next(s for s in summaries if s.key == "problem_type")
    assert s.accuracy is None and "fewer than 20" in s.note


def test_weights_are_rounded_and_tiny_ones_pruned() -> None:
    ws = load(EXAMPLES / "ad-network")
    exact, _ = train_report(ws, _tickets(30), prune=0.0, digits=None, folds=0)
    small, _ = train_report(ws, _tickets(30), prune=0.5, digits=3, folds=0)
    w_exact, w_small = exact["fields"]["problem_type"]["weights"], \
        small["fields"]["problem_type"]["weights"]
    assert len(w_small) < len(w_exact)
    assert all(len(f"{abs(v):.6g}".replace(".", "").lstrip("0")) <= 3
               for row in w_small.values() for v in row if v)


def test_the_vocabulary_is_capped() -> None:
    ws = load(EXAMPLES / "ad-network")
    doc, _ = train_report(ws, _tickets(30), max_features=50, folds=0)
    assert len(doc["vocabulary"]) == 50


def test_labels_of_another_workspace_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("workspace: game-publisher\ntickets: []\n", encoding="utf-8")
    with pytest.raises(LabelsError, match="game-publisher"):
        read_labels([path], "ad-network")


def test_unreadable_labels_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("workspace: [unclosed\n", encoding="utf-8")
    with pytest.raises(LabelsError, match="unreadable"):
        read_labels([path], "ad-network")
