"""The Freshdesk ticket list answers 300 pages at most (issue 17, finding 17): the sweep's
listing starts again from the last ``updated_at`` instead of asking for page 301. The cap is
lowered to 2 pages on both sides so 250 tickets show it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from integrations.helpdesk import tickets as client
from integrations.helpdesk.tickets import FreshdeskTickets
from integrations.sandbox.freshdesk import tickets as fd
from integrations.sandbox.server import RunningSandbox
from integrations.settings import load_settings


def test_listing_past_the_page_cap_restarts_from_the_last_stamp(
        freshdesk_env: dict[str, str], fresh_sandbox: RunningSandbox,
        monkeypatch: pytest.MonkeyPatch) -> None:
    emu = fresh_sandbox.freshdesk
    start = emu.clock.freeze(emu.clock.now() - 3600)
    try:
        ids = []
        for i in range(250):
            ids.append(int(fd.create_ticket(emu, {
                "email": "a@example.org", "subject": f"t{i}", "description": "<div>d</div>",
                "status": 2, "priority": 1})["id"]))
            emu.clock.advance(1)
    finally:
        emu.clock.reset()
    monkeypatch.setattr(fd, "LIST_PAGES", 2)
    monkeypatch.setattr(client, "_FD_LIST_PAGES", 2)
    with FreshdeskTickets(settings=load_settings(freshdesk_env, dotenv=None)) as desk:
        seen = [tid for tid, _ in desk.updated_since(datetime.fromtimestamp(start - 1, UTC))]
    assert set(seen) >= set(ids)
    assert not [r for r in emu.log.entries(path="/api/v2/tickets") if r.status >= 400]
