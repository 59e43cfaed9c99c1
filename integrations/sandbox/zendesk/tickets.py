"""Zendesk tickets, comments, tags, users (with locales) and the incremental ticket export.

What the webhook pipeline needs from the ticket side, shaped like the real API:

    POST /api/v2/tickets.json                       create (actor: the API user, an agent)
    GET  /api/v2/tickets/{id}.json                  show
    GET  /api/v2/tickets/show_many.json?ids=1,2     show many
    PUT  /api/v2/tickets/{id}.json                  update (status, tags, comment, custom_fields)
    GET  /api/v2/tickets/{id}/tags.json             tags
    PUT  /api/v2/tickets/{id}/tags.json             add tags (merge)
    POST /api/v2/tickets/{id}/tags.json             set tags (replace; 201)
    DELETE /api/v2/tickets/{id}/tags.json           remove tags (204)
    GET  /api/v2/tickets/{id}/comments.json         comments
    PUT  /api/v2/requests/{id}.json                 the requester's reply (actor: end user)
    GET  /api/v2/incremental/tickets/cursor.json    cursor-based incremental export
    POST /api/v2/users.json, GET /api/v2/users/{id}.json   users (``locale``, ``verified``)
    GET  /api/v2/users/show_many.json?ids=1,2       users by id
    DELETE /api/v2/tickets/{id}.json                204; DELETE /api/v2/users/{id}.json: 200
    GET  /api/v2/search/export.json?query=&filter[type]=ticket   cursor pages only

    GET  /api/v2/search.json?query=...              search tickets (``type:ticket``,
                                                    ``status:``/``status<``/``status>``,
                                                    ``tags:``, ``-tags:``, ``group_id:``,
                                                    ``ticket_form_id:``, words in subject or
                                                    description); offset pages of at most 100,
                                                    422 past 1,000 results like Zendesk

Every change bumps ``updated_at`` and hands the ticket to `webhooks.on_ticket_change`,
which runs the triggers. An update with ``safe_update: true`` and an ``updated_stamp`` other
than the ticket's ``updated_at`` is refused with 409 ``UpdateConflict``, as Zendesk documents;
``updated_stamp`` is write-only (never in a response), as in Zendesk's spec.
``custom_fields`` on update merge by id (like Zendesk); a comment may be ``body`` or
``html_body``: its ``body``/``plain_body`` is the plain text Zendesk renders (entities decoded,
tags stripped, list items as lines). Agent comments are written as the API user (id 1,
``/users/me``). Ticket updates are limited per account (100/min) and per ticket (30 per
10 min) in ``app.LIMITS``.
``update_many`` is in `jobs` (a job status that applies `update_ticket` to each ticket).
Ticket create and update answer their ``audit`` (the comment event, whose ``audit_id`` the
comment takes, and one event per attribute set); a comment's ``uploads`` tokens become its
``attachments`` (`uploads`).
Responses follow the spec's ``TicketObject``, ``TicketCommentObject`` and ``RequestObject``
(checked by ``tests/sandbox/test_contract_tickets.py``).
"""

from __future__ import annotations

import base64
import html
import re
from html.parser import HTMLParser
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.core.errors import BadRequest, Conflict, FieldError, Invalid, NotFound
from integrations.sandbox.core.http import emulator, path_id, read_json
from integrations.sandbox.core.paging import zendesk_page
from integrations.sandbox.core.store import Record
from integrations.sandbox.zendesk import uploads, webhooks
from integrations.sandbox.zendesk.common import api_url, blank, ok

__all__ = ["API_USER_ID", "ROUTES", "SEEDERS", "create_ticket", "create_user", "render",
           "search_tickets", "update_ticket"]

TICKETS = "tickets"
USERS = "users"
COMMENTS = "ticket_comments"
STATUSES = ("new", "open", "pending", "hold", "solved", "closed")
PRIORITIES = ("low", "normal", "high", "urgent")
TYPES = ("problem", "incident", "question", "task")
#: The API user's id (``GET /api/v2/users/me`` answers id 1): author of agent comments.
API_USER_ID = 1


def create_user(emu: Emulator, data: dict[str, Any]) -> Record:
    name = str(data.get("name") or "").strip()
    if not name:
        raise Invalid([blank("name", "Name")])
    now = emu.clock.iso()
    return emu.store.insert(USERS, {
        "name": name, "email": data.get("email"), "role": data.get("role") or "end-user",
        "locale": data.get("locale") or "en-US", "verified": bool(data.get("verified", True)),
        "created_at": now, "updated_at": now,
    })


def _tags(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split()
    if not isinstance(value, list):
        raise Invalid.one("tags", "Tags: must be a list of strings", "InvalidValue")
    return list(dict.fromkeys(str(t).strip().lower() for t in value if str(t).strip()))


_BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "blockquote", "pre", "tr", "table",
                     "h1", "h2", "h3", "h4", "h5", "h6", "hr"})


class _TextRenderer(HTMLParser):
    """HTML to the plain text Zendesk shows in ``body``/``plain_body``: tags stripped,
    entities decoded (``d&#39;exploitation`` → ``d'exploitation``), blocks and list items
    on their own lines, scripts and styles dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(re.sub(r"\s+", " ", data))


def _plain(markup: str) -> str:
    """The plain text of an HTML comment (see `_TextRenderer`)."""
    renderer = _TextRenderer()
    renderer.feed(markup)
    renderer.close()
    lines = (line.strip() for line in "".join(renderer.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _comment_text(comment: dict[str, Any]) -> tuple[str, str | None]:
    """``(plain text, html)`` of a comment body as given: ``html_body`` is rendered to plain
    text; a ``body`` has its HTML entities decoded, as Zendesk shows it."""
    markup = comment.get("html_body")
    if isinstance(markup, str) and markup.strip():
        return _plain(markup), markup
    return html.unescape(str(comment.get("body") or "")).strip(), None


def _add_comment(emu: Emulator, ticket_id: int, author_id: int, body: str, public: bool,
                 markup: str | None = None, attachment_ids: list[int] | None = None) -> None:
    shown = markup or "".join(f"<p>{html.escape(line, quote=False)}</p>"
                              for line in body.split("\n") if line.strip())
    emu.store.insert(COMMENTS, {"ticket_id": ticket_id, "author_id": author_id, "body": body,
                                "html_body": shown, "public": public,
                                "attachment_ids": attachment_ids or [],
                                "created_at": emu.clock.iso()})


def create_ticket(emu: Emulator, data: dict[str, Any], *, actor: str = "agent") -> Record:
    """Create a ticket (``comment.body`` is the description) and run the triggers."""
    comment = data.get("comment") or {}
    comment = comment if isinstance(comment, dict) else {}
    body, markup = _comment_text(comment)
    if not body:
        body = html.unescape(str(data.get("description") or "")).strip()
    if not body:
        raise Invalid([blank("description", "Description")])
    requester_id = data.get("requester_id")
    if requester_id is None or emu.store.get(USERS, int(requester_id)) is None:
        requester_id = create_user(emu, {"name": "Requester", "locale": "en-US"})["id"]
    now = emu.clock.iso()
    ticket = emu.store.insert(TICKETS, {
        "subject": str(data.get("subject") or body[:50]), "description": body,
        "status": data.get("status") or "new", "priority": data.get("priority"),
        "type": data.get("type"), "requester_id": int(requester_id),
        "ticket_form_id": data.get("ticket_form_id"), "brand_id": data.get("brand_id"),
        "group_id": data.get("group_id"), "tags": _tags(data.get("tags")),
        "custom_fields": data.get("custom_fields") or [], "via": {"channel": "api"},
        "recipient": data.get("recipient"), "external_id": data.get("external_id"),
        "created_at": now, "updated_at": now,
    })
    _add_comment(emu, ticket["id"], int(requester_id), body, True, markup,
                 uploads.consume(emu, comment.get("uploads")))
    webhooks.on_ticket_change(emu, ticket, created=True, actor=actor)
    return ticket


def _touch(emu: Emulator, ticket: Record, *, actor: str) -> Record:
    now = emu.clock.iso()
    if now <= str(ticket["updated_at"]):  # a frozen clock still orders updates
        emu.clock.advance(1)
        now = emu.clock.iso()
    ticket["updated_at"] = now
    emu.store.put(TICKETS, ticket)
    webhooks.on_ticket_change(emu, ticket, created=False, actor=actor)
    return ticket


def render(request: Request, t: Record) -> dict[str, Any]:
    """A ticket as Zendesk answers it: the stored record plus the read-only attributes
    every real ticket carries (nulls where Zendesk sends nulls)."""
    return {
        "assignee_id": None, "organization_id": None, "problem_id": None,
        "recipient": None, "external_id": None, "due_at": None,
        "collaborator_ids": [], "follower_ids": [], "email_cc_ids": [], "followup_ids": [],
        "sharing_agreement_ids": [], "has_incidents": False, "is_public": True,
        "allow_attachments": True, "allow_channelback": False,
        "from_messaging_channel": False,
        **t,
        "raw_subject": t.get("subject"), "submitter_id": t.get("requester_id"),
        "url": api_url(request, f"/api/v2/tickets/{t['id']}"),
    }


def _ticket(emu: Emulator, ticket_id: int) -> Record:
    ticket = emu.store.get(TICKETS, ticket_id)
    if ticket is None:
        raise NotFound()
    return ticket


AUDITS = "ticket_audits"
#: Ticket attributes whose changes an audit lists as ``Create``/``Change`` events (those
#: whose values are strings or integers, the types the spec gives an event's ``value``).
_AUDITED = ("subject", "status", "priority", "type", "requester_id", "group_id",
            "ticket_form_id", "brand_id")


def _audit(emu: Emulator, ticket: Record, before: Record | None,
           last_comment: int) -> dict[str, Any]:
    """The ``audit`` a ticket write answers with (``AuditObject``): one ``Comment`` event per
    comment it added (whose ``audit_id`` it becomes), one ``Create``/``Change`` event per
    audited attribute it set or changed."""
    audit = emu.store.insert(AUDITS, {"ticket_id": ticket["id"]})
    events: list[dict[str, Any]] = []
    for c in sorted((c for c in emu.store.all(COMMENTS)
                     if c["ticket_id"] == ticket["id"] and int(c["id"]) > last_comment),
                    key=lambda c: int(c["id"])):
        emu.store.put(COMMENTS, {**c, "audit_id": audit["id"]})
        events.append({"id": c["id"], "type": "Comment", "body": c["body"],
                       "field_name": None, "value": None})
    for key in _AUDITED:
        value = ticket.get(key)
        if (before is None and value is not None) or (before is not None
                                                       and before.get(key) != value):
            event = emu.store.insert(AUDITS, {"ticket_id": ticket["id"], "event": key})
            events.append({"id": event["id"], "type": "Create" if before is None else "Change",
                           "field_name": key, "value": value, "body": None})
    return {"id": audit["id"], "ticket_id": ticket["id"], "created_at": emu.clock.iso(),
            "author_id": API_USER_ID, "metadata": {"system": {}, "custom": {}},
            "events": events, "via": {"channel": "api", "source": {
                "from": {}, "to": {}, "rel": None}}}


def _last_comment(emu: Emulator) -> int:
    return max((int(c["id"]) for c in emu.store.all(COMMENTS)), default=0)


async def tickets_create(request: Request) -> Response:
    emu = emulator(request)
    data = await read_json(request, wrapper="ticket")
    last = _last_comment(emu)
    ticket = create_ticket(emu, data)
    return ok({"ticket": render(request, ticket), "audit": _audit(emu, ticket, None, last)},
              201)


async def ticket_show(request: Request) -> Response:
    emu = emulator(request)
    return ok({"ticket": render(request, _ticket(emu, path_id(request)))})


async def tickets_show_many(request: Request) -> Response:
    emu = emulator(request)
    raw = request.query_params.get("ids", "")
    try:
        ids = [int(x) for x in raw.split(",") if x.strip()]
    except ValueError:
        raise BadRequest("ids must be a comma-separated list of integers") from None
    found = [t for t in (emu.store.get(TICKETS, i) for i in ids[:100]) if t is not None]
    return ok({"tickets": [render(request, t) for t in found], "next_page": None,
               "previous_page": None, "count": len(found)})


async def ticket_update(request: Request) -> Response:
    emu = emulator(request)
    data = await read_json(request, wrapper="ticket")
    before, last = dict(_ticket(emu, path_id(request))), _last_comment(emu)
    ticket = update_ticket(emu, path_id(request), data)
    return ok({"ticket": render(request, ticket), "audit": _audit(emu, ticket, before, last)})


def update_ticket(emu: Emulator, ticket_id: int, data: dict[str, Any], *,
                  actor: str = "agent") -> Record:
    """Apply one ``PUT /tickets/{id}`` body (also what an ``update_many`` job does per
    ticket); raises `NotFound`, `Conflict` or `Invalid` like the endpoint."""
    ticket = _ticket(emu, ticket_id)
    if data.get("safe_update") and data.get("updated_stamp") != ticket["updated_at"]:
        raise Conflict([FieldError("updated_stamp", "Ticket was updated meanwhile",
                                   "UpdateConflict")])
    if ticket["status"] == "closed":
        raise Invalid.one("status", "Status: closed prevents ticket update", "InvalidValue")
    changed = False
    for key, allowed in (("status", STATUSES), ("priority", PRIORITIES), ("type", TYPES)):
        if key in data:
            if data[key] is not None and data[key] not in allowed:
                raise Invalid.one(key, f"{key.title()}: is not valid", "InvalidValue")
            changed |= data[key] != ticket.get(key)
            ticket[key] = data[key]
    if "group_id" in data:
        gid = data["group_id"]
        if gid is not None and emu.store.get("groups", int(gid)) is None:
            raise Invalid.one("group_id", "Group: is invalid", "InvalidValue")
        changed |= gid != ticket.get("group_id")
        ticket["group_id"] = gid
    if "tags" in data:
        tags = _tags(data["tags"])
        changed |= tags != ticket["tags"]
        ticket["tags"] = tags
    for key in ("additional_tags", "remove_tags"):
        if key in data:
            tags = _tags(data[key])
            new = (list(dict.fromkeys([*ticket["tags"], *tags])) if key == "additional_tags"
                   else [t for t in ticket["tags"] if t not in tags])
            changed |= new != ticket["tags"]
            ticket["tags"] = new
    if "custom_fields" in data:
        merged = {int(f["id"]): f.get("value") for f in ticket["custom_fields"]
                  if isinstance(f, dict) and "id" in f}
        for f in data["custom_fields"] or []:
            if isinstance(f, dict) and "id" in f:
                merged[int(f["id"])] = f.get("value")
        new_fields = [{"id": k, "value": v} for k, v in merged.items()]
        changed |= new_fields != ticket["custom_fields"]
        ticket["custom_fields"] = new_fields
    comment = data.get("comment")
    if isinstance(comment, dict):
        body, markup = _comment_text(comment)
        if body:
            _add_comment(emu, ticket["id"], API_USER_ID, body,
                         bool(comment.get("public", True)), markup,
                         uploads.consume(emu, comment.get("uploads")))
            changed = True
    if changed:
        ticket = _touch(emu, ticket, actor=actor)
    return ticket


async def ticket_tags(request: Request) -> Response:
    """GET lists; PUT adds (merge); POST sets (replaces, 201); DELETE removes (204) —
    Zendesk's Tags API on one ticket (``safe_update`` honoured like on the ticket)."""
    emu = emulator(request)
    ticket = _ticket(emu, path_id(request))
    if request.method == "GET":
        return ok({"tags": ticket["tags"]})
    body = await read_json(request)
    if body.get("safe_update") and body.get("updated_stamp") != ticket["updated_at"]:
        raise Conflict([FieldError("updated_stamp", "Ticket was updated meanwhile",
                                   "UpdateConflict")])
    tags = _tags(body.get("tags"))
    if request.method == "POST":
        new = tags
    elif request.method == "DELETE":
        new = [t for t in ticket["tags"] if t not in tags]
    else:
        new = list(dict.fromkeys([*ticket["tags"], *tags]))
    if new != ticket["tags"]:
        ticket["tags"] = new
        ticket = _touch(emu, ticket, actor="agent")
    if request.method == "DELETE":
        return Response(status_code=204)
    return ok({"tags": ticket["tags"]}, 201 if request.method == "POST" else 200)


def _comment_view(request: Request, c: Record) -> dict[str, Any]:
    """A stored comment as ``TicketCommentObject`` (the ticket id is not part of it), its
    uploaded files as ``attachments``."""
    shown = {k: v for k, v in c.items() if k not in ("ticket_id", "attachment_ids")}
    return {"type": "Comment", "plain_body": c["body"],
            "metadata": {"system": {}, "custom": {}}, "via": {"channel": "api"}, **shown,
            "attachments": uploads.views(emulator(request), request, c.get("attachment_ids"))}


async def ticket_comments(request: Request) -> Response:
    emu = emulator(request)
    ticket = _ticket(emu, path_id(request))
    rows = [c for c in emu.store.all(COMMENTS) if c["ticket_id"] == ticket["id"]]
    # 100 a page at most, like every Zendesk list; users are sideloaded per page (the
    # authors of that page's comments), never for the whole ticket.
    body = zendesk_page(request, rows, "comments", lambda c: _comment_view(request, c),
                        unpaginated=False)
    if "users" in request.query_params.get("include", "").split(","):
        ids = sorted({int(c["author_id"]) for c in body["comments"]}
                     | {int(ticket["requester_id"])})
        body["users"] = [u for u in (emu.store.get(USERS, i) for i in ids) if u is not None]
    return ok(body)


async def request_update(request: Request) -> Response:
    """The requester's side (Requests API): a public reply, made as the end user."""
    emu = emulator(request)
    ticket = _ticket(emu, path_id(request))
    data = await read_json(request, wrapper="request")
    comment = data.get("comment") or {}
    comment = comment if isinstance(comment, dict) else {}
    body, markup = _comment_text(comment)
    if not body:
        raise Invalid([blank("comment", "Comment")])
    _add_comment(emu, ticket["id"], int(ticket["requester_id"]), body, True, markup,
                 uploads.consume(emu, comment.get("uploads")))
    if ticket["status"] in ("pending", "solved"):
        ticket["status"] = "open"
    ticket = _touch(emu, ticket, actor="end_user")
    return ok({"request": _request_view(request, ticket)})


def _request_view(request: Request, t: Record) -> dict[str, Any]:
    """The ticket as its requester sees it (``RequestObject``)."""
    return {
        "id": t["id"], "url": api_url(request, f"/api/v2/requests/{t['id']}"),
        "subject": t["subject"], "description": t["description"], "status": t["status"],
        "priority": t.get("priority"), "type": t.get("type"),
        "requester_id": t["requester_id"], "organization_id": None, "assignee_id": None,
        "group_id": t.get("group_id"), "ticket_form_id": t.get("ticket_form_id"),
        "collaborator_ids": [], "email_cc_ids": [], "is_public": True,
        "can_be_solved_by_me": False, "custom_fields": t.get("custom_fields") or [],
        "recipient": t.get("recipient"), "via": t.get("via") or {"channel": "api"},
        "created_at": t["created_at"], "updated_at": t["updated_at"],
    }


#: Records per page of the incremental export: ``per_page``, 1000 at most (the default).
EXPORT_PAGE = 1000


def _export_cursor(stamp: str, ticket_id: int) -> str:
    return base64.urlsafe_b64encode(f"{stamp}|{ticket_id}".encode()).decode().rstrip("=")


def _export_position(cursor: str) -> tuple[str, int]:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        stamp, _, ticket_id = text.rpartition("|")
        return stamp, int(ticket_id)
    except (ValueError, UnicodeDecodeError):
        raise BadRequest("the cursor is not valid", code="InvalidValue") from None


async def incremental_cursor(request: Request) -> Response:
    """``start_time`` (Unix seconds, at least one minute old: "Data isn't provided for the
    most recent minute") or ``cursor``; at most ``per_page`` (1000) tickets a page, then
    ``after_url`` until ``end_of_stream``."""
    emu = emulator(request)
    q = request.query_params
    from integrations.sandbox.core.clock import iso

    try:
        per_page = int(q.get("per_page") or EXPORT_PAGE)
    except ValueError:
        per_page = 0
    if not 1 <= per_page <= EXPORT_PAGE:
        raise BadRequest(f"per_page must be between 1 and {EXPORT_PAGE}", code="InvalidValue")
    if "cursor" in q:
        position = _export_position(q["cursor"])
    elif "start_time" in q:
        try:
            start = int(q["start_time"])
        except ValueError:
            raise BadRequest("start_time must be a Unix time in seconds",
                             code="InvalidValue") from None
        if start > emu.clock.now() - 60:
            raise BadRequest("Too recent start_time. Use a start_time older than one minute",
                             code="InvalidValue")
        position = (iso(start), 0)
    else:
        raise BadRequest("start_time or cursor is required", code="InvalidValue")
    # after (stamp, id): a start_time is "at or after stamp" (id 0 sorts before every id)
    rows = sorted((t for t in emu.store.all(TICKETS)
                   if (str(t["updated_at"]), int(t["id"])) > position),
                  key=lambda t: (str(t["updated_at"]), int(t["id"])))
    page, more = rows[:per_page], len(rows) > per_page
    last = page[-1] if page else None
    after = _export_cursor(str(last["updated_at"]), int(last["id"])) if last else \
        q.get("cursor")
    base = request.url.remove_query_params(["cursor", "start_time"])
    after_url = str(base.include_query_params(cursor=after)) if after else None
    return ok({"tickets": [render(request, t) for t in page], "after_cursor": after,
               "after_url": after_url, "before_cursor": None, "before_url": None,
               "end_of_stream": not more})


_STATUS_ORDER = {s: i for i, s in enumerate(STATUSES)}
_TERM = re.compile(r'(-?)([a-z_]+)([:<>])("[^"]*"|\S+)|("[^"]*"|\S+)')
SEARCH_LIMIT = 1000


def _search_term(t: Record, key: str, op: str, value: str) -> bool:
    value = value.strip('"').lower()
    if key == "type":
        return value == "ticket"
    if key == "status":
        have, want = _STATUS_ORDER.get(t["status"], 0), _STATUS_ORDER.get(value, -1)
        return {":": have == want, "<": have < want, ">": have > want}[op]
    if key in ("tags", "tag"):
        return value in (t.get("tags") or [])
    if key in ("group_id", "group", "ticket_form_id", "form", "requester_id", "brand_id"):
        field = {"group": "group_id", "form": "ticket_form_id"}.get(key, key)
        return str(t.get(field)).lower() == value
    if key in ("updated", "created", "updated_at", "created_at"):
        stamp = str(t[key.removesuffix("_at") + "_at"])
        return {":": stamp.startswith(value), "<": stamp < value, ">": stamp > value}[op]
    raise BadRequest(f"unsupported search term {key}{op}{value}", code="InvalidSearchQuery")


def search_tickets(emu: Emulator, query: str) -> list[Record]:
    """Tickets matching ``query`` (every term must hold), oldest first."""
    words: list[str] = []
    terms: list[tuple[bool, str, str, str]] = []
    for m in _TERM.finditer(query):
        if m.group(5) is not None:
            words.append(m.group(5).strip('"').lower())
        else:
            terms.append((bool(m.group(1)), m.group(2).lower(), m.group(3), m.group(4)))

    def matches(t: Record) -> bool:
        text = f"{t['subject']} {t['description']}".lower()
        return all(w in text for w in words) and all(
            _search_term(t, k, o, v) != neg for neg, k, o, v in terms)

    rows = [t for t in emu.store.all(TICKETS) if matches(t)]
    return sorted(rows, key=lambda t: (str(t["created_at"]), int(t["id"])))


async def search(request: Request) -> Response:
    """``GET /api/v2/search.json?query=``: offset pages (``per_page`` ≤ 100), 1,000 results
    at most per query (a 422 past that, as Zendesk answers)."""
    emu = emulator(request)
    q = request.query_params
    query = q.get("query", "")
    if not query.strip():
        raise BadRequest("query is required", code="InvalidSearchQuery")
    try:
        page, per_page = int(q.get("page", "1")), int(q.get("per_page", "100"))
    except ValueError:
        raise BadRequest("page and per_page must be integers") from None
    if page < 1 or not 1 <= per_page <= 100:
        raise BadRequest("page must be ≥ 1 and per_page between 1 and 100")
    if page * per_page > SEARCH_LIMIT:
        raise Invalid.one("page", f"Search results are limited to {SEARCH_LIMIT} per query",
                          "InvalidPaginationParameter")
    found = search_tickets(emu, query)
    chunk = found[(page - 1) * per_page: page * per_page]
    base = request.url.remove_query_params(["page", "per_page"])
    has_next = page * per_page < min(len(found), SEARCH_LIMIT)
    return ok({
        "results": [{**render(request, t), "result_type": "ticket"} for t in chunk],
        "facets": None, "count": len(found),
        "next_page": str(base.include_query_params(page=page + 1, per_page=per_page))
        if has_next else None,
        "previous_page": str(base.include_query_params(page=page - 1, per_page=per_page))
        if page > 1 else None,
    })


async def user_show(request: Request) -> Response:
    emu = emulator(request)
    user = emu.store.get(USERS, path_id(request))
    if user is None:
        raise NotFound()
    return ok({"user": _user_view(request, user)})


def _user_view(request: Request, user: Record) -> dict[str, Any]:
    return {"active": True, "suspended": False, "tags": [], "time_zone": "UTC",
            "iana_time_zone": "Etc/UTC", **user,
            "url": api_url(request, f"/api/v2/users/{user['id']}")}


async def users_create(request: Request) -> Response:
    emu = emulator(request)
    data = await read_json(request, wrapper="user")
    return ok({"user": _user_view(request, create_user(emu, data))}, 201)


async def ticket_delete(request: Request) -> Response:
    """``DELETE /api/v2/tickets/{id}``: 204; the ticket and its comments are gone."""
    emu = emulator(request)
    ticket = _ticket(emu, path_id(request))
    for c in [c for c in emu.store.all(COMMENTS) if c["ticket_id"] == ticket["id"]]:
        emu.store.delete(COMMENTS, c["id"])
    emu.store.delete(TICKETS, ticket["id"])
    return Response(status_code=204)


def _ids(request: Request) -> list[int]:
    try:
        return [int(x) for x in request.query_params.get("ids", "").split(",") if x.strip()]
    except ValueError:
        raise BadRequest("ids must be a comma-separated list of integers") from None


async def users_show_many(request: Request) -> Response:
    """``GET /api/v2/users/show_many?ids=1,2`` (at most 100 ids; unknown ids left out)."""
    emu = emulator(request)
    found = [u for u in (emu.store.get(USERS, i) for i in _ids(request)[:100]) if u]
    return ok({"users": [_user_view(request, u) for u in found], "next_page": None,
               "previous_page": None, "count": len(found)})


async def user_delete(request: Request) -> Response:
    """``DELETE /api/v2/users/{id}``: 200 with the user, now inactive (Zendesk soft-deletes)."""
    emu = emulator(request)
    user = emu.store.get(USERS, path_id(request))
    if user is None:
        raise NotFound()
    emu.store.delete(USERS, user["id"])
    return ok({"user": {**_user_view(request, user), "active": False}})


async def search_export(request: Request) -> Response:
    """``GET /api/v2/search/export?query=&filter[type]=ticket``: cursor pages only
    (``page[size]`` ≤ 1000, ``links.prev`` always null), no ``count``; ``type:`` in the
    query is refused, the type goes in ``filter[type]``."""
    emu = emulator(request)
    q = request.query_params
    query = q.get("query", "")
    if not query.strip():
        raise BadRequest("query is required", code="InvalidSearchQuery")
    if q.get("filter[type]") != "ticket":
        raise BadRequest("filter[type] must be ticket (the sandbox searches tickets)",
                         code="InvalidSearchQuery", field="filter[type]")
    if re.search(r"(^|\s)type:", query):
        raise BadRequest("the type goes in filter[type], not in the query",
                         code="InvalidSearchQuery")
    try:
        size = int(q.get("page[size]", "100"))
    except ValueError:
        size = 0
    if not 1 <= size <= 1000:
        raise BadRequest("page[size] must be between 1 and 1000",
                         code="InvalidPaginationParameter", field="page[size]")
    rows = search_tickets(emu, query)
    after = q.get("page[after]")
    start = 0
    if after:
        try:
            start = next(i + 1 for i, t in enumerate(rows) if str(t["id"]) == after)
        except StopIteration:
            raise BadRequest("the cursor is not valid", code="InvalidPaginationParameter",
                             field="page[after]") from None
    chunk = rows[start:start + size]
    has_more = start + size < len(rows)
    cursor = str(chunk[-1]["id"]) if chunk else None
    base = request.url.remove_query_params(["page[after]"])
    return ok({
        "results": [{**render(request, t), "result_type": "ticket"} for t in chunk],
        "facets": None,
        "meta": {"has_more": has_more, "after_cursor": cursor, "before_cursor": None},
        "links": {"next": str(base.include_query_params(**{"page[after]": cursor}))
                  if has_more and cursor else None, "prev": None},
    })


SEEDERS = {TICKETS: create_ticket, USERS: create_user}

ROUTES = [
    Route("/api/v2/tickets/show_many", tickets_show_many, methods=["GET"]),
    Route("/api/v2/tickets", tickets_create, methods=["POST"]),
    Route("/api/v2/tickets/{id}", ticket_show, methods=["GET"]),
    Route("/api/v2/tickets/{id}", ticket_update, methods=["PUT"]),
    Route("/api/v2/tickets/{id}/tags", ticket_tags, methods=["GET", "PUT", "POST", "DELETE"]),
    Route("/api/v2/tickets/{id}/comments", ticket_comments, methods=["GET"]),
    Route("/api/v2/requests/{id}", request_update, methods=["PUT"]),
    Route("/api/v2/incremental/tickets/cursor", incremental_cursor, methods=["GET"]),
    Route("/api/v2/search", search, methods=["GET"]),
    Route("/api/v2/users", users_create, methods=["POST"]),
    Route("/api/v2/users/show_many", users_show_many, methods=["GET"]),  # before {id}
    Route("/api/v2/users/{id}", user_show, methods=["GET"]),
    Route("/api/v2/tickets/{id}", ticket_delete, methods=["DELETE"]),
    Route("/api/v2/users/{id}", user_delete, methods=["DELETE"]),
    Route("/api/v2/search/export", search_export, methods=["GET"]),
]
