"""The requester's time zone, read by the Freshdesk ticket adapter over HTTP from the sandbox:
the contact's ``time_zone`` is a Rails name ("Chennai", "Eastern Time (US & Canada)"), mapped
to IANA through ActiveSupport's table; an unknown name gives none and triage uses the
workspace's. (Zendesk's ``iana_time_zone`` is read from the user; the sandbox does not yet
store a user's own time zone, so it has no HTTP test here.)"""

from __future__ import annotations

import pytest
import requests

from integrations import sandbox as sb
from integrations.helpdesk.tickets import _iana, _rails_zone, connect_tickets
from integrations.sandbox.server import RunningSandbox
from integrations.settings import Secret, Settings


def _session(auth: tuple[str, str]) -> requests.Session:
    s = requests.Session()
    s.trust_env = False
    s.auth = auth
    return s


@pytest.mark.parametrize(("rails", "iana"), [
    ("Chennai", "Asia/Kolkata"), ("Eastern Time (US & Canada)", "America/New_York"),
    ("Seoul", "Asia/Seoul"), ("Nowhere Standard Time", None)])
def test_freshdesk_rails_time_zone_names_are_mapped_to_iana_ones(
        fresh_sandbox: RunningSandbox, rails: str, iana: str | None) -> None:
    s = _session((sb.FRESHDESK_API_KEY, "X"))
    base = fresh_sandbox.freshdesk_url
    created = s.post(f"{base}/api/v2/tickets", json={
        "email": f"priya.{len(rails)}@example.in", "subject": "Crash",
        "description": "since yesterday", "status": 2, "priority": 1})
    assert created.status_code == 201, created.text
    contact = created.json()["requester_id"]
    r = s.put(f"{base}/api/v2/contacts/{contact}", json={"time_zone": rails})
    assert r.status_code == 200, r.text
    settings = Settings(target="freshdesk", freshdesk_domain=sb.FRESHDESK_DOMAIN,
                        freshdesk_api_key=Secret(sb.FRESHDESK_API_KEY),
                        sandbox_freshdesk_url=fresh_sandbox.freshdesk_url)
    with connect_tickets(settings) as desk:
        ticket = desk.get_ticket(created.json()["id"])
    assert ticket.requester_locale == "en" and ticket.time_zone == iana


def test_only_iana_names_are_kept() -> None:
    assert _iana("Asia/Seoul") == "Asia/Seoul" and _iana("America/Sao_Paulo")
    assert _iana("Chennai") is None and _iana("") is None and _iana(None) is None
    assert _iana("../../etc/passwd") is None


def test_every_rails_name_maps_to_a_zone_this_machine_knows() -> None:
    """The table is data copied from ActiveSupport: each entry must resolve, or a requester
    in that zone would silently fall back to the workspace's."""
    from integrations.helpdesk.tickets import _rails_zones

    zones = _rails_zones()
    assert len(zones) >= 150 and zones["Paris"] == "Europe/Paris"
    assert all(_rails_zone(name) == iana for name, iana in zones.items())
    assert _rails_zone("Asia/Seoul") == "Asia/Seoul" and _rails_zone("Chennai ") is None
