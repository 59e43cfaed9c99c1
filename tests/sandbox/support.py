"""Helpers for the sandbox tests: authenticated sessions and the OpenAPI schema loader
(over the trimmed reference copies in ``tests/reference/``)."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import requests
from jsonschema import Draft7Validator

from integrations.sandbox import ADMIN_EMAIL, API_TOKEN, FRESHDESK_API_KEY

#: Trimmed copies of the vendor references (``scripts/refresh_reference.py`` writes them).
REFERENCE = Path(__file__).resolve().parents[1] / "reference"
OAS = REFERENCE / "zendesk-support-oas.json"
FRESHDESK_DOCS = REFERENCE / "freshdesk-api-v2-docs.txt"


def zendesk_session() -> requests.Session:
    s = requests.Session()
    s.trust_env = False
    s.auth = (f"{ADMIN_EMAIL}/token", API_TOKEN)
    return s


def freshdesk_session() -> requests.Session:
    s = requests.Session()
    s.trust_env = False
    s.auth = (FRESHDESK_API_KEY, "X")
    return s


def _to_json_schema(node: Any, strict: bool = False) -> Any:
    """OpenAPI 3.0 schema -> JSON Schema: ``nullable`` becomes a null alternative; with
    ``strict``, objects with declared properties reject undeclared ones."""
    if isinstance(node, list):
        return [_to_json_schema(n, strict) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: _to_json_schema(v, strict) for k, v in node.items()
           if k not in ("nullable", "example", "examples", "readOnly", "writeOnly", "format")}
    if strict and "properties" in out and "additionalProperties" not in out \
            and "allOf" not in out:
        out["additionalProperties"] = False
    if node.get("nullable"):
        return {"anyOf": [out, {"type": "null"}]}
    return out


@functools.cache
def oas() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(OAS.read_text(encoding="utf-8"))
    return doc


#: Properties real responses carry that a schema omits, each with its evidence in the spec.
DOCUMENTED_EXTRAS: dict[str, list[str]] = {
    # UpdateTicketField's own example response shows options with "default": false.
    "CustomFieldOptionObject": ["default"],
}


@functools.cache
def _components(strict_objects: bool) -> dict[str, Any]:
    schemas = oas()["components"]["schemas"]
    out = {}
    for name, schema in schemas.items():
        strict = strict_objects and name.endswith("Object") and "Pagination" not in name
        converted = _to_json_schema(schema, strict)
        for extra in DOCUMENTED_EXTRAS.get(name, []):
            converted.setdefault("properties", {})[extra] = {}
        out[name] = converted
    return out


def response_validator(path: str, method: str, status: int,
                       strict: bool = True) -> Draft7Validator:
    """A validator for the documented response body of ``method path`` with ``status``."""
    op = oas()["paths"][path][method.lower()]
    content = op["responses"][str(status)]["content"]["application/json"]["schema"]
    root = {"$ref": content["$ref"]} if "$ref" in content else _to_json_schema(content)
    schema = {**root, "components": {"schemas": _components(strict)}}
    return Draft7Validator(schema)
