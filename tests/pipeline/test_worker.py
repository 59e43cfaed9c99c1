"""Worker semantics on every store/queue pairing: at-least-once, idempotent, dead letters.

The helpdesk side here is `MemoryDesk`, a small implementation of deskops's own `TicketDesk`
contract (no vendor client is mocked); the end-to-end tests use the sandbox over HTTP.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from integrations.errors import NotFound, Unavailable
from integrations.events import EventQueue, EventStore, NewEvent, open_store
from integrations.helpdesk.base import CallCounter
from integrations.helpdesk.tickets import TicketDesk
from integrations.model import Ticket
from integrations.worker import LanguageTagger, Worker, language_tag

from .support import FakeClock

T0 = datetime(2024, 5, 1, 10, 0, tzinfo=UTC)


class MemoryDesk(TicketDesk):
    def __init__(self, tickets: Sequence[Ticket]) -> None:
        self.tickets = {t.id: t for t in tickets}
        self.calls = CallCounter()
        self.failures = 0  # next N reads raise Unavailable

    def get_ticket(self, ticket_id: int) -> Ticket:
        self.calls.record("GET", "tickets")
        if self.failures:
            self.failures -= 1
            raise Unavailable("helpdesk is unavailable for ticket (503)")
        if ticket_id not in self.tickets:
            raise NotFound(f"no ticket {ticket_id}")
        return self.tickets[ticket_id]

    def add_tags(self, ticket_id: int, tags: Sequence[str]) -> None:
        self.calls.record("PUT", "tags")
        t = self.tickets[ticket_id]
        self.tickets[ticket_id] = replace(t, tags=tuple(dict.fromkeys([*t.tags, *tags])))

    def updated_since(self, since: datetime) -> Iterator[tuple[int, str]]:
        for t in self.tickets.values():
            if t.updated_at >= since:
                yield t.id, t.updated_at.strftime("%Y-%m-%dT%H:%M:%SZ")

    def close(self) -> None:
        pass


def ticket(tid: int, text: str, **kw: object) -> Ticket:
    fields: dict[str, object] = {"status": "open", **kw}
    return Ticket(id=tid, subject=text, description=text, updated_at=T0,
                  requester_id=100 + tid, **fields)  # type: ignore[arg-type]


FR = "Bonjour, je n'arrive plus à me connecter à mon compte depuis hier soir"
EN = "Hello, I cannot log in to my account since yesterday evening, please help"
KO = "안녕하세요, 어제부터 계정에 로그인할 수 없습니다"


@pytest.fixture(params=["sqlite+sqlite", "postgresql+redis"])
def backends(request: pytest.FixtureRequest, tmp_path: Path,
             clock: FakeClock) -> Iterator[tuple[EventStore, EventQueue]]:
    if request.param == "sqlite+sqlite":
        store_url, queue_url = f"sqlite:///{tmp_path}/e.db", f"sqlite:///{tmp_path}/q.db"
    else:
        store_url = request.getfixturevalue("postgres_url")
        queue_url = request.getfixturevalue("redis_url")
    store = open_store(store_url, clock=clock, lease_seconds=30, max_attempts=3,
                       grace_seconds=10, backoff=lambda n: 5.0)
    queue = EventQueue(queue_url, name=f"w{uuid.uuid4().hex[:10]}", read_timeout=0.05)
    yield store, queue
    queue.flush()
    queue.close()
    store.close()


def deliver(store: EventStore, queue: EventQueue, tid: int, updated: datetime = T0,
            inv: str | None = None) -> int:
    rec, created = store.add(NewEvent(source="zendesk", kind="ticket_updated", ticket_id=tid,
                                      ticket_updated_at=updated.isoformat(),
                                      invocation_id=inv or uuid.uuid4().hex))
    if created:
        queue.put(rec.id)
    return rec.id


def worker(store: EventStore, queue: EventQueue, desk: MemoryDesk, name: str = "w") -> Worker:
    return Worker(store, queue, desk, LanguageTagger(), name=name, idle_wait=0)


def test_language_tags_land_once(backends: tuple[EventStore, EventQueue]) -> None:
    store, queue = backends
    desk = MemoryDesk([ticket(1, FR), ticket(2, EN), ticket(3, KO)])
    ids = [deliver(store, queue, tid) for tid in (1, 2, 3)]
    assert worker(store, queue, desk).run(until_idle=True) == 3
    assert [desk.tickets[t].tags for t in (1, 2, 3)] == [("lang_fr",), ("lang_en",), ("lang_ko",)]
    for event_id in ids:
        rec = store.get(event_id)
        assert rec is not None and rec.status == "done" and rec.decision == "tagged"
    assert store.get(ids[2]).reason == "lang_ko (script)"  # type: ignore[union-attr]
    assert store.get(ids[0]).requester_id == 101  # type: ignore[union-attr]


def test_duplicate_and_reordered_deliveries_make_one_change(
        backends: tuple[EventStore, EventQueue]) -> None:
    store, queue = backends
    desk = MemoryDesk([ticket(1, FR)])
    later = deliver(store, queue, 1, T0 + timedelta(minutes=5), inv="b")
    deliver(store, queue, 1, T0 + timedelta(minutes=5), inv="b")  # duplicate delivery
    earlier = deliver(store, queue, 1, T0, inv="a")  # arrives after the newer one
    worker(store, queue, desk).run(until_idle=True)
    assert desk.calls.by_endpoint["PUT tags"] == 1
    assert store.get(later).decision == "tagged"  # type: ignore[union-attr]
    assert store.get(earlier).decision == "unchanged"  # type: ignore[union-attr]
    assert sum(store.counts().values()) == 2


def test_killed_worker_event_is_retried_after_lease(
        backends: tuple[EventStore, EventQueue], clock: FakeClock) -> None:
    store, queue = backends
    desk = MemoryDesk([ticket(1, FR)])
    event_id = deliver(store, queue, 1)
    assert queue.get() == event_id  # worker A took the nudge ...
    assert store.claim(event_id, "A") is not None  # ... claimed, then was killed
    survivor = worker(store, queue, desk, "B")
    assert survivor.run(until_idle=True) == 0  # lease still held: nothing to do yet
    clock.advance(31)
    assert survivor.run(until_idle=True) == 1
    rec = store.get(event_id)
    assert rec is not None and rec.status == "done" and rec.worker == "B"
    assert rec.attempts == 2 and desk.tickets[1].tags == ("lang_fr",)


def test_lost_nudge_is_resent(backends: tuple[EventStore, EventQueue], clock: FakeClock) -> None:
    """The receiver died between storing and enqueueing: the store re-sends the nudge."""
    store, queue = backends
    desk = MemoryDesk([ticket(1, EN)])
    rec, _ = store.add(NewEvent(source="zendesk", kind="ticket_created", ticket_id=1,
                                invocation_id="x"))
    assert worker(store, queue, desk).run(until_idle=True) == 0
    clock.advance(11)
    assert worker(store, queue, desk).run(until_idle=True) == 1
    assert store.get(rec.id).status == "done"  # type: ignore[union-attr]


def test_failures_retry_then_dead_letter_then_retry_command(
        backends: tuple[EventStore, EventQueue], clock: FakeClock) -> None:
    store, queue = backends
    desk = MemoryDesk([ticket(1, FR)])
    desk.failures = 3
    event_id = deliver(store, queue, 1)
    w = worker(store, queue, desk)
    for _ in range(3):
        w.run(until_idle=True)
        clock.advance(6)
    rec = store.get(event_id)
    assert rec is not None and rec.status == "dead" and rec.attempts == 3
    assert rec.error == "helpdesk is unavailable for ticket (503)"
    assert desk.tickets[1].tags == ()
    assert store.retry(event_id) is not None
    queue.put(event_id)
    w.run(until_idle=True)
    assert store.get(event_id).status == "done"  # type: ignore[union-attr]
    assert desk.tickets[1].tags == ("lang_fr",)


def test_deleted_ticket_and_closed_ticket_are_skipped(
        backends: tuple[EventStore, EventQueue]) -> None:
    store, queue = backends
    desk = MemoryDesk([ticket(2, FR, status="closed")])
    gone = deliver(store, queue, 1)
    closed = deliver(store, queue, 2)
    worker(store, queue, desk).run(until_idle=True)
    assert store.get(gone).reason == "ticket no longer exists"  # type: ignore[union-attr]
    assert store.get(closed).reason == "ticket is closed"  # type: ignore[union-attr]
    assert desk.calls.writes == 0


def test_handler_bug_is_recorded_not_fatal(backends: tuple[EventStore, EventQueue]) -> None:
    store, queue = backends
    desk = MemoryDesk([ticket(1, FR)])

    def broken(t: Ticket, d: TicketDesk) -> object:
        raise KeyError("oops")

    event_id = deliver(store, queue, 1)
    w = Worker(store, queue, desk, broken, name="w", idle_wait=0)  # type: ignore[arg-type]
    w.run(until_idle=True)
    rec = store.get(event_id)
    assert rec is not None and rec.status == "retry" and rec.error == "KeyError: 'oops'"


def test_language_tag_spelling() -> None:
    assert language_tag("pt-BR") == "lang_pt_br"
