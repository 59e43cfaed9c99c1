"""decide(): complete, missing, extraction, replies, idempotence, never-act cases, modes."""

from __future__ import annotations

import dataclasses
import json

import pytest
from triage_support import AGENT, BOT, REQUESTER, T0, apply, context, hours, reply, ticket

from integrations.errors import ConfigError
from integrations.model import TicketComment
from integrations.triage import (
    TRIAGED_TAG,
    TriageContext,
    decide,
    explain_json,
    explain_text,
    mode_from_env,
)

NEEDS = "deskops_needs_info"

FR_COMPLETE = ticket(
    subject="Impossible d'afficher mes rapports",
    description="Bonjour, depuis hier le tableau de bord affiche une erreur quand j'ouvre "
                "les rapports de performance. J'utilise Chrome sous Windows 10.",
    form_id=11, requester_locale="fr",
    fields={101: "1234567", 102: "pub_technical", 103: "browser_chrome", 104: "Windows 10",
            105: "Erreur 500"},
)


def test_complete_ticket_is_routed_without_comment(ctx: TriageContext) -> None:
    d = decide(FR_COMPLETE, ctx)
    assert d.kind == "route"
    assert d.update.comment is None
    assert d.update.group_id == 7001
    assert set(d.update.add_tags) == {"lang_fr", TRIAGED_TAG}
    assert d.update.status is None and d.missing == ()
    assert (d.language, d.language_how) == ("fr", "detector")
    assert d.should_write


def test_missing_items_asked_exactly_in_french(ctx: TriageContext) -> None:
    t = dataclasses.replace(FR_COMPLETE, fields={102: "pub_technical"})
    d = decide(t, ctx)
    assert d.kind == "ask"
    assert d.update.fields == {103: "browser_chrome"}
    # Chrome is written in the description: extracted, not asked
    assert [m.key for m in d.missing] == ["sid", "os", "error_message"]
    assert [m.reason for m in d.missing] == ["required", "condition", "condition"]
    c = d.update.comment
    assert c is not None and c.locale == "fr" and c.template == "request"
    assert "il nous manque" in c.html
    for label in ("ID du site (SID)", "Système d&#39;exploitation", "Message d&#39;erreur"):
        assert label in c.html
    assert "Type de problème" not in c.html  # present: not asked
    assert d.update.status == "pending"
    assert NEEDS in d.update.add_tags
    assert any(t.startswith("deskops_ask_") for t in d.update.add_tags)
    assert d.update.group_id is None  # routing waits for a complete ticket


def test_extracted_dropdown_value_is_written_back_not_asked(ctx: TriageContext) -> None:
    t = dataclasses.replace(FR_COMPLETE, fields={101: "1234567", 102: "pub_technical"})
    d = decide(t, ctx)
    assert [m.key for m in d.missing] == ["os", "error_message"]
    assert d.update.fields == {103: "browser_chrome"}
    assert [e.key for e in d.extracted] == ["browser"]


def test_korean_ticket_is_asked_in_korean(ctx: TriageContext) -> None:
    t = ticket(subject="계정 문제", description="안녕하세요, 로그인이 안 됩니다. 도와주세요.",
               form_id=14, requester_locale="en")
    d = decide(t, ctx)
    assert (d.language, d.language_how) == ("ko", "script")
    assert [m.key for m in d.missing] == ["occupation"]
    assert d.update.comment is not None and d.update.comment.locale == "ko"
    assert "직업" in d.update.comment.html and "다음 정보가 필요합니다" in d.update.comment.html
    assert "lang_ko" in d.update.add_tags


def test_english_ticket_without_form_uses_default_form(ctx: TriageContext) -> None:
    t = ticket(subject="Cannot cancel my subscription",
               description="Hello, I want to cancel my subscription but the button does "
                           "nothing. I am a regular user.", channel="email")
    d = decide(t, ctx)
    assert d.form == "streaming_request" and "default" in (d.form_how or "")
    assert d.language == "en"
    # "I am a regular user" names the option by its title: read, written, not asked
    assert d.missing == () and d.kind == "route"
    assert [(e.key, e.value, e.method) for e in d.extracted] == [
        ("occupation", "occ_user", "option")]
    assert "billing" in d.update.add_tags  # keyword rule matched in English
    assert [r.name for r in d.rules] == ["billing questions"]


def test_sid_in_free_text_fills_the_field_and_is_not_asked(ctx: TriageContext) -> None:
    t = ticket(subject="Commissions manquantes",
               description="Bonjour, mon SID est 7654321 et il manque des commissions pour "
                           "le mois d'avril sur mon tableau de bord.",
               form_id=11, fields={102: "pub_payment"}, requester_locale="fr")
    d = decide(t, ctx)
    assert d.kind == "route"
    assert d.update.fields == {101: "7654321"}
    assert d.missing == ()
    assert [(e.key, e.source) for e in d.extracted] == [("sid", "description")]


def test_sid_with_wrong_format_is_not_extracted() -> None:
    t = ticket(subject="SID", description="My SID: 12 (I think)", form_id=11,
               fields={102: "pub_payment"})
    d = decide(t, context())
    assert [m.key for m in d.missing] == ["sid"] and d.update.fields == {}


def test_reply_that_completes_reopens_and_routes(ctx: TriageContext) -> None:
    t = ticket(subject="Problème d'affichage des rapports",
               description="Bonjour, le tableau de bord ne charge plus les rapports.",
               form_id=11, fields={102: "pub_payment"}, requester_locale="fr")
    first = decide(t, ctx)
    assert first.kind == "ask" and [m.key for m in first.missing] == ["sid"]
    t = apply(t, first.update, T0 + hours(1))
    assert decide(t, ctx).kind == "no_change"
    t = reply(t, "Voici mon SID : 1234567", T0 + hours(3))
    d = decide(t, ctx)
    assert d.kind == "complete"
    assert apply(t, d.update, T0 + hours(3)).status == "open"
    assert NEEDS in d.update.remove_tags and TRIAGED_TAG in d.update.add_tags
    assert any(x.startswith("deskops_ask_") for x in d.update.remove_tags)
    assert d.update.group_id == 7001 and d.update.comment is None
    assert d.update.fields == {101: "1234567"}
    assert [(e.key, e.source) for e in d.extracted] == [("sid", "comment 3")]
    t = apply(t, d.update, T0 + hours(3))
    again = decide(t, ctx)
    assert again.kind == "no_change" and again.update.empty and not again.should_write


def test_reply_that_does_not_complete_asks_only_for_the_rest(ctx: TriageContext) -> None:
    t = ticket(subject="Impossible d'afficher mes rapports", form_id=11,
               description="Le tableau de bord affiche une erreur.", fields={102: "pub_technical"})
    first = decide(t, ctx)
    assert [m.key for m in first.missing] == ["sid", "browser", "os", "error_message"]
    t = apply(t, first.update, T0 + hours(1))
    t = reply(t, "SID 1234567, navigateur Firefox.", T0 + hours(2))
    second = decide(t, ctx)
    assert second.kind == "ask"
    assert [m.key for m in second.missing] == ["os", "error_message"]
    html = second.update.comment.html if second.update.comment else ""
    assert "ID du site" not in html and "Navigateur" not in html
    assert "Système d&#39;exploitation" in html
    assert second.ask_hash != first.ask_hash
    assert "deskops_ask_" + (first.ask_hash or "") in second.update.remove_tags
    assert second.update.fields == {101: "1234567", 103: "browser_firefox"}
    # a reply adding nothing: the same request is never sent twice
    t = apply(t, second.update, T0 + hours(3))
    t = reply(t, "Merci de votre aide", T0 + hours(4))
    third = decide(t, ctx)
    assert third.kind == "no_change" and third.update.comment is None


def test_same_state_twice_is_no_change(ctx: TriageContext) -> None:
    t = dataclasses.replace(FR_COMPLETE, fields={})
    d1 = decide(t, ctx)
    d2 = decide(t, ctx)
    assert d1 == d2  # pure: same inputs, same decision
    t = apply(t, d1.update, T0 + hours(1))
    d3 = decide(t, ctx)
    assert d3.kind == "no_change" and d3.update.empty


def test_required_attachment_is_asked_until_attached(ctx: TriageContext) -> None:
    t = ticket(subject="Game crashes on launch", description="The game crashes when I launch it.",
               form_id=12, fields={201: "game_aura", 202: "PC / EU / Arcadia", 203: "Nyx"})
    d = decide(t, ctx)
    assert [(m.key, m.kind) for m in d.missing] == [("dxdiag", "attachment")]
    assert d.update.comment is not None and "DXDIAG report" in d.update.comment.html
    t = apply(t, d.update, T0 + hours(1))
    t = reply(t, "Here it is", T0 + hours(2), attachments=("DxDiag_output.txt",))
    d2 = decide(t, ctx)
    assert d2.kind == "complete" and d2.update.group_id == 7003 and d2.update.priority == "high"


@pytest.mark.parametrize("change,why", [
    ({"status": "closed"}, "closed"),
    ({"status": "solved"}, "solved"),
    ({"status": "hold"}, "on hold"),
    ({"spam": True}, "spam"),
    ({"merged": True}, "merged"),
    ({"deleted": True}, "deleted"),
    ({"tags": ("deskops_off",)}, "opt-out"),
])
def test_never_act_on(ctx: TriageContext, change: dict[str, object], why: str) -> None:
    t = dataclasses.replace(FR_COMPLETE, fields={}, **change)  # type: ignore[arg-type]
    d = decide(t, ctx)
    assert d.kind == "skip" and d.update.empty and why in d.summary


def test_agent_reply_since_last_request_stops_deskops(ctx: TriageContext) -> None:
    t = dataclasses.replace(FR_COMPLETE, fields={})
    t = apply(t, decide(t, ctx).update, T0 + hours(1))
    t = apply(t, decide(t, ctx).update, T0 + hours(1))
    agent = TicketComment(id=9, author_id=AGENT, public=True, body="Je m'en occupe.",
                          created_at=T0 + hours(2), from_agent=True)
    t = dataclasses.replace(t, comments=(*t.comments, agent))
    t = reply(t, "SID 1234567", T0 + hours(3))
    d = decide(t, ctx)
    assert d.kind == "skip" and "agent" in d.summary


def test_auto_responder_reply_gets_no_answer(ctx: TriageContext) -> None:
    t = dataclasses.replace(FR_COMPLETE, fields={})
    t = apply(t, decide(t, ctx).update, T0 + hours(1))
    headers = reply(t, "Thanks", T0 + hours(2), auto=True)
    assert decide(headers, ctx).kind == "skip"
    text = reply(t, "Je suis absent du bureau jusqu'au 12 mai. Réponse automatique.",
                 T0 + hours(2))
    d = decide(text, ctx)
    assert d.kind == "skip" and "auto-responder" in d.summary
    robot = ticket(subject="Automatic reply: Out of office", description="I am away.",
                   channel="email")
    assert decide(robot, ctx).kind == "skip"


def test_shadow_mode_and_kill_switch_never_write() -> None:
    t = dataclasses.replace(FR_COMPLETE, fields={})
    shadow = decide(t, context(mode="shadow"))
    assert shadow.kind == "ask" and shadow.update.comment is not None
    assert not shadow.should_write
    off = decide(t, context(mode=mode_from_env({"DESKOPS_KILL_SWITCH": "1"})))
    assert off.mode == "off" and not off.should_write
    assert "kill switch" in explain_text(off)
    assert mode_from_env({"DESKOPS_TRIAGE_MODE": "shadow"}) == "shadow"
    assert mode_from_env({}) == "live"
    with pytest.raises(ConfigError, match="DESKOPS_TRIAGE_MODE"):
        mode_from_env({"DESKOPS_TRIAGE_MODE": "loud"})
    rules_off = decide(t, context({"settings": {"mode": "off"}}))
    assert not rules_off.should_write


XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_xss_requester_text_is_escaped_for_verified_requesters(ctx: TriageContext) -> None:
    t = ticket(subject=XSS, description=f"SID: {XSS}", form_id=11, fields={101: XSS,
                                                                      102: "pub_payment"})
    d = decide(t, ctx)
    html = d.update.comment.html if d.update.comment else ""
    assert [m.reason for m in d.missing] == ["invalid"]
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html  # quoted back, escaped, to a verified requester


def test_requester_text_never_echoed_to_unverified_requesters(ctx: TriageContext) -> None:
    t = ticket(subject=XSS + " {{ 7*7 }}", description="hello", form_id=11,
               fields={101: XSS, 102: "pub_payment"}, requester_verified=False)
    d = decide(t, ctx)
    html = d.update.comment.html if d.update.comment else ""
    assert "script" not in html and "alert" not in html and "onerror" not in html
    assert "49" not in html and "7*7" not in html
    assert "ID du site" in html or "Site ID" in html
    assert any("not verified" in r for r in d.reasons)


def test_requester_text_is_never_a_template_source(ctx: TriageContext) -> None:
    t = ticket(subject="{{ 7*7 }} {% for x in range(3) %}boom{% endfor %}",
               description="I need help with my account, please.", form_id=14)
    d = decide(t, ctx)
    html = d.update.comment.html if d.update.comment else ""
    assert "{{ 7*7 }}" in html and "49" not in html and "boomboom" not in html


def test_explanations_carry_no_requester_text(ctx: TriageContext) -> None:
    secret = "MY-PRIVATE-TEXT"
    t = ticket(subject=f"Subject {secret}", description=f"Body {secret} SID: {secret}",
               form_id=11, fields={101: f"{secret}", 102: "pub_technical"},
               requester_verified=False)
    d = decide(t, ctx)
    data = explain_json(d)
    assert secret not in json.dumps(data)
    assert data["decision"] == "ask" and data["language"]["how"]
    assert {m["key"] for m in data["missing"]} == {"sid", "browser", "os", "error_message"}
    text = explain_text(d)
    assert "missing:" in text and "sid" in text and "public comment (request" in text


def test_language_falls_back_to_requester_then_default(ctx: TriageContext) -> None:
    short = ticket(subject="SID", description="1234567", form_id=14, requester_locale="pt-BR")
    d = decide(short, ctx)
    assert (d.language, d.language_how) == ("pt-br", "requester")
    assert d.update.comment is not None and "Olá" in d.update.comment.html
    nothing = ticket(subject="?", description="...", form_id=14)
    assert (decide(nothing, ctx).language, decide(nothing, ctx).language_how) == ("en", "default")


def test_brazilian_publishers_are_routed_by_recipient(ctx: TriageContext) -> None:
    t = ticket(subject="Problema com comissões",
               description="Olá, meu SID é 7654321 e as comissões de abril não aparecem no "
                           "painel.", recipient="BRPubSupport@rakuten.com", channel="email",
               form_id=11, fields={102: "pub_payment"})
    d = decide(t, ctx)
    assert d.language == "pt-br"
    assert [r.name for r in d.rules] == ["brazilian publishers"]  # stop: later rules not run
    assert d.update.group_id == 7002 and "pub_brazil" in d.update.add_tags


def test_other_tags_are_never_replaced(ctx: TriageContext) -> None:
    t = dataclasses.replace(FR_COMPLETE, tags=("vip", "from_agent_macro"))
    d = decide(t, ctx)
    assert d.update.remove_tags == ()
    assert d.update.merged_tags(t.tags)[:2] == ["vip", "from_agent_macro"]


def test_bot_comments_are_not_agent_takeover() -> None:
    ctx = context()
    t = dataclasses.replace(FR_COMPLETE, fields={})
    t = apply(t, decide(t, ctx).update, T0 + hours(1), author=BOT)
    assert decide(t, ctx).kind == "no_change"
    other = TriageContext.build(ctx.workspace, field_ids={}, form_ids={}, group_ids={
        "Publisher Support": 1, "Brazil": 2, "Game Tech": 3, "Billing": 4},
        rules=ctx.rules, self_author_ids=[])
    assert decide(t, other).kind == "skip"  # without knowing its own id, deskops backs off
    assert REQUESTER != BOT
