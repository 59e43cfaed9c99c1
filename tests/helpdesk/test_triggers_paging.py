"""More than 100 Zendesk triggers: install and doctor read every page (issue 17, finding 1).

Zendesk lists "a maximum of 100 records per page"; the sandbox does the same, so deskops's
own triggers, created after 120 others, sit on the second page.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from integrations.cli.main import cli
from integrations.sandbox.server import RunningSandbox
from integrations.settings import load_settings
from integrations.webhooks import SecretBook
from integrations.webhooks.install import install

RECEIVER = "https://hooks.example.org"


def _others(sandbox: RunningSandbox, n: int) -> None:
    for i in range(n):
        sandbox.zendesk.store.insert("triggers", {
            "title": f"Team rule {i}", "active": True, "actions": [
                {"field": "status", "value": "open"}],
            "conditions": {"all": [], "any": []}, "created_at": "2024-01-01T00:00:00Z",
            "updated_at": "2024-01-01T00:00:00Z"})


def test_install_twice_with_120_triggers_creates_nothing_twice(
        zendesk_env: dict[str, str], fresh_sandbox: RunningSandbox, tmp_path: Path) -> None:
    _others(fresh_sandbox, 120)
    settings = load_settings(zendesk_env, dotenv=None)
    book = SecretBook(tmp_path / "secrets.json")
    first = list(install(settings, "zendesk", RECEIVER, book))
    assert sum(": created" in line for line in first if line.startswith("trigger")) == 2
    again = list(install(settings, "zendesk", RECEIVER, book))
    assert [ln for ln in again if ln.startswith("trigger")] and all(
        ln.endswith(": up to date") for ln in again if ln.startswith("trigger")), again
    titles = [t["title"] for t in fresh_sandbox.zendesk.store.all("triggers")]
    assert titles.count("deskops: ticket created") == 1
    assert titles.count("deskops: ticket updated by requester") == 1
    assert len(titles) == 122
    # each page read had at most 100 triggers: the client followed the links
    pages = [r for r in fresh_sandbox.zendesk.log.entries()
             if r.path == "/api/v2/triggers" and r.method == "GET"]
    assert len(pages) == 4  # two pages per install


def test_doctor_finds_triggers_on_a_later_page(
        zendesk_env: dict[str, str], fresh_sandbox: RunningSandbox, tmp_path: Path) -> None:
    _others(fresh_sandbox, 120)
    settings = load_settings(zendesk_env, dotenv=None)
    list(install(settings, "zendesk", RECEIVER, SecretBook(tmp_path / "secrets.json")))
    ws = tmp_path / "w"
    ws.mkdir()
    (ws / "deskops.json").write_text('{"locales": ["en"]}')
    result = CliRunner().invoke(cli, ["-w", str(ws), "doctor", "--webhook-url", RECEIVER],
                                env=zendesk_env)
    line = next(ln for ln in result.output.splitlines() if ln[5:].startswith("triggers:"))
    assert line.startswith("ok   triggers:"), result.output


def test_a_changed_webhook_is_put_back_whole(zendesk_env: dict[str, str],
                                             fresh_sandbox: RunningSandbox,
                                             tmp_path: Path) -> None:
    """The documented full update (PUT), not a PATCH whose content type is unsettled."""
    settings = load_settings(zendesk_env, dotenv=None)
    book = SecretBook(tmp_path / "secrets.json")
    list(install(settings, "zendesk", RECEIVER, book))
    [hook] = fresh_sandbox.zendesk.store.all("webhooks")
    fresh_sandbox.zendesk.store.put("webhooks", {**hook, "status": "inactive"})
    mark = fresh_sandbox.zendesk.log.mark()
    lines = list(install(settings, "zendesk", RECEIVER, book))
    assert any(ln.endswith(f"updated ({RECEIVER}/webhooks/zendesk)") for ln in lines), lines
    writes = [(r.method, r.path.rpartition("/")[0])
              for r in fresh_sandbox.zendesk.log.writes(since=mark)]
    assert writes == [("PUT", "/api/v2/webhooks")]
    assert fresh_sandbox.zendesk.store.all("webhooks")[0]["status"] == "active"
