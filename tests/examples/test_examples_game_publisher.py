"""Game publisher: routing by form *and* product, missing information per form, deletions
that a human must confirm. Tickets in French, Korean and English, modelled on the seed."""

from __future__ import annotations

import pytest
from examples_support import T0, Ids, apply, context, hours, html, reply, ticket

from integrations.triage import TRIAGED_TAG, TriageContext, chase, decide, reminder_tag


@pytest.fixture(scope="module")
def ctx() -> TriageContext:
    return context("game-publisher")


@pytest.fixture(scope="module")
def ids(ctx: TriageContext) -> Ids:
    return Ids(ctx)


def in_game(ids: Ids, product: str) -> dict[int, str]:
    return ids.fields(product=product, platform="platform_pc", region="region_eu",
                      character_name="Nyx", ingame_category="ingame_quest")


def test_complete_french_ticket_is_routed_to_its_game_team_without_comment(
        ctx: TriageContext, ids: Ids) -> None:
    t = ticket(subject="Quête « Les larmes d'Ashira » bloquée",
               description="Bonjour, la quête « Les larmes d'Ashira » ne se termine pas : le PNJ "
                           "ne me donne pas la récompense depuis hier soir.",
               form_id=ids.form["in-game-issues"], requester_locale="fr",
               fields=in_game(ids, "game_archeage"))
    d = decide(t, ctx)
    assert d.kind == "route" and d.missing == () and d.update.comment is None
    assert d.language == "fr"
    assert d.update.group_id == ids.group["ArcheAge Support"]
    assert {"lang_fr", TRIAGED_TAG} <= set(d.update.add_tags)


def test_the_product_decides_the_team_not_only_the_form(ctx: TriageContext, ids: Ids) -> None:
    """The seed warns: the wrong game sends the request to the wrong team."""
    groups = {}
    for product in ("game_trove", "game_rift", "game_archeage", "game_defiance_2050"):
        t = ticket(subject="Lost my mount", description="My mount disappeared from my "
                   "inventory after yesterday's maintenance.",
                   form_id=ids.form["in-game-issues"], fields=in_game(ids, product))
        d = decide(t, ctx)
        assert d.kind == "route"
        groups[product] = d.update.group_id
    assert groups == {"game_trove": ids.group["Trove Support"],
                      "game_rift": ids.group["RIFT Support"],
                      "game_archeage": ids.group["ArcheAge Support"],
                      "game_defiance_2050": ids.group["Defiance 2050 Support"]}
    # Same product, account form: the Glyph account team, whatever the game.
    t = ticket(subject="Change my email", description="I would like to update the email "
               "address of my Glyph account, the old one is closed.",
               form_id=ids.form["glyph-account-issues"],
               fields=ids.fields(product="game_trove", account_name="nyx42",
                                 account_issue="acct_email_change"))
    d = decide(t, ctx)
    assert d.kind == "route" and d.update.group_id == ids.group["Glyph Accounts"]
    assert "glyph_account" in d.update.add_tags


def test_korean_account_recovery_asks_exactly_what_is_missing_in_korean(
        ctx: TriageContext, ids: Ids) -> None:
    t = ticket(subject="계정에 접속할 수 없습니다",
               description="안녕하세요, 비밀번호를 바꾼 뒤로 계정에 로그인할 수 없습니다. "
                           "도와주세요.",
               form_id=ids.form["account-recovery"],
               fields=ids.fields(product="game_trove", account_name="nyx42"))
    d = decide(t, ctx)
    assert d.kind == "ask" and d.language == "ko"
    assert [m.key for m in d.missing] == ["account_email", "recovery_reason"]
    assert d.update.status == "pending" and d.update.group_id is None
    text = html(d.update)
    assert d.update.comment is not None and d.update.comment.locale == "ko"
    assert "계정 이메일 주소" in text and "계정에 접근할 수 없는 이유는 무엇인가요?" in text
    assert "제품" not in text  # the product was given: not asked again


def test_english_purchase_condition_and_transaction_id_from_free_text(
        ctx: TriageContext, ids: Ids) -> None:
    fields = ids.fields(product="game_rift", account_name="nyx42", platform="platform_pc",
                        region="region_na", purchase_problem="purchase_not_received",
                        purchase_name="Patron 30 days", payment_method="pay_paypal",
                        occurred_on="2024-05-04")
    t = ticket(subject="Paid for Patron but did not get it",
               description="Hello, I paid for 30 days of Patron with PayPal on Saturday, the "
                           "money left my account but the game still shows no Patron.",
               form_id=ids.form["unable-to-purchase"], fields=fields)
    d = decide(t, ctx)
    assert d.kind == "ask" and d.language == "en"
    assert [(m.key, m.reason) for m in d.missing] == [("transaction_id", "condition")]
    assert "Transaction ID" in html(d.update)
    # The player answers with the order number in free text: extracted, written, routed.
    t = apply(t, d.update, T0 + hours(1))
    t = reply(t, "Sure, order number: PP-8H2K4L9Q", T0 + hours(2))
    done = decide(t, ctx)
    assert done.kind == "complete" and done.update.comment is None
    assert done.update.fields == {ids.field["transaction_id"]: "PP-8H2K4L9Q"}
    assert done.update.group_id == ids.group["Payments"]


def test_french_player_report_asks_only_for_the_screenshot(ctx: TriageContext,
                                                           ids: Ids) -> None:
    fields = ids.fields(product="game_trove", platform="platform_pc", region="region_eu",
                        server="Aldoria", character_name="Nyx", reported_player="xXGankerXx",
                        offense="offense_harassment", occurred_on="2024-05-05")
    t = ticket(subject="Harcèlement dans le chat", description="Bonjour, ce joueur m'insulte "
               "dans le chat général depuis deux jours et me suit partout.",
               form_id=ids.form["report-a-player"], fields=fields)
    d = decide(t, ctx)
    assert d.kind == "ask" and d.language == "fr"
    assert [(m.key, m.kind) for m in d.missing] == [("screenshot", "attachment")]
    assert "une capture d'écran de l'infraction" in html(d.update)
    t = apply(t, d.update, T0 + hours(1))
    t = reply(t, "Voici la capture.", T0 + hours(2), attachments=("chat_2024-05-05.PNG",))
    done = decide(t, ctx)
    assert done.kind == "complete" and done.update.group_id == ids.group["Trove Support"]
    assert "player_report" in t.tags  # tagged when asked, so queue views see it at once


def test_email_without_form_fills_game_and_platform_from_the_text(ctx: TriageContext,
                                                                  ids: Ids) -> None:
    t = ticket(subject="RIFT crashes", description="Hello, RIFT crashes on my PC in Europe "
               "every time I open the map since the last patch.", channel="email")
    d = decide(t, ctx)
    assert d.form == "technical-issues"  # the workspace's default form
    written = {ctx.field_ids[k]: v for k, v in d.update.fields.items()}
    # "crashes" names the issue type ("since the last patch" only dates it)
    assert written == {"product": "game_rift", "platform": "platform_pc",
                       "region": "region_eu", "issue_type": "tech_crash"}
    assert [m.key for m in d.missing] == ["account_name", "operating_system", "dxdiag"]


def test_a_console_player_is_not_asked_for_a_dxdiag_report(ctx: TriageContext,
                                                           ids: Ids) -> None:
    """DXDIAG is a Windows tool: the form asks for it only when the platform is PC."""
    for platform, asked in (("platform_playstation", False), ("platform_pc", True)):
        t = ticket(subject="cant connect", description="The launcher says server unavailable "
                   "every time I try to log in since this morning.",
                   form_id=ids.form["technical-issues"],
                   fields=ids.fields(product="game_rift", platform=platform,
                                     region="region_eu", account_name="nyx42",
                                     issue_type="tech_login"))
        d = decide(t, ctx)
        assert ("dxdiag" in [m.key for m in d.missing]) is asked, platform


def test_account_deletion_goes_to_people_and_is_never_auto_solved(ctx: TriageContext,
                                                                   ids: Ids) -> None:
    complete = ids.fields(product="game_rift", account_name="nyx42",
                          account_email="nyx@example.org", deletion_confirmed=True)
    t = ticket(subject="Delete my account", description="Please delete my Glyph account and "
               "all my characters, I no longer play.", form_id=ids.form["account-deletion"],
               fields=complete)
    d = decide(t, ctx)
    assert d.kind == "route" and d.update.group_id == ids.group["Glyph Accounts"]
    assert "human_confirmation" in d.update.add_tags and d.update.status is None

    t = ticket(subject="Supprimer mon compte", description="Bonjour, je veux supprimer mon "
               "compte Glyph, merci de le faire rapidement.",
               form_id=ids.form["account-deletion"], fields=ids.fields(product="game_rift"))
    asked = decide(t, ctx)
    assert asked.kind == "ask"
    assert [m.key for m in asked.missing] == ["account_name", "account_email",
                                              "deletion_confirmed"]
    t = apply(t, asked.update, T0)
    for h in (24, 72):
        d = chase(t, ctx, T0 + hours(h))
        assert d.kind == "remind"
        t = apply(t, d.update, T0 + hours(h))
    assert reminder_tag(2) in t.tags
    for h in (120, 500, 5000):
        final = chase(t, ctx, T0 + hours(h))
        assert final.kind == "skip" and "human" in final.summary
        assert final.update.status is None and final.update.comment is None
