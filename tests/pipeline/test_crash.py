"""Crash consistency: ``kill -9`` of `deskops serve` under load loses no acknowledged delivery.

3,000 distinct signed deliveries go out over 16 keep-alive connections. The receiver is
killed with SIGKILL twice while they flow (group commit: batches are in flight), restarted
each time, and every delivery without a 202 is sent again, as the helpdesk would, until
all have one; a sample of acknowledged ones is re-sent too (the helpdesk duplicates).
Afterwards every delivery that ever got a 202 is in the store exactly once, and nothing
else is. Run on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from integrations.events import open_store
from integrations.webhooks import SecretBook

from .support import free_port, wait_ready, zendesk_headers

SECRET = "Y3Jhc2gtdGVzdC1zZWNyZXQtZm9yLWRlc2tvcHM="
DELIVERIES = 3000
CONNECTIONS = 16


class Receiver:
    """`deskops serve` as a child process on a fixed free port, restartable."""

    def __init__(self, env: dict[str, str], cwd: Path, processes: int = 1) -> None:
        self.port = free_port()
        self.processes = processes
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **env}
        self.cwd = cwd
        self.proc: subprocess.Popen[bytes] | None = None
        self.killed: list[int] = []  # receiver processes killed by kill_child

    def start(self) -> None:
        code = ("import sys; from integrations.cli.main import main; "
                f"sys.exit(main(['serve', '--port', '{self.port}', "
                f"'--processes', '{self.processes}']))")
        self.proc = subprocess.Popen([sys.executable, "-c", code], env=self.env, cwd=self.cwd)
        wait_ready(self.url, self.proc, "/healthz")

    def children(self) -> list[int]:
        """The receiver processes of ``--processes N`` (the parent's children)."""
        assert self.proc is not None
        path = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
        return [int(pid) for pid in path.read_text().split()]

    def kill(self) -> None:
        """SIGKILL the whole receiver (with ``--processes N``: the parent, and the children
        die with it) and wait until nothing listens any more."""
        assert self.proc is not None
        children = self.children() if self.processes > 1 else []
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)
        assert self.proc.returncode == -signal.SIGKILL
        deadline = time.monotonic() + 10
        while any(Path(f"/proc/{pid}").exists() for pid in children):
            assert time.monotonic() < deadline, "a receiver process outlived its parent"
            time.sleep(0.02)

    def kill_child(self) -> None:
        """SIGKILL one receiver process; the parent starts another in its place."""
        pid = self.children()[0]
        os.kill(pid, signal.SIGKILL)
        self.killed.append(pid)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)


def _deliveries() -> list[tuple[str, bytes]]:
    return [(f"inv-{n}", json.dumps({"event": "ticket_updated", "ticket_id": 10_000 + n,
                                     "updated_at": f"2024-05-01T10:{n // 60 % 60:02d}:"
                                                   f"{n % 60:02d}Z"}).encode())
            for n in range(DELIVERIES)]


def _send_all(url: str, batch: list[tuple[str, bytes]], acked: dict[str, int],
              lock: threading.Lock, after_each: Callable[[], None]) -> list[tuple[str, bytes]]:
    """Send over CONNECTIONS keep-alive connections; returns those without a 202."""
    unanswered: list[tuple[str, bytes]] = []

    def sender(share: list[tuple[str, bytes]]) -> None:
        with requests.Session() as http:
            for invocation, body in share:
                try:
                    resp = http.post(f"{url}/webhooks/zendesk", data=body, timeout=15,
                                     headers=zendesk_headers(SECRET, body,
                                                             invocation=invocation))
                except requests.RequestException:
                    resp = None
                with lock:
                    if resp is not None and resp.status_code == 202:
                        acked[invocation] = int(resp.json()["event_id"])
                    else:
                        assert resp is None or resp.status_code == 503, resp.text
                        unanswered.append((invocation, body))
                after_each()

    with ThreadPoolExecutor(CONNECTIONS) as pool:
        list(pool.map(sender, [batch[i::CONNECTIONS] for i in range(CONNECTIONS)]))
    return unanswered


def _crash_run(database_url: str, tmp_path: Path, processes: int = 1) -> None:
    """Two kills under load; with ``processes`` > 1 the first kills one receiver process
    (the parent restarts it) and the second the parent (its children die with it)."""
    SecretBook(tmp_path / "secrets.json").set_zendesk("wh-1", SECRET)
    rx = Receiver({"DESKOPS_DATABASE_URL": database_url,
                   "DESKOPS_QUEUE_URL": f"sqlite:///{tmp_path}/queue.db",
                   "DESKOPS_WEBHOOK_SECRETS_FILE": str(tmp_path / "secrets.json")}, tmp_path,
                  processes)
    deliveries = _deliveries()
    acked: dict[str, int] = {}
    lock = threading.Lock()
    kills: list[int] = []

    def kill_at(threshold: int) -> Callable[[], None]:
        def check() -> None:
            with lock:
                due = len(acked) >= threshold and len(kills) < len(thresholds) and \
                    thresholds[len(kills)] == threshold
                if due:
                    kills.append(len(acked))
            if due:  # mid-load: other connections have batches in flight
                if processes > 1 and len(kills) == 1:
                    rx.kill_child()
                else:
                    rx.kill()
        return check

    thresholds = [DELIVERIES // 4, DELIVERIES * 3 // 4]
    try:
        rx.start()
        # with several processes the second half waits for the second kill: a killed
        # child may leave nothing unanswered for the second round to send
        first, later = (deliveries, []) if processes == 1 else \
            (deliveries[:DELIVERIES // 2], deliveries[DELIVERIES // 2:])
        left = _send_all(rx.url, first, acked, lock, kill_at(thresholds[0]))
        assert len(kills) == 1, "the receiver was not killed under load"
        if processes == 1:
            assert left, "nothing was in flight when the receiver was killed"
            rx.start()
        else:  # a killed child's idle keep-alive connections are reopened to the others,
            # so nothing need be left unanswered; its replacement must be running
            deadline = time.monotonic() + 10
            while not (rx.killed and rx.killed[0] not in (now := rx.children())
                       and len(now) == 2):
                assert time.monotonic() < deadline, "the killed child was not replaced"
                time.sleep(0.05)
        left = _send_all(rx.url, left + later, acked, lock, kill_at(thresholds[1]))
        assert len(kills) == 2, "the receiver was not killed a second time"
        rx.start()
        for _ in range(5):  # the helpdesk keeps re-sending what got no 202
            if not left:
                break
            left = _send_all(rx.url, left, acked, lock, lambda: None)
        assert not left, f"{len(left)} deliveries never got a 202"
        # the helpdesk also re-sends some that did get a 202: duplicates, same event
        sample = deliveries[::97]
        with requests.Session() as http:
            for invocation, body in sample:
                resp = http.post(f"{rx.url}/webhooks/zendesk", data=body, timeout=15,
                                 headers=zendesk_headers(SECRET, body, invocation=invocation))
                assert resp.status_code == 202 and resp.json()["status"] == "duplicate"
                assert resp.json()["event_id"] == acked[invocation]
    finally:
        rx.stop()
    store = open_store(database_url)
    events = store.find(limit=DELIVERIES * 2)
    store.close()
    by_invocation: dict[str, list[int]] = {}
    for event in events:
        assert event.invocation_id is not None
        by_invocation.setdefault(event.invocation_id, []).append(event.id)
    assert len(acked) == DELIVERIES
    assert {inv: [eid] for inv, eid in acked.items()} == by_invocation  # each once, nothing else
    assert len({e.ticket_id for e in events}) == DELIVERIES


def test_kill_9_under_load_sqlite(tmp_path: Path) -> None:
    _crash_run(f"sqlite:///{tmp_path}/events.db", tmp_path)


def test_kill_9_under_load_postgresql(postgres_url: str, tmp_path: Path) -> None:
    _crash_run(postgres_url, tmp_path)


def test_kill_9_of_a_child_then_the_parent_two_processes_sqlite(tmp_path: Path) -> None:
    _crash_run(f"sqlite:///{tmp_path}/events.db", tmp_path, processes=2)


def test_kill_9_of_a_child_then_the_parent_two_processes_postgresql(postgres_url: str,
                                                                    tmp_path: Path) -> None:
    _crash_run(postgres_url, tmp_path, processes=2)
