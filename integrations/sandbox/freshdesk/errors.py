"""Freshdesk's error bodies, in one renderer.

Validation problems are 400 (409 for duplicates) with
``{"description": "Validation failed", "errors": [{"field", "message", "code"}]}``;
auth and permission errors carry ``{"code", "message"}``; a missing record is a bare 404.
"""

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


def _validation(errors: list[dict[str, str]]) -> dict[str, Any]:
    return {"description": "Validation failed", "errors": errors}


def render_error(exc: ApiError) -> Response:
    status = exc.status
    body: Any
    if isinstance(exc, Invalid | Conflict):
        status = 400 if isinstance(exc, Invalid) else 409
        body = _validation([{"field": e.field, "message": e.message, "code": e.code}
                            for e in exc.errors])
    elif isinstance(exc, BadRequest):
        item = {"field": exc.field, "message": exc.message, "code": exc.code}
        if not exc.field:
            del item["field"]
        body = _validation([item])
    elif isinstance(exc, NotFound):
        return Response(status_code=404, headers=exc.headers)
    elif isinstance(exc, Unauthorized):
        body = {"code": "invalid_credentials",
                "message": "You have to be logged in to perform this action."}
    elif isinstance(exc, Forbidden):
        body = {"code": "access_denied",
                "message": exc.message or "You are not authorized to perform this action."}
    elif isinstance(exc, RateLimited):
        body = {"code": "rate_limit_exceeded",
                "message": "You have exceeded the limit of requests per minute. Please try "
                           "again after some time."}
    elif isinstance(exc, Injected):
        body = {"code": "internal_error", "message": "Injected fault (deskops sandbox)"}
    else:
        body = {"code": type(exc).__name__, "message": exc.message}
    return JSONResponse(body, status_code=status, headers=exc.headers)
