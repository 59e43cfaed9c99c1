"""The game publisher example: what it means in the neutral model and for the worker."""

from __future__ import annotations

from integrations.workspace import check, form_validator, load

from .conftest import EXAMPLE


def test_example_loads_for_both_targets_with_the_seed_forms() -> None:
    for target in ("zendesk", "freshdesk"):
        report = check(EXAMPLE, target)
        assert report.errors == []
    ws = load(EXAMPLE, "zendesk")
    assert ws.locales == ("en", "fr", "ko")
    assert list(ws.forms) == [
        "account-recovery", "unable-to-purchase", "glyph-account-issues", "report-a-player",
        "in-game-issues", "technical-issues", "account-deletion"]
    technical = ws.forms["technical-issues"]
    assert technical.default and technical.titles["ko"] == "기술 문제"
    assert technical.fields[0] == "subject" and technical.fields[-1] == "description"
    assert technical.attachments[0]["name"] == "dxdiag"
    assert technical.brands == ("gamigo-us",)
    (crash,) = technical.conditions
    assert (crash.parent, crash.value) == ("issue_type", "tech_crash")
    assert [(c.field, c.required) for c in crash.children] == [
        ("operating_system", True), ("graphics_card", False)]
    product = ws.fields["product"]
    assert product.kind == "dropdown" and product.required_in_portal
    assert [o.value for o in product.options][:2] == ["game_trove", "game_rift"]
    assert ws.fields["deletion_reason"].kind == "textarea"
    assert ws.fields["occurred_on"].kind == "date"
    assert ws.fields["character_name"].kind == "regexp"
    assert ws.forms["account-deletion"].schema["x-deskops"]["auto_solve"] is False


def test_form_validator_resolves_refs_and_checks_conditions() -> None:
    ws = load(EXAMPLE)
    validator = form_validator(ws, "technical-issues")
    ticket = {"subject": "Game crashes", "product": "game_trove", "platform": "platform_pc",
              "region": "region_eu", "account_name": "hero42", "issue_type": "tech_crash",
              "description": "It crashes right after the loading screen."}
    missing = sorted(e.message for e in validator.iter_errors(ticket))
    assert missing == ["'operating_system' is a required property"]
    assert list(validator.iter_errors({**ticket, "operating_system": "Windows 11"})) == []
    assert list(validator.iter_errors({**ticket, "issue_type": "tech_login"})) == []
    wrong_product = {**ticket, "operating_system": "Windows 11", "product": "game_wow"}
    assert [list(e.absolute_path) for e in validator.iter_errors(wrong_product)] == [["product"]]


def test_form_validator_patterns_have_ecma_meaning_and_dates_are_checked() -> None:
    ws = load(EXAMPLE)
    validator = form_validator(ws, "in-game-issues")

    def errors(instance: dict[str, object]) -> list[str]:
        return sorted(str(list(e.absolute_path)) for e in validator.iter_errors(instance))

    base = {"subject": "Lost sword", "product": "game_rift", "platform": "platform_pc",
            "region": "region_na", "ingame_category": "ingame_quest",
            "description": "My quest reward vanished yesterday evening."}
    assert errors({**base, "character_name": "Hero 42"}) == []
    # ECMA's $ does not match before a trailing newline (Python's would).
    assert errors({**base, "character_name": "Hero42\n"}) == ["['character_name']"]
    assert errors({**base, "character_name": "Hero42", "occurred_on": "2024-02-30"}) == [
        "['occurred_on']"]
