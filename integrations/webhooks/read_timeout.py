"""Close connections whose request does not arrive in time (slow or stalled clients).

uvicorn times out idle keep-alive connections, but not a request that stops half-way: a
client that sends part of its headers or body and then nothing holds its connection (and
its memory) for ever. `read_timeout_protocol` is uvicorn's h11 protocol with one deadline
per request: from the connection's opening (or the request's first byte on a kept-alive
connection) until the request's last byte. A request not fully received by then is closed.
It is a deadline, not an idle timer, so a client trickling one byte a second is closed too.
"""

from __future__ import annotations

import asyncio

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

__all__ = ["DEFAULT_READ_TIMEOUT", "read_timeout_protocol"]

#: Seconds a client has to send one whole request (headers and body). Webhook bodies are
#: small; the helpdesks send them at once.
DEFAULT_READ_TIMEOUT = 10.0


class _ReadDeadlineH11(H11Protocol):
    read_timeout = DEFAULT_READ_TIMEOUT
    _deadline: asyncio.TimerHandle | None = None

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
