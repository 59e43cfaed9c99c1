"""The dashboard over real HTTP: nothing without the token, CSRF on the one write."""

from __future__ import annotations

import base64
import re

import pytest
import requests

from .conftest import Served
from .support import TOKEN

PAGES = ["", "dead", "tickets/1", "?since=30d"]


def _signed_in(url: str) -> requests.Session:
    s = requests.Session()
    answer = s.post(url + "login", data={"token": TOKEN}, allow_redirects=False)
    assert answer.status_code == 303, answer.text
    cookie = answer.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    return s


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    assert found, "no CSRF field on the page"
    return found.group(1)


@pytest.mark.parametrize("path", PAGES)
def test_nothing_is_readable_without_the_token(dashboard: Served, path: str) -> None:
    for headers in ({}, {"Authorization": "Bearer wrong-token-0123456789"},
                    {"Authorization": "Basic " + base64.b64encode(b"x:wrong").decode()}):
        answer = requests.get(dashboard.url + path, headers=headers)
        assert answer.status_code == 401
        assert "Funnel" not in answer.text and "build_id" not in answer.text
        assert 'name="token"' in answer.text  # the sign-in form, nothing else
    tampered = requests.get(dashboard.url + path,
                            cookies={"deskops_dashboard": "1-abc.0000"})
    assert tampered.status_code == 401


@pytest.mark.parametrize("path", PAGES)
def test_pages_with_the_token(dashboard: Served, path: str) -> None:
    for auth in ({"Authorization": f"Bearer {TOKEN}"},
                 {"Authorization": "Basic " + base64.b64encode(f"ops:{TOKEN}".encode())
                  .decode()}):
        answer = requests.get(dashboard.url + path, headers=auth)
        assert answer.status_code == 200, answer.text
        csp = answer.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp
        assert answer.headers["cache-control"] == "no-store"
    assert _signed_in(dashboard.url).get(dashboard.url + path).status_code == 200


def test_a_wrong_token_does_not_sign_in(dashboard: Served) -> None:
    answer = requests.post(dashboard.url + "login", data={"token": "nope"},
                           allow_redirects=False)
    assert answer.status_code == 401 and "Wrong token" in answer.text
    assert "set-cookie" not in answer.headers


def test_the_ticket_page_shows_the_audit_and_history(dashboard: Served) -> None:
    page = _signed_in(dashboard.url).get(dashboard.url + "tickets/1").text
    assert page.count("<tr><td>") == 2  # two events of ticket 1
    assert "<code>build_id</code> (required)" in page and "<code>platform</code>" in page
    assert "ask (live)" in page and "complete (live)" in page
    assert "group_id 7" in page
    empty = _signed_in(dashboard.url).get(dashboard.url + "tickets/12345").text
    assert "No stored event for this ticket" in empty


def test_requeue_needs_the_csrf_token_of_the_session(dashboard: Served) -> None:
    dead_id = dashboard.ids["dead"]
    target = dashboard.url + f"events/{dead_id}/requeue"
    s = _signed_in(dashboard.url)
    csrf = _csrf(s.get(dashboard.url + "dead").text)
    other = _csrf(_signed_in(dashboard.url).get(dashboard.url + "dead").text)
    assert other != csrf
    for data, headers in (({}, {}), ({"csrf": "0" * 64}, {}), ({"csrf": other}, {}),
                          ({"csrf": csrf}, {"Origin": "http://evil.example"})):
        answer = s.post(target, data=data, headers=headers, allow_redirects=False)
        assert answer.status_code == 403, (data, headers)
    assert requests.post(target, data={"csrf": csrf}).status_code == 401  # no session
    record = dashboard.store.get(dead_id)
    assert record is not None and record.status == "dead"  # nothing changed
    assert dashboard.queue.size() == 0

    answer = s.post(target, data={"csrf": csrf}, allow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"].endswith(f"/dead?requeued={dead_id}")
    record = dashboard.store.get(dead_id)
    assert record is not None and (record.status, record.attempts) == ("queued", 0)
    assert dashboard.queue.get() == dead_id
    again = s.post(target, data={"csrf": csrf}, allow_redirects=False)
    assert again.status_code == 409  # not dead any more


def test_header_credentials_get_their_own_csrf_token(dashboard: Served) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    csrf = _csrf(requests.get(dashboard.url + "dead", headers=auth).text)
    target = dashboard.url + f"events/{dashboard.ids['dead']}/requeue"
    assert requests.post(target, headers=auth, allow_redirects=False).status_code == 403
    answer = requests.post(target, headers=auth, data={"csrf": csrf}, allow_redirects=False)
    assert answer.status_code == 303


def test_unknown_paths_and_methods(dashboard: Served) -> None:
    assert requests.get(dashboard.url + "nothing-here").status_code == 404
    assert requests.delete(dashboard.url).status_code == 405
