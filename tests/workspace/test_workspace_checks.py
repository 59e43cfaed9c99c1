"""Each check of `deskops validate`, one mistake at a time, on the tiny workspace."""

from __future__ import annotations

from pathlib import Path

import pytest

from integrations.errors import WorkspaceError
from integrations.workspace import check, load, validate

from .conftest import DRAFT, Writer, doc


def lines(root: Path, target: str | None = None) -> list[str]:
    return [str(p) for p in validate(root, target)]


def warnings(root: Path, target: str | None = None) -> list[str]:
    return [str(p) for p in check(root, target).warnings]


def test_tiny_workspace_is_valid_and_loads(ws: Path) -> None:
    loaded = load(ws, "zendesk")
    assert list(loaded.forms) == ["support", "billing"]
    assert [f.position for f in loaded.forms.values()] == [0, 1]
    support = loaded.forms["support"]
    assert support.fields == ("subject", "platform", "server", "description")
    cond = support.conditions[0]
    assert (cond.parent, cond.value, cond.audience) == ("platform", "platform_pc", "end_user")
    assert [(c.field, c.required) for c in cond.children] == [("server", True)]
    platform = loaded.fields["platform"]
    assert platform.kind == "dropdown"
    assert platform.titles == {"en": "Platform", "fr": "Plateforme", "ko": "플랫폼"}
    assert platform.options[1].titles == {"en": "Xbox", "ko": "엑스박스"}
    assert platform.required_in_portal is True  # required in both forms using it
    assert loaded.fields["server"].required_in_portal is False


def test_bad_json_reports_line_and_column(ws: Path, put: Writer) -> None:
    put("fields/server.json", '{\n  "title": "Server",\n  "type": "string",\n}\n')
    assert lines(ws) == ["fields/server.json:/: invalid JSON at line 4:1: "
                         "Expecting property name enclosed in double quotes"]


def test_duplicate_json_key_is_an_error(ws: Path, put: Writer) -> None:
    put("fields/server.json", '{"title": "Server", "type": "string", "title": "Srv"}')
    assert lines(ws) == ["fields/server.json:/: duplicate key 'title' in one object: JSON "
                         "keeps only the last one; remove the other"]


def test_unknown_x_deskops_key_suggests_the_right_one(ws: Path, put: Writer) -> None:
    field = doc("fields/platform.json")
    field["x-deskops"]["titel"] = field["x-deskops"].pop("title")
    put("fields/platform.json", field)
    assert lines(ws) == ["fields/platform.json:/x-deskops/titel: unknown x-deskops key "
                         "'titel' (did you mean 'title'?)"]


def test_unsupported_keyword_is_named(ws: Path, put: Writer) -> None:
    put("fields/server.json", {"$schema": DRAFT, "title": "Server", "type": "string",
                               "anyOf": [{"maxLength": 3}]})
    assert lines(ws) == ["fields/server.json:/anyOf: unknown keyword 'anyOf' (not in the "
                         "supported subset, see docs/mapping.md)"]


def test_other_drafts_are_rejected(ws: Path, put: Writer) -> None:
    put("fields/server.json", {"$schema": "http://json-schema.org/draft-07/schema#",
                               "title": "Server", "type": "string"})
    assert lines(ws) == ['fields/server.json:/$schema: only JSON Schema draft 2020-12 is '
                         'supported: "$schema": "https://json-schema.org/draft/2020-12/schema"']


def test_ref_that_does_not_resolve(ws: Path, put: Writer) -> None:
    form = doc("forms/billing.json")
    form["properties"]["platform"] = {"$ref": "../fields/platfrom.json"}
    put("forms/billing.json", form)
    assert lines(ws) == ["forms/billing.json:/properties/platform/$ref: $ref "
                         "'../fields/platfrom.json' does not resolve: there is no "
                         "fields/platfrom.json (did you mean ../fields/platform.json?)"]


def test_ref_outside_fields_is_rejected(ws: Path, put: Writer) -> None:
    form = doc("forms/billing.json")
    form["properties"]["platform"] = {"$ref": "https://example.com/platform.json"}
    put("forms/billing.json", form)
    assert lines(ws) == ["forms/billing.json:/properties/platform/$ref: $ref "
                         "'https://example.com/platform.json' must name a field file: "
                         '"../fields/<key>.json"']


def test_property_must_be_named_after_its_field(ws: Path, put: Writer) -> None:
    form = doc("forms/billing.json")
    form["properties"] = {"plat": {"$ref": "../fields/platform.json"}}
    form["required"] = []
    put("forms/billing.json", form)
    assert lines(ws) == ["forms/billing.json:/properties/plat: property 'plat' refers to "
                         "fields/platform.json: name it 'platform' (the file name is the "
                         "field's identity)"]


def test_option_values_unique_across_fields(ws: Path, put: Writer) -> None:
    put("fields/console.json", {"$schema": DRAFT, "title": "Console", "enum": [
        "console_a", "platform_xbox"]})
    assert lines(ws) == ["fields/platform.json:/oneOf/1/const: option value 'platform_xbox' "
                         "is already used by fields/console.json: option values are tags, "
                         "global on Zendesk, so each belongs to one field"]


def test_option_value_must_be_a_tag(ws: Path, put: Writer) -> None:
    field = doc("fields/platform.json")
    field["oneOf"][0]["const"] = "Platform PC"
    put("fields/platform.json", field)
    assert lines(ws) == ["fields/platform.json:/oneOf/0/const: option value 'Platform PC' is "
                         "not a valid tag: lowercase, no spaces, none of , # @ \" ' < > & ;"]


def test_condition_on_a_field_not_in_the_form(ws: Path, put: Writer) -> None:
    form = doc("forms/support.json")
    form["allOf"][0]["if"] = {"properties": {"crashed": {"const": True}},
                              "required": ["crashed"]}
    put("forms/support.json", form)
    assert lines(ws) == ["forms/support.json:/allOf/0/if/properties/crashed: condition "
                         "parent 'crashed' is not one of this form's properties"]


def test_condition_value_not_in_parent_options(ws: Path, put: Writer) -> None:
    form = doc("forms/support.json")
    form["allOf"][0]["if"]["properties"]["platform"]["const"] = "platform_p"
    put("forms/support.json", form)
    assert lines(ws) == ["forms/support.json:/allOf/0/if/properties/platform/const: "
                         "'platform_p' is not an option of 'platform' (did you mean "
                         "'platform_pc'?)"]


def test_condition_must_require_its_parent(ws: Path, put: Writer) -> None:
    form = doc("forms/support.json")
    form["allOf"][0]["if"]["required"] = []
    put("forms/support.json", form)
    assert lines(ws) == ["forms/support.json:/allOf/0/if/required: list 'platform' in "
                         "required: without it the condition also holds when the field is "
                         "empty"]


def test_condition_child_must_be_on_the_form(ws: Path, put: Writer) -> None:
    form = doc("forms/support.json")
    form["allOf"][0]["then"] = {"properties": {"crashed": True}}
    put("forms/support.json", form)
    assert lines(ws) == ["forms/support.json:/allOf/0/then/properties/crashed: condition "
                         "child 'crashed' is not one of this form's properties (a child "
                         "must be on the form too)"]


def test_condition_on_a_text_field(ws: Path, put: Writer) -> None:
    form = doc("forms/support.json")
    form["allOf"][0] = {"if": {"properties": {"server": {"const": "eu"}},
                               "required": ["server"]},
                        "then": {"properties": {"platform": True}}}
    put("forms/support.json", form)
    assert lines(ws) == ["forms/support.json:/allOf/0/if/properties/server: condition parent "
                         "'server' is a text field; only dropdown and checkbox fields can "
                         "drive conditions"]


def test_reserved_system_name_as_field_key(ws: Path, put: Writer) -> None:
    put("fields/priority.json", {"$schema": DRAFT, "title": "Priority", "type": "string"})
    assert lines(ws) == ['fields/priority.json:/: \'priority\' is a reserved system field '
                         'name; system fields are referenced from forms with {"x-deskops": '
                         '{"system": "priority"}}, never created']


def test_system_property_must_be_named_after_the_system_field(ws: Path, put: Writer) -> None:
    form = doc("forms/billing.json")
    form["properties"]["title"] = {"x-deskops": {"system": "subject"}}
    put("forms/billing.json", form)
    assert lines(ws) == ["forms/billing.json:/properties/title: a system field is named "
                         "after itself: rename 'title' to 'subject'"]


def test_form_order_naming_an_unknown_form(ws: Path, put: Writer) -> None:
    settings = doc("deskops.json")
    settings["forms"] = ["support", "billing", "refunds"]
    put("deskops.json", settings)
    assert lines(ws) == ["deskops.json:/forms/2: unknown form 'refunds': there is no "
                         "forms/refunds.json"]


def test_form_missing_from_order_is_a_warning(ws: Path, put: Writer) -> None:
    settings = doc("deskops.json")
    settings["forms"] = ["billing"]
    put("deskops.json", settings)
    assert lines(ws) == []
    assert warnings(ws) == ["forms/support.json:/: not listed in deskops.json forms; placed "
                            "after the listed forms"]
    assert list(load(ws).forms) == ["billing", "support"]


def test_locale_not_in_locales(ws: Path, put: Writer) -> None:
    field = doc("fields/platform.json")
    field["x-deskops"]["title"]["de"] = "Plattform"
    put("fields/platform.json", field)
    assert lines(ws) == ["fields/platform.json:/x-deskops/title/de: locale 'de' is not in "
                         "deskops.json locales (en fr ko)"]


def test_default_locale_must_be_listed(ws: Path, put: Writer) -> None:
    settings = doc("deskops.json")
    settings["default_locale"] = "pt-br"
    put("deskops.json", settings)
    assert "deskops.json:/default_locale: default locale 'pt-br' is not in locales " \
           "(en fr ko)" in lines(ws)


def test_pt_br_is_a_supported_locale(ws: Path, put: Writer) -> None:
    settings = doc("deskops.json")
    settings["locales"].append("pt-br")
    put("deskops.json", settings)
    field = doc("fields/platform.json")
    field["x-deskops"]["title"]["pt-br"] = "Plataforma"
    put("fields/platform.json", field)
    assert load(ws).fields["platform"].titles["pt-br"] == "Plataforma"


def test_missing_settings_file(ws: Path, put: Writer) -> None:
    put("deskops.json", None)
    assert lines(ws) == ["deskops.json:/: missing: a workspace folder needs deskops.json "
                         "(name, default_locale, locales, forms)"]


def test_unknown_top_level_entries_are_ignored(ws: Path, put: Writer) -> None:
    put("kb/en/article.md", "# Title\n")
    put("locks/zendesk.json", {"fields": {}})
    put("notes.txt", "anything goes")
    assert lines(ws) == [] and warnings(ws) == []


def test_rules_json_and_templates_are_validated_too(ws: Path, put: Writer) -> None:
    """What the triage worker would refuse at start-up fails `validate` (exit 1) now."""
    put("rules.json", {"anything": "goes"})
    assert lines(ws) == ["rules.json:/: Additional properties are not allowed ('anything' "
                         "was unexpected)"]
    put("rules.json", {"rules": [
        {"name": "wrong place", "when": {"form": "support", "keywords": {"fr": ["cashback"]}},
         "then": {"reply": "pointer", "status": "solved"}, "stop": True},
        {"name": "typo", "when": {"form": "suport"}, "then": {"tags": ["x"]}},
    ]})
    assert lines(ws) == [
        "rules.json:/rules/0/then/reply: template 'pointer' not found: "
        "templates/en/pointer.html (no such file)",
        "rules.json:/rules/1/when/form: unknown form 'suport'",
    ]  # one line for the missing template, not a second one from templates/
    put("templates/en/pointer.html", "<p>See https://example.com/help</p>")
    put("templates/fr/pointer.html", "<p>{% if %}</p>")
    put("templates/fr/reqest.html", "<p>typo</p>")
    assert [line.split(": ", 1)[0] for line in lines(ws)] == [
        "rules.json:/rules/1/when/form", "templates/fr/reqest.html:/",
        "templates/fr/pointer.html:/"]
    assert "unknown template 'reqest'" in lines(ws)[1]
    assert load_fails(ws)


def load_fails(root: Path) -> bool:
    try:
        load(root)
    except WorkspaceError:
        return True
    return False


def test_attachment_when_required_and_description(ws: Path, put: Writer) -> None:
    form = doc("forms/support.json")
    form["x-deskops"] = {"attachments": [
        {"name": "screenshots", "pattern": "(?i)\\.png$", "required": False,
         "when": {"platform": "platform_pc"},
         "title": {"en": "Screenshots", "fr": "Captures d'écran"},
         "description": {"en": "Of the error", "ko": "오류 화면"}},
    ]}
    put("forms/support.json", form)
    [spec] = load(ws).forms["support"].attachments
    assert spec == {"name": "screenshots", "pattern": "(?i)\\.png$",
                    "title": {"en": "Screenshots", "fr": "Captures d'écran"},
                    "description": {"en": "Of the error", "ko": "오류 화면"},
                    "required": False, "when": {"platform": "platform_pc"}}
    form["x-deskops"]["attachments"][0].update(
        when={"platform": "platform_mac", "server": "eu", "subject": "x"},
        description={"de": "Fehler"}, required="no")
    put("forms/support.json", form)
    assert lines(ws) == ["forms/support.json:/x-deskops/attachments/0/required: must be of "
                         "type boolean, got string"]
    del form["x-deskops"]["attachments"][0]["required"]
    put("forms/support.json", form)
    assert lines(ws) == [
        "forms/support.json:/x-deskops/attachments/0/description/de: locale 'de' is not in "
        "deskops.json locales (en fr ko)",
        "forms/support.json:/x-deskops/attachments/0/when/platform: 'platform_mac' is not an "
        "option of 'platform' (did you mean 'platform_pc'?)",
        "forms/support.json:/x-deskops/attachments/0/when/server: 'server' is a text field; "
        "when tests dropdown or checkbox fields only",
        "forms/support.json:/x-deskops/attachments/0/when/subject: 'subject' is not a custom "
        "field of this form (when tests dropdown or checkbox fields of the form)",
    ]


def test_localized_form_and_system_field_descriptions(ws: Path, put: Writer) -> None:
    form = doc("forms/support.json")
    form["description"] = "Tell us everything."
    form["x-deskops"] = {"description": {"fr": "Dites-nous tout.", "ko": "모두 알려 주세요."}}
    form["properties"]["subject"] = {
        "type": "string", "description": "Five to seven words.",
        "x-deskops": {"system": "subject", "title": {"fr": "Objet"},
                      "description": {"fr": "Cinq à sept mots.", "ko": "다섯에서 일곱 단어"}}}
    put("forms/support.json", form)
    loaded = load(ws).forms["support"]
    assert loaded.descriptions == {"en": "Tell us everything.", "fr": "Dites-nous tout.",
                                   "ko": "모두 알려 주세요."}
    form["properties"]["subject"]["x-deskops"]["description"]["pt-br"] = "Cinco palavras."
    form["properties"]["subject"]["x-deskops"]["colour"] = "red"
    form["x-deskops"]["description"]["en"] = "Something else."
    put("forms/support.json", form)
    assert lines(ws) == [
        "forms/support.json:/properties/subject/x-deskops/colour: unknown x-deskops key "
        "'colour' (allowed here: system, title, description)",
    ]
    del form["properties"]["subject"]["x-deskops"]["colour"]
    put("forms/support.json", form)
    assert lines(ws) == [
        "forms/support.json:/properties/subject/x-deskops/description/pt-br: locale 'pt-br' "
        "is not in deskops.json locales (en fr ko)",
        "forms/support.json:/x-deskops/description/en: differs from the plain text for the "
        "default locale 'en'; keep the default text in one place",
    ]


def test_required_in_portal_disagreement_is_a_warning(ws: Path, put: Writer) -> None:
    form = doc("forms/billing.json")
    form["required"] = []
    put("forms/billing.json", form)
    assert lines(ws) == []
    assert warnings(ws) == ["fields/platform.json:/: required in forms/support.json but not in "
                            "forms/billing.json: the helpdesk's required flag is per field, so "
                            "it stays off; the worker still asks for it per form"]
    loaded = load(ws)
    assert loaded.fields["platform"].required_in_portal is False
    assert loaded.forms["support"].required == ("subject", "platform")


def test_explicit_required_in_portal_wins(ws: Path, put: Writer) -> None:
    put("fields/server.json", {"$schema": DRAFT, "title": "Server", "type": "string",
                               "x-deskops": {"required_in_portal": True}})
    assert load(ws).fields["server"].required_in_portal is True
    assert warnings(ws) == ["fields/server.json:/x-deskops/required_in_portal: "
                            "required_in_portal is true, so the helpdesk also requires it on "
                            "forms/support.json, whose schema does not"]


@pytest.mark.parametrize(("schema", "kind"), [
    ({"type": "string"}, "text"),
    ({"type": "string", "x-deskops": {"long": True}}, "textarea"),
    ({"type": "string", "pattern": "^[0-9]{5,}$"}, "regexp"),
    ({"enum": ["x_a", "x_b"]}, "dropdown"),
    ({"type": "array", "items": {"enum": ["x_a"]}, "uniqueItems": True}, "multiselect"),
    ({"type": "boolean"}, "checkbox"),
    ({"type": "integer"}, "integer"),
    ({"type": "number"}, "decimal"),
    ({"type": "string", "format": "date"}, "date"),
])
def test_mapping_table_kinds(ws: Path, put: Writer, schema: dict[str, object], kind: str
                             ) -> None:
    put("fields/extra.json", {"$schema": DRAFT, "title": "Extra", **schema})
    assert load(ws).fields["extra"].kind == kind


def test_multiselect_needs_unique_items(ws: Path, put: Writer) -> None:
    put("fields/extra.json", {"$schema": DRAFT, "title": "Extra", "type": "array",
                              "items": {"enum": ["x_a"]}})
    assert lines(ws) == ['fields/extra.json:/: a multiselect needs "uniqueItems": true (each '
                         'option once)']


def test_multiselect_is_an_error_on_freshdesk_only(ws: Path, put: Writer) -> None:
    put("fields/extra.json", {"$schema": DRAFT, "title": "Extra", "type": "array",
                              "items": {"enum": ["x_a"]}, "uniqueItems": True})
    assert lines(ws, "zendesk") == []
    assert lines(ws, "freshdesk") == ["fields/extra.json:/type: Freshdesk has no multi-select "
                                      "custom field; use a dropdown or several checkboxes "
                                      "(target: freshdesk)"]


def test_regexp_on_freshdesk_is_a_warning(ws: Path, put: Writer) -> None:
    put("fields/extra.json", {"$schema": DRAFT, "title": "Extra", "type": "string",
                              "pattern": "^[0-9]+$"})
    assert lines(ws, "freshdesk") == []
    assert [w for w in warnings(ws, "freshdesk") if "per-locale" not in w] == [
        "fields/extra.json:/pattern: Freshdesk text fields have no validation: this "
        "pattern is enforced by the deskops worker only (target: freshdesk)"]
    assert warnings(ws, "zendesk") == []


def test_checkbox_condition_cannot_be_a_freshdesk_section(ws: Path, put: Writer) -> None:
    form = doc("forms/support.json")
    form["properties"]["crashed"] = {"$ref": "../fields/crashed.json"}
    form["allOf"][0]["if"] = {"properties": {"crashed": {"const": True}},
                              "required": ["crashed"]}
    put("forms/support.json", form)
    assert lines(ws, "zendesk") == []
    assert lines(ws, "freshdesk") == ["forms/support.json:/allOf/0: Freshdesk dynamic sections "
                                      "hang on a dropdown; checkbox 'crashed' cannot show "
                                      "fields there (target: freshdesk)"]


def test_sections_are_per_field_on_freshdesk(ws: Path, put: Writer) -> None:
    form = doc("forms/billing.json")
    form["properties"]["server"] = {"$ref": "../fields/server.json"}
    form["allOf"] = [{"if": {"properties": {"platform": {"const": "platform_pc"}},
                             "required": ["platform"]},
                      "then": {"properties": {"server": True}}}]
    put("forms/billing.json", form)
    assert lines(ws, "zendesk") == []
    assert lines(ws, "freshdesk") == ["forms/billing.json:/allOf/0: Freshdesk sections belong "
                                      "to the field, not the form: platform = 'platform_pc' "
                                      "shows [server*] in forms/support.json but [server] here "
                                      "(target: freshdesk)"]


def test_sectioned_field_cannot_be_unconditional_elsewhere_on_freshdesk(
        ws: Path, put: Writer) -> None:
    form = doc("forms/billing.json")
    form["properties"]["server"] = {"$ref": "../fields/server.json"}
    put("forms/billing.json", form)
    assert lines(ws, "zendesk") == []
    assert lines(ws, "freshdesk") == ["forms/billing.json:/properties/server: 'server' is "
                                      "conditional in forms/support.json; on Freshdesk a field "
                                      "inside a dynamic section is hidden outside it, so it "
                                      "cannot also be unconditional here (target: freshdesk)"]


def test_agent_only_condition_on_freshdesk(ws: Path, put: Writer) -> None:
    form = doc("forms/support.json")
    form["allOf"][0]["x-deskops"] = {"audience": "agent"}
    put("forms/support.json", form)
    assert load(ws, "zendesk").forms["support"].conditions[0].audience == "agent"
    assert lines(ws, "freshdesk") == ["forms/support.json:/allOf: agent-only condition platform "
                                      "= 'platform_pc': Freshdesk sections show for agents and "
                                      "customers alike (target: freshdesk)"]


def test_schema_pattern_must_be_portable(ws: Path, put: Writer) -> None:
    put("fields/extra.json", {"$schema": DRAFT, "title": "Extra", "type": "string",
                              "pattern": "^SID\\d{5,}$"})
    assert lines(ws) == ["fields/extra.json:/pattern: pattern not portable: \\d also matches "
                         "non-ASCII digits in Python; write [0-9]"]


def test_extract_patterns_are_python_and_checked(ws: Path, put: Writer) -> None:
    put("fields/extra.json", {"$schema": DRAFT, "title": "Extra", "type": "string",
                              "x-deskops": {"extract": ["(?i)SID[:# ]*(\\d{5,})", "(a+)+$"]}})
    assert lines(ws) == ["fields/extra.json:/x-deskops/extract/1: nested unbounded quantifiers "
                         "(like (a+)+) can take exponential time; rewrite without a repeat "
                         "inside a repeat"]


def test_attachments_and_brands_reach_the_model(ws: Path, put: Writer) -> None:
    form = doc("forms/billing.json")
    form["x-deskops"] = {
        "brands": ["gamigo-us"],
        "attachments": [{"name": "dxdiag", "pattern": "(?i)dxdiag.*\\.txt$",
                         "title": {"en": "a DXDIAG report", "fr": "un rapport DXDIAG"}}],
    }
    put("forms/billing.json", form)
    billing = load(ws).forms["billing"]
    assert billing.brands == ("gamigo-us",)
    assert billing.attachments == ({"name": "dxdiag", "pattern": "(?i)dxdiag.*\\.txt$",
                                    "title": {"en": "a DXDIAG report",
                                              "fr": "un rapport DXDIAG"}},)


def test_settings_brand_is_the_default_for_forms(ws: Path, put: Writer) -> None:
    settings = doc("deskops.json")
    settings["brand"] = "gamigo-us"
    put("deskops.json", settings)
    assert {f.brands for f in load(ws).forms.values()} == {("gamigo-us",)}


def test_vendor_blocks_and_extract_reach_the_model(ws: Path, put: Writer) -> None:
    put("fields/extra.json", {"$schema": DRAFT, "title": "Extra", "type": "string",
                              "x-deskops": {"zendesk": {"agent_description": "x"},
                                            "freshdesk": {"required_for_closure": True},
                                            "extract": ["SID[:# ]*(\\d{5,})"]}})
    extra = load(ws).fields["extra"]
    assert extra.vendor == {"zendesk": {"agent_description": "x"},
                            "freshdesk": {"required_for_closure": True}}
    assert extra.extract == ("SID[:# ]*(\\d{5,})",)


def test_every_problem_is_reported_at_once(ws: Path, put: Writer) -> None:
    put("fields/server.json", "{ nope")
    put("fields/priority.json", {"$schema": DRAFT, "title": "P", "type": "string"})
    field = doc("fields/platform.json")
    field["x-deskops"]["tilte"] = {}
    put("fields/platform.json", field)
    assert len(validate(ws)) == 3
    with pytest.raises(WorkspaceError) as info:
        load(ws)
    assert len(info.value.problems) == 3
