"""Slow clients: a request not fully received within the read timeout is disconnected.

Thirty connections stall at different points (nothing sent, half the headers, the headers and
half the body); one more trickles a byte at a time. All are closed once the deadline passes,
while a normal delivery on another connection is still answered.
"""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import requests

from integrations.events import open_store
from integrations.webhooks import ReceiverConfig, SecretBook, create_app
from integrations.webhooks.read_timeout import read_timeout_protocol

from .support import serve, zendesk_headers

SECRET = "c2xvdy1jbGllbnRzLXRlc3Qtc2VjcmV0"
READ_TIMEOUT = 0.5


def _closed_by_server(sock: socket.socket, within: float) -> bool:
    """True once the server closes ``sock`` (EOF or reset) within ``within`` seconds."""
    sock.settimeout(within)
    try:
        while True:
            data = sock.recv(4096)
            if not data:
                return True
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False


def test_stalled_and_trickling_requests_are_closed_others_are_served(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path}/events.db")
    book = SecretBook(tmp_path / "secrets.json")
    book.set_zendesk("wh-1", SECRET)
    app = create_app(ReceiverConfig(store=store, queue=None, secrets=book))
    body = json.dumps({"event": "ticket_updated", "ticket_id": 5,
                       "updated_at": "2024-05-01T10:00:00Z"}).encode()
    headers = "".join(f"{k}: {v}\r\n" for k, v in zendesk_headers(SECRET, body).items())
    full_head = (f"POST /webhooks/zendesk HTTP/1.1\r\nHost: x\r\n{headers}"
                 f"Content-Length: {len(body)}\r\n\r\n").encode()
    with serve(app, http=read_timeout_protocol(READ_TIMEOUT)) as url:
        port = int(url.rsplit(":", 1)[1])
        stalled: list[socket.socket] = []
        for n in range(30):
            sock = socket.create_connection(("127.0.0.1", port))
            if n % 3 == 1:
                sock.sendall(full_head[: len(full_head) // 2])  # half the headers
            elif n % 3 == 2:
                sock.sendall(full_head + body[: len(body) // 2])  # half the body
            stalled.append(sock)
        trickle = socket.create_connection(("127.0.0.1", port))
        started = time.monotonic()
        sent = 0
        while time.monotonic() - started < READ_TIMEOUT * 4 and sent < len(full_head):
            try:
                trickle.sendall(full_head[sent:sent + 1])
            except OSError:
                break
            sent += 1
            time.sleep(0.05)
        assert _closed_by_server(trickle, READ_TIMEOUT * 2), "the trickling client was not cut"
        # the server still answers a client that sends its request at once
        resp = requests.post(f"{url}/webhooks/zendesk", data=body, timeout=10,
                             headers=zendesk_headers(SECRET, body))
        assert resp.status_code == 202, resp.text
        assert [_closed_by_server(s, READ_TIMEOUT * 6) for s in stalled] == [True] * 30
        # a kept-alive connection whose next request stalls half-way is closed too
        with socket.create_connection(("127.0.0.1", port)) as keep:
            keep.sendall(full_head.replace(b"POST /webhooks/zendesk", b"GET /healthz")
                         .split(b"Content-Length")[0] + b"\r\n")
            keep.settimeout(5)
            assert keep.recv(4096).startswith(b"HTTP/1.1 200")
            keep.sendall(full_head[:40])
            assert _closed_by_server(keep, READ_TIMEOUT * 6)
        for sock in (*stalled, trickle):
            sock.close()
    store.close()
