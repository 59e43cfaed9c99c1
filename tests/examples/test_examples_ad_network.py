"""Ad network publishers: the SID taken from free text, technical details asked for technical
problems, Brazilian publishers in their own queue and in Portuguese, cash back pointed to the
consumer help page."""

from __future__ import annotations

import pytest
from examples_support import T0, Ids, apply, context, hours, html, reply, ticket

from integrations.triage import TriageContext, decide

HELP = "https://www.rakuten.com/help"


@pytest.fixture(scope="module")
def ctx() -> TriageContext:
    return context("ad-network")


@pytest.fixture(scope="module")
def ids(ctx: TriageContext) -> Ids:
    return Ids(ctx)


def test_complete_english_web_ticket_is_routed_without_comment(ctx: TriageContext,
                                                               ids: Ids) -> None:
    t = ticket(subject="April commissions not paid",
               description="Hello, the commissions for April are validated in my reports but "
                           "the payment has not arrived yet.",
               form_id=ids.form["publisher-support"],
               fields=ids.fields(sid="3456789", problem_type="pub_payments"))
    d = decide(t, ctx)
    assert d.kind == "route" and d.update.comment is None and d.language == "en"
    assert d.update.group_id == ids.group["Publisher Support"]


def test_sid_in_french_free_text_is_filled_and_only_technical_details_are_asked(
        ctx: TriageContext, ids: Ids) -> None:
    t = ticket(subject="Rapport de commissions vide",
               description="Bonjour, mon SID est 3456789. J'ai un problème technique : le "
                           "rapport des commissions reste vide dans Chrome depuis lundi.",
               channel="email", recipient="pubsupport@rakuten.com")
    d = decide(t, ctx)
    assert d.form == "publisher-support" and d.language == "fr"
    written = {ctx.field_ids[k]: v for k, v in d.update.fields.items()}
    assert written == {"sid": "3456789", "problem_type": "pub_technical",
                       "browser": "browser_chrome"}
    assert [(m.key, m.reason) for m in d.missing] == [("operating_system", "condition"),
                                                      ("steps_taken", "condition")]
    text = html(d.update)
    assert "SID" not in text.split("<ul>")[1].split("</ul>")[0]  # not asked
    assert "Système d'exploitation" in text and "Actions effectuées avant le problème" in text
    assert d.update.group_id is None and d.update.status == "pending"
    assert "pub_technical_problem" in d.update.add_tags

    # The reply, one line per item as the message asks: complete, routed.
    t = apply(t, d.update, T0 + hours(1))
    t = reply(t, "Système : Windows 10\nActions effectuées : je me connecte, j'ouvre "
              "Rapports puis Commissions et je choisis le mois d'avril", T0 + hours(3))
    done = decide(t, ctx)
    assert done.kind == "complete", [m.key for m in done.missing]
    written = {ctx.field_ids[k]: v for k, v in done.update.fields.items()}
    assert written["operating_system"] == "Windows 10"
    assert written["steps_taken"].startswith("je me connecte")
    assert done.update.group_id == ids.group["Publisher Support"]


def test_brazilian_publisher_goes_to_the_brazil_queue_in_portuguese(ctx: TriageContext,
                                                                     ids: Ids) -> None:
    t = ticket(subject="Pagamento de comissões atrasado",
               description="Olá, meu SID é 4567890. Não recebi o pagamento das comissões de "
                           "abril, que já aparecem como aprovadas no painel.",
               channel="email", recipient="brpubsupport@rakuten.com")
    d = decide(t, ctx)
    assert d.kind == "route" and d.language == "pt-br"
    assert d.update.group_id == ids.group["Brazil Publisher Support"]
    assert {"pub_brazil", "lang_pt_br"} <= set(d.update.add_tags)
    assert d.update.fields == {ids.field["sid"]: "4567890"}


def test_brazilian_publisher_without_sid_is_asked_in_portuguese(ctx: TriageContext,
                                                                ids: Ids) -> None:
    t = ticket(subject="Link de afiliado não funciona",
               description="Olá, os links do anunciante que promovo no meu site estão "
                           "levando para uma página de erro desde ontem.",
               channel="email", recipient="brpubsupport@rakuten.com")
    d = decide(t, ctx)
    assert d.kind == "ask" and d.language == "pt-br"
    assert [m.key for m in d.missing] == ["sid"]
    assert d.update.comment is not None and d.update.comment.locale == "pt-br"
    text = html(d.update)
    assert "ID do site (SID)" in text and "canto superior direito" in text
    assert "pub_brazil" in d.update.add_tags


def test_korean_technical_problem_asks_for_browser_system_and_steps(ctx: TriageContext,
                                                                    ids: Ids) -> None:
    t = ticket(subject="대시보드 로그인 오류",
               description="안녕하세요, SID 5678901 입니다. 기술 문제가 있습니다: 대시보드에 "
                           "로그인하면 빈 화면만 나옵니다.", channel="email")
    d = decide(t, ctx)
    assert d.language == "ko" and d.kind == "ask"
    assert [m.key for m in d.missing] == ["browser", "operating_system", "steps_taken"]
    text = html(d.update)
    assert "브라우저" in text and "운영 체제" in text and "문제 발생 전에 수행한 작업" in text


def test_cash_back_question_gets_the_consumer_help_pointer(ctx: TriageContext,
                                                           ids: Ids) -> None:
    """The rule tags it and the workspace's message points to rakuten.com/help.

    Known gap (reported): the triage engine has no rule action "reply with this template
    and solve", so the ticket is not solved yet and the SID is still asked for.
    """
    t = ticket(subject="Where is my cash back?",
               description="Hello, I bought shoes through Rakuten three weeks ago and my "
                           "cash back still does not show in my account.", channel="email")
    d = decide(t, ctx)
    assert any(m.name.startswith("Rakuten Rewards and cash back") for m in d.rules)
    assert "consumer_rewards" in d.update.add_tags
    written = {ctx.field_ids[k]: v for k, v in d.update.fields.items()}
    assert written == {"problem_type": "pub_rewards"}
    assert HELP in html(d.update)
