"""The Zendesk emulator: plans, rate-limit headers, and the list of API areas.

``AREAS`` is the routing table, one module per API area, in bootstrap order (locales and
brands exist before fields, fields before the default form). To add an area, write a module
(see the package docstring of `integrations.sandbox`) and append it here.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from types import ModuleType

from starlette.routing import BaseRoute
from starlette.types import ASGIApp

from integrations.sandbox.core.app import build_app
from integrations.sandbox.core.emulator import Emulator, Plan, Seeder, VendorSpec
from integrations.sandbox.core.ratelimit import Decision, Rule, endpoint, whole_seconds
from integrations.sandbox.core.shapes import Shapes, complete_routes
from integrations.sandbox.core.store import Database
from integrations.sandbox.zendesk import (
    brands,
    dynamic_content,
    fields,
    forms,
    groups,
    help_center,
    history,
    jobs,
    locales,
    oauth,
    ticket_events,
    tickets,
    uploads,
    webhooks,
)
from integrations.sandbox.zendesk.errors import render_error

__all__ = ["AREAS", "LIMITS", "PLANS", "build", "make_emulator", "routes"]

#: API areas, in bootstrap order.
AREAS: list[ModuleType] = [locales, brands, groups, oauth, dynamic_content, fields, forms,
                           help_center, jobs, uploads, tickets, webhooks]  # jobs: update_many first
AREAS.append(history)  # POST /_sandbox/history: a generated history (deskops suggest)
AREAS.append(ticket_events)  # the incremental ticket event export (deskops suggest's replies)

_FORMS = frozenset({"ticket_forms"})
#: Zendesk plan presets: requests per minute, and features.
PLANS: dict[str, Plan] = {
    "team": Plan("team", 200),
    "growth": Plan("growth", 400, _FORMS),
    "professional": Plan("professional", 400, _FORMS),
    "enterprise": Plan("enterprise", 700, _FORMS),
    "high_volume": Plan("high_volume", 2500, _FORMS),
}

#: Account-level per-endpoint limits documented by Zendesk, for areas added later too.
LIMITS: list[Rule] = [
    endpoint("ticket-updates", 100, "PUT", r"/api/v2/tickets/\d+"),
    endpoint("ticket-updates-per-ticket", 30, "PUT", r"/api/v2/tickets/\d+",
             window=600, per_path=True),
    endpoint("incremental-exports", 10, "GET", r"/api/v2/incremental/.+"),
]


def _limits() -> list[Rule]:
    rules = list(LIMITS)
    for area in AREAS:
        rules += getattr(area, "LIMITS", [])
    return rules


def rate_headers(emu: Emulator, d: Decision) -> dict[str, str]:
    reset = str(whole_seconds(d.account.reset))
    headers = {
        "X-Rate-Limit": str(d.account.limit),
        "X-Rate-Limit-Remaining": str(d.account.remaining),
        "ratelimit-limit": str(d.account.limit),
        "ratelimit-remaining": str(d.account.remaining),
        "ratelimit-reset": reset,
    }
    for usage in d.endpoints:
        headers[f"Zendesk-RateLimit-{usage.rule.name}"] = (
            f"total={usage.limit}; remaining={usage.remaining}; "
            f"resets={whole_seconds(usage.reset)}")
    return headers


def _bootstrap(emu: Emulator) -> None:
    for area in AREAS:
        hook = getattr(area, "bootstrap", None)
        if hook is not None:
            hook(emu)


def _spec() -> VendorSpec:
    seeders: dict[str, Seeder] = {}
    for area in AREAS:
        seeders.update(getattr(area, "SEEDERS", {}))
    return VendorSpec(
        name="zendesk", plans=PLANS, default_plan="professional", endpoint_limits=_limits(),
        bootstrap=_bootstrap, seeders=seeders, render_error=render_error,
        authenticate=oauth.authenticate, rate_headers=rate_headers,
        first_id=360_000_000_001, public_paths=(oauth.TOKEN_PATH,),
    )



@functools.cache
def response_shapes() -> Shapes:
    """The spec's response schemas for the routes (``response_shapes.json``, written by
    ``scripts/refresh_reference.py``): every answer carries every documented property."""
    shapes: Shapes = json.loads((Path(__file__).parent / "response_shapes.json")
                                .read_text(encoding="utf-8"))
    return shapes


def routes() -> list[BaseRoute]:
    out: list[BaseRoute] = []
    for area in AREAS:
        out += area.ROUTES
    return complete_routes(out, response_shapes())


def make_emulator(db: Database | None = None, plan: str | None = None) -> Emulator:
    return Emulator(_spec(), db, plan=plan)


def build(emu: Emulator) -> ASGIApp:
    """The ASGI app serving ``emu``."""
    return build_app(emu, routes())
