"""Meta-schema checks: which JSON Schema keywords a workspace file may use, and their shapes.

The meta-schemas live in ``schemas/meta/`` (documented, reusable by editors); this module
runs them and turns each jsonschema error into one `Problem` with a short message, naming
the offending key (``unknown x-deskops key 'titel' (did you mean 'title'?)``) rather than
echoing the whole instance back.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from integrations.errors import Problem, WorkspaceError

__all__ = ["META_DIR", "meta_problems", "pointer"]

#: ``schemas/meta`` at the project root (the package is installed editable, see Makefile).
META_DIR = Path(__file__).resolve().parents[2] / "schemas" / "meta"

_JSON_TYPES = {dict: "object", list: "array", str: "string", bool: "boolean",
               int: "integer", float: "number", type(None): "null"}


def pointer(parts: Sequence[str | int] | Iterator[str | int]) -> str:
    """RFC 6901 JSON pointer for a path ("" is the whole document)."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


@cache
def _validator(kind: str) -> Draft202012Validator:
    path = META_DIR / f"{kind}.json"
    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise WorkspaceError(f"cannot read the meta-schema {path}: {exc}") from exc
    return Draft202012Validator(schema)


def meta_problems(doc: Any, kind: str, file: str) -> list[Problem]:
    """Check ``doc`` against ``schemas/meta/<kind>.json``; one problem per mistake."""
    errors = sorted(_validator(kind).iter_errors(doc), key=lambda e: list(map(str, e.path)))
    # A property that is neither a $ref nor a system field gets one line, not one per key.
    explained = {tuple(e.absolute_path) for e in errors
                 if e.validator == "required" and "x-message" in e.schema}
    problems: list[Problem] = []
    for error in errors:
        path = tuple(error.absolute_path)
        if error.validator == "additionalProperties":
            if path in explained:
                continue
            problems.extend(_unknown_keys(error, file, path))
        else:
            problems.append(Problem(file, pointer(path), _message(error)))
    return list(dict.fromkeys(problems))


def _unknown_keys(error: ValidationError, file: str, path: tuple[str | int, ...]) -> list[Problem]:
    schema: Mapping[str, Any] = error.schema if isinstance(error.schema, Mapping) else {}
    allowed = list(schema.get("properties", {}))
    instance = error.instance if isinstance(error.instance, Mapping) else {}
    where = "x-deskops key" if path and path[-1] == "x-deskops" else "keyword"
    problems = []
    for key in instance:
        if key in allowed:
            continue
        close = difflib.get_close_matches(key, [*allowed, "$ref"], n=1, cutoff=0.75)
        if close:
            hint = f" (did you mean {close[0]!r}?)"
        elif where == "x-deskops key":
            hint = f" (allowed here: {', '.join(allowed)})"
        else:
            hint = " (not in the supported subset, see docs/mapping.md)"
        problems.append(Problem(file, pointer((*path, key)), f"unknown {where} {key!r}{hint}"))
    return problems


def _message(error: ValidationError) -> str:
    schema: Mapping[str, Any] = error.schema if isinstance(error.schema, Mapping) else {}
    custom = schema.get("x-message")
    if isinstance(custom, str):
        return custom.replace("{instance!r}", repr(error.instance))
    got = _JSON_TYPES.get(type(error.instance), "value")
    if error.validator == "type":
        expected = error.validator_value
        if isinstance(expected, list):
            expected = " or ".join(expected)
        return f"must be of type {expected}, got {got}"
    if error.validator == "enum":
        return "must be one of: " + ", ".join(map(str, error.validator_value))
    if error.validator == "const":
        return f"must be {json.dumps(error.validator_value)}"
    if error.validator == "required":
        return str(error.message).replace("is a required property", "is required here")
    if error.validator in ("minLength", "minItems", "minProperties"):
        return f"must not be empty ({error.validator} {error.validator_value})"
    message = str(error.message)
    return message if len(message) <= 160 else message[:157] + "..."
