"""``deskops explain`` and ``deskops chase``: thin shells around `integrations.triage`.

They read (workspace, lock file, helpdesk groups, the ticket), call the pure engine and
print. The helpdesk user(s) deskops posts as are given by ``DESKOPS_SELF_USER_IDS``
(comma-separated ids), so its own comments are not mistaken for an agent's reply.
"""

from __future__ import annotations

import json

import click

from integrations.cli.main import App, pass_app
from integrations.errors import ConfigError, DeskopsError
from integrations.triage import (
    TriageContext,
    decide,
    explain_json,
    explain_text,
    load_rules,
    mode_from_env,
)

__all__ = ["chase", "explain"]


def _self_ids(extra: dict[str, str]) -> list[int]:
    raw = extra.get("DESKOPS_SELF_USER_IDS", "")
    try:
        return [int(x) for x in raw.replace(" ", "").split(",") if x]
    except ValueError as exc:
        raise ConfigError("DESKOPS_SELF_USER_IDS must be comma-separated user ids, "
                          f"got {raw!r}") from exc


def _context(app: App, environment: str | None) -> TriageContext:
    """Workspace + lock + helpdesk names → a `TriageContext` (group names resolved once)."""
    from integrations.helpdesk.connect import connect
    from integrations.plan._lock import LockFile, lock_path
    from integrations.workspace import load

    target = app.target_name()
    workspace = load(app.workspace, target)
    rules = load_rules(app.workspace, workspace)
    lock = LockFile.load(lock_path(app.workspace, environment or target),
                         environment=environment or target, target=target)
    group_ids: dict[str, int] = {}
    brand_ids: dict[str, int] = {}
    needs_names = any(r.group for r in rules.rules) or any(
        "brand" in r.when for r in rules.rules) or any(f.brands for f in workspace.forms.values())
    if needs_names:
        with connect(app.settings, target) as helpdesk:
            state = helpdesk.read_state()
        group_ids, brand_ids = dict(state.groups), dict(state.brands)
    extra = dict(app.settings.extra)
    return TriageContext.build(
        workspace,
        field_ids={entry.id: key for key, entry in lock.fields.items()},
        form_ids={entry.id: key for key, entry in lock.forms.items()},
        group_ids=group_ids, brand_ids=brand_ids, self_author_ids=_self_ids(extra),
        rules=rules, mode=mode_from_env(extra, rules.settings.mode),
        target="freshdesk" if target == "freshdesk" else "zendesk",
    )


@click.command("explain")
@click.argument("ticket_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as JSON.")
@click.option("--env", "environment", default=None, metavar="NAME",
              help="Lock file environment (default: the target name).")
@pass_app
def explain(app: App, ticket_id: int, as_json: bool, environment: str | None) -> None:
    """Show the triage decision for TICKET_ID and every reason, without changing anything."""
    from integrations.helpdesk.tickets import connect_tickets

    ctx = _context(app, environment)
    with connect_tickets(app.settings, app.target_name()) as desk:
        ticket = desk.get_ticket(ticket_id)
        decision = decide(ticket, ctx)
        if app.verbose:
            click.echo(f"API calls: {desk.calls}", err=True)
    if as_json:
        click.echo(json.dumps(explain_json(decision), ensure_ascii=False, indent=2))
    else:
        click.echo(explain_text(decision))


@click.command("chase")
@click.option("--dry-run", is_flag=True, help="Decide and print, send nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print decisions as JSON lines.")
@pass_app
def chase(app: App, dry_run: bool, as_json: bool) -> None:
    """Remind requesters who have not answered, then solve silent tickets (for cron).

    NOT AVAILABLE YET: the decision engine (`integrations.triage.chase`) is done and tested,
    but the ticket adapter has no search-by-tag nor update verb to drive it with; this
    command fails loudly rather than pretend.
    """
    raise DeskopsError(
        f"deskops chase is not available yet for {app.target_name()}: the ticket adapter "
        "(integrations/helpdesk/tickets.py) lacks the search and update verbs it needs")
