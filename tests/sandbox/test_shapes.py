"""The sandbox builds answers from the spec's response schemas (``core/shapes.py``): the
completion rules, and the shipped shape table kept in step with the routes and the spec."""

from __future__ import annotations

import json
from typing import Any

from integrations.sandbox.core.shapes import complete
from integrations.sandbox.zendesk import app as zendesk_app

from .support import REFERENCE

SCHEMAS: dict[str, Any] = {
    "Base": {"properties": {"id": {"type": "integer"}, "name": {"type": "string"}}},
    "Thumbs": {"properties": {"thumbnails": {"type": "array",
                                             "items": {"$ref": "#/components/schemas/Base"}}}},
    "File": {"allOf": [{"$ref": "#/components/schemas/Base"},
                       {"$ref": "#/components/schemas/Thumbs"}]},
    "Admin": {"properties": {"id": {}, "role": {}, "tags": {}}},
    "EndUser": {"properties": {"id": {}}},
    "User": {"anyOf": [{"$ref": "#/components/schemas/EndUser"},
                       {"$ref": "#/components/schemas/Admin"}]},
    "Page": {"properties": {"files": {"type": "array",
                                      "items": {"$ref": "#/components/schemas/File"}},
                            "next_page": {}, "count": {}, "meta": {}}},
}


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def test_missing_properties_become_null_at_every_depth_values_are_kept() -> None:
    body = {"files": [{"id": 1, "thumbnails": [{"id": 2}]}]}
    done = complete(body, ref("Page"), SCHEMAS, envelope=True)
    assert done == {"files": [{"id": 1, "name": None, "thumbnails": [{"id": 2, "name": None}]}]}
    assert body == {"files": [{"id": 1, "thumbnails": [{"id": 2}]}]}  # not changed in place


def test_an_envelope_gets_no_paging_keys_an_object_gets_them_all() -> None:
    assert complete({"files": []}, ref("Page"), SCHEMAS, envelope=True) == {"files": []}
    assert set(complete({"files": []}, ref("Page"), SCHEMAS)) == {
        "files", "next_page", "count", "meta"}


def test_write_only_properties_are_never_added_any_of_is_its_fullest_view() -> None:
    schemas = {**SCHEMAS, "Ticket": {"properties": {
        "id": {}, "safe_update": {"writeOnly": True}}}}
    assert complete({"id": 1}, ref("Ticket"), schemas) == {"id": 1}
    assert complete({"id": 1}, ref("User"), SCHEMAS) == {"id": 1, "role": None, "tags": None}


def test_the_shape_table_covers_every_documented_success_answer_of_the_routes() -> None:
    """After a route is added, ``scripts/refresh_reference.py`` must be run: every route
    whose operation the trimmed spec documents with a JSON success body has its shape."""
    shapes = zendesk_app.response_shapes()["operations"]
    specs = [json.loads((REFERENCE / f"zendesk-{n}-oas.json").read_text(encoding="utf-8"))
             for n in ("support", "help-center")]
    missing = []
    for route in zendesk_app.routes():
        path = getattr(route, "path", "")
        for method in sorted((getattr(route, "methods", None) or set()) - {"HEAD"}):
            documented = any(
                str(status).startswith("2") and "application/json" in answer.get("content", {})
                for spec in specs for spec_path, item in spec["paths"].items()
                if _same(spec_path, path) or _same(
                    spec_path, path.replace("/help_center/", "/help_center/{locale}/", 1))
                for status, answer in item.get(method.lower(), {}).get("responses", {}).items())
            if documented and f"{method} {path}" not in shapes:
                missing.append(f"{method} {path}")
    assert not missing, f"run scripts/refresh_reference.py: {missing}"
    assert len(shapes) >= 100


def _same(spec_path: str, route_path: str) -> bool:
    a, b = spec_path.split("/"), route_path.split("/")
    return len(a) == len(b) and all(x == y or (x.startswith("{") and y.startswith("{"))
                                    for x, y in zip(a, b, strict=True))
