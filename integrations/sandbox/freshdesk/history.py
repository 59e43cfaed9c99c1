"""``POST /_sandbox/history``: a generated history of solved tickets (`core.history`).

Stored as Freshdesk keeps them: status 4 (resolved) or 5 (closed), the agent's value in
``custom_fields`` under the ``cf_`` name of each dropdown whose choices the profile names
(apply the workspace first), ``description`` as HTML and ``description_text``, requesters
as contacts with a ``language``; ``created_at``/``updated_at`` spread over the past, so the
filtered search sees a real history.
"""

from __future__ import annotations

import html
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from integrations.sandbox.core.clock import iso
from integrations.sandbox.core.errors import BadRequest
from integrations.sandbox.core.history import agent_reply, generate, parse_request
from integrations.sandbox.core.http import emulator, read_json
from integrations.sandbox.freshdesk.fields import COLL as FIELDS
from integrations.sandbox.freshdesk.tickets import (
    CONTACTS,
    CONVERSATIONS,
    SUPPORT_EMAIL,
    TICKETS,
    _agent_id,
)

__all__ = ["ROUTES"]

_LANGUAGE = {"en": "en", "fr": "fr", "ko": "ko", "pt-br": "pt-BR"}
_REQUESTERS_PER_LOCALE = 25


async def history(request: Request) -> Response:
    """Generate solved tickets: {"profile", "count", "seed"?, "days"?}"""
    emu = emulator(request)
    parsed = parse_request(await read_json(request))
    dropdowns = [f for f in emu.store.all(FIELDS) if not f.get("default")]
    cf: dict[str, str] = {}
    shown: dict[str, dict[str, str]] = {}  # field key -> option key -> the choice's value
    for key, facet in parsed.profile.dropdowns().items():
        titles = {k: facet.shown.get(k, k) for k in facet.weights}
        for texts in (titles, {k: k for k in facet.weights}):
            found = next((f for f in dropdowns if set(texts.values())
                          <= {str(c.get("value")) for c in f.get("choices") or []}), None)
            if found is not None:
                cf[key], shown[key] = str(found["name"]), texts
                break
        else:
            raise BadRequest(f"no dropdown with the choices of {key!r}: apply the workspace "
                             "first")
    names = sorted(str(f["name"]) for f in dropdowns)
    tickets = generate(parsed.profile, parsed.count, parsed.seed, emu.clock.now(), parsed.days)
    agent = _agent_id(emu)
    with emu.db.transaction():
        contacts: dict[str, list[int]] = {}
        for loc, lang in _LANGUAGE.items():
            contacts[loc] = [int(emu.store.insert(CONTACTS, {
                "name": f"Requester {loc} {i}", "email": f"history-{loc}-{i}@example.com",
                "phone": None, "language": lang, "time_zone": None, "company_id": None,
                "tags": [], "active": True, "unique_external_id": None,
                "created_at": emu.clock.iso(), "updated_at": emu.clock.iso()})["id"])
                for i in range(_REQUESTERS_PER_LOCALE)]
        for n, t in enumerate(tickets):
            custom: dict[str, Any] = dict.fromkeys(names)
            custom.update({cf[k]: shown[k][v] for k, v in t.values.items()})
            record = emu.store.insert(TICKETS, {
                "subject": t.subject, "description": f"<div>{html.escape(t.description)}</div>",
                "description_text": t.description, "status": 5 if n % 3 == 0 else 4,
                "priority": 1, "source": 1, "type": None,
                "requester_id": contacts[t.locale][n % _REQUESTERS_PER_LOCALE],
                "responder_id": None, "group_id": None, "company_id": None, "product_id": None,
                "form_id": None, "email_config_id": None, "cc_emails": [], "fwd_emails": [],
                "reply_cc_emails": [], "to_emails": None, "tags": list(t.tags),
                "custom_fields": custom, "spam": False, "deleted": False,
                "is_escalated": False, "fr_escalated": False, "due_by": None, "fr_due_by": None,
                "attachments": [], "created_at": iso(t.created), "updated_at": iso(t.updated)})
            if t.reply:
                requester = contacts[t.locale][n % _REQUESTERS_PER_LOCALE]
                for user, body, at, by_requester in ((agent, agent_reply(t.locale), t.answered,
                                                      False),
                                                     (requester, t.reply, t.replied, True)):
                    emu.store.insert(CONVERSATIONS, {
                        "body": f"<div>{html.escape(body)}</div>", "body_text": body,
                        "incoming": by_requester, "private": False,
                        "source": 0, "ticket_id": record["id"],
                        "user_id": user, "support_email": None if by_requester else SUPPORT_EMAIL,
                        "to_emails": [], "attachments": [], "last_edited_at": None,
                        "last_edited_user_id": None, "created_at": iso(at), "updated_at": iso(at),
                        **({} if by_requester else {"from_email": SUPPORT_EMAIL, "cc_emails": [],
                                                    "bcc_emails": []})})
    return JSONResponse({"tickets": len(tickets), "fields": cf}, status_code=201)


ROUTES = [Route("/_sandbox/history", history, methods=["POST"])]
