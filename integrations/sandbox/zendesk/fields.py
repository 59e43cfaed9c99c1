"""Zendesk ticket fields and their dropdown options.

Real behaviours kept on purpose:
* system fields (subject, description, status, tickettype, priority, group, assignee) exist
  from the start, with their real ``type`` values, and cannot be deleted;
* ``title`` is rendered from ``raw_title`` (dynamic content placeholders);
* ``PUT`` with ``custom_field_options`` REPLACES the whole list: omitted options are deleted;
* ``POST .../options`` creates (no id, 201) or updates (known id, 200) one option;
* ``type`` is set at creation only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.core.errors import FieldError, Invalid, NotFound
from integrations.sandbox.core.http import emulator, path_id, query_bool, read_json
from integrations.sandbox.core.paging import zendesk_page
from integrations.sandbox.core.ratelimit import Rule, endpoint
from integrations.sandbox.core.store import Record
from integrations.sandbox.zendesk.common import api_url, blank, invalid, ok, raise_if, truthy
from integrations.sandbox.zendesk.dynamic_content import render_text, request_locale_id

__all__ = ["COLL", "CUSTOM_TYPES", "LIMITS", "ROUTES", "SEEDERS", "bootstrap", "create_field"]

COLL = "ticket_fields"
CUSTOM_TYPES = frozenset({"text", "textarea", "checkbox", "date", "integer", "decimal",
                          "regexp", "partialcreditcard", "multiselect", "tagger", "lookup"})
OPTION_TYPES = frozenset({"tagger", "multiselect"})
MAX_OPTIONS = 2000

_SYSTEM: list[tuple[str, str, str, list[tuple[str, str]] | None]] = [
    ("subject", "Subject", "Please enter a brief description of your request", None),
    ("description", "Description", "Please enter the details of your request", None),
    ("status", "Status", "Request status", [("Open", "open"), ("Pending", "pending"),
                                             ("Solved", "solved")]),
    ("tickettype", "Type", "Request type", [("Question", "question"), ("Incident", "incident"),
                                            ("Problem", "problem"), ("Task", "task")]),
    ("priority", "Priority", "Request priority", [("Low", "low"), ("Normal", "normal"),
                                                  ("High", "high"), ("Urgent", "urgent")]),
    ("group", "Group", "Request group", None),
    ("assignee", "Assignee", "Agent assigned to your request", None),
]
_SYSTEM_PORTAL = {"subject", "description"}

#: Per-endpoint limits of this area (Zendesk documents ~100/min on the option endpoint).
LIMITS: list[Rule] = [
    endpoint("ticket-field-options", 100, "POST", r"/api/v2/ticket_fields/\d+/options"),
]


def bootstrap(emu: Emulator) -> None:
    now = emu.clock.iso()
    for position, (type_, title, description, options) in enumerate(_SYSTEM, start=1):
        record: Record = {
            "type": type_, "raw_title": title, "raw_description": description,
            "raw_title_in_portal": title, "agent_description": None, "position": position,
            "active": True, "required": type_ in ("subject", "description"),
            "collapsed_for_agents": False, "regexp_for_validation": None,
            "visible_in_portal": type_ in _SYSTEM_PORTAL,
            "editable_in_portal": type_ in _SYSTEM_PORTAL,
            "required_in_portal": type_ in _SYSTEM_PORTAL, "tag": None, "removable": False,
            "created_at": now, "updated_at": now,
        }
        if options:
            record["system_field_options"] = [{"name": n, "value": v} for n, v in options]
        if type_ in ("status", "priority"):
            record["sub_type_id"] = 0
        emu.store.insert(COLL, record)


# -- validation -------------------------------------------------------------------------
_TAG_OK = re.compile(r"^[^\s,]+$")


def _check_option(data: Any, where: str) -> list[FieldError]:
    if not isinstance(data, dict):
        return [invalid(where, "Custom field options: each option must be an object")]
    errors = []
    if not str(data.get("name") or "").strip():
        errors.append(blank(where, "Custom field options: Name"))
    value = str(data.get("value") or "").strip()
    if not value:
        errors.append(blank(where, "Custom field options: Value"))
    elif not _TAG_OK.match(value):
        errors.append(invalid(where, f"Custom field options: Value {value!r} cannot contain "
                                     "spaces or commas (it is a tag)"))
    return errors


def _new_option(emu: Emulator, data: dict[str, Any], position: int) -> Record:
    return {"id": emu.store.next_id(), "raw_name": str(data["name"]).strip(),
            "value": str(data["value"]).strip(), "position": position,
            "default": truthy(data.get("default"))}


def _replace_options(emu: Emulator, field: Record, given: Any) -> None:
    """The real semantics of ``custom_field_options`` on create and update: the given list
    becomes the whole list; options are matched by id, then by value, to keep their ids."""
    if not isinstance(given, list):
        raise Invalid([invalid("custom_field_options",
                               "Custom field options: must be a list")])
    errors: list[FieldError] = []
    seen: set[str] = set()
    for opt in given:
        errs = _check_option(opt, "custom_field_options")
        errors += errs
        if not errs:
            value = str(opt["value"]).strip().lower()
            if value in seen:
                errors.append(invalid("custom_field_options",
                                      f"Custom field options: Value {opt['value']!r} is used "
                                      "more than once", "DuplicateValue"))
            seen.add(value)
    if not given:
        errors.append(blank("custom_field_options", "Custom field options"))
    if len(given) > MAX_OPTIONS:
        errors.append(invalid("custom_field_options",
                              f"Custom field options: at most {MAX_OPTIONS} options"))
    raise_if(errors)
    old = field.get("custom_field_options") or []
    by_id = {o["id"]: o for o in old}
    by_value = {o["value"].lower(): o for o in old}
    result = []
    for position, data in enumerate(given):
        match = by_id.get(data.get("id")) or by_value.get(str(data["value"]).strip().lower())
        if match is not None:
            option = {**match, "raw_name": str(data["name"]).strip(),
                      "value": str(data["value"]).strip(), "position": position,
                      "default": truthy(data.get("default"), match.get("default", False))}
        else:
            option = _new_option(emu, data, position)
        result.append(option)
    field["custom_field_options"] = result


_BOOL_ATTRS = ("active", "required", "required_in_portal", "visible_in_portal",
               "editable_in_portal", "collapsed_for_agents")


def _apply(emu: Emulator, field: Record, data: dict[str, Any], *, creating: bool) -> None:
    errors: list[FieldError] = []
    title = data.get("raw_title", data.get("title"))
    if creating or "title" in data or "raw_title" in data:
        if not str(title or "").strip():
            errors.append(blank("title", "Title"))
        else:
            field["raw_title"] = str(title)
            if creating and "title_in_portal" not in data and "raw_title_in_portal" not in data:
                field["raw_title_in_portal"] = str(title)
    for attr in ("description", "title_in_portal"):
        if attr in data or "raw_" + attr in data:
            field["raw_" + attr] = str(data.get("raw_" + attr, data.get(attr)) or "")
    if "agent_description" in data:
        value = data["agent_description"]
        field["agent_description"] = None if value is None else str(value)
    for attr in _BOOL_ATTRS:
        if attr in data:
            field[attr] = truthy(data[attr])
    if "position" in data:
        try:
            field["position"] = int(data["position"])
        except (TypeError, ValueError):
            errors.append(invalid("position", "Position: must be an integer"))
    type_ = field["type"]
    if "regexp_for_validation" in data or (creating and type_ == "regexp"):
        pattern = data.get("regexp_for_validation")
        if type_ == "regexp":
            if not str(pattern or "").strip():
                errors.append(blank("regexp_for_validation", "Regular expression"))
            else:
                try:
                    re.compile(str(pattern))
                except re.error:
                    errors.append(invalid("regexp_for_validation",
                                          "Regular expression: is invalid"))
                field["regexp_for_validation"] = str(pattern)
    if "tag" in data and type_ == "checkbox":
        tag = data["tag"]
        if tag and not _TAG_OK.match(str(tag)):
            errors.append(invalid("tag", "Tag: cannot contain spaces or commas"))
        field["tag"] = str(tag) if tag else None
    if type_ == "lookup" and creating and not data.get("relationship_target_type"):
        errors.append(blank("relationship_target_type", "Relationship target type"))
    for attr in ("relationship_target_type", "relationship_filter"):
        if attr in data and type_ == "lookup":
            field[attr] = data[attr]
    raise_if(errors)
    if type_ in OPTION_TYPES and (creating or "custom_field_options" in data):
        _replace_options(emu, field, data.get("custom_field_options"))


def create_field(emu: Emulator, data: dict[str, Any]) -> Record:
    type_ = str(data.get("type") or "text")
    if type_ not in CUSTOM_TYPES:
        raise Invalid([invalid("type", f"Type: {type_!r} is not a custom field type "
                                       f"({', '.join(sorted(CUSTOM_TYPES))})")])
    now = emu.clock.iso()
    positions = [f.get("position", 0) for f in emu.store.all(COLL)]
    field: Record = {
        "type": type_, "raw_title": "", "raw_description": "", "raw_title_in_portal": "",
        "agent_description": None, "position": max(positions, default=0) + 1,
        "active": True, "required": False, "collapsed_for_agents": False,
        "regexp_for_validation": None, "visible_in_portal": False,
        "editable_in_portal": False, "required_in_portal": False,
        "tag": None, "removable": True, "created_at": now, "updated_at": now,
    }
    with emu.db.transaction():
        field["id"] = emu.store.next_id()
        _apply(emu, field, data, creating=True)
        return emu.store.put(COLL, field)


# -- rendering --------------------------------------------------------------------------
def render_option(request: Request, field_id: int, o: Record,
                  locale_id: int | None = None) -> dict[str, Any]:
    emu = emulator(request)
    return {
        "id": o["id"], "name": render_text(emu, o["raw_name"], locale_id) or "",
        "raw_name": o["raw_name"], "value": o["value"], "position": o["position"],
        "default": o.get("default", False),
        "url": api_url(request, f"/api/v2/ticket_fields/{field_id}/options/{o['id']}"),
    }


def render_field(request: Request, f: Record) -> dict[str, Any]:
    emu = emulator(request)
    loc = request_locale_id(request)
    out: dict[str, Any] = {
        "url": api_url(request, f"/api/v2/ticket_fields/{f['id']}"),
        "id": f["id"], "type": f["type"],
        "title": render_text(emu, f["raw_title"], loc), "raw_title": f["raw_title"],
        "description": render_text(emu, f["raw_description"], loc),
        "raw_description": f["raw_description"],
        "position": f["position"], "active": f["active"], "required": f["required"],
        "collapsed_for_agents": f["collapsed_for_agents"],
        "regexp_for_validation": f["regexp_for_validation"],
        "title_in_portal": render_text(emu, f["raw_title_in_portal"], loc),
        "raw_title_in_portal": f["raw_title_in_portal"],
        "visible_in_portal": f["visible_in_portal"],
        "editable_in_portal": f["editable_in_portal"],
        "required_in_portal": f["required_in_portal"], "tag": f["tag"],
        "created_at": f["created_at"], "updated_at": f["updated_at"],
        "removable": f["removable"],
    }
    if f.get("agent_description") is not None:
        out["agent_description"] = f["agent_description"]
    if f["type"] in OPTION_TYPES:
        out["custom_field_options"] = [render_option(request, f["id"], o, loc)
                                       for o in f.get("custom_field_options") or []]
    for key in ("system_field_options", "sub_type_id", "relationship_target_type",
                "relationship_filter"):
        if key in f:
            out[key] = f[key]
    if query_bool(request, "creator"):
        out["creator_user_id"] = 1
    return out


# -- routes -----------------------------------------------------------------------------
def _order(f: Record) -> tuple[int, int]:
    return (int(f.get("position") or 0), int(f["id"]))


async def list_fields(request: Request) -> Response:
    emu = emulator(request)
    return ok(zendesk_page(request, emu.store.all(COLL), COLL,
                           lambda f: render_field(request, f), order=_order))


async def count_fields(request: Request) -> Response:
    emu = emulator(request)
    return ok({"count": {"value": emu.store.count(COLL), "refreshed_at": emu.clock.iso()}})


async def create(request: Request) -> Response:
    emu = emulator(request)
    field = create_field(emu, await read_json(request, wrapper="ticket_field"))
    return ok({"ticket_field": render_field(request, field)}, 201)


async def show(request: Request) -> Response:
    field = emulator(request).store.require(COLL, path_id(request))
    return ok({"ticket_field": render_field(request, field)})


async def update(request: Request) -> Response:
    emu = emulator(request)
    field = emu.store.require(COLL, path_id(request))
    data = await read_json(request, wrapper="ticket_field")
    if "type" in data and data["type"] != field["type"]:
        raise Invalid([invalid("type", "Type: cannot be changed after creation")])
    if not field["removable"]:
        # System fields: only presentation attributes change.
        data = {k: v for k, v in data.items()
                if k in ("title", "raw_title", "description", "raw_description",
                         "title_in_portal", "raw_title_in_portal", "agent_description",
                         "visible_in_portal", "editable_in_portal", "required_in_portal",
                         "active", "position", "sub_type_id")}
        if "sub_type_id" in data and "sub_type_id" in field:
            field["sub_type_id"] = int(data["sub_type_id"] or 0)
    with emu.db.transaction():
        _apply(emu, field, data, creating=False)
        field["updated_at"] = emu.clock.iso()
        emu.store.put(COLL, field)
    return ok({"ticket_field": render_field(request, field)})


async def delete(request: Request) -> Response:
    emu = emulator(request)
    field = emu.store.require(COLL, path_id(request))
    if not field["removable"]:
        raise Invalid([invalid("base", f"{field['raw_title']} is a system field and cannot "
                                       "be deleted")])
    with emu.db.transaction():
        emu.store.delete(COLL, field["id"])
        for hook in ON_DELETE:
            hook(emu, field["id"])
    return Response(status_code=204)


async def reorder(request: Request) -> Response:
    emu = emulator(request)
    body = await read_json(request)
    ids = body.get("ticket_field_ids")
    if not isinstance(ids, list):
        raise Invalid([blank("ticket_field_ids", "Ticket field ids")])
    with emu.db.transaction():
        fields = [emu.store.require(COLL, int(i)) for i in ids]
        for position, field in enumerate(fields, start=1):
            field["position"] = position
            emu.store.put(COLL, field)
    return ok({"ticket_fields": [render_field(request, f)
                                 for f in sorted(emu.store.all(COLL), key=_order)]})


# -- options ----------------------------------------------------------------------------
def _dropdown(emu: Emulator, request: Request) -> Record:
    field = emu.store.require(COLL, path_id(request))
    if field["type"] not in OPTION_TYPES:
        raise NotFound()
    return field


async def list_options(request: Request) -> Response:
    emu = emulator(request)
    field = _dropdown(emu, request)
    options = field.get("custom_field_options") or []
    return ok(zendesk_page(request, options, "custom_field_options",
                           lambda o: render_option(request, field["id"], o),
                           order=lambda o: (o["position"], o["id"])))


async def upsert_option(request: Request) -> Response:
    emu = emulator(request)
    field = _dropdown(emu, request)
    data = await read_json(request, wrapper="custom_field_option")
    raise_if(_check_option(data, "custom_field_option"))
    options: list[Record] = field.get("custom_field_options") or []
    existing = next((o for o in options if o["id"] == data.get("id")), None)
    value = str(data["value"]).strip()
    clash = next((o for o in options if o["value"].lower() == value.lower()
                  and o is not existing), None)
    if clash is not None:
        raise Invalid([invalid("custom_field_option", f"Value: {value!r} has already been "
                                                      "taken", "DuplicateValue")])
    with emu.db.transaction():
        if existing is not None:
            existing.update(raw_name=str(data["name"]).strip(), value=value)
            if "position" in data:
                existing["position"] = int(data["position"])
            option, status = existing, 200
        else:
            if len(options) >= MAX_OPTIONS:
                raise Invalid([invalid("custom_field_option",
                                       f"Custom field options: at most {MAX_OPTIONS} options")])
            position = int(data.get("position", len(options)))
            option, status = _new_option(emu, data, position), 201
            options.append(option)
        field["custom_field_options"] = sorted(options, key=lambda o: (o["position"], o["id"]))
        field["updated_at"] = emu.clock.iso()
        emu.store.put(COLL, field)
    location = api_url(request, f"/api/v2/ticket_fields/{field['id']}/options")
    return ok({"custom_field_option": render_option(request, field["id"], option)}, status,
              headers={"Location": location})


async def show_option(request: Request) -> Response:
    emu = emulator(request)
    field = _dropdown(emu, request)
    oid = path_id(request, "option_id")
    for o in field.get("custom_field_options") or []:
        if o["id"] == oid:
            return ok({"custom_field_option": render_option(request, field["id"], o)})
    raise NotFound()


async def delete_option(request: Request) -> Response:
    emu = emulator(request)
    field = _dropdown(emu, request)
    oid = path_id(request, "option_id")
    options = field.get("custom_field_options") or []
    if not any(o["id"] == oid for o in options):
        raise NotFound()
    field["custom_field_options"] = [o for o in options if o["id"] != oid]
    field["updated_at"] = emu.clock.iso()
    emu.store.put(COLL, field)
    return Response(status_code=204)


#: Called with (emulator, field_id) after a field is deleted (forms drop it).
ON_DELETE: list[Callable[[Emulator, int], None]] = []

_F = "/api/v2/ticket_fields"
ROUTES = [
    Route(_F, list_fields, methods=["GET"]),
    Route(_F, create, methods=["POST"]),
    Route(_F + "/count", count_fields, methods=["GET"]),
    Route(_F + "/reorder", reorder, methods=["PUT"]),
    Route(_F + "/{id}", show, methods=["GET"]),
    Route(_F + "/{id}", update, methods=["PUT"]),
    Route(_F + "/{id}", delete, methods=["DELETE"]),
    Route(_F + "/{id}/options", list_options, methods=["GET"]),
    Route(_F + "/{id}/options", upsert_option, methods=["POST"]),
    Route(_F + "/{id}/options/{option_id}", show_option, methods=["GET"]),
    Route(_F + "/{id}/options/{option_id}", delete_option, methods=["DELETE"]),
]
SEEDERS = {"ticket_fields": create_field}
