"""Zendesk dynamic content items and their variants (one per locale).

Placeholders ``{{dc.name}}`` in titles, descriptions and option names are rendered with
`render_text` in the requested locale, else the account default, else the item's default
variant; the raw text stays in ``raw_*`` attributes.
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
from integrations.sandbox.core.paging import zendesk_page
from integrations.sandbox.core.store import Record
from integrations.sandbox.zendesk.common import api_url, blank, invalid, ok, raise_if, truthy
from integrations.sandbox.zendesk.locales import default_locale, find_locale

__all__ = ["ROUTES", "SEEDERS", "create_item", "render_text"]

COLL = "dynamic_content_items"
PLACEHOLDER = re.compile(r"\{\{\s*dc\.([A-Za-z0-9_\-.]+)\s*\}\}")


def placeholder_for(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", name.strip().lower()).strip("_")
    return "{{dc." + slug + "}}"


def render_text(emu: Emulator, text: str | None, locale_id: int | None = None) -> str | None:
    """Replace every known ``{{dc.x}}`` by its variant's content; unknown ones stay."""
    if not text or "{{" not in text:
        return text
    items = {it["placeholder"]: it for it in emu.store.all(COLL)}
    wanted = locale_id if locale_id is not None else default_locale(emu)["id"]

    def sub(match: re.Match[str]) -> str:
        item = items.get("{{dc." + match.group(1).lower() + "}}")
        if item is None:
            return match.group(0)
        variants = [v for v in item["variants"] if v.get("active", True)]
        for variant in sorted(variants, key=lambda v: (v["locale_id"] != wanted,
                                                         not v["default"])):
            if variant["locale_id"] == wanted or variant["default"]:
                return str(variant["content"])
        return match.group(0)

    return PLACEHOLDER.sub(sub, text)


def request_locale_id(request: Request) -> int | None:
    """``?locale=fr`` as a locale id (None: the account default)."""
    key = request.query_params.get("locale")
    if not key:
        return None
    found = find_locale(emulator(request), key)
    return int(found["id"]) if found else None


def _variant(emu: Emulator, data: dict[str, Any], index: str, taken: set[int]) -> Record:
    errors: list[FieldError] = []
    locale_id = data.get("locale_id")
    if locale_id is None:
        errors.append(blank(f"variants{index}.locale_id", "Locale"))
    elif find_locale(emu, locale_id) is None:
        errors.append(invalid(f"variants{index}.locale_id",
                              f"Locale: {locale_id} is not an enabled locale"))
    elif int(locale_id) in taken:
        errors.append(invalid(f"variants{index}.locale_id",
                              "Locale: has already been taken", "DuplicateValue"))
    if not str(data.get("content") or "").strip():
        errors.append(blank(f"variants{index}.content", "Content"))
    raise_if(errors)
    now = emu.clock.iso()
    return {"id": emu.store.next_id(), "locale_id": int(locale_id),  # type: ignore[arg-type]
            "content": str(data["content"]), "default": truthy(data.get("default")),
            "active": truthy(data.get("active"), True), "outdated": False,
            "created_at": now, "updated_at": now}


def create_item(emu: Emulator, data: dict[str, Any]) -> Record:
    name = str(data.get("name") or "").strip()
    errors: list[FieldError] = []
    if not name:
        errors.append(blank("name", "Name"))
    elif any(it["name"].lower() == name.lower() for it in emu.store.all(COLL)):
        errors.append(invalid("name", "Name: has already been taken", "DuplicateValue"))
    default_locale_id = data.get("default_locale_id")
    if default_locale_id is None or find_locale(emu, default_locale_id) is None:
        errors.append(invalid("default_locale_id",
                              "Default locale: must be an enabled locale"))
    variants_in = data.get("variants")
    if not isinstance(variants_in, list) or not variants_in:
        errors.append(blank("variants", "Variants"))
    raise_if(errors)
    assert isinstance(variants_in, list) and default_locale_id is not None
    with emu.db.transaction():
        taken: set[int] = set()
        variants = []
        for i, v in enumerate(variants_in):
            variant = _variant(emu, dict(v), f"[{i}]", taken)
            taken.add(variant["locale_id"])
            variants.append(variant)
        if int(default_locale_id) not in taken:
            raise Invalid.one("variants", "Variants: a variant in the default locale is required",
                              "InvalidValue")
        for v in variants:
            v["default"] = v["locale_id"] == int(default_locale_id)
        now = emu.clock.iso()
        return emu.store.insert(COLL, {
            "name": name, "placeholder": placeholder_for(name),
            "default_locale_id": int(default_locale_id), "outdated": False,
            "created_at": now, "updated_at": now, "variants": variants,
        })


def render_variant(request: Request, item_id: int, v: Record) -> dict[str, Any]:
    return {**v, "url": api_url(request,
                                f"/api/v2/dynamic_content/items/{item_id}/variants/{v['id']}")}


def render_item(request: Request, it: Record) -> dict[str, Any]:
    return {**it, "url": api_url(request, f"/api/v2/dynamic_content/items/{it['id']}"),
            "variants": [render_variant(request, it["id"], v) for v in it["variants"]]}


async def list_items(request: Request) -> Response:
    emu = emulator(request)
    return ok(zendesk_page(request, emu.store.all(COLL), "items",
                           lambda r: render_item(request, r)))


async def create(request: Request) -> Response:
    emu = emulator(request)
    item = create_item(emu, await read_json(request, wrapper="item"))
    return ok({"item": render_item(request, item)}, 201)


async def show(request: Request) -> Response:
    item = emulator(request).store.require(COLL, path_id(request))
    return ok({"item": render_item(request, item)})


async def show_many(request: Request) -> Response:
    emu = emulator(request)
    wanted = {p.strip() for p in request.query_params.get("identifiers", "").split(",") if p}
    items = [it for it in emu.store.all(COLL)
             if it["placeholder"][len("{{dc."):-2] in wanted or str(it["id"]) in wanted]
    return ok({"items": [render_item(request, it) for it in items]})


async def update(request: Request) -> Response:
    emu = emulator(request)
    item = emu.store.require(COLL, path_id(request))
    data = await read_json(request, wrapper="item")
    if "name" in data:
        name = str(data["name"] or "").strip()
        if not name:
            raise Invalid([blank("name", "Name")])
        item["name"] = name
    if "default_locale_id" in data:
        loc = data["default_locale_id"]
        if not any(v["locale_id"] == loc for v in item["variants"]):
            raise Invalid.one("default_locale_id",
                              "Default locale: the item has no variant in this locale",
                              "InvalidValue")
        item["default_locale_id"] = int(loc)
        for v in item["variants"]:
            v["default"] = v["locale_id"] == int(loc)
    item["updated_at"] = emu.clock.iso()
    emu.store.put(COLL, item)
    return ok({"item": render_item(request, item)})


async def delete(request: Request) -> Response:
    emu = emulator(request)
    emu.store.require(COLL, path_id(request))
    emu.store.delete(COLL, path_id(request))
    return Response(status_code=204)


# -- variants ---------------------------------------------------------------------------
def _find_variant(item: Record, variant_id: int) -> Record:
    for v in item["variants"]:
        if v["id"] == variant_id:
            found: Record = v
            return found
    raise NotFound()


def _apply_variant(emu: Emulator, item: Record, v: Record, data: dict[str, Any]) -> None:
    if "content" in data:
        if not str(data["content"] or "").strip():
            raise Invalid([blank("content", "Content")])
        v["content"] = str(data["content"])
    if "active" in data:
        v["active"] = truthy(data["active"])
    if truthy(data.get("default")):
        for other in item["variants"]:
            other["default"] = other is v
        item["default_locale_id"] = v["locale_id"]
    v["updated_at"] = emu.clock.iso()


async def list_variants(request: Request) -> Response:
    item = emulator(request).store.require(COLL, path_id(request))
    return ok({"variants": [render_variant(request, item["id"], v) for v in item["variants"]]})


def _add_variants(emu: Emulator, item: Record, datas: list[dict[str, Any]]) -> list[Record]:
    taken = {v["locale_id"] for v in item["variants"]}
    added = []
    for i, data in enumerate(datas):
        v = _variant(emu, data, f"[{i}]" if len(datas) > 1 else "", taken)
        taken.add(v["locale_id"])
        v["default"] = False
        item["variants"].append(v)
        _apply_variant(emu, item, v, {"default": data.get("default")})
        added.append(v)
    item["updated_at"] = emu.clock.iso()
    emu.store.put(COLL, item)
    return added


async def create_variant(request: Request) -> Response:
    emu = emulator(request)
    item = emu.store.require(COLL, path_id(request))
    data = await read_json(request, wrapper="variant")
    with emu.db.transaction():
        (v,) = _add_variants(emu, item, [data])
    return ok({"variant": render_variant(request, item["id"], v)}, 201)


async def create_many_variants(request: Request) -> Response:
    emu = emulator(request)
    item = emu.store.require(COLL, path_id(request))
    body = await read_json(request)
    datas = body.get("variants")
    if not isinstance(datas, list) or not datas:
        raise Invalid([blank("variants", "Variants")])
    with emu.db.transaction():
        added = _add_variants(emu, item, [dict(d) for d in datas])
    return ok({"variants": [render_variant(request, item["id"], v) for v in added]}, 201)


async def show_variant(request: Request) -> Response:
    item = emulator(request).store.require(COLL, path_id(request))
    v = _find_variant(item, path_id(request, "variant_id"))
    return ok({"variant": render_variant(request, item["id"], v)})


async def update_variant(request: Request) -> Response:
    emu = emulator(request)
    item = emu.store.require(COLL, path_id(request))
    v = _find_variant(item, path_id(request, "variant_id"))
    _apply_variant(emu, item, v, await read_json(request, wrapper="variant"))
    emu.store.put(COLL, item)
    return ok({"variant": render_variant(request, item["id"], v)})


async def update_many_variants(request: Request) -> Response:
    emu = emulator(request)
    item = emu.store.require(COLL, path_id(request))
    body = await read_json(request)
    datas = body.get("variants")
    if not isinstance(datas, list):
        raise Invalid([blank("variants", "Variants")])
    changed = []
    for data in datas:
        v = _find_variant(item, int(data.get("id") or 0))
        _apply_variant(emu, item, v, dict(data))
        changed.append(v)
    emu.store.put(COLL, item)
    return ok({"variants": [render_variant(request, item["id"], v) for v in changed]})


async def delete_variant(request: Request) -> Response:
    emu = emulator(request)
    item = emu.store.require(COLL, path_id(request))
    v = _find_variant(item, path_id(request, "variant_id"))
    if v["default"]:
        raise Invalid.one("variant", "Variant: the default variant cannot be deleted",
                          "InvalidValue")
    item["variants"] = [x for x in item["variants"] if x["id"] != v["id"]]
    emu.store.put(COLL, item)
    return Response(status_code=204)


_ITEM = "/api/v2/dynamic_content/items/{id}"
ROUTES = [
    Route("/api/v2/dynamic_content/items", list_items, methods=["GET"]),
    Route("/api/v2/dynamic_content/items", create, methods=["POST"]),
    Route("/api/v2/dynamic_content/items/show_many", show_many, methods=["GET"]),
    Route(_ITEM, show, methods=["GET"]),
    Route(_ITEM, update, methods=["PUT"]),
    Route(_ITEM, delete, methods=["DELETE"]),
    Route(_ITEM + "/variants", list_variants, methods=["GET"]),
    Route(_ITEM + "/variants", create_variant, methods=["POST"]),
    Route(_ITEM + "/variants/create_many", create_many_variants, methods=["POST"]),
    Route(_ITEM + "/variants/update_many", update_many_variants, methods=["PUT"]),
    Route(_ITEM + "/variants/{variant_id}", show_variant, methods=["GET"]),
    Route(_ITEM + "/variants/{variant_id}", update_variant, methods=["PUT"]),
    Route(_ITEM + "/variants/{variant_id}", delete_variant, methods=["DELETE"]),
]
SEEDERS = {"dynamic_content_items": create_item}
