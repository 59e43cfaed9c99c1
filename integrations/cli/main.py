"""The ``deskops`` command: a thin click shell around the library.

The root group loads settings once into `App` (passed to subcommands with `pass_app`);
subcommands live one module per area and are imported only when invoked (`COMMANDS`),
so ``deskops --help`` stays fast and one broken area cannot break the others.

Exit codes, everywhere: 0 success; 1 error (invalid workspace included); 2 usage error,
or "changes pending" with ``--detailed-exitcode``; 3 drift found. Library errors become
one line on stderr here, in `main`, and nowhere else: usage errors too (``error: ...
(see 'deskops CMD --help')``), and even an unexpected exception (a bug) is one line naming
where it happened (``DESKOPS_TRACEBACK=1`` prints the traceback). URL passwords are masked
in every such line (`redact`).
"""

from __future__ import annotations

import importlib
import logging
import os
import re
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import update_wrapper
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

import click

from integrations.errors import ConfigError, DeskopsError, WorkspaceError
from integrations.settings import Settings, load_settings

__all__ = ["COMMANDS", "App", "cli", "main", "pass_app", "redact"]

_P = ParamSpec("_P")
_R = TypeVar("_R")
#: an environment name becomes a file name under ``locks/``.
_ENV_NAME = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9_.-]*$")

#: command name -> "module:attribute"; imported on first use.
COMMANDS: dict[str, str] = {
    "init": "integrations.cli.init:init",
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
    "retriage": "integrations.cli.triage:retriage",
    "report": "integrations.cli.report:report",
    "suggest": "integrations.cli.suggest:suggest",
    "learn": "integrations.cli.learn:learn",
}


@dataclass
class App:
    """What every subcommand receives: settings (read once) and global options."""

    workspace: Path
    target: str | None
    verbose: bool
    _settings: Settings | None = field(default=None, repr=False)
    #: where the workspace was named (``-w/--workspace``, ``DESKOPS_WORKSPACE``); None: default.
    workspace_from: str | None = None

    @property
    def settings(self) -> Settings:
        """Settings, read on first use so ``--help`` works without any environment."""
        if self._settings is None:
            self._settings = load_settings()
            # Run locks find the state folder through the environment (`run_file`): one
            # named only in .env must reach them too.
            os.environ.setdefault("DESKOPS_STATE_DIR", str(self._settings.state_dir))
        return self._settings

    def target_name(self) -> str:
        """``--target`` if given, else ``DESKOPS_TARGET`` (default zendesk)."""
        return self.target or self.settings.target

    def environment(self, explicit: str | None = None) -> str:
        """The lock-file environment: ``--env``, else ``DESKOPS_ENVIRONMENT``, else the target.

        One helpdesk account per environment (e.g. ``staging``, ``production``); its lock
        files are ``locks/<environment>.json`` and ``locks/<environment>.kb.json``.
        """
        name = explicit or self.settings.extra.get("DESKOPS_ENVIRONMENT") or self.target_name()
        if not _ENV_NAME.fullmatch(name):  # not match(): "$" would accept a final newline
            # It becomes a file name under locks/: "../x" would write outside the workspace.
            where = "--env" if explicit else "DESKOPS_ENVIRONMENT"
            raise ConfigError(f"{where}: invalid environment name {name!r}: use letters, "
                              "digits, '-', '_' and '.' (not first)")
        return name

    def check_workspace(self) -> None:
        """A workspace folder named explicitly must exist: a typo gets one line saying so,
        not each command's own symptom (no deskops.json, no kb/, no lock file...)."""
        if self.workspace_from and not self.workspace.is_dir():
            state = "is not a folder" if self.workspace.exists() else "does not exist"
            raise WorkspaceError(f"workspace folder '{self.workspace}' {state} "
                                 f"(from {self.workspace_from})")


def pass_app(f: Callable[Concatenate[App, _P], _R]) -> Callable[_P, _R]:
    """Pass the `App` as first argument (like ``click.make_pass_decorator``), after checking
    the named workspace exists; runs after argument parsing, so ``--help`` always works."""

    def new_func(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        ctx = click.get_current_context()
        app = ctx.find_object(App)
        if app is None:
            raise RuntimeError("deskops subcommands run under the root `cli` group")
        app.check_workspace()
        return ctx.invoke(f, app, *args, **kwargs)

    return update_wrapper(new_func, f)


def _late_option(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    """A global option given after the command (``deskops plan -w DIR``): set it on the
    `App` as if it had come first."""
    if ctx.get_parameter_source(str(param.name)) != click.core.ParameterSource.COMMANDLINE:
        return
    app = ctx.find_object(App)
    if app is None:  # pragma: no cover - subcommands always run under `cli`
        return
    if param.name == "late_workspace":
        app.workspace, app.workspace_from = Path(value), "-w/--workspace"
    elif param.name == "late_target":
        app.target = value
    elif param.name == "late_verbose" and value:
        app.verbose = True
        _configure_logging(True)


#: the root group's options, repeated on every subcommand that has no option of that name.
_GLOBAL_OPTIONS = [
    click.Option(["-w", "--workspace", "late_workspace"], type=click.Path(path_type=Path),
                 expose_value=False, callback=_late_option, help="Workspace folder (as "
                 "before the command)."),
    click.Option(["--target", "late_target"], type=click.Choice(["zendesk", "freshdesk"]),
                 expose_value=False, callback=_late_option, help="Helpdesk to talk to (as "
                 "before the command)."),
    click.Option(["-v", "--verbose", "late_verbose"], is_flag=True, expose_value=False,
                 callback=_late_option, help="More detail (as before the command)."),
]


def _with_global_options(command: click.Command) -> click.Command:
    """Accept the global options after ``command`` too (and on a group's subcommands);
    an option the command defines itself (``validate --target``) keeps its own meaning."""
    if getattr(command, "_deskops_globals", False):
        return command
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _with_global_options(sub)
    else:
        taken = {opt for p in command.params for opt in p.opts + p.secondary_opts}
        for option in _GLOBAL_OPTIONS:
            if not taken & set(option.opts):
                command.params.append(option)
    setattr(command, "_deskops_globals", True)  # noqa: B010 - a marker on a click object
    return command


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
            return _with_global_options(command)
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
    """Run a hosted helpdesk (Zendesk or Freshdesk) as code.

    Global options (-w, --target, -v) may also follow the command: deskops plan -w DIR."""
    _configure_logging(verbose)
    source = ctx.get_parameter_source("workspace")
    given = ("-w/--workspace" if source == click.core.ParameterSource.COMMANDLINE
             else "DESKOPS_WORKSPACE" if source == click.core.ParameterSource.ENVIRONMENT
             else None)
    ctx.obj = App(workspace=workspace, target=target, verbose=verbose, workspace_from=given)


def _configure_logging(verbose: bool) -> None:
    """Log lines on stderr in the CLI's shape, each warning once per command."""
    handler = logging.StreamHandler()
    handler.setFormatter(_LineFormatter(verbose))
    handler.addFilter(_Once())
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, handlers=[handler],
                        force=True)


class _Once(logging.Filter):
    """Drops a warning already printed by this command: the workspace is read by plan and
    again by apply (or by triage), and its warnings are worth reading once."""

    def __init__(self) -> None:
        super().__init__()
        self._seen: set[tuple[str, str]] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno != logging.WARNING:
            return True
        key = (record.name, record.getMessage())
        if key in self._seen:
            return False
        self._seen.add(key)
        return True


#: ``scheme://user:password@`` in a URL (a database or Redis URL from the environment).
_USERINFO = re.compile(r"(?P<head>\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s/@:]*):[^\s/@]*@")


class _LineFormatter(logging.Formatter):
    """Log records as the CLI's own lines (``warning: fields/x.json:/pattern: ...``), the
    same shape `validate` prints; with ``-v`` the logger name is added for debugging.
    URL passwords are masked here too."""

    def __init__(self, verbose: bool) -> None:
        super().__init__()
        self.verbose = verbose

    def format(self, record: logging.LogRecord) -> str:
        where = f"{record.name}: " if self.verbose else ""
        return redact(f"{record.levelname.lower()}: {where}{record.getMessage()}")


def redact(text: str) -> str:
    """``text`` with URL passwords masked: the last guard before a line reaches the user."""
    return _USERINFO.sub(r"\g<head>:***@", text)


def _fail(message: str, code: int) -> int:
    click.secho(f"error: {redact(message)}", fg="red", err=True)
    return code


def _usage(exc: click.ClickException) -> int:
    """A usage error as one line: what is wrong, and where to read the command's help."""
    message = exc.format_message()
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, click.UsageError) and ctx is not None:
        message = f"{message.rstrip('.')} (see '{ctx.command_path} --help')"
    return _fail(" ".join(message.split()), exc.exit_code)


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
        return _usage(exc)
    except WorkspaceError as exc:
        if not exc.problems:
            return _fail(str(exc) or "invalid workspace", exc.exit_code)
        for problem in exc.problems:
            click.secho(redact(str(problem)), err=True)
        return exc.exit_code
    except DeskopsError as exc:
        return _fail(str(exc).splitlines()[0] if str(exc) else type(exc).__name__,
                     exc.exit_code)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except Exception as exc:  # a bug, not a bad input: still one line, never a traceback
        if os.environ.get("DESKOPS_TRACEBACK"):
            click.echo(redact("".join(traceback.format_exception(exc))), err=True, nl=False)
        where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
        place = f" at {Path(where.filename).name}:{where.lineno}" if where else ""
        detail = " ".join(str(exc).split())[:200]
        return _fail(f"unexpected {type(exc).__name__}{place}: {detail or '(no message)'} "
                     "- this is a deskops bug; set DESKOPS_TRACEBACK=1 to see the traceback "
                     "and report it", 1)
