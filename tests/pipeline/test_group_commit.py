"""Group commit in the receiver: duplicates inside one batch, a failing batch, a full inbox.

A gated store (the real SQLite store whose `add_many` first waits for the test to open a
gate) holds the writer on one batch so the next requests gather in the inbox: the test then
knows exactly what the next batch holds.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import requests
from prometheus_client import CollectorRegistry

from integrations.events import (
    EventQueue,
    EventRecord,
    NewEvent,
    StoreUnavailable,
    open_store,
)
from integrations.events.sqlite import SqliteEventStore
from integrations.webhooks import ReceiverConfig, SecretBook, create_app
from integrations.webhooks.writer import GroupWriter

from .support import serve, zendesk_headers

SECRET = "Z3JvdXAtY29tbWl0LXRlc3Qtc2VjcmV0"


class GatedStore(SqliteEventStore):
    """The SQLite store; each `add_many` waits until the gate is open, and records its size."""

    def __init__(self, path: Path, **options: Any) -> None:
        super().__init__(path, **options)
        self.gate = threading.Event()
        self.entered = threading.Semaphore(0)
        self.batches: list[int] = []

    def add_many(self, events: Sequence[NewEvent]) -> list[tuple[EventRecord, bool]]:
        self.entered.release()
        assert self.gate.wait(30), "the test never opened the gate"
        self.batches.append(len(events))
        return super().add_many(events)


def _body(ticket: int, updated: str = "2024-05-01T10:00:00Z") -> bytes:
    return json.dumps({"event": "ticket_updated", "ticket_id": ticket,
                       "updated_at": updated}).encode()


class Rx:
    def __init__(self, url: str) -> None:
        self.url = url

    def post(self, body: bytes, invocation: str) -> requests.Response:
        return requests.post(f"{self.url}/webhooks/zendesk", data=body, timeout=30,
                             headers=zendesk_headers(SECRET, body, invocation=invocation))


@pytest.fixture
def gated(tmp_path: Path) -> Iterator[tuple[GatedStore, Callable[..., Any]]]:
    store = GatedStore(tmp_path / "events.db", timeout=0.5)
    store.setup()
    book = SecretBook(tmp_path / "secrets.json")
    book.set_zendesk("wh-1", SECRET)
    queue = EventQueue(f"sqlite:///{tmp_path}/queue.db")

    def start(**options: Any) -> Any:
        return serve(create_app(ReceiverConfig(store=store, queue=queue, secrets=book,
                                               **options)))
    yield store, start
    store.gate.set()
    store.close()


def _hold_first_batch(store: GatedStore, rx: Rx, pool: ThreadPoolExecutor) -> Any:
    """Send one delivery and wait until the writer holds it at the gate."""
    first = pool.submit(rx.post, _body(1), "first")
    assert store.entered.acquire(timeout=10)
    return first


def _wait_inbox(url: str, depth: int) -> None:
    for _ in range(500):
        metrics = requests.get(f"{url}/metrics", timeout=10).text
        if f"deskops_webhook_inbox_depth {depth:.1f}" in metrics:
            return
        threading.Event().wait(0.01)
    raise AssertionError(f"the inbox never reached {depth}")


def test_two_copies_of_a_delivery_in_one_batch_make_one_event_and_two_acks(
        gated: tuple[GatedStore, Callable[..., Any]]) -> None:
    store, start = gated
    with start() as url, ThreadPoolExecutor(8) as pool:
        rx = Rx(url)
        first = _hold_first_batch(store, rx, pool)
        same_invocation = [pool.submit(rx.post, _body(2), "inv-2") for _ in range(2)]
        # a re-sent ticket state under a new invocation id dedupes on (ticket, updated_at)
        same_state = [pool.submit(rx.post, _body(3), f"inv-3-{n}") for n in range(2)]
        other = pool.submit(rx.post, _body(4), "inv-4")
        _wait_inbox(url, 5)
        store.gate.set()
        answers = [f.result() for f in (first, *same_invocation, *same_state, other)]
    assert [a.status_code for a in answers] == [202] * 6
    assert store.batches == [1, 5]  # the five waited together and were written as one batch
    statuses = [a.json()["status"] for a in answers]
    assert statuses.count("duplicate") == 2 and statuses.count("queued") == 4
    assert answers[1].json()["event_id"] == answers[2].json()["event_id"]
    assert answers[3].json()["event_id"] == answers[4].json()["event_id"]
    assert sorted(e.ticket_id for e in store.find() if e.ticket_id) == [1, 2, 3, 4]


def test_a_failing_batch_answers_503_to_every_request_in_it_then_recovers(
        gated: tuple[GatedStore, Callable[..., Any]], tmp_path: Path) -> None:
    store, start = gated
    with start() as url, ThreadPoolExecutor(8) as pool:
        rx = Rx(url)
        first = _hold_first_batch(store, rx, pool)
        later = [pool.submit(rx.post, _body(10 + n), f"inv-{n}") for n in range(4)]
        _wait_inbox(url, 4)
        # Another writer takes the lock: the held batch and the next one fail (timeout 0.5 s)
        locker = sqlite3.connect(tmp_path / "events.db", isolation_level=None)
        locker.execute("BEGIN IMMEDIATE")
        store.gate.set()
        answers = [first.result(), *(f.result() for f in later)]
        assert [a.status_code for a in answers] == [503] * 5
        assert all(a.headers["Retry-After"].isdigit() for a in answers)
        assert all(a.json() == {"error": "event store unavailable, retry later"}
                   for a in answers)
        locker.execute("ROLLBACK")
        locker.close()
        assert store.counts()["queued"] == 0  # nothing of the failed batches was stored
        # the helpdesk re-sends: all stored, once
        again = [rx.post(_body(1), "first"), *(rx.post(_body(10 + n), f"inv-{n}")
                                               for n in range(4))]
        assert [a.status_code for a in again] == [202] * 5
        assert [a.json()["status"] for a in again] == ["queued"] * 5
        assert rx.post(_body(10), "inv-0").json()["status"] == "duplicate"
    assert store.counts()["queued"] == 5


def test_a_full_inbox_answers_503_at_once_then_recovers(
        gated: tuple[GatedStore, Callable[..., Any]]) -> None:
    store, start = gated
    with start(inbox_size=3) as url, ThreadPoolExecutor(8) as pool:
        rx = Rx(url)
        first = _hold_first_batch(store, rx, pool)
        waiting = [pool.submit(rx.post, _body(20 + n), f"w-{n}") for n in range(3)]
        _wait_inbox(url, 3)
        refused = [rx.post(_body(30 + n), f"r-{n}") for n in range(3)]  # sequential, prompt
        assert [r.status_code for r in refused] == [503] * 3
        assert all(r.headers["Retry-After"].isdigit() for r in refused)
        assert refused[0].json() == {"error": "receiver busy, retry later"}
        store.gate.set()
        assert [f.result().status_code for f in (first, *waiting)] == [202] * 4
        resent = [rx.post(_body(30 + n), f"r-{n}") for n in range(3)]
        assert [r.status_code for r in resent] == [202] * 3
        metrics = requests.get(f"{url}/metrics", timeout=10).text
    assert 'deskops_webhook_requests_total{source="zendesk",status="503"} 3.0' in metrics
    assert "deskops_webhook_batch_size_count" in metrics
    assert "deskops_webhook_commit_seconds_count" in metrics
    assert sum(store.counts().values()) == 7


def test_add_many_keeps_order_and_dedupes_against_stored_and_batch(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path}/e.db")
    stored, created = store.add(NewEvent("zendesk", "ticket_updated", 5, "2024-05-01T10:00:00Z",
                                         invocation_id="old"))
    assert created
    events = [
        NewEvent("zendesk", "ticket_updated", 6, None),  # no key: always new
        # the stored ticket state, written another way
        NewEvent("zendesk", "ticket_updated", 5, "2024-05-01T10:00:00+00:00", "new"),
        NewEvent("zendesk", "ticket_updated", 7, "2024-05-01T10:00:00Z", "a"),
        NewEvent("zendesk", "ticket_updated", 6, None),  # no key again: a second event
        NewEvent("zendesk", "ticket_updated", 8, "2024-05-01T10:00:00Z", "a"),  # invocation a
        NewEvent("zendesk", "odd", 9, None, ignored=True, reason="unknown"),
    ]
    results = store.add_many(events)
    assert [c for _, c in results] == [True, False, True, True, False, True]
    assert results[1][0].id == stored.id
    assert results[4][0].id == results[2][0].id and results[2][0].ticket_id == 7
    assert [r.ticket_id for r, _ in results] == [6, 5, 7, 6, 7, 9]
    assert results[0][0].id != results[3][0].id
    assert results[5][0].status == "ignored"
    assert sum(store.counts().values()) == 5
    store.close()


class PoisonStore(GatedStore):
    """Fails any batch holding ticket 13, as an unforeseen bug for one event would."""

    def add_many(self, events: Sequence[NewEvent]) -> list[tuple[EventRecord, bool]]:
        if any(e.ticket_id == 13 for e in events):
            self.entered.release()
            assert self.gate.wait(30)
            self.batches.append(len(events))
            raise RuntimeError("unforeseen")
        return super().add_many(events)


def test_one_bad_event_fails_alone_not_its_whole_batch(tmp_path: Path) -> None:
    store = PoisonStore(tmp_path / "events.db")
    book = SecretBook(tmp_path / "secrets.json")
    book.set_zendesk("wh-1", SECRET)
    config = ReceiverConfig(store=store, queue=None, secrets=book)
    with serve(create_app(config)) as url, ThreadPoolExecutor(8) as pool:
        rx = Rx(url)
        first = _hold_first_batch(store, rx, pool)
        batch = [pool.submit(rx.post, _body(n), f"inv-{n}") for n in (12, 13, 14)]
        _wait_inbox(url, 3)
        store.gate.set()
        answers = [f.result() for f in (first, *batch)]
    assert [a.status_code for a in answers] == [202, 202, 503, 202]
    assert answers[2].headers["Retry-After"].isdigit()
    assert store.batches[:2] == [1, 3]  # then one at a time: 12, 13 (fails), 14
    assert sorted(e.ticket_id for e in store.find() if e.ticket_id) == [1, 12, 14]
    store.gate.set()
    store.close()


def test_a_commit_slower_than_the_ack_timeout_answers_503_and_the_resend_dedupes(
        gated: tuple[GatedStore, Callable[..., Any]]) -> None:
    """Requests whose batch is held past ``ack_timeout`` get 503 + Retry-After (those of the
    held batch and those waiting behind it, each on its own deadline); the batch then
    commits, so the helpdesk's resend is a 202 duplicate of the stored event."""
    store, start = gated
    with start(ack_timeout=0.4) as url, ThreadPoolExecutor(8) as pool:
        rx = Rx(url)
        first = _hold_first_batch(store, rx, pool)
        threading.Event().wait(0.2)
        later = [pool.submit(rx.post, _body(40 + n), f"t-{n}") for n in range(3)]
        answers = [first.result(), *(f.result() for f in later)]
        assert [a.status_code for a in answers] == [503] * 4
        assert all(a.headers["Retry-After"].isdigit() for a in answers)
        assert answers[0].json() == {"error": "event store unavailable, retry later"}
        store.gate.set()
        resent = rx.post(_body(1), "first")
        assert resent.status_code == 202 and resent.json()["status"] == "duplicate"
        fresh = rx.post(_body(50), "t-fresh")  # the receiver goes on as before
        assert fresh.status_code == 202 and fresh.json()["status"] == "queued"
    assert sum(store.counts().values()) == 5


def _frames_in_log(db: Path) -> int:
    """Frames of the current write-ahead log generation, read from another connection."""
    with sqlite3.connect(db) as conn:
        _, frames, _ = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    return int(frames)


def _fill(store: SqliteEventStore, first: int, count: int) -> None:
    """``count`` commits of one event (each appends the pages it touched to the log)."""
    for t in range(first, first + count):
        store.add_many([NewEvent("zendesk", "ticket_updated", t, "2024-05-01T10:00:00Z",
                                 invocation_id=f"i{t}")])


def test_the_receivers_store_leaves_checkpoints_to_its_own_thread(tmp_path: Path) -> None:
    """SQLite's automatic checkpoint runs inside the commit that crosses 1,000 pages and held
    that batch's acks: deferred, the log grows past it until `checkpoint` moves it out,
    after which the next commit starts a new log."""
    log_max = 1100 * 4120  # a little over 1,000 frames of 4 KiB pages
    plain = SqliteEventStore(tmp_path / "plain.db")
    _fill(plain, 0, 600)
    assert (tmp_path / "plain.db-wal").stat().st_size < log_max  # restarted along the way
    plain.close()
    db = tmp_path / "e.db"
    store = SqliteEventStore(db)
    assert store.defer_checkpoints()
    _fill(store, 0, 600)
    assert (tmp_path / "e.db-wal").stat().st_size > log_max  # the commits checkpointed nothing
    store.checkpoint()
    _fill(store, 1000, 5)
    assert _frames_in_log(db) < 100  # the log restarted after the checkpoint
    store.close()


def _hold_write_lock(db: Path, seconds: float, taken: threading.Event,
                     released: list[float]) -> None:
    """Another connection (a worker's, say) holds the write lock for ``seconds``."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    taken.set()
    time.sleep(seconds)
    conn.execute("COMMIT")
    released.append(time.monotonic())
    conn.close()


def _event(ticket: int) -> NewEvent:
    return NewEvent("zendesk", "ticket_updated", ticket, "2024-05-01T10:00:00Z",
                    invocation_id=f"lock-{ticket}")


def test_the_receivers_insert_takes_the_write_lock_soon_after_it_is_free(
        tmp_path: Path) -> None:
    """SQLite's busy handler, after 228 ms of waits, sleeps 100 ms before its next try: a
    lock freed at 230 ms was taken at 328 ms. The insert polls instead: within a few ms."""
    db = tmp_path / "e.db"
    store = SqliteEventStore(db)
    store.setup()
    taken, released = threading.Event(), list[float]()
    holder = threading.Thread(target=_hold_write_lock, args=(db, 0.23, taken, released))
    holder.start()
    assert taken.wait(5)
    [(record, created)] = store.add_many([_event(1)])
    stored_at = time.monotonic()
    holder.join()
    assert created and store.get(record.id) is not None
    assert stored_at - released[0] < 0.05  # the busy handler: about 0.1 s
    store.close()


def test_a_lock_held_past_the_timeout_still_fails_the_insert_at_the_timeout(
        tmp_path: Path) -> None:
    db = tmp_path / "e.db"
    store = SqliteEventStore(db, timeout=0.3)
    store.setup()
    taken, released = threading.Event(), list[float]()
    holder = threading.Thread(target=_hold_write_lock, args=(db, 1.5, taken, released))
    holder.start()
    assert taken.wait(5)
    started = time.monotonic()
    with pytest.raises(StoreUnavailable, match="locked"):
        store.add_many([_event(1)])
    assert 0.3 <= time.monotonic() - started < 1.0
    holder.join()
    assert store.add_many([_event(1)])[0][1]  # stored once the lock is free
    store.close()


def test_after_an_insert_the_same_connections_other_writes_still_wait_for_the_lock(
        tmp_path: Path) -> None:
    """The insert's polling is its own: a claim on that connection waits (busy handler)
    instead of failing at once on a lock another connection holds."""
    db = tmp_path / "e.db"
    store = SqliteEventStore(db)
    store.setup()
    [(record, _)] = store.add_many([_event(1)])
    taken, released = threading.Event(), list[float]()
    holder = threading.Thread(target=_hold_write_lock, args=(db, 0.2, taken, released))
    holder.start()
    assert taken.wait(5)
    claimed = store.claim(record.id, "w1")
    holder.join()
    assert claimed is not None and claimed.status == "processing"
    store.close()


def test_the_writer_is_woken_after_the_loops_pass_so_one_pass_is_one_batch(
        tmp_path: Path) -> None:
    """A sleeping writer is woken from the loop's next pass, not inside `submit`: deliveries
    submitted in one pass go in one batch, even when the pass blocks between them."""
    store = SqliteEventStore(tmp_path / "events.db")
    writer = GroupWriter(store, None, registry=CollectorRegistry())

    def batches() -> tuple[float, float]:
        samples = {s.name: s.value for s in writer.batch_size.collect()[0].samples}
        return (samples["deskops_webhook_batch_size_count"],
                samples["deskops_webhook_batch_size_sum"])

    async def run() -> None:
        await writer.submit(NewEvent("zendesk", "ticket_updated", 1, "2024-05-01T10:00:00Z"))
        deadline = time.monotonic() + 5
        while not writer._sleeping:  # the writer waits for the next event
            assert time.monotonic() < deadline, "the writer never went to sleep"
            await asyncio.sleep(0.005)
        before = batches()
        first = writer.submit(NewEvent("zendesk", "ticket_updated", 2, "2024-05-01T10:00:00Z"))
        time.sleep(0.05)  # the pass goes on (GIL released): a writer woken now would commit
        second = writer.submit(NewEvent("zendesk", "ticket_updated", 3, "2024-05-01T10:00:00Z"))
        await asyncio.gather(first, second)
        count, total = batches()
        assert (count - before[0], total - before[1]) == (1, 2)

    asyncio.run(run())
    store.close()
