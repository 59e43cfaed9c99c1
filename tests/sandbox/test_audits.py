"""Ticket writes answer with their ``audit`` (``AuditObject``), as Zendesk's do: the comment
the write added (whose ``audit_id`` it becomes) and the attributes it set or changed."""

from __future__ import annotations

from jsonschema import Draft7Validator

from integrations.sandbox.server import RunningSandbox

from .support import _components, zendesk_session


def _valid_audit(audit: object) -> None:
    schema = {"$ref": "#/components/schemas/AuditObject",
              "components": {"schemas": _components(True)}}
    errors = [e.message for e in Draft7Validator(schema).iter_errors(audit)]
    assert errors == []


def test_create_and_update_answer_their_audit(fresh_sandbox: RunningSandbox) -> None:
    s, base = zendesk_session(), fresh_sandbox.zendesk_url
    created = s.post(f"{base}/api/v2/tickets.json", json={"ticket": {
        "subject": "Crash", "priority": "high", "comment": {"body": "It crashes"}}})
    assert created.status_code == 201, created.text
    audit = created.json()["audit"]
    _valid_audit(audit)
    tid = created.json()["ticket"]["id"]
    assert audit["ticket_id"] == tid and audit["via"]["channel"] == "api"
    comment, *sets = audit["events"]
    assert (comment["type"], comment["body"]) == ("Comment", "It crashes")
    assert {(e["type"], e["field_name"], e["value"]) for e in sets} >= {
        ("Create", "subject", "Crash"), ("Create", "priority", "high"),
        ("Create", "status", "new")}
    comments = s.get(f"{base}/api/v2/tickets/{tid}/comments.json").json()["comments"]
    assert [(c["id"], c["audit_id"]) for c in comments] == [(comment["id"], audit["id"])]
    updated = s.put(f"{base}/api/v2/tickets/{tid}.json", json={"ticket": {
        "status": "pending", "comment": {"body": "Which version?", "public": True}}})
    assert updated.status_code == 200, updated.text
    second = updated.json()["audit"]
    _valid_audit(second)
    assert second["id"] != audit["id"]
    assert [(e["type"], e["field_name"], e["value"]) for e in second["events"]] == [
        ("Comment", None, None), ("Change", "status", "pending")]
