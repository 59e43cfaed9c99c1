"""A scripted HTTP server on a free loopback port, for the HTTP layer's own tests.

Real sockets, real ``requests``: each request pops the next scripted answer (or gets the
default one) and is recorded with its Authorization header, so a test can prove that a
credential never reached a host.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Seen:
    method: str
    path: str
    authorization: str | None
    body: Any


@dataclass
class Answer:
    status: int = 200
    body: Any = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)


class StubServer:
    def __init__(self) -> None:
        self.script: deque[Answer] = deque()
        self.default = Answer(200, {"ok": True})
        self.seen: list[Seen] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                stub.seen.append(Seen(self.command, self.path, self.headers.get("Authorization"),
                                      json.loads(raw) if raw else None))
                answer = stub.script.popleft() if stub.script else stub.default
                data = json.dumps(answer.body).encode() if answer.body is not None else b""
                self.send_response(answer.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in answer.headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,),
                                        daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def netloc(self) -> str:
        return self.url.removeprefix("http://")

    def answer(self, *answers: Answer) -> None:
        self.script.extend(answers)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
