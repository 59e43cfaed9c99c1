"""The Zendesk emulator is as strict as Zendesk on OAuth scopes (issue 17, finding 16): only
documented resource scopes exist, and ticket fields need the broad ``write``."""

from __future__ import annotations

import requests

from integrations.sandbox import OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET
from integrations.sandbox.server import RunningSandbox
from integrations.sandbox.zendesk.oauth import issue_token


def _token(base: str, scope: str) -> requests.Response:
    return requests.post(f"{base}/oauth/tokens", timeout=10, json={
        "grant_type": "client_credentials", "client_id": OAUTH_CLIENT_ID,
        "client_secret": OAUTH_CLIENT_SECRET, "scope": scope})


def test_only_documented_scopes_and_fields_need_write(fresh_sandbox: RunningSandbox) -> None:
    base = fresh_sandbox.zendesk_url
    old = _token(base, "read ticket_fields:write")  # the scope doctor used to ask for
    assert old.status_code == 400 and old.json()["error"] == "invalid_scope"
    assert _token(base, "read write").status_code == 200
    issue_token(fresh_sandbox.zendesk, ["read", "tickets:write"], None, "tok-tickets")
    issue_token(fresh_sandbox.zendesk, ["read", "write"], None, "tok-write")
    field = {"ticket_field": {"type": "text", "title": "Order"}}

    def post(token: str) -> int:
        return requests.post(f"{base}/api/v2/ticket_fields.json", json=field, timeout=10,
                             headers={"Authorization": f"Bearer {token}"}).status_code

    assert post("tok-tickets") == 403  # tickets:write does not cover ticket fields
    assert post("tok-write") == 201
    ticket = requests.post(f"{base}/api/v2/tickets.json", timeout=10,
                           headers={"Authorization": "Bearer tok-tickets"},
                           json={"ticket": {"subject": "s", "comment": {"body": "b"}}})
    assert ticket.status_code == 201
