"""Field definitions are read once per worker and read again when the context is rebuilt
(issue 17, finding 8): a field created by a later ``deskops apply`` is known at once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import requests

from integrations.helpdesk.tickets import FreshdeskTickets
from integrations.sandbox import FRESHDESK_API_KEY
from integrations.sandbox.freshdesk import tickets as fd
from integrations.sandbox.server import RunningSandbox
from integrations.settings import load_settings
from integrations.triage import TriageContext
from integrations.worker.triage import TriageHandler


def test_new_field_is_known_after_the_context_rebuilds(
        freshdesk_env: dict[str, str], fresh_sandbox: RunningSandbox, tmp_path: Path) -> None:
    base = fresh_sandbox.freshdesk_url
    http = requests.Session()
    http.auth = (FRESHDESK_API_KEY, "X")
    desk = FreshdeskTickets(settings=load_settings(freshdesk_env, dotenv=None))
    ticket = fd.create_ticket(fresh_sandbox.freshdesk, {
        "email": "a@example.org", "subject": "s", "description": "<div>d</div>",
        "status": 2, "priority": 1})
    desk.get_ticket(int(ticket["id"]))  # field names read once
    created = http.post(f"{base}/api/v2/admin/ticket_fields", json={
        "label": "Order number", "label_for_customers": "Order number", "type": "custom_text",
        "customers_can_edit": True, "displayed_to_customers": True}, timeout=10).json()
    http.put(f"{base}/api/v2/tickets/{ticket['id']}", json={
        "custom_fields": {created["name"]: "A-17"}}, timeout=10).raise_for_status()
    assert created["id"] not in desk.get_ticket(int(ticket["id"])).fields  # cached: unknown

    lock = tmp_path / "freshdesk.json"
    lock.write_text("{}")
    calls = desk.calls.as_dict()["reads"]

    class Rebuilt(Exception):
        """The context rebuild itself is another test's subject: stop there."""

    def rebuild() -> TriageContext:
        raise Rebuilt

    handler = TriageHandler(None, rebuild=rebuild, watch=[lock])  # type: ignore[arg-type]
    os.utime(lock, (lock.stat().st_mtime + 5,) * 2)  # `deskops apply` rewrote the lock file
    with pytest.raises(Rebuilt):
        handler(desk.get_ticket(int(ticket["id"])), desk)
    assert desk.get_ticket(int(ticket["id"])).fields[created["id"]] == "A-17"
    assert desk.calls.as_dict()["reads"] == calls + 3  # the ticket twice, and the fields again
    desk.close()
    http.close()
