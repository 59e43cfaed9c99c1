"""Helpers shared by the Freshdesk area modules: strict attribute checks, timestamps.

Freshdesk rejects unknown attributes (``invalid_field``) and wrong JSON types
(``datatype_mismatch``), all problems of a request at once, with status 400.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from starlette.responses import JSONResponse, Response

from integrations.sandbox.core.errors import FieldError, Invalid

__all__ = ["check_attrs", "err", "form_time", "ok", "raise_if"]

_TYPE_NAMES = {bool: "Boolean", str: "String", int: "Integer", list: "Array",
               dict: "key/value pair"}


def err(field: str, message: str, code: str) -> FieldError:
    return FieldError(field, message, code)


def raise_if(errors: list[FieldError]) -> None:
    if errors:
        raise Invalid(errors)


def _name(value: Any) -> str:
    if value is None:
        return "Null"
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def check_attrs(data: Mapping[str, Any], allowed: Mapping[str, type | tuple[type, ...]],
                required: tuple[str, ...] = ()) -> list[FieldError]:
    """Unknown attributes, missing mandatory ones, and JSON type mismatches."""
    errors = [err(k, "Unexpected/invalid field in request", "invalid_field")
              for k in data if k not in allowed]
    errors += [err(k, "Mandatory attribute missing", "missing_field")
               for k in required if k not in data]
    for key, expected in allowed.items():
        if key not in data:
            continue
        value = data[key]
        types = expected if isinstance(expected, tuple) else (expected,)
        if value is None and type(None) in types:
            continue
        if isinstance(value, bool) and bool not in types:
            ok_type = False
        else:
            ok_type = isinstance(value, types)
        if not ok_type:
            wanted = "/".join(_TYPE_NAMES.get(t, t.__name__) for t in types if t is not type(None))
            errors.append(err(key, f"Value set is of type {_name(value)}.It should be a/an "
                                   f"{wanted}", "datatype_mismatch"))
    return errors


def form_time(iso_value: str) -> str:
    """Ticket-form fields carry ``2022-05-25 10:43:01`` (no ``T``/``Z``), as documented."""
    return datetime.strptime(iso_value, "%Y-%m-%dT%H:%M:%SZ").strftime("%Y-%m-%d %H:%M:%S")


def ok(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return JSONResponse(body, status_code=status, headers=headers)
