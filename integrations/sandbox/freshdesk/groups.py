"""Freshdesk groups (the classic ``/api/v2/groups`` API); names are unique (409)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.core.errors import Conflict
from integrations.sandbox.core.http import emulator, path_id, read_json
from integrations.sandbox.core.paging import freshdesk_page
from integrations.sandbox.core.store import Record
from integrations.sandbox.freshdesk.common import check_attrs, err, ok, raise_if

__all__ = ["COLL", "ROUTES", "SEEDERS", "bootstrap", "create_group"]

COLL = "groups"
UNASSIGNED_FOR = ("30m", "1h", "2h", "4h", "8h", "12h", "1d", "2d", "3d")
_ATTRS: dict[str, type | tuple[type, ...]] = {
    "agent_ids": list, "auto_ticket_assign": int, "description": (str, type(None)),
    "escalate_to": (int, type(None)), "name": str, "unassigned_for": str,
}


def bootstrap(emu: Emulator) -> None:
    create_group(emu, {"name": "Support", "description": "Default support team"})


def _check(emu: Emulator, data: dict[str, Any], own_id: int | None, creating: bool) -> None:
    errors = check_attrs(data, _ATTRS, required=("name",) if creating else ())
    if "unassigned_for" in data and data["unassigned_for"] not in UNASSIGNED_FOR:
        errors.append(err("unassigned_for", "It should be one of these values: '"
                                            + ",".join(UNASSIGNED_FOR) + "'", "invalid_value"))
    if "auto_ticket_assign" in data and data["auto_ticket_assign"] not in (0, 1):
        errors.append(err("auto_ticket_assign", "It should be one of these values: '0,1'",
                          "invalid_value"))
    if isinstance(data.get("name"), str) and not data["name"].strip():
        errors.append(err("name", "It should not be blank", "invalid_value"))
    raise_if(errors)
    if "name" in data and any(g["name"].lower() == data["name"].strip().lower()
                              and g["id"] != own_id for g in emu.store.all(COLL)):
        raise Conflict([err("name", "It should be a unique value", "duplicate_value")])


def create_group(emu: Emulator, data: dict[str, Any]) -> Record:
    _check(emu, data, None, True)
    now = emu.clock.iso()
    return emu.store.insert(COLL, {
        "name": data["name"].strip(), "description": data.get("description"),
        "business_hour_id": None, "escalate_to": data.get("escalate_to"),
        "unassigned_for": data.get("unassigned_for", "30m"),
        "agent_ids": list(data.get("agent_ids") or []),
        "auto_ticket_assign": data.get("auto_ticket_assign", 0),
        "created_at": now, "updated_at": now,
    })


def _listed(g: Record) -> dict[str, Any]:
    return {k: v for k, v in g.items() if k != "agent_ids"}


def _shown(g: Record) -> dict[str, Any]:
    return {k: g[k] for k in ("id", "name", "description", "business_hour_id", "escalate_to",
                              "unassigned_for", "agent_ids", "auto_ticket_assign",
                              "created_at", "updated_at")}


async def list_groups(request: Request) -> Response:
    emu = emulator(request)
    page, headers = freshdesk_page(request, emu.store.all(COLL))
    return ok([_listed(g) for g in page], headers=headers)


async def create(request: Request) -> Response:
    return ok(_shown(create_group(emulator(request), await read_json(request))), 201)


async def show(request: Request) -> Response:
    return ok(_shown(emulator(request).store.require(COLL, path_id(request))))


async def update(request: Request) -> Response:
    emu = emulator(request)
    group = emu.store.require(COLL, path_id(request))
    data = await read_json(request)
    _check(emu, data, group["id"], False)
    for key in _ATTRS:
        if key in data:
            group[key] = data[key].strip() if key == "name" else data[key]
    group["updated_at"] = emu.clock.iso()
    emu.store.put(COLL, group)
    return ok(_shown(group))


async def delete(request: Request) -> Response:
    emu = emulator(request)
    emu.store.require(COLL, path_id(request))
    emu.store.delete(COLL, path_id(request))
    return Response(status_code=204)


ROUTES = [
    Route("/api/v2/groups", list_groups, methods=["GET"]),
    Route("/api/v2/groups", create, methods=["POST"]),
    Route("/api/v2/groups/{id}", show, methods=["GET"]),
    Route("/api/v2/groups/{id}", update, methods=["PUT"]),
    Route("/api/v2/groups/{id}", delete, methods=["DELETE"]),
]
SEEDERS = {"groups": create_group}
