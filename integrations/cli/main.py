"""The ``deskops`` command: a thin click shell around the library.

The root group loads settings once into `App` (passed to subcommands with `pass_app`);
subcommands live one module per area and are imported only when invoked (`COMMANDS`),
so ``deskops --help`` stays fast and one broken area cannot break the others.

Exit codes, everywhere: 0 success; 1 error (invalid workspace included); 2 usage error,
or "changes pending" with ``--detailed-exitcode``; 3 drift found. Library errors become
one line on stderr here, in `main`, and nowhere else.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from integrations.errors import DeskopsError, WorkspaceError
from integrations.settings import Settings, load_settings

__all__ = ["COMMANDS", "App", "cli", "main", "pass_app"]

#: command name -> "module:attribute"; imported on first use.
COMMANDS: dict[str, str] = {
    "validate": "integrations.cli.workspace:validate",
    "plan": "integrations.cli.provision:plan",
    "apply": "integrations.cli.provision:apply",
    "export": "integrations.cli.provision:export",
    "drift": "integrations.cli.provision:drift",
    "doctor": "integrations.cli.doctor:doctor",
    "sandbox": "integrations.cli.sandbox:sandbox",
    "kb": "integrations.cli.kb:kb",
    "serve": "integrations.cli.pipeline:serve",
    "worker": "integrations.cli.pipeline:worker",
    "events": "integrations.cli.pipeline:events",
    "sweep": "integrations.cli.pipeline:sweep",
    "webhooks": "integrations.cli.pipeline:webhooks",
    "explain": "integrations.cli.triage:explain",
    "chase": "integrations.cli.triage:chase",
}


@dataclass
class App:
    """What every subcommand receives: settings (read once) and global options."""

    workspace: Path
    target: str | None
    verbose: bool
    _settings: Settings | None = field(default=None, repr=False)

    @property
    def settings(self) -> Settings:
        """Settings, read on first use so ``--help`` works without any environment."""
        if self._settings is None:
            self._settings = load_settings()
        return self._settings

    def target_name(self) -> str:
        """``--target`` if given, else ``DESKOPS_TARGET`` (default zendesk)."""
        return self.target or self.settings.target

    def environment(self, explicit: str | None = None) -> str:
        """The lock-file environment: ``--env``, else ``DESKOPS_ENVIRONMENT``, else the target.

        One helpdesk account per environment (e.g. ``staging``, ``production``); its lock
        files are ``locks/<environment>.json`` and ``locks/<environment>.kb.json``.
        """
        return explicit or self.settings.extra.get("DESKOPS_ENVIRONMENT") or self.target_name()


pass_app = click.make_pass_decorator(App)


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(COMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS:
            module, _, attr = COMMANDS[cmd_name].partition(":")
            try:
                command = getattr(importlib.import_module(module), attr)
            except ModuleNotFoundError as exc:
                if exc.name != module:
                    raise
                return None  # this area is not built yet
            assert isinstance(command, click.Command)
            return command
        return super().get_command(ctx, cmd_name)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-w", "--workspace", type=click.Path(path_type=Path), envvar="DESKOPS_WORKSPACE",
              default=Path("."), show_default=True, help="Workspace folder.")
@click.option("--target", type=click.Choice(["zendesk", "freshdesk"]), default=None,
              help="Helpdesk to talk to (default: DESKOPS_TARGET, else zendesk).")
@click.option("-v", "--verbose", is_flag=True, help="Print API call counts and more detail.")
@click.version_option(package_name="deskops")
@click.pass_context
def cli(ctx: click.Context, workspace: Path, target: str | None, verbose: bool) -> None:
    """Run a hosted helpdesk (Zendesk or Freshdesk) as code."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    ctx.obj = App(workspace=workspace, target=target, verbose=verbose)


def _fail(message: str, code: int) -> int:
    click.secho(f"error: {message}", fg="red", err=True)
    return code


def main(argv: list[str] | None = None) -> int:
    """Console-script entry point: the one place library errors become exit codes.

    Commands return None and signal other exit codes with ``ctx.exit(code)``.
    """
    try:
        result: Any = cli.main(args=argv, prog_name="deskops", standalone_mode=False)
        return result if isinstance(result, int) else 0
    except click.exceptions.Abort:
        return _fail("aborted", 1)
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except WorkspaceError as exc:
        for line in [str(p) for p in exc.problems] or [str(exc)]:
            click.secho(line, err=True)
        return 1
    except DeskopsError as exc:
        return _fail(str(exc).splitlines()[0] if str(exc) else type(exc).__name__,
                     exc.exit_code)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
