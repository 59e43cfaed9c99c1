"""The work queue: huey storage carrying "process event N" nudges between processes.

huey gives the storage engines (SQLite embedded, Redis for scale-out), task serialisation
and naming; deskops adds at-least-once delivery on top, in the event store: a nudge may be
lost (a worker killed after dequeuing it) or duplicated (a re-send after a lease expiry)
and nothing breaks, because `EventStore.claim` decides who works on what and
`EventStore.due` re-sends nudges for events that are not done. The queue never decides
that an event is finished.

``DESKOPS_QUEUE_URL``: ``sqlite:///path/queue.db`` (default ``queue.db`` in the state folder) or
``redis://host:6379/0``.
"""

from __future__ import annotations

import itertools
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from integrations.errors import ConfigError, DeskopsError
from integrations.events._url import masked_url

__all__ = ["EventQueue", "QueueUnavailable"]

_TASK_NAME = "deskops.process_event"


class QueueUnavailable(DeskopsError):
    """The queue back-end cannot be reached (the event stays safe in the store)."""


def _noop(event_id: int) -> None:
    """Body of the registered huey task; deskops workers read the id and never run it."""


def _relaxed_storage() -> type[Any]:
    from huey.storage import SqliteStorage

    class RelaxedSqliteStorage(SqliteStorage):  # type: ignore[misc]
        def _create_connection(self) -> Any:
            conn = super()._create_connection()
            conn.execute("PRAGMA synchronous=NORMAL")
            return conn

    return RelaxedSqliteStorage


class EventQueue:
    """A named FIFO of event ids on a huey storage, chosen by URL."""

    def __init__(self, url: str, *, name: str = "deskops", read_timeout: float = 1.0) -> None:
        import huey

        parsed = urlparse(url)
        self.url = url
        self.name = name
        self.backend = parsed.scheme
        self._errors: tuple[type[BaseException], ...]
        if parsed.scheme == "sqlite":
            import sqlite3

            path = Path(url[len("sqlite:///"):] if url.startswith("sqlite:///") else parsed.path)
            if not str(path):
                raise ConfigError(f"DESKOPS_QUEUE_URL {masked_url(url)!r}: no file path")
            path.parent.mkdir(parents=True, exist_ok=True)
            # synchronous=NORMAL (WAL): a nudge waits for no fsync. A power cut may lose the
            # last nudges, never corrupt the file; the store re-sends lost nudges (`due`), and
            # the receiver's commits no longer queue behind the queue's fsyncs on the disk.
            self.huey: Any = huey.SqliteHuey(name, filename=str(path), results=False,
                                             storage_class=_relaxed_storage(), timeout=30)
            self._errors = (sqlite3.Error, OSError)
        elif parsed.scheme in ("redis", "rediss", "unix"):
            try:
                import redis
            except ImportError as exc:
                raise ConfigError("DESKOPS_QUEUE_URL is Redis but redis is not installed: "
                                  "pip install 'deskops[scale]'") from exc
            try:
                self.huey = huey.RedisHuey(name, url=url, results=False, blocking=True,
                                           read_timeout=read_timeout)
            except ValueError as exc:  # redis-py parses the URL here (port, db, options)
                raise ConfigError(f"DESKOPS_QUEUE_URL {masked_url(url)!r}: {exc}") from None
            self._errors = (redis.RedisError, OSError)
        else:
            raise ConfigError(f"DESKOPS_QUEUE_URL {masked_url(url)!r}: use sqlite:///PATH or "
                              "redis://HOST")
        self._task = self.huey.task(name=_TASK_NAME)(_noop)
        # `put_many`'s messages are copies of this one with their own argument and id (this
        # queue's random prefix and a counter: unique without a uuid4 per event). Through
        # huey, a Task, its message and a uuid4 per event cost twice as much, on the
        # receiver's nudging thread.
        self._message = self.huey._registry.create_message(self._task.s(0))
        self._ids = map(f"{uuid.uuid4()}-{{}}".format, itertools.count())

    def put(self, event_id: int) -> None:
        """Enqueue a nudge for ``event_id``; raises `QueueUnavailable` on back-end errors."""
        try:
            self._task(event_id)
        except self._errors as exc:
            raise QueueUnavailable(f"queue ({self.backend}): {exc}") from exc

    def put_many(self, event_ids: list[int]) -> None:
        """Enqueue nudges for ``event_ids`` in one storage write (one SQLite transaction, one
        Redis LPUSH): the receiver's writer nudges a whole batch after its commit."""
        if not event_ids:
            return
        storage = self.huey.storage
        serialize, message, ids = self.huey.serializer.serialize, self._message, self._ids
        data = [serialize(message._replace(id=next(ids), args=(event_id,)))
                for event_id in event_ids]
        try:
            if self.backend == "sqlite":
                with storage.db(commit=True) as cursor:
                    cursor.executemany("INSERT INTO task (queue, data, priority) VALUES (?, ?, 0)",
                                       [(storage.name, storage.to_blob(d)) for d in data])
            elif hasattr(storage, "queue_key"):
                storage.conn.lpush(storage.queue_key, *data)
            else:  # pragma: no cover - every back-end deskops configures is handled above
                for item in data:
                    storage.enqueue(item)
        except self._errors as exc:
            raise QueueUnavailable(f"queue ({self.backend}): {exc}") from exc

    def get(self) -> int | None:
        """The next event id, or None when empty (Redis waits up to ``read_timeout``)."""
        try:
            task = self.huey.dequeue()
        except self._errors as exc:
            raise QueueUnavailable(f"queue ({self.backend}): {exc}") from exc
        if task is None:
            return None
        return int(task.args[0])

    def size(self) -> int:
        try:
            return int(self.huey.pending_count())
        except self._errors as exc:
            raise QueueUnavailable(f"queue ({self.backend}): {exc}") from exc

    def flush(self) -> None:
        """Drop every pending nudge (tests; the store still knows every event)."""
        self.huey.flush()

    def close(self) -> None:
        storage = self.huey.storage
        close = getattr(storage, "close", None)
        if callable(close):
            close()
