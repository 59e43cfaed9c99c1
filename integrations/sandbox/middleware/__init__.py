"""ASGI middleware of the emulators, each a small ``(app, emulator) -> app`` wrapper in its
own file. `STACK` lists them outermost first; `wrap` applies them to a vendor app.

Requests under ``/_sandbox/`` (admin controls) pass through untouched: no log entry, no
fault, no authentication, no rate limit.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.types import ASGIApp

from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.middleware import auth, errors, faults, paths, ratelimit, requestlog

__all__ = ["ADMIN_PREFIX", "STACK", "wrap"]

ADMIN_PREFIX = "/_sandbox"

Wrapper = Callable[[ASGIApp, Emulator], ASGIApp]

#: Outermost first.
STACK: list[Wrapper] = [paths.wrap, requestlog.wrap, errors.wrap, faults.wrap, auth.wrap,
                        ratelimit.wrap]


def wrap(app: ASGIApp, emu: Emulator) -> ASGIApp:
    for wrapper in reversed(STACK):
        app = wrapper(app, emu)
    return app
