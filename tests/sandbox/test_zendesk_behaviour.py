"""The Zendesk emulator's behaviour over real HTTP: auth, pagination, error shapes, option
semantics, forms validation, plan features, rate limits, faults, clock, persistence, log."""

from __future__ import annotations

from pathlib import Path

import requests

from integrations.sandbox import (
    ADMIN_EMAIL,
    API_TOKEN,
    OAUTH_CLIENT_ID,
    OAUTH_CLIENT_SECRET,
    OAUTH_TOKEN,
)
from integrations.sandbox.server import RunningSandbox, start_sandbox

from .support import zendesk_session

FIELDS = "/api/v2/ticket_fields"


def _plain() -> requests.Session:
    s = requests.Session()
    s.trust_env = False
    return s


def test_auth_failures_have_the_real_bodies(fresh_sandbox: RunningSandbox) -> None:
    url = fresh_sandbox.zendesk_url + FIELDS
    s = _plain()
    for auth in [None, (f"{ADMIN_EMAIL}/token", "wrong"), (ADMIN_EMAIL, API_TOKEN)]:
        r = s.get(url, auth=auth)
        assert r.status_code == 401
        assert r.json() == {"error": "Couldn't authenticate you"}
    r = s.get(url, headers={"Authorization": "Bearer nope"})
    assert r.status_code == 401 and r.json()["error"] == "invalid_token"
    assert s.get(url, headers={"Authorization": f"Bearer {OAUTH_TOKEN}"}).status_code == 200
    log = fresh_sandbox.zendesk.log
    assert log.count(path=FIELDS, status=401) == 4
    assert [e.auth_ok for e in log.entries()] == [False, False, False, False, True]


def test_oauth_client_credentials_tokens_expire_on_the_sandbox_clock(
        fresh_sandbox: RunningSandbox) -> None:
    base = fresh_sandbox.zendesk_url
    s = _plain()
    bad = s.post(base + "/oauth/tokens", json={"grant_type": "client_credentials",
                                               "client_id": OAUTH_CLIENT_ID,
                                               "client_secret": "wrong", "scope": "read"})
    assert bad.status_code == 401 and bad.json()["error"] == "invalid_client"
    r = s.post(base + "/oauth/tokens", data={"grant_type": "client_credentials",
                                             "client_id": OAUTH_CLIENT_ID,
                                             "client_secret": OAUTH_CLIENT_SECRET,
                                             "scope": "read", "expires_in": "600"})
    assert r.status_code == 200, r.text
    token = r.json()
    assert token["token_type"] == "bearer" and token["expires_in"] == 600
    headers = {"Authorization": f"Bearer {token['access_token']}"}
    current = s.get(base + "/api/v2/oauth/tokens/current", headers=headers).json()["token"]
    assert current["scopes"] == ["read"]
    assert s.get(base + FIELDS, headers=headers).status_code == 200
    write = s.post(base + FIELDS, headers=headers, json={"ticket_field": {"title": "X"}})
    assert write.status_code == 403 and write.json()["error"] == "Forbidden"
    fresh_sandbox.zendesk.clock.advance(601)
    assert s.get(base + FIELDS, headers=headers).status_code == 401


def test_cursor_and_offset_pagination_walk_every_field(fresh_sandbox: RunningSandbox) -> None:
    fresh_sandbox.zendesk.seed("ticket_fields", [{"title": f"F{i}"} for i in range(230)])
    s = zendesk_session()
    url: str | None = fresh_sandbox.zendesk_url + FIELDS + ".json?page[size]=100"
    seen: list[int] = []
    pages = 0
    while url:
        body = s.get(url).json()
        pages += 1
        seen += [f["id"] for f in body["ticket_fields"]]
        assert body["links"]["next"] is None or body["links"]["next"].startswith("http://")
        url = body["links"]["next"] if body["meta"]["has_more"] else None
    assert pages == 3 and len(seen) == len(set(seen)) == 237 and seen == sorted(seen)
    offset_seen: list[int] = []
    next_page: str | None = fresh_sandbox.zendesk_url + FIELDS + "?per_page=100&page=1"
    while next_page:
        body = s.get(next_page).json()
        offset_seen += [f["id"] for f in body["ticket_fields"]]
        assert body["count"] == 237
        next_page = body["next_page"]
    assert sorted(offset_seen) == seen
    too_big = s.get(fresh_sandbox.zendesk_url + FIELDS, params={"page[size]": 101})
    assert too_big.status_code == 400
    too_far = s.get(fresh_sandbox.zendesk_url + FIELDS, params={"page": 101, "per_page": 100})
    assert too_far.status_code == 400


def test_validation_and_not_found_bodies(fresh_sandbox: RunningSandbox) -> None:
    s = zendesk_session()
    base = fresh_sandbox.zendesk_url
    r = s.post(base + FIELDS, json={"ticket_field": {"type": "tagger", "title": ""}})
    assert r.status_code == 422
    body = r.json()
    assert body["error"] == "RecordInvalid" and body["description"] == "Record validation errors"
    assert body["details"]["title"][0]["error"] == "BlankValue"
    assert "custom_field_options" in body["details"] or "title" in body["details"]
    r = s.get(base + FIELDS + "/999")
    assert r.status_code == 404
    assert r.json() == {"error": "RecordNotFound", "description": "Not found"}
    subject = s.get(base + FIELDS).json()["ticket_fields"][0]
    assert subject["type"] == "subject" and subject["removable"] is False
    assert s.delete(base + f"{FIELDS}/{subject['id']}").status_code == 422


def test_system_fields_exist_with_their_real_types(fresh_sandbox: RunningSandbox) -> None:
    fields = zendesk_session().get(fresh_sandbox.zendesk_url + FIELDS).json()["ticket_fields"]
    assert [f["type"] for f in fields] == ["subject", "description", "status", "tickettype",
                                           "priority", "group", "assignee"]


def test_put_options_replaces_the_whole_list_and_option_endpoint_upserts(
        fresh_sandbox: RunningSandbox) -> None:
    s = zendesk_session()
    base = fresh_sandbox.zendesk_url
    field = s.post(base + FIELDS, json={"ticket_field": {
        "type": "tagger", "title": "Game",
        "custom_field_options": [{"name": "A", "value": "a"}, {"name": "B", "value": "b"}],
    }}).json()["ticket_field"]
    a_id = field["custom_field_options"][0]["id"]
    updated = s.put(f"{base}{FIELDS}/{field['id']}", json={"ticket_field": {
        "custom_field_options": [{"name": "A2", "value": "a"}, {"name": "C", "value": "c"}]}})
    options = updated.json()["ticket_field"]["custom_field_options"]
    assert [(o["name"], o["value"]) for o in options] == [("A2", "a"), ("C", "c")]
    assert options[0]["id"] == a_id  # kept, "b" deleted
    created = s.post(f"{base}{FIELDS}/{field['id']}/options",
                     json={"custom_field_option": {"name": "D", "value": "d"}})
    assert created.status_code == 201 and created.headers["Location"].endswith("/options.json")
    again = s.post(f"{base}{FIELDS}/{field['id']}/options",
                   json={"custom_field_option": {"id": a_id, "name": "A3", "value": "a"}})
    assert again.status_code == 200 and again.json()["custom_field_option"]["name"] == "A3"
    assert s.delete(f"{base}{FIELDS}/{field['id']}/options/{a_id}").status_code == 204
    values = [o["value"] for o in s.get(f"{base}{FIELDS}/{field['id']}").json()
              ["ticket_field"]["custom_field_options"]]
    assert values == ["c", "d"]


def test_dynamic_content_renders_title_from_raw_title(fresh_sandbox: RunningSandbox) -> None:
    z = fresh_sandbox.zendesk
    z.seed("dynamic_content_items", [{"name": "Game name", "default_locale_id": 1, "variants": [
        {"locale_id": 1, "content": "Game"}, {"locale_id": 16, "content": "Jeu"}]}])
    (field,) = z.seed("ticket_fields", [{"title": "{{dc.game_name}}"}])
    s = zendesk_session()
    url = f"{fresh_sandbox.zendesk_url}{FIELDS}/{field['id']}"
    shown = s.get(url).json()["ticket_field"]
    assert shown["raw_title"] == "{{dc.game_name}}" and shown["title"] == "Game"
    assert s.get(url, params={"locale": "fr"}).json()["ticket_field"]["title"] == "Jeu"


def test_form_conditions_are_validated(fresh_sandbox: RunningSandbox) -> None:
    z = fresh_sandbox.zendesk
    (parent,) = z.seed("ticket_fields", [{"type": "tagger", "title": "P", "custom_field_options": [
        {"name": "X", "value": "x"}]}])
    (child,) = z.seed("ticket_fields", [{"title": "C"}])
    s = zendesk_session()
    url = fresh_sandbox.zendesk_url + "/api/v2/ticket_forms"
    cond = [{"parent_field_id": parent["id"], "value": "x",
             "child_fields": [{"id": child["id"], "is_required": True}]}]
    r = s.post(url, json={"ticket_form": {"name": "F", "ticket_field_ids": [parent["id"]],
                                          "end_user_conditions": cond}})
    assert r.status_code == 422
    assert "not in ticket_field_ids" in r.json()["details"]["end_user_conditions"][0]["description"]
    bad_value = [{**cond[0], "value": "nope"}]
    both = [parent["id"], child["id"]]
    r = s.post(url, json={"ticket_form": {"name": "F", "ticket_field_ids": both,
                                          "end_user_conditions": bad_value}})
    assert r.status_code == 422
    ok = s.post(url, json={"ticket_form": {"name": "F", "ticket_field_ids": both,
                                           "end_user_conditions": cond}})
    assert ok.status_code == 201
    # deleting the child field drops it from the form and its conditions
    s.delete(f"{fresh_sandbox.zendesk_url}{FIELDS}/{child['id']}")
    form = s.get(f"{url}/{ok.json()['ticket_form']['id']}").json()["ticket_form"]
    assert form["ticket_field_ids"] == [parent["id"]] and form["end_user_conditions"] == []


def test_team_plan_has_no_ticket_forms(fresh_sandbox: RunningSandbox) -> None:
    fresh_sandbox.zendesk.set_plan("team")
    r = zendesk_session().get(fresh_sandbox.zendesk_url + "/api/v2/ticket_forms")
    assert r.status_code == 403 and r.json()["error"] == "Forbidden"


def test_rate_limit_429_headers_and_window_on_the_sandbox_clock(
        fresh_sandbox: RunningSandbox) -> None:
    z = fresh_sandbox.zendesk
    z.set_plan("team")
    z.clock.freeze()
    s = zendesk_session()
    url = fresh_sandbox.zendesk_url + "/api/v2/locales"
    first = s.get(url)
    assert first.headers["X-Rate-Limit"] == "200"
    assert first.headers["X-Rate-Limit-Remaining"] == "199"
    for _ in range(199):
        assert s.get(url).status_code == 200
    limited = s.get(url)
    assert limited.status_code == 429
    assert limited.headers["Retry-After"] == "60"
    assert limited.headers["X-Rate-Limit-Remaining"] == "0"
    z.clock.advance(30)
    assert s.get(url).status_code == 429
    assert s.get(url).headers["Retry-After"] == "30"
    z.set_faults(fractional_retry_after=True)
    assert s.get(url).headers["Retry-After"] == "29.5"
    z.clock.advance(31)
    assert s.get(url).status_code == 200


def test_option_endpoint_has_its_own_bucket(fresh_sandbox: RunningSandbox) -> None:
    z = fresh_sandbox.zendesk
    (field,) = z.seed("ticket_fields", [{"type": "tagger", "title": "T",
                                         "custom_field_options": [{"name": "a", "value": "a"}]}])
    z.clock.freeze()
    s = zendesk_session()
    url = f"{fresh_sandbox.zendesk_url}{FIELDS}/{field['id']}/options"
    statuses = [s.post(url, json={"custom_field_option": {"name": f"o{i}", "value": f"o{i}"}})
                .status_code for i in range(101)]
    assert statuses[:100] == [201] * 100 and statuses[100] == 429
    assert s.get(f"{fresh_sandbox.zendesk_url}{FIELDS}").status_code == 200


def test_fault_injection_storm_errors_and_seeded_rate(fresh_sandbox: RunningSandbox) -> None:
    z = fresh_sandbox.zendesk
    s = zendesk_session()
    url = fresh_sandbox.zendesk_url + "/api/v2/groups"
    z.set_faults(storm=3, storm_retry_after=2)
    assert [s.get(url).status_code for _ in range(4)] == [429, 429, 429, 200]
    z.set_faults(error_rate=1.0, error_status=503)
    assert s.get(url).status_code == 503
    z.set_faults(error_rate=0.5, seed=7)
    first = [s.get(url).status_code for _ in range(20)]
    z.set_faults(error_rate=0.5, seed=7)
    assert [s.get(url).status_code for _ in range(20)] == first
    assert set(first) == {200, 503}
    admin = s.put(fresh_sandbox.zendesk_url + "/_sandbox/faults", json={"storm": 1})
    assert admin.json()["storm_left"] == 1
    assert s.get(url).status_code == 429


def test_request_log_counts_writes_server_side(fresh_sandbox: RunningSandbox) -> None:
    s = zendesk_session()
    base = fresh_sandbox.zendesk_url
    mark = fresh_sandbox.zendesk.log.mark()
    s.get(base + FIELDS + ".json")
    s.post(base + FIELDS + ".json", json={"ticket_field": {"title": "One"}})
    s.post(base + "/api/v2/groups", json={"group": {"name": "G"}})
    log = fresh_sandbox.zendesk.log
    assert len(log.writes(FIELDS, since=mark)) == 1
    assert log.count(write=True) == 2 and log.count(method="GET") == 1
    via_http = s.get(base + "/_sandbox/requests", params={"write": "true"}).json()
    assert via_http["count"] == 2
    assert log.count() == 3  # admin requests are not logged


def test_admin_endpoints_control_clock_plan_and_seed(fresh_sandbox: RunningSandbox) -> None:
    s = _plain()
    base = fresh_sandbox.zendesk_url + "/_sandbox"
    frozen = s.post(base + "/clock", json={"freeze": True, "at": 1_700_000_000}).json()
    assert frozen["frozen"] and frozen["now"] == "2023-11-14T22:13:20Z"
    assert s.post(base + "/clock", json={"advance": 60}).json()["epoch"] == 1_700_000_060
    assert s.put(base + "/plan", json={"plan": "team"}).json()["per_minute"] == 200
    seeded = s.post(base + "/seed/groups", json={"objects": [{"name": "Seeded"}]})
    assert seeded.status_code == 201
    assert seeded.json()["objects"][0]["created_at"] == "2023-11-14T22:14:20Z"
    assert s.post(base + "/reset").json() == {"reset": True}
    assert not s.get(base + "/clock").json()["frozen"]


def test_sqlite_state_survives_a_restart(tmp_path: Path) -> None:
    state = tmp_path / "state.db"
    with start_sandbox(state, zendesk_plan="team") as first:
        created = zendesk_session().post(first.zendesk_url + FIELDS, json={
            "ticket_field": {"title": "Persisted"}}).json()["ticket_field"]
    with start_sandbox(state) as second:
        assert second.zendesk.plan.name == "team"
        shown = zendesk_session().get(f"{second.zendesk_url}{FIELDS}/{created['id']}")
        assert shown.status_code == 200 and shown.json()["ticket_field"]["title"] == "Persisted"
        nxt = zendesk_session().post(second.zendesk_url + FIELDS, json={
            "ticket_field": {"title": "Next"}}).json()["ticket_field"]
        assert nxt["id"] > created["id"]
