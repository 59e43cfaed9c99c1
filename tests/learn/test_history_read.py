"""Reading solved tickets over real HTTP: bounded, resumable, within the paging floor."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests

from integrations.helpdesk.history import Checkpoint, read_history
from integrations.helpdesk.tickets import connect_tickets
from integrations.sandbox.server import RunningSandbox
from integrations.settings import load_settings

from .conftest import Run, history


def _desk(env: dict[str, str], monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    settings = load_settings()
    return connect_tickets(settings, env["DESKOPS_TARGET"])


def _solved(url: str, target: str) -> int:
    rows = requests.get(f"{url}/_sandbox/objects/tickets", timeout=30).json()["objects"]
    return sum(1 for t in rows if t["status"] in (("solved", "closed") if target == "zendesk"
                                                  else (4, 5)))


def test_freshdesk_read_is_bounded_resumable_and_near_the_paging_floor(
        freshdesk_run: Run, fresh_sandbox: RunningSandbox, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    history(fresh_sandbox.freshdesk_url, 700)
    since = datetime.now(UTC) - timedelta(days=200)
    path = tmp_path / "state" / "cp.json"
    desk = _desk(fresh_sandbox.freshdesk_env(), monkeypatch)
    seen: list[int] = []
    progress: list[tuple[int, int]] = []
    cp = Checkpoint(path, "freshdesk", "x")
    seen += [t.id for t in read_history(desk, since, limit=300, checkpoint=cp,
                                        progress=lambda r, c: progress.append((r, c)))]
    assert len(seen) == 300 and progress and progress[-1][0] == 300
    assert path.exists() and not Checkpoint.load(path, "freshdesk", "x").done
    resumed = Checkpoint.load(path, "freshdesk", "x")
    seen += [t.id for t in read_history(desk, since, limit=10_000, checkpoint=resumed)]
    assert len(seen) == len(set(seen)) == _solved(fresh_sandbox.freshdesk_url, "freshdesk")
    assert resumed.done
    # 1 call for the field names, then search pages; the floor is ceil(700 / 30) + 1
    assert resumed.calls <= 1.05 * (math.ceil(700 / 30) + 1) + 1


def test_zendesk_read_uses_the_cursor_export_and_stops_at_the_bound(
        zendesk_run: Run, fresh_sandbox: RunningSandbox, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    history(fresh_sandbox.zendesk_url, 120)
    since = datetime.now(UTC) - timedelta(days=200)
    desk = _desk(fresh_sandbox.zendesk_env(), monkeypatch)
    fresh_sandbox.zendesk.log.clear()
    tickets = list(read_history(desk, since, limit=50,
                                checkpoint=Checkpoint(tmp_path / "cp.json", "zendesk", "x")))
    assert len(tickets) == 50
    assert all(t.fields for t in tickets)  # the agent's value, by remote field id
    paths = [e.path for e in fresh_sandbox.zendesk.log.entries()]
    assert paths and all(p.startswith("/api/v2/incremental/tickets/cursor") for p in paths)
    everything = list(read_history(desk, since, limit=10_000,
                                   checkpoint=Checkpoint(None, "zendesk", "x")))
    assert len(everything) == _solved(fresh_sandbox.zendesk_url, "zendesk") == 120


def test_a_read_stopped_inside_a_page_resumes_on_that_page(
        freshdesk_run: Run, fresh_sandbox: RunningSandbox, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    history(fresh_sandbox.freshdesk_url, 200)
    since = datetime.now(UTC) - timedelta(days=200)
    desk = _desk(fresh_sandbox.freshdesk_env(), monkeypatch)
    path = tmp_path / "cp.json"
    first = [t.id for t in read_history(desk, since, limit=45,
                                        checkpoint=Checkpoint(path, "freshdesk", "x"))]
    assert len(first) == 45
    rest = [t.id for t in read_history(desk, since, limit=10_000,
                                       checkpoint=Checkpoint.load(path, "freshdesk", "x"))]
    assert len(set(first) | set(rest)) == _solved(fresh_sandbox.freshdesk_url, "freshdesk")
