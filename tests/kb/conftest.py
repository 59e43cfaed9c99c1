"""Helpers for knowledge-base tests: small workspaces written on the fly."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

SEEDS_WORKSPACE = Path(__file__).resolve().parents[2] / "schemas" / "examples" / "kb-seeds"

#: A 1x1 transparent PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082")


@pytest.fixture
def seeds_workspace(tmp_path: Path) -> Path:
    """A copy of the seed knowledge base (the four seed pages, unchanged, plus a manifest)."""
    target = tmp_path / "ws"
    shutil.copytree(SEEDS_WORKSPACE, target, ignore=shutil.ignore_patterns("locks"))
    return target


Writer = Callable[[str, str | bytes], Path]


@pytest.fixture
def write(tmp_path: Path) -> Writer:
    """``write("kb/cat/sec/a.md", text)`` inside a fresh workspace at ``tmp_path / "w"``."""
    root = tmp_path / "w"

    def _write(rel: str, content: str | bytes) -> Path:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return root

    return _write
