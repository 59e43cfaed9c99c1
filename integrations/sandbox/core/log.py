"""The request log: every API request an emulator answered (admin calls excluded).

Tests count writes *server-side* with it (idempotence: a second apply makes zero writes),
so it records what arrived, whatever the client believes it sent.
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass

__all__ = ["WRITE_METHODS", "LoggedRequest", "RequestLog"]

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


@dataclass(frozen=True)
class LoggedRequest:
    seq: int
    at: float  # sandbox clock, epoch seconds
    method: str
    path: str  # normalised: no ``.json`` suffix
    query: str
    status: int
    auth_ok: bool | None  # None: the request never reached authentication
    principal: str | None

    @property
    def write(self) -> bool:
        return self.method in WRITE_METHODS

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "write": self.write}


class RequestLog:
    """Thread-safe append-only list with small counting helpers."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: list[LoggedRequest] = []
        self._seq = 0

    def append(self, *, at: float, method: str, path: str, query: str, status: int,
               auth_ok: bool | None, principal: str | None) -> LoggedRequest:
        with self._lock:
            self._seq += 1
            item = LoggedRequest(self._seq, at, method, path, query, status, auth_ok, principal)
            self._items.append(item)
            return item

    def entries(self, *, method: str | None = None, path: str | None = None,
                write: bool | None = None, status: int | None = None,
                since: int = 0) -> list[LoggedRequest]:
        """Filter: ``path`` is a prefix of the normalised path; ``since`` a `mark()`."""
        with self._lock:
            items = list(self._items)
        return [
            r for r in items
            if r.seq > since
            and (method is None or r.method == method.upper())
            and (path is None or r.path.startswith(path))
            and (write is None or r.write == write)
            and (status is None or r.status == status)
        ]

    def count(self, **filters: object) -> int:
        return len(self.entries(**filters))  # type: ignore[arg-type]

    def writes(self, path: str | None = None, *, since: int = 0) -> list[LoggedRequest]:
        return self.entries(path=path, write=True, since=since)

    def mark(self) -> int:
        """The current sequence number, to count only what comes after."""
        with self._lock:
            return self._seq

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
