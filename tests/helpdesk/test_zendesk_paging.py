"""Zendesk reads that span pages (issue 17, findings 5 and 14): a 250-comment ticket keeps
every author's role; the incremental export is followed to its end and never asked for a
start_time less than a minute old."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from integrations.helpdesk.tickets import ZendeskTickets
from integrations.sandbox.server import RunningSandbox
from integrations.sandbox.zendesk import tickets as zd
from integrations.settings import load_settings


def test_250_comments_with_an_end_user_on_the_first_page(
        zendesk_env: dict[str, str], fresh_sandbox: RunningSandbox) -> None:
    emu = fresh_sandbox.zendesk
    requester = zd.create_user(emu, {"name": "Ana", "email": "ana@example.org"})
    colleague = zd.create_user(emu, {"name": "Bo", "email": "bo@example.org"})  # end user, CC
    agent = zd.create_user(emu, {"name": "Cy", "email": "cy@example.org", "role": "agent"})
    ticket = zd.create_ticket(emu, {"subject": "Reports broken", "requester_id": requester["id"],
                                    "comment": {"body": "The reports page fails."}})
    emu.store.insert(zd.COMMENTS, {"ticket_id": ticket["id"], "author_id": colleague["id"],
                                   "body": "Same for me.", "html_body": "<p>Same for me.</p>",
                                   "public": True, "created_at": emu.clock.iso()})
    for i in range(248):
        emu.store.insert(zd.COMMENTS, {"ticket_id": ticket["id"], "author_id": agent["id"],
                                       "body": f"Note {i}", "html_body": f"<p>Note {i}</p>",
                                       "public": False, "created_at": emu.clock.iso()})
    with ZendeskTickets(settings=load_settings(zendesk_env, dotenv=None)) as desk:
        read = desk.get_ticket(int(ticket["id"]))
    assert len(read.comments) == 250
    same = next(c for c in read.comments if c.body == "Same for me.")
    assert not same.from_agent and not same.from_requester  # an end user, not an agent
    assert all(c.from_agent for c in read.comments if c.author_id == agent["id"])
    pages = emu.log.entries(path=f"/api/v2/tickets/{ticket['id']}/comments")
    assert len(pages) == 3


def test_sweep_window_shorter_than_a_minute(zendesk_env: dict[str, str],
                                            fresh_sandbox: RunningSandbox) -> None:
    emu = fresh_sandbox.zendesk
    requester = zd.create_user(emu, {"name": "Ana", "email": "ana@example.org"})
    emu.clock.freeze()
    try:
        emu.clock.freeze(emu.clock.now() - 40)  # the ticket changed 40 s ago
        old = zd.create_ticket(emu, {"subject": "A", "requester_id": requester["id"],
                                     "comment": {"body": "Hello"}})
        emu.clock.advance(40)
        with ZendeskTickets(settings=load_settings(zendesk_env, dotenv=None)) as desk:
            found = list(desk.updated_since(datetime.now(UTC) - timedelta(seconds=50)))
    finally:
        emu.clock.reset()
    assert int(old["id"]) in [tid for tid, _ in found]
    [export] = emu.log.entries(path="/api/v2/incremental/tickets/cursor")
    assert export.status == 200
