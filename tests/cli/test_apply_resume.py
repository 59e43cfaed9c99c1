"""An apply that the helpdesk breaks midway loses nothing: what was done is in the lock file,
and running apply again finishes the job without creating anything twice (counted on the
sandbox's side, not from what the client says it sent)."""

from __future__ import annotations

import json
from pathlib import Path

from integrations.sandbox.server import RunningSandbox

from .support import base_env, make_case_dir, run

SERVER = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Server",
          "type": "string"}


def test_apply_broken_by_500_midway_resumes_without_duplicates(
        fresh_sandbox: RunningSandbox, tmp_path: Path) -> None:
    zd = fresh_sandbox.zendesk
    case = make_case_dir(tmp_path, "zendesk")
    ws = case / "ws"
    env = base_env(case, fresh_sandbox.zendesk_env())
    first = run(["-w", "ws", "apply", "--auto-approve"], env, case)
    assert first.code == 0, first.describe()

    # Next change: one new field, one changed title, and a form that must list the new field.
    (ws / "fields" / "server.json").write_text(json.dumps(SERVER), encoding="utf-8")
    platform = json.loads((ws / "fields" / "platform.json").read_text(encoding="utf-8"))
    platform["title"] = "Gaming platform"
    (ws / "fields" / "platform.json").write_text(json.dumps(platform), encoding="utf-8")
    form_path = ws / "forms" / "account-issues.json"
    form = json.loads(form_path.read_text(encoding="utf-8"))
    form["properties"]["server"] = {"$ref": "../fields/server.json"}
    form_path.write_text(json.dumps(form), encoding="utf-8")

    # Every call on a single form fails: the fields go through, the form update does not.
    mark = zd.log.mark()
    zd.set_faults(error_rate=1.0, error_status=500, path_prefix="/api/v2/ticket_forms/")
    broken = run(["-w", "ws", "apply", "--auto-approve"], env, case)
    assert broken.code == 1, broken.describe()
    assert "Traceback" not in broken.stderr
    errors = [line for line in broken.err_lines if line.startswith("error: ")]
    assert len(errors) == 1 and "500" in errors[0], broken.describe()
    assert errors[0].endswith("3 of 4 change(s) were applied and recorded in "
                              "ws/locks/zendesk.json: run apply again to finish"), errors[0]
    assert all(line.startswith(("error: ", "Applying")) for line in broken.err_lines), \
        broken.describe()
    created = zd.log.entries(method="POST", path="/api/v2/ticket_fields", since=mark)
    assert len(created) == 1, created
    lock = json.loads((ws / "locks" / "zendesk.json").read_text(encoding="utf-8"))
    assert "server" in lock["fields"], "the field created before the failure is recorded"

    zd.clear_faults()
    again = run(["-w", "ws", "apply", "--auto-approve"], env, case)
    assert again.code == 0, again.describe()
    assert zd.log.entries(method="POST", path="/api/v2/ticket_fields", since=mark) == created
    assert zd.log.writes("/api/v2/ticket_forms", since=mark), "the form update was finished"
    done = run(["-w", "ws", "plan", "--detailed-exitcode"], env, case)
    assert done.code == 0, done.describe()
    fields = [f for f in zd.store.all("ticket_fields") if f.get("raw_title") == "Server"]
    assert len(fields) == 1
