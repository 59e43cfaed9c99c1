"""``deskops validate``: check a workspace and print every problem, one per line."""

from __future__ import annotations

from pathlib import Path

import click

from integrations.cli.main import App, pass_app
from integrations.workspace import check

__all__ = ["validate"]


@click.command()
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--target", "target_opt", type=click.Choice(["zendesk", "freshdesk"]),
              default=None, help="Also check what this helpdesk can express "
              "(default: the global --target, else DESKOPS_TARGET, else target-neutral).")
@pass_app
@click.pass_context
def validate(ctx: click.Context, app: App, path: Path | None, target_opt: str | None) -> None:
    """Check the workspace (PATH, default --workspace) and list every problem.

    Problems print as ``file:json-pointer: message``; warnings are prefixed ``warning:``
    and do not change the exit code. Exit 1 when there is any error.
    """
    root = path or app.workspace
    target = target_opt or app.target
    if target is None and "DESKOPS_TARGET" in app.settings.extra:
        target = app.settings.target
    report = check(root, target)
    for problem in report.errors:  # diagnostics on stderr, the verdict ("ok: ...") on stdout
        click.echo(str(problem), err=True)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    if report.errors:
        noun = "problem" if len(report.errors) == 1 else "problems"
        click.secho(f"invalid: {len(report.errors)} {noun} in {root}", fg="red", err=True)
        ctx.exit(1)
    ws = report.workspace
    assert ws is not None
    suffix = f", target {target}" if target else ""
    click.echo(f"ok: {len(ws.fields)} fields, {len(ws.forms)} forms, "
               f"locales {' '.join(ws.locales)}{suffix}")
