"""Every store fault is a prompt 503 + Retry-After, and the receiver recovers on its own.

Each test makes a real fault: a full filesystem (a small tmpfs), read-only files with the
receiver running as a non-root user, a write lock held by another process, PostgreSQL
refused and stalled through a TCP proxy the test controls. Each shows 503 while the fault
lasts, 202 within seconds after it ends, and every delivery stored exactly once. Faults
that need root (mount, setpriv) FAIL under ``CI=true`` when they cannot be made, and skip
only outside CI.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager, suppress
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlparse

import pytest
import requests

from integrations.events import EventStore, open_store
from integrations.webhooks import ReceiverConfig, SecretBook, create_app

from .support import free_port, serve, zendesk_headers
from .tcp_proxy import TcpProxy

SECRET = "c3RvcmUtZmF1bHRzLXRlc3Qtc2VjcmV0"
#: Well under the helpdesks' ~10 s delivery timeout: what "promptly" means here.
PROMPT = 8.0


def _cannot(what: str) -> NoReturn:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{what} (CI=true: this fault test is required, never skipped)")
    pytest.skip(what)


def _body(ticket: int, updated: str = "2024-05-01T10:00:00Z") -> bytes:
    return json.dumps({"event": "ticket_updated", "ticket_id": ticket,
                       "updated_at": updated}).encode()


def _post(url: str, ticket: int) -> tuple[requests.Response, float]:
    body = _body(ticket)
    started = time.monotonic()
    resp = requests.post(f"{url}/webhooks/zendesk", data=body, timeout=30,
                         headers=zendesk_headers(SECRET, body, invocation=f"inv-{ticket}"))
    return resp, time.monotonic() - started


def _refused(url: str, ticket: int) -> None:
    resp, took = _post(url, ticket)
    assert resp.status_code == 503, resp.text
    assert resp.headers["Retry-After"].isdigit()
    assert took < PROMPT, f"the 503 took {took:.1f} s"
    ready = requests.get(f"{url}/readyz", timeout=30)
    assert ready.status_code == 503 and "store" in ready.json(), ready.text


def _accepted_again(url: str, ticket: int, within: float = 15.0) -> None:
    """The helpdesk re-sends until a 202; it must come within seconds of the fault's end."""
    deadline = time.monotonic() + within
    while True:
        resp, _ = _post(url, ticket)
        if resp.status_code == 202:
            break
        assert resp.status_code == 503, resp.text
        assert time.monotonic() < deadline, "no recovery after the fault ended"
        time.sleep(0.2)
    assert requests.get(f"{url}/readyz", timeout=30).status_code == 200


def _stored_once(store: EventStore, tickets: list[int]) -> None:
    events = store.find(limit=1000)
    assert sorted(e.ticket_id for e in events if e.ticket_id is not None) == sorted(tickets)


def _receiver(store: EventStore, secrets: Path) -> AbstractContextManager[str]:
    book = SecretBook(secrets)
    book.set_zendesk("wh-1", SECRET)
    return serve(create_app(ReceiverConfig(store=store, queue=None, secrets=book,
                                           ack_timeout=6.0)))


# -- SQLite ----------------------------------------------------------------------------------

@pytest.fixture
def small_disk() -> Iterator[Path]:
    """A 1 MiB tmpfs (root only)."""
    mount = Path(tempfile.mkdtemp(prefix="deskops-full-"))
    if os.geteuid() != 0 or shutil.which("mount") is None:
        _cannot("a full filesystem needs root to mount a small tmpfs")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        _cannot(f"cannot mount a tmpfs: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)
        mount.rmdir()


def _fill(path: Path) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        with suppress(OSError):
            while True:
                os.write(fd, b"\0" * 4096)
    finally:
        os.close(fd)


def test_disk_full_is_503_then_202_once_space_is_back(small_disk: Path, tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{small_disk}/events.db", timeout=1.0)
    with _receiver(store, tmp_path / "secrets.json") as url:
        assert _post(url, 1)[0].status_code == 202
        _fill(small_disk / "filler")
        for ticket in range(2, 12):  # enough to need new pages, whatever was preallocated
            resp, _ = _post(url, ticket)
            if resp.status_code == 503:
                break
            assert resp.status_code == 202, resp.text
        assert resp.status_code == 503, "the full disk never showed"
        _refused(url, ticket + 1)
        (small_disk / "filler").unlink()
        for again in range(ticket, ticket + 2):
            _accepted_again(url, again)
    _stored_once(store, list(range(1, ticket + 2)))
    store.close()


@contextmanager
def _reachable_by_others(*paths: Path) -> Iterator[None]:
    """Let ``nobody`` reach the code it runs: a clone in a private folder (``mktemp -d`` makes
    it 0700) would leave the package and the venv out of its reach. Adds search permission
    for others on the folders above ``paths`` that lack it, and takes it back after."""
    changed: dict[Path, int] = {}
    for path in paths:
        for folder in (path, *path.parents):
            mode = folder.stat().st_mode
            if folder not in changed and not mode & 0o001:
                changed[folder] = mode
                folder.chmod(mode | 0o001)
    try:
        yield
    finally:
        for folder, mode in changed.items():
            folder.chmod(mode & 0o7777)


def test_read_only_store_is_503_then_202_once_writable(tmp_path: Path) -> None:
    """The receiver runs as ``nobody`` (root ignores file modes) over a read-only file."""
    setpriv = shutil.which("setpriv")
    if os.geteuid() != 0 or setpriv is None:
        _cannot("the read-only test runs the receiver as nobody: needs root and setpriv")
    home = Path(tempfile.mkdtemp(prefix="deskops-ro-"))  # nobody can reach it
    stack = ExitStack()
    try:
        url = f"sqlite:///{home}/events.db"
        store = open_store(url)
        store.setup()
        store.close()
        SecretBook(home / "secrets.json").set_zendesk("wh-1", SECRET)
        shutil.chown(home, "nobody")
        for path in home.iterdir():
            shutil.chown(path, "nobody")
        files = sorted(home.glob("events.db*"))
        for path in files:
            path.chmod(0o444)
        port = free_port()
        code = ("import sys; from integrations.cli.main import main; "
                f"sys.exit(main(['serve', '--port', '{port}']))")
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home),
               "DESKOPS_DATABASE_URL": url, "DESKOPS_QUEUE_URL": f"sqlite:///{home}/q.db",
               "DESKOPS_WEBHOOK_SECRETS_FILE": str(home / "secrets.json"),
               "DESKOPS_STORE_TIMEOUT_SECONDS": "1"}
        reach = _reachable_by_others(Path(__file__).resolve().parents[2], Path(sys.prefix),
                                     Path(sys.executable).resolve().parent)
        stack.enter_context(reach)
        proc = subprocess.Popen([setpriv, "--reuid=nobody", "--regid=nogroup",
                                 "--clear-groups", sys.executable, "-c", code],
                                env=env, cwd=home)
        rx = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 30
            while True:
                assert proc.poll() is None, "deskops serve (as nobody) exited"
                with suppress(requests.ConnectionError):
                    if requests.get(f"{rx}/healthz", timeout=1).status_code == 200:
                        break
                assert time.monotonic() < deadline, "deskops serve never started"
                time.sleep(0.05)
            for ticket in (1, 2, 3):
                _refused(rx, ticket)
            for path in home.glob("events.db*"):
                path.chmod(0o644)
            for ticket in (1, 2, 3):
                _accepted_again(rx, ticket)
        finally:
            proc.terminate()
            proc.wait(10)
        store = open_store(url)
        _stored_once(store, [1, 2, 3])
        store.close()
    finally:
        stack.close()
        shutil.rmtree(home, ignore_errors=True)


def test_write_lock_held_by_another_process_is_a_prompt_503(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path}/events.db", timeout=1.0)
    store.setup()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys\n"
         f"c = sqlite3.connect({str(tmp_path / 'events.db')!r}, isolation_level=None)\n"
         "c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        with _receiver(store, tmp_path / "secrets.json") as url:
            assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
            for ticket in (1, 2):
                _refused(url, ticket)
            assert holder.stdin is not None
            holder.stdin.close()  # the other process ends: its lock goes with it
            holder.wait(10)
            for ticket in (1, 2, 3):
                _accepted_again(url, ticket)
    finally:
        if holder.poll() is None:
            holder.kill()
    _stored_once(store, [1, 2, 3])
    store.close()


# -- PostgreSQL through a proxy the test controls --------------------------------------------

@pytest.fixture
def proxied(postgres_url: str) -> Iterator[tuple[TcpProxy, str]]:
    parsed = urlparse(postgres_url)
    proxy = TcpProxy(parsed.hostname or "127.0.0.1", parsed.port or 5432)
    yield proxy, parsed._replace(netloc=parsed.netloc.replace(
        f"{parsed.hostname}:{parsed.port}" if parsed.port else f"{parsed.hostname}",
        f"127.0.0.1:{proxy.port}")).geturl()
    proxy.close()


def test_postgresql_refused_then_stalled_is_503_then_202(
        proxied: tuple[TcpProxy, str], postgres_url: str, tmp_path: Path) -> None:
    proxy, through_proxy = proxied
    store = open_store(through_proxy, timeout=1.0)
    store.setup()
    with _receiver(store, tmp_path / "secrets.json") as url:
        assert _post(url, 1)[0].status_code == 202
        proxy.refuse()
        for ticket in (2, 3):
            _refused(url, ticket)
        proxy.resume()
        for ticket in (2, 3):
            _accepted_again(url, ticket)
        proxy.stall()  # connections stay open; nothing is forwarded, nothing is closed
        for ticket in (4, 5):
            _refused(url, ticket)
        proxy.resume()
        for ticket in (4, 5, 6):
            _accepted_again(url, ticket)
    direct = open_store(postgres_url)
    _stored_once(direct, [1, 2, 3, 4, 5, 6])
    direct.close()
    store.close()


# -- values no store can take ----------------------------------------------------------------

@pytest.mark.parametrize("stamp", ["9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00+00:01"])
def test_out_of_range_timestamps_are_400_on_both_endpoints_and_in_the_wrappers(
        stamp: str, tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path}/events.db")
    book = SecretBook(tmp_path / "secrets.json")
    book.set_zendesk("wh-1", SECRET)
    book.rotate_freshdesk("fd-secret")
    bodies = [
        {"event": "ticket_updated", "ticket_id": 1, "updated_at": stamp},
        {"type": "zen:event-type:ticket.status_changed", "id": "e-1",
         "detail": {"id": "1", "updated_at": stamp}},
    ]
    with serve(create_app(ReceiverConfig(store=store, queue=None, secrets=book))) as url:
        for payload in bodies:
            raw = json.dumps(payload).encode()
            resp = requests.post(f"{url}/webhooks/zendesk", data=raw, timeout=10,
                                 headers=zendesk_headers(SECRET, raw, invocation="i"))
            assert resp.status_code == 400, resp.text
            assert "out of range" in resp.json()["error"]
        raw = json.dumps(bodies[0]).encode()
        resp = requests.post(f"{url}/webhooks/freshdesk", data=raw, timeout=10, headers={
            "Content-Type": "application/json", "X-Deskops-Webhook-Secret": "fd-secret"})
        assert resp.status_code == 400 and "out of range" in resp.json()["error"]
    assert sum(store.counts().values()) == 0
    store.close()
