"""rules.json checks and compilation, templates, and language detection."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from triage_support import FIELD_IDS, FORM_IDS, GROUP_IDS, workspace

from integrations.errors import ConfigError, WorkspaceError
from integrations.language import detect, has_hangul
from integrations.triage import (
    TriageContext,
    load_rules,
    load_templates,
    parse_rules,
    validate_rules,
)


def test_rules_meta_schema_reports_every_problem_with_a_pointer() -> None:
    bad: dict[str, Any] = {
        "settings": {"mode": "loud", "chase": {"solve_after_hours": -1}},
        "rules": [
            {"name": "x", "when": {"colour": "red"}, "then": {"group": "A"}},
            {"name": "y", "then": {"priority": "extreme"}},
            {"name": "z", "when": {"patterns": {"fr": ["(unclosed"]}}, "then": {"tags": ["t"]}},
        ],
    }
    problems = validate_rules(bad, workspace())
    where = sorted(p.pointer for p in problems)
    assert "/settings/mode" in where
    assert "/settings/chase/solve_after_hours" in where
    assert "/rules/0/when" in where
    assert "/rules/1/then/priority" in where
    assert all(str(p).startswith("rules.json:/") for p in problems)
    # the pattern problem is reported once the meta-schema is satisfied
    only_pattern = {"rules": [bad["rules"][2]]}
    [p] = validate_rules(only_pattern, workspace())
    assert p.pointer == "/rules/0/when/patterns/fr/0" and "regular expression" in p.message


def test_rules_name_unknown_forms_fields_and_locales() -> None:
    data = {"settings": {"default_form": "nope"},
            "rules": [{"name": "a", "when": {"form": "ghost", "fields": {"colour": "red"},
                                             "keywords": {"de": ["hallo"]}},
                       "then": {"tags": ["a"]}}]}
    messages = [str(p) for p in validate_rules(data, workspace())]
    assert any("unknown form 'nope'" in m for m in messages)
    assert any("unknown form 'ghost'" in m for m in messages)
    assert any("unknown field 'colour'" in m for m in messages)
    assert any("'de'" in m for m in messages)
    with pytest.raises(WorkspaceError):
        parse_rules(data, workspace())


def test_group_names_resolve_once_and_unknown_ones_fail_clearly() -> None:
    rules = parse_rules({"rules": [{"name": "r", "then": {"group": "Nowhere"}}]}, workspace())
    with pytest.raises(ConfigError, match="no helpdesk group named 'Nowhere'"):
        TriageContext.build(workspace(), field_ids=FIELD_IDS, form_ids=FORM_IDS,
                            group_ids=GROUP_IDS, rules=rules)
    ok = parse_rules({"rules": [{"name": "r", "then": {"group": "Billing"}}]}, workspace())
    [compiled] = ok.compile(GROUP_IDS)
    assert compiled.group_id == 7004


def test_chase_schedule_must_increase() -> None:
    with pytest.raises(WorkspaceError, match="must increase"):
        parse_rules({"settings": {"chase": {"reminders_after_hours": [72, 24]}}})


def test_rules_file_is_read_from_the_workspace(tmp_path: Path) -> None:
    assert load_rules(tmp_path).rules == ()  # none: defaults
    (tmp_path / "rules.json").write_text('{"rules": [', encoding="utf-8")
    with pytest.raises(WorkspaceError, match=r"rules\.json:/: not valid JSON"):
        load_rules(tmp_path)
    (tmp_path / "rules.json").write_text(json.dumps(
        {"settings": {"needs_info_tag": "waiting_info"},
         "rules": [{"name": "r", "when": {"channel": "email"}, "then": {"tags": ["mail"]}}]}),
        encoding="utf-8")
    rs = load_rules(tmp_path)
    assert rs.settings.needs_info_tag == "waiting_info" and rs.rules[0].tags == ("mail",)


def test_workspace_templates_override_defaults_and_stay_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "templates" / "fr"
    folder.mkdir(parents=True)
    (folder / "request.html").write_text(
        "<p>Salut ! Il manque :</p>{% for i in items %}<b>{{ i.label }}</b>{% endfor %}"
        "{{ subject }}", encoding="utf-8")
    t = load_templates(tmp_path, "en")
    locale, html = t.render("request", "fr-CA", items=[{"label": "<i>x</i>", "hint": "",
                                                        "reason": "required", "value": None}],
                            subject="<script>")
    assert locale == "fr"
    assert html == "<p>Salut ! Il manque :</p><b>&lt;i&gt;x&lt;/i&gt;</b>&lt;script&gt;"
    # other templates of the locale still come from the defaults
    assert "relance 2" in t.render("reminder", "fr", reminder_number=2)[1]
    assert t.pick_locale("de") == "en"


def test_template_errors_are_workspace_problems(tmp_path: Path) -> None:
    folder = tmp_path / "templates" / "ko"
    folder.mkdir(parents=True)
    (folder / "request.html").write_text("{% for i in items %}", encoding="utf-8")
    (folder / "typo.html").write_text("x", encoding="utf-8")
    (tmp_path / "templates" / "de").mkdir()
    (tmp_path / "templates" / "de" / "request.html").write_text("Hallo", encoding="utf-8")
    with pytest.raises(WorkspaceError) as info:
        load_templates(tmp_path)
    messages = [str(p) for p in info.value.problems]
    assert any("templates/ko/request.html" in m and "template error" in m for m in messages)
    assert any("unknown template 'typo'" in m for m in messages)
    assert any("templates/de" in m and "missing template reminder.html" in m for m in messages)


def test_sandboxed_templates_cannot_reach_python(tmp_path: Path) -> None:
    folder = tmp_path / "templates" / "en"
    folder.mkdir(parents=True)
    (folder / "closing.html").write_text("{{ items.__class__.__mro__[1].__subclasses__() }}",
                                         encoding="utf-8")
    t = load_templates(tmp_path)
    from jinja2.exceptions import SecurityError, UndefinedError

    with pytest.raises((SecurityError, UndefinedError)):
        t.render("closing", "en")


LOCALES = ("en", "fr", "ko", "pt-br")


@pytest.mark.parametrize("text,expected", [
    ("로그인이 안 됩니다. 계정을 확인해 주세요.", ("ko", "script")),
    ("Bonjour, je n'arrive plus à me connecter à mon compte depuis hier soir.",
     ("fr", "detector")),
    ("Hello, I cannot log in to my account since yesterday evening.", ("en", "detector")),
    ("Olá, não consigo acessar o painel de publisher desde ontem.", ("pt-br", "detector")),
    ("SID 1234567", ("fr", "requester")),
    ("ok", ("fr", "requester")),
])
def test_detect(text: str, expected: tuple[str, str]) -> None:
    assert detect([text], LOCALES, fallback_locale="fr-FR", default="en") == expected


def test_detect_default_and_restriction() -> None:
    assert detect(["?"], LOCALES, fallback_locale=None, default="en") == ("en", "default")
    assert detect(["?"], LOCALES, fallback_locale="de", default="en") == ("en", "default")
    # restricted to the workspace's locales: a Spanish text is never answered "es"
    locale, _ = detect(["Hola, no puedo entrar en mi cuenta desde ayer por la noche."],
                       ("en", "fr"), fallback_locale=None, default="en")
    assert locale in ("en", "fr")
    # Korean only when it is a locale of the workspace
    assert detect(["로그인이 안 됩니다"], ("en", "fr"), fallback_locale=None,
                  default="en")[0] != "ko"


def test_one_quoted_korean_word_is_not_korean() -> None:
    assert has_hangul("로그인 안됨")
    assert not has_hangul("The page shows 로그인 / 회원가입 at the bottom of every page I open")
