"""The game-publisher dropdowns read from constructions, not phrases: a clause the requester
denies ("it's not that my card is declined", "ce n'est pas que", "não é que"), a word of one
field inside another's phrase ("I don't have a credit card" is no "not credited"), what the
requester cannot use (the method tried, not one denied), an option's own phrase holding its
negation ("je suis pas patron"), "nothing is missing" (no lost item), a store's refusal in its
own words ("the transaction cannot be completed") and real-money trading named by its money,
in en, fr, ko and pt-br."""

from __future__ import annotations

from typing import Any

import pytest
from test_reading import on, written

from integrations.triage import TriageContext, decide


def _read(ctx: TriageContext, body: str, form: str, locale: str,
          subject: str = "Help") -> tuple[dict[str, Any], list[str]]:
    d = decide(on(ctx, body, form=form, locale=locale, subject=subject), ctx)
    return written(ctx, d), [m.key for m in d.missing] if d.kind == "ask" else []


@pytest.mark.parametrize(("body", "locale", "value"), [
    ("It's not that my payment gets declined, the checkout simply doesn't accept paysafecard "
     "anymore.", "en", "purchase_method_refused"),
    ('Not a "paid but didn\'t get it" thing, my Visa gets declined every single time.', "en",
     "purchase_declined"),
    ("Ce n'est pas que ma carte est refusée, la paysafecard n'est tout simplement pas "
     "acceptée.", "fr", "purchase_method_refused"),
    ("C'est pas que le paiement est refusé, le site n'accepte pas la paysafecard.", "fr",
     "purchase_method_refused"),
    ("Não é que o cartão foi recusado, o site não aceita boleto.", "pt-br",
     "purchase_method_refused"),
    ("카드가 거절된 건 아니고요, 페이세이프카드가 결제 수단 목록에 없어요.", "ko",
     "purchase_method_refused"),
])
def test_a_clause_the_requester_denies_names_no_problem(games: TriageContext, body: str,
                                                       locale: str, value: str) -> None:
    got, _ = _read(games, body, "unable-to-purchase", locale)
    assert got.get("purchase_problem") == value


@pytest.mark.parametrize(("body", "locale"), [
    ("The store doesn't accept paysafecard anymore and I don't have a credit card.", "en"),
    ("Le site n'accepte plus la paysafecard et je n'ai pas de carte de crédit.", "fr"),
    ("O site não aceita mais paysafecard e eu não tenho cartão de crédito.", "pt-br"),
])
def test_a_credit_card_one_does_not_have_is_not_a_purchase_not_credited(
        games: TriageContext, body: str, locale: str) -> None:
    got, _ = _read(games, body, "unable-to-purchase", locale)
    assert got.get("purchase_problem") == "purchase_method_refused"


@pytest.mark.parametrize(("subject", "body", "locale"), [
    ("can't use paysafecard anymore?",
     "The checkout doesn't take paysafecard anymore when I try to buy Patron.", "en"),
    ("je peux plus utiliser ma paysafecard ?",
     "Le site ne prend plus la paysafecard quand j'achète le Patron.", "fr"),
    ("não consigo mais usar paysafecard?",
     "O site não aceita mais paysafecard quando tento comprar o Patron.", "pt-br"),
])
def test_a_method_the_requester_cannot_use_is_the_method_not_a_denial(
        games: TriageContext, subject: str, body: str, locale: str) -> None:
    got, _ = _read(games, body, "unable-to-purchase", locale, subject)
    assert got.get("payment_method") == "pay_paysafecard"


@pytest.mark.parametrize(("body", "locale"), [
    ("J'ai payé mon abonnement comme chaque mois, mais le jeu me dit que je suis pas patron.",
     "fr"),
    ("패트론 결제했는데 게임에서 계속 패트론 아니라고 나와요.", "ko"),
    ("I paid my subscription like every month but the game says I'm not a patron.", "en"),
    ("Paguei minha assinatura como todo mês, mas o jogo diz que não sou patron.", "pt-br"),
])
def test_an_options_own_negated_phrase_denies_nothing(games: TriageContext, body: str,
                                                      locale: str) -> None:
    got, _ = _read(games, body, "glyph-account-issues", locale)
    assert got.get("account_issue") == "acct_subscription"


@pytest.mark.parametrize(("body", "locale"), [
    ("Nothing is missing from my inventory, it's just like my progression got rolled back.",
     "en"),
    ("Rien n'a disparu de mon inventaire, c'est juste ma progression qui a été remise à zéro.",
     "fr"),
    ("Não sumiu nada do meu inventário, é só o meu progresso que foi resetado.", "pt-br"),
    ("아이템이 없어진 건 아니고 진행도가 초기화됐어요.", "ko"),
])
def test_nothing_missing_is_no_lost_item(games: TriageContext, body: str,
                                         locale: str) -> None:
    got, _ = _read(games, body, "in-game-issues", locale)
    assert got.get("ingame_category") != "ingame_lost_item"
    assert got.get("ingame_category") == "ingame_other"


@pytest.mark.parametrize(("body", "locale"), [
    ("I try to buy the pack in the store and it says the transaction cannot be completed.",
     "en"),
    ("J'essaie d'acheter le pack et ça me dit que la transaction n'a pas pu aboutir.", "fr"),
    ("Tento comprar o pacote pela loja e aparece que a transação não pode ser concluída.",
     "pt-br"),
    ("상점에서 팩을 사려는데 거래를 완료할 수 없다고 나와요.", "ko"),
])
def test_a_transaction_the_store_cannot_complete_is_declined(games: TriageContext, body: str,
                                                             locale: str) -> None:
    got, _ = _read(games, body, "unable-to-purchase", locale)
    assert got.get("purchase_problem") == "purchase_declined"


@pytest.mark.parametrize(("body", "locale"), [
    ("Un joueur spamme le chat général pour vendre du platine contre des euros.", "fr"),
    ("A player keeps spamming general chat to sell platinum for euros.", "en"),
    ("Um jogador fica spammando o chat geral vendendo platina por reais.", "pt-br"),
    ("어떤 유저가 전체 채팅에서 플래티넘을 현금으로 판다고 도배해요.", "ko"),
])
def test_game_currency_sold_for_money_is_real_money_trading(games: TriageContext, body: str,
                                                            locale: str) -> None:
    got, _ = _read(games, body, "report-a-player", locale)
    assert got.get("offense") == "offense_scam"


@pytest.mark.parametrize(("body", "locale"), [
    ("Pas de crash hein, juste des freezes et des saccades en raid.", "fr"),
    ("No crash, just freezes and stutters in raids.", "en"),
    ("Não é crash não, só umas travadas e engasgos na raid.", "pt-br"),
    ("튕기진 않고 그냥 레이드에서 멈칫멈칫하고 버벅여요.", "ko"),
])
def test_no_crash_just_stutters_is_performance(games: TriageContext, body: str,
                                               locale: str) -> None:
    got, _ = _read(games, body, "technical-issues", locale)
    assert got.get("issue_type") == "tech_performance"


@pytest.mark.parametrize(("body", "locale"), [
    ("There is no error message, it just goes back to the login screen.", "en"),
    ("Pas de message d'erreur, juste une page vide.", "fr"),
])
def test_no_message_just_a_symptom_denies_no_kind(games: TriageContext, body: str,
                                                  locale: str) -> None:
    """Only what the requester has instead, named as another option, sets the first aside:
    "it just goes back to the login screen" still reads as the log-in problem."""
    got, _ = _read(games, body, "technical-issues", locale)
    assert got.get("issue_type") in (None, "tech_login")


@pytest.mark.parametrize(("body", "locale"), [
    ("the Gobbling Gourdling ally I got from the event just isn't in my collection anymore.",
     "en"),
    ("mon familier de l'événement n'est plus dans ma collection.", "fr"),
    ("o mascote do evento não está mais na minha coleção.", "pt-br"),
    ("이벤트에서 받은 펫이 컬렉션에서 사라졌어요.", "ko"),
])
def test_a_thing_gone_from_the_collection_is_a_lost_item(games: TriageContext, body: str,
                                                         locale: str) -> None:
    got, _ = _read(games, body, "in-game-issues", locale)
    assert got.get("ingame_category") == "ingame_lost_item"


@pytest.mark.parametrize(("body", "locale"), [
    ("At checkout when I pick paysafecard it says the method isnt available.", "en"),
    ("Quand je choisis paysafecard, le site dit que ce moyen de paiement n'est pas "
     "disponible.", "fr"),
    ("Quando escolho paysafecard aparece que a forma de pagamento não está disponível.",
     "pt-br"),
    ("페이세이프카드를 고르면 결제 수단을 이용할 수 없다고 나와요.", "ko"),
])
def test_what_the_store_says_after_when_i_is_the_problem(games: TriageContext, body: str,
                                                         locale: str) -> None:
    got, _ = _read(games, body, "unable-to-purchase", locale)
    assert got.get("purchase_problem") == "purchase_method_refused"


@pytest.mark.parametrize(("body", "locale", "value"), [
    ("I bought Patron 90 days through PayPal. The 29.99 was taken straight away but my "
     "account still shows no patron status.", "en", "purchase_not_received"),
    ("It literally won't take my money, my Visa gets declined every single time.", "en",
     "purchase_declined"),
])
def test_money_taken_or_refused_in_plain_words(games: TriageContext, body: str, locale: str,
                                               value: str) -> None:
    got, _ = _read(games, body, "unable-to-purchase", locale)
    assert got.get("purchase_problem") == value


@pytest.mark.parametrize(("body", "locale"), [
    ("this is the third time this month. absolutely unplayable. fix your game", "en"),
    ("troisième fois ce mois-ci, c'est injouable. réparez votre jeu", "fr"),
    ("terceira vez esse mês, tá injogável. arrumem o jogo", "pt-br"),
    ("이번 달만 세 번째예요. 도저히 플레이 불가능해요. 좀 고쳐주세요", "ko"),
])
def test_how_bad_names_no_kind_of_problem(games: TriageContext, body: str,
                                          locale: str) -> None:
    """"Unplayable" says how bad, not what goes wrong (a crash, lag, the log-in): asked."""
    got, asked = _read(games, body, "technical-issues", locale)
    assert "issue_type" not in got
    assert "issue_type" in asked


@pytest.mark.parametrize(("body", "locale"), [
    ("since the update the game freezes on the title screen, I have to force close it.", "en"),
    ("depuis la maj le jeu freeze sur l'écran titre, faut que je force la fermeture.", "fr"),
    ("desde a atualização o jogo congela na tela inicial, tenho que forçar o fechamento.",
     "pt-br"),
    ("업데이트 이후 타이틀 화면에서 게임이 멈춰서 강제로 꺼야 해요.", "ko"),
])
def test_a_freeze_on_the_title_screen_is_asked(games: TriageContext, body: str,
                                               locale: str) -> None:
    """The title screen is where the log-in happens: frozen there may be either kind."""
    got, asked = _read(games, body, "technical-issues", locale)
    assert "issue_type" not in got
    assert "issue_type" in asked


@pytest.mark.parametrize(("body", "locale"), [
    ("Je voulais payer avec ma paysafecard mais sur la page de paiement y'a que carte et "
     "PayPal.", "fr"),
    ("Il n'y a que la carte et PayPal, moi je voulais payer avec ma paysafecard.", "fr"),
    ("I wanted to pay with paysafecard but there's only card and PayPal at checkout.", "en"),
    ("queria pagar com paysafecard mas só tem cartão e paypal no checkout.", "pt-br"),
    ("페이세이프카드로 결제하려는데 카드랑 페이팔만 있어요.", "ko"),
])
def test_what_there_is_only_is_offered_not_chosen(games: TriageContext, body: str,
                                                  locale: str) -> None:
    got, _ = _read(games, body, "unable-to-purchase", locale)
    assert got.get("payment_method") == "pay_paysafecard"


@pytest.mark.parametrize(("body", "locale"), [
    ("quando tento pagar pelo pix ou boleto no site não tem opção. queria comprar 5000 "
     "Credits.", "pt-br"),
    ("when I try to pay with paysafecard the store doesn't accept it. I wanted 5000 Credits.",
     "en"),
    ("quand j'essaie de payer avec la paysafecard le site n'accepte pas. je voulais 5000 "
     "crédits.", "fr"),
    ("페이세이프카드로 결제하려고 하면 지원하지 않는 결제 수단이래요.", "ko"),
])
def test_the_answer_to_when_i_try_is_the_problem(games: TriageContext, body: str,
                                                 locale: str) -> None:
    got, _ = _read(games, body, "unable-to-purchase", locale)
    assert got.get("purchase_problem") == "purchase_method_refused"


@pytest.mark.parametrize(("body", "locale"), [
    ("mon compte a été créé avec mon adresse du lycée et elle a été supprimée, donc je peux "
     "pas recevoir le lien pour réinitialiser.", "fr"),
    ("my account was made with my school address and it was deleted, so I can't get the link "
     "to reset.", "en"),
    ("minha conta foi criada com o email da escola e ele foi excluído, então não consigo "
     "receber o link para redefinir.", "pt-br"),
    ("학교 이메일로 가입했는데 그 이메일이 삭제돼서 재설정 링크를 받을 수가 없어요.", "ko"),
])
def test_what_a_reset_link_is_for_is_no_forgotten_password(games: TriageContext, body: str,
                                                           locale: str) -> None:
    got, _ = _read(games, body, "account-recovery", locale)
    assert got.get("recovery_reason") != "recovery_password"


def test_a_browser_before_a_product_word_is_no_means(ads: TriageContext) -> None:
    """"사파리에서 link builder": the place the link builder fails, no link of a remedy."""
    d = decide(on(ads, "iOS 18 아이폰 사파리에서 link builder 페이지가 무한 로딩만 돼요",
                  form="publisher-support", locale="ko"), ads)
    assert written(ads, d).get("browser") == "browser_safari"
