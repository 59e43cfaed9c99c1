"""Zendesk ticket forms, with conditional fields and brand restrictions.

Validated like the real API: every id in ``ticket_field_ids`` exists; a condition's parent
and children are in ``ticket_field_ids``; the parent is a dropdown (value = one of its option
tags) or a checkbox (value true/false); ``restricted_brand_ids`` are existing brands.
Plans without the ticket-forms feature (Team) get 403 on every forms endpoint.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.core.errors import FieldError, Forbidden, Invalid
from integrations.sandbox.core.http import emulator, path_id, query_bool, read_json
from integrations.sandbox.core.paging import zendesk_page
from integrations.sandbox.core.store import Record
from integrations.sandbox.zendesk import fields
from integrations.sandbox.zendesk.common import api_url, blank, invalid, ok, raise_if, truthy
from integrations.sandbox.zendesk.dynamic_content import render_text, request_locale_id

__all__ = ["COLL", "FEATURE", "ROUTES", "SEEDERS", "bootstrap", "create_form"]

COLL = "ticket_forms"
FEATURE = "ticket_forms"
STATUS_TYPES = frozenset({"NO_STATUSES", "ALL_STATUSES", "SOME_STATUSES"})
STATUSES = frozenset({"new", "open", "pending", "hold", "solved"})


def bootstrap(emu: Emulator) -> None:
    now = emu.clock.iso()
    system = [f["id"] for f in emu.store.all(fields.COLL) if not f["removable"]]
    emu.store.insert(COLL, {
        "raw_name": "Default Ticket Form", "raw_display_name": "Default Ticket Form",
        "end_user_visible": True, "position": 1, "active": True, "default": True,
        "in_all_brands": True, "restricted_brand_ids": [], "ticket_field_ids": system,
        "agent_conditions": [], "end_user_conditions": [], "created_at": now,
        "updated_at": now,
    })


def require_feature(emu: Emulator) -> None:
    if not emu.has_feature(FEATURE):
        raise Forbidden(f"Ticket forms are not available on the {emu.plan.name} plan. "
                        "You do not have access to this page.")


def _conditions(emu: Emulator, key: str, given: Any, field_ids: list[int]) -> list[Record]:
    """Validate and normalise ``agent_conditions`` / ``end_user_conditions``."""
    if given is None:
        return []
    if not isinstance(given, list):
        raise Invalid([invalid(key, f"{key}: must be a list")])
    errors: list[FieldError] = []
    out: list[Record] = []
    seen: set[tuple[int, str]] = set()
    for i, cond in enumerate(given):
        where = f"{key}[{i}]"
        if not isinstance(cond, dict):
            errors.append(invalid(key, f"{where}: must be an object"))
            continue
        parent_id = cond.get("parent_field_id")
        parent = emu.store.get(fields.COLL, int(parent_id)) if isinstance(parent_id, int) else None
        value = cond.get("value")
        if parent is None:
            errors.append(invalid(key, f"{where}.parent_field_id: ticket field {parent_id} "
                                       "does not exist"))
            continue
        if parent_id not in field_ids:
            errors.append(invalid(key, f"{where}.parent_field_id: field {parent_id} is not "
                                       "in ticket_field_ids"))
        if parent["type"] == "tagger":
            tags = [o["value"] for o in parent.get("custom_field_options") or []]
            if value not in tags:
                errors.append(invalid(key, f"{where}.value: {value!r} is not an option of "
                                           f"field {parent_id}"))
        elif parent["type"] == "checkbox":
            if not isinstance(value, bool):
                errors.append(invalid(key, f"{where}.value: must be true or false for a "
                                           "checkbox parent"))
        else:
            errors.append(invalid(key, f"{where}.parent_field_id: a {parent['type']} field "
                                       "cannot be a condition parent"))
        if (parent_id, repr(value)) in seen:
            errors.append(invalid(key, f"{where}: duplicate condition for this parent and "
                                       "value", "DuplicateValue"))
        seen.add((int(parent["id"]), repr(value)))
        children = cond.get("child_fields")
        if not isinstance(children, list) or not children:
            errors.append(blank(key, f"{where}.child_fields"))
            continue
        norm_children = []
        for j, child in enumerate(children):
            cwhere = f"{where}.child_fields[{j}]"
            cid = child.get("id") if isinstance(child, dict) else None
            if not isinstance(cid, int) or emu.store.get(fields.COLL, cid) is None:
                errors.append(invalid(key, f"{cwhere}.id: ticket field {cid} does not exist"))
                continue
            if cid not in field_ids:
                errors.append(invalid(key, f"{cwhere}.id: field {cid} is not in "
                                           "ticket_field_ids"))
            if cid == parent_id:
                errors.append(invalid(key, f"{cwhere}.id: a field cannot be its own child"))
            norm: Record = {"id": cid, "is_required": truthy(child.get("is_required"))}
            if key == "agent_conditions":
                ros = child.get("required_on_statuses") or {
                    "type": "ALL_STATUSES" if norm["is_required"] else "NO_STATUSES"}
                if not isinstance(ros, dict) or ros.get("type") not in STATUS_TYPES:
                    errors.append(invalid(key, f"{cwhere}.required_on_statuses.type: must be "
                                               "one of " + ", ".join(sorted(STATUS_TYPES))))
                elif ros["type"] == "SOME_STATUSES" and (
                        not ros.get("statuses") or not set(ros["statuses"]) <= STATUSES):
                    errors.append(invalid(key, f"{cwhere}.required_on_statuses.statuses: "
                                               "must be a non-empty subset of "
                                               + ", ".join(sorted(STATUSES))))
                norm["required_on_statuses"] = ros
            norm_children.append(norm)
        out.append({"parent_field_id": parent_id, "value": value, "child_fields": norm_children})
    raise_if(errors)
    return out


def _apply(emu: Emulator, form: Record, data: dict[str, Any], *, creating: bool) -> None:
    errors: list[FieldError] = []
    if creating or "name" in data or "raw_name" in data:
        name = data.get("raw_name", data.get("name"))
        if not str(name or "").strip():
            errors.append(blank("name", "Name"))
        else:
            form["raw_name"] = str(name)
            if creating and "display_name" not in data and "raw_display_name" not in data:
                form["raw_display_name"] = str(name)
    if "display_name" in data or "raw_display_name" in data:
        form["raw_display_name"] = str(data.get("raw_display_name", data.get("display_name"))
                                       or "")
    for attr in ("end_user_visible", "active", "in_all_brands"):
        if attr in data:
            form[attr] = truthy(data[attr])
    if "position" in data:
        form["position"] = int(data["position"])
    if "ticket_field_ids" in data:
        ids = data["ticket_field_ids"]
        if not isinstance(ids, list) or not all(isinstance(i, int) for i in ids):
            errors.append(invalid("ticket_field_ids", "Ticket field ids: must be a list of ids"))
        else:
            missing = [i for i in ids if emu.store.get(fields.COLL, i) is None]
            if missing:
                errors.append(invalid("ticket_field_ids", "Ticket field ids: unknown ticket "
                                      f"fields {missing}"))
            form["ticket_field_ids"] = list(dict.fromkeys(ids))
    if "restricted_brand_ids" in data:
        ids = data["restricted_brand_ids"] or []
        if not isinstance(ids, list) or any(emu.store.get("brands", i) is None
                                            for i in ids if isinstance(i, int)):
            errors.append(invalid("restricted_brand_ids",
                                  "Restricted brand ids: unknown brand"))
        else:
            form["restricted_brand_ids"] = [int(i) for i in ids]
    if form.get("in_all_brands"):
        form["restricted_brand_ids"] = []
    elif not form.get("restricted_brand_ids") and creating and "in_all_brands" in data:
        errors.append(blank("restricted_brand_ids", "Restricted brand ids"))
    raise_if(errors)
    for key in ("agent_conditions", "end_user_conditions"):
        if key in data:
            form[key] = _conditions(emu, key, data[key], form["ticket_field_ids"])
        elif "ticket_field_ids" in data:  # conditions must still hold
            form[key] = _conditions(emu, key, form.get(key), form["ticket_field_ids"])


def create_form(emu: Emulator, data: dict[str, Any]) -> Record:
    now = emu.clock.iso()
    positions = [f["position"] for f in emu.store.all(COLL)]
    form: Record = {
        "raw_name": "", "raw_display_name": "", "end_user_visible": True,
        "position": max(positions, default=0) + 1, "active": True, "default": False,
        "in_all_brands": True, "restricted_brand_ids": [], "ticket_field_ids": [],
        "agent_conditions": [], "end_user_conditions": [], "created_at": now,
        "updated_at": now,
    }
    with emu.db.transaction():
        _apply(emu, form, data, creating=True)
        form = emu.store.insert(COLL, form)
        if truthy(data.get("default")):
            _make_default(emu, form)
        return form


def _make_default(emu: Emulator, form: Record) -> None:
    for other in emu.store.all(COLL):
        if other["default"] and other["id"] != form["id"]:
            other["default"] = False
            emu.store.put(COLL, other)
    form["default"] = True
    emu.store.put(COLL, form)


def render_form(request: Request, f: Record) -> dict[str, Any]:
    emu = emulator(request)
    loc = request_locale_id(request)
    return {
        "url": api_url(request, f"/api/v2/ticket_forms/{f['id']}"), "id": f["id"],
        "name": render_text(emu, f["raw_name"], loc), "raw_name": f["raw_name"],
        "display_name": render_text(emu, f["raw_display_name"], loc),
        "raw_display_name": f["raw_display_name"],
        "end_user_visible": f["end_user_visible"], "position": f["position"],
        "ticket_field_ids": f["ticket_field_ids"], "active": f["active"],
        "default": f["default"], "in_all_brands": f["in_all_brands"],
        "restricted_brand_ids": f["restricted_brand_ids"],
        "end_user_conditions": f["end_user_conditions"],
        "agent_conditions": f["agent_conditions"],
        "created_at": f["created_at"], "updated_at": f["updated_at"],
    }


def _order(f: Record) -> tuple[int, int]:
    return (int(f["position"]), int(f["id"]))


def _filtered(request: Request) -> list[Record]:
    forms = emulator(request).store.all(COLL)
    for attr in ("active", "end_user_visible"):
        wanted = query_bool(request, attr)
        if wanted is not None:
            forms = [f for f in forms if f[attr] == wanted]
    return forms


async def list_forms(request: Request) -> Response:
    emu = emulator(request)
    require_feature(emu)
    return ok(zendesk_page(request, _filtered(request), COLL,
                           lambda f: render_form(request, f), order=_order))


async def show_many(request: Request) -> Response:
    require_feature(emulator(request))
    ids = {int(i) for i in request.query_params.get("ids", "").split(",") if i.strip().isdigit()}
    forms = sorted((f for f in _filtered(request) if f["id"] in ids), key=_order)
    return ok({COLL: [render_form(request, f) for f in forms]})


async def create(request: Request) -> Response:
    emu = emulator(request)
    require_feature(emu)
    form = create_form(emu, await read_json(request, wrapper="ticket_form"))
    return ok({"ticket_form": render_form(request, form)}, 201)


async def show(request: Request) -> Response:
    emu = emulator(request)
    require_feature(emu)
    return ok({"ticket_form": render_form(request, emu.store.require(COLL, path_id(request)))})


async def update(request: Request) -> Response:
    emu = emulator(request)
    require_feature(emu)
    form = emu.store.require(COLL, path_id(request))
    data = await read_json(request, wrapper="ticket_form")
    with emu.db.transaction():
        _apply(emu, form, data, creating=False)
        form["updated_at"] = emu.clock.iso()
        emu.store.put(COLL, form)
        if truthy(data.get("default")):
            _make_default(emu, form)
    return ok({"ticket_form": render_form(request, form)})


async def delete(request: Request) -> Response:
    emu = emulator(request)
    require_feature(emu)
    form = emu.store.require(COLL, path_id(request))
    if form["default"]:
        raise Invalid([invalid("base", "The default ticket form cannot be deleted")])
    emu.store.delete(COLL, form["id"])
    return Response(status_code=204)


async def reorder(request: Request) -> Response:
    emu = emulator(request)
    require_feature(emu)
    body = await read_json(request)
    ids = body.get("ticket_form_ids")
    if not isinstance(ids, list):
        raise Invalid([blank("ticket_form_ids", "Ticket form ids")])
    with emu.db.transaction():
        forms = [emu.store.require(COLL, int(i)) for i in ids]
        for position, form in enumerate(forms, start=1):
            form["position"] = position
            emu.store.put(COLL, form)
    return ok({COLL: [render_form(request, f) for f in sorted(emu.store.all(COLL), key=_order)]})


async def clone(request: Request) -> Response:
    emu = emulator(request)
    require_feature(emu)
    form = emu.store.require(COLL, path_id(request))
    copy = {k: v for k, v in form.items() if k != "id"}
    copy.update(raw_name=f"{form['raw_name']} (clone)", default=False,
                position=max(f["position"] for f in emu.store.all(COLL)) + 1)
    return ok({"ticket_form": render_form(request, emu.store.insert(COLL, copy))})


def _drop_field(emu: Emulator, field_id: int) -> None:
    """A deleted field leaves every form and condition, as in Zendesk."""
    for form in emu.store.all(COLL):
        form["ticket_field_ids"] = [i for i in form["ticket_field_ids"] if i != field_id]
        for key in ("agent_conditions", "end_user_conditions"):
            kept = []
            for cond in form[key]:
                if cond["parent_field_id"] == field_id:
                    continue
                cond["child_fields"] = [c for c in cond["child_fields"] if c["id"] != field_id]
                if cond["child_fields"]:
                    kept.append(cond)
            form[key] = kept
        emu.store.put(COLL, form)


fields.ON_DELETE.append(_drop_field)

_T = "/api/v2/ticket_forms"
ROUTES = [
    Route(_T, list_forms, methods=["GET"]),
    Route(_T, create, methods=["POST"]),
    Route(_T + "/reorder", reorder, methods=["PUT"]),
    Route(_T + "/show_many", show_many, methods=["GET"]),
    Route(_T + "/{id}", show, methods=["GET"]),
    Route(_T + "/{id}", update, methods=["PUT"]),
    Route(_T + "/{id}", delete, methods=["DELETE"]),
    Route(_T + "/{id}/clone", clone, methods=["POST"]),
]
SEEDERS = {"ticket_forms": create_form}
