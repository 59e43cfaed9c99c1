"""SQLite event store: the embedded default, nothing to start.

WAL journal with ``synchronous=FULL`` so a commit is on disk before the receiver acks;
``BEGIN IMMEDIATE`` so concurrent writers (receiver and workers in other processes) queue
on the busy timeout instead of failing on a lock upgrade. One connection per thread.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar

from integrations.events.store import Cursor, EventStore, StoreUnavailable

__all__ = ["SqliteEventStore"]


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
    )

    def __init__(self, path: str | Path, **options: Any) -> None:
        super().__init__(**options)
        self.path = Path(path)
        self._local = threading.local()

    def _connection(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(self.path, timeout=30.0, isolation_level=None,
                                       check_same_thread=False)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=FULL")
            except (OSError, sqlite3.Error) as exc:
                raise StoreUnavailable(f"event store {self.path}: {exc}") from exc
            self._local.conn = conn
        return conn

    @contextmanager
    def _transaction(self) -> Iterator[Cursor]:
        conn = self._connection()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreUnavailable(f"event store {self.path}: {exc}") from exc
        try:
            yield conn.cursor()
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            raise StoreUnavailable(f"event store {self.path}: {exc}") from exc
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None
