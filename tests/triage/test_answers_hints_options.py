"""Answer rules (reply with a workspace template and solve), optional and conditional
attachments, localized system-field hints, and dropdowns filled from reply lines."""

from __future__ import annotations

import dataclasses
import html as _html
from pathlib import Path
from typing import Any

import pytest
from triage_support import (
    BOT,
    FIELD_IDS,
    FIELDS,
    FORM_IDS,
    FORMS,
    GROUP_IDS,
    RULES,
    T0,
    apply,
    hours,
    reply,
    ticket,
    workspace,
)

from integrations.errors import WorkspaceError
from integrations.model import Form, Workspace
from integrations.triage import (
    ANSWERED_TAG,
    TRIAGED_TAG,
    TriageContext,
    Update,
    decide,
    explain_json,
    explain_text,
    load_templates,
    parse_rules,
    validate_rules,
)

FID = {k: i for i, k in FIELD_IDS.items()}
FORM = {k: i for i, k in FORM_IDS.items()}

REWARDS_RULE: dict[str, Any] = {
    "name": "cash back is a consumer question",
    "when": {"keywords": {"*": ["cash back", "cashback"], "fr": ["remise en argent"],
                          "pt-br": ["dinheiro de volta"]}},
    "then": {"tags": ["consumer_rewards"], "reply": "rewards_pointer", "status": "solved"},
    "stop": True,
}

POINTER = {
    "en": "<p>Hello,</p><p>Cash back{% if subject %} ({{ subject }}){% endif %}: see "
          "https://www.rakuten.com/help</p>",
    "fr": "<p>Bonjour,</p><p>Pour le cash back{% if subject %} ({{ subject }}){% endif %}, "
          "voyez https://www.rakuten.com/help</p>",
    "pt-br": "<p>Olá,</p><p>Cashback{% if subject %} ({{ subject }}){% endif %}: veja "
             "https://www.rakuten.com/help</p>",
}


def text(update: Update) -> str:
    return _html.unescape(update.comment.html) if update.comment is not None else ""


def write_templates(root: Path, locales: dict[str, str], name: str = "rewards_pointer") -> None:
    for locale, source in locales.items():
        (root / "templates" / locale).mkdir(parents=True, exist_ok=True)
        (root / "templates" / locale / f"{name}.html").write_text(source, encoding="utf-8")


def answer_context(tmp_path: Path, *, rules: list[dict[str, Any]] | None = None,
                   ws: Workspace | None = None) -> TriageContext:
    ws = ws or workspace(tmp_path)
    write_templates(ws.root, POINTER)
    data = {**RULES, "rules": [REWARDS_RULE, *RULES["rules"]] if rules is None else rules}
    return TriageContext.build(ws, field_ids=FIELD_IDS, form_ids=FORM_IDS, group_ids=GROUP_IDS,
                               self_author_ids=[BOT], rules=parse_rules(data, ws))


# --------------------------------------------------------------------------- answer rules


@pytest.mark.parametrize(("subject", "body", "locale", "recipient"), [
    ("Where is my cash back?", "Hello, my cash back for last month never arrived in my "
     "account, can you check?", "en", None),
    ("Remise en argent manquante", "Bonjour, ma remise en argent du mois dernier n'est "
     "jamais arrivée sur mon compte.", "fr", None),
    ("Dinheiro de volta", "Olá, o meu dinheiro de volta do mês passado nunca chegou na "
     "minha conta, podem verificar?", "pt-br", "brpubsupport@rakuten.com"),
])
def test_answer_rule_replies_in_the_requesters_language_solves_and_asks_nothing(
        tmp_path: Path, subject: str, body: str, locale: str, recipient: str | None) -> None:
    ctx = answer_context(tmp_path)
    t = ticket(subject=subject, description=body, form_id=FORM["publisher_support"],
               channel="email", recipient=recipient)
    d = decide(t, ctx)
    assert d.kind == "answer" and d.language == locale
    # missing (with what a technical problem would need), yet not asked
    assert [m.key for m in d.missing if m.reason != "if_choice"] == ["sid", "problem_type"]
    assert d.update.status == "solved"
    assert d.update.comment is not None and d.update.comment.locale == locale
    assert d.update.comment.template == "rewards_pointer"
    assert "https://www.rakuten.com/help" in text(d.update) and subject in text(d.update)
    assert {ANSWERED_TAG, TRIAGED_TAG, "consumer_rewards"} <= set(d.update.add_tags)
    assert not any(tag.startswith("deskops_ask_") or tag == "deskops_needs_info"
                   for tag in d.update.add_tags)
    assert "pub_brazil" not in d.update.add_tags  # the answer rule stops
    assert any("answers before the missing-information check" in r for r in d.reasons)
    assert explain_json(d)["rules"][0]["reply"] == "rewards_pointer"
    assert "replies with rewards_pointer and sets solved" in explain_text(d)


def test_answer_rule_never_echoes_an_unverified_requesters_text(tmp_path: Path) -> None:
    ctx = answer_context(tmp_path)
    t = ticket(subject="cash back <script>x</script> visit evil.example",
               description="Cash back please, visit evil.example", requester_verified=False)
    d = decide(t, ctx)
    assert d.kind == "answer"
    assert "evil.example" not in text(d.update) and "script" not in text(d.update)
    assert any("not verified" in r for r in d.reasons)


def test_answer_rule_does_not_solve_a_form_a_human_must_confirm(tmp_path: Path) -> None:
    ctx = answer_context(tmp_path)
    t = ticket(subject="Delete my account and my cash back", description="Hello, please "
               "delete my account; I do not care about the cash back.",
               form_id=FORM["account_deletion"])
    d = decide(t, ctx)
    assert d.kind == "answer" and d.update.status == "open"
    assert d.update.comment is not None
    assert any("needs a human to confirm" in r for r in d.reasons)


def test_answer_is_sent_once_and_reopens_a_waiting_ticket(tmp_path: Path) -> None:
    ctx = answer_context(tmp_path)
    t = ticket(subject="Problem", description="Hello, something is wrong with my account.",
               form_id=FORM["publisher_support"])
    asked = decide(t, ctx)
    assert asked.kind == "ask"
    t = apply(t, asked.update, T0 + hours(1))
    t = reply(t, "Sorry, this is about my cash back actually.", T0 + hours(2))
    d = decide(t, ctx)
    assert d.kind == "answer" and d.update.status == "solved"
    assert "deskops_needs_info" in d.update.remove_tags
    assert any(tag.startswith("deskops_ask_") for tag in d.update.remove_tags)
    # The requester writes again on the (reopened) ticket: people take over, no second answer.
    t = reply(apply(t, d.update, T0 + hours(3)), "Thanks!", T0 + hours(4))
    assert decide(t, ctx).kind == "no_change"


def test_answer_template_missing_in_the_requesters_locale_falls_back_to_the_default(
        tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    write_templates(tmp_path, {"en": POINTER["en"]})
    data = {**RULES, "rules": [REWARDS_RULE]}
    ctx = TriageContext.build(ws, field_ids=FIELD_IDS, form_ids=FORM_IDS, group_ids=GROUP_IDS,
                              self_author_ids=[BOT], rules=parse_rules(data, ws))
    d = decide(ticket(subject="Cashback", description="안녕하세요, cashback 이 아직 들어오지 "
                      "않았습니다."), ctx)
    assert d.language == "ko" and d.update.comment is not None
    assert d.update.comment.locale == "en" and "rakuten.com/help" in text(d.update)


def test_rule_naming_a_missing_template_is_a_validation_error(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    data = {"rules": [REWARDS_RULE]}
    [problem] = validate_rules(data, ws)
    assert (problem.file, problem.pointer) == ("rules.json", "/rules/0/then/reply")
    assert "templates/en/rewards_pointer.html" in problem.message
    write_templates(tmp_path, {"fr": POINTER["fr"]})
    [problem] = validate_rules(data, ws)
    assert "only in fr" in problem.message
    write_templates(tmp_path, {"en": POINTER["en"]})
    assert validate_rules(data, ws) == []


def test_answer_rules_must_stop_and_status_needs_a_reply() -> None:
    rules = {"rules": [
        {"name": "a", "then": {"reply": "closing"}},
        {"name": "b", "then": {"status": "solved", "tags": ["x"]}},
        {"name": "c", "then": {"reply": "Bad Name!"}, "stop": True},
        {"name": "d", "then": {"reply": "closing", "status": "closed"}, "stop": True},
    ]}
    where = {p.pointer for p in validate_rules(rules, workspace())}
    assert where == {"/rules/2/then/reply", "/rules/3/then/status"}  # meta-schema first
    rules["rules"] = rules["rules"][:2]
    problems = {p.pointer: p.message for p in validate_rules(rules, workspace())}
    assert set(problems) == {"/rules/0/stop", "/rules/1/then/status"}
    assert "must stop" in problems["/rules/0/stop"]


def test_extra_template_names_are_loaded_only_when_a_rule_refers_to_them(
        tmp_path: Path) -> None:
    write_templates(tmp_path, {"en": POINTER["en"]})
    with pytest.raises(WorkspaceError, match="unknown template 'rewards_pointer'"):
        load_templates(tmp_path, "en")
    templates = load_templates(tmp_path, "en", {"rewards_pointer"})
    assert templates.has("rewards_pointer") and not templates.has("rewards_pointer", "fr")
    with pytest.raises(WorkspaceError, match=r"rules\.json replies with template 'faq'"):
        load_templates(tmp_path, "en", {"rewards_pointer", "faq"})


# --------------------------------------------------------------------------- attachments


def _with_attachments(*specs: dict[str, Any]) -> TriageContext:
    form = dataclasses.replace(FORMS["publisher_support"], attachments=specs)
    ws = dataclasses.replace(workspace(), forms={**FORMS, "publisher_support": form})
    return TriageContext.build(ws, field_ids=FIELD_IDS, form_ids=FORM_IDS, group_ids=GROUP_IDS,
                               self_author_ids=[BOT], rules=parse_rules(RULES, ws))


SCREENSHOTS = {"name": "screenshots", "pattern": r"(?i)\.(png|jpe?g)$",
               "title": {"en": "Screenshots", "fr": "Captures d'écran"},
               "description": {"en": "Of the error", "fr": "De l'erreur"}}


def test_conditional_required_attachment_is_asked_only_when_its_condition_holds() -> None:
    ctx = _with_attachments({**SCREENSHOTS, "when": {"problem_type": "pub_technical"}})
    base = dict(subject="Rapport vide", description="Bonjour, le rapport est vide.",
                form_id=FORM["publisher_support"], requester_locale="fr")
    payment = decide(ticket(**base, fields={FID["sid"]: "1234567",
                                            FID["problem_type"]: "pub_payment"}), ctx)
    assert payment.kind == "route"
    technical = decide(ticket(**base, fields={
        FID["sid"]: "1234567", FID["problem_type"]: "pub_technical",
        FID["browser"]: "browser_chrome", FID["os"]: "Windows",
        FID["error_message"]: "500"}), ctx)
    assert [(m.key, m.reason) for m in technical.missing] == [("screenshots", "attachment")]
    assert "Captures d'écran" in text(technical.update) and "De l'erreur" in text(technical.update)


def test_optional_attachment_is_a_hint_never_a_request() -> None:
    ctx = _with_attachments({**SCREENSHOTS, "required": False})
    fields = {FID["problem_type"]: "pub_payment"}
    d = decide(ticket(subject="Paiement", description="Bonjour, le paiement n'est pas arrivé.",
                      form_id=FORM["publisher_support"], fields=fields), ctx)
    assert [m.key for m in d.missing] == ["sid"]
    assert [(m.key, m.reason) for m in d.hints] == [("screenshots", "optional")]
    body = text(d.update)
    assert "Facultatif, mais utile" in body and "Captures d'écran" in body
    assert body.index("ID du site") < body.index("Captures d'écran")
    assert explain_json(d)["hints"][0]["key"] == "screenshots"
    # Same request once the hint is answered: no second message.
    t = apply(ticket(subject="Paiement", description="Bonjour, le paiement n'est pas arrivé.",
                     form_id=FORM["publisher_support"], fields=fields), d.update, T0 + hours(1))
    again = decide(reply(t, "Voici la capture.", T0 + hours(2), attachments=("err.png",)), ctx)
    assert again.kind == "no_change" and again.hints == ()
    complete = decide(ticket(subject="Paiement", description="Bonjour, SID 1234567, le "
                             "paiement n'est pas arrivé.", form_id=FORM["publisher_support"],
                             fields=fields), ctx)
    assert complete.kind == "route" and complete.update.comment is None


# --------------------------------------------------------------------------- system fields


def test_system_field_hint_comes_from_the_forms_localized_description() -> None:
    schema = {"properties": {"subject": {"type": "string", "description": "Five to seven words.",
                                         "x-deskops": {"system": "subject", "description": {
                                             "fr": "Cinq à sept mots.", "ko": "다섯에서 일곱 단어"},
                                             "title": {"fr": "Objet"}}}}}
    form = dataclasses.replace(FORMS["streaming_request"], schema=schema)
    ws = dataclasses.replace(workspace(), forms={**FORMS, "streaming_request": form})
    ctx = TriageContext.build(ws, field_ids=FIELD_IDS, form_ids=FORM_IDS, group_ids=GROUP_IDS,
                              self_author_ids=[BOT], rules=parse_rules(RULES, ws))
    for locale, title, hint in (("fr", "Objet", "Cinq à sept mots."),
                                ("ko", "제목", "다섯에서 일곱 단어"),
                                ("en", "Subject", "Five to seven words.")):
        d = decide(ticket(description="x " * 40, requester_locale=locale,
                          fields={FID["occupation"]: "occ_user"},
                          form_id=FORM["streaming_request"]), ctx)
        assert [m.key for m in d.missing] == ["subject"], locale
        assert d.missing[0].label(locale) == title and d.missing[0].hint(locale) == hint


# --------------------------------------------------------------------------- dropdown replies


@pytest.fixture
def pub_ctx() -> TriageContext:
    ws = workspace()
    options = tuple(dataclasses.replace(o, titles={
        "pub_technical": {"en": "Technical", "fr": "Problème technique",
                          "pt-br": "Problema técnico"},
        "pub_payment": {"en": "Payment", "fr": "Paiement", "pt-br": "Pagamento"},
        "pub_rewards": {"en": "Rewards / cash back"},
    }[o.value]) for o in FIELDS["problem_type"].options)
    fields = {**FIELDS, "problem_type": dataclasses.replace(
        FIELDS["problem_type"], options=options,
        titles={"en": "Problem type", "fr": "Type de problème", "pt-br": "Tipo de problema"})}
    ws = dataclasses.replace(ws, fields=fields)
    return TriageContext.build(ws, field_ids=FIELD_IDS, form_ids=FORM_IDS, group_ids=GROUP_IDS,
                               self_author_ids=[BOT], rules=parse_rules(RULES, ws))


def _asked(ctx: TriageContext, description: str) -> Any:
    t = ticket(subject="Question", description=description, form_id=FORM["publisher_support"])
    d = decide(t, ctx)
    assert [m.key for m in d.missing if m.reason != "if_choice"] == ["problem_type"], d.missing
    return apply(t, d.update, T0 + hours(1))


@pytest.mark.parametrize(("answer", "value"), [
    ("Type de problème : Paiement", "pub_payment"),           # fr label: localized title
    ("  - tipo de problema: pagamento.", "pub_payment"),      # pt-br, bullet, case, full stop
    ("Tipo de problema: Problema técnico", "pub_technical"),  # pt-br title of several words
    ("Problème technique", "pub_technical"),                  # a line that is only the option
    ("problem_type: pub_rewards", "pub_rewards"),             # key and option value
    ("Type de problème : c'est un Paiement en retard", "pub_payment"),  # the one option named
    ("J'ai eu un paiement refusé hier", "pub_payment"),       # free text: the option's title
])
def test_a_reply_fills_a_dropdown_from_an_option_title_or_value(
        pub_ctx: TriageContext, answer: str, value: str) -> None:
    t = _asked(pub_ctx, "Bonjour, SID 1234567. J'ai une question sur mon compte.")
    done = decide(reply(t, f"Bonjour,\n{answer}\nMerci", T0 + hours(2)), pub_ctx)
    assert done.update.fields.get(FID["problem_type"]) == value, done.missing
    assert done.extracted[-1].key == "problem_type"


@pytest.mark.parametrize("answer", [
    "Type de problème : Paiement ou Problème technique",  # two options: ambiguous
    "Type de problème : inconnu",                         # not an option
])
def test_a_reply_that_does_not_name_exactly_one_option_fills_nothing(
        pub_ctx: TriageContext, answer: str) -> None:
    t = _asked(pub_ctx, "Bonjour, SID 1234567. J'ai une question sur mon compte.")
    again = decide(reply(t, answer, T0 + hours(2)), pub_ctx)
    assert FID["problem_type"] not in again.update.fields
    assert [m.key for m in again.missing if m.reason != "if_choice"] == ["problem_type"]


def test_option_lines_are_matched_within_the_input_cap(pub_ctx: TriageContext) -> None:
    from integrations.triage._instance import MAX_INPUT

    t = _asked(pub_ctx, "Bonjour, SID 1234567. J'ai une question sur mon compte.")
    late = "x" * (MAX_INPUT + 10) + "\nPaiement"
    again = decide(reply(t, late, T0 + hours(2)), pub_ctx)
    assert FID["problem_type"] not in again.update.fields


def test_form_level_changes_keep_the_model_comparable() -> None:
    """Localized descriptions are worker data: not provisioned, not in plan equality."""
    a = Form(key="f", title="F", fields=(), description="D", descriptions={"en": "D"})
    b = dataclasses.replace(a, descriptions={"en": "D", "fr": "Dé"})
    assert a == b

