"""The sandbox pages lists as the real services do (issue 17): a client that reads only the
first page, or asks for more than 100 records, fails here as it would on a real account."""

from __future__ import annotations

from integrations.sandbox.server import RunningSandbox

from .support import zendesk_session


def _triggers(sandbox: RunningSandbox, n: int) -> None:
    for i in range(n):
        sandbox.zendesk.store.insert("triggers", {
            "title": f"rule {i}", "active": True, "actions": [{"field": "status",
                                                               "value": "open"}],
            "conditions": {"all": [], "any": []}})


def test_triggers_come_100_a_page(fresh_sandbox: RunningSandbox) -> None:
    _triggers(fresh_sandbox, 130)
    s, base = zendesk_session(), fresh_sandbox.zendesk_url
    old = s.get(f"{base}/api/v2/triggers", timeout=10).json()  # the old, one-page read
    assert len(old["triggers"]) == 100 and old["next_page"] and old["count"] == 130
    rest = s.get(old["next_page"], timeout=10).json()
    assert len(rest["triggers"]) == 30 and rest["next_page"] is None
    cursor = s.get(f"{base}/api/v2/triggers?page[size]=100", timeout=10).json()
    assert cursor["meta"]["has_more"] and len(cursor["triggers"]) == 100
    last = s.get(cursor["links"]["next"], timeout=10).json()
    assert not last["meta"]["has_more"] and len(last["triggers"]) == 30
    too_big = s.get(f"{base}/api/v2/triggers?page[size]=101", timeout=10)
    assert too_big.status_code == 400


def test_comments_come_100_a_page_with_their_own_authors(fresh_sandbox: RunningSandbox) -> None:
    from integrations.sandbox.zendesk import tickets as zd

    emu = fresh_sandbox.zendesk
    asker = zd.create_user(emu, {"name": "Ana", "email": "ana@example.org"})
    other = zd.create_user(emu, {"name": "Bo", "email": "bo@example.org"})
    ticket = zd.create_ticket(emu, {"subject": "x", "requester_id": asker["id"],
                                    "comment": {"body": "first"}})
    emu.store.insert(zd.COMMENTS, {"ticket_id": ticket["id"], "author_id": other["id"],
                                   "body": "b", "html_body": "<p>b</p>", "public": True,
                                   "created_at": emu.clock.iso()})
    for i in range(120):
        emu.store.insert(zd.COMMENTS, {"ticket_id": ticket["id"], "author_id": 1,
                                       "body": f"n{i}", "html_body": f"<p>n{i}</p>",
                                       "public": False, "created_at": emu.clock.iso()})
    s, base = zendesk_session(), fresh_sandbox.zendesk_url
    first = s.get(f"{base}/api/v2/tickets/{ticket['id']}/comments.json?include=users",
                  timeout=10).json()
    assert len(first["comments"]) == 100 and first["next_page"]
    assert other["id"] in {u["id"] for u in first["users"]}
    last = s.get(first["next_page"] + "&include=users", timeout=10).json()
    assert len(last["comments"]) == 22 and other["id"] not in {u["id"] for u in last["users"]}


def test_incremental_export_start_time_and_pages(fresh_sandbox: RunningSandbox) -> None:
    from integrations.sandbox.zendesk import tickets as zd

    emu = fresh_sandbox.zendesk
    emu.clock.freeze(emu.clock.now() - 600)
    try:
        for i in range(5):
            zd.create_ticket(emu, {"subject": f"t{i}", "comment": {"body": "x"}})
            emu.clock.advance(1)
        emu.clock.advance(600)
        now = int(emu.clock.now())
        s, base = zendesk_session(), fresh_sandbox.zendesk_url
        url = f"{base}/api/v2/incremental/tickets/cursor.json"
        recent = s.get(url, params={"start_time": now - 30}, timeout=10)
        assert recent.status_code == 400 and "older than one minute" in recent.text
        page = s.get(url, params={"start_time": now - 3600, "per_page": 2}, timeout=10).json()
        seen = [t["id"] for t in page["tickets"]]
        while not page["end_of_stream"]:
            page = s.get(page["after_url"], timeout=10).json()
            seen += [t["id"] for t in page["tickets"]]
        assert len(seen) == 5 == len(set(seen))
        assert s.get(url, params={"start_time": now - 3600, "per_page": 1001},
                     timeout=10).status_code == 400
    finally:
        emu.clock.reset()
