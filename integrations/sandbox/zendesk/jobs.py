"""Zendesk background jobs: ``update_many`` on tickets and the job statuses that report it.

    PUT /api/v2/tickets/update_many.json?ids=1,2   {"ticket": {...}}: one change, many tickets
    PUT /api/v2/tickets/update_many.json           {"tickets": [{"id": 1, ...}, ...]}
    GET /api/v2/job_statuses.json                  recent jobs, newest first
    GET /api/v2/job_statuses/{id}.json             one job
    GET /api/v2/job_statuses/show_many.json?ids=a,b

``update_many`` answers at once with a ``job_status`` (``queued``); the job moves to
``working`` and then ``completed`` one stage per poll of its status, or every `STEP_SECONDS`
of the sandbox clock, whichever comes first (tests freeze the clock and poll). Handlers
run on the server's one event loop, so a job never completes twice. The updates
are applied when the job completes, each through `tickets.update_ticket` (so the triggers
run, ``safe_update`` and closed tickets are refused per ticket), and each counts against the
per-ticket update limit of ``app.LIMITS`` (30 per ticket per 10 minutes), shared with
direct ``PUT /tickets/{id}`` calls: a ticket over its limit gets a ``Failed`` result and is
left unchanged. ``results`` follows Zendesk: ``{"id", "action": "update", "success": true,
"status": "Updated"}``, or ``success: false``, ``status: "Failed"`` with ``error`` and
``details``.

At most `MAX_ACTIVE_JOBS` jobs may be queued or working per account; one more is refused
with 429, ``Retry-After`` and ``{"error": "TooManyJobs", ...}`` (the job limit of Zendesk's
rate-limits page). At most 100 tickets per call (400 past that).
"""

from __future__ import annotations

import math
import uuid
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.core.errors import ApiError, BadRequest, Invalid, NotFound
from integrations.sandbox.core.http import emulator, read_json
from integrations.sandbox.core.paging import zendesk_page
from integrations.sandbox.core.ratelimit import Rule
from integrations.sandbox.core.store import Record
from integrations.sandbox.zendesk import tickets
from integrations.sandbox.zendesk.common import api_url, ok

__all__ = ["JOBS", "MAX_ACTIVE_JOBS", "MAX_TICKETS", "ROUTES", "SEEDERS", "STEP_SECONDS",
           "TooManyJobs", "refresh_jobs"]

JOBS = "job_statuses"
#: Queued or working jobs allowed per account (Zendesk's job limit).
MAX_ACTIVE_JOBS = 30
#: Tickets per ``update_many`` call.
MAX_TICKETS = 100
#: Sandbox-clock seconds per stage (queued → working → completed) when nobody polls.
STEP_SECONDS = 2.0
_STAGES = ("queued", "working", "completed")
#: The account slot of `RateLimiter.check` for job updates: never the limiting bucket (only
#: the per-ticket rule of ``app.LIMITS`` is meant to apply to a job's updates).
_UNLIMITED = Rule("update-many-jobs", 10**9)


class TooManyJobs(ApiError):
    """More than `MAX_ACTIVE_JOBS` queued or working jobs (rendered as ``TooManyJobs``)."""

    status = 429

    def __init__(self, retry_after: str) -> None:
        super().__init__(f"Number of allowed queued or running jobs ({MAX_ACTIVE_JOBS}) "
                         "exceeded; retry when a job has completed",
                         headers={"Retry-After": retry_after})


def _ticket_ids(raw: str) -> list[int]:
    try:
        return [int(x) for x in raw.split(",") if x.strip()]
    except ValueError:
        raise BadRequest("ids must be a comma-separated list of integers") from None


def _tasks(request: Request, body: dict[str, Any]) -> list[dict[str, Any]]:
    """One ``{"id", ...changes}`` per ticket, from either documented request form."""
    ids_param = request.query_params.get("ids")
    if ids_param is not None:
        change = body.get("ticket")
        if not isinstance(change, dict):
            raise BadRequest('with ?ids=, the body must be {"ticket": {...}}',
                             code="invalid_json", field="ticket")
        ids = _ticket_ids(ids_param)
        tasks = [{**change, "id": i} for i in ids]
    else:
        rows = body.get("tickets")
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise BadRequest('the body must be {"tickets": [{"id": ...}, ...]} or '
                             '{"ticket": {...}} with ?ids=', code="invalid_json",
                             field="tickets")
        missing = [i for i, r in enumerate(rows) if not isinstance(r.get("id"), int)]
        if missing:
            raise Invalid.one("id", f"Id: tickets[{missing[0]}] has no integer id",
                              "InvalidValue")
        tasks = [dict(r) for r in rows]
    if not tasks:
        raise BadRequest("no ticket to update", code="InvalidValue")
    if len(tasks) > MAX_TICKETS:
        raise BadRequest(f"at most {MAX_TICKETS} tickets per update_many call",
                         code="TooManyValues")
    return tasks


def _run_task(emu: Emulator, task: dict[str, Any]) -> dict[str, Any]:
    ticket_id = int(task["id"])
    result: dict[str, Any] = {"id": ticket_id, "action": "update"}
    if emu.store.get(tickets.TICKETS, ticket_id) is None:
        return {**result, "success": False, "status": "Failed", "error": "TicketNotFound",
                "details": f"Ticket {ticket_id} not found"}
    rules = [r for r in emu.spec.endpoint_limits if r.per_path]
    decision = emu.limiter.check(_UNLIMITED, rules, emu.plan.name, "PUT",
                                 f"/api/v2/tickets/{ticket_id}")
    if not decision.allowed:
        return {**result, "success": False, "status": "Failed", "error": "TooManyRequests",
                "details": f"Ticket {ticket_id} was updated too often; retry in "
                           f"{math.ceil(decision.retry_after)} seconds"}
    change = {k: v for k, v in task.items() if k != "id"}
    try:
        tickets.update_ticket(emu, ticket_id, change)
    except ApiError as exc:
        return {**result, "success": False, "status": "Failed",
                "error": type(exc).__name__, "details": exc.message}
    return {**result, "success": True, "status": "Updated"}


def _advance(emu: Emulator, job: Record, *, polled: bool) -> Record:
    """Move ``job`` to the stage its polls and the sandbox clock have reached; the updates
    run once, on reaching ``completed``."""
    if job["status"] == "completed":
        return job
    if polled:
        job["polls"] = int(job["polls"]) + 1
    by_clock = math.floor(max(emu.clock.now() - float(job["queued_at"]), 0.0) / STEP_SECONDS)
    stage = min(len(_STAGES) - 1, int(job["polls"]) + by_clock)
    if _STAGES[stage] == job["status"] and not polled:
        return job
    if _STAGES[stage] == "completed":
        results = [_run_task(emu, t) for t in job["tasks"]]
        job.update(status="completed", progress=len(results), results=results,
                   message=f"Completed at {emu.clock.iso()}")
    else:
        job["status"] = _STAGES[stage]
    return emu.store.put(JOBS, job)


def refresh_jobs(emu: Emulator) -> list[Record]:
    """Every job, advanced on the sandbox clock (no poll counted)."""
    return [_advance(emu, j, polled=False) for j in emu.store.all(JOBS)]


def _view(request: Request, job: Record) -> dict[str, Any]:
    done = job["status"] == "completed"
    return {"id": job["token"], "url": api_url(request, f"/api/v2/job_statuses/{job['token']}"),
            "job_type": "bulk_update", "total": len(job["tasks"]),
            "progress": job["progress"] if done else (0 if job["status"] == "working" else None),
            "status": job["status"], "message": job.get("message"),
            "results": job["results"] if done else None}


def _find(emu: Emulator, token: str) -> Record | None:
    return next((j for j in emu.store.all(JOBS) if j["token"] == token), None)


async def update_many(request: Request) -> Response:
    emu = emulator(request)
    tasks = _tasks(request, await read_json(request))
    active = [j for j in refresh_jobs(emu) if j["status"] != "completed"]
    if len(active) >= MAX_ACTIVE_JOBS:
        oldest = min(float(j["queued_at"]) for j in active)
        wait = max(oldest + STEP_SECONDS * (len(_STAGES) - 1) - emu.clock.now(), 1.0)
        raise TooManyJobs(emu.retry_after(wait))
    job = emu.store.insert(JOBS, {
        "token": uuid.uuid4().hex, "status": "queued", "tasks": tasks, "polls": 0,
        "queued_at": emu.clock.now(), "progress": None, "results": None, "message": None,
    })
    return ok({"job_status": _view(request, job)})


async def job_show(request: Request) -> Response:
    emu = emulator(request)
    job = _find(emu, str(request.path_params["job_id"]))
    if job is None:
        raise NotFound()
    job = _advance(emu, job, polled=True)
    return ok({"job_status": _view(request, job)})


async def jobs_show_many(request: Request) -> Response:
    emu = emulator(request)
    tokens = [t.strip() for t in request.query_params.get("ids", "").split(",") if t.strip()]
    if not tokens:
        raise BadRequest("ids is required: a comma-separated list of job status ids")
    out = []
    for token in tokens[:100]:
        job = _find(emu, token)
        if job is not None:
            out.append(_view(request, _advance(emu, job, polled=True)))
    return ok({"job_statuses": out})


async def jobs_list(request: Request) -> Response:
    emu = emulator(request)
    rows = refresh_jobs(emu)  # cursor pages (``page[size]``), as documented; newest first
    return ok(zendesk_page(request, rows, "job_statuses", lambda j: _view(request, j),
                           order=lambda j: -int(j["id"])))


SEEDERS: dict[str, Any] = {}

ROUTES = [
    Route("/api/v2/tickets/update_many", update_many, methods=["PUT"]),
    Route("/api/v2/job_statuses", jobs_list, methods=["GET"]),
    Route("/api/v2/job_statuses/show_many", jobs_show_many, methods=["GET"]),
    Route("/api/v2/job_statuses/{job_id}", job_show, methods=["GET"]),
]
