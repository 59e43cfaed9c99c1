"""Authenticate API requests with the vendor's rules (`VendorSpec.authenticate`)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.core.errors import Unauthorized


def wrap(app: ASGIApp, emu: Emulator) -> ASGIApp:
    async def auth(scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if (scope["type"] != "http" or path.startswith("/_sandbox")
                or path in emu.spec.public_paths):
            await app(scope, receive, send)
            return
        info = scope.setdefault("sandbox", {})
        try:
            principal = emu.spec.authenticate(emu, Request(scope))
        except Unauthorized:
            info["auth_ok"] = False
            raise
        except Exception:
            info["auth_ok"] = True  # authenticated, but refused (scope, feature)
            raise
        info["auth_ok"] = True
        info["principal"] = principal.name
        scope["sandbox_principal"] = principal
        await app(scope, receive, send)

    return auth
