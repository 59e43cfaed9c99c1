"""Bad input never hurts: every command × the bad inputs a user really produces.

Each case runs the real ``deskops`` console script (with ``-v``) in its own folder against
the session sandbox and asserts what the user sees: the documented exit code, ONE ``error:``
line on stderr (or the ``file:/pointer: message`` lines of an invalid workspace), no
traceback, and no secret value in stdout, stderr, any log line or any file left behind
(lock files, event store...).

Cases sharing one sandbox condition (a fault, a plan) run concurrently; each condition runs
once, on first use, and its results are kept for the parametrized assertions.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from integrations import sandbox as sb
from integrations.sandbox.server import RunningSandbox

from .support import (
    PROBLEM,
    WEBHOOK_SECRET,
    WORKSPACE,
    Result,
    base_env,
    leaks,
    make_case_dir,
    run,
    run_all,
)

WRONG_TOKEN = "wrong-zendesk-token-e3b0c44298fc1c149afb"
WRONG_KEY = "wrongfreshdeskkey9f86d081884c7d65"
#: Every secret value a case can hold; none may ever be shown or written.
SECRETS = (sb.API_TOKEN, sb.OAUTH_TOKEN, sb.OAUTH_CLIENT_SECRET, sb.FRESHDESK_API_KEY,
           WRONG_TOKEN, WRONG_KEY, WEBHOOK_SECRET)


@dataclass(frozen=True)
class Command:
    """One CLI command and what it touches (a bad input only matters where it is used)."""

    name: str
    args: tuple[str, ...]
    uses: frozenset[str]


def _cmd(name: str, args: str, uses: str) -> Command:
    return Command(name, tuple(args.split()), frozenset(uses.split()))


COMMANDS = [
    _cmd("validate", "validate", "workspace settings"),
    _cmd("plan", "plan", "workspace helpdesk forms settings lock"),
    _cmd("apply", "apply --auto-approve", "workspace helpdesk forms settings lock"),
    _cmd("export", "export --out exported", "helpdesk forms settings lock"),
    _cmd("drift", "drift", "workspace helpdesk forms settings lock"),
    _cmd("doctor", "doctor", "helpdesk forms settings"),
    _cmd("kb sync", "kb sync", "workspace kb helpdesk settings lock"),
    _cmd("kb lint", "kb lint", "workspace kb"),
    _cmd("explain", "explain 1", "workspace helpdesk settings lock"),
    _cmd("chase", "chase --dry-run", "workspace helpdesk settings lock"),
    _cmd("sweep", "sweep", "helpdesk store settings"),
    _cmd("events list", "events list", "store settings"),
    _cmd("webhooks install", "webhooks install --url https://hooks.example.test",
         "helpdesk settings secrets"),
]
BY_NAME = {c.name: c for c in COMMANDS}

Env = dict[str, str]


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class Scenario:
    """One bad input: how it breaks the environment, workspace or sandbox, which commands
    it concerns (`uses`), and what the one line must say (`expect`, a regex)."""

    name: str
    uses: str
    expect: str
    target: str = "zendesk"
    env: Callable[[Env], None] | None = None
    files: Mapping[str, str | None] = field(default_factory=dict)
    faults: Mapping[str, Any] | None = None
    plan: str | None = None
    workspace: str | None = None
    applied: bool = False  # apply the workspace first (on a fully featured plan)
    only: tuple[str, ...] = ()  # restrict to these commands

    @property
    def group(self) -> str:
        """Cases sharing one sandbox condition run together."""
        if self.faults is None and self.plan is None and not self.applied:
            return "quiet"
        return self.name

    def commands(self) -> list[Command]:
        return [c for c in COMMANDS if c.uses & set(self.uses.split())
                and (not self.only or c.name in self.only)]


def _set(**values: str) -> Callable[[Env], None]:
    def change(env: Env) -> None:
        env.update(values)
    return change


def _drop(*names: str) -> Callable[[Env], None]:
    def change(env: Env) -> None:
        for name in names:
            env.pop(name, None)
    return change


def _unreachable(env: Env) -> None:
    key = ("DESKOPS_SANDBOX_ZENDESK_URL" if "DESKOPS_SANDBOX_ZENDESK_URL" in env
           else "DESKOPS_SANDBOX_FRESHDESK_URL")
    env[key] = f"http://127.0.0.1:{_closed_port()}"


def _corrupt_secrets(env: Env) -> None:
    Path(env["DESKOPS_WEBHOOK_SECRETS_FILE"]).write_text("{", encoding="utf-8")


FORM = "forms/account-issues.json"
FIELD = "fields/platform.json"


def _field_with_typo() -> str:
    doc = json.loads((WORKSPACE / FIELD).read_text(encoding="utf-8"))
    doc["x-deskops"]["titel"] = doc["x-deskops"].pop("title")
    return json.dumps(doc)


def _form_with_bad_ref() -> str:
    doc = json.loads((WORKSPACE / FORM).read_text(encoding="utf-8"))
    doc["properties"]["product"]["$ref"] = "../fields/prodcut.json"
    return json.dumps(doc)


#: One command per adapter family (provisioning, knowledge base, tickets, webhook install):
#: where a bad input fails the same way everywhere, Freshdesk runs only these.
FAMILIES = ("plan", "kb sync", "chase", "webhooks install")
HELPDESK_FAULTS: list[Scenario] = []
for _target in ("zendesk", "freshdesk"):
    _token = "ZENDESK_API_TOKEN" if _target == "zendesk" else "FRESHDESK_API_KEY"
    _wrong = WRONG_TOKEN if _target == "zendesk" else WRONG_KEY
    _some = (*FAMILIES, "doctor") if _target == "zendesk" else FAMILIES
    HELPDESK_FAULTS += [
        Scenario(f"{_target}-wrong-credential", "helpdesk", r"rejected .*\(401\b.*check",
                 _target, env=_set(**{_token: _wrong})),
        Scenario(f"{_target}-missing-credential", "helpdesk", _token, _target,
                 env=_drop(_token), only=_some),
        Scenario(f"{_target}-unreachable", "helpdesk",
                 r"could not be reached .*\(connection refused at 127\.0\.0\.1:\d+\)", _target,
                 env=_unreachable, only=_some),
        Scenario(f"{_target}-500-always", "helpdesk", r"unavailable .*\(500\b.*try again later",
                 _target, faults={"error_rate": 1.0, "error_status": 500}),
        Scenario(f"{_target}-429-storm", "helpdesk",
                 r"rate-limiting .*\(429, Retry-After 0\.5s\) beyond the retry budget", _target,
                 faults={"storm": 1_000_000, "storm_retry_after": 1.0,
                         "fractional_retry_after": True}),
    ]

SCENARIOS: list[Scenario] = [
    Scenario("schema-bad-json", "workspace",
             r"^forms/account-issues\.json:/: invalid JSON at line 1",
             files={FORM: '{"title": "x",'},
             only=("validate", "plan", "apply", "drift", "explain", "chase")),
    Scenario("schema-unknown-keyword", "workspace", r"platform\.json:/x-deskops.*titel",
             files={FIELD: _field_with_typo()}, only=("validate", "apply", "chase")),
    Scenario("schema-wrong-ref", "workspace",
             r"account-issues\.json:/properties/product/\$ref: .*prodcut.*did you mean",
             files={FORM: _form_with_bad_ref()}, only=("validate", "apply", "chase")),
    Scenario("missing-workspace", "workspace",
             r"^error: workspace folder 'no-such-folder' does not exist \(from -w/--workspace\)$",
             workspace="no-such-folder"),
    *HELPDESK_FAULTS,
    Scenario("zendesk-403-plan-without-forms", "forms", r"(?i)ticket forms.*plan", plan="team",
             applied=True, only=("plan", "apply", "drift", "doctor")),
    Scenario("bad-target", "settings", r"^error: DESKOPS_TARGET must be 'zendesk' or 'freshdesk'",
             env=_set(DESKOPS_TARGET="jira"),
             only=("validate", "doctor", "events list", "sweep", *FAMILIES)),
    Scenario("environment-escapes-workspace", "lock",
             r"^error: DESKOPS_ENVIRONMENT: invalid environment name '\.\./outside'",
             env=_set(DESKOPS_ENVIRONMENT="../outside")),
    Scenario("lock-file-corrupt", "lock", r"locks/zendesk(\.kb)?\.json: .*(unreadable|cannot read)",
             files={"locks/zendesk.json": '{"fields": {', "locks/zendesk.kb.json": "[1,"},
             only=("plan", "apply", "drift", "kb sync", "chase")),
    Scenario("webhook-secrets-file-corrupt", "secrets",
             r"secrets\.json: cannot read webhook secrets", env=_corrupt_secrets),
    Scenario("retry-budget-not-a-number", "helpdesk", r"DESKOPS_RETRY_BUDGET must be a number",
             env=_set(DESKOPS_RETRY_BUDGET="soon"), only=FAMILIES),
    Scenario("db-url-unknown-scheme", "store", r"DESKOPS_DATABASE_URL",
             env=_set(DESKOPS_DATABASE_URL="mysql://localhost/deskops")),
    Scenario("db-url-postgres-closed-port", "store", r"(?i)postgres|database|event store",
             env=lambda env: env.update(
                 DESKOPS_DATABASE_URL=f"postgresql://deskops@127.0.0.1:{_closed_port()}/x")),
    Scenario("db-url-sqlite-unwritable", "store", r"(?i)sqlite|database|event store",
             env=_set(DESKOPS_DATABASE_URL="sqlite:////proc/no-such-dir/events.db")),
]

CASES = [(s, c) for s in SCENARIOS for c in s.commands()]


# -- running each sandbox condition once -----------------------------------------------------
class Runs:
    """Runs every case of a scenario group on first use; keeps the results."""

    def __init__(self, sandbox: RunningSandbox, root: Path, locks: Mapping[str, Path]) -> None:
        self.sandbox = sandbox
        self.root = root
        self.locks = locks
        self.results: dict[tuple[str, str], Result] = {}

    def helpdesk_env(self, target: str) -> Env:
        return (self.sandbox.zendesk_env() if target == "zendesk"
                else self.sandbox.freshdesk_env())

    def _job(self, scenario: Scenario, command: Command,
             locks: Mapping[str, Path]) -> tuple[list[str], Env, Path]:
        case = make_case_dir(self.root / scenario.name / command.name.replace(" ", "-"),
                             scenario.target, locks.get(scenario.target))
        ws = case / "ws"
        for rel, text in scenario.files.items():
            if text is None:
                (ws / rel).unlink()
            else:
                (ws / rel).write_text(text, encoding="utf-8")
        env = base_env(case, self.helpdesk_env(scenario.target))
        if scenario.env is not None:
            scenario.env(env)
        workspace = scenario.workspace or "ws"
        # -v on: the error must stay one line, and no log line may carry a secret.
        return ["-v", "-w", workspace, *command.args], env, case

    def get(self, scenario: Scenario, command: Command) -> Result:
        key = (scenario.name, command.name)
        if key not in self.results:
            group = [s for s in SCENARIOS if s.group == scenario.group]
            cases = [(s, c) for s in group for c in s.commands()]
            sb_ = self.sandbox
            sb_.reset()
            locks = self.locks
            if scenario.applied:  # the lock file matches this very account
                locks = {scenario.target: _apply_once(sb_, self.root / scenario.name,
                                                      scenario.target)}
            emulator = sb_.zendesk if scenario.target == "zendesk" else sb_.freshdesk
            if scenario.plan is not None:
                emulator.set_plan(scenario.plan)
            if scenario.faults is not None:
                emulator.set_faults(**scenario.faults)
            try:
                results = run_all([self._job(s, c, locks) for s, c in cases])
            finally:
                sb_.reset()
            for (s, c), result in zip(cases, results, strict=True):
                self.results[(s.name, c.name)] = result
        return self.results[key]


def _apply_once(sandbox: RunningSandbox, root: Path, target: str) -> Path:
    """Apply the workspace once so drift finds a lock file; returns its locks/ folder."""
    case = make_case_dir(root / f"first-apply-{target}", target)
    env = base_env(case, sandbox.zendesk_env() if target == "zendesk"
                   else sandbox.freshdesk_env())
    result = run(["-w", "ws", "apply", "--auto-approve"], env, case)
    assert result.code == 0, result.describe()
    return case / "ws" / "locks"


@pytest.fixture(scope="module")
def runs(sandbox: RunningSandbox, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runs]:
    root = tmp_path_factory.mktemp("bad-inputs")
    sandbox.reset()
    locks = {t: _apply_once(sandbox, root, t) for t in ("zendesk", "freshdesk")}
    yield Runs(sandbox, root, locks)
    sandbox.reset()


# -- the assertions ------------------------------------------------------------------------
def assert_user_error(result: Result, scenario: Scenario, command: Command) -> None:
    """Exit 1; one ``error:`` line (or problem lines) naming the cause; no traceback."""
    import re

    text = result.describe()
    assert "Traceback" not in result.stdout + result.stderr, text
    assert result.code == 1, text
    lines = result.err_lines
    if command.name == "validate" and scenario.files:
        # validate lists problems on stderr, then one "invalid:" line; stdout stays empty.
        problems = [line for line in lines[:-1] if not line.startswith("warning: ")]
        assert problems and all(PROBLEM.match(p) for p in problems), text
        assert any(re.search(scenario.expect, p) for p in problems), text
        assert lines[-1].startswith("invalid: ") and not result.stdout.strip(), text
        return
    if command.name == "doctor" and all(line.startswith("calls: ") for line in lines):
        # doctor reports on stdout, one line per check; a failing check is the message
        # (with -v, stderr only has its call count).
        failing = [line for line in result.stdout.splitlines() if line.startswith("FAIL")]
        assert failing and any(re.search(scenario.expect, f) for f in failing), text
        return
    assert lines, text
    if len(lines) == 1 and lines[0].startswith("error: "):
        assert re.search(scenario.expect, lines[0]), text
    else:
        assert all(PROBLEM.match(line) for line in lines), text
        assert any(re.search(scenario.expect, line) for line in lines), text


@pytest.mark.parametrize(("scenario", "command"), CASES,
                         ids=[f"{s.name}:{c.name.replace(' ', '-')}" for s, c in CASES])
def test_bad_input_is_one_clear_line(runs: Runs, scenario: Scenario, command: Command) -> None:
    result = runs.get(scenario, command)
    assert_user_error(result, scenario, command)
    assert leaks(result, SECRETS) == [], result.describe()
    assert not [name for name in result.files if "outside" in name], "wrote outside ws/"
