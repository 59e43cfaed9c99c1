"""chase(): reminder, reminder, solve — each once — and the cases that must never be solved."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from triage_support import BOT, FIELDS, T0, apply, context, hours, reply, ticket

from integrations.model import Ticket
from integrations.triage import AUTO_SOLVED_TAG, TriageContext, chase, decide, reminder_tag


def asked(ctx: TriageContext, t: Ticket, at: datetime = T0) -> Ticket:
    d = decide(t, ctx)
    assert d.kind == "ask"
    return apply(t, d.update, at)


def run_chase(ctx: TriageContext, t: Ticket, now: datetime) -> tuple[Ticket, str]:
    d = chase(t, ctx, now)
    if d.should_write:
        t = apply(t, d.update, now)
    return t, d.kind


FR = ticket(subject="Commissions manquantes",
            description="Bonjour, il manque des commissions sur mon tableau de bord.",
            form_id=11, fields={102: "pub_payment"}, requester_locale="fr")


def test_timeline_reminder_reminder_solve_each_once(ctx: TriageContext) -> None:
    t = asked(ctx, FR)
    kinds = []
    sent: list[str] = []
    for h in (1, 23, 24, 25, 30, 71, 72, 73, 100, 119, 120, 121, 200):
        before = len(t.comments)
        t, kind = run_chase(ctx, t, T0 + hours(h))
        kinds.append((h, kind))
        if len(t.comments) > before:
            sent.append(t.comments[-1].body)
    assert [k for k in kinds if k[1] not in ("wait", "skip")] == [
        (24, "remind"), (72, "remind"), (120, "solve")]
    assert [k for h, k in kinds if h > 120] == ["skip", "skip"]  # solved: never touched again
    assert len(sent) == 3
    assert "relance 1" in sent[0] and "ID du site (SID)" in sent[0]
    assert "relance 2" in sent[1]
    assert "nous clôturons cette demande" in sent[2]
    assert t.status == "solved"
    assert {reminder_tag(1), reminder_tag(2), AUTO_SOLVED_TAG} <= set(t.tags)


def test_overlapping_runs_do_not_repeat_a_reminder(ctx: TriageContext) -> None:
    t = asked(ctx, FR)
    first = chase(t, ctx, T0 + hours(25))
    t = apply(t, first.update, T0 + hours(25))
    again = chase(t, ctx, T0 + hours(25))
    assert first.kind == "remind" and again.kind == "wait" and again.update.empty


def test_late_cron_sends_one_step_at_a_time(ctx: TriageContext) -> None:
    t = asked(ctx, FR)
    t, kind = run_chase(ctx, t, T0 + hours(130))  # cron was down for days
    assert kind == "remind"
    t, kind = run_chase(ctx, t, T0 + hours(131))  # not a second message an hour later
    assert kind == "wait"
    t, kind = run_chase(ctx, t, T0 + hours(130 + 48))
    assert kind == "remind"


def test_requester_answer_stops_the_chase(ctx: TriageContext) -> None:
    t = asked(ctx, FR)
    t, _ = run_chase(ctx, t, T0 + hours(24))
    t = reply(t, "Je regarde et je reviens vers vous", T0 + hours(30))
    d = chase(t, ctx, T0 + hours(200))
    assert d.kind == "skip" and "open" in d.summary
    # the worker asks again (same items: no repeat), so the ticket stays open for people
    assert decide(t, ctx).kind == "no_change"


def test_new_request_after_partial_reply_restarts_the_schedule(ctx: TriageContext) -> None:
    start = ticket(subject="Rapports", description="Le tableau de bord affiche une erreur.",
                   form_id=11, fields={102: "pub_technical"}, requester_locale="fr")
    t = asked(ctx, start)
    t, kind = run_chase(ctx, t, T0 + hours(24))
    assert kind == "remind"
    t = reply(t, "SID 1234567", T0 + hours(30))
    d = decide(t, ctx)
    assert d.kind == "ask" and reminder_tag(1) in d.update.remove_tags
    t = apply(t, d.update, T0 + hours(30))
    assert chase(t, ctx, T0 + hours(50)).kind == "wait"
    t, kind = run_chase(ctx, t, T0 + hours(54))
    assert kind == "remind" and "relance 1" in t.comments[-1].body


def test_human_confirmation_form_is_never_auto_solved(ctx: TriageContext) -> None:
    deletion = ticket(subject="Delete my account", description="Please delete my account.",
                      form_id=13, fields={201: "game_aura"})
    t = asked(ctx, deletion)
    for h in (24, 72):
        t, kind = run_chase(ctx, t, T0 + hours(h))
        assert kind == "remind"
    for h in (120, 500):
        d = chase(t, ctx, T0 + hours(h))
        assert d.kind == "skip" and "human" in d.summary and d.update.empty
    assert t.status == "pending"


def test_human_confirmation_also_from_rules_settings() -> None:
    rules = {"settings": {"human_confirmation_forms": ["publisher_support"],
                          "chase": {"reminders_after_hours": [], "solve_after_hours": 48}}}
    ctx = context(rules)
    t = asked(ctx, FR)
    assert chase(t, ctx, T0 + hours(49)).kind == "skip"


def _freshdesk(closure: dict[str, object]) -> TriageContext:
    ctx = context(target="freshdesk")
    os_field = dataclasses.replace(FIELDS["os"], vendor={"freshdesk": closure})
    ws = dataclasses.replace(ctx.workspace, fields={**FIELDS, "os": os_field})
    return TriageContext.build(ws, field_ids=ctx.field_ids, form_ids=ctx.form_ids,
                               group_ids={"Publisher Support": 1, "Brazil": 2, "Game Tech": 3,
                                          "Billing": 4},
                               self_author_ids=[BOT], rules=ctx.rules, target="freshdesk")


def test_freshdesk_required_for_closure_is_filled_or_skipped() -> None:
    cases: list[tuple[dict[str, object], str]] = [
        ({"required_for_closure": True, "closure_value": "n/a"}, "solve"),
        ({"required_for_closure": True}, "skip")]
    for closure, expected in cases:
        ctx = _freshdesk(closure)
        t = asked(ctx, FR)
        t, _ = run_chase(ctx, t, T0 + hours(24))
        t, _ = run_chase(ctx, t, T0 + hours(72))
        d = chase(t, ctx, T0 + hours(120))
        assert d.kind == expected
        if expected == "solve":
            assert d.update.fields == {104: "n/a"} and d.update.status == "solved"
        else:
            assert "Freshdesk requires os" in d.summary and d.update.empty


def test_chase_ignores_tickets_not_waiting(ctx: TriageContext) -> None:
    assert chase(FR, ctx, T0 + hours(100)).kind == "skip"  # never asked
    closed = dataclasses.replace(asked(ctx, FR), status="closed")
    assert chase(closed, ctx, T0 + hours(100)).kind == "skip"
    shadow = context(mode="shadow")
    t = asked(shadow, FR)
    d = chase(t, shadow, T0 + hours(30))
    assert d.kind == "remind" and not d.should_write
