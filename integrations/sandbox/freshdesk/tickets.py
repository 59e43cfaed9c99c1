"""Freshdesk tickets, conversations (replies and notes), contacts, the current agent and search.

What the webhook pipeline and triage need from the ticket side, shaped like the real API:

    POST /api/v2/tickets                         create (``email`` or ``requester_id``)
    GET  /api/v2/tickets                         list (``updated_since``, ``order_by``, paging)
    GET  /api/v2/tickets/{id}                    show (``include=requester,conversations``)
    PUT  /api/v2/tickets/{id}                    update (``tags`` REPLACES the set;
                                                 ``custom_fields`` merges by name)
    DELETE /api/v2/tickets/{id}                  soft delete (``deleted: true``)
    POST /api/v2/tickets/{id}/reply              agent reply (public, source 0)
    POST /api/v2/tickets/{id}/notes              note (private by default, source 2)
    GET  /api/v2/tickets/{id}/conversations      conversations, 30 per page
    GET  /api/v2/search/tickets?query="..."      search: 30 per page, ``page`` 1..10 (400
                                                 past 10), ``{"results", "total"}``
    GET|POST /api/v2/contacts, GET|PUT /api/v2/contacts/{id}   contacts (``language``)
    GET  /api/v2/agents/me                       the API key's agent

Statuses are 2 open, 3 pending, 4 resolved, 5 closed; priorities 1..4. Custom fields are
keyed by name (``cf_...``) and must exist (`fields.COLL`), else ``invalid_field``. A
dropdown's value must be one of its choices' values (the text customers see; Freshdesk
answers ``invalid_value`` otherwise), so a key sent where a title is expected fails as it
would on the real service. ``PUT /_sandbox/strictness {"dropdown_values": false}`` turns
that check off, to seed tickets an older, lenient client wrote (``GET`` reads the switch).
Changing a choice's value leaves tickets holding the old text as they are (the reference
does not say Freshdesk renames them; deskops does not rely on it either way).

The requester's side: Freshdesk has no end-user API with the agent's key, so the sandbox
treats a **public note whose ``user_id`` is the requester** (``incoming: true``) as the
requester's reply (what an inbound e-mail produces): it is stored as an incoming reply and a
pending or resolved ticket goes back to open, like Freshdesk's default automation.

Automations hook in through `ON_TICKET_CHANGE`: after every change each callback gets
``(emulator, ticket, event)``, ``event`` being ``"created"``, ``"updated"`` (by an agent:
the API key) or ``"requester_replied"``; the ticket dict passed is a copy carrying
``_changes`` (``{attribute: [old, new]}``, plus ``"conversation": "reply"|"note"`` when a
conversation was added) and ``_performer`` (``"agent"`` or ``"requester"``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.core.errors import BadRequest, FieldError, Invalid, NotFound
from integrations.sandbox.core.http import emulator, path_id, read_json
from integrations.sandbox.core.paging import freshdesk_page
from integrations.sandbox.core.store import Record
from integrations.sandbox.freshdesk import attachments, fields
from integrations.sandbox.freshdesk.common import check_attrs, err, ok, raise_if
from integrations.sandbox.freshdesk.settings import check_language

__all__ = [
    "AGENTS", "CONTACTS", "CONVERSATIONS", "ON_TICKET_CHANGE", "ROUTES", "SEARCH_PAGES",
    "SEARCH_PER_PAGE", "SEEDERS", "TICKETS", "add_conversation", "bootstrap", "contact_out",
    "create_contact", "create_ticket", "inbound_email", "requester_reply", "search",
    "update_ticket",
]

TICKETS = "tickets"
CONVERSATIONS = "conversations"
CONTACTS = "contacts"
AGENTS = "agents"
STATUSES = (2, 3, 4, 5)
PRIORITIES = (1, 2, 3, 4)
SOURCES = (1, 2, 3, 7, 9, 10)
SEARCH_PER_PAGE = 30
SUPPORT_EMAIL = "support@deskops-sandbox.test"
SEARCH_PAGES = 10
#: Called after every ticket change: ``(emulator, ticket copy with _changes, event)``.
ON_TICKET_CHANGE: list[Callable[[Emulator, Record, str], None]] = []

_TICKET_ATTRS: dict[str, type | tuple[type, ...]] = {
    "name": str, "requester_id": int, "email": str, "phone": str, "subject": str,
    "type": (str, type(None)), "status": int, "priority": int, "description": str,
    "responder_id": (int, type(None)), "cc_emails": list, "custom_fields": dict,
    "group_id": (int, type(None)), "product_id": (int, type(None)), "source": int,
    "tags": list, "company_id": (int, type(None)), "form_id": (int, type(None)),
    "email_config_id": (int, type(None)), "due_by": str, "fr_due_by": str,
    "unique_external_id": str,
}
_UPDATE_ATTRS = {k: v for k, v in _TICKET_ATTRS.items() if k != "cc_emails"}
_CONTACT_ATTRS: dict[str, type | tuple[type, ...]] = {
    "name": str, "email": str, "phone": (str, type(None)), "language": str,
    "time_zone": str, "company_id": (int, type(None)), "tags": list,
    "unique_external_id": (str, type(None)),
}


# --------------------------------------------------------------------------- contacts


def bootstrap(emu: Emulator) -> None:
    """The API key's own agent (``agent:1`` in `app.authenticate`)."""
    now = emu.clock.iso()
    emu.store.insert(AGENTS, {
        "available": True, "occasional": False, "signature": None, "ticket_scope": 1,
        "created_at": now, "updated_at": now,
        "contact": {"name": "Sandbox Agent", "email": "agent@deskops-sandbox.test",
                    "language": "en", "active": True},
    })


def _agent_id(emu: Emulator) -> int:
    agents = emu.store.all(AGENTS)
    return int(agents[0]["id"]) if agents else 0


def create_contact(emu: Emulator, data: dict[str, Any]) -> Record:
    raise_if(check_attrs(data, _CONTACT_ATTRS, required=("name",)))
    if data.get("language") is not None:
        data = {**data, "language": check_language(str(data["language"]))}
    email = str(data.get("email") or "").strip().lower() or None
    if email and any(c.get("email") == email for c in emu.store.all(CONTACTS)):
        from integrations.sandbox.core.errors import Conflict

        raise Conflict([err("email", f"It should be a unique value: {email}",
                            "duplicate_value")])
    now = emu.clock.iso()
    return emu.store.insert(CONTACTS, {
        "name": str(data["name"]).strip(), "email": email, "phone": data.get("phone"),
        "language": data.get("language") or "en", "time_zone": data.get("time_zone"),
        "company_id": data.get("company_id"), "tags": list(data.get("tags") or []),
        "active": True, "unique_external_id": data.get("unique_external_id"),
        "created_at": now, "updated_at": now,
    })


def _contact_for(emu: Emulator, data: dict[str, Any]) -> int:
    if data.get("requester_id") is not None:
        rid = int(data["requester_id"])
        if emu.store.get(CONTACTS, rid) is None:
            raise Invalid([err("requester_id", "There is no contact matching the given "
                                               "requester_id", "invalid_value")])
        return rid
    email = str(data.get("email") or "").strip().lower()
    if not email:
        raise Invalid([err("requester_id", "Please fill at least 1 of requester_id, phone, "
                                           "email, twitter_id, facebook_id, "
                                           "unique_external_id fields", "missing_field")])
    for c in emu.store.all(CONTACTS):
        if c.get("email") == email:
            return int(c["id"])
    return int(create_contact(emu, {"name": data.get("name") or email.split("@")[0],
                                    "email": email})["id"])


# --------------------------------------------------------------------------- tickets


def _custom_names(emu: Emulator) -> set[str]:
    return {f["name"] for f in emu.store.all(fields.COLL) if not f.get("default")}


def _check_ticket(emu: Emulator, data: dict[str, Any], creating: bool) -> None:
    errors = check_attrs(data, _TICKET_ATTRS if creating else _UPDATE_ATTRS)
    if "status" in data and isinstance(data["status"], int) and data["status"] not in STATUSES:
        errors.append(err("status", "It should be one of these values: '2,3,4,5'",
                          "invalid_value"))
    if "priority" in data and isinstance(data["priority"], int) \
            and data["priority"] not in PRIORITIES:
        errors.append(err("priority", "It should be one of these values: '1,2,3,4'",
                          "invalid_value"))
    if "source" in data and isinstance(data["source"], int) and data["source"] not in SOURCES:
        errors.append(err("source", "It should be one of these values: '"
                                    + ",".join(map(str, SOURCES)) + "'", "invalid_value"))
    if isinstance(data.get("tags"), list) and not all(isinstance(t, str) for t in data["tags"]):
        errors.append(err("tags", "It should contain elements of type string only",
                          "datatype_mismatch"))
    if isinstance(data.get("custom_fields"), dict):
        known = _custom_names(emu)
        errors += [err(k, "Unexpected/invalid field in request", "invalid_field")
                   for k in data["custom_fields"] if k not in known]
        if strict_dropdowns(emu):
            errors += _dropdown_errors(emu, data["custom_fields"])
    if creating and not str(data.get("description") or "").strip():
        errors.append(err("description", "It should not be blank as this is a mandatory "
                                         "field", "invalid_value"))
    if isinstance(data.get("group_id"), int) and emu.store.get("groups", data["group_id"]) \
            is None:
        errors.append(err("group_id", "There is no group matching the given group_id",
                          "invalid_value"))
    raise_if(errors)


_STRICTNESS = "strictness"


def strict_dropdowns(emu: Emulator) -> bool:
    """Whether ticket dropdown values are checked against the choices (default: yes)."""
    found: dict[str, Any] = emu.store.get_meta(_STRICTNESS, {"dropdown_values": True})
    return bool(found.get("dropdown_values", True))


def _dropdown_errors(emu: Emulator, custom: dict[str, Any]) -> list[FieldError]:
    """A dropdown's value must be one of its choices' values (None clears it)."""
    errors = []
    for f in emu.store.all(fields.COLL):
        name = f["name"]
        if f.get("type") != "custom_dropdown" or name not in custom or custom[name] is None:
            continue
        values = [str(c["value"]) for c in f.get("choices") or []]
        if custom[name] not in values:
            errors.append(err(name, "It should be one of these values: '"
                              + ",".join(values) + "'", "invalid_value"))
    return errors


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def _tags(value: list[str]) -> list[str]:
    return list(dict.fromkeys(t.strip() for t in value if t.strip()))


def _notify(emu: Emulator, ticket: Record, event: str, changes: dict[str, Any],
            performer: str) -> None:
    for callback in list(ON_TICKET_CHANGE):
        callback(emu, {**ticket, "_changes": changes, "_performer": performer}, event)


def create_ticket(emu: Emulator, data: dict[str, Any]) -> Record:
    """Create a ticket (as the API agent) and run the ``ON_TICKET_CHANGE`` callbacks."""
    _check_ticket(emu, data, True)
    requester_id = _contact_for(emu, data)
    now = emu.clock.iso()
    description = str(data["description"])
    custom = {name: None for name in sorted(_custom_names(emu))}
    custom.update(data.get("custom_fields") or {})
    ticket = emu.store.insert(TICKETS, {
        "subject": data.get("subject") or "", "description": description,
        "description_text": _text(description), "status": data.get("status", 2),
        "priority": data.get("priority", 1), "source": data.get("source", 2),
        "type": data.get("type"), "requester_id": requester_id,
        "responder_id": data.get("responder_id"), "group_id": data.get("group_id"),
        "company_id": data.get("company_id"), "product_id": data.get("product_id"),
        "form_id": data.get("form_id"), "email_config_id": data.get("email_config_id"),
        "cc_emails": list(data.get("cc_emails") or []), "fwd_emails": [],
        "reply_cc_emails": list(data.get("cc_emails") or []), "to_emails": None,
        "tags": _tags(data.get("tags") or []), "custom_fields": custom,
        "spam": False, "deleted": False, "is_escalated": False, "fr_escalated": False,
        "due_by": data.get("due_by"), "fr_due_by": data.get("fr_due_by"),
        "attachments": [], "created_at": now, "updated_at": now,
    })
    _notify(emu, ticket, "created", {}, "agent")
    return ticket


def inbound_email(emu: Emulator, *, to: str, from_email: str, subject: str,
                  body: str) -> Record:
    """Control: an e-mail to the support address ``to`` becomes a ticket (source 1), which
    keeps ``to_emails`` ("Email addresses to which the ticket was originally sent"); the
    API cannot set it, only the mailbox does."""
    ticket = create_ticket(emu, {"email": from_email, "subject": subject,
                                 "description": f"<div>{html.escape(body)}</div>",
                                 "source": 1, "status": 2, "priority": 1})
    ticket["to_emails"] = [to]
    return emu.store.put(TICKETS, ticket)


def _touch(emu: Emulator, ticket: Record) -> Record:
    now = emu.clock.iso()
    if now <= str(ticket["updated_at"]):  # a frozen clock still orders updates
        emu.clock.advance(1)
        now = emu.clock.iso()
    ticket["updated_at"] = now
    emu.store.put(TICKETS, ticket)
    return ticket


def _live(emu: Emulator, ticket_id: int) -> Record:
    ticket = emu.store.get(TICKETS, ticket_id)
    if ticket is None:
        raise NotFound()
    return ticket


def update_ticket(emu: Emulator, ticket_id: int, data: dict[str, Any]) -> Record:
    """Apply ``PUT /tickets/{id}``: ``tags`` replaces the whole set, ``custom_fields`` merges."""
    ticket = _live(emu, ticket_id)
    if ticket.get("deleted"):
        raise NotFound()
    _check_ticket(emu, data, False)
    changes: dict[str, Any] = {}
    for key in ("subject", "type", "status", "priority", "responder_id", "group_id",
                "product_id", "company_id", "form_id", "source", "due_by", "fr_due_by"):
        if key in data and data[key] != ticket.get(key):
            changes[key] = [ticket.get(key), data[key]]
            ticket[key] = data[key]
    if "description" in data and data["description"] != ticket["description"]:
        changes["description"] = [ticket["description"], data["description"]]
        ticket["description"] = data["description"]
        ticket["description_text"] = _text(data["description"])
    if "tags" in data:
        tags = _tags(data["tags"])
        if tags != ticket["tags"]:
            changes["tags"] = [ticket["tags"], tags]
            ticket["tags"] = tags
    for name, value in (data.get("custom_fields") or {}).items():
        if ticket["custom_fields"].get(name) != value:
            changes[name] = [ticket["custom_fields"].get(name), value]
            ticket["custom_fields"][name] = value
    if "requester_id" in data or "email" in data:
        rid = _contact_for(emu, data)
        if rid != ticket["requester_id"]:
            changes["requester_id"] = [ticket["requester_id"], rid]
            ticket["requester_id"] = rid
    if changes:
        ticket = _touch(emu, ticket)
        _notify(emu, ticket, "updated", changes, "agent")
    return ticket


def add_conversation(emu: Emulator, ticket_id: int, body: str, *, kind: str,
                     private: bool, user_id: int | None = None,
                     incoming: bool = False,
                     files: list[dict[str, Any]] | None = None) -> Record:
    """A reply (``kind="reply"``) or a note; a public incoming note by the requester is
    the requester's reply (see the module docstring)."""
    ticket = _live(emu, ticket_id)
    if ticket.get("deleted"):
        raise NotFound()
    if not body.strip():
        raise Invalid([err("body", "It should not be blank as this is a mandatory field",
                           "invalid_value")])
    author = int(user_id) if user_id is not None else _agent_id(emu)
    by_requester = author == int(ticket["requester_id"]) and not private
    now = emu.clock.iso()
    reply = kind == "reply"
    conv = emu.store.insert(CONVERSATIONS, {
        "body": body, "body_text": _text(body), "incoming": incoming or by_requester,
        "private": private, "source": 0 if reply or by_requester else 2,
        "ticket_id": ticket["id"], "user_id": author,
        "support_email": SUPPORT_EMAIL if reply else None,
        "to_emails": [], "attachments": files or [], "last_edited_at": None,
        "last_edited_user_id": None, "created_at": now, "updated_at": now,
        **({"from_email": SUPPORT_EMAIL, "cc_emails": [], "bcc_emails": []} if reply else {}),
    })
    changes: dict[str, Any] = {"conversation": "reply" if kind == "reply" else "note"}
    if by_requester and ticket["status"] in (3, 4):
        changes["status"] = [ticket["status"], 2]
        ticket["status"] = 2
    ticket = _touch(emu, ticket)
    _notify(emu, ticket, "requester_replied" if by_requester else "updated", changes,
            "requester" if by_requester else "agent")
    return conv


def requester_reply(emu: Emulator, ticket_id: int, body: str) -> Record:
    """The requester answers (what an inbound e-mail does): for tests and the demo."""
    ticket = _live(emu, ticket_id)
    return add_conversation(emu, ticket_id, body, kind="note", private=False,
                            user_id=int(ticket["requester_id"]), incoming=True)


def _conversations(emu: Emulator, ticket_id: int) -> list[Record]:
    return sorted((c for c in emu.store.all(CONVERSATIONS) if c["ticket_id"] == ticket_id),
                  key=lambda c: (str(c["created_at"]), int(c["id"])))


def _contact_view(c: Record) -> dict[str, Any]:
    """The embedded requester (``include=requester``): only what the docs list (email, id,
    mobile, name, phone) — the language is on the contact (``/api/v2/contacts/{id}``)."""
    return {k: c.get(k) for k in ("id", "name", "email", "phone", "mobile")}


#: Documented contact attributes a stored contact may lack, with their empty values.
_CONTACT_DEFAULTS: dict[str, Any] = {
    "address": None, "avatar": None, "view_all_tickets": False, "custom_fields": {},
    "description": None, "job_title": None, "mobile": None, "other_emails": [],
    "twitter_id": None, "other_companies": [],
}


def contact_out(c: Record) -> dict[str, Any]:
    """A contact as the Contacts API answers it (every documented attribute)."""
    return {**_CONTACT_DEFAULTS, **c}


def _shown(emu: Emulator, t: Record, include: set[str]) -> dict[str, Any]:
    out = dict(t)
    if "requester" in include:
        contact = emu.store.get(CONTACTS, int(t["requester_id"]))
        out["requester"] = _contact_view(contact) if contact else None
    if "conversations" in include:
        out["conversations"] = _conversations(emu, int(t["id"]))[:10]
    return out


def _listed(t: Record) -> dict[str, Any]:
    return {k: v for k, v in t.items() if k not in ("description", "description_text")}


def _found(t: Record) -> dict[str, Any]:
    """A search result: like the documented sample, ``description`` without its text."""
    return {k: v for k, v in t.items() if k != "description_text"}


async def tickets_create(request: Request) -> Response:
    emu = emulator(request)
    data, files = await attachments.read_body(request)
    ticket = create_ticket(emu, data)
    if files:
        ticket["attachments"] = files
        emu.store.put(TICKETS, ticket)
    return ok(_shown(emu, ticket, set()), 201)


async def tickets_list(request: Request) -> Response:
    emu = emulator(request)
    q = request.query_params
    rows = [t for t in emu.store.all(TICKETS) if not t.get("deleted") and not t.get("spam")]
    if "updated_since" in q:
        since = q["updated_since"]
        rows = [t for t in rows if str(t["updated_at"]) >= since]
    order_by = q.get("order_by", "created_at")
    if order_by not in ("created_at", "due_by", "updated_at", "status"):
        raise BadRequest("It should be one of these values: 'created_at,due_by,updated_at,"
                         "status'", code="invalid_value", field="order_by")
    rows.sort(key=lambda t: (str(t.get(order_by) or ""), int(t["id"])),
              reverse=q.get("order_type", "desc") != "asc")
    # "A maximum of 300 pages (30000 tickets) will be returned."
    page_no = q.get("page", "1")
    if page_no.isdigit() and int(page_no) > LIST_PAGES:
        raise BadRequest(f"It should be a Positive Integer less than or equal to {LIST_PAGES}",
                         code="invalid_value", field="page")
    page, headers = freshdesk_page(request, rows)
    if page_no.isdigit() and int(page_no) >= LIST_PAGES:
        headers.pop("Link", None)
    return ok([_listed(t) for t in page], headers=headers)


#: Pages the ticket list answers at most.
LIST_PAGES = 300


async def ticket_show(request: Request) -> Response:
    emu = emulator(request)
    include = {p.strip() for p in request.query_params.get("include", "").split(",")
               if p.strip()}
    unknown = include - {"requester", "conversations", "company", "stats"}
    if unknown:
        raise BadRequest("It should be one of these values: 'conversations,requester,"
                         "company,stats'", code="invalid_value", field="include")
    return ok(_shown(emu, _live(emu, path_id(request)), include))


async def ticket_update(request: Request) -> Response:
    emu = emulator(request)
    data = await read_json(request)
    return ok(_shown(emu, update_ticket(emu, path_id(request), data), set()))


async def ticket_delete(request: Request) -> Response:
    emu = emulator(request)
    ticket = _live(emu, path_id(request))
    if ticket.get("deleted"):
        raise NotFound()
    ticket["deleted"] = True
    _touch(emu, ticket)
    return Response(status_code=204)


async def ticket_reply(request: Request) -> Response:
    emu = emulator(request)
    data, files = await attachments.read_body(request)
    raise_if(check_attrs(data, {"body": str, "from_email": str, "user_id": int,
                                "cc_emails": list, "bcc_emails": list}, required=("body",)))
    conv = add_conversation(emu, path_id(request), data["body"], kind="reply", private=False,
                            user_id=data.get("user_id"), files=files)
    return ok(conv, 201)


async def ticket_note(request: Request) -> Response:
    emu = emulator(request)
    data, files = await attachments.read_body(request)
    raise_if(check_attrs(data, {"body": str, "private": bool, "incoming": bool,
                                "user_id": int, "notify_emails": list}, required=("body",)))
    conv = add_conversation(emu, path_id(request), data["body"], kind="note",
                            private=bool(data.get("private", True)),
                            user_id=data.get("user_id"), incoming=bool(data.get("incoming")),
                            files=files)
    return ok(conv, 201)


async def ticket_conversations(request: Request) -> Response:
    emu = emulator(request)
    ticket = _live(emu, path_id(request))
    page, headers = freshdesk_page(request, _conversations(emu, int(ticket["id"])))
    return ok(page, headers=headers)


# --------------------------------------------------------------------------- search


_TOKEN = re.compile(r"\s*(?:(\()|(\))|(AND|OR)\b|([a-z_][a-z0-9_]*)\s*:\s*([<>]?)\s*"
                    r"('(?:[^'\\]|\\.)*'|null|true|false|-?\d+))", re.IGNORECASE)


def _parse(query: str) -> list[tuple[str, Any]]:
    tokens: list[tuple[str, Any]] = []
    pos = 0
    while pos < len(query):
        if not query[pos:].strip():
            break
        m = _TOKEN.match(query, pos)
        if m is None:
            raise BadRequest(f"Invalid query near {query[pos:pos + 20]!r}",
                             code="invalid_value", field="query")
        pos = m.end()
        if m.group(1):
            tokens.append(("(", None))
        elif m.group(2):
            tokens.append((")", None))
        elif m.group(3):
            tokens.append((m.group(3).upper(), None))
        else:
            raw = m.group(6)
            value: Any
            if raw.startswith("'"):
                value = raw[1:-1].replace("\\'", "'")
            elif raw in ("null", "true", "false"):
                value = {"null": None, "true": True, "false": False}[raw]
            else:
                value = int(raw)
            tokens.append(("term", (m.group(4), m.group(5), value)))
    return tokens


def _field_value(t: Record, name: str) -> Any:
    if name == "tag":
        return [x.lower() for x in t.get("tags") or []]
    if name == "agent_id":
        return t.get("responder_id")
    if name in ("created_at", "updated_at", "due_by", "fr_due_by"):
        value = t.get(name)
        return str(value)[:10] if value else None
    if name in ("status", "priority", "group_id", "type"):
        return t.get(name)
    if name in (t.get("custom_fields") or {}):
        return t["custom_fields"][name]
    raise BadRequest(f"{name} is not a searchable ticket field", code="invalid_field",
                     field="query")


def _term(t: Record, name: str, op: str, value: Any) -> bool:
    actual = _field_value(t, name)
    if name == "tag":
        return (not actual) if value is None else str(value).lower() in actual
    if value is None:
        return actual in (None, "")
    if op in (">", "<"):
        if actual is None:
            return False
        return bool(actual >= value if op == ">" else actual <= value)
    if isinstance(actual, str) and isinstance(value, str):
        return actual.lower() == value.lower()
    return bool(actual == value)


class _Query:
    """AND binds tighter than OR; parentheses group (Freshdesk's query language)."""

    def __init__(self, tokens: list[tuple[str, Any]]) -> None:
        self.tokens = tokens
        self.i = 0

    def _peek(self) -> str | None:
        return self.tokens[self.i][0] if self.i < len(self.tokens) else None

    def parse(self) -> Callable[[Record], bool]:
        expr = self._or()
        if self._peek() is not None:
            raise BadRequest("Invalid query: unexpected token", code="invalid_value",
                             field="query")
        return expr

    def _or(self) -> Callable[[Record], bool]:
        parts = [self._and()]
        while self._peek() == "OR":
            self.i += 1
            parts.append(self._and())
        return lambda t: any(p(t) for p in parts)

    def _and(self) -> Callable[[Record], bool]:
        parts = [self._atom()]
        while self._peek() == "AND":
            self.i += 1
            parts.append(self._atom())
        return lambda t: all(p(t) for p in parts)

    def _atom(self) -> Callable[[Record], bool]:
        kind = self._peek()
        if kind == "(":
            self.i += 1
            inner = self._or()
            if self._peek() != ")":
                raise BadRequest("Invalid query: missing )", code="invalid_value",
                                 field="query")
            self.i += 1
            return inner
        if kind == "term":
            name, op, value = self.tokens[self.i][1]
            self.i += 1
            return lambda t: _term(t, name, op, value)
        raise BadRequest("Invalid query: expected a condition", code="invalid_value",
                         field="query")


def search(emu: Emulator, query: str) -> list[Record]:
    """Every live ticket matching ``query`` (without its surrounding double quotes),
    newest first — the order pages are cut from."""
    matcher = _Query(_parse(query)).parse()
    rows = [t for t in emu.store.all(TICKETS) if not t.get("deleted") and not t.get("spam")]
    found = [t for t in rows if matcher(t)]
    found.sort(key=lambda t: (str(t["created_at"]), int(t["id"])), reverse=True)
    return found


async def search_tickets(request: Request) -> Response:
    emu = emulator(request)
    raw = request.query_params.get("query")
    if raw is None:
        raise BadRequest("Mandatory attribute missing", code="missing_field", field="query")
    if len(raw) < 2 or not (raw.startswith('"') and raw.endswith('"')):
        raise BadRequest("Query should be enclosed in double quotes", code="invalid_value",
                         field="query")
    if len(raw) - 2 > 512:
        raise BadRequest("It should not exceed 512 characters", code="invalid_value",
                         field="query")
    page_raw = request.query_params.get("page", "1")
    try:
        page = int(page_raw)
    except ValueError:
        page = 0
    if page < 1 or page > SEARCH_PAGES:
        raise BadRequest(f"It should be a Positive Integer less than or equal to "
                         f"{SEARCH_PAGES}", code="invalid_value", field="page")
    found = search(emu, raw[1:-1])
    start = (page - 1) * SEARCH_PER_PAGE
    return ok({"results": [_found(t) for t in found[start:start + SEARCH_PER_PAGE]],
               "total": len(found)})


# --------------------------------------------------------------------------- contacts API


async def contacts(request: Request) -> Response:
    emu = emulator(request)
    if request.method == "POST":
        return ok(contact_out(create_contact(emu, await read_json(request))), 201)
    rows = emu.store.all(CONTACTS)
    email = request.query_params.get("email")
    if email:
        rows = [c for c in rows if c.get("email") == email.strip().lower()]
    page, headers = freshdesk_page(request, rows)
    return ok([contact_out(c) for c in page], headers=headers)


async def contact(request: Request) -> Response:
    emu = emulator(request)
    record = emu.store.require(CONTACTS, path_id(request))
    if request.method == "DELETE":  # "Soft Delete a Contact": 204, then shown as deleted
        if record.get("deleted"):
            raise NotFound()
        record["deleted"] = True
        record["updated_at"] = emu.clock.iso()
        emu.store.put(CONTACTS, record)
        return Response(status_code=204)
    if request.method == "PUT":
        data = await read_json(request)
        raise_if(check_attrs(data, _CONTACT_ATTRS))
        if data.get("language") is not None:
            data = {**data, "language": check_language(str(data["language"]))}
        for key in _CONTACT_ATTRS:
            if key in data:
                record[key] = data[key]
        record["updated_at"] = emu.clock.iso()
        emu.store.put(CONTACTS, record)
    return ok(contact_out(record))


async def contact_hard_delete(request: Request) -> Response:
    """``DELETE /api/v2/contacts/{id}/hard_delete``: a soft-deleted contact (or any, with
    ``force=true``) is removed for good, with its tickets; 204."""
    emu = emulator(request)
    record = emu.store.require(CONTACTS, path_id(request))
    if not record.get("deleted") and request.query_params.get("force") != "true":
        raise BadRequest("Contact should be soft deleted first, or use force=true",
                         code="invalid_value", field="force")
    for t in [t for t in emu.store.all(TICKETS) if t["requester_id"] == record["id"]]:
        emu.store.delete(TICKETS, t["id"])
    emu.store.delete(CONTACTS, record["id"])
    return Response(status_code=204)


async def agent_me(request: Request) -> Response:
    emu = emulator(request)
    agents = emu.store.all(AGENTS)
    if not agents:
        raise NotFound()
    return ok(agents[0])


def _seed_ticket(emu: Emulator, data: dict[str, Any]) -> Record:
    return create_ticket(emu, data)


def _seed_conversation(emu: Emulator, data: dict[str, Any]) -> Record:
    """Seed ``{"ticket_id", "body", "requester": true}`` (a requester reply) or a note."""
    if data.get("requester"):
        return requester_reply(emu, int(data["ticket_id"]), str(data["body"]))
    return add_conversation(emu, int(data["ticket_id"]), str(data["body"]), kind="note",
                            private=bool(data.get("private", True)))


async def strictness(request: Request) -> Response:
    """GET|PUT ``{"dropdown_values": bool}``: check ticket dropdown values (default on)."""
    emu = emulator(request)
    if request.method == "PUT":
        body = await read_json(request)
        emu.store.set_meta(_STRICTNESS, {"dropdown_values": bool(body.get("dropdown_values",
                                                                          True))})
    return ok({"dropdown_values": strict_dropdowns(emu)})


SEEDERS = {TICKETS: _seed_ticket, CONTACTS: create_contact, CONVERSATIONS: _seed_conversation}

ROUTES = [
    Route("/api/v2/tickets", tickets_create, methods=["POST"]),
    Route("/api/v2/tickets", tickets_list, methods=["GET"]),
    Route("/api/v2/tickets/{id}", ticket_show, methods=["GET"]),
    Route("/api/v2/tickets/{id}", ticket_update, methods=["PUT"]),
    Route("/api/v2/tickets/{id}", ticket_delete, methods=["DELETE"]),
    Route("/api/v2/tickets/{id}/reply", ticket_reply, methods=["POST"]),
    Route("/api/v2/tickets/{id}/notes", ticket_note, methods=["POST"]),
    Route("/api/v2/tickets/{id}/conversations", ticket_conversations, methods=["GET"]),
    Route("/_sandbox/strictness", strictness, methods=["GET", "PUT"]),
    Route("/api/v2/search/tickets", search_tickets, methods=["GET"]),
    Route("/api/v2/contacts", contacts, methods=["GET", "POST"]),
    Route("/api/v2/contacts/{id}", contact, methods=["GET", "PUT", "DELETE"]),
    Route("/api/v2/contacts/{id}/hard_delete", contact_hard_delete, methods=["DELETE"]),
    Route("/api/v2/agents/me", agent_me, methods=["GET"]),
]
