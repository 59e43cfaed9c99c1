"""A payment method the requester asks the store to accept some day ("will you ever accept
Pix?", "vous allez accepter PayPal un jour ?", "vcs vão aceitar pix algum dia?", "카카오페이는
지원 예정 없나요?") is not accepted now: the purchase problem is the method refused. In en, fr,
ko and pt-br, with a plain question about what is accepted kept a question."""

from __future__ import annotations

import pytest
from test_reading import on, written

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize(("body", "locale"), [
    ("Wanted to buy the Starter Pack but there's no Pix at checkout. Will you ever accept "
     "Pix?", "en"),
    ("Je voulais acheter le pack mais Paysafecard n'apparaît nulle part. Vous comptez "
     "accepter les paiements mobiles un jour ?", "fr"),
    ("queria comprar o pacote mas na hora de pagar nao tem pix. vcs vão aceitar pix algum "
     "dia??", "pt-br"),
    ("패키지 사려는데 결제창에 카카오페이가 없네요. 카카오페이는 지원 예정 없나요?", "ko"),
])
def test_asking_for_a_method_some_day_is_the_method_refused(games: TriageContext, body: str,
                                                           locale: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase", locale=locale), games)
    assert written(games, d).get("purchase_problem") == "purchase_method_refused"


@pytest.mark.parametrize(("body", "locale"), [
    # a card declined: asking about acceptance does not outweigh the decline
    ("My Visa got declined three times tonight, the bank says it's fine.", "en"),
])
def test_a_declined_card_stays_declined(games: TriageContext, body: str,
                                        locale: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase", locale=locale), games)
    assert written(games, d).get("purchase_problem") != "purchase_method_refused"


@pytest.mark.parametrize(("body", "locale"), [
    # "wanted to buy … but" meets "bought but" only loosely: an intention, nothing received
    # was ever paid for
    ("I tried to buy the pack but the site says PayPal is not accepted in my region.", "en"),
    ("J'ai voulu acheter le pack mais le site dit que Paysafecard n'est pas acceptée.", "fr"),
    ("Queria comprar o pacote mas o site diz que o boleto não é aceito.", "pt-br"),
])
def test_an_intention_is_no_purchase_made(games: TriageContext, body: str,
                                          locale: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase", locale=locale), games)
    assert written(games, d).get("purchase_problem") == "purchase_method_refused"
