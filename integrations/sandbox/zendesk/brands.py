"""Zendesk brands: several workspaces can share one account, one brand each; forms can be
restricted to brands. A fresh account has one default brand on the account subdomain."""

from __future__ import annotations

import re
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from integrations.sandbox import SUBDOMAIN
from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.core.errors import FieldError, Invalid
from integrations.sandbox.core.http import emulator, path_id, read_json
from integrations.sandbox.core.paging import zendesk_page
from integrations.sandbox.core.store import Record
from integrations.sandbox.zendesk.common import api_url, blank, invalid, ok, raise_if, truthy

__all__ = ["COLL", "ROUTES", "SEEDERS", "bootstrap", "create_brand"]

COLL = "brands"
_SUBDOMAIN = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def bootstrap(emu: Emulator) -> None:
    create_brand(emu, {"name": "Deskops Sandbox", "subdomain": SUBDOMAIN, "default": True,
                       "has_help_center": True})


def _check_subdomain(emu: Emulator, subdomain: str, own_id: int | None) -> list[FieldError]:
    if not subdomain:
        return [blank("subdomain", "Subdomain")]
    if not _SUBDOMAIN.match(subdomain):
        return [invalid("subdomain", "Subdomain: only lowercase letters, digits and dashes")]
    if any(b["subdomain"] == subdomain and b["id"] != own_id for b in emu.store.all(COLL)):
        return [invalid("subdomain", "Subdomain: has already been taken", "DuplicateValue")]
    return []


def create_brand(emu: Emulator, data: dict[str, Any]) -> Record:
    name = str(data.get("name") or "").strip()
    subdomain = str(data.get("subdomain") or "").strip().lower()
    errors = [] if name else [blank("name", "Name")]
    errors += _check_subdomain(emu, subdomain, None)
    raise_if(errors)
    now = emu.clock.iso()
    return emu.store.insert(COLL, {
        "name": name, "subdomain": subdomain, "host_mapping": data.get("host_mapping"),
        "active": truthy(data.get("active"), True), "default": truthy(data.get("default")),
        "has_help_center": truthy(data.get("has_help_center")), "is_deleted": False,
        "signature_template": "{{agent.signature}}", "created_at": now, "updated_at": now,
    })


def render(request: Request, b: Record) -> dict[str, Any]:
    emu = emulator(request)
    forms = [f["id"] for f in emu.store.all("ticket_forms")
             if f.get("in_all_brands") or b["id"] in f.get("restricted_brand_ids", [])]
    out = {
        "url": api_url(request, f"/api/v2/brands/{b['id']}"), "id": b["id"],
        "name": b["name"], "brand_url": f"https://{b['subdomain']}.zendesk.com",
        "subdomain": b["subdomain"], "has_help_center": b["has_help_center"],
        "help_center_state": "enabled" if b["has_help_center"] else "disabled",
        "active": b["active"], "default": b["default"], "is_deleted": b["is_deleted"],
        "ticket_form_ids": forms, "signature_template": b["signature_template"],
        "created_at": b["created_at"], "updated_at": b["updated_at"],
    }
    if b.get("host_mapping"):
        out["host_mapping"] = b["host_mapping"]
    return out


async def list_brands(request: Request) -> Response:
    emu = emulator(request)
    return ok(zendesk_page(request, emu.store.all(COLL), "brands",
                           lambda b: render(request, b), unpaginated=False))


async def create(request: Request) -> Response:
    brand = create_brand(emulator(request), await read_json(request, wrapper="brand"))
    return ok({"brand": render(request, brand)}, 201)


async def show(request: Request) -> Response:
    return ok({"brand": render(request, emulator(request).store.require(COLL, path_id(request)))})


async def update(request: Request) -> Response:
    emu = emulator(request)
    brand = emu.store.require(COLL, path_id(request))
    data = await read_json(request, wrapper="brand")
    errors: list[FieldError] = []
    if "name" in data:
        if not str(data["name"] or "").strip():
            errors.append(blank("name", "Name"))
        brand["name"] = str(data["name"] or "").strip()
    if "subdomain" in data:
        subdomain = str(data["subdomain"] or "").strip().lower()
        errors += _check_subdomain(emu, subdomain, brand["id"])
        brand["subdomain"] = subdomain
    raise_if(errors)
    for attr in ("active", "has_help_center"):
        if attr in data:
            brand[attr] = truthy(data[attr])
    if "host_mapping" in data:
        brand["host_mapping"] = data["host_mapping"]
    brand["updated_at"] = emu.clock.iso()
    emu.store.put(COLL, brand)
    return ok({"brand": render(request, brand)})


async def delete(request: Request) -> Response:
    emu = emulator(request)
    brand = emu.store.require(COLL, path_id(request))
    if brand["default"]:
        raise Invalid([invalid("base", "The default brand cannot be deleted")])
    emu.store.delete(COLL, brand["id"])
    for form in emu.store.all("ticket_forms"):
        if brand["id"] in form.get("restricted_brand_ids", []):
            form["restricted_brand_ids"].remove(brand["id"])
            emu.store.put("ticket_forms", form)
    return Response(status_code=204)


ROUTES = [
    Route("/api/v2/brands", list_brands, methods=["GET"]),
    Route("/api/v2/brands", create, methods=["POST"]),
    Route("/api/v2/brands/{id}", show, methods=["GET"]),
    Route("/api/v2/brands/{id}", update, methods=["PUT"]),
    Route("/api/v2/brands/{id}", delete, methods=["DELETE"]),
]
SEEDERS = {"brands": create_brand}
