"""The Freshdesk emulator: API-key auth, plans, rate-limit headers and the API areas.

``AREAS`` is the routing table, one module per API area, in bootstrap order; to add an
area, write a module (see `integrations.sandbox`) and append it here.
"""

from __future__ import annotations

import base64
import binascii
import secrets
from types import ModuleType

from starlette.requests import Request
from starlette.routing import BaseRoute
from starlette.types import ASGIApp

from integrations.sandbox import FRESHDESK_AGENT_API_KEY, FRESHDESK_API_KEY
from integrations.sandbox.core.app import build_app
from integrations.sandbox.core.emulator import Emulator, Plan, Principal, Seeder, VendorSpec
from integrations.sandbox.core.errors import Forbidden, Unauthorized
from integrations.sandbox.core.ratelimit import Decision, Rule, endpoint
from integrations.sandbox.core.store import Database
from integrations.sandbox.freshdesk import (
    attachments,
    automations,
    fields,
    forms,
    groups,
    history,
    settings,
    solutions,
    tickets,
)
from integrations.sandbox.freshdesk.errors import render_error

__all__ = ["AREAS", "LIMITS", "PLANS", "authenticate", "build", "make_emulator", "routes"]

#: API areas, in bootstrap order.
AREAS: list[ModuleType] = [settings, groups, fields, forms, solutions, attachments, tickets,
                           automations]
AREAS.append(history)  # POST /_sandbox/history: a generated history (deskops suggest)

#: Freshdesk plans: API calls per minute for the whole account.
PLANS: dict[str, Plan] = {
    "trial": Plan("trial", 50),
    "growth": Plan("growth", 200),
    "pro": Plan("pro", 400),
    "enterprise": Plan("enterprise", 700),
}

#: Per-endpoint limits by plan (Freshdesk's rate-limit table), for areas added later.
LIMITS: list[Rule] = [
    endpoint("ticket-create", {"trial": 20, "growth": 80, "pro": 160, "enterprise": 280},
             "POST", r"/api/v2/tickets"),
    endpoint("ticket-update", {"trial": 20, "growth": 80, "pro": 160, "enterprise": 280},
             "PUT", r"/api/v2/tickets/\d+"),
    endpoint("tickets-list", {"trial": 10, "growth": 20, "pro": 100, "enterprise": 200},
             "GET", r"/api/v2/tickets"),
    endpoint("contacts-list", {"trial": 10, "growth": 20, "pro": 100, "enterprise": 200},
             "GET", r"/api/v2/contacts"),
]


#: Paths only an administrator's key may use ("An agent attempting to access admin APIs
#: will result in this error": 403 ``access_denied``): the sections the reference marks
#: "Only users with admin privileges", and every agent API but the current agent's.
ADMIN_ONLY = ("/api/v2/admin/", "/api/v2/automations/", "/api/v2/groups", "/api/v2/ticket-forms",
              "/api/v2/agents")
AGENT_OK = ("/api/v2/agents/me",)


def authenticate(emu: Emulator, request: Request) -> Principal:
    """API key as the basic-auth user; the password is ignored (``X`` by convention). The
    agent key is refused the admin APIs."""
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "basic" and value:
        try:
            user = base64.b64decode(value.strip(), validate=True).decode().partition(":")[0]
        except (binascii.Error, UnicodeDecodeError):
            user = ""
        if user and secrets.compare_digest(user, FRESHDESK_API_KEY):
            return Principal("api_key", "agent:1")
        if user and secrets.compare_digest(user, FRESHDESK_AGENT_API_KEY):
            path = request.url.path
            if path.startswith(ADMIN_ONLY) and not path.startswith(AGENT_OK):
                raise Forbidden("Insufficient privileges to perform this action.")
            return Principal("api_key", "agent:1:agent-role")
    raise Unauthorized()


def rate_headers(emu: Emulator, d: Decision) -> dict[str, str]:
    return {
        "X-RateLimit-Total": str(d.account.limit),
        "X-RateLimit-Remaining": str(d.account.remaining),
        "X-RateLimit-Used-CurrentRequest": "1",
        "X-Freshdesk-API-Version": "latest=v2; requested=v2",
    }


def _bootstrap(emu: Emulator) -> None:
    for area in AREAS:
        hook = getattr(area, "bootstrap", None)
        if hook is not None:
            hook(emu)


def _spec() -> VendorSpec:
    seeders: dict[str, Seeder] = {}
    rules = list(LIMITS)
    for area in AREAS:
        seeders.update(getattr(area, "SEEDERS", {}))
        rules += getattr(area, "LIMITS", [])
    return VendorSpec(
        name="freshdesk", plans=PLANS, default_plan="pro", endpoint_limits=rules,
        bootstrap=_bootstrap, seeders=seeders, render_error=render_error,
        authenticate=authenticate, rate_headers=rate_headers, first_id=1,
    )


def routes() -> list[BaseRoute]:
    out: list[BaseRoute] = []
    for area in AREAS:
        out += area.ROUTES
    return out


def make_emulator(db: Database | None = None, plan: str | None = None) -> Emulator:
    return Emulator(_spec(), db, plan=plan)


def build(emu: Emulator) -> ASGIApp:
    """The ASGI app serving ``emu``."""
    return build_app(emu, routes())
