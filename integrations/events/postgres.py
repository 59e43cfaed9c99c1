"""PostgreSQL event store: scale-out, shared by receivers and workers on several machines.

psycopg 3 (the ``scale`` extra); one connection per thread, autocommit off through explicit
transactions. Every wait is bounded: connect timeout, TCP keepalives, per-session
``lock_timeout`` (the store's ``timeout``) and ``statement_timeout`` (ten times it). A server
that stalls without closing is cut by `interrupt` (the receiver's writer calls it when a
commit overruns).
A connection is dropped after any error so the next call reconnects.
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, suppress
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

    def execute_binary(self, sql: str, params: Sequence[Any]) -> list[Any]:
        """``sql`` as written (psycopg placeholders, ``%b`` for binary parameters); its rows."""
        self._cursor.execute(sql, params)
        return list(self._cursor.fetchall())

    def fetchone(self) -> Any:
        return self._cursor.fetchone()

    def fetchall(self) -> list[Any]:
        return list(self._cursor.fetchall())

    @property
    def rowcount(self) -> int:
        return int(self._cursor.rowcount)


#: `add_many`'s insert on PostgreSQL: one array per column, so the text is the same for every
#: batch size. psycopg then converts it once (it re-parses a statement of more than 50
#: parameters, such as a multi-row VALUES, on every call) and prepares it once, and the
#: server plans it once instead of per batch. ``unnest`` yields the rows in array order,
#: so the ids follow the order of the rows.
_INSERT_UNNEST = (
    "INSERT INTO deskops_events (source, kind, ticket_id, ticket_updated_at, invocation_id, "
    "invocation_key, dedupe_key, webhook_id, requester_id, status, attempts, received_at, "
    "nudge_at, reason, finished_at) "
    "SELECT s, k, t, u, i, ik, dk, w, r, st, 0, ra, na, re, fa FROM unnest("
    "%b::text[], %b::text[], %b::bigint[], %b::text[], %b::text[], %b::text[], %b::text[], "
    "%b::text[], %b::bigint[], %b::text[], %b::float8[], %b::float8[], %b::text[], "
    "%b::float8[]) "
    "AS v(s, k, t, u, i, ik, dk, w, r, st, ra, na, re, fa) "
    "ON CONFLICT DO NOTHING RETURNING id, invocation_key, dedupe_key")


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
        # One row rewritten by `ping`: /readyz proves the store takes a write.
        "CREATE TABLE IF NOT EXISTS deskops_probe (id INTEGER PRIMARY KEY, "
        "at DOUBLE PRECISION NOT NULL)",
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
        self._open: dict[int, Any] = {}

    def _connection(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None or conn.closed:
            millis = max(1, int(self.timeout * 1000))
            try:
                conn = self._psycopg.connect(
                    self.url, autocommit=True, connect_timeout=max(2, int(self.timeout)),
                    keepalives=1, keepalives_idle=5, keepalives_interval=2, keepalives_count=3,
                    tcp_user_timeout=millis * 2)
                conn.execute(f"SET lock_timeout = {millis}")
                # Ten times longer: a retention purge may take a while; a stalled receiver
                # commit is cut sooner by its writer's watchdog (`interrupt`).
                conn.execute(f"SET statement_timeout = {millis * 10}")
                conn.execute(f"SET idle_in_transaction_session_timeout = {millis * 4}")
            except self._psycopg.Error as exc:
                raise StoreUnavailable(f"event store (PostgreSQL): cannot connect: "
                                       f"{str(exc).splitlines()[0] if str(exc) else exc!r}"
                                       ) from exc
            self._local.conn = conn
            self._local.relaxed = False  # the session's synchronous_commit is on
            self._open[threading.get_ident()] = conn
        return conn

    def _durable_session(self, conn: Any) -> None:
        """Turn the session's ``synchronous_commit`` back on after `_relaxed` statements."""
        if self._local.relaxed:
            conn.execute("SET synchronous_commit = on")
            self._local.relaxed = False

    @contextmanager
    def _transaction(self, relaxed: bool = False) -> Iterator[Cursor]:
        conn = self._connection()
        try:
            if not relaxed:
                self._durable_session(conn)
            with conn.transaction(), conn.cursor() as cursor:
                if relaxed:
                    cursor.execute("SET LOCAL synchronous_commit = off")
                yield _Translating(cursor)
        except self._psycopg.Error as exc:
            self.close()
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise StoreUnavailable(f"event store (PostgreSQL): {first}") from exc

    def _autocommit(self) -> AbstractContextManager[Cursor]:
        """Statements outside any transaction: each commits on its own, durably, in one
        round trip (BEGIN and COMMIT would be two more per receiver batch)."""
        return self._outside_transaction(durable=True)

    def _read_only(self) -> AbstractContextManager[Cursor]:
        return self._outside_transaction(durable=None)

    def _relaxed(self) -> AbstractContextManager[Cursor]:
        """A worker's write as one statement outside any transaction, its commit not waiting
        for the WAL flush: the session's ``synchronous_commit`` is switched off once and
        stays off until a durable write on this connection switches it back on."""
        return self._outside_transaction(durable=False)

    @contextmanager
    def _outside_transaction(self, *, durable: bool | None) -> Iterator[Cursor]:
        conn = self._connection()
        try:
            if durable:
                self._durable_session(conn)
            elif durable is False and not self._local.relaxed:
                conn.execute("SET synchronous_commit = off")
                self._local.relaxed = True
            with conn.cursor() as cursor:
                yield _Translating(cursor)
        except self._psycopg.Error as exc:
            self.close()
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise StoreUnavailable(f"event store (PostgreSQL): {first}") from exc

    def _insert(self, cur: Cursor, rows: list[tuple[Any, ...]]) -> list[Any]:
        assert isinstance(cur, _Translating)
        return cur.execute_binary(_INSERT_UNNEST,
                                  [list(column) for column in zip(*rows, strict=True)])

    def interrupt(self, thread_id: int) -> None:
        """Cut the connection of thread ``thread_id`` (stalled server): its call then fails."""
        conn = self._open.get(thread_id)
        if conn is None or conn.closed:
            return
        try:
            fd = os.dup(conn.pgconn.socket)
        except (OSError, self._psycopg.Error):
            return
        with socket.socket(fileno=fd) as sock, suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        self._open.pop(threading.get_ident(), None)
        if conn is not None:
            self._local.conn = None
            with suppress(self._psycopg.Error):  # pragma: no cover - closing a broken connection
                conn.close()
