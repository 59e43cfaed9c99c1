"""`deskops serve --processes 2` as real processes: copies of one delivery taken by two
receiver processes are stored once (the store's unique keys, SQLite and PostgreSQL); a
receiver process killed with SIGKILL is replaced and the receiver keeps answering; SIGTERM
stops the parent and every child.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path

import requests

from integrations.events import open_store
from integrations.webhooks import SecretBook

from .support import zendesk_headers
from .test_crash import SECRET, Receiver

COPIES = 4  # concurrent copies of each delivery, each on its own connection
DELIVERIES = 150


def _receiver(database_url: str, tmp_path: Path) -> Receiver:
    SecretBook(tmp_path / "secrets.json").set_zendesk("wh-1", SECRET)
    return Receiver({"DESKOPS_DATABASE_URL": database_url,
                     "DESKOPS_QUEUE_URL": f"sqlite:///{tmp_path}/queue.db",
                     "DESKOPS_WEBHOOK_SECRETS_FILE": str(tmp_path / "secrets.json")},
                    tmp_path, processes=2)


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime, every thread


def _copies_stored_once(database_url: str, tmp_path: Path) -> None:
    rx = _receiver(database_url, tmp_path)
    answers: list[list[tuple[int, dict[str, object]]]] = [[] for _ in range(DELIVERIES)]
    try:
        rx.start()
        children = rx.children()
        assert len(children) == 2
        before = {pid: _cpu_ticks(pid) for pid in children}

        def sender(copy: int) -> None:
            for n in range(DELIVERIES):
                body = json.dumps({"event": "ticket_updated", "ticket_id": 500 + n,
                                   "updated_at": f"2024-06-01T09:00:{n % 60:02d}Z",
                                   "n": n}).encode()
                # a fresh connection per copy: the kernel hands each to either process
                resp = requests.post(f"{rx.url}/webhooks/zendesk", data=body, timeout=15,
                                     headers={**zendesk_headers(SECRET, body,
                                                                invocation=f"dup-{n}"),
                                              "Connection": "close"})
                answers[n].append((resp.status_code, resp.json()))

        threads = [threading.Thread(target=sender, args=(c,)) for c in range(COPIES)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        grown = [_cpu_ticks(pid) - before[pid] for pid in children]
        # both receiver processes took deliveries (not one process answering everything)
        assert all(ticks > 0 for ticks in grown), grown
    finally:
        rx.stop()
    for n, got in enumerate(answers):
        assert [status for status, _ in got] == [202] * COPIES, got
        ids = {body["event_id"] for _, body in got}
        assert len(ids) == 1, f"delivery {n}: several events {ids}"
        assert [body["status"] for _, body in got].count("duplicate") == COPIES - 1, got
    store = open_store(database_url)
    events = store.find(limit=DELIVERIES * COPIES)
    store.close()
    assert sorted(e.invocation_id or "" for e in events) == \
        sorted(f"dup-{n}" for n in range(DELIVERIES))


def test_copies_across_two_processes_stored_once_sqlite(tmp_path: Path) -> None:
    _copies_stored_once(f"sqlite:///{tmp_path}/events.db", tmp_path)


def test_copies_across_two_processes_stored_once_postgresql(postgres_url: str,
                                                            tmp_path: Path) -> None:
    _copies_stored_once(postgres_url, tmp_path)


def test_killed_child_is_replaced_and_sigterm_stops_all(tmp_path: Path) -> None:
    rx = _receiver(f"sqlite:///{tmp_path}/events.db", tmp_path)
    try:
        rx.start()
        first = rx.children()
        assert len(first) == 2
        os.kill(first[0], signal.SIGKILL)
        deadline = time.monotonic() + 15
        while True:
            now = rx.children()
            if len(now) == 2 and first[0] not in now:
                break
            assert time.monotonic() < deadline, f"not replaced: {first} -> {now}"
            time.sleep(0.05)
        assert first[1] in now  # the other one kept running
        replacement = next(pid for pid in now if pid != first[1])
        deadline = time.monotonic() + 15
        while _cpu_ticks(replacement) == 0 or not _answers(rx.url):
            assert time.monotonic() < deadline
            time.sleep(0.05)
        statuses = []
        for n in range(40):  # fresh connections: both processes answer
            body = json.dumps({"event": "ticket_updated", "ticket_id": 900 + n,
                               "updated_at": "2024-06-01T09:00:00Z"}).encode()
            statuses.append(requests.post(
                f"{rx.url}/webhooks/zendesk", data=body, timeout=15,
                headers={**zendesk_headers(SECRET, body, invocation=f"after-{n}"),
                         "Connection": "close"}).status_code)
        assert statuses == [202] * 40
        assert rx.proc is not None
        rx.proc.send_signal(signal.SIGTERM)
        assert rx.proc.wait(30) == 0
        for pid in now:
            assert not Path(f"/proc/{pid}").exists() or \
                "zombie" in Path(f"/proc/{pid}/status").read_text()
    finally:
        rx.stop()
    store = open_store(f"sqlite:///{tmp_path}/events.db")
    assert len(store.find(limit=100)) == 40
    store.close()


def _answers(url: str) -> bool:
    try:
        return requests.get(f"{url}/readyz", timeout=2).status_code == 200
    except requests.RequestException:
        return False
