"""``deskops explain`` and ``deskops chase``: thin shells around `integrations.triage`.

They read (workspace, lock file, helpdesk groups, the ticket), call the pure engine and
print. Every call is one an agent's key may make (group names come from the ticket verbs'
`routing_ids`, never from the admin APIs), so a least-privilege key runs them all. The
helpdesk user deskops posts as is read from the helpdesk (``/users/me``, ``/agents/me``);
``DESKOPS_SELF_USER_IDS`` (comma-separated ids) adds others, so deskops's
own comments are not mistaken for an agent's reply.

``chase`` (for cron) finds needs-info tickets by search (``tags:`` on Zendesk, ``tag:`` on
Freshdesk — 30 a page, 10 pages: past 300 the rest wait for a later run), and sends at
most one update per ticket: reminder n, or the closing message and solved. Each action
(reminder, auto-solve, skip with its reason) is also stored in the event store with the
worker's audit (`integrations.events.chase`), so `deskops report` counts it at once. The stage
is a tag on the ticket, so a repeated run never sends a reminder twice; an OS file lock
(in the state folder, `integrations._runlock.run_file`) keeps two runs on one machine from
overlapping.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import click

from integrations._runlock import RunLock, run_file
from integrations.cli.main import App, pass_app
from integrations.errors import ConfigError, DeskopsError, HelpdeskError
from integrations.events.store import EventStore, StoreUnavailable
from integrations.model import Ticket, Workspace
from integrations.triage import (
    Decision,
    TriageContext,
    decide,
    explain_json,
    explain_text,
    load_rules,
    mode_from_env,
)
from integrations.triage import (
    chase as chase_ticket,
)

__all__ = ["build_context", "chase", "explain", "retriage"]


def _self_ids(extra: dict[str, str]) -> list[int]:
    raw = extra.get("DESKOPS_SELF_USER_IDS", "")
    try:
        return [int(x) for x in raw.replace(" ", "").split(",") if x]
    except ValueError as exc:
        raise ConfigError("DESKOPS_SELF_USER_IDS must be comma-separated user ids, "
                          f"got {raw!r}") from exc


def build_context(app: App, environment: str | None = None,
                  workspace: Workspace | None = None) -> TriageContext:
    """Workspace + lock + helpdesk names → a `TriageContext` (group names resolved once).

    Also used by ``deskops worker`` (`integrations.cli.pipeline._handler`)."""
    from integrations.helpdesk.tickets import connect_tickets
    from integrations.plan._lock import LockFile, lock_path
    from integrations.workspace import load

    target = app.target_name()
    workspace = workspace or load(app.workspace, target)
    rules = load_rules(app.workspace, workspace)
    env = app.environment(environment)
    lock = LockFile.load(lock_path(app.workspace, env), environment=env, target=target)
    group_ids: dict[str, int] = {}
    brand_ids: dict[str, int] = {}
    needs_names = any(r.group for r in rules.rules) or any(
        "brand" in r.when for r in rules.rules) or any(f.brands for f in workspace.forms.values())
    if needs_names:  # the worker's key may be an agent's: no admin API (issue 17)
        with connect_tickets(app.settings, target) as desk:
            group_ids, brand_ids = desk.routing_ids()
    extra = dict(app.settings.extra)
    return TriageContext.build(
        workspace,
        field_ids={entry.id: key for key, entry in lock.fields.items()},
        form_ids={entry.id: key for key, entry in lock.forms.items()},
        group_ids=group_ids, brand_ids=brand_ids, self_author_ids=_self_ids(extra),
        rules=rules, mode=mode_from_env(extra, rules.settings.mode),
        target="freshdesk" if target == "freshdesk" else "zendesk",
    )


_context = build_context  # the name earlier code and tests use


@click.command("explain")
@click.argument("ticket_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as JSON.")
@click.option("--env", "environment", default=None, metavar="NAME",
              help="Lock file environment (default: DESKOPS_ENVIRONMENT, else the target).")
@pass_app
def explain(app: App, ticket_id: int, as_json: bool, environment: str | None) -> None:
    """Show the triage decision for TICKET_ID and every reason, without changing anything."""
    from integrations.helpdesk.tickets import connect_tickets
    from integrations.worker.triage import use_choices, with_self_ids

    ctx = build_context(app, environment)
    with connect_tickets(app.settings, app.target_name()) as desk:
        ctx = with_self_ids(ctx, desk)
        use_choices(ctx, desk)
        ticket = desk.get_ticket(ticket_id)
        decision = decide(ticket, ctx)
        if app.verbose:
            click.echo(f"API calls: {desk.calls}", err=True)
    if as_json:
        click.echo(json.dumps(explain_json(decision), ensure_ascii=False, indent=2))
    else:
        click.echo(explain_text(decision))


@click.command("retriage")
@click.argument("ticket_ids", type=int, nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per ticket.")
@click.option("--env", "environment", default=None, metavar="NAME",
              help="Lock file environment (default: DESKOPS_ENVIRONMENT, else the target).")
@pass_app
def retriage(app: App, ticket_ids: tuple[int, ...], as_json: bool,
             environment: str | None) -> None:
    """Decide again for each TICKET_ID with the current workspace and write the result once.

    For a ticket triaged before a fix (a new extraction pattern, a rule): `explain` shows
    the new decision, this applies it, with the worker's guards (fresh read, nothing twice,
    agent edits never overwritten, shadow mode and kill switch honoured)."""
    from integrations.helpdesk.tickets import connect_tickets
    from integrations.worker.triage import (
        resume_reply,
        use_choices,
        with_self_ids,
        write_decision,
    )

    ctx = build_context(app, environment)
    failed = 0
    with connect_tickets(app.settings, app.target_name()) as desk:
        ctx = with_self_ids(ctx, desk)
        use_choices(ctx, desk)
        for ticket_id in ticket_ids:
            try:
                ticket = desk.get_ticket(ticket_id)
                resumed = resume_reply(ticket, desk, ctx)
                if resumed:
                    _report(as_json, {"ticket_id": ticket_id, "decision": "resumed",
                                      "summary": resumed, "written": True},
                            f"ticket {ticket_id}: {resumed}")
                    continue
                decision, written = write_decision(ticket, desk, ctx,
                                                   lambda t: decide(t, ctx))
            except HelpdeskError as exc:
                failed += 1
                _report(as_json, {"ticket_id": ticket_id, "error": str(exc)},
                        f"ticket {ticket_id}: failed: {exc}")
                continue
            data = explain_json(decision, include_comment=False)
            data["written"] = written
            done = ("written" if written else "nothing to change" if decision.update.empty
                    else f"{decision.mode} mode: not written")
            _report(as_json, data, f"ticket {ticket_id}: {decision.kind}: {decision.summary} "
                                   f"({done})")
        if app.verbose:
            click.echo(f"API calls: {desk.calls}", err=True)
    if failed:
        raise DeskopsError(f"retriage: {failed} ticket(s) failed (see above)")


class ChaseLock(RunLock):
    """One ``chase`` at a time per environment on this machine (see `RunLock`; the
    kernel releases it if the process dies, so a killed run never blocks the next)."""

    def __init__(self, workspace: Path, environment: str) -> None:
        super().__init__(run_file(workspace / "locks" / f"{environment}.json", "chase-lock"),
                         "chase",
                         "this run does nothing")


def _at(value: str | None) -> datetime:
    if not value:
        return datetime.now(UTC)
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise click.BadParameter(f"not an ISO-8601 time: {value!r}", param_hint="--at") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@contextlib.contextmanager
def _nothing() -> Iterator[None]:
    yield


@click.command("chase")
@click.option("--dry-run", is_flag=True, help="Decide and print, send nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per ticket.")
@click.option("--env", "environment", default=None, metavar="NAME",
              help="Lock file environment (default: DESKOPS_ENVIRONMENT, else the target).")
@click.option("--at", "at", default=None, metavar="ISO-8601",
              help="Decide as of this time instead of now (replays, tests).")
@pass_app
def chase(app: App, dry_run: bool, as_json: bool, environment: str | None,
          at: str | None) -> None:
    """Remind requesters who have not answered, then solve silent tickets (for cron)."""
    from integrations.helpdesk.tickets import connect_tickets
    from integrations.worker.triage import (
        resume_reply,
        use_choices,
        with_self_ids,
        write_decision,
    )

    now = _at(at)
    target = app.target_name()
    ctx = build_context(app, environment)
    if dry_run:
        ctx = dataclasses.replace(ctx, mode="shadow")
    counts: dict[str, int] = {}
    failed = 0
    tag = ctx.rules.settings.needs_info_tag
    store = None if dry_run else _open_store(app)
    with (_nothing() if dry_run else ChaseLock(app.workspace, app.environment(environment))), \
            connect_tickets(app.settings, target) as desk:
        ctx = with_self_ids(ctx, desk)
        use_choices(ctx, desk)
        for ticket_id in list(desk.search_tag(tag, status="pending")):
            try:
                ticket = desk.get_ticket(ticket_id)
                resumed = resume_reply(ticket, desk, ctx, now)
                if resumed:
                    counts["resumed"] = counts.get("resumed", 0) + 1
                    _report(as_json, {"ticket_id": ticket_id, "decision": "resumed",
                                      "summary": resumed, "will_write": True},
                            f"ticket {ticket_id}: {resumed}")
                    continue
                decision, written = write_decision(
                    ticket, desk, ctx, lambda t: chase_ticket(t, ctx, now))
            except HelpdeskError as exc:
                failed += 1
                _report(as_json, {"ticket_id": ticket_id, "error": str(exc)},
                        f"ticket {ticket_id}: failed: {exc}")
                continue
            counts[decision.kind] = counts.get(decision.kind, 0) + 1
            if store is not None and decision.kind in RECORDED:
                store = _record(store, ticket, decision, written)
            data = explain_json(decision, include_comment=False)
            data["written"] = written
            done = "sent" if written else ("dry run" if dry_run and not decision.update.empty
                                           else "nothing sent")
            _report(as_json, data, f"ticket {ticket_id}: {decision.summary} ({done})")
        truncated = desk.truncated
        if store is not None:
            store.close()
        if app.verbose:
            click.echo(f"API calls: {desk.calls}", err=True)
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "no ticket waiting"
    if not as_json:
        click.echo(f"chase at {now.strftime('%Y-%m-%dT%H:%M:%SZ')}: {summary}"
                   + (f", {failed} failed" if failed else "")
                   + (" (dry run: nothing sent)" if dry_run else ""))
    if truncated:
        click.echo("warning: the helpdesk's search limit hid some waiting tickets; they are "
                   "reached by later runs as others leave the queue", err=True)
    if failed:
        raise DeskopsError(f"chase: {failed} ticket(s) failed (see above); they are retried "
                           "by the next run")


#: Chase decisions stored in the event store for `deskops report` (a wait is not an action).
RECORDED = ("remind", "solve", "skip")


def _open_store(app: App) -> EventStore | None:
    from integrations.events import store_from_settings

    try:
        return store_from_settings(app.settings)
    except (ConfigError, StoreUnavailable) as exc:
        click.echo(f"warning: chase actions are not recorded for `deskops report`: {exc}",
                   err=True)
        return None


def _record(store: EventStore, ticket: Ticket, decision: Decision,
            written: bool) -> EventStore | None:
    """Store the action with the worker's audit (`integrations.events.chase`); the stage
    recorded is the ticket's after the write. A store that fails is dropped with one warning:
    the helpdesk work goes on, only the report misses it."""
    from integrations.events.chase import record_chase
    from integrations.worker.triage import audit_json

    kind: str = decision.kind
    seen = ticket
    if written:
        update = decision.update
        seen = dataclasses.replace(ticket, tags=tuple(update.merged_tags(ticket.tags)),
                                   status=update.status or ticket.status)
    elif not decision.update.empty and decision.mode != "live":
        kind = f"{decision.mode}:{kind}"  # shadow or kill switch: recorded, not sent
    try:
        record_chase(store, ticket_id=ticket.id, state=ticket.updated_at.isoformat(),
                     decision=kind, audit=audit_json(decision, seen=seen),
                     requester_id=ticket.requester_id)
    except StoreUnavailable as exc:
        click.echo(f"warning: chase actions are not recorded for `deskops report`: {exc}",
                   err=True)
        return None
    return store


def _report(as_json: bool, data: dict[str, object], line: str) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, sort_keys=True) if as_json else line)
