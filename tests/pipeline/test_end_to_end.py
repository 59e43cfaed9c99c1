"""End to end over real HTTP: sandbox ticket → signed webhook → receiver → store → worker →
ticket updated in the sandbox (through zenpy), on SQLite and on PostgreSQL + Redis.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from integrations import sandbox
from integrations.events import EventQueue, EventStore, open_store
from integrations.helpdesk.tickets import ZendeskTickets
from integrations.sandbox.zendesk.app import build, make_emulator
from integrations.settings import Settings, load_settings
from integrations.webhooks import ReceiverConfig, SecretBook, create_app
from integrations.webhooks.install import install
from integrations.worker import LanguageTagger, Worker

from .support import serve, wait_for_nudges

FR = "Bonjour, je n'arrive plus à me connecter à mon compte depuis hier soir"
FR_REPLY = "Merci, voici mon identifiant de joueur comme demandé, le problème continue"


@dataclass
class Pipeline:
    desk_url: str
    settings: Settings
    store: EventStore
    queue: EventQueue
    book: SecretBook

    @property
    def auth(self) -> tuple[str, str]:
        return (f"{sandbox.ADMIN_EMAIL}/token", sandbox.API_TOKEN)

    def api(self, method: str, path: str, body: object = None) -> requests.Response:
        resp = requests.request(method, f"{self.desk_url}{path}", json=body, auth=self.auth,
                                timeout=30)
        assert resp.status_code < 400, resp.text
        return resp

    def new_ticket(self, text: str) -> int:
        user = self.api("POST", "/api/v2/users.json",
                        {"user": {"name": "Léa", "locale": "fr"}}).json()["user"]
        return int(self.api("POST", "/api/v2/tickets.json", {"ticket": {
            "subject": "Connexion", "comment": {"body": text},
            "requester_id": user["id"]}}).json()["ticket"]["id"])

    def tags(self, ticket_id: int) -> list[str]:
        return list(self.api("GET", f"/api/v2/tickets/{ticket_id}.json").json()["ticket"]["tags"])

    def deliveries(self) -> list[dict[str, object]]:
        return list(requests.get(f"{self.desk_url}/_sandbox/objects/webhook_deliveries",
                                 timeout=10).json().get("objects", []))

    def worker(self, name: str = "w") -> Worker:
        wait_for_nudges(self.store, self.queue)
        return Worker(self.store, self.queue, ZendeskTickets(settings=self.settings),
                      LanguageTagger(("en", "fr", "ko")), name=name, idle_wait=0)


@pytest.fixture(params=["sqlite", "postgresql+redis"])
def pipeline(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Pipeline]:
    if request.param == "sqlite":
        store_url, queue_url = f"sqlite:///{tmp_path}/e.db", f"sqlite:///{tmp_path}/q.db"
    else:
        store_url = request.getfixturevalue("postgres_url")
        queue_url = request.getfixturevalue("redis_url")
    store = open_store(store_url)
    queue = EventQueue(queue_url, name=f"e{uuid.uuid4().hex[:10]}", read_timeout=0.05)
    book = SecretBook(tmp_path / "secrets.json")
    emu = make_emulator()
    with serve(build(emu)) as desk_url, \
            serve(create_app(ReceiverConfig(store=store, queue=queue, secrets=book))) as rx:
        settings = load_settings({
            "DESKOPS_SANDBOX_ZENDESK_URL": desk_url, "ZENDESK_SUBDOMAIN": sandbox.SUBDOMAIN,
            "ZENDESK_EMAIL": sandbox.ADMIN_EMAIL, "ZENDESK_API_TOKEN": sandbox.API_TOKEN,
        }, dotenv=None)
        lines = list(install(settings, "zendesk", rx, book))
        assert any("created" in line for line in lines), lines
        yield Pipeline(desk_url, settings, store, queue, book)
    queue.flush()
    queue.close()
    store.close()


def test_ticket_to_tag_end_to_end(pipeline: Pipeline) -> None:
    ticket_id = pipeline.new_ticket(FR)
    [delivery] = pipeline.deliveries()
    assert delivery["status"] == 202
    [event] = pipeline.store.find()
    assert event.ticket_id == ticket_id and event.kind == "ticket_created"
    assert pipeline.worker().run(until_idle=True) == 1
    assert pipeline.tags(ticket_id) == ["lang_fr"]
    done = pipeline.store.get(event.id)
    assert done is not None and done.status == "done" and done.reason == "lang_fr (detector)"
    # deskops's own tag update (as an agent) does not fire the requester trigger again
    assert len(pipeline.deliveries()) == 1


def test_requester_reply_fires_update_and_changes_nothing_twice(pipeline: Pipeline) -> None:
    ticket_id = pipeline.new_ticket(FR)
    pipeline.worker().run(until_idle=True)
    pipeline.api("PUT", f"/api/v2/requests/{ticket_id}.json",
                 {"request": {"comment": {"body": FR_REPLY}}})
    assert len(pipeline.deliveries()) == 2
    assert pipeline.worker().run(until_idle=True) == 1
    latest = pipeline.store.find(limit=1)[0]
    assert latest.kind == "ticket_updated" and latest.decision == "unchanged"
    assert pipeline.tags(ticket_id) == ["lang_fr"]


def test_duplicate_deliveries_make_one_event(pipeline: Pipeline) -> None:
    requests.put(f"{pipeline.desk_url}/_sandbox/webhook_delivery", json={"duplicates": 2},
                 timeout=10)
    ticket_id = pipeline.new_ticket(FR)
    assert [d["status"] for d in pipeline.deliveries()] == [202, 202, 202]
    assert len(pipeline.store.find()) == 1
    pipeline.worker().run(until_idle=True)
    assert pipeline.tags(ticket_id) == ["lang_fr"]


def test_reinstall_changes_nothing_and_rotation_keeps_working(pipeline: Pipeline) -> None:
    lines = list(install(pipeline.settings, "zendesk", "http://unused", pipeline.book))
    assert lines[0].endswith("updated (http://unused/webhooks/zendesk)")
    [hook_id] = pipeline.book._load()["zendesk"]
    assert not hook_id.isdigit()  # keyed by Zendesk's string id (ULID-like), as delivered
    old = pipeline.book.zendesk(hook_id)
    requests.post(f"{pipeline.desk_url}/api/v2/webhooks/{hook_id}/signing_secret",
                  auth=pipeline.auth, timeout=10)
    list(install(pipeline.settings, "zendesk", "http://unused", pipeline.book))
    new = pipeline.book.zendesk(hook_id)
    assert new[1:] == old[:1] and new[0] != old[0]


def test_dropped_deliveries_are_recovered_by_sweep(pipeline: Pipeline) -> None:
    from datetime import UTC, datetime, timedelta

    from integrations.worker.sweep import sweep

    requests.put(f"{pipeline.desk_url}/_sandbox/webhook_delivery", json={"drop": True},
                 timeout=10)
    ticket_id = pipeline.new_ticket(FR)
    assert pipeline.store.find() == []
    since = datetime.now(UTC) - timedelta(hours=1)
    with ZendeskTickets(settings=pipeline.settings) as desk:
        report = sweep(pipeline.store, pipeline.queue, desk, since)
        assert report.enqueued == [ticket_id]
        pipeline.worker().run(until_idle=True)
        assert pipeline.tags(ticket_id) == ["lang_fr"]
        # our own tag write is a new ticket state: seen once, changes nothing
        follow_up = sweep(pipeline.store, pipeline.queue, desk, since)
        pipeline.worker().run(until_idle=True)
        again = sweep(pipeline.store, pipeline.queue, desk, since)
    assert len(follow_up.enqueued) <= 1 and again.enqueued == [] and again.done == 1
    assert all(e.decision in ("tagged", "unchanged") for e in pipeline.store.find())
    assert pipeline.tags(ticket_id) == ["lang_fr"]


def test_kill_9_worker_mid_event_loses_nothing(pipeline: Pipeline, tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    requests.put(f"{pipeline.desk_url}/_sandbox/faults", timeout=10,
                 json={"latency": 3.0, "path_prefix": "/api/v2/tickets"})
    ticket_id = pipeline.new_ticket(FR)
    [event] = pipeline.store.find()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DESKOPS_DATABASE_URL": _url_of(pipeline.store, tmp_path),
        "DESKOPS_QUEUE_URL": pipeline.queue.url, "DESKOPS_QUEUE_NAME": pipeline.queue.name,
        "DESKOPS_LEASE_SECONDS": "1", "DESKOPS_SANDBOX_ZENDESK_URL": pipeline.desk_url,
        "ZENDESK_SUBDOMAIN": sandbox.SUBDOMAIN, "ZENDESK_EMAIL": sandbox.ADMIN_EMAIL,
        "ZENDESK_API_TOKEN": sandbox.API_TOKEN,
    }
    proc = subprocess.Popen([sys.executable, "-c", "import sys; from integrations.cli.main "
                             "import main; sys.exit(main(['worker']))"], env=env, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 30
        while (rec := pipeline.store.get(event.id)) is not None and rec.status != "processing":
            assert proc.poll() is None and time.monotonic() < deadline, "worker never claimed"
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)  # mid-event: the ticket read is still in flight
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    requests.delete(f"{pipeline.desk_url}/_sandbox/faults", timeout=10)
    assert pipeline.tags(ticket_id) == []
    survivor = pipeline.worker("survivor")
    deadline = time.monotonic() + 30
    while (rec := pipeline.store.get(event.id)) is not None and rec.status != "done":
        assert time.monotonic() < deadline, f"event never finished: {rec}"
        survivor.run(until_idle=True)
        time.sleep(0.1)
    assert rec is not None and rec.worker == "survivor" and rec.attempts == 2
    assert pipeline.tags(ticket_id) == ["lang_fr"]


def _url_of(store: EventStore, tmp_path: Path) -> str:
    from integrations.events.postgres import PostgresEventStore
    from integrations.events.sqlite import SqliteEventStore

    if isinstance(store, SqliteEventStore):
        return f"sqlite:///{store.path}"
    assert isinstance(store, PostgresEventStore)
    return store.url
