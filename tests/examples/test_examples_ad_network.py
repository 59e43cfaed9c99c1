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
    """The problem type is read from the words ("pagamento das comissões"), written with
    the SID, marked as inferred, and the ticket goes straight to the Brazil queue."""
    t = ticket(subject="Pagamento de comissões atrasado",
               description="Olá, meu SID é 4567890. Não recebi o pagamento das comissões de "
                           "abril, que já aparecem como aprovadas no painel.",
               channel="email", recipient="brpubsupport@rakuten.com")
    d = decide(t, ctx)
    assert d.kind == "route" and d.language == "pt-br" and d.missing == ()
    assert d.update.fields == {ids.field["sid"]: "4567890",
                               ids.field["problem_type"]: "pub_payments"}
    assert {"pub_brazil", "lang_pt_br", "deskops_read_option"} <= set(d.update.add_tags)
    assert d.update.group_id == ids.group["Brazil Publisher Support"]


def test_brazilian_reply_with_a_localized_title_fills_the_problem_type(ctx: TriageContext,
                                                                       ids: Ids) -> None:
    """Nothing in the first message names a problem type: asked in Portuguese, then filled
    from a reply that names a localized option title."""
    t = ticket(subject="Dúvida", description="Olá, meu SID é 4567890. Tenho uma dúvida.",
               channel="email", recipient="brpubsupport@rakuten.com")
    d = decide(t, ctx)
    assert d.kind == "ask" and d.language == "pt-br"
    assert [m.key for m in d.missing if m.reason != "if_choice"] == ["problem_type"]
    assert "Tipo de problema" in html(d.update)
    t = apply(t, d.update, T0 + hours(1))
    t = reply(t, "Olá,\n\nTipo de problema: Pagamentos e comissões\n\nObrigado", T0 + hours(2))
    done = decide(t, ctx)
    assert done.kind == "complete" and done.update.comment is None
    assert done.update.fields == {ids.field["problem_type"]: "pub_payments"}
    assert done.update.group_id == ids.group["Brazil Publisher Support"]


def test_french_reply_with_only_the_option_title_fills_the_problem_type(
        ctx: TriageContext, ids: Ids) -> None:
    t = ticket(subject="Accès au tableau de bord",
               description="Bonjour, mon SID est 3456789. Je n'arrive plus à modifier "
                           "l'adresse de paiement dans mon profil.", channel="email")
    d = decide(t, ctx)
    # "paiement" and "profil" name two options: neither is written, both are offered
    assert [m.key for m in d.missing if m.reason != "if_choice"] == ["problem_type"]
    assert d.language == "fr" and ids.field["problem_type"] not in d.update.fields
    assert "Type de problème" in html(d.update)
    assert "Compte et profil ou Paiements et commissions ?" in html(d.update) or \
        "Paiements et commissions ou Compte et profil ?" in html(d.update)
    t = apply(t, d.update, T0 + hours(1))
    t = reply(t, "Compte et profil.", T0 + hours(2))
    done = decide(t, ctx)
    assert done.kind == "complete"
    assert done.update.fields == {ids.field["problem_type"]: "pub_account"}


def test_a_reply_naming_two_options_fills_nothing(ctx: TriageContext, ids: Ids) -> None:
    t = ticket(subject="Question", description="Bonjour, mon SID est 3456789. J'ai une "
               "question.", channel="email")
    d = decide(t, ctx)
    t = apply(t, d.update, T0 + hours(1))
    t = reply(t, "Type de problème : Compte et profil ou Annonceurs et liens ?", T0 + hours(2))
    again = decide(t, ctx)
    assert [m.key for m in again.missing if m.reason != "if_choice"] == ["problem_type"]
    assert ids.field["problem_type"] not in again.update.fields
    assert again.kind == "no_change" and again.update.empty  # same request: not sent twice


def test_brazilian_publisher_without_sid_is_asked_in_portuguese(ctx: TriageContext,
                                                                ids: Ids) -> None:
    t = ticket(subject="Não funciona",
               description="Olá, os links do meu site estão dando erro desde ontem.",
               channel="email", recipient="brpubsupport@rakuten.com")
    d = decide(t, ctx)
    assert d.kind == "ask" and d.language == "pt-br"
    assert [m.key for m in d.missing if m.reason != "if_choice"] == ["sid", "problem_type"]
    assert d.update.comment is not None and d.update.comment.locale == "pt-br"
    text = html(d.update)
    # links, and an error, one word each: both offered, and what a technical
    # problem needs is asked in the same message (one round trip)
    assert "Anunciantes e links ou Problema técnico?" in text
    assert [m.key for m in d.missing if m.reason == "if_choice"] == [
        "browser", "operating_system", "steps_taken"]
    assert "somente se for: Problema técnico" in text
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


POINTER = {"en": "Rakuten member support", "fr": "l'assistance des membres Rakuten",
           "ko": "라쿠텐 회원 지원", "pt-br": "suporte aos membros da Rakuten"}


@pytest.mark.parametrize(("subject", "description", "language", "recipient"), [
    ("Where is my cash back?", "Hello, I bought shoes through Rakuten three weeks ago and my "
     "cash back still does not show in my account.", "en", "pubsupport@rakuten.com"),
    ("Mon cashback n'apparaît pas", "Bonjour, j'ai acheté des chaussures il y a trois semaines "
     "et ma remise en argent n'apparaît toujours pas sur mon compte.", "fr",
     "pubsupport@rakuten.com"),
    ("캐시백이 안 들어왔어요", "안녕하세요, 3주 전에 신발을 샀는데 캐시백이 아직 계정에 "
     "표시되지 않습니다.", "ko", "pubsupport@rakuten.com"),
    ("Meu cashback não apareceu", "Olá, comprei tênis há três semanas pela Rakuten e o meu "
     "dinheiro de volta ainda não aparece na minha conta.", "pt-br",
     "brpubsupport@rakuten.com"),
])
def test_cash_back_question_is_answered_with_the_pointer_and_solved(
        ctx: TriageContext, ids: Ids, subject: str, description: str, language: str,
        recipient: str) -> None:
    """A consumer who wrote to publisher support: the pointer in their language, solved,
    and no SID (or anything else) asked for."""
    t = ticket(subject=subject, description=description, channel="email", recipient=recipient)
    d = decide(t, ctx)
    assert d.kind == "answer" and d.language == language
    assert d.rules[-1].name.startswith("Rakuten Rewards and cash back") and d.rules[-1].stop
    assert d.update.status == "solved"
    assert d.update.comment is not None and d.update.comment.template == "rewards_pointer"
    assert d.update.comment.locale == language
    text = html(d.update)
    assert HELP in text and POINTER[language] in text
    assert "<ul>" not in text  # nothing asked: no list of missing items
    assert {"consumer_rewards", "deskops_answered", "deskops_triaged"} <= set(d.update.add_tags)
    assert "deskops_needs_info" not in d.update.add_tags
    assert not any(t.startswith("deskops_ask_") for t in d.update.add_tags)
    assert "pub_brazil" not in d.update.add_tags  # the answer rule stopped the evaluation
    assert d.update.type == "question"
    assert subject in text  # a verified requester: their subject is quoted back
    assert decide(apply(t, d.update, T0 + hours(1)), ctx).kind == "skip"  # solved: left alone


def test_cash_back_answer_quotes_nothing_to_an_unverified_requester(ctx: TriageContext) -> None:
    t = ticket(subject="cash back <b>NOW</b> call +1 555 0100",
               description="Where is my cash back? Call me at +1 555 0100.", channel="email",
               requester_verified=False)
    d = decide(t, ctx)
    assert d.kind == "answer" and d.update.status == "solved"
    text = html(d.update)
    assert HELP in text and "555" not in text and "NOW" not in text


def test_a_publisher_asking_about_sid_is_not_answered_with_the_pointer(
        ctx: TriageContext, ids: Ids) -> None:
    t = ticket(subject="Commission report", description="Hello, SID 3456789. Payments and "
               "commissions: the April report is empty.", channel="email")
    d = decide(t, ctx)
    assert d.kind != "answer" and "deskops_answered" not in d.update.add_tags


def test_screenshots_are_a_hint_for_technical_problems_only(ctx: TriageContext,
                                                            ids: Ids) -> None:
    technical = ticket(subject="Tableau de bord vide", description="Bonjour, SID 3456789. "
                       "Problème technique : le tableau de bord reste vide dans Firefox.",
                       channel="email")
    d = decide(technical, ctx)
    assert [m.key for m in d.hints] == ["screenshots"]
    assert "screenshots" not in [m.key for m in d.missing]  # optional: never asked
    text = html(d.update)
    assert "Facultatif, mais utile" in text and "Captures d'écran" in text
    # With a screenshot attached, no hint.
    attached = ticket(subject="Tableau de bord vide", description=technical.description,
                      channel="email", attachments=("capture.PNG",))
    assert decide(attached, ctx).hints == ()
    # Complete except the screenshot: routed, nothing asked.
    complete = ticket(subject="Tableau de bord vide", description=technical.description,
                      channel="email", form_id=ids.form["publisher-support"],
                      fields=ids.fields(operating_system="Windows 10",
                                        steps_taken="Je me connecte puis j'ouvre Rapports"))
    done = decide(complete, ctx)
    assert done.kind == "route" and done.update.comment is None


@pytest.mark.parametrize(("text", "written"), [
    ("Reports stay grey on my macbook (macOS Sonoma) in Firefox.", "macOS Sonoma"),
    ("리포트가 안 열려요. 맥북 macOS Ventura에 사파리 씁니다.", "macOS Ventura"),
    ("Le tableau de bord reste blanc sur mon Mac.", "Mac"),
    ("O painel não abre no Windows 11 com Chrome.", "Windows 11"),
    ("Le tableau de bord reste blanc sur mon MacBook Air.", None),
    ("The dashboard stays blank on my iPhone.", None),
])
def test_the_system_named_is_written_before_the_device_it_runs_on(
        ctx: TriageContext, ids: Ids, text: str, written: str | None) -> None:
    """An operating system named anywhere wins over a device ("macbook"); a Mac alone is
    written as its system, while an iPhone, an iPad or a MacBook names none (the corpus's
    labellers took one for a system once in six: the version is still to ask)."""
    t = ticket(subject="dashboard", description=text, form_id=ids.form["publisher-support"],
               fields=ids.fields(sid="3456789", problem_type="pub_technical"))
    d = decide(t, ctx)
    assert {ctx.field_ids[k]: v for k, v in d.update.fields.items()}.get(
        "operating_system") == written
