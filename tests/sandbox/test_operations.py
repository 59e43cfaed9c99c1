"""Operations and status codes as the services answer them: testing a webhook (a real call
to its endpoint, signed), the search export's cursor pages, users by id list, deletes."""

from __future__ import annotations

import base64
import hashlib
import hmac
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import pytest

from integrations.sandbox.server import RunningSandbox

from .support import freshdesk_session, zendesk_session

#: The secret Zendesk documents for signing a test call of a webhook not created yet.
TEST_SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ=="


@pytest.fixture
def receiver() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """A local endpoint on a free port that records each call and answers 202 "seen"."""
    calls: list[dict[str, Any]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            calls.append({"headers": dict(self.headers), "body": body, "path": self.path})
            self.send_response(202)
            self.send_header("X-Seen", "1")
            self.end_headers()
            self.wfile.write(b"seen")

        def log_message(self, *args: Any) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/hook", calls
    finally:
        server.shutdown()
        server.server_close()


def _signed(secret: str, call: dict[str, Any]) -> bool:
    stamp = call["headers"]["X-Zendesk-Webhook-Signature-Timestamp"]
    mac = hmac.new(secret.encode(), stamp.encode() + call["body"], hashlib.sha256).digest()
    return bool(call["headers"]["X-Zendesk-Webhook-Signature"] == base64.b64encode(mac).decode())


def test_webhook_test_calls_the_endpoint_and_answers_what_it_said(
        fresh_sandbox: RunningSandbox, receiver: tuple[str, list[dict[str, Any]]]) -> None:
    s, base = zendesk_session(), fresh_sandbox.zendesk_url
    url, calls = receiver
    r = s.post(f"{base}/api/v2/webhooks/test", json={"request": {
        "endpoint": url, "http_method": "POST", "request_format": "json",
        "headers": [{"key": "X-Extra", "value": "1"}], "payload": {"hello": "world"}}})
    assert r.status_code == 200, r.text
    answer = r.json()["response"]
    assert answer["status"] == 202 and answer["body"] == "seen"
    assert {"key": "X-Seen", "value": "1"} in answer["headers"]
    assert calls[0]["body"] == b'{"hello": "world"}' and calls[0]["headers"]["X-Extra"] == "1"
    assert _signed(TEST_SECRET, calls[0])
    hook = s.post(f"{base}/api/v2/webhooks", json={"webhook": {
        "name": "deskops", "endpoint": url}}).json()["webhook"]
    secret = s.get(f"{base}/api/v2/webhooks/{hook['id']}/signing_secret").json()
    r = s.post(f"{base}/api/v2/webhooks/test", params={"webhook_id": hook["id"]}, json={})
    assert r.status_code == 200 and r.json()["response"]["status"] == 202
    assert calls[1]["headers"]["X-Zendesk-Webhook-Id"] == hook["id"]
    assert _signed(secret["signing_secret"]["secret"], calls[1])
    assert s.post(f"{base}/api/v2/webhooks/test", json={"request": {
        "endpoint": "ftp://x"}}).status_code == 422
    assert s.post(f"{base}/api/v2/webhooks/test", params={"webhook_id": "01NOPE"},
                  json={}).status_code == 404


def test_search_export_pages_by_cursor_only(fresh_sandbox: RunningSandbox) -> None:
    s, base = zendesk_session(), fresh_sandbox.zendesk_url
    made = fresh_sandbox.zendesk.seed("tickets", [
        {"subject": f"Crash {i}", "comment": {"body": "crash"}} for i in range(5)])
    url = f"{base}/api/v2/search/export.json"
    page = s.get(url, params={"query": "crash", "filter[type]": "ticket", "page[size]": 2})
    seen: list[int] = []
    while True:
        assert page.status_code == 200, page.text
        body = page.json()
        assert set(body) == {"results", "facets", "meta", "links"}  # no count
        assert body["links"]["prev"] is None
        seen += [t["id"] for t in body["results"]]
        if not body["meta"]["has_more"]:
            break
        page = s.get(body["links"]["next"])
    assert seen == [t["id"] for t in made]
    assert s.get(url, params={"query": "type:ticket crash",
                              "filter[type]": "ticket"}).status_code == 400
    assert s.get(url, params={"query": "crash"}).status_code == 400  # filter[type] required
    assert s.get(url, params={"query": "crash", "filter[type]": "ticket",
                              "page[size]": 1001}).status_code == 400


def test_users_show_many_and_deletes(fresh_sandbox: RunningSandbox) -> None:
    s, base = zendesk_session(), fresh_sandbox.zendesk_url
    a, b = fresh_sandbox.zendesk.seed("users", [{"name": "A"}, {"name": "B"}])
    many = s.get(f"{base}/api/v2/users/show_many.json", params={"ids": f"{a['id']},{b['id']},7"})
    assert [u["name"] for u in many.json()["users"]] == ["A", "B"]
    assert s.get(f"{base}/api/v2/users/show_many.json",
                 params={"ids": "x"}).status_code == 400
    gone = s.delete(f"{base}/api/v2/users/{a['id']}.json")
    assert gone.status_code == 200 and gone.json()["user"]["active"] is False
    assert s.get(f"{base}/api/v2/users/{a['id']}.json").status_code == 404
    (ticket,) = fresh_sandbox.zendesk.seed("tickets", [{"comment": {"body": "x"}}])
    assert s.delete(f"{base}/api/v2/tickets/{ticket['id']}.json").status_code == 204
    assert s.get(f"{base}/api/v2/tickets/{ticket['id']}.json").status_code == 404
    assert s.delete(f"{base}/api/v2/tickets/{ticket['id']}.json").status_code == 404


def test_freshdesk_contact_soft_then_hard_delete(fresh_sandbox: RunningSandbox) -> None:
    s, base = freshdesk_session(), fresh_sandbox.freshdesk_url
    contact = s.post(f"{base}/api/v2/contacts", json={"name": "A", "email": "a@example.org"})
    cid = contact.json()["id"]
    assert s.delete(f"{base}/api/v2/contacts/{cid}/hard_delete").status_code == 400
    assert s.delete(f"{base}/api/v2/contacts/{cid}").status_code == 204
    assert s.get(f"{base}/api/v2/contacts/{cid}").json()["deleted"] is True
    assert s.delete(f"{base}/api/v2/contacts/{cid}").status_code == 404
    assert s.delete(f"{base}/api/v2/contacts/{cid}/hard_delete").status_code == 204
    assert s.get(f"{base}/api/v2/contacts/{cid}").status_code == 404
