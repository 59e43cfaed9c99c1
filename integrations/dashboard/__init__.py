"""The dashboard of ``deskops serve --dashboard``: figures, tickets and dead letters.

Off by default. When on, it listens on its own socket (127.0.0.1 by default) beside the
receiver's, in the same server: `by_port` sends each request to the app of the port it
arrived on, so the webhook endpoints are unchanged and the dashboard is not reachable on
the receiver's port.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from integrations.dashboard.app import DashboardConfig, create_dashboard, parse_window
from integrations.dashboard.auth import Credentials
from integrations.errors import ConfigError
from integrations.events import EventQueue, EventStore
from integrations.settings import Settings

__all__ = ["Credentials", "DashboardConfig", "by_port", "create_dashboard",
           "dashboard_config", "parse_window"]

#: Shortest token accepted: the dashboard shows a helpdesk's operations.
MIN_TOKEN_LENGTH = 16


def dashboard_config(settings: Settings, *, store: EventStore, queue: EventQueue | None,
                     title: str) -> DashboardConfig:
    """Credentials from ``DESKOPS_DASHBOARD_TOKEN`` (or ``_FILE``), ``DESKOPS_DASHBOARD_USER``."""
    token = _token(settings.extra)
    if not token:
        raise ConfigError("--dashboard needs DESKOPS_DASHBOARD_TOKEN (or "
                          "DESKOPS_DASHBOARD_TOKEN_FILE): nothing is readable without it")
    if len(token) < MIN_TOKEN_LENGTH:
        raise ConfigError(f"DESKOPS_DASHBOARD_TOKEN is too short: use at least "
                          f"{MIN_TOKEN_LENGTH} characters (e.g. `openssl rand -hex 16`)")
    user = settings.extra.get("DESKOPS_DASHBOARD_USER") or None
    return DashboardConfig(store=store, queue=queue, credentials=Credentials(token, user),
                           title=title)


def _token(extra: Mapping[str, str]) -> str | None:
    """The token from the environment, or from the file ``DESKOPS_DASHBOARD_TOKEN_FILE``."""
    if extra.get("DESKOPS_DASHBOARD_TOKEN", "").strip():
        return extra["DESKOPS_DASHBOARD_TOKEN"].strip()
    path = extra.get("DESKOPS_DASHBOARD_TOKEN_FILE", "").strip()
    if not path:
        return None
    try:
        return Path(path).read_text(encoding="utf-8").strip() or None
    except OSError as exc:
        raise ConfigError(f"DESKOPS_DASHBOARD_TOKEN_FILE: cannot read {path}: "
                          f"{exc.strerror}") from exc


def by_port(apps: Mapping[int, Any], default: Any) -> Any:
    """One ASGI app that hands each request to ``apps[local port]``, else ``default``
    (lifespan events go to ``default``: the receiver's)."""

    async def dispatch(scope: Any, receive: Any, send: Any) -> None:
        port = (scope.get("server") or (None, 0))[1]
        app = apps.get(int(port or 0), default) if scope["type"] != "lifespan" else default
        await app(scope, receive, send)

    return dispatch
