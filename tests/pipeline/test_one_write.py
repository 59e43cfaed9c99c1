"""The receiver's protocol sends a response of known length in one write, head and body.

uvicorn writes a response's head and its body separately: two system calls and two TCP
segments per webhook answer. `read_timeout_protocol` holds the head of a response with a
``Content-Length`` until its body comes (docs/deployment.md, task 11h), and leaves a response
without one (chunked, perhaps streamed) as it was: its head goes out at once.

The apps below pause between the head and the body, so what the client's first read gets
shows which bytes were written together.
"""

from __future__ import annotations

import asyncio
import socket

from starlette.types import Receive, Scope, Send

from integrations.webhooks.read_timeout import read_timeout_protocol

from .support import serve

PAUSE = 0.3


async def _paused_app(scope: Scope, receive: Receive, send: Send) -> None:
    """Head, a pause, then the body; with a Content-Length on ``/sized``, chunked elsewhere."""
    if scope["type"] != "http":
        return
    await receive()
    headers = [(b"content-type", b"text/plain")]
    if scope["path"] == "/sized":
        headers.append((b"content-length", b"5"))
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await asyncio.sleep(PAUSE)
    await send({"type": "http.response.body", "body": b"hello"})


def _first_read(port: int, path: str) -> bytes:
    """What one ``recv`` returns first after sending a GET for ``path``."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        return sock.recv(65536)


def test_a_sized_response_goes_out_whole_a_chunked_one_head_first() -> None:
    with serve(_paused_app, http=read_timeout_protocol(5.0)) as url:
        port = int(url.rsplit(":", 1)[1])
        sized = _first_read(port, "/sized")
        chunked = _first_read(port, "/chunked")
    assert sized.startswith(b"HTTP/1.1 200 OK\r\n")
    assert sized.endswith(b"\r\n\r\nhello")  # the head waited for the body: one write
    assert b"content-length: 5\r\n" in sized
    assert chunked.startswith(b"HTTP/1.1 200 OK\r\n")
    assert chunked.endswith(b"\r\n\r\n")  # the head went at once, the body came later
    assert b"transfer-encoding: chunked\r\n" in chunked.lower()
