"""Record every API request (method, path, status, auth outcome) in the emulator's log.

Inner middleware report the authentication outcome through ``scope["sandbox"]``.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from integrations.sandbox.core.emulator import Emulator


def wrap(app: ASGIApp, emu: Emulator) -> ASGIApp:
    async def requestlog(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/_sandbox"):
            await app(scope, receive, send)
            return
        info: dict[str, object] = {"auth_ok": None, "principal": None}
        scope["sandbox"] = info
        status = 500
        logged = False

        def log() -> None:
            nonlocal logged
            if logged:
                return
            logged = True
            auth_ok, principal = info["auth_ok"], info["principal"]
            emu.log.append(
                at=emu.clock.now(), method=scope["method"], path=scope["path"],
                query=scope.get("query_string", b"").decode("latin-1"), status=status,
                auth_ok=auth_ok if isinstance(auth_ok, bool) else None,
                principal=principal if isinstance(principal, str) else None,
            )

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            elif message["type"] == "http.response.body" and not message.get("more_body"):
                log()  # before the client can see the end of the response
            await send(message)

        try:
            await app(scope, receive, send_wrapper)
        finally:
            log()

    return requestlog
