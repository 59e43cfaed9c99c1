"""Ad-network and streaming-platform dropdowns and routes (issue 10, 10t): constructions,
not phrases, in en, fr, ko and pt-br. A topic denied through a noun of topic ("ce n'est pas
une histoire de facturation", "요금 쪽 문의는 아니고요") routes nowhere; the thing a control
acts on ("the download button for the banners", "o botão de gerar link") is where the
problem shows, not what it is. Through the pure core, on the example workspaces."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_reading import on, written

from integrations.triage import Decision, TriageContext, decide
from integrations.triage._rules import Keywords

_EXAMPLES = Path(__file__).parents[2] / "schemas/examples"


def _billing() -> Keywords:
    """The streaming example's billing rule's keywords (its last rule)."""
    rules = json.loads((_EXAMPLES / "streaming-platform/rules.json").read_text())
    return Keywords(rules["rules"][-1]["when"]["keywords"])


def _group(d: Decision) -> str | None:
    group = None
    for m in d.rules:
        group = m.group or group
    return group


# ------------------------------------------------- 1. a topic denied through a noun of topic


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Ce n'est pas une histoire de facturation, mes statistiques sont bloquées."),
    ("fr", "Ce n'est pas une affaire d'abonnement : mon live coupe toutes les dix minutes."),
    ("en", "This is not a billing matter, my stats have been frozen since Sunday."),
    ("en", "It isn't a subscription thing, my favourites list is gone."),
    ("pt-br", "Não é assunto de cobrança, minhas estatísticas travaram desde domingo."),
    ("pt-br", "Não é questão de assinatura, a minha lista de favoritos sumiu."),
    ("ko", "요금 쪽 문의는 아니고요, 즐겨찾기 목록이 사라졌어요."),
    ("ko", "결제 관련 문의는 아니에요. 통계가 일요일부터 멈춰 있어요."),
    ("ko", "구독 관련 문제는 아니고 방송 화면이 멈춰요."),
])
def test_a_topic_denied_through_a_noun_of_topic_does_not_route(language: str,
                                                               text: str) -> None:
    assert _billing().first(text, language) is None


@pytest.mark.parametrize(("language", "text"), [
    ("fr", "C'est une histoire de facturation : j'ai été prélevé deux fois."),
    ("pt-br", "É um assunto de cobrança: fui cobrado duas vezes."),
    ("ko", "요금 쪽 문의예요. 두 번 결제됐어요."),
    ("en", "It's a billing matter: I was charged twice."),
])
def test_a_topic_affirmed_through_a_noun_of_topic_still_routes(language: str,
                                                               text: str) -> None:
    assert _billing().first(text, language) is not None


def test_a_model_who_rules_billing_out_reaches_model_support(stream: TriageContext) -> None:
    body = ("Ce n'est pas une histoire de facturation ni d'abonnement, tout est réglé de ce "
            "côté. Je suis modèle indépendante et mes statistiques n'ont pas bougé depuis "
            "dimanche. Mon nom sur le site : Capucine_Rose.")
    assert _group(decide(on(stream, body), stream)) == "Model Support"


# ------------------------------------------ 2. the thing a control acts on is where, not what


@pytest.mark.parametrize(("subject", "body"), [
    ("banner download does nothing", "the download button for the creative banners doesnt "
     "do anything when i click it. SID 7003318"),
    ("téléchargement bannières", "le bouton de téléchargement des bannières ne fait rien "
     "quand je clique dessus, rien ne se passe. SID 7003318"),
    ("site bugado", "o site ta bugado, o botao de gerar link nao funciona no firefox, clico "
     "e nada acontece. SID 7003318"),
    ("배너 다운로드 안 됨", "배너 다운로드 버튼을 눌러도 아무 반응이 없어요. SID 7003318"),
    ("Help", "The Generate link button does nothing when I click it, no error shown, "
     "nothing happens. SID 7003318"),
])
def test_the_thing_a_button_acts_on_is_context(ads: TriageContext, subject: str,
                                               body: str) -> None:
    d = decide(on(ads, body, subject=subject), ads)
    assert written(ads, d).get("problem_type") == "pub_technical"


@pytest.mark.parametrize("body", [
    "My banners for the Fnac campaign were removed from the advertiser page. SID 7003318",
    "Les bannières de la campagne Fnac ont disparu de la page annonceur. SID 7003318",
])
def test_the_thing_itself_still_names_the_problem(ads: TriageContext, body: str) -> None:
    """Negative: the banners named as what is wrong stay the advertisers' option."""
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") == "pub_advertisers"
