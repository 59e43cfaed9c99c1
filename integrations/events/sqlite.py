"""SQLite event store: the embedded default, nothing to start.

WAL journal with ``synchronous=FULL`` so a commit is on disk before the receiver acks;
``BEGIN IMMEDIATE`` so concurrent writers (receiver and workers in other processes) queue
on the busy timeout (the store's ``timeout``, a few seconds) instead of failing on a lock
upgrade. One connection per thread, dropped after any error: SQLite silently opens a
read-only connection to a read-only file, and a fresh one is the way back once it is
writable again.

The receiver's insert (`add_many`) does not use SQLite's busy handler: it polls for the write
lock itself (`LOCK_POLL`). The handler sleeps 1, 2, 5, 10, 15, 20, 25 ms... between tries, so
a lock held a little longer than the last try waited for (a worker's statement whose process
the scheduler paused) cost the receiver's whole batch up to twice that: held 4 ms, found
free after 8; held 9 ms, after 18.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from pathlib import Path
from typing import Any, ClassVar

from integrations.events.store import Cursor, EventStore, StoreUnavailable, _insert_sql

__all__ = ["LOCK_POLL", "SqliteEventStore"]

#: Seconds between two tries of the receiver's insert for the write lock, the last repeated
#: until the store's ``timeout``: a worker's statement holds the lock for a fraction of a
#: millisecond, so the insert is usually through at the second or third try.
LOCK_POLL = (0.0001, 0.0002, 0.0005, 0.001)


class SqliteEventStore(EventStore):
    """Events in one SQLite file (created with its folder on first use)."""

    backend: ClassVar[str] = "sqlite"
    schema: ClassVar[tuple[str, ...]] = (
        """CREATE TABLE IF NOT EXISTS deskops_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source TEXT NOT NULL, kind TEXT NOT NULL,
            ticket_id INTEGER, ticket_updated_at TEXT,
            invocation_id TEXT, invocation_key TEXT UNIQUE, dedupe_key TEXT UNIQUE,
            webhook_id TEXT, requester_id INTEGER,
            status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
            received_at REAL NOT NULL, lease_until REAL, not_before REAL, nudge_at REAL,
            worker TEXT, decision TEXT, reason TEXT, error TEXT, finished_at REAL)""",
        "CREATE INDEX IF NOT EXISTS deskops_events_nudge ON deskops_events (nudge_at)",
        "CREATE INDEX IF NOT EXISTS deskops_events_ticket ON deskops_events (ticket_id)",
        "CREATE INDEX IF NOT EXISTS deskops_events_requester ON deskops_events (requester_id)",
        # One row rewritten by `ping`: /readyz proves the store takes a write.
        "CREATE TABLE IF NOT EXISTS deskops_probe (id INTEGER PRIMARY KEY, at REAL NOT NULL)",
    )

    def __init__(self, path: str | Path, **options: Any) -> None:
        super().__init__(**options)
        self.path = Path(path)
        self._local = threading.local()
        self._open: dict[int, sqlite3.Connection] = {}
        self._deferred = False

    def _connection(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None,
                                       check_same_thread=False)
                try:
                    conn.execute("PRAGMA journal_mode=WAL")
                    conn.execute("PRAGMA synchronous=FULL")
                    if self._deferred:
                        conn.execute("PRAGMA wal_autocheckpoint=0")
                except sqlite3.Error:
                    conn.close()
                    raise
            except (OSError, sqlite3.Error) as exc:
                raise StoreUnavailable(f"event store {self.path}: {exc}") from exc
            self._local.conn = conn
            self._local.synchronous = "FULL"
            self._local.polls = False  # waits for locks with SQLite's busy handler
            self._open[threading.get_ident()] = conn
        return conn

    def _lock_waits(self, conn: sqlite3.Connection, *, polls: bool) -> None:
        """Lock waits by SQLite's busy handler, or none (``polls``: `_insert` polls), set
        between statements and only when it changes (a receiver's writer sets it once)."""
        if self._local.polls != polls:
            conn.execute(f"PRAGMA busy_timeout={0 if polls else round(self.timeout * 1000)}")
            self._local.polls = polls

    @contextmanager
    def _transaction(self, relaxed: bool = False) -> Iterator[Cursor]:
        conn = self._connection()
        try:
            mode = "NORMAL" if relaxed else "FULL"
            if self._local.synchronous != mode:  # set between transactions only
                conn.execute(f"PRAGMA synchronous={mode}")
                self._local.synchronous = mode
            self._lock_waits(conn, polls=False)
            conn.execute("BEGIN IMMEDIATE")
            yield conn.cursor()
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            # A failed COMMIT (disk full) has already rolled back: closing is the one safe
            # clean-up, and the next call opens a fresh connection.
            self.close()
            raise StoreUnavailable(f"event store {self.path}: {exc}") from exc
        except BaseException:
            if conn.in_transaction:
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:
                    self.close()
            raise

    def _autocommit(self) -> AbstractContextManager[Cursor]:
        """Statements in SQLite's autocommit mode: each is its own durable transaction. An
        INSERT takes the write lock when it starts (waiting on the busy timeout, as ``BEGIN
        IMMEDIATE`` does) and commits when its last row is read, so `add_many` spends no
        separate BEGIN and COMMIT calls (each a GIL hand-off in the receiver's writer)."""
        return self._statements_alone(durable=True)

    def _read_only(self) -> AbstractContextManager[Cursor]:
        """A read in autocommit mode: a WAL snapshot, no write lock, no pragma change."""
        return self._statements_alone(durable=None)

    def _relaxed(self) -> AbstractContextManager[Cursor]:
        """A worker's write in autocommit mode with ``synchronous=NORMAL``: the UPDATE takes
        the write lock when it starts (no read-then-write upgrade) and commits, with no
        fsync, when its last row is read."""
        return self._statements_alone(durable=False)

    @contextmanager
    def _statements_alone(self, *, durable: bool | None) -> Iterator[Cursor]:
        conn = self._connection()
        try:
            mode = None if durable is None else "FULL" if durable else "NORMAL"
            if mode is not None and self._local.synchronous != mode:
                conn.execute(f"PRAGMA synchronous={mode}")
                self._local.synchronous = mode
            if durable is not None:  # a write: `add_many`'s insert polls, a worker's waits
                self._lock_waits(conn, polls=durable)
            yield conn.cursor()
        except sqlite3.Error as exc:
            self.close()  # as in `_transaction`: the next call opens a fresh connection
            raise StoreUnavailable(f"event store {self.path}: {exc}") from exc
        except BaseException:
            if conn.in_transaction:  # a statement cut before its last row keeps the lock
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:
                    self.close()
            raise

    def _insert(self, cur: Cursor, rows: list[tuple[Any, ...]]) -> list[Any]:
        """`add_many`'s insert, trying for the write lock every `LOCK_POLL` until the store's
        ``timeout`` (then SQLite's "database is locked", a 503, as with its busy handler)."""
        sql = _insert_sql(len(rows))
        params = [value for row in rows for value in row]
        deadline = time.monotonic() + self.timeout
        pauses = iter(LOCK_POLL)
        pause = 0.0
        while True:
            try:
                cur.execute(sql, params)
                break
            except sqlite3.OperationalError as exc:  # nothing written: the statement was
                code = getattr(exc, "sqlite_errorcode", 0)  # refused the lock, whole
                if code & 0xFF != sqlite3.SQLITE_BUSY or time.monotonic() >= deadline:
                    raise
            pause = next(pauses, pause)
            time.sleep(pause)
        return cur.fetchall()

    def interrupt(self, thread_id: int) -> None:
        """Abort the statement running in thread ``thread_id`` (sqlite3 allows it)."""
        conn = self._open.get(thread_id)
        if conn is not None:
            with suppress(sqlite3.Error):  # pragma: no cover - already closed
                conn.interrupt()

    def defer_checkpoints(self) -> bool:
        """SQLite checkpoints the log in the commit that crosses 1,000 pages: the
        receiver's connections leave it to `checkpoint`, run by a thread of its own."""
        self._deferred = True
        return True

    def checkpoint(self) -> None:
        try:
            self._connection().execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except sqlite3.Error as exc:
            self.close()
            raise StoreUnavailable(f"event store {self.path}: {exc}") from exc

    def close(self) -> None:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        self._open.pop(threading.get_ident(), None)
        if conn is not None:
            self._local.conn = None
            with suppress(sqlite3.Error):  # pragma: no cover - closing a broken connection
                conn.close()
