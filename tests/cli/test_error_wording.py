"""Every adapter family words one failure the same way (the bad-input review's polish).

A rejected credential names the variable(s) to check for the auth in use, exactly as the
provisioning adapter does (``plan`` is the reference): the knowledge-base adapters
(``kb sync``), the ticket adapters (``chase``, ``explain``, ``sweep``) and ``webhooks
install`` must print the very same line. A Freshdesk error keeps Freshdesk's own reason (its
``message``/``description``), not a bare "(401)" or "(500)". A kb manifest that is not YAML
says ``file:line:col: what``. Each case runs the real console script (``-v`` on).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from integrations import sandbox as sb
from integrations.sandbox.server import RunningSandbox

from .support import Result, base_env, leaks, make_case_dir, run_all

WRONG = "wrong-credential-value-a87ff679a2f3e71d9181"
HOOK_URL = "https://hooks.example.test"

#: The provisioning command first: the line every other family must repeat word for word.
REFERENCE = ("plan",)
FAMILIES = [("kb", "sync", "--auto-approve"), ("chase", "--dry-run"), ("explain", "1"), ("sweep",),
            ("webhooks", "install", "--url", HOOK_URL)]

Env = dict[str, str]


def _api_token(env: Env) -> None:
    env["ZENDESK_API_TOKEN"] = WRONG


def _oauth_token(env: Env) -> None:
    del env["ZENDESK_API_TOKEN"]
    env["ZENDESK_OAUTH_TOKEN"] = WRONG


def _oauth_client(env: Env) -> None:
    del env["ZENDESK_API_TOKEN"]
    env.update(ZENDESK_OAUTH_CLIENT_ID=sb.OAUTH_CLIENT_ID, ZENDESK_OAUTH_CLIENT_SECRET=WRONG)


def _api_key(env: Env) -> None:
    env["FRESHDESK_API_KEY"] = WRONG


#: (target, how the credential is wrong, the one line every command must print)
CREDENTIALS: dict[str, tuple[str, Callable[[Env], None], str]] = {
    "zendesk-api-token": (
        "zendesk", _api_token,
        rf"^error: Zendesk rejected the credential for {re.escape(sb.ADMIN_EMAIL)} "
        r"\(401 Couldn't authenticate you\): check ZENDESK_API_TOKEN$"),
    "zendesk-oauth-token": (
        "zendesk", _oauth_token,
        r"^error: Zendesk rejected the OAuth token \(401 invalid_token\): "
        r"check ZENDESK_OAUTH_TOKEN$"),
    "zendesk-oauth-client": (
        "zendesk", _oauth_client,
        rf"^error: Zendesk rejected the OAuth client credentials of '{sb.OAUTH_CLIENT_ID}' "
        r"\(401 [^)]*\): check ZENDESK_OAUTH_CLIENT_ID / ZENDESK_OAUTH_CLIENT_SECRET$"),
    "freshdesk-api-key": (
        "freshdesk", _api_key,
        r"^error: Freshdesk rejected the API key \(401 You have to be logged in to perform "
        r"this action\.\): check FRESHDESK_API_KEY$"),
}


def _run(sandbox: RunningSandbox, root: Path, target: str, change: Callable[[Env], None],
         commands: list[tuple[str, ...]]) -> list[Result]:
    jobs = []
    for args in commands:
        case = make_case_dir(root / "-".join(args[:2]).replace("/", "_"), target)
        env = base_env(case, sandbox.zendesk_env() if target == "zendesk"
                       else sandbox.freshdesk_env())
        change(env)
        jobs.append((["-v", "-w", "ws", *args], env, case))
    return run_all(jobs)


def _error_line(result: Result) -> str:
    text = result.describe()
    assert "Traceback" not in result.stdout + result.stderr, text
    assert result.code == 1, text
    errors = [line for line in result.err_lines if not line.startswith("calls: ")]
    assert len(errors) == 1 and errors[0].startswith("error: "), text
    return errors[0]


@pytest.mark.parametrize("case", sorted(CREDENTIALS))
def test_rejected_credential_is_worded_like_provisioning(
        fresh_sandbox: RunningSandbox, tmp_path: Path, case: str) -> None:
    target, change, expected = CREDENTIALS[case]
    results = _run(fresh_sandbox, tmp_path, target, change, [REFERENCE, *FAMILIES])
    lines = [_error_line(r) for r in results]
    assert re.search(expected, lines[0]), results[0].describe()  # provisioning's own words
    for result, line in zip(results[1:], lines[1:], strict=True):
        assert line == lines[0], result.describe()
        assert leaks(result, [WRONG, sb.OAUTH_CLIENT_SECRET]) == [], result.describe()


def test_freshdesk_server_error_keeps_freshdesk_reason(fresh_sandbox: RunningSandbox,
                                                       tmp_path: Path) -> None:
    """A 500 reads ``(500 <Freshdesk's message>)`` in every family, as in provisioning."""
    fresh_sandbox.freshdesk.set_faults(error_rate=1.0, error_status=500)
    try:
        results = _run(fresh_sandbox, tmp_path, "freshdesk", lambda env: None,
                       [REFERENCE, *FAMILIES])
    finally:
        fresh_sandbox.reset()
    for result in results:
        line = _error_line(result)
        assert re.search(r"^error: Freshdesk is unavailable for .+ \(500 Injected fault "
                         r"\(deskops sandbox\)\) after \d+ attempt\(s\): try again later$",
                         line), result.describe()


BAD_MANIFEST = ("source_locale: en\nlocales: [en, fr\n"
                "categories:\n  help:\n    title: {en: Help, fr: Aide}\n")
MANIFEST_PROBLEM = ("kb/manifest.yaml:3:11: {}invalid YAML: expected ',' or ']', but got ':' "
                    "(while parsing a flow sequence started at line 2)")


def test_kb_manifest_with_bad_yaml_is_file_line_column_message(
        fresh_sandbox: RunningSandbox, tmp_path: Path) -> None:
    def broken(env: Env) -> None:
        workspace = Path(env["HOME"]) / "ws"
        (workspace / "kb" / "manifest.yaml").write_text(BAD_MANIFEST, encoding="utf-8")

    lint, sync = _run(fresh_sandbox, tmp_path, "zendesk", broken, [("kb", "lint"),
                                                                   ("kb", "sync")])
    assert lint.code == 1 and "Traceback" not in lint.stderr, lint.describe()
    assert MANIFEST_PROBLEM.format("error: ") in lint.err_lines, lint.describe()
    assert sync.code == 1 and "Traceback" not in sync.stderr, sync.describe()
    problems = [line for line in sync.err_lines if not line.startswith("calls: ")]
    assert problems == [MANIFEST_PROBLEM.format("")], sync.describe()
    assert "ParserError" not in lint.stderr + sync.stderr
    assert fresh_sandbox.zendesk.log.writes("/api/v2/help_center") == []
