"""``deskops validate`` through the real click root group."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from integrations.cli.main import cli

from .conftest import DRAFT, EXAMPLE, Writer, doc


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env={"DESKOPS_TARGET": None})
    return result.exit_code, result.stdout, result.stderr


def test_three_mistakes_three_lines_exit_1(ws: Path, put: Writer) -> None:
    put("fields/server.json", '{"title": "Server", "type": "string",, }')  # bad JSON
    field = doc("fields/platform.json")
    field["x-deskops"]["titel"] = field["x-deskops"].pop("title")  # typo
    put("fields/platform.json", field)
    form = doc("forms/billing.json")
    form["properties"]["platform"] = {"$ref": "../fields/platfrom.json"}  # dangling $ref
    put("forms/billing.json", form)

    code, out, err = run("validate", str(ws))

    assert code == 1 and out == ""  # problems are diagnostics: stderr
    assert err.splitlines()[:3] == [
        "fields/platform.json:/x-deskops/titel: unknown x-deskops key 'titel' (did you mean "
        "'title'?)",
        "fields/server.json:/: invalid JSON at line 1:38: Expecting property name enclosed in "
        "double quotes",
        "forms/billing.json:/properties/platform/$ref: $ref '../fields/platfrom.json' does not "
        "resolve: there is no fields/platfrom.json (did you mean ../fields/platform.json?)",
    ]
    assert "invalid: 3 problems" in err


def test_valid_workspace_prints_one_summary_line(ws: Path) -> None:
    code, out, _ = run("-w", str(ws), "validate")
    assert (code, out) == (0, "ok: 3 fields, 2 forms, locales en fr ko\n")


def test_target_option_on_validate_and_on_root(ws: Path, put: Writer) -> None:
    put("fields/tags.json", {"$schema": DRAFT, "title": "Tags", "type": "array",
                             "items": {"enum": ["tag_a"]}, "uniqueItems": True})
    assert run("validate", str(ws), "--target", "zendesk")[0] == 0
    code, _, err = run("validate", str(ws), "--target", "freshdesk")
    assert code == 1
    assert err.splitlines()[0] == ("fields/tags.json:/type: Freshdesk has no multi-select "
                                   "custom field; use a dropdown or several checkboxes "
                                   "(target: freshdesk)")
    assert run("--target", "freshdesk", "validate", str(ws))[0] == 1


def test_warnings_do_not_change_the_exit_code(ws: Path, put: Writer) -> None:
    form = doc("forms/billing.json")
    form["required"] = []
    put("forms/billing.json", form)
    code, out, err = run("validate", str(ws))
    assert code == 0
    assert out.startswith("ok: ")
    assert err.startswith("warning: fields/platform.json:/: required in forms/support.json")


def test_bad_target_is_a_usage_error(ws: Path) -> None:
    assert run("validate", str(ws), "--target", "jira")[0] == 2


def test_example_workspace_validates_for_both_targets() -> None:
    for target in ("zendesk", "freshdesk"):
        code, out, err = run("validate", str(EXAMPLE), "--target", target)
        assert (code, out) == (0, f"ok: 23 fields, 7 forms, locales en fr ko, target {target}\n")
    # Freshdesk: the character-name pattern is enforced by the worker only.
    assert "warning: fields/character_name.json:/pattern:" in err


def test_missing_folder_is_one_line(tmp_path: Path) -> None:
    code, _, err = run("validate", str(tmp_path / "nope"))
    assert code == 1
    missing = f"{tmp_path / 'nope'}:/: not a workspace folder (it does not exist)"
    assert err.splitlines()[0] == missing


def test_settings_json_is_checked(ws: Path) -> None:
    (ws / "deskops.json").write_text(json.dumps({"default_locale": "EN", "locales": ["en"]}))
    code, _, err = run("validate", str(ws))
    assert code == 1
    assert err.splitlines()[0] == ("deskops.json:/default_locale: 'EN' is not a locale code "
                                   "like 'en', 'fr', 'ko' or 'pt-br' (lowercase)")
