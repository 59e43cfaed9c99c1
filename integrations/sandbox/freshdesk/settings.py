"""Freshdesk helpdesk settings: primary and supported languages (``deskops doctor`` checks
the workspace's locales against them). Stored as metadata ``helpdesk_settings``."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.core.errors import BadRequest, Invalid
from integrations.sandbox.core.http import emulator, read_json
from integrations.sandbox.freshdesk.common import ok

__all__ = ["LANGUAGES", "ROUTES", "SEEDERS", "bootstrap", "check_language", "helpdesk_settings",
           "set_languages"]

KEY = "helpdesk_settings"

#: Freshdesk's language codes (the ``default_language`` choices of its API reference, its
#: test languages ``ja``, ``ru``, ``no``, ``es-419``, ``long-text``, ``test-ui`` left out):
#: Russian is ``ru-RU``, Swedish ``sv-SE``, never ``ru`` or ``sv``.
LANGUAGES = (
    "ar", "bs", "bg", "ca", "zh-CN", "zh-TW", "zh-HK", "hr", "cs", "da", "nl", "en", "et",
    "fil", "fi", "fr", "de", "el", "he", "hu", "is", "id", "it", "ja-JP", "ko", "lv-LV", "lt",
    "ms", "nb-NO", "pl", "pt-BR", "pt-PT", "ro", "ru-RU", "sr", "sk", "sl", "es", "es-LA",
    "sv-SE", "th", "tr", "uk", "vi")


def check_language(code: str, field: str = "language") -> str:
    """``code`` as Freshdesk spells it, or a 400 as Freshdesk gives for an unknown one."""
    for known in LANGUAGES:
        if known.lower() == str(code).lower():
            return known
    raise Invalid.one(field, f"It should be one of these values: '{','.join(LANGUAGES)}'",
                      "invalid_value")


def set_languages(emu: Emulator, primary: str, supported: list[str],
                  portal: list[str] | None = None) -> dict[str, Any]:
    """Control: the primary language and the supported (and portal) languages."""
    primary = check_language(primary, "primary_language")
    supported = [check_language(x, "supported_languages") for x in supported]
    if primary in supported:
        raise BadRequest("supported_languages must not include the primary language")
    if portal is not None:
        portal = [check_language(x, "portal_languages") for x in portal]
    value = {"primary_language": primary, "supported_languages": list(supported),
             "portal_languages": list(supported if portal is None else portal)}
    emu.store.set_meta(KEY, value)
    return value


def bootstrap(emu: Emulator) -> None:
    set_languages(emu, "en", ["fr", "ko", "pt-BR", "ru-RU", "sv-SE"],
                  portal=["fr", "ko", "pt-BR"])


def helpdesk_settings(emu: Emulator) -> dict[str, Any]:
    value = emu.store.get_meta(KEY)
    assert isinstance(value, dict)
    return value


async def show(request: Request) -> Response:
    return ok(helpdesk_settings(emulator(request)))


async def admin(request: Request) -> Response:
    """``PUT /_sandbox/settings/helpdesk {"primary_language", "supported_languages"}``."""
    emu = emulator(request)
    body = await read_json(request)
    supported = body.get("supported_languages")
    if not isinstance(supported, list):
        raise BadRequest("expected supported_languages: [...]")
    return ok(set_languages(emu, str(body.get("primary_language") or "en"),
                            [str(s) for s in supported], body.get("portal_languages")))


ROUTES = [
    Route("/api/v2/settings/helpdesk", show, methods=["GET"]),
    Route("/_sandbox/settings/helpdesk", admin, methods=["PUT"]),
]
SEEDERS: dict[str, Any] = {}
