"""``deskops kb``: publish, export and lint the workspace's knowledge base.

Thin shell: parse, call `integrations.kb`, print. Every lint warning is printed first
(``file:line: warning: message``, on stderr), then the plan; like ``apply``, a sync with
writes asks before making them (``--auto-approve`` for cron and CI), shows a progress bar on
a terminal (plain lines otherwise) while writing, and a summary after. Conflicts (articles
edited in the helpdesk since the last sync) are skipped, one ``error:`` line each (file,
article, locale, when), and make the exit code 1 unless ``--force``; so do article moves the
target cannot make (Freshdesk), refused by the plan with one ``error:`` line each (file, old
and new folder, what to do). Exit codes: 0 done or nothing to do; 1 error, conflict or
refused move; 2 with ``--detailed-exitcode`` when the plan has writes (pending with
``--dry-run``).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import click

from integrations.cli._progress import progress
from integrations.cli.main import App, pass_app
from integrations.errors import WorkspaceError
from integrations.kb.lock import KbLock, lock_path
from integrations.kb.sources import Finding, load_kb, scan_kb

__all__ = ["kb"]


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
@click.option("--dry-run", is_flag=True,
              help="Show the plan; write nothing (not to the helpdesk, not the lock file).")
@click.option("--detailed-exitcode", is_flag=True,
              help="Exit 0 when the plan is empty, 2 when it has writes (pending with "
                   "--dry-run, made without), 1 on error or conflict.")
@click.option("--auto-approve", is_flag=True,
              help="Do not ask before writing (cron, CI); as `deskops apply --auto-approve`.")
@click.option("--force", is_flag=True, help="Overwrite articles edited in the helpdesk.")
@click.option("--prune", is_flag=True,
              help="Delete articles and translations this workspace published that no longer "
                   "exist in it (never sections or categories).")
@click.option("--env", "environment", default=None, metavar="NAME",
              help="Lock file name under locks/ (default: DESKOPS_ENVIRONMENT, else the target).")
@pass_app
def sync(app: App, dry_run: bool, detailed_exitcode: bool, auto_approve: bool, force: bool,
         prune: bool, environment: str | None) -> None:
    """Publish kb/ (categories, sections/folders, articles, translations) incrementally."""
    from integrations.kb.apply import apply_kb
    from integrations.kb.connect import connect_kb
    from integrations.kb.plan import plan_kb

    ctx = click.get_current_context()
    knowledge, findings = load_kb(app.workspace)
    _show(findings, app.verbose)
    target_name = app.target_name()
    lock = KbLock.load(lock_path(app.workspace, app.environment(environment)), target_name)
    # A dry run takes no run lock either: it creates no file and never blocks a real sync.
    hold = contextlib.nullcontext() if dry_run else lock.hold()
    with hold, connect_kb(app.settings, target_name) as target:
        remote = target.read()
        plan = plan_kb(knowledge, remote, lock, target.capabilities, force=force, prune=prune)
        click.echo(plan.render())
        if not dry_run and (plan.ops or plan.adopted or plan.forget):
            if plan.writes and not auto_approve:
                click.confirm("Publish these changes?", abort=True, err=True)
            with progress("Publishing", plan.writes) as step:
                result = apply_kb(plan, knowledge, remote, lock, target,
                                  progress=lambda op: step(str(op)))
            extra = f" (+{result.follow_ups} follow-up)" if result.follow_ups else ""
            click.echo(f"Published: {result.writes} write(s){extra}; lock: {lock.path}")
        if app.verbose:
            click.echo(f"API calls: {target.calls}", err=True)
    for conflict in plan.conflicts:
        click.secho(f"error: {conflict.line()}", fg="red", err=True)
    if plan.conflicts:
        click.secho(f"{len(plan.conflicts)} conflict(s) skipped: re-run with --force to "
                    "overwrite the helpdesk's edits", fg="red", err=True)
    for refused in plan.refused:
        click.secho(f"error: {refused.line()}", fg="red", err=True)
    if plan.refused:
        click.secho(f"{len(plan.refused)} article move(s) refused: nothing written for them",
                    fg="red", err=True)
    if plan.conflicts or plan.refused:
        ctx.exit(1)
    if detailed_exitcode and plan.ops:
        ctx.exit(2)


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
