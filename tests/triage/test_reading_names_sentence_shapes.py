"""Which span after a field's name is its value, by the sentence's shape (issue 10, round 2):
a word written in capitals for emphasis ("came out of my acct TWICE") and a phrase whose
capital follows a preposition ("email de login feito da Rússia") name nothing; French
written without its apostrophes ("mon compte c est lutinbleu", "moi c est Kalinka") states
a value as "c'est" does; a coined handle is read when the sentence goes on with its verb
("mon compte ptitecrevette est enregistré …") or when it ends a terse item of a list
("Windows 11, account bretonwolf."). Through the pure core, on the example workspaces, in
en, fr, ko and pt-br; the cases are invented, not the corpus's."""

from __future__ import annotations

import pytest
from test_reading import asked, on, written

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize("body", [
    "paid 9.99 for the pack and the money left my account TWICE, still no coins in game.",
    "the charge hit my acct AGAIN this morning and nothing arrived",
    "o valor saiu da minha conta DUAS vezes e não recebi nada",
    "cobraram na minha conta NOVAMENTE e nada dos créditos",
    "le paiement est passé sur mon compte ENCORE une fois, toujours rien reçu",
])
def test_a_word_in_capitals_for_emphasis_is_no_account_name(
        games: TriageContext, body: str) -> None:
    """Capitals shout a word the language knows: no handle, so the account is asked."""
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert "account_name" not in written(games, d)
    assert "account_name" in asked(d)


@pytest.mark.parametrize("body", [
    "Chegou um e-mail de login feito da Alemanha que não fui eu. Minha senha não funciona.",
    "Recebi um aviso de login vindo da Ucrânia, não era eu, e a senha mudou.",
    "J'ai reçu un mail de login venu de Roumanie, c'était pas moi, et mon mot de passe "
    "ne marche plus.",
    "I got a login alert, login made of Russia or something, wasn't me and my password "
    "changed.",
])
def test_a_capital_after_a_preposition_makes_no_name_of_a_phrase(
        games: TriageContext, body: str) -> None:
    """"login feito da Alemanha": the participle and its place are no account name."""
    d = decide(on(games, body, form="account-recovery"), games)
    assert "account_name" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    ("comprei o pacote de Natal e não recebi nada", "pacote de Natal"),
    ("j'ai acheté le pack de Noël et rien reçu", "pack de Noël"),
])
def test_a_noun_and_a_name_after_its_preposition_stay_a_name(
        games: TriageContext, body: str, value: str) -> None:
    """Only a place after the preposition makes no name: "pacote de Natal" is one."""
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert written(games, d).get("purchase_name") == value


@pytest.mark.parametrize(("body", "key", "value", "form"), [
    ("le jeu plante au lancement. mon compte c est brumeazur. merci", "account_name",
     "brumeazur", "technical-issues"),
    ("re, le compte c est jules.b et je voulais le pack", "account_name", "jules.b",
     "unable-to-purchase"),
    ("un mec me harcèle en zone pvp depuis hier. moi c est Aubeline. faites qqch",
     "character_name", "Aubeline", "report-a-player"),
    ("mon perso c est Brindille sur Faeblight et ma quête bloque", "character_name",
     "Brindille", "in-game-issues"),
])
def test_french_without_its_apostrophes_states_a_value(
        games: TriageContext, body: str, key: str, value: str, form: str) -> None:
    """"c est" for "c'est": casual French drops the apostrophe, the copula stays one."""
    d = decide(on(games, body, form=form), games)
    assert written(games, d).get(key) == value
    assert key not in asked(d)


@pytest.mark.parametrize("body", [
    "mon compte c est bloqué depuis hier, le jeu ne lance plus.",
    "mon compte c est pas le bon, le jeu ne lance plus.",
])
def test_a_state_after_c_est_is_no_handle(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="technical-issues"), games)
    assert "account_name" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    ("I'm leaving my job, my account thornvexa is registered with my work email and I "
     "want my gmail instead.", "thornvexa"),
    ("my glyph account quillmoss was made with an old address, can I change it?",
     "quillmoss"),
    ("je change de boulot et mon compte brumeazur est enregistré avec mon adresse pro, je "
     "voudrais ma gmail.", "brumeazur"),
    ("minha conta zorvelinha está cadastrada com o e-mail da empresa, quero trocar pro "
     "gmail.", "zorvelinha"),
    ("minha conta tavinhoz foi criada com um e-mail antigo, dá pra trocar?", "tavinhoz"),
])
def test_a_coined_handle_before_its_verb_is_the_account(
        games: TriageContext, body: str, value: str) -> None:
    """"mon compte brumeazur est enregistré": the handle names the account, the verb
    after it starts the predicate."""
    d = decide(on(games, body, form="glyph-account-issues"), games)
    assert written(games, d).get("account_name") == value
    assert "account_name" not in asked(d)


@pytest.mark.parametrize("body", [
    "my account settings are wrong since the patch, the email shows an old address.",
    "mon compte principal est enregistré avec mon adresse pro, je voudrais ma gmail.",
    "minha conta antiga foi criada com um e-mail que não uso, quero trocar.",
    "my friend's account quillmoss is registered with his old email, he wants to change it.",
])
def test_a_known_word_or_someone_elses_handle_before_a_verb_is_no_account_name(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="glyph-account-issues"), games)
    assert "account_name" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    ("The launcher never gets past 0 %. Windows 11, account thornvexa. Thanks.", "thornvexa"),
    ("le launcher reste à 0 %. windows 10, compte brumeazur. merci", "brumeazur"),
    ("o launcher fica em 0 %. Windows 10, conta zorvelinha. valeu", "zorvelinha"),
])
def test_a_coined_handle_ending_a_terse_list_item_is_the_account(
        games: TriageContext, body: str, value: str) -> None:
    """"Windows 11, account thornvexa.": a list of terse items, the field's name then its
    value."""
    d = decide(on(games, body, form="technical-issues"), games)
    assert written(games, d).get("account_name") == value


@pytest.mark.parametrize("body", [
    "The launcher never gets past 0 %. Windows 11, account locked. Thanks.",
    "The launcher never gets past 0 %. Windows 11, account settings. Thanks.",
    "o launcher fica em 0 %. Windows 10, conta bloqueada. valeu",
])
def test_a_state_ending_a_terse_list_item_is_no_account_name(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="technical-issues"), games)
    assert "account_name" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    ("Someone got in and sold my gear. Account thornvexa, email thorn.v@mail.com. Help!",
     "thornvexa"),
    ("quelqu'un a vidé mon perso. Compte brumeazur, mail brume.az@free.fr. Aidez-moi",
     "brumeazur"),
    ("invadiram e venderam tudo. Conta zorvelinha, email zorve@hotmail.com. Socorro!",
     "zorvelinha"),
])
def test_a_coined_handle_before_the_next_item_of_a_terse_list_is_the_account(
        games: TriageContext, body: str, value: str) -> None:
    """"Conta luanaplays, email …": a comma and another field's name end the item."""
    d = decide(on(games, body, form="account-recovery"), games)
    assert written(games, d).get("account_name") == value


@pytest.mark.parametrize("body", [
    "Someone got in and sold my gear. Account hijacked, email changed too. Help!",
    "invadiram e venderam tudo. Conta invadida, email trocado. Socorro!",
])
def test_a_state_before_the_next_item_is_no_account_name(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="account-recovery"), games)
    assert "account_name" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    ("Hello, I'm writing on behalf of my husband, he is not good with computers. His Glyph "
     "account is called fenrouk, made with an address that no longer exists.", "fenrouk"),
    ("Bonjour, je vous écris pour mon père qui n'est pas à l'aise avec l'ordinateur. Son "
     "compte Glyph s'appelle papyrouk, créé avec une adresse qui n'existe plus.", "papyrouk"),
    ("Oi, estou escrevendo pelo meu marido, ele não manja de computador. O login dele é "
     "marcaovix, criado com um e-mail que não existe mais.", "marcaovix"),
])
def test_the_account_of_the_person_written_for_is_read(
        games: TriageContext, body: str, value: str) -> None:
    """Writing for someone else ("on behalf of my husband", "je vous écris pour mon père",
    "escrevo pelo meu marido"): their account is the one the ticket is about."""
    d = decide(on(games, body, form="account-recovery"), games)
    assert written(games, d).get("account_name") == value


@pytest.mark.parametrize("body", [
    "My husband also plays. His Glyph account is called fenrouk, mine is the one hacked.",
    "Mon père joue aussi. Son compte Glyph s'appelle papyrouk, c'est le mien qui est piraté.",
])
def test_a_relatives_account_is_not_read_without_writing_for_them(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="account-recovery"), games)
    assert written(games, d).get("account_name") != "fenrouk"
    assert written(games, d).get("account_name") != "papyrouk"


@pytest.mark.parametrize(("body", "character", "reported"), [
    ("어제 Grimtooth77 이라는 애가 계속 저를 따라다니면서 욕했어요. 저는 Haneulbit 으로 "
     "플레이해요.", "Haneulbit", "Grimtooth77"),
    ("goldmarket88 이라는 놈이 월드 채팅에 광고 도배했어요. 전 Sorabi로 플레이합니다.",
     "Sorabi", "goldmarket88"),
    ("저는 Bamsae 캐릭으로 플레이하는데 Kkangpae 라는 사람이 사기 쳤어요.", "Bamsae",
     "Kkangpae"),
])
def test_korean_play_as_and_someone_called_x(
        games: TriageContext, body: str, character: str, reported: str) -> None:
    """"저는 X 으로 플레이해요" is the requester's character; "X 이라는 애가" someone else,
    the player reported."""
    d = decide(on(games, body, form="report-a-player"), games)
    assert written(games, d).get("character_name") == character
    assert written(games, d).get("reported_player") == reported


@pytest.mark.parametrize("body", [
    "저는 PC로 플레이해요. 어떤 유저가 계속 욕했어요.",
    "저는 Steam으로 플레이해요. 누가 욕했어요.",
    "저는 Haneul 이라는 캐릭으로 플레이해요. 누가 계속 욕했어요.",
    "Kroo_99 라는 친구랑 같이 하는데 누가 욕했어요.",
])
def test_a_platform_a_service_or_the_requesters_own_is_no_one_reported(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="report-a-player"), games)
    assert "reported_player" not in written(games, d)
    assert written(games, d).get("character_name") in (None, "Haneul")


@pytest.mark.parametrize(("body", "value"), [
    ("Não é hack, o problema é que o Ferrugem fica me xingando no chat geral, ontem a noite "
     "toda.", "Ferrugem"),
    ("c'est pas de la triche, le souci c'est que le Corbeau me harcèle en boucle depuis hier",
     "Corbeau"),
    ("Not a hacker. The problem is that the Butcher keeps insulting me in chat.", "Butcher"),
    ("it's not about pvp, it's because Grakzul keeps insulting me in chat", "Grakzul"),
])
def test_an_offender_named_mid_sentence_after_a_conjunction(
        games: TriageContext, body: str, value: str) -> None:
    """"o problema é que o Malandro fica me xingando": a capitalised word after a
    conjunction and an article is a proper name even when the language knows the word."""
    d = decide(on(games, body, form="report-a-player"), games)
    assert written(games, d).get("reported_player") == value


@pytest.mark.parametrize("body", [
    "o problema é que o Chat fica me xingando o tempo todo",
    "the thing is that the Guild keeps insulting me",
    "it's bad because Someone keeps insulting me",
    "o problema é que o Discord fica me mandando spam",
])
def test_a_place_a_group_or_a_word_after_a_conjunction_is_no_offender(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="report-a-player"), games)
    assert "reported_player" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    ("친구(Kroo_99)한테 주려고 꺼내놨던 Sunfire Dragon Egg가 그냥 사라졌어요;; 복구 되나요?",
     "Sunfire Dragon Egg"),
    ("동생(Minsu_07)한테 주려던 Storm Blade 가 갑자기 없어졌어요", "Storm Blade"),
    ("I took the Frost Wyrm Egg out to give my buddy (Thornwick77) and now the egg thing "
     "is nowhere, never traded.", "Frost Wyrm Egg"),
])
def test_a_name_in_brackets_after_a_persons_noun_is_that_persons(
        games: TriageContext, body: str, value: str) -> None:
    """"친구(Kroo_99)", "my buddy (Thornwick77)": the friend's name, not a thing's, so the
    one thing left over is the item."""
    d = decide(on(games, body, form="in-game-issues"), games)
    assert written(games, d).get("item_name") == value


@pytest.mark.parametrize(("body", "value"), [
    ("Is swapping the item at the last second allowed?? Because Vexmoor just did it to me.",
     "Vexmoor"),
    ("Echanger l'objet au dernier moment c'est permis ? Parce que Kraggor m'a fait ça hier.",
     "Kraggor"),
    ("Trocar o item no último segundo pode? Porque o Zorvak fez isso comigo ontem.",
     "Zorvak"),
])
def test_a_name_that_did_the_act_told_before_to_the_requester_is_the_offender(
        games: TriageContext, body: str, value: str) -> None:
    """"Because Goldkingzz just did it to me": on a report, the act told before done to
    the requester names who did it."""
    d = decide(on(games, body, form="report-a-player"), games)
    assert written(games, d).get("reported_player") == value


@pytest.mark.parametrize("body", [
    "And Mira told me that a player did it to us, but I didn't see who.",
    "Because someone did it to me, I want to know who.",
])
def test_who_told_of_the_act_is_no_offender(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="report-a-player"), games)
    assert "reported_player" not in written(games, d)
