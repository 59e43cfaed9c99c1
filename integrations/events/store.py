"""The durable event store: what arrived, what was done, what failed and why.

The store, not the queue, is the truth about an event. The receiver writes an event here
*before* it acknowledges the delivery; the queue only carries "look at event N" nudges,
which may be lost or duplicated. Delivery is therefore at-least-once on top of any queue:

* `claim` leases an event to one worker (status ``processing``, ``lease_until``), and bumps
  ``attempts``, which doubles as a fencing token for `complete` and `fail`;
* a worker killed mid-event leaves the lease to expire; `due` then hands the event back to
  the queue, and the next `claim` succeeds;
* `fail` schedules a retry with backoff, or dead-letters the event with its error after
  ``max_attempts`` tries; a lease that expires ``max_attempts`` times is dead-lettered too;
* `retry` brings a dead-lettered event back (``deskops events retry``).

Deduplication happens at insert: on the delivery's invocation id, and on the ticket state
``(ticket id, updated_at)``, so a duplicated or re-sent delivery of the same ticket state is
one event. Privacy: rows hold ids, timestamps, decisions and reasons — never ticket text or
e-mail addresses. `purge_requester` erases one person's events; `purge_before` applies the
retention period (30 days by default).

Status life cycle::

    queued ──claim──> processing ──complete──> done
       ^                 │  └─fail──> retry ──claim──> processing ...
       │                 │            └─(max attempts)──> dead ──retry──> queued
       └── lease expiry: processing is claimable again (dead after max_attempts)
    ignored   (unknown event type: recorded, never processed)

Durability: `add_many` (what the receiver acknowledges) always commits to disk. The workers'
state changes (`claim`, `complete`, `fail`, `due`) are one statement each, committed
*relaxed* (SQLite ``synchronous=NORMAL`` in WAL mode, PostgreSQL ``synchronous_commit = off``
for the session until a durable write turns it back on), so they hold the write lock for
no fsync and no Python, and stay out of the receiver's ack tail. Losing one in a power cut
or a server crash only runs an event again, which the at-least-once design already allows
(handlers are idempotent; `attempts` fences stale workers); the receiver's next full commit
makes them durable anyway.

Back-ends are terse subclasses (`SqliteEventStore`, `PostgresEventStore`) that supply the
schema and a connection; every SQL statement goes through the base class's helpers
(`_tx`: a transaction; `_statements`: a durable statement on its own; `_relaxed_statement`:
a worker's write on its own, not waiting for the disk; `_reads`).
"""

from __future__ import annotations

import dataclasses
import functools
import re
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, ClassVar, Protocol

from integrations.errors import DeskopsError

__all__ = [
    "DEFAULT_LEASE_SECONDS",
    "DEFAULT_MAX_ATTEMPTS",
    "DEFAULT_RETENTION_DAYS",
    "DEFAULT_TIMEOUT_SECONDS",
    "MAX_BATCH",
    "STATUSES",
    "EventRecord",
    "EventStore",
    "NewEvent",
    "StoreUnavailable",
    "canonical_timestamp",
]

DEFAULT_LEASE_SECONDS = 60.0
DEFAULT_MAX_ATTEMPTS = 5
DEFAULT_RETENTION_DAYS = 30
#: How long a queued event may wait for its nudge before `due` re-sends it.
DEFAULT_GRACE_SECONDS = 30.0
#: Longest wait for a lock or a statement (SQLite busy timeout, PostgreSQL lock and statement
#: timeouts): well under the helpdesks' ~10 s delivery timeout, so a stuck store answers 503.
DEFAULT_TIMEOUT_SECONDS = 3.0
#: Most events one `add_many` writes in one statement (keeps under the drivers' parameter caps).
MAX_BATCH = 256

STATUSES = ("queued", "processing", "retry", "done", "dead", "ignored")


class StoreUnavailable(DeskopsError):
    """The event store cannot be reached or written; the receiver answers 503 + Retry-After."""


_CANONICAL = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", re.ASCII)


def canonical_timestamp(value: str | None) -> str | None:
    """``updated_at`` as ``YYYY-MM-DDTHH:MM:SSZ`` in UTC, so webhook and API forms dedupe alike.

    Unparseable values are kept as given (stripped): they still dedupe against themselves.
    A parseable time that cannot be moved to UTC (``9999-12-31T23:59:59-01:00``) raises
    `ValueError`: the receiver refuses it with a 400.
    """
    if value is None:
        return None
    if isinstance(value, str) and _CANONICAL.fullmatch(value):
        # The helpdesks' usual form is already canonical once it is a real time (the
        # general path below gives the same answer, ten times slower).
        try:
            datetime.fromisoformat(value[:-1])
        except ValueError:
            return value  # kept as given, like any unparseable value
        return value
    text = str(value).strip()
    if not text:
        return None
    candidate = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    candidate = re.sub(r"^(\d{4}-\d\d-\d\d) ", r"\1T", candidate)
    # Placeholders may render "2024-05-01T12:00:00 +0000": tolerate a space before the zone.
    candidate = re.sub(r" ([+-]\d\d):?(\d\d)$", r"\1:\2", candidate)
    try:
        parsed = datetime.fromisoformat(candidate)
    except ValueError:
        return text
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    try:
        return parsed.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except OverflowError:
        raise ValueError(f"updated_at {text[:64]!r} is out of range once moved to UTC") from None


@dataclass(frozen=True)
class NewEvent:
    """What the receiver (or the sweep) knows about an incoming event: ids and times only."""

    source: str  # "zendesk", "freshdesk" or "sweep"
    kind: str  # e.g. "ticket_created", "ticket_updated"
    ticket_id: int | None
    ticket_updated_at: str | None = None
    invocation_id: str | None = None
    webhook_id: str | None = None
    requester_id: int | None = None
    ignored: bool = False
    reason: str | None = None  # why it was ignored, for `events show`


@dataclass(frozen=True)
class EventRecord:
    """One stored event, as `events list|show` print it."""

    id: int
    source: str
    kind: str
    ticket_id: int | None
    ticket_updated_at: str | None
    invocation_id: str | None
    webhook_id: str | None
    requester_id: int | None
    status: str
    attempts: int
    received_at: float
    lease_until: float | None
    not_before: float | None
    nudge_at: float | None
    worker: str | None
    decision: str | None
    reason: str | None
    error: str | None
    finished_at: float | None

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _COLUMNS}


_COLUMNS: tuple[str, ...] = (
    "id", "source", "kind", "ticket_id", "ticket_updated_at", "invocation_id", "webhook_id",
    "requester_id", "status", "attempts", "received_at", "lease_until", "not_before",
    "nudge_at", "worker", "decision", "reason", "error", "finished_at",
)
_SELECT = ", ".join(_COLUMNS)


_INSERT_HEAD = (
    "INSERT INTO deskops_events (source, kind, ticket_id, ticket_updated_at, invocation_id, "
    "invocation_key, dedupe_key, webhook_id, requester_id, status, attempts, received_at, "
    "nudge_at, reason, finished_at) VALUES ")
_INSERT_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)"
_INSERT_TAIL = " ON CONFLICT DO NOTHING RETURNING id, invocation_key, dedupe_key"


@functools.cache
def _insert_sql(count: int) -> str:
    """`add_many`'s statement for ``count`` rows (built once per size: the writer's batches
    repeat a few sizes, and the drivers then find the statement in their caches)."""
    return _INSERT_HEAD + ", ".join([_INSERT_ROW] * count) + _INSERT_TAIL


class Cursor(Protocol):
    """The slice of DB-API cursors the store uses (sqlite3 and psycopg both fit)."""

    def execute(self, sql: str, params: Sequence[Any] = ...) -> Any: ...
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    @property
    def rowcount(self) -> int: ...


def _backoff(attempts: int) -> float:
    """Seconds before retry number ``attempts + 1``: 2, 4, 8 … capped at 10 minutes."""
    return float(min(600, 2 ** max(1, attempts)))


class EventStore(ABC):
    """Base class of event stores; SQL is written once here, with ``?`` placeholders.

    Subclasses provide `schema` (DDL statements), `_transaction` (a context manager that
    yields a cursor inside one transaction, commits on success, rolls back on error and
    translates driver errors into `StoreUnavailable`) and `close`.

    ``clock`` returns epoch seconds; tests pass a fake one to expire leases without sleeping.
    """

    schema: ClassVar[tuple[str, ...]]
    #: How back-end names appear in `events` output and `/readyz`.
    backend: ClassVar[str]

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.time,
        lease_seconds: float = DEFAULT_LEASE_SECONDS,
        max_attempts: int = DEFAULT_MAX_ATTEMPTS,
        grace_seconds: float = DEFAULT_GRACE_SECONDS,
        backoff: Callable[[int], float] = _backoff,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
    ) -> None:
        self.clock = clock
        self.lease_seconds = lease_seconds
        self.max_attempts = max_attempts
        self.grace_seconds = grace_seconds
        self.backoff = backoff
        self.timeout = timeout
        self._setup_lock = threading.Lock()
        self._ready = False

    # -- back-end hooks ---------------------------------------------------------------------

    @abstractmethod
    def _transaction(self, relaxed: bool = False) -> AbstractContextManager[Cursor]:
        """One transaction; yields a cursor; driver errors become `StoreUnavailable`.

        ``relaxed``: the commit need not wait for the disk (see `claim`)."""

    @abstractmethod
    def close(self) -> None:
        """Close this thread's connection (the next call opens a fresh one)."""

    def interrupt(self, thread_id: int) -> None:
        """Make a call stuck in thread ``thread_id`` fail now (the back-end decides how)."""
        return None

    def defer_checkpoints(self) -> bool:
        """Leave the log's checkpoints of this process's later connections to `checkpoint`,
        called off the commit path; False where the back-end has nothing to defer."""
        return False

    def checkpoint(self) -> None:
        """Checkpoint the log now, without waiting for readers or writers."""
        return None

    # -- helpers ---------------------------------------------------------------------------

    def setup(self) -> None:
        """Create the table and indexes if missing (idempotent; called lazily)."""
        with self._setup_lock:
            if self._ready:
                return
            with self._transaction() as cur:
                for statement in self.schema:
                    cur.execute(statement)
            self._ready = True

    def _tx(self, relaxed: bool = False) -> AbstractContextManager[Cursor]:
        if not self._ready:
            self.setup()
        return self._transaction(relaxed)

    def _statements(self) -> AbstractContextManager[Cursor]:
        """A cursor whose every statement is its own durable transaction; `add_many` needs
        no more (one INSERT), and PostgreSQL then spends no round trips on BEGIN / COMMIT.
        By default: one `_transaction`."""
        if not self._ready:
            self.setup()
        return self._autocommit()

    def _autocommit(self) -> AbstractContextManager[Cursor]:
        return self._transaction()

    def _reads(self) -> AbstractContextManager[Cursor]:
        """A cursor for one read: no write lock (a worker's `get` after each event would
        otherwise queue behind, and hold up, the receiver's commits on SQLite), no BEGIN /
        COMMIT round trips on PostgreSQL. By default: one `_transaction`."""
        if not self._ready:
            self.setup()
        return self._read_only()

    def _read_only(self) -> AbstractContextManager[Cursor]:
        return self._transaction()

    def _relaxed_statement(self) -> AbstractContextManager[Cursor]:
        """A cursor for one write statement that is its own transaction and commits without
        waiting for the disk: a worker's `claim`, `complete`, `fail` and `due`. SQLite holds
        the write lock for that statement only (no BEGIN and COMMIT calls around it, so no
        Python runs while the receiver waits for the lock); PostgreSQL spends one round trip
        instead of four. By default: one relaxed `_transaction`."""
        if not self._ready:
            self.setup()
        return self._relaxed()

    def _relaxed(self) -> AbstractContextManager[Cursor]:
        return self._transaction(relaxed=True)

    def _insert(self, cur: Cursor, rows: list[tuple[Any, ...]]) -> list[Any]:
        """`add_many`'s one statement: insert ``rows`` (in `_INSERT_HEAD`'s column order,
        less ``attempts``), skipping conflicts; the rows of ``id, invocation_key,
        dedupe_key`` inserted, ids in the order of ``rows``. By default one multi-row
        ``INSERT ... VALUES``."""
        cur.execute(_insert_sql(len(rows)), [value for row in rows for value in row])
        return cur.fetchall()

    @staticmethod
    def _record(row: Sequence[Any] | None) -> EventRecord | None:
        if row is None:
            return None
        values = dict(zip(_COLUMNS, row, strict=True))
        return EventRecord(**values)

    def _one(self, cur: Cursor, sql: str, params: Sequence[Any]) -> EventRecord | None:
        cur.execute(sql, params)
        return self._record(cur.fetchone())

    # -- verbs -----------------------------------------------------------------------------

    def ping(self) -> None:
        """Raise `StoreUnavailable` unless the store takes a write now (``/readyz``).

        Rewrites one row of ``deskops_probe`` and commits, so a full disk, a read-only file
        or an unreachable server shows; waits for another writer at most ``timeout``.
        """
        with self._tx() as cur:
            cur.execute("INSERT INTO deskops_probe (id, at) VALUES (1, ?) "
                        "ON CONFLICT (id) DO UPDATE SET at = excluded.at", (self.clock(),))

    def add(self, event: NewEvent) -> tuple[EventRecord, bool]:
        """Store one event durably; see `add_many`."""
        return self.add_many([event])[0]

    def add_many(self, events: Sequence[NewEvent]) -> list[tuple[EventRecord, bool]]:
        """Store events durably in one transaction (one multi-row insert, one commit).

        Returns (record, created) per event, in order; ``created`` is False for a duplicate:
        the same (source, invocation id), or the same ticket state (ticket id, updated_at)
        of an actionable event, already stored or earlier in ``events``. At most
        `MAX_BATCH` events. Raises `ValueError` for an ``updated_at`` out of range.
        """
        if not events:
            return []
        if len(events) > MAX_BATCH:
            raise ValueError(f"add_many takes at most {MAX_BATCH} events, got {len(events)}")
        now = self.clock()
        rows: list[tuple[Any, ...]] = []
        keys: list[tuple[str | None, str | None]] = []
        first_of: list[int] = []  # index of the batch's first event with a shared key
        seen: dict[str, int] = {}
        for index, event in enumerate(events):
            updated_at = canonical_timestamp(event.ticket_updated_at)
            invocation_key = (f"{event.source}:{event.invocation_id}"
                              if event.invocation_id else None)
            dedupe_key = (f"{event.ticket_id}@{updated_at}"
                          if not event.ignored and event.ticket_id is not None and updated_at
                          else None)
            earlier = [seen[k] for k in (invocation_key, dedupe_key) if k in seen]
            first_of.append(min(earlier) if earlier else index)
            keys.append((invocation_key, dedupe_key))
            if earlier:
                continue
            for key in (invocation_key, dedupe_key):
                if key is not None:
                    seen[key] = index
            status = "ignored" if event.ignored else "queued"
            rows.append((event.source, event.kind, event.ticket_id, updated_at,
                         event.invocation_id, invocation_key, dedupe_key, event.webhook_id,
                         event.requester_id, status, now,
                         None if event.ignored else now + self.grace_seconds, event.reason,
                         now if event.ignored else None))
        unique = [i for i in range(len(events)) if first_of[i] == i]
        results: dict[int, tuple[EventRecord, bool]] = {}
        # One statement writes the batch, so it needs no transaction around it; the lookup
        # of duplicates after it reads rows committed before it (ON CONFLICT waited for them).
        # Only the ids come back: the rest of each record is what was just inserted (a
        # RETURNING of every column cost the writer a row conversion per event).
        with self._statements() as cur:
            inserted = sorted(self._insert(cur, rows), key=lambda row: int(row[0]))
            by_key = {row[1] or row[2]: row[0] for row in inserted if row[1] or row[2]}
            keyless = iter(row[0] for row in inserted if not (row[1] or row[2]))
            conflicted: list[int] = []
            for index, row in zip(unique, rows, strict=True):
                invocation_key, dedupe_key = keys[index]
                # Keyless rows cannot conflict; ids follow the VALUES order.
                new_id = by_key.get(invocation_key or dedupe_key) if (
                    invocation_key or dedupe_key) else next(keyless)
                if new_id is None:
                    conflicted.append(index)
                else:
                    results[index] = (EventRecord(
                        int(new_id), row[0], row[1], row[2], row[3], row[4], row[7], row[8],
                        row[9], 0, row[10], None, None, row[11], None, None, row[12], None,
                        row[13]), True)
            if conflicted:
                wanted = [k for i in conflicted for k in keys[i] if k is not None]
                marks = ", ".join("?" * len(wanted))
                cur.execute(f"SELECT invocation_key, dedupe_key, {_SELECT} FROM deskops_events "
                            f"WHERE invocation_key IN ({marks}) OR dedupe_key IN ({marks}) "
                            f"ORDER BY id", [*wanted, *wanted])
                stored = cur.fetchall()
                for index in conflicted:
                    mine = {k for k in keys[index] if k is not None}
                    match = next((row for row in stored if row[0] in mine or row[1] in mine),
                                 None)
                    if match is None:  # pragma: no cover - a conflict always has a row
                        raise StoreUnavailable("event store: insert conflicted, no row matches")
                    results[index] = (self._required(match[2:]), False)
        return [results[i] if first_of[i] == i else (results[first_of[i]][0], False)
                for i in range(len(events))]

    def _required(self, row: Sequence[Any]) -> EventRecord:
        record = self._record(row)
        assert record is not None
        return record

    def get(self, event_id: int) -> EventRecord | None:
        with self._reads() as cur:
            return self._one(cur, f"SELECT {_SELECT} FROM deskops_events WHERE id = ?",
                             (event_id,))

    def find(self, *, status: str | None = None, ticket_id: int | None = None,
             limit: int = 50) -> list[EventRecord]:
        """Newest first, optionally filtered by status and ticket."""
        where: list[str] = []
        params: list[Any] = []
        if status is not None:
            where.append("status = ?")
            params.append(status)
        if ticket_id is not None:
            where.append("ticket_id = ?")
            params.append(ticket_id)
        clause = f"WHERE {' AND '.join(where)} " if where else ""
        with self._tx() as cur:
            cur.execute(f"SELECT {_SELECT} FROM deskops_events {clause}"
                        f"ORDER BY id DESC LIMIT ?", (*params, limit))
            rows = cur.fetchall()
        return [r for r in (self._record(row) for row in rows) if r is not None]

    def counts(self) -> dict[str, int]:
        """Events per status (every status present, zero included)."""
        with self._tx() as cur:
            cur.execute("SELECT status, COUNT(*) FROM deskops_events GROUP BY status", ())
            found = {str(status): int(count) for status, count in cur.fetchall()}
        return {status: found.get(status, 0) for status in STATUSES}

    def claim(self, event_id: int, worker: str) -> EventRecord | None:
        """Lease the event to ``worker``; None if it is done, leased to someone else, or not due.

        A lease that has expired ``max_attempts`` times is dead-lettered instead.
        """
        claimed = self.claim_many([event_id], worker)
        return claimed[0] if claimed else None

    def claim_many(self, event_ids: Sequence[int], worker: str) -> list[EventRecord]:
        """`claim` for several events in one statement; returns those leased to ``worker``.

        One UPDATE both leases the claimable events and dead-letters those whose lease has
        expired ``max_attempts`` times (every CASE reads the row as it was), so the write
        lock is held for one short statement."""
        if not event_ids:
            return []
        now = self.clock()
        lease = now + self.lease_seconds
        spent = ("(status = 'processing' AND attempts >= "
                 f"{int(self.max_attempts)})")  # an int, not client text
        marks = ", ".join("?" * len(event_ids))
        with self._relaxed_statement() as cur:
            cur.execute(
                f"UPDATE deskops_events SET "
                f"status = CASE WHEN {spent} THEN 'dead' ELSE 'processing' END, "
                f"attempts = CASE WHEN {spent} THEN attempts ELSE attempts + 1 END, "
                f"lease_until = CASE WHEN {spent} THEN lease_until ELSE ? END, "
                f"nudge_at = CASE WHEN {spent} THEN NULL ELSE ? END, "
                f"worker = CASE WHEN {spent} THEN worker ELSE ? END, "
                f"finished_at = CASE WHEN {spent} THEN ? ELSE finished_at END, "
                f"error = CASE WHEN {spent} THEN ? ELSE error END "
                f"WHERE id IN ({marks}) AND ("
                f"(status IN ('queued', 'retry') AND (not_before IS NULL OR not_before <= ?)) "
                f"OR (status = 'processing' AND lease_until <= ?)) RETURNING {_SELECT}",
                (lease, lease, worker, now,
                 f"worker lease expired {self.max_attempts} times (worker killed?)",
                 *event_ids, now, now),
            )
            rows = cur.fetchall()
        records = [self._required(row) for row in rows]
        return sorted((r for r in records if r.status == "processing"), key=lambda r: r.id)

    def complete(self, claimed: EventRecord, *, decision: str, reason: str,
                 requester_id: int | None = None) -> bool:
        """Mark a claimed event done; False if the lease was lost to another worker meanwhile."""
        return self.finish(claimed, decision=decision, reason=reason,
                           requester_id=requester_id) is not None

    def finish(self, claimed: EventRecord, *, decision: str, reason: str,
               requester_id: int | None = None) -> EventRecord | None:
        """`complete`, returning the final record (None if the lease was lost), so the
        worker needs no read after it. The record is the claimed one with what this write
        set (no RETURNING: a row conversion per event, inside the write lock on SQLite);
        the lease, fenced by ``attempts``, means nobody else changed the row meanwhile."""
        now = self.clock()
        with self._relaxed_statement() as cur:
            cur.execute(
                "UPDATE deskops_events SET status = 'done', decision = ?, reason = ?, "
                "error = NULL, lease_until = NULL, nudge_at = NULL, finished_at = ?, "
                "requester_id = COALESCE(?, requester_id) "
                "WHERE id = ? AND status = 'processing' AND attempts = ?",
                (decision, reason, now, requester_id, claimed.id, claimed.attempts),
            )
            if cur.rowcount != 1:
                return None
        return dataclasses.replace(
            claimed, status="done", decision=decision, reason=reason, error=None,
            lease_until=None, nudge_at=None, finished_at=now,
            requester_id=claimed.requester_id if requester_id is None else requester_id)

    def fail(self, claimed: EventRecord, error: str) -> EventRecord | None:
        """Record a failure: retry later with backoff, or dead-letter after ``max_attempts``."""
        now = self.clock()
        error = error.splitlines()[0][:500] if error else "failed"
        if claimed.attempts >= self.max_attempts:
            sql = (f"UPDATE deskops_events SET status = 'dead', error = ?, lease_until = NULL, "
                   f"nudge_at = NULL, finished_at = ? WHERE id = ? AND status = 'processing' "
                   f"AND attempts = ? RETURNING {_SELECT}")
            params: tuple[Any, ...] = (error, now, claimed.id, claimed.attempts)
        else:
            later = now + self.backoff(claimed.attempts)
            sql = (f"UPDATE deskops_events SET status = 'retry', error = ?, lease_until = NULL, "
                   f"not_before = ?, nudge_at = ? WHERE id = ? AND status = 'processing' "
                   f"AND attempts = ? RETURNING {_SELECT}")
            params = (error, later, later, claimed.id, claimed.attempts)
        with self._relaxed_statement() as cur:
            cur.execute(sql, params)
            rows = cur.fetchall()
        return self._record(rows[0]) if rows else None

    def retry(self, event_id: int) -> EventRecord | None:
        """Bring a dead-lettered (or waiting-to-retry) event back to ``queued`` now."""
        now = self.clock()
        with self._tx() as cur:
            return self._one(
                cur,
                f"UPDATE deskops_events SET status = 'queued', attempts = 0, not_before = NULL, "
                f"lease_until = NULL, nudge_at = ?, finished_at = NULL WHERE id = ? "
                f"AND status IN ('dead', 'retry') RETURNING {_SELECT}",
                (now + self.grace_seconds, event_id),
            )

    def due(self, limit: int = 100) -> list[int]:
        """Ids whose queue nudge may have been lost (expired lease, retry time, stuck queued).

        Atomically pushes their ``nudge_at`` forward by the grace period, so among several
        workers only one re-enqueues a given event per period.
        """
        now = self.clock()
        with self._relaxed_statement() as cur:
            cur.execute(
                "UPDATE deskops_events SET nudge_at = ? WHERE id IN (SELECT id FROM "
                "deskops_events WHERE nudge_at <= ? ORDER BY nudge_at LIMIT ?) RETURNING id",
                (now + self.grace_seconds, now, limit),
            )
            return sorted(int(row[0]) for row in cur.fetchall())

    def purge_requester(self, requester_id: int) -> int:
        """Erase every event of one requester (privacy request); returns how many."""
        with self._tx() as cur:
            cur.execute("DELETE FROM deskops_events WHERE requester_id = ?", (requester_id,))
            return int(cur.rowcount)

    def purge_before(self, cutoff: float) -> int:
        """Erase finished events received before ``cutoff`` (epoch seconds): retention."""
        with self._tx() as cur:
            cur.execute("DELETE FROM deskops_events WHERE received_at < ? "
                        "AND status IN ('done', 'dead', 'ignored')", (cutoff,))
            return int(cur.rowcount)

    def purge_expired(self, retention_days: float = DEFAULT_RETENTION_DAYS) -> int:
        return self.purge_before(self.clock() - retention_days * 86400.0)

    def latest_done(self, ticket_id: int) -> str | None:
        """The newest ``updated_at`` of a ticket whose event is done (the sweep skips those)."""
        with self._tx() as cur:
            cur.execute("SELECT MAX(ticket_updated_at) FROM deskops_events "
                        "WHERE ticket_id = ? AND status = 'done'", (ticket_id,))
            row = cur.fetchone()
        return str(row[0]) if row and row[0] is not None else None

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

