"""Searching needs-info tickets (what ``chase`` walks) and the ticket sandbox's contract,
over real HTTP: Freshdesk's 30-a-page, 10-page limit; Zendesk's offset pages."""

from __future__ import annotations

import requests

from integrations.helpdesk.tickets import connect_tickets
from integrations.sandbox import FRESHDESK_API_KEY
from integrations.sandbox.server import RunningSandbox
from integrations.settings import load_settings

TAG = "deskops_needs_info"


def test_freshdesk_search_stops_at_ten_pages_and_says_so(fresh_sandbox: RunningSandbox) -> None:
    emu = fresh_sandbox.freshdesk
    emu.seed("tickets", [{"email": f"p{i}@example.org", "subject": f"t{i}",
                          "description": "<p>help</p>", "status": 3 if i % 7 else 2,
                          "tags": [TAG] if i % 11 else ["other"]} for i in range(420)])
    pending = [t["id"] for t in emu.store.all("tickets") if TAG in t["tags"] and t["status"] == 3]
    assert len(pending) > 300
    emu.log.clear()
    with connect_tickets(load_settings(fresh_sandbox.freshdesk_env(), dotenv=None),
                         "freshdesk") as desk:
        found = list(desk.search_tag(TAG, status="pending"))
        assert desk.truncated
    assert len(found) == 300 == len(set(found)) and set(found) <= set(pending)
    assert len(emu.log.writes("/api/v2/search/tickets")) == 0
    searches = [e for e in emu.log.entries() if e.path == "/api/v2/search/tickets"]
    assert len(searches) == 10


def test_freshdesk_search_below_the_limit_is_complete(fresh_sandbox: RunningSandbox) -> None:
    emu = fresh_sandbox.freshdesk
    emu.seed("tickets", [{"email": "p@example.org", "subject": f"t{i}",
                          "description": "<p>help</p>", "status": 3, "tags": [TAG]}
                         for i in range(31)])
    with connect_tickets(load_settings(fresh_sandbox.freshdesk_env(), dotenv=None),
                         "freshdesk") as desk:
        found = list(desk.search_tag(TAG, status="pending"))
        assert not desk.truncated
    assert sorted(found) == sorted(t["id"] for t in emu.store.all("tickets"))


def test_zendesk_search_pages_through_all_waiting_tickets(fresh_sandbox: RunningSandbox) -> None:
    emu = fresh_sandbox.zendesk
    emu.seed("tickets", [{"subject": f"t{i}", "comment": {"body": "help"},
                          "status": "pending" if i % 3 else "open", "tags": [TAG]}
                         for i in range(240)])
    want = sorted(t["id"] for t in emu.store.all("tickets") if t["status"] == "pending")
    with connect_tickets(load_settings(fresh_sandbox.zendesk_env(), dotenv=None),
                         "zendesk") as desk:
        found = list(desk.search_tag(TAG, status="pending"))
        assert not desk.truncated
        assert desk.calls.by_endpoint["GET /api/v2/search"] == 2
    assert found == want  # oldest first


def test_freshdesk_sandbox_ticket_contract(fresh_sandbox: RunningSandbox) -> None:
    base = fresh_sandbox.freshdesk_url
    s = requests.Session()
    s.auth = (FRESHDESK_API_KEY, "X")
    r = s.post(f"{base}/api/v2/tickets", json={"email": "a@example.org", "subject": "x",
                                               "description": "<p>x</p>", "tags": ["a"]})
    assert r.status_code == 201
    tid = r.json()["id"]
    assert s.put(f"{base}/api/v2/tickets/{tid}", json={"tags": ["b"]}).json()["tags"] == ["b"]
    bad = s.put(f"{base}/api/v2/tickets/{tid}", json={"custom_fields": {"cf_nope": 1},
                                                      "status": 9})
    assert bad.status_code == 400
    assert {e["field"] for e in bad.json()["errors"]} == {"cf_nope", "status"}
    page11 = s.get(f"{base}/api/v2/search/tickets", params={"query": '"tag:\'b\'"', "page": "11"})
    assert page11.status_code == 400 and page11.json()["errors"][0]["field"] == "page"
    unquoted = s.get(f"{base}/api/v2/search/tickets", params={"query": "tag:'b'"})
    assert unquoted.status_code == 400
    both = s.get(f"{base}/api/v2/search/tickets",
                 params={"query": '"(tag:\'b\' OR tag:\'zzz\') AND status:2"'}).json()
    assert both["total"] == 1 and both["results"][0]["id"] == tid
    assert s.post(f"{base}/api/v2/tickets/{tid}/reply", json={"body": ""}).status_code == 400
    me = s.get(f"{base}/api/v2/agents/me").json()["id"]
    s.post(f"{base}/api/v2/tickets/{tid}/reply", json={"body": "<p>hi</p>"}).raise_for_status()
    shown = s.get(f"{base}/api/v2/tickets/{tid}", params={"include": "conversations"}).json()
    assert [c["user_id"] for c in shown["conversations"]] == [me]
    assert s.delete(f"{base}/api/v2/tickets/{tid}").status_code == 204
    assert s.get(f"{base}/api/v2/search/tickets",
                 params={"query": '"tag:\'b\'"'}).json()["total"] == 0
