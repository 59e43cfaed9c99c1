"""Payment methods named by a store balance or a mobile wallet brand (game-publisher example
workspace): another payment method, never a card or PayPal."""

from __future__ import annotations

import pytest
from test_reading import on, written

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize(("body", "locale"), [
    ("그저께 닌텐도 e숍 잔액으로 크레딧 1000개 샀는데 게임에 안 들어왔어요.", "ko"),
    ("카카오페이로 결제하려는데 안 돼요. 계정 dalbit", "ko"),
    ("I bought 1000 credits with my Nintendo eShop balance and never got them.", "en"),
    ("Paguei os Bits pelo PicPay e não recebi nada.", "pt-br"),
])
def test_a_store_balance_or_a_mobile_wallet_is_another_method(
        games: TriageContext, body: str, locale: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase", locale=locale), games)
    assert written(games, d).get("payment_method") == "pay_other"


@pytest.mark.parametrize(("body", "locale", "method"), [
    ("페이팔로 크레딧 1000개 샀는데 안 들어왔어요.", "ko", "pay_paypal"),
    ("신용카드로 크레딧 1000개 샀는데 안 들어왔어요.", "ko", "pay_card"),
])
def test_paypal_and_a_card_stay_what_they_are(games: TriageContext, body: str, locale: str,
                                              method: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase", locale=locale), games)
    assert written(games, d).get("payment_method") == method
