"""Freshdesk end to end over real HTTP: sandbox ticket → automation rule's trigger_webhook →
receiver (shared-secret header) → store → worker (requests) → ticket tagged in the sandbox;
plus the rules' retries on the sandbox clock, the drop switch and `webhooks install`.
"""

from __future__ import annotations

import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
import uvicorn

from integrations import sandbox
from integrations.events import EventQueue, EventStore, open_store
from integrations.helpdesk.tickets import FreshdeskTickets
from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.freshdesk.app import build, make_emulator
from integrations.settings import Settings, load_settings
from integrations.webhooks import ReceiverConfig, SecretBook, create_app
from integrations.webhooks.install import install
from integrations.worker import LanguageTagger, Worker

from .support import free_port, serve, wait_for_nudges

FR = "Bonjour, je n'arrive plus à me connecter à mon compte depuis hier soir"
FR_REPLY = "Merci, voici mon identifiant de joueur comme demandé, le problème continue"


@dataclass
class Desk:
    emu: Emulator
    url: str
    settings: Settings

    def api(self, method: str, path: str, body: object = None,
            expect: int | None = None) -> requests.Response:
        resp = requests.request(method, f"{self.url}{path}", json=body, timeout=30,
                                auth=(sandbox.FRESHDESK_API_KEY, "X"))
        if expect is None:
            assert resp.status_code < 400, resp.text
        else:
            assert resp.status_code == expect, resp.text
        return resp

    def new_ticket(self, text: str = FR) -> int:
        return int(self.api("POST", "/api/v2/tickets", {
            "subject": "Connexion", "description": text,
            "email": f"lea-{uuid.uuid4().hex[:8]}@example.test"}).json()["id"])

    def reply_as_requester(self, ticket_id: int, text: str = FR_REPLY) -> None:
        requester = self.api("GET", f"/api/v2/tickets/{ticket_id}").json()["requester_id"]
        self.api("POST", f"/api/v2/tickets/{ticket_id}/notes",
                 {"body": text, "private": False, "user_id": requester})

    def tags(self, ticket_id: int) -> list[str]:
        return list(self.api("GET", f"/api/v2/tickets/{ticket_id}").json()["tags"])

    def deliveries(self) -> list[dict[str, Any]]:
        return list(requests.get(f"{self.url}/_sandbox/objects/webhook_deliveries",
                                 timeout=10).json()["objects"])

    def run_due(self) -> int:
        return int(requests.post(f"{self.url}/_sandbox/webhook_delivery/run_due",
                                 timeout=30).json()["delivered"])


@dataclass
class Pipeline:
    desk: Desk
    store: EventStore
    queue: EventQueue
    book: SecretBook
    receiver: str

    def worker(self, name: str = "w") -> Worker:
        wait_for_nudges(self.store, self.queue)
        return Worker(self.store, self.queue, FreshdeskTickets(settings=self.desk.settings),
                      LanguageTagger(("en", "fr", "ko")), name=name, idle_wait=0)


def _settings(url: str) -> Settings:
    return load_settings({"DESKOPS_SANDBOX_FRESHDESK_URL": url, "DESKOPS_TARGET": "freshdesk",
                          "FRESHDESK_DOMAIN": sandbox.FRESHDESK_DOMAIN,
                          "FRESHDESK_API_KEY": sandbox.FRESHDESK_API_KEY}, dotenv=None)


@pytest.fixture
def desk() -> Iterator[Desk]:
    emu = make_emulator()
    with serve(build(emu)) as url:
        yield Desk(emu, url, _settings(url))


def _receiver(tmp_path: Path) -> tuple[EventStore, EventQueue, SecretBook, Any]:
    store = open_store(f"sqlite:///{tmp_path}/e.db")
    queue = EventQueue(f"sqlite:///{tmp_path}/q.db", name=f"f{uuid.uuid4().hex[:8]}")
    book = SecretBook(tmp_path / "secrets.json")
    return store, queue, book, create_app(ReceiverConfig(store=store, queue=queue, secrets=book))


@pytest.fixture
def pipeline(desk: Desk, tmp_path: Path) -> Iterator[Pipeline]:
    store, queue, book, app = _receiver(tmp_path)
    with serve(app) as rx:
        lines = list(install(desk.settings, "freshdesk", rx, book))
        assert [line.split(": ")[-1].split(" (")[0] for line in lines] == [
            "created, stored in " + str(book.path), "created", "created"], lines
        yield Pipeline(desk, store, queue, book, rx)
    queue.close()
    store.close()


def test_ticket_to_tag_end_to_end(pipeline: Pipeline) -> None:
    ticket_id = pipeline.desk.new_ticket()
    [delivery] = pipeline.desk.deliveries()
    assert delivery["status"] == 202 and delivery["ticket_id"] == ticket_id
    [event] = pipeline.store.find()
    assert (event.source, event.kind, event.ticket_id) == ("freshdesk", "ticket_created",
                                                           ticket_id)
    assert pipeline.worker().run(until_idle=True) == 1
    assert pipeline.desk.tags(ticket_id) == ["lang_fr"]
    done = pipeline.store.get(event.id)
    assert done is not None and done.status == "done" and done.decision == "tagged"
    # deskops's own update is made by an agent: the requester-only rule stays silent
    assert len(pipeline.desk.deliveries()) == 1


def test_requester_reply_fires_the_update_rule_once_in_effect(pipeline: Pipeline) -> None:
    ticket_id = pipeline.desk.new_ticket()
    pipeline.worker().run(until_idle=True)
    writes = pipeline.desk.emu.log.mark()
    pipeline.desk.reply_as_requester(ticket_id)
    assert [d["status"] for d in pipeline.desk.deliveries()] == [202, 202]
    assert pipeline.worker().run(until_idle=True) == 1
    latest = pipeline.store.find(limit=1)[0]
    assert latest.kind == "ticket_updated" and latest.decision == "unchanged"
    assert pipeline.desk.tags(ticket_id) == ["lang_fr"]
    # server-side count: the note was the only write since the mark (no tag write again)
    assert [e.path for e in pipeline.desk.emu.log.writes(since=writes)] == [
        f"/api/v2/tickets/{ticket_id}/notes"]


def test_an_agent_note_does_not_fire_the_requester_rule(pipeline: Pipeline) -> None:
    ticket_id = pipeline.desk.new_ticket()
    pipeline.desk.api("POST", f"/api/v2/tickets/{ticket_id}/notes", {"body": "internal"})
    pipeline.desk.api("PUT", f"/api/v2/tickets/{ticket_id}", {"priority": 3})
    assert len(pipeline.desk.deliveries()) == 1


def test_duplicated_deliveries_make_one_change(pipeline: Pipeline) -> None:
    requests.put(f"{pipeline.desk.url}/_sandbox/webhook_delivery", json={"duplicates": 1},
                 timeout=10)
    ticket_id = pipeline.desk.new_ticket()
    assert [d["status"] for d in pipeline.desk.deliveries()] == [202, 202]
    mark = pipeline.desk.emu.log.mark()
    pipeline.worker().run(until_idle=True)
    assert sorted(e.decision or "" for e in pipeline.store.find()) in (
        ["tagged"], ["tagged", "unchanged"])
    assert pipeline.desk.tags(ticket_id) == ["lang_fr"]
    assert len(pipeline.desk.emu.log.writes(f"/api/v2/tickets/{ticket_id}", since=mark)) == 1


def test_dropped_deliveries_are_recovered_by_sweep(pipeline: Pipeline) -> None:
    from integrations.worker.sweep import sweep

    requests.put(f"{pipeline.desk.url}/_sandbox/webhook_delivery", json={"drop": True},
                 timeout=10)
    ticket_id = pipeline.desk.new_ticket()
    assert [d["status"] for d in pipeline.desk.deliveries()] == ["dropped"]
    assert pipeline.store.find() == []
    with FreshdeskTickets(settings=pipeline.desk.settings) as desk:
        report = sweep(pipeline.store, pipeline.queue, desk,
                       datetime.now(UTC) - timedelta(hours=1))
    assert report.enqueued == [ticket_id]
    pipeline.worker().run(until_idle=True)
    assert pipeline.desk.tags(ticket_id) == ["lang_fr"]


def test_reinstall_changes_nothing_and_never_prints_the_secret(pipeline: Pipeline) -> None:
    lines = list(install(pipeline.desk.settings, "freshdesk", pipeline.receiver, pipeline.book))
    assert len(lines) == 2 and all(line.endswith("up to date") for line in lines), lines
    secret = pipeline.book.current_freshdesk()
    assert secret and not any(secret in line for line in lines)
    # moving the receiver updates both rules in place
    moved = list(install(pipeline.desk.settings, "freshdesk", "http://elsewhere.test",
                         pipeline.book))
    assert all("updated (http://elsewhere.test/webhooks/freshdesk)" in m for m in moved)
    rules = [r for kind in (1, 4) for r in pipeline.desk.api(
        "GET", f"/api/v2/automations/{kind}/rules").json()["rules"]]
    assert len(rules) == 2


@contextmanager
def _serve_on(app: Any, port: int) -> Iterator[str]:
    """Like `support.serve`, on a port chosen before the server exists (a receiver that
    comes back up where the rules already point)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False,
                                           lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        assert thread.is_alive(), "uvicorn did not start"
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


def test_failed_delivery_is_retried_at_5_30_60_minutes(desk: Desk, tmp_path: Path) -> None:
    store, queue, book, app = _receiver(tmp_path)
    port = free_port()  # nothing listens there yet: the receiver is down
    list(install(desk.settings, "freshdesk", f"http://127.0.0.1:{port}", book))
    desk.emu.clock.freeze()
    ticket_id = desk.new_ticket()
    [first] = desk.deliveries()
    assert first["attempt"] == 1 and first["status"] == "ConnectionError"
    desk.emu.clock.advance(299)
    assert desk.run_due() == 0
    desk.emu.clock.advance(1)  # +5 min: still down
    assert desk.run_due() == 1
    desk.emu.clock.advance(25 * 60)  # +30 min: the receiver is back
    with _serve_on(app, port):
        assert desk.run_due() == 1
    assert [(d["attempt"], d["status"]) for d in desk.deliveries()] == [
        (1, "ConnectionError"), (2, "ConnectionError"), (3, 202)]
    [event] = store.find()
    assert event.ticket_id == ticket_id and event.source == "freshdesk"
    desk.emu.clock.advance(3600)
    assert desk.run_due() == 0  # delivered: nothing left to retry
    queue.close()
    store.close()


def test_delivery_is_given_up_after_the_last_retry(desk: Desk, tmp_path: Path) -> None:
    book = SecretBook(tmp_path / "secrets.json")
    list(install(desk.settings, "freshdesk", f"http://127.0.0.1:{free_port()}", book))
    desk.emu.clock.freeze()
    desk.new_ticket()
    for minutes in (5, 25, 30):
        desk.emu.clock.advance(minutes * 60)
        assert desk.run_due() == 1
    desk.emu.clock.advance(24 * 3600)
    assert desk.run_due() == 0
    statuses = [d["status"] for d in desk.deliveries()]
    assert statuses == ["ConnectionError"] * 4 + ["given_up"]


def test_wrong_secret_is_refused_and_retried(pipeline: Pipeline) -> None:
    pipeline.book.rotate_freshdesk()
    pipeline.book.rotate_freshdesk()  # the rules' secret is now two rotations old
    pipeline.desk.new_ticket()
    assert [d["status"] for d in pipeline.desk.deliveries()] == [401]
    assert pipeline.store.find() == []
    lines = list(install(pipeline.desk.settings, "freshdesk", pipeline.receiver,
                         pipeline.book))
    assert all(line.endswith(f"updated ({pipeline.receiver}/webhooks/freshdesk)")
               for line in lines), lines
    pipeline.desk.emu.clock.advance(300)
    assert pipeline.desk.run_due() == 1
    assert [d["status"] for d in pipeline.desk.deliveries()] == [401, 202]
    assert len(pipeline.store.find()) == 1


def test_rule_validation_speaks_freshdesk(desk: Desk) -> None:
    body = {"name": "x", "conditions": [], "performer": {"type": 2},
            "actions": [{"field_name": "trigger_webhook", "request_type": "FETCH",
                         "url": "ftp://x", "content": {"content_type": "JSON",
                                                       "content_layout": "2",
                                                       "content": "{}"}}]}
    resp = desk.api("POST", "/api/v2/automations/1/rules", body, expect=400)
    fields = sorted(e["field"] for e in resp.json()["errors"])
    assert fields == ["actions[0].request_type", "actions[0].url", "performer"]
    desk.api("GET", "/api/v2/automations/2/rules", expect=404)
    desk.api("POST", "/api/v2/automations/4/rules", {"name": "no actions"}, expect=400)
