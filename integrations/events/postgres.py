"""PostgreSQL event store: scale-out, shared by receivers and workers on several machines.

psycopg 3 (the ``scale`` extra); one connection per thread, autocommit off through explicit
transactions. A broken connection is dropped so the next call reconnects.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar

from integrations.errors import ConfigError
from integrations.events.store import Cursor, EventStore, StoreUnavailable

__all__ = ["PostgresEventStore"]


class _Translating:
    """Wraps a psycopg cursor so the base class's ``?`` placeholders become ``%s``."""

    def __init__(self, cursor: Any) -> None:
        self._cursor = cursor

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._cursor.execute(sql.replace("%", "%%").replace("?", "%s"), tuple(params))

    def fetchone(self) -> Any:
        return self._cursor.fetchone()

    def fetchall(self) -> list[Any]:
        return list(self._cursor.fetchall())

    @property
    def rowcount(self) -> int:
        return int(self._cursor.rowcount)


class PostgresEventStore(EventStore):
    """Events in table ``deskops_events`` of the database at ``url``."""

    backend: ClassVar[str] = "postgresql"
    schema: ClassVar[tuple[str, ...]] = (
        # Several processes may start at once: serialise the DDL on an advisory lock.
        "SELECT pg_advisory_xact_lock(7401550)",
        """CREATE TABLE IF NOT EXISTS deskops_events (
            id BIGSERIAL PRIMARY KEY,
            source TEXT NOT NULL, kind TEXT NOT NULL,
            ticket_id BIGINT, ticket_updated_at TEXT,
            invocation_id TEXT, invocation_key TEXT UNIQUE, dedupe_key TEXT UNIQUE,
            webhook_id TEXT, requester_id BIGINT,
            status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
            received_at DOUBLE PRECISION NOT NULL, lease_until DOUBLE PRECISION,
            not_before DOUBLE PRECISION, nudge_at DOUBLE PRECISION,
            worker TEXT, decision TEXT, reason TEXT, error TEXT, finished_at DOUBLE PRECISION)""",
        "CREATE INDEX IF NOT EXISTS deskops_events_nudge ON deskops_events (nudge_at)",
        "CREATE INDEX IF NOT EXISTS deskops_events_ticket ON deskops_events (ticket_id)",
        "CREATE INDEX IF NOT EXISTS deskops_events_requester ON deskops_events (requester_id)",
    )

    def __init__(self, url: str, **options: Any) -> None:
        super().__init__(**options)
        try:
            import psycopg
        except ImportError as exc:
            raise ConfigError("DESKOPS_DATABASE_URL is PostgreSQL but psycopg is not installed: "
                              "pip install 'deskops[scale]'") from exc
        self._psycopg = psycopg
        self.url = url
        self._local = threading.local()

    def _connection(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None or conn.closed:
            try:
                conn = self._psycopg.connect(self.url, autocommit=True, connect_timeout=5)
            except self._psycopg.Error as exc:
                raise StoreUnavailable(f"event store (PostgreSQL): cannot connect: "
                                       f"{str(exc).splitlines()[0] if str(exc) else exc!r}"
                                       ) from exc
            self._local.conn = conn
        return conn

    @contextmanager
    def _transaction(self) -> Iterator[Cursor]:
        conn = self._connection()
        try:
            with conn.transaction(), conn.cursor() as cursor:
                yield _Translating(cursor)
        except self._psycopg.Error as exc:
            if conn.closed or conn.broken:
                self._local.conn = None
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise StoreUnavailable(f"event store (PostgreSQL): {first}") from exc

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None
