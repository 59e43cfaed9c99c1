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
