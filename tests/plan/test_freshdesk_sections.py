"""Conditional fields on Freshdesk as dynamic sections: validate → plan → apply → plan is
empty, over real HTTP against the sandbox; and what validate refuses, with file, pointer
and target."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import requests

from integrations import workspace as workspace_pkg
from integrations.model import Condition, ConditionChild, Field, Form, Workspace
from integrations.sandbox.server import RunningSandbox

from .test_e2e import Env, library_apply, make_env, options


def sections_ws(root: Path, conditions: tuple[Condition, ...]) -> Workspace:
    fields = {
        "product": Field(key="product", kind="dropdown", title="Product",
                         options=options("game_a", "game_b", "game_c")),
        "serial": Field(key="serial", kind="text", title="Serial number"),
        "platform": Field(key="platform", kind="text", title="Platform"),
    }
    forms = {
        "bug": Form(key="bug", title="Bug report",
                    fields=("subject", "description", "product", "serial", "platform"),
                    conditions=conditions),
        # the parent without the children: sections are per field, but show nothing here
        "other": Form(key="other", title="Other", fields=("subject", "product")),
    }
    return Workspace(root=root, default_locale="en", locales=("en",), fields=fields,
                     forms=forms)


A_B = (Condition("product", "game_a", (ConditionChild("serial", True),)),
       Condition("product", "game_b", (ConditionChild("serial", True),
                                       ConditionChild("platform"))))
A_C = (Condition("product", "game_a", (ConditionChild("serial", True),)),
       Condition("product", "game_c", (ConditionChild("platform"),)))


@pytest.fixture
def freshdesk(fresh_sandbox: RunningSandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
              capsys: pytest.CaptureFixture[str]) -> Env:
    return make_env("freshdesk", fresh_sandbox, tmp_path, monkeypatch, capsys)


def sandbox_sections(env: Env, field_id: int) -> dict[str, list[str]]:
    """Choice value -> member field ids (as str), read straight from the sandbox's API."""
    base = env.vars["DESKOPS_SANDBOX_FRESHDESK_URL"].rstrip("/")
    auth = (env.vars["FRESHDESK_API_KEY"], "X")
    field = requests.get(f"{base}/api/v2/admin/ticket_fields/{field_id}", auth=auth,
                         timeout=10).json()
    values = {c["id"]: c["value"] for c in field["choices"]}
    body = requests.get(f"{base}/api/v2/admin/ticket_fields/{field_id}/sections", auth=auth,
                        timeout=10).json()
    out: dict[str, list[str]] = {}
    for section in body["sections"]:
        for cid in section["choice_ids"]:
            out[values[cid]] = sorted(str(m) for m in section["ticket_field_ids"])
    return out


def test_conditions_become_sections_and_converge(freshdesk: Env) -> None:
    env = freshdesk
    env.write(sections_ws(env.root, A_B))
    code, out, err = env.cli("apply", "--auto-approve")
    assert code == 0, out + err
    lock = env.lock()
    pid, sid, plid = (lock.fields[k].id for k in ("product", "serial", "platform"))
    # Freshdesk names a choice by the text customers see: the option's title
    assert sandbox_sections(env, pid) == {"Game A": [str(sid)],
                                          "Game B": sorted([str(sid), str(plid)])}
    with env.connect() as desk:
        forms = {f.title: f for f in desk.read_state().forms}
    assert {(c.parent, c.value, frozenset(c.children))
            for c in forms["Bug report"].conditions} == {
        (pid, "Game A", frozenset({ConditionChild(sid, True)})),
        (pid, "Game B", frozenset({ConditionChild(sid, True), ConditionChild(plid, False)}))}
    assert forms["Other"].conditions == ()  # its fields are in no section
    # plan → apply → plan is empty, counted on the server
    mark = env.emu.log.mark()
    code, out, _ = env.cli("plan", "--detailed-exitcode")
    assert code == 0 and "No changes" in out
    assert library_apply(env, workspace_pkg.load(env.root, "freshdesk"))[:2] == (0, 0)
    assert env.writes(mark) == []
    # game_b's condition goes, game_c shows the platform: only membership changes
    env.write(sections_ws(env.root, A_C))
    code, out, _ = env.cli("plan", "--detailed-exitcode")
    assert code == 2 and "~ form bug" in out and "conditions:" in out
    mark = env.emu.log.mark()
    code, out, err = env.cli("apply", "--auto-approve")
    assert code == 0, out + err
    assert sandbox_sections(env, pid) == {"Game A": [str(sid)], "Game B": [],
                                          "Game C": [str(plid)]}
    assert f"POST /api/v2/admin/ticket_fields/{pid}/sections" in env.writes(mark)
    mark = env.emu.log.mark()
    code, out, _ = env.cli("apply", "--auto-approve")
    assert code == 0 and "No changes" in out
    assert env.writes(mark) == []


def test_export_reads_sections_back_as_conditions(freshdesk: Env, tmp_path: Path) -> None:
    env = freshdesk
    env.write(sections_ws(env.root, A_B))
    assert env.cli("apply", "--auto-approve")[0] == 0
    out_dir = tmp_path / "exported"
    assert env.cli("export", "--out", str(out_dir))[0] == 0
    exported = workspace_pkg.load(out_dir, "freshdesk")
    bug = next(f for f in exported.forms.values() if f.title == "Bug report")
    assert {(c.value, tuple(sorted(str(ch.field) for ch in c.children)))
            for c in bug.conditions} == {("game_a", ("serial_number",)),
                                         ("game_b", ("platform", "serial_number"))}
    code, out, err = env.cli("plan", "--detailed-exitcode", root=out_dir)
    assert code == 0, out + err


def test_a_hand_made_section_for_several_choices_is_one_clear_error(freshdesk: Env) -> None:
    env = freshdesk
    env.write(sections_ws(env.root, ()))
    assert env.cli("apply", "--auto-approve")[0] == 0
    pid = env.lock().fields["product"].id
    choices = env.lock().fields["product"].options
    env.emu.seed("sections", [{"parent_ticket_field_id": pid, "label": "By hand",
                               "choice_ids": [choices["game_a"], choices["game_b"]]}])
    env.write(sections_ws(env.root, A_C))
    code, _, err = env.cli("apply", "--auto-approve")
    assert code == 1
    line = err.strip().splitlines()[-1]  # after the progress bar's label
    assert line == (
        "error: updating form bug: ticket form 'Bug report': Freshdesk section 'By hand' of "
        "ticket field 'Product' shows its fields for ['Game A', 'Game B'], but the workspace "
        "shows field 'Serial number' only for ['Game A']: split that section by hand (one "
        "choice per section) and apply again")


# -- validate: what dynamic sections cannot say --------------------------------------------
def problems(tmp_path: Path, ws: Workspace) -> list[str]:
    root = tmp_path / "v"
    workspace_pkg.write_workspace(ws, root, replace=True)
    return [str(p) for p in workspace_pkg.validate(root, "freshdesk")]


def two_forms(first: tuple[Condition, ...], second: tuple[Condition, ...],
              **flags: Any) -> Workspace:
    ws = sections_ws(Path("."), first)
    other = Form(key="other", title="Other", fields=("subject", "product", "serial",
                                                     "platform"), conditions=second, **flags)
    return Workspace(root=ws.root, default_locale="en", locales=("en",), fields=ws.fields,
                     forms={"bug": ws.forms["bug"], "other": other})


def test_a_field_must_be_shown_under_the_same_conditions_everywhere(tmp_path: Path) -> None:
    first = (Condition("product", "game_a", (ConditionChild("serial", True),
                                             ConditionChild("platform"))),)
    second = (Condition("product", "game_a", (ConditionChild("serial", True),
                                              ConditionChild("platform"))),
              Condition("product", "game_c", (ConditionChild("platform"),)))
    assert problems(tmp_path, two_forms(first, second)) == [
        "forms/other.json:/allOf: 'platform' is shown when product = 'game_a' or product = "
        "'game_c' here but when product = 'game_a' in forms/bug.json: Freshdesk sections "
        "belong to the field, so every form must show it under the same conditions "
        "(target: freshdesk)"]


def test_required_is_the_fields_own_flag(tmp_path: Path) -> None:
    first = (Condition("product", "game_a", (ConditionChild("serial", True),)),
             Condition("product", "game_b", (ConditionChild("serial", False),)))
    ws = sections_ws(Path("."), first)
    ws = Workspace(root=ws.root, default_locale="en", locales=("en",), fields=ws.fields,
                   forms={"bug": ws.forms["bug"]})
    assert problems(tmp_path, ws) == [
        "forms/bug.json:/allOf/1: 'serial' is optional here but required in forms/bug.json "
        "/allOf/0: on Freshdesk a field's required flag is its own, not the section's "
        "(target: freshdesk)"]
    loaded = workspace_pkg.load(_write(tmp_path, sections_ws(Path("."), A_B)), "freshdesk")
    assert loaded.fields["serial"].required_in_portal is True  # from its conditions
    assert loaded.fields["platform"].required_in_portal is False
    zendesk = workspace_pkg.load(_write(tmp_path, sections_ws(Path("."), A_B)), "zendesk")
    assert zendesk.fields["serial"].required_in_portal is False  # per condition there


def _write(tmp_path: Path, ws: Workspace) -> Path:
    root = tmp_path / "w"
    workspace_pkg.write_workspace(ws, root, replace=True)
    return root


def test_agent_duplicate_and_form_flags_are_refused(tmp_path: Path) -> None:
    both = (Condition("product", "game_a", (ConditionChild("serial", True),)),
            Condition("product", "game_a", (ConditionChild("serial", True),), "agent"))
    ws = two_forms(A_C, (*A_C[:1], both[1], A_C[1]), active=False)
    assert problems(tmp_path, ws) == [
        "forms/other.json:/x-deskops/active: Freshdesk ticket forms have no active flag: "
        "remove it for this target (target: freshdesk)",
        "forms/other.json:/allOf: product = 'game_a' has an end-user and an agent "
        "condition: on Freshdesk one section shows for both; keep only the end-user one "
        "for this target (target: freshdesk)"]
