"""The worker's stored audit carries what the figures read, and no requester text."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime

from integrations.events import EventStore, NewEvent
from integrations.model import Ticket
from integrations.report import build
from integrations.report.figures import NO_GROUP, fact_columns, parse_audit
from integrations.triage import Comment, Decision, RuleMatch, Update
from integrations.worker.triage import audit_json

from .scenario import Clock

SECRET_TEXT = "my password is hunter2 and my build is ABC-123"


def _ticket(tags: tuple[str, ...], status: str) -> Ticket:
    return Ticket(id=42, subject=SECRET_TEXT, description=SECRET_TEXT, status=status,
                  updated_at=datetime(2027, 1, 1, tzinfo=UTC), requester_id=7, tags=tags)


def _decision(kind: str = "skip") -> Decision:
    return Decision(ticket_id=42, kind=kind, summary="no action: ticket is solved",  # type: ignore[arg-type]
                    update=Update(add_tags=("x",), fields={12: SECRET_TEXT},
                                  comment=Comment(html=f"<p>{SECRET_TEXT}</p>", locale="en",
                                                  template="request")),
                    mode="live", language="en", form="bug", form_how="ticket form")


def _stored(store: EventStore, clock: Clock, *audits: str) -> None:
    for n, reason in enumerate(audits):
        clock.now += 100
        rec, _ = store.add(NewEvent("zendesk", "ticket_updated", 42,
                                    ticket_updated_at=f"s{n}"))
        claimed = store.claim(rec.id, "w")
        assert claimed is not None
        store.complete(claimed, decision="skip", reason=reason)


def test_the_stage_the_ticket_was_seen_in_is_recorded() -> None:
    seen = _ticket(("deskops_reminder_1", "deskops_reminder_2", "deskops_auto_solved"),
                   "solved")
    stored = audit_json(_decision(), seen=seen)
    assert SECRET_TEXT not in stored and "hunter2" not in stored
    data = parse_audit(stored)
    assert data is not None
    assert data["seen"] == {"status": "solved", "reminders": 2, "auto_solved": True}
    assert data["update"]["fields"] == ["12"]  # ids only, never the extracted values
    assert fact_columns("skip", stored) == ("skip", 1, "bug", "en", None, None, 1 | 2, (), ())


def test_figures_count_reminders_and_auto_solve_from_real_audits(store: EventStore,
                                                                 clock: Clock) -> None:
    since = clock.now
    _stored(store, clock,
            audit_json(_decision(), seen=_ticket(("deskops_reminder_1",), "pending")),
            audit_json(_decision(), seen=_ticket(("deskops_auto_solved",), "solved")),
            audit_json(_decision(), seen=_ticket(("deskops_auto_solved",), "open")))
    f = build(store, since, clock.now + 1)
    assert (f.funnel.reminded, f.funnel.auto_solved, f.funnel.reopened) == (1, 1, 1)
    assert f.funnel.triaged == 0  # skips are not triage


def test_a_reopened_ticket_counts_as_auto_solved_even_unseen_while_solved(
        store: EventStore, clock: Clock) -> None:
    # Only the requester's reply (status open, tag still there) reached the worker.
    since = clock.now
    _stored(store, clock,
            audit_json(_decision(), seen=_ticket(("deskops_auto_solved",), "open")))
    f = build(store, since, clock.now + 1)
    assert (f.funnel.auto_solved, f.funnel.reopened) == (1, 1)


def test_a_note_that_is_not_an_audit_is_no_figure() -> None:
    assert parse_audit("ticket no longer exists") is None
    assert parse_audit("{not json") is None
    assert parse_audit('{"other": 1}') is None
    assert fact_columns("skipped", "ticket no longer exists")[0] == ""


def test_routes_are_labelled_by_the_group_the_rules_name() -> None:
    decision = dataclasses.replace(
        _decision("route"), update=Update(group_id=7),
        rules=(RuleMatch(name="bugs", reasons=("always",), group="Bugs", group_id=7),))
    assert fact_columns("route", audit_json(decision))[5] == "Bugs"
    routed = json.dumps({"decision": "route", "mode": "live", "update": {"group_id": 7},
                         "rules": [{"name": "all", "group": "Support"},
                                   {"name": "bugs", "group": "Bugs"}]})
    assert fact_columns("route", routed)[5] == "Bugs"  # the last rule naming one wins
    older = json.dumps({"decision": "route", "mode": "live", "update": {"group_id": 7},
                        "rules": [{"name": "bugs"}]})
    assert fact_columns("route", older)[5] == "7"  # stored before audits named groups
    unchanged = json.dumps({"decision": "route", "mode": "live", "update": {},
                            "rules": [{"name": "bugs", "group": "Bugs"}]})
    assert fact_columns("route", unchanged)[5] == NO_GROUP  # already in that group
