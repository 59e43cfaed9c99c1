"""Zendesk locales: the account's enabled locales (``/api/v2/locales``) and its default.

Ids are Zendesk's real locale ids. Collection ``locales`` holds the enabled ones; the
default is metadata ``default_locale`` (a locale code).
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.core.errors import BadRequest, NotFound
from integrations.sandbox.core.http import emulator, read_json
from integrations.sandbox.core.store import Record
from integrations.sandbox.zendesk.common import api_url, ok

__all__ = ["CATALOG", "ROUTES", "SEEDERS", "bootstrap", "default_locale", "find_locale",
           "set_locales"]

#: code -> (id, name)
CATALOG: dict[str, tuple[int, str]] = {
    "en-US": (1, "English"), "es": (2, "Español"), "de": (8, "Deutsch"),
    "fr": (16, "Français"), "pt-BR": (19, "Português (Brasil)"), "ja": (67, "日本語"),
    "ko": (69, "한국어"), "it": (22, "Italiano"), "nl": (9, "Nederlands"),
    "en-GB": (1176, "English (United Kingdom)"), "fr-CA": (1365, "Français (Canada)"),
}
DEFAULT_ENABLED = ("en-US", "fr", "ko", "pt-BR")


def _code(code: str) -> str:
    for known in CATALOG:
        if known.lower() == code.strip().lower():
            return known
    raise BadRequest(f"unknown locale {code!r}; known: " + ", ".join(CATALOG),
                     code="UnknownLocale")


def _enable(emu: Emulator, code: str) -> Record:
    code = _code(code)
    id_, name = CATALOG[code]
    now = emu.clock.iso()
    return emu.store.put("locales", {"id": id_, "locale": code, "name": name,
                                     "created_at": now, "updated_at": now})


def set_locales(emu: Emulator, enabled: list[str], default: str | None = None) -> None:
    """Control: replace the enabled locales (and the default, which must be enabled)."""
    codes = [_code(c) for c in enabled]
    default_code = _code(default) if default else codes[0]
    if default_code not in codes:
        raise BadRequest(f"default locale {default_code} is not enabled")
    with emu.db.transaction():
        for rec in emu.store.all("locales"):
            emu.store.delete("locales", rec["id"])
        for code in codes:
            _enable(emu, code)
        emu.store.set_meta("default_locale", default_code)


def bootstrap(emu: Emulator) -> None:
    set_locales(emu, list(DEFAULT_ENABLED), "en-US")


def default_locale(emu: Emulator) -> Record:
    found = find_locale(emu, str(emu.store.get_meta("default_locale", "en-US")))
    assert found is not None
    return found


def find_locale(emu: Emulator, key: str | int) -> Record | None:
    """An enabled locale by id or code (case-insensitive)."""
    for rec in emu.store.all("locales"):
        if str(rec["id"]) == str(key) or rec["locale"].lower() == str(key).lower():
            return rec
    return None


def render(request: Request, rec: Record) -> dict[str, Any]:
    return {**rec, "url": api_url(request, f"/api/v2/locales/{rec['locale']}")}


async def list_locales(request: Request) -> Response:
    emu = emulator(request)
    return ok({"locales": [render(request, r) for r in emu.store.all("locales")]})


async def show_locale(request: Request) -> Response:
    rec = find_locale(emulator(request), request.path_params["key"])
    if rec is None:
        raise NotFound()
    return ok({"locale": render(request, rec)})


async def current_locale(request: Request) -> Response:
    return ok({"locale": render(request, default_locale(emulator(request)))})


async def admin_locales(request: Request) -> Response:
    """``PUT /_sandbox/locales {"enabled": [...], "default": "en-US"}``."""
    emu = emulator(request)
    if request.method == "PUT":
        body = await read_json(request)
        enabled = body.get("enabled")
        if not isinstance(enabled, list) or not enabled:
            raise BadRequest('expected {"enabled": ["en-US", ...], "default": "en-US"}')
        set_locales(emu, [str(c) for c in enabled], body.get("default"))
    return ok({"enabled": [r["locale"] for r in emu.store.all("locales")],
               "default": default_locale(emu)["locale"]})


def _seed_locale(emu: Emulator, obj: dict[str, Any]) -> Record:
    return _enable(emu, str(obj.get("locale", "")))


ROUTES = [
    Route("/api/v2/locales", list_locales, methods=["GET"]),
    Route("/api/v2/locales/public", list_locales, methods=["GET"]),
    Route("/api/v2/locales/agent", list_locales, methods=["GET"]),
    Route("/api/v2/locales/current", current_locale, methods=["GET"]),
    Route("/api/v2/locales/{key}", show_locale, methods=["GET"]),
    Route("/_sandbox/locales", admin_locales, methods=["GET", "PUT"]),
]
SEEDERS = {"locales": _seed_locale}
