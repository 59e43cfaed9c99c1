"""Any malformed value anywhere in a workspace file is a problem line, never a traceback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from integrations.workspace import check

from .conftest import BASE, EXAMPLE, Writer, doc

ODD: list[Any] = [None, 7, "x", [], {}, True, [1], {"a": 1}]


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from paths(value, (*prefix, i))


def replaced(node: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    copy = json.loads(json.dumps(node))
    target = copy
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return copy


@pytest.mark.parametrize("rel", sorted(BASE))
def test_every_value_replaced_by_odd_values(ws: Path, put: Writer, rel: str) -> None:
    original = doc(rel)
    for path in paths(original):
        for value in ODD:
            put(rel, replaced(original, path, value))
            for target in (None, "freshdesk"):
                report = check(ws, target)  # must not raise
                for problem in report.errors:
                    assert problem.file and str(problem).count(": ") >= 1
    put(rel, original)
    assert check(ws).errors == []


def test_example_files_as_garbage(tmp_path: Path) -> None:
    for rel in ("deskops.json", "fields/product.json", "forms/technical-issues.json"):
        root = tmp_path / rel.replace("/", "_")
        for src in EXAMPLE.rglob("*.json"):
            dst = root / src.relative_to(EXAMPLE)
            dst.parent.mkdir(parents=True, exist_ok=True)
            dst.write_bytes(src.read_bytes())
        for garbage in (b"", b"\xff\xfe", b"null", b"[]", b'{"title": "x"'):
            (root / rel).write_bytes(garbage)
            assert check(root, "zendesk").errors
