"""Everything pending shows in the plan, over HTTP on both targets: options added by hand
(`? option`), kept removals, ``--detailed-exitcode`` 2 for both, pruning them, the lock
never recording what the workspace does not manage, and the apply prompt naming the
target, the account and the counts."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest

from integrations.model import Condition, ConditionChild, Option
from integrations.sandbox.server import RunningSandbox

from .test_e2e import Env, make_env, model, options, remote_fields, shown


@pytest.fixture(params=["zendesk", "freshdesk"])
def env(request: pytest.FixtureRequest, fresh_sandbox: RunningSandbox, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Env:
    return make_env(str(request.param), fresh_sandbox, tmp_path, monkeypatch, capsys)


def add_option_by_hand(env: Env, value: str, title: str) -> int:
    fid = env.lock().fields["product"].id
    with env.connect() as desk:
        made = desk.create_option(fid, Option(value, title), 3)
    assert made.id is not None
    return made.id


def hold_value(env: Env, value: str, n: int) -> None:
    """A ticket whose product is ``value``, made in the sandbox as the helpdesk stores it
    (Zendesk: the field's value and its tag; the sandbox does not derive the tag itself)."""
    fid = env.lock().fields["product"].id
    if env.target == "zendesk":
        from integrations.sandbox.zendesk.tickets import create_ticket as zendesk_ticket

        zendesk_ticket(env.emu, {"subject": f"t{n}", "comment": {"body": "hello"},
                                 "tags": [value],
                                 "custom_fields": [{"id": fid, "value": value}]})
        return
    from integrations.sandbox.freshdesk.tickets import create_ticket as freshdesk_ticket

    name = next(f["name"] for f in env.emu.store.all("ticket_fields") if f["id"] == fid)
    freshdesk_ticket(env.emu, {"subject": f"t{n}", "description": "hello",
                               "email": f"r{n}@example.com", "status": 2, "priority": 1,
                               "custom_fields": {name: value}})


def test_option_added_by_hand_is_shown_kept_out_of_the_lock_and_pruned(env: Env) -> None:
    env.write(model(env.target, env.root))
    assert env.cli("apply", "--auto-approve")[0] == 0
    # an admin adds "Tandem" (on Freshdesk the choice has one text: its value)
    value = "by_hand" if env.target == "zendesk" else "Tandem"
    oid = add_option_by_hand(env, value, "Tandem")
    code, out, _ = env.cli("plan", "--detailed-exitcode")
    assert code == 2, out
    assert f'? option product.{value} "Tandem" (#{oid}) (0 tickets hold it): on the ' \
        "helpdesk, not in the workspace" in out
    assert "No changes" not in out
    # apply leaves it, and never records it: drift keeps reporting the field
    code, out, err = env.cli("apply", "--auto-approve")
    assert code == 0, err
    assert value not in env.lock().fields["product"].options
    assert oid not in env.lock().fields["product"].options.values()
    code, out, _ = env.cli("drift")
    assert code == 3 and "field product" in out
    assert env.cli("plan", "--detailed-exitcode")[0] == 2  # still pending
    # two tickets hold the value: the plan counts them (one search)
    for n in range(2):
        hold_value(env, value, n)
    code, out, _ = env.cli("plan", "--prune")
    assert f"- option product.{value} \"Tandem\" (#{oid}) (on the helpdesk only)" in out
    assert "(2 tickets hold it)" in out
    # pruning it is destructive
    code, out, err = env.cli("apply", "--auto-approve", "--prune")
    assert code == 1 and f"product.{value}" in err
    code, out, err = env.cli("apply", "--auto-approve", "--prune", "--allow-destructive")
    assert code == 0, err
    assert "allowed by --allow-destructive" in out and "apply needs" not in out
    assert [o.value for o in remote_fields(env)["Product"].options] == shown(
        env, "game_a", "game_b", "game_c")
    assert env.cli("drift")[0] == 0
    code, out, _ = env.cli("plan", "--detailed-exitcode")
    assert code == 0 and "No changes" in out


def test_a_kept_removal_exits_2_under_detailed_exitcode(env: Env) -> None:
    env.write(model(env.target, env.root))
    assert env.cli("apply", "--auto-approve")[0] == 0
    env.write(model(env.target, env.root, product_options=options("game_a", "game_c")))
    code, out, _ = env.cli("plan", "--detailed-exitcode")
    assert code == 2, out
    assert "option product.game_b is no longer in the workspace: kept" in out
    assert "No changes" not in out and "1 removal(s) kept" in out


def test_the_prompt_names_target_account_and_counts(env: Env,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    env.write(model(env.target, env.root))
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    code, _, err = env.cli("apply")
    assert code == 1 and "aborted" in err
    account = env.vars["ZENDESK_SUBDOMAIN" if env.target == "zendesk" else "FRESHDESK_DOMAIN"]
    count = 6 if env.target == "zendesk" else 5  # 3 fields, 2 forms (+ Zendesk's fr title)
    assert f"Apply {count} changes to {env.target.capitalize()} {account}? [y/N]" in err
    assert env.lock().fields == {}  # nothing written
    code, out, _ = env.cli("apply", "--auto-approve")
    assert code == 0
    assert "Plan: 5 to create, 0 to change" in out  # the fr title is part of its create
    assert "Apply complete: 5 created, 0 changed, 0 deleted" in out


@pytest.fixture
def zendesk(fresh_sandbox: RunningSandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
            capsys: pytest.CaptureFixture[str]) -> Env:
    return make_env("zendesk", fresh_sandbox, tmp_path, monkeypatch, capsys)


def test_a_condition_added_by_hand_is_kept_shown_and_pruned(zendesk: Env) -> None:
    env = zendesk
    ws = env.write(model(env.target, env.root))
    assert env.cli("apply", "--auto-approve")[0] == 0
    lock = env.lock()
    ids = {k: e.id for k, e in lock.fields.items()}
    bug = ws.forms["bug"]
    by_hand = Condition(ids["product"], "game_b", (ConditionChild(ids["serial"], False),))
    mine = tuple(Condition(ids[str(c.parent)], c.value,
                           tuple(ConditionChild(ids[str(ch.field)], ch.required)
                                 for ch in c.children)) for c in bug.conditions)
    with env.connect() as desk:
        desk.update_form(lock.forms["bug"].id, replace(
            bug, fields=("subject", "description", ids["product"], ids["serial"]),
            conditions=(*mine, by_hand)))
    code, out, _ = env.cli("plan", "--detailed-exitcode")
    assert code == 2, out
    assert f'? condition bug: product = game_b "serial" (#{lock.forms["bug"].id})' in out
    assert "~ form bug" not in out  # kept: nothing to write
    assert env.cli("apply", "--auto-approve")[0] == 0
    with env.connect() as desk:
        form = next(f for f in desk.read_state().forms if f.title == "Bug report")
    assert len(form.conditions) == 2
    assert env.cli("drift")[0] == 3
    code, out, err = env.cli("apply", "--auto-approve", "--prune")
    assert code == 0, err
    with env.connect() as desk:
        form = next(f for f in desk.read_state().forms if f.title == "Bug report")
    assert [c.value for c in form.conditions] == ["game_a"]
    assert env.cli("plan", "--detailed-exitcode")[0] == 0
    assert env.cli("drift")[0] == 0
