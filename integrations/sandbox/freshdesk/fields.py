"""Freshdesk admin ticket fields (``/api/v2/admin/ticket_fields``), their choices and
sections (dynamic sections: fields shown when a dropdown has one of some choices).

Real behaviours kept on purpose:
* ``name`` is derived: ``cf_`` + the label's ASCII letters, digits and underscores
  (a suffix when that name is taken); it never changes;
* ``type`` cannot change after creation;
* choices are updated by DIFF: an entry with ``id`` updates that choice,
  ``{"id": N, "deleted": true}`` removes it, an entry without ``id`` adds one, and choices
  not mentioned stay; a choice given a ``position`` is placed there (1-based) and the
  others shift, as with a field's ``position``, then positions are renumbered 1..n;
* sections (``/{id}/sections``) hang on a dropdown; a choice belongs to at most one
  section; a field joins sections through its ``section_mappings`` (replaced as a whole
  when given); ``?include=section`` on the list and on one field adds ``sections`` to
  the parents; deleting a choice or a parent removes it from / deletes its sections;
* a field created without ``position`` goes on top (position 1), as documented;
* unknown attributes are rejected (``invalid_field``).
"""

from __future__ import annotations

import re
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.core.errors import Conflict, FieldError, Invalid, NotFound
from integrations.sandbox.core.http import emulator, path_id, read_json
from integrations.sandbox.core.store import Record
from integrations.sandbox.freshdesk.common import check_attrs, err, ok, raise_if

__all__ = ["COLL", "CUSTOM_TYPES", "ROUTES", "SECTIONS", "SEEDERS", "bootstrap", "create_field"]

COLL = "ticket_fields"
SECTIONS = "sections"
CUSTOM_TYPES = frozenset({"custom_text", "custom_paragraph", "custom_checkbox",
                          "custom_number", "custom_decimal", "custom_date", "custom_dropdown"})
DROPDOWNS = frozenset({"custom_dropdown", "default_ticket_type"})

_ATTRS: dict[str, type | tuple[type, ...]] = {
    "customers_can_edit": bool, "label_for_customers": str, "displayed_to_customers": bool,
    "label": str, "type": str, "position": int, "required_for_closure": bool,
    "required_for_agents": bool, "required_for_customers": bool, "choices": list,
    "dependent_fields": list, "section_mappings": list,
}

# name, type, agent label, customer label, required for agents/customers, customer-editable
_DEFAULTS: list[tuple[str, str, str, str, bool, bool, bool]] = [
    ("requester", "default_requester", "Search a requester", "Requester", True, True, True),
    ("subject", "default_subject", "Subject", "Subject", True, True, True),
    ("ticket_type", "default_ticket_type", "Type", "Type", False, False, True),
    ("source", "default_source", "Source", "Source", True, False, False),
    ("status", "default_status", "Status", "Status", True, False, False),
    ("priority", "default_priority", "Priority", "Priority", True, False, False),
    ("group", "default_group", "Group", "Group", False, False, False),
    ("agent", "default_agent", "Agent", "Assigned to", False, False, False),
    ("description", "default_description", "Description", "Description", True, True, True),
    ("company", "default_company", "Company", "Company", True, True, True),
]
_TICKET_TYPES = ["Question", "Incident", "Problem", "Feature Request", "Refund"]


def bootstrap(emu: Emulator) -> None:
    now = emu.clock.iso()
    for position, (name, type_, label, lfc, for_agents, for_customers, editable) in enumerate(
            _DEFAULTS, start=1):
        field: Record = {
            "id": emu.store.next_id(), "name": name, "label": label,
            "label_for_customers": lfc, "description": None, "position": position,
            "type": type_, "default": True, "customers_can_edit": editable,
            "required_for_closure": False, "required_for_agents": for_agents,
            "required_for_customers": for_customers,
            "displayed_to_customers": name not in ("source",),
            "created_at": now, "updated_at": now, "archived": False,
        }
        if name == "requester":
            field.update(portal_cc=False, portal_cc_to="company")
        if type_ == "default_ticket_type":
            field["choices"] = [_choice(emu, field["id"], v, i)
                                for i, v in enumerate(_TICKET_TYPES, start=1)]
        emu.store.put(COLL, field)


def _choice(emu: Emulator, parent_id: int, value: str, position: int) -> Record:
    return {"id": emu.store.next_id(), "position": position, "value": value,
            "parent_choice_id": parent_id, "choices": []}


def derive_name(emu: Emulator, label: str, own_id: int) -> str:
    ascii_label = label.encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9_]+", "_", ascii_label).strip("_")
    name = f"cf_{slug or 'field'}"
    taken = {f["name"] for f in emu.store.all(COLL)}
    return name if name not in taken else f"{name}_{own_id}"


def _place(emu: Emulator, field: Record, position: int) -> None:
    """Put ``field`` at ``position`` (1-based) and renumber every field contiguously."""
    others = sorted((f for f in emu.store.all(COLL) if f["id"] != field["id"]),
                    key=lambda f: (f["position"], f["id"]))
    index = min(max(position, 1), len(others) + 1) - 1
    ordered = [*others[:index], field, *others[index:]]
    for pos, f in enumerate(ordered, start=1):
        if f is field:
            field["position"] = pos
        elif f["position"] != pos:
            f["position"] = pos
            emu.store.put(COLL, f)


def _check_choices_create(given: list[Any]) -> list[FieldError]:
    errors: list[FieldError] = []
    seen: set[str] = set()
    for item in given:
        if not isinstance(item, dict) or not str(item.get("value") or "").strip():
            errors.append(err("choices", "Mandatory attribute missing: value", "missing_field"))
            continue
        value = str(item["value"]).strip()
        if value.lower() in seen:
            errors.append(err("choices", f"Duplicate choice value {value!r}", "duplicate_value"))
        seen.add(value.lower())
    if not given:
        errors.append(err("choices", "It should contain at least one choice", "invalid_value"))
    return errors


def _renumber(choices: list[Record]) -> list[Record]:
    ordered = sorted(enumerate(choices), key=lambda p: (p[1]["position"], p[0]))
    out = []
    for pos, (_, c) in enumerate(ordered, start=1):
        out.append({**c, "position": pos})
    return out


def _move(current: list[Record], choice: Record, position: int) -> list[Record]:
    """``choice`` placed at 1-based ``position`` (clamped), the others shifting around it,
    as a field's ``position`` places the field."""
    rest = [c for c in current if c is not choice]
    index = min(max(position - 1, 0), len(rest))
    return [*rest[:index], choice, *rest[index:]]


def _diff_choices(emu: Emulator, field: Record, given: list[Any]) -> None:
    """Apply a choices diff in order; a ``position`` places the choice there (1-based)."""
    current: list[Record] = sorted(field.get("choices") or [],
                                   key=lambda c: int(c["position"]))
    by_id = {c["id"]: c for c in current}
    errors: list[FieldError] = []
    for item in given:
        if not isinstance(item, dict):
            errors.append(err("choices", "Each choice must be an object", "datatype_mismatch"))
            continue
        cid = item.get("id")
        if cid is not None:
            target = by_id.get(cid)
            if target is None:
                errors.append(err("choices", f"There is no choice with id {cid}",
                                  "invalid_value"))
            elif item.get("deleted") is True:
                current = [c for c in current if c["id"] != cid]
                del by_id[cid]
            else:
                if "value" in item:
                    target["value"] = str(item["value"]).strip()
                if "position" in item:
                    current = _move(current, target, int(item["position"]))
        else:
            value = str(item.get("value") or "").strip()
            if not value:
                errors.append(err("choices", "Mandatory attribute missing: value",
                                  "missing_field"))
                continue
            position = int(item.get("position", len(current) + 1))
            new = _choice(emu, field["id"], value, position)
            current = _move([*current, new], new, position)
            by_id[new["id"]] = new
    seen: set[str] = set()
    for c in current:
        if c["value"].lower() in seen:
            errors.append(err("choices", f"Duplicate choice value {c['value']!r}",
                              "duplicate_value"))
        seen.add(c["value"].lower())
    raise_if(errors)
    field["choices"] = [{**c, "position": pos} for pos, c in enumerate(current, start=1)]
    kept = {c["id"] for c in current}
    for section in emu.store.all(SECTIONS):
        if section["parent_ticket_field_id"] == field["id"]:
            section["choice_ids"] = [i for i in section["choice_ids"] if i in kept]
            emu.store.put(SECTIONS, section)


def _check_labels(emu: Emulator, field: Record, data: dict[str, Any]) -> None:
    if "label" not in data:
        return
    label = str(data["label"]).strip()
    if not label:
        raise Invalid([err("label", "It should not be blank", "invalid_value")])
    if any(f["label"].lower() == label.lower() and f["id"] != field.get("id")
           for f in emu.store.all(COLL)):
        raise Conflict([err("label", "It should be a unique value", "duplicate_value")])


def _section_mappings(emu: Emulator, given: list[Any]) -> list[Record]:
    out = []
    for item in given:
        sid = item.get("section_id") if isinstance(item, dict) else None
        if not isinstance(sid, int) or emu.store.get(SECTIONS, sid) is None:
            raise Invalid([err("section_mappings", f"There is no section with id {sid}",
                               "invalid_value")])
        out.append({"section_id": sid, "position": int(item.get("position", 1))})
    return out


def _apply(emu: Emulator, field: Record, data: dict[str, Any]) -> None:
    for attr in ("label", "label_for_customers"):
        if attr in data:
            field[attr] = str(data[attr]).strip()
    for attr in ("customers_can_edit", "displayed_to_customers", "required_for_closure",
                 "required_for_agents", "required_for_customers"):
        if attr in data:
            field[attr] = bool(data[attr])
    if "section_mappings" in data:
        field["section_mappings"] = _section_mappings(emu, data["section_mappings"])
        if not field["section_mappings"]:
            del field["section_mappings"]


def create_field(emu: Emulator, data: dict[str, Any]) -> Record:
    errors = check_attrs(data, _ATTRS, required=("label", "type"))
    type_ = data.get("type")
    if isinstance(type_, str) and type_ not in CUSTOM_TYPES:
        errors.append(err("type", "It should be one of these values: '"
                                  + ",".join(sorted(CUSTOM_TYPES)) + "' (the sandbox does not "
                                  "emulate nested_field)", "invalid_value"))
    if type_ == "custom_dropdown":
        errors += _check_choices_create(data.get("choices") or [])
    elif "choices" in data:
        errors.append(err("choices", "choices are only allowed for dropdown fields",
                          "invalid_field"))
    if "dependent_fields" in data:
        errors.append(err("dependent_fields", "dependent_fields apply to nested_field only "
                                              "(not emulated)", "invalid_field"))
    raise_if(errors)
    now = emu.clock.iso()
    with emu.db.transaction():
        field: Record = {"id": emu.store.next_id()}
        _check_labels(emu, field, data)
        label = str(data["label"]).strip()
        field.update({
            "name": derive_name(emu, label, field["id"]), "label": label,
            "label_for_customers": label, "description": None, "position": 1,
            "type": type_, "default": False, "customers_can_edit": False,
            "required_for_closure": False, "required_for_agents": False,
            "required_for_customers": False, "displayed_to_customers": False,
            "created_at": now, "updated_at": now, "archived": False,
        })
        _apply(emu, field, data)
        if type_ == "custom_dropdown":
            choices = [_choice(emu, field["id"], str(c["value"]).strip(),
                               int(c.get("position", i)))
                       for i, c in enumerate(data["choices"], start=1)]
            field["choices"] = _renumber(choices)
        _place(emu, field, int(data.get("position", 1)))
        return emu.store.put(COLL, field)


# -- rendering --------------------------------------------------------------------------
def render_section(emu: Emulator, s: Record) -> dict[str, Any]:
    members = [f["id"] for f in emu.store.all(COLL)
               if any(m["section_id"] == s["id"] for m in f.get("section_mappings", []))]
    return {"id": s["id"], "label": s["label"],
            "parent_ticket_field_id": s["parent_ticket_field_id"],
            "choice_ids": s["choice_ids"], "ticket_field_ids": members, "is_fsm": False}


def render_field(emu: Emulator, f: Record, *, include_sections: bool = False) -> dict[str, Any]:
    out = dict(f)
    sections = [s for s in emu.store.all(SECTIONS) if s["parent_ticket_field_id"] == f["id"]]
    if sections:
        out["has_section"] = True
        if include_sections:
            out["sections"] = [render_section(emu, s) for s in sections]
    return out


def _ordered(emu: Emulator) -> list[Record]:
    return sorted(emu.store.all(COLL), key=lambda f: (f["position"], f["id"]))


# -- routes -----------------------------------------------------------------------------
async def list_fields(request: Request) -> Response:
    emu = emulator(request)
    sections = request.query_params.get("include") == "section"
    # The list carries no choices (the reference's sample): a client reads a dropdown or
    # the Type field on its own (``GET .../ticket_fields/{id}``) to learn its choice ids.
    return ok([{k: v for k, v in render_field(emu, f, include_sections=sections).items()
                if k != "choices"} for f in _ordered(emu)])


async def list_fields_public(request: Request) -> Response:
    """``GET /api/v2/ticket_fields`` (agents): choices as plain values; the Group field's
    as ``{name: id}``."""
    emu = emulator(request)
    out = []
    wanted = request.query_params.get("type")
    for f in _ordered(emu):
        if wanted and f["type"] != wanted:
            continue
        item = {k: v for k, v in f.items() if k not in ("choices", "section_mappings", "archived")}
        if "choices" in f:
            item["choices"] = [c["value"] for c in f["choices"]]
        if f["type"] == "default_group":  # name -> id, as the reference's sample: the one
            # place an agent's key learns group ids (the groups APIs are admin-only)
            item["choices"] = {g["name"]: g["id"] for g in emu.store.all("groups")}
        out.append(item)
    return ok(out)


async def create(request: Request) -> Response:
    emu = emulator(request)
    field = create_field(emu, await read_json(request))
    return ok(render_field(emu, field), 201)


async def show(request: Request) -> Response:
    emu = emulator(request)
    field = emu.store.require(COLL, path_id(request))
    return ok(render_field(emu, field,
                           include_sections=request.query_params.get("include") == "section"))


async def update(request: Request) -> Response:
    emu = emulator(request)
    field = emu.store.require(COLL, path_id(request))
    data = await read_json(request)
    errors = check_attrs(data, _ATTRS)
    if "type" in data and data["type"] != field["type"]:
        errors.append(err("type", "The type of a field cannot be changed", "readonly_field"))
    if "choices" in data and field["type"] not in DROPDOWNS:
        errors.append(err("choices", "choices are only allowed for dropdown fields",
                          "invalid_field"))
    raise_if(errors)
    with emu.db.transaction():
        _check_labels(emu, field, data)
        _apply(emu, field, data)
        if "choices" in data:
            _diff_choices(emu, field, data["choices"])
        if "position" in data:
            _place(emu, field, int(data["position"]))
        field["updated_at"] = emu.clock.iso()
        emu.store.put(COLL, field)
    return ok(render_field(emu, field))


async def delete(request: Request) -> Response:
    emu = emulator(request)
    field = emu.store.require(COLL, path_id(request))
    if field["default"]:
        raise Invalid([err("id", "Default fields cannot be deleted", "invalid_value")])
    with emu.db.transaction():
        emu.store.delete(COLL, field["id"])
        for section in emu.store.all(SECTIONS):
            if section["parent_ticket_field_id"] == field["id"]:
                _delete_section(emu, section["id"])
        for form in emu.store.all("ticket_forms"):
            kept = [f for f in form["fields"] if f["id"] != field["id"]]
            if len(kept) != len(form["fields"]):
                form["fields"] = kept
                emu.store.put("ticket_forms", form)
        for pos, f in enumerate(_ordered(emu), start=1):
            if f["position"] != pos:
                f["position"] = pos
                emu.store.put(COLL, f)
    return Response(status_code=204)


# -- sections -----------------------------------------------------------------------------
_SECTION_ATTRS: dict[str, type | tuple[type, ...]] = {"label": str, "choice_ids": list}


def _section_parent(emu: Emulator, request: Request) -> Record:
    field = emu.store.require(COLL, path_id(request))
    if field["type"] not in DROPDOWNS:
        raise NotFound()
    return field


def _check_section(emu: Emulator, parent: Record, data: dict[str, Any],
                   own_id: int | None, creating: bool) -> None:
    errors = check_attrs(data, _SECTION_ATTRS,
                         required=("label", "choice_ids") if creating else ())
    raise_if(errors)
    if "choice_ids" in data:
        known = {c["id"] for c in parent.get("choices") or []}
        used = {i for s in emu.store.all(SECTIONS)
                if s["parent_ticket_field_id"] == parent["id"] and s["id"] != own_id
                for i in s["choice_ids"]}
        for cid in data["choice_ids"]:
            if cid not in known:
                errors.append(err("choice_ids", f"There is no choice with id {cid}",
                                  "invalid_value"))
            elif cid in used:
                errors.append(err("choice_ids", f"Choice {cid} is already mapped to another "
                                                "section", "duplicate_value"))
    if "label" in data and not str(data["label"]).strip():
        errors.append(err("label", "It should not be blank", "invalid_value"))
    raise_if(errors)


def create_section(emu: Emulator, parent: Record, data: dict[str, Any]) -> Record:
    _check_section(emu, parent, data, None, True)
    return emu.store.insert(SECTIONS, {"label": str(data["label"]).strip(),
                                       "parent_ticket_field_id": parent["id"],
                                       "choice_ids": list(data["choice_ids"])})


def _sections_of(emu: Emulator, parent_id: int) -> list[dict[str, Any]]:
    return [render_section(emu, s) for s in emu.store.all(SECTIONS)
            if s["parent_ticket_field_id"] == parent_id]


def _delete_section(emu: Emulator, section_id: int) -> None:
    emu.store.delete(SECTIONS, section_id)
    for f in emu.store.all(COLL):
        mappings = f.get("section_mappings")
        if mappings and any(m["section_id"] == section_id for m in mappings):
            f["section_mappings"] = [m for m in mappings if m["section_id"] != section_id]
            if not f["section_mappings"]:
                del f["section_mappings"]
            emu.store.put(COLL, f)


async def list_sections(request: Request) -> Response:
    emu = emulator(request)
    parent = _section_parent(emu, request)
    return ok({"sections": _sections_of(emu, parent["id"])})


async def create_section_route(request: Request) -> Response:
    emu = emulator(request)
    parent = _section_parent(emu, request)
    create_section(emu, parent, await read_json(request))
    return ok({"sections": _sections_of(emu, parent["id"])}, 201)


def _section(emu: Emulator, request: Request) -> tuple[Record, Record]:
    parent = _section_parent(emu, request)
    section = emu.store.require(SECTIONS, path_id(request, "section_id"))
    if section["parent_ticket_field_id"] != parent["id"]:
        raise NotFound()
    return parent, section


async def show_section(request: Request) -> Response:
    emu = emulator(request)
    _, section = _section(emu, request)
    return ok({"section": render_section(emu, section)})


async def update_section(request: Request) -> Response:
    emu = emulator(request)
    parent, section = _section(emu, request)
    data = await read_json(request)
    _check_section(emu, parent, data, section["id"], False)
    if "label" in data:
        section["label"] = str(data["label"]).strip()
    if "choice_ids" in data:
        section["choice_ids"] = list(data["choice_ids"])
    emu.store.put(SECTIONS, section)
    return ok({"section": render_section(emu, section)})


async def delete_section(request: Request) -> Response:
    emu = emulator(request)
    _, section = _section(emu, request)
    _delete_section(emu, section["id"])
    return Response(status_code=204)


def _seed_section(emu: Emulator, data: dict[str, Any]) -> Record:
    parent = emu.store.require(COLL, int(data.pop("parent_ticket_field_id", 0)))
    return create_section(emu, parent, data)


_A = "/api/v2/admin/ticket_fields"
ROUTES = [
    Route("/api/v2/ticket_fields", list_fields_public, methods=["GET"]),
    Route(_A, list_fields, methods=["GET"]),
    Route(_A, create, methods=["POST"]),
    Route(_A + "/{id}", show, methods=["GET"]),
    Route(_A + "/{id}", update, methods=["PUT"]),
    Route(_A + "/{id}", delete, methods=["DELETE"]),
    Route(_A + "/{id}/sections", list_sections, methods=["GET"]),
    Route(_A + "/{id}/sections", create_section_route, methods=["POST"]),
    Route(_A + "/{id}/sections/{section_id}", show_section, methods=["GET"]),
    Route(_A + "/{id}/sections/{section_id}", update_section, methods=["PUT"]),
    Route(_A + "/{id}/sections/{section_id}", delete_section, methods=["DELETE"]),
]
SEEDERS = {"ticket_fields": create_field, "sections": _seed_section}
