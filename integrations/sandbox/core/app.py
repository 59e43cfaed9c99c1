"""Assemble a vendor's ASGI app: its routing table + the admin routes, one error handler
in the vendor's shape, and the middleware stack."""

from __future__ import annotations

from collections.abc import Sequence

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute
from starlette.types import ASGIApp

from integrations.sandbox.core.admin import ROUTES as ADMIN_ROUTES
from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.core.errors import ApiError, NotFound
from integrations.sandbox.middleware import wrap

__all__ = ["build_app"]


class _Status(ApiError):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def build_app(emu: Emulator, routes: Sequence[BaseRoute]) -> ASGIApp:
    async def on_api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return emu.spec.render_error(exc)

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 404:
            return emu.spec.render_error(NotFound("No route matches", route=True))
        return emu.spec.render_error(_Status(exc.status_code, str(exc.detail)))

    app = Starlette(
        routes=[*ADMIN_ROUTES, *routes],
        exception_handlers={ApiError: on_api_error, HTTPException: on_http_error},
    )
    app.state.emulator = emu
    return wrap(app, emu)
