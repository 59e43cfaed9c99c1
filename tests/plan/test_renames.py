"""Renames declared with ``x-deskops.was``, over HTTP on both targets: a field, a form and an
option get new keys and the helpdesk keeps the same objects (the sandbox's write log shows
no create and no delete, only updates)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from integrations import workspace as workspace_pkg
from integrations.errors import WorkspaceError
from integrations.model import Condition, ConditionChild, Workspace
from integrations.sandbox.server import RunningSandbox

from .test_e2e import FORMS_PATH, Env, make_env, model


@pytest.fixture(params=["zendesk", "freshdesk"])
def env(request: pytest.FixtureRequest, fresh_sandbox: RunningSandbox, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Env:
    return make_env(str(request.param), fresh_sandbox, tmp_path, monkeypatch, capsys)


def renamed(ws: Workspace) -> Workspace:
    """serial → serial_no, billing → payments, option game_a → game_alpha."""
    product = ws.fields["product"]
    first = replace(product.options[0], value="game_alpha", was="game_a")
    product = replace(product, options=(first, *product.options[1:]))
    serial = replace(ws.fields["serial"], key="serial_no", was="serial")
    bug = ws.forms["bug"]
    bug = replace(bug, fields=("subject", "description", "product", "serial_no"),
                  conditions=(Condition("product", "game_alpha",
                                        (ConditionChild("serial_no", True),)),))
    payments = replace(ws.forms["billing"], key="payments", was="billing")
    return replace(ws, fields={"product": product, "serial_no": serial,
                               "refund": ws.fields["refund"]},
                   forms={"bug": bug, "payments": payments})


def test_rename_field_form_and_option_updates_in_place(env: Env) -> None:
    env.write(model(env.target, env.root))
    assert env.cli("apply", "--auto-approve")[0] == 0
    before = env.lock()
    ids = (before.fields["serial"].id, before.forms["billing"].id,
           before.fields["product"].options["game_a"])
    env.write(renamed(model(env.target, env.root)))
    code, out, _ = env.cli("plan", "--detailed-exitcode")
    assert code == 2
    assert f"~ renamed field serial → serial_no (#{ids[0]})" in out
    assert f"~ renamed form billing → payments (#{ids[1]})" in out
    assert f"~ renamed option product.game_a → product.game_alpha (#{ids[2]})" in out
    assert "+ field" not in out and "+ form" not in out and "note:" not in out
    mark = env.emu.log.mark()
    code, out, err = env.cli("apply", "--auto-approve")
    assert code == 0, err
    writes = env.writes(mark)
    creates = {"POST /api/v2/ticket_fields", "POST /api/v2/admin/ticket_fields",
               f"POST {FORMS_PATH[env.target]}"}
    assert writes and not any(w.startswith("DELETE") or w in creates for w in writes), writes
    lock = env.lock()
    assert (lock.fields["serial_no"].id, lock.forms["payments"].id,
            lock.fields["product"].options["game_alpha"]) == ids
    assert "serial" not in lock.fields and "billing" not in lock.forms
    assert "game_a" not in lock.fields["product"].options
    code, out, _ = env.cli("plan", "--detailed-exitcode")
    assert code == 0, out
    assert env.cli("drift")[0] == 0


def test_was_naming_a_key_still_present_is_a_clear_error(env: Env) -> None:
    ws = model(env.target, env.root)
    ws = replace(ws, fields={**ws.fields,
                             "serial_no": replace(ws.fields["serial"], key="serial_no",
                                                  was="serial")})
    workspace_pkg.write_workspace(ws, env.root, replace=True)
    with pytest.raises(WorkspaceError) as caught:
        workspace_pkg.load(env.root, env.target)
    assert "was 'serial' names a field still in the workspace" in str(caught.value.problems)
