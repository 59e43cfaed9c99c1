"""Receiver health for `deskops report`: how webhook deliveries were answered, per hour.

`ReceiverHealth` wraps the receiver (a plain ``(app) -> app`` ASGI wrapper) and counts each
answer to ``/webhooks/<source>`` by hour, source, status and a reason class (the status's
meaning, never the request's content); an app that offers ``count_answers_with``, as
`app.Receiver` does, is handed `ReceiverHealth.count` and counts its own answers. Counts stay
in memory and are added to the store's health table every ``interval`` seconds and at shutdown, so a
delivery never waits for this write; if the store is down they are kept for the next try.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from integrations.events import EventStore, StoreUnavailable
from integrations.events.history import record_receiver_counts

__all__ = ["REASONS", "ReceiverHealth", "answer_source"]

log = logging.getLogger("deskops.receiver")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Reason class of each status the receiver answers (see `integrations.webhooks.app`).
REASONS = {
    202: "stored",
    400: "bad body",
    401: "signature or secret",
    404: "unknown path",
    405: "wrong method",
    413: "body too large",
    415: "not JSON",
    503: "store unavailable",
}


def answer_source(path: str) -> str:
    """The source an answer to ``path`` (under ``/webhooks/``) is counted under."""
    source = path.rsplit("/", 1)[-1]
    return source if source in ("zendesk", "freshdesk") else "other"


class ReceiverHealth:
    """ASGI wrapper counting webhook answers; `flush` writes them to ``store``."""

    def __init__(self, app: ASGIApp, store: EventStore, *, interval: float = 10.0,
                 clock: Callable[[], float] = time.time) -> None:
        self.app = app
        self.store = store
        self.interval = interval
        self.clock = clock
        self._counts: Counter[tuple[float, str, int, str]] = Counter()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        # The receiver app (`app.Receiver`) counts its own answers when handed `count`: a
        # wrapper of ``send`` cost every delivery a closure and two more awaits.
        attach = getattr(app, "count_answers_with", None)
        self._app_counts = callable(attach)
        if attach is not None and self._app_counts:
            attach(self.count)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, self._watch_lifespan(receive), send)
            return
        path = str(scope.get("path", ""))
        if scope["type"] != "http" or not path.startswith("/webhooks/"):
            await self.app(scope, receive, send)
            return
        self._start()
        if self._app_counts:
            await self.app(scope, receive, send)
            return
        source = answer_source(path)

        async def counting_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                self.count(source, int(message["status"]))
            await send(message)

        await self.app(scope, receive, counting_send)

    def count(self, source: str, status: int) -> None:
        now = self.clock()
        key = (now - now % 3600, source, status, REASONS.get(status, "other"))
        with self._lock:
            self._counts[key] += 1

    def flush(self) -> None:
        """Add the counts so far to the store; on failure keep them for the next flush."""
        with self._lock:
            counts, self._counts = self._counts, Counter()
        if not counts:
            return
        try:
            record_receiver_counts(self.store, counts)
        except StoreUnavailable as exc:
            log.warning("receiver health not recorded yet: %s", exc)
            with self._lock:
                self._counts.update(counts)

    def _start(self) -> None:
        if self._thread is None:
            with self._lock:
                if self._thread is None:
                    self._thread = threading.Thread(target=self._loop, daemon=True,
                                                    name="deskops-receiver-health")
                    self._thread.start()

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            self.flush()

    def _watch_lifespan(self, receive: Receive) -> Receive:
        async def watched() -> Message:
            message = await receive()
            if message["type"] == "lifespan.shutdown":
                self._stop.set()
                self.flush()
            return message

        return watched
