"""A scripted week of events, written through the store's own verbs, and its figures.

Audits are the JSON the worker stores (`integrations.worker.triage.audit_json`): the keys
below are the ones it writes. Times are seconds after `T0`; the expected figures are
counted by hand from the script, not computed by the code under test.
"""

from __future__ import annotations

import json
from typing import Any

from integrations.events import EventStore, NewEvent
from integrations.events.history import record_receiver_counts

T0 = 1_800_000_000.0
HOUR = 3600.0
DAY = 86400.0


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> float:
        return self.now


def audit(decision: str, *, form: str | None = None, language: str | None = None,
          missing: tuple[str, ...] = (), extracted: tuple[str, ...] = (),
          ask_hash: str | None = None, update: dict[str, Any] | None = None,
          seen: dict[str, Any] | None = None, mode: str = "live",
          group: str | None = None) -> str:
    data: dict[str, Any] = {
        "ticket_id": 0, "decision": decision, "summary": f"{decision} (scripted)", "mode": mode,
        "will_write": mode == "live", "reasons": [], "hints": [],
        "rules": [{"name": f"route to {group}", "because": [], "stop": False, "group": group}]
        if group else [],
        "language": {"locale": language, "how": "detected"} if language else None,
        "form": {"key": form, "how": "ticket form"} if form else None,
        "missing": [{"key": k, "kind": "field", "reason": "required",
                     "detail": "required by the form and absent", "title": k.title()}
                    for k in missing],
        "extracted": [{"key": k, "source": "description", "pattern": "[A-Z]+-\\d+"}
                      for k in extracted],
        "ask_hash": ask_hash, "update": update or {}, "updated_at": None,
    }
    if seen is not None:
        data["seen"] = seen
    return json.dumps(data)


def _event(store: EventStore, clock: Clock, at: float, ticket: int, reason: str,
           decision: str, *, took: float = 5.0, requester: int | None = None) -> int:
    clock.now = T0 + at
    rec, created = store.add(NewEvent("zendesk", "ticket_updated", ticket,
                                      ticket_updated_at=f"{T0 + at}", requester_id=requester))
    assert created
    claimed = store.claim(rec.id, "w1")
    assert claimed is not None
    clock.now = T0 + at + took
    assert store.complete(claimed, decision=decision, reason=reason)
    return rec.id


def fill(store: EventStore, clock: Clock) -> dict[str, int]:
    """Write the scenario; returns a few event ids the tests refer to."""
    ids: dict[str, int] = {}
    # Before the window: must not count.
    _event(store, clock, -2 * DAY, 99, audit("route", form="bug", language="en",
                                            update={"group_id": 9}), "route")
    # Ticket 1: asked for two fields, answered an hour later, completed and routed to 7.
    _event(store, clock, 0, 1, audit("ask", form="bug", language="fr",
                                     missing=("build_id", "platform"), ask_hash="h1",
                                     update={"comment": {"template": "request"}}), "ask",
           took=10, requester=501)
    _event(store, clock, HOUR, 1, audit("complete", form="bug", language="fr",
                                        update={"group_id": 7, "status": "open"},
                                        group="Bugs"), "complete")
    # Ticket 2: complete on arrival, build id extracted from the text, routed to 7.
    _event(store, clock, 100, 2, audit("route", form="bug", language="en",
                                       extracted=("build_id",), update={"group_id": 7},
                                       group="Bugs"),
           "route")
    # Ticket 3: asked, reminded, auto-solved, then reopened by the requester.
    _event(store, clock, 200, 3, audit("ask", form="billing", language="ko",
                                       missing=("order_id",), ask_hash="h3"), "ask", took=10)
    _event(store, clock, 2 * HOUR, 3, audit(
        "no_change", form="billing", language="ko", ask_hash="h3",
        seen={"status": "pending", "reminders": 1, "auto_solved": False}), "no_change")
    _event(store, clock, DAY, 3, audit(
        "skip", seen={"status": "solved", "reminders": 2, "auto_solved": True}), "skip")
    _event(store, clock, DAY + HOUR, 3, audit(
        "skip", seen={"status": "open", "reminders": 2, "auto_solved": True}), "skip")
    # Ticket 4: shadow mode: what would have been asked, nothing sent.
    ids["shadow"] = _event(store, clock, 300, 4, audit(
        "ask", form="bug", language="en", missing=("platform",), ask_hash="h4", mode="shadow",
        update={"add_tags": ["needs_info"], "status": "pending",
                "comment": {"template": "request", "locale": "en"}}), "shadow:ask")
    # Ticket 5: asked for the build id, answered 10 minutes later with something else
    # still missing (asked again, for another item).
    _event(store, clock, 400, 5, audit("ask", form="bug", language="en", missing=("build_id",),
                                       ask_hash="h5a"), "ask", took=20)
    _event(store, clock, 420 + 600, 5, audit("ask", form="bug", language="en",
                                             missing=("platform",), ask_hash="h5b"), "ask")
    # Ticket 6: the helpdesk kept failing: dead letter after max_attempts (2) tries.
    clock.now = T0 + 500
    rec, _ = store.add(NewEvent("zendesk", "ticket_created", 6, ticket_updated_at="t6"))
    for _ in range(2):
        claimed = store.claim(rec.id, "w1")
        assert claimed is not None
        store.fail(claimed, "helpdesk answered 500 (scripted)")
        clock.now += 1000
    ids["dead"] = rec.id
    # Ticket 7: failed once, then done on the retry.
    clock.now = T0 + 600
    rec, _ = store.add(NewEvent("zendesk", "ticket_created", 7, ticket_updated_at="t7"))
    claimed = store.claim(rec.id, "w1")
    assert claimed is not None
    store.fail(claimed, "timeout (scripted)")
    clock.now += 100
    claimed = store.claim(rec.id, "w1")
    assert claimed is not None
    store.complete(claimed, decision="skipped", reason="ticket no longer exists")
    # Ticket 8: an event type deskops does not handle: recorded, ignored, never counted.
    clock.now = T0 + 700
    store.add(NewEvent("zendesk", "user_created", 8, ignored=True, reason="not a ticket event"))
    # The receiver's answers during the window.
    record_receiver_counts(store, {(T0, "zendesk", 202, "stored"): 5,
                                   (T0, "zendesk", 401, "signature or secret"): 2,
                                   (T0 + HOUR, "freshdesk", 202, "stored"): 1,
                                   (T0 + HOUR, "zendesk", 503, "store unavailable"): 1,
                                   (T0 - 3 * DAY, "zendesk", 202, "stored"): 40})
    clock.now = T0 + 2 * DAY
    return ids


#: The window the tests report on: from T0 to T0 + 2 days.
SINCE, UNTIL = T0, T0 + 2 * DAY
