"""Zendesk webhooks, signing secrets, triggers, and signed delivery when a ticket changes.

    GET|POST /api/v2/webhooks                   list (``filter[name_contains]``) / create
    GET|PATCH|PUT|DELETE /api/v2/webhooks/{id}
    GET|POST /api/v2/webhooks/{id}/signing_secret   show / reset (201)
    POST /api/v2/webhooks/test                  call an endpoint once, answer what it said
    GET|POST /api/v2/triggers                   list / create
    GET|PUT|DELETE /api/v2/triggers/{id}
    GET|PUT /_sandbox/webhook_delivery          delivery faults: {"drop": bool, "duplicates": n}

When a ticket is created or changed, every active trigger whose conditions match runs its
``notification_webhook`` action: the body's placeholders are rendered and the webhook's
endpoint is called, signed as Zendesk signs (base64 HMAC-SHA256 of timestamp then body,
written here on its own: the sandbox shares no signer with the receiver). Delivery is done
before the API call returns (deterministic tests), retried up to 3 times on connection
errors, 429 and 5xx with the same invocation id; ``duplicates`` sends each delivery again,
``drop`` loses them all (what Zendesk's circuit breaker does) to exercise the sweep. Every
attempt is logged in collection ``webhook_deliveries``.

Conditions understood: ``update_type`` (Create/Change), ``role`` (end_user/agent: who made
the change), ``current_tags`` (includes/not_includes), ``status`` (is/is_not).

Webhook ids are strings, as in Zendesk (ULID-like, 26 Crockford base32 characters such as
``01GXXXXXXXXXXXXXXXXXXXXXXX``), never integers: a client that casts them to ``int`` fails
here as it would live. They are the ids in paths, in ``X-Zendesk-Webhook-Id`` and in a
trigger's ``notification_webhook`` action, which must name an existing webhook (422 else).
The store keys records by an internal integer that is never shown.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import uuid
from typing import Any

import requests
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.core.errors import Invalid, NotFound
from integrations.sandbox.core.http import emulator, path_id, read_json
from integrations.sandbox.core.paging import zendesk_page
from integrations.sandbox.core.store import Record
from integrations.sandbox.zendesk.common import api_url, blank, invalid, ok

__all__ = ["ROUTES", "SEEDERS", "on_ticket_change"]

HOOKS = "webhooks"
TRIGGERS = "triggers"
DELIVERIES = "webhook_deliveries"
_FAULTS = "webhook_delivery_faults"


_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
#: Who creates and updates webhooks: the API user (``created_by`` is a string id).
_API_USER = "1"
#: Zendesk signs a test call of a webhook not yet created with this documented secret.
_TEST_SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ=="


def _new_hook_id(emu: Emulator) -> str:
    """A ULID-like id: 10 characters of milliseconds on the sandbox clock, 16 random."""
    millis = int(emu.clock.now() * 1000)
    stamp = "".join(_CROCKFORD[(millis >> (5 * i)) & 31] for i in reversed(range(10)))
    return stamp + "".join(secrets.choice(_CROCKFORD) for _ in range(16))


def _find_hook(emu: Emulator, hook_id: Any) -> Record | None:
    """The webhook whose public (string) id is ``hook_id``; an integer never matches."""
    if not isinstance(hook_id, str) or not hook_id:
        return None
    return next((h for h in emu.store.all(HOOKS) if h["webhook_id"] == hook_id), None)


def _hook(emu: Emulator, hook_id: Any) -> Record:
    found = _find_hook(emu, hook_id)
    if found is None:
        raise NotFound()
    return found


def _public(h: Record) -> dict[str, Any]:
    """A webhook as Zendesk shows it: the string id, no secret, no internal key."""
    return {**{k: v for k, v in h.items() if k not in ("secret", "webhook_id")},
            "id": h["webhook_id"]}


def _hook_fields(data: dict[str, Any], current: Record | None = None) -> dict[str, Any]:
    merged = {**(current or {}), **{k: v for k, v in data.items() if k in (
        "name", "endpoint", "http_method", "request_format", "status", "subscriptions",
        "authentication", "description")}}
    errors = []
    if not str(merged.get("name") or "").strip():
        errors.append(blank("name", "Name"))
    if not str(merged.get("endpoint") or "").startswith(("http://", "https://")):
        errors.append(invalid("endpoint", "Endpoint: must be an http(s) URL"))
    if errors:
        raise Invalid(errors)
    merged.setdefault("http_method", "POST")
    merged.setdefault("request_format", "json")
    merged.setdefault("status", "active")
    merged.setdefault("subscriptions", ["conditional_ticket_events"])
    return merged


async def hooks(request: Request) -> Response:
    emu = emulator(request)
    if request.method == "POST":
        data = await read_json(request, wrapper="webhook")
        now = emu.clock.iso()
        hook = emu.store.insert(HOOKS, {**_hook_fields(data), "webhook_id": _new_hook_id(emu),
                                        "secret": secrets.token_urlsafe(32),
                                        "created_at": now, "updated_at": now,
                                        "created_by": _API_USER, "updated_by": _API_USER})
        return ok({"webhook": _public(hook)}, 201)
    wanted = request.query_params.get("filter[name_contains]", "").lower()
    rows = [h for h in emu.store.all(HOOKS) if wanted in str(h["name"]).lower()]
    return ok(zendesk_page(request, rows, "webhooks", _public, cursor_only=True))


async def hook(request: Request) -> Response:
    emu = emulator(request)
    current = _hook(emu, request.path_params.get("id"))
    if request.method == "DELETE":
        emu.store.delete(HOOKS, current["id"])
        return Response(status_code=204)
    if request.method in ("PATCH", "PUT"):
        data = await read_json(request, wrapper="webhook")
        current = emu.store.put(HOOKS, {**_hook_fields(data, current),
                                        "updated_at": emu.clock.iso(),
                                        "updated_by": _API_USER})
        return Response(status_code=204)
    return ok({"webhook": _public(current)})


async def signing_secret(request: Request) -> Response:
    emu = emulator(request)
    current = _hook(emu, request.path_params.get("id"))
    if request.method == "POST":  # a reset answers 201 Created, as Zendesk does
        current["secret"] = secrets.token_urlsafe(32)
        emu.store.put(HOOKS, current)
    return ok({"signing_secret": {"algorithm": "SHA256", "secret": current["secret"]}},
              201 if request.method == "POST" else 200)


async def test_hook(request: Request) -> Response:
    """``POST /api/v2/webhooks/test[?webhook_id=]`` with ``{"request": {endpoint,
    http_method, request_format, headers: [{key, value}], payload}}``: one call to the
    endpoint (an existing webhook's own endpoint and secret when ``webhook_id`` is given),
    answered as ``{"response": {status, headers: [{key, value}], body}}``."""
    emu = emulator(request)
    data = (await read_json(request, required=False)).get("request") or {}
    if not isinstance(data, dict):
        raise Invalid([invalid("request", "Request: must be an object")])
    hook_id = request.query_params.get("webhook_id")
    current = _hook(emu, hook_id) if hook_id else None
    endpoint = str(data.get("endpoint") or (current or {}).get("endpoint") or "")
    if not endpoint.startswith(("http://", "https://")):
        raise Invalid([invalid("endpoint", "Endpoint: must be an http(s) URL")])
    method = str(data.get("http_method") or (current or {}).get("http_method") or "POST")
    payload = data.get("payload")
    body = (payload if isinstance(payload, str) else json.dumps(payload or {})).encode()
    stamp = emu.clock.iso()
    headers = {"Content-Type": "application/json", "User-Agent": "Zendesk Webhook",
               "X-Zendesk-Webhook-Signature-Timestamp": stamp,
               "X-Zendesk-Webhook-Signature": _sign(
                   str(current["secret"]) if current else _TEST_SECRET, stamp, body)}
    if current:
        headers["X-Zendesk-Webhook-Id"] = str(current["webhook_id"])
    for header in data.get("headers") or []:
        if isinstance(header, dict) and header.get("key"):
            headers[str(header["key"])] = str(header.get("value") or "")
    try:
        answer = requests.request(method, endpoint, data=body, headers=headers, timeout=12)
    except requests.RequestException as exc:
        return ok({"response": {"status": 0, "headers": [], "body": type(exc).__name__}})
    return ok({"response": {
        "status": answer.status_code,
        "headers": [{"key": k, "value": v} for k, v in answer.headers.items()],
        "body": answer.text}})


def _trigger_fields(emu: Emulator, data: dict[str, Any],
                    current: Record | None = None) -> dict[str, Any]:
    merged = {**(current or {}), **{k: v for k, v in data.items() if k in (
        "title", "conditions", "actions", "active", "description", "position", "category_id")}}
    errors = []
    if not str(merged.get("title") or "").strip():
        errors.append(blank("title", "Title"))
    actions = merged.get("actions")
    if not isinstance(actions, list) or not actions:
        errors.append(invalid("actions", "Actions: must have at least one action"))
    else:
        for action in actions:
            if isinstance(action, dict) and action.get("field") == "notification_webhook":
                value = action.get("value")
                if not (isinstance(value, list) and len(value) == 2):
                    errors.append(invalid("actions", "notification_webhook value must be "
                                                     "[webhook_id, body]"))
                elif _find_hook(emu, value[0]) is None:
                    errors.append(invalid("actions", f"notification_webhook: no webhook with "
                                                     f"id {value[0]!r} (ids are strings)"))
    conditions = merged.get("conditions") or {}
    if not isinstance(conditions, dict):
        errors.append(invalid("conditions", "Conditions: must be {all: [...], any: [...]}"))
    if errors:
        raise Invalid(errors)
    merged.setdefault("active", True)
    merged["conditions"] = {"all": conditions.get("all") or [], "any": conditions.get("any") or []}
    return merged


def _trigger_view(request: Request, t: Record) -> dict[str, Any]:
    """A trigger as ``TriggerObject`` (``url``, ``raw_title``, ``default`` are read-only)."""
    return {"default": False, "raw_title": t["title"], **t,
            "url": api_url(request, f"/api/v2/triggers/{t['id']}")}


async def triggers(request: Request) -> Response:
    emu = emulator(request)
    if request.method == "POST":
        data = await read_json(request, wrapper="trigger")
        now = emu.clock.iso()
        trig = emu.store.insert(TRIGGERS, {**_trigger_fields(emu, data), "created_at": now,
                                           "updated_at": now})
        return ok({"trigger": _trigger_view(request, trig)}, 201)
    # "Returns a maximum of 100 records per page" (offset or cursor): never all at once.
    rows = emu.store.all(TRIGGERS)
    return ok(zendesk_page(request, rows, "triggers", lambda t: _trigger_view(request, t),
                           unpaginated=False))


async def trigger(request: Request) -> Response:
    emu = emulator(request)
    current = emu.store.get(TRIGGERS, path_id(request))
    if current is None:
        raise NotFound()
    if request.method == "DELETE":
        emu.store.delete(TRIGGERS, current["id"])
        return Response(status_code=204)
    if request.method == "PUT":
        data = await read_json(request, wrapper="trigger")
        current = emu.store.put(TRIGGERS, {**_trigger_fields(emu, data, current),
                                           "updated_at": emu.clock.iso()})
    return ok({"trigger": _trigger_view(request, current)})


async def delivery_faults(request: Request) -> Response:
    emu = emulator(request)
    if request.method == "PUT":
        body = await read_json(request)
        faults = {"drop": bool(body.get("drop", False)),
                  "duplicates": int(body.get("duplicates", 0))}
        emu.store.set_meta(_FAULTS, faults)
    return JSONResponse(emu.store.get_meta(_FAULTS, {"drop": False, "duplicates": 0}))


# -- trigger evaluation and delivery ---------------------------------------------------------

def _matches(cond: dict[str, Any], ticket: Record, *, created: bool, actor: str) -> bool:
    field, op, value = cond.get("field"), cond.get("operator", "is"), cond.get("value")
    if field == "update_type":
        actual: Any = "Create" if created else "Change"
    elif field == "role":
        actual = actor
    elif field == "status":
        actual = ticket.get("status")
    elif field == "current_tags":
        tags = set(ticket.get("tags") or [])
        wanted = set(str(value or "").split())
        hit = bool(tags & wanted)
        return hit if op == "includes" else not hit
    else:
        return False
    return bool(actual == value) if op == "is" else bool(actual != value)


def _render(template: str, ticket: Record) -> str:
    values = {
        "ticket.id": str(ticket["id"]),
        "ticket.updated_at_with_timestamp": str(ticket["updated_at"]),
        "ticket.requester.id": str(ticket.get("requester_id") or ""),
        "ticket.status": str(ticket.get("status") or ""),
    }
    for key, value in values.items():
        template = template.replace("{{" + key + "}}", value)
    return template


def _sign(secret: str, stamp: str, body: bytes) -> str:
    mac = hmac.new(secret.encode("utf-8"), stamp.encode("utf-8") + body, hashlib.sha256)
    return base64.b64encode(mac.digest()).decode("ascii")


def _deliver(emu: Emulator, hook: Record, body: bytes, ticket_id: int) -> None:
    invocation = uuid.uuid4().hex
    for attempt in range(1, 4):
        stamp = emu.clock.iso()
        headers = {
            "Content-Type": "application/json",
            "User-Agent": "Zendesk Webhook",
            "X-Zendesk-Webhook-Id": str(hook["webhook_id"]),
            "X-Zendesk-Webhook-Invocation-Id": invocation,
            "X-Zendesk-Webhook-Signature-Timestamp": stamp,
            "X-Zendesk-Webhook-Signature": _sign(str(hook["secret"]), stamp, body),
        }
        try:
            resp = requests.post(str(hook["endpoint"]), data=body, headers=headers, timeout=12)
            status: int | str = resp.status_code
        except requests.RequestException as exc:
            status = type(exc).__name__
        emu.store.insert(DELIVERIES, {"webhook_id": hook["webhook_id"], "invocation_id": invocation,
                                      "ticket_id": ticket_id, "attempt": attempt,
                                      "status": status, "at": stamp})
        if isinstance(status, int) and status < 500 and status != 429:
            return


def on_ticket_change(emu: Emulator, ticket: Record, *, created: bool, actor: str) -> None:
    """Run the active triggers for one ticket change (``actor``: "agent" or "end_user")."""
    faults = emu.store.get_meta(_FAULTS, {"drop": False, "duplicates": 0})
    for trig in sorted(emu.store.all(TRIGGERS), key=lambda t: int(t["id"])):
        if not trig.get("active", True):
            continue
        conds = trig.get("conditions") or {}
        all_ok = all(_matches(c, ticket, created=created, actor=actor) for c in conds.get("all")
                     or [])
        any_list = conds.get("any") or []
        any_ok = not any_list or any(_matches(c, ticket, created=created, actor=actor)
                                     for c in any_list)
        if not (all_ok and any_ok):
            continue
        for action in trig.get("actions") or []:
            if action.get("field") != "notification_webhook":
                continue
            hook_id, template = action["value"]
            hook = _find_hook(emu, hook_id)
            if hook is None or hook.get("status") != "active":
                continue
            if faults.get("drop"):
                emu.store.insert(DELIVERIES, {"webhook_id": hook["webhook_id"],
                                              "ticket_id": ticket["id"], "status": "dropped",
                                              "at": emu.clock.iso()})
                continue
            body = _render(template if isinstance(template, str) else json.dumps(template),
                           ticket).encode("utf-8")
            for _ in range(1 + int(faults.get("duplicates") or 0)):
                _deliver(emu, hook, body, int(ticket["id"]))


SEEDERS: dict[str, Any] = {}

ROUTES = [
    Route("/api/v2/webhooks", hooks, methods=["GET", "POST"]),
    Route("/api/v2/webhooks/test", test_hook, methods=["POST"]),
    Route("/api/v2/webhooks/{id}", hook, methods=["GET", "PATCH", "PUT", "DELETE"]),
    Route("/api/v2/webhooks/{id}/signing_secret", signing_secret, methods=["GET", "POST"]),
    Route("/api/v2/triggers", triggers, methods=["GET", "POST"]),
    Route("/api/v2/triggers/{id}", trigger, methods=["GET", "PUT", "DELETE"]),
    Route("/_sandbox/webhook_delivery", delivery_faults, methods=["GET", "PUT"]),
]
