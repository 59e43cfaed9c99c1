"""ZendeskHelpdesk against the sandbox over real HTTP, through zenpy."""

from __future__ import annotations

import dataclasses

import pytest

pytest.importorskip("integrations.sandbox.server")  # the sandbox helper's server module

from integrations.errors import AuthError, RateLimited, Rejected, Unavailable
from integrations.helpdesk._http import RetryPolicy
from integrations.helpdesk.zendesk import ZendeskHelpdesk
from integrations.model import Condition, ConditionChild, Field, Form, Option
from integrations.settings import Secret, Settings

from .conftest import FAST, Control

PLATFORM = Field(key="platform", kind="dropdown", title="Platform",
                 options=(Option("pc", "PC"), Option("ps5", "PlayStation 5"),
                          Option("switch", "Switch")))


def _helpdesk(settings: Settings, retry: RetryPolicy = FAST) -> ZendeskHelpdesk:
    return ZendeskHelpdesk(settings=settings, retry=retry)


def _custom(helpdesk: ZendeskHelpdesk, key: str) -> Field:
    state = helpdesk.read_state()
    return next(f for f in state.fields if f.key == key or f.title == key)


def test_dropdown_created_with_all_options_in_one_call(zendesk_settings: Settings,
                                                       zd: Control) -> None:
    helpdesk = _helpdesk(zendesk_settings)
    created = helpdesk.create_field(PLATFORM)
    assert created.id and all(o.id for o in created.options)
    assert helpdesk.calls.writes == 1
    assert len(zd.requests(write="true")) == 1
    remote = next(f for f in helpdesk.read_state().fields if f.id == created.id)
    assert remote.kind == "dropdown" and remote.title == "Platform"
    assert [(o.value, o.title) for o in remote.options] == [
        ("pc", "PC"), ("ps5", "PlayStation 5"), ("switch", "Switch")]


def test_options_change_one_at_a_time_never_by_list(zendesk_settings: Settings,
                                                    zd: Control) -> None:
    helpdesk = _helpdesk(zendesk_settings)
    created = helpdesk.create_field(PLATFORM)
    assert created.id is not None
    fid = created.id
    before = len(zd.requests())
    added = helpdesk.create_option(fid, Option("xbox", "Xbox"), 4)
    pc = dataclasses.replace(created.options[0], title="Windows PC")
    helpdesk.update_option(fid, pc, 1)
    assert created.options[2].id is not None
    helpdesk.delete_option(fid, created.options[2].id)
    writes = [r for r in zd.requests(write="true")][-3:]
    assert len(zd.requests()) - before == 3
    assert [(r["method"], r["path"].rsplit("/", 1)[-1] if r["method"] == "DELETE" else r["path"])
            for r in writes] == [
        ("POST", f"/api/v2/ticket_fields/{fid}/options"),
        ("POST", f"/api/v2/ticket_fields/{fid}/options"),
        ("DELETE", str(created.options[2].id))]
    assert not any(r["method"] == "PUT" for r in zd.requests())
    remote = next(f for f in helpdesk.read_state().fields if f.id == fid)
    assert [(o.value, o.title) for o in remote.options] == [
        ("pc", "Windows PC"), ("ps5", "PlayStation 5"), ("xbox", "Xbox")]
    assert added.id == remote.options[-1].id


def test_update_and_delete_field(zendesk_settings: Settings, zd: Control) -> None:
    helpdesk = _helpdesk(zendesk_settings)
    fid = helpdesk.create_field(Field(key="order_id", kind="regexp", title="Order",
                                      pattern="^[0-9]{6}$")).id
    assert fid is not None
    helpdesk.update_field(fid, Field(key="order_id", kind="regexp", title="Order number",
                                     pattern="^[0-9]{8}$", required_in_portal=True))
    remote = next(f for f in helpdesk.read_state().fields if f.id == fid)
    assert (remote.title, remote.pattern, remote.required_in_portal) == (
        "Order number", "^[0-9]{8}$", True)
    helpdesk.delete_field(fid)
    assert all(f.id != fid for f in helpdesk.read_state().fields)


def test_translations_become_dynamic_content_and_read_back(zendesk_settings: Settings,
                                                          zd: Control) -> None:
    helpdesk = _helpdesk(zendesk_settings)
    field = dataclasses.replace(PLATFORM, titles={"en": "Platform", "fr": "Plateforme",
                                                  "ko": "플랫폼", "pt-br": "Plataforma"})
    fid = helpdesk.create_field(field).id
    assert fid is not None
    helpdesk.read_state()
    helpdesk.set_field_translations(fid, field)
    remote = next(f for f in helpdesk.read_state().fields if f.id == fid)
    assert remote.key == "platform" and remote.title == "Platform"
    assert dict(remote.titles) == dict(field.titles)
    writes = helpdesk.calls.writes
    helpdesk.set_field_translations(fid, field)  # unchanged: nothing to write
    assert helpdesk.calls.writes == writes
    changed = dataclasses.replace(field, titles={**field.titles, "fr": "Plate-forme"})
    helpdesk.set_field_translations(fid, changed)
    assert helpdesk.calls.writes == writes + 1  # one variant update
    remote = next(f for f in helpdesk.read_state().fields if f.id == fid)
    assert remote.titles["fr"] == "Plate-forme"


def test_forms_round_trip_with_system_fields_conditions_and_order(
        zendesk_settings: Settings, zd: Control) -> None:
    helpdesk = _helpdesk(zendesk_settings)
    platform = helpdesk.create_field(PLATFORM)
    crash = helpdesk.create_field(Field(key="crash_id", kind="text", title="Crash ID"))
    assert platform.id and crash.id
    form = Form(key="bug", title="Bug report",
                fields=("subject", "description", platform.id),
                conditions=(Condition(parent=platform.id, value="pc",
                                      children=(ConditionChild(crash.id, required=True),)),))
    bug = helpdesk.create_form(form)
    other = helpdesk.create_form(Form(key="q", title="Question", fields=("subject",)))
    remote = {f.id: f for f in helpdesk.read_state().forms}
    assert remote[bug].fields == ("subject", "description", platform.id, crash.id)
    assert remote[bug].conditions == form.conditions
    helpdesk.update_form(bug, dataclasses.replace(form, title="Bug", conditions=()))
    helpdesk.reorder_forms([other, bug])
    forms = [f for f in helpdesk.read_state().forms if f.id in (bug, other)]
    assert [f.id for f in forms] == [other, bug]
    assert forms[1].title == "Bug" and forms[1].conditions == ()
    helpdesk.delete_form(other)
    assert other not in {f.id for f in helpdesk.read_state().forms}


def test_read_state_pages_through_many_fields(zendesk_settings: Settings, zd: Control) -> None:
    zd.fastest_plan()
    helpdesk = _helpdesk(zendesk_settings)
    for i in range(130):
        helpdesk.create_field(Field(key=f"f{i}", kind="text", title=f"Field {i:03d}"))
    state = helpdesk.read_state()
    assert {f"Field {i:03d}" for i in range(130)} <= {f.title for f in state.fields}
    pages = [r for r in zd.requests(method="GET") if r["path"] == "/api/v2/ticket_fields"]
    assert len(pages) >= 2


def test_422_is_rejected_with_the_details(zendesk_settings: Settings, zd: Control) -> None:
    helpdesk = _helpdesk(zendesk_settings)
    with pytest.raises(Rejected) as info:
        helpdesk.create_field(Field(key="platform", kind="dropdown", title=""))
    message = str(info.value)
    assert message.startswith("Zendesk rejected ticket field 'platform' (create): ")
    assert "title" in message.lower() and "\n" not in message


def test_wrong_token_is_one_line(zendesk_settings: Settings, zd: Control) -> None:
    settings = dataclasses.replace(zendesk_settings, zendesk_api_token=Secret("wrong-secret"))
    with pytest.raises(AuthError) as info:
        _helpdesk(settings).read_state()
    assert str(info.value).startswith(
        f"Zendesk rejected the credential for {settings.zendesk_email} (401 ")
    assert str(info.value).endswith("check ZENDESK_API_TOKEN")
    assert "wrong-secret" not in str(info.value)


def test_429_storm_with_fractional_retry_after_is_absorbed(zendesk_settings: Settings,
                                                          zd: Control) -> None:
    zd.faults(storm=3, storm_retry_after=0.05, fractional_retry_after=True)
    helpdesk = _helpdesk(zendesk_settings, RetryPolicy(attempts=6, max_wait=2.0, budget=10.0))
    helpdesk.read_state()
    assert helpdesk.calls.rate_limited == 3


def test_5xx_is_retried(zendesk_settings: Settings, zd: Control) -> None:
    """Reads and idempotent writes (PUT) are retried; a create (POST) is not: see
    `test_http.test_a_write_that_may_have_happened_is_not_repeated`."""
    helpdesk = _helpdesk(zendesk_settings, RetryPolicy(attempts=12, max_wait=0.05,
                                                       budget=10.0, backoff=0.01))
    created = helpdesk.create_field(PLATFORM)
    assert created.id is not None
    zd.faults(error_rate=0.5, error_status=503, seed=7)
    helpdesk.update_field(created.id, dataclasses.replace(PLATFORM, title="Platforms"))
    helpdesk.read_state()
    assert helpdesk.calls.retries > 0


def test_budget_exhausted(zendesk_settings: Settings, zd: Control) -> None:
    zd.faults(storm=100, storm_retry_after=0.05)
    with pytest.raises(RateLimited):
        _helpdesk(zendesk_settings, RetryPolicy(attempts=3, max_wait=0.1)).read_state()
    zd.faults(error_rate=1.0, error_status=502)
    with pytest.raises(Unavailable, match="502"):
        _helpdesk(zendesk_settings, RetryPolicy(attempts=3, max_wait=0.1,
                                                backoff=0.01)).read_state()


def test_oauth_client_credentials_refresh_before_expiry(zendesk_settings: Settings,
                                                        zd: Control) -> None:
    from integrations import sandbox as sb

    settings = dataclasses.replace(
        zendesk_settings, zendesk_api_token=None, zendesk_email=None,
        zendesk_oauth_client_id=sb.OAUTH_CLIENT_ID,
        zendesk_oauth_client_secret=Secret(sb.OAUTH_CLIENT_SECRET))
    now = [1_000_000.0]
    helpdesk = _helpdesk(settings)
    oauth = helpdesk.oauth
    assert oauth is not None
    oauth.clock = lambda: now[0]
    helpdesk.read_state()
    assert oauth.fetches == 1
    zd.advance(1700)  # 30-minute tokens: within the refresh margin, not yet expired
    now[0] += 1700
    helpdesk.read_state()
    assert oauth.fetches == 2
    zd.advance(1000)  # the first token has expired by now; the refreshed one has not
    now[0] += 1000
    helpdesk.read_state()
    assert oauth.fetches == 2
    assert [c.name for c in helpdesk.check(["en"]) if c.ok] == [
        "credential", "oauth scopes", "ticket forms", "locales"]


def test_team_plan_reads_without_forms(zendesk_settings: Settings, zd: Control) -> None:
    """Team has no ticket forms (403): read_state says so instead of failing, and fields
    still provision; doctor names the limitation."""
    zd._call("PUT", "/plan", {"plan": "team"})
    helpdesk = _helpdesk(zendesk_settings)
    created = helpdesk.create_field(PLATFORM)
    state = helpdesk.read_state()
    assert state.forms == ()
    assert state.forms_unavailable == ("403 Forbidden: Ticket forms are not available on the "
                                       "team plan. You do not have access to this page.")
    assert created.id in {f.id for f in state.fields}
    forms_check = next(c for c in helpdesk.check() if c.name == "ticket forms")
    assert not forms_check.ok and "not on this plan" in forms_check.detail
    zd._call("PUT", "/plan", {"plan": "enterprise"})
    assert _helpdesk(zendesk_settings).read_state().forms_unavailable is None
