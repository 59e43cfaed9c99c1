"""Both paging styles with the real envelope keys, on every Zendesk list the sandbox serves
that documents them: cursor (``page[size]``, ``meta``, ``links``), offset (``page``,
``per_page``, ``next_page``, ``previous_page``, ``count``), the Help Center's own keys, and
the cursor-only lists (job statuses, webhooks)."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from integrations.sandbox.server import RunningSandbox

from .support import zendesk_session

CURSOR_KEYS = {"meta", "links"}
OFFSET_KEYS = {"next_page", "previous_page", "count"}
GUIDE_OFFSET_KEYS = OFFSET_KEYS | {"page", "per_page", "page_count", "sort_by", "sort_order"}


def _walk(s: requests.Session, url: str, key: str, size: int) -> list[Any]:
    """Every id, following ``links.next`` from a first cursor page of ``size``."""
    ids: list[Any] = []
    page = s.get(url, params={"page[size]": size})
    while True:
        assert page.status_code == 200, page.text
        body = page.json()
        assert set(body) - {key} == CURSOR_KEYS, sorted(body)
        assert set(body["meta"]) == {"has_more", "after_cursor", "before_cursor"}
        assert {"next", "prev"} <= set(body["links"])
        ids += [r["id"] for r in body[key]]
        assert len(body[key]) <= size
        if not body["meta"]["has_more"]:
            assert body["links"]["next"] is None
            return ids
        page = s.get(body["links"]["next"])


@pytest.fixture
def zd(fresh_sandbox: RunningSandbox) -> tuple[requests.Session, str, RunningSandbox]:
    z = fresh_sandbox.zendesk
    z.seed("groups", [{"name": f"Group {i}"} for i in range(3)])
    z.seed("brands", [{"name": f"Brand {i}", "subdomain": f"brand{i}"} for i in range(2)])
    z.seed("dynamic_content_items", [
        {"name": f"dc{i}", "default_locale_id": 1,
         "variants": [{"locale_id": 1, "content": f"Text {i}", "default": True}]}
        for i in range(3)])
    return zendesk_session(), fresh_sandbox.zendesk_url, fresh_sandbox


@pytest.mark.parametrize(("path", "key"), [
    ("/api/v2/groups", "groups"), ("/api/v2/groups/assignable", "groups"),
    ("/api/v2/brands", "brands"), ("/api/v2/dynamic_content/items", "items")])
def test_lists_with_both_styles(zd: tuple[requests.Session, str, RunningSandbox], path: str,
                                key: str) -> None:
    s, base, _ = zd
    everything = s.get(base + path, params={"per_page": 100}).json()
    assert set(everything) - {key} == OFFSET_KEYS
    all_ids = [r["id"] for r in everything[key]]
    assert len(all_ids) >= 2
    assert _walk(s, base + path, key, 1) == sorted(all_ids)
    second = s.get(base + path, params={"per_page": 1, "page": 2}).json()
    assert set(second) - {key} == OFFSET_KEYS and second["count"] == len(all_ids)
    assert second["previous_page"] is not None and len(second[key]) == 1
    bad = s.get(base + path, params={"page[size]": 101})
    assert bad.status_code == 400


def test_cursor_only_lists(zd: tuple[requests.Session, str, RunningSandbox]) -> None:
    s, base, _ = zd
    for i in range(3):
        assert s.post(base + "/api/v2/webhooks", json={"webhook": {
            "name": f"hook {i}", "endpoint": "https://example.com/h"}}).status_code == 201
    unpaged = s.get(base + "/api/v2/webhooks").json()
    assert set(unpaged) == {"webhooks"} | CURSOR_KEYS and len(unpaged["webhooks"]) == 3
    assert len(_walk(s, base + "/api/v2/webhooks", "webhooks", 2)) == 3
    for _ in range(2):
        r = s.put(base + "/api/v2/tickets/update_many.json", params={"ids": "1"},
                  json={"ticket": {"status": "open"}})
        assert r.status_code == 200, r.text
    assert len(_walk(s, base + "/api/v2/job_statuses", "job_statuses", 1)) == 2


def _hc(s: requests.Session, base: str) -> list[int]:
    hc = base + "/api/v2/help_center"
    ids = []
    for title in ("Billing", "Account", "Crashes"):
        r = s.post(f"{hc}/en-us/categories", json={"category": {"name": title}})
        assert r.status_code == 201, r.text
        ids.append(r.json()["category"]["id"])
    return ids


def test_help_center_offset_envelope_and_sorting(
        zd: tuple[requests.Session, str, RunningSandbox]) -> None:
    s, base, _ = zd
    ids = _hc(s, base)
    url = base + "/api/v2/help_center/en-us/categories"
    body = s.get(url).json()
    assert set(body) - {"categories"} == GUIDE_OFFSET_KEYS
    assert (body["page"], body["per_page"], body["page_count"], body["count"]) == (1, 30, 1, 3)
    assert (body["sort_by"], body["sort_order"]) == ("position", "asc")
    paged = s.get(url, params={"per_page": 2, "page": 2}).json()
    assert (paged["page"], paged["page_count"], len(paged["categories"])) == (2, 2, 1)
    newest = s.get(url, params={"sort_by": "created_at", "sort_order": "desc"}).json()
    assert [c["id"] for c in newest["categories"]] == sorted(ids, reverse=True)
    assert s.get(url, params={"sort_by": "colour"}).status_code == 400


def test_help_center_cursor_links_first_and_last(
        zd: tuple[requests.Session, str, RunningSandbox]) -> None:
    s, base, _ = zd
    ids = _hc(s, base)
    url = base + "/api/v2/help_center/en-us/categories"
    first = s.get(url, params={"page[size]": 2}).json()
    assert set(first["links"]) == {"first", "last", "next", "prev"}
    assert [c["id"] for c in s.get(first["links"]["first"]).json()["categories"]] == ids[:2]
    assert [c["id"] for c in s.get(first["links"]["last"]).json()["categories"]] == ids[1:]
    assert [c["id"] for c in s.get(first["links"]["next"]).json()["categories"]] == ids[2:]
