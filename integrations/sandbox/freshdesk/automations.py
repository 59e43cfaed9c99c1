"""Freshdesk automation rules, and the webhook their ``trigger_webhook`` action delivers.

    GET|POST /api/v2/automations/{type}/rules           list / create (type 1 ticket creation,
                                                        3 hourly, 4 ticket updates)
    GET|PUT|DELETE /api/v2/automations/{type}/rules/{id}
    GET|PUT /_sandbox/webhook_delivery                  faults: {"drop": bool, "duplicates": n}
    POST /_sandbox/webhook_delivery/run_due             send the retries due on the sandbox clock

When a ticket changes (`tickets.ON_TICKET_CHANGE`), every active rule of the matching type
whose performer, events and conditions match runs its ``trigger_webhook`` actions: the
request is sent to ``url`` with the action's ``custom_headers`` (deskops puts its shared
secret there) and ``auth_header`` (basic auth), the body rendered from ``content``.
Freshdesk signs nothing. Delivery happens before the API call returns (deterministic
tests); a failed attempt (no answer, or a status outside 2xx) is retried at +5, +30 and
+60 minutes after the first one, on the sandbox clock — `run_due` (or the admin route)
sends what is due, so a test advances the clock instead of sleeping; after the last retry
the delivery is dropped, as Freshdesk does. ``duplicates`` sends each delivery again;
``drop`` loses them all (to exercise the sweep). Every attempt is logged in collection
``webhook_deliveries``.

Matching, as far as deskops's rules need it:

* type 1 runs on ``created``; type 4 on ``updated`` and ``requester_replied``; type 3
  (hourly) rules are stored but never run by the sandbox;
* ``performer.type``: 1 agent (``members`` restricts to agent ids), 2 requester, 3 either,
  4 system (never: the sandbox has no system changes);
* ``events`` (any of them; none: any update): ``reply_sent`` (a reply, or the requester's
  incoming note), ``note_type`` (a note), ``ticket_action``/``ticket_update`` (any change),
  or an attribute name in the change, with its ``from``/``to`` (``--`` is "any"; both
  required: an attribute event without them is refused);
* ``conditions``: condition sets of ticket properties (``match_type`` all/any;
  operators is, is_not, in, not_in, contains, does_not_contain), combined with the rule's
  ``operator`` (``OR`` in it: any set; else all);
* the action's ``content`` is an object: ``content_type`` (JSON, XML, X-FORM-URLENCODED)
  and ``content_layout``, as the reference's schema nests them (at the action's top level
  they are refused), and the body ``content``: with layout "2" (advanced) the body
  template (a string, or a JSON object) with ``{{ticket.id}}``-style placeholders (unknown
  ones render empty, as Liquid does); with "1" (simple) a list of placeholder names, sent
  as ``{"freshdesk_webhook": {name: value}}``;
* the rule list pages like every Freshdesk list (``per_page`` 30 by default, at most 100;
  ``Link: <next>; rel="next"``); ``meta.count`` is the total.
"""

from __future__ import annotations

import base64
import json
import re
from typing import Any

import requests
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.core.errors import NotFound
from integrations.sandbox.core.http import emulator, path_id, read_json
from integrations.sandbox.core.paging import freshdesk_page
from integrations.sandbox.core.store import Record
from integrations.sandbox.freshdesk import tickets
from integrations.sandbox.freshdesk.common import check_attrs, err, ok, raise_if

__all__ = ["RETRY_MINUTES", "ROUTES", "SEEDERS", "on_ticket_change", "run_due"]

RULES = "automation_rules"
DELIVERIES = "webhook_deliveries"
RETRIES = "webhook_retries"
_FAULTS = "webhook_delivery_faults"
TYPES = (1, 3, 4)
#: Freshdesk retries a failed webhook this many minutes after the first attempt, then drops it.
RETRY_MINUTES = (5, 30, 60)
TIMEOUT_SECONDS = 10.0

_RULE_ATTRS: dict[str, type | tuple[type, ...]] = {
    "name": str, "description": (str, type(None)), "position": int, "active": bool,
    "performer": dict, "events": list, "conditions": list, "operator": (str, type(None)),
    "actions": list,
}
_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
_CONTENT_TYPES = ("JSON", "XML", "X-FORM-URLENCODED")
_PLACEHOLDER = re.compile(r"\{\{\s*([a-zA-Z0-9_.]+)\s*\}\}")
_STATUS_NAMES = {2: "Open", 3: "Pending", 4: "Resolved", 5: "Closed"}
_PRIORITY_NAMES = {1: "Low", 2: "Medium", 3: "High", 4: "Urgent"}


# --------------------------------------------------------------------------- rules API


def _automation_type(request: Request) -> int:
    kind = path_id(request, "type")
    if kind not in TYPES:
        raise NotFound()
    return kind


def _check_action(action: Any, index: int) -> list[Any]:
    where = f"actions[{index}]"
    if not isinstance(action, dict) or not isinstance(action.get("field_name"), str):
        return [err(where, "It should be an object with a field_name", "invalid_value")]
    if action["field_name"] != "trigger_webhook":
        return []
    errors = []
    if str(action.get("request_type", "")).upper() not in _METHODS:
        errors.append(err(f"{where}.request_type", "It should be one of these values: '"
                          + ",".join(_METHODS) + "'", "invalid_value"))
    if not str(action.get("url") or "").startswith(("http://", "https://")):
        errors.append(err(f"{where}.url", "It should be a valid URL", "invalid_value"))
    # The reference's schema nests the encoding and the layout in ``content``; at the top
    # level of the action they are unexpected fields.
    errors += [err(f"{where}.{key}", "Unexpected/invalid field in request", "invalid_field")
               for key in ("content_type", "content_layout") if key in action]
    box = action.get("content")
    if not isinstance(box, dict):
        return [*errors, err(f"{where}.content", "It should be a key/value pair with "
                             "content_type and content_layout", "datatype_mismatch")]
    content_type = str(box.get("content_type") or "").upper()
    if content_type not in _CONTENT_TYPES:
        errors.append(err(f"{where}.content.content_type", "It should be one of these "
                          "values: '" + ",".join(_CONTENT_TYPES) + "'", "invalid_value"))
    layout = str(box.get("content_layout") or "")
    content = box.get("content")
    if layout not in ("1", "2"):
        errors.append(err(f"{where}.content_layout", "It should be one of these values: "
                          "'1,2'", "invalid_value"))
    elif layout == "1" and not (isinstance(content, list)
                                and all(isinstance(c, str) for c in content)):
        errors.append(err(f"{where}.content", "It should be a list of placeholder names",
                          "datatype_mismatch"))
    elif layout == "2" and content is not None and not isinstance(content, str | dict):
        errors.append(err(f"{where}.content", "It should be a String or a key/value pair",
                          "datatype_mismatch"))
    for key in ("custom_headers", "auth_header"):
        if key in action and not isinstance(action[key], dict):
            errors.append(err(f"{where}.{key}", "It should be a key/value pair",
                              "datatype_mismatch"))
    return errors


#: Ticket dropdowns: conditions on them take ``in`` / ``not_in`` and a list of values ("for
#: all the other dropdown fields the supported operators are in and not_in"; the documented
#: sample: ``"operator": "in", "value": [""]``); ``is`` / ``is_not`` are for dependent fields.
_DROPDOWNS = frozenset({"status", "priority", "source", "ticket_type", "group_id",
                        "responder_id", "product_id"})


def _check_conditions(conditions: Any) -> list[Any]:
    errors = []
    for i, cset in enumerate(conditions if isinstance(conditions, list) else []):
        props = cset.get("properties") if isinstance(cset, dict) else None
        for j, prop in enumerate(props if isinstance(props, list) else []):
            if not isinstance(prop, dict) or prop.get("field_name") not in _DROPDOWNS:
                continue
            where = f"conditions[{i}].properties[{j}]"
            if prop.get("operator") not in ("in", "not_in"):
                errors.append(err(f"{where}.operator", "It should be one of these values: "
                                  "'in,not_in'", "invalid_value"))
            if not isinstance(prop.get("value"), list):
                errors.append(err(f"{where}.value", "It should be an Array",
                                  "datatype_mismatch"))
    return errors


#: Events that change no value (a reply, a note, any update): ``from``/``to`` do not apply.
_NO_VALUE_EVENTS = frozenset({"reply_sent", "note_type", "ticket_action", "ticket_update"})


def _check_events(events: Any) -> list[Any]:
    """An event on an attribute names its ``from`` and ``to`` ("Value of the field before
    / after the event"; the sample: ``"from": "--"`` for any); value-less events need none."""
    errors = []
    for i, event in enumerate(events if isinstance(events, list) else []):
        where = f"events[{i}]"
        if not isinstance(event, dict) or not isinstance(event.get("field_name"), str):
            errors.append(err(where, "It should be an object with a field_name",
                              "invalid_value"))
        elif event["field_name"] not in _NO_VALUE_EVENTS:
            errors += [err(f"{where}.{key}", "It should not be blank as this is a mandatory "
                           "field", "missing_field") for key in ("from", "to")
                       if key not in event]
    return errors


def _rule_fields(kind: int, data: dict[str, Any], current: Record | None = None) -> Record:
    errors = check_attrs(data, _RULE_ATTRS, required=() if current else
                         ("name", "conditions", "actions"))
    if kind != 4:
        errors += [err(k, "Applicable only if automation_type_id is 4", "invalid_field")
                   for k in ("performer", "events") if k in data]
    merged = {**(current or {}), **{k: v for k, v in data.items() if k in _RULE_ATTRS}}
    if "name" in data and not str(data.get("name") or "").strip():
        errors.append(err("name", "It should not be blank as this is a mandatory field",
                          "invalid_value"))
    if "conditions" in data:
        errors += _check_conditions(data["conditions"])
    if "events" in data and kind == 4:
        errors += _check_events(data["events"])
    if isinstance(merged.get("actions"), list):
        if not merged["actions"]:
            errors.append(err("actions", "It should not be blank", "invalid_value"))
        for i, action in enumerate(merged["actions"]):
            errors += _check_action(action, i)
    raise_if(errors)
    merged.setdefault("active", True)
    merged["automation_type_id"] = kind
    return merged


def _rules(emu: Emulator, kind: int | None = None) -> list[Record]:
    """Rules by position (the order Freshdesk runs them in), of one type or all."""
    rows = emu.store.all(RULES)
    return sorted((r for r in rows if kind is None or r["automation_type_id"] == kind),
                  key=lambda r: (int(r.get("position") or 0), int(r["id"])))


def _view(rule: Record) -> dict[str, Any]:
    return {**rule, "outdated": False, "last_updated_by": 1, "affected_tickets_count": None,
            "summary": {}}


async def rules(request: Request) -> Response:
    emu = emulator(request)
    kind = _automation_type(request)
    if request.method == "POST":
        data = await read_json(request)
        fields = _rule_fields(kind, data)
        fields.setdefault("position", 1 + len(_rules(emu, kind)))
        now = emu.clock.iso()
        rule = emu.store.insert(RULES, {**fields, "created_at": now, "updated_at": now})
        return ok(_view(rule), 201)
    rows = _rules(emu, kind)
    page, headers = freshdesk_page(request, rows)  # 30 a page, Link: rel="next"
    return ok({"rules": [_view(r) for r in page],
               "meta": {"count": len(rows), "cascading_rules": True}}, headers=headers)


async def rule(request: Request) -> Response:
    emu = emulator(request)
    kind = _automation_type(request)
    current = emu.store.get(RULES, path_id(request))
    if current is None or current.get("automation_type_id") != kind:
        raise NotFound()
    if request.method == "DELETE":
        emu.store.delete(RULES, current["id"])
        return Response(status_code=204)
    if request.method == "PUT":
        data = await read_json(request)
        current = emu.store.put(RULES, {**_rule_fields(kind, data, current),
                                        "updated_at": emu.clock.iso()})
    return ok(_view(current))


async def delivery_faults(request: Request) -> Response:
    emu = emulator(request)
    if request.method == "PUT":
        body = await read_json(request)
        emu.store.set_meta(_FAULTS, {"drop": bool(body.get("drop", False)),
                                     "duplicates": int(body.get("duplicates", 0))})
    return JSONResponse(_faults(emu))


async def deliver_due(request: Request) -> Response:
    emu = emulator(request)
    return JSONResponse({"delivered": run_due(emu)})


def _faults(emu: Emulator) -> dict[str, Any]:
    found: dict[str, Any] = emu.store.get_meta(_FAULTS, {"drop": False, "duplicates": 0})
    return found


# --------------------------------------------------------------------------- matching


def _performer_ok(rule: Record, ticket: Record) -> bool:
    performer = rule.get("performer") or {}
    try:
        wanted = int(performer.get("type", 3))
    except (TypeError, ValueError):
        return False
    who = ticket.get("_performer", "agent")
    if wanted == 1:
        members = [int(m) for m in performer.get("members") or [] if str(m).isdigit()]
        return who == "agent" and (not members or 1 in members)  # agent:1 is the API key
    if wanted == 2:
        return bool(who == "requester")
    if wanted == 3:
        return who in ("agent", "requester")
    return False


def _same(expected: Any, actual: Any) -> bool:
    if expected in (None, "--", "", "any"):
        return True
    return str(expected).lower() == str(actual).lower()


def _event_ok(event: dict[str, Any], changes: dict[str, Any]) -> bool:
    name = event.get("field_name")
    conversation = changes.get("conversation")
    if name == "reply_sent":
        return conversation == "reply" or (conversation == "note"
                                           and changes.get("_by") == "requester")
    if name == "note_type":
        return conversation == "note" and changes.get("_by") != "requester"
    if name in ("ticket_action", "ticket_update"):
        return True
    if name not in changes or not isinstance(changes[name], list):
        return False
    old, new = changes[name]
    return _same(event.get("from"), old) and _same(event.get("to"), new)


def _events_ok(rule: Record, ticket: Record) -> bool:
    events = [e for e in rule.get("events") or [] if isinstance(e, dict)]
    changes = {**(ticket.get("_changes") or {}), "_by": ticket.get("_performer")}
    return not events or any(_event_ok(e, changes) for e in events)


def _ticket_value(ticket: Record, field: str) -> Any:
    if field in ("tag", "tags"):
        return [str(t).lower() for t in ticket.get("tags") or []]
    if field in (ticket.get("custom_fields") or {}):
        return ticket["custom_fields"][field]
    if field == "ticket_type":
        return ticket.get("type")
    return ticket.get(field)


def _property_ok(prop: dict[str, Any], ticket: Record) -> bool:
    if str(prop.get("resource_type") or "ticket").lower() not in ("ticket", "tickets"):
        return False  # contacts, companies, custom objects: not emulated
    actual = _ticket_value(ticket, str(prop.get("field_name") or ""))
    op = str(prop.get("operator") or "is")
    value = prop.get("value")
    values = value if isinstance(value, list) else [value]
    if isinstance(actual, list):
        hit = any(str(v).lower() in actual for v in values)
        return hit if op in ("is", "in", "contains") else not hit
    text = "" if actual is None else str(actual).lower()
    if op in ("contains", "does_not_contain"):
        hit = any(str(v).lower() in text for v in values)
        return hit if op == "contains" else not hit
    hit = any(str(v).lower() == text or (v in ("", None) and actual in ("", None))
              for v in values)
    if op in ("is", "in"):
        return hit
    if op in ("is_not", "not_in"):
        return not hit
    return False


def _conditions_ok(rule: Record, ticket: Record) -> bool:
    sets = [c for c in rule.get("conditions") or [] if isinstance(c, dict)]
    results = []
    for cset in sets:
        props = [p for p in cset.get("properties") or [] if isinstance(p, dict)]
        checks = [_property_ok(p, ticket) for p in props]
        if not checks:
            results.append(True)
        elif str(cset.get("match_type") or "all").lower() == "any":
            results.append(any(checks))
        else:
            results.append(all(checks))
    if not results:
        return True
    return any(results) if "OR" in str(rule.get("operator") or "").upper() else all(results)


def _matches(rule: Record, ticket: Record, event: str) -> bool:
    if not rule.get("active", True):
        return False
    kind = rule.get("automation_type_id")
    if kind == 1:
        return event == "created" and _conditions_ok(rule, ticket)
    if kind == 4:
        return (event in ("updated", "requester_replied") and _performer_ok(rule, ticket)
                and _events_ok(rule, ticket) and _conditions_ok(rule, ticket))
    return False


# --------------------------------------------------------------------------- delivery


def _placeholders(ticket: Record, event: str) -> dict[str, str]:
    status, priority = ticket.get("status"), ticket.get("priority")
    return {
        "ticket.id": str(ticket["id"]),
        "ticket.subject": str(ticket.get("subject") or ""),
        "ticket.status": _STATUS_NAMES.get(int(status or 2), str(status)),
        "ticket.priority": _PRIORITY_NAMES.get(int(priority or 1), str(priority)),
        "ticket.ticket_type": str(ticket.get("type") or ""),
        "ticket.tags": ",".join(ticket.get("tags") or []),
        "ticket.requester.id": str(ticket.get("requester_id") or ""),
        "ticket.group.id": str(ticket.get("group_id") or ""),
        "triggered_event": event,
    }


def _render(action: dict[str, Any], ticket: Record, event: str) -> bytes:
    values = _placeholders(ticket, event)
    box = action.get("content") or {}
    content = box.get("content")
    if str(box.get("content_layout")) == "1":
        simple = {name: values.get(name.replace("ticket_", "ticket.", 1), "")
                  for name in content or []}
        return json.dumps({"freshdesk_webhook": simple}).encode("utf-8")
    template = json.dumps(content) if isinstance(content, dict) else str(content or "")
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), ""), template).encode("utf-8")


def _headers(action: dict[str, Any]) -> dict[str, str]:
    content_type = str((action.get("content") or {}).get("content_type") or "JSON").upper()
    headers = {"Content-Type": {"JSON": "application/json", "XML": "application/xml"}.get(
        content_type, "application/x-www-form-urlencoded"), "User-Agent": "Freshdesk"}
    for name, value in (action.get("custom_headers") or {}).items():
        headers[str(name)] = str(value)
    auth = action.get("auth_header") or {}
    user = auth.get("username") or auth.get("api_key") or action.get("api_key")
    if user:
        password = auth.get("password") if auth.get("username") else "X"
        token = base64.b64encode(f"{user}:{password or ''}".encode()).decode("ascii")
        headers["Authorization"] = f"Basic {token}"
    return headers


def _attempt(emu: Emulator, rule_id: int, action: dict[str, Any], body: bytes,
             ticket_id: int, attempt: int) -> bool:
    """One HTTP attempt, logged; True when the endpoint answered 2xx."""
    try:
        resp = requests.request(str(action.get("request_type") or "POST").upper(),
                                str(action["url"]), data=body, headers=_headers(action),
                                timeout=TIMEOUT_SECONDS)
        status: int | str = resp.status_code
    except requests.RequestException as exc:
        status = type(exc).__name__
    emu.store.insert(DELIVERIES, {"rule_id": rule_id, "ticket_id": ticket_id,
                                  "attempt": attempt, "status": status, "at": emu.clock.iso()})
    return isinstance(status, int) and 200 <= status < 300


def _deliver(emu: Emulator, rule: Record, index: int, body: bytes, ticket_id: int) -> None:
    action = rule["actions"][index]
    if _attempt(emu, int(rule["id"]), action, body, ticket_id, 1):
        return
    first = emu.clock.now()
    emu.store.insert(RETRIES, {"rule_id": rule["id"], "action": index, "ticket_id": ticket_id,
                               "body": body.decode("utf-8"), "attempt": 2, "first": first,
                               "due": first + RETRY_MINUTES[0] * 60})


def run_due(emu: Emulator) -> int:
    """Send every retry due on the sandbox clock; returns how many attempts were made."""
    now = emu.clock.now()
    sent = 0
    for retry in emu.store.all(RETRIES):
        if float(retry["due"]) > now:
            continue
        emu.store.delete(RETRIES, retry["id"])
        rule = emu.store.get(RULES, int(retry["rule_id"]))
        if rule is None or int(retry["action"]) >= len(rule.get("actions") or []):
            continue
        attempt = int(retry["attempt"])
        sent += 1
        if _attempt(emu, int(rule["id"]), rule["actions"][int(retry["action"])],
                    str(retry["body"]).encode("utf-8"), int(retry["ticket_id"]), attempt):
            continue
        if attempt - 1 < len(RETRY_MINUTES):  # attempt 2 was the +5 min retry, and so on
            emu.store.put(RETRIES, {**retry, "attempt": attempt + 1,
                                    "due": float(retry["first"])
                                    + RETRY_MINUTES[attempt - 1] * 60})
        else:
            emu.store.insert(DELIVERIES, {"rule_id": rule["id"],
                                          "ticket_id": retry["ticket_id"],
                                          "status": "given_up", "at": emu.clock.iso()})
    return sent


def on_ticket_change(emu: Emulator, ticket: Record, event: str) -> None:
    """The `tickets.ON_TICKET_CHANGE` callback: run the matching rules' webhooks."""
    if emu.spec.name != "freshdesk":
        return
    run_due(emu)
    faults = _faults(emu)
    for rule in _rules(emu):
        if not _matches(rule, ticket, event):
            continue
        for index, action in enumerate(rule.get("actions") or []):
            if not isinstance(action, dict) or action.get("field_name") != "trigger_webhook":
                continue
            if faults.get("drop"):
                emu.store.insert(DELIVERIES, {"rule_id": rule["id"], "ticket_id": ticket["id"],
                                              "status": "dropped", "at": emu.clock.iso()})
                continue
            body = _render(action, ticket, event)
            for _ in range(1 + int(faults.get("duplicates") or 0)):
                _deliver(emu, rule, index, body, int(ticket["id"]))


if on_ticket_change not in tickets.ON_TICKET_CHANGE:
    tickets.ON_TICKET_CHANGE.append(on_ticket_change)

SEEDERS: dict[str, Any] = {}

ROUTES = [
    Route("/api/v2/automations/{type}/rules", rules, methods=["GET", "POST"]),
    Route("/api/v2/automations/{type}/rules/{id}", rule, methods=["GET", "PUT", "DELETE"]),
    Route("/_sandbox/webhook_delivery", delivery_faults, methods=["GET", "PUT"]),
    Route("/_sandbox/webhook_delivery/run_due", deliver_due, methods=["POST"]),
]
