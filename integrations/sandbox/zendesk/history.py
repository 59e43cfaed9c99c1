"""``POST /_sandbox/history``: a generated history of solved tickets (`core.history`).

The tickets are stored as Zendesk keeps them (a requester per locale pool, the description
as the first public comment — then, on tickets whose requester replied, the agent's first
answer and the requester's first reply as public comments — the agent's value in
``custom_fields`` of each dropdown whose options the profile names — apply the workspace
first), status ``solved`` or ``closed``, with ``created_at``/``updated_at`` spread over the
past, so the incremental exports (tickets, ticket events) and search see a real history.
"""

from __future__ import annotations

import html

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from integrations.sandbox.core.clock import iso
from integrations.sandbox.core.errors import BadRequest
from integrations.sandbox.core.history import agent_reply, generate, parse_request
from integrations.sandbox.core.http import emulator, read_json
from integrations.sandbox.zendesk.fields import COLL as FIELDS
from integrations.sandbox.zendesk.tickets import COMMENTS, TICKETS, USERS

__all__ = ["ROUTES"]

_ZENDESK_LOCALE = {"en": "en-US", "fr": "fr", "ko": "ko", "pt-br": "pt-BR"}
_REQUESTERS_PER_LOCALE = 25


async def history(request: Request) -> Response:
    """Generate solved tickets: {"profile", "count", "seed"?, "days"?}"""
    emu = emulator(request)
    parsed = parse_request(await read_json(request))
    ids: dict[str, int] = {}
    for key, facet in parsed.profile.dropdowns().items():
        found = next((f for f in emu.store.all(FIELDS) if set(facet.weights) <= {
            str(o.get("value")) for o in f.get("custom_field_options") or []}), None)
        if found is None:
            raise BadRequest(f"no dropdown with the options of {key!r}: apply the workspace "
                             "first")
        ids[key] = int(found["id"])
    tickets = generate(parsed.profile, parsed.count, parsed.seed, emu.clock.now(), parsed.days)
    agent = next((int(u["id"]) for u in emu.store.all(USERS)
                  if u.get("role") in ("admin", "agent")), 0)
    with emu.db.transaction():
        agent = agent or int(emu.store.insert(USERS, {
            "name": "History Agent", "email": "history-agent@example.com", "role": "agent",
            "locale": "en-US", "verified": True, "created_at": emu.clock.iso(),
            "updated_at": emu.clock.iso()})["id"])
        users: dict[str, list[int]] = {}
        for loc, zloc in _ZENDESK_LOCALE.items():
            users[loc] = [int(emu.store.insert(USERS, {
                "name": f"Requester {loc} {i}", "email": f"history-{loc}-{i}@example.com",
                "role": "end-user", "locale": zloc, "verified": True,
                "created_at": emu.clock.iso(), "updated_at": emu.clock.iso()})["id"])
                for i in range(_REQUESTERS_PER_LOCALE)]
        for n, t in enumerate(tickets):
            requester = users[t.locale][n % _REQUESTERS_PER_LOCALE]
            record = emu.store.insert(TICKETS, {
                "subject": t.subject, "description": t.description,
                "status": "closed" if n % 3 == 0 else "solved", "priority": "normal",
                "type": None, "requester_id": requester, "ticket_form_id": None,
                "brand_id": None, "group_id": None, "tags": [*t.values.values(), *t.tags],
                "custom_fields": [{"id": ids[k], "value": v} for k, v in t.values.items()],
                "via": {"channel": "email"}, "recipient": None, "external_id": None,
                "created_at": iso(t.created), "updated_at": iso(t.updated)})
            said = [(requester, t.description or t.subject, t.created)]
            if t.reply:
                said += [(agent, agent_reply(t.locale), t.answered),
                         (requester, t.reply, t.replied)]
            for author, body, at in said:
                emu.store.insert(COMMENTS, {
                    "ticket_id": record["id"], "author_id": author, "body": body,
                    "html_body": f"<p>{html.escape(body)}</p>", "public": True,
                    "attachment_ids": [], "created_at": iso(at)})
    return JSONResponse({"tickets": len(tickets), "field_ids": ids}, status_code=201)


ROUTES = [Route("/_sandbox/history", history, methods=["POST"])]
