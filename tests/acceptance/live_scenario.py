"""The acceptance scenario, run by ``make acceptance`` (``scripts/acceptance.py``): one
scenario, two targets (moto's lesson). Against a real Zendesk or Freshdesk account when
credentials are set; against a local ``deskops sandbox`` with ``--sandbox``, which is how
the scenario itself is checked here. Not collected by ``make test`` (no ``test_`` prefix).

Steps: provision a small workspace (``apply``), the plan is then empty, ``kb sync`` (then
nothing is pending), ``webhooks install`` (skipped when the account already has deskops's
webhook: the run never touches what it did not create), a ticket missing a required field
is triaged by the real worker handler (a request comment in the requester's language, the
rule's tag), and ``chase`` reminds its requester a day later.

Everything is named with the run's prefix (`planner.new_prefix`), recorded in a
`planner.Ledger` as soon as the service answers, and deleted afterwards, dependents first,
even when a step fails; ``--keep`` (``DESKOPS_ACCEPTANCE_KEEP=1``) leaves it and prints
the prefix to search for.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests

from integrations.cli.main import App, main
from integrations.events import EventQueue, NewEvent, open_store
from integrations.helpdesk.tickets import connect_tickets
from integrations.settings import Settings, load_settings
from integrations.worker import Worker

from .planner import Ledger, cleanup_plan, materialize, new_prefix, tag_of

WORKSPACE = Path(__file__).parent / "workspace"
TARGET = os.environ.get("DESKOPS_ACCEPTANCE_TARGET", "zendesk")
SANDBOX = os.environ.get("DESKOPS_ACCEPTANCE_SANDBOX") == "1"
#: Where each kind is deleted, per target (``{id}`` filled in).
DELETE_PATHS = {
    "zendesk": {"trigger": "/api/v2/triggers/{id}", "webhook": "/api/v2/webhooks/{id}",
                "ticket": "/api/v2/tickets/{id}", "user": "/api/v2/users/{id}",
                "ticket_form": "/api/v2/ticket_forms/{id}",
                "ticket_field": "/api/v2/ticket_fields/{id}",
                "article": "/api/v2/help_center/articles/{id}",
                "section": "/api/v2/help_center/sections/{id}",
                "category": "/api/v2/help_center/categories/{id}"},
    "freshdesk": {"automation_rule": "/api/v2/automations/{id}",
                  "ticket": "/api/v2/tickets/{id}", "contact": "/api/v2/contacts/{id}",
                  "ticket_form": "/api/v2/ticket-forms/{id}",
                  "ticket_field": "/api/v2/admin/ticket_fields/{id}",
                  "solution_article": "/api/v2/solutions/articles/{id}",
                  "solution_folder": "/api/v2/solutions/folders/{id}",
                  "solution_category": "/api/v2/solutions/categories/{id}"},
}


@dataclass
class Run:
    env: dict[str, str]
    ws: Path
    base: str
    http: requests.Session
    ledger: Ledger
    capsys: pytest.CaptureFixture[str]

    @property
    def settings(self) -> Settings:
        return load_settings(self.env, dotenv=None)

    def cli(self, *args: str) -> tuple[int, str]:
        self.capsys.readouterr()
        code = main(["-w", str(self.ws), "--target", TARGET, *args])
        out = self.capsys.readouterr()
        return code, out.out + out.err

    def lock(self, suffix: str = "") -> dict[str, Any]:
        path = self.ws / "locks" / f"{TARGET}{suffix}.json"
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return data


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> Iterator[Run]:
    sandbox = None
    if SANDBOX:
        from integrations.sandbox.server import start_sandbox
        sandbox = start_sandbox()
        env = sandbox.zendesk_env() if TARGET == "zendesk" else sandbox.freshdesk_env()
    else:
        env = {k: v for k, v in os.environ.items() if not k.startswith("DESKOPS_SANDBOX_")}
    for key in [k for k in os.environ if k.startswith("DESKOPS_")]:
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(tmp_path)
    settings = load_settings(env, dotenv=None)
    http = requests.Session()
    if TARGET == "zendesk":
        assert settings.zendesk_api_token is not None, "ZENDESK_API_TOKEN is not set"
        http.auth = (f"{settings.zendesk_email}/token", settings.zendesk_api_token.reveal())
        base = (sandbox.zendesk_url if sandbox
                else f"https://{settings.zendesk_subdomain}.zendesk.com")
    else:
        assert settings.freshdesk_api_key is not None, "FRESHDESK_API_KEY is not set"
        http.auth = (settings.freshdesk_api_key.reveal(), "X")
        base = (sandbox.freshdesk_url if sandbox
                else f"https://{settings.freshdesk_domain}.freshdesk.com")
    ledger = Ledger(TARGET, new_prefix())
    print(f"acceptance: {TARGET}: prefix {ledger.prefix}")
    ws = materialize(WORKSPACE, tmp_path / "ws", ledger.prefix)
    try:
        yield Run(env, ws, base, http, ledger, capsys)
    finally:
        try:
            _cleanup(http, base, ledger)
        finally:
            if sandbox is not None:  # what a live run costs: every call the sandbox saw
                log = requests.get(f"{base}/_sandbox/requests", timeout=10).json()
                calls = [e for e in log["requests"] if e["path"].startswith("/api/")]
                writes = [e for e in calls if e["method"] != "GET"]
                print(f"acceptance: {TARGET}: {len(calls)} API calls "
                      f"({len(writes)} writes)")
                sandbox.stop()


def _cleanup(http: requests.Session, base: str, ledger: Ledger) -> None:
    if os.environ.get("DESKOPS_ACCEPTANCE_KEEP") == "1":
        print(f"acceptance: --keep: left {len(ledger.items)} objects; search {ledger.prefix}")
        return
    failed = 0
    for step in cleanup_plan(ledger):
        path = DELETE_PATHS[ledger.target][step.kind].format(id=step.id)
        answer = http.delete(base + path, timeout=30)
        ok = answer.status_code in (200, 204, 404)
        failed += not ok
        print(f"acceptance: delete {step.kind} {step.id}: {answer.status_code}")
    assert not failed, f"{failed} objects were not deleted; search {ledger.prefix}"


def _record_provisioned(r: Run) -> None:
    lock = r.lock()
    for key, entry in lock.get("fields", {}).items():
        r.ledger.add("ticket_field", entry["id"], r.ledger.name(f"field {key}"))
    for key, entry in lock.get("forms", {}).items():
        r.ledger.add("ticket_form", entry["id"], r.ledger.name(f"form {key}"))


def _record_kb(r: Run) -> None:
    kinds = {"zendesk": {"categories": "category", "sections": "section",
                         "articles": "article"},
             "freshdesk": {"categories": "solution_category", "sections": "solution_folder",
                           "articles": "solution_article"}}[TARGET]
    lock = r.lock(".kb")
    for section, kind in kinds.items():
        for key, entry in (lock.get(section) or {}).items():
            r.ledger.add(kind, entry["id"], r.ledger.name(f"{kind} {key}"))


def _webhook_side(r: Run) -> None:
    """Install the webhook side unless the account already has deskops's; record what the
    install created (compared with the objects listed before)."""
    if TARGET == "zendesk":
        hooks = r.http.get(f"{r.base}/api/v2/webhooks",
                           params={"filter[name_contains]": "deskops"}).json()["webhooks"]
        if hooks:
            print("acceptance: webhooks install skipped: the account has a deskops webhook")
            return
        before = {t["id"] for t in r.http.get(f"{r.base}/api/v2/triggers").json()["triggers"]}
    else:
        before = set()
        for kind in (1, 3, 4):
            rules = _rules(r, kind)
            if any(str(x.get("name", "")).startswith("deskops") for x in rules):
                print("acceptance: webhooks install skipped: the account has deskops rules")
                return
            before |= {(kind, x["id"]) for x in rules}
    code, out = r.cli("webhooks", "install",
                      "--url", f"https://{r.ledger.prefix}.example.invalid")
    assert code == 0, out
    if TARGET == "zendesk":
        for hook in r.http.get(f"{r.base}/api/v2/webhooks", params={
                "filter[name_contains]": "deskops"}).json()["webhooks"]:
            r.ledger.add("webhook", hook["id"], r.ledger.name("webhook"))
        for trig in r.http.get(f"{r.base}/api/v2/triggers").json()["triggers"]:
            if trig["id"] not in before:
                r.ledger.add("trigger", trig["id"], r.ledger.name(str(trig["title"])))
    else:
        for kind in (1, 3, 4):
            for rule in _rules(r, kind):
                if (kind, rule["id"]) not in before:
                    r.ledger.add("automation_rule", f"{kind}/rules/{rule['id']}",
                                 r.ledger.name(str(rule["name"])))


def _rules(r: Run, kind: int) -> list[dict[str, Any]]:
    """Freshdesk automation rules of one type (creation 1, hourly 3, updates 4)."""
    answer = r.http.get(f"{r.base}/api/v2/automations/{kind}/rules")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    rules: list[dict[str, Any]] = body["rules"] if isinstance(body, dict) else body
    return rules


def _ticket(r: Run, form_id: int) -> int:
    """A ticket on the workspace's form without its required account name."""
    email = f"{r.ledger.prefix}@example.com"
    subject = r.ledger.name("the game crashes")
    text = "The game crashes on start since the last update."
    if TARGET == "zendesk":
        user = r.http.post(f"{r.base}/api/v2/users.json", json={"user": {
            "name": r.ledger.name("requester"), "email": email, "verified": True}})
        assert user.status_code == 201, user.text
        uid = user.json()["user"]["id"]
        r.ledger.add("user", uid, r.ledger.name("requester"))
        made = r.http.post(f"{r.base}/api/v2/tickets.json", json={"ticket": {
            "subject": subject, "requester_id": uid, "ticket_form_id": form_id,
            "comment": {"body": text}}})
        assert made.status_code == 201, made.text
        tid = int(made.json()["ticket"]["id"])
    else:
        made = r.http.post(f"{r.base}/api/v2/tickets", json={
            "subject": subject, "email": email, "status": 2, "priority": 1,
            "form_id": form_id, "description": f"<div>{text}</div>"})
        assert made.status_code == 201, made.text
        tid = int(made.json()["id"])
        r.ledger.add("contact", made.json()["requester_id"], email)
    r.ledger.add("ticket", tid, subject)
    return tid


def _triage(r: Run, ticket_id: int, tmp: Path) -> str:
    """One webhook event for ``ticket_id`` through the real worker and handler."""
    from integrations.cli.pipeline import _handler

    store = open_store(f"sqlite:///{tmp}/events.db", lease_seconds=30)
    store.setup()
    queue = EventQueue(f"sqlite:///{tmp}/queue.db", name="acceptance", read_timeout=0.05)
    app = App(workspace=r.ws, target=TARGET, verbose=False, _settings=r.settings)
    try:
        event, _ = store.add(NewEvent(source=TARGET, kind="ticket_updated",
                                      ticket_id=ticket_id, invocation_id=uuid.uuid4().hex))
        with connect_tickets(r.settings, TARGET) as desk:
            record = Worker(store, queue, desk, _handler(app)).handle(event.id)
        assert record is not None
        return str(record.decision)
    finally:
        store.close()
        queue.close()


def test_provision_sync_install_triage_chase(run: Run, tmp_path: Path) -> None:
    code, out = run.cli("apply", "--auto-approve")
    _record_provisioned(run)  # even after a failed apply: what it made is in the lock
    assert code == 0, out
    code, out = run.cli("plan", "--detailed-exitcode")
    assert code == 0, f"the plan after apply is not empty:\n{out}"
    code, out = run.cli("kb", "sync", "--auto-approve")
    if (run.ws / "locks" / f"{TARGET}.kb.json").exists():
        _record_kb(run)
    assert code == 0, out
    code, out = run.cli("kb", "sync", "--dry-run", "--detailed-exitcode")
    assert code == 0, f"kb sync left work pending:\n{out}"
    _webhook_side(run)
    form_id = int(run.lock()["forms"]["report"]["id"])
    tid = _ticket(run, form_id)
    assert _triage(run, tid, tmp_path) == "ask"
    with connect_tickets(run.settings, TARGET) as desk:
        ticket = desk.get_ticket(tid)
    assert tag_of(run.ledger.prefix) in ticket.tags
    assert any(c.from_agent and c.public for c in ticket.comments), "no request was posted"
    later = (datetime.now(UTC) + timedelta(hours=25)).isoformat()
    code, out = run.cli("chase", "--json", "--at", later)
    assert code == 0, out
    assert any(json.loads(line).get("ticket_id") == tid for line in out.splitlines()
               if line.startswith("{")), out
