"""Chase actions reach the report at once (issue 15): `deskops chase` stores each reminder,
auto-solve and skip in the event store with the worker's audit, so ``deskops report --json``
counts "reminded → auto-solved" without waiting for a sweep, and the worker seeing the same
ticket afterwards counts nothing twice. Real CLI, real sandbox, both targets."""

from __future__ import annotations

import json
import uuid
from typing import Any

from triage_e2e.conftest import Harness, h, run_cli  # noqa: F401 - h is the fixture
from triage_e2e.test_triage_e2e import FR_BODY, FR_SUBJECT

from integrations.events import (
    EventStore,
    NewEvent,
    queue_from_settings,
    store_from_settings,
)
from integrations.events.chase import record_chase
from integrations.settings import load_settings

HOUR = 3600.0


def _worker(h: Harness, ticket_id: int) -> str:  # noqa: F811
    settings = load_settings(dotenv=None)
    with store_from_settings(settings) as store:
        store.setup()
        event, _ = store.add(NewEvent(source=h.target, kind="ticket_updated",
                                      ticket_id=ticket_id, invocation_id=uuid.uuid4().hex))
    queue_from_settings(settings).put(event.id)
    code, out = run_cli(h, ["worker", "--once"])
    assert code == 0, out
    return out


def _funnel(h: Harness) -> dict[str, Any]:  # noqa: F811
    code, out = run_cli(h, ["report", "--json", "--since", "7d"])
    assert code == 0, out
    return dict(json.loads(out)["funnel"])


def _chase(h: Harness) -> list[str]:  # noqa: F811
    code, out = h.chase()
    assert code == 0, out
    return [json.loads(line)["decision"] for line in out.splitlines() if line.startswith("{")]


def test_reminders_and_auto_solve_are_counted_once(h: Harness) -> None:  # noqa: F811
    tid = h.create(FR_SUBJECT, FR_BODY, locale="fr", form="account-issues",
                   fields={"product": "game_trove"})
    assert f"ticket {tid}: ask" in _worker(h, tid)
    funnel = _funnel(h)
    assert (funnel["asked"], funnel["reminded"], funnel["auto_solved"]) == (1, 0, 0)

    h.emu.clock.advance(25 * HOUR)
    assert _chase(h) == ["remind"]
    assert (_funnel(h)["reminded"], _funnel(h)["auto_solved"]) == (1, 0)  # no sweep needed
    h.emu.clock.advance(48 * HOUR)
    assert _chase(h) == ["remind"]
    h.emu.clock.advance(48 * HOUR)
    assert _chase(h) == ["solve"]
    assert _chase(h) == []  # solved: nothing more to chase, nothing more stored
    funnel = _funnel(h)
    assert (funnel["received"], funnel["asked"], funnel["reminded"],
            funnel["auto_solved"], funnel["reopened"]) == (1, 1, 1, 1, 0)

    # the worker now sees the auto-solved ticket (a sweep): the same state, counted once
    _worker(h, tid)
    funnel = _funnel(h)
    assert (funnel["reminded"], funnel["auto_solved"]) == (1, 1)
    code, out = run_cli(h, ["events", "list"])
    assert code == 0
    rows = [line.split() for line in out.splitlines()[1:]]
    assert sorted(r[1] + " " + r[2] for r in rows if r[2] == "chase") == ["done chase"] * 3


def test_the_same_action_on_the_same_state_is_stored_once(store: EventStore) -> None:
    """Both back-ends (the ``store`` fixture: SQLite, PostgreSQL)."""
    args: dict[str, Any] = {"ticket_id": 7, "decision": "skip", "audit": '{"decision":"skip"}'}
    first = record_chase(store, state="2026-12-04T10:00:00+00:00", **args)
    again = record_chase(store, state="2026-12-04T10:00:00+00:00", **args)
    later = record_chase(store, state="2026-12-04T11:00:00+00:00", **args)
    assert (first, again, later) == (True, False, True)
    assert [(e.source, e.status, e.decision) for e in store.find(ticket_id=7)] == [
        ("chase", "done", "skip")] * 2
