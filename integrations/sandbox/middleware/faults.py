"""Inject latency, errors at a given rate, and storms of 429 (see `core.faults.Faults`).

An error is injected before the handler runs, or (``after_commit``) after it succeeded:
then the handler's answer is thrown away and the error sent instead, as when a proxy
answers 502 for a write the helpdesk did commit. Clients must not repeat such a write.
"""

from __future__ import annotations

import asyncio

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.core.errors import Injected, RateLimited


def wrap(app: ASGIApp, emu: Emulator) -> ASGIApp:
    async def faults(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/_sandbox"):
            await app(scope, receive, send)
            return
        decision = emu.faults.decide(scope["path"], scope.get("method", "GET"))
        if decision.latency > 0:
            await asyncio.sleep(decision.latency)
        if decision.storm:
            raise RateLimited(emu.retry_after(emu.faults.config.storm_retry_after))
        if decision.status is not None and not decision.after_commit:
            raise Injected(decision.status)
        if decision.status is None:
            await app(scope, receive, send)
            return
        held: list[Message] = []

        async def hold(message: Message) -> None:
            held.append(message)

        await app(scope, receive, hold)
        if held and int(held[0].get("status", 200)) >= 400:  # refused: nothing committed
            for message in held:
                await send(message)
            return
        raise Injected(decision.status)  # committed; the answer is lost

    return faults
