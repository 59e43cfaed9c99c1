"""``deskops doctor``: check the helpdesk is ready before anything is applied.

One line per check, ``ok``/``FAIL``/``skip`` and the reason; exit 1 if any fails:

    credential, oauth scopes      the credential works; OAuth grants what deskops writes
    ticket forms                  forms are on the plan (not on every plan)
    locales                       workspace locales enabled (Zendesk) / supported (Freshdesk)
    guide locales                 Zendesk, with a ``kb/``: the knowledge base's locales in Guide
    solutions languages           Freshdesk, with a ``kb/``: the same against supported languages
    webhook receiver              with a receiver URL: its ``/healthz`` and ``/readyz`` answer
    webhook, triggers             Zendesk, with a URL: the deskops webhook and its triggers
    automation rules              Freshdesk, with a URL: the deskops automation rules

The receiver URL comes from ``--webhook-url`` or ``DESKOPS_WEBHOOK_URL``. The helpdesk checks
live in the adapters (``check()``); this stays thin. No check raises: a failure is a line.
The receiver is called without any credential, and no URL is printed with its userinfo.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import click
import requests

from integrations.cli.main import App, pass_app
from integrations.errors import DeskopsError, WorkspaceError
from integrations.helpdesk import Check, connect
from integrations.helpdesk._common import HookSpec, redact_url
from integrations.helpdesk.freshdesk import FreshdeskHelpdesk
from integrations.helpdesk.zendesk import ZendeskHelpdesk

__all__ = ["doctor", "expected_hooks", "kb_locales", "receiver_checks", "workspace_locales"]

#: Seconds to wait for the receiver's health endpoints (a doctor must not hang).
RECEIVER_TIMEOUT = 5.0


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


def kb_locales(root: Path) -> tuple[str, ...] | None:
    """The locales the workspace's knowledge base publishes in; None without a ``kb/``.

    Languages are detected as ``kb sync`` would; a knowledge base that does not load
    (lint errors) contributes the locales of the articles that do.
    """
    from integrations.kb.sources import KB_DIR, scan_kb

    if not (root / KB_DIR).is_dir():
        return None
    kb, _ = scan_kb(root)
    return kb.locales() if kb is not None else ()


def expected_hooks(target: str, url: str) -> HookSpec:
    """What ``deskops webhooks install --url URL`` creates on ``target``, to look for."""
    from integrations.webhooks import install

    # The titles and names come from install itself, so doctor cannot drift from it.
    if target == "zendesk":
        titles = tuple((0, str(t["title"])) for t in install.trigger_specs("0"))
        return HookSpec(f"{url.rstrip('/')}/webhooks/zendesk", install.WEBHOOK_NAME, titles)
    endpoint = f"{url.rstrip('/')}/webhooks/freshdesk"
    rules = tuple((kind, str(rule["name"])) for kind, rule in install.rule_specs(endpoint, ""))
    return HookSpec(endpoint, install.WEBHOOK_NAME, rules)


def _valid_url(url: str) -> str | None:
    """Why ``url`` cannot be a receiver base URL, or None."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return "is not a valid URL"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "is not an http(s) URL with a host"
    if parts.query or parts.fragment:
        return "must be a base URL (no query or fragment)"
    return None


def receiver_checks(url: str) -> list[Check]:
    """GET the receiver's ``/healthz`` (up) and ``/readyz`` (store and queue reachable)."""
    base = url.rstrip("/")
    shown = redact_url(base)
    session = requests.Session()
    session.trust_env = False  # no proxy or netrc credentials from the environment
    lines: list[str] = []
    try:
        for path in ("/healthz", "/readyz"):
            try:
                resp = session.get(f"{base}{path}", timeout=RECEIVER_TIMEOUT,
                                   allow_redirects=False)
            except requests.RequestException as exc:
                reason = type(exc).__name__.replace("Error", " error").strip().lower()
                return [Check("webhook receiver", False, f"{shown}{path} is unreachable "
                              f"({reason}): is `deskops serve` running there?")]
            if resp.status_code != 200:
                why = ""
                try:
                    body = resp.json()
                    if isinstance(body, dict):
                        why = ", ".join(f"{k}: {v}" for k, v in body.items() if k != "status")
                except ValueError:
                    pass
                return [Check("webhook receiver", False, f"{shown}{path} answered "
                              f"{resp.status_code}{f' ({why})' if why else ''}")]
            lines.append(path)
    finally:
        session.close()
    return [Check("webhook receiver", True, f"{shown} is up and ready ({', '.join(lines)})")]


@click.command()
@click.option("--webhook-url", metavar="URL",
              help="Base URL of `deskops serve` (default: DESKOPS_WEBHOOK_URL); enables the "
                   "webhook checks.")
@pass_app
@click.pass_context
def doctor(ctx: click.Context, app: App, webhook_url: str | None) -> None:
    """Check credentials, OAuth scopes, plan features, locales and webhooks, one line each."""
    target = app.target_name()
    checks: list[Check] = []
    try:
        locales = workspace_locales(app.workspace)
    except WorkspaceError as exc:
        checks.append(Check("workspace", False, str(exc)))
        locales = ()
    try:
        kb = kb_locales(app.workspace)
    except DeskopsError as exc:
        checks.append(Check("knowledge base", False, f"{exc} (see `deskops kb lint`)"))
        kb = ()
    url = webhook_url or app.settings.extra.get("DESKOPS_WEBHOOK_URL") or None
    hook: HookSpec | None = None
    if url is not None:
        problem = _valid_url(url)
        if problem:
            checks.append(Check("webhook receiver", False,
                                f"{redact_url(url) if 'valid' not in problem else 'the URL'} "
                                f"{problem} (--webhook-url or DESKOPS_WEBHOOK_URL)"))
            url = None
        else:
            hook = expected_hooks(target, url)
    try:
        with connect(app.settings, target) as helpdesk:
            if isinstance(helpdesk, ZendeskHelpdesk | FreshdeskHelpdesk):
                checks += helpdesk.check(locales, kb_locales=kb, hook=hook)
            if app.verbose:
                click.echo(f"calls: {helpdesk.calls}", err=True)
    except DeskopsError as exc:  # a missing credential setting: still check the rest
        checks.append(Check("credential", False, str(exc)))
    if kb is None:
        checks.append(Check.skip("guide locales" if target == "zendesk" else
                                 "solutions languages", "the workspace has no kb/ folder"))
    if url is not None:
        checks += receiver_checks(url)
    elif not any(c.name == "webhook receiver" for c in checks):
        checks.append(Check.skip("webhook receiver", "no receiver URL (--webhook-url or "
                                 "DESKOPS_WEBHOOK_URL)"))
    for check in checks:
        click.secho(str(check), fg="yellow" if check.skipped else
                    "green" if check.ok else "red")
    if not all(c.ok for c in checks):
        ctx.exit(1)
