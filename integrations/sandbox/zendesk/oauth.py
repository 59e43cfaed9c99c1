"""Zendesk authentication: API tokens (``email/token:TOKEN``), OAuth bearer tokens, and
``POST /oauth/tokens`` (client-credentials grant). Tokens expire on the sandbox clock and
keep their scopes, which ``GET /api/v2/oauth/tokens/current`` shows (``deskops doctor``).

Scopes: ``read`` allows GET, ``write`` allows the other methods; ``<resource>:read`` /
``<resource>:write`` (e.g. ``ticket_fields:write``) allow one resource.
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
from typing import Any
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from integrations.sandbox import (
    ADMIN_EMAIL,
    API_TOKEN,
    OAUTH_CLIENT_ID,
    OAUTH_CLIENT_SECRET,
    OAUTH_TOKEN,
)
from integrations.sandbox.core.clock import iso
from integrations.sandbox.core.emulator import Emulator, Principal
from integrations.sandbox.core.errors import Forbidden, NotFound, Unauthorized
from integrations.sandbox.core.http import emulator
from integrations.sandbox.core.store import Record
from integrations.sandbox.zendesk.common import api_url, ok

__all__ = ["ROUTES", "SEEDERS", "TOKEN_PATH", "authenticate", "bootstrap", "issue_token"]

COLL = "oauth_tokens"
TOKEN_PATH = "/oauth/tokens"
DEFAULT_EXPIRES_IN = 1800  # Zendesk: access tokens expire after 30 minutes by default
#: The resources a scope may name (``resource:read|write``), as Zendesk documents them.
#: There is no ``ticket_fields``, ``ticket_forms`` or ``dynamic_content`` scope: those
#: endpoints need the broad ``read`` / ``write``.
KNOWN_RESOURCES = frozenset({
    "tickets", "users", "auditlogs", "organizations", "hc", "apps", "triggers", "automations",
    "targets", "webhooks", "zis",
})
#: First path segment under /api/v2 -> the resource scope that covers it (others: none).
_PATH_RESOURCE = {"tickets": "tickets", "requests": "tickets", "search": "tickets",
                  "incremental": "tickets", "users": "users", "organizations": "organizations",
                  "audit_logs": "auditlogs", "help_center": "hc", "apps": "apps",
                  "triggers": "triggers", "automations": "automations", "targets": "targets",
                  "webhooks": "webhooks"}


def _valid_scope(scope: str) -> bool:
    if scope in ("read", "write", "impersonate"):
        return True
    resource, _, action = scope.partition(":")
    return resource in KNOWN_RESOURCES and action in ("read", "write")


def issue_token(emu: Emulator, scopes: list[str], expires_in: int | None,
                token: str | None = None) -> Record:
    now = emu.clock.now()
    return emu.store.insert(COLL, {
        "token": token or secrets.token_hex(32), "client_id": OAUTH_CLIENT_ID,
        "scopes": scopes, "created_at": now,
        "expires_at": None if expires_in is None else now + expires_in, "used_at": None,
    })


def bootstrap(emu: Emulator) -> None:
    issue_token(emu, ["read", "write"], None, OAUTH_TOKEN)


def _find_token(emu: Emulator, token: str) -> Record | None:
    for rec in emu.store.all(COLL):
        if secrets.compare_digest(rec["token"], token):
            return rec
    return None


def _basic(header: str) -> tuple[str, str] | None:
    try:
        decoded = base64.b64decode(header, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    user, sep, password = decoded.partition(":")
    return (user, password) if sep else None


def _scope_allows(scopes: frozenset[str], method: str, path: str) -> bool:
    action = "read" if method in ("GET", "HEAD", "OPTIONS") else "write"
    parts = path.split("/")
    resource = parts[3] if len(parts) > 3 and parts[1:3] == ["api", "v2"] else ""
    if resource == "oauth":
        return True
    scoped = _PATH_RESOURCE.get(resource)
    return action in scopes or (scoped is not None and f"{scoped}:{action}" in scopes)


def authenticate(emu: Emulator, request: Request) -> Principal:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value:
        rec = _find_token(emu, value.strip())
        now = emu.clock.now()
        if rec is None or (rec["expires_at"] is not None and rec["expires_at"] <= now):
            raise Unauthorized(scheme="bearer")
        scopes = frozenset(rec["scopes"])
        if not _scope_allows(scopes, request.method, request.url.path):
            raise Forbidden()
        return Principal("oauth", f"oauth:{rec['id']}", scopes)
    if scheme.lower() == "basic" and value:
        creds = _basic(value.strip())
        if creds is not None:
            user, password = creds
            if user.endswith("/token"):
                email = user[: -len("/token")]
                if (email.lower() == ADMIN_EMAIL.lower()
                        and secrets.compare_digest(password, API_TOKEN)):
                    return Principal("token", email.lower())
    raise Unauthorized()


# -- POST /oauth/tokens ---------------------------------------------------------------
def _oauth_error(status: int, error: str, description: str) -> Response:
    return JSONResponse({"error": error, "error_description": description}, status_code=status)


async def _params(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if "json" in request.headers.get("content-type", ""):
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            return {}
        return body if isinstance(body, dict) else {}
    return {k: v[0] for k, v in parse_qs(raw.decode("utf-8", "replace")).items()}


async def token_endpoint(request: Request) -> Response:
    emu = emulator(request)
    params = await _params(request)
    client_id, client_secret = params.get("client_id"), params.get("client_secret")
    header = request.headers.get("authorization", "")
    if header.lower().startswith("basic "):
        creds = _basic(header[6:].strip())
        if creds:
            client_id, client_secret = creds
    grant = params.get("grant_type")
    if grant != "client_credentials":
        return _oauth_error(400, "unsupported_grant_type",
                            "The authorization grant type is not supported by the "
                            "authorization server (the sandbox supports client_credentials).")
    if client_id != OAUTH_CLIENT_ID or not secrets.compare_digest(
            str(client_secret or ""), OAUTH_CLIENT_SECRET):
        return _oauth_error(401, "invalid_client",
                            "Client authentication failed due to unknown client, no client "
                            "authentication included, or unsupported authentication method.")
    scopes = str(params.get("scope") or "").split()
    if not scopes or not all(_valid_scope(s) for s in scopes):
        return _oauth_error(400, "invalid_scope",
                            "The requested scope is invalid, unknown, or malformed.")
    try:
        expires_in = int(params.get("expires_in") or DEFAULT_EXPIRES_IN)
    except ValueError:
        expires_in = DEFAULT_EXPIRES_IN
    expires_in = min(max(expires_in, 300), 172800)
    rec = issue_token(emu, scopes, expires_in)
    return JSONResponse({"access_token": rec["token"], "token_type": "bearer",
                         "scope": " ".join(scopes), "expires_in": expires_in,
                         "created_at": int(rec["created_at"])})


async def current_token(request: Request) -> Response:
    emu = emulator(request)
    header = request.headers.get("authorization", "")
    if not header.lower().startswith("bearer "):
        raise NotFound()
    rec = _find_token(emu, header[7:].strip())
    if rec is None:
        raise NotFound()
    return ok({"token": {
        "url": api_url(request, f"/api/v2/oauth/tokens/{rec['id']}"), "id": rec["id"],
        "user_id": 1, "client_id": 1, "token": rec["token"][:10], "scopes": rec["scopes"],
        "created_at": iso(rec["created_at"]),
        "expires_at": iso(rec["expires_at"]) if rec["expires_at"] is not None else None,
        "used_at": emu.clock.iso(),
    }})


async def me(request: Request) -> Response:
    """``/api/v2/users/me``: the admin the credentials belong to (``doctor``'s first check)."""
    emu = emulator(request)
    loc = emu.store.get_meta("default_locale", "en-US")
    created = "2024-01-01T00:00:00Z"
    return ok({"user": {
        "url": api_url(request, "/api/v2/users/1"), "id": 1, "name": "Sandbox Admin",
        "email": ADMIN_EMAIL, "role": "admin", "active": True, "verified": True,
        "locale": loc, "time_zone": "UTC", "created_at": created, "updated_at": created,
    }})


ROUTES = [
    Route(TOKEN_PATH, token_endpoint, methods=["POST"]),
    Route("/api/v2/oauth/tokens/current", current_token, methods=["GET"]),
    Route("/api/v2/users/me", me, methods=["GET"]),
]
SEEDERS: dict[str, Any] = {}
