"""The game-publisher example workspace's dropdowns read from prose: a payment method the
store offers or the requester does not have is context, the one they chose is the value;
wallets, gift cards and carrier billing by their brand names; a quest the requester finished
is context, and its missing outcome a question offering both options."""

from __future__ import annotations

from typing import Any

import pytest
from test_reading import on, written

from integrations.triage import TriageContext, decide


def _asked(ctx: TriageContext, body: str, form: str,
           locale: str) -> tuple[dict[str, Any], list[str]]:
    d = decide(on(ctx, body, form=form, locale=locale), ctx)
    return written(ctx, d), [m.key for m in d.missing] if d.kind == "ask" else []


@pytest.mark.parametrize(("body", "locale"), [
    ("Je voulais payer par virement bancaire mais ce n'est pas proposé, seulement carte et "
     "PayPal que je n'ai pas.", "fr"),
    ("queria pagar com pix mas nao tem a opção, so cartao e paypal.", "pt-br"),
    ("Tentei pagar com boleto, o checkout não aceita. Cartão eu não tenho.", "pt-br"),
    ("I wanted to pay with my Steam Wallet balance but it isn't an option, only card and "
     "PayPal.", "en"),
    ("PSN 지갑 잔액으로 사려고 하는데 결제가 안 넘어가요. 카드만 된대요.", "ko"),
])
def test_the_method_chosen_is_read_not_those_offered(games: TriageContext, body: str,
                                                     locale: str) -> None:
    got, _ = _asked(games, body, "unable-to-purchase", locale)
    assert got.get("payment_method") == "pay_other"


@pytest.mark.parametrize(("body", "locale", "method"), [
    ("I only used my Visa and it was declined twice.", "en", "pay_card"),
    ("Paguei com PayPal e não recebi os créditos.", "pt-br", "pay_paypal"),
    ("신한카드로 결제했는데 아이템이 안 들어왔어요.", "ko", "pay_card"),
    ("J'ai payé avec ma carte American Express et rien reçu.", "fr", "pay_card"),
])
def test_a_method_used_stays_the_value(games: TriageContext, body: str, locale: str,
                                       method: str) -> None:
    got, _ = _asked(games, body, "unable-to-purchase", locale)
    assert got.get("payment_method") == method


@pytest.mark.parametrize(("body", "locale"), [
    # offered only: nothing says what the requester paid with
    ("The checkout only takes card and PayPal, what else can I use?", "en"),
    ("Le site n'accepte que PayPal, seulement PayPal.", "fr"),
])
def test_only_what_is_offered_is_no_value(games: TriageContext, body: str,
                                          locale: str) -> None:
    got, _ = _asked(games, body, "unable-to-purchase", locale)
    assert "payment_method" not in got


@pytest.mark.parametrize(("body", "locale"), [
    ("I finished the Shadow Tower quest and the reward chest opened, but the key is not in "
     "my inventory.", "en"),
    ("퀘스트 끝냈는데 보상으로 받아야 할 글라이더가 가방에도 없어요.", "ko"),
    ("fiz toda a missão do evento e a recompensa não apareceu.", "pt-br"),
    ("J'ai terminé la quête hier, la quête est marquée comme finie mais la cape n'est pas "
     "dans mon inventaire.", "fr"),
])
def test_a_finished_quest_with_its_reward_missing_is_asked(games: TriageContext, body: str,
                                                           locale: str) -> None:
    got, asked = _asked(games, body, "in-game-issues", locale)
    assert "ingame_category" not in got
    assert "ingame_category" in asked


@pytest.mark.parametrize(("body", "locale", "value"), [
    ("I can't complete the quest, the NPC never shows up.", "en", "ingame_quest"),
    ("Não consigo terminar a missão, o NPC não aparece.", "pt-br", "ingame_quest"),
    ("My Frostmane Lion mount was simply gone from my mount list after I logged off.", "en",
     "ingame_lost_item"),
    ("mon dragon a disparu de ma collection après une déco", "fr", "ingame_lost_item"),
])
def test_a_quest_or_an_item_stated_is_read(games: TriageContext, body: str, locale: str,
                                           value: str) -> None:
    got, _ = _asked(games, body, "in-game-issues", locale)
    assert got.get("ingame_category") == value
