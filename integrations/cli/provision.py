"""``deskops plan | apply | export | drift``: thin click shells around `integrations.plan`.

Exit codes: 0 ok; 1 error; 2 changes pending (``plan --detailed-exitcode``); 3 drift found.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from integrations.cli._progress import progress
from integrations.cli.main import App, pass_app
from integrations.errors import LockError, PlanError, RateLimited, Unavailable
from integrations.plan import (
    ApplyLock,
    DeleteOption,
    LockFile,
    Op,
    Plan,
    apply_plan,
    compare,
    detect_drift,
    export_workspace,
    lock_path,
    pull_workspace,
    record_identities,
    render_drift,
    render_json,
    render_text,
)

if TYPE_CHECKING:
    from integrations.helpdesk.base import Helpdesk
    from integrations.model import Workspace

__all__ = ["apply", "drift", "export", "plan"]

env_option = click.option(
    "--env", "environment", default=None, metavar="NAME",
    help="Environment whose lock file (locks/NAME.json) is used (default: DESKOPS_ENVIRONMENT, "
         "else the target name).")
prune_option = click.option(
    "--prune", is_flag=True,
    help="Also delete objects this workspace's lock file records but the workspace dropped.")


def _load_workspace(app: App) -> Workspace:
    from integrations.workspace import load

    return load(app.workspace, app.target_name())


@contextmanager
def _helpdesk(app: App) -> Iterator[Helpdesk]:
    from integrations.helpdesk.connect import connect

    with connect(app.settings, app.target_name()) as desk:
        yield desk


def _lock(app: App, environment: str | None, root: Path | None = None) -> LockFile:
    target = app.target_name()
    env = app.environment(environment)
    return LockFile.load(lock_path(root or app.workspace, env), environment=env, target=target)


def _plan(app: App, desk: Helpdesk, lock: LockFile, prune: bool) -> Plan:
    from dataclasses import replace

    from integrations.workspace import untranslatable

    desired = _load_workspace(app)
    state = desk.read_state()
    the_plan = compare(desired, state, lock, prune=prune, capabilities=desk.capabilities,
                       target=desk.target)
    texts = ([] if desk.capabilities.field_translations else
             untranslatable(desired.fields.values(), desired.forms.values(),
                            desired.default_locale))
    if texts:  # said on every plan: the workspace holds more than this target shows
        note = f"translations not provisioned on {desk.target}: {'; '.join(texts)}"
        the_plan = replace(the_plan, notes=(*the_plan.notes, note))
    return _with_ticket_counts(the_plan, desk, lock)


#: At most this many ticket searches per plan (one per option that would lose its values).
COUNT_CAP = 20


def _with_ticket_counts(the_plan: Plan, desk: Helpdesk, lock: LockFile) -> Plan:
    """How many tickets hold each option value a removal would erase (pruned options, and
    options on the helpdesk only): one search each, for the first `COUNT_CAP`."""
    from dataclasses import replace

    wanted: list[tuple[str, int, str]] = []  # (option key, field id, value on tickets)
    by_title = the_plan.view.quirks.choices_by_title  # Freshdesk tickets hold the title
    for op in the_plan.ops:
        if isinstance(op, DeleteOption) and op.field_key in lock.fields:
            wanted.append((op.key, lock.fields[op.field_key].id,
                           op.title if by_title and op.title else op.value))
    for item in the_plan.unmanaged:
        field_key, _, value = item.key.partition(".")
        if item.kind == "option" and field_key in lock.fields:
            wanted.append((item.key, lock.fields[field_key].id, value))
    counts: dict[str, int] = {}
    for key, field_id, value in wanted[:COUNT_CAP]:
        n = desk.count_tickets_with(field_id, value)
        if n is not None:
            counts[key] = n
    notes = the_plan.notes
    if len(wanted) > COUNT_CAP:
        notes = (*notes, f"tickets counted for the first {COUNT_CAP} of {len(wanted)} options "
                 "that would lose their values")
    return replace(the_plan, ticket_counts=counts, notes=notes) if wanted else the_plan


def _account(app: App, desk: Helpdesk) -> str:
    """The account a write goes to, as people name it (subdomain or domain)."""
    settings = app.settings
    name = (settings.zendesk_subdomain if desk.target == "zendesk"
            else settings.freshdesk_domain)
    return name or "(account not named)"


def _question(app: App, desk: Helpdesk, the_plan: Plan) -> str:
    """``Apply 53 changes to Zendesk acme (12 destructive)?``: what, where, how bad."""
    count = len(the_plan.ops)
    destructive = len(the_plan.destructive)
    return (f"Apply {count} change{'s' if count != 1 else ''} to {desk.target.capitalize()} "
            f"{_account(app, desk)}" + (f" ({destructive} destructive)" if destructive else "")
            + "?")


def _calls(app: App, desk: Helpdesk) -> None:
    if app.verbose:
        click.echo(f"API calls: {desk.calls}", err=True)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the plan as JSON (for CI).")
@click.option("--detailed-exitcode", is_flag=True,
              help="Exit 0 when there are no changes, 2 when there are, 1 on error.")
@prune_option
@env_option
@pass_app
def plan(app: App, as_json: bool, detailed_exitcode: bool, prune: bool,
         environment: str | None) -> None:
    """Show what apply would change on the helpdesk (reads list endpoints only)."""
    lock = _lock(app, environment)
    with _helpdesk(app) as desk:
        the_plan = _plan(app, desk, lock, prune)
        click.echo(render_json(the_plan) if as_json else render_text(the_plan))
        _calls(app, desk)
    if detailed_exitcode and the_plan.pending:
        click.get_current_context().exit(2)


@click.command()
@click.option("--auto-approve", is_flag=True, help="Do not ask before applying.")
@click.option("--allow-destructive", is_flag=True,
              help="Allow changes that erase ticket data (option removal, type change).")
@prune_option
@env_option
@click.option("--webhook-url", envvar="DESKOPS_WEBHOOK_URL", default=None, metavar="URL",
              help="Also install the webhook side (as `deskops webhooks install --url URL`); "
                   "default: DESKOPS_WEBHOOK_URL.")
@pass_app
def apply(app: App, auto_approve: bool, allow_destructive: bool, prune: bool,
          environment: str | None, webhook_url: str | None) -> None:
    """Show the plan, ask, and apply it in dependency order; safe to re-run after a failure.

    With ``--webhook-url`` (or ``DESKOPS_WEBHOOK_URL``) the webhook side of the pipeline is
    installed afterwards too (`deskops webhooks install`; nothing is written when it is
    already in place)."""
    if webhook_url and not webhook_url.startswith(("https://", "http://")):
        raise click.BadParameter(f"{webhook_url!r} must be an http(s) URL",
                                 param_hint="--webhook-url")  # before anything is written
    _apply(app, auto_approve, allow_destructive, prune, environment)
    if webhook_url:
        from integrations.cli.pipeline import install_webhooks

        install_webhooks(app, webhook_url, param_hint="--webhook-url")


def _apply(app: App, auto_approve: bool, allow_destructive: bool, prune: bool,
           environment: str | None) -> None:
    path = lock_path(app.workspace, app.environment(environment))
    with ApplyLock(path):
        lock = _lock(app, environment)
        with _helpdesk(app) as desk:
            the_plan = _plan(app, desk, lock, prune)
            click.echo(render_text(the_plan, allow_destructive=allow_destructive))
            if not the_plan.has_changes:
                record_identities(the_plan, lock)  # adopted ids, no write call
                lock.save()
                _calls(app, desk)
                return
            if the_plan.destructive and not allow_destructive:
                names = ", ".join(f"{op.name} {op.key}" for op in the_plan.destructive)
                raise PlanError(f"refusing destructive changes ({names}); re-run with "
                                "--allow-destructive if erasing that ticket data is intended")
            if not auto_approve:
                click.confirm(_question(app, desk, the_plan), abort=True, err=True)
            completed = 0
            with progress("Applying", len(the_plan.ops)) as step:

                def advance(done: int, total: int, op: Op) -> None:
                    nonlocal completed
                    completed = done
                    step(f"{op.name} {op.key}")

                try:
                    result = apply_plan(the_plan, desk, lock,
                                        allow_destructive=allow_destructive, progress=advance)
                except (Unavailable, RateLimited) as exc:
                    # The helpdesk failed midway (down, rate limited): say what was kept,
                    # as every success is already in the lock file, and that a re-run ends it.
                    exc.args = (f"{str(exc).rstrip('.')}; {completed} of {len(the_plan.ops)} "
                                f"change(s) were applied and recorded in {lock.path}: run "
                                "apply again to finish",)
                    raise
            counts = result.counts()
            click.echo(f"Apply complete: {counts['create']} created, {counts['change']} "
                       f"changed, {counts['delete']} deleted. API calls: {desk.calls}.")


@click.command()
@click.option("--out", "out", default=None, type=click.Path(path_type=Path, file_okay=False),
              help="Empty folder to write a new workspace (and its lock file) into.")
@click.option("--into", "into", default=None,
              type=click.Path(path_type=Path, file_okay=False, exists=True),
              help="Existing workspace to pull the helpdesk into: keys and file names stay, "
                   "hand edits come back, new objects become new files; prints a diff.")
@click.option("--default-locale", default="en", show_default=True,
              help="Locale of the exported titles (--out only; --into keeps the workspace's).")
@env_option
@pass_app
def export(app: App, out: Path | None, into: Path | None, default_locale: str,
           environment: str | None) -> None:
    """Write the helpdesk's custom fields and forms as a workspace, with its lock file;
    or, with --into, merge them into an existing workspace (a pull)."""
    if (out is None) == (into is None):
        raise click.UsageError("give exactly one of --out (a new workspace) and --into "
                               "(pull into an existing one)")
    if into is not None:
        _pull(app, into, environment)
        return
    assert out is not None
    from integrations.workspace import slugify_key, write_workspace

    target = app.target_name()
    env = app.environment(environment)
    with _helpdesk(app) as desk:
        state = desk.read_state()
        workspace, lock = export_workspace(
            state, root=out, slugify=slugify_key, default_locale=default_locale,
            capabilities=desk.capabilities, environment=env, target=target)
        _calls(app, desk)
    write_workspace(workspace, out)
    lock.path = lock_path(out, env)
    lock.save()
    click.echo(f"Exported {len(workspace.fields)} fields and {len(workspace.forms)} forms "
               f"to {out} (lock file {lock.path}).")


def _pull(app: App, root: Path, environment: str | None) -> None:
    """``export --into``: merge, write only the touched files, print their diff."""
    import difflib

    from integrations.workspace import load, slugify_key, write_objects

    target = app.target_name()
    existing = load(root, target)
    lock = _lock(app, environment, root)
    path = lock_path(root, app.environment(environment))
    with ApplyLock(path), _helpdesk(app) as desk:
        state = desk.read_state()
        pulled = pull_workspace(state, existing, lock, slugify=slugify_key,
                                capabilities=desk.capabilities, target=target)
        _calls(app, desk)
        candidates = [f"fields/{k}.json" for k in pulled.changed_fields] + [
            f"forms/{k}.json" for k in pulled.changed_forms] + ["deskops.json"]
        before = {rel: (root / rel).read_text(encoding="utf-8") if (root / rel).exists()
                  else "" for rel in candidates}
        written = write_objects(pulled.workspace, root, pulled.changed_fields,
                                pulled.changed_forms)
        pulled.lock.path = path
        pulled.lock.save()
    touched = 0
    for rel in written:
        after = (root / rel).read_text(encoding="utf-8")
        if after == before.get(rel, ""):
            continue
        touched += 1
        old = f"a/{rel}" if before.get(rel) else "/dev/null"
        click.echo("".join(difflib.unified_diff(
            before.get(rel, "").splitlines(keepends=True), after.splitlines(keepends=True),
            old, f"b/{rel}")), nl=False)
    click.echo(f"Pulled {target} into {root}: {touched} file(s) changed "
               f"({len(pulled.new_fields)} new field(s), {len(pulled.new_forms)} new form(s)); "
               f"lock file {path}.")


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@env_option
@pass_app
def drift(app: App, as_json: bool, environment: str | None) -> None:
    """List managed objects changed by hand since the last apply; exit 3 if any."""
    import json

    lock = _lock(app, environment)
    if lock.path is None or not lock.path.exists():
        raise LockError(f"no lock file at {lock.path}: nothing was applied from this workspace "
                        "to this environment yet (run apply, or export)")
    desired = _load_workspace(app)
    with _helpdesk(app) as desk:
        # detect_drift refuses (PlanError) to judge forms the plan no longer lets us read.
        items = detect_drift(desired, desk.read_state(), lock, desk.capabilities, desk.target)
        _calls(app, desk)
    if as_json:
        click.echo(json.dumps({"drift": [i.as_dict() for i in items]}, indent=2,
                              ensure_ascii=False, sort_keys=True))
    else:
        click.echo(render_drift(items))
    if items:
        click.get_current_context().exit(3)
