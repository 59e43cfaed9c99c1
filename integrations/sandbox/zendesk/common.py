"""Helpers shared by the Zendesk area modules: URLs, timestamps, validation errors."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from integrations.sandbox.core.errors import FieldError, Invalid

__all__ = ["api_url", "blank", "invalid", "ok", "raise_if", "truthy"]


def api_url(request: Request, path: str) -> str:
    """Absolute resource URL as Zendesk writes it: ``https://sub.zendesk.com/api/v2/x/1.json``."""
    return f"{str(request.base_url).rstrip('/')}{path}.json"


def blank(field: str, label: str) -> FieldError:
    return FieldError(field, f"{label}: cannot be blank", "BlankValue")


def invalid(field: str, message: str, code: str = "InvalidValue") -> FieldError:
    return FieldError(field, message, code)


def raise_if(errors: list[FieldError]) -> None:
    if errors:
        raise Invalid(errors)


def ok(body: dict[str, Any], status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return JSONResponse(body, status_code=status, headers=headers)


def truthy(value: Any, default: bool = False) -> bool:
    if value is None:
        return default
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)
