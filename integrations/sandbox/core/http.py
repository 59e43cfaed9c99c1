"""Small request helpers shared by the vendor routes: JSON bodies, ids, booleans."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request

from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.core.errors import BadRequest, NotFound

__all__ = ["emulator", "path_id", "query_bool", "read_json"]


def emulator(request: Request) -> Emulator:
    emu = request.app.state.emulator
    assert isinstance(emu, Emulator)
    return emu


async def read_json(request: Request, *, wrapper: str | None = None,
                    required: bool = True) -> dict[str, Any]:
    """The JSON object body, or its ``wrapper`` key (``{"ticket_field": {...}}``)."""
    raw = await request.body()
    if not raw.strip():
        if required:
            raise BadRequest("request body is empty", code="invalid_json")
        return {}
    try:
        body = json.loads(raw)
    except ValueError as exc:
        raise BadRequest(f"request body is not valid JSON: {exc}", code="invalid_json") from exc
    if not isinstance(body, dict):
        raise BadRequest("request body must be a JSON object", code="invalid_json")
    if wrapper is not None:
        inner = body.get(wrapper)
        if not isinstance(inner, dict):
            raise BadRequest(f"request body must be {{\"{wrapper}\": {{...}}}}",
                             code="invalid_json", field=wrapper)
        return inner
    return body


def path_id(request: Request, name: str = "id") -> int:
    """An integer path parameter; anything else is a 404 like the real APIs."""
    value = request.path_params.get(name)
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise NotFound() from None


def query_bool(request: Request, name: str) -> bool | None:
    value = request.query_params.get(name)
    if value is None:
        return None
    return value.strip().lower() in ("true", "1", "yes")
