"""Zendesk groups (agents' teams); a fresh account has the default group "Support"."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.core.errors import Invalid
from integrations.sandbox.core.http import emulator, path_id, read_json
from integrations.sandbox.core.paging import zendesk_page
from integrations.sandbox.core.store import Record
from integrations.sandbox.zendesk.common import api_url, blank, invalid, ok, truthy

__all__ = ["COLL", "ROUTES", "SEEDERS", "bootstrap", "create_group"]

COLL = "groups"


def bootstrap(emu: Emulator) -> None:
    create_group(emu, {"name": "Support", "default": True})


def create_group(emu: Emulator, data: dict[str, Any]) -> Record:
    name = str(data.get("name") or "").strip()
    if not name:
        raise Invalid([blank("name", "Name")])
    now = emu.clock.iso()
    return emu.store.insert(COLL, {
        "name": name, "description": str(data.get("description") or ""),
        "default": truthy(data.get("default")), "deleted": False,
        "is_public": truthy(data.get("is_public"), True),
        "created_at": now, "updated_at": now,
    })


def render(request: Request, g: Record) -> dict[str, Any]:
    return {**g, "url": api_url(request, f"/api/v2/groups/{g['id']}")}


async def list_groups(request: Request) -> Response:
    emu = emulator(request)
    return ok(zendesk_page(request, emu.store.all(COLL), "groups",
                           lambda g: render(request, g), unpaginated=False))


async def count_groups(request: Request) -> Response:
    emu = emulator(request)
    return ok({"count": {"value": emu.store.count(COLL), "refreshed_at": emu.clock.iso()}})


async def create(request: Request) -> Response:
    group = create_group(emulator(request), await read_json(request, wrapper="group"))
    return ok({"group": render(request, group)}, 201)


async def show(request: Request) -> Response:
    return ok({"group": render(request, emulator(request).store.require(COLL, path_id(request)))})


async def update(request: Request) -> Response:
    emu = emulator(request)
    group = emu.store.require(COLL, path_id(request))
    data = await read_json(request, wrapper="group")
    if "name" in data:
        if not str(data["name"] or "").strip():
            raise Invalid([blank("name", "Name")])
        group["name"] = str(data["name"]).strip()
    if "description" in data:
        group["description"] = str(data["description"] or "")
    if "is_public" in data:
        group["is_public"] = truthy(data["is_public"])
    group["updated_at"] = emu.clock.iso()
    emu.store.put(COLL, group)
    return ok({"group": render(request, group)})


async def delete(request: Request) -> Response:
    emu = emulator(request)
    group = emu.store.require(COLL, path_id(request))
    if group["default"]:
        raise Invalid([invalid("base", "The default group cannot be deleted")])
    emu.store.delete(COLL, group["id"])
    return Response(status_code=204)


ROUTES = [
    Route("/api/v2/groups", list_groups, methods=["GET"]),
    Route("/api/v2/groups", create, methods=["POST"]),
    Route("/api/v2/groups/count", count_groups, methods=["GET"]),
    Route("/api/v2/groups/assignable", list_groups, methods=["GET"]),
    Route("/api/v2/groups/{id}", show, methods=["GET"]),
    Route("/api/v2/groups/{id}", update, methods=["PUT"]),
    Route("/api/v2/groups/{id}", delete, methods=["DELETE"]),
]
SEEDERS = {"groups": create_group}
