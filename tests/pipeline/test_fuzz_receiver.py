"""Fuzz the receiver from its own published ``/openapi.json`` (issue 5: "never a 500 for
anything a client can send"), then throw hand-written hostile requests at it.

The receiver runs on a real uvicorn socket. schemathesis reads the description over HTTP
and generates, per operation, a fixed number of valid and invalid requests from a fixed
seed (deterministic, a few seconds). Each POST is sent twice: as generated (so the
authentication layer is fuzzed) and re-signed with the right secret (so the body parser
and the event store are reached too, not stopped at 401).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, seed, settings
from schemathesis import Case, GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    positive_data_acceptance,
    response_schema_conformance,
    status_code_conformance,
)

from integrations.events import EventQueue, EventStore, open_store
from integrations.webhooks import ReceiverConfig, SecretBook, create_app
from integrations.webhooks.app import FRESHDESK_SECRET_HEADER

from .support import serve

SECRET = "fuzz-signing-secret"
FD_SECRET = "fuzz-freshdesk-secret"
WEBHOOK_ID = "wh-fuzz"
MAX_BODY = 8192
EXAMPLES = 30  # per operation and generation mode: the fuzz test stays well under 30 s
SEED = 20240501
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance, positive_data_acceptance]


def _sign(body: bytes, stamp: str | None = None) -> dict[str, str]:
    """Zendesk's signature, written here from its documentation (not the receiver's code)."""
    stamp = stamp or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    mac = hmac.new(SECRET.encode(), stamp.encode() + body, hashlib.sha256).digest()
    return {"X-Zendesk-Webhook-Id": WEBHOOK_ID,
            "X-Zendesk-Webhook-Signature": base64.b64encode(mac).decode(),
            "X-Zendesk-Webhook-Signature-Timestamp": stamp}


class SigningSession(requests.Session):
    """Adds valid credentials to each request just before it leaves, over its final bytes."""

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        body = request.body or b""
        raw = body.encode() if isinstance(body, str) else body
        if (request.url or "").endswith("/webhooks/zendesk"):
            request.headers.update(_sign(raw))
        else:
            request.headers[FRESHDESK_SECRET_HEADER] = FD_SECRET
        return super().send(request, **kwargs)


class Receiver:
    def __init__(self, url: str, store: EventStore) -> None:
        self.url, self.store = url, store

    def post(self, path: str, data: bytes, headers: dict[str, str]) -> requests.Response:
        return requests.post(f"{self.url}{path}", data=data, headers=headers, timeout=10)

    def alive(self) -> bool:
        """Still serving: health answers and a good signed delivery is stored."""
        body = json.dumps({"event": "ticket_created", "ticket_id": 7,
                           "updated_at": datetime.now(UTC).isoformat()}).encode()
        ok = self.post("/webhooks/zendesk", body,
                       {"Content-Type": "application/json", **_sign(body)})
        health = requests.get(f"{self.url}/healthz", timeout=10)
        return ok.status_code == 202 and health.status_code == 200


@pytest.fixture
def receiver(tmp_path: Path) -> Iterator[Receiver]:
    store = open_store(f"sqlite:///{tmp_path}/events.db")
    queue = EventQueue(f"sqlite:///{tmp_path}/queue.db")
    book = SecretBook(tmp_path / "secrets.json")
    book.set_zendesk(WEBHOOK_ID, SECRET)
    book.rotate_freshdesk(FD_SECRET)
    config = ReceiverConfig(store=store, queue=queue, secrets=book, max_body=MAX_BODY)
    with serve(create_app(config)) as url:
        yield Receiver(url, store)
    store.close()


def _fuzz(op: Any, mode: GenerationMode, url: str, session: requests.Session | None,
          seen: set[int]) -> None:
    """``EXAMPLES`` cases of ``op`` in ``mode`` from ``SEED`` (no example database), each
    sent (through ``session`` when given) and judged by `CHECKS`; statuses go to ``seen``."""

    def one(case: Case[Any]) -> None:
        response = case.call(base_url=url, timeout=10, session=session)
        seen.add(response.status_code)
        case.validate_response(response, checks=CHECKS)

    test = given(case=op.as_strategy(mode))(one)
    seed(SEED)(settings(max_examples=EXAMPLES, database=None, deadline=None,
                        suppress_health_check=list(HealthCheck))(test))()


def test_openapi_description_is_fuzzable(receiver: Receiver) -> None:
    """Every POST declares its body schema and headers: generation reaches past the door."""
    doc = requests.get(f"{receiver.url}/openapi.json", timeout=10).json()
    for path in ("/webhooks/zendesk", "/webhooks/freshdesk"):
        post = doc["paths"][path]["post"]
        assert post["requestBody"]["content"]["application/json"]["schema"]["oneOf"]
        assert {"202", "400", "401", "413", "415", "503"} <= set(post["responses"])
        assert post["parameters"]


def test_fuzz_from_published_openapi(receiver: Receiver) -> None:
    schema = schemathesis.openapi.from_url(f"{receiver.url}/openapi.json")
    seen: dict[str, set[int]] = {}
    results = list(schema.get_all_operations())
    operations = [r.ok() for r in results if isinstance(r, Ok)]
    assert len(operations) == len(results), "the published description does not load"

    assert {op.label for op in operations} >= {"POST /webhooks/zendesk",
                                               "POST /webhooks/freshdesk", "GET /healthz"}
    for op in operations:
        posts = op.method == "post"
        for mode in [GenerationMode.POSITIVE, GenerationMode.NEGATIVE][:2 if posts else 1]:
            _fuzz(op, mode, receiver.url, None, seen.setdefault(f"{op.label} {mode.value}",
                                                                set()))
            if posts:
                _fuzz(op, mode, receiver.url, SigningSession(),
                      seen.setdefault(f"{op.label} {mode.value} signed", set()))
    assert all(code < 500 for codes in seen.values() for code in codes), seen
    # the fuzzing went past authentication into parsing and storing
    assert 202 in seen["POST /webhooks/zendesk positive signed"], seen
    assert 400 in seen["POST /webhooks/freshdesk negative signed"], seen
    assert seen["POST /webhooks/zendesk positive"] == {401}, seen
    assert receiver.alive()


def _fd(body: bytes, content_type: str = "application/json") -> dict[str, str]:
    return {"Content-Type": content_type, FRESHDESK_SECRET_HEADER: FD_SECRET}


HOSTILE: list[tuple[str, str, bytes, Callable[[bytes], dict[str, str]], int]] = [
    ("truncated JSON", "/webhooks/zendesk", b'{"ticket_id": 4', lambda b: {
        "Content-Type": "application/json", **_sign(b)}, 400),
    ("non-ASCII digits as the id", "/webhooks/zendesk",
     '{"ticket_id": "\u0664\u0662"}'.encode(), lambda b: {
         "Content-Type": "application/json", **_sign(b)}, 400),
    ("wrong content type", "/webhooks/freshdesk", b'{"ticket_id": 4}',
     lambda b: _fd(b, "text/plain"), 415),
    ("form-encoded", "/webhooks/freshdesk", b"ticket_id=4",
     lambda b: _fd(b, "application/x-www-form-urlencoded"), 415),
    ("huge body", "/webhooks/zendesk", b'{"ticket_id": 4, "x": "' + b"a" * (MAX_BODY * 4)
     + b'"}', lambda b: {"Content-Type": "application/json", **_sign(b)}, 413),
    ("bad signature", "/webhooks/zendesk", b'{"ticket_id": 4}', lambda b: {
        "Content-Type": "application/json", **_sign(b + b" ")}, 401),
    ("stale timestamp", "/webhooks/zendesk", b'{"ticket_id": 4}', lambda b: {
        "Content-Type": "application/json",
        **_sign(b, (datetime.now(UTC) - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ"))},
     401),
    ("timestamp not a date", "/webhooks/zendesk", b'{"ticket_id": 4}', lambda b: {
        "Content-Type": "application/json", **_sign(b, "yesterday")}, 401),
    ("far-future offset timestamp", "/webhooks/zendesk", b'{"ticket_id": 4}', lambda b: {
        "Content-Type": "application/json", **_sign(b, "9999-12-31T23:59:59-23:59")}, 401),
    ("missing headers", "/webhooks/zendesk", b'{"ticket_id": 4}',
     lambda b: {"Content-Type": "application/json"}, 401),
    ("unknown webhook id", "/webhooks/zendesk", b'{"ticket_id": 4}', lambda b: {
        "Content-Type": "application/json", **_sign(b), "X-Zendesk-Webhook-Id": "other"}, 401),
    ("no freshdesk secret", "/webhooks/freshdesk", b'{"ticket_id": 4}',
     lambda b: {"Content-Type": "application/json"}, 401),
    ("non-ASCII secret", "/webhooks/freshdesk", b'{"ticket_id": 4}', lambda b: {
        "Content-Type": "application/json",
        FRESHDESK_SECRET_HEADER: "s\u00e9cret".encode().decode("latin-1")}, 401),
    ("basic auth garbage", "/webhooks/freshdesk", b'{"ticket_id": 4}', lambda b: {
        "Content-Type": "application/json", "Authorization": "Basic %%%not-base64"}, 401),
    ("not UTF-8", "/webhooks/freshdesk", b'{"ticket_id": "\xff\xfe"}', _fd, 400),
    ("unicode garbage", "/webhooks/freshdesk",
     '{"event": "ticket_created", "ticket_id": "\u202e\U0001f4a5\u0301\ufeff"}'.encode(),
     _fd, 400),
    ("superscript digit id", "/webhooks/freshdesk", '{"ticket_id": "\u00b2"}'.encode(), _fd,
     400),
    ("lone surrogate", "/webhooks/freshdesk",
     b'{"ticket_id": 4, "updated_at": "\\ud800"}', _fd, 400),
    ("NUL in event", "/webhooks/freshdesk", b'{"ticket_id": 4, "event": "a\\u0000"}', _fd, 400),
    ("5000-digit number", "/webhooks/freshdesk", b'{"ticket_id": ' + b"9" * 5000 + b"}", _fd,
     400),
    ("5000-digit string", "/webhooks/freshdesk", b'{"ticket_id": "' + b"9" * 5000 + b'"}',
     _fd, 400),
    ("deep nesting", "/webhooks/freshdesk", b"[" * 4000 + b"]" * 4000, _fd, 400),
    ("NaN id", "/webhooks/freshdesk", b'{"ticket_id": NaN}', _fd, 400),
    ("array body", "/webhooks/freshdesk", b"[1, 2]", _fd, 400),
    ("empty body", "/webhooks/freshdesk", b"", _fd, 400),
    ("long updated_at", "/webhooks/freshdesk",
     b'{"ticket_id": 4, "updated_at": "' + b"1" * 1000 + b'"}', _fd, 400),
]


@pytest.mark.parametrize(("path", "raw", "headers", "status"),
                         [pytest.param(p, r, h, s, id=name) for name, p, r, h, s in HOSTILE])
def test_hostile_requests_are_refused_cleanly(receiver: Receiver, path: str, raw: bytes,
                                              headers: Callable[[bytes], dict[str, str]],
                                              status: int) -> None:
    before = sum(receiver.store.counts().values())
    response = receiver.post(path, raw, headers(raw))
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert isinstance(error, str) and "\n" not in error and len(error) < 300
    assert SECRET not in response.text and FD_SECRET not in response.text
    assert sum(receiver.store.counts().values()) == before  # nothing stored
    assert receiver.alive()
