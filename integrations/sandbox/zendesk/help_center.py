"""Zendesk Help Center (Guide): categories, sections, articles, translations, attachments.

Follows ``../shared/reference/zendesk-help-center-oas.yaml`` and the facts its README adds:
title and body live on translations (``PUT /articles/{id}`` changes metadata only; the body
changes through ``/articles/{id}/translations/{locale}``); a locale must be enabled in Guide
(`set_hc_locales`, default ``en-us fr ko pt-br``); a parent category and section must be
translated in a locale before an article translation in it (422 otherwise); create requires
``permission_group_id`` and an explicit ``user_segment_id`` (``null``: everyone).

Collections: ``hc_categories``, ``hc_sections``, ``hc_articles`` (each keeps its translations,
title/body per locale, inside its record), ``hc_attachments``, ``hc_user_segments``,
``hc_permission_groups``.
Lists accept ``include=translations`` (embedded, as Zendesk does) and cursor pagination.
"""

from __future__ import annotations

import re
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.core.errors import BadRequest, FieldError, Invalid, NotFound
from integrations.sandbox.core.http import emulator, path_id, read_json
from integrations.sandbox.core.paging import zendesk_page
from integrations.sandbox.core.store import Record
from integrations.sandbox.zendesk.common import api_url, ok, truthy

__all__ = ["DEFAULT_HC_LOCALES", "LIMITS", "ROUTES", "SEEDERS", "bootstrap", "set_hc_locales"]

DEFAULT_HC_LOCALES = ("en-us", "fr", "ko", "pt-br")
_TYPES = {"articles": "Article", "sections": "Section", "categories": "Category"}
_COLL = {"Article": "hc_articles", "Section": "hc_sections", "Category": "hc_categories"}
LIMITS: list[Any] = []


# -- account state --------------------------------------------------------------------------

def set_hc_locales(emu: Emulator, locales: list[str], default: str | None = None) -> None:
    """Control: Guide's enabled locales (lowercase codes) and default locale."""
    codes = [c.strip().lower() for c in locales]
    default_code = (default or codes[0]).lower()
    if default_code not in codes:
        raise BadRequest(f"default locale {default_code} is not enabled")
    emu.store.set_meta("hc_locales", codes)
    emu.store.set_meta("hc_default_locale", default_code)


def _locales(emu: Emulator) -> list[str]:
    return list(emu.store.get_meta("hc_locales", list(DEFAULT_HC_LOCALES)))


def bootstrap(emu: Emulator) -> None:
    set_hc_locales(emu, list(DEFAULT_HC_LOCALES), "en-us")
    now = emu.clock.iso()
    emu.store.insert("hc_permission_groups", {"name": "Admins", "built_in": True,
                                              "publish": [], "edit": [],
                                              "created_at": now, "updated_at": now})
    for name, user_type in (("Signed-in users", "signed_in_users"),
                            ("Agents and admins", "staff")):
        emu.store.insert("hc_user_segments", {
            "name": name, "user_type": user_type, "built_in": True, "group_ids": [],
            "organization_ids": [], "tags": [], "or_tags": [],
            "created_at": now, "updated_at": now})


def _check_locale(emu: Emulator, locale: Any, field: str = "locale") -> str:
    if not isinstance(locale, str) or not locale:
        raise Invalid.one(field, "locale: cannot be blank", "BlankValue")
    code = locale.lower()
    if code not in _locales(emu):
        raise Invalid.one(field, f"Locale {locale} is not enabled for this Help Center",
                          "InvalidLocale")
    return code


# -- translations -----------------------------------------------------------------------------
# Each object keeps its translations inside its own record (``_translations``: locale ->
# translation), so reading an object with all its locales is one lookup.

def _translations(rec: Record) -> list[Record]:
    return [rec["_translations"][k] for k in sorted(rec.get("_translations", {}))]


def _translation(rec: Record, locale: str) -> Record | None:
    found = rec.get("_translations", {}).get(locale.lower())
    return found if isinstance(found, dict) else None


def _html_url(request: Request, kind: str, locale: str, id_: int) -> str:
    return f"{str(request.base_url).rstrip('/')}/hc/{locale}/{kind}/{id_}"


def _render_translation(request: Request, t: Record) -> dict[str, Any]:
    kind = {"Article": "articles", "Section": "sections", "Category": "categories"}[
        t["source_type"]]
    return {**t, "url": api_url(request, f"/api/v2/help_center/translations/{t['id']}"),
            "html_url": _html_url(request, kind, t["locale"], t["source_id"])}


def _put_translation(emu: Emulator, rec: Record, body: dict[str, Any], *, create: bool,
                     locale: str | None = None) -> Record:
    """Create or update one translation of ``rec`` (stored back), enforcing Guide's rules."""
    code = _check_locale(emu, locale or body.get("locale"))
    existing = _translation(rec, code)
    now = emu.clock.iso()
    if create:
        if existing is not None:
            raise Invalid.one("locale", f"Locale {code} already has a translation", "Taken")
        title = body.get("title")
        if not isinstance(title, str) or not title.strip():
            raise Invalid.one("title", "title: cannot be blank", "BlankValue")
        if rec["_type"] == "Article":
            _require_parents(emu, rec, code)
        existing = {
            "id": emu.store.next_id(), "source_type": rec["_type"], "source_id": rec["id"],
            "locale": code, "title": title, "body": str(body.get("body") or ""),
            "draft": truthy(body.get("draft")), "outdated": False,
            "created_at": now, "updated_at": now, "created_by_id": 1, "updated_by_id": 1}
    else:
        if existing is None:
            raise NotFound()
        if "title" in body and (not isinstance(body["title"], str) or not body["title"].strip()):
            raise Invalid.one("title", "title: cannot be blank", "BlankValue")
        for key in ("title", "body"):
            if key in body and body[key] is not None:
                existing[key] = str(body[key])
        if "draft" in body:
            existing["draft"] = truthy(body["draft"])
        existing["updated_at"] = now
        existing["updated_by_id"] = 1
    rec.setdefault("_translations", {})[code] = existing
    emu.store.put(_COLL[rec["_type"]], rec)
    return existing


def _require_parents(emu: Emulator, article: Record, locale: str) -> None:
    section = emu.store.require("hc_sections", article["section_id"])
    if _translation(section, locale) is None:
        raise Invalid.one("locale", f"The section is not translated to {locale}; translate the "
                                    "section and its category first", "InvalidLocale")
    category = emu.store.require("hc_categories", section["category_id"])
    if _translation(category, locale) is None:
        raise Invalid.one("locale", f"The category is not translated to {locale}; translate "
                                    "the category first", "InvalidLocale")


# -- rendering --------------------------------------------------------------------------------

def _display_locale(emu: Emulator, request: Request, rec: Record) -> str:
    wanted = request.path_params.get("locale")
    if wanted and _translation(rec, wanted) is not None:
        return str(wanted).lower()
    return str(rec["source_locale"])


def _render(emu: Emulator, request: Request, kind: str, rec: Record) -> dict[str, Any]:
    locale = _display_locale(emu, request, rec)
    t = _translation(rec, locale) or {}
    out = {k: v for k, v in rec.items() if not k.startswith("_")}
    out.update({
        "locale": locale, "url": api_url(request, f"/api/v2/help_center/{kind}/{rec['id']}"),
        "html_url": _html_url(request, kind, locale, rec["id"]), "outdated": False,
    })
    if kind == "articles":  # real answers repeat the title as ``name`` (not in the spec)
        out.update({"title": t.get("title", ""), "name": t.get("title", ""),
                    "body": t.get("body", ""),
                    "draft": bool(t.get("draft", False)),
                    "edited_at": t.get("updated_at", rec["updated_at"]),
                    "outdated_locales": []})
    else:
        out.update({"name": t.get("title", ""), "description": t.get("body", "")})
    if "translations" in request.query_params.get("include", "").split(","):
        out["translations"] = [_render_translation(request, x) for x in _translations(rec)]
    return out


_SORTS = ("position", "created_at", "updated_at", "title")


def _sorting(request: Request, kind: str) -> tuple[str, str]:
    """``sort_by`` (``position`` by default; ``title`` for articles) and ``sort_order``
    (``asc``), as the list operations document them."""
    q = request.query_params
    sort_by, sort_order = q.get("sort_by", "position"), q.get("sort_order", "asc")
    allowed = _SORTS if kind == "articles" else _SORTS[:3]
    if sort_by not in allowed or sort_order not in ("asc", "desc"):
        raise BadRequest(f"sort_by must be one of {', '.join(allowed)} and sort_order asc or "
                         "desc", code="InvalidValue", field="sort_by")
    return sort_by, sort_order


def _list(request: Request, kind: str, items: list[Record]) -> Response:
    emu = emulator(request)
    sort_by, sort_order = _sorting(request, kind)
    shown = {int(r["id"]): _render(emu, request, kind, r) for r in items}

    def key(r: Record) -> Any:
        value = shown[int(r["id"])].get(sort_by)
        return (value is None, value if value is not None else 0, int(r["id"]))

    ranked = sorted(items, key=key, reverse=sort_order == "desc")
    rank = {int(r["id"]): i for i, r in enumerate(ranked)}
    return ok(zendesk_page(request, items, kind, lambda r: shown[int(r["id"])],
                           unpaginated=False, order=lambda r: rank[int(r["id"])],
                           guide=(sort_by, sort_order)))


# -- categories and sections -----------------------------------------------------------------

def _create_container(emu: Emulator, coll: str, type_: str, body: dict[str, Any],
                      locale: str | None, extra: dict[str, Any]) -> Record:
    name = body.get("name")
    if not isinstance(name, str) or not name.strip():
        raise Invalid.one("name", "name: cannot be blank", "BlankValue")
    code = _check_locale(emu, locale or body.get("locale"))
    now = emu.clock.iso()
    rec = emu.store.insert(coll, {"_type": type_, "source_locale": code,
                                  "position": int(body.get("position") or 0),
                                  "created_at": now, "updated_at": now, **extra})
    _put_translation(emu, rec, {"title": name, "body": body.get("description")},
                     create=True, locale=code)
    return rec


async def list_categories(request: Request) -> Response:
    return _list(request, "categories", emulator(request).store.all("hc_categories"))


async def create_category(request: Request) -> Response:
    emu = emulator(request)
    body = await read_json(request, wrapper="category")
    with emu.db.transaction():
        rec = _create_container(emu, "hc_categories", "Category", body,
                                request.path_params.get("locale"), {})
    return ok({"category": _render(emu, request, "categories", rec)}, 201)


async def list_sections(request: Request) -> Response:
    emu = emulator(request)
    items = emu.store.all("hc_sections")
    if "category_id" in request.path_params:
        cid = path_id(request, "category_id")
        emu.store.require("hc_categories", cid)
        items = [s for s in items if s["category_id"] == cid]
    return _list(request, "sections", items)


async def create_section(request: Request) -> Response:
    emu = emulator(request)
    cid = path_id(request, "category_id")
    body = await read_json(request, wrapper="section")
    with emu.db.transaction():
        emu.store.require("hc_categories", cid)
        code = _check_locale(emu, request.path_params.get("locale") or body.get("locale"))
        if _translation(emu.store.require("hc_categories", cid), code) is None:
            raise Invalid.one("locale", f"The category is not translated to {code}",
                              "InvalidLocale")
        rec = _create_container(emu, "hc_sections", "Section", body, code,
                                {"category_id": cid, "parent_section_id": None,
                                 "theme_template": "section_page"})
    return ok({"section": _render(emu, request, "sections", rec)}, 201)


def _object(request: Request) -> tuple[Emulator, str, str, Record]:
    emu = emulator(request)
    kind = request.url.path.split("/help_center/", 1)[1].split("/")
    kind_name = next(k for k in kind if k in _TYPES)
    type_ = _TYPES[kind_name]
    rec = emu.store.require(_COLL[type_], path_id(request, "id"))
    return emu, kind_name, type_, rec


async def show_object(request: Request) -> Response:
    emu, kind, _, rec = _object(request)
    return ok({kind[:-1] if kind != "categories" else "category": _render(emu, request, kind, rec)})


async def update_object(request: Request) -> Response:
    """Metadata only for articles; name/description of the source locale for containers."""
    emu, kind, type_, rec = _object(request)
    wrapper = {"articles": "article", "sections": "section", "categories": "category"}[kind]
    body = await read_json(request, wrapper=wrapper)
    with emu.db.transaction():
        if kind == "articles":
            if "section_id" in body:
                emu.store.require("hc_sections", int(body["section_id"]))
                rec["section_id"] = int(body["section_id"])
            if "label_names" in body:
                labels = body["label_names"]
                if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
                    raise Invalid.one("label_names", "label_names: must be a list of strings",
                                      "InvalidValue")
                rec["label_names"] = labels
            if "user_segment_id" in body:
                rec["user_segment_id"] = _segment(emu, body["user_segment_id"])
            for key in ("position", "promoted", "comments_disabled", "permission_group_id"):
                if key in body:
                    rec[key] = body[key]
        else:
            if "position" in body:
                rec["position"] = int(body["position"] or 0)
            if "name" in body or "description" in body:
                change = {"title": body.get("name"), "body": body.get("description")}
                _put_translation(emu, rec, {k: v for k, v in change.items() if v is not None},
                                 create=False, locale=rec["source_locale"])
        rec["updated_at"] = emu.clock.iso()
        emu.store.put(_COLL[type_], rec)
    return ok({wrapper: _render(emu, request, kind, rec)})


async def delete_object(request: Request) -> Response:
    emu, _, type_, rec = _object(request)
    with emu.db.transaction():
        doomed = [(type_, rec["id"])]
        if type_ == "Section":
            doomed += [("Article", a["id"]) for a in emu.store.all("hc_articles")
                       if a["section_id"] == rec["id"]]
        if type_ == "Category":
            sections = [s for s in emu.store.all("hc_sections") if s["category_id"] == rec["id"]]
            doomed += [("Section", s["id"]) for s in sections]
            ids = {s["id"] for s in sections}
            doomed += [("Article", a["id"]) for a in emu.store.all("hc_articles")
                       if a["section_id"] in ids]
        for t, i in doomed:
            emu.store.delete(_COLL[t], i)
    return Response(status_code=204)


# -- articles ---------------------------------------------------------------------------------

def _segment(emu: Emulator, value: Any) -> int | None:
    if value is None:
        return None
    try:
        seg = int(value)
    except (TypeError, ValueError):
        raise Invalid.one("user_segment_id", "user_segment_id: is invalid",
                          "InvalidValue") from None
    if emu.store.get("hc_user_segments", seg) is None:
        raise Invalid.one("user_segment_id", f"user_segment_id: {seg} does not exist",
                          "InvalidValue")
    return seg


async def list_articles(request: Request) -> Response:
    emu = emulator(request)
    items = emu.store.all("hc_articles")
    if "section_id" in request.path_params:
        sid = path_id(request, "section_id")
        emu.store.require("hc_sections", sid)
        items = [a for a in items if a["section_id"] == sid]
    return _list(request, "articles", items)


async def create_article(request: Request) -> Response:
    emu = emulator(request)
    sid = path_id(request, "section_id")
    body = await read_json(request, wrapper="article")
    errors: list[FieldError] = []
    if not isinstance(body.get("title"), str) or not body["title"].strip():
        errors.append(FieldError("title", "title: cannot be blank", "BlankValue"))
    if body.get("permission_group_id") is None:
        errors.append(FieldError("permission_group_id", "permission_group_id: cannot be blank",
                                 "BlankValue"))
    elif emu.store.get("hc_permission_groups", int(body["permission_group_id"])) is None:
        errors.append(FieldError("permission_group_id", "permission_group_id: is invalid",
                                 "InvalidValue"))
    if "user_segment_id" not in body and "user_segment_ids" not in body:
        errors.append(FieldError("user_segment_id", "user_segment_id: must be given (null for "
                                 "everyone)", "BlankValue"))
    if errors:
        raise Invalid(errors)
    with emu.db.transaction():
        emu.store.require("hc_sections", sid)
        code = _check_locale(emu, request.path_params.get("locale") or body.get("locale"))
        now = emu.clock.iso()
        rec = emu.store.insert("hc_articles", {
            "_type": "Article", "section_id": sid, "source_locale": code, "author_id": 1,
            "permission_group_id": int(body["permission_group_id"]),
            "user_segment_id": _segment(emu, body.get("user_segment_id")),
            "label_names": list(body.get("label_names") or []),
            "position": int(body.get("position") or 0), "promoted": bool(body.get("promoted")),
            "comments_disabled": bool(body.get("comments_disabled")), "vote_sum": 0,
            "vote_count": 0, "content_tag_ids": [], "created_at": now, "updated_at": now})
        _put_translation(emu, rec, body, create=True, locale=code)
    return ok({"article": _render(emu, request, "articles", rec)}, 201)


# -- translations endpoints ---------------------------------------------------------------------

def _source(request: Request) -> tuple[Emulator, Record]:
    emu, _, _, rec = _object(request)
    return emu, rec


async def list_object_translations(request: Request) -> Response:
    _, rec = _source(request)
    items = _translations(rec)
    wanted = request.query_params.get("locales")
    if wanted:
        codes = {c.strip().lower() for c in wanted.split(",")}
        items = [t for t in items if t["locale"] in codes]
    return ok(zendesk_page(request, items, "translations",
                           lambda t: _render_translation(request, t), unpaginated=False,
                           guide=("position", "asc")))


async def create_object_translation(request: Request) -> Response:
    emu, rec = _source(request)
    body = await read_json(request, wrapper="translation")
    with emu.db.transaction():
        t = _put_translation(emu, rec, body, create=True)
    return ok({"translation": _render_translation(request, t)}, 201)


async def show_object_translation(request: Request) -> Response:
    _, rec = _source(request)
    t = _translation(rec, request.path_params["tlocale"])
    if t is None:
        raise NotFound()
    return ok({"translation": _render_translation(request, t)})


async def update_object_translation(request: Request) -> Response:
    emu, rec = _source(request)
    body = await read_json(request, wrapper="translation")
    with emu.db.transaction():
        t = _put_translation(emu, rec, body, create=False,
                             locale=request.path_params["tlocale"])
    return ok({"translation": _render_translation(request, t)})


async def delete_translation(request: Request) -> Response:
    """``DELETE /translations/{id}``: refused (422) when it is the object's only translation,
    as the spec says, and for the source locale, which Guide does not let go either."""
    emu = emulator(request)
    tid = path_id(request, "tid")
    with emu.db.transaction():
        for coll in _COLL.values():
            for rec in emu.store.all(coll):
                for code, t in list(rec.get("_translations", {}).items()):
                    if t.get("id") != tid:
                        continue
                    if len(rec["_translations"]) == 1 or code == rec["source_locale"]:
                        raise Invalid.one("locale", "locale: cannot delete the source or the "
                                                    "only translation", "InvalidValue")
                    del rec["_translations"][code]
                    emu.store.put(coll, rec)
                    return Response(status_code=204)
    raise NotFound()


# -- attachments, locales, segments, permission groups -----------------------------------------

async def create_attachment(request: Request) -> Response:
    """Multipart ``file`` (+ ``inline``); the body references ``content_url``."""
    emu = emulator(request)
    article_id = path_id(request, "id")
    emu.store.require("hc_articles", article_id)
    form = await request.form()
    upload = form.get("file")
    if upload is None or isinstance(upload, str):
        raise Invalid.one("file", "file: cannot be blank", "BlankValue")
    data = await upload.read()
    name = re.sub(r"[^\w.\-]", "_", upload.filename or "file")
    now = emu.clock.iso()
    rec = emu.store.insert("hc_attachments", {
        "article_id": article_id, "file_name": name, "size": len(data),
        "content_type": upload.content_type or "application/octet-stream",
        "inline": truthy(form.get("inline")), "created_at": now, "updated_at": now,
        **({"locale": str(form["locale"])} if form.get("locale") else {})})
    base = str(request.base_url).rstrip("/")
    rec["content_url"] = f"{base}/hc/article_attachments/{rec['id']}/{name}"
    rec["url"] = api_url(request, f"/api/v2/help_center/articles/attachments/{rec['id']}")
    emu.store.put("hc_attachments", rec)
    return ok({"article_attachment": rec}, 201)


async def list_attachments(request: Request) -> Response:
    emu = emulator(request)
    article_id = path_id(request, "id")
    emu.store.require("hc_articles", article_id)
    items = [a for a in emu.store.all("hc_attachments") if a["article_id"] == article_id]
    return ok(zendesk_page(request, items, "article_attachments", lambda r: r,
                           unpaginated=False, guide=("position", "asc")))


async def list_hc_locales(request: Request) -> Response:
    emu = emulator(request)
    return ok({"locales": _locales(emu),
               "default_locale": emu.store.get_meta("hc_default_locale", "en-us")})


async def list_segments(request: Request) -> Response:
    emu = emulator(request)
    return ok(zendesk_page(request, emu.store.all("hc_user_segments"), "user_segments",
                           lambda r: r))


async def list_permission_groups(request: Request) -> Response:
    emu = emulator(request)
    return ok(zendesk_page(request, emu.store.all("hc_permission_groups"), "permission_groups",
                           lambda r: r))


async def admin_hc_locales(request: Request) -> Response:
    """``PUT /_sandbox/help_center/locales {"locales": [...], "default": "en-us"}``."""
    emu = emulator(request)
    if request.method == "PUT":
        body = await read_json(request)
        locales = body.get("locales")
        if not isinstance(locales, list) or not locales:
            raise BadRequest('expected {"locales": ["en-us", ...], "default": "en-us"}')
        set_hc_locales(emu, [str(c) for c in locales], body.get("default"))
    return ok({"locales": _locales(emu),
               "default": emu.store.get_meta("hc_default_locale", "en-us")})


def _seed_article_edit(emu: Emulator, obj: dict[str, Any]) -> Record:
    """Seeder ``hc_translation_edits``: change a translation as an agent would in Guide."""
    rec = emu.store.require("hc_articles", int(obj["article_id"]))
    return _put_translation(emu, rec, obj, create=False, locale=str(obj["locale"]))


def _seed_user_segment(emu: Emulator, obj: dict[str, Any]) -> Record:
    """Seeder ``hc_user_segments``: a custom segment, as an admin makes one in Guide."""
    now = emu.clock.iso()
    return emu.store.insert("hc_user_segments", {
        "name": str(obj["name"]), "user_type": str(obj.get("user_type") or "signed_in_users"),
        "built_in": False, "group_ids": [], "organization_ids": [],
        "tags": list(obj.get("tags") or []), "or_tags": [], "created_at": now,
        "updated_at": now})


def _seed_permission_group(emu: Emulator, obj: dict[str, Any]) -> Record:
    """Seeder ``hc_permission_groups``: a custom (not built-in) permission group."""
    now = emu.clock.iso()
    return emu.store.insert("hc_permission_groups", {
        "name": str(obj["name"]), "built_in": False, "publish": [], "edit": [],
        "created_at": now, "updated_at": now})


HC = "/api/v2/help_center"
_ROUTES: list[tuple[str, Any, list[str]]] = [
    ("/locales", list_hc_locales, ["GET"]),
    ("/categories", list_categories, ["GET"]),
    ("/categories", create_category, ["POST"]),
    ("/categories/{id:int}", show_object, ["GET"]),
    ("/categories/{id:int}", update_object, ["PUT"]),
    ("/categories/{id:int}", delete_object, ["DELETE"]),
    ("/categories/{id:int}/translations", list_object_translations, ["GET"]),
    ("/categories/{id:int}/translations", create_object_translation, ["POST"]),
    ("/categories/{id:int}/translations/{tlocale}", show_object_translation, ["GET"]),
    ("/categories/{id:int}/translations/{tlocale}", update_object_translation, ["PUT"]),
    ("/categories/{category_id:int}/sections", list_sections, ["GET"]),
    ("/categories/{category_id:int}/sections", create_section, ["POST"]),
    ("/sections", list_sections, ["GET"]),
    ("/sections/{id:int}", show_object, ["GET"]),
    ("/sections/{id:int}", update_object, ["PUT"]),
    ("/sections/{id:int}", delete_object, ["DELETE"]),
    ("/sections/{id:int}/translations", list_object_translations, ["GET"]),
    ("/sections/{id:int}/translations", create_object_translation, ["POST"]),
    ("/sections/{id:int}/translations/{tlocale}", show_object_translation, ["GET"]),
    ("/sections/{id:int}/translations/{tlocale}", update_object_translation, ["PUT"]),
    ("/sections/{section_id:int}/articles", list_articles, ["GET"]),
    ("/sections/{section_id:int}/articles", create_article, ["POST"]),
    ("/articles", list_articles, ["GET"]),
    ("/articles/{id:int}", show_object, ["GET"]),
    ("/articles/{id:int}", update_object, ["PUT"]),
    ("/articles/{id:int}", delete_object, ["DELETE"]),
    ("/articles/{id:int}/translations", list_object_translations, ["GET"]),
    ("/articles/{id:int}/translations", create_object_translation, ["POST"]),
    ("/articles/{id:int}/translations/{tlocale}", show_object_translation, ["GET"]),
    ("/articles/{id:int}/translations/{tlocale}", update_object_translation, ["PUT"]),
    ("/articles/{id:int}/attachments", list_attachments, ["GET"]),
    ("/articles/{id:int}/attachments", create_attachment, ["POST"]),
    ("/user_segments", list_segments, ["GET"]),
    ("/translations/{tid:int}", delete_translation, ["DELETE"]),
]
#: Locale-prefixed variants (``/api/v2/help_center/{locale}/...``) of the list/show/create
#: routes, as the spec declares them.
_LOCALIZED = ("/categories", "/categories/{id:int}", "/categories/{category_id:int}/sections",
              "/sections", "/sections/{id:int}", "/sections/{section_id:int}/articles",
              "/articles", "/articles/{id:int}")

ROUTES = [
    *[Route(f"{HC}{path}", fn, methods=methods) for path, fn, methods in _ROUTES],
    *[Route(f"{HC}/{{locale}}{path}", fn, methods=methods)
      for path, fn, methods in _ROUTES if path in _LOCALIZED],
    Route("/api/v2/guide/permission_groups", list_permission_groups, methods=["GET"]),
    Route("/_sandbox/help_center/locales", admin_hc_locales, methods=["GET", "PUT"]),
]
SEEDERS = {"hc_translation_edits": _seed_article_edit, "hc_user_segments": _seed_user_segment,
           "hc_permission_groups": _seed_permission_group}
