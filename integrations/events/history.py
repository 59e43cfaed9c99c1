"""Read side of the event store for `deskops report` and the dashboard, plus receiver health.

Additive to `store.py`: one small table of receiver counters, ``deskops_receiver_health``
(the window's indexes on ``received_at`` and the figures' sums are in
`integrations.events.summary`): one row per hour, source, HTTP status and reason class,
with a count. It holds no ids at all, so purging a
requester never needs to touch it; `record_receiver_counts` drops rows older than the
retention period while it writes.

Every statement goes through the store's own transaction helper, so both back-ends share
this SQL (``?`` placeholders, translated for PostgreSQL by the store).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from integrations.events.sqlite import SqliteEventStore
from integrations.events.store import DEFAULT_RETENTION_DAYS, Cursor, EventStore, StoreUnavailable

__all__ = [
    "HealthCount",
    "ensure_history_schema",
    "reading",
    "receiver_counts",
    "record_receiver_counts",
]

_HEALTH_TABLE = {
    "sqlite": """CREATE TABLE IF NOT EXISTS deskops_receiver_health (
        bucket REAL NOT NULL, source TEXT NOT NULL, status INTEGER NOT NULL,
        reason TEXT NOT NULL, count INTEGER NOT NULL,
        PRIMARY KEY (bucket, source, status, reason))""",
    "postgresql": """CREATE TABLE IF NOT EXISTS deskops_receiver_health (
        bucket DOUBLE PRECISION NOT NULL, source TEXT NOT NULL, status INTEGER NOT NULL,
        reason TEXT NOT NULL, count BIGINT NOT NULL,
        PRIMARY KEY (bucket, source, status, reason))""",
}


@dataclass(frozen=True)
class HealthCount:
    """Receiver answers of one kind in one hour (``bucket``: epoch seconds of the hour)."""

    bucket: float
    source: str
    status: int
    reason: str
    count: int


def ensure_history_schema(store: EventStore) -> None:
    """Create the health table when missing (idempotent, once per store)."""
    if getattr(store, "_history_ready", False):
        return
    statements = [_HEALTH_TABLE[store.backend]]
    if store.backend == "postgresql":  # several processes may start at once
        statements.insert(0, "SELECT pg_advisory_xact_lock(7401551)")
    with store._tx() as cur:
        for statement in statements:
            cur.execute(statement, ())
    setattr(store, "_history_ready", True)  # noqa: B010 - a mark on the store, not a field


@contextmanager
def reading(store: EventStore) -> Iterator[Cursor]:
    """A read-only transaction that never holds up the receiver.

    The store's own transactions take SQLite's write lock at once (``BEGIN IMMEDIATE``, right
    for its writes); a report only reads, so on SQLite it reads a WAL snapshot beside the
    writers (``BEGIN``) — a long dashboard query must not delay a webhook's ack. PostgreSQL
    reads never block writers: the store's transaction is used as is.
    """
    if not isinstance(store, SqliteEventStore):
        with store._tx() as cur:
            yield cur
        return
    if not store._ready:
        store.setup()
    conn = store._connection()
    try:
        conn.execute("BEGIN")
    except sqlite3.Error as exc:
        raise StoreUnavailable(f"event store {store.path}: {exc}") from exc
    try:
        yield conn.cursor()
    except sqlite3.Error as exc:
        raise StoreUnavailable(f"event store {store.path}: {exc}") from exc
    finally:
        conn.execute("ROLLBACK")  # nothing was written: ending the snapshot is enough


def record_receiver_counts(store: EventStore, counts: Mapping[tuple[float, str, int, str], int],
                           *, retention_days: float = DEFAULT_RETENTION_DAYS) -> None:
    """Add ``{(hour, source, status, reason): n}`` to the health table; drop expired hours."""
    if not counts:
        return
    ensure_history_schema(store)
    with store._tx() as cur:
        for (bucket, source, status, reason), n in sorted(counts.items()):
            cur.execute(
                "INSERT INTO deskops_receiver_health (bucket, source, status, reason, count) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (bucket, source, status, reason) "
                "DO UPDATE SET count = deskops_receiver_health.count + excluded.count",
                (bucket, source, status, reason, n))
        cur.execute("DELETE FROM deskops_receiver_health WHERE bucket < ?",
                    (store.clock() - retention_days * 86400.0,))


def receiver_counts(store: EventStore, since: float, until: float) -> list[HealthCount]:
    """Receiver answers per hour, source, status and reason in the window."""
    ensure_history_schema(store)
    with reading(store) as cur:
        cur.execute("SELECT bucket, source, status, reason, count FROM deskops_receiver_health "
                    "WHERE bucket >= ? AND bucket < ? ORDER BY bucket, source, status, reason",
                    (since - since % 3600, until))
        rows: Iterable[Any] = cur.fetchall()
    return [HealthCount(float(b), str(s), int(st), str(r), int(n)) for b, s, st, r, n in rows]
