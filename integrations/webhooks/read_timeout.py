"""Close connections whose request does not arrive in time (slow or stalled clients).

uvicorn times out idle keep-alive connections, but not a request that stops half-way: a
client that sends part of its headers or body and then nothing holds its connection (and
its memory) for ever. `read_timeout_protocol` is uvicorn's h11 protocol with one deadline
per request: from the connection's opening (or the request's first byte on a kept-alive
connection) until the request's last byte. A request not fully received by then is closed.
It is a deadline, not an idle timer, so a client trickling one byte a second is closed too.

The same protocol writes a response whose length is known (a ``Content-Length``: every
answer of the receiver) in one ``send``: uvicorn writes the status line and headers, then
the body, each its own system call and TCP segment (`_OneWrite`).
"""

from __future__ import annotations

import asyncio
from typing import Any

import h11
from h11._connection import DEFAULT_MAX_INCOMPLETE_EVENT_SIZE
from uvicorn.config import Config
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.server import ServerState

__all__ = ["DEFAULT_READ_TIMEOUT", "read_timeout_protocol"]

#: Seconds a client has to send one whole request (headers and body). Webhook bodies are
#: small; the helpdesks send them at once.
DEFAULT_READ_TIMEOUT = 10.0


class _OneWrite(h11.Connection):
    """An h11 connection that holds a response's head until its first body bytes, when the
    response has a ``Content-Length`` (its body follows at once), and returns both as one.

    uvicorn writes what each `send` returns; the head's empty return is no write at all
    (asyncio skips empty writes), so the response goes out in one system call, not two.
    A response without a length (chunked, perhaps streamed) is written as before. Acks per
    second B/A 1.05-1.17 (medians) in interleaved runs (docs/deployment.md, task 11h).
    """

    _held = b""

    def send(self, event: Any) -> Any:
        data = super().send(event)
        if type(event) is h11.Response and b"\r\ncontent-length: " in data:
            self._held = data
            return b""
        if self._held:
            data, self._held = self._held + (data or b""), b""
        return data


class _ReadDeadlineH11(H11Protocol):
    read_timeout = DEFAULT_READ_TIMEOUT
    _deadline: asyncio.TimerHandle | None = None

    def __init__(self, config: Config, server_state: ServerState,
                 app_state: dict[str, Any], _loop: asyncio.AbstractEventLoop | None = None,
                 ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        limit = config.h11_max_incomplete_event_size
        self.conn = _OneWrite(h11.SERVER, DEFAULT_MAX_INCOMPLETE_EVENT_SIZE
                              if limit is None else limit)

    def connection_made(self, transport: asyncio.BaseTransport) -> None:  # type: ignore[override]
        super().connection_made(transport)  # type: ignore[arg-type]
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        state = self.conn.their_state
        receiving = state is h11.SEND_BODY or (state is h11.IDLE and bool(
            self.conn.trailing_data[0]))
        if receiving:
            self._arm()  # from the request's first byte; not pushed back by later bytes
        else:
            self._disarm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._deadline is None:
            self._deadline = self.loop.call_later(self.read_timeout, self._expired)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expired(self) -> None:
        self._deadline = None
        if self.conn.their_state in (h11.IDLE, h11.SEND_BODY) and \
                not self.transport.is_closing():
            self.transport.close()


def read_timeout_protocol(seconds: float = DEFAULT_READ_TIMEOUT) -> type[H11Protocol]:
    """uvicorn's ``http=`` protocol class closing requests not fully read in ``seconds``."""
    return type("ReadDeadlineH11", (_ReadDeadlineH11,), {"read_timeout": seconds})
