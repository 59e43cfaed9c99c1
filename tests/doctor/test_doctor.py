"""``deskops doctor`` over real HTTP: the sandbox helpdesks and a real receiver on uvicorn.

Every check prints one line (``ok``/``FAIL``/``skip`` and why); any FAIL exits 1; nothing
raises to the user and no secret is printed.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner
from pipeline.support import serve  # tests/ is on sys.path: the pipeline tests' uvicorn helper

from integrations.cli.main import cli
from integrations.events import open_store
from integrations.sandbox import API_TOKEN, FRESHDESK_API_KEY
from integrations.sandbox.freshdesk.settings import set_languages
from integrations.sandbox.server import RunningSandbox
from integrations.sandbox.zendesk.help_center import set_hc_locales
from integrations.sandbox.zendesk.oauth import issue_token
from integrations.settings import load_settings
from integrations.webhooks import ReceiverConfig, SecretBook, create_app
from integrations.webhooks.install import install

SECRETS = (API_TOKEN, FRESHDESK_API_KEY)


@dataclass
class Run:
    code: int
    lines: list[str]

    def line(self, name: str) -> str:
        found = [ln for ln in self.lines if ln[5:].startswith(f"{name}:")]
        assert len(found) == 1, self.lines
        return found[0]


def doctor(env: dict[str, str], workspace: Path, *args: str) -> Run:
    result = CliRunner().invoke(cli, ["-w", str(workspace), "doctor", *args], env=env)
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    for secret in SECRETS:
        assert secret not in result.output
    return Run(result.exit_code, result.output.splitlines())


def workspace(root: Path, locales: list[str], kb: dict[str, str] | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "deskops.json").write_text(f'{{"locales": {locales!r}}}'.replace("'", '"'))
    for rel, text in (kb or {}).items():
        page = root / "kb" / rel
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(text, encoding="utf-8")
    return root


def article(locale: str, title: str) -> str:
    return f"---\nkey: start\nlocale: {locale}\n---\n# {title}\n\nSome words.\n"


KB = {"help/start/a.en.md": article("en", "Start here"),
      "help/start/a.fr.md": article("fr", "Commencer ici"),
      "help/start/a.ko.md": article("ko", "여기서 시작")}


@pytest.fixture
def receiver(tmp_path: Path) -> Iterator[str]:
    store = open_store(f"sqlite:///{tmp_path}/events.db")
    book = SecretBook(tmp_path / "receiver-secrets.json")
    with serve(create_app(ReceiverConfig(store=store, queue=None, secrets=book))) as url:
        yield url
    store.close()


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


def installed(env: dict[str, str], url: str, tmp_path: Path) -> None:
    """``deskops webhooks install --url URL`` through the library, as the CLI does."""
    settings = load_settings(env)
    lines = list(install(settings, env["DESKOPS_TARGET"], url,
                         SecretBook(tmp_path / "install-secrets.json")))
    assert lines


def test_zendesk_all_green(zendesk_env: dict[str, str], receiver: str,
                           tmp_path: Path) -> None:
    ws = workspace(tmp_path / "w", ["en", "fr", "ko"], KB)
    installed(zendesk_env, receiver, tmp_path)
    run = doctor(zendesk_env, ws, "--webhook-url", receiver)
    assert run.code == 0, run.lines
    names = [ln[5:].split(":")[0] for ln in run.lines]
    assert names == ["credential", "ticket forms", "locales", "guide locales", "webhook",
                     "triggers", "webhook receiver"]
    assert all(ln.startswith("ok   ") for ln in run.lines), run.lines
    assert "en, fr, ko enabled in Guide" in run.line("guide locales")
    assert f"posts to {receiver}/webhooks/zendesk" in run.line("webhook")
    assert "up and ready (/healthz, /readyz)" in run.line("webhook receiver")


def test_zendesk_failures_one_line_each(zendesk_env: dict[str, str], fresh_sandbox: RunningSandbox,
                                        receiver: str, tmp_path: Path) -> None:
    ws = workspace(tmp_path / "w", ["en", "fr"], KB)
    installed(zendesk_env, receiver, tmp_path)
    set_hc_locales(fresh_sandbox.zendesk, ["en-us", "fr"], "en-us")
    base = fresh_sandbox.zendesk_url
    auth = (f"{zendesk_env['ZENDESK_EMAIL']}/token", API_TOKEN)
    hooks = requests.get(f"{base}/api/v2/webhooks", auth=auth, timeout=10).json()["webhooks"]
    requests.patch(f"{base}/api/v2/webhooks/{hooks[0]['id']}", auth=auth, timeout=10,
                   json={"webhook": {"status": "inactive"}}).raise_for_status()
    run = doctor(zendesk_env, ws, "--webhook-url", closed_port_url())
    assert run.code == 1
    assert run.line("locales").startswith("ok   ")
    assert run.line("guide locales") == (
        "FAIL guide locales: knowledge base locale(s) ko not enabled in Guide (enabled: en-us, "
        "fr): enable them in Guide's language settings")
    webhook = run.line("webhook")
    assert webhook.startswith("FAIL") and "status is 'inactive'" in webhook
    assert "posts to" in webhook and "deskops webhooks install --url" in webhook
    assert run.line("webhook receiver").startswith("FAIL webhook receiver: http://127.0.0.1:")
    assert "is unreachable" in run.line("webhook receiver")


def test_skips_without_kb_or_url_and_env_url(zendesk_env: dict[str, str], receiver: str,
                                             tmp_path: Path) -> None:
    ws = workspace(tmp_path / "w", ["en"])
    run = doctor(zendesk_env, ws)
    assert run.code == 0, run.lines
    assert run.line("guide locales") == "skip guide locales: the workspace has no kb/ folder"
    assert run.line("webhook receiver").startswith("skip webhook receiver: no receiver URL")
    # the URL from the environment: no webhook installed yet is a FAIL naming the fix
    run = doctor({**zendesk_env, "DESKOPS_WEBHOOK_URL": receiver}, ws)
    assert run.code == 1
    assert run.line("webhook") == (f"FAIL webhook: no webhook named 'deskops': run "
                                   f"`deskops webhooks install --url {receiver}`")
    assert run.line("webhook receiver").startswith("ok   ")


def test_receiver_not_ready_names_the_part(zendesk_env: dict[str, str], tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    store = open_store(f"sqlite:///{blocker}/events.db")
    config = ReceiverConfig(store=store, queue=None, secrets=SecretBook(tmp_path / "s.json"))
    with serve(create_app(config)) as url:
        run = doctor(zendesk_env, workspace(tmp_path / "w", ["en"]), "--webhook-url",
                     f"http://user:pw-secret@{url.removeprefix('http://')}")
    line = run.line("webhook receiver")
    assert line.startswith(f"FAIL webhook receiver: {url}/readyz answered 503 (store: ")
    assert "pw-secret" not in "\n".join(run.lines) and "user" not in line


@pytest.mark.parametrize("url", ["ftp://example.test", "not a url", "http://h:99999"])
def test_bad_receiver_url_is_one_line(zendesk_env: dict[str, str], tmp_path: Path,
                                      url: str) -> None:
    run = doctor(zendesk_env, workspace(tmp_path / "w", ["en"]), "--webhook-url", url)
    assert run.code == 1
    assert run.line("webhook receiver").startswith("FAIL webhook receiver: ")
    assert "(--webhook-url or DESKOPS_WEBHOOK_URL)" in run.line("webhook receiver")


def test_oauth_token_scopes(zendesk_env: dict[str, str], fresh_sandbox: RunningSandbox,
                            tmp_path: Path) -> None:
    issue_token(fresh_sandbox.zendesk, ["read", "tickets:write"], None, "tok-narrow")
    env = {k: v for k, v in zendesk_env.items() if k not in ("ZENDESK_EMAIL",
                                                            "ZENDESK_API_TOKEN")}
    env["ZENDESK_OAUTH_TOKEN"] = "tok-narrow"
    run = doctor(env, workspace(tmp_path / "w", ["en"], KB))
    assert run.code == 1
    assert run.line("oauth scopes") == (
        "FAIL oauth scopes: granted: read tickets:write; missing: write (grant them to the "
        "OAuth client; ticket fields, forms and dynamic content have no narrower scope)")
    assert "tok-narrow" not in "\n".join(run.lines)
    issue_token(fresh_sandbox.zendesk, ["read", "write"], None, "tok-wide")
    run = doctor({**env, "ZENDESK_OAUTH_TOKEN": "tok-wide"}, workspace(tmp_path / "w", ["en"]))
    assert run.line("oauth scopes") == "ok   oauth scopes: granted: read write"


def test_missing_credential_is_a_line_and_the_rest_still_runs(
        zendesk_env: dict[str, str], receiver: str, tmp_path: Path) -> None:
    env = {**zendesk_env, "ZENDESK_API_TOKEN": ""}
    run = doctor(env, workspace(tmp_path / "w", ["en"]), "--webhook-url", receiver)
    assert run.code == 1
    assert run.line("credential").startswith("FAIL credential: ")
    assert "ZENDESK" in run.line("credential")
    assert run.line("webhook receiver").startswith("ok   ")


def test_freshdesk_languages_and_rules(freshdesk_env: dict[str, str],
                                       fresh_sandbox: RunningSandbox, receiver: str,
                                       tmp_path: Path) -> None:
    ws = workspace(tmp_path / "w", ["en", "fr", "pt-br"], KB)
    installed(freshdesk_env, receiver, tmp_path)
    set_languages(fresh_sandbox.freshdesk, "en", ["fr", "pt-BR", "ko"], portal=["fr", "pt-BR"])
    run = doctor(freshdesk_env, ws, "--webhook-url", receiver)
    assert run.code == 0, run.lines
    assert [ln[5:].split(":")[0] for ln in run.lines] == [
        "credential", "ticket forms", "locales", "solutions languages", "automation rules",
        "webhook receiver"]
    assert run.line("locales") == ("ok   locales: workspace locales en, fr, pt-br supported "
                                   "(primary en, supported: fr, pt-BR, ko)")
    assert run.line("solutions languages").endswith("; not shown in the portal: ko")
    assert f"post to {receiver}/webhooks/freshdesk" in run.line("automation rules")

    set_languages(fresh_sandbox.freshdesk, "en", ["fr"])
    run = doctor(freshdesk_env, ws, "--webhook-url", closed_port_url())
    assert run.code == 1
    assert run.line("locales") == (
        "FAIL locales: workspace locale(s) pt-br not supported on Freshdesk (primary en, "
        "supported: fr): add them under Admin > Helpdesk > Languages")
    assert "knowledge base locale(s) ko not supported" in run.line("solutions languages")
    rules = run.line("automation rules")
    assert rules.startswith("FAIL automation rules: 'deskops: ticket created' does not post "
                            "to http://127.0.0.1:")


def test_freshdesk_rules_missing(freshdesk_env: dict[str, str], receiver: str,
                                 tmp_path: Path) -> None:
    run = doctor(freshdesk_env, workspace(tmp_path / "w", ["en"]), "--webhook-url", receiver)
    assert run.code == 1
    assert run.line("automation rules") == (
        "FAIL automation rules: 'deskops: ticket created' missing; 'deskops: ticket updated by "
        f"requester' missing: run `deskops webhooks install --url {receiver}`")
    assert run.line("solutions languages") == ("skip solutions languages: the workspace has "
                                               "no kb/ folder")
