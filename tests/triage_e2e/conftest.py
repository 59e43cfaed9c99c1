"""Triage end to end: a real sandbox helpdesk over HTTP, the workspace applied with
``deskops apply``, the real worker (SQLite event store and queue) with `TriageHandler`, and
``deskops chase`` through the CLI. Both targets.

`Harness` plays the requester (tickets, replies through the vendor's own API), the agent
(edits) and the worker, and reads what deskops wrote back. The sandbox clock is frozen at
the start, so a chase timeline is "advance the sandbox clock, run chase at that time".
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests

from integrations.cli.main import App, main
from integrations.events import EventQueue, EventRecord, EventStore, NewEvent, open_store
from integrations.helpdesk.tickets import TicketDesk, connect_tickets
from integrations.model import Ticket
from integrations.plan import LockFile, choice_values, lock_path
from integrations.sandbox import (
    ADMIN_EMAIL,
    API_TOKEN,
    FRESHDESK_API_KEY,
)
from integrations.sandbox.core.emulator import Emulator
from integrations.sandbox.freshdesk import tickets as fd_tickets
from integrations.sandbox.server import RunningSandbox
from integrations.settings import Settings, load_settings
from integrations.worker import Handler, Worker
from integrations.workspace import load

WORKSPACE = Path(__file__).parent / "workspace"
GROUP = "Glyph Accounts"


@dataclass
class Harness:
    target: str
    emu: Emulator
    env: dict[str, str]
    ws: Path
    settings: Settings
    base: str
    http: requests.Session
    lock: LockFile
    store: EventStore
    queue: EventQueue
    group_id: int
    tmp: Path
    store_now: list[float] = field(default_factory=lambda: [1_700_000_000.0])
    field_names: dict[str, str] = field(default_factory=dict)  # key -> Freshdesk cf_ name
    #: remote field id -> option key -> the value a ticket holds (Freshdesk: the title)
    choices: dict[int, dict[str, str]] = field(default_factory=dict)
    desks: list[TicketDesk] = field(default_factory=list)

    # -- the requester -------------------------------------------------------------------
    def user(self, locale: str, email: str | None = None) -> int:
        email = email or f"player-{uuid.uuid4().hex[:8]}@example.org"
        if self.target == "zendesk":
            r = self.http.post(f"{self.base}/api/v2/users.json", json={"user": {
                "name": "Player", "email": email, "locale": locale}})
            r.raise_for_status()
            return int(r.json()["user"]["id"])
        r = self.http.post(f"{self.base}/api/v2/contacts", json={
            "name": "Player", "email": email, "language": locale})
        r.raise_for_status()
        return int(r.json()["id"])

    def create(self, subject: str, body: str, *, locale: str = "en", form: str | None = None,
               fields: dict[str, Any] | None = None) -> int:
        requester = self.user(locale)
        values = fields or {}
        if self.target == "zendesk":
            data: dict[str, Any] = {"subject": subject, "comment": {"body": body},
                                    "requester_id": requester,
                                    "custom_fields": [{"id": self.lock.field_id(k), "value": v}
                                                      for k, v in values.items()]}
            if form:
                data["ticket_form_id"] = self.lock.form_id(form)
            r = self.http.post(f"{self.base}/api/v2/tickets.json", json={"ticket": data})
            r.raise_for_status()
            return int(r.json()["ticket"]["id"])
        data = {"subject": subject, "description": f"<div>{body}</div>",
                "requester_id": requester, "status": 2, "priority": 1,
                "custom_fields": {self.field_names[k]: self.shown(k, v)
                                  for k, v in values.items()}}
        if form:
            data["form_id"] = self.lock.form_id(form)
        r = self.http.post(f"{self.base}/api/v2/tickets", json=data)
        r.raise_for_status()
        return int(r.json()["id"])

    def shown(self, key: str, value: Any) -> Any:
        """What the requester picks for option ``value`` of field ``key``: on Freshdesk the
        choice's text, the option's title (the key for anything else)."""
        return self.choices.get(self.lock.field_id(key), {}).get(value, value)

    def reply(self, ticket_id: int, body: str) -> None:
        """The requester answers (Zendesk Requests API; a Freshdesk inbound reply)."""
        if self.target == "zendesk":
            r = self.http.put(f"{self.base}/api/v2/requests/{ticket_id}.json",
                              json={"request": {"comment": {"body": body}}})
            r.raise_for_status()
        else:
            fd_tickets.requester_reply(self.emu, ticket_id, body)

    # -- an agent ------------------------------------------------------------------------
    def agent_reply(self, ticket_id: int, body: str) -> None:
        """A human agent answers publicly (someone other than deskops's API user)."""
        if self.target == "zendesk":
            from integrations.sandbox.zendesk import tickets as zd_tickets

            agent = zd_tickets.create_user(self.emu, {"name": "Agent Smith", "role": "agent",
                                                      "email": "smith@example.org"})
            ticket = self.emu.store.require("tickets", ticket_id)
            self.emu.store.insert("ticket_comments", {
                "ticket_id": ticket_id, "author_id": agent["id"], "body": body,
                "html_body": f"<p>{body}</p>", "public": True, "created_at": self.emu.clock.iso()})
            self.emu.clock.advance(1)
            ticket["updated_at"] = self.emu.clock.iso()
            self.emu.store.put("tickets", ticket)
        else:
            fd_tickets.add_conversation(self.emu, ticket_id, f"<p>{body}</p>", kind="reply",
                                        private=False, user_id=999_999)

    # -- deskops ---------------------------------------------------------------------------
    def desk(self) -> TicketDesk:
        desk = connect_tickets(self.settings, self.target)
        self.desks.append(desk)
        return desk

    def app(self, **env: str) -> App:
        settings = load_settings({**self.env, **env}, dotenv=None) if env else self.settings
        return App(workspace=self.ws, target=self.target, verbose=False, _settings=settings)

    def handler(self, **env: str) -> Handler:
        """The handler ``deskops worker`` builds for this workspace (extra env: modes)."""
        from integrations.cli.pipeline import _handler

        handler = _handler(self.app(**env))
        assert type(handler).__name__ == "TriageHandler"
        return handler  # type: ignore[return-value]

    def process(self, ticket_id: int, *, desk: TicketDesk | None = None,
                handler: Handler | None = None) -> EventRecord:
        """One webhook event for ``ticket_id`` through the real worker."""
        event, fresh = self.store.add(NewEvent(source=self.target, kind="ticket_updated",
                                               ticket_id=ticket_id,
                                               invocation_id=uuid.uuid4().hex))
        assert fresh
        worker = Worker(self.store, self.queue, desk or self.desk(), handler or self.handler())
        record = worker.handle(event.id)
        assert record is not None
        return record

    def ticket(self, ticket_id: int) -> Ticket:
        """The ticket as triage reads it (option keys, as `deskops explain` hands the
        desk the workspace's choice table)."""
        with connect_tickets(self.settings, self.target) as desk:
            desk.use_choices(self.choices)
            return desk.get_ticket(ticket_id)

    def deskops_comments(self, ticket_id: int) -> list[str]:
        """Public comments written by deskops's API user, oldest first (server-side view)."""
        if self.target == "zendesk":
            rows = [c for c in self.emu.store.all("ticket_comments")
                    if c["ticket_id"] == ticket_id and c["author_id"] == 1 and c["public"]]
            return [str(c["body"]) for c in sorted(rows, key=lambda c: int(c["id"]))]
        agent = self.emu.store.all(fd_tickets.AGENTS)[0]["id"]
        rows = [c for c in self.emu.store.all(fd_tickets.CONVERSATIONS)
                if c["ticket_id"] == ticket_id and c["user_id"] == agent and not c["private"]]
        return [str(c["body_text"]) for c in sorted(rows, key=lambda c: int(c["id"]))]

    def raw(self, ticket_id: int) -> dict[str, Any]:
        return self.emu.store.require("tickets", ticket_id)

    def status(self, ticket_id: int) -> str:
        value = self.raw(ticket_id)["status"]
        if isinstance(value, int):  # Freshdesk's numeric statuses
            return {2: "open", 3: "pending", 4: "solved", 5: "closed"}[value]
        return str(value)

    def chase(self, *extra: str) -> tuple[int, str]:
        """``deskops chase --json --at <sandbox now>``: exit code and stdout."""
        at = datetime.fromtimestamp(self.emu.clock.now(), UTC).isoformat()
        return run_cli(self, ["chase", "--json", "--at", at, *extra])


_CAPTURE: dict[str, pytest.CaptureFixture[str]] = {}


def run_cli(h: Harness, args: list[str]) -> tuple[int, str]:
    capsys = _CAPTURE["capsys"]
    capsys.readouterr()
    code = main(["-w", str(h.ws), "--target", h.target, *args])
    return code, capsys.readouterr().out


@pytest.fixture(params=["zendesk", "freshdesk"])
def h(request: pytest.FixtureRequest, fresh_sandbox: RunningSandbox, tmp_path: Path,
      monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Iterator[Harness]:
    target = str(request.param)
    _CAPTURE["capsys"] = capsys
    emu = fresh_sandbox.zendesk if target == "zendesk" else fresh_sandbox.freshdesk
    env = fresh_sandbox.zendesk_env() if target == "zendesk" else fresh_sandbox.freshdesk_env()
    for name in ("DESKOPS_KILL_SWITCH", "DESKOPS_TRIAGE_MODE", "DESKOPS_SELF_USER_IDS"):
        monkeypatch.delenv(name, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(tmp_path)  # no stray .env
    emu.clock.freeze()
    ws = tmp_path / "ws"
    shutil.copytree(WORKSPACE, ws)
    group = emu.seed("groups", [{"name": GROUP}])[0]
    code = main(["-w", str(ws), "--target", target, "apply", "--auto-approve"])
    assert code == 0, capsys.readouterr()
    capsys.readouterr()
    lock = LockFile.load(lock_path(ws, target), environment=target, target=target)
    settings = load_settings(env, dotenv=None)
    http = requests.Session()
    if target == "zendesk":
        http.auth = (f"{ADMIN_EMAIL}/token", API_TOKEN)
        base = fresh_sandbox.zendesk_url
    else:
        http.auth = (FRESHDESK_API_KEY, "X")
        base = fresh_sandbox.freshdesk_url
    store_now = [1_700_000_000.0]
    store = open_store(f"sqlite:///{tmp_path}/events.db", lease_seconds=30,
                       clock=lambda: store_now[0])
    store.setup()
    queue = EventQueue(f"sqlite:///{tmp_path}/queue.db", name="triage", read_timeout=0.05)
    harness = Harness(target=target, emu=emu, env=env, ws=ws, settings=settings, base=base,
                      http=http, lock=lock, store=store, queue=queue,
                      group_id=int(group["id"]), tmp=tmp_path, store_now=store_now)
    if target == "freshdesk":
        harness.choices = choice_values(load(ws, target),
                                        {e.id: k for k, e in lock.fields.items()})
        for key, entry in lock.fields.items():
            r = http.get(f"{base}/api/v2/admin/ticket_fields/{entry.id}")
            r.raise_for_status()
            harness.field_names[key] = str(r.json()["name"])
    try:
        yield harness
    finally:
        for desk in harness.desks:
            desk.close()
        http.close()
        store.close()
        queue.close()
        emu.clock.reset()
