"""One output style: global options anywhere, warnings once, diagnostics on stderr and
results on stdout, listings with headers and --json, kb sync asking like apply, progress
lines when stderr is not a terminal, quotation marks per locale, kb lint on titles."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from integrations.cli.main import cli, main
from integrations.events import NewEvent, store_from_settings
from integrations.init import write_starter
from integrations.sandbox.server import RunningSandbox
from integrations.settings import load_settings
from integrations.triage._templates import load_templates


def _starter(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    write_starter(root)
    return root


def _use(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)


def test_global_options_work_after_the_command(tmp_path: Path, zendesk_env: dict[str, str],
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    ws = _starter(tmp_path)
    _use(monkeypatch, zendesk_env)
    monkeypatch.chdir(tmp_path)  # "." is not the workspace: only -w can point at it
    assert main(["-w", str(ws), "plan"]) == 0
    before = capsys.readouterr().out
    assert main(["plan", "-w", str(ws), "--target", "zendesk", "-v"]) == 0
    after = capsys.readouterr()
    assert after.out == before and "Plan:" in before
    assert "API calls" in after.err  # -v after the command counts too
    assert main(["kb", "lint", "--workspace", str(ws)]) == 0
    assert "0 error(s), 0 warning(s)" in capsys.readouterr().out


def test_warnings_print_once_per_command(tmp_path: Path, freshdesk_env: dict[str, str],
                                         monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    ws = _starter(tmp_path)
    _use(monkeypatch, freshdesk_env)
    assert main(["-w", str(ws), "apply", "--auto-approve",
                 "--webhook-url", "https://hooks.example.com"]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines()
                if line.startswith("warning:")]
    assert any("order_number.json:/pattern" in w for w in warnings)
    assert len(warnings) == len(set(warnings))


def test_a_repeated_warning_is_printed_once(capsys: pytest.CaptureFixture[str]) -> None:
    """The worker reloads an edited workspace, and a command may read it twice: the same
    warning is printed the first time only (others, and errors, always)."""
    import logging

    from integrations.cli.main import _configure_logging

    _configure_logging(False)
    log = logging.getLogger("deskops.workspace")
    for message in ("a: one", "a: one", "b: two", "a: one"):
        log.warning(message)
    log.error("a: one")
    log.error("a: one")
    assert capsys.readouterr().err.splitlines() == [
        "warning: a: one", "warning: b: two", "error: a: one", "error: a: one"]


def test_validate_problems_go_to_stderr_and_all_at_once(tmp_path: Path) -> None:
    ws = _starter(tmp_path)
    fields = ws / "fields"
    product = json.loads((fields / "product.json").read_text(encoding="utf-8"))
    product["minLenght"] = 3  # a meta-schema error ...
    (fields / "product.json").write_text(json.dumps(product), encoding="utf-8")
    (ws / "forms" / "broken.json").write_text('{"title": ', encoding="utf-8")  # bad JSON
    settings = json.loads((ws / "deskops.json").read_text(encoding="utf-8"))
    settings["forms"].append("nope")  # ... and a cross-file one, all in one run
    (ws / "deskops.json").write_text(json.dumps(settings), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(ws)])
    assert result.exit_code == 1 and result.stdout == ""
    problems = [line for line in result.stderr.splitlines() if not line.startswith("warning")]
    assert any("minLenght" in p for p in problems)
    assert any(p.startswith("forms/broken.json:") for p in problems)
    assert any("unknown form 'nope'" in p for p in problems)
    ok = CliRunner().invoke(cli, ["validate", str(_starter(tmp_path / "b"))])
    assert ok.exit_code == 0 and ok.stdout.startswith("ok: ") and ok.stderr == ""


def test_events_list_has_a_header_and_json(tmp_path: Path) -> None:
    store = store_from_settings(load_settings(dotenv=None))
    store.setup()
    rec, _ = store.add(NewEvent(source="zendesk", kind="ticket_created", ticket_id=42,
                                invocation_id=uuid.uuid4().hex))
    text = CliRunner().invoke(cli, ["events", "list"])
    header, row = text.stdout.splitlines()
    assert header.split()[:6] == ["ID", "STATUS", "SOURCE", "KIND", "TICKET", "TRIES"]
    assert row.split()[:5] == [str(rec.id), "queued", "zendesk", "ticket_created", "42"]
    as_json = CliRunner().invoke(cli, ["events", "list", "--json"])
    assert json.loads(as_json.stdout)["ticket_id"] == 42
    shown = CliRunner().invoke(cli, ["events", "show", "--json", str(rec.id)])
    assert json.loads(shown.stdout)["id"] == rec.id


def test_kb_sync_asks_like_apply_and_prints_progress_lines(
        tmp_path: Path, fresh_sandbox: RunningSandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = _starter(tmp_path)
    _use(monkeypatch, fresh_sandbox.zendesk_env())
    runner = CliRunner()
    fresh_sandbox.zendesk.log.clear()
    no = runner.invoke(cli, ["-w", str(ws), "kb", "sync"], input="n\n")
    assert no.exit_code != 0 and "Publish these changes?" in no.stderr
    assert fresh_sandbox.zendesk.log.writes() == []
    yes = runner.invoke(cli, ["-w", str(ws), "kb", "sync"], input="y\n")
    assert yes.exit_code == 0, yes.output
    steps = [line for line in yes.stderr.splitlines() if line.startswith("Publishing ")]
    assert steps and steps[0].startswith("Publishing 1/") and "Published:" in yes.stdout
    again = runner.invoke(cli, ["-w", str(ws), "kb", "sync"])  # nothing to write: no question
    assert again.exit_code == 0 and "Publish these changes?" not in again.stderr


def test_apply_prints_one_progress_line_per_change_without_a_terminal(
        tmp_path: Path, zendesk_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    ws = _starter(tmp_path)
    _use(monkeypatch, zendesk_env)
    result = CliRunner().invoke(cli, ["-w", str(ws), "apply", "--auto-approve"])
    assert result.exit_code == 0, result.output
    steps = [line for line in result.stderr.splitlines() if line.startswith("Applying ")]
    total = int(steps[0].split()[1].split("/")[1].rstrip(":"))
    assert len(steps) == total and steps[-1].startswith(f"Applying {total}/{total}: ")
    assert "create_form technical-problem" in result.stderr


def test_quotation_marks_follow_the_locale() -> None:
    templates = load_templates(None)
    item = [{"label": "Order", "hint": None, "reason": "missing", "value": "12<3"}]
    _, en = templates.render("request", "en", subject="App <crash>", items=item)
    _, fr = templates.render("request", "fr", subject="App <crash>", items=item)
    assert "\u201cApp &lt;crash&gt;\u201d" in en and "«" not in en
    assert "«\u00a0App &lt;crash&gt;\u00a0»" in fr
    assert "\u201c12&lt;3\u201d" in en


def test_kb_lint_warns_about_untitled_categories_and_sections(tmp_path: Path) -> None:
    ws = _starter(tmp_path)
    (ws / "kb" / "manifest.yaml").unlink()
    result = CliRunner().invoke(cli, ["-w", str(ws), "kb", "lint"])
    assert result.exit_code == 0
    warned = [line for line in result.stderr.splitlines() if "no title" in line]
    assert len(warned) == 2
    assert any("categories: help:" in w and "'help'" in w for w in warned)
    assert any("sections: help/account:" in w for w in warned)


def test_drift_reads_like_plan_helpdesk_then_workspace(
        tmp_path: Path, fresh_sandbox: RunningSandbox, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import requests

    from integrations.sandbox import ADMIN_EMAIL, API_TOKEN

    ws = _starter(tmp_path)
    _use(monkeypatch, fresh_sandbox.zendesk_env())
    assert main(["-w", str(ws), "apply", "--auto-approve"]) == 0
    field_id = json.loads((ws / "locks" / "zendesk.json").read_text("utf-8"))["fields"][
        "product"]["id"]
    resp = requests.put(f"{fresh_sandbox.zendesk_url}/api/v2/ticket_fields/{field_id}.json",
                        json={"ticket_field": {"title": "Changed by hand"}}, timeout=10,
                        auth=(f"{ADMIN_EMAIL}/token", API_TOKEN))
    assert resp.status_code == 200, resp.text
    capsys.readouterr()
    assert main(["drift", "-w", str(ws)]) == 3
    out = capsys.readouterr().out
    assert '"Changed by hand" (helpdesk) → "Product" (workspace)' in out, out
    assert main(["plan", "-w", str(ws)]) == 0
    assert '"Changed by hand" → "Product"' in capsys.readouterr().out  # same orientation
