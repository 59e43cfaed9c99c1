"""The learned second opinion on dropdowns (`integrations.triage.reading.learned`): the pure
scorer is scikit-learn's, the veto and the fill act where they should and nowhere else, and
``validate`` names a file the worker could not use."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from test_reading import asked, on, written
from triage_support import EXAMPLES, example_context

from integrations.cli.main import cli
from integrations.learn.reader import train_report
from integrations.triage import decide, explain_text
from integrations.triage.reading.learned import (
    FORMAT,
    LearnedError,
    Model,
    ngram_list,
    ngrams,
    normalise,
)
from integrations.workspace import check, load

sklearn = pytest.importorskip("sklearn")

# ------------------------------------------------------------------ features and scorer

TEXTS = [
    "Mes commissions d'octobre ne sont pas arrivées",
    "정산 금액이 아직 입금되지 않았어요 ㅠㅠ",
    "Não recebi o pagamento 😡😡 de setembro",
    "a b c I ok éé Ünïcödé ﬁx ＡＢＣ１２",
    "tab\tand\nnew  lines   and    runs",
    "x",
    "",
    "🙂 ✈️ 👍🏽 — « guillemets » l'été",
]


@pytest.mark.parametrize("text", TEXTS)
def test_ngrams_are_sklearns_char_wb(text: str) -> None:
    """The worker's features are scikit-learn's ``char_wb`` (2 to 5) of the normalised text,
    in order, repeats kept: accents, Hangul, emoji, one-letter words alike."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    theirs = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5),
                             lowercase=False).build_analyzer()(normalise(text))
    assert ngram_list(text) == theirs
    assert ngrams(text) == Counter(theirs)


def test_normalise_folds_width_and_case() -> None:
    assert normalise("ＡＢＣ１２ Straße") == "abc12 strasse"


#: About thirty small labelled tickets in four languages (ad-network's publisher form).
SMALL = [
    ("my commissions were never paid", "pub_payments", "browser_chrome"),
    ("payment missing for october, commissions pending", "pub_payments", ""),
    ("where is my payout? commissions late", "pub_payments", ""),
    ("the dashboard crashes in chrome", "pub_technical", "browser_chrome"),
    ("reports page error 504 in chrome", "pub_technical", "browser_chrome"),
    ("the link tool shows a blank page", "pub_technical", ""),
    ("hello, I have a question", "", ""),
    ("can someone call me back", "", ""),
    ("mes commissions ne sont pas payées", "pub_payments", ""),
    ("paiement des commissions en retard", "pub_payments", "browser_chrome"),
    ("le tableau de bord plante sous chrome", "pub_technical", "browser_chrome"),
    ("erreur 504 sur la page des rapports", "pub_technical", ""),
    ("bonjour, une question rapide", "", ""),
    ("merci de me rappeler", "", "browser_chrome"),
    ("커미션이 지급되지 않았어요", "pub_payments", ""),
    ("정산 금액이 입금되지 않았습니다 커미션", "pub_payments", "browser_chrome"),
    ("크롬에서 대시보드 오류가 납니다", "pub_technical", "browser_chrome"),
    ("보고서 페이지 오류 504", "pub_technical", ""),
    ("안녕하세요 문의드립니다", "", ""),
    ("전화 부탁드립니다", "", "browser_chrome"),
    ("minhas comissões não foram pagas", "pub_payments", ""),
    ("pagamento das comissões atrasado", "pub_payments", "browser_chrome"),
    ("o painel trava no chrome", "pub_technical", "browser_chrome"),
    ("erro 504 na página de relatórios", "pub_technical", ""),
    ("olá, uma dúvida", "", ""),
    ("por favor me liguem", "", "browser_chrome"),
    ("commissions unpaid again, payment late", "pub_payments", ""),
    ("chrome error on the reports page", "pub_technical", "browser_chrome"),
    ("comissões e pagamento atrasados", "pub_payments", ""),
    ("오류 크롬 대시보드", "pub_technical", "browser_chrome"),
]


def _labelled() -> list[dict[str, Any]]:
    out = []
    for i, (body, problem, browser) in enumerate(SMALL):
        states = {k: v for k, v in (("problem_type", problem), ("browser", browser)) if v}
        ask = [k for k, v in (("problem_type", problem), ("browser", browser)) if not v]
        out.append({"id": f"t{i}", "subject": "help", "body": body, "states": states,
                    "ask": ask, "fields": {}})
    return out


def test_the_scorer_is_sklearns_predict_proba() -> None:
    """Trained on the small tickets (multinomial: problem_type; binary: browser), the
    file's pure-Python scorer gives scikit-learn's probabilities within 1e-9."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    ws = load(EXAMPLES / "ad-network")
    tickets = _labelled()
    doc, _ = train_report(ws, tickets, max_features=None, budget=None, prune=0.0,
                          digits=None, folds=0)
    model = Model.from_json(json.loads(json.dumps(doc)))
    texts = ["\n".join([t["subject"], t["body"]]) for t in tickets]
    vec = TfidfVectorizer(analyzer=ngram_list, sublinear_tf=True, min_df=2)
    matrix = vec.fit_transform(texts)
    probes = [*texts, "commissions chrome 정산 pagamento", "nothing known here", ""]
    for key in ("problem_type", "browser"):
        rows = [i for i, t in enumerate(tickets) if key in t["states"] or key in t["ask"]]
        y = [tickets[i]["states"].get(key, "") for i in rows]
        clf = LogisticRegression(C=10, max_iter=2000).fit(matrix[rows], y)
        assert list(model.fields[key].classes) == list(clf.classes_)
        theirs = clf.predict_proba(vec.transform(probes))
        for text, row in zip(probes, theirs, strict=True):
            ours = model.probabilities(key, ngrams(text))
            for c, p in zip(clf.classes_, row, strict=True):
                assert ours[c] == pytest.approx(p, abs=1e-9), (key, text, c)
    assert len(model.fields["browser"].classes) == 2  # the binary (sigmoid) case is covered


# ------------------------------------------------------------------ veto and fill


def _model(weights: dict[str, list[float]], intercept: list[float],
           classes: list[str] | None = None, vocabulary: dict[str, list[float]] | None = None
           ) -> dict[str, Any]:
    return {"format": FORMAT, "trained": {"tickets": 0, "source": "test", "date": "2026-12-06"},
            "ngram_range": [2, 5], "vocabulary": vocabulary or {"zorb": [0, 1.0]},
            "fields": {"problem_type": {
                "classes": classes or ["", "pub_payments", "pub_technical"],
                "intercept": intercept, "weights": weights, "examples": 30}}}


def _copy(tmp_path: Path, model: dict[str, Any] | None, **reading: Any) -> Path:
    root = tmp_path / "ad-network"
    shutil.copytree(EXAMPLES / "ad-network", root)
    (root / "learned.json").unlink(missing_ok=True)
    if model is not None:
        (root / "learned.json").write_text(json.dumps(model), encoding="utf-8")
    if reading:
        rules = json.loads((root / "rules.json").read_text(encoding="utf-8"))
        rules.setdefault("settings", {}).setdefault("reading", {}).update(reading)
        (root / "rules.json").write_text(json.dumps(rules), encoding="utf-8")
    return root


KEYWORDS = "my April commissions were never paid, SID 4471023"
NOTHING = "Bonjour, mon zorblax ne marche plus depuis hier. SID 4471023"


def test_without_a_model_the_keywords_decide(tmp_path: Path) -> None:
    ctx = example_context("ad-network", _copy(tmp_path, None), learned=True)
    assert written(ctx, decide(on(ctx, KEYWORDS), ctx))["problem_type"] == "pub_payments"
    assert "problem_type" in asked(decide(on(ctx, NOTHING), ctx))


@pytest.mark.parametrize(("intercept", "p"), [
    ([4.0, -1.0, 0.0], "0.01"),  # the model's best is "not stated"
    # the model is sure of technical (p ≈ 0.95): still a question offering both, not the
    # model's option (a model that vetoes is often blind to the words the keywords read)
    ([0.0, -3.0, 3.0], "0.00"),
])
def test_a_keyword_write_the_model_rejects_becomes_a_question(
        tmp_path: Path, intercept: list[float], p: str) -> None:
    """The model gives pub_payments p ≤ 0.01: not written, asked with both options."""
    ctx = example_context("ad-network", _copy(tmp_path, _model({}, intercept)), learned=True)
    d = decide(on(ctx, KEYWORDS), ctx)
    assert "problem_type" not in written(ctx, d)
    item = next(m for m in d.missing if m.key == "problem_type")
    assert [c[""] for c in item.choices] == ["Payments and commissions", "Technical problem"]
    assert f"learned model gave it p={p}" in item.detail
    assert "the keyword option pub_payments was not written" in explain_text(d)


def test_the_veto_threshold_is_a_setting(tmp_path: Path) -> None:
    """``learned_veto: 0`` turns the veto off: the same model lets the keyword write."""
    ctx = example_context("ad-network", _copy(tmp_path, _model({}, [4.0, -1.0, 0.0]),
                                              learned_veto=0.0), learned=True)
    assert written(ctx, decide(on(ctx, KEYWORDS), ctx))["problem_type"] == "pub_payments"


def test_a_label_line_is_never_vetoed(tmp_path: Path) -> None:
    ctx = example_context("ad-network", _copy(tmp_path, _model({}, [4.0, -1.0, 0.0])),
                          learned=True)
    d = decide(on(ctx, "Problem type: Payments and commissions\nSID 4471023\n"
                       "my commissions were never paid"), ctx)
    assert written(ctx, d)["problem_type"] == "pub_payments"


def test_a_portal_value_is_never_vetoed(tmp_path: Path) -> None:
    ctx = example_context("ad-network", _copy(tmp_path, _model({}, [4.0, -1.0, 0.0])),
                          learned=True)
    d = decide(on(ctx, KEYWORDS, form="publisher-support", problem_type="pub_payments"), ctx)
    assert "problem_type" not in asked(d)


def test_a_sure_model_fills_what_nothing_read(tmp_path: Path) -> None:
    """"zorb" weighs 3 for payments: p = e³/(e³+2) ≈ 0.91 ≥ 0.85, written as learned."""
    ctx = example_context("ad-network", _copy(tmp_path, _model(
        {"0": [0.0, 3.0, 0.0]}, [0.0, 0.0, 0.0])), learned=True)
    d = decide(on(ctx, NOTHING), ctx)
    assert written(ctx, d)["problem_type"] == "pub_payments"
    e = next(x for x in d.extracted if x.key == "problem_type")
    assert e.method == "learned" and e.evidence is not None
    assert e.evidence.confidence == pytest.approx(0.909, abs=1e-3)
    assert e.evidence.span == "zorblax"
    assert "problem_type = pub_payments ← 'zorblax' (learned, fr, confidence 0.91)" \
        in explain_text(d)


def test_an_unsure_model_leaves_the_question(tmp_path: Path) -> None:
    """Weight 1: p = e/(e+2) ≈ 0.58 < 0.85, still asked."""
    ctx = example_context("ad-network", _copy(tmp_path, _model(
        {"0": [0.0, 1.0, 0.0]}, [0.0, 0.0, 0.0])), learned=True)
    d = decide(on(ctx, NOTHING), ctx)
    assert "problem_type" in asked(d)
    assert "problem_type" not in written(ctx, d)


def test_the_fill_threshold_is_a_setting(tmp_path: Path) -> None:
    ctx = example_context("ad-network", _copy(tmp_path, _model(
        {"0": [0.0, 1.0, 0.0]}, [0.0, 0.0, 0.0]), thresholds={"learned": 0.5}), learned=True)
    assert written(ctx, decide(on(ctx, NOTHING), ctx))["problem_type"] == "pub_payments"


def test_two_announced_problems_leave_the_models_fill_unwritten(tmp_path: Path) -> None:
    """The model fills payments from the whole message ("zorb"), but only the first of the
    two announced problems names it; the second names nothing known: which one the ticket
    is about is the requester's to say."""
    ctx = example_context("ad-network", _copy(tmp_path, _model(
        {"0": [0.0, 3.0, 0.0]}, [0.0, 0.0, 0.0])), learned=True)
    d = decide(on(ctx, "Two things. First, my zorblax acts odd since Monday. Second, the "
                       "frobnitz stays grey. SID 4471023"), ctx)
    assert "problem_type" not in written(ctx, d)
    item = next(m for m in d.missing if m.key == "problem_type")
    assert "two problems announced: pub_payments in one, nothing known in the other" \
        in item.detail


def test_not_stated_is_never_filled(tmp_path: Path) -> None:
    ctx = example_context("ad-network", _copy(tmp_path, _model(
        {"0": [3.0, 0.0, 0.0]}, [0.0, 0.0, 0.0])), learned=True)
    assert "problem_type" in asked(decide(on(ctx, NOTHING), ctx))


# ------------------------------------------------------------------ validate


def _problems(root: Path) -> list[str]:
    return [str(p) for p in check(root).errors]


def test_validate_names_a_malformed_file(tmp_path: Path) -> None:
    root = _copy(tmp_path, None)
    (root / "learned.json").write_text("{not json", encoding="utf-8")
    problems = _problems(root)
    assert len(problems) == 1 and problems[0].startswith("learned.json") \
        and "invalid JSON" in problems[0]


def test_validate_names_a_wrong_format(tmp_path: Path) -> None:
    root = _copy(tmp_path, {**_model({}, [0, 0, 0]), "format": "other/9"})
    problems = _problems(root)
    assert len(problems) == 1 and "learned.json" in problems[0]


def _warnings(root: Path) -> list[str]:
    return [str(p) for p in check(root).warnings]


def test_validate_warns_of_an_unknown_field(tmp_path: Path) -> None:
    """A field removed since training: a warning, the rest of the model still loads."""
    model = _model({}, [0, 0, 0])
    model["fields"]["no_such_field"] = model["fields"]["problem_type"]
    root = _copy(tmp_path, model)
    warnings = _warnings(root)
    assert _problems(root) == []
    assert len(warnings) == 1 and "no_such_field" in warnings[0] \
        and warnings[0].startswith("learned.json")
    assert check(root).workspace is not None
    assert "problem_type" in check(root).workspace.learned.fields  # type: ignore[union-attr]


def test_validate_warns_of_a_stale_class(tmp_path: Path) -> None:
    """An option removed since training: the model is stale, validate says so, and removing
    an option does not stop plan or the worker until the model is trained again."""
    root = _copy(tmp_path, _model({}, [0, 0, 0], ["", "pub_payments", "pub_gone"]))
    warnings = _warnings(root)
    assert _problems(root) == []
    assert len(warnings) == 1 and "'pub_gone' is not an option of problem_type" in warnings[0]


def test_the_cli_exits_non_zero_on_a_bad_model(tmp_path: Path) -> None:
    root = _copy(tmp_path, {**_model({}, [0, 0, 0]), "format": "other/9"})
    result = CliRunner().invoke(cli, ["validate", str(root)])
    assert result.exit_code == 1
    assert sum("learned.json" in line for line in result.output.splitlines()) == 1


def test_the_cli_warns_of_a_stale_model_and_exits_zero(tmp_path: Path) -> None:
    root = _copy(tmp_path, _model({}, [0, 0, 0], ["", "pub_payments", "pub_gone"]))
    result = CliRunner().invoke(cli, ["validate", str(root)])
    assert result.exit_code == 0
    assert next(line for line in result.output.splitlines() if "learned.json" in line) \
        .startswith("warning:")


def test_a_stale_class_is_ignored_at_run_time(tmp_path: Path) -> None:
    """A class that is no longer an option (validate warns of it) is never offered: the
    veto's second choice is the best option that still exists."""
    from dataclasses import replace

    from integrations.triage import TriageContext

    ctx = example_context("ad-network", _copy(tmp_path, None), learned=True)
    stale = Model.from_json(_model({}, [0.0, 5.0, -3.0, 1.0],
                                   ["", "pub_gone", "pub_payments", "pub_technical"]))
    built = TriageContext.build(
        replace(ctx.workspace, learned=stale), field_ids=ctx.field_ids,
        form_ids=ctx.form_ids,
        group_ids={g: 3000 + i for i, g in enumerate(sorted(
            {r.group for r in ctx.rules.rules if r.group}))},
        rules=ctx.rules, self_author_ids=[900])
    d = decide(on(built, KEYWORDS), built)
    item = next(m for m in d.missing if m.key == "problem_type")
    assert [c[""] for c in item.choices] == ["Payments and commissions", "Technical problem"]


def test_a_model_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(LearnedError):
        Model.from_json([])


@pytest.mark.parametrize("name", ["ad-network", "game-publisher", "streaming-platform"])
def test_the_shipped_models_load_small_and_blind_to_fresh42(name: str) -> None:
    """Each example's learned.json loads with its workspace, keeps to the size budget and
    names its training files, none of the split kept unseen (fresh42), and carries its span
    reader (and its clause reader where the corpus states a free-text field: not on
    streaming-platform, whose only text field is the description)."""
    ws = load(EXAMPLES / name)
    assert ws.learned is not None and ws.learned.fields
    source = str(ws.learned.trained["source"])
    assert f"{name}.yaml" in source and f"{name}-fresh31.yaml" in source
    assert f"{name}-tune5.yaml" in source and f"{name}-tune6.yaml" in source
    assert f"{name}-tune8.yaml" in source and f"{name}-tune8b.yaml" in source
    assert f"{name}-tune9.yaml" in source and f"{name}-tune9b.yaml" in source
    assert f"{name}-tune10.yaml" in source and f"{name}-tune10b.yaml" in source
    assert f"{name}-tune11.yaml" in source and f"{name}-tune11b.yaml" in source
    assert f"{name}-tune12.yaml" in source
    assert f"{name}-fresh36.yaml" in source and f"{name}-fresh37.yaml" in source
    assert f"{name}-fresh38.yaml" in source and f"{name}-fresh39.yaml" in source
    assert f"{name}-fresh40.yaml" in source and f"{name}-fresh41.yaml" in source
    assert "fresh42" not in source
    assert ws.learned.spans is not None
    assert (ws.learned.clauses is not None) == (name != "streaming-platform")
    assert (EXAMPLES / name / "learned.json").stat().st_size <= 1_550_000


TWO = "Not sure if this is a payment problem or a technical problem: zorblax. SID 4471023"


def test_a_sure_model_fills_a_reading_left_as_two_choices(tmp_path: Path) -> None:
    """The keywords name two options (a question offering both); a sure model picks one."""
    bare = example_context("ad-network", _copy(tmp_path / "a", None), learned=True)
    item = next(m for m in decide(on(bare, TWO), bare).missing if m.key == "problem_type")
    assert len(item.choices) == 2
    ctx = example_context("ad-network", _copy(tmp_path / "b", _model(
        {"0": [0.0, 3.0, 0.0]}, [0.0, 0.0, 0.0])), learned=True)
    d = decide(on(ctx, TWO), ctx)
    assert written(ctx, d)["problem_type"] == "pub_payments"
    assert next(x for x in d.extracted if x.key == "problem_type").method == "learned"


def test_an_unsure_model_keeps_the_two_choices(tmp_path: Path) -> None:
    ctx = example_context("ad-network", _copy(tmp_path, _model(
        {"0": [0.0, 1.0, 0.0]}, [0.0, 0.0, 0.0])), learned=True)
    item = next(m for m in decide(on(ctx, TWO), ctx).missing if m.key == "problem_type")
    assert len(item.choices) == 2


def test_agreeing_with_the_keywords_the_model_is_heard_at_its_own_threshold(
        tmp_path: Path) -> None:
    """``learned_agree``: the model's top option is one of the two the keywords name
    (p = e/(e+2) ≈ 0.58): below ``learned`` (0.85), at or above ``learned_agree`` it is
    written."""
    model = _model({"0": [0.0, 1.0, 0.0]}, [0.0, 0.0, 0.0])
    ctx = example_context("ad-network", _copy(tmp_path / "a", model,
                                              thresholds={"learned_agree": 0.55}), learned=True)
    d = decide(on(ctx, TWO), ctx)
    assert written(ctx, d)["problem_type"] == "pub_payments"
    assert next(x for x in d.extracted if x.key == "problem_type").method == "learned"
    strict = example_context("ad-network", _copy(tmp_path / "b", model,
                                                 thresholds={"learned_agree": 0.6}),
                             learned=True)
    assert "problem_type" in asked(decide(on(strict, TWO), strict))


def test_the_agree_threshold_is_not_heard_for_an_option_the_keywords_did_not_name(
        tmp_path: Path) -> None:
    """The keywords name payments and technical; the model's top (p ≈ 0.58) is another
    option: only the ``learned`` threshold applies, so the question stands."""
    model = _model({"0": [0.0, 1.0, 0.0, 0.0]}, [0.0, 0.0, 0.0, 0.0],
                   classes=["", "pub_other", "pub_payments", "pub_technical"])
    ctx = example_context("ad-network", _copy(tmp_path, model,
                                              thresholds={"learned_agree": 0.3}), learned=True)
    d = decide(on(ctx, TWO), ctx)
    assert "problem_type" in asked(d) and "problem_type" not in written(ctx, d)


STUDIO_AND_MODEL = "I model for a studio but I also stream on my own, zorblax. My user is kim_22"


def test_the_model_settles_what_a_declared_pattern_and_the_reader_disagree_on(
        tmp_path: Path) -> None:
    """streaming-platform's occupation has a declared pattern ("studio"); the option reader
    reads the model too, so both are offered. A model sure of one writes it."""
    bare = example_context("streaming-platform")
    item = next(m for m in decide(on(bare, STUDIO_AND_MODEL), bare).missing
                if m.key == "occupation")
    assert len(item.choices) == 2
    root = tmp_path / "streaming-platform"
    shutil.copytree(EXAMPLES / "streaming-platform", root)
    (root / "learned.json").write_text(json.dumps({
        "format": FORMAT, "trained": {"tickets": 0, "source": "test", "date": "2026-12-07"},
        "ngram_range": [2, 5], "vocabulary": {"zorb": [0, 1.0]},
        "fields": {"occupation": {"classes": ["", "occ_model", "occ_studio", "occ_user"],
                                  "intercept": [0.0, 0.0, 0.0, 0.0],
                                  "weights": {"0": [0.0, 4.0, 0.0, 0.0]}, "examples": 30}}}),
        encoding="utf-8")
    ctx = example_context("streaming-platform", root, learned=True)
    d = decide(on(ctx, STUDIO_AND_MODEL), ctx)
    assert written(ctx, d)["occupation"] == "occ_model"
    assert next(x for x in d.extracted if x.key == "occupation").method == "learned"


def test_two_options_said_to_fare_alike_are_not_settled_by_the_model(tmp_path: Path) -> None:
    """"Chrome and Edge, both the same": a model sure of Chrome does not pick it."""
    text = ("Reports never load. Tried in Chrome and in Edge, both the same. Windows 11, "
            "zorblax. SID 4471023")
    model = _model({"0": [0.0, 4.0, 0.0]}, [0.0, 0.0, 0.0],
                   classes=["", "browser_chrome", "browser_edge"])
    model["fields"] = {"browser": model["fields"]["problem_type"]}
    ctx = example_context("ad-network", _copy(tmp_path, model), learned=True)
    d = decide(on(ctx, text), ctx)
    assert "browser" not in written(ctx, d)


def test_by_default_an_option_the_keywords_named_is_filled_at_075(tmp_path: Path) -> None:
    """p = e^2.1/(e^2.1+2) ≈ 0.80: under ``learned`` (0.85), over ``learned_agree``'s default
    (0.75): written where the keywords named it, asked where they named nothing."""
    ctx = example_context("ad-network", _copy(tmp_path, _model(
        {"0": [0.0, 2.1, 0.0]}, [0.0, 0.0, 0.0])), learned=True)
    assert written(ctx, decide(on(ctx, TWO), ctx))["problem_type"] == "pub_payments"
    assert "problem_type" in asked(decide(on(ctx, NOTHING), ctx))
