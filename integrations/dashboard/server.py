"""Serving the receiver and the dashboard from one uvicorn server, on two sockets."""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any

from integrations.dashboard import by_port
from integrations.errors import ConfigError

__all__ = ["serve_both"]


def _bind(host: str, port: int, what: str) -> socket.socket:
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        return socket.create_server((host, port), family=family)
    except OSError as exc:
        raise ConfigError(f"{what}: cannot listen on {host}:{port}: {exc.strerror}") from exc


def serve_both(receiver: Any, dashboard: Any, *, receiver_at: tuple[str, int],
               dashboard_at: tuple[str, int], announce: Callable[[str], None],
               **uvicorn_options: Any) -> None:
    """Run until interrupted; ``announce`` gets one line with both addresses (ports chosen
    by the system when 0)."""
    import uvicorn

    outer = _bind(*receiver_at, what="--host/--port")
    inner = _bind(*dashboard_at, what="--dashboard-host/--dashboard-port")
    dash_port = int(inner.getsockname()[1])
    host, port = receiver_at[0], int(outer.getsockname()[1])
    announce(f"receiving webhooks on http://{host}:{port}/webhooks/ - dashboard on "
             f"http://{dashboard_at[0]}:{dash_port}/")
    app = by_port({dash_port: dashboard}, default=receiver)
    server = uvicorn.Server(uvicorn.Config(app, **uvicorn_options))
    server.run(sockets=[outer, inner])
