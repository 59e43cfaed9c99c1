"""FreshdeskHelpdesk against the sandbox over real HTTP, through requests."""

from __future__ import annotations

import dataclasses

import pytest
import requests

pytest.importorskip("integrations.sandbox.server")  # the sandbox helper's server module

from integrations.errors import AuthError, RateLimited, Rejected
from integrations.helpdesk._http import RetryPolicy
from integrations.helpdesk.freshdesk import FreshdeskHelpdesk
from integrations.model import Condition, ConditionChild, Field, Form, Option
from integrations.settings import Secret, Settings

from .conftest import FAST, Control

PLATFORM = Field(key="platform", kind="dropdown", title="Platform",
                 options=(Option("PC", "PC"), Option("PS5", "PS5"), Option("Switch", "Switch")))


def _helpdesk(settings: Settings, retry: RetryPolicy = FAST) -> FreshdeskHelpdesk:
    return FreshdeskHelpdesk(settings=settings, retry=retry)


def test_dropdown_created_in_one_call_and_read_back(freshdesk_settings: Settings,
                                                    fd: Control) -> None:
    helpdesk = _helpdesk(freshdesk_settings)
    created = helpdesk.create_field(PLATFORM)
    assert created.id and all(o.id for o in created.options)
    assert helpdesk.calls.writes == 1
    remote = next(f for f in helpdesk.read_state().fields if f.id == created.id)
    assert remote.key == "platform" and remote.kind == "dropdown"
    assert [o.value for o in remote.options] == ["PC", "PS5", "Switch"]


def test_choices_change_by_diff(freshdesk_settings: Settings, fd: Control) -> None:
    helpdesk = _helpdesk(freshdesk_settings)
    created = helpdesk.create_field(PLATFORM)
    fid = created.id
    assert fid is not None and created.options[2].id is not None
    # positions are the planner's 0-based indexes; the adapter numbers choices from 1
    helpdesk.create_option(fid, Option("Xbox", "Xbox"), 3)
    # the choice's value is the option's title (what customers see), not its key
    helpdesk.update_option(fid, dataclasses.replace(created.options[0], title="Windows"), 0)
    helpdesk.delete_option(fid, created.options[2].id)
    remote = next(f for f in helpdesk.read_state().fields if f.id == fid)
    assert [o.value for o in remote.options] == ["Windows", "PS5", "Xbox"]
    assert helpdesk.calls.writes == 4


def test_non_ascii_title_gets_an_ascii_name(freshdesk_settings: Settings, fd: Control) -> None:
    helpdesk = _helpdesk(freshdesk_settings)
    fid = helpdesk.create_field(Field(key="game", kind="text", title="게임")).id
    remote = next(f for f in helpdesk.read_state().fields if f.id == fid)
    assert (remote.key, remote.title) == ("game", "게임")


def test_forms_round_trip(freshdesk_settings: Settings, fd: Control) -> None:
    helpdesk = _helpdesk(freshdesk_settings)
    platform = helpdesk.create_field(PLATFORM)
    assert platform.id is not None
    form = Form(key="bug", title="Bug report", fields=("subject", "description", platform.id))
    fid = helpdesk.create_form(form)
    remote = next(f for f in helpdesk.read_state().forms if f.id == fid)
    assert remote.fields == form.fields and remote.title == "Bug report"
    helpdesk.update_form(fid, dataclasses.replace(form, title="Bug", fields=("subject",)))
    remote = next(f for f in helpdesk.read_state().forms if f.id == fid)
    assert (remote.title, remote.fields) == ("Bug", ("subject",))
    writes = helpdesk.calls.writes
    helpdesk.reorder_forms([fid])
    assert helpdesk.calls.writes == writes
    helpdesk.delete_form(fid)
    assert fid not in {f.id for f in helpdesk.read_state().forms}


def test_multiselect_is_refused_before_any_call(freshdesk_settings: Settings,
                                                fd: Control) -> None:
    helpdesk = _helpdesk(freshdesk_settings)
    with pytest.raises(Rejected, match="multiselect"):
        helpdesk.create_field(Field(key="tags", kind="multiselect", title="Tags"))
    assert helpdesk.calls.writes == 0


def test_rejected_and_auth_errors(freshdesk_settings: Settings, fd: Control) -> None:
    with pytest.raises(Rejected, match=r"^Freshdesk rejected ticket field 'x': "):
        _helpdesk(freshdesk_settings).create_field(Field(key="x", kind="text", title=""))
    bad = dataclasses.replace(freshdesk_settings, freshdesk_api_key=Secret("nope-key"))
    with pytest.raises(AuthError) as info:
        _helpdesk(bad).read_state()
    assert str(info.value).startswith("Freshdesk rejected the API key (401")
    assert "nope-key" not in str(info.value)


def test_429_storm_then_budget(freshdesk_settings: Settings, fd: Control) -> None:
    fd.faults(storm=2, storm_retry_after=0.05, fractional_retry_after=True)
    helpdesk = _helpdesk(freshdesk_settings, RetryPolicy(attempts=5, max_wait=2.0, budget=10))
    helpdesk.read_state()
    assert helpdesk.calls.rate_limited == 2
    fd.faults(storm=100, storm_retry_after=0.05)
    with pytest.raises(RateLimited):
        _helpdesk(freshdesk_settings, RetryPolicy(attempts=2, max_wait=0.1)).read_state()


def test_doctor_checks(freshdesk_settings: Settings, fd: Control) -> None:
    checks = _helpdesk(freshdesk_settings).check(["en", "xx"])
    assert [c.name for c in checks] == ["credential", "ticket forms", "locales"]
    assert checks[0].ok and not checks[2].ok and "xx" in checks[2].detail


def test_option_positions_are_indexes_translated_once(freshdesk_settings: Settings,
                                                      fd: Control) -> None:
    """The planner's positions are 0-based indexes in the final list, for both vendors."""
    helpdesk = _helpdesk(freshdesk_settings)
    created = helpdesk.create_field(PLATFORM)
    fid = created.id
    assert fid is not None
    helpdesk.create_option(fid, Option("Mac", "Mac"), 0)
    switch = created.options[2]
    helpdesk.update_option(fid, switch, 1)  # Switch moves to index 1
    remote = next(f for f in helpdesk.read_state().fields if f.id == fid)
    assert [o.value for o in remote.options] == ["Mac", "Switch", "PC", "PS5"]


def test_section_endpoints_follow_the_reference(freshdesk_settings: Settings,
                                                fd: Control) -> None:
    """The sandbox's dynamic sections, in the shapes freshdesk-api-v2-docs.txt shows."""
    helpdesk = _helpdesk(freshdesk_settings)
    parent = helpdesk.create_field(PLATFORM)
    base = f"{freshdesk_settings.freshdesk_base_url()}/api/v2/admin/ticket_fields"
    auth = (freshdesk_settings.freshdesk_api_key.reveal(), "X")  # type: ignore[union-attr]
    pc = parent.options[0].id
    made = requests.post(f"{base}/{parent.id}/sections", auth=auth, timeout=10,
                         json={"label": "PC only", "choice_ids": [pc]})
    assert made.status_code == 201
    section, = made.json()["sections"]
    assert set(section) >= {"id", "label", "parent_ticket_field_id", "choice_ids",
                            "ticket_field_ids", "is_fsm"}
    assert (section["parent_ticket_field_id"], section["choice_ids"]) == (parent.id, [pc])
    child = requests.post(base, auth=auth, timeout=10, json={
        "label": "GPU", "type": "custom_text",
        "section_mappings": [{"section_id": section["id"], "position": 1}]}).json()
    assert child["section_mappings"] == [{"section_id": section["id"], "position": 1}]
    one = requests.get(f"{base}/{parent.id}/sections/{section['id']}", auth=auth,
                       timeout=10).json()["section"]
    assert one["ticket_field_ids"] == [child["id"]]
    listed = {f["id"]: f for f in requests.get(base, auth=auth, timeout=10).json()}
    assert listed[parent.id]["has_section"] is True and "sections" not in listed[parent.id]
    listed = {f["id"]: f for f in requests.get(base, params={"include": "section"}, auth=auth,
                                               timeout=10).json()}
    assert listed[parent.id]["sections"][0]["ticket_field_ids"] == [child["id"]]
    taken = requests.post(f"{base}/{parent.id}/sections", auth=auth, timeout=10,
                          json={"label": "Again", "choice_ids": [pc]})
    assert taken.status_code == 400  # a choice belongs to one section
    renamed = requests.put(f"{base}/{parent.id}/sections/{section['id']}", auth=auth,
                           timeout=10, json={"label": "PC"}).json()["section"]
    assert renamed["label"] == "PC"
    gone = requests.delete(f"{base}/{parent.id}/sections/{section['id']}", auth=auth,
                           timeout=10)
    assert gone.status_code == 204
    assert "section_mappings" not in requests.get(f"{base}/{child['id']}", auth=auth,
                                                  timeout=10).json()


def test_conditions_round_trip_as_sections_with_no_extra_read(freshdesk_settings: Settings,
                                                             fd: Control) -> None:
    helpdesk = _helpdesk(freshdesk_settings)
    parent = helpdesk.create_field(PLATFORM)
    gpu = helpdesk.create_field(Field(key="gpu", kind="text", title="GPU",
                                      required_in_portal=True))
    assert parent.id is not None and gpu.id is not None
    form = Form(key="bug", title="Bug", fields=("subject", parent.id, gpu.id),
                conditions=(Condition(parent.id, "PC", (ConditionChild(gpu.id, True),)),))
    fid = helpdesk.create_form(form)
    fresh = _helpdesk(freshdesk_settings)
    remote = next(f for f in fresh.read_state().forms if f.id == fid)
    assert remote.conditions == form.conditions
    sections = [e for e in fresh.calls.by_endpoint if "sections" in e]
    assert sections == []  # they came with the field list (?include=section)
    writes = helpdesk.calls.writes
    helpdesk.update_form(fid, form)  # already true: the form is written, no section call
    assert helpdesk.calls.writes == writes + 1
    helpdesk.update_form(fid, dataclasses.replace(form, conditions=()))
    remote = next(f for f in _helpdesk(freshdesk_settings).read_state().forms if f.id == fid)
    assert remote.conditions == () and remote.fields == form.fields


def test_forms_unavailable_is_reported_not_raised(freshdesk_settings: Settings,
                                                  fd: Control) -> None:
    fd.faults(error_rate=1.0, error_status=403, path_prefix="/api/v2/ticket-forms")
    state = _helpdesk(freshdesk_settings).read_state()
    assert state.forms == () and (state.forms_unavailable or "").startswith("403")
