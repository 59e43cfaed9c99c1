"""Freshdesk Solutions: categories, folders, articles and their translations.

Follows the Solutions chapter of ``freshdesk-api-v2-docs.txt``: objects are created in the
account's primary language (``POST /solutions/categories``, ``/categories/{id}/folders``,
``/folders/{id}/articles``) and translated through the language-coded endpoints
(``/solutions/articles/{id}/{language_code}``), which only accept the helpdesk's supported
languages (`integrations.sandbox.freshdesk.settings`); a translation needs its parents in
that language first. Folder visibility: 1 all users, 2 logged-in users, 3 agents (4-7:
companies, bots, segments). Article status: 1 draft, 2 published. Lists are paginated
(``per_page`` ≤ 100, ``Link`` header).

Each record keeps its texts per language in ``_translations`` (the primary one included), so
an object and all its languages are one lookup.
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
from integrations.sandbox.core.paging import freshdesk_page
from integrations.sandbox.core.store import Record
from integrations.sandbox.freshdesk.common import check_attrs, err, ok, raise_if
from integrations.sandbox.freshdesk.settings import helpdesk_settings

__all__ = ["ROUTES", "SEEDERS"]

_COLL = {"category": "sol_categories", "folder": "sol_folders", "article": "sol_articles"}
_CATEGORY_ATTRS: dict[str, type | tuple[type, ...]] = {
    "name": str, "description": (str, type(None)), "visible_in_portals": list}
_FOLDER_ATTRS: dict[str, type | tuple[type, ...]] = {
    "name": str, "description": (str, type(None)), "visibility": int,
    "parent_folder_id": (int, type(None)), "company_ids": list, "contact_segment_ids": list,
    "company_segment_ids": list}
_ARTICLE_ATTRS: dict[str, type | tuple[type, ...]] = {
    "title": str, "description": str, "status": int, "seo_data": dict, "tags": list,
    "agent_id": int}


def _primary(emu: Emulator) -> str:
    return str(helpdesk_settings(emu)["primary_language"])


def _language(emu: Emulator, code: str) -> str:
    """A supported (non-primary) language code, in the helpdesk's spelling."""
    for lang in helpdesk_settings(emu).get("supported_languages") or []:
        if str(lang).lower() == code.lower():
            return str(lang)
    if code.lower() == _primary(emu).lower():
        raise Invalid.one("language_code", f"{code} is the primary language; use the "
                                           "non-language endpoint", "invalid_value")
    raise Invalid.one("language_code", f"Language {code} is not one of the supported languages",
                      "invalid_value")


def _text(rec: Record, lang: str) -> Record | None:
    found = rec.get("_translations", {}).get(lang)
    return found if isinstance(found, dict) else None


def _strip(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def _hierarchy(emu: Emulator, rec: Record, kind: str, lang: str) -> list[dict[str, Any]]:
    chain: list[tuple[str, Record]] = []
    if kind == "article":
        folder = emu.store.require("sol_folders", rec["folder_id"])
        chain = [("category", emu.store.require("sol_categories", folder["category_id"])),
                 ("folder", folder)]
    elif kind == "folder":
        chain = [("category", emu.store.require("sol_categories", rec["category_id"])),
                 ("folder", rec)]
    out = []
    for level, (type_, item) in enumerate(chain):
        text = _text(item, lang) or _text(item, item["_primary"]) or {}
        out.append({"level": level, "type": type_,
                    "data": {"id": item["id"], "name": text.get("name", ""), "language": lang}})
    return out


def _render(emu: Emulator, kind: str, rec: Record, lang: str | None = None,
            counts: dict[int, int] | None = None) -> dict[str, Any]:
    lang = lang or rec["_primary"]
    text = _text(rec, lang) or {}
    out = {k: v for k, v in rec.items() if not k.startswith("_")}
    out.update({k: v for k, v in text.items() if k != "language"})
    if kind == "article":
        out["description_text"] = _strip(str(text.get("description", "")))
        out.setdefault("seo_data", {})  # the docs' samples answer {} when none was given
    if kind in ("article", "folder"):
        out["hierarchy"] = _hierarchy(emu, rec, kind, lang)
    if kind == "folder":
        if counts is None:
            counts = _article_counts(emu)
        out["articles_count"] = counts.get(rec["id"], 0)
        out["sub_folders_count"] = sum(1 for f in emu.store.all("sol_folders")
                                       if f.get("parent_folder_id") == rec["id"])
    return out


def _article_counts(emu: Emulator) -> dict[int, int]:
    counts: dict[int, int] = {}
    for article in emu.store.all("sol_articles"):
        counts[article["folder_id"]] = counts.get(article["folder_id"], 0) + 1
    return counts


def _put_text(emu: Emulator, kind: str, rec: Record, lang: str, body: dict[str, Any], *,
              create: bool) -> Record:
    now = emu.clock.iso()
    existing = _text(rec, lang)
    if create and existing is not None:
        raise Invalid.one("language_code", f"A {lang} translation already exists",
                          "duplicate_value")
    if not create and existing is None:
        raise NotFound()
    text = dict(existing or {"created_at": now})
    if kind == "article":
        for key in ("title", "description", "status", "seo_data"):
            if key in body:
                text[key] = body[key]
        if text.get("status") not in (1, 2):
            raise Invalid.one("status", "It should be one of these values: '1,2'",
                              "invalid_value")
    else:
        for key in ("name", "description"):
            if key in body:
                text[key] = body[key]
    text["updated_at"] = now
    rec.setdefault("_translations", {})[lang] = text
    rec["updated_at"] = now
    return emu.store.put(_COLL[kind], rec)


def _require_parent_language(emu: Emulator, kind: str, rec: Record, lang: str) -> None:
    parents: list[tuple[str, Record]] = []
    if kind == "folder":
        parents = [("category", emu.store.require("sol_categories", rec["category_id"]))]
    elif kind == "article":
        folder = emu.store.require("sol_folders", rec["folder_id"])
        parents = [("folder", folder),
                   ("category", emu.store.require("sol_categories", folder["category_id"]))]
    for name, parent in parents:
        if _text(parent, lang) is None:
            raise Invalid.one("language_code", f"The {name} is not translated to {lang}; "
                                               "translate the parents first", "invalid_value")


def _check(body: dict[str, Any], attrs: dict[str, type | tuple[type, ...]],
           required: tuple[str, ...]) -> None:
    errors: list[FieldError] = check_attrs(body, attrs, required)
    for key in ("name", "title"):
        if key in body and isinstance(body[key], str) and not body[key].strip():
            errors.append(err(key, "It should not be blank as this is a mandatory field",
                              "invalid_value"))
    if "visibility" in body and body["visibility"] not in range(1, 8):
        errors.append(err("visibility", "It should be one of these values: '1,2,3,4,5,6,7'",
                          "invalid_value"))
    raise_if(errors)


# -- handlers --------------------------------------------------------------------------------

def _kind(request: Request) -> str:
    path = request.url.path
    return "article" if "/articles" in path else "folder" if "/folders" in path else "category"


def _list(request: Request, items: list[Record], kind: str) -> Response:
    emu = emulator(request)
    lang = request.path_params.get("lang")
    if lang:
        lang = _language(emu, lang)
        items = [r for r in items if _text(r, lang) is not None]
    page, headers = freshdesk_page(request, items)
    counts = _article_counts(emu) if kind == "folder" else None
    return ok([_render(emu, kind, r, lang, counts) for r in page], headers=headers)


async def list_categories(request: Request) -> Response:
    return _list(request, emulator(request).store.all("sol_categories"), "category")


async def list_folders(request: Request) -> Response:
    emu = emulator(request)
    cid = path_id(request, "id")
    emu.store.require("sol_categories", cid)
    return _list(request, [f for f in emu.store.all("sol_folders") if f["category_id"] == cid
                           and f.get("parent_folder_id") is None], "folder")


async def list_subfolders(request: Request) -> Response:
    """``GET /solutions/folders/{id}/subfolders[/{lang}]``: a category lists its top folders
    only; the folders inside a folder come from here."""
    emu = emulator(request)
    fid = path_id(request, "id")
    emu.store.require("sol_folders", fid)
    return _list(request, [f for f in emu.store.all("sol_folders")
                           if f.get("parent_folder_id") == fid], "folder")


async def list_articles(request: Request) -> Response:
    emu = emulator(request)
    fid = path_id(request, "id")
    emu.store.require("sol_folders", fid)
    return _list(request, [a for a in emu.store.all("sol_articles") if a["folder_id"] == fid],
                 "article")


def _unique_name(emu: Emulator, coll: str, name: Any, siblings: Any = None) -> None:
    """Category names, and folder names within one parent, are unique (case-insensitive,
    in the primary language): 409 ``duplicate_value``."""
    wanted = str(name or "").strip().lower()
    for rec in emu.store.all(coll):
        if siblings is not None and not siblings(rec):
            continue
        text = _text(rec, rec["_primary"]) or {}
        if str(text.get("name") or "").strip().lower() == wanted:
            raise Conflict([err("name", f"It should be a unique value: {name}",
                                "duplicate_value")])


async def create_category(request: Request) -> Response:
    emu = emulator(request)
    body = await read_json(request)
    _check(body, _CATEGORY_ATTRS, ("name",))
    _unique_name(emu, "sol_categories", body["name"])
    with emu.db.transaction():
        now = emu.clock.iso()
        rec = emu.store.insert("sol_categories", {
            "_primary": _primary(emu), "visible_in_portals": body.get("visible_in_portals", []),
            "created_at": now, "updated_at": now})
        rec = _put_text(emu, "category", rec, rec["_primary"],
                        {"name": body["name"], "description": body.get("description")},
                        create=True)
    return ok(_render(emu, "category", rec), 201)


async def create_folder(request: Request) -> Response:
    emu = emulator(request)
    cid = path_id(request, "id")
    body = await read_json(request)
    _check(body, _FOLDER_ATTRS, ("name",))
    parent = body.get("parent_folder_id")
    _unique_name(emu, "sol_folders", body["name"], lambda f: f["category_id"] == cid
                 and f.get("parent_folder_id") == parent)
    with emu.db.transaction():
        emu.store.require("sol_categories", cid)
        now = emu.clock.iso()
        rec = emu.store.insert("sol_folders", {
            "_primary": _primary(emu), "category_id": cid,
            "parent_folder_id": body.get("parent_folder_id"),
            "visibility": body.get("visibility", 1), "created_at": now, "updated_at": now})
        rec = _put_text(emu, "folder", rec, rec["_primary"],
                        {"name": body["name"], "description": body.get("description")},
                        create=True)
    return ok(_render(emu, "folder", rec), 201)


async def create_article(request: Request) -> Response:
    emu = emulator(request)
    fid = path_id(request, "id")
    body = await read_json(request)
    _check(body, _ARTICLE_ATTRS, ("title", "description", "status"))
    with emu.db.transaction():
        folder = emu.store.require("sol_folders", fid)
        now = emu.clock.iso()
        rec = emu.store.insert("sol_articles", {
            "_primary": _primary(emu), "type": 1, "folder_id": fid,
            "category_id": folder["category_id"], "agent_id": body.get("agent_id", 1),
            "tags": list(body.get("tags") or []), "thumbs_up": 0, "thumbs_down": 0, "hits": 0,
            "created_at": now, "updated_at": now})
        rec = _put_text(emu, "article", rec, rec["_primary"], body, create=True)
    return ok(_render(emu, "article", rec), 201)


def _object(request: Request) -> tuple[Emulator, str, Record]:
    emu = emulator(request)
    kind = _kind(request)
    return emu, kind, emu.store.require(_COLL[kind], path_id(request, "id"))


async def show_object(request: Request) -> Response:
    emu, kind, rec = _object(request)
    lang = request.path_params.get("lang")
    if lang:
        lang = _language(emu, lang)
        if _text(rec, lang) is None:
            raise NotFound()
    return ok(_render(emu, kind, rec, lang))


async def update_object(request: Request) -> Response:
    """Primary language texts and object attributes (visibility, tags, status...)."""
    emu, kind, rec = _object(request)
    body = await read_json(request)
    attrs = {"article": _ARTICLE_ATTRS, "folder": _FOLDER_ATTRS,
             "category": _CATEGORY_ATTRS}[kind]
    _check(body, attrs, ())
    with emu.db.transaction():
        for key in ("visibility", "tags", "agent_id", "visible_in_portals", "company_ids"):
            if key in body and key in attrs:
                rec[key] = body[key]
        texts = {k: v for k, v in body.items()
                 if k in ("name", "description", "title", "status", "seo_data")}
        rec = _put_text(emu, kind, rec, rec["_primary"], texts, create=False)
    return ok(_render(emu, kind, rec))


async def write_translation(request: Request) -> Response:
    emu, kind, rec = _object(request)
    lang = _language(emu, request.path_params["lang"])
    body = await read_json(request)
    attrs = {"article": _ARTICLE_ATTRS, "folder": _FOLDER_ATTRS,
             "category": _CATEGORY_ATTRS}[kind]
    create = request.method == "POST"
    required = ("title", "description", "status") if kind == "article" else ("name",)
    _check(body, attrs, required if create else ())
    with emu.db.transaction():
        if create:
            _require_parent_language(emu, kind, rec, lang)
        rec = _put_text(emu, kind, rec, lang, body, create=create)
    return ok(_render(emu, kind, rec, lang), 201 if create else 200)


async def delete_object(request: Request) -> Response:
    emu, kind, rec = _object(request)
    with emu.db.transaction():
        if kind == "category":
            folders = [f for f in emu.store.all("sol_folders") if f["category_id"] == rec["id"]]
            for folder in folders:
                emu.store.delete("sol_folders", folder["id"])
            ids = {f["id"] for f in folders}
            for article in emu.store.all("sol_articles"):
                if article["folder_id"] in ids:
                    emu.store.delete("sol_articles", article["id"])
        if kind == "folder":
            for article in emu.store.all("sol_articles"):
                if article["folder_id"] == rec["id"]:
                    emu.store.delete("sol_articles", article["id"])
        emu.store.delete(_COLL[kind], rec["id"])
    return Response(status_code=204)


def _seed_edit(emu: Emulator, obj: dict[str, Any]) -> Record:
    """Seeder ``solution_article_edits``: an agent edits a language of an article."""
    rec = emu.store.require("sol_articles", int(obj["article_id"]))
    lang = str(obj.get("language") or rec["_primary"])
    texts: dict[str, Any] = {k: obj[k] for k in ("title", "description", "status") if k in obj}
    return _put_text(emu, "article", rec, lang, texts, create=False)


S = "/api/v2/solutions"
ROUTES = [
    Route(f"{S}/categories", list_categories, methods=["GET"]),
    Route(f"{S}/categories", create_category, methods=["POST"]),
    Route(f"{S}/categories/{{id:int}}/folders", list_folders, methods=["GET"]),
    Route(f"{S}/categories/{{id:int}}/folders", create_folder, methods=["POST"]),
    Route(f"{S}/categories/{{id:int}}/folders/{{lang}}", list_folders, methods=["GET"]),
    Route(f"{S}/folders/{{id:int}}/subfolders", list_subfolders, methods=["GET"]),
    Route(f"{S}/folders/{{id:int}}/subfolders/{{lang}}", list_subfolders, methods=["GET"]),
    Route(f"{S}/folders/{{id:int}}/articles", list_articles, methods=["GET"]),
    Route(f"{S}/folders/{{id:int}}/articles", create_article, methods=["POST"]),
    Route(f"{S}/folders/{{id:int}}/articles/{{lang}}", list_articles, methods=["GET"]),
    # Every object: show, update, delete; and one language version: show, create, update.
    *[route for kind in ("categories", "folders", "articles") for route in (
        Route(f"{S}/{kind}/{{id:int}}", show_object, methods=["GET"]),
        Route(f"{S}/{kind}/{{id:int}}", update_object, methods=["PUT"]),
        Route(f"{S}/{kind}/{{id:int}}", delete_object, methods=["DELETE"]),
        Route(f"{S}/{kind}/{{id:int}}/{{lang}}", show_object, methods=["GET"]),
        Route(f"{S}/{kind}/{{id:int}}/{{lang}}", write_translation, methods=["POST", "PUT"]))],
    Route(f"{S}/categories/{{lang}}", list_categories, methods=["GET"]),  # after {id:int}
]
SEEDERS = {"solution_article_edits": _seed_edit}
