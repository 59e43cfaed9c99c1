"""A small generated history on a sandbox with the ad-network workspace applied: the
draft workspace (`draft`: the example with its keywords before they grew from the
generator's phrases), so there is something left to learn."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner, Result

from integrations.cli.main import cli
from integrations.sandbox.server import RunningSandbox

from .draft import draft_copy

Run = Callable[..., Result]


def make_runner(ws: Path, env: dict[str, str]) -> Run:
    runner = CliRunner()

    def run(*args: str) -> Result:
        return runner.invoke(cli, ["-w", str(ws), *args], env=env)

    return run


def history(url: str, count: int, seed: int = 3) -> None:
    resp = requests.post(f"{url}/_sandbox/history", json={
        "profile": "ad-network", "count": count, "seed": seed, "days": 120}, timeout=60)
    assert resp.status_code == 201, resp.text
    assert resp.json()["tickets"] == count


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    return draft_copy("ad-network", tmp_path / "ws")


def add_brand(ws: Path, env: dict[str, str]) -> None:
    """Create the workspace's Zendesk brand (its forms are restricted to it), as an admin
    would before a first apply; Freshdesk has no brands."""
    brand = json.loads((ws / "deskops.json").read_text(encoding="utf-8")).get("brand")
    if brand and env["DESKOPS_TARGET"] == "zendesk":
        resp = requests.post(f"{env['DESKOPS_SANDBOX_ZENDESK_URL']}/api/v2/brands.json",
                             auth=(f"{env['ZENDESK_EMAIL']}/token", env["ZENDESK_API_TOKEN"]),
                             json={"brand": {"name": brand, "subdomain": brand}}, timeout=30)
        assert resp.status_code == 201, resp.text


def applied(ws: Path, env: dict[str, str]) -> Run:
    add_brand(ws, env)
    run = make_runner(ws, env)
    result = run("apply", "--auto-approve")
    assert result.exit_code == 0, result.output
    return run


@pytest.fixture
def zendesk_run(workspace: Path, fresh_sandbox: RunningSandbox) -> Run:
    return applied(workspace, fresh_sandbox.zendesk_env())


@pytest.fixture
def freshdesk_run(workspace: Path, fresh_sandbox: RunningSandbox) -> Run:
    return applied(workspace, fresh_sandbox.freshdesk_env())
