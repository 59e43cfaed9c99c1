#!/usr/bin/env python3
"""Write the trimmed vendor references the tests read, under ``tests/reference/``.

The full references (two Zendesk OpenAPI YAMLs and the Freshdesk API docs as text) live in
``../shared/reference/``, outside the repository, so a bare clone does not have them. The
tests read a trimmed, committed copy instead:

- ``zendesk-support-oas.json`` / ``zendesk-help-center-oas.json``: the OpenAPI paths the
  sandbox implements (only the implemented methods), plus every component they reach
  through ``$ref``; the source, date and this command are noted under ``x-deskops-trimmed``.
- ``freshdesk-api-v2-docs.txt``: the chapters of the docs the sandbox emulates (general
  rules, tickets and their fields/forms/conversations, contacts, groups, solutions,
  automations, settings), in order, with a header noting where they come from.

Run it again after adding a sandbox route: ``.venv/bin/python scripts/refresh_reference.py``
(``--source DIR`` to read another copy of the references). Without the source folder it
says so and exits 1, leaving the committed copy as it is.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from integrations.sandbox.freshdesk import app as freshdesk_app  # noqa: E402
from integrations.sandbox.zendesk import app as zendesk_app  # noqa: E402

SOURCE = ROOT.parent / "shared" / "reference"
TARGET = ROOT / "tests" / "reference"
#: The sandbox's own copy of the response shapes (it never reads ``../shared`` either).
SHAPES = ROOT / "integrations" / "sandbox" / "zendesk" / "response_shapes.json"
#: Schema keywords a response shape keeps: enough to know every documented property.
SHAPE_KEYS = ("type", "properties", "items", "$ref", "allOf", "anyOf", "oneOf", "writeOnly")
#: The strict-presence contract's exceptions, the one place they are listed: documented
#: properties an answer does not carry, by schema, each with its reason. The sandbox's
#: shapes leave them out; the tests read them from ``tests/reference/presence-exceptions.json``.
#: (Properties the spec marks ``writeOnly`` are request parameters: never expected.)
PRESENCE_EXCEPTIONS: dict[str, dict[str, str]] = {
    # A dotted name is an object inside a schema; "*" is every property of it.
    "ViaObject.source.from": {"*": "empty for API writes: {} (the spec's example has to: {})"},
    "ViaObject.source.to": {"*": "empty for API writes: {} (the spec's example has to: {})"},
    "TicketCommentObject": {
        "uploads": "request-only: the tokens a write consumes; a read shows `attachments`",
    },
    "ArticleAttachmentObject": {
        "file": "the upload itself: \"applicable only during creation\" (a request part)",
        "guide_media_id": "\"applicable only during creation\" (a request parameter)",
    },
}
#: Where the spec's schema is generic and the sandbox answers one kind: a ticket search
#: result is a whole ticket plus ``result_type`` (the sandbox searches tickets only), not
#: ``SearchResultObject``'s attributes shared by all result types.
SHAPE_OVERRIDES: dict[str, Any] = {
    "SearchResultObject": {"allOf": [{"$ref": "#/components/schemas/TicketObject"},
                                     {"properties": {"result_type": {"type": "string"}}}]},
}
COMMAND = "python scripts/refresh_reference.py"

#: Freshdesk chapters kept, as (start, end) markers: from the start text (included) to the
#: first end text after it (excluded); ``None`` is the end of the file.
FRESHDESK_CHAPTERS: list[tuple[str, str | None]] = [
    ("Overview\n", "API Index\n"),  # rate limits, embedding, attachments, errors, paging
    ("Tickets\nA ticket is an issue raised", "Outbound Messages\n"),  # + fields, forms, replies
    ("View Account\nget  /api/v2/account", "\nContact Fields\n"),  # account, jobs, contacts
    ("Groups\nYou can organise your agents", "Groups\nYou can organize your agents"),
    ("Solutions\nAn effective knowledge base", "\nSurveys\n"),
    ("List All Automation Rules\nget  /api/v2/automations", "\nSettings\nSettings are"),
    ("Settings\nSettings are configured", None),
]


class _Loader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):  # type: ignore[misc]
    """The Zendesk spec has a bare ``=`` scalar (a YAML "value" tag) that needs a constructor."""


_Loader.add_constructor("tag:yaml.org,2002:value",
                        lambda loader, node: loader.construct_scalar(node))  # type: ignore[arg-type]


def _same(spec_path: str, route_path: str) -> bool:
    """``/api/v2/tickets/{ticket_id}`` matches the route ``/api/v2/tickets/{id}``."""
    a, b = spec_path.split("/"), route_path.split("/")
    return len(a) == len(b) and all(x == y or (x.startswith("{") and y.startswith("{"))
                                    for x, y in zip(a, b, strict=True))


def _route_methods(routes: list[Any]) -> list[tuple[str, set[str]]]:
    out = []
    for route in routes:
        methods = getattr(route, "methods", None)
        if methods and route.path.startswith("/api/"):
            out.append((route.path, {m.lower() for m in methods} - {"head"}))
    return out


def _refs(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"]} if isinstance(node.get("$ref"), str) else set()
        for value in node.values():
            found |= _refs(value)
        return found
    if isinstance(node, list):
        return set().union(*(_refs(n) for n in node)) if node else set()
    return set()


def trim_openapi(spec: dict[str, Any], routes: list[tuple[str, set[str]]]) -> dict[str, Any]:
    """The paths ``routes`` implement (their methods only) and the components they reach."""
    paths: dict[str, Any] = {}
    for spec_path, item in spec["paths"].items():
        methods: set[str] = set()
        for route_path, route_methods in routes:
            if _same(spec_path, route_path):
                methods |= route_methods
        kept = {k: v for k, v in item.items() if k in methods or k == "parameters"}
        if set(kept) - {"parameters"}:
            paths[spec_path] = kept
    components: dict[str, dict[str, Any]] = {}
    todo = sorted(_refs(paths))
    while todo:
        ref = todo.pop()
        _, _, section, name = ref.split("/", 3)
        if name in components.get(section, {}):
            continue
        node = spec["components"][section][name]
        components.setdefault(section, {})[name] = node
        todo += sorted(_refs(node))
    return {"openapi": spec["openapi"], "info": spec["info"], "paths": paths,
            "components": {s: dict(sorted(c.items())) for s, c in sorted(components.items())}}


def _shape(node: Any) -> Any:
    if isinstance(node, list):
        return [_shape(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: _shape(v) for k, v in node.items() if k in SHAPE_KEYS}
    if "properties" in node:  # property names are data here, not keywords
        out["properties"] = {k: _shape(v) for k, v in node["properties"].items()}
    return out


def response_shapes(specs: list[dict[str, Any]],
                    routes: list[tuple[str, set[str]]]) -> dict[str, Any]:
    """``"METHOD /route/path" -> {status: schema}`` for every JSON success response the
    sandbox's routes document, with the schemas they reach, reduced to `SHAPE_KEYS`."""
    operations: dict[str, dict[str, Any]] = {}
    schemas: dict[str, Any] = {}
    for spec in specs:
        for route_path, methods in routes:
            # Help Center routes without a locale answer as the spec's ``{locale}`` paths.
            localized = route_path.replace("/help_center/", "/help_center/{locale}/", 1)
            spec_path = next((p for p in spec["paths"] if _same(p, route_path)),
                             next((p for p in spec["paths"] if _same(p, localized)), None))
            if spec_path is None:
                continue
            for method in sorted(methods):
                op = spec["paths"][spec_path].get(method)
                for status, answer in (op or {}).get("responses", {}).items():
                    schema = (answer.get("content", {}).get("application/json", {})
                              .get("schema"))
                    if str(status).startswith("2") and schema:
                        key = f"{method.upper()} {route_path}"
                        operations.setdefault(key, {})[str(status)] = _shape(schema)
        todo = sorted(_refs(operations))
        while todo:
            ref = todo.pop()
            name = ref.rsplit("/", 1)[1]
            if name in schemas or name not in spec["components"]["schemas"]:
                continue
            schemas[name] = SHAPE_OVERRIDES.get(name) or _shape(
                spec["components"]["schemas"][name])
            for dotted, props in PRESENCE_EXCEPTIONS.items():
                root, *inner = dotted.split(".")
                if root != name:
                    continue
                node = schemas[name]
                for step in inner:
                    node = node["properties"][step]
                for prop in (node["properties"] if "*" in props else props):
                    node["properties"][prop] = {"writeOnly": True}  # never answered
            todo += sorted(_refs(schemas[name]))
    return {"operations": dict(sorted(operations.items())),
            "schemas": dict(sorted(schemas.items()))}


def trim_freshdesk(text: str) -> str:
    parts = []
    for start_marker, end_marker in FRESHDESK_CHAPTERS:
        start = text.index(start_marker)
        end = text.index(end_marker, start + 1) if end_marker else len(text)
        if end_marker and end_marker.startswith("\n"):
            end += 1
        parts.append(text[start:end].rstrip("\n") + "\n")
    return "\n[… chapters not emulated by the sandbox left out …]\n\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    args = parser.parse_args(argv)
    source: Path = args.source
    if not source.is_dir():
        print(f"error: no reference folder at {source}; the committed copy is unchanged",
              file=sys.stderr)
        return 1
    today = dt.datetime.now(dt.UTC).date().isoformat()
    TARGET.mkdir(parents=True, exist_ok=True)
    zendesk_routes = _route_methods(zendesk_app.routes())
    specs = []
    for name in ("zendesk-support-oas", "zendesk-help-center-oas"):
        with (source / f"{name}.yaml").open(encoding="utf-8") as handle:
            spec = yaml.load(handle, Loader=_Loader)
        specs.append(spec)
        trimmed = trim_openapi(spec, zendesk_routes)
        trimmed["x-deskops-trimmed"] = {
            "source": f"../shared/reference/{name}.yaml", "date": today,
            "regenerate": COMMAND,
            "kept": "paths the sandbox implements (their methods only) and the components "
                    "they reach through $ref"}
        out = TARGET / f"{name}.json"
        out.write_text(json.dumps(trimmed, indent=1, ensure_ascii=False, sort_keys=False)
                       + "\n", encoding="utf-8")
        print(f"{out.relative_to(ROOT)}: {len(trimmed['paths'])} paths, "
              f"{sum(len(c) for c in trimmed['components'].values())} components")
    shapes = response_shapes(specs, zendesk_routes)
    shapes["x-deskops-trimmed"] = {
        "source": "../shared/reference/zendesk-*-oas.yaml", "date": today,
        "regenerate": COMMAND, "kept": "success response schemas of the sandbox's routes: "
        "type, properties, items, $ref, allOf, writeOnly"}
    SHAPES.write_text(json.dumps(shapes, indent=None, separators=(",", ":")) + "\n",
                      encoding="utf-8")
    print(f"{SHAPES.relative_to(ROOT)}: {len(shapes['operations'])} operations, "
          f"{len(shapes['schemas'])} schemas")
    exceptions = TARGET / "presence-exceptions.json"
    exceptions.write_text(json.dumps({
        "x-deskops-note": f"written by {COMMAND} from its PRESENCE_EXCEPTIONS; edit it there",
        "exceptions": PRESENCE_EXCEPTIONS}, indent=1, ensure_ascii=False) + "\n",
        encoding="utf-8")
    docs = "freshdesk-api-v2-docs.txt"
    body = trim_freshdesk((source / docs).read_text(encoding="utf-8"))
    header = (f"[Trimmed copy of ../shared/reference/{docs}, made {today} by {COMMAND}:\n"
              f" the chapters the sandbox emulates ({len(FRESHDESK_CHAPTERS)}), verbatim.]\n\n")
    (TARGET / docs).write_text(header + body, encoding="utf-8")
    print(f"tests/reference/{docs}: {len(body.splitlines())} lines "
          f"(routes served: {len(_route_methods(freshdesk_app.routes()))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
