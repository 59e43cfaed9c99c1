"""Apply engine, lock file and drift over the in-memory helpdesk (ordering, resume, hashes)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from integrations.errors import LockError, PlanError, Unavailable
from integrations.model import Condition, ConditionChild, Field, Form, Option, Workspace
from integrations.plan import (
    ApplyLock,
    LockFile,
    apply_plan,
    compare,
    detect_drift,
    lock_path,
    render_drift,
)

from .memory import MemoryHelpdesk, dropdown, ws


def workspace() -> Workspace:
    product = replace(dropdown("product", "Product", "game_a", "game_b", "game_c"),
                      titles={"en": "Product", "fr": "Produit"})
    serial = Field(key="serial", kind="text", title="Serial")
    cond = Condition(parent="product", value="game_a",
                     children=(ConditionChild("serial", required=True),))
    forms = [Form(key="bug", title="Bug", fields=("subject", "product", "serial"),
                  conditions=(cond,)),
             Form(key="account", title="Account", fields=("subject", "product"))]
    return ws([product, serial], forms)


def run(desk: MemoryHelpdesk, desired: Workspace, lock: LockFile, *, prune: bool = False,
        allow_destructive: bool = False) -> int:
    """Plan and apply; return the number of writes made."""
    before = desk.calls.writes
    plan = compare(desired, desk.read_state(), lock, prune=prune,
                   capabilities=desk.capabilities)
    apply_plan(plan, desk, lock, allow_destructive=allow_destructive)
    return desk.calls.writes - before


def test_create_then_noop_apply_makes_zero_writes(tmp_path: Path) -> None:
    desk = MemoryHelpdesk()
    lock = LockFile.load(lock_path(tmp_path, "zendesk"), environment="zendesk",
                         target="zendesk")
    desired = workspace()
    # 2 fields + 1 translation set + 2 forms; options come with their field's create call
    assert run(desk, desired, lock) == 5
    assert run(desk, desired, lock) == 0
    assert compare(desired, desk.read_state(), lock).ops == ()
    data = json.loads((tmp_path / "locks" / "zendesk.json").read_text())
    assert sorted(data["fields"]) == ["product", "serial"]
    assert sorted(data["fields"]["product"]["options"]) == ["game_a", "game_b", "game_c"]
    assert all(e["hash"] for e in data["fields"].values())
    assert "secret" not in json.dumps(data).lower()
    # the form holds remote ids, with the condition's child field in it
    bug = desk.forms[data["forms"]["bug"]["id"]]
    assert bug.fields == ("subject", data["fields"]["product"]["id"],
                          data["fields"]["serial"]["id"])


def test_interrupted_apply_converges_without_duplicates(tmp_path: Path) -> None:
    desired = workspace()
    for stop_after in range(5):
        desk = MemoryHelpdesk()
        lock = LockFile.load(tmp_path / f"{stop_after}.json")
        desk.fail_after = stop_after
        with pytest.raises(Unavailable) as info:
            run(desk, desired, lock)
        assert "helpdesk down" in str(info.value)
        assert str(info.value).startswith(("creating", "updating", "setting"))
        desk.fail_after = None
        run(desk, desired, lock)
        assert len(desk.fields) == 2 and len(desk.forms) == 2
        assert run(desk, desired, lock) == 0


def test_lost_lock_adopts_instead_of_duplicating(tmp_path: Path) -> None:
    desk = MemoryHelpdesk()
    desired = workspace()
    run(desk, desired, LockFile.load(tmp_path / "a.json"))
    fresh = LockFile.load(tmp_path / "b.json")
    assert run(desk, desired, fresh) == 0
    assert len(desk.fields) == 2 and len(desk.forms) == 2
    assert set(fresh.fields) == {"product", "serial"}


def test_option_changes_go_through_per_option_calls(tmp_path: Path) -> None:
    desk = MemoryHelpdesk()
    lock = LockFile.load(tmp_path / "l.json")
    desired = workspace()
    run(desk, desired, lock)
    product = desired.fields["product"]
    changed = replace(product, options=(Option("game_c", "Game C"), Option("game_a", "Game A"),
                                        Option("game_d", "Game D")))
    desired2 = replace(desired, fields={**desired.fields, "product": changed})
    before = dict(desk.calls.by_endpoint)
    run(desk, desired2, lock)
    new_calls = {k: v - before.get(k, 0) for k, v in desk.calls.by_endpoint.items()
                 if v != before.get(k, 0) and k.startswith("POST")}
    # one create; three moves (positions are absolute); game_b kept after game_a
    assert new_calls == {"POST options": 1, "POST options/id": 3}
    remote = desk.fields[lock.fields["product"].id]
    assert [o.value for o in remote.options] == ["game_c", "game_a", "game_b", "game_d"]
    # removal needs --prune and --allow-destructive
    plan = compare(desired2, desk.read_state(), lock, prune=True)
    with pytest.raises(PlanError, match="allow-destructive"):
        apply_plan(plan, desk, lock)
    apply_plan(plan, desk, lock, allow_destructive=True)
    assert [o.value for o in desk.fields[lock.fields["product"].id].options] == [
        "game_c", "game_a", "game_d"]
    assert run(desk, desired2, lock, prune=True) == 0
    assert "game_b" not in lock.fields["product"].options
    assert run(desk, desired2, lock, prune=True) == 0


def test_drift_reports_hand_changes_only_for_managed_objects(tmp_path: Path) -> None:
    desk = MemoryHelpdesk()
    lock = LockFile.load(tmp_path / "l.json")
    desired = workspace()
    run(desk, desired, lock)
    assert detect_drift(desired, desk.read_state(), lock, desk.capabilities) == []
    # by hand: rename a managed field, delete a managed form, add an unmanaged field
    fid = lock.fields["product"].id
    desk.fields[fid] = replace(desk.fields[fid], title="Products!")
    desk.delete_form(lock.forms["account"].id)
    desk.create_field(Field(key="", kind="text", title="Hand made"))
    items = detect_drift(desired, desk.read_state(), lock, desk.capabilities)
    assert [(i.kind, i.key, i.status) for i in items] == [
        ("field", "product", "changed"), ("form", "account", "deleted")]
    text = render_drift(items)
    assert '"Products!" (helpdesk) → "Product" (workspace)' in text
    # apply repairs it, and drift is clean again
    run(desk, desired, lock)
    assert detect_drift(desired, desk.read_state(), lock, desk.capabilities) == []


def test_drift_refuses_to_judge_forms_it_cannot_read(tmp_path: Path) -> None:
    """A plan downgrade hides the forms (``forms_unavailable``): unreadable is not deleted,
    so detect_drift itself refuses rather than report the forms "deleted by hand"."""
    desk = MemoryHelpdesk()
    lock = LockFile.load(lock_path(tmp_path, "zendesk"), environment="zendesk")
    desired = workspace()
    run(desk, desired, lock)
    hidden = replace(desk.read_state(), forms=(),
                     forms_unavailable="403 Forbidden: no forms on the team plan")
    with pytest.raises(PlanError) as info:
        detect_drift(desired, hidden, lock, desk.capabilities, "zendesk")
    assert str(info.value) == (
        f"{lock.path}: cannot check the 2 form(s) it records: this zendesk account's plan "
        "has no ticket forms now (403 Forbidden: no forms on the team plan); restore the "
        "plan, or remove the forms from the workspace and apply")
    # a lock that records no form: the fields are still judged, forms_unavailable or not
    fields_only = LockFile(fields=lock.fields)
    assert detect_drift(desired, hidden, fields_only, desk.capabilities, "zendesk") == []


def test_apply_lock_is_exclusive(tmp_path: Path) -> None:
    path = lock_path(tmp_path, "prod")
    with ApplyLock(path), pytest.raises(LockError, match="another apply"):
        ApplyLock(path).acquire()
    with ApplyLock(path):  # released on exit
        pass


def test_bad_lock_file_is_one_clear_error(tmp_path: Path) -> None:
    path = lock_path(tmp_path, "prod")
    path.parent.mkdir()
    path.write_text("{not json")
    with pytest.raises(LockError, match="unreadable lock file"):
        LockFile.load(path)
    path.write_text(json.dumps({"version": 1, "target": "freshdesk"}))
    with pytest.raises(LockError, match="for target 'freshdesk'"):
        LockFile.load(path, target="zendesk")
    with pytest.raises(LockError, match="invalid environment"):
        lock_path(tmp_path, "../x")
