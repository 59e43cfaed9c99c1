"""Two batches in flight at once on PostgreSQL, one delivery in both (two receiver processes,
`serve --processes N`, each with its own writer and connection).

A third connection inserts the delivery's invocation key and keeps its transaction open, so
both batches' inserts wait on it (the test sees both waiting in ``pg_locks``). When it rolls
back, one batch inserts the event and the other's ON CONFLICT waits for that commit, then
`add_many` reads the row back: one event, both copies given its id, one of them as created.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from integrations.events import EventRecord, NewEvent, open_store

RACED = NewEvent("zendesk", "ticket_updated", 7, "2024-05-01T10:00:00Z", "inv-race", "wh-1")


def _waiting_on(conn: Any, xid: str, count: int, seconds: float = 10.0) -> None:
    """Wait until ``count`` sessions wait for transaction ``xid``'s lock."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        row = conn.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'transactionid' "
            "AND NOT granted AND transactionid::text = %s", (xid,)).fetchone()
        if row and row[0] >= count:
            return
        time.sleep(0.02)
    pytest.fail(f"{count} inserts never waited together: the race was not run")


def test_one_delivery_in_two_concurrent_batches_is_one_event_both_acked(
        postgres_url: str) -> None:
    import psycopg

    first, second = open_store(postgres_url), open_store(postgres_url)
    first.counts(), second.counts()  # the schema, before the blocker holds the table
    other = NewEvent("zendesk", "ticket_updated", 8, "2024-05-01T10:00:00Z", "inv-8")
    results: dict[str, list[tuple[EventRecord, bool]]] = {}
    errors: list[BaseException] = []

    def write(name: str, store: Any, events: list[NewEvent]) -> None:
        try:
            results[name] = store.add_many(events)
        except BaseException as exc:  # reported by the test thread
            errors.append(exc)
        finally:
            store.close()

    with psycopg.connect(postgres_url) as blocker, \
            psycopg.connect(postgres_url, autocommit=True) as watcher:
        blocker.execute("INSERT INTO deskops_events (source, kind, invocation_key, status, "
                        "received_at) VALUES ('zendesk', 'blocker', 'zendesk:inv-race', "
                        "'queued', 0)")
        row = blocker.execute(
            "SELECT transactionid::text FROM pg_locks WHERE pid = pg_backend_pid() "
            "AND locktype = 'transactionid' AND granted").fetchone()
        assert row is not None
        xid = str(row[0])
        threads = [threading.Thread(target=write, args=("a", first, [RACED, other])),
                   threading.Thread(target=write, args=("b", second, [RACED]))]
        for thread in threads:
            thread.start()
        _waiting_on(watcher, xid, 2)
        blocker.rollback()
        for thread in threads:
            thread.join(10)
    assert not errors, errors
    (a, a_created), (eight, eight_created) = results["a"]
    ((b, b_created),) = results["b"]
    assert a.id == b.id
    assert sorted([a_created, b_created]) == [False, True]
    assert a.invocation_id == b.invocation_id == "inv-race" and a.ticket_id == 7
    assert eight_created and eight.ticket_id == 8 and eight.id != a.id
    reader = open_store(postgres_url)
    assert [r.id for r in reader.find(ticket_id=7)] == [a.id]
    reader.close()
