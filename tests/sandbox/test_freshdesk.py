"""The Freshdesk emulator: responses carry the attributes the Freshdesk docs list for each
endpoint (``tests/reference/freshdesk-api-v2-docs.txt``, a trimmed copy), and behave as documented:
choices by diff, derived ``cf_`` names, Link pagination, error bodies, rate headers."""

from __future__ import annotations

import re

import pytest
import requests

from integrations.sandbox.server import RunningSandbox

from .support import FRESHDESK_DOCS, freshdesk_session

FIELDS = "/api/v2/admin/ticket_fields"


def doc_table(header: str, *, before: str | None = None) -> set[str]:
    """Attribute names of the docs table starting with ``header`` (the last one before the
    ``before`` marker, when given)."""
    text = FRESHDESK_DOCS.read_text(encoding="utf-8")
    end = text.index(before) if before else len(text)
    start = text.rindex(header + "\t", 0, end)
    names = set()
    for line in text[start:].splitlines()[1:]:
        m = re.match(r"^([a-z_]+)(\t|$)", line)
        if not m:
            if line.strip() in ("Mandatory", "Unique") or line.startswith(("Mandatory", "Unique")):
                continue
            break
        names.add(m.group(1))
    return names


TICKET_FIELD_DOCS = doc_table("Ticket Field", before="get  /api/v2/admin/ticket_fields")
# Present only in some situations, as the docs say (requester only, FSM, nested fields...).
TICKET_FIELD_CONDITIONAL = {"portal_cc", "portal_cc_to", "choices", "is_fsm",
                            "field_update_in_progress", "dependent_fields", "section_mappings"}
# Also shown in the documented sample responses.
TICKET_FIELD_SAMPLES = {"created_at", "updated_at", "archived", "has_section", "sections"}


def test_doc_tables_are_parsed() -> None:
    assert {"label_for_customers", "required_for_customers", "customers_can_edit",
            "choices"} <= TICKET_FIELD_DOCS
    assert doc_table("Section Attributes") == {"id", "label", "parent_ticket_field_id",
                                                "ticket_field_ids", "is_fsm", "choice_ids"}


@pytest.fixture
def fd(fresh_sandbox: RunningSandbox) -> tuple[requests.Session, str]:
    return freshdesk_session(), fresh_sandbox.freshdesk_url


def test_ticket_fields_carry_the_documented_attributes(
        fd: tuple[requests.Session, str]) -> None:
    s, base = fd
    created = s.post(base + FIELDS, json={
        "label": "Issue Type", "label_for_customers": "Issue type", "type": "custom_dropdown",
        "customers_can_edit": True, "displayed_to_customers": True,
        "required_for_customers": True, "position": 3,
        "choices": [{"value": "Refund", "position": 1}, {"value": "Faulty", "position": 2}]})
    assert created.status_code == 201, created.text
    listed = s.get(base + FIELDS).json()
    for field in [created.json(), *listed]:
        keys = set(field)
        assert keys >= TICKET_FIELD_DOCS - TICKET_FIELD_CONDITIONAL, field["name"]
        assert keys <= TICKET_FIELD_DOCS | TICKET_FIELD_SAMPLES, keys - TICKET_FIELD_DOCS
    body = created.json()
    assert body["name"] == "cf_issue_type" and body["position"] == 3
    assert [c["value"] for c in body["choices"]] == ["Refund", "Faulty"]
    assert all(set(c) == {"id", "position", "value", "parent_choice_id", "choices"}
               for c in body["choices"])


def test_choices_update_by_diff_and_type_is_fixed(fd: tuple[requests.Session, str]) -> None:
    s, base = fd
    field = s.post(base + FIELDS, json={"label": "Game", "type": "custom_dropdown", "choices": [
        {"value": "A", "position": 1}, {"value": "B", "position": 2},
        {"value": "C", "position": 3}]}).json()
    a, b, _c = (ch["id"] for ch in field["choices"])
    r = s.put(f"{base}{FIELDS}/{field['id']}", json={"choices": [
        {"id": b, "deleted": True}, {"id": a, "value": "A2"}, {"value": "D", "position": 4}]})
    assert r.status_code == 200, r.text
    assert [c["value"] for c in r.json()["choices"]] == ["A2", "C", "D"]
    r = s.put(f"{base}{FIELDS}/{field['id']}", json={"type": "custom_text"})
    assert r.status_code == 400 and r.json()["errors"][0]["code"] == "readonly_field"


def test_error_bodies(fd: tuple[requests.Session, str], fresh_sandbox: RunningSandbox) -> None:
    s, base = fd
    r = s.post(base + FIELDS, json={"label": "X", "type": "custom_text", "colour": "red"})
    assert r.status_code == 400
    assert r.json() == {"description": "Validation failed", "errors": [
        {"field": "colour", "message": "Unexpected/invalid field in request",
         "code": "invalid_field"}]}
    r = s.post(base + FIELDS, json={"type": "custom_text", "required_for_agents": "yes"})
    codes = {e["field"]: e["code"] for e in r.json()["errors"]}
    assert codes == {"label": "missing_field", "required_for_agents": "datatype_mismatch"}
    assert s.get(base + FIELDS + "/424242").status_code == 404
    unauth = requests.get(base + FIELDS, auth=("wrong", "X"))
    assert unauth.status_code == 401 and unauth.json()["code"] == "invalid_credentials"
    s.post(base + "/api/v2/groups", json={"name": "Billing"})
    dup = s.post(base + "/api/v2/groups", json={"name": "billing"})
    assert dup.status_code == 409 and dup.json()["errors"][0]["code"] == "duplicate_value"


def test_groups_pagination_with_link_header(fd: tuple[requests.Session, str],
                                           fresh_sandbox: RunningSandbox) -> None:
    s, base = fd
    fresh_sandbox.freshdesk.seed("groups", [{"name": f"G{i}"} for i in range(64)])
    url: str | None = base + "/api/v2/groups"
    names: list[str] = []
    while url:
        r = s.get(url)
        names += [g["name"] for g in r.json()]
        url = r.links.get("next", {}).get("url")
    assert len(names) == 65 and len(set(names)) == 65
    assert s.get(base + "/api/v2/groups", params={"per_page": 101}).status_code == 400
    group = s.get(base + "/api/v2/groups").json()[0]
    assert {"id", "name", "description", "escalate_to", "unassigned_for", "business_hour_id",
            "auto_ticket_assign", "created_at", "updated_at"} <= set(group)


def test_forms_sections_settings_and_rate_headers(fd: tuple[requests.Session, str],
                                                  fresh_sandbox: RunningSandbox) -> None:
    s, base = fd
    fields = {f["name"]: f for f in s.get(base + FIELDS).json()}
    entry = {"label_for_customers": "x", "customers_can_edit": True,
             "required_for_customers": True, "hint_for_customers": "x",
             "placeholder_for_customers": "x"}
    r = s.post(base + "/api/v2/ticket-forms", json={
        "title": "Refunds", "fields": [{"id": fields["requester"]["id"], **entry}]})
    assert r.status_code == 400  # company is mandatory
    r = s.post(base + "/api/v2/ticket-forms", json={"title": "Refunds", "fields": [
        {"id": fields["requester"]["id"], **entry}, {"id": fields["company"]["id"], **entry}]})
    assert r.status_code == 201, r.text
    form = r.json()
    assert {"id", "title", "default", "description", "portals", "last_updated_by",
            "fields"} <= set(form)
    assert doc_table("Form Fields") - {"portal_cc", "portal_cc_to", "hint_for_customes"} \
        <= set(form["fields"][0]) | {"hint_for_customers"}
    assert r.headers["X-RateLimit-Total"] == "700"
    assert r.headers["X-RateLimit-Used-CurrentRequest"] == "1"
    dropdown = s.post(base + FIELDS, json={"label": "OS", "type": "custom_dropdown",
                                           "choices": [{"value": "Mac"}, {"value": "Win"}]}).json()
    sec = s.post(f"{base}{FIELDS}/{dropdown['id']}/sections",
                 json={"label": "Mac only", "choice_ids": [dropdown["choices"][0]["id"]]})
    assert sec.status_code == 201 and set(sec.json()["sections"][0]) == doc_table(
        "Section Attributes")
    settings = s.get(base + "/api/v2/settings/helpdesk").json()
    assert set(settings) == {"primary_language", "supported_languages", "portal_languages"}
