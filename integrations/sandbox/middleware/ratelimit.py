"""Account and per-endpoint rate limits on the sandbox clock, with the vendor's headers on
every response and 429 + ``Retry-After`` when a bucket is empty."""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.core.errors import RateLimited


def wrap(app: ASGIApp, emu: Emulator) -> ASGIApp:
    async def ratelimit(scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if (scope["type"] != "http" or path.startswith("/_sandbox")
                or path in emu.spec.public_paths):
            await app(scope, receive, send)
            return
        decision = emu.limiter.check(emu.account_rule(), emu.spec.endpoint_limits,
                                     emu.plan.name, scope["method"], path)
        headers = emu.spec.rate_headers(emu, decision)
        if not decision.allowed:
            raise RateLimited(emu.retry_after(decision.retry_after), headers)

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                out = MutableHeaders(scope=message)
                for name, value in headers.items():
                    out[name] = value
            await send(message)

        await app(scope, receive, send_wrapper)

    return ratelimit
