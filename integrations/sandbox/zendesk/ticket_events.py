"""The time-based incremental ticket event export, as ``deskops suggest`` reads comments.

    GET /api/v2/incremental/ticket_events.json?start_time=…[&include=comment_events]

Every update of a ticket is one event (``event_type: "Audit"``) with its ``child_events``:
the creation (``Create`` children and the first comment), each later comment, and the
solve (a ``Change`` of ``status``). Events are derived from the stored tickets and comments,
so whatever a test or the history generator stored is in the stream.

As documented: ``start_time`` is required and at least a minute old; a page holds up to
1,000 events in time order, then the rest of that page's last second (the stream never
splits a second), ``end_time`` is its last event's time and ``next_page`` asks again from
there — so a second's events can come again on the next page and readers drop repeated
``id``s; ``end_of_stream`` is true once a page held fewer than 1,000. Without the
``comment_events`` sideload a comment is told only by ``comment_present``/``comment_public``.
The export's limit (10 requests a minute) is the app's ``incremental-exports`` rule.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from integrations.sandbox.core.errors import BadRequest
from integrations.sandbox.core.http import emulator
from integrations.sandbox.core.store import Record
from integrations.sandbox.zendesk.common import ok
from integrations.sandbox.zendesk.tickets import COMMENTS, TICKETS

__all__ = ["ROUTES"]

#: Events per page (then the rest of the last page's second).
PAGE = 1000


def _unix(stamp: str) -> int:
    return int(datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp())


def _comment(cid: int, c: Record, sideload: bool) -> dict[str, Any]:
    if not sideload:
        return {"id": cid, "comment_present": True, "comment_public": bool(c.get("public"))}
    return {"id": cid, "event_type": "Comment", "type": "Comment",
            "author_id": c["author_id"], "body": c["body"], "html_body": c.get("html_body"),
            "public": bool(c.get("public")), "attachments": [], "audit_id": cid // 10,
            "via": {"channel": "email", "source": {"from": {}, "to": {}, "rel": None}},
            "via_reference_id": None, "created_at": c["created_at"]}


def _events(t: Record, comments: list[Record], sideload: bool) -> list[dict[str, Any]]:
    """The ticket's updates, oldest first (ids stable from call to call)."""
    base = int(t["id"]) * 1000
    out: list[dict[str, Any]] = []

    def event(n: int, stamp: str, updater: Any, children: list[dict[str, Any]]) -> None:
        out.append({"id": base + n, "ticket_id": t["id"], "timestamp": _unix(stamp),
                    "created_at": stamp, "updater_id": updater,
                    "via": {"channel": "email", "source": {"from": {}, "to": {}, "rel": None}},
                    "system": {}, "metadata": {}, "event_type": "Audit",
                    "merged_ticket_ids": [], "child_events": children})

    first, later = (comments[0], comments[1:]) if comments else (None, [])
    create = [{"id": (base + 1) * 10 + 1, "event_type": "Create", "type": "Create",
               "field_name": "subject", "value": t.get("subject")},
              {"id": (base + 1) * 10 + 2, "event_type": "Create", "type": "Create",
               "field_name": "status", "value": "new"}]
    if first is not None:
        create.append(_comment((base + 1) * 10 + 3, first, sideload))
    event(1, str(t["created_at"]), t.get("requester_id"), create)
    for n, c in enumerate(later, start=2):
        event(n, str(c["created_at"]), c["author_id"], [_comment((base + n) * 10 + 1, c,
                                                                 sideload)])
    if t.get("status") in ("solved", "closed") and str(t["updated_at"]) > out[-1]["created_at"]:
        n = len(later) + 2
        event(n, str(t["updated_at"]), None,
              [{"id": (base + n) * 10 + 1, "event_type": "Change", "type": "Change",
                "field_name": "status", "value": t["status"], "previous_value": "open"}])
    return out


async def ticket_events(request: Request) -> Response:
    """``start_time`` (Unix seconds, at least a minute old), ``include=comment_events``."""
    emu = emulator(request)
    q = request.query_params
    try:
        start = int(q["start_time"])
    except (KeyError, ValueError):
        raise BadRequest("start_time must be a Unix time in seconds",
                         code="InvalidValue") from None
    if start > emu.clock.now() - 60:
        raise BadRequest("Too recent start_time. Use a start_time older than one minute",
                         code="InvalidValue")
    sideload = "comment_events" in (q.get("include") or "").split(",")
    by_ticket: dict[int, list[Record]] = {}
    for c in sorted(emu.store.all(COMMENTS), key=lambda c: (str(c["created_at"]), int(c["id"]))):
        by_ticket.setdefault(int(c["ticket_id"]), []).append(c)
    stream = sorted((e for t in emu.store.all(TICKETS)
                     for e in _events(t, by_ticket.get(int(t["id"]), []), sideload)
                     if e["timestamp"] >= start),
                    key=lambda e: (e["timestamp"], e["id"]))
    page = stream[:PAGE]
    if len(stream) > PAGE:  # never split a second between pages
        last = page[-1]["timestamp"]
        page += [e for e in stream[PAGE:] if e["timestamp"] == last]
    end = page[-1]["timestamp"] if page else start
    base = request.url.remove_query_params(["start_time"])
    return ok({"ticket_events": page, "count": len(page), "end_time": end,
               "end_of_stream": len(page) < PAGE,
               "next_page": str(base.include_query_params(start_time=end))})


ROUTES = [Route("/api/v2/incremental/ticket_events", ticket_events, methods=["GET"])]
