"""The real CLI with an agent-level Freshdesk key (issue 17, finding 4): ``worker``,
``explain``, ``retriage``, ``chase`` and ``sweep`` on a workspace whose rules route to a
group, with zero 403s. Group names come from the agents' ``/api/v2/ticket_fields`` (the
Group field's choices); the groups APIs are admin-only."""

from __future__ import annotations

import json
import uuid

import pytest
from triage_e2e.conftest import Harness, h, run_cli  # noqa: F401 - h is the fixture
from triage_e2e.test_triage_e2e import FR_BODY, FR_SUBJECT

from integrations.events import NewEvent, queue_from_settings, store_from_settings
from integrations.sandbox import FRESHDESK_AGENT_API_KEY
from integrations.settings import load_settings

HOUR = 3600.0


@pytest.mark.parametrize("h", ["freshdesk"], indirect=True)
def test_every_worker_command_runs_with_an_agent_key(
        h: Harness, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    routed = h.create("Cannot log in", "Hello, I cannot log in to my Glyph account since the "
                      "patch, the launcher says my password is wrong although it is not.",
                      form="account-issues",
                      fields={"product": "game_trove", "account_name": "SwordMaster77"})
    asked = h.create(FR_SUBJECT, FR_BODY, locale="fr", form="account-issues",
                     fields={"product": "game_trove"})
    monkeypatch.setenv("FRESHDESK_API_KEY", FRESHDESK_AGENT_API_KEY)
    settings = load_settings(dotenv=None)
    store = store_from_settings(settings)
    store.setup()
    queue = queue_from_settings(settings)
    for tid in (routed, asked):
        event, _ = store.add(NewEvent(source="freshdesk", kind="ticket_updated", ticket_id=tid,
                                      invocation_id=uuid.uuid4().hex))
        queue.put(event.id)
    mark = h.emu.log.mark()

    code, out = run_cli(h, ["explain", "--json", str(routed)])  # the group's id, resolved
    assert code == 0 and json.loads(out)["update"]["group_id"] == h.group_id
    code, out = run_cli(h, ["worker", "--once"])
    assert code == 0, out
    assert f"ticket {routed}: route" in out and f"ticket {asked}: ask" in out
    assert h.raw(routed)["group_id"] == h.group_id
    code, out = run_cli(h, ["retriage", "--json", str(routed)])
    assert code == 0, out
    h.emu.clock.advance(25 * HOUR)
    code, out = h.chase()
    assert code == 0, out
    assert [json.loads(line)["decision"] for line in out.splitlines()] == ["remind"]
    code, out = run_cli(h, ["sweep", "--since", "2d"])
    assert code == 0, out

    entries = h.emu.log.entries(since=mark)
    assert entries and [f"{r.method} {r.path}" for r in entries if r.status == 403] == []
    assert not [r for r in entries if r.path.startswith(("/api/v2/admin/", "/api/v2/groups"))]
