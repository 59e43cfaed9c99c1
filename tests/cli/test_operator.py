"""Operator experience: ``init``, the state folder, the sandbox's control index, and the
long-running commands' lines (``serve`` listening and per delivery, ``worker`` per event)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner
from triage_e2e.conftest import Harness, h, run_cli  # noqa: F401 - h is the fixture

from integrations.cli.main import cli, main
from integrations.events import NewEvent, queue_from_settings, store_from_settings
from integrations.init import starter_files
from integrations.sandbox.server import RunningSandbox
from integrations.settings import load_settings

DESKOPS = str(Path(sys.executable).with_name("deskops"))


# -- init ---------------------------------------------------------------------------------


def test_init_writes_a_valid_commented_workspace_and_gitignore(tmp_path: Path) -> None:
    root = tmp_path / "acme"
    result = CliRunner().invoke(cli, ["init", str(root)])
    assert result.exit_code == 0, result.output
    written = sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())
    assert written == sorted(starter_files())
    forms = sorted(p.stem for p in (root / "forms").iterdir())
    assert len(forms) == 2
    product = json.loads((root / "fields" / "product.json").read_text(encoding="utf-8"))
    assert product["$comment"] and product["x-deskops"]["title"]["fr"]
    technical = json.loads((root / "forms" / "technical-problem.json").read_text("utf-8"))
    assert technical["allOf"][0]["then"]["required"] == ["device"]  # a conditional field
    assert ".env" in (root / ".gitignore").read_text(encoding="utf-8").splitlines()
    for target in ("zendesk", "freshdesk"):
        check = CliRunner().invoke(cli, ["validate", "--target", target, str(root)])
        assert check.exit_code == 0 and "4 fields, 2 forms, locales en fr" in check.stdout
    lint = CliRunner().invoke(cli, ["-w", str(root), "kb", "lint"])
    assert lint.exit_code == 0 and "0 error(s), 0 warning(s)" in lint.stdout


def test_init_refuses_to_overwrite_and_writes_nothing(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "taken"
    root.mkdir()
    (root / "rules.json").write_text("{\"mine\": true}", encoding="utf-8")
    assert main(["init", str(root)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "rules.json" in err and len(err.splitlines()) == 1
    assert [p.name for p in root.iterdir()] == ["rules.json"]
    assert (root / "rules.json").read_text(encoding="utf-8") == "{\"mine\": true}"
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert main(["init", str(tmp_path / "file")]) == 1


def test_init_defaults_to_the_workspace_option(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["-w", str(tmp_path / "w"), "init"])
    assert result.exit_code == 0 and (tmp_path / "w" / "deskops.json").is_file()


# -- state folder --------------------------------------------------------------------------


def test_state_defaults_to_the_state_folder(tmp_path: Path) -> None:
    state = tmp_path / "state"
    settings = load_settings({"DESKOPS_STATE_DIR": str(state)}, dotenv=None)
    assert settings.state_dir == state
    assert settings.database_url == f"sqlite:///{state}/events.db"
    assert settings.queue_url == f"sqlite:///{state}/queue.db"
    assert settings.webhook_secrets_file == state / "webhook-secrets.json"
    named = load_settings({"DESKOPS_STATE_DIR": str(state),
                           "DESKOPS_WEBHOOK_SECRETS_FILE": str(tmp_path / "s.json")}, dotenv=None)
    assert named.webhook_secrets_file == tmp_path / "s.json"
    default = load_settings({}, dotenv=None)
    assert default.state_dir.is_absolute() and "deskops" in default.state_dir.parts


def test_apply_webhooks_and_worker_leave_only_committable_files(
        h: Harness, tmp_path: Path) -> None:  # noqa: F811
    """The harness applied through the CLI; install webhooks and run a worker too: the
    workspace keeps only files safe to commit, the current folder gets nothing."""
    code, _ = run_cli(h, ["webhooks", "install", "--url", "https://hooks.example.com"])
    assert code == 0
    before = set(tmp_path.iterdir())
    assert run_cli(h, ["worker", "--once"])[0] == 0
    ws_files = sorted(str(p.relative_to(h.ws)) for p in h.ws.rglob("*") if p.is_file())
    assert [f for f in ws_files if f.startswith("locks")] == [f"locks/{h.target}.json"]
    assert set(tmp_path.iterdir()) == before  # no .deskops/ in the current folder
    state = Path(os.environ["DESKOPS_STATE_DIR"])
    assert (state / "webhook-secrets.json").is_file()
    assert any((state / "runs").glob("*.apply-lock"))


# -- sandbox controls ----------------------------------------------------------------------


def test_sandbox_lists_its_controls(sandbox: RunningSandbox) -> None:
    for url, own in ((sandbox.zendesk_url, "/_sandbox/locales"),
                     (sandbox.freshdesk_url, "/_sandbox/webhook_delivery/run_due")):
        resp = requests.get(f"{url}/_sandbox/", timeout=10)
        assert resp.status_code == 200
        controls = {c["path"]: c for c in resp.json()["controls"]}
        for path in ("/_sandbox/reset", "/_sandbox/clock", "/_sandbox/faults",
                     "/_sandbox/requests", own):
            assert path in controls and controls[path]["what"], path
        assert "POST" in controls["/_sandbox/clock"]["methods"]


# -- long commands talk --------------------------------------------------------------------


def test_serve_says_where_it_listens_and_one_line_per_delivery(tmp_path: Path) -> None:
    env = {**os.environ, "DESKOPS_STATE_DIR": str(tmp_path / "state")}
    proc = subprocess.Popen([DESKOPS, "-v", "serve", "--port", "0"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.startswith("deskops receiver listening on http://127.0.0.1:"), first
        url = first.split()[4]
        proc.stdout.readline()  # where the store and secrets are
        body = b'{"ticket_id": 7, "requester": "private@example.com"}'
        resp = requests.post(f"{url}/webhooks/zendesk", data=body, timeout=10, headers={
            "Content-Type": "application/json",
            "X-Zendesk-Webhook-Id": "01HZZZZZZZZZZZZZZZZZZZZZZZ",
            "X-Zendesk-Webhook-Invocation-Id": "inv-42",
            "X-Zendesk-Webhook-Signature": "bad", "X-Zendesk-Webhook-Signature-Timestamp": "x"})
        assert resp.status_code == 401
        line = proc.stdout.readline()
        assert line.startswith("delivery zendesk id=inv-42: 401 "), line
        assert line.rstrip().endswith(" ms)") and "private@example.com" not in line
    finally:
        proc.terminate()
        proc.wait(10)


def test_worker_prints_one_line_per_event(h: Harness) -> None:  # noqa: F811
    tid = h.create("Impossible de me connecter", "Bonjour, je n'arrive plus à me connecter.",
                   locale="fr", form="account-issues", fields={"product": "game_trove"})
    settings = load_settings(dotenv=None)
    store = store_from_settings(settings)
    store.setup()
    event, _ = store.add(NewEvent(source=h.target, kind="ticket_updated", ticket_id=tid,
                                  invocation_id=uuid.uuid4().hex))
    queue_from_settings(settings).put(event.id)
    code, out = run_cli(h, ["worker", "--once"])
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(f"event {event.id} ticket {tid}: ask (")
    assert lines[0].endswith(" ms)") and lines[-1] == "processed 1 events"


def test_a_state_folder_named_in_dotenv_holds_the_run_locks_too(
        tmp_path: Path, zendesk_env: dict[str, str], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    for key, value in zendesk_env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("DESKOPS_STATE_DIR")
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text(f"DESKOPS_STATE_DIR={tmp_path / 'from-dotenv'}\n",
                                   encoding="utf-8")
    assert main(["init", "ws"]) == 0
    assert main(["-w", "ws", "apply", "--auto-approve"]) == 0, capsys.readouterr().err
    assert any((tmp_path / "from-dotenv" / "runs").glob("zendesk.json-*.apply-lock"))
