"""Freshdesk dropdown choices carry the option's title (what customers see), keys stay in the
lock: apply, a title rename as one choice update, the one-step migration of an account whose
choices still hold keys, and export. Over real HTTP against the sandbox."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import requests

from integrations import workspace as workspace_pkg
from integrations.model import Option
from integrations.sandbox.server import RunningSandbox

from .test_e2e import Env, make_env, model, options


@pytest.fixture
def freshdesk(fresh_sandbox: RunningSandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
              capsys: pytest.CaptureFixture[str]) -> Env:
    return make_env("freshdesk", fresh_sandbox, tmp_path, monkeypatch, capsys)


def _api(env: Env, method: str, path: str, body: Any = None) -> Any:
    base = env.vars["DESKOPS_SANDBOX_FRESHDESK_URL"].rstrip("/")
    r = requests.request(method, f"{base}{path}", json=body, timeout=10,
                         auth=(env.vars["FRESHDESK_API_KEY"], "X"))
    r.raise_for_status()
    return r.json()


def choices(env: Env, field_id: int) -> dict[int, str]:
    """Choice id -> value, straight from the sandbox's API (what a customer sees)."""
    field = _api(env, "GET", f"/api/v2/admin/ticket_fields/{field_id}")
    return {int(c["id"]): str(c["value"]) for c in field["choices"]}


def test_choices_show_titles_and_the_lock_keeps_the_keys(freshdesk: Env) -> None:
    env = freshdesk
    env.write(model("freshdesk", env.root))
    code, out, err = env.cli("apply", "--auto-approve")
    assert code == 0, err
    entry = env.lock().fields["product"]
    assert choices(env, entry.id) == {entry.options["game_a"]: "Game A",
                                      entry.options["game_b"]: "Game B",
                                      entry.options["game_c"]: "Game C"}
    mark = env.emu.log.mark()
    code, out, _ = env.cli("plan", "--detailed-exitcode")
    assert code == 0 and "No changes" in out, out
    assert env.cli("drift")[0] == 0
    assert env.writes(mark) == []


def test_a_title_rename_is_one_choice_update_keeping_its_id(freshdesk: Env) -> None:
    env = freshdesk
    env.write(model("freshdesk", env.root))
    assert env.cli("apply", "--auto-approve")[0] == 0
    entry = env.lock().fields["product"]
    renamed = (Option("game_a", "Game A"), Option("game_b", "Game B: Remastered"),
               Option("game_c", "Game C"))
    env.write(model("freshdesk", env.root, product_options=renamed))
    code, out, _ = env.cli("plan")
    assert (f'~ option product.game_b (#{entry.options["game_b"]}): title: "Game B" → '
            '"Game B: Remastered"') in out, out
    assert "Plan: 0 to create, 1 to change, 0 to delete." in out
    mark = env.emu.log.mark()
    code, out, err = env.cli("apply", "--auto-approve")
    assert code == 0, err
    # one PUT carrying the choice diff; a delete + create would be two, and a new id
    assert env.writes(mark) == [f"PUT /api/v2/admin/ticket_fields/{entry.id}"]
    assert choices(env, entry.id)[entry.options["game_b"]] == "Game B: Remastered"
    assert env.lock().fields["product"].options == entry.options
    assert env.cli("plan", "--detailed-exitcode")[0] == 0


def _as_before(env: Env, field_id: int, keys: dict[str, int]) -> None:
    """The account as a deskops that sent option keys left it: each choice's value is its
    key (one choice diff per call, as the adapter writes them)."""
    for key, cid in keys.items():
        _api(env, "PUT", f"/api/v2/admin/ticket_fields/{field_id}",
             {"choices": [{"id": cid, "value": key}]})


@pytest.mark.parametrize("lock_kept", [True, False], ids=["with-lock", "lock-lost"])
def test_key_valued_choices_are_migrated_in_one_step(freshdesk: Env, lock_kept: bool) -> None:
    env = freshdesk
    env.write(model("freshdesk", env.root))
    assert env.cli("apply", "--auto-approve")[0] == 0
    entry = env.lock().fields["product"]
    _as_before(env, entry.id, entry.options)
    assert set(choices(env, entry.id).values()) == {"game_a", "game_b", "game_c"}
    if not lock_kept:  # adopted by title (fields, forms), choices by their key-valued text
        (env.root / "locks" / "freshdesk.json").unlink()
    code, out, _ = env.cli("plan", "--detailed-exitcode")
    assert code == 2, out
    for key, title in (("game_a", "Game A"), ("game_b", "Game B"), ("game_c", "Game C")):
        assert (f'~ option product.{key} (#{entry.options[key]}): value: "{key}" → '
                f'"{title}" (migration)') in out, out
    assert "? option" not in out and "+ option" not in out and "- option" not in out
    assert "note: Freshdesk choices of product still hold option keys" in out
    assert "tickets may keep the key; the worker reads both as the option" in out
    mark = env.emu.log.mark()
    code, out, err = env.cli("apply", "--auto-approve")
    assert code == 0, err
    assert [w for w in env.writes(mark) if "ticket_fields" in w] == [
        f"PUT /api/v2/admin/ticket_fields/{entry.id}"] * 3  # one update per choice
    assert choices(env, entry.id) == {entry.options["game_a"]: "Game A",
                                      entry.options["game_b"]: "Game B",
                                      entry.options["game_c"]: "Game C"}
    assert env.lock().fields["product"].options == entry.options
    code, out, _ = env.cli("plan", "--detailed-exitcode")
    assert code == 0, out
    assert env.cli("drift")[0] == 0


def test_a_title_changed_by_hand_is_drift_and_the_plan_puts_it_back(freshdesk: Env) -> None:
    env = freshdesk
    env.write(model("freshdesk", env.root))
    assert env.cli("apply", "--auto-approve")[0] == 0
    entry = env.lock().fields["product"]
    _api(env, "PUT", f"/api/v2/admin/ticket_fields/{entry.id}",
         {"choices": [{"id": entry.options["game_c"], "value": "Game Sea"}]})
    code, out, _ = env.cli("drift")
    assert code == 3 and "field product" in out, out
    code, out, _ = env.cli("plan")
    assert f'~ option product.game_c (#{entry.options["game_c"]}): title: "Game Sea" → ' \
           '"Game C"' in out, out
    assert "? option" not in out  # same id: still the managed option, not a hand-made one


def test_conditions_name_the_choice_by_its_title(freshdesk: Env) -> None:
    env = freshdesk
    env.write(model("freshdesk", env.root))
    assert env.cli("apply", "--auto-approve")[0] == 0
    entry = env.lock().fields["product"]
    body = _api(env, "GET", f"/api/v2/admin/ticket_fields/{entry.id}/sections")
    assert [s["choice_ids"] for s in body["sections"]] == [[entry.options["game_a"]]]
    assert body["sections"][0]["label"] == "Product: Game A"


def test_export_gives_keys_from_titles_and_plans_empty(freshdesk: Env, tmp_path: Path) -> None:
    env = freshdesk
    titles = (Option("game_a", "Urban bike"), Option("bike_road", "Road bike"))
    env.write(model("freshdesk", env.root, product_options=titles))
    assert env.cli("apply", "--auto-approve")[0] == 0
    out_dir = tmp_path / "exported"
    code, _, err = env.cli("export", "--out", str(out_dir))
    assert code == 0, err
    product = json.loads((out_dir / "fields" / "product.json").read_text())
    assert [(o["const"], o["title"]) for o in product["oneOf"]] == [
        ("urban_bike", "Urban bike"), ("road_bike", "Road bike")]
    bug = json.loads((out_dir / "forms" / "bug_report.json").read_text())
    assert "urban_bike" in json.dumps(bug["allOf"])  # the section's choice, by its key
    report = workspace_pkg.check(out_dir, "freshdesk")
    assert report.ok and [str(w) for w in report.warnings] == []
    code, out, err = env.cli("plan", "--detailed-exitcode", root=out_dir)
    assert code == 0, out + err


def test_validate_refuses_two_options_with_one_title_on_freshdesk(freshdesk: Env) -> None:
    env = freshdesk
    twins = (*options("game_a"), Option("game_b", "Game A"))
    workspace_pkg.write_workspace(model("freshdesk", env.root, product_options=twins),
                                  env.root, replace=True)
    code, _, err = env.cli("validate")
    assert code == 1
    assert "option title 'Game A' repeats option 0: Freshdesk identifies choices by their " \
           "label" in err, err


def test_pull_brings_a_title_edited_by_hand_back_under_its_key(freshdesk: Env) -> None:
    env = freshdesk
    env.write(model("freshdesk", env.root))
    assert env.cli("apply", "--auto-approve")[0] == 0
    entry = env.lock().fields["product"]
    _api(env, "PUT", f"/api/v2/admin/ticket_fields/{entry.id}",
         {"choices": [{"id": entry.options["game_b"], "value": "Game Bee"},
                      {"value": "Tandem", "position": 4}]})
    code, out, err = env.cli("export", "--into", str(env.root))
    assert code == 0, err
    product = json.loads((env.root / "fields" / "product.json").read_text())
    assert [(o["const"], o["title"]) for o in product["oneOf"]] == [
        ("game_a", "Game A"), ("game_b", "Game Bee"), ("game_c", "Game C"),
        ("tandem", "Tandem")]
    assert env.lock().fields["product"].options["game_b"] == entry.options["game_b"]
    code, out, err = env.cli("plan", "--detailed-exitcode")
    assert code == 0, out + err
    assert env.cli("drift")[0] == 0


def test_compare_keys_freshdesk_choices_without_any_io(tmp_path: Path) -> None:
    """Pure: remote choices named by their text get their keys back (lock id, then title,
    then a text equal to the key: a migration); other texts stay unmanaged."""
    from integrations.helpdesk.freshdesk import FreshdeskHelpdesk
    from integrations.model import Field, RemoteState, Workspace
    from integrations.plan import LockFile, UpdateOption, compare

    want = Field(key="bike", kind="dropdown", title="Bike",
                 options=(Option("bike_city", "Urban bike"), Option("bike_road", "Road bike"),
                          Option("bike_kids", "Kids bike")))
    remote = Field(key="bike", kind="dropdown", title="Bike", id=10, options=(
        Option("Town bike", "Town bike", id=1),   # the lock's id: a title changed by hand
        Option("Road bike", "Road bike", id=2),   # adopted by title
        Option("bike_kids", "bike_kids", id=3),   # still the key: migrated
        Option("Tandem", "Tandem", id=4)))        # by hand: unmanaged
    desired = Workspace(root=tmp_path, default_locale="en", locales=("en",),
                        fields={"bike": want}, forms={})
    lock = LockFile.from_json({"fields": {"bike": {"id": 10, "options": {"bike_city": 1}}}})
    plan = compare(desired, RemoteState(fields=(remote,)), lock,
                   capabilities=FreshdeskHelpdesk.capabilities, target="freshdesk")
    updates = {op.key: (op.migration, [(c.attr, c.old, c.new) for c in op.changes])
               for op in plan.ops if isinstance(op, UpdateOption)}
    assert updates == {
        "bike.bike_city": (False, [("title", "Town bike", "Urban bike")]),
        "bike.bike_kids": (True, [("value", "bike_kids", "Kids bike")])}
    assert [(u.key, u.title) for u in plan.unmanaged] == [("bike.Tandem", "Tandem")]
    assert plan.fields_seen["bike"][2] == {"bike_city": 1, "bike_road": 2, "bike_kids": 3}
