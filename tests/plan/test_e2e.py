"""plan / apply / export / drift end to end: the CLI and the adapters over real HTTP against
the sandbox, for both targets. Writes are counted server-side (the sandbox's request log)
and client-side (the adapter's counters)."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from integrations import workspace as workspace_pkg
from integrations.errors import Unavailable
from integrations.helpdesk._http import RetryPolicy
from integrations.helpdesk.base import Helpdesk
from integrations.helpdesk.connect import connect
from integrations.model import Condition, ConditionChild, Field, Form, Option, Workspace
from integrations.plan import (
    ApplyLock,
    LockFile,
    Op,
    apply_plan,
    compare,
    lock_path,
)
from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.server import RunningSandbox
from integrations.settings import load_settings

FORMS_PATH = {"zendesk": "/api/v2/ticket_forms", "freshdesk": "/api/v2/ticket-forms"}


def options(*values: str) -> tuple[Option, ...]:
    return tuple(Option(v, v.replace("_", " ").title()) for v in values)


def model(target: str, root: Path, *, product_title: str = "Product",
          product_options: tuple[Option, ...] = options("game_a", "game_b", "game_c"),
          serial_kind: str = "text", conditions: bool = True, forms: bool = True,
          required: bool = True) -> Workspace:
    zendesk = target == "zendesk"
    product = Field(key="product", kind="dropdown", title=product_title,
                    titles={"en": product_title, "fr": "Produit"} if zendesk else {},
                    options=product_options)
    serial = Field(key="serial", kind=serial_kind, title="Serial number")  # type: ignore[arg-type]
    refund = Field(key="refund", kind="checkbox", title="Refund wanted")
    conds = (Condition("product", "game_a", (ConditionChild("serial", required),)),)
    the_forms = {
        "bug": Form(key="bug", title="Bug report",
                    fields=("subject", "description", "product", "serial"),
                    conditions=conds if conditions else ()),
        "billing": Form(key="billing", title="Billing", fields=("subject", "refund")),
    } if forms else {}
    return Workspace(root=root, default_locale="en", locales=("en", "fr") if zendesk else ("en",),
                     fields={"product": product, "serial": serial, "refund": refund},
                     forms=the_forms)


@dataclass
class Env:
    target: str
    emu: Emulator
    vars: dict[str, str]
    root: Path
    capsys: pytest.CaptureFixture[str]

    def write(self, ws: Workspace) -> Workspace:
        workspace_pkg.write_workspace(ws, self.root, replace=True)
        return workspace_pkg.load(self.root, self.target)

    def connect(self) -> Helpdesk:
        """An adapter whose retry waits advance the sandbox clock instead of sleeping."""
        def wait(seconds: float) -> None:
            self.emu.clock.advance(seconds)

        retry = RetryPolicy(sleep=wait)
        return connect(load_settings(self.vars, dotenv=None), self.target, retry=retry)

    def lock(self, root: Path | None = None) -> LockFile:
        return LockFile.load(lock_path(root or self.root, self.target), target=self.target,
                             environment=self.target)

    def cli(self, *args: str, root: Path | None = None) -> tuple[int, str, str]:
        from integrations.cli.main import main

        self.capsys.readouterr()
        code = main(["-w", str(root or self.root), "--target", self.target, *args])
        out = self.capsys.readouterr()
        return code, out.out, out.err

    def writes(self, since: int) -> list[str]:
        return [f"{r.method} {r.path}" for r in self.emu.log.writes(since=since)]


def make_env(target: str, sandbox: RunningSandbox, tmp_path: Path,
             monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Env:
    variables = sandbox.zendesk_env() if target == "zendesk" else sandbox.freshdesk_env()
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)  # no stray .env
    emu = sandbox.zendesk if target == "zendesk" else sandbox.freshdesk
    return Env(target, emu, variables, tmp_path / "ws", capsys)


@pytest.fixture(params=["zendesk", "freshdesk"])
def env(request: pytest.FixtureRequest, fresh_sandbox: RunningSandbox, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Env:
    return make_env(str(request.param), fresh_sandbox, tmp_path, monkeypatch, capsys)


@pytest.fixture
def zendesk(fresh_sandbox: RunningSandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
            capsys: pytest.CaptureFixture[str]) -> Env:
    """Zendesk only: ticket forms as a plan feature, conditions, form order."""
    return make_env("zendesk", fresh_sandbox, tmp_path, monkeypatch, capsys)


def library_apply(env: Env, desired: Workspace, *, prune: bool = False,
                  allow_destructive: bool = False) -> tuple[int, int, list[Op]]:
    """Plan and apply through the library: (server-side writes, adapter writes, ops)."""
    mark = env.emu.log.mark()
    with env.connect() as desk:
        plan = compare(desired, desk.read_state(), env.lock(), prune=prune,
                       capabilities=desk.capabilities, target=desk.target)
        lock = env.lock()
        apply_plan(plan, desk, lock, allow_destructive=allow_destructive)
        return len(env.writes(mark)), desk.calls.writes, list(plan.ops)


def remote_fields(env: Env) -> dict[str, Field]:
    with env.connect() as desk:
        return {f.title: f for f in desk.read_state().fields}


def shown(env: Env, *keys: str) -> list[str]:
    """What the helpdesk holds for these option keys of `options`: the key (a Zendesk
    tag), or the title (a Freshdesk choice value is the text customers see)."""
    return [k.replace("_", " ").title() if env.target == "freshdesk" else k for k in keys]


def test_create_from_empty_then_second_apply_makes_zero_writes(env: Env) -> None:
    env.write(model(env.target, env.root))
    code, out, err = env.cli("apply", "--auto-approve")
    assert code == 0, err
    assert "Apply complete" in out and "Plan: " in out
    mark = env.emu.log.mark()
    code, out, err = env.cli("-v", "apply", "--auto-approve")
    assert code == 0, err
    assert "No changes" in out
    assert ", 0 writes" in err  # the adapter's counters, printed with -v
    assert env.writes(mark) == []  # server side
    desired = workspace_pkg.load(env.root, env.target)
    server_writes, adapter_writes, ops = library_apply(env, desired)
    assert (server_writes, adapter_writes, ops) == (0, 0, [])  # and client side
    code, out, _ = env.cli("plan", "--detailed-exitcode")
    assert code == 0 and "No changes" in out
    lock = json.loads(lock_path(env.root, env.target).read_text())
    assert sorted(lock["fields"]) == ["product", "refund", "serial"]
    assert sorted(lock["forms"]) == ["billing", "bug"]
    assert "sandbox" not in json.dumps(lock)  # no credential, no host


def test_rename_updates_the_field_in_place(env: Env) -> None:
    env.write(model(env.target, env.root))
    assert env.cli("apply", "--auto-approve")[0] == 0
    before = env.lock().fields["product"].id
    env.write(model(env.target, env.root, product_title="Game"))
    code, out, _ = env.cli("plan", "--detailed-exitcode")
    assert code == 2
    assert 'title: "Product" → "Game"' in out
    assert "+ field" not in out
    code, out, err = env.cli("apply", "--auto-approve")
    assert code == 0, err
    fields = remote_fields(env)
    assert "Game" in fields and "Product" not in fields
    assert fields["Game"].id == before == env.lock().fields["product"].id


def test_options_added_reordered_removed_with_and_without_prune(env: Env) -> None:
    env.write(model(env.target, env.root))
    assert env.cli("apply", "--auto-approve")[0] == 0
    env.write(model(env.target, env.root,
                    product_options=options("game_c", "game_a", "game_d")))  # b removed
    mark = env.emu.log.mark()
    code, out, err = env.cli("apply", "--auto-approve")
    assert code == 0, err
    assert "note: option product.game_b is no longer in the workspace: kept" in out
    fid = env.lock().fields["product"].id
    # per-option calls only: never the field with its whole option list
    path = (f"/api/v2/ticket_fields/{fid}/options" if env.target == "zendesk"
            else f"/api/v2/admin/ticket_fields/{fid}")
    assert env.writes(mark) and all(w.endswith(path) for w in env.writes(mark))
    assert [o.value for o in remote_fields(env)["Product"].options] == shown(
        env, "game_c", "game_a", "game_b", "game_d")
    code, out, err = env.cli("apply", "--auto-approve", "--prune")
    assert code == 1
    assert "destructive" in err and "product.game_b" in err
    code, out, err = env.cli("apply", "--auto-approve", "--prune", "--allow-destructive")
    assert code == 0, err
    assert [o.value for o in remote_fields(env)["Product"].options] == shown(
        env, "game_c", "game_a", "game_d")
    assert "game_b" not in env.lock().fields["product"].options
    mark = env.emu.log.mark()
    assert env.cli("apply", "--auto-approve", "--prune")[0] == 0
    assert env.writes(mark) == []


def test_interrupted_apply_converges_without_duplicates(env: Env) -> None:
    desired = env.write(model(env.target, env.root))
    # 1. the helpdesk goes down for forms after the plan was read: fields are recorded
    with env.connect() as desk:
        plan = compare(desired, desk.read_state(), env.lock(), capabilities=desk.capabilities,
                       target=desk.target)
        env.emu.set_faults(error_rate=1.0, error_status=503,
                           path_prefix=FORMS_PATH[env.target])
        with pytest.raises(Unavailable) as info:
            apply_plan(plan, desk, env.lock())
    assert str(info.value).startswith("creating form ")
    assert set(env.lock().fields) == {"product", "serial", "refund"}
    env.emu.clear_faults()
    # 2. Ctrl-C after the first operation of the next run
    with env.connect() as desk:
        plan = compare(desired, desk.read_state(), env.lock(), capabilities=desk.capabilities,
                       target=desk.target)
        assert {op.kind for op in plan.ops} <= {"form", "form_order"}

        def interrupt(done: int, total: int, op: Op) -> None:
            raise KeyboardInterrupt

        with pytest.raises(KeyboardInterrupt):
            apply_plan(plan, desk, env.lock(), progress=interrupt)
    # 3. apply again: finishes, nothing duplicated; then a no-op
    library_apply(env, desired)
    with env.connect() as desk:
        state = desk.read_state()
    titles = [f.title for f in state.fields]
    assert sorted(t for t in titles if t in ("Product", "Serial number", "Refund wanted")) == [
        "Product", "Refund wanted", "Serial number"]
    assert [f.title for f in state.forms].count("Bug report") == 1
    assert [f.title for f in state.forms].count("Billing") == 1
    assert library_apply(env, desired)[:2] == (0, 0)


def test_lost_lock_adopts_by_title(env: Env) -> None:
    desired = env.write(model(env.target, env.root))
    library_apply(env, desired)
    lock_path(env.root, env.target).unlink()
    code, out, _ = env.cli("plan")
    assert code == 0
    assert "+ field" not in out and "+ form" not in out
    assert "adopts the existing helpdesk field" in out
    mark = env.emu.log.mark()
    assert env.cli("apply", "--auto-approve")[0] == 0
    assert env.writes(mark) == []
    assert set(env.lock().fields) == {"product", "serial", "refund"}


def test_export_then_plan_shows_no_changes(env: Env, tmp_path: Path) -> None:
    ws = model(env.target, env.root)
    refund = replace(ws.fields["refund"], required_in_portal=True)  # required on the portal
    env.write(replace(ws, fields={**ws.fields, "refund": refund}))
    assert env.cli("apply", "--auto-approve")[0] == 0
    out_dir = tmp_path / "exported"
    code, out, err = env.cli("export", "--out", str(out_dir))
    assert code == 0, err
    assert (out_dir / "locks" / f"{env.target}.json").exists()
    report = workspace_pkg.check(out_dir, env.target)
    assert report.ok and [str(w) for w in report.warnings] == []
    billing = json.loads((out_dir / "forms" / "billing.json").read_text())
    assert billing["required"] == ["refund_wanted"]  # keys come from titles
    code, out, err = env.cli("plan", "--detailed-exitcode", root=out_dir)
    assert code == 0, out + err
    assert "No changes" in out
    code, out, _ = env.cli("drift", root=out_dir)
    assert code == 0, out


def test_drift_lists_hand_changes_and_exits_3(env: Env) -> None:
    desired = env.write(model(env.target, env.root))
    code, out, err = env.cli("drift")
    assert code == 1 and "no lock file" in err
    library_apply(env, desired)
    assert env.cli("drift")[0] == 0
    with env.connect() as desk:  # an admin renames the field by hand
        fid = env.lock().fields["serial"].id
        desk.update_field(fid, replace(desired.fields["serial"], title="Serial (by hand)"))
    code, out, _ = env.cli("drift")
    assert code == 3
    assert "field serial" in out and "changed by hand" in out and "Serial (by hand)" in out
    code, out, _ = env.cli("drift", "--json")
    assert code == 3
    assert json.loads(out)["drift"][0]["key"] == "serial"
    assert env.cli("apply", "--auto-approve")[0] == 0
    assert env.cli("drift")[0] == 0


def test_type_change_is_a_destructive_replace(env: Env) -> None:
    env.write(model(env.target, env.root))
    assert env.cli("apply", "--auto-approve")[0] == 0
    old = env.lock().fields["serial"].id
    env.write(model(env.target, env.root, serial_kind="integer"))
    code, out, _ = env.cli("plan")
    assert "-/+ field serial: type text → integer  (destructive)" in out
    code, _, err = env.cli("apply", "--auto-approve")
    assert code == 1 and "--allow-destructive" in err
    code, _, err = env.cli("apply", "--auto-approve", "--allow-destructive")
    assert code == 0, err
    new = env.lock().fields["serial"].id
    assert new != old
    assert remote_fields(env)["Serial number"].kind == "integer"
    mark = env.emu.log.mark()
    assert env.cli("apply", "--auto-approve")[0] == 0
    assert env.writes(mark) == []


def test_rate_limited_plan_with_injected_429s_completes(env: Env) -> None:
    """Freshdesk Growth (200/min) / Zendesk Growth (400/min: Team, 200/min, has no ticket
    forms, which this workspace has) and a 429 storm: no call fails."""
    env.emu.set_plan("growth")
    desired = env.write(model(env.target, env.root))
    env.emu.set_faults(storm=6, storm_retry_after=2)
    mark = env.emu.log.mark()
    with env.connect() as desk:
        plan = compare(desired, desk.read_state(), env.lock(), capabilities=desk.capabilities,
                       target=desk.target)
        apply_plan(plan, desk, env.lock())
        assert desk.calls.rate_limited == 6
    log = env.emu.log.entries(since=mark)
    assert [r.status for r in log].count(429) == 6
    assert all(r.status < 400 for r in log if r.status != 429)
    assert library_apply(env, desired)[:2] == (0, 0)


def test_zendesk_team_plan_fields_apply_and_forms_are_one_clear_error(zendesk: Env) -> None:
    """Team has no ticket forms (403 on the list): reading still works, a workspace of
    fields alone plans and applies, and one with forms is refused while planning."""
    env = zendesk
    env.emu.set_plan("team")
    env.write(model(env.target, env.root))
    mark = env.emu.log.mark()
    code, _out, err = env.cli("apply", "--auto-approve")
    assert code == 1
    assert err.strip().splitlines() == [
        "error: forms/billing.json (and 1 more form(s)): this zendesk account's plan has no "
        "ticket forms (403 Forbidden: Ticket forms are not available on the team plan. You "
        "do not have access to this page.); upgrade the plan, or remove the forms from the "
        "workspace to provision its fields only"]
    assert env.writes(mark) == []  # found while planning, before any write
    env.write(model(env.target, env.root, forms=False))
    code, out, err = env.cli("apply", "--auto-approve")
    assert code == 0, err
    assert "Apply complete" in out
    assert {"Product", "Serial number", "Refund wanted"} <= set(remote_fields(env))
    mark = env.emu.log.mark()
    code, out, _ = env.cli("plan", "--detailed-exitcode")
    assert code == 0 and "No changes" in out
    assert env.writes(mark) == []
    code, out, _ = env.cli("doctor")
    assert "ticket forms are not on this plan" in out


def test_zendesk_conditions_and_form_order(zendesk: Env) -> None:
    env = zendesk
    desired = env.write(model(env.target, env.root))
    library_apply(env, desired)
    with env.connect() as desk:
        form = next(f for f in desk.read_state().forms if f.title == "Bug report")
    lock = env.lock()
    assert form.conditions == (Condition(lock.fields["product"].id, "game_a",
                                         (ConditionChild(lock.fields["serial"].id, True),)),)
    desired = env.write(model(env.target, env.root, required=False))
    code, out, _ = env.cli("plan", "--detailed-exitcode")
    assert code == 2 and "~ form bug" in out and "conditions:" in out
    # form order follows the workspace (created in key order: billing, bug): bug first
    ws = model(env.target, env.root, required=False)
    ws = replace(ws, forms={"bug": replace(ws.forms["bug"], position=0),
                            "billing": replace(ws.forms["billing"], position=1)})
    desired = env.write(ws)
    code, out, _ = env.cli("plan")
    assert "~ form order:" in out
    assert env.cli("apply", "--auto-approve")[0] == 0
    with env.connect() as desk:
        titles = [f.title for f in desk.read_state().forms]
    assert titles.index("Bug report") < titles.index("Billing")
    assert library_apply(env, workspace_pkg.load(env.root, env.target))[:2] == (0, 0)


def test_two_applies_never_run_at_once(env: Env) -> None:
    env.write(model(env.target, env.root))
    with ApplyLock(lock_path(env.root, env.target)):
        code, _, err = env.cli("apply", "--auto-approve")
    assert code == 1 and "another apply is running" in err


EXAMPLES = Path(__file__).resolve().parents[2] / "schemas" / "examples"


@pytest.mark.parametrize(("target", "example"), [("zendesk", "game-publisher"),
                                                 ("zendesk", "streaming-platform"),
                                                 ("freshdesk", "game-publisher"),
                                                 ("freshdesk", "streaming-platform")])
def test_shipped_examples_converge_in_one_apply(
        target: str, example: str, fresh_sandbox: RunningSandbox, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    env = make_env(target, fresh_sandbox, tmp_path, monkeypatch, capsys)
    shutil.copytree(EXAMPLES / example, env.root)
    if target == "zendesk":  # the brands the examples restrict forms to
        env.emu.seed("brands", [{"name": n, "subdomain": n}
                                for n in ("gamigo-us", "streaming")])
    code, out, err = env.cli("apply", "--auto-approve")
    assert code == 0, out + err
    mark = env.emu.log.mark()
    code, out, err = env.cli("plan", "--detailed-exitcode")
    assert code == 0, out
    assert env.cli("apply", "--auto-approve")[0] == 0
    assert env.writes(mark) == []


def test_plan_json_and_environments(zendesk: Env) -> None:
    env = zendesk
    env.write(model(env.target, env.root))
    code, out, _ = env.cli("plan", "--json", "--detailed-exitcode")
    assert code == 2
    data = json.loads(out)
    assert data["has_changes"] is True
    assert data["summary"] == {"create": 5, "change": 0, "delete": 0, "destructive": 0}
    assert {c["op"] for c in data["changes"]} == {"create_field", "create_form",
                                                 "set_translations"}
    assert env.cli("apply", "--auto-approve", "--env", "staging")[0] == 0
    staging = json.loads((env.root / "locks" / "staging.json").read_text())
    assert staging["environment"] == "staging" and staging["target"] == "zendesk"
    assert not (env.root / "locks" / "zendesk.json").exists()
    code, out, _ = env.cli("plan", "--env", "staging", "--detailed-exitcode")
    assert code == 0


def test_prune_only_touches_this_workspaces_objects(env: Env, tmp_path: Path) -> None:
    """Two workspaces (brands) share one account: B's --prune never deletes A's objects."""
    env.write(model(env.target, env.root))
    assert env.cli("apply", "--auto-approve")[0] == 0
    other = tmp_path / "brand_b"
    ws_b = Workspace(root=other, default_locale="en", locales=("en",),
                     fields={"order": Field(key="order", kind="text", title="Order number")},
                     forms={})
    workspace_pkg.write_workspace(ws_b, other)
    assert env.cli("apply", "--auto-approve", root=other)[0] == 0
    mark = env.emu.log.mark()
    code, out, err = env.cli("apply", "--auto-approve", "--prune", "--allow-destructive",
                             root=other)
    assert code == 0, err
    assert env.writes(mark) == []
    titles = set(remote_fields(env))
    assert {"Product", "Serial number", "Refund wanted", "Order number"} <= titles
    # A drops a field: only --prune deletes it, and only A's lock knew it
    env.write(replace(model(env.target, env.root), forms={}))
    ws_a = workspace_pkg.load(env.root, env.target)
    env.write(replace(ws_a, fields={k: v for k, v in ws_a.fields.items() if k != "refund"}))
    code, out, _ = env.cli("plan", "--prune")
    assert "- field refund" in out and "- form bug" in out and "- form billing" in out
    assert "Order number" not in out
    code, out, err = env.cli("apply", "--auto-approve", "--prune", "--allow-destructive")
    assert code == 0, err
    titles = set(remote_fields(env))
    assert "Refund wanted" not in titles and "Order number" in titles
    assert "refund" not in env.lock().fields and env.lock().forms == {}
