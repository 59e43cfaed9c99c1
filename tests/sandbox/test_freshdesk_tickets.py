"""Fidelity of the Freshdesk ticket side: tickets, conversations, contacts, search and
automation rules, called over HTTP, answer with the attributes the Freshdesk docs list for
them (``tests/reference/freshdesk-api-v2-docs.txt``, a trimmed copy): every documented attribute is
present (except those the docs call conditional or request-only), nothing undocumented
appears (the docs' own sample responses count as documentation), and each value has the
documented type (null allowed where the samples show null).

What the sandbox sends beyond the docs is listed once, with the reason (`RELIED_UPON`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

import pytest
import requests

from integrations.sandbox.server import RunningSandbox

from .support import FRESHDESK_DOCS, freshdesk_session


@functools.cache
def _docs() -> str:
    return FRESHDESK_DOCS.read_text(encoding="utf-8")


def attribute_table(marker: str) -> dict[str, str]:
    """``attribute -> documented type`` of the first ``Attribute / Type / Description``
    table after the text ``marker`` (a resource's introduction). Markers such as ``*``
    or ``†`` after a name are dropped; a wrapped description line is skipped."""
    text = _docs()
    header = text.index("\nAttribute\tType\tDescription\n", text.index(marker))
    rows: dict[str, str] = {}
    for line in text[header + 1:].splitlines()[1:]:
        m = re.match(r"^([a-z_]+)(?: [*†])?\t([^\t]+)\t", line)
        if m:
            rows[m.group(1)] = m.group(2).strip().lower()
        elif not line.startswith("("):
            break
    return rows


def sample_keys(endpoint: str) -> set[str]:
    """Every key of the sample response documented under ``endpoint`` (the line such as
    ``get  /api/v2/contacts/[id]``), nested ones included."""
    text = _docs()
    start = re.search("^" + re.escape(endpoint) + "$", text, re.M)
    assert start is not None, endpoint
    begin = text.index("\nResponse\n", start.end())
    return set(re.findall(r'"(\w+)"\s*:', text[begin:text.index("EXPAND", begin)]))


def rule_parameters() -> set[str]:
    """Names in "Create an Automation Rule"'s parameter table, whose rows spread over
    several lines (name, "Mandatory", type and description), up to the ``events:`` table."""
    text = _docs()
    start = text.index("\nAttribute\tType\tDescription\n",
                       text.index("post  /api/v2/automations/[automation_type_id]/rules"))
    names: set[str] = set()
    for line in text[start + 1:].splitlines()[1:]:
        if line.endswith(":"):
            break
        m = re.match(r"^([a-z_]+)(\t|$)", line)
        if m and m.group(1) not in ("string", "integer", "boolean", "number"):  # type cells
            names.add(m.group(1))
    return names


TICKET = attribute_table("A ticket is an issue raised")
CONVERSATION = attribute_table("Conversations consist of replies")
CONTACT = attribute_table("A contact is a customer")
#: Ways to name the requester when creating a ticket: parameters, not ticket attributes
#: (the samples never show them).
TICKET_REQUEST_ONLY = {"name", "email", "phone", "twitter_id", "facebook_id"}
#: Contact attributes the docs mark as present only sometimes (``*``: newer accounts;
#: ``deleted``: "only present for deleted contacts").
CONTACT_CONDITIONAL = {"deleted", "contact_type", "social_handler", "devices"}
#: Attributes the sandbox sends that this copy of the docs does not show, and why.
RELIED_UPON: dict[str, set[str]] = {
    # Tickets of accounts with ticket forms carry the form's id; the ticket adapter reads it
    # to pick the form a ticket is triaged against.
    "ticket": {"form_id"},
}
TICKET_SAMPLES = (sample_keys("get  /api/v2/tickets/[id]") | sample_keys("post  /api/v2/tickets")
                  | sample_keys("put  /api/v2/tickets/[id]"))
CONTACT_SAMPLES = (sample_keys("get  /api/v2/contacts/[id]") | sample_keys("get  /api/v2/contacts")
                   | sample_keys("post  /api/v2/contacts")
                   | sample_keys("put  /api/v2/contacts/[id]"))
CONVERSATION_SAMPLES = (sample_keys("get  /api/v2/tickets/[id]/conversations")
                        | sample_keys("post  /api/v2/tickets/[id]/reply")
                        | sample_keys("post  /api/v2/tickets/[ticket_id]/notes"))
RULE_SAMPLES = (sample_keys("get  /api/v2/automations/[automation_type_id]/rules/[id]")
                | sample_keys("post  /api/v2/automations/[automation_type_id]/rules")
                | sample_keys("put  /api/v2/automations/[automation_type_id]/rules/[id]"))

_ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def _type_ok(doc_type: str, value: Any) -> bool:
    if doc_type == "boolean":
        return isinstance(value, bool)
    if value is None:
        return True
    if doc_type in ("number", "integer"):
        return isinstance(value, int) and not isinstance(value, bool)
    if doc_type == "string":
        return isinstance(value, str)
    if doc_type == "datetime":
        return isinstance(value, str) and _ISO.match(value) is not None
    if doc_type in ("dictionary", "object"):
        return isinstance(value, dict)
    if doc_type == "array of strings":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if doc_type.startswith("array"):
        return isinstance(value, list)
    raise AssertionError(f"undocumented type {doc_type!r}")


def check(obj: Mapping[str, Any], table: Mapping[str, str], *, documented: Iterable[str],
          required: Iterable[str], what: str) -> None:
    keys = set(obj)
    missing = set(required) - keys
    assert not missing, f"{what}: documented attributes missing: {sorted(missing)}"
    unknown = keys - set(table) - set(documented)
    assert not unknown, f"{what}: undocumented attributes: {sorted(unknown)}"
    wrong = {k: obj[k] for k, t in table.items() if k in obj and not _type_ok(t, obj[k])}
    assert not wrong, f"{what}: values not of the documented type: {wrong}"


def check_ticket(t: Mapping[str, Any], what: str, *, listed: bool = False,
                 embeds: Iterable[str] = ()) -> None:
    required = set(TICKET) - TICKET_REQUEST_ONLY
    if listed:  # the List All Tickets sample has no description
        required -= {"description", "description_text"}
    check(t, TICKET, documented=TICKET_SAMPLES | RELIED_UPON["ticket"] | set(embeds),
          required=required, what=what)


def check_contact(c: Mapping[str, Any], what: str) -> None:
    check(c, CONTACT, documented=CONTACT_SAMPLES, required=set(CONTACT) - CONTACT_CONDITIONAL,
          what=what)


def check_conversation(c: Mapping[str, Any], what: str) -> None:
    check(c, CONVERSATION, documented=CONVERSATION_SAMPLES, required=set(CONVERSATION),
          what=what)


def test_doc_tables_and_samples_are_parsed() -> None:
    assert {"description_text", "custom_fields", "tags", "spam", "to_emails"} <= set(TICKET)
    assert TICKET["requester_id"] == "number" and TICKET["due_by"] == "datetime"
    assert TICKET["email_config_id"] == "number"  # the row before a wrapped line
    assert set(CONVERSATION) >= {"body", "private", "incoming", "last_edited_at", "ticket_id"}
    assert {"language", "time_zone", "unique_external_id", "other_companies"} <= set(CONTACT)
    assert "structured_description" in TICKET_SAMPLES and "urgent" in TICKET_SAMPLES
    assert {"from_email", "bcc_emails"} <= CONVERSATION_SAMPLES
    assert {"outdated", "affected_tickets_count", "summary"} <= RULE_SAMPLES


@pytest.fixture
def fd(fresh_sandbox: RunningSandbox) -> tuple[requests.Session, str]:
    fresh_sandbox.freshdesk.seed("ticket_fields", [{"label": "Player ID",
                                                     "type": "custom_text"}])
    return freshdesk_session(), fresh_sandbox.freshdesk_url


def _ticket(s: requests.Session, base: str, **extra: Any) -> dict[str, Any]:
    r = s.post(base + "/api/v2/tickets", json={
        "email": "ana@example.org", "subject": "Crash", "description": "<p>It crashes</p>",
        "priority": 2, "status": 2, "tags": ["game"], **extra})
    assert r.status_code == 201, r.text
    body: dict[str, Any] = r.json()
    return body


def test_tickets_carry_the_documented_attributes(fd: tuple[requests.Session, str]) -> None:
    s, base = fd
    created = _ticket(s, base, custom_fields={"cf_player_id": "P-1"}, cc_emails=["x@y.org"])
    check_ticket(created, "POST /tickets")
    tid = created["id"]
    check_ticket(s.get(f"{base}/api/v2/tickets/{tid}").json(), "GET /tickets/{id}")
    embedded = s.get(f"{base}/api/v2/tickets/{tid}",
                     params={"include": "requester,conversations"}).json()
    check_ticket(embedded, "GET /tickets/{id}?include", embeds=("requester", "conversations"))
    updated = s.put(f"{base}/api/v2/tickets/{tid}", json={"status": 3, "tags": ["a"]})
    assert updated.status_code == 200, updated.text
    check_ticket(updated.json(), "PUT /tickets/{id}")
    listed = s.get(f"{base}/api/v2/tickets").json()
    assert [t["id"] for t in listed] == [tid]
    for t in listed:
        check_ticket(t, "GET /tickets", listed=True)
        assert "description" not in t  # as the docs' list sample


def test_embedded_requester_and_conversations(fd: tuple[requests.Session, str],
                                              fresh_sandbox: RunningSandbox) -> None:
    s, base = fd
    tid = _ticket(s, base)["id"]
    s.post(f"{base}/api/v2/tickets/{tid}/reply", json={"body": "<p>Which version?</p>"})
    body = s.get(f"{base}/api/v2/tickets/{tid}", params={"include": "requester"}).json()
    # "Will return the requester's email, id, mobile, name, and phone" (+ language, below).
    assert {"email", "id", "mobile", "name", "phone"} <= set(body["requester"])
    convs = s.get(f"{base}/api/v2/tickets/{tid}",
                  params={"include": "conversations"}).json()["conversations"]
    assert len(convs) == 1
    check_conversation(convs[0], "include=conversations")


def test_embedded_requester_has_only_the_documented_attributes(
        fd: tuple[requests.Session, str]) -> None:
    s, base = fd
    tid = _ticket(s, base)["id"]
    body = s.get(f"{base}/api/v2/tickets/{tid}", params={"include": "requester"}).json()
    assert set(body["requester"]) <= {"email", "id", "mobile", "name", "phone"}


def test_conversations_carry_the_documented_attributes(
        fd: tuple[requests.Session, str], fresh_sandbox: RunningSandbox) -> None:
    s, base = fd
    tid = _ticket(s, base)["id"]
    reply = s.post(f"{base}/api/v2/tickets/{tid}/reply", json={"body": "<p>Which?</p>"})
    assert reply.status_code == 201, reply.text
    check_conversation(reply.json(), "POST /reply")
    assert reply.json()["support_email"] and reply.json()["source"] == 0
    note = s.post(f"{base}/api/v2/tickets/{tid}/notes", json={"body": "<p>internal</p>"})
    assert note.status_code == 201, note.text
    check_conversation(note.json(), "POST /notes")
    assert note.json()["support_email"] is None and note.json()["private"] is True
    fresh_sandbox.freshdesk.seed("conversations", [{"ticket_id": tid, "body": "Version 2",
                                                    "requester": True}])
    convs = s.get(f"{base}/api/v2/tickets/{tid}/conversations").json()
    assert [(c["source"], c["private"], c["incoming"]) for c in convs] == [
        (0, False, False), (2, True, False), (0, False, True)]  # the requester's e-mail
    for c in convs:
        check_conversation(c, "GET /conversations")


def test_contacts_carry_the_documented_attributes(fd: tuple[requests.Session, str]) -> None:
    s, base = fd
    created = s.post(f"{base}/api/v2/contacts", json={
        "name": "Min-jun", "email": "mj@example.kr", "language": "ko", "time_zone": "Seoul"})
    assert created.status_code == 201, created.text
    check_contact(created.json(), "POST /contacts")
    cid = created.json()["id"]
    check_contact(s.get(f"{base}/api/v2/contacts/{cid}").json(), "GET /contacts/{id}")
    updated = s.put(f"{base}/api/v2/contacts/{cid}", json={"language": "pt-BR"})
    assert updated.status_code == 200 and updated.json()["language"] == "pt-BR"
    check_contact(updated.json(), "PUT /contacts/{id}")
    found = s.get(f"{base}/api/v2/contacts", params={"email": "mj@example.kr"}).json()
    assert [c["id"] for c in found] == [cid]
    for c in found:
        check_contact(c, "GET /contacts")


def test_search_answers_results_and_total(fd: tuple[requests.Session, str]) -> None:
    s, base = fd
    for i in range(3):
        _ticket(s, base, priority=3 if i else 1)
    r = s.get(f"{base}/api/v2/search/tickets", params={"query": '"priority:3"'})
    assert r.status_code == 200, r.text
    body = r.json()
    assert set(body) == {"results", "total"} and body["total"] == 2
    search_sample = sample_keys("get  /api/v2/search/tickets?query=[query]")
    for t in body["results"]:
        check(t, TICKET, documented=search_sample | RELIED_UPON["ticket"],
              required=set(TICKET) - TICKET_REQUEST_ONLY - {"description_text"},
              what="search result")
        assert "description" in t  # the search sample shows the HTML description


def test_automation_rules_carry_the_documented_attributes(
        fd: tuple[requests.Session, str]) -> None:
    s, base = fd
    params = rule_parameters()
    assert params == {"automation_type_id", "name", "description", "position", "active",
                      "performer", "events", "conditions", "operator", "actions"}
    rule = {"name": "deskops: ticket updated by requester", "active": True,
            "performer": {"type": 2}, "events": [{"field_name": "reply_sent"}],
            "conditions": [{"name": "not closed", "match_type": "all", "properties": [
                {"resource_type": "ticket", "field_name": "status", "operator": "not_in",
                 "value": [5]}]}],
            "actions": [{"field_name": "trigger_webhook", "request_type": "POST",
                         "url": "https://deskops.example/webhooks/freshdesk",
                         "content": {"content_type": "JSON", "content_layout": "2",
                                     "content": '{"ticket_id": "{{ticket.id}}"}'},
                         "custom_headers": {"X-Deskops-Secret": "s3cret"}}]}
    created = s.post(f"{base}/api/v2/automations/4/rules", json=rule)
    assert created.status_code == 201, created.text
    rid = created.json()["id"]
    shown = [created.json(), s.get(f"{base}/api/v2/automations/4/rules/{rid}").json(),
             s.put(f"{base}/api/v2/automations/4/rules/{rid}", json={"active": False}).json()]
    listed = s.get(f"{base}/api/v2/automations/4/rules").json()
    assert set(listed) == {"rules", "meta"} and set(listed["meta"]) == {"count",
                                                                        "cascading_rules"}
    for r in [*shown, *listed["rules"]]:
        keys = set(r)
        assert keys <= RULE_SAMPLES | set(params), keys - RULE_SAMPLES - set(params)
        assert {"id", "name", "position", "active", "automation_type_id", "performer",
                "events", "conditions", "actions", "created_at", "updated_at"} <= keys
        assert r["automation_type_id"] == 4 and isinstance(r["position"], int)
    assert shown[2]["active"] is False
