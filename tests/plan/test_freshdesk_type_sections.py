"""Freshdesk conditions whose parent is the built-in Type field (issue 17, finding 11):
the Type field's sections are read like a custom dropdown's, so a second apply writes
nothing. The sandbox's field list carries no choices, as Freshdesk's reference shows."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from integrations.model import Condition, ConditionChild, Field, Form, Workspace
from integrations.sandbox.server import RunningSandbox

from .test_e2e import Env, library_apply, make_env

TYPE_CONDITIONS = (Condition("type", "Incident", (ConditionChild("serial"),)),
                   Condition("type", "Problem", (ConditionChild("platform"),)))


def type_ws(root: Path, conditions: tuple[Condition, ...]) -> Workspace:
    fields = {"serial": Field(key="serial", kind="text", title="Serial number"),
              "platform": Field(key="platform", kind="text", title="Platform")}
    forms = {"bug": Form(key="bug", title="Bug report",
                         fields=("subject", "description", "type", "serial", "platform"),
                         conditions=conditions)}
    return Workspace(root=root, default_locale="en", locales=("en",), fields=fields,
                     forms=forms)


@pytest.fixture
def freshdesk(fresh_sandbox: RunningSandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
              capsys: pytest.CaptureFixture[str]) -> Env:
    return make_env("freshdesk", fresh_sandbox, tmp_path, monkeypatch, capsys)


def test_the_field_list_carries_no_choices(freshdesk: Env) -> None:
    base = freshdesk.vars["DESKOPS_SANDBOX_FRESHDESK_URL"].rstrip("/")
    auth = (freshdesk.vars["FRESHDESK_API_KEY"], "X")
    rows = requests.get(f"{base}/api/v2/admin/ticket_fields", auth=auth, timeout=10).json()
    kind = next(r for r in rows if r["type"] == "default_ticket_type")
    assert "choices" not in kind
    one = requests.get(f"{base}/api/v2/admin/ticket_fields/{kind['id']}", auth=auth,
                       timeout=10).json()
    assert "Incident" in [c["value"] for c in one["choices"]]


def test_a_type_parented_condition_converges(freshdesk: Env) -> None:
    """Through the library: workspace files refuse a system-field parent, but a Type
    section made in the admin UI is read back as one, so the adapter must converge."""
    env = freshdesk
    env.write(type_ws(env.root, ()))  # the fields and the lock first
    desired = type_ws(env.root, TYPE_CONDITIONS)
    writes, _, _ = library_apply(env, desired)
    assert writes > 0
    mark = env.emu.log.mark()
    second = library_apply(env, desired)
    assert env.writes(mark) == [], second[2]
    assert second[:2] == (0, 0)
    with env.connect() as desk:
        form = next(f for f in desk.read_state().forms if f.title == "Bug report")
    lock = env.lock()
    sid, plid = lock.fields["serial"].id, lock.fields["platform"].id
    assert {(c.parent, c.value, c.children) for c in form.conditions} == {
        ("type", "Incident", (ConditionChild(sid),)),
        ("type", "Problem", (ConditionChild(plid),))}
