"""The worker with an agent-level Freshdesk key (issue 17, finding 4): every per-ticket call
is an agent API; the admin ``/api/v2/admin/ticket_fields`` would be refused (403)."""

from __future__ import annotations

import pytest
from triage_e2e.conftest import Harness, h  # noqa: F401  (the triage harness fixture)
from triage_e2e.test_triage_e2e import FR_BODY, FR_SUBJECT

from integrations.helpdesk.tickets import connect_tickets
from integrations.sandbox import FRESHDESK_AGENT_API_KEY
from integrations.settings import load_settings


@pytest.mark.parametrize("h", ["freshdesk"], indirect=True)
def test_agent_key_triages_a_freshdesk_ticket(h: Harness) -> None:  # noqa: F811
    tid = h.create(FR_SUBJECT, FR_BODY, locale="fr", form="account-issues",
                   fields={"product": "game_trove"})
    agent = load_settings({**h.env, "FRESHDESK_API_KEY": FRESHDESK_AGENT_API_KEY}, dotenv=None)
    mark = h.emu.log.mark()
    with connect_tickets(agent, "freshdesk") as desk:
        record = h.process(tid, desk=desk)
    assert record.status == "done" and record.decision == "ask", record
    assert len(h.deskops_comments(tid)) == 1
    refused = [r for r in h.emu.log.entries(since=mark) if r.status == 403]
    assert refused == []
