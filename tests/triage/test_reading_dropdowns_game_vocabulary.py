"""The game-publisher workspace's dropdowns know how players describe each option in general
(gamer slang, inflections, indirect descriptions of the symptom) in en/fr/ko/pt-br, not only
the option's title; a description that fits two options, or that fits none, is asked."""

from __future__ import annotations

from typing import Any

import pytest
from test_reading import on, written

from integrations.triage import TriageContext, decide


def _read(ctx: TriageContext, body: str, form: str,
          locale: str) -> tuple[dict[str, Any], list[str]]:
    d = decide(on(ctx, body, form=form, locale=locale), ctx)
    return written(ctx, d), [m.key for m in d.missing] if d.kind == "ask" else []


@pytest.mark.parametrize(("body", "locale", "value"), [
    # performance: slang for lag and dropping frames
    ("Huge lag spikes every few seconds in raids, the desync makes it unplayable.", "en",
     "tech_performance"),
    ("Depuis hier ça laggue énormément en ville, grosse désynchro avec les autres joueurs.",
     "fr", "tech_performance"),
    ("필드에서 프레임드랍이 너무 심하고 핑 튀는 것도 있어요.", "ko", "tech_performance"),
    ("o jogo tá mal otimizado, fps caindo toda hora na cidade.", "pt-br", "tech_performance"),
    # crash: the game closing or freezing for good
    ("The game crashes with an out of memory error as soon as I enter the city.", "en",
     "tech_crash"),
    ("Le jeu plante au chargement de la zone, écran figé puis retour bureau.", "fr",
     "tech_crash"),
    ("던전 들어가면 게임이 강제종료돼요.", "ko", "tech_crash"),
    ("o jogo fecha sozinho quando entro na dungeon, tela congelada antes.", "pt-br",
     "tech_crash"),
    # log-in: disconnections and refused connections
    ("I'm unable to connect since this morning, it says connection refused.", "en",
     "tech_login"),
    ("Je me fais déco toutes les cinq minutes, serveur injoignable.", "fr", "tech_login"),
    ("게임하다가 자꾸 접속 끊김이 생겨요.", "ko", "tech_login"),
    ("não consigo entrar, fica dando erro de login.", "pt-br", "tech_login"),
    # patching
    ("The patch won't download, it stays stuck on verifying forever.", "en", "tech_patching"),
    ("La mise à jour ne se télécharge pas, bloqué à 99 %.", "fr", "tech_patching"),
    ("업뎃하려는데 다운로드 실패라고 떠요.", "ko", "tech_patching"),
    ("deu erro na atualização, não baixa de jeito nenhum.", "pt-br", "tech_patching"),
])
def test_technical_symptoms_in_player_words(games: TriageContext, body: str, locale: str,
                                            value: str) -> None:
    got, _ = _read(games, body, "technical-issues", locale)
    assert got.get("issue_type") == value


@pytest.mark.parametrize(("body", "locale"), [
    # a symptom that fits two options: choppy (performance) and closing (crash)
    ("The game is choppy and sometimes it just closes by itself.", "en"),
    ("Le jeu rame et parfois il se ferme tout seul.", "fr"),
    ("렉이 심하고 가끔 게임이 꺼져요.", "ko"),
    ("o jogo tá lento e às vezes fecha sozinho.", "pt-br"),
    # nothing that names a kind of problem
    ("Something is wrong with the game, please help.", "en"),
])
def test_a_symptom_of_two_options_or_none_is_asked(games: TriageContext, body: str,
                                                   locale: str) -> None:
    got, asked = _read(games, body, "technical-issues", locale)
    assert "issue_type" not in got
    assert "issue_type" in asked


@pytest.mark.parametrize(("body", "locale", "value"), [
    ("All my gear vanished from my stash after the maintenance.", "en", "ingame_lost_item"),
    ("Mon épée s'est volatilisée, elle n'est plus dans mon inventaire.", "fr",
     "ingame_lost_item"),
    ("창고에 넣어둔 장비가 다 날아갔어요.", "ko", "ingame_lost_item"),
    ("minha armadura sumiu do baú depois da manutenção.", "pt-br", "ingame_lost_item"),
    ("The boss won't spawn so I can't finish chapter 3 of the campaign.", "en", "ingame_quest"),
    ("Le PNJ ne se déclenche pas, impossible de rendre la quête principale.", "fr",
     "ingame_quest"),
    ("메인 퀘 진행이 안 돼요, 챕터 2에서 막혔어요.", "ko", "ingame_quest"),
    ("a missão principal tá bugada, não consigo entregar a missão.", "pt-br", "ingame_quest"),
])
def test_in_game_problems_in_player_words(games: TriageContext, body: str, locale: str,
                                          value: str) -> None:
    got, _ = _read(games, body, "in-game-issues", locale)
    assert got.get("ingame_category") == value


@pytest.mark.parametrize(("body", "locale", "value"), [
    ("This guy is aimbotting and wallhacking every match.", "en", "offense_cheating"),
    ("Un cheateur avec un aimbot dans toutes les parties.", "fr", "offense_cheating"),
    ("이 사람 에임핵 쓰는 것 같아요.", "ko", "offense_cheating"),
    ("o cara é xiter, tá usando aimbot.", "pt-br", "offense_cheating"),
    ("He told me to kill myself in whispers.", "en", "offense_harassment"),
    ("Il tient des propos homophobes dans le chat de guilde.", "fr", "offense_harassment"),
    ("채팅에서 계속 인신공격을 해요.", "ko", "offense_harassment"),
    ("ele me ameaçou no chat.", "pt-br", "offense_harassment"),
    ("Il m'a arnaqué lors d'un échange.", "fr", "offense_scam"),
    ("caí num golpe de troca, ele levou meus itens.", "pt-br", "offense_scam"),
])
def test_offenses_in_player_words(games: TriageContext, body: str, locale: str,
                                  value: str) -> None:
    got, _ = _read(games, body, "report-a-player", locale)
    assert got.get("offense") == value


@pytest.mark.parametrize(("body", "locale", "value"), [
    ("I forgot my pw and can't get in, account is kaelith.", "en", "recovery_password"),
    ("J'ai perdu mon mot de passe, compte kaelith.", "fr", "recovery_password"),
    ("비번을 잊어버렸어요. 계정은 kaelith 입니다.", "ko", "recovery_password"),
    ("não me lembro da senha, conta kaelith.", "pt-br", "recovery_password"),
    ("j'ai complètement zappé mon mdp, compte kaelith.", "fr", "recovery_password"),
    ("It keeps asking for the secret word and I can't find where I wrote it, account "
     "kaelith.", "en", "recovery_password"),
])
def test_a_forgotten_password_in_player_words(games: TriageContext, body: str, locale: str,
                                              value: str) -> None:
    got, _ = _read(games, body, "account-recovery", locale)
    assert got.get("recovery_reason") == value


@pytest.mark.parametrize(("body", "locale"), [
    # "it doesn't work" says neither declined nor not accepted
    ("카카오페이로 결제하려는데 결제가 안 돼요.", "ko"),
    ("I tried to buy crowns with PayPal but the payment isn't working.", "en"),
])
def test_a_payment_that_merely_does_not_work_is_asked(games: TriageContext, body: str,
                                                      locale: str) -> None:
    got, _ = _read(games, body, "unable-to-purchase", locale)
    assert "purchase_problem" not in got


@pytest.mark.parametrize(("body", "locale", "value"), [
    ("I bought the Patron pack but nothing showed, still haven't got the crowns.", "en",
     "purchase_not_received"),
    ("J'ai payé mais rien n'est arrivé sur mon compte.", "fr", "purchase_not_received"),
    ("결제만 되고 크레딧이 안 들어왔어요.", "ko", "purchase_not_received"),
    ("paguei mas não creditou nada no jogo.", "pt-br", "purchase_not_received"),
    ("Ma carte a été bloquée, la transaction a échoué.", "fr", "purchase_declined"),
    ("카드 승인이 안 나서 결제 거절됐어요.", "ko", "purchase_declined"),
    ("카드로 결제하려는데 '결제가 승인되지 않았습니다'라고 떠요. 한도는 충분해요.", "ko",
     "purchase_declined"),
])
def test_purchase_problems_in_player_words(games: TriageContext, body: str, locale: str,
                                           value: str) -> None:
    got, _ = _read(games, body, "unable-to-purchase", locale)
    assert got.get("purchase_problem") == value


@pytest.mark.parametrize(("body", "locale"), [
    # choppy (performance) and closing on the player (crash): both options, so asked
    ("It gets super choppy in town and sometimes it just closes on me.", "en"),
    ("o jogo engasga muito e às vezes fecha do nada.", "pt-br"),
])
def test_choppy_and_closing_is_asked(games: TriageContext, body: str, locale: str) -> None:
    got, asked = _read(games, body, "technical-issues", locale)
    assert "issue_type" not in got
    assert "issue_type" in asked


@pytest.mark.parametrize(("body", "locale"), [
    # verifying files is what players try against any problem, not a patching symptom
    ("The game crashes to desktop in the city. I tried to verify files, it didn't help.",
     "en"),
    ("Le jeu plante en ville, j'ai fait la vérification des fichiers, rien à faire.", "fr"),
])
def test_verifying_files_tried_is_no_patching_problem(games: TriageContext, body: str,
                                                      locale: str) -> None:
    got, _ = _read(games, body, "technical-issues", locale)
    assert got.get("issue_type") == "tech_crash"


@pytest.mark.parametrize(("body", "locale", "value"), [
    ("The launcher has been stuck on verifying for an hour, verification stuck at 40 %.",
     "en", "tech_patching"),
    ("La vérification est bloquée à 40 % depuis une heure.", "fr", "tech_patching"),
])
def test_a_stuck_verification_is_patching(games: TriageContext, body: str, locale: str,
                                          value: str) -> None:
    got, _ = _read(games, body, "technical-issues", locale)
    assert got.get("issue_type") == value


@pytest.mark.parametrize(("body", "locale"), [
    ("My character is stuck inside a wall near the bank, /stuck does nothing.", "en"),
    ("Mon perso est coincé dans un mur à la capitale.", "fr"),
    ("캐릭터가 벽에 끼어서 못 움직여요.", "ko"),
    ("meu personagem ficou preso numa parede na cidade.", "pt-br"),
])
def test_stuck_in_a_wall_is_another_in_game_problem(games: TriageContext, body: str,
                                                    locale: str) -> None:
    got, _ = _read(games, body, "in-game-issues", locale)
    assert got.get("ingame_category") == "ingame_other"


@pytest.mark.parametrize(("body", "locale"), [
    ("This griefer keeps blocking the entrance of the dungeon on purpose.", "en"),
    ("Un joueur fait de l'anti-jeu et bloque l'entrée du donjon.", "fr"),
    ("트롤러가 던전 입구를 막고 있어요.", "ko"),
    ("um cara fica trollando e bloqueando a entrada da dungeon.", "pt-br"),
])
def test_griefing_is_another_offense(games: TriageContext, body: str, locale: str) -> None:
    got, _ = _read(games, body, "report-a-player", locale)
    assert got.get("offense") == "offense_other"


@pytest.mark.parametrize(("body", "locale"), [
    # "ofensivo" said of a name is no insult: the name is the offense
    ("tem um jogador com o nome nazista andando na cidade, achei ofensivo demais.", "pt-br"),
    ("There's a player with a nazi name in the capital.", "en"),
])
def test_a_nazi_name_is_an_offensive_name_not_harassment(games: TriageContext, body: str,
                                                         locale: str) -> None:
    got, _ = _read(games, body, "report-a-player", locale)
    assert got.get("offense") != "offense_harassment"


@pytest.mark.parametrize(("body", "locale"), [
    ("I was charged 2x for the same crown pack.", "en"),
    ("J'ai été débité 2 fois pour le même pack.", "fr"),
    ("fui cobrado 2x pelo mesmo pacote.", "pt-br"),
])
def test_a_double_charge_in_numerals_is_another_purchase_problem(games: TriageContext,
                                                                 body: str,
                                                                 locale: str) -> None:
    got, _ = _read(games, body, "unable-to-purchase", locale)
    assert got.get("purchase_problem") == "purchase_other"


@pytest.mark.parametrize(("body", "locale", "value"), [
    ("I changed my number and the authenticator codes go to my old phone.", "en",
     "recovery_two_step"),
    ("J'ai changé de numéro et je ne reçois plus le code de la double authentification.",
     "fr", "recovery_two_step"),
    ("폰을 바꿨더니 OTP 인증을 못 해요.", "ko", "recovery_two_step"),
    ("roubaram meu celular e o autenticador estava nele.", "pt-br", "recovery_two_step"),
])
def test_a_lost_second_factor_in_player_words(games: TriageContext, body: str, locale: str,
                                              value: str) -> None:
    got, _ = _read(games, body, "account-recovery", locale)
    assert got.get("recovery_reason") == value


def test_a_changed_password_is_no_changed_phone_number(games: TriageContext) -> None:
    # "번호" inside "비밀번호": a password changed by someone else, not a new phone number
    got, _ = _read(games, "누가 제 계정으로 접속해서 비밀번호도 바뀌어서 로그인이 안 됩니다.",
                   "account-recovery", "ko")
    assert got.get("recovery_reason") != "recovery_two_step"


@pytest.mark.parametrize(("body", "locale", "value"), [
    ("Paguei com o cartão do Nubank e o pacote não veio.", "pt-br", "pay_card"),
    ("농협카드로 결제했는데 크레딧이 안 들어왔어요.", "ko", "pay_card"),
    ("틴캐시로 결제했는데 아무것도 안 들어왔어요.", "ko", "pay_other"),
])
def test_payment_methods_by_bank_and_voucher_names(games: TriageContext, body: str,
                                                   locale: str, value: str) -> None:
    got, _ = _read(games, body, "unable-to-purchase", locale)
    assert got.get("payment_method") == value


@pytest.mark.parametrize(("body", "locale"), [
    # "travando" is stuttering as often as freezing: alone it is asked
    ("o jogo tá travando muito na cidade.", "pt-br"),
])
def test_travando_alone_is_asked(games: TriageContext, body: str, locale: str) -> None:
    got, asked = _read(games, body, "technical-issues", locale)
    assert "issue_type" not in got
    assert "issue_type" in asked


def test_travando_with_falling_fps_is_performance(games: TriageContext) -> None:
    got, _ = _read(games, "o jogo ta travando muito, fps cai pra 15 em qualquer cidade e o "
                          "ping vai a 300ms em raid.", "technical-issues", "pt-br")
    assert got.get("issue_type") == "tech_performance"


def test_travando_with_the_game_closing_is_a_crash(games: TriageContext) -> None:
    got, _ = _read(games, "o jogo travou e fechou sozinho.", "technical-issues", "pt-br")
    assert got.get("issue_type") == "tech_crash"


@pytest.mark.parametrize(("body", "locale", "value"), [
    # a freeze of a second is a stutter; a freeze for good is a crash
    ("tiny micro freezes every minute in town.", "en", "tech_performance"),
    ("des micro-freezes toutes les minutes.", "fr", "tech_performance"),
    ("게임이 잠깐씩 멈춰요, 순간 멈춤이 심해요.", "ko", "tech_performance"),
    ("o jogo dá umas micro travadas na cidade.", "pt-br", "tech_performance"),
    ("the game freezes and I have to kill it in task manager.", "en", "tech_crash"),
])
def test_micro_freezes_are_performance_freezes_crashes(games: TriageContext, body: str,
                                                       locale: str, value: str) -> None:
    got, _ = _read(games, body, "technical-issues", locale)
    assert got.get("issue_type") == value


def test_lag_then_a_crash_is_asked(games: TriageContext) -> None:
    got, asked = _read(games, "게임이 자꾸 렉 걸리다가 튕겨요.", "technical-issues", "ko")
    assert "issue_type" not in got
    assert "issue_type" in asked


@pytest.mark.parametrize(("body", "locale", "value"), [
    ("I lent him my sword for a raid and he never gave it back.", "en", "offense_scam"),
    ("Je lui ai prêté mon arc et il ne me l'a jamais rendu.", "fr", "offense_scam"),
    ("검을 빌려줬는데 안 돌려줘요.", "ko", "offense_scam"),
    ("emprestei minha espada e ele nunca devolveu.", "pt-br", "offense_scam"),
])
def test_an_item_lent_and_kept_is_a_scam(games: TriageContext, body: str, locale: str,
                                         value: str) -> None:
    got, _ = _read(games, body, "report-a-player", locale)
    assert got.get("offense") == value


@pytest.mark.parametrize(("body", "locale"), [
    ("The objective won't update after I kill the wolves.", "en"),
    ("L'objectif ne se met pas à jour après avoir parlé au garde.", "fr"),
    ("늑대를 잡아도 목표가 갱신 안 돼요.", "ko"),
    ("o objetivo não atualiza depois que mato os lobos.", "pt-br"),
])
def test_an_objective_that_does_not_update_is_a_quest_problem(games: TriageContext,
                                                              body: str,
                                                              locale: str) -> None:
    got, _ = _read(games, body, "in-game-issues", locale)
    assert got.get("ingame_category") == "ingame_quest"


@pytest.mark.parametrize(("body", "locale"), [
    # cheat tools by their names, loanwords in every language
    ("um cara chamado Zerkoth tava claramente de speedhack na guerra.", "pt-br"),
    ("Ce mec est clairement en wallhack, il nous voit à travers les murs.", "fr"),
    ("그 유저 에임봇 쓰는 것 같아요, 벽 너머로 다 맞춰요.", "ko"),
    ("Dude was noclipping around with a fly hack in the arena.", "en"),
    ("o cara tá de aimbot, acerta tudo de longe.", "pt-br"),
    ("il utilise cheat engine pour se téléporter.", "fr"),
])
def test_cheat_tools_are_cheating_in_every_language(games: TriageContext, body: str,
                                                    locale: str) -> None:
    got, _ = _read(games, body, "report-a-player", locale)
    assert got.get("offense") == "offense_cheating"


@pytest.mark.parametrize(("body", "locale"), [
    # no cheat named: a fast player or a good aim is no speedhack
    ("Ele é muito rápido, atravessou o mapa correndo, mas acho que é só habilidade.", "pt-br"),
    ("He has insane aim and kept insulting me in chat.", "en"),
])
def test_a_skilled_player_is_no_cheat(games: TriageContext, body: str, locale: str) -> None:
    got, _ = _read(games, body, "report-a-player", locale)
    assert got.get("offense") != "offense_cheating"


@pytest.mark.parametrize(("body", "locale"), [
    # a method refused for the requester's country or region
    ("ca dit que le mode de paiement est pas dispo pour mon pays, j'ai que ma paysafecard",
     "fr"),
    ("PayPal says this payment method is not available in my country at checkout.", "en"),
    ("o Pix não está disponível no meu país segundo a loja.", "pt-br"),
    ("Le paiement mobile est indisponible dans ma région apparemment.", "fr"),
    ("카카오페이는 한국에서는 지원 안 한다고 떠요.", "ko"),
    ("Klarna is unavailable in my region, the button is there but it fails.", "en"),
])
def test_a_method_unavailable_in_the_country_is_refused(games: TriageContext, body: str,
                                                       locale: str) -> None:
    got, _ = _read(games, body, "unable-to-purchase", locale)
    assert got.get("purchase_problem") == "purchase_method_refused"


@pytest.mark.parametrize(("body", "locale"), [
    # the item, not the method, is unavailable: nothing says the method was refused
    ("Le pack Patron est pas dispo en ce moment dans la boutique.", "fr"),
    ("The 5000 Credits pack is not available anymore in the store.", "en"),
])
def test_an_item_out_of_stock_is_no_method_refused(games: TriageContext, body: str,
                                                   locale: str) -> None:
    got, _ = _read(games, body, "unable-to-purchase", locale)
    assert got.get("purchase_problem") != "purchase_method_refused"


@pytest.mark.parametrize(("body", "locale"), [
    # an item destroyed, sold or deleted by mistake is a lost item
    ("j'ai détruit par erreur mon Épée de Vigilance au lieu d'un vieux truc gris.", "fr"),
    ("I accidentally salvaged my Frostbite Bow while clearing my bags.", "en"),
    ("Accidentally sold my Ember Cloak to a vendor, can you restore it?", "en"),
    ("vendi sem querer minha Capa Rubra pra um vendedor.", "pt-br"),
    ("apaguei por engano o meu Arco Lunar do inventário.", "pt-br"),
    ("실수로 용의 검을 상점에 팔아버렸어요 ㅠㅠ", "ko"),
    ("용의 검을 실수로 분해해 버렸어요.", "ko"),
    ("J'ai vendu par mégarde ma Cape Rubis au marchand.", "fr"),
])
def test_an_item_destroyed_by_mistake_is_a_lost_item(games: TriageContext, body: str,
                                                      locale: str) -> None:
    got, _ = _read(games, body, "in-game-issues", locale)
    assert got.get("ingame_category") == "ingame_lost_item"


@pytest.mark.parametrize(("body", "locale"), [
    # a quest abandoned by mistake is a quest problem; a mistake alone loses nothing
    ("I accidentally abandoned the Shadow Tower quest and it won't come back.", "en"),
    ("J'ai abandonné la quête par erreur et le PNJ ne me la redonne pas.", "fr"),
])
def test_a_mistake_without_a_lost_thing_is_no_lost_item(games: TriageContext, body: str,
                                                         locale: str) -> None:
    got, _ = _read(games, body, "in-game-issues", locale)
    assert got.get("ingame_category") != "ingame_lost_item"


@pytest.mark.parametrize(("body", "locale"), [
    # a part of the interface gone missing is no lost item
    ("desde o patch o chat da guild nao aparece pra mim, os outros veem normal.", "pt-br"),
    ("My guild chat disappeared after the patch, others still see it.", "en"),
    ("le chat de guilde a disparu depuis la maj.", "fr"),
    ("길드 채팅창이 사라졌어요.", "ko"),
    ("My minimap vanished and the action bar is gone too.", "en"),
])
def test_a_missing_part_of_the_interface_is_no_lost_item(games: TriageContext, body: str,
                                                         locale: str) -> None:
    got, _ = _read(games, body, "in-game-issues", locale)
    assert got.get("ingame_category") != "ingame_lost_item"


@pytest.mark.parametrize(("body", "locale", "reason"), [
    # two reasons stated: the password forgotten AND the mail box no longer theirs
    ("비번도 까먹었고 가입한 메일이 옛날 네이트 메일이라 들어갈 수가 없어요ㅠㅠ", "ko", None),
    ("j'ai oublié mon mdp et en plus l'adresse mail du compte c'est une vieille adresse "
     "wanadoo que j'ai plus depuis des années.", "fr", None),
    ("I forgot my password, and the account is on an old hotmail I don't use anymore.", "en",
     None),
    ("esqueci a senha e o email da conta é um email velho do bol que eu não uso mais.",
     "pt-br", None),
    # one reason: the old mail box alone
    ("가입한 메일이 옛날 한메일이라 메일을 받을 수가 없어요.", "ko", "recovery_email_lost"),
    ("Le compte est sur une vieille adresse wanadoo que j'ai plus.", "fr",
     "recovery_email_lost"),
    ("The account is on an email I don't use anymore, so the reset link never reaches me.",
     "en", "recovery_email_lost"),
    ("a conta tá num e-mail velho que eu não uso mais.", "pt-br", "recovery_email_lost"),
])
def test_an_old_mail_box_is_a_reason_and_two_reasons_are_asked(
        games: TriageContext, body: str, locale: str, reason: str | None) -> None:
    got, asked = _read(games, body, "account-recovery", locale)
    assert got.get("recovery_reason") == reason
    if reason is None:
        assert "recovery_reason" in asked
