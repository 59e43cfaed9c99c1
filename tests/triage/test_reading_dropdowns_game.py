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


@pytest.mark.parametrize(("body", "locale", "value"), [
    ("My Mastercard was billed twice for the Patron 90 days, both show on my statement.", "en",
     "purchase_other"),
    ("Cobraram duas vezes o Patron 30 dias no meu cartão.", "pt-br", "purchase_other"),
    ("I want to pay with paysafecard but the option is greyed out at checkout.", "en",
     "purchase_method_refused"),
])
def test_a_double_charge_and_a_greyed_out_method(games: TriageContext, body: str,
                                                 locale: str, value: str) -> None:
    got, _ = _asked(games, body, "unable-to-purchase", locale)
    assert got.get("purchase_problem") == value


@pytest.mark.parametrize(("body", "locale", "value"), [
    ("I made my account at 12, is there any way to rename it?", "en", "acct_other"),
    ("Da pra mudar o nome da conta Glyph? Queria trocar o nome.", "pt-br", "acct_other"),
    ("J'ai pris mon abo Patron lundi mais le statut dit que je suis pas patron.", "fr",
     "acct_subscription"),
])
def test_a_rename_and_a_subscription_in_slang(games: TriageContext, body: str, locale: str,
                                              value: str) -> None:
    got, _ = _asked(games, body, "glyph-account-issues", locale)
    assert got.get("account_issue") == value


def test_the_requester_denying_a_subscription_is_no_subscription(games: TriageContext) -> None:
    got, _ = _asked(games, "Je ne suis pas abonné, je veux juste changer mon pseudo.",
                    "glyph-account-issues", "fr")
    assert got.get("account_issue") != "acct_subscription"


@pytest.mark.parametrize(("body", "locale", "value"), [
    ("someone got into my account last night and emptied my bank, i got a new login from "
     "an unknown device mail", "en", "recovery_compromised"),
    ("Mon fils a changé le mot de passe et ne s'en souvient plus. Il n'y a pas eu de "
     "piratage, c'est juste un oubli.", "fr", "recovery_password"),
    ("The verification code goes to my old address, which doesn't exist anymore.", "en",
     "recovery_email_lost"),
])
def test_recovery_reasons_in_prose(games: TriageContext, body: str, locale: str,
                                   value: str) -> None:
    got, _ = _asked(games, body, "account-recovery", locale)
    assert got.get("recovery_reason") == value


@pytest.mark.parametrize(("body", "ticked"), [
    ("계정을 지우려고 합니다. 삭제하면 복구가 안 된다는 거 알고 있습니다.", True),
    ("개인정보 때문에 삭제하고 싶습니다. 영구 삭제되는 것 이해했습니다.", True),
    ("복구가 안 된다는 거 알고 있는데 아직 삭제하지 마세요.", False),
    ("영구 삭제되는 것 이해 못 했어요. 설명해 주세요.", False),
])
def test_korean_consent_to_a_permanent_deletion(games: TriageContext, body: str,
                                                ticked: bool) -> None:
    got, _ = _asked(games, body, "account-deletion", "ko")
    assert (got.get("deletion_confirmed") is True) is ticked


def test_hj_is_today(games: TriageContext) -> None:
    got, _ = _asked(games, "hj tentei pagar o Patron com pix e nao tem a opção.",
                    "unable-to-purchase", "pt-br")
    assert got.get("occurred_on") is not None


@pytest.mark.parametrize(("body", "locale", "value"), [
    # "not a bug of X" denies X, in every language
    ("Não é bug de item, não perdi nada, é a quest mesmo que travou. O NPC não aparece.",
     "pt-br", "ingame_quest"),
    ("c pas un bug de quete hein, c'est mon dragon qui a disparu de ma collection", "fr",
     "ingame_lost_item"),
    ("It's not a quest bug, my mount simply disappeared from my mount list.", "en",
     "ingame_lost_item"),
    # 없어졌어요 (vanished) after 도 is the loss itself, no denial
    ("친구한테 우편으로 보낸 아이템이 제 인벤토리에서도 없어졌어요.", "ko", "ingame_lost_item"),
])
def test_a_denied_bug_and_a_vanished_item(games: TriageContext, body: str, locale: str,
                                          value: str) -> None:
    got, _ = _asked(games, body, "in-game-issues", locale)
    assert got.get("ingame_category") == value


def test_not_that_the_item_vanished_is_no_lost_item(games: TriageContext) -> None:
    got, _ = _asked(games, "클랜 창고가 안 열려요. 아이템이 없어진 건 아닌 것 같은데 확인을 못 "
                    "하겠어요.", "in-game-issues", "ko")
    assert got.get("ingame_category") != "ingame_lost_item"


@pytest.mark.parametrize(("body", "locale", "value"), [
    # the time before an update is context, as the time since it is
    ("Depuis la maj d'hier le jeu plante en plein combat. Avant la maj aucun souci.", "fr",
     "tech_crash"),
    ("Before the patch it ran fine, now it keeps crashing to desktop.", "en", "tech_crash"),
    ("업데이트 전에는 괜찮았는데 지금은 게임 중에 계속 튕겨요.", "ko", "tech_crash"),
    # an update stuck on its way is the update
    ("desde ontem o update trava em 87% e nao sai disso.", "pt-br", "tech_patching"),
    ("The update won't finish, it's stuck at 99%.", "en", "tech_patching"),
])
def test_before_an_update_is_context_and_a_stuck_update_is_one(
        games: TriageContext, body: str, locale: str, value: str) -> None:
    got, _ = _asked(games, body, "technical-issues", locale)
    assert got.get("issue_type") == value


@pytest.mark.parametrize(("body", "locale", "value"), [
    ("depuis hier je spawn sous la carte à chaque connexion, j'ai rien perdu hein", "fr",
     "ingame_other"),
    ("My character fell through the map near the dam and now I'm stuck under the map.", "en",
     "ingame_other"),
    # a place named beside a lost item is no other problem: a question, never "other"
    ("I fell through the map and when I logged back in, my mount had disappeared.", "en",
     None),
])
def test_stuck_under_the_map_is_another_in_game_problem(
        games: TriageContext, body: str, locale: str, value: str | None) -> None:
    got, _ = _asked(games, body, "in-game-issues", locale)
    assert got.get("ingame_category") == value


@pytest.mark.parametrize(("body", "locale", "field", "form", "value"), [
    ("I tried to buy crowns but the payment was blocked by my bank.", "en",
     "purchase_problem", "unable-to-purchase", "purchase_declined"),
    ("Achat impossible, fonds insuffisants d'après le site alors que j'ai de l'argent.", "fr",
     "purchase_problem", "unable-to-purchase", "purchase_declined"),
    ("크레딧 사려는데 한도 초과라고 나와요.", "ko", "purchase_problem", "unable-to-purchase",
     "purchase_declined"),
    ("Tentei comprar e deu saldo insuficiente, mas tenho saldo.", "pt-br", "purchase_problem",
     "unable-to-purchase", "purchase_declined"),
    ("Je voudrais changer mon courriel, l'ancien ne marche plus.", "fr", "account_issue",
     "glyph-account-issues", "acct_email_change"),
    ("roubaram minha conta ontem, não consigo mais entrar", "pt-br", "recovery_reason",
     "account-recovery", "recovery_compromised"),
])
def test_what_support_agents_list_for_each_option(
        games: TriageContext, body: str, locale: str, field: str, form: str,
        value: str) -> None:
    got, _ = _asked(games, body, form, locale)
    assert got.get(field) == value


@pytest.mark.parametrize(("body", "locale"), [
    # the bank is not named as blocking anything: no refusal read
    ("I paid with my bank card and the crowns never arrived.", "en"),
    ("Paguei e o banco mostra a cobrança, mas não recebi nada.", "pt-br"),
])
def test_a_bank_named_is_no_refusal(games: TriageContext, body: str, locale: str) -> None:
    got, _ = _asked(games, body, "unable-to-purchase", locale)
    assert got.get("purchase_problem") != "purchase_declined"


@pytest.mark.parametrize(("body", "locale", "value"), [
    # a status the requester doubts beside what they state: a question
    ("La page a affiché une erreur et j'ai rien reçu dans le jeu. Je sais pas si c'est refusé "
     "ou si c'est passé.", "fr", None),
    ("Nothing arrived in game. Not sure if the payment was declined or went through?", "en",
     None),
    # stated without doubt: written
    ("My card was declined twice at checkout, with enough money on it.", "en",
     "purchase_declined"),
    ("Paguei e não recebi nada no jogo.", "pt-br", "purchase_not_received"),
])
def test_a_doubted_status_beside_a_stated_one_is_asked(
        games: TriageContext, body: str, locale: str, value: str | None) -> None:
    got, _ = _asked(games, body, "unable-to-purchase", locale)
    assert got.get("purchase_problem") == value


@pytest.mark.parametrize(("body", "locale", "value"), [
    # a typo'd word beside context only: asked ("journal" is no "journalière")
    ("J'ai terminé la quête hier, elle est marquée comme finie dans le journal mais la cape "
     "n'est jamais arrivée.", "fr", None),
    # the same option named as the problem twice: written
    ("La quête est bloquée, le pnj ne se montre pas.", "fr", "ingame_quest"),
])
def test_context_corroborates_no_typo(games: TriageContext, body: str, locale: str,
                                      value: str | None) -> None:
    got, _ = _asked(games, body, "in-game-issues", locale)
    assert got.get("ingame_category") == value


@pytest.mark.parametrize(("body", "locale", "value"), [
    # what an item was got for is context: lost item or quest, a question
    ("La Pierre d'âme que j'avais ramassée pour la quête a disparu de mon sac, du coup je peux "
     "plus rien rendre au pnj.", "fr", None),
    ("The Soul Stone I picked up for the quest disappeared from my bags, so the NPC won't "
     "take anything.", "en", None),
    # the quest itself stuck, nothing got for it: the quest
    ("A missão não avança, o NPC não aparece no porto.", "pt-br", "ingame_quest"),
])
def test_what_an_item_was_got_for_is_context(games: TriageContext, body: str, locale: str,
                                             value: str | None) -> None:
    got, _ = _asked(games, body, "in-game-issues", locale)
    assert got.get("ingame_category") == value


@pytest.mark.parametrize(("body", "locale"), [
    # the requester does not know whether the option holds: it is asked, not written
    ("every time it spins and then 'something went wrong'. i dont even know if i got charged "
     "or not.", "en"),
    ("The purchase failed with an error, not even sure if I was charged.", "en"),
    ("ça a planté au paiement et je sais même pas si j'ai été débité.", "fr"),
    ("erreur à l'achat, aucune idée si j'ai été prélevé ou pas.", "fr"),
    ("deu erro na compra e nem sei se fui cobrado.", "pt-br"),
    ("deu erro e não faço ideia se cobraram ou não.", "pt-br"),
    ("구매하다가 오류가 났는데 결제가 된 건지 모르겠어요.", "ko"),
    ("에러 뜨고 돈이 빠져나갔는지도 모르겠어요.", "ko"),
    ("결제됐는지 안 됐는지 모르겠어요. 오류만 떴어요.", "ko"),
    ("Payment failed twice. Can't tell whether I was charged.", "en"),
])
def test_an_option_the_requester_is_unsure_of_is_asked(games: TriageContext, body: str,
                                                       locale: str) -> None:
    got, asked = _asked(games, body, "unable-to-purchase", locale)
    assert got.get("purchase_problem") != "purchase_not_received"
    assert "purchase_problem" in asked


@pytest.mark.parametrize(("body", "locale"), [
    # not knowing something else (why, what to do) doubts nothing of what is stated
    ("I got charged and received nothing, I don't know why.", "en"),
    ("je ne sais pas quoi faire, j'ai été débité et rien reçu.", "fr"),
    ("não sei o que fazer, fui cobrado e não recebi nada.", "pt-br"),
    ("결제는 됐는데 아이템이 안 들어왔어요. 왜 그런지 모르겠어요.", "ko"),
])
def test_not_knowing_something_else_keeps_the_option(games: TriageContext, body: str,
                                                     locale: str) -> None:
    got, _ = _asked(games, body, "unable-to-purchase", locale)
    assert got.get("purchase_problem") == "purchase_not_received"


@pytest.mark.parametrize(("body", "locale"), [
    # a method the requester has but cannot use is context; the one wanted is the value
    ("Não é problema de cartão recusado, é que meu cartão não é internacional e na loja não "
     "tem opção de Pix nem boleto.", "pt-br"),
    ("My card isn't international, so I wanted to pay with PayPal but it's not an option.",
     "en"),
    ("Ma carte n'est pas internationale, je voulais payer par virement mais c'est pas proposé.",
     "fr"),
    ("제 카드는 해외결제가 안 돼서 카카오페이로 하려는데 선택이 안 돼요.", "ko"),
])
def test_a_method_one_cannot_use_gives_way_to_the_one_wanted(games: TriageContext, body: str,
                                                             locale: str) -> None:
    got, _ = _asked(games, body, "unable-to-purchase", locale)
    assert got.get("payment_method") in ("pay_other", "pay_paypal")
    assert got.get("payment_method") != "pay_card"


@pytest.mark.parametrize(("body", "locale"), [
    # two symptoms one after the other ("X … and then Y") or by turns ("and sometimes Y",
    # "other times"): two options of the problem, a question settles which the form wants
    ("the game lags like crazy for a minute and then it crashes to desktop", "en"),
    ("first it stutters a lot, then it kicks me back to the login screen", "en"),
    ("huge lag spikes and sometimes I just get disconnected", "en"),
    ("fps drops hard in towns, other times the game just freezes and closes", "en"),
    ("ça lag énormément et parfois le jeu plante carrément", "fr"),
    ("le jeu rame pendant une minute puis ça me déconnecte", "fr"),
    ("ça saccade beaucoup et des fois ça crash direct", "fr"),
    ("렉이 심하게 걸리다가 가끔은 아예 튕겨요", "ko"),
    ("프레임이 떨어지고 그러다가 접속이 끊겨요", "ko"),
    ("o jogo fica lento e as vezes fecha sozinho", "pt-br"),
    ("dá muito lag e depois cai a conexão", "pt-br"),
    ("fica lagando e de vez em quando crasha", "pt-br"),
])
def test_two_symptoms_in_turn_are_asked(games: TriageContext, body: str, locale: str) -> None:
    got, asked = _asked(games, body, "technical-issues", locale)
    assert "issue_type" not in got
    assert "issue_type" in asked


@pytest.mark.parametrize(("body", "locale", "value"), [
    # one symptom, and then something that is no option (a restart, a recovery): the value
    ("the game crashes to desktop and then I have to restart my PC", "en", "tech_crash"),
    ("it lags for a minute and then it's fine again", "en", "tech_performance"),
    ("o jogo fecha sozinho e depois tenho que abrir de novo", "pt-br", "tech_crash"),
    ("렉이 심하다가 가끔은 괜찮아져요", "ko", "tech_performance"),
])
def test_one_symptom_then_no_other_keeps_the_value(games: TriageContext, body: str,
                                                   locale: str, value: str) -> None:
    got, _ = _asked(games, body, "technical-issues", locale)
    assert got.get("issue_type") == value


@pytest.mark.parametrize(("body", "locale"), [
    # a method the store no longer lists (gone, removed, not in the list any more): the
    # method is not accepted, whatever else the text says was not charged
    ("paysafecard is just not in the list of payment options anymore, only cards and paypal.",
     "en"),
    ("they removed PayPal from the checkout, it's gone from the payment methods.", "en"),
    ("Paysafecard n'est plus dans la liste des moyens de paiement, il n'y a que la carte.",
     "fr"),
    ("PayPal a disparu des moyens de paiement depuis hier.", "fr"),
    ("o pix sumiu das opções de pagamento, só aparece cartão.", "pt-br"),
    ("não aparece mais na lista o boleto.", "pt-br"),
    ("페이세이프카드 옵션이 사라졌어요. 카드만 보여요.", "ko"),
    ("결제 수단 목록에서 사라졌어요, 페이팔이요.", "ko"),
])
def test_a_method_gone_from_the_list_is_not_accepted(games: TriageContext, body: str,
                                                     locale: str) -> None:
    got, _ = _asked(games, body, "unable-to-purchase", locale)
    assert got.get("purchase_problem") == "purchase_method_refused"


@pytest.mark.parametrize(("body", "locale"), [
    # nothing charged: no "charged but nothing received"
    ("Nothing got charged, the Patron pack just won't let me pay.", "en"),
    ("I wasn't charged at all, it just says the method is not accepted.", "en"),
    ("Rien n'a été débité, le moyen de paiement n'est pas accepté.", "fr"),
    ("Nada foi cobrado, o site não aceita o meu meio de pagamento.", "pt-br"),
    ("돈은 안 나갔고 결제 수단을 지원하지 않는다고 나와요.", "ko"),
])
def test_nothing_charged_is_not_a_purchase_not_received(games: TriageContext, body: str,
                                                        locale: str) -> None:
    got, _ = _asked(games, body, "unable-to-purchase", locale)
    assert got.get("purchase_problem") != "purchase_not_received"


@pytest.mark.parametrize(("body", "locale"), [
    # still charged and nothing received: the value stays
    ("I got charged and nothing arrived, the crowns are not in my inventory.", "en"),
    ("j'ai été débité et rien n'est arrivé.", "fr"),
    ("fui cobrado e não recebi nada.", "pt-br"),
    ("돈은 나갔는데 아이템이 안 들어왔어요.", "ko"),
])
def test_charged_and_nothing_received_stays(games: TriageContext, body: str,
                                            locale: str) -> None:
    got, _ = _asked(games, body, "unable-to-purchase", locale)
    assert got.get("purchase_problem") == "purchase_not_received"


@pytest.mark.parametrize(("subject", "body", "locale"), [
    # the card works: whatever the subject guessed, nothing was declined
    ("card declined", "Not a card problem, my card works everywhere. The shop just has no "
     "option for bank transfer.", "en"),
    ("carte refusée", "Ma carte marche partout, c'est juste que le virement n'est pas "
     "proposé.", "fr"),
    ("cartao recusado", "não é problema de cartão, meu cartão funciona em tudo. mas no site "
     "não tem opção de pix.", "pt-br"),
])
def test_a_card_that_works_is_no_decline(games: TriageContext, subject: str, body: str,
                                         locale: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase", locale=locale, subject=subject),
               games)
    assert written(games, d).get("purchase_problem") != "purchase_declined"


@pytest.mark.parametrize(("body", "locale"), [
    # two methods tried, both failing the same way: which one the form wants is asked
    ("I tried with PayPal and also with my card, same thing.", "en"),
    ("J'ai essayé avec PayPal et aussi avec ma carte, pareil.", "fr"),
    ("tentei pelo paypal e também pelo cartão, mesma coisa.", "pt-br"),
    ("페이팔로도 해보고 카드로도 해봤는데 똑같아요.", "ko"),
])
def test_two_methods_tried_are_asked(games: TriageContext, body: str, locale: str) -> None:
    got, _ = _asked(games, body, "unable-to-purchase", locale)
    assert "payment_method" not in got


@pytest.mark.parametrize(("body", "locale"), [
    # the buy button disabled is no method refused: the purchase itself is blocked
    ("The buy button is greyed out on the Patron pack, PayPal and card both work elsewhere.",
     "en"),
    ("Le bouton d'achat est grisé sur le pack, impossible de cliquer.", "fr"),
    ("o botão de comprar fica cinza e não clica.", "pt-br"),
    ("상점에서 사려고 하면 구매 버튼이 회색으로 바뀌고 아무것도 안 돼요.", "ko"),
])
def test_a_greyed_buy_button_is_no_method_refused(games: TriageContext, body: str,
                                                  locale: str) -> None:
    got, _ = _asked(games, body, "unable-to-purchase", locale)
    assert got.get("purchase_problem") != "purchase_method_refused"


@pytest.mark.parametrize(("body", "locale"), [
    # a greyed-out method stays a method not accepted
    ("PayPal is greyed out at checkout, I can't select it.", "en"),
    ("PayPal est grisé au moment de payer.", "fr"),
    ("a opção do pix fica cinza na hora de pagar.", "pt-br"),
    ("페이팔이 회색으로 나와서 선택이 안 돼요.", "ko"),
])
def test_a_greyed_method_stays_not_accepted(games: TriageContext, body: str,
                                            locale: str) -> None:
    got, _ = _asked(games, body, "unable-to-purchase", locale)
    assert got.get("purchase_problem") == "purchase_method_refused"


@pytest.mark.parametrize(("body", "locale"), [
    # the means of paying in a "when I try to pay with X" clause is the method chosen
    ("when I try to pay with Apple Pay the checkout has no option for it, only card and "
     "PayPal.", "en"),
    ("quand j'essaie de payer par virement il n'y a pas l'option, seulement carte et PayPal.",
     "fr"),
    ("quando tento pagar pelo pix ou boleto no site não tem opção, só cartão e paypal.",
     "pt-br"),
    ("카카오페이로 결제하려고 하면 선택이 안 돼요.", "ko"),
])
def test_the_means_in_a_when_clause_is_the_method(games: TriageContext, body: str,
                                                  locale: str) -> None:
    got, _ = _asked(games, body, "unable-to-purchase", locale)
    assert got.get("payment_method") == "pay_other"


@pytest.mark.parametrize(("body", "locale"), [
    # no verb of paying before the words: what is shown when the store opens is offered only
    ("when I open the store it only shows card and PayPal, nothing else.", "en"),
    ("quand j'ouvre la boutique il y a seulement carte et PayPal.", "fr"),
    ("quando eu abro a loja aparece só cartão e paypal.", "pt-br"),
])
def test_methods_shown_in_a_when_clause_are_no_value(games: TriageContext, body: str,
                                                     locale: str) -> None:
    got, _ = _asked(games, body, "unable-to-purchase", locale)
    assert "payment_method" not in got


@pytest.mark.parametrize(("body", "locale", "value"), [
    # steps told in turn ("I click X then Y") are no run of symptoms: the value stays
    ("I open the launcher, click Play and then the game crashes to desktop.", "en",
     "tech_crash"),
])
def test_steps_in_turn_keep_the_value(games: TriageContext, body: str, locale: str,
                                      value: str) -> None:
    got, _ = _asked(games, body, "technical-issues", locale)
    assert got.get("issue_type") == value
