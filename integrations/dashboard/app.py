"""The dashboard: a read-only Starlette app over the event store, server-rendered, no script.

Routes (every one but the sign-in page needs the token, see `integrations.dashboard.auth`)::

    GET  /login, POST /login        sign in with the token (sets a session cookie)
    GET  /?since=7d                 the report's figures (same page as ``report --html``)
    GET  /tickets/{id}              a ticket's stored audits and event history
    GET  /dead                      dead letters, each with a re-queue button
    POST /events/{id}/requeue       the one write: a dead event back to the queue (CSRF)

Pages hold ids, times, decisions, item keys and languages — what the store holds — and
never requester text. Every answer carries a strict Content-Security-Policy (no script, no
external request) and ``Cache-Control: no-store``.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from integrations.dashboard.auth import COOKIE, SESSION_SECONDS, Credentials
from integrations.events import EventQueue, EventRecord, EventStore, QueueUnavailable
from integrations.report import build, parse_audit
from integrations.report.figures import DeadLetter
from integrations.report.render import environment

__all__ = ["DashboardConfig", "create_dashboard", "parse_window"]

HEADERS = {
    "Content-Security-Policy": ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                                "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    "X-Content-Type-Options": "nosniff",
    # same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on POST
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}
_UNITS = {"m": 60, "h": 3600, "d": 86400}
MAX_FORM_BYTES = 4096


@dataclass
class DashboardConfig:
    """Everything the dashboard needs; `create_dashboard` builds the app around it."""

    store: EventStore
    queue: EventQueue | None
    credentials: Credentials
    title: str = "deskops"
    clock: Callable[[], float] = field(default=time.time)


def parse_window(text: str | None, default: str = "7d") -> tuple[str, float]:
    """``?since=`` as (text, seconds): ``30m``, ``12h``, ``7d`` up to 366 days; else default."""
    for raw in ((text or "").strip().lower(), default):
        number, unit = raw[:-1], raw[-1:]
        if unit in _UNITS and number.isdigit() \
                and 0 < int(number) * _UNITS[unit] <= 366 * 86400:
            return raw, float(int(number) * _UNITS[unit])
    raise ValueError(f"default window {default!r} is not like 7d")


def _update_text(update: dict[str, Any]) -> str:
    parts = []
    if update.get("add_tags"):
        parts.append("tags +" + " +".join(map(str, update["add_tags"])))
    if update.get("remove_tags"):
        parts.append("tags -" + " -".join(map(str, update["remove_tags"])))
    for name in ("status", "group_id", "priority", "type"):
        if update.get(name) is not None:
            parts.append(f"{name} {update[name]}")
    if update.get("fields"):
        parts.append("fields " + ", ".join(map(str, update["fields"])))
    comment = update.get("comment")
    if comment:
        parts.append(f"{comment.get('template')} comment ({comment.get('locale')})")
    return "; ".join(parts)


def create_dashboard(config: DashboardConfig) -> Starlette:
    """The dashboard app for ``config`` (served by ``deskops serve --dashboard``)."""
    templates = environment()
    creds = config.credentials

    def page(name: str, request: Request, status: int = 200, **values: Any) -> Response:
        root = request.scope.get("root_path", "").rstrip("/") + "/"
        html = templates.get_template(name).render(
            **{"title": config.title, "dashboard": True, "root": root, "csrf": None,
               **values})
        return HTMLResponse(html, status_code=status, headers=HEADERS)

    def session(request: Request) -> str | None:
        """The caller's session nonce (``header`` for header credentials), or None."""
        if creds.header_ok(request.headers.get("authorization")):
            return "header"
        return creds.session_nonce(request.cookies.get(COOKIE), config.clock())

    def refused(request: Request) -> Response:
        return page("login.html", request, 401, failed=False) if request.method == "GET" \
            else Response("sign in first\n", 401, headers=HEADERS)

    def same_origin(request: Request) -> bool:
        origin = request.headers.get("origin")
        if origin is None or origin == "null":
            return origin is None
        parts = urlsplit(origin)
        return f"{parts.scheme}://{parts.netloc}" == f"{request.url.scheme}://{request.url.netloc}"

    async def small_form(request: Request) -> FormData | None:
        length = request.headers.get("content-length")
        if length is None or not length.isdigit() or int(length) > MAX_FORM_BYTES:
            return None
        return await request.form(max_files=0, max_fields=8)

    async def login(request: Request) -> Response:
        if request.method == "GET":
            return page("login.html", request, failed=False)
        form = await small_form(request)
        if form is None or not same_origin(request) \
                or not creds.token_matches(str(form.get("token") or "")):
            return page("login.html", request, 401, failed=True)
        response = RedirectResponse(request.scope.get("root_path", "").rstrip("/") + "/",
                                    status_code=303, headers=HEADERS)
        response.set_cookie(COOKIE, creds.new_session(config.clock()),
                            max_age=int(SESSION_SECONDS), httponly=True, samesite="strict",
                            secure=request.url.scheme == "https",
                            path=request.scope.get("root_path", "") or "/")
        return response

    async def overview(request: Request) -> Response:
        nonce = session(request)
        if nonce is None:
            return refused(request)
        since_text, span = parse_window(request.query_params.get("since"))
        until = config.clock()
        figures = await run_in_threadpool(build, config.store, until - span, until)
        return page("report.html", request, f=figures, since_text=since_text,
                    csrf=creds.csrf_token(nonce))

    async def ticket(request: Request) -> Response:
        if session(request) is None:
            return refused(request)
        ticket_id = int(request.path_params["ticket_id"])
        records: list[EventRecord] = await run_in_threadpool(
            lambda: config.store.find(ticket_id=ticket_id, limit=500))
        records.reverse()
        audits = []
        for rec in records:
            audit = parse_audit(rec.reason)
            if audit is not None:
                audits.append({"event_id": rec.id, "audit": audit,
                               "changes": _update_text(audit.get("update") or {})})
        return page("ticket.html", request, ticket_id=ticket_id, events=records,
                    audits=audits[::-1])

    async def dead(request: Request) -> Response:
        nonce = session(request)
        if nonce is None:
            return refused(request)
        records = await run_in_threadpool(lambda: config.store.find(status="dead", limit=200))
        letters = [DeadLetter(r.id, r.ticket_id, r.received_at, r.attempts,
                              (r.error or "").splitlines()[0][:200] if r.error else "")
                   for r in records]
        done = request.query_params.get("requeued", "")
        message = f"Event {done} is queued again." if done.isdigit() else None
        return page("dead.html", request, dead=letters, csrf=creds.csrf_token(nonce),
                    message=message)

    async def requeue(request: Request) -> Response:
        nonce = session(request)
        if nonce is None:
            return refused(request)
        form = await small_form(request)
        if form is None or not same_origin(request) \
                or not creds.csrf_ok(nonce, str(form.get("csrf") or "")):
            return Response("refused: missing or wrong CSRF token; reload the page\n", 403,
                            headers=HEADERS)
        event_id = int(request.path_params["event_id"])
        record = await run_in_threadpool(config.store.retry, event_id)
        if record is None:
            return Response(f"event {event_id} is not a dead letter (already re-queued?)\n",
                            409, headers=HEADERS)
        if config.queue is not None:
            # queued in the store either way: `due` re-sends a lost nudge after the grace period
            with contextlib.suppress(QueueUnavailable):
                await run_in_threadpool(config.queue.put, record.id)
        root = request.scope.get("root_path", "").rstrip("/")
        return RedirectResponse(f"{root}/dead?requeued={event_id}", status_code=303,
                                headers=HEADERS)

    async def not_found(request: Request, exc: Exception) -> Response:
        return Response("not found\n", 404, headers=HEADERS)

    routes = [
        Route("/login", login, methods=["GET", "POST"]),
        Route("/", overview, methods=["GET"]),
        Route("/tickets/{ticket_id:int}", ticket, methods=["GET"]),
        Route("/dead", dead, methods=["GET"]),
        Route("/events/{event_id:int}/requeue", requeue, methods=["POST"]),
    ]
    return Starlette(routes=routes, exception_handlers={404: not_found})
