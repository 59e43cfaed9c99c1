"""Accept ``/api/v2/ticket_fields.json`` like ``/api/v2/ticket_fields`` (zenpy adds the
suffix; curl users often do not), so routes are declared once."""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from integrations.sandbox.core.emulator import Emulator


def wrap(app: ASGIApp, emu: Emulator) -> ASGIApp:
    async def paths(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].endswith(".json"):
            path = scope["path"][: -len(".json")]
            scope["path"] = path
            scope["raw_path"] = path.encode()
        await app(scope, receive, send)

    return paths
