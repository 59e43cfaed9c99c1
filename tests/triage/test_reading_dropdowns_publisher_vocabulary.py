"""Vocabulary of the ad-network's problem type and the streaming platform's occupation.

What publishers, viewers, models and studios write for an option in general (affiliate
slang, self-descriptions), in en/fr/ko/pt-br, and the everyday words that must not be read
as one (a cookie cleared while troubleshooting, "março" beside "marca", a live show someone
watches).
"""

from __future__ import annotations

import pytest

from integrations.triage import TriageContext
from integrations.triage.reading.options import OptionReader


def read(ctx: TriageContext, field: str, text: str, language: str) -> str | None:
    found = OptionReader(ctx.workspace.fields[field]).read([("description", text)], language)
    return found.value if found is not None and found.confidence >= 0.8 else None


@pytest.mark.parametrize(("text", "language", "value"), [
    ("I requested a withdrawal two weeks ago and nothing yet.", "en", "pub_payments"),
    ("J'ai trois commissions en attente depuis 3 mois.", "fr", "pub_payments"),
    ("지난달 수익이 아직 미정산 상태예요.", "ko", "pub_payments"),
    ("Tenho comissões pendentes desde janeiro.", "pt-br", "pub_payments"),
    ("The postback for my sales stopped firing last week.", "en", "pub_advertisers"),
    ("Mes ventes ne remontent pas depuis lundi.", "fr", "pub_advertisers"),
    ("이번 주 실적이 안 잡혀요.", "ko", "pub_advertisers"),
    ("O link não converte desde sexta.", "pt-br", "pub_advertisers"),
    ("The authenticator code is always rejected.", "en", "pub_account"),
    ("Je n'ai pas reçu le code de sécurité.", "fr", "pub_account"),
    ("본인인증 문자가 안 와요.", "ko", "pub_account"),
    ("Não consigo logar desde ontem.", "pt-br", "pub_account"),
    ("Je suis cliente, mes achats n'apparaissent pas.", "fr", "pub_rewards"),
    ("구매 적립이 안 됐어요.", "ko", "pub_rewards"),
    ("Sou cliente e fiz uma compra semana passada.", "pt-br", "pub_rewards"),
])
def test_publisher_words_name_the_problem_type(ads: TriageContext, text: str, language: str,
                                               value: str) -> None:
    assert read(ads, "problem_type", text, language) == value


@pytest.mark.parametrize(("text", "language", "not_value"), [
    # clearing cookies is a step taken, not a tracking cookie
    ("I cleared my cookies and the page is still blank.", "en", "pub_advertisers"),
    ("J'ai vidé les cookies, la page reste blanche.", "fr", "pub_advertisers"),
    ("쿠키 삭제해 봤는데 하얀 화면만 나와요.", "ko", "pub_advertisers"),
    ("Já limpei cache e cookies e o painel não carrega.", "pt-br", "pub_advertisers"),
    # "março" and "marqué" share a stem with a brand ("marca", "marque")
    ("Os pagamentos de março estão faltando.", "pt-br", "pub_advertisers"),
    ("Le virement est marqué comme payé.", "fr", "pub_advertisers"),
    # an advertiser's landing page not found is a link, not the dashboard
    ("Os links do anunciante caem numa página não encontrada.", "pt-br", "pub_technical"),
])
def test_everyday_words_do_not_name_another_problem_type(ads: TriageContext, text: str,
                                                         language: str, not_value: str) -> None:
    assert read(ads, "problem_type", text, language) != not_value


def test_asking_how_the_programme_works_is_no_problem_type(ads: TriageContext) -> None:
    assert read(ads, "problem_type", "Gostaria de saber como funciona o programa.",
                "pt-br") is None


@pytest.mark.parametrize(("text", "language", "value"), [
    ("I'm just a viewer and my token balance is gone.", "en", "occ_user"),
    ("Je suis membre depuis deux ans et je ne peux plus me connecter.", "fr", "occ_user"),
    ("토큰 충전했는데 안 들어왔어요.", "ko", "occ_user"),
    ("Sou assinante e mandei gorjeta ontem.", "pt-br", "occ_user"),
    ("My subscribers can't see me when I'm streaming.", "en", "occ_model"),
    ("Je suis streameuse, ma chaîne a disparu.", "fr", "occ_model"),
    ("1인 방송 하는데 제 채널이 안 보여요.", "ko", "occ_model"),
    ("Sou streamer e minha sala caiu.", "pt-br", "occ_model"),
    ("We represent twelve models and need a payout report.", "en", "occ_studio"),
    ("Je gère des modèles et une ne peut plus se connecter.", "fr", "occ_studio"),
    ("저희 스튜디오 모델 등록이 안 돼요.", "ko", "occ_studio"),
    ("Somos um estúdio com dez modelos.", "pt-br", "occ_studio"),
])
def test_self_descriptions_name_the_occupation(stream: TriageContext, text: str, language: str,
                                               value: str) -> None:
    assert read(stream, "occupation", text, language) == value


@pytest.mark.parametrize(("text", "language"), [
    ("어제부터 라이브 방송이 로딩만 되고 안 나와요.", "ko"),  # a live show watched
    ("O site está travando, não consigo assistir nada.", "pt-br"),  # "assistir" is no "assistindo"
    ("The stream keeps buffering since Friday.", "en"),
    ("Le live coupe sans arrêt depuis vendredi.", "fr"),
])
def test_a_show_that_does_not_play_says_nothing_of_who_writes(stream: TriageContext, text: str,
                                                              language: str) -> None:
    assert read(stream, "occupation", text, language) is None


def test_a_new_model_is_a_model_not_a_studio(stream: TriageContext) -> None:
    assert read(stream, "occupation", "I'm a new model and I can't go live.", "en") == "occ_model"


@pytest.mark.parametrize(("text", "language", "value"), [
    ("Reports page shows 'Internal Server Error' since this morning.", "en", "pub_technical"),
    ("La page des stats affiche une erreur interne du serveur.", "fr", "pub_technical"),
    ("리포트 페이지에서 서버 내부 오류가 나요.", "ko", "pub_technical"),
    ("O relatório mostra erro interno do servidor.", "pt-br", "pub_technical"),
    ("Do you have the docs in Spanish for my team?", "en", "pub_other"),
    ("Est-ce que la doc existe en français ?", "fr", "pub_other"),
    ("신규 퍼블리셔용 온보딩 자료가 있나요?", "ko", "pub_other"),
    ("Vocês têm material de onboarding para publishers novos?", "pt-br", "pub_other"),
])
def test_server_errors_and_documentation(ads: TriageContext, text: str, language: str,
                                         value: str) -> None:
    assert read(ads, "problem_type", text, language) == value


def test_nothing_of_what_happened_is_no_symptom(ads: TriageContext) -> None:
    """"não estou entendendo nada do que aconteceu": confusion, not "nada acontece"."""
    text = "Não estou entendendo nada do que aconteceu com a minha conta esse mês."
    assert read(ads, "problem_type", text, "pt-br") != "pub_technical"


@pytest.mark.parametrize(("text", "language", "value"), [
    ("Where is my money? It's been two months.", "en", "pub_payments"),
    ("Je n'ai toujours pas été payé pour octobre.", "fr", "pub_payments"),
    ("지난달 정산 안 됐어요.", "ko", "pub_payments"),
    ("Cadê meu dinheiro de outubro?", "pt-br", "pub_payments"),
    ("My sales aren't showing since Monday.", "en", "pub_advertisers"),
    ("Mes ventes n'apparaissent pas depuis lundi.", "fr", "pub_advertisers"),
    ("이번 주 판매가 안 보여요.", "ko", "pub_advertisers"),
    ("As vendas não contabilizadas desde segunda.", "pt-br", "pub_advertisers"),
    ("I never got the activation email.", "en", "pub_account"),
    ("Je n'ai pas reçu le lien d'activation.", "fr", "pub_account"),
    ("이메일 인증이 안 돼요.", "ko", "pub_account"),
    ("Não recebi o email de confirmação.", "pt-br", "pub_account"),
    ("Une erreur est survenue quand j'ouvre les stats.", "fr", "pub_technical"),
    ("Aparece erro inesperado no painel.", "pt-br", "pub_technical"),
])
def test_late_money_missing_sales_activation_and_generic_errors(ads: TriageContext, text: str,
                                                               language: str, value: str) -> None:
    assert read(ads, "problem_type", text, language) == value


@pytest.mark.parametrize(("text", "language"), [
    ("Since an hour ago the link generator just hangs, it sits there spinning.", "en"),
    ("O gerador de links fica girando e nunca termina.", "pt-br"),
])
def test_the_link_generator_is_where_a_technical_problem_shows(ads: TriageContext, text: str,
                                                               language: str) -> None:
    assert read(ads, "problem_type", text, language) == "pub_technical"


@pytest.mark.parametrize(("text", "language", "value"), [
    ("I'm a long-time member and bought credits yesterday.", "en", "occ_user"),
    ("Je paie pour regarder et rien ne marche.", "fr", "occ_user"),
    ("유료 회원인데 영상이 안 나와요.", "ko", "occ_user"),
    ("Sou membro vip e o vídeo não carrega.", "pt-br", "occ_user"),
    ("My members can't join my private sessions.", "en", "occ_model"),
    ("Mes membres ne voient plus mon live.", "fr", "occ_model"),
    ("Quando estou ao vivo o chat some.", "pt-br", "occ_model"),
    ("As agency owner I need reports for each of our models.", "en", "occ_studio"),
    ("Je suis gérante de studio, une modèle est bloquée.", "fr", "occ_studio"),
    ("Sou dona do estúdio e uma modelo não consegue entrar.", "pt-br", "occ_studio"),
])
def test_paying_members_performers_and_studio_owners(stream: TriageContext, text: str,
                                                     language: str, value: str) -> None:
    assert read(stream, "occupation", text, language) == value


@pytest.mark.parametrize(("text", "value"), [
    ("Problema com o login desde ontem.", "pub_account"),
    ("Meu login não funciona desde ontem.", "pub_account"),
    ("Não consigo fazer login na minha conta.", "pub_account"),
    # logging in is a step taken before the error, not the account
    ("Fiz login, cliquei em Relatórios e aparece 'Erro interno do servidor'.", "pub_technical"),
])
def test_portuguese_login_is_the_account_only_when_it_is_the_problem(ads: TriageContext,
                                                                     text: str,
                                                                     value: str) -> None:
    assert read(ads, "problem_type", text, "pt-br") == value


def test_a_show_in_progress_is_not_the_writers_own(stream: TriageContext) -> None:
    """"방송 중에" is when it happened, whoever watched or streamed."""
    assert read(stream, "occupation", "방송 중에 화면이 계속 멈춰요.", "ko") is None


@pytest.mark.parametrize(("text", "language", "value"), [
    ("일반 유저입니다. 어떤 모델이 방송 중에 제 닉네임을 부르면서 욕을 했어요.", "ko", "occ_user"),
    ("제 방송이 안 켜져요.", "ko", "occ_model"),
])
def test_korean_broadcast_is_the_writers_only_when_it_is_theirs(stream: TriageContext,
                                                                 text: str, language: str,
                                                                 value: str) -> None:
    assert read(stream, "occupation", text, language) == value


def test_someone_elses_broadcast_account_is_not_the_writers(stream: TriageContext) -> None:
    text = "제 친구가 여기서 방송하는데 계정 관리는 제가 해주고 있어요."
    assert read(stream, "occupation", text, "ko") != "occ_model"
