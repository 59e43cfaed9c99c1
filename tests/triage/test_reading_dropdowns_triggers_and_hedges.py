"""Shapes of a sentence that set an option's words apart from the problem: a setting the
requester turned on before the problem began ("since I enabled two-factor the dashboard
loads forever", "desde que ativei a verificação em duas etapas"): the trigger, a step; a
guess closed by a hedge ("is there a hold on my account or something?"): "or something"
offers no alternative; a bank or a statement that shows nothing ("my bank shows nothing"):
money that did not arrive, no blank page; an everyday word a keyword's stem falls onto
("resolvam isso logo": soon, not "logar"); and Portuguese "baixar" said of the graphics
(lowered, not downloaded). In en, fr, ko and pt-br, with what must still be read kept."""

from __future__ import annotations

import pytest
from test_reading import asked, on, written

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize(("body", "locale"), [
    ("Since I enabled two-factor authentication the dashboard just keeps spinning on my "
     "laptop. SID 5520871", "en"),
    ("Depuis que j'ai activé la double authentification, le tableau de bord tourne dans le "
     "vide sur mon PC. SID 5520871", "fr"),
    ("Desde que ativei a verificação em duas etapas o painel fica carregando infinito. "
     "SID 5520871", "pt-br"),
    ("2단계 인증을 켠 뒤로 대시보드가 무한 로딩이에요. SID 5520871", "ko"),
])
def test_a_setting_turned_on_before_the_problem_is_its_trigger(
        ads: TriageContext, body: str, locale: str) -> None:
    d = decide(on(ads, body, form="publisher-support", locale=locale), ads)
    assert written(ads, d).get("problem_type") == "pub_technical"


@pytest.mark.parametrize(("body", "locale"), [
    # the change itself is the problem, no trigger of another
    ("Desde que troquei de celular não consigo mais logar, o código não chega. SID 5520871",
     "pt-br"),
    ("Depuis que j'ai changé mon mot de passe, impossible de me connecter. SID 5520871", "fr"),
])
def test_what_follows_the_trigger_still_names_the_problem(
        ads: TriageContext, body: str, locale: str) -> None:
    d = decide(on(ads, body, form="publisher-support", locale=locale), ads)
    assert written(ads, d).get("problem_type") == "pub_account"


def test_the_main_clause_after_a_trigger_is_no_trigger(ads: TriageContext) -> None:
    body = "Since I moved the dashboard keeps spinning forever on every page. SID 5520871"
    d = decide(on(ads, body, form="publisher-support", locale="en"), ads)
    assert written(ads, d).get("problem_type") == "pub_technical"


@pytest.mark.parametrize(("body", "locale"), [
    ("My November commission never showed up although my balance is way over the minimum. "
     "Is there a hold on my account or something? SID 6612388", "en"),
    ("Ma commission de novembre n'est jamais arrivée alors que mon solde dépasse le minimum. "
     "Il y a un blocage sur mon compte ou quoi ? SID 6612388", "fr"),
    ("Minha comissão de novembro nunca caiu e meu saldo já passou do mínimo. Tem algum "
     "bloqueio na minha conta ou algo assim? SID 6612388", "pt-br"),
])
def test_a_guess_closed_by_a_hedge_offers_no_alternative(
        ads: TriageContext, body: str, locale: str) -> None:
    d = decide(on(ads, body, form="publisher-support", locale=locale), ads)
    assert written(ads, d).get("problem_type") == "pub_payments"


def test_a_real_alternative_is_still_a_doubt(ads: TriageContext) -> None:
    body = ("My November commission never showed up. Is my account suspended or is the "
            "payment just late? SID 6612388")
    d = decide(on(ads, body, form="publisher-support", locale="en"), ads)
    assert "problem_type" in asked(d)


@pytest.mark.parametrize(("body", "locale"), [
    ("Dashboard says my October payout went out on the 15th but my bank shows nothing. "
     "SID 4471920", "en"),
    ("Le tableau de bord dit que mon paiement d'octobre est parti le 15 mais mon relevé "
     "n'affiche rien. SID 4471920", "fr"),
    ("O painel diz que meu pagamento de outubro saiu dia 15 mas meu extrato não mostra "
     "nada. SID 4471920", "pt-br"),
    ("대시보드에는 10월 지급이 15일에 나갔다고 나오는데 통장에는 아무것도 안 떠요. SID 4471920",
     "ko"),
])
def test_a_bank_that_shows_nothing_is_money_not_arrived(
        ads: TriageContext, body: str, locale: str) -> None:
    d = decide(on(ads, body, form="publisher-support", locale=locale), ads)
    assert written(ads, d).get("problem_type") == "pub_payments"


def test_a_dashboard_that_shows_nothing_is_still_technical(ads: TriageContext) -> None:
    body = "Since this morning the dashboard shows nothing, just a grey area. SID 4471920"
    d = decide(on(ads, body, form="publisher-support", locale="en"), ads)
    assert written(ads, d).get("problem_type") == "pub_technical"


@pytest.mark.parametrize("body", [
    "por favor resolvam isso logo, faz dias que ninguém me responde",
    "logo depois do almoço mandei outro e-mail e nada, ninguém responde",
])
def test_an_everyday_word_is_no_keyword_by_its_stem(ads: TriageContext, body: str) -> None:
    d = decide(on(ads, body, form="publisher-support", locale="pt-br"), ads)
    assert "problem_type" not in written(ads, d)


def test_the_keyword_written_as_such_is_still_read(ads: TriageContext) -> None:
    body = "Não consigo logar no painel desde ontem, diz senha inválida. SID 5520871"
    d = decide(on(ads, body, form="publisher-support", locale="pt-br"), ads)
    assert written(ads, d).get("problem_type") == "pub_account"


@pytest.mark.parametrize("body", [
    "O jogo tá travando muito em raid. Já baixei os gráficos pro mínimo e nada.",
    "Fica dando engasgo direto, baixei a qualidade e a resolução e continua igual.",
])
def test_graphics_lowered_are_no_download(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="technical-issues", locale="pt-br"), games)
    assert written(games, d).get("issue_type") != "tech_patching"


def test_a_download_is_still_patching(games: TriageContext) -> None:
    body = "Não consigo baixar o patch novo, o download trava em 40% toda vez."
    d = decide(on(games, body, form="technical-issues", locale="pt-br"), games)
    assert written(games, d).get("issue_type") == "tech_patching"


@pytest.mark.parametrize(("subject", "body", "locale"), [
    ("link builder spinning forever", "Since Monday the link builder just shows the loading "
     "wheel and never finishes. SID 2209871", "en"),
    ("générateur de liens bloqué", "Depuis lundi le générateur de liens tourne dans le vide "
     "et ne finit jamais. SID 2209871", "fr"),
    ("gerador de links carregando", "Desde segunda o gerador de links fica carregando e nunca "
     "termina. SID 2209871", "pt-br"),
    ("링크 생성기 무한 로딩", "월요일부터 링크 생성기가 계속 로딩만 되고 안 끝나요. SID 2209871",
     "ko"),
])
def test_a_tool_that_spins_is_where_a_technical_problem_shows(
        ads: TriageContext, subject: str, body: str, locale: str) -> None:
    d = decide(on(ads, body, subject=subject, form="publisher-support", locale=locale), ads)
    assert written(ads, d).get("problem_type") == "pub_technical"


def test_what_the_tool_makes_wrong_is_no_technical_problem(ads: TriageContext) -> None:
    body = ("The link builder makes links to the old Fnac campaign, the advertiser says the "
            "offer moved. SID 2209871")
    d = decide(on(ads, body, form="publisher-support", locale="en"), ads)
    assert written(ads, d).get("problem_type") != "pub_technical"


@pytest.mark.parametrize(("body", "locale"), [
    ("Tried to pay with a paysafecard bought at the gas station but the shop says this "
     "payment method is not available for me.", "en"),
    ("J'ai voulu payer avec une paysafecard de 20 euros achetée au tabac mais la boutique dit "
     "que ce moyen de paiement n'est pas disponible pour moi.", "fr"),
    ("Paguei com paysafecard comprada na banca mas a loja diz que esse método de pagamento "
     "não está disponível pra mim.", "pt-br"),
    ("편의점에서 산 paysafecard로 결제하려는데 이 결제 수단은 사용할 수 없다고 나와요.", "ko"),
])
def test_a_but_clause_naming_another_option_is_what_went_wrong(
        games: TriageContext, body: str, locale: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase", locale=locale), games)
    assert written(games, d).get("purchase_problem") == "purchase_method_refused"


@pytest.mark.parametrize(("body", "locale"), [
    ("Bought the 5000 Bits pack yesterday but it never showed up, my card was charged.", "en"),
    ("J'ai acheté le pack 5000 Bits hier mais rien reçu, ma carte a été débitée.", "fr"),
])
def test_bought_but_nothing_came_is_still_not_received(
        games: TriageContext, body: str, locale: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase", locale=locale), games)
    assert written(games, d).get("purchase_problem") == "purchase_not_received"


@pytest.mark.parametrize(("subject", "body", "locale"), [
    ("quest NPC vanished", "The NPC vanished and I can't turn in the quest The Iron Gate. "
     "Character Maelis on Brutwacht.", "en"),
    ("PNJ disparu", "Le PNJ a disparu et je ne peux pas rendre la quête La Porte de Fer. "
     "Personnage Maelis sur Brutwacht.", "fr"),
    ("npc sumiu", "O NPC sumiu e não consigo entregar a missão A Porta de Ferro. Personagem "
     "Maelis no Brutwacht.", "pt-br"),
    ("NPC 사라짐", "NPC가 사라져서 퀘스트 완료를 못 해요. 캐릭터 Maelis, Brutwacht 서버.", "ko"),
])
def test_a_thing_of_another_option_that_vanished_is_no_lost_item(
        games: TriageContext, subject: str, body: str, locale: str) -> None:
    d = decide(on(games, body, subject=subject, form="in-game-issues", locale=locale), games)
    assert written(games, d).get("ingame_category") == "ingame_quest"


@pytest.mark.parametrize(("body", "locale"), [
    ("My sword vanished from my bags after the quest. Character Maelis on Brutwacht.", "en"),
    ("Minha espada sumiu do inventário. Personagem Maelis no Brutwacht.", "pt-br"),
    # the stone picked up for the quest vanished: the quest is no subject of the loss
    ("La pierre que j'avais ramassée pour la quête a disparu de mon sac. Perso Maelis sur "
     "Brutwacht.", "fr"),
])
def test_an_item_that_vanished_is_still_lost(games: TriageContext, body: str,
                                            locale: str) -> None:
    d = decide(on(games, body, form="in-game-issues", locale=locale), games)
    assert written(games, d).get("ingame_category") != "ingame_quest"


@pytest.mark.parametrize(("body", "locale"), [
    ("Tried to buy the starter pack but the payment method isn't available for me.", "en"),
    ("j ai voulu prendre le pack mais ce moyen de paiement n est pas dispo pour moi", "fr"),
    ("tentei comprar o pacote mas a forma de pagamento não tá disponível pra mim", "pt-br"),
    ("스타터 팩 사려고 했는데 이 결제 수단은 안 돼요 라고 떠요", "ko"),
])
def test_a_method_not_available_to_the_buyer_is_refused(
        games: TriageContext, body: str, locale: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase", locale=locale), games)
    assert written(games, d).get("purchase_problem") == "purchase_method_refused"


@pytest.mark.parametrize(("body", "locale"), [
    ("After the maintenance my Frostweave Hood is just not there anymore. Not in my bags, not "
     "in the bank. Character Maelis on Brutwacht.", "en"),
    ("Depuis la maintenance ma Capuche de givre n'est plus là, plus dans mes sacs ni dans ma "
     "banque. Perso Maelis sur Brutwacht.", "fr"),
    ("Depois da manutenção meu Capuz de Gelo não está mais no inventário, procurei em tudo. "
     "Personagem Maelis no Brutwacht.", "pt-br"),
    ("점검 끝나고 접속하니까 서리 두건이 가방에도 없고 창고에도 없어요. 캐릭터 Maelis, Brutwacht "
     "서버.", "ko"),
])
def test_a_thing_no_longer_there_is_a_lost_item(games: TriageContext, body: str,
                                               locale: str) -> None:
    d = decide(on(games, body, form="in-game-issues", locale=locale), games)
    assert written(games, d).get("ingame_category") == "ingame_lost_item"


@pytest.mark.parametrize(("body", "locale"), [
    ("My character got stuck between two rocks near the lake and I can't move my character "
     "at all. Maelis on Brutwacht, please teleport me out.", "en"),
    ("Mon perso est coincé entre des rochers près du lac, je ne peux plus bouger mon "
     "personnage. Maelis sur Brutwacht.", "fr"),
    ("Meu personagem ficou preso entre as pedras perto do lago e não consigo mexer o "
     "personagem. Maelis no Brutwacht.", "pt-br"),
    ("호수 근처에서 바위 사이에 캐릭터가 끼어서 못 움직여요. 위치 좀 옮겨주세요. 캐릭터 Maelis, "
     "Brutwacht 서버.", "ko"),
])
def test_a_character_stuck_in_the_scenery_is_other(games: TriageContext, body: str,
                                                  locale: str) -> None:
    d = decide(on(games, body, form="in-game-issues", locale=locale), games)
    assert written(games, d).get("ingame_category") == "ingame_other"


def test_an_npc_no_longer_there_is_the_quest(games: TriageContext) -> None:
    body = ("Finished every objective of The Iron Gate but the NPC is not there anymore. "
            "Character Maelis on Brutwacht.")
    d = decide(on(games, body, form="in-game-issues", locale="en"), games)
    assert written(games, d).get("ingame_category") == "ingame_quest"


@pytest.mark.parametrize(("body", "locale"), [
    ("Got a mail at 4am saying someone logged into my account from Brazil. Now my password "
     "doesn't work. Account name frostmere.", "en"),
    ("Quelqu'un s'est connecté à mon compte depuis le Brésil cette nuit. Maintenant mon mot "
     "de passe est incorrect. Compte frostmere.", "fr"),
    ("Alguém entrou na minha conta de madrugada, veio um aviso do Brasil. Agora a senha dá "
     "senha incorreta. Conta frostmere.", "pt-br"),
    ("새벽에 모르는 기기에서 누군가 접속했다고 메일이 왔어요. 이제 비밀번호가 틀리다고 나와요. "
     "계정 frostmere", "ko"),
])
def test_a_symptom_now_after_its_cause_is_the_cause(games: TriageContext, body: str,
                                                   locale: str) -> None:
    d = decide(on(games, body, form="account-recovery", locale=locale), games)
    assert written(games, d).get("recovery_reason") == "recovery_compromised"


def test_a_second_reason_now_is_still_two(games: TriageContext) -> None:
    body = ("I changed phones last week so my authenticator is gone. Now I forgot my password "
            "too. Account frostmere.")
    d = decide(on(games, body, form="account-recovery", locale="en"), games)
    assert "recovery_reason" not in written(games, d)


@pytest.mark.parametrize(("body", "locale"), [
    ("I paid with a paysafecard from the kiosk and the shop refused it. The card code is "
     "still unused.", "en"),
    ("J'ai voulu payer avec une paysafecard achetée au tabac, refusée. Le code de la carte "
     "est toujours pas utilisé.", "fr"),
    ("Tentei pagar com paysafecard e foi recusado. O código do cartão continua sem uso.",
     "pt-br"),
    pytest.param("페이세이프카드로 결제하려는데 거절됐어요. 그 카드 코드는 아직 안 썼어요.", "ko",
                 marks=pytest.mark.xfail(strict=True, reason="Korean '카드' is no separate word "
                                         "of '페이세이프카드': no phrase of the prepaid option "
                                         "holds it")),
])
def test_the_card_with_a_prepaid_code_is_the_prepaid_card(
        games: TriageContext, body: str, locale: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase", locale=locale), games)
    assert written(games, d).get("payment_method") == "pay_paysafecard"


def test_a_card_number_is_still_a_card(games: TriageContext) -> None:
    body = ("My paysafecard was refused, so I tried my Visa too: the card number is right but "
            "it was refused as well.")
    d = decide(on(games, body, form="unable-to-purchase", locale="en"), games)
    assert written(games, d).get("payment_method") != "pay_paysafecard"


@pytest.mark.parametrize(("body", "locale"), [
    # an update is itself a kind of problem the game's form offers: no trigger set aside
    ("Since I updated the game it crashes every time I load into a raid.", "en"),
    ("Depuis que j'ai mis à jour le jeu, il plante à chaque raid.", "fr"),
    ("업데이트 받고 나서부터 레이드 들어가면 튕겨요.", "ko"),
    ("Ever since I installed the new patch I can't log in, stuck on connecting.", "en"),
])
def test_an_update_before_the_problem_is_no_trigger_set_aside(
        games: TriageContext, body: str, locale: str) -> None:
    d = decide(on(games, body, form="technical-issues", locale=locale), games)
    assert "issue_type" in asked(d)


@pytest.mark.parametrize(("body", "locale"), [
    ("Ma commission d'octobre n'est jamais arrivée. Maintenant mon compte est bloqué aussi. "
     "SID 5520871", "fr"),
    ("Minha comissão de outubro nunca caiu. Agora minha conta está bloqueada também. "
     "SID 5520871", "pt-br"),
])
def test_a_second_problem_added_now_is_no_outcome(ads: TriageContext, body: str,
                                                 locale: str) -> None:
    d = decide(on(ads, body, form="publisher-support", locale=locale), ads)
    assert "problem_type" in asked(d)
