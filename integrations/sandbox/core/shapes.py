"""Response objects built from the vendor's own response schemas (LocalStack's lesson).

A vendor ships a table ``"METHOD /route/path" -> {status: schema}`` with the schemas those
reach (trimmed from the vendor's OpenAPI description by ``scripts/refresh_reference.py``).
`complete_routes` wraps each route the table knows: its JSON answer gets every documented
property its areas did not set, as null (the value the sandbox does not know), so a body
has the real service's full key set by construction. Write-only properties (request
parameters such as ``safe_update``) are never added. Bodies are completed, never changed:
what an area module sets wins.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

__all__ = ["Shapes", "complete", "complete_routes"]

#: ``{"operations": {"GET /api/v2/x": {"200": schema}}, "schemas": {name: schema}}``.
Shapes = dict[str, Any]
Endpoint = Callable[[Request], Awaitable[Response]]


#: Resolved schemas by ``id`` of the schema node: the tables are loaded once and never
#: change, and resolving (``allOf`` merges) on every answer would dominate its cost.
_RESOLVED: dict[int, tuple[dict[str, Any], dict[str, Any]]] = {}


def _resolve(schema: dict[str, Any], schemas: dict[str, Any]) -> dict[str, Any]:
    """`_resolve_uncached`, remembered per schema node."""
    hit = _RESOLVED.get(id(schema))
    if hit is not None and hit[0] is schema:
        return hit[1]
    resolved = _resolve_uncached(schema, schemas)
    _RESOLVED[id(schema)] = (schema, resolved)  # the node is kept, so its id stays its own
    return resolved


def _resolve_uncached(schema: dict[str, Any], schemas: dict[str, Any]) -> dict[str, Any]:
    """``$ref`` followed and ``allOf`` merged into one ``{properties, items, type}``; an
    ``anyOf``/``oneOf`` is its fullest alternative (a user is the admin's view of it: the
    API user is an admin)."""
    if "$ref" in schema:
        return _resolve(schemas.get(schema["$ref"].rsplit("/", 1)[1], {}), schemas)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return max((_resolve(s, schemas) for s in schema[key]),
                       key=lambda s: len(s.get("properties", {})))
    if "allOf" not in schema:
        return schema
    merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
    for part in schema["allOf"]:
        part = _resolve(part, schemas)
        merged["properties"] = {**merged.get("properties", {}), **part.get("properties", {})}
        for key in ("items", "type"):
            if key in part:
                merged.setdefault(key, part[key])
    return merged


#: A list's paging keys: which ones an answer carries depends on the paging style asked
#: for (`core.paging`), so an envelope is never completed with them.
PAGING_KEYS = frozenset({"next_page", "previous_page", "count", "meta", "links"})


def complete(body: Any, schema: dict[str, Any], schemas: dict[str, Any], *,
             envelope: bool = False) -> Any:
    """``body`` with every documented, non-write-only property it lacks added as null,
    at every depth the schema describes (the ``envelope`` without its paging keys)."""
    resolved = _resolve(schema, schemas)
    if isinstance(body, dict) and "properties" in resolved:
        out = dict(body)
        for name, prop in resolved["properties"].items():
            if name in out:
                if out[name] is not None:
                    out[name] = complete(out[name], prop, schemas)
            elif not _resolve(prop, schemas).get("writeOnly") and not prop.get("writeOnly") \
                    and not (envelope and name in PAGING_KEYS):
                out[name] = None
        return out
    if isinstance(body, list) and "items" in resolved:
        return [complete(item, resolved["items"], schemas) for item in body]
    return body


def _completing(endpoint: Endpoint, by_status: dict[str, Any],
                schemas: dict[str, Any]) -> Endpoint:
    async def completed(request: Request) -> Response:
        response = await endpoint(request)
        schema = by_status.get(str(response.status_code))
        if schema is None and len(by_status) == 1 and 200 <= response.status_code < 300:
            schema = next(iter(by_status.values()))  # e.g. a create the spec says is a 200
        if schema is None or not isinstance(response, JSONResponse):
            return response
        body = complete(json.loads(bytes(response.body)), schema, schemas, envelope=True)
        headers = {k: v for k, v in response.headers.items()
                   if k.lower() not in ("content-length", "content-type")}
        return JSONResponse(body, status_code=response.status_code, headers=headers,
                            background=response.background)
    return completed


def complete_routes(routes: Sequence[BaseRoute], shapes: Shapes) -> list[BaseRoute]:
    """``routes``, each method the shape table knows answering completed bodies (a route
    serving several methods is split into one route per method)."""
    out: list[BaseRoute] = []
    for route in routes:
        methods = sorted((getattr(route, "methods", None) or set()) - {"HEAD"})
        known = [m for m in methods if f"{m} {getattr(route, 'path', '')}"
                 in shapes["operations"]]
        if not isinstance(route, Route) or not known:
            out.append(route)
            continue
        for method in methods:
            by_status = shapes["operations"].get(f"{method} {route.path}")
            endpoint = route.endpoint
            if by_status is not None:
                endpoint = _completing(endpoint, by_status, shapes["schemas"])
            out.append(Route(route.path, endpoint, methods=[method], name=route.name))
    return out
