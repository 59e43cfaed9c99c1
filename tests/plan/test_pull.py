"""``deskops export --into``: the helpdesk pulled into an existing workspace, over HTTP on
both targets. Keys and file names stay, hand edits come back, new objects become new files,
the touched files are printed as a diff, nothing else is written, and the plan is then
empty."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from integrations.model import Field, Form, Option
from integrations.sandbox.server import RunningSandbox

from .test_e2e import Env, make_env, model


@pytest.fixture(params=["zendesk", "freshdesk"])
def env(request: pytest.FixtureRequest, fresh_sandbox: RunningSandbox, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Env:
    return make_env(str(request.param), fresh_sandbox, tmp_path, monkeypatch, capsys)


def test_pull_into_an_existing_workspace_after_hand_edits(env: Env) -> None:
    ws = env.write(model(env.target, env.root))
    assert env.cli("apply", "--auto-approve")[0] == 0
    (env.root / "templates").mkdir()
    (env.root / "templates" / "note.txt").write_text("kept as it is\n", encoding="utf-8")
    untouched = {rel: (env.root / rel).read_text(encoding="utf-8")
                 for rel in ("fields/refund.json", "forms/billing.json")}
    lock = env.lock()
    # by hand in the admin UI: a renamed field, an extra option, a new field on a new form
    added = "game_d"
    with env.connect() as desk:
        desk.update_field(lock.fields["serial"].id,
                          replace(ws.fields["serial"], title="Serial no. (by hand)"))
        desk.create_option(lock.fields["product"].id, Option(added, "Game D"), 3)
        made = desk.create_field(Field(key="warranty", kind="checkbox", title="Warranty"))
        assert made.id is not None
        desk.create_form(Form(key="returns", title="Returns",
                              fields=("subject", "description", made.id)))
    code, out, err = env.cli("export", "--into", str(env.root))
    assert code == 0, err
    assert "+++ b/fields/serial.json" in out
    assert '-  "title": "Serial number"' in out and '+  "title": "Serial no. (by hand)"' in out
    assert "+++ b/fields/product.json" in out and f'"const": "{added}"' in out
    assert "--- /dev/null\n+++ b/fields/warranty.json" in out
    assert "--- /dev/null\n+++ b/forms/returns.json" in out
    assert '+    "returns"' in out  # deskops.json: the new form joins the list
    # the account's own default form (never in the workspace) comes in as well
    assert "(1 new field(s), 2 new form(s))" in out
    for rel, text in untouched.items():  # files of objects nobody changed: not rewritten
        assert (env.root / rel).read_text(encoding="utf-8") == text
        assert rel not in out
    assert (env.root / "templates" / "note.txt").read_text(encoding="utf-8") == "kept as it is\n"
    assert sorted(p.name for p in (env.root / "fields").iterdir()) == [
        "product.json", "refund.json", "serial.json", "warranty.json"]  # keys kept
    new_lock = env.lock()
    assert new_lock.fields["serial"].id == lock.fields["serial"].id
    assert new_lock.fields["warranty"].id == made.id
    code, out, err = env.cli("plan", "--detailed-exitcode")
    assert code == 0, out + err
    assert env.cli("drift")[0] == 0
    # pulling again changes nothing
    code, out, _ = env.cli("export", "--into", str(env.root))
    assert code == 0 and "0 file(s) changed" in out and "+++" not in out


def test_export_needs_exactly_one_destination(env: Env) -> None:
    env.root.mkdir()
    code, _, err = env.cli("export")
    assert code == 2 and "exactly one of --out" in err, err
