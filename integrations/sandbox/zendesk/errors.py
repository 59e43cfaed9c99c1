"""Zendesk's error bodies, in one renderer (used by the middleware and the app)."""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse, Response

from integrations.sandbox.core.errors import (
    ApiError,
    BadRequest,
    Conflict,
    Forbidden,
    Injected,
    Invalid,
    NotFound,
    RateLimited,
    Unauthorized,
)

__all__ = ["render_error"]

FORBIDDEN = ("You do not have access to this page. Please contact the account owner of this "
             "help desk for further help.")


def _details(errors: list[Any]) -> dict[str, list[dict[str, str]]]:
    details: dict[str, list[dict[str, str]]] = {}
    for e in errors:
        details.setdefault(e.field, []).append({"description": e.message, "error": e.code})
    return details


def render_error(exc: ApiError) -> Response:
    body: dict[str, Any]
    if isinstance(exc, Invalid):
        body = {"error": "RecordInvalid", "description": "Record validation errors",
                "details": _details(exc.errors)}
    elif isinstance(exc, NotFound):
        body = ({"error": "InvalidEndpoint", "description": "Not found"} if exc.route
                else {"error": "RecordNotFound", "description": "Not found"})
    elif isinstance(exc, Unauthorized):
        body = ({"error": "invalid_token",
                 "error_description": "The access token provided is expired, revoked, "
                                      "malformed or invalid for other reasons."}
                if exc.scheme == "bearer" else {"error": "Couldn't authenticate you"})
    elif isinstance(exc, Forbidden):
        body = {"error": "Forbidden", "description": exc.message or FORBIDDEN}
    elif isinstance(exc, Conflict):
        body = {"error": "Conflict", "description": exc.message, "details": _details(exc.errors)}
    elif isinstance(exc, RateLimited):
        body = {"error": "APIRateLimitExceeded",
                "description": "Number of allowed API requests per minute exceeded"}
    elif isinstance(exc, BadRequest):
        body = {"error": exc.code, "description": exc.message}
    elif isinstance(exc, Injected):
        body = {"error": "ServiceUnavailable" if exc.status == 503 else "InternalError",
                "description": "Injected fault (deskops sandbox)"}
    else:
        body = {"error": type(exc).__name__, "description": exc.message}
    return JSONResponse(body, status_code=exc.status, headers=exc.headers)
