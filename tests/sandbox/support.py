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


#: The strict-presence contract's exceptions: documented properties a sandbox answer may
#: lack, by schema, each with its reason (listed once, in ``scripts/refresh_reference.py``).
#: Write-only properties are never expected: they are request parameters. Everything else
#: the spec documents must be present.
PRESENCE_EXCEPTIONS: dict[str, dict[str, str]] = json.loads(
    (REFERENCE / "presence-exceptions.json").read_text(encoding="utf-8"))["exceptions"]


def present(properties: dict[str, Any], schema_name: str | None = None) -> list[str]:
    """The documented properties an answer must carry (the strict-presence rule)."""
    excused = PRESENCE_EXCEPTIONS.get(schema_name or "", {})
    if "*" in excused:
        return []
    return sorted(k for k, v in properties.items()
                  if not (isinstance(v, dict) and v.get("writeOnly")) and k not in excused)


def _to_json_schema(node: Any, strict: bool = False, name: str | None = None,
                    presence: bool = False) -> Any:
    """OpenAPI 3.0 schema -> JSON Schema: ``nullable`` becomes a null alternative; with
    ``strict``, objects with declared properties reject undeclared ones; with ``presence``,
    they require every documented one (`present`), with its documented type or null (a
    value the service does not know)."""
    if isinstance(node, list):
        return [_to_json_schema(n, strict, None, presence) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: _to_json_schema(v, strict, None, presence) for k, v in node.items()
           if k not in ("nullable", "example", "examples", "readOnly", "writeOnly", "format",
                        "properties")}
    if isinstance(node.get("properties"), dict):  # dotted names reach inner objects
        props = {k: _to_json_schema(v, strict, f"{name}.{k}" if name else None, presence)
                 for k, v in node["properties"].items()}
        if presence:
            props = {k: {"anyOf": [v, {"type": "null"}]} for k, v in props.items()}
            out["required"] = present(node["properties"], name)
        out["properties"] = props
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
        converted = _to_json_schema(schema, strict, name, presence=strict_objects)
        for extra in DOCUMENTED_EXTRAS.get(name, []):
            converted.setdefault("properties", {})[extra] = {}
        out[name] = converted
    for name, converted in out.items():  # a strict allOf of strict parts: one merged object
        parts = [out.get(str(p.get("$ref", "")).rsplit("/", 1)[-1]) for p in
                 converted.get("allOf", [])]
        if strict_objects and name.endswith("Object") and parts \
                and all(p and "properties" in p for p in parts):
            merged = {k: v for k, v in converted.items() if k != "allOf"}
            merged["properties"] = {k: v for p in parts for k, v in p["properties"].items()}
            merged["required"] = sorted({r for p in parts for r in p.get("required", [])})
            merged["additionalProperties"] = False
            out[name] = merged
    return out


def response_validator(path: str, method: str, status: int,
                       strict: bool = True) -> Draft7Validator:
    """A validator for the documented response body of ``method path`` with ``status``."""
    op = oas()["paths"][path][method.lower()]
    content = op["responses"][str(status)]["content"]["application/json"]["schema"]
    root = ({"$ref": content["$ref"]} if "$ref" in content
            else _to_json_schema(content, presence=strict))
    schema = {**root, "components": {"schemas": _components(strict)}}
    return Draft7Validator(schema)
