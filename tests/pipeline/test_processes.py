"""The pipeline as real processes: `deskops serve` killed with SIGKILL right after its ack,
two `deskops worker` processes sharing PostgreSQL + Redis, and `deskops webhooks install`
through the CLI entry point.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from integrations import sandbox as sb
from integrations.cli.main import main
from integrations.events import EventQueue, open_store
from integrations.helpdesk.tickets import ZendeskTickets
from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.server import RunningSandbox
from integrations.sandbox.zendesk.app import build, make_emulator
from integrations.settings import load_settings
from integrations.webhooks import SecretBook
from integrations.worker import LanguageTagger, Worker

from .support import free_port, serve, wait_ready, zendesk_headers

FR = "Bonjour, je n'arrive plus à me connecter à mon compte depuis hier soir"
AUTH = (f"{sb.ADMIN_EMAIL}/token", sb.API_TOKEN)


def _deskops(args: list[str], env: dict[str, str], cwd: Path,
             **kw: object) -> subprocess.Popen[bytes]:
    """``deskops ARGS`` in a child process with only ``env`` (no stray settings)."""
    code = f"import sys; from integrations.cli.main import main; sys.exit(main({args!r}))"
    full = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **env}
    proc: subprocess.Popen[bytes] = subprocess.Popen(  # type: ignore[call-overload]
        [sys.executable, "-c", code], env=full, cwd=cwd, **kw)
    return proc


def _zendesk_env(desk_url: str) -> dict[str, str]:
    return {"DESKOPS_TARGET": "zendesk", "DESKOPS_SANDBOX_ZENDESK_URL": desk_url,
            "ZENDESK_SUBDOMAIN": sb.SUBDOMAIN, "ZENDESK_EMAIL": sb.ADMIN_EMAIL,
            "ZENDESK_API_TOKEN": sb.API_TOKEN}


@pytest.fixture
def zendesk() -> Iterator[tuple[Emulator, str]]:
    emu = make_emulator(plan="high_volume")
    with serve(build(emu)) as url:
        yield emu, url


def _ticket(url: str, text: str = FR) -> int:
    resp = requests.post(f"{url}/api/v2/tickets.json", auth=AUTH, timeout=30, json={
        "ticket": {"subject": "Connexion", "comment": {"body": text}}})
    assert resp.status_code == 201, resp.text
    return int(resp.json()["ticket"]["id"])


def _tags(url: str, ticket_id: int) -> list[str]:
    resp = requests.get(f"{url}/api/v2/tickets/{ticket_id}.json", auth=AUTH, timeout=30)
    return list(resp.json()["ticket"]["tags"])


def test_kill_9_of_the_receiver_right_after_its_ack_loses_nothing(
        zendesk: tuple[Emulator, str], tmp_path: Path) -> None:
    _, desk_url = zendesk
    ticket_id = _ticket(desk_url)  # no trigger installed: we deliver by hand below
    store_url, queue_url = f"sqlite:///{tmp_path}/e.db", f"sqlite:///{tmp_path}/q.db"
    SecretBook(tmp_path / "secrets.json").set_zendesk("wh-1", "s3cret")
    port = free_port()
    proc = _deskops(["serve", "--port", str(port)], {
        "DESKOPS_DATABASE_URL": store_url, "DESKOPS_QUEUE_URL": queue_url,
        "DESKOPS_WEBHOOK_SECRETS_FILE": str(tmp_path / "secrets.json")}, tmp_path)
    rx = f"http://127.0.0.1:{port}"
    try:
        wait_ready(rx, proc)
        body = json.dumps({"event": "ticket_created", "ticket_id": ticket_id,
                           "updated_at": "2024-05-01T10:00:00Z"}).encode()
        resp = requests.post(f"{rx}/webhooks/zendesk", data=body, timeout=10,
                             headers=zendesk_headers("s3cret", body, invocation="inv-1"))
        os.kill(proc.pid, signal.SIGKILL)  # right after the ack, before anything else
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert resp.status_code == 202, resp.text
    assert proc.returncode == -signal.SIGKILL
    # what was acknowledged is in the store; a worker finishes it (the store re-sends the
    # nudge if the queue never got it: grace 0 here)
    store = open_store(store_url, grace_seconds=0)
    [event] = store.find()
    assert event.id == resp.json()["event_id"] and event.status == "queued"
    settings = load_settings(_zendesk_env(desk_url), dotenv=None)
    worker = Worker(store, EventQueue(queue_url), ZendeskTickets(settings=settings),
                    LanguageTagger(("en", "fr", "ko")), idle_wait=0)
    while (rec := store.get(event.id)) is not None and rec.status != "done":
        assert worker.run(until_idle=True) <= 1
    assert _tags(desk_url, ticket_id) == ["lang_fr"]
    store.close()


def _blocked_readers(redis_url: str, minimum: int) -> None:
    """Wait until ``minimum`` clients wait on Redis (BRPOP): both workers are up."""
    import redis

    conn = redis.Redis.from_url(redis_url)
    deadline = time.monotonic() + 60
    while sum(1 for c in conn.client_list() if c.get("cmd") == "brpop") < minimum:
        assert time.monotonic() < deadline, "the worker processes never started"
        time.sleep(0.05)
    conn.close()


def test_two_worker_processes_share_postgresql_and_redis(
        zendesk: tuple[Emulator, str], tmp_path: Path, postgres_url: str,
        redis_url: str) -> None:
    emu, desk_url = zendesk
    queue_name = f"two{uuid.uuid4().hex[:10]}"
    env = {**_zendesk_env(desk_url), "DESKOPS_DATABASE_URL": postgres_url,
           "DESKOPS_QUEUE_URL": redis_url, "DESKOPS_QUEUE_NAME": queue_name,
           "DESKOPS_WEBHOOK_SECRETS_FILE": str(tmp_path / "secrets.json")}
    port = free_port()
    rx = f"http://127.0.0.1:{port}"
    procs = [_deskops(["serve", "--port", str(port)], env, tmp_path)]
    try:
        wait_ready(rx, procs[0])
        install = _deskops(["webhooks", "install", "--url", rx], env, tmp_path,
                           stdout=subprocess.PIPE)
        out, _ = install.communicate(timeout=60)
        assert install.returncode == 0 and out.decode().count(": created") == 3, out
        procs += [_deskops(["worker"], env, tmp_path, stdout=subprocess.DEVNULL)
                  for _ in range(2)]
        _blocked_readers(redis_url, 2)
        # slow ticket reads, so each worker is busy while the next nudge arrives
        emu.set_faults(latency=0.15, path_prefix="/api/v2/tickets/")
        tickets = [_ticket(desk_url) for _ in range(8)]
        store = open_store(postgres_url)
        deadline = time.monotonic() + 120
        while store.counts()["done"] < len(tickets):
            assert all(p.poll() is None for p in procs), "a deskops process died"
            assert time.monotonic() < deadline, store.counts()
            time.sleep(0.1)
    finally:
        for proc in procs:
            proc.send_signal(signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
    emu.clear_faults()
    events = store.find(limit=100)
    assert len(events) == len(tickets) and all(e.status == "done" for e in events)
    assert all(e.attempts == 1 for e in events), "an event was processed twice"
    pids = {str(e.worker).split(":")[1] for e in events}
    assert len(pids) == 2, f"both worker processes should have worked: {pids}"
    # once in effect, counted on the server: one tag write per ticket, and the right tag
    tag_writes = [e.path for e in emu.log.writes() if e.path.endswith("/tags")]
    assert sorted(tag_writes) == sorted(f"/api/v2/tickets/{t}/tags" for t in tickets)
    assert all(_tags(desk_url, t) == ["lang_fr"] for t in tickets)
    store.close()


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for key in list(os.environ):
        if key.startswith(("DESKOPS_", "ZENDESK_", "FRESHDESK_")):
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DESKOPS_WEBHOOK_SECRETS_FILE", str(tmp_path / "secrets.json"))
    return tmp_path / "secrets.json"


def test_webhooks_install_through_the_cli_zendesk(
        zendesk: tuple[Emulator, str], cli_env: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _, desk_url = zendesk
    for key, value in _zendesk_env(desk_url).items():
        monkeypatch.setenv(key, value)
    assert main(["webhooks", "install", "--url", "https://deskops.example.test"]) == 0
    out = capsys.readouterr().out
    assert out.count(": created") == 3 and "signing secret: stored" in out
    [secret] = json.loads(cli_env.read_text())["zendesk"].values()
    assert secret[0] not in out
    assert main(["webhooks", "install", "--url", "https://deskops.example.test"]) == 0
    again = capsys.readouterr().out.splitlines()
    assert len(again) == 3 and all(line.endswith("up to date") for line in again)
    assert main(["webhooks", "install", "--url", "ftp://nope"]) == 2
    assert "--url" in capsys.readouterr().err


def test_webhooks_install_through_the_cli_freshdesk(
        sandbox: RunningSandbox, cli_env: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    sandbox.freshdesk.reset()
    for key, value in sandbox.freshdesk_env().items():
        monkeypatch.setenv(key, value)
    assert main(["webhooks", "install", "--url", "https://deskops.example.test"]) == 0
    out = capsys.readouterr().out
    assert "shared secret: created" in out and out.count("automation rule") == 2
    [secret] = json.loads(cli_env.read_text())["freshdesk"]
    assert secret not in out
    writes = sandbox.freshdesk.log.mark()
    assert main(["webhooks", "install", "--url", "https://deskops.example.test"]) == 0
    assert capsys.readouterr().out.count("up to date") == 2
    assert sandbox.freshdesk.log.writes(since=writes) == []  # idempotent, counted server-side


def test_webhooks_install_unreachable_helpdesk_is_one_line(
        cli_env: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    for key, value in _zendesk_env(f"http://127.0.0.1:{free_port()}").items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("DESKOPS_RETRY_ATTEMPTS", "1")
    assert main(["webhooks", "install", "--url", "https://deskops.example.test"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "\n" not in err and "Traceback" not in err


def test_apply_installs_the_webhook_side_too(
        sandbox: RunningSandbox, cli_env: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """`apply --webhook-url` = apply + `webhooks install`; a second run writes nothing."""
    import shutil

    sandbox.freshdesk.reset()
    for key, value in sandbox.freshdesk_env().items():
        monkeypatch.setenv(key, value)
    ws = tmp_path / "ws"
    shutil.copytree(Path(__file__).parents[2] / "schemas" / "examples" / "streaming-platform",
                    ws, ignore=shutil.ignore_patterns("locks", "kb"))
    args = ["-w", str(ws), "apply", "--auto-approve", "--webhook-url", "https://rx.example.test"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Apply complete" in out and "shared secret: created" in out
    assert out.count("automation rule") == 2
    mark = sandbox.freshdesk.log.mark()
    assert main(args) == 0
    assert "up to date" in capsys.readouterr().out
    assert sandbox.freshdesk.log.writes(since=mark) == []  # counted server-side
    mark = sandbox.freshdesk.log.mark()
    assert main([*args[:-1], "ftp://nope"]) == 2
    assert "--webhook-url" in capsys.readouterr().err
    assert sandbox.freshdesk.log.count(since=mark) == 0  # refused before any call
