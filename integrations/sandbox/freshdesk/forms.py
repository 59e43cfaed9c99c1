"""Freshdesk ticket forms (``/api/v2/ticket-forms``) and their per-form field settings.

A form lists ticket fields with per-form customer settings; it cannot exist without the
requester and company fields. Form fields carry timestamps as ``2022-05-25 10:43:01``, as
the documentation shows.
"""

from __future__ import annotations

import re
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.core.errors import FieldError, Invalid, NotFound
from integrations.sandbox.core.http import emulator, path_id, read_json
from integrations.sandbox.core.paging import freshdesk_page
from integrations.sandbox.core.store import Record
from integrations.sandbox.freshdesk import fields
from integrations.sandbox.freshdesk.common import check_attrs, err, form_time, ok, raise_if

__all__ = ["COLL", "ROUTES", "SEEDERS", "bootstrap", "create_form"]

COLL = "ticket_forms"
AGENT_ID = 1  # last_updated_by: the API key's agent
_FORM_ATTRS: dict[str, type | tuple[type, ...]] = {"title": str, "description": (str, type(None)),
                                                   "fields": list}
_FIELD_ATTRS: dict[str, type | tuple[type, ...]] = {
    "id": int, "label_for_customers": str, "customers_can_edit": bool,
    "required_for_customers": bool, "hint_for_customers": (str, type(None)),
    "placeholder_for_customers": (str, type(None)), "position": int,
}
#: Mandatory for each field of a form ("hint_for_customers Mandatory string",
#: "placeholder_for_customers Mandatory string"): missing or blank strings are refused.
_FIELD_REQUIRED = ("label_for_customers", "customers_can_edit", "required_for_customers",
                   "hint_for_customers", "placeholder_for_customers")
_NOT_BLANK = ("label_for_customers", "hint_for_customers", "placeholder_for_customers")
_ALWAYS = ("requester", "company")
_DEFAULT_FORM = ("requester", "subject", "ticket_type", "status", "priority", "group", "agent",
                 "description", "company")


def _by_name(emu: Emulator) -> dict[str, Record]:
    return {f["name"]: f for f in emu.store.all(fields.COLL)}


def bootstrap(emu: Emulator) -> None:
    named = _by_name(emu)
    now = emu.clock.iso()
    entries = []
    for pos, name in enumerate(_DEFAULT_FORM, start=1):
        f = named[name]
        entries.append({"id": f["id"], "label_for_customers": f["label_for_customers"],
                        "customers_can_edit": f["customers_can_edit"],
                        "required_for_customers": f["required_for_customers"],
                        "hint_for_customers": "", "placeholder_for_customers": "",
                        "position": pos, "updated_at": now})
    emu.store.insert(COLL, {"name": "report_an_issue", "title": "Report an issue",
                            "default": True, "description": "This form has all fields that "
                            "customers can view or edit.", "created_at": now,
                            "updated_at": now, "last_updated_by": AGENT_ID, "portals": [],
                            "fields": entries})


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", title.encode("ascii", "ignore").decode().lower()).strip("_")


def _form_fields(emu: Emulator, given: Any, now: str) -> list[Record]:
    if not isinstance(given, list):
        raise Invalid([err("fields", "Mandatory attribute missing", "missing_field")])
    errors: list[FieldError] = []
    out: list[Record] = []
    for i, item in enumerate(given):
        if not isinstance(item, dict):
            errors.append(err("fields", "Each field must be an object", "datatype_mismatch"))
            continue
        errors += [FieldError(f"fields[{i}].{e.field}", e.message, e.code)
                   for e in check_attrs(item, _FIELD_ATTRS, required=("id", *_FIELD_REQUIRED))]
        errors += [err(f"fields[{i}].{k}", "It should not be blank as this is a mandatory "
                       "field", "invalid_value") for k in _NOT_BLANK
                   if k in item and not str(item[k] or "").strip()]
        fid = item.get("id")
        if isinstance(fid, int) and emu.store.get(fields.COLL, fid) is None:
            errors.append(err(f"fields[{i}].id", f"There is no ticket field with id {fid}",
                              "invalid_value"))
        out.append({"id": fid, "label_for_customers": item.get("label_for_customers"),
                    "customers_can_edit": item.get("customers_can_edit"),
                    "required_for_customers": item.get("required_for_customers"),
                    "hint_for_customers": item.get("hint_for_customers") or "",
                    "placeholder_for_customers": item.get("placeholder_for_customers") or "",
                    "position": item.get("position", i + 1), "updated_at": now})
    raise_if(errors)
    present = {emu.store.require(fields.COLL, f["id"])["name"] for f in out}
    missing = [n for n in _ALWAYS if n not in present]
    if missing:
        raise Invalid([err("fields", "A form can not be created without the requester and "
                                     "company field", "missing_field")])
    out.sort(key=lambda f: f["position"])
    for pos, f in enumerate(out, start=1):
        f["position"] = pos
    return out


def create_form(emu: Emulator, data: dict[str, Any]) -> Record:
    errors = check_attrs(data, _FORM_ATTRS, required=("title", "fields"))
    if isinstance(data.get("title"), str) and not data["title"].strip():
        errors.append(err("title", "It should not be blank", "invalid_value"))
    raise_if(errors)
    now = emu.clock.iso()
    entries = _form_fields(emu, data["fields"], now)
    return emu.store.insert(COLL, {
        "name": _slug(data["title"]), "title": data["title"].strip(), "default": False,
        "description": data.get("description") or "", "created_at": now, "updated_at": now,
        "last_updated_by": AGENT_ID, "portals": [], "fields": entries,
    })


def render_form_field(emu: Emulator, entry: Record) -> dict[str, Any]:
    f = emu.store.get(fields.COLL, entry["id"])
    if f is None:
        raise NotFound()
    out = {
        "id": f["id"], "name": f["name"], "label": f["label"],
        "label_for_customers": entry["label_for_customers"], "position": entry["position"],
        "type": f["type"], "default": f["default"],
        "customers_can_edit": entry["customers_can_edit"],
        "required_for_closure": f["required_for_closure"],
        "required_for_agents": f["required_for_agents"],
        "required_for_customers": entry["required_for_customers"],
        "displayed_to_customers": f["displayed_to_customers"],
        "created_at": form_time(f["created_at"]), "updated_at": form_time(entry["updated_at"]),
        "archived": False, "hint_for_customers": entry["hint_for_customers"],
        "placeholder_for_customers": entry["placeholder_for_customers"],
    }
    if f["name"] == "requester":
        out.update(portal_cc=f.get("portal_cc", False), portal_cc_to=f.get("portal_cc_to"))
    if "choices" in f:
        out["choices"] = f["choices"]
    return out


def render_form(emu: Emulator, form: Record, *, with_fields: bool = True) -> dict[str, Any]:
    out = {k: v for k, v in form.items() if k != "fields"}
    if with_fields:
        out["fields"] = [render_form_field(emu, e) for e in form["fields"]
                         if emu.store.get(fields.COLL, e["id"]) is not None]
    return out


async def list_forms(request: Request) -> Response:
    emu = emulator(request)
    page, headers = freshdesk_page(request, emu.store.all(COLL))
    return ok([render_form(emu, f, with_fields=False) for f in page], headers=headers)


async def create(request: Request) -> Response:
    emu = emulator(request)
    form = create_form(emu, await read_json(request))
    return ok(render_form(emu, form), 201)


async def show(request: Request) -> Response:
    emu = emulator(request)
    return ok(render_form(emu, emu.store.require(COLL, path_id(request))))


async def update(request: Request) -> Response:
    emu = emulator(request)
    form = emu.store.require(COLL, path_id(request))
    data = await read_json(request)
    errors = check_attrs(data, _FORM_ATTRS)
    if isinstance(data.get("title"), str) and not data["title"].strip():
        errors.append(err("title", "It should not be blank", "invalid_value"))
    raise_if(errors)
    now = emu.clock.iso()
    if "fields" in data:
        form["fields"] = _form_fields(emu, data["fields"], now)
    if "title" in data:
        form["title"] = data["title"].strip()
        form["name"] = _slug(form["title"])
    if "description" in data:
        form["description"] = data["description"] or ""
    form["updated_at"] = now
    emu.store.put(COLL, form)
    return ok(render_form(emu, form))


async def delete(request: Request) -> Response:
    emu = emulator(request)
    form = emu.store.require(COLL, path_id(request))
    if form["default"]:
        raise Invalid([err("id", "The default ticket form cannot be deleted", "invalid_value")])
    emu.store.delete(COLL, form["id"])
    return Response(status_code=204)


def _entry(form: Record, field_id: int) -> Record:
    for entry in form["fields"]:
        if entry["id"] == field_id:
            found: Record = entry
            return found
    raise NotFound()


async def show_field(request: Request) -> Response:
    emu = emulator(request)
    form = emu.store.require(COLL, path_id(request))
    return ok(render_form_field(emu, _entry(form, path_id(request, "field_id"))))


async def update_field(request: Request) -> Response:
    emu = emulator(request)
    form = emu.store.require(COLL, path_id(request))
    entry = _entry(form, path_id(request, "field_id"))
    data = await read_json(request)
    attrs = {k: v for k, v in _FIELD_ATTRS.items() if k != "id"}
    raise_if(check_attrs(data, attrs))
    raise_if([err(k, "It should not be blank as this is a mandatory field", "invalid_value")
              for k in _NOT_BLANK if k in data and not str(data[k] or "").strip()])
    for key in attrs:
        if key in data:
            entry[key] = data[key] if data[key] is not None else ""
    entry["updated_at"] = form["updated_at"] = emu.clock.iso()
    if "position" in data:
        form["fields"].sort(key=lambda e: (e["position"], e is not entry))
        for pos, e in enumerate(form["fields"], start=1):
            e["position"] = pos
    emu.store.put(COLL, form)
    return ok(render_form_field(emu, entry))


async def delete_field(request: Request) -> Response:
    emu = emulator(request)
    form = emu.store.require(COLL, path_id(request))
    entry = _entry(form, path_id(request, "field_id"))
    name = emu.store.require(fields.COLL, entry["id"])["name"]
    if name in _ALWAYS:
        raise Invalid([err("id", f"The {name} field cannot be removed from a form",
                           "invalid_value")])
    form["fields"] = [e for e in form["fields"] if e["id"] != entry["id"]]
    form["updated_at"] = emu.clock.iso()
    emu.store.put(COLL, form)
    return Response(status_code=204)


_T = "/api/v2/ticket-forms"
ROUTES = [
    Route(_T, list_forms, methods=["GET"]),
    Route(_T, create, methods=["POST"]),
    Route(_T + "/{id}", show, methods=["GET"]),
    Route(_T + "/{id}", update, methods=["PUT"]),
    Route(_T + "/{id}", delete, methods=["DELETE"]),
    Route(_T + "/{id}/fields/{field_id}", show_field, methods=["GET"]),
    Route(_T + "/{id}/fields/{field_id}", update_field, methods=["PUT", "POST"]),
    Route(_T + "/{id}/fields/{field_id}", delete_field, methods=["DELETE"]),
]
SEEDERS = {"ticket_forms": create_form}
