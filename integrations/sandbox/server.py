"""Run the two emulators on loopback ports: `start_sandbox` (background thread, for tests
and the demo) and `serve_forever` (``deskops sandbox``).

    running = start_sandbox()
    running.zendesk_url          # http://127.0.0.1:PORT
    running.zendesk.set_plan("team"); running.zendesk.log.writes("/api/v2/ticket_fields")
    running.stop()
"""

from __future__ import annotations

import asyncio
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path

import uvicorn

from integrations.sandbox import (
    ADMIN_EMAIL,
    API_TOKEN,
    FRESHDESK_API_KEY,
    FRESHDESK_DOMAIN,
    SUBDOMAIN,
)
from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.core.store import Database
from integrations.sandbox.freshdesk import app as freshdesk_app
from integrations.sandbox.zendesk import app as zendesk_app

__all__ = ["RunningSandbox", "start_sandbox"]


def _bind(host: str, port: int) -> socket.socket:
    # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY only then (else ~40 ms per request).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


@dataclass
class RunningSandbox:
    """Both emulators serving in a background thread; `stop()` ends them."""

    zendesk: Emulator
    freshdesk: Emulator
    zendesk_url: str
    freshdesk_url: str
    db: Database
    _servers: list[uvicorn.Server] = field(repr=False, default_factory=list)
    _thread: threading.Thread | None = field(repr=False, default=None)

    def reset(self) -> None:
        """Both emulators back to a fresh account (state, log, limits, faults, clock)."""
        self.zendesk.reset()
        self.freshdesk.reset()

    def zendesk_env(self) -> dict[str, str]:
        """Environment variables a deskops client needs to use this Zendesk."""
        return {
            "DESKOPS_TARGET": "zendesk",
            "DESKOPS_SANDBOX_ZENDESK_URL": self.zendesk_url,
            "ZENDESK_SUBDOMAIN": SUBDOMAIN,
            "ZENDESK_EMAIL": ADMIN_EMAIL,
            "ZENDESK_API_TOKEN": API_TOKEN,
        }

    def freshdesk_env(self) -> dict[str, str]:
        """Environment variables a deskops client needs to use this Freshdesk."""
        return {
            "DESKOPS_TARGET": "freshdesk",
            "DESKOPS_SANDBOX_FRESHDESK_URL": self.freshdesk_url,
            "FRESHDESK_DOMAIN": FRESHDESK_DOMAIN,
            "FRESHDESK_API_KEY": FRESHDESK_API_KEY,
        }

    def stop(self) -> None:
        for server in self._servers:
            server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
        self.db.close()

    def __enter__(self) -> RunningSandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_sandbox(state_file: str | Path | None = None, zendesk_port: int = 0,
                  freshdesk_port: int = 0, *, host: str = "127.0.0.1",
                  zendesk_plan: str | None = None,
                  freshdesk_plan: str | None = None) -> RunningSandbox:
    """Start both emulators (port 0: a free port) and return once they accept requests.

    ``state_file``: a SQLite file that keeps state across restarts (None: in memory).
    Plans default to Zendesk ``professional`` and Freshdesk ``pro`` (or what the state
    file recorded).
    """
    db = Database(state_file)
    zendesk = zendesk_app.make_emulator(db, zendesk_plan)
    freshdesk = freshdesk_app.make_emulator(db, freshdesk_plan)
    zsock, fsock = _bind(host, zendesk_port), _bind(host, freshdesk_port)
    servers = [
        uvicorn.Server(uvicorn.Config(zendesk_app.build(zendesk), log_level="warning",
                                      lifespan="off", access_log=False)),
        uvicorn.Server(uvicorn.Config(freshdesk_app.build(freshdesk), log_level="warning",
                                      lifespan="off", access_log=False)),
    ]
    errors: list[BaseException] = []

    async def serve() -> None:
        await asyncio.gather(servers[0].serve(sockets=[zsock]),
                             servers[1].serve(sockets=[fsock]))

    def run() -> None:
        try:
            asyncio.run(serve())
        except BaseException as exc:  # reported by the waiting thread
            errors.append(exc)
        finally:
            zsock.close()
            fsock.close()

    thread = threading.Thread(target=run, name="deskops-sandbox", daemon=True)
    thread.start()
    while not all(s.started for s in servers):
        if errors or not thread.is_alive():
            db.close()
            raise RuntimeError(f"the sandbox failed to start: {errors[0] if errors else '?'}")
        thread.join(0.01)
    zport, fport = zsock.getsockname()[1], fsock.getsockname()[1]
    return RunningSandbox(zendesk, freshdesk, f"http://{host}:{zport}",
                          f"http://{host}:{fport}", db, servers, thread)
