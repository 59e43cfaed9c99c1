"""Reading solved tickets over real HTTP: bounded, resumable, within the paging floor."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests

from integrations.helpdesk.history import Checkpoint, read_history, read_replies
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


def _first_replies(url: str, comments: str, by: str) -> dict[int, str]:
    """Ticket id -> the requester's first reply, as the sandbox stored it."""
    tickets = {t["id"]: t for t in requests.get(f"{url}/_sandbox/objects/tickets",
                                                 timeout=30).json()["objects"]}
    rows = requests.get(f"{url}/_sandbox/objects/{comments}", timeout=30).json()["objects"]
    mine: dict[int, list[tuple[str, str]]] = {}
    for c in rows:
        if c[by] == tickets[c["ticket_id"]]["requester_id"]:
            text = c.get("body_text") or c["body"]
            mine.setdefault(c["ticket_id"], []).append((c["created_at"], text))
    skip = 1 if comments == "ticket_comments" else 0  # Zendesk: the description comes first
    return {tid: sorted(said)[skip][1] for tid, said in mine.items() if len(said) > skip}


def test_zendesk_first_replies_come_from_the_ticket_event_export_in_bulk(
        zendesk_run: Run, fresh_sandbox: RunningSandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    history(fresh_sandbox.zendesk_url, 400)
    since = datetime.now(UTC) - timedelta(days=200)
    desk = _desk(fresh_sandbox.zendesk_env(), monkeypatch)
    tickets = list(read_history(desk, since, limit=10_000,
                                checkpoint=Checkpoint(None, "zendesk", "x")))
    fresh_sandbox.zendesk.log.clear()
    replies = read_replies(desk, since, tickets)
    expected = _first_replies(fresh_sandbox.zendesk_url, "ticket_comments", "author_id")
    assert 150 < len(expected) < 350  # about 60 % of the tickets got a reply
    assert replies.texts == expected
    paths = [e.path for e in fresh_sandbox.zendesk.log.entries()]
    assert all(p.startswith("/api/v2/incremental/ticket_events") for p in paths)
    assert replies.events > 1000  # more than one page: the paging was followed
    assert replies.calls == len(paths) <= 1.05 * math.ceil(replies.events / 1000) + 1


def test_freshdesk_first_replies_cost_one_call_per_ticket(
        freshdesk_run: Run, fresh_sandbox: RunningSandbox,
        monkeypatch: pytest.MonkeyPatch) -> None:
    history(fresh_sandbox.freshdesk_url, 60)
    since = datetime.now(UTC) - timedelta(days=200)
    desk = _desk(fresh_sandbox.freshdesk_env(), monkeypatch)
    tickets = list(read_history(desk, since, limit=10_000,
                                checkpoint=Checkpoint(None, "freshdesk", "x")))
    replies = read_replies(desk, since, tickets)
    expected = _first_replies(fresh_sandbox.freshdesk_url, "conversations", "user_id")
    assert expected and replies.texts == expected
    assert replies.calls == len(tickets) == 60


def test_the_ticket_event_export_hides_comment_bodies_without_the_sideload(
        zendesk_run: Run, fresh_sandbox: RunningSandbox) -> None:
    history(fresh_sandbox.zendesk_url, 30)
    env = fresh_sandbox.zendesk_env()
    auth = (f"{env['ZENDESK_EMAIL']}/token", env["ZENDESK_API_TOKEN"])
    url = f"{fresh_sandbox.zendesk_url}/api/v2/incremental/ticket_events.json"
    start = int((datetime.now(UTC) - timedelta(days=200)).timestamp())
    bare = requests.get(url, params={"start_time": start}, auth=auth, timeout=30).json()
    params: dict[str, str | int] = {"start_time": start, "include": "comment_events"}
    full = requests.get(url, params=params,
                        auth=auth, timeout=30).json()
    assert bare["end_of_stream"] and bare["count"] == len(bare["ticket_events"]) >= 60
    children = [c for e in bare["ticket_events"] for c in e["child_events"]]
    assert any(c.get("comment_present") for c in children)
    assert not any("body" in c for c in children)
    bodies = [c["body"] for e in full["ticket_events"] for c in e["child_events"]
              if c.get("event_type") == "Comment"]
    assert len(bodies) == sum(1 for c in children if c.get("comment_present"))
    stamps = [e["timestamp"] for e in full["ticket_events"]]
    assert stamps == sorted(stamps) and full["end_time"] == stamps[-1]
    too_recent = requests.get(url, params={"start_time": int(datetime.now(UTC).timestamp())},
                              auth=auth, timeout=30)
    assert too_recent.status_code == 400
