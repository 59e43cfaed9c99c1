"""The receiver over a real uvicorn socket: every rejection, the ack contract, observability."""

from __future__ import annotations

import base64
import json
import random
import socket
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

import pytest
import requests

from integrations.events import EventQueue, EventStore, open_store
from integrations.webhooks import ReceiverConfig, SecretBook, create_app
from integrations.webhooks.app import FRESHDESK_SECRET_HEADER

from .support import serve, zendesk_headers

SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3RpbmdfcHVycG9zZXNfb25seQ=="


class Receiver:
    def __init__(self, url: str, store: EventStore, queue: EventQueue, book: SecretBook) -> None:
        self.url, self.store, self.queue, self.book = url, store, queue, book

    def post_zendesk(self, body: bytes, **kw: str) -> requests.Response:
        return requests.post(f"{self.url}/webhooks/zendesk", data=body,
                             headers=zendesk_headers(SECRET, body, **kw), timeout=10)

    def stored(self) -> int:
        return sum(self.store.counts().values())

    def nudges(self, expected: int) -> int:
        """Queue size once ``expected`` nudges arrived (they follow the commit on the
        writer's nudging thread, so they may land just after the 202), or after 5 s."""
        deadline = time.monotonic() + 5
        while self.queue.size() < expected and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.05)  # room for an unexpected extra nudge to show
        return self.queue.size()


@pytest.fixture
def receiver(tmp_path: Path) -> Iterator[Receiver]:
    store = open_store(f"sqlite:///{tmp_path}/events.db")
    queue = EventQueue(f"sqlite:///{tmp_path}/queue.db")
    book = SecretBook(tmp_path / "secrets.json")
    book.set_zendesk("wh-1", SECRET)
    book.rotate_freshdesk("fd-secret")
    config = ReceiverConfig(store=store, queue=queue, secrets=book, max_body=4096)
    with serve(create_app(config)) as url:
        yield Receiver(url, store, queue, book)
    store.close()


def body(ticket: object = 42, updated: str = "2024-05-01T10:00:00Z",
         event: str = "ticket_created") -> bytes:
    return json.dumps({"event": event, "ticket_id": ticket, "updated_at": updated,
                       "requester_id": 7}).encode()


def test_signed_delivery_is_stored_then_queued(receiver: Receiver) -> None:
    resp = receiver.post_zendesk(body(), invocation="inv-1")
    assert resp.status_code == 202, resp.text
    event_id = resp.json()["event_id"]
    assert resp.json()["status"] == "queued"
    rec = receiver.store.get(event_id)
    assert rec is not None and rec.ticket_id == 42 and rec.invocation_id == "inv-1"
    assert rec.ticket_updated_at == "2024-05-01T10:00:00Z" and rec.requester_id == 7
    assert receiver.nudges(1) == 1 and receiver.queue.get() == event_id


def test_known_answer_vector_through_the_socket(tmp_path: Path) -> None:
    """The OpenSSL-computed vector, posted as Zendesk would, with the clock pinned."""
    store = open_store(f"sqlite:///{tmp_path}/events.db")
    book = SecretBook(tmp_path / "s.json")
    book.set_zendesk("wh-kat", SECRET)
    raw = b'{"ticket_id":"42","updated_at":"2024-05-01T11:59:58Z","event":"ticket_created"}'
    config = ReceiverConfig(store=store, queue=None, secrets=book,
                            now=lambda: datetime(2024, 5, 1, 12, 1, tzinfo=UTC))
    with serve(create_app(config)) as url:
        resp = requests.post(f"{url}/webhooks/zendesk", data=raw, timeout=10, headers={
            "Content-Type": "application/json", "X-Zendesk-Webhook-Id": "wh-kat",
            "X-Zendesk-Webhook-Signature": "scYpiw18mW5bjhOWS6ZLJYzoA7T6AhU1CXxT3Jmcxoc=",
            "X-Zendesk-Webhook-Signature-Timestamp": "2024-05-01T12:00:00Z"})
    assert resp.status_code == 202, resp.text
    store.close()


def test_duplicates_are_one_event(receiver: Receiver) -> None:
    first = receiver.post_zendesk(body(), invocation="inv-1").json()
    again = receiver.post_zendesk(body(), invocation="inv-1")
    same_state = receiver.post_zendesk(body(), invocation="inv-2")
    assert again.status_code == same_state.status_code == 202
    assert again.json() == same_state.json() == {"status": "duplicate",
                                                 "event_id": first["event_id"]}
    assert receiver.stored() == 1 and receiver.nudges(1) == 1


@pytest.mark.parametrize(("tamper", "reason"), [
    ({"X-Zendesk-Webhook-Signature": "AAAA"}, "signature does not match"),
    ({"X-Zendesk-Webhook-Signature": ""}, "missing X-Zendesk-Webhook-Signature"),
    ({"X-Zendesk-Webhook-Id": "someone-else"}, "unknown or missing X-Zendesk-Webhook-Id"),
    ({"X-Zendesk-Webhook-Signature-Timestamp": "2020-01-01T00:00:00Z"}, "does not match"),
])
def test_bad_signatures_are_401_and_store_nothing(receiver: Receiver, tamper: dict[str, str],
                                                  reason: str) -> None:
    raw = body()
    headers = {**zendesk_headers(SECRET, raw), **tamper}
    resp = requests.post(f"{receiver.url}/webhooks/zendesk", data=raw, headers=headers,
                         timeout=10)
    assert resp.status_code == 401
    assert reason in resp.json()["error"]
    assert receiver.stored() == 0


def test_stale_timestamp_signed_correctly_is_401(receiver: Receiver) -> None:
    resp = receiver.post_zendesk(body(), timestamp="2020-01-01T00:00:00Z")
    assert resp.status_code == 401 and "stale or replayed" in resp.json()["error"]
    assert receiver.stored() == 0


def test_rotation_old_and_new_secret(receiver: Receiver) -> None:
    receiver.book.set_zendesk("wh-1", "the-new-one")
    raw = body()
    old = requests.post(f"{receiver.url}/webhooks/zendesk", data=raw, timeout=10,
                        headers=zendesk_headers(SECRET, raw))
    raw2 = body(updated="2024-05-01T10:00:01Z")
    new = requests.post(f"{receiver.url}/webhooks/zendesk", data=raw2, timeout=10,
                        headers=zendesk_headers("the-new-one", raw2))
    assert old.status_code == new.status_code == 202
    receiver.book.set_zendesk("wh-1", "third")  # the oldest is dropped
    raw3 = body(updated="2024-05-01T10:00:02Z")
    gone = requests.post(f"{receiver.url}/webhooks/zendesk", data=raw3, timeout=10,
                         headers=zendesk_headers(SECRET, raw3))
    assert gone.status_code == 401


def test_huge_body_is_413(receiver: Receiver) -> None:
    raw = json.dumps({"event": "ticket_created", "ticket_id": 1, "pad": "x" * 5000}).encode()
    assert receiver.post_zendesk(raw).status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit holds while streaming
        for _ in range(10):
            yield b"x" * 1000
    resp = requests.post(f"{receiver.url}/webhooks/zendesk", data=chunks(), timeout=10,
                         headers={"Content-Type": "application/json"})
    assert resp.status_code == 413 and receiver.stored() == 0


@pytest.mark.parametrize(("raw", "reason"), [
    (b'{"event": "ticket_created", "ticket_id": 4', "body is not valid JSON"),
    (b"[1, 2]", "body must be a JSON object"),
    (b'{"event": "ticket_created"}', "missing ticket_id"),
    (b'{"event": "ticket_created", "ticket_id": "abc"}', "ticket_id must be an integer"),
    (b'{"event": "ticket_created", "ticket_id": -3}', "ticket_id is out of range"),
    (b'{"event": "ticket_created", "ticket_id": 3, "updated_at": 5}', "updated_at must be"),
    (b"\xff\xfe", "body is not UTF-8"),
    (b"[" * 100000, "body is not"),
])
def test_bad_bodies_are_400_with_one_line(tmp_path: Path, raw: bytes, reason: str) -> None:
    store = open_store(f"sqlite:///{tmp_path}/events.db")
    book = SecretBook(tmp_path / "s.json")
    book.set_zendesk("wh-1", SECRET)
    with serve(create_app(ReceiverConfig(store=store, queue=None, secrets=book))) as url:
        resp = requests.post(f"{url}/webhooks/zendesk", data=raw, timeout=10,
                             headers=zendesk_headers(SECRET, raw))
    assert resp.status_code == 400, resp.text
    error = resp.json()["error"]
    assert reason in error and "\n" not in error
    assert sum(store.counts().values()) == 0
    store.close()


def test_wrong_content_type_is_415(receiver: Receiver) -> None:
    raw = body()
    headers = {**zendesk_headers(SECRET, raw), "Content-Type": "text/plain"}
    resp = requests.post(f"{receiver.url}/webhooks/zendesk", data=raw, headers=headers,
                         timeout=10)
    assert resp.status_code == 415 and "application/json" in resp.json()["error"]


def test_unknown_event_is_recorded_as_ignored(receiver: Receiver) -> None:
    raw = json.dumps({"type": "zen:event-type:user.created", "id": "evt-9",
                      "detail": {"id": "5"}}).encode()
    resp = receiver.post_zendesk(raw)
    assert resp.status_code == 202 and resp.json()["status"] == "ignored"
    rec = receiver.store.get(resp.json()["event_id"])
    assert rec is not None and rec.status == "ignored" and rec.invocation_id == "evt-9"
    assert rec.reason == "unknown event type 'zen:event-type:user.created'"
    assert receiver.nudges(0) == 0


def test_zendesk_event_subscription_shape(receiver: Receiver) -> None:
    raw = json.dumps({"type": "zen:event-type:ticket.comment_added", "id": "e1",
                      "detail": {"id": "77", "updated_at": "2024-05-01T10:00:00Z",
                                 "requester_id": "9"}}).encode()
    resp = receiver.post_zendesk(raw)
    assert resp.status_code == 202 and resp.json()["status"] == "queued"
    rec = receiver.store.get(resp.json()["event_id"])
    assert rec is not None and rec.ticket_id == 77 and rec.kind == "ticket_updated"
    assert rec.requester_id == 9


def test_store_down_is_503_with_retry_after(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    store = open_store(f"sqlite:///{blocker}/events.db")
    book = SecretBook(tmp_path / "s.json")
    book.set_zendesk("wh-1", SECRET)
    with serve(create_app(ReceiverConfig(store=store, queue=None, secrets=book))) as url:
        raw = body()
        resp = requests.post(f"{url}/webhooks/zendesk", data=raw, timeout=10,
                             headers=zendesk_headers(SECRET, raw))
        ready = requests.get(f"{url}/readyz", timeout=10)
    assert resp.status_code == 503 and resp.headers["Retry-After"] == "5"
    assert ready.status_code == 503 and "store" in ready.json()


def test_queue_down_still_acks_what_is_stored(tmp_path: Path) -> None:
    """Stored is what counts: the store re-sends the nudge once the queue is back."""
    store = open_store(f"sqlite:///{tmp_path}/events.db", grace_seconds=0)
    book = SecretBook(tmp_path / "s.json")
    book.set_zendesk("wh-1", SECRET)
    queue = EventQueue("redis://127.0.0.1:1/0", read_timeout=0.1)
    with serve(create_app(ReceiverConfig(store=store, queue=queue, secrets=book))) as url:
        raw = body()
        resp = requests.post(f"{url}/webhooks/zendesk", data=raw, timeout=10,
                             headers=zendesk_headers(SECRET, raw))
    assert resp.status_code == 202
    assert store.due() == [resp.json()["event_id"]]
    store.close()


def test_freshdesk_secret_header_and_basic_auth(receiver: Receiver) -> None:
    url = f"{receiver.url}/webhooks/freshdesk"
    raw = json.dumps({"freshdesk_webhook": {"ticket_id": 12, "event": "ticket_created"}})
    ok = requests.post(url, data=raw, timeout=10, headers={
        "Content-Type": "application/json", FRESHDESK_SECRET_HEADER: "fd-secret"})
    assert ok.status_code == 202, ok.text
    basic = base64.b64encode(b"deskops:fd-secret").decode()
    raw2 = json.dumps({"event": "ticket_updated", "ticket_id": 13})
    ok2 = requests.post(url, data=raw2, timeout=10, headers={
        "Content-Type": "application/json", "Authorization": f"Basic {basic}"})
    assert ok2.status_code == 202
    bad = requests.post(url, data=raw, timeout=10, headers={
        "Content-Type": "application/json", FRESHDESK_SECRET_HEADER: "guess"})
    assert bad.status_code == 401 and receiver.stored() == 2
    rec = receiver.store.get(ok.json()["event_id"])
    assert rec is not None and rec.source == "freshdesk" and rec.ticket_id == 12


def test_health_ready_metrics_openapi(receiver: Receiver) -> None:
    receiver.post_zendesk(body())
    receiver.post_zendesk(body(), webhook_id="nope")
    assert requests.get(f"{receiver.url}/healthz", timeout=10).json() == {"status": "ok"}
    assert requests.get(f"{receiver.url}/readyz", timeout=10).status_code == 200
    text = requests.get(f"{receiver.url}/metrics", timeout=10).text
    assert 'deskops_webhook_requests_total{source="zendesk",status="202"} 1.0' in text
    assert 'deskops_webhook_requests_total{source="zendesk",status="401"} 1.0' in text
    assert 'deskops_events{status="queued"} 1.0' in text
    assert "deskops_webhook_ack_seconds_bucket" in text
    spec = requests.get(f"{receiver.url}/openapi.json", timeout=10).json()
    assert spec["openapi"].startswith("3.")
    assert {"/webhooks/zendesk", "/webhooks/freshdesk", "/healthz", "/readyz",
            "/metrics"} <= set(spec["paths"])


def test_garbage_never_500_and_service_keeps_serving(receiver: Receiver) -> None:
    rng = random.Random(1234)
    url = f"{receiver.url}/webhooks/zendesk"
    for i in range(60):
        raw = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 300)))
        if i % 3 == 0:
            raw = json.dumps({"event": rng.choice(["ticket_created", "x", None, 5]),
                              "ticket_id": rng.choice([1, "2", None, [], {}, 1.5, True,
                                                       2**70])}).encode()
        signed = zendesk_headers(SECRET, raw, invocation=f"f{i}")
        for headers in (signed, {"Content-Type": rng.choice(["application/json", "x/y", ""])}):
            status = requests.post(url, data=raw, headers=headers, timeout=10).status_code
            assert status in (202, 400, 401, 413, 415), (status, raw)
    # a raw malformed request line, then a real delivery still works
    host = urlparse(receiver.url)
    with socket.create_connection((host.hostname, host.port), timeout=5) as sock:
        sock.sendall(b"POST /webhooks/zendesk HTTP/1.1\r\nContent-Length: zz\r\n\r\n")
        assert sock.recv(100).startswith(b"HTTP/1.1 4")
    assert receiver.post_zendesk(body(ticket=999)).status_code == 202


def test_a_rotation_by_another_process_is_seen_at_once(receiver: Receiver) -> None:
    """The receiver answers from the secrets in memory, but looks at the file again before
    a 401: a secret another process (`deskops webhooks install`) just made current works at
    once, a dropped one stops working within `RECHECK_SECONDS`."""
    from integrations.webhooks.secrets import RECHECK_SECONDS

    assert receiver.post_zendesk(body(1), invocation="r-1").status_code == 202  # in memory
    other = SecretBook(receiver.book.path)  # another process's view of the same file
    fresh = "bmV3LXNlY3JldC1hZnRlci1yb3RhdGlvbg=="
    other.set_zendesk("wh-1", fresh)
    raw = body(2)
    resp = requests.post(f"{receiver.url}/webhooks/zendesk", data=raw, timeout=10,
                         headers=zendesk_headers(fresh, raw, invocation="r-2"))
    assert resp.status_code == 202, resp.text
    other.set_zendesk("wh-1", "dGhpcmQtc2VjcmV0LWRyb3BzLXRoZS1maXJzdA==")  # SECRET dropped
    time.sleep(RECHECK_SECONDS + 0.1)
    refused = receiver.post_zendesk(body(3), invocation="r-3")
    assert refused.status_code == 401 and "does not match" in refused.text
    assert receiver.stored() == 2


def test_freshdesk_secret_rotated_elsewhere_is_seen_at_once(receiver: Receiver) -> None:
    other = SecretBook(receiver.book.path)
    fresh = other.rotate_freshdesk()
    resp = requests.post(f"{receiver.url}/webhooks/freshdesk", data=body(5), timeout=10,
                         headers={"Content-Type": "application/json",
                                  FRESHDESK_SECRET_HEADER: fresh})
    assert resp.status_code == 202, resp.text
    wrong = requests.post(f"{receiver.url}/webhooks/freshdesk", data=body(6), timeout=10,
                          headers={"Content-Type": "application/json",
                                   FRESHDESK_SECRET_HEADER: "not-the-secret"})
    assert wrong.status_code == 401
