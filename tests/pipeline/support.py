"""Helpers shared by the pipeline tests."""

from __future__ import annotations

import base64
import hashlib
import hmac
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import requests
import uvicorn


class FakeClock:
    """Epoch seconds that only move when a test says so (lease expiry without sleeping)."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(app: Any, **options: Any) -> Iterator[str]:
    """Run an ASGI app on a real uvicorn server (free loopback port); yields its base URL.

    ``options`` go to `uvicorn.Config` (e.g. ``http=`` a protocol class)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False,
                                           lifespan="off", **options))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


def zendesk_headers(secret: str, body: bytes, *, webhook_id: str = "wh-1",
                    invocation: str | None = None, timestamp: str | None = None) -> dict[str, str]:
    """Sign like Zendesk does, written here independently of the receiver's code."""
    stamp = timestamp or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    mac = hmac.new(secret.encode(), stamp.encode() + body, hashlib.sha256).digest()
    headers = {
        "Content-Type": "application/json",
        "X-Zendesk-Webhook-Id": webhook_id,
        "X-Zendesk-Webhook-Signature": base64.b64encode(mac).decode(),
        "X-Zendesk-Webhook-Signature-Timestamp": stamp,
    }
    if invocation:
        headers["X-Zendesk-Webhook-Invocation-Id"] = invocation
    return headers


def wait_for_nudges(store: Any, queue: Any, seconds: float = 5.0) -> None:
    """The receiver's nudges follow its commit on the writer's thread and may land just
    after the 202: wait until every queued event's nudge is in the queue, so a worker run
    sees everything the sandbox delivered (at most ``seconds``)."""
    deadline = time.monotonic() + seconds
    while queue.size() < store.counts()["queued"] and time.monotonic() < deadline:
        time.sleep(0.01)


def wait_ready(url: str, proc: subprocess.Popen[bytes], path: str = "/readyz") -> None:
    """Wait (30 s at most) until a `deskops serve` process answers 200 on ``path``."""
    deadline = time.monotonic() + 30
    while True:
        assert proc.poll() is None, "deskops serve exited"
        try:
            if requests.get(f"{url}{path}", timeout=1).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        assert time.monotonic() < deadline, f"deskops serve never answered {path}"
        time.sleep(0.05)
