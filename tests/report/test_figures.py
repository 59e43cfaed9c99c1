"""The figures against a scripted scenario, on both store back-ends (see `scenario.py`)."""

from __future__ import annotations

import threading
from pathlib import Path

from integrations.events import EventStore, NewEvent, open_store
from integrations.events.history import reading
from integrations.events.summary import explain, project_facts
from integrations.report import build
from integrations.report.figures import Funnel, fact_columns

from .scenario import SINCE, UNTIL, Clock, fill


def test_funnel_and_forms(store: EventStore, clock: Clock) -> None:
    fill(store, clock)
    f = build(store, SINCE, UNTIL)
    assert f.events == 13
    assert f.funnel == Funnel(received=7, triaged=5, asked=3, answered=2, completed=1,
                              complete_on_arrival=1, reminded=1, auto_solved=1, reopened=1)
    assert [form.form for form in f.forms] == ["billing", "bug"]
    billing, bug = f.forms
    assert billing.funnel == Funnel(received=1, triaged=1, asked=1, reminded=1,
                                    auto_solved=1, reopened=1)
    assert billing.missing == [("order_id", 1)]
    assert bug.funnel == Funnel(received=4, triaged=4, asked=2, answered=2, completed=1,
                                complete_on_arrival=1)
    assert bug.missing == [("platform", 3), ("build_id", 2)]
    assert bug.extracted == [("build_id", 1)]


def test_times_languages_routes_shadow(store: EventStore, clock: Clock) -> None:
    ids = fill(store, clock)
    f = build(store, SINCE, UNTIL)
    assert f.answer_seconds == {"answers": 2, "median": (3590 + 600) / 2, "p90": 3590}
    assert f.languages == [("en", 3), ("fr", 1), ("ko", 1)]
    assert f.routes == [("Bugs", 2)]
    assert f.shadow_counts == [("shadow:ask", 1)]
    (shadow,) = f.shadow
    assert (shadow.event_id, shadow.ticket_id) == (ids["shadow"], 4)
    assert shadow.would == ("request comment (en); asking for platform; tags +needs_info; "
                            "status pending")
    assert f.per_day[0][1] == 11 and [n for _, n in f.per_day[1:]] == [2, 0]


def test_dead_letters_retries_and_receiver(store: EventStore, clock: Clock) -> None:
    ids = fill(store, clock)
    f = build(store, SINCE, UNTIL)
    assert f.statuses == {"dead": 1, "done": 11, "ignored": 1}
    assert (f.retried_events, f.retries) == (2, 2)
    assert [(d.event_id, d.ticket_id, d.attempts, d.error) for d in f.dead] == [
        (ids["dead"], 6, 2, "helpdesk answered 500 (scripted)")]
    assert f.receiver["acks"] == 6
    assert f.receiver["acks_by_source"] == [("zendesk", 5), ("freshdesk", 1)]
    assert f.receiver["unavailable"] == 1
    assert f.receiver["rejected"] == [("401 signature or secret", 2)]


def test_purge_by_requester_removes_a_ticket_from_the_figures(store: EventStore,
                                                               clock: Clock) -> None:
    fill(store, clock)
    assert store.purge_requester(501) == 1  # ticket 1's ask (the requester was recorded)
    f = build(store, SINCE, UNTIL)
    assert f.funnel.asked == 2 and f.funnel.completed == 0  # its completion has no ask now
    assert f.events == 12


def test_an_empty_window_has_zero_figures(store: EventStore, clock: Clock) -> None:
    fill(store, clock)
    f = build(store, UNTIL + 10 * 86400, UNTIL + 11 * 86400)
    assert f.events == 0 and f.funnel == Funnel() and f.forms == []
    assert f.answer_seconds == {"answers": 0, "median": None, "p90": None}
    assert f.receiver["acks"] == 0


def test_the_sums_use_the_received_at_index(store: EventStore, clock: Clock) -> None:
    fill(store, clock)
    plan = " ".join(explain(store, SINCE, UNTIL))
    if store.backend == "sqlite":
        assert "deskops_events_received" in plan, plan
    else:  # a handful of rows: PostgreSQL rightly prefers a scan; force the choice off
        with store._tx() as cur:
            cur.execute("SET LOCAL enable_seqscan = off", ())
            cur.execute("EXPLAIN SELECT id FROM deskops_events WHERE received_at >= ? "
                        "AND received_at < ?", (SINCE, UNTIL))
            forced = " ".join(str(r[0]) for r in cur.fetchall())
        assert "deskops_events_received" in forced, forced


def test_a_report_reading_never_holds_up_the_receiver(tmp_path: Path) -> None:
    """On SQLite the report reads a snapshot: an event can be stored meanwhile (a store
    transaction would hold the write lock, and the receiver's 202 would wait)."""
    store = open_store(f"sqlite:///{tmp_path / 'events.db'}")
    store.setup()
    stored = threading.Event()

    def receive() -> None:
        other = open_store(f"sqlite:///{tmp_path / 'events.db'}")
        other.add(NewEvent("zendesk", "ticket_created", 1, ticket_updated_at="t"))
        other.close()
        stored.set()

    with reading(store) as cur:
        cur.execute("SELECT COUNT(*) FROM deskops_events", ())
        assert cur.fetchone()[0] == 0
        writer = threading.Thread(target=receive)
        writer.start()
        assert stored.wait(10), "the write waited for the report's transaction"
        cur.execute("SELECT COUNT(*) FROM deskops_events", ())
        assert cur.fetchone()[0] == 0  # the report's snapshot is stable
    writer.join()
    assert build(store, 0, 2e9).events == 1
    store.close()


def test_audits_read_in_small_batches_give_the_same_figures(store: EventStore,
                                                             clock: Clock) -> None:
    fill(store, clock)
    assert project_facts(store, SINCE, UNTIL, fact_columns, batch=3) == 11  # done events
    assert project_facts(store, SINCE, UNTIL, fact_columns, batch=3) == 0  # read once
    f = build(store, SINCE, UNTIL)
    assert f.funnel == Funnel(received=7, triaged=5, asked=3, answered=2, completed=1,
                              complete_on_arrival=1, reminded=1, auto_solved=1, reopened=1)
