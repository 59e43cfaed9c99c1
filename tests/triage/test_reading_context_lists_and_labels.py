"""What an option's words are beside: a list of what the store offers whose items have two
words ("only credit card and PayPal", "só cartão internacional e paypal"), the requester's
own "I only have", a Korean means before an amount ("신용카드로 5000 크레딧", no identifier's
label) and a Korean "X라는" before a name's own noun ("X라는 캐릭터 이름이 욕", the name, no
other person); in en, fr, ko and pt-br, through the pure core, with what must not be read."""

from __future__ import annotations

import pytest
from test_reading import asked, on, written

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize(("body", "locale"), [
    ("I wanted to pay with my Steam Wallet but there's only credit card and PayPal.", "en"),
    ("Tried to use my Steam Wallet, the store only takes debit card or PayPal.", "en"),
    ("Je voulais payer par virement mais le site propose seulement carte bancaire et PayPal.",
     "fr"),
    ("Je voulais payer par virement, il n'y a que carte bancaire ou PayPal.", "fr"),
    ("queria pagar com pix mas só tem cartão internacional e paypal, e eu não tenho cartão.",
     "pt-br"),
    ("Queria pagar no boleto, só aparece cartão de crédito ou paypal.", "pt-br"),
    ("카카오페이로 사려는데 해외 카드랑 페이팔만 된대요.", "ko"),
])
def test_a_list_of_two_word_means_offered_is_context(games: TriageContext, body: str,
                                                     locale: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase", locale=locale), games)
    assert written(games, d).get("payment_method") == "pay_other"


@pytest.mark.parametrize(("body", "locale", "method"), [
    # the requester's own means: "I only have" is no store's offer
    ("I only have a credit card and it got declined twice.", "en", "pay_card"),
    ("We only have PayPal at home and the payment keeps failing.", "en", "pay_paypal"),
    # the means before an amount bought: no label of an identifier
    ("신용카드로 5000 크레딧 결제했는데 크레딧이 안 들어왔어요.", "ko", "pay_card"),
    ("카카오페이로 1200 다이아 샀는데 아이템이 안 들어왔어요.", "ko", "pay_other"),
])
def test_the_means_the_requester_used_is_read(games: TriageContext, body: str, locale: str,
                                              method: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase", locale=locale), games)
    assert written(games, d).get("payment_method") == method


@pytest.mark.parametrize(("body", "locale"), [
    # offered only, however long the items: nothing says what the requester paid with
    ("The checkout only takes credit card or PayPal, what else can I use?", "en"),
    ("Le site accepte seulement carte bancaire et PayPal ?", "fr"),
])
def test_two_word_means_only_offered_are_no_value(games: TriageContext, body: str,
                                                  locale: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase", locale=locale), games)
    assert "payment_method" not in written(games, d)


@pytest.mark.parametrize("body", [
    "며칠 전에 Sh1tLord420 이라는 캐릭터 이름이 욕이잖아요. 신고합니다.",
    "XxNazixX라는 길드 이름이 너무 불쾌해요. 처리 부탁드려요.",
])
def test_a_name_called_so_is_the_offensive_name(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="report-a-player", locale="ko"), games)
    assert written(games, d).get("offense") == "offense_name"
    assert "offense" not in asked(d)


@pytest.mark.parametrize("body", [
    # "X라는" before a person: another person, whatever they did
    "Mina라는 유저가 채팅으로 계속 욕을 했어요.",
])
def test_a_person_called_so_keeps_what_they_did(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="report-a-player", locale="ko"), games)
    assert written(games, d).get("offense") == "offense_harassment"
