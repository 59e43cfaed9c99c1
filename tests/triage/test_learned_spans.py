"""The learned span reader of name fields (`integrations.triage.reading.spans`): its
candidates, a model trained on a tiny hand-written set reading sentences it never saw in
en/fr/ko/pt, the worker's scorer equal to scikit-learn's, and the guards (a span another
field took, a second span too close, a ``/1`` file)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from test_reading import on, written
from triage_support import EXAMPLES, assert_sklearns_probabilities, example_context

from integrations.learn.reader import span_rows, train_spans
from integrations.triage import decide, explain_text
from integrations.triage.reading.learned import LearnedError, Model
from integrations.triage.reading.spans import (
    SpanModel,
    best_span,
    candidates,
    features,
    field_cues,
    span_fields,
)
from integrations.workspace import load

sklearn = pytest.importorskip("sklearn")

GP = load(EXAMPLES / "game-publisher")
CUES = {k: field_cues(GP.fields[k]) for k in span_fields(GP.fields)}


def NONE() -> tuple[list[str], list[str]]:
    """No other field read a value, none is empty."""
    return [], []


def _texts(body: str) -> list[tuple[str, str]]:
    return [("description", body), ("subject", "help")]


def test_candidates_cover_name_shapes() -> None:
    text = ('Account is dunmorrow, registered to my old email. Char "Tazzle Bloom" and '
            "my alt x_rook99 play on Kyprosa.")
    found = {c.text: c.features for c in candidates("description", text, "en")}
    assert "why=unknown" in found["dunmorrow"]  # a word no language knows
    assert "quoted" in found["Tazzle Bloom"]  # a quoted run
    assert "why=handle" in found["x_rook99"] and "why=digit" in found["x_rook99"]
    assert "why=cap" in found["Kyprosa"]
    assert "registered" not in found and "email" not in found  # known lower-case words
    assert "start" in found.get("Account", ("start",))  # a capital opening a sentence


def test_latin_inside_hangul_keeps_its_particle_apart() -> None:
    found = {c.text: c.features for c in candidates("description",
                                                     "캐릭터 이름은 Haneul입니다", "ko")}
    assert "why=latin_in_hangul" in found["Haneul"] and "attached=입니" in found["Haneul"]


def _tickets() -> list[dict[str, Any]]:
    """A tiny hand-written training set: name fields said in four languages, and a ticket
    that names nothing."""
    out = []
    names = [("dunmorrow", "Vashka"), ("frostwhisker", "Aelindra"), ("pixelbrewer", "Tazzle"),
             ("nightfernz", "Grimbolt"), ("brumeazur", "Lunaria"), ("kidrazor09", "Morwen"),
             ("sablequill", "Orrin"), ("emberly_7", "Kestrel")]
    for a, c in names:
        for form, lang, body, states in [
            ("glyph-account-issues", "en",
             f"Account is {a}, registered to my old address. Please help me get back in.",
             {"account_name": a}),
            ("glyph-account-issues", "fr",
             f"Bonjour, le compte {a} ne marche plus depuis hier, merci de regarder.",
             {"account_name": a}),
            ("in-game-issues", "pt",
             f"Meu personagem {c} perdeu a montaria depois da manutenção de ontem.",
             {"character_name": c}),
            ("in-game-issues", "ko",
             f"제 캐릭터 {c} 인벤토리에서 아이템이 사라졌어요. 확인 부탁드립니다.",
             {"character_name": c}),
            ("glyph-account-issues", "en",
             "I cannot log in since the update, the launcher just spins. Please advise.", {}),
        ]:
            out.append({"form": form, "lang": lang, "subject": "help", "body": body,
                        "states": states, "ask": []})
    return out


@pytest.fixture(scope="module")
def model() -> SpanModel:
    doc = train_spans(GP, _tickets(), c=10.0, prune=0.0, digits=None)
    assert doc is not None and {"account_name", "character_name"} <= set(doc["fields"])
    return SpanModel.from_json(json.loads(json.dumps(doc)))


def test_rows_label_the_stated_value_only() -> None:
    x, y, used = span_rows(GP, _tickets())
    assert sum(y) == 32  # one positive per ticket that states a name
    assert "account_name" in used and len(x) > sum(y)


@pytest.mark.parametrize(("key", "lang", "body", "value"), [
    ("account_name", "en", "Account is thornquill, registered to my old school address.",
     "thornquill"),
    ("account_name", "fr", "Bonjour, le compte velmaris ne marche plus depuis lundi.",
     "velmaris"),
    ("character_name", "pt", "Meu personagem Ysolde perdeu o equipamento ontem.", "Ysolde"),
    ("character_name", "ko", "제 캐릭터 Haneul 인벤토리가 비었어요.", "Haneul"),
])
def test_reads_unseen_sentences(model: SpanModel, key: str, lang: str, body: str,
                                value: str) -> None:
    found = best_span(model, key, CUES, _texts(body), lang, {}, NONE, threshold=0.6)
    assert found is not None and found.value == value
    assert found.method == "learned_span" and found.confidence >= 0.6


def test_nothing_when_no_name(model: SpanModel) -> None:
    body = "I cannot log in since the update, the launcher just spins. Please advise."
    assert best_span(model, "account_name", CUES, _texts(body), "en", {}, NONE) is None


def test_never_a_span_another_field_took(model: SpanModel) -> None:
    body = "Account is thornquill, registered to my old school address."
    assert best_span(model, "account_name", CUES, _texts(body), "en", {},
                     lambda: (["thornquill"], []), threshold=0.6) is None


def test_two_close_spans_write_nothing(model: SpanModel) -> None:
    body = "Account is thornquill or maybe velmaris, registered to my old address."
    assert best_span(model, "account_name", CUES, _texts(body), "en", {}, NONE,
                     threshold=0.5, margin=0.3) is None


def test_scorer_is_sklearns() -> None:
    """The worker's probability is scikit-learn's ``predict_proba`` (weights kept exactly)."""
    x, y, _ = span_rows(GP, _tickets())
    assert_sklearns_probabilities(x, y, train_spans(GP, _tickets(), c=1.0, prune=0.0,
                                                digits=None))


def test_features_conjoin_the_field() -> None:
    c = candidates("description", "my account is dunmorrow", "en")[0]
    feats = features(c, "account_name", CUES["account_name"], frozenset())
    assert "cue_l2" in feats and "account_name|cue_l2" in feats and "bias" in feats


def _dropdowns_only(data: dict[str, Any]) -> dict[str, Any]:
    """A shipped ``learned.json`` as a ``/1`` file: its dropdown models, no span reader."""
    return {**{k: v for k, v in data.items() if k != "spans"}, "format": "deskops-learned/1"}


def test_learned_json_formats() -> None:
    """A ``/1`` file (dropdowns only) still loads; a bad ``spans`` object is named."""
    data = _dropdowns_only(json.loads(
        (EXAMPLES / "game-publisher" / "learned.json").read_text("utf-8")))
    assert Model.from_json(data).spans is None
    with pytest.raises(LearnedError) as err:
        Model.from_json({**data, "format": "deskops-learned/2", "spans": {"fields": 3}})
    assert err.value.pointer == "/spans"
    doc = train_spans(GP, _tickets())
    assert Model.from_json({**data, "format": "deskops-learned/2", "spans": doc}).spans


def test_decide_writes_a_learned_span_and_explain_shows_it(tmp_path: Path) -> None:
    """In the product: a name field the hand-written readers leave empty gets the span,
    method ``learned_span``; the threshold is a setting (above 1 turns it off)."""
    root, bare_root = tmp_path / "gp", tmp_path / "gp-bare"
    shutil.copytree(EXAMPLES / "game-publisher", root)
    data = _dropdowns_only(json.loads((root / "learned.json").read_text("utf-8")))
    shutil.copytree(root, bare_root)
    (bare_root / "learned.json").write_text(json.dumps(data), "utf-8")
    spans = train_spans(GP, _tickets(), c=10.0)
    (root / "learned.json").write_text(json.dumps(
        {**data, "format": "deskops-learned/2", "spans": spans}), "utf-8")
    body = "Bonjour, le compte velmaris ne marche plus depuis lundi."
    ctx = example_context("game-publisher", root, learned=True)
    d = decide(on(ctx, body, form="glyph-account-issues"), ctx)
    bare = example_context("game-publisher", bare_root, learned=True)
    before = decide(on(bare, body, form="glyph-account-issues"), bare)
    if "account_name" in written(bare, before):
        pytest.skip("the hand-written readers read this sentence now")
    assert written(ctx, d).get("account_name") == "velmaris"
    assert "(learned span, fr, confidence" in explain_text(d)
    rules = json.loads((root / "rules.json").read_text("utf-8"))
    rules.setdefault("settings", {}).setdefault("reading", {}).setdefault(
        "thresholds", {})["learned_span"] = 1.01
    (root / "rules.json").write_text(json.dumps(rules), "utf-8")
    off = example_context("game-publisher", root, learned=True)
    assert "account_name" not in written(off, decide(on(off, body,
                                                        form="glyph-account-issues"), off))


def test_every_name_field_of_the_workspace_weighs_as_another_fields_words() -> None:
    """The readers are trained with every name field of the workspace as the others (a
    cleric named Sunmere is a character wherever it is written); a form without a
    character field weighs its words the same when deciding, not only its own fields'."""
    ctx = example_context("game-publisher", learned=True)
    reader = ctx.forms["glyph-account-issues"].reader
    assert "character_name" not in ctx.forms["glyph-account-issues"].keys
    assert set(reader.cues) == set(span_fields(GP.fields))
    assert reader.cues["character_name"] == CUES["character_name"]
    assert set(reader.clause_cues) >= set(ctx.forms["glyph-account-issues"].reader.clauses)
    # and the requester's own identifiers are the ones a friend's name is kept from
    assert reader.own_ids == {"account_name"}
    assert ctx.forms["report-a-player"].reader.own_ids == {"character_name"}


@pytest.mark.parametrize(("text", "value", "theirs"), [
    ("친구 계정은 sunny_day 인데 걔는 문제 없대요", "sunny_day", True),
    ("o do meu namorado é leo_fit, o meu eu não lembro", "leo_fit", True),
    ("my friend's account is tom_22 and he's fine", "tom_22", True),
    ("아이디 물어보셔서요 남편 거는 minsu_80 이에요", "minsu_80", True),
    ("my friend told me to write, my account is alice_9", "alice_9", False),
    ("mon pote et moi on joue ensemble, mon compte c'est lea_77", "lea_77", False),
    ("my account is alice_9", "alice_9", False),
])
def test_a_friends_or_relatives_name_is_theirs(text: str, value: str, theirs: bool) -> None:
    from integrations.triage.reading.names import someone_elses

    assert someone_elses(text, text.index(value)) is theirs


def test_the_span_reader_never_gives_the_requester_a_friends_account(model: SpanModel) -> None:
    """The learned span reader reads a handle anywhere; on the requester's own identifier
    (``theirs``, `names.someone_elses`) it leaves out one a friend or a relative is said to
    have (the shipped model was sure of 'sunny_day' at 0.99 in "친구 계정은 sunny_day 인데")."""
    from integrations.triage.reading.names import someone_elses

    body = "My brother's account is thornquill, registered to my old school address."
    found = best_span(model, "account_name", CUES, _texts(body), "en", {}, NONE, threshold=0.6)
    assert found is not None and found.value == "thornquill"
    assert best_span(model, "account_name", CUES, _texts(body), "en", {}, NONE, threshold=0.6,
                     theirs=someone_elses) is None
