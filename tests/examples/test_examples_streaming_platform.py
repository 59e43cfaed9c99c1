"""Streaming platform: one form for users, models and studios; billing by keywords in
French, Korean and English; the 24-hour promise as a tag and in the messages."""

from __future__ import annotations

import pytest
from examples_support import EXAMPLES, T0, Ids, apply, context, hours, html, reply, ticket

from integrations.triage import TriageContext, decide
from integrations.workspace import load


@pytest.fixture(scope="module")
def ctx() -> TriageContext:
    return context("streaming-platform")


@pytest.fixture(scope="module")
def ids(ctx: TriageContext) -> Ids:
    return Ids(ctx)


def test_complete_french_model_request_is_routed_with_the_24h_tag(ctx: TriageContext,
                                                                  ids: Ids) -> None:
    t = ticket(subject="Mon flux se coupe en direct",
               description="Bonjour, depuis hier soir mon flux se coupe toutes les dix minutes "
                           "pendant mes shows, vers 21 h, sur la page de ma salle.",
               form_id=ids.form["submit-a-request"],
               fields=ids.fields(occupation="occ_model", username="lune_rousse"))
    d = decide(t, ctx)
    assert d.kind == "route" and d.language == "fr" and d.update.comment is None
    assert d.update.group_id == ids.group["Model Support"]
    assert {"sla_24h", "lang_fr"} <= set(d.update.add_tags)


@pytest.mark.parametrize(("subject", "description", "language"), [
    ("구독 갱신 결제 문제",
     "안녕하세요, 구독이 자동으로 갱신되어 두 번 결제되었습니다. 환불 부탁드립니다.", "ko"),
    ("Renouvellement d'abonnement non voulu", "Bonjour, mon abonnement a été renouvelé alors "
     "que je l'avais annulé la semaine dernière. Pouvez-vous me rembourser ?", "fr"),
    ("Cannot cancel my subscription", "Hello, I want to cancel my subscription but the button "
     "does nothing on the billing page.", "en"),
])
def test_billing_questions_go_to_billing_in_every_language(
        ctx: TriageContext, ids: Ids, subject: str, description: str, language: str) -> None:
    t = ticket(subject=subject, description=description, form_id=ids.form["submit-a-request"],
               fields=ids.fields(occupation="occ_user"))
    d = decide(t, ctx)
    assert d.kind == "route" and d.language == language
    assert d.update.group_id == ids.group["Billing Support"]
    assert {"billing", "sla_24h"} <= set(d.update.add_tags)


def test_not_billing_stays_with_the_requesters_team(ctx: TriageContext, ids: Ids) -> None:
    t = ticket(subject="스튜디오 모델 계정 연결", description="안녕하세요, 저희 스튜디오에 새 모델 "
               "계정을 연결하려고 하는데 초대 링크가 작동하지 않습니다.",
               form_id=ids.form["submit-a-request"], fields=ids.fields(occupation="occ_studio"))
    d = decide(t, ctx)
    assert d.kind == "route" and d.update.group_id == ids.group["Studio Support"]
    assert "billing" not in d.update.add_tags


def test_email_without_occupation_asks_only_for_it_then_a_reply_completes(
        ctx: TriageContext, ids: Ids) -> None:
    t = ticket(subject="Tips not showing on my balance",
               description="Hi, the tips I received during yesterday's show are not on my "
                           "balance yet, around 300 tokens are missing.", channel="email")
    d = decide(t, ctx)
    assert d.form == "submit-a-request" and d.language == "en"
    assert [m.key for m in d.missing] == ["occupation"]  # username is optional: not asked
    text = html(d.update)
    assert "Occupation" in text and "an independent model or a studio" in text
    assert "within 24 hours" in text
    t = apply(t, d.update, T0 + hours(1))
    t = reply(t, "I am an independent model.", T0 + hours(2))
    done = decide(t, ctx)
    assert done.kind == "complete" and done.update.group_id == ids.group["Model Support"]
    assert done.update.fields == {ids.field["occupation"]: "occ_model"}


def test_french_request_promises_an_answer_within_24_hours(ctx: TriageContext,
                                                           ids: Ids) -> None:
    t = ticket(subject="Problème", description="Ça ne marche pas.", requester_locale="fr",
               form_id=ids.form["submit-a-request"])
    d = decide(t, ctx)
    assert d.kind == "ask"
    assert [m.key for m in d.missing] == ["occupation", "description"]
    text = html(d.update)
    assert d.update.comment is not None and d.update.comment.locale == "fr"
    assert "vingt-quatre heures" in text and "Ça ne marche pas" not in text


@pytest.mark.parametrize(("locale", "subject_hint", "screenshots"), [
    ("en", "The problem in five to seven words.", "Screenshots"),
    ("fr", "Le problème en cinq à sept mots.", "Captures d'écran"),
    ("ko", "문제를 다섯 단어에서 일곱 단어로 적어 주세요.", "스크린샷"),
])
def test_missing_subject_is_asked_with_the_five_to_seven_words_advice(
        ctx: TriageContext, ids: Ids, locale: str, subject_hint: str, screenshots: str) -> None:
    """The subject's localized description is the hint; screenshots are optional: mentioned,
    never asked for."""
    description = {
        "en": "Hello, since yesterday my stream stops every ten minutes during my shows.",
        "fr": "Bonjour, depuis hier soir mon flux se coupe toutes les dix minutes pendant "
              "mes shows.",
        "ko": "안녕하세요, 어제부터 방송 중에 스트림이 10분마다 끊깁니다. 확인 부탁드립니다.",
    }[locale]
    t = ticket(subject="", description=description, requester_locale=locale,
               form_id=ids.form["submit-a-request"], fields=ids.fields(occupation="occ_model"))
    d = decide(t, ctx)
    assert d.kind == "ask" and d.language == locale
    assert [m.key for m in d.missing] == ["subject"]
    assert [m.key for m in d.hints] == ["screenshots"]
    text = html(d.update)
    assert subject_hint in text and screenshots in text
    assert text.index(subject_hint) < text.index(screenshots)  # the hint comes after the ask


def test_screenshots_alone_never_trigger_a_request(ctx: TriageContext, ids: Ids) -> None:
    t = ticket(subject="Mon flux se coupe en direct",
               description="Bonjour, depuis hier soir mon flux se coupe toutes les dix minutes "
                           "pendant mes shows, vers 21 h, sur la page de ma salle.",
               form_id=ids.form["submit-a-request"], fields=ids.fields(occupation="occ_model"))
    d = decide(t, ctx)
    assert d.kind == "route" and d.update.comment is None
    assert [m.key for m in d.hints] == ["screenshots"]


def test_form_descriptions_and_optional_screenshots_load() -> None:
    ws = load(EXAMPLES / "streaming-platform")
    form = ws.forms["submit-a-request"]
    assert set(form.descriptions) == {"en", "fr", "ko"}
    assert "vingt-quatre heures" in form.descriptions["fr"]
    [screenshots] = form.attachments
    assert screenshots["required"] is False and set(screenshots["description"]) == {"en", "fr",
                                                                                    "ko"}


@pytest.mark.parametrize(("description", "username"), [
    ("Sou modelo independente. Um usuário chamado Rafael_BR me denunciou sem motivo e minha "
     "conta foi bloqueada. Meu nome no site é MelRibeiro.", "MelRibeiro"),
    ("Um usuário chamado Rafael_BR me denunciou e minha conta foi bloqueada.", None),
])
def test_a_user_someone_names_is_not_the_requesters_username(ctx: TriageContext, ids: Ids,
                                                             description: str,
                                                             username: str | None) -> None:
    """"usuário" alone is any user (here the one who reported the model): only "nome de
    usuário", "meu usuário" or "meu nome no site" introduce the requester's own."""
    t = ticket(subject="conta bloqueada", description=description,
               form_id=ids.form["submit-a-request"], fields=ids.fields(occupation="occ_model"))
    d = decide(t, ctx)
    written = {ctx.field_ids[k]: v for k, v in d.update.fields.items()}
    assert written.get("username") == username
