"""The receiver health counts (`deskops report`'s table) over a real uvicorn socket.

The receiver app counts its own webhook answers (`Receiver.count_answers_with`); any other
app is counted by `ReceiverHealth`'s wrapper of ``send``. Both must give the same rows.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from integrations.events import EventStore, open_store
from integrations.webhooks import ReceiverConfig, SecretBook, create_app
from integrations.webhooks.app import FRESHDESK_SECRET_HEADER
from integrations.webhooks.health import ReceiverHealth

from .support import serve, zendesk_headers

SECRET = "aGVhbHRoLWNvdW50cy1zZWNyZXQ="


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EventStore]:
    store = open_store(f"sqlite:///{tmp_path}/events.db")
    yield store
    store.close()


def _counts(health: ReceiverHealth) -> Counter[tuple[str, int, str]]:
    """The counts kept in memory, without the hour."""
    found: Counter[tuple[str, int, str]] = Counter()
    for (_hour, source, status, reason), count in health._counts.items():
        found[source, status, reason] += count
    return found


def _deliveries(url: str) -> None:
    """One of each answer a helpdesk can meet under /webhooks/."""
    good = json.dumps({"event": "ticket_created", "ticket_id": 9,
                       "updated_at": "2024-05-01T10:00:00Z"}).encode()
    assert requests.post(f"{url}/webhooks/zendesk", data=good, timeout=10,
                         headers=zendesk_headers(SECRET, good)).status_code == 202
    assert requests.post(f"{url}/webhooks/zendesk", data=good, timeout=10,
                         headers=zendesk_headers("wrong", good)).status_code == 401
    assert requests.post(f"{url}/webhooks/freshdesk", data=b"{", timeout=10, headers={
        "Content-Type": "application/json", FRESHDESK_SECRET_HEADER: "fd"}).status_code == 400
    assert requests.get(f"{url}/webhooks/zendesk", timeout=10).status_code == 405
    assert requests.post(f"{url}/webhooks/other", data=good, timeout=10).status_code == 404
    assert requests.get(f"{url}/healthz", timeout=10).status_code == 200  # not counted


EXPECTED = Counter({("zendesk", 202, "stored"): 1, ("zendesk", 401, "signature or secret"): 1,
                    ("freshdesk", 400, "bad body"): 1, ("zendesk", 405, "wrong method"): 1,
                    ("other", 404, "unknown path"): 1})


def test_the_receiver_counts_its_own_answers(tmp_path: Path, store: EventStore) -> None:
    book = SecretBook(tmp_path / "secrets.json")
    book.set_zendesk("wh-1", SECRET)
    book.rotate_freshdesk("fd")
    app = create_app(ReceiverConfig(store=store, queue=None, secrets=book))
    health = ReceiverHealth(app, store)
    assert health._app_counts  # the hot path: no wrapper around each send
    with serve(health) as url:
        _deliveries(url)
    assert _counts(health) == EXPECTED
    health.flush()  # and they reach the store's table as before
    assert not health._counts


def test_any_other_app_is_counted_by_the_wrapper(store: EventStore) -> None:
    """The same answers from a plain Starlette app: counted through ``send``."""

    async def accept(request: Request) -> Response:
        if request.url.path.endswith("zendesk"):
            wrong = request.headers.get("X-Zendesk-Webhook-Signature") != "ok"
            return JSONResponse({}, status_code=401 if wrong else 202)
        return JSONResponse({}, status_code=400)

    async def ok(request: Request) -> Response:
        return JSONResponse({})

    plain: Any = Starlette(routes=[
        Route("/webhooks/zendesk", accept, methods=["POST"]),
        Route("/webhooks/freshdesk", accept, methods=["POST"]),
        Route("/healthz", ok)])
    health = ReceiverHealth(plain, store)
    assert not health._app_counts
    with serve(health) as url:
        for signature in ("ok", "no"):
            requests.post(f"{url}/webhooks/zendesk", timeout=10,
                          headers={"X-Zendesk-Webhook-Signature": signature})
        requests.post(f"{url}/webhooks/freshdesk", data=b"{", timeout=10)
        assert requests.get(f"{url}/webhooks/zendesk", timeout=10).status_code == 405
        assert requests.post(f"{url}/webhooks/other", timeout=10).status_code == 404
        requests.get(f"{url}/healthz", timeout=10)
    assert _counts(health) == EXPECTED
