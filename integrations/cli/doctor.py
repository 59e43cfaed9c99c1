"""``deskops doctor``: check the helpdesk is ready before anything is applied.

One line per check (credential, OAuth scopes, ticket forms on the plan, workspace locales
enabled); exit 1 if any fails. The checks live in the adapters (``check()``); this stays thin.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from integrations.cli.main import App, pass_app
from integrations.errors import WorkspaceError
from integrations.helpdesk import Check, connect
from integrations.helpdesk.freshdesk import FreshdeskHelpdesk
from integrations.helpdesk.zendesk import ZendeskHelpdesk

__all__ = ["doctor", "workspace_locales"]


def workspace_locales(root: Path) -> tuple[str, ...]:
    """The ``locales`` of ``deskops.json`` (none when the folder has no such file)."""
    path = root / "deskops.json"
    if not path.is_file():
        return ()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise WorkspaceError(f"{path}: cannot read workspace settings: {exc}") from exc
    locales = data.get("locales") if isinstance(data, dict) else None
    if not locales and isinstance(data, dict) and data.get("default_locale"):
        locales = [data["default_locale"]]
    return tuple(str(x) for x in locales or ())


@click.command()
@pass_app
@click.pass_context
def doctor(ctx: click.Context, app: App) -> None:
    """Check credentials, OAuth scopes, plan features and locales, one line each."""
    locales = workspace_locales(app.workspace)
    with connect(app.settings, app.target_name()) as helpdesk:
        checks: list[Check] = []
        if isinstance(helpdesk, ZendeskHelpdesk | FreshdeskHelpdesk):
            checks = helpdesk.check(locales)
        for check in checks:
            click.secho(str(check), fg="green" if check.ok else "red")
        if app.verbose:
            click.echo(f"calls: {helpdesk.calls}", err=True)
    if not all(c.ok for c in checks):
        ctx.exit(1)
