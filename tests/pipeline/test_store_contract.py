"""One contract suite, run against every event-store back-end (SQLite and real PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from integrations.events import EventStore, NewEvent, StoreUnavailable, open_store

from .support import FakeClock


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path, clock: FakeClock) -> Iterator[EventStore]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path}/events.db"
    else:
        url = request.getfixturevalue("postgres_url")
    s = open_store(url, clock=clock, lease_seconds=10, max_attempts=3, grace_seconds=5)
    yield s
    s.close()


def event(ticket: int = 1, updated: str = "2024-05-01T10:00:00Z", inv: str | None = "inv-1",
          **kw: object) -> NewEvent:
    return NewEvent(source="zendesk", kind="ticket_created", ticket_id=ticket,
                    ticket_updated_at=updated, invocation_id=inv, webhook_id="wh1",
                    requester_id=kw.pop("requester", 7), **kw)  # type: ignore[arg-type]


def test_add_then_get(store: EventStore, clock: FakeClock) -> None:
    rec, created = store.add(event())
    assert created
    assert rec.status == "queued" and rec.attempts == 0
    assert rec.received_at == clock.now
    assert store.get(rec.id) == rec
    assert store.get(rec.id + 999) is None


def test_dedupe_on_invocation_id(store: EventStore) -> None:
    first, _ = store.add(event(updated="2024-05-01T10:00:00Z"))
    again, created = store.add(event(updated="2024-05-01T10:05:00Z"))
    assert not created and again.id == first.id


def test_dedupe_on_ticket_state_across_formats(store: EventStore) -> None:
    first, _ = store.add(event(inv="a", updated="2024-05-01T10:00:00Z"))
    again, created = store.add(event(inv="b", updated="2024-05-01T12:00:00+02:00"))
    assert not created and again.id == first.id
    newer, created = store.add(event(inv="c", updated="2024-05-01T10:00:01Z"))
    assert created and newer.id != first.id


def test_ignored_events_are_recorded_but_never_due(store: EventStore, clock: FakeClock) -> None:
    rec, created = store.add(NewEvent(source="zendesk", kind="zen:event-type:user.created",
                                      ticket_id=None, invocation_id="x", ignored=True,
                                      reason="unknown event type"))
    assert created and rec.status == "ignored" and rec.reason == "unknown event type"
    # an ignored event does not block the real event for the same ticket state
    real, created = store.add(event(inv="y"))
    assert created
    clock.advance(3600)
    assert store.due() == [real.id]
    assert store.claim(rec.id, "w") is None


def test_claim_complete(store: EventStore) -> None:
    rec, _ = store.add(event())
    claimed = store.claim(rec.id, "w1")
    assert claimed is not None and claimed.status == "processing" and claimed.attempts == 1
    assert store.claim(rec.id, "w2") is None  # leased
    assert store.complete(claimed, decision="tagged", reason="lang_fr", requester_id=9)
    done = store.get(rec.id)
    assert done is not None and done.status == "done" and done.decision == "tagged"
    assert done.requester_id == 9
    assert store.claim(rec.id, "w2") is None  # done is final


def test_finish_returns_the_stored_row(store: EventStore, clock: FakeClock) -> None:
    """The worker reads nothing after an event: `finish` hands back the row as stored."""
    for requester in (None, 9):
        rec, _ = store.add(event(inv=f"f{requester}", ticket=requester or 2))
        claimed = store.claim(rec.id, "w1")
        assert claimed is not None
        clock.advance(1.5)
        final = store.finish(claimed, decision="tagged", reason="lang_fr",
                             requester_id=requester)
        assert final is not None and final == store.get(rec.id)
        assert final.status == "done" and final.finished_at == clock.now
        assert final.requester_id == (requester or 7)
        assert store.finish(claimed, decision="again", reason="twice") is None  # not leased


def test_claim_many_leases_only_the_claimable(store: EventStore, clock: FakeClock) -> None:
    """One statement claims several events; done, leased and unknown ids are left out, and
    an event whose lease expired ``max_attempts`` times is dead-lettered, not leased."""
    recs = [store.add(event(inv=f"m{n}", ticket=10 + n))[0] for n in range(4)]
    done = store.claim(recs[0].id, "w1")
    assert done is not None and store.complete(done, decision="d", reason="r")
    assert store.claim(recs[1].id, "w1") is not None  # leased to w1
    claimed = store.claim_many([recs[3].id, recs[0].id, recs[1].id, recs[2].id, 999], "w2")
    assert [c.id for c in claimed] == [recs[2].id, recs[3].id]
    assert all(c.status == "processing" and c.worker == "w2" and c.attempts == 1
               for c in claimed)
    for _ in range(2):  # leases of recs[1] expire: attempts 2, 3 (max_attempts is 3)
        clock.advance(11)
        again = store.claim_many([recs[1].id], "w3")
        assert [c.id for c in again] == [recs[1].id]
    clock.advance(11)
    assert store.claim_many([recs[1].id], "w3") == []
    dead = store.get(recs[1].id)
    assert dead is not None and dead.status == "dead" and dead.attempts == 3
    assert dead.worker == "w3" and dead.error is not None and "lease expired" in dead.error


def test_lease_expiry_hands_event_back(store: EventStore, clock: FakeClock) -> None:
    rec, _ = store.add(event())
    first = store.claim(rec.id, "killed")
    assert first is not None
    clock.advance(9)
    assert store.due() == []  # lease still valid
    assert store.claim(rec.id, "w2") is None
    clock.advance(2)
    assert store.due() == [rec.id]
    assert store.due() == []  # nudged once per grace period
    second = store.claim(rec.id, "w2")
    assert second is not None and second.attempts == 2
    assert not store.complete(first, decision="late", reason="stale lease")  # fenced
    assert store.complete(second, decision="tagged", reason="ok")


def test_failures_retry_with_backoff_then_dead_letter(store: EventStore, clock: FakeClock) -> None:
    rec, _ = store.add(event())
    for attempt in (1, 2):
        claimed = store.claim(rec.id, "w")
        assert claimed is not None and claimed.attempts == attempt
        failed = store.fail(claimed, "helpdesk said 503\ntraceback lines are dropped")
        assert failed is not None and failed.status == "retry"
        assert failed.error == "helpdesk said 503"
        assert store.claim(rec.id, "w") is None  # not before the backoff
        clock.advance(3600)
        assert rec.id in store.due()
    claimed = store.claim(rec.id, "w")
    assert claimed is not None and claimed.attempts == 3
    dead = store.fail(claimed, "still broken")
    assert dead is not None and dead.status == "dead" and dead.error == "still broken"
    clock.advance(3600)
    assert store.due() == []
    assert store.claim(rec.id, "w") is None
    assert store.find(status="dead") == [dead]
    back = store.retry(rec.id)
    assert back is not None and back.status == "queued" and back.attempts == 0
    assert store.retry(rec.id) is None  # only dead/retry events come back
    again = store.claim(rec.id, "w")
    assert again is not None and store.complete(again, decision="ok", reason="ok")


def test_lease_expiring_max_times_dead_letters(store: EventStore, clock: FakeClock) -> None:
    rec, _ = store.add(event())
    for _ in range(3):
        assert store.claim(rec.id, "crashy") is not None
        clock.advance(11)
    assert store.claim(rec.id, "w") is None
    dead = store.get(rec.id)
    assert dead is not None and dead.status == "dead"
    assert dead.error is not None and "lease expired 3 times" in dead.error


def test_stuck_queued_event_is_nudged_after_grace(store: EventStore, clock: FakeClock) -> None:
    rec, _ = store.add(event())
    assert store.due() == []
    clock.advance(6)
    assert store.due() == [rec.id]


def test_list_counts_and_filters(store: EventStore) -> None:
    a, _ = store.add(event(ticket=1, inv="a"))
    b, _ = store.add(event(ticket=2, inv="b"))
    assert [r.id for r in store.find()] == [b.id, a.id]
    assert [r.id for r in store.find(ticket_id=1)] == [a.id]
    assert [r.id for r in store.find(limit=1)] == [b.id]
    counts = store.counts()
    assert counts["queued"] == 2 and counts["dead"] == 0


def test_purge_requester_and_retention(store: EventStore, clock: FakeClock) -> None:
    mine, _ = store.add(event(ticket=1, inv="a", requester=7))
    other, _ = store.add(event(ticket=2, inv="b", requester=8))
    assert store.purge_requester(7) == 1
    assert store.get(mine.id) is None and store.get(other.id) is not None
    claimed = store.claim(other.id, "w")
    assert claimed is not None
    store.complete(claimed, decision="ok", reason="ok")
    fresh, _ = store.add(event(ticket=3, inv="c"))
    clock.advance(29 * 86400)
    assert store.purge_expired(30) == 0
    clock.advance(2 * 86400)
    assert store.purge_expired(30) == 1  # finished and old; the queued one stays
    assert store.get(other.id) is None and store.get(fresh.id) is not None


def test_rows_hold_no_ticket_text(store: EventStore) -> None:
    rec, _ = store.add(event())
    assert set(rec.as_dict()) >= {"ticket_id", "decision", "reason"}
    assert not {"subject", "description", "email", "body"} & set(rec.as_dict())


def test_latest_done(store: EventStore) -> None:
    assert store.latest_done(1) is None
    rec, _ = store.add(event(updated="2024-05-01T10:00:00Z"))
    claimed = store.claim(rec.id, "w")
    assert claimed is not None
    store.complete(claimed, decision="ok", reason="ok")
    assert store.latest_done(1) == "2024-05-01T10:00:00Z"


def test_ping(store: EventStore) -> None:
    store.ping()


def test_unreachable_store_raises_store_unavailable(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreUnavailable, match="event store"):
        open_store(f"sqlite:///{blocker}/sub/events.db").ping()
    with pytest.raises(StoreUnavailable, match="PostgreSQL"):
        open_store("postgresql://postgres@127.0.0.1:1/test").ping()


def test_add_many_ids_are_the_stored_rows(store: EventStore) -> None:
    """The ids `add_many` hands back are the rows' own (it reads back only the ids and builds
    the rest of each record itself), also after the newest row was purged and after a batch
    with a duplicate in it, which leaves SQLite's AUTOINCREMENT ids with a gap."""
    store.add(event(ticket=1, inv="a", requester=7))
    store.add(event(ticket=2, inv="b", requester=8))
    assert store.purge_requester(8) == 1  # the newest id is gone; it is never reused
    gap = store.add_many([event(ticket=3, inv="c"), event(ticket=1, inv="a"),
                          event(ticket=4, inv="d")])
    assert [c for _, c in gap] == [True, False, True]
    batch = [event(ticket=10 + i, inv=f"n{i}", requester=i) for i in range(6)]
    batch.append(NewEvent("zendesk", "odd", None, None, ignored=True, reason="unknown"))
    results = store.add_many(batch)
    assert all(created for _, created in results)
    for record, _ in [*gap, *results]:
        assert store.get(record.id) == record
    assert [r.ticket_id for r, _ in results] == [10, 11, 12, 13, 14, 15, None]
    assert [r.requester_id for r, _ in results][:6] == list(range(6))
    ids = [r.id for r, _ in results]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert min(ids) > max(r.id for r, _ in gap)


def test_add_many_keyless_rows_get_their_own_ids(store: EventStore) -> None:
    """Rows with neither an invocation id nor a ticket state cannot conflict; their ids are
    matched to them by position (the insert keeps the batch's order on both back-ends)."""
    batch = [NewEvent("zendesk", f"odd{i}", None, None, ignored=True, reason=f"why {i}")
             for i in range(5)]
    batch.insert(2, event(ticket=99, inv="k"))
    results = store.add_many(batch)
    assert all(created for _, created in results)
    for sent, (record, _) in zip(batch, results, strict=True):
        stored = store.get(record.id)
        assert stored == record
        assert (stored.kind, stored.reason) == (sent.kind, sent.reason)
