"""Speed work on the decision path (issue 10: 1,500 decisions/s) must not change a decision:
each shortcut is checked here against the slow path it stands in for."""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import Draft202012Validator
from triage_support import EXAMPLES

from integrations.triage._instance import TicketValidator, compile_form, quick_check
from integrations.workspace import load

CHECKER = Draft202012Validator.FORMAT_CHECKER

#: Property schemas of the shapes `compile_form` builds, and values either side of each.
SCHEMAS: list[dict[str, Any]] = [
    {"type": "string", "minLength": 20, "title": "Description"},
    {"type": "string", "minLength": 1},
    {"type": "string", "maxLength": 6},
    {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9 '_-]{1,23}$"},
    {"type": "string", "maxLength": 254, "pattern": "^[^@ ]+@[^@ ]+[.][^@ ]+$"},
    {"type": "string", "format": "date"},
    {"type": "string", "enum": ["pc", "console", "mobile"]},
    {"enum": ["a", "b"]},
    {"type": "boolean"},
    {"allOf": [{"type": "boolean", "title": "I understand"}, {"const": True}]},
    {"const": True},
    {},
]
VALUES: list[Any] = [
    "", "a", "pc", "PC", "console ", "b", "x" * 7, "abc", "Grom_77", "-bad", "me@example.org",
    "me@example", "2024-05-01", "2024-13-01", "01/05/2024", "help!!!!!!!!!!!!!!!!!!!!!",
    "The game closes by itself at launch since the update.",
    "게임이 실행하면 바로 종료됩니다 도와주세요",
    True, False, 1, 0, 1.0, None, ["pc"], {"a": 1},
]


@pytest.mark.parametrize("schema", SCHEMAS)
def test_quick_check_never_passes_what_the_validator_rejects(schema: dict[str, Any]) -> None:
    check = quick_check(schema, CHECKER)
    assert check is not None, "a shape compile_form builds has a quick check"
    validator = TicketValidator(schema, format_checker=CHECKER)
    for value in VALUES:
        if check(value):
            assert validator.is_valid(value), (schema, value)


@pytest.mark.parametrize("schema", SCHEMAS)
def test_quick_check_passes_most_valid_values(schema: dict[str, Any]) -> None:
    """The shortcut is worth having: it passes every value these shapes accept."""
    check = quick_check(schema, CHECKER)
    assert check is not None
    validator = TicketValidator(schema, format_checker=CHECKER)
    for value in VALUES:
        if validator.is_valid(value):
            assert check(value), (schema, value)


@pytest.mark.parametrize("schema", [
    {"type": ["string", "null"]}, {"enum": ["a", 1]}, {"$ref": "#/$defs/x"},
    {"oneOf": [{"const": "a"}]}, {"allOf": [{"type": "string"}, {"not": {"const": "a"}}]},
    {"type": "string", "x-other": 1}, {"const": "a"}, {"type": "integer"},
])
def test_other_shapes_are_left_to_the_validator(schema: dict[str, Any]) -> None:
    assert quick_check(schema, CHECKER) is None


@pytest.mark.parametrize("example", ["game-publisher", "streaming-platform", "ad-network"])
def test_every_example_property_has_a_sound_check(example: str) -> None:
    """On the example forms as the loader reads them: wherever a quick check exists, it
    passes no value the form's own validator rejects."""
    ws = load(EXAMPLES / example)
    for form in ws.forms.values():
        spec = compile_form(form, ws.fields, ws.default_locale)
        for key, check in spec.property_checks.items():
            validator = spec.property_validators[key]
            options = [o.value for o in spec.fields[key].options] if key in spec.fields else []
            for value in [*VALUES, *options]:
                if check(value):
                    assert validator.is_valid(value), (form.key, key, value)
