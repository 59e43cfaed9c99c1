"""``deskops kb``: publish, export and lint the workspace's knowledge base.

Thin shell: parse, call `integrations.kb`, print. The plan is shown before anything is
written, a progress bar while writing, a summary after. Conflicts (articles edited in the
helpdesk since the last sync) are skipped and make the exit code 1 unless ``--force``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from integrations.cli.main import App, pass_app
from integrations.errors import WorkspaceError
from integrations.kb.lock import KbLock, lock_path
from integrations.kb.sources import Finding, load_kb, scan_kb

__all__ = ["kb"]


def _environment(app: App, explicit: str | None) -> str:
    return explicit or app.settings.extra.get("DESKOPS_ENVIRONMENT") or app.target_name()


def _show(findings: list[Finding], verbose: bool) -> None:
    for finding in findings:
        if finding.level == "info" and not verbose:
            continue
        click.secho(str(finding), err=True,
                    fg={"error": "red", "warning": "yellow"}.get(finding.level))


@click.group("kb")
def kb() -> None:
    """Knowledge base: sync articles to Zendesk Guide / Freshdesk Solutions, export, lint."""


@kb.command("sync")
@click.option("--dry-run", is_flag=True, help="Show the plan; write nothing.")
@click.option("--force", is_flag=True, help="Overwrite articles edited in the helpdesk.")
@click.option("--prune", is_flag=True,
              help="Delete articles this workspace published that no longer exist in it.")
@click.option("--environment", default=None,
              help="Lock file name under locks/ (default: DESKOPS_ENVIRONMENT, else the target).")
@pass_app
def sync(app: App, dry_run: bool, force: bool, prune: bool, environment: str | None) -> None:
    """Publish kb/ (categories, sections/folders, articles, translations) incrementally."""
    from integrations.kb.apply import apply_kb
    from integrations.kb.connect import connect_kb
    from integrations.kb.plan import plan_kb

    ctx = click.get_current_context()
    knowledge, findings = load_kb(app.workspace)
    warnings = [f for f in findings if f.level == "warning"]
    if app.verbose:
        _show(findings, True)
    elif warnings:
        click.secho(f"{len(warnings)} lint warning(s); `deskops kb lint` lists them",
                    fg="yellow", err=True)
    target_name = app.target_name()
    lock = KbLock.load(lock_path(app.workspace, _environment(app, environment)), target_name)
    with lock.hold(), connect_kb(app.settings, target_name) as target:
        remote = target.read()
        plan = plan_kb(knowledge, remote, lock, target.capabilities, force=force, prune=prune)
        click.echo(plan.render())
        if dry_run:
            if app.verbose:
                click.echo(f"API calls: {target.calls}", err=True)
            return
        if plan.ops or plan.adopted:
            bar: Any = click.progressbar(length=max(plan.writes, 1), label="Publishing",
                                         file=sys.stderr)
            with bar:
                result = apply_kb(plan, knowledge, remote, lock, target,
                                  progress=lambda op: bar.update(1))
            extra = f" (+{result.follow_ups} follow-up)" if result.follow_ups else ""
            click.echo(f"Published: {result.writes} write(s){extra}; lock: {lock.path}")
        if app.verbose:
            click.echo(f"API calls: {target.calls}", err=True)
        if plan.conflicts:
            click.secho(f"{len(plan.conflicts)} conflict(s) skipped: re-run with --force to "
                        "overwrite the helpdesk's edits", fg="red", err=True)
            ctx.exit(1)


@kb.command("export")
@click.option("--out", "out", required=True, type=click.Path(path_type=Path),
              help="Folder to write (a workspace: kb/ is created inside).")
@pass_app
def export(app: App, out: Path) -> None:
    """Pull the helpdesk's knowledge base into files (kb/<category>/<section>/...)."""
    from integrations.kb.connect import connect_kb
    from integrations.kb.export import export_kb

    with connect_kb(app.settings, app.target_name()) as target:
        remote = target.read()
        files = export_kb(remote, out)
        if app.verbose:
            click.echo(f"API calls: {target.calls}", err=True)
    articles = sum(1 for f in files if f.suffix == ".html")
    click.echo(f"Exported {len(remote.articles)} article(s), {articles} translation file(s) "
               f"to {out / 'kb'}")


@kb.command("lint")
@pass_app
def lint(app: App) -> None:
    """Report what will not publish well (leftovers, missing images, empty or duplicated
    articles, unmappable visibility...), before anything is sent."""
    ctx = click.get_current_context()
    _, findings = scan_kb(app.workspace)
    _show(findings, app.verbose)
    errors = sum(1 for f in findings if f.level == "error")
    warnings = sum(1 for f in findings if f.level == "warning")
    click.echo(f"{errors} error(s), {warnings} warning(s)")
    if errors:
        ctx.exit(1)


# WorkspaceError from load_kb reaches `main`, which prints one line per problem and exits 1.
_ = WorkspaceError
