"""Export writer: load → write → load gives the same model; keys for remote titles."""

from __future__ import annotations

from pathlib import Path

import pytest

from integrations.errors import WorkspaceError
from integrations.model import Condition, ConditionChild, Field, Form, Option, Workspace
from integrations.workspace import load, slugify_key, write_workspace

from .conftest import EXAMPLE


def same(a: Workspace, b: Workspace) -> None:
    assert (a.default_locale, a.locales) == (b.default_locale, b.locales)
    assert list(a.fields) == list(b.fields) and list(a.forms) == list(b.forms)
    for key in a.fields:
        assert a.fields[key] == b.fields[key], key
        assert a.fields[key].extract == b.fields[key].extract, key
    for key in a.forms:
        assert a.forms[key] == b.forms[key], key
        assert a.forms[key].required == b.forms[key].required, key
        assert a.forms[key].attachments == b.forms[key].attachments, key


def test_round_trip_of_the_example(tmp_path: Path) -> None:
    original = load(EXAMPLE)
    write_workspace(original, tmp_path / "out")
    again = load(tmp_path / "out", "zendesk")
    same(original, again)
    assert again.settings["brand"] == "gamigo-us"
    assert again.forms["account-deletion"].schema["x-deskops"]["auto_solve"] is False
    # And writing the reloaded model gives byte-identical files.
    write_workspace(again, tmp_path / "out2")
    for path in sorted((tmp_path / "out").rglob("*.json")):
        assert path.read_text() == (tmp_path / "out2" / path.relative_to(tmp_path / "out")
                                    ).read_text(), path


def remote_like() -> Workspace:
    """What an exporter builds from a helpdesk: ids, no form `required`, odd flags."""
    fields = {
        "region_du_serveur": Field(
            key="region_du_serveur", kind="dropdown", title="Région du serveur",
            titles={"en": "Région du serveur", "ko": "서버 지역"},
            options=(Option("srv_eu", "EU", {"en": "EU"}, id=11),
                     Option("srv_na", "NA", {"en": "NA", "fr": "Amérique du Nord"}, id=12)),
            required_in_portal=True, id=1, vendor={"zendesk": {"agent_description": "x"}}),
        "platforms": Field(key="platforms", kind="multiselect", title="Platforms",
                           titles={"en": "Platforms"},
                           options=(Option("pf_pc", "PC", {"en": "PC"}),)),
        "notes": Field(key="notes", kind="textarea", title="Notes", titles={"en": "Notes"},
                       description="Anything else", descriptions={"en": "Anything else",
                                                                  "fr": "Autre chose"},
                       visible_in_portal=False, editable_in_portal=False, active=False),
        "sid": Field(key="sid", kind="regexp", title="SID", titles={"en": "SID"},
                     pattern="^[0-9]{5,}$", extract=("SID[:# ]*(\\d{5,})",)),
        "amount": Field(key="amount", kind="decimal", title="Amount", titles={"en": "Amount"}),
        "count": Field(key="count", kind="integer", title="Count", titles={"en": "Count"}),
        "ok": Field(key="ok", kind="checkbox", title="OK", titles={"en": "OK"}),
        "day": Field(key="day", kind="date", title="Day", titles={"en": "Day"}),
    }
    forms = {
        "support": Form(
            key="support", title="Support", titles={"en": "Support", "fr": "Assistance"},
            fields=("subject", "region_du_serveur", "notes", "sid", "ok", "description"),
            conditions=(Condition("region_du_serveur", "srv_eu",
                                  (ConditionChild("notes", True),), "agent"),
                        Condition("ok", True, (ConditionChild("sid"),))),
            brands=(), end_user_visible=False, position=0, default=True, id=5,
            vendor={"zendesk": {"in_all_brands": True}}),
        "other": Form(key="other", title="Other", titles={"en": "Other"},
                      fields=("platforms", "amount", "count", "day", "region_du_serveur"),
                      brands=("b2",), position=1, active=False),
    }
    return Workspace(root=Path("remote"), default_locale="en", locales=("en", "fr", "ko"),
                     fields=fields, forms=forms, settings={"brand": "b1"})


def test_round_trip_of_a_remote_model(tmp_path: Path) -> None:
    model = remote_like()
    write_workspace(model, tmp_path / "out")
    again = load(tmp_path / "out", "zendesk")
    assert again.fields == model.fields
    assert again.forms == model.forms
    assert again.fields["region_du_serveur"].required_in_portal is True  # written explicitly
    assert again.forms["support"].brands == ()  # explicit "brands": [] beats the setting


def test_writer_refuses_remote_ids_and_bad_keys(tmp_path: Path) -> None:
    model = remote_like()
    bad_form = Form(key="x", title="X", fields=(123,))
    with pytest.raises(WorkspaceError, match="remote field id 123"):
        write_workspace(Workspace(model.root, "en", ("en",), model.fields, {"x": bad_form}),
                        tmp_path / "a")
    bad_field = Field(key="Région", kind="text", title="Région")
    with pytest.raises(WorkspaceError, match="slugify_key"):
        write_workspace(Workspace(model.root, "en", ("en",), {"Région": bad_field}, {}),
                        tmp_path / "b")


def test_writer_does_not_overwrite_unless_asked(tmp_path: Path) -> None:
    model = remote_like()
    write_workspace(model, tmp_path / "out")
    with pytest.raises(WorkspaceError, match="already holds a workspace"):
        write_workspace(model, tmp_path / "out")
    smaller = Workspace(model.root, "en", model.locales,
                        {k: v for k, v in model.fields.items() if k != "amount"},
                        {"support": model.forms["support"]}, model.settings)
    (tmp_path / "out" / "rules.json").write_text("{}")
    write_workspace(smaller, tmp_path / "out", replace=True)
    assert not (tmp_path / "out" / "fields" / "amount.json").exists()
    assert not (tmp_path / "out" / "forms" / "other.json").exists()
    assert (tmp_path / "out" / "rules.json").exists()
    assert list(load(tmp_path / "out").forms) == ["support"]


def test_slugify_key() -> None:
    assert slugify_key("Région du serveur") == "region_du_serveur"
    assert slugify_key("Région du serveur", {"region_du_serveur"}) == "region_du_serveur_2"
    assert slugify_key("A", {"a", "a_2"}) == "a_3"
    assert slugify_key("서버") == "field"
    assert slugify_key("2FA code") == "field_2fa_code"
    assert slugify_key("Subject") == "subject_field"
    assert len(slugify_key("x" * 200)) <= 64
