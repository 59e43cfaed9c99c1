"""A tiny valid workspace that each test breaks in one way."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "schemas" / "examples" / "game-publisher"
DRAFT = "https://json-schema.org/draft/2020-12/schema"

Writer = Callable[[str, Any], Path]

BASE: dict[str, Any] = {
    "deskops.json": {
        "name": "tiny", "default_locale": "en", "locales": ["en", "fr", "ko"],
        "forms": ["support", "billing"],
    },
    "fields/platform.json": {
        "$schema": DRAFT, "title": "Platform", "type": "string",
        "oneOf": [
            {"const": "platform_pc", "title": "PC"},
            {"const": "platform_xbox", "title": "Xbox",
             "x-deskops": {"title": {"ko": "엑스박스"}}},
        ],
        "x-deskops": {"title": {"fr": "Plateforme", "ko": "플랫폼"}},
    },
    "fields/server.json": {"$schema": DRAFT, "title": "Server", "type": "string"},
    "fields/crashed.json": {"$schema": DRAFT, "title": "It crashed", "type": "boolean"},
    "forms/support.json": {
        "$schema": DRAFT, "title": "Support", "type": "object",
        "properties": {
            "subject": {"x-deskops": {"system": "subject"}},
            "platform": {"$ref": "../fields/platform.json"},
            "server": {"$ref": "../fields/server.json"},
            "description": {"x-deskops": {"system": "description"}},
        },
        "required": ["subject", "platform"],
        "allOf": [{
            "if": {"properties": {"platform": {"const": "platform_pc"}},
                   "required": ["platform"]},
            "then": {"properties": {"server": True}, "required": ["server"]},
        }],
    },
    "forms/billing.json": {
        "$schema": DRAFT, "title": "Billing", "type": "object",
        "properties": {
            "subject": {"x-deskops": {"system": "subject"}},
            "platform": {"$ref": "../fields/platform.json"},
        },
        "required": ["platform"],
    },
}


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    """A copy of `BASE` on disk; returns its root."""
    root = tmp_path / "ws"
    for rel, doc in BASE.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(doc, indent=2, ensure_ascii=False), encoding="utf-8")
    return root


@pytest.fixture
def put(ws: Path) -> Writer:
    """Write (or with None, delete) one file of the workspace."""

    def write(rel: str, doc: Any) -> Path:
        path = ws / rel
        if doc is None:
            path.unlink()
            return path
        path.parent.mkdir(parents=True, exist_ok=True)
        text = doc if isinstance(doc, str) else json.dumps(doc, indent=2, ensure_ascii=False)
        path.write_text(text, encoding="utf-8")
        return path

    return write


def doc(rel: str) -> Any:
    """A deep copy of one `BASE` document, to modify."""
    return json.loads(json.dumps(BASE[rel]))
