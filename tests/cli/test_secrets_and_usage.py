"""Secrets never show — not on success, not on failure, not with ``-v`` — and usage errors
are one line with exit 2.

Each flow runs every command the way an admin or cron would (``-v`` on), against the
sandbox, and then looks for every secret value in stdout, stderr and every file the run
left (lock files, exported workspace, event store). The webhook signing secrets written by
``webhooks install`` join the list as soon as they exist.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import click
import pytest

from integrations import sandbox as sb
from integrations.cli.main import COMMANDS, main
from integrations.sandbox.server import RunningSandbox

from .support import WEBHOOK_SECRET, Result, base_env, leaks, make_case_dir, run, run_all

SANDBOX_SECRETS = [sb.API_TOKEN, sb.OAUTH_TOKEN, sb.OAUTH_CLIENT_SECRET, sb.FRESHDESK_API_KEY,
                   WEBHOOK_SECRET]
HOOK_URL = "https://hooks.example.test"

FIRST = [["apply", "--auto-approve"], ["kb", "sync", "--auto-approve"],
         ["webhooks", "install", "--url", HOOK_URL],
         ["doctor", "--webhook-url", HOOK_URL], ["validate"], ["kb", "lint"], ["events", "list"],
         ["sweep"], ["export", "--out", "exported"]]
THEN = [["plan"], ["drift"], ["explain", "1"], ["chase", "--dry-run"], ["events", "list"]]


def _with_group(sandbox: RunningSandbox) -> RunningSandbox:
    """The workspace's rules route to this group; without it chase and explain stop early."""
    sandbox.zendesk.seed("groups", [{"name": "Glyph Accounts"}])
    sandbox.freshdesk.seed("groups", [{"name": "Glyph Accounts"}])
    return sandbox


def _written_secrets(case: Path) -> list[str]:
    """Every signing secret ``webhooks install`` put in the receiver's secrets file."""
    data = json.loads((case / "secrets.json").read_text(encoding="utf-8"))
    found = [s for values in (data.get("zendesk") or {}).values() for s in values]
    return [*found, *(data.get("freshdesk") or [])]


def _flow(case: Path, env: dict[str, str], first: list[list[str]],
          then: list[list[str]]) -> tuple[list[Result], list[str]]:
    """``first`` concurrently in one workspace, then ``then`` (which needs the lock files)."""
    jobs = [(["-v", "-w", "ws", *args], env, case) for args in first]
    results = run_all(jobs)
    secrets = [*SANDBOX_SECRETS, *_written_secrets(case)]
    results += run_all([(["-v", "-w", "ws", *args], env, case) for args in then])
    assert not (case / "secrets.json.tmp").exists(), "a secrets file write was left half done"
    return results, secrets


def _no_leaks(results: list[Result], secrets: list[str]) -> None:
    assert len(secrets) > len(SANDBOX_SECRETS), "webhooks install wrote a signing secret"
    for result in results:
        assert "Traceback" not in result.stdout + result.stderr, result.describe()
        assert leaks(result, secrets) == [], result.describe()


@pytest.mark.parametrize("target", ["zendesk", "freshdesk"])
def test_no_secret_in_any_output_or_file_with_verbose(
        fresh_sandbox: RunningSandbox, tmp_path: Path, target: str) -> None:
    case = make_case_dir(tmp_path, target)
    _with_group(fresh_sandbox)
    env = base_env(case, fresh_sandbox.zendesk_env() if target == "zendesk"
                   else fresh_sandbox.freshdesk_env())
    results, secrets = _flow(case, env, FIRST, THEN)
    by_args = {r.args[3:]: r for r in results}
    for args in (("apply", "--auto-approve"), ("kb", "sync", "--auto-approve"),
                 ("chase", "--dry-run"),
                 ("webhooks", "install", "--url", HOOK_URL), ("plan",), ("sweep",)):
        assert by_args[args].code == 0, by_args[args].describe()  # the flow really ran
    _no_leaks(results, secrets)


def test_oauth_client_secret_is_never_shown(fresh_sandbox: RunningSandbox,
                                            tmp_path: Path) -> None:
    """OAuth client credentials: the secret and the access token it buys stay hidden, and
    a wrong secret is one line naming the variables to check, not the value."""
    case = make_case_dir(tmp_path, "zendesk")
    _with_group(fresh_sandbox)
    env = base_env(case, fresh_sandbox.zendesk_env())
    del env["ZENDESK_API_TOKEN"]
    env.update(ZENDESK_OAUTH_CLIENT_ID=sb.OAUTH_CLIENT_ID,
               ZENDESK_OAUTH_CLIENT_SECRET=sb.OAUTH_CLIENT_SECRET)
    results, secrets = _flow(case, env, [["apply", "--auto-approve"], ["doctor"],
                                         ["webhooks", "install", "--url", HOOK_URL]],
                             [["plan"], ["chase", "--dry-run"]])
    assert all(r.code == 0 for r in results), [r.describe() for r in results if r.code]
    wrong = "wrong-oauth-secret-2c26b46b68ffc68ff99b"
    bad = run(["-v", "-w", "ws", "plan"], {**env, "ZENDESK_OAUTH_CLIENT_SECRET": wrong}, case)
    assert bad.code == 1, bad.describe()
    errors = [line for line in bad.err_lines if line.startswith("error: ")]
    assert len(errors) == 1 and "ZENDESK_OAUTH_CLIENT_SECRET" in errors[0], bad.describe()
    _no_leaks([*results, bad], [*secrets, wrong])


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_database_password_is_never_shown(tmp_path: Path) -> None:
    password = "dbpass-0cc175b9c0f1b6a831c3"
    urls = [f"postgresql://deskops:{password}@127.0.0.1:{_closed_port()}/deskops",
            f"mysql://deskops:{password}@db.example.test/deskops"]
    jobs = []
    for n, url in enumerate(urls):
        case = tmp_path / str(n)
        case.mkdir()
        jobs.append((["-v", "events", "list"], {**base_env(case, {}),
                                                "DESKOPS_DATABASE_URL": url}, case))
    for result in run_all(jobs):
        assert result.code == 1, result.describe()
        assert len(result.err_lines) == 1 and result.err_lines[0].startswith("error: "), \
            result.describe()
        assert leaks(result, [password]) == [], result.describe()


USAGE = [
    (["explain", "abc"], r"'abc' is not a valid integer"),
    (["sweep", "--since", "forever"], r"'forever' is not a duration"),
    (["chase", "--dry-run", "--at", "yesterday"], r"not an ISO-8601 time"),
    (["webhooks", "install", "--url", "ftp://hooks.example.test"], r"must be an http\(s\) URL"),
    (["plan", "--no-such-flag"], r"No such option '--no-such-flag'"),
    (["frobnicate"], r"No such command 'frobnicate'"),
    (["--target", "jira", "plan"], r"'jira' is not one of"),
    (["export"], r"give exactly one of --out .* and --into"),
]


def test_usage_errors_are_one_line_exit_2(tmp_path: Path) -> None:
    import re

    env = base_env(tmp_path, {})
    results = run_all([(args, env, tmp_path) for args, _ in USAGE])
    for (_, expect), result in zip(USAGE, results, strict=True):
        assert result.code == 2, result.describe()
        assert len(result.err_lines) == 1, result.describe()
        line = result.err_lines[0]
        assert line.startswith("error: ") and re.search(expect, line), result.describe()
        assert re.search(r"\(see 'deskops( \S+)* --help'\)$", line), result.describe()


@click.command("buggy")
def _buggy() -> None:
    """Stands for a deskops bug: an exception no layer translated."""
    raise KeyError("postgresql://deskops:hunter2-77e2@db.example.test/x")


def test_a_bug_is_one_line_without_traceback(monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """An exception that is nobody's bad input is still one line (where it happened, what
    to do), with URL passwords masked; DESKOPS_TRACEBACK=1 shows the traceback."""
    monkeypatch.setitem(COMMANDS, "buggy", f"{__name__}:_buggy")
    monkeypatch.delenv("DESKOPS_TRACEBACK", raising=False)
    assert main(["buggy"]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    assert err.startswith("error: unexpected KeyError at test_secrets_and_usage.py:"), err
    assert "hunter2" not in err and "deskops:***@db.example.test" in err, err
    assert "DESKOPS_TRACEBACK=1" in err
    monkeypatch.setenv("DESKOPS_TRACEBACK", "1")
    assert main(["buggy"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" in err and "hunter2" not in err

