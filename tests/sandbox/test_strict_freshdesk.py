"""The Freshdesk emulator is as strict as Freshdesk (issue 17): each switch refuses the old,
wrong call and accepts the fixed one."""

from __future__ import annotations

from pathlib import Path

import requests

from integrations.cli.doctor import expected_hooks
from integrations.helpdesk.connect import connect
from integrations.sandbox import FRESHDESK_AGENT_API_KEY
from integrations.sandbox.server import RunningSandbox
from integrations.settings import load_settings
from integrations.webhooks.install import install
from integrations.webhooks.secrets import SecretBook

from .support import freshdesk_session


def _agent() -> requests.Session:
    s = requests.Session()
    s.trust_env = False
    s.auth = (FRESHDESK_AGENT_API_KEY, "X")
    return s


def test_agent_key_is_refused_the_admin_apis(fresh_sandbox: RunningSandbox) -> None:
    base = fresh_sandbox.freshdesk_url
    agent = _agent()
    old = agent.get(f"{base}/api/v2/admin/ticket_fields", timeout=10)
    assert old.status_code == 403 and old.json()["code"] == "access_denied"
    assert agent.get(f"{base}/api/v2/automations/1/rules", timeout=10).status_code == 403
    assert agent.get(f"{base}/api/v2/groups", timeout=10).status_code == 403
    assert agent.get(f"{base}/api/v2/ticket_fields", timeout=10).status_code == 200
    assert agent.get(f"{base}/api/v2/agents/me", timeout=10).status_code == 200
    assert freshdesk_session().get(f"{base}/api/v2/admin/ticket_fields",
                                   timeout=10).status_code == 200


def test_only_freshdesk_language_codes(fresh_sandbox: RunningSandbox) -> None:
    s, base = freshdesk_session(), fresh_sandbox.freshdesk_url
    wrong = s.post(f"{base}/api/v2/contacts", json={"name": "Ivan", "email": "i@example.ru",
                                                    "language": "ru"}, timeout=10)
    assert wrong.status_code == 400
    assert wrong.json()["errors"][0]["field"] == "language"
    right = s.post(f"{base}/api/v2/contacts", json={"name": "Ivan", "email": "i@example.ru",
                                                    "language": "ru-RU"}, timeout=10)
    assert right.status_code == 201 and right.json()["language"] == "ru-RU"
    languages = s.get(f"{base}/api/v2/settings/helpdesk", timeout=10).json()
    assert {"ru-RU", "sv-SE"} <= set(languages["supported_languages"])
    cat = s.post(f"{base}/api/v2/solutions/categories", json={"name": "Help"},
                 timeout=10).json()
    assert s.post(f"{base}/api/v2/solutions/categories/{cat['id']}/ru",
                  json={"name": "Помощь"}, timeout=10).status_code == 400
    assert s.post(f"{base}/api/v2/solutions/categories/{cat['id']}/ru-RU",
                  json={"name": "Помощь"}, timeout=10).status_code == 201


def test_dropdown_conditions_take_a_list(fresh_sandbox: RunningSandbox) -> None:
    s, base = freshdesk_session(), fresh_sandbox.freshdesk_url

    def rule(op: str, value: object) -> dict[str, object]:
        return {"name": f"r {op}", "active": True, "conditions": [
            {"name": "condition_set_1", "match_type": "all", "properties": [
                {"resource_type": "ticket", "field_name": "status", "operator": op,
                 "value": value}]}],
            "actions": [{"field_name": "add_tag", "value": "x"}]}

    old = s.post(f"{base}/api/v2/automations/1/rules", json=rule("is_not", 5), timeout=10)
    assert old.status_code == 400
    assert {e["field"] for e in old.json()["errors"]} == {
        "conditions[0].properties[0].operator", "conditions[0].properties[0].value"}
    assert s.post(f"{base}/api/v2/automations/1/rules", json=rule("not_in", [5]),
                  timeout=10).status_code == 201


def test_form_fields_need_their_customer_hint_and_placeholder(
        fresh_sandbox: RunningSandbox) -> None:
    s, base = freshdesk_session(), fresh_sandbox.freshdesk_url
    ids = {f["name"]: f["id"] for f in s.get(f"{base}/api/v2/admin/ticket_fields",
                                              timeout=10).json()}

    def entry(fid: int, hint: str) -> dict[str, object]:
        return {"id": fid, "label_for_customers": "Who", "customers_can_edit": True,
                "required_for_customers": True, "hint_for_customers": hint,
                "placeholder_for_customers": hint}

    def form(hint: str) -> requests.Response:
        return s.post(f"{base}/api/v2/ticket-forms", timeout=10, json={
            "title": f"Refunds {hint!r}",
            "fields": [entry(ids["requester"], hint), entry(ids["company"], hint)]})

    old = form("")
    assert old.status_code == 400
    assert "fields[0].hint_for_customers" in {e["field"] for e in old.json()["errors"]}
    assert form("Who").status_code == 201


def test_solution_names_are_unique(fresh_sandbox: RunningSandbox) -> None:
    s, base = freshdesk_session(), fresh_sandbox.freshdesk_url
    cats = f"{base}/api/v2/solutions/categories"
    cat = s.post(cats, json={"name": "Help"}, timeout=10).json()
    again = s.post(cats, json={"name": "help"}, timeout=10)
    assert again.status_code == 409 and again.json()["errors"][0]["code"] == "duplicate_value"
    folders = f"{cats}/{cat['id']}/folders"
    assert s.post(folders, json={"name": "Start", "visibility": 1}, timeout=10).status_code == 201
    assert s.post(folders, json={"name": "Start", "visibility": 1}, timeout=10).status_code == 409
    other = s.post(cats, json={"name": "Billing"}, timeout=10).json()
    assert s.post(f"{cats}/{other['id']}/folders", json={"name": "Start", "visibility": 1},
                  timeout=10).status_code == 201  # unique per category only


def _webhook_rule(name: str, action: dict[str, object]) -> dict[str, object]:
    return {"name": name, "active": True, "conditions": [
        {"name": "condition_set_1", "match_type": "all", "properties": [
            {"resource_type": "ticket", "field_name": "status", "operator": "not_in",
             "value": [5]}]}],
        "actions": [{"field_name": "trigger_webhook", "request_type": "POST",
                     "url": "https://hooks.example.com/webhooks/freshdesk", **action}]}


def test_webhook_actions_nest_their_content(fresh_sandbox: RunningSandbox) -> None:
    """``content.{content_type, content_layout}`` as the reference's schema nests them."""
    s, base = freshdesk_session(), fresh_sandbox.freshdesk_url
    old = s.post(f"{base}/api/v2/automations/1/rules", timeout=10, json=_webhook_rule(
        "flat", {"content_type": "JSON", "content_layout": "2", "content": "{}"}))
    assert old.status_code == 400
    assert {e["field"] for e in old.json()["errors"]} == {
        "actions[0].content_type", "actions[0].content_layout", "actions[0].content"}
    new = s.post(f"{base}/api/v2/automations/1/rules", timeout=10, json=_webhook_rule(
        "nested", {"content": {"content_type": "JSON", "content_layout": "2",
                               "content": "{}"}}))
    assert new.status_code == 201, new.text


def test_rule_lists_page_and_install_finds_its_rules_past_the_first_page(
        fresh_sandbox: RunningSandbox, tmp_path: Path) -> None:
    s, base = freshdesk_session(), fresh_sandbox.freshdesk_url
    for kind in (1, 4):
        for n in range(31):
            assert s.post(f"{base}/api/v2/automations/{kind}/rules", timeout=10,
                          json=_webhook_rule(f"other {n}", {"content": {
                              "content_type": "JSON", "content_layout": "2",
                              "content": "{}"}})).status_code == 201
    first = s.get(f"{base}/api/v2/automations/1/rules", timeout=10)
    assert len(first.json()["rules"]) == 30 and first.json()["meta"]["count"] == 31
    rest = s.get(first.links["next"]["url"], timeout=10)
    assert len(rest.json()["rules"]) == 1 and "next" not in rest.links

    settings = load_settings(fresh_sandbox.freshdesk_env(), dotenv=None)
    book = SecretBook(tmp_path / "secrets.json")
    lines = list(install(settings, "freshdesk", "https://hooks.example.com", book))
    assert sum("created" in line for line in lines) == 3  # the secret and two rules
    mark = fresh_sandbox.freshdesk.log.mark()
    again = list(install(settings, "freshdesk", "https://hooks.example.com", book))
    assert all(line.endswith("up to date") for line in again), again
    assert fresh_sandbox.freshdesk.log.writes(since=mark) == []
    assert len([r for kind in (1, 4) for r in _all_rules(s, base, kind)
                if str(r["name"]).startswith("deskops:")]) == 2
    with connect(settings, "freshdesk") as desk:  # doctor reads every page too
        [check] = [c for c in desk.check(hook=expected_hooks(
            "freshdesk", "https://hooks.example.com")) if c.name == "automation rules"]
    assert check.ok, check.detail


def _all_rules(s: requests.Session, base: str, kind: int) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    url: str | None = f"{base}/api/v2/automations/{kind}/rules"
    while url:
        resp = s.get(url, timeout=10)
        rows += resp.json()["rules"]
        url = resp.links.get("next", {}).get("url")
    return rows


def test_attribute_events_name_from_and_to(fresh_sandbox: RunningSandbox) -> None:
    s, base = freshdesk_session(), fresh_sandbox.freshdesk_url
    content = {"content": {"content_type": "JSON", "content_layout": "2", "content": "{}"}}

    def post(events: list[dict[str, object]]) -> requests.Response:
        return s.post(f"{base}/api/v2/automations/4/rules", timeout=10, json={
            **_webhook_rule(f"r{len(events)}{events[0]}", content),
            "performer": {"type": 2}, "events": events})

    bare = post([{"field_name": "status"}])
    assert bare.status_code == 400
    assert {e["field"] for e in bare.json()["errors"]} == {"events[0].from", "events[0].to"}
    assert post([{"field_name": "status", "from": "--", "to": 4}]).status_code == 201
    assert post([{"field_name": "reply_sent"}]).status_code == 201  # a reply changes no value
