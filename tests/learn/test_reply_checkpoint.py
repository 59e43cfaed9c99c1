"""The reply read is checkpointed: a run stopped inside it (a sandbox fault) resumes where it
stopped and does not read again the replies already read — counted on the sandbox's log."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from integrations.errors import DeskopsError
from integrations.helpdesk.history import Checkpoint, read_history, read_replies
from integrations.sandbox.server import RunningSandbox

from .conftest import Run, history
from .test_history_read import _desk, _first_replies

CONVERSATIONS = "/api/v2/tickets/"
EVENTS = "/api/v2/incremental/ticket_events"


def _fail_from_now_on(emulator: object, prefix: str) -> None:
    emulator.set_faults(error_rate=1.0, error_status=503, path_prefix=prefix)  # type: ignore[attr-defined]


def test_freshdesk_reply_read_resumes_without_reading_a_conversation_twice(
        freshdesk_run: Run, fresh_sandbox: RunningSandbox, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    history(fresh_sandbox.freshdesk_url, 80)
    monkeypatch.setenv("DESKOPS_RETRY_ATTEMPTS", "1")
    since = datetime.now(UTC) - timedelta(days=200)
    desk = _desk(fresh_sandbox.freshdesk_env(), monkeypatch)
    tickets = list(read_history(desk, since, limit=10_000,
                                checkpoint=Checkpoint(None, "freshdesk", "x")))
    assert len(tickets) == 80
    path = tmp_path / "cp.json"
    cp = Checkpoint(path, "freshdesk", "x", done=True)
    log = fresh_sandbox.freshdesk.log
    mark = log.mark()
    # after the first save (25 conversations read), every further call fails
    with pytest.raises(DeskopsError):
        read_replies(desk, since, tickets, checkpoint=cp, progress=lambda found, calls:
                     _fail_from_now_on(fresh_sandbox.freshdesk, CONVERSATIONS))
    fresh_sandbox.freshdesk.clear_faults()
    saved = Checkpoint.load(path, "freshdesk", "x")
    assert saved.in_replies and len(saved.replied) == saved.reply_calls == 25
    assert log.count(path=CONVERSATIONS, status=200, since=mark) == 25
    mark = log.mark()
    resumed = read_replies(desk, since, tickets, checkpoint=saved)
    answered = log.entries(path=CONVERSATIONS, since=mark)
    assert resumed.calls == len(answered) == 80 - 25  # none of the 25 read again
    assert len({e.path for e in answered} | {f"/api/v2/tickets/{t}/conversations"
                                             for t in saved.replied[:25]}) == 80
    expected = _first_replies(fresh_sandbox.freshdesk_url, "conversations", "user_id")
    assert resumed.texts == {t: r for t, r in expected.items() if t not in saved.replied[:25]}
    assert Checkpoint.load(path, "freshdesk", "x").replies_done


def test_zendesk_reply_read_resumes_on_the_event_page_it_stopped_on(
        zendesk_run: Run, fresh_sandbox: RunningSandbox, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    history(fresh_sandbox.zendesk_url, 500)
    monkeypatch.setenv("DESKOPS_RETRY_ATTEMPTS", "1")
    since = datetime.now(UTC) - timedelta(days=200)
    desk = _desk(fresh_sandbox.zendesk_env(), monkeypatch)
    tickets = list(read_history(desk, since, limit=10_000,
                                checkpoint=Checkpoint(None, "zendesk", "x")))
    full = read_replies(desk, since, tickets)  # the whole read, for its page count
    assert full.calls >= 2
    path = tmp_path / "cp.json"
    cp = Checkpoint(path, "zendesk", "x", done=True)
    log = fresh_sandbox.zendesk.log
    with pytest.raises(DeskopsError):  # the second event page fails
        read_replies(desk, since, tickets, checkpoint=cp, progress=lambda found, calls:
                     _fail_from_now_on(fresh_sandbox.zendesk, EVENTS))
    fresh_sandbox.zendesk.clear_faults()
    saved = Checkpoint.load(path, "zendesk", "x")
    assert saved.in_replies and saved.reply_calls == 1 and saved.reply_start is not None
    assert saved.replied  # the first page's first replies, by ticket id only
    mark = log.mark()
    resumed = read_replies(desk, since, tickets, checkpoint=saved)
    assert resumed.calls == log.count(path=EVENTS, since=mark) == full.calls - 1
    first_page = set(saved.replied[: len(saved.replied) - len(resumed.texts)])
    assert first_page and not first_page & set(resumed.texts)
    assert first_page | set(resumed.texts) == set(full.texts)
    assert all(full.texts[t] == text for t, text in resumed.texts.items())


def test_suggest_resume_inside_the_reply_read_reads_the_tickets_again_not_the_replies(
        freshdesk_run: Run, fresh_sandbox: RunningSandbox,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Through the CLI: a fault stops the reply read; ``--resume`` reads the tickets again
    (their text was never kept) and only the conversations not yet read."""
    history(fresh_sandbox.freshdesk_url, 120)
    log = fresh_sandbox.freshdesk.log
    fresh_sandbox.freshdesk.set_faults(error_rate=0.03, error_status=503, seed=5,
                                       path_prefix=CONVERSATIONS)
    with monkeypatch.context() as m:
        m.setenv("DESKOPS_RETRY_ATTEMPTS", "1")
        first = freshdesk_run("suggest", "--field", "problem_type", "--json")
    fresh_sandbox.freshdesk.clear_faults()
    assert first.exit_code != 0
    state = Path(os.environ["DESKOPS_STATE_DIR"]) / "suggest"
    (cp_file,) = state.glob("*.json")
    cp = json.loads(cp_file.read_text(encoding="utf-8"))
    done = len(cp["replied"])
    assert cp["done"] and 0 < done < 120 and not cp["replies_done"]
    mark = log.mark()
    again = freshdesk_run("suggest", "--field", "problem_type", "--json", "--resume")
    assert again.exit_code == 0, again.output
    data = json.loads(again.stdout)
    assert data["tickets_read"] == 120  # read again: learning needs their text
    assert data["replies"]["api_calls"] == log.count(path=CONVERSATIONS, since=mark) \
        == 120 - done


def test_zendesk_resume_takes_no_later_reply_as_the_first_of_a_ticket_new_to_it(
        zendesk_run: Run, fresh_sandbox: RunningSandbox, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A ticket the stopped walk was not started for (solved since, read on the resume)
    whose first reply lies before the walk's position: its later reply is not its first."""
    history(fresh_sandbox.zendesk_url, 500)
    monkeypatch.setenv("DESKOPS_RETRY_ATTEMPTS", "1")
    since = datetime.now(UTC) - timedelta(days=200)
    desk = _desk(fresh_sandbox.zendesk_env(), monkeypatch)
    tickets = sorted(read_history(desk, since, limit=10_000,
                                  checkpoint=Checkpoint(None, "zendesk", "x")),
                     key=lambda t: t.created_at)
    full = read_replies(desk, since, tickets)
    assert full.calls >= 2
    late = next(t for t in tickets if t.id in full.texts)  # its first reply: the first page
    later = (datetime.now(UTC) - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    fresh_sandbox.zendesk.store.insert("ticket_comments", {
        "ticket_id": late.id, "author_id": late.requester_id, "body": "a later reply",
        "html_body": "<p>a later reply</p>", "public": True, "attachment_ids": [],
        "created_at": later})
    path = tmp_path / "cp.json"
    before = [t for t in tickets if t.id != late.id]  # the stopped run did not have it
    with pytest.raises(DeskopsError):  # the second event page fails
        read_replies(desk, since, before, checkpoint=Checkpoint(path, "zendesk", "x", done=True),
                     progress=lambda found, calls: _fail_from_now_on(fresh_sandbox.zendesk,
                                                                     EVENTS))
    fresh_sandbox.zendesk.clear_faults()
    saved = Checkpoint.load(path, "zendesk", "x")
    assert saved.in_replies and late.id not in saved.reply_for
    resumed = read_replies(desk, since, tickets, checkpoint=saved)
    assert resumed.texts.get(late.id) != "a later reply"
    assert late.id not in resumed.texts
    # the tickets the walk was started for get their first replies as before
    assert resumed.texts and all(full.texts[t] == text for t, text in resumed.texts.items())
    assert set(saved.replied) | set(resumed.texts) == set(full.texts) - {late.id}
