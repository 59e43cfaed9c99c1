"""Render `ApiError`s raised by the middleware below (auth, limits, faults) in the vendor's
error shape; route errors go through the same renderer as a Starlette exception handler."""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.core.errors import ApiError


def wrap(app: ASGIApp, emu: Emulator) -> ASGIApp:
    async def errors(scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await app(scope, receive, send)
        except ApiError as exc:
            await emu.spec.render_error(exc)(scope, receive, send)

    return errors
