"""Attachments end to end over HTTP, on both targets: files uploaded the vendor's way
(Zendesk ``POST /api/v2/uploads`` tokens on a comment; Freshdesk multipart tickets and
replies) are read back by deskops's own ticket adapters, and triage's required-attachment
check (the game publisher's DXDIAG report) sees them."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from integrations.helpdesk.tickets import connect_tickets
from integrations.model import Ticket
from integrations.sandbox import SUBDOMAIN
from integrations.sandbox.server import RunningSandbox
from integrations.settings import Secret, Settings
from integrations.triage import compile_form, evaluate
from integrations.workspace import load

from .support import freshdesk_session, zendesk_session

GAME = Path(__file__).resolve().parents[2] / "schemas" / "examples" / "game-publisher"


def _missing_files(ticket: Ticket) -> list[str]:
    """The attachments triage still asks for on the technical-issues form."""
    ws = load(GAME)
    spec = compile_form(ws.forms["technical-issues"], ws.fields, ws.default_locale)
    return [m.key for m in evaluate(spec, ticket, {}).missing if m.kind == "attachment"]


def _zendesk(sandbox: RunningSandbox) -> Settings:
    from integrations import sandbox as sb
    return Settings(target="zendesk", zendesk_subdomain=SUBDOMAIN,
                    zendesk_email=sb.ADMIN_EMAIL, zendesk_api_token=Secret(sb.API_TOKEN),
                    sandbox_zendesk_url=sandbox.zendesk_url)


def _freshdesk(sandbox: RunningSandbox) -> Settings:
    from integrations import sandbox as sb
    return Settings(target="freshdesk", freshdesk_domain=sb.FRESHDESK_DOMAIN,
                    freshdesk_api_key=Secret(sb.FRESHDESK_API_KEY),
                    sandbox_freshdesk_url=sandbox.freshdesk_url)


def _upload(s: requests.Session, base: str, name: str, data: bytes, ctype: str,
            token: str | None = None) -> dict[str, object]:
    params = {"filename": name, **({"token": token} if token else {})}
    r = s.post(f"{base}/api/v2/uploads.json", params=params, data=data,
               headers={"Content-Type": ctype})
    assert r.status_code == 201, r.text
    upload: dict[str, object] = r.json()["upload"]
    return upload


def test_zendesk_uploads_become_comment_attachments_triage_sees(
        fresh_sandbox: RunningSandbox) -> None:
    s, base = zendesk_session(), fresh_sandbox.zendesk_url
    (user,) = fresh_sandbox.zendesk.seed("users", [{"name": "Jin", "email": "jin@example.kr"}])
    first = _upload(s, base, "screen.png", b"\x89PNG", "image/png")
    both = _upload(s, base, "DxDiag.txt", b"System Information", "text/plain",
                   token=str(first["token"]))
    assert both["token"] == first["token"] and len(both["attachments"]) == 2  # type: ignore[arg-type]
    created = s.post(f"{base}/api/v2/tickets.json", json={"ticket": {
        "subject": "Crash", "requester_id": user["id"],
        "comment": {"body": "It crashes", "uploads": [first["token"]]}}})
    assert created.status_code == 201, created.text
    tid = created.json()["ticket"]["id"]
    reused = s.put(f"{base}/api/v2/tickets/{tid}.json", json={"ticket": {
        "comment": {"body": "again", "uploads": [first["token"]]}}})
    assert reused.status_code == 422  # a token is used once
    comments = s.get(f"{base}/api/v2/tickets/{tid}/comments.json").json()["comments"]
    files = comments[0]["attachments"]
    assert [(f["file_name"], f["content_type"], f["size"]) for f in files] == [
        ("screen.png", "image/png", 4), ("DxDiag.txt", "text/plain", 18)]
    assert s.get(files[1]["content_url"]).content == b"System Information"
    with connect_tickets(_zendesk(fresh_sandbox)) as desk:
        ticket = desk.get_ticket(tid)
    assert ticket.comments[0].attachments == ("screen.png", "DxDiag.txt")
    assert _missing_files(ticket) == []
    # Without the report, triage asks for it.
    bare = s.post(f"{base}/api/v2/tickets.json", json={"ticket": {
        "requester_id": user["id"], "comment": {"body": "It crashes", "uploads": [
            _upload(s, base, "screen.png", b"x", "image/png")["token"]]}}}).json()["ticket"]
    with connect_tickets(_zendesk(fresh_sandbox)) as desk:
        assert _missing_files(desk.get_ticket(bare["id"])) == ["dxdiag"]


def test_zendesk_requester_reply_with_upload(fresh_sandbox: RunningSandbox) -> None:
    s, base = zendesk_session(), fresh_sandbox.zendesk_url
    (user,) = fresh_sandbox.zendesk.seed("users", [{"name": "Ana", "email": "a@example.org"}])
    tid = s.post(f"{base}/api/v2/tickets.json", json={"ticket": {
        "requester_id": user["id"], "comment": {"body": "It crashes"}}}).json()["ticket"]["id"]
    token = _upload(s, base, "dxdiag-report.txt", b"dx", "text/plain")["token"]
    r = s.put(f"{base}/api/v2/requests/{tid}.json",
              json={"request": {"comment": {"body": "Here", "uploads": [token]}}})
    assert r.status_code == 200, r.text
    with connect_tickets(_zendesk(fresh_sandbox)) as desk:
        ticket = desk.get_ticket(tid)
    assert ticket.comments[-1].from_requester
    assert ticket.comments[-1].attachments == ("dxdiag-report.txt",)
    assert _missing_files(ticket) == []
    assert s.delete(f"{base}/api/v2/uploads/{token}.json").status_code == 404  # consumed


def test_freshdesk_multipart_ticket_and_reply_attachments(
        fresh_sandbox: RunningSandbox) -> None:
    s, base = freshdesk_session(), fresh_sandbox.freshdesk_url
    created = s.post(f"{base}/api/v2/tickets", data={
        "email": "jin@example.kr", "subject": "Crash", "description": "It crashes",
        "status": "2", "priority": "1", "tags[]": ["pc", "crash"]},
        files=[("attachments[]", ("screen.png", b"\x89PNG", "image/png"))])
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["tags"] == ["pc", "crash"] and body["status"] == 2
    (shot,) = body["attachments"]
    assert {k: shot[k] for k in ("name", "content_type", "size")} == {
        "name": "screen.png", "content_type": "image/png", "size": 4}
    assert set(shot) == {"id", "name", "content_type", "size", "attachment_url",
                         "created_at", "updated_at"}
    assert s.get(shot["attachment_url"]).content == b"\x89PNG"
    tid = body["id"]
    with connect_tickets(_freshdesk(fresh_sandbox)) as desk:
        ticket = desk.get_ticket(tid)
    assert ticket.attachments == ("screen.png",)
    assert _missing_files(ticket) == ["dxdiag"]
    reply = s.post(f"{base}/api/v2/tickets/{tid}/reply", data={"body": "Please send it"},
                   files=[("attachments[]", ("DxDiag.txt", b"System", "text/plain"))])
    assert reply.status_code == 201, reply.text
    assert [a["name"] for a in reply.json()["attachments"]] == ["DxDiag.txt"]
    convs = s.get(f"{base}/api/v2/tickets/{tid}/conversations").json()
    assert [a["name"] for a in convs[-1]["attachments"]] == ["DxDiag.txt"]
    bad = s.post(f"{base}/api/v2/tickets/{tid}/reply", data={"body": "x"},
                 files=[("file", ("a.txt", b"a", "text/plain"))])
    assert bad.status_code == 400, bad.text
    note = s.post(f"{base}/api/v2/tickets/{tid}/notes", data={"body": "log", "private": "true"},
                  files=[("attachments[]", ("crash.log", b"trace", "text/plain"))])
    assert note.status_code == 201, note.text
    assert note.json()["private"] is True
    assert [a["name"] for a in note.json()["attachments"]] == ["crash.log"]
    assert s.post(f"{base}/api/v2/tickets/{tid}/notes", data={"body": "x", "private": "maybe"},
                  files=[("attachments[]", ("a", b"a", "text/plain"))]).status_code == 400


def test_zenpy_uploads_attaches_and_reads_back(fresh_sandbox: RunningSandbox,
                                                tmp_path: Path) -> None:
    """The real client's own calls and parser: ``attachments.upload``, a comment with the
    token, ``tickets.comments`` with ``attachments``, ``users(ids=...)``, ``tickets.delete``."""
    from zenpy.lib.api_objects import Comment
    from zenpy.lib.api_objects import Ticket as ZTicket

    from integrations.helpdesk._http import HTTPStatusError
    from integrations.helpdesk.zendesk import build_zenpy

    zenpy = build_zenpy(_zendesk(fresh_sandbox))
    report = tmp_path / "DxDiag.txt"
    report.write_bytes(b"System Information")
    upload = zenpy.attachments.upload(str(report), target_name="DxDiag.txt",
                                      content_type="text/plain")
    assert upload.token and upload.attachments[0].file_name == "DxDiag.txt"
    audit = zenpy.tickets.create(ZTicket(subject="Crash", comment=Comment(
        body="It crashes", uploads=[upload.token])))
    tid = audit.ticket.id
    assert audit.audit.events[0]["type"] == "Comment"
    comments = list(zenpy.tickets.comments(tid))
    assert [a.file_name for a in comments[0].attachments] == ["DxDiag.txt"]
    assert comments[0].attachments[0].size == 18
    (user,) = fresh_sandbox.zendesk.seed("users", [{"name": "Ana"}])
    assert [u.name for u in zenpy.users(ids=[user["id"]])] == ["Ana"]
    assert zenpy.tickets(id=tid).subject == "Crash"
    zenpy.tickets.delete(audit.ticket)
    with pytest.raises(HTTPStatusError, match="404"):  # deskops's guarded session
        zenpy.tickets(id=tid)
