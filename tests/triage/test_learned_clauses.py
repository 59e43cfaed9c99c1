"""The learned clause reader of free-text fields (`integrations.triage.reading.spans`
``best_clause``, ``learned.json`` ``clauses``): its candidates, a model trained on a tiny
hand-written set reading steps and error messages it never saw in en/fr/ko/pt-br, the
worker's scorer equal to scikit-learn's, the guards (a clause another field read, two
clauses too close, a clause only another empty field wants more), files without it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from test_reading import on, written
from triage_support import EXAMPLES, assert_sklearns_probabilities, example_context

from integrations.learn.reader import clause_rows, supported, train, train_clauses
from integrations.triage import decide, explain_text
from integrations.triage.reading.learned import LearnedError, Model
from integrations.triage.reading.spans import (
    SpanModel,
    best_clause,
    clause_candidates,
    clause_features,
    clause_fields,
    field_cues,
)
from integrations.workspace import load

sklearn = pytest.importorskip("sklearn")

AN = load(EXAMPLES / "ad-network")
CUES = {k: field_cues(AN.fields[k]) for k in clause_fields(AN.fields)}


def NONE() -> tuple[list[str], list[str]]:
    """No other free-text field read a value, none is empty."""
    return [], []


def _texts(body: str) -> list[tuple[str, str]]:
    return [("description", body), ("subject", "help")]


def test_candidates_are_sentences_pieces_and_quotes() -> None:
    text = ("Bonjour, sous Windows 11, quand je me connecte puis que je clique sur l'onglet "
            "Rapports, la page reste blanche. La console dit 'ERR_BLOCKED_BY_CLIENT'. "
            "Erreur : accès refusé")
    found = {c.text: c.features for c in clause_candidates("description", text, "fr")}
    assert "quand je me connecte puis que je clique sur l'onglet Rapports" in found
    assert "why=quoted" in found["ERR_BLOCKED_BY_CLIENT"]  # l'onglet's apostrophe opens none
    assert "why=colon" in found["accès refusé"]
    assert "why=sent" in found["La console dit 'ERR_BLOCKED_BY_CLIENT'"]
    korean = {c.text for c in clause_candidates(
        "description", "로그인하고 리포트 메뉴를 누르면 화면이 하얘져요", "ko")}
    assert "로그인하고 리포트 메뉴를 누르면" in korean  # a connective ends a piece


def test_supported_is_the_scorers() -> None:
    assert supported("opened Reports and clicked Export", "clicked Export")
    assert supported("Patron 30 jours", "l'abonnement Patron 30")
    assert not supported("macbook", "macOS") and not supported("", "x")
    # a value cut from a longer word is wrong to write, whatever it shares with the label
    assert not supported("Aub", "Aubepine") and not supported("Kestrel", "Kestrel_9")
    assert supported("Lunagems", "Lunagem") and supported("하늘", "하늘이")


_STEPS = [
    ("en", "I logged in, opened {p} and clicked {b}", "The page shows \"{e}\" every time."),
    ("fr", "je me connecte, j'ouvre {p} et je clique sur {b}",
     "Le message « {e} » s'affiche à chaque fois."),
    ("pt-br", "entrei no painel, abri {p} e cliquei em {b}", "Aparece \"{e}\" toda vez."),
    ("ko", "로그인하고 {p} 메뉴에서 {b} 버튼을 눌렀는데", "화면에 '{e}' 라고 떠요."),
]
_PLACES = [("Reports", "Export CSV", "Error 502"), ("Links", "Generate", "Invalid URL"),
           ("Payments", "Download", "Session expired"), ("Banners", "Copy code",
                                                        "Something went wrong"),
           ("Settings", "Save", "Unknown error 17"), ("Tools", "Create link",
                                                      "Request failed")]


def _tickets() -> list[dict[str, Any]]:
    """A tiny hand-written training set: steps and an error message in four languages,
    and tickets that state neither."""
    out = []
    for p, b, e in _PLACES:
        for lang, steps, error in _STEPS:
            step = steps.format(p=p, b=b)
            body = f"{step[0].upper()}{step[1:]}, then the screen froze. {error.format(e=e)}" \
                if lang == "en" else f"{step}. {error.format(e=e)}"
            out.append({"lang": lang, "subject": "problème" if lang == "fr" else "help",
                        "body": body + " SID 4471920.",
                        "states": {"steps_taken": step, "error_message": e,
                                   "problem_type": "pub_technical"}, "ask": []})
        out.append({"lang": "en", "subject": "payout", "body": "My October payout never "
                    "arrived, the dashboard says it was sent. SID 4471920.",
                    "states": {"problem_type": "pub_payments"}, "ask": []})
    return out


@pytest.fixture(scope="module")
def model() -> SpanModel:
    doc = train_clauses(AN, _tickets(), c=10.0, prune=0.0, digits=None)
    assert doc is not None and {"steps_taken", "error_message"} <= set(doc["fields"])
    return SpanModel.from_json(json.loads(json.dumps(doc)))


def test_rows_label_the_supported_clauses() -> None:
    x, y, used = clause_rows(AN, _tickets())
    assert used == ["error_message", "steps_taken"]
    assert 48 <= sum(y) < len(x)


@pytest.mark.parametrize(("key", "lang", "body", "value"), [
    ("steps_taken", "en", "I logged in, opened Campaigns and clicked Pause, then the screen "
     "froze. SID 5519023.", "I logged in, opened Campaigns and clicked Pause"),
    ("steps_taken", "fr", "je me connecte, j'ouvre Campagnes et je clique sur Pause. "
     "SID 5519023.", "je me connecte, j'ouvre Campagnes et je clique sur Pause"),
    ("error_message", "pt-br", "Entrei no painel hoje. Aparece \"Acesso negado\" toda vez.",
     "Acesso negado"),
    ("error_message", "ko", "오늘 아침부터 그래요. 화면에 '권한 없음' 라고 떠요.", "권한 없음"),
])
def test_reads_unseen_clauses(model: SpanModel, key: str, lang: str, body: str,
                              value: str) -> None:
    found = best_clause(model, key, CUES, _texts(body), lang, {}, NONE, threshold=0.6)
    assert found is not None and supported(found.value, value), found
    assert found.method == "learned_clause" and found.confidence >= 0.6


def test_nothing_when_no_clause(model: SpanModel) -> None:
    body = "My October payout never arrived, the dashboard says it was sent. SID 4471920."
    assert best_clause(model, "steps_taken", CUES, _texts(body), "en", {}, NONE) is None


def test_never_a_clause_another_field_read(model: SpanModel) -> None:
    body = "Aparece \"Acesso negado\" toda vez."
    assert best_clause(model, "error_message", CUES, _texts(body), "pt-br", {},
                       lambda: (["Acesso negado"], []), threshold=0.6) is None


def test_two_close_clauses_write_nothing(model: SpanModel) -> None:
    body = "Aparece \"Acesso negado\" toda vez. Aparece \"Tempo esgotado\" toda vez."
    assert best_clause(model, "error_message", CUES, _texts(body), "pt-br", {}, NONE,
                       threshold=0.5, margin=0.3) is None


def test_scorer_is_sklearns() -> None:
    """The worker's probability is scikit-learn's ``predict_proba`` (weights kept exactly)."""
    x, y, _ = clause_rows(AN, _tickets())
    assert_sklearns_probabilities(x, y, train_clauses(AN, _tickets(), c=1.0, prune=0.0,
                                                digits=None))


def test_features_conjoin_the_field() -> None:
    c = next(c for c in clause_candidates("description", "Steps: opened Reports", "en")
             if c.text == "opened Reports")
    feats = clause_features(c, "steps_taken", CUES["steps_taken"], frozenset())
    assert "why=colon" in feats and "steps_taken|why=colon" in feats and "bias" in feats


def _without_clauses(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "clauses"}


def test_learned_json_with_and_without_clauses() -> None:
    """A ``/2`` file without ``clauses`` (as every file before them) and a ``/1`` file
    load; a bad ``clauses`` object is named; the trainer writes it."""
    data = _without_clauses(json.loads(
        (EXAMPLES / "ad-network" / "learned.json").read_text("utf-8")))
    assert Model.from_json(data).clauses is None
    old = {k: v for k, v in data.items() if k != "spans"} | {"format": "deskops-learned/1"}
    assert Model.from_json(old).clauses is None and Model.from_json(old).spans is None
    with pytest.raises(LearnedError) as err:
        Model.from_json({**data, "clauses": {"fields": 3}})
    assert err.value.pointer == "/clauses" and "clauses.fields" in str(err.value)
    doc = train(AN, _tickets(), folds=0, spans=False)
    assert doc["clauses"]["fields"] == ["error_message", "steps_taken"]
    assert Model.from_json(json.loads(json.dumps(doc))).clauses is not None
    assert "clauses" not in train(AN, _tickets(), folds=0, spans=False, clauses=False)


def test_decide_writes_a_learned_clause_and_explain_shows_it(tmp_path: Path) -> None:
    """In the product: a free-text field the hand-written readers leave empty gets the
    clause, method ``learned_clause``; the threshold is a setting (above 1 turns it off)."""
    root, bare_root = tmp_path / "an", tmp_path / "an-bare"
    shutil.copytree(EXAMPLES / "ad-network", root)
    data = _without_clauses(json.loads((root / "learned.json").read_text("utf-8")))
    shutil.copytree(root, bare_root)
    (bare_root / "learned.json").write_text(json.dumps(data), "utf-8")
    clauses = train_clauses(AN, _tickets(), c=10.0)
    (root / "learned.json").write_text(json.dumps({**data, "clauses": clauses}), "utf-8")
    body = ("Problème technique sur le tableau de bord sous Chrome et Windows 11. Le message "
            "« Accès refusé » s'affiche à chaque fois. SID 5519023.")
    ctx = example_context("ad-network", root, learned=True)
    d = decide(on(ctx, body, problem_type="pub_technical"), ctx)
    bare = example_context("ad-network", bare_root, learned=True)
    before = decide(on(bare, body, problem_type="pub_technical"), bare)
    if "error_message" in written(bare, before):
        pytest.skip("the hand-written readers read this sentence now")
    assert written(ctx, d).get("error_message") == "Accès refusé"
    assert "(learned clause, fr, confidence" in explain_text(d)
    rules = json.loads((root / "rules.json").read_text("utf-8"))
    rules.setdefault("settings", {}).setdefault("reading", {}).setdefault(
        "thresholds", {})["learned_clause"] = 1.01
    (root / "rules.json").write_text(json.dumps(rules), "utf-8")
    off = example_context("ad-network", root, learned=True)
    assert "error_message" not in written(off, decide(on(off, body,
                                                         problem_type="pub_technical"), off))


def test_a_time_of_day_is_no_colon_before_a_clause() -> None:
    """'[12:04:35] POST /api/export 500': what follows a colon is a candidate, not what
    follows the colons of a time."""
    text = ("CSV 다운로드 누르면 아래처럼 떠요.\n\n[12:04:35] POST /api/export 500 (Internal "
            "Server Error)\n[12:04:35] Uncaught ExportError: report generation failed")
    found = [c.text for c in clause_candidates("description", text, "ko")]
    assert not any(t.startswith(("04:35", "35]")) for t in found)
    assert "report generation failed" in found
