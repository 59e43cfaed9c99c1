"""Faults after the handler committed (issue 17): the answer is lost, the write is not."""

from __future__ import annotations

from integrations.sandbox.server import RunningSandbox

from .support import freshdesk_session


def _groups(sandbox: RunningSandbox) -> list[str]:
    return [g["name"] for g in sandbox.freshdesk.store.all("groups")]


def test_error_after_commit_keeps_the_write(fresh_sandbox: RunningSandbox) -> None:
    s, base = freshdesk_session(), fresh_sandbox.freshdesk_url
    before = set(_groups(fresh_sandbox))
    fresh_sandbox.freshdesk.set_faults(error_rate=1.0, error_status=502, after_commit=True,
                                       methods=["POST"])
    lost = s.post(f"{base}/api/v2/groups", json={"name": "Billing"}, timeout=10)
    assert lost.status_code == 502
    assert set(_groups(fresh_sandbox)) - before == {"Billing"}  # committed all the same
    # a refused request is answered as it is: nothing was committed to lose
    refused = s.post(f"{base}/api/v2/groups", json={}, timeout=10)
    assert refused.status_code == 400
    assert s.get(f"{base}/api/v2/groups", timeout=10).status_code == 200  # GET not affected


def test_error_before_the_handler_writes_nothing(fresh_sandbox: RunningSandbox) -> None:
    s, base = freshdesk_session(), fresh_sandbox.freshdesk_url
    fresh_sandbox.freshdesk.set_faults(error_rate=1.0, error_status=502)
    assert s.post(f"{base}/api/v2/groups", json={"name": "Billing"}, timeout=10).status_code \
        == 502
    fresh_sandbox.freshdesk.set_faults()
    assert "Billing" not in _groups(fresh_sandbox)
