"""Inject latency, errors at a given rate, and storms of 429 (see `core.faults.Faults`)."""

from __future__ import annotations

import asyncio

from starlette.types import ASGIApp, Receive, Scope, Send

from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.core.errors import Injected, RateLimited


def wrap(app: ASGIApp, emu: Emulator) -> ASGIApp:
    async def faults(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/_sandbox"):
            await app(scope, receive, send)
            return
        decision = emu.faults.decide(scope["path"])
        if decision.latency > 0:
            await asyncio.sleep(decision.latency)
        if decision.storm:
            raise RateLimited(emu.retry_after(emu.faults.config.storm_retry_after))
        if decision.status is not None:
            raise Injected(decision.status)
        await app(scope, receive, send)

    return faults
