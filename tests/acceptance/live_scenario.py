"""Live acceptance scenario, run by ``make acceptance`` (``scripts/acceptance.py``) against
a real Zendesk or Freshdesk account. Not collected by ``make test`` (no ``test_`` prefix).

Everything it creates is named with the run's prefix (`planner.new_prefix`), recorded in a
`planner.Ledger` as soon as the service answers, and deleted afterwards, dependents first,
even when a step fails; ``--keep`` (``DESKOPS_ACCEPTANCE_KEEP=1``) leaves it for debugging
and prints the prefix to search for.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from integrations.helpdesk.tickets import connect_tickets
from integrations.settings import Settings, load_settings
from integrations.triage import compile_form, evaluate
from integrations.workspace import load

from .planner import Ledger, cleanup_plan, new_prefix

GAME = Path(__file__).resolve().parents[2] / "schemas" / "examples" / "game-publisher"
TARGET = os.environ.get("DESKOPS_ACCEPTANCE_TARGET", "zendesk")
#: Where each kind is deleted, per target (``{id}`` filled in).
DELETE_PATHS = {
    "zendesk": {"trigger": "/api/v2/triggers/{id}", "webhook": "/api/v2/webhooks/{id}",
                "ticket": "/api/v2/tickets/{id}", "user": "/api/v2/users/{id}"},
    "freshdesk": {"ticket": "/api/v2/tickets/{id}", "contact": "/api/v2/contacts/{id}"},
}


@pytest.fixture(scope="module")
def settings() -> Settings:
    return load_settings(os.environ)


@pytest.fixture(scope="module")
def http(settings: Settings) -> tuple[requests.Session, str]:
    s = requests.Session()
    if TARGET == "zendesk":
        token = settings.zendesk_api_token
        assert token is not None, "ZENDESK_API_TOKEN is not set"
        s.auth = (f"{settings.zendesk_email}/token", token.reveal())
        return s, f"https://{settings.zendesk_subdomain}.zendesk.com"
    key = settings.freshdesk_api_key
    assert key is not None, "FRESHDESK_API_KEY is not set"
    s.auth = (key.reveal(), "X")
    return s, f"https://{settings.freshdesk_domain}.freshdesk.com"


@pytest.fixture(scope="module")
def ledger(http: tuple[requests.Session, str]) -> Iterator[Ledger]:
    run = Ledger(TARGET, new_prefix())
    print(f"acceptance: prefix {run.prefix}")
    try:
        yield run
    finally:
        if os.environ.get("DESKOPS_ACCEPTANCE_KEEP") == "1":
            print(f"acceptance: --keep: left {len(run.items)} objects named {run.prefix}*")
        else:
            s, base = http
            for step in cleanup_plan(run):
                path = DELETE_PATHS[TARGET][step.kind].format(id=step.id)
                answer = s.delete(base + path, timeout=30)
                print(f"acceptance: delete {step.kind} {step.id}: {answer.status_code}")


def test_a_ticket_with_a_missing_report_is_found_by_triage(
        settings: Settings, http: tuple[requests.Session, str], ledger: Ledger) -> None:
    s, base = http
    email = f"{ledger.prefix}@example.com"
    if TARGET == "zendesk":
        user = s.post(f"{base}/api/v2/users.json", json={"user": {
            "name": ledger.name("requester"), "email": email, "verified": True}}, timeout=30)
        assert user.status_code == 201, user.text
        ledger.add("user", user.json()["user"]["id"], ledger.name("requester"))
        created = s.post(f"{base}/api/v2/tickets.json", json={"ticket": {
            "subject": ledger.name("crash"), "requester_id": user.json()["user"]["id"],
            "comment": {"body": "The game crashes on start."}}}, timeout=30)
        assert created.status_code == 201, created.text
        tid = created.json()["ticket"]["id"]
    else:
        created = s.post(f"{base}/api/v2/tickets", json={
            "subject": ledger.name("crash"), "email": email, "status": 2, "priority": 1,
            "description": "The game crashes on start."}, timeout=30)
        assert created.status_code == 201, created.text
        tid = created.json()["id"]
        ledger.add("contact", created.json()["requester_id"], email)
    ledger.add("ticket", tid, ledger.name("crash"))
    ws = load(GAME)
    spec = compile_form(ws.forms["technical-issues"], ws.fields, ws.default_locale)
    with connect_tickets(settings, TARGET) as desk:
        ticket = desk.get_ticket(int(tid))
    missing = [m.key for m in evaluate(spec, ticket, {}).missing if m.kind == "attachment"]
    assert missing == ["dxdiag"]
