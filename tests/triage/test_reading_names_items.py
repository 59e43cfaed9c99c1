"""Names and items inside sentences (issue 10, pass 10c): the server one plays on after a
lone preposition ("on Kyprosa", "sur Kyrios", "no Gelidra"), a name's capitalised run
that stops at the first-person "I". Through the pure core, on the example workspaces, in
en, fr, ko and pt-br, with what must not be read."""

from __future__ import annotations

import pytest
from test_reading import on, written

from integrations.triage import TriageContext, decide
from integrations.triage.reading.matcher import owned_by_another


@pytest.mark.parametrize(("body", "value"), [
    ("some guy named Grimtusk keeps yelling slurs at me. im Lirael on Kyprosa.", "Kyprosa"),
    ("hier soir sur Kyrios un certain type spammait le chat avec un site d'or.", "Kyrios"),
    ("um cara chamado Dravenor me xingou no chat. eu jogo com a Ayla no Gelidra.", "Gelidra"),
])
def test_a_coined_name_after_a_lone_preposition_is_the_server(
        games: TriageContext, body: str, value: str) -> None:
    d = decide(on(games, body, form="report-a-player"), games)
    assert written(games, d).get("server") == value


@pytest.mark.parametrize("body", [
    "a player named Grimtusk insulted me on Sunday in world chat.",  # a day
    "a player named Grimtusk insulted me on Xbox, in party chat.",  # a platform
    "a player named Grimtusk followed me on Mariner's Reach all night.",  # two words
    "a player named Grimtusk camped me on Sanctum bridge.",  # a known word: a place
    "there is no Lunagem left, a player named Grimtusk stole it.",  # English "no"
    "um jogador chamado Grimtusk me xingou no Discord.",  # another service
    "서버 이름은 모르겠고 Grimtusk 라는 유저가 욕했어요.",
])
def test_a_word_a_day_or_a_platform_after_a_preposition_is_no_server(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="report-a-player"), games)
    assert "server" not in written(games, d)


def test_the_first_person_i_ends_a_capitalised_name(stream: TriageContext) -> None:
    """"The login is the email I'm writing from": "I'm" is no word of a handle."""
    d = decide(on(stream, "My Premium renewed twice. The login is the email I'm writing "
                          "from."), stream)
    assert "username" not in written(stream, d)


@pytest.mark.parametrize(("body", "value"), [
    ("Bought the Frontier Pack, nothing in game.\nTransaction ID on the PlayStation receipt: "
     "7HX2-99KD-41QA", "7HX2-99KD-41QA"),
    ("9,99 € débités mais rien reçu. Réf. de transaction sur mon relevé : TXN-88KD02QZ1.",
     "TXN-88KD02QZ1"),
    ("j'ai été débitée et sur le relevé y'a la référence 4F82-99AC-17B3", "4F82-99AC-17B3"),
    ("paguei e não caiu nada, a referência no extrato é 55AB-1290-XZ", "55AB-1290-XZ"),
    ("결제했는데 안 들어왔어요. 영수증에 있는 거래 번호: TX-55120-KR", "TX-55120-KR"),
])
def test_an_id_next_to_its_label_word_is_the_transaction(
        games: TriageContext, body: str, value: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert written(games, d).get("transaction_id") == value


@pytest.mark.parametrize("body", [
    "Bought the Frontier Pack, the transaction failed: ERR-4012",  # an error's code
    "the reference Frontier Pack never arrived after I paid",  # no digit: no number
    "a commande Patron 30 jours n'est jamais arrivée",
    "Transaction ID for the error code: ERR-4012",  # another identifier's
])
def test_an_error_or_a_name_is_no_transaction_id(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert "transaction_id" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    ("Reporting Grimjaw_Lurker for hate speech in world chat. I play Tessaly.",
     "Grimjaw_Lurker"),
    ("hier soir un certain Goldsellr99 spammait le chat. moi c'est Aubepine", "Goldsellr99"),
    ("ontem um tal de Dravenor me xingou no chat. eu sou a Ayla", "Dravenor"),
    ("je signale Kraggor42 pour insultes. moi c'est Aubepine", "Kraggor42"),
])
def test_loose_ways_of_naming_the_reported_player(
        games: TriageContext, body: str, value: str) -> None:
    d = decide(on(games, body, form="report-a-player"), games)
    assert written(games, d).get("reported_player") == value


@pytest.mark.parametrize("body", [
    "I'm reporting this because nobody acts on the cheaters here.",
    "reporting a bug and a player, both in the same match",
    "je signale un problème de chat, personne ne répond",
    "quero denunciar um jogador mas não sei o nick dele",
])
def test_reporting_a_thing_names_no_player(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="report-a-player"), games)
    assert "reported_player" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    ("the reward chest opened but nothing is there. my guy is lil_gnome", "lil_gnome"),
    ("oh sorry forgot, my guy is called Rook Vantablack", "Rook Vantablack"),
    ("won't complete. Main is a cleric named Thornwyn on Zaviel.", "Thornwyn"),
    ("la quête ne se valide pas. mon perso c'est Aldrin", "Aldrin"),
    ("a missão travou. meu avatar é o Kaelyn", "Kaelyn"),
    ("퀘스트 보상이 안 들어왔어요. 캐릭터 이름은 Haneul입니다", "Haneul"),
])
def test_loose_ways_of_naming_ones_character(
        games: TriageContext, body: str, value: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert written(games, d).get("character_name") == value


@pytest.mark.parametrize(("body", "form"), [
    ("my guy Corvane told him to stop, then a player named Xx5lashxX insulted us",
     "report-a-player"),  # "my guy" a friend: no copula, no character
    ("the main is down again, can't log in", "in-game-issues"),
    ("my main issue is the quest reward, nothing arrived", "in-game-issues"),
])
def test_a_friend_or_a_word_is_no_character(games: TriageContext, body: str,
                                            form: str) -> None:
    d = decide(on(games, body, form=form), games)
    assert "character_name" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    ("mon perso Ysoria : depuis jeudi mon planeur « Eagle Glider » a disparu.",
     "Eagle Glider"),
    ("J'ai vendu par erreur mon Sceau de l'Éternité au marchand. Perso Aldrin",
     "Sceau de l'Éternité"),
    ("meu personagem Kaelyn perdeu a montaria Armored Pegasus depois do rollback",
     "Armored Pegasus"),
    ("After they logged off, his Frostmane Lion mount was simply gone from his list.",
     "Frostmane Lion"),
    ("my friend traded me his Shadow Pinata mount, now its just not in my collection.",
     "Shadow Pinata"),
    ("I accidentally deleted my Ashen Greatsword, it is not in the bank", "Ashen Greatsword"),
    ("어제 Dragonbane 활을 잃어버렸어요", "Dragonbane"),
])
def test_an_item_the_requester_lost_sold_or_saw_vanish(
        games: TriageContext, body: str, value: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert written(games, d).get("item_name") == value


@pytest.mark.parametrize("body", [
    "I sold my stuff to Bob yesterday and now the quest is stuck",  # a person
    "I deleted the Discord app and now the game crashes",  # another service
    "the Sword vanished from my bag",  # one capitalised common noun after an article
    "its gone again, the whole inventory, since Sunday",  # nothing named before
    "j'ai perdu la connexion Lundi soir et mon inventaire est vide",  # a day
    "perdi a conexão no Switch ontem",  # a platform
])
def test_a_person_a_service_or_a_common_noun_is_no_item(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert "item_name" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    ("débitée de 24,99 $ sur ma Visa pour les 2500 Crédits mais rien dans le jeu.",
     "2500 Crédits"),
    ("paid 9.99 for 1000 Credits yesterday, nothing arrived", "1000 Credits"),
    ("Ce matin j'ai voulu prendre le « Patron 30 jours » avec ma paysafecard.",
     "Patron 30 jours"),
    ("paguei o Patron 30 dias e não caiu", "Patron 30 dias"),
    ("크레딧 5000 결제했는데 안 들어왔어요", "크레딧 5000"),
])
def test_a_purchase_shaped_like_the_fields_own_examples(
        games: TriageContext, body: str, value: str) -> None:
    """The description's examples ("Patron 30 days", "5000 Credits") give the shape of a
    purchase: a count of the unit as the shop writes it, a timed name, quoted or not."""
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert written(games, d).get("purchase_name") == value


@pytest.mark.parametrize("body", [
    "I paid with PayPal for 1000 credits on Monday and got nothing.",  # not the shop's
    "I bought 5000 Credits and only got 2500 Credits",  # two purchases: which?
    "I was charged 5000 won twice for nothing",
    "결제 5000원이 두 번 빠져나갔어요",  # a sum of money
])
def test_a_sum_or_two_counts_is_no_purchase_name(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert "purchase_name" not in written(games, d)


@pytest.mark.parametrize(("body", "form", "key", "value"), [
    ("I'm writing on behalf of my son. He was playing with his school friend, whose "
     "character is Garrok, on Kyprosa. My son's character is Tillybrook. His mount is gone.",
     "in-game-issues", "character_name", "Tillybrook"),
    ("le week-end dernier mon fils a changé le mot de passe du compte famille_martin et il "
     "ne s'en souvient plus.", "account-recovery", "account_name", "famille_martin"),
    ("초등학생 아들 계정(minjun_trove)인데 이메일을 바꾸고 싶습니다.", "glyph-account-issues",
     "account_name", "minjun_trove"),
    ("my daughter's account is lily_plays and she can't log in since Monday",
     "glyph-account-issues", "account_name", "lily_plays"),
    # the parent's own, named too, wins
    ("my son's character is Tilly. my character is Rowan, the mount is gone",
     "in-game-issues", "character_name", "Rowan"),
    ("minha personagem é Bolinha. meu filho joga no mesmo switch com o perso Trovinho",
     "in-game-issues", "character_name", "Bolinha"),
])
def test_a_parent_writing_for_their_child_gives_the_childs_name(
        games: TriageContext, body: str, form: str, key: str, value: str) -> None:
    d = decide(on(games, body, form=form), games)
    assert written(games, d).get(key) == value


@pytest.mark.parametrize(("body", "form", "key"), [
    ("my friend's character is Garrok and the mount is gone", "in-game-issues",
     "character_name"),
    ("my daughter's friend's character is Garrok and the mount is gone", "in-game-issues",
     "character_name"),
    ("mon pote Tibo a perdu son compte tibo_99, il est bloqué", "glyph-account-issues",
     "account_name"),
    ("my son's character is Tilly and my daughter's character is Pip, both lost items",
     "in-game-issues", "character_name"),  # two children: which one?
])
def test_a_friends_or_two_childrens_names_are_not_written(
        games: TriageContext, body: str, form: str, key: str) -> None:
    d = decide(on(games, body, form=form), games)
    assert key not in written(games, d)


@pytest.mark.parametrize(("body", "form", "key", "value"), [
    ("The game is slow. The account he made for me is called OldOakWalt if that helps.",
     "technical-issues", "account_name", "OldOakWalt"),
    ("le jeu rame. le compte que j'ai créé s'appelle brumeazur77", "technical-issues",
     "account_name", "brumeazur77"),
    ("o jogo trava. a conta que eu uso se chama Kira_77", "technical-issues", "account_name",
     "Kira_77"),
    ("the character I play is called Velka, my mount is gone", "in-game-issues",
     "character_name", "Velka"),
])
def test_a_thing_a_relative_clause_and_a_naming_verb(
        games: TriageContext, body: str, form: str, key: str, value: str) -> None:
    d = decide(on(games, body, form=form), games)
    assert written(games, d).get(key) == value


@pytest.mark.parametrize(("body", "form", "key"), [
    ("the account that got banned is called Kira77", "technical-issues", "account_name"),
    ("the account my friend made is called Kira77", "technical-issues", "account_name"),
    ("the account she uses is called Bella_x and she was banned", "technical-issues",
     "account_name"),  # hers: not made for the requester
    ("the character that killed me is called Grimtusk", "in-game-issues", "character_name"),
    ("the character the player I report uses is called Grimtusk", "in-game-issues",
     "character_name"),
])
def test_a_thing_doing_the_act_or_someone_elses_is_not_named(
        games: TriageContext, body: str, form: str, key: str) -> None:
    d = decide(on(games, body, form=form), games)
    assert key not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    ("hier soir j'ai payé 19,99€ via PayPal pour le Pack Dragon Étoilé, commande n° "
     "2026-4471. Le pack n'est jamais arrivé.", "Dragon Étoilé"),
    ("paid 20 dollars for the Frontier Pack and it never showed up", "Frontier Pack"),
])
def test_a_price_after_a_purchase_verb_is_no_purchase_name(
        games: TriageContext, body: str, value: str) -> None:
    """"payé 19,99€": a sum of money, not the thing bought; the pack named beside it is."""
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert written(games, d).get("purchase_name") == value


@pytest.mark.parametrize("body", [
    "paguei 45,00 e não recebi nada ainda",
    "I paid 20 bucks and got nothing",
    "j'ai payé 25 € hier, toujours rien",
])
def test_a_price_alone_is_no_purchase_name(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert "purchase_name" not in written(games, d)


@pytest.mark.parametrize(("body", "form", "key", "value"), [
    ("Tenho 34 anos e criei a conta com 15, o nome é xXdarkLucasXx, queria trocar.",
     "glyph-account-issues", "account_name", "xXdarkLucasXx"),
    ("I made my account years ago, the name is DustRunner_Ola, can I change it?",
     "glyph-account-issues", "account_name", "DustRunner_Ola"),
    ("j'ai créé mon compte en 2019, le nom c'est Brume_Azur, je veux le changer",
     "glyph-account-issues", "account_name", "Brume_Azur"),
])
def test_the_name_of_the_thing_named_before(
        games: TriageContext, body: str, form: str, key: str, value: str) -> None:
    d = decide(on(games, body, form=form), games)
    assert written(games, d).get(key) == value


@pytest.mark.parametrize("body", [
    "my account got hacked by a player, the name is Grim_99",  # another thing between
    "I want to change my account, the name is embarrassing",  # no name's shape
])
def test_the_name_of_another_thing_is_not_the_account(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="glyph-account-issues"), games)
    assert "account_name" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    ("oh sorry forgot, my guy is called Rook Vantablack", "Rook Vantablack"),
    ("the gems vanished from my bag. My character is Sable Ironwood on Kyprosa.",
     "Sable Ironwood"),
    ("quest reward missing, my character is Velka and the chest was empty", "Velka"),
    ("my character around Solis got stuck in a wall", None),  # a place, no name
])
def test_a_character_name_of_several_words(
        games: TriageContext, body: str, value: str | None) -> None:
    """The field's pattern allows a space: the capitalised run is the whole name."""
    d = decide(on(games, body, form="in-game-issues"), games)
    assert written(games, d).get("character_name") == value


@pytest.mark.parametrize(("body", "form", "key", "value"), [
    ("my mount is gone. character: Velka on Kyprosa since yesterday", "in-game-issues",
     "character_name", "Velka"),
    ("Character name: Sable Ironwood", "in-game-issues", "character_name", "Sable Ironwood"),
    ("reported player: Grimtusk because he insulted me", "report-a-player",
     "reported_player", "Grimtusk"),
    ("je ne reçois pas le lien. Compte Glyph : Tiphaine_R, ancienne adresse t.r@hotmail.fr",
     "account-recovery", "account_name", "Tiphaine_R"),
    ("Glyph account: glintmarrow. I lost access.", "account-recovery", "account_name",
     "glintmarrow"),
])
def test_a_labelled_name_stops_where_the_name_does(
        games: TriageContext, body: str, form: str, key: str, value: str) -> None:
    """"character: Velka on Kyprosa …": the label's pattern takes the name, not the
    sentence; a comma or a full stop after a handle is not part of it."""
    d = decide(on(games, body, form=form), games)
    assert written(games, d).get(key) == value


def test_a_korean_copula_written_onto_a_handle_is_not_part_of_it(
        stream: TriageContext) -> None:
    d = decide(on(stream, "평범한 시청자예요. 채팅이 안 올라가요. 닉네임은 haru_09입니다."), stream)
    assert written(stream, d).get("username") == "haru_09"


@pytest.mark.parametrize(("body", "value"), [
    ("lundi j'ai essayé d'acheter 5000 crédits avec ma Visa, rien reçu.", "5000 crédits"),
    ("tentei comprar os 5000 Credits hoje cedo e não caiu nada", "5000 Credits"),
    ("paguei 1000 créditos ontem e não caiu nada", "1000 créditos"),
    ("My Visa keeps getting declined when I try to buy Patron 30 days.", "Patron 30 days"),
    ("어제 1000 Arkforge 샀는데 안 들어옴.", "1000 Arkforge"),
    ("ontem comprei o pacote de 1000 Bits com saldo da PSN e não recebi", "pacote de 1000 Bits"),
    ("I bought the pack of 500 Gems and got nothing", "pack of 500 Gems"),
])
def test_a_count_keeps_its_noun(games: TriageContext, body: str, value: str) -> None:
    """"acheter 5000 crédits": the count's unit (the examples' "5000 Crédits", a cognate
    too) or a duration ("Patron 30 days") belongs to the purchase's name."""
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert written(games, d).get("purchase_name") == value


@pytest.mark.parametrize("body", [
    "I tried to buy 3 times and it failed every time",
    "j'ai essayé d'acheter 2 fois, refusé",
    "tentei comprar 5000 vezes já",
    "comprei o pacote de 10 reais e não caiu",  # a price, no name
])
def test_a_count_alone_is_no_purchase_name(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert "purchase_name" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    ("Olá, meu filho de 9 anos joga no Switch, o personagem dele é PipocaMan. O dragão "
     "dele sumiu.", "PipocaMan"),
    ("My son plays Trove. His character is Tillybrook and his mount is gone.", "Tillybrook"),
    ("mon fils joue sur Switch, son perso c'est Nyxie, sa monture a disparu", "Nyxie"),
    # the parent's own wins
    ("minha personagem é Bolinha. meu filho joga comigo, o personagem dele é Trovinho",
     "Bolinha"),
    # a friend after the child: whose is "his"?
    ("My son plays with a friend. His character is Garrok and the mount is gone.", None),
    ("my mount is gone. his character is Garrok, he saw it", None),  # no child named
])
def test_his_character_after_the_requesters_child_is_named(
        games: TriageContext, body: str, value: str | None) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert written(games, d).get("character_name") == value


@pytest.mark.parametrize("body", [
    "a player named Grimtusk keeps insulting me, I clicked on Arkforge to report him",
    "a player named Grimtusk scammed me, I spent 500 on Arkforge for nothing",
    "a player named Grimtusk camped on Grimtusk's alt all night long, no fun",
])
def test_an_act_on_a_thing_or_a_possessive_is_no_server(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="report-a-player"), games)
    assert "server" not in written(games, d)


@pytest.mark.parametrize("body", [
    "I sold Bob my old shield and now my quest log is empty",  # a buyer, not a thing
    "I destroyed Grimtusk in a duel and then my reward vanished",
])
def test_the_person_an_act_is_done_to_is_no_item(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert "item_name" not in written(games, d)


@pytest.mark.parametrize(("text", "noun", "theirs"), [
    ("his character is Velka", "character", True),
    ("Bob's character is Velka", "character", True),
    ("son perso c'est Velka", "perso", True),
    ("le perso de mon pote c'est Velka", "perso", True),
    ("o personagem dele é Velka", "personagem", True),
    ("o personagem do meu amigo é Velka", "personagem", True),
    ("그 유저 캐릭터는 Velka", "캐릭터", True),
    ("my character is Velka", "character", False),
    ("mon perso c'est Velka", "perso", False),
    ("meu personagem é Velka", "personagem", False),
    ("제 캐릭터는 Velka", "캐릭터", False),
])
def test_one_helper_tells_another_persons_thing(text: str, noun: str, theirs: bool) -> None:
    """`matcher.owned_by_another`: the name readers' possessive before the noun, and the
    owner after it that the option reader's `is_someone_elses` uses too."""
    at = text.index(noun)
    assert owned_by_another(text, at, at + len(noun)) is theirs


@pytest.mark.parametrize(("body", "key", "value"), [
    ("I bought it on Sunday, my character Velka lost the Frost Wyrm Egg", "item_name",
     "Frost Wyrm Egg"),
    ("I'm the Guild Master of Aurora, my mount vanished", "character_name", None),  # a role
    ("je suis le Grand Maître de la guilde, mon objet a disparu", "character_name", None),
    ("eu sou o Líder do clã, perdi meu item", "character_name", None),
    ("I lost the Sword yesterday, no idea where", "item_name", None),  # one common noun
])
def test_an_article_after_a_cue(games: TriageContext, body: str, key: str,
                                value: str | None) -> None:
    """After a verb's cue ("lost"), an article may open a name of two capitalised words;
    after a copula's ("I'm", "je suis"), an article opens a role, never a name."""
    d = decide(on(games, body, form="in-game-issues"), games)
    assert written(games, d).get(key) == value


@pytest.mark.parametrize("body", [
    "I want to report Faeblight server lag, my character is Velka",
    "je signale Kyrios comme serveur buggé, moi c'est Aubepine",
])
def test_a_name_before_another_fields_noun_is_that_thing(
        games: TriageContext, body: str) -> None:
    """"report Faeblight server": the server's name, not a player's."""
    d = decide(on(games, body, form="report-a-player"), games)
    assert "reported_player" not in written(games, d)


# ------------------------------------------------------------------ places are never names


@pytest.mark.parametrize("body", [
    "hackearam minha conta, mudaram a senha. o email da conta é rafa@gmail.com, chegou um "
    "aviso de login da Rússia",
    "on a piraté mon compte, j'ai reçu une alerte de connexion depuis la Russie. login du "
    "Brésil",
    "my account got hacked, I got a login alert from China",
    "hackearam minha conta, teve login de São Paulo e da China",
    "계정이 해킹당했어요. 로그인 알림이 러시아에서 왔어요",
])
def test_a_country_or_a_city_is_no_account_name(games: TriageContext, body: str) -> None:
    """A login "from Russia", "da Rússia", "du Brésil": a place, never an account."""
    d = decide(on(games, body, form="account-recovery"), games)
    assert "account_name" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    ("my account got hacked, there was a login from China and my account Kessrin is empty",
     "Kessrin"),
    ("my login is Moscow_77 and someone got in", "Moscow_77"),
    ("hackearam minha conta, login da Rússia. minha conta é rafa_br", "rafa_br"),
])
def test_the_account_beside_a_place_is_still_read(games: TriageContext, body: str,
                                                  value: str) -> None:
    d = decide(on(games, body, form="account-recovery"), games)
    assert written(games, d).get("account_name") == value


# ------------------------------------------------------------------ the offender as the subject


@pytest.mark.parametrize(("body", "value"), [
    ("I am SO done. Mordrake spent the whole evening in faction chat telling me and my friend "
     "Brannic to go kill ourselves. I play Lyssa Thorne.", "Mordrake"),
    ("Grimtusk_99 keeps insulting me in world chat every night", "Grimtusk_99"),
    ("yesterday was awful. Velkorr followed me around the map and killed me over and over.",
     "Velkorr"),
    ("Bonjour. Kraggor m'a insulté pendant toute la soirée dans le chat de guilde.",
     "Kraggor"),
    ("Kraggor n'arrête pas de me harceler en mp, c'est insupportable", "Kraggor"),
    ("oi. o Dravenor me xingou a noite toda no chat.", "Dravenor"),
    ("Dravenor ficou me ameaçando no chat da guilda ontem", "Dravenor"),
    ("Mordrake가 어제 저한테 계속 욕했어요.", "Mordrake"),
])
def test_a_name_whose_sentence_offends_the_requester_is_the_reported_player(
        games: TriageContext, body: str, value: str) -> None:
    """A coined name starting its sentence, an offense in its clause and the requester as
    its object: the player reported."""
    d = decide(on(games, body, form="report-a-player"), games)
    assert written(games, d).get("reported_player") == value


@pytest.mark.parametrize("body", [
    "Yesterday someone kept insulting me in chat all night.",  # a known word
    "Brannic told me that a player was insulting us.",  # a friend telling of another
    "Brannic said a guy was harassing me.",
    "Hier un joueur m'a insulté toute la soirée.",
    "Ontem um cara me xingou no chat.",
    "어제 어떤 유저가 저한테 욕했어요.",
    "Kyprosa chat is full of people insulting me every night.",  # a place
    "Kyprosa 서버에서 저한테 욕했어요.",
    "Trove keeps crashing and people keep insulting me.",  # a product
    "Nightfall guild members keep harassing me.",
])
def test_no_offender_is_read_from_a_place_a_friend_or_a_common_word(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="report-a-player"), games)
    assert "reported_player" not in written(games, d)


# ------------------------------------------------------------------ a kind of thing, then its name


@pytest.mark.parametrize(("body", "value"), [
    ("No sábado ele estava jogando e o pet Qubesly sumiu do inventário dele.", "Qubesly"),
    ("after the update the mount Sunfire vanished from my collection", "Sunfire"),
    ("depuis la mise à jour la monture Ombrelune a disparu", "Ombrelune"),
    ("o mascote Qubesly sumiu depois da atualização", "Qubesly"),
    ("after the update the Sword vanished from my bag", None),  # a capitalised noun
    ("after the update the pet Tuesday vanished", None),
    ("after the update the player Mordrake vanished from my friends list", None),
    ("o jogador Dravenor sumiu da minha lista de amigos", None),
    ("le serveur Kyrios a disparu de la liste", None),
])
def test_an_article_and_a_kind_of_thing_name_the_lost_item(
        games: TriageContext, body: str, value: str | None) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert written(games, d).get("item_name") == value


@pytest.mark.parametrize(("body", "value"), [
    ("계정은 minho_rift 이고 산 건 Patron 30일 이에요. 페이팔 거래번호 9RT44512AB778812C 입니다.",
     "Patron 30일"),
    ("결제했는데 안 들어왔어요. 구매한 건 Patron 90일 입니다", "Patron 90일"),
    ("결제한 거는 Founder's Pack 이에요. 아직 안 들어옴", "Founder's Pack"),
    ("돈 나갔는데 안 들어왔어요. 산 게 2000 Bits 예요", "2000 Bits"),
    ("결제했는데 안 들어왔어요. 산 건 어제예요", None),
    ("결제했는데 안 들어왔어요. 산 건 맞는데 안 보여요", None),
    ("결제했는데 안 들어왔어요. 산 건 PayPal 로 했어요", None),
])
def test_what_i_bought_is_x_in_korean(games: TriageContext, body: str,
                                     value: str | None) -> None:
    """"산 건 X", "구매한 건 X": what the requester bought, its Korean duration kept."""
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert written(games, d).get("purchase_name") == value


# ------------------------------------------------------- the requester introducing themself


@pytest.mark.parametrize(("body", "value"), [
    ("a player named Grimtusk insulted me. me, I'm Velka", "Velka"),
    ("um jogador chamado Grimtusk me xingou. aqui é o Pandaroux", "Pandaroux"),
    ("um jogador chamado Grimtusk me xingou. eu sou Pandaroux", "Pandaroux"),
    ("Grimtusk 라는 유저가 욕했어요. 저는 Haneul 이에요", "Haneul"),
    ("Grimtusk 라는 유저가 욕했어요. 전 Haneul입니다", "Haneul"),
    ("Grimtusk 라는 유저가 욕했어요. 난 Haneul 임", "Haneul"),
    ("Grimtusk 라는 유저가 욕했어요. 저는 PC 로 해요", None),
    ("Grimtusk 라는 유저가 욕했어요. 저는 Trove 유저예요", None),  # a product
    ("Grimtusk 라는 유저가 욕했어요. 저는 Korean 이에요", None),  # a language
    ("Grimtusk 라는 유저가 욕했어요. 저는 Mac 이에요", None),
    ("um jogador chamado Grimtusk me xingou. aqui é o Brasil", None),  # a country
])
def test_the_requester_introducing_themself_names_their_character(
        games: TriageContext, body: str, value: str | None) -> None:
    d = decide(on(games, body, form="report-a-player"), games)
    assert written(games, d).get("character_name") == value


# ------------------------------------------------ pass 10i: names, ids and servers in sentences


@pytest.mark.parametrize(("body", "form", "key", "value"), [
    # a field's name written without its accents, as players type in chat
    ("o id da transacao no email é GLY-7734-BR-2026", "unable-to-purchase", "transaction_id",
     "GLY-7734-BR-2026"),
    ("paguei e nada. numero de referencia: 55AB-1290-XZ", "unable-to-purchase",
     "transaction_id", "55AB-1290-XZ"),
    ("comprei e nao caiu, transacao TXN-99812-AB", "unable-to-purchase", "transaction_id",
     "TXN-99812-AB"),
    ("débité mais rien reçu, numero de transaction : TRX-55821-FR", "unable-to-purchase",
     "transaction_id", "TRX-55821-FR"),
    ("rien reçu. la reference sur mon releve c'est 4F82-99AC-17B3", "unable-to-purchase",
     "transaction_id", "4F82-99AC-17B3"),
    ("meu heroi é o Kaelor e sumiu minha espada", "in-game-issues", "character_name",
     "Kaelor"),
    ("mon heros c'est Aldaric, j'ai perdu mon arc", "in-game-issues", "character_name",
     "Aldaric"),
    ("nao consigo comprar nada, usuario: gabriel_mts", "unable-to-purchase", "account_name",
     "gabriel_mts"),
])
def test_a_fields_name_without_its_accents_still_labels_its_value(
        games: TriageContext, body: str, form: str, key: str, value: str) -> None:
    d = decide(on(games, body, form=form), games)
    assert written(games, d).get(key) == value


@pytest.mark.parametrize(("body", "form", "key"), [
    ("a transacao foi recusada pelo banco", "unable-to-purchase", "transaction_id"),
    ("numero de referencia? nao achei no email", "unable-to-purchase", "transaction_id"),
    ("la reference Frontier Pack n'est jamais arrivee", "unable-to-purchase", "transaction_id"),
    ("o heroi do meu irmao é Kaelor", "in-game-issues", "character_name"),
])
def test_an_accentless_name_without_a_value_writes_nothing(
        games: TriageContext, body: str, form: str, key: str) -> None:
    d = decide(on(games, body, form=form), games)
    assert key not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    # the requester's character named by its class
    ("my dragon mount is gone. my knight is BigNoodle.", "BigNoodle"),
    ("lost my bow yesterday, my mage is called Ashwyn", "Ashwyn"),
    ("my warrior Thorgar lost all his gear after the patch", "Thorgar"),
    ("my paladin's name is Lightbringer_7 and my mount vanished", "Lightbringer_7"),
    ("mon chevalier c'est BigNoodle, ma monture a disparu", "BigNoodle"),
    ("ma guerrière s'appelle Thalia et son épée a disparu", "Thalia"),
    ("mon voleur Kestrel a perdu son arc hier", "Kestrel"),
    ("meu cavaleiro é o BigNoodle e a montaria sumiu", "BigNoodle"),
    ("minha maga se chama Ashwyn, perdi meu cajado", "Ashwyn"),
    ("meu paladino Lux_07 perdeu a montaria", "Lux_07"),
    ("제 전사 Thorgar 장비가 사라졌어요", "Thorgar"),
    ("제 마법사 이름은 Ashwyn입니다. 지팡이가 없어졌어요", "Ashwyn"),
])
def test_the_requesters_class_names_their_character(
        games: TriageContext, body: str, value: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert written(games, d).get("character_name") == value


@pytest.mark.parametrize("body", [
    "my brother's knight is Fizzlewick and he still has the mount",
    "his knight is Fizzlewick, he got the mount too",
    "my knight is level 60 now and the mount is gone",
    "le chevalier de mon frère c'est Fizzlewick, lui a toujours la monture",
    "o guerreiro do meu irmão é o Thorgar, ele ainda tem a montaria",
    "동생 전사는 Thorgar인데 걔는 아직 있어요",
])
def test_another_persons_class_or_a_level_names_no_character(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert "character_name" not in written(games, d)


@pytest.mark.parametrize(("body", "form", "key", "value"), [
    # the requester corrects the name just written: the corrected one is the value
    ("Mon perso s'appelle Soléane... enfin Soleane sans accent, sur le serveur Kyprosa.",
     "in-game-issues", "character_name", "Soleane"),
    ("mon perso c'est Kira77, pardon Kira78", "in-game-issues", "character_name", "Kira78"),
    ("my character is Aelin, I mean Aelinn, and my bow is gone", "in-game-issues",
     "character_name", "Aelinn"),
    ("my char is Velka... sorry, Velkah", "in-game-issues", "character_name", "Velkah"),
    ("meu personagem é Ayla, ou melhor Ayla_br", "in-game-issues", "character_name",
     "Ayla_br"),
    ("meu nick é Tonho, quer dizer Tonh0", "in-game-issues", "character_name", "Tonh0"),
    ("minha conta é gabriel_mts, digo gabriel_mts2", "unable-to-purchase", "account_name",
     "gabriel_mts2"),
    ("Moi c'est Héloïse enfin Heloise sans les accents", "in-game-issues", "character_name",
     "Heloise"),
])
def test_a_name_corrected_right_after_it_is_the_corrected_one(
        games: TriageContext, body: str, form: str, key: str, value: str) -> None:
    d = decide(on(games, body, form=form), games)
    assert written(games, d).get(key) == value


@pytest.mark.parametrize(("body", "value"), [
    # what follows "I mean", "enfin", "quer dizer" is no name, or another one: no correction
    ("my character is Aelin, I mean Thorgar lost it too", "Aelin"),
    ("mon perso c'est Soleane, enfin Brisesol est mon serveur", "Soleane"),
    ("meu personagem é Ayla, quer dizer, era ontem", "Ayla"),
    ("my char is Velka, sorry for the long message", "Velka"),
])
def test_words_after_a_correction_marker_keep_the_name(
        games: TriageContext, body: str, value: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert written(games, d).get("character_name") == value


@pytest.mark.parametrize(("body", "form", "key", "value"), [
    # a sub-label inside brackets after the field's name
    ("je souhaite que vous supprimiez mon compte Glyph (nom : Brasier_Noir, mail "
     "brasier.noir@laposte.net)", "account-deletion", "account_name", "Brasier_Noir"),
    ("please delete my Glyph account (name: Brasier_Noir) thanks", "account-deletion",
     "account_name", "Brasier_Noir"),
    ("please delete my account (username: kira_sun, email kira@mail.com)", "account-deletion",
     "account_name", "kira_sun"),
    ("quero excluir minha conta Glyph (nome: gabriel_mts)", "account-deletion",
     "account_name", "gabriel_mts"),
    ("excluir minha conta (login: gabriel_mts, email gabi@uol.com.br)", "account-deletion",
     "account_name", "gabriel_mts"),
    ("글리프 계정(아이디: choi_aa) 삭제해 주세요", "account-deletion", "account_name",
     "choi_aa"),
    ("mon perso (pseudo : Aldaric) a perdu son arc", "in-game-issues", "character_name",
     "Aldaric"),
])
def test_a_label_inside_brackets_after_the_fields_name(
        games: TriageContext, body: str, form: str, key: str, value: str) -> None:
    d = decide(on(games, body, form=form), games)
    assert written(games, d).get(key) == value


@pytest.mark.parametrize(("body", "form", "key"), [
    ("supprimez mon compte Glyph (mail : brasier.noir@laposte.net)", "account-deletion",
     "account_name"),
    ("delete my account (email: kira@mail.com) please", "account-deletion", "account_name"),
    ("excluir minha conta (pedido: 4411)", "account-deletion", "account_name"),
    ("글리프 계정(이메일: choi@naver.com) 삭제해 주세요", "account-deletion", "account_name"),
])
def test_another_label_inside_brackets_names_no_account(
        games: TriageContext, body: str, form: str, key: str) -> None:
    d = decide(on(games, body, form=form), games)
    assert key not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    # a time-boxed purchase after a possessive
    ("I always paid my Patron 30 days with paysafecard and now it's not there",
     "Patron 30 days"),
    ("can't renew my Patron 90 days, the shop has no paysafecard", "Patron 90 days"),
    ("je n'arrive pas à payer mon Patron 30 jours, la carte est refusée", "Patron 30 jours"),
    ("não consigo pagar meu Patron 30 dias com boleto", "Patron 30 dias"),
])
def test_a_time_boxed_purchase_after_a_possessive(
        games: TriageContext, body: str, value: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert written(games, d).get("purchase_name") == value


@pytest.mark.parametrize("body", [
    "I paid my Patron 30 days ago and the card is refused now",
    "my Patron 30 days ago was fine, now the card is refused",
    "meu Patron 30 dias atrás funcionou, agora o cartão é recusado",
])
def test_a_time_ago_after_a_possessive_is_no_purchase(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert "purchase_name" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    # a chat channel of a coined place: the server
    ("un joueur nommé Goldzz4u spamme le chat général de Brisesol pour vendre du platine",
     "Brisesol"),
    ("a player named Goldzz4u keeps spamming the general chat of Brisesol", "Brisesol"),
    ("um jogador chamado Goldzz4u fica spammando o chat global do Gelidra", "Gelidra"),
    ("un certain Goldzz4u spamme le canal commerce de Kyprosa", "Kyprosa"),
])
def test_a_chat_channel_of_a_coined_place_is_the_server(
        games: TriageContext, body: str, value: str) -> None:
    d = decide(on(games, body, form="report-a-player"), games)
    assert written(games, d).get("server") == value


@pytest.mark.parametrize("body", [
    "a player named Goldzz4u keeps spamming the general chat of the game",
    "un joueur nommé Goldzz4u spamme le chat de Discord",
    "um jogador chamado Goldzz4u spamma o chat da guilda",
    "a player named Goldzz4u spams the chat of Goldzz4u's guild",
])
def test_a_chat_of_a_word_or_a_service_is_no_server(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="report-a-player"), games)
    assert "server" not in written(games, d)


@pytest.mark.parametrize(("body", "form", "key", "value"), [
    # the name first, then a copula and the requester's own field: "X é meu char"
    ("Kaelor é meu char e perdi a espada", "in-game-issues", "character_name", "Kaelor"),
    ("Nyxie is my char, she lost her bow", "in-game-issues", "character_name", "Nyxie"),
    ("c'est Nyxie mon perso, elle a perdu son arc", "in-game-issues", "character_name",
     "Nyxie"),
    ("Nyxie c'est mon perso, elle a perdu son arc", "in-game-issues", "character_name",
     "Nyxie"),
    ("Aldaric est mon personnage principal, il a perdu son arc", "in-game-issues",
     "character_name", "Aldaric"),
    ("nightfern_22 is my account and it's locked", "glyph-account-issues", "account_name",
     "nightfern_22"),
    ("gabriel_mts é minha conta, não consigo entrar", "glyph-account-issues",
     "account_name", "gabriel_mts"),
    ("Haneul 이라는 제 캐릭 장비가 없어졌어요", "in-game-issues", "character_name", "Haneul"),
])
def test_a_name_before_a_copula_and_the_requesters_own_field(
        games: TriageContext, body: str, form: str, key: str, value: str) -> None:
    d = decide(on(games, body, form=form), games)
    assert written(games, d).get(key) == value


@pytest.mark.parametrize(("body", "form", "key"), [
    ("Kaelor é meu amigo e o char dele sumiu", "in-game-issues", "character_name"),
    ("Kestrel is my brother's char, not mine", "in-game-issues", "character_name"),
    ("c'est Tibo mon pote, son perso a perdu son arc", "in-game-issues", "character_name"),
    ("Glyph is my account provider, I can't log in", "glyph-account-issues", "account_name"),
    ("Haneul 이라는 친구 캐릭 장비가 없어졌어요", "in-game-issues", "character_name"),
])
def test_a_name_before_another_thing_or_anothers_field_is_not_the_requesters(
        games: TriageContext, body: str, form: str, key: str) -> None:
    d = decide(on(games, body, form=form), games)
    assert key not in written(games, d)


@pytest.mark.parametrize(("body", "form", "key", "value"), [
    # a handle in square brackets or after a dash following the field's name
    ("player [Grimtusk] insulted me in world chat", "report-a-player", "reported_player",
     "Grimtusk"),
    ("le joueur [Grimtusk] m'insulte", "report-a-player", "reported_player", "Grimtusk"),
    ("o jogador [Grimtusk99] me xingou", "report-a-player", "reported_player", "Grimtusk99"),
    ("locked out of my account - nightfern_22", "glyph-account-issues", "account_name",
     "nightfern_22"),
    ("bloqué sur mon compte - Nightfern22", "glyph-account-issues", "account_name",
     "Nightfern22"),
    ("minha conta — gabriel_mts — foi bloqueada", "glyph-account-issues", "account_name",
     "gabriel_mts"),
])
def test_a_handle_in_square_brackets_or_after_a_dash(
        games: TriageContext, body: str, form: str, key: str, value: str) -> None:
    d = decide(on(games, body, form=form), games)
    assert written(games, d).get(key) == value


@pytest.mark.parametrize(("body", "form", "key"), [
    ("locked out of my account - thanks for any help", "glyph-account-issues",
     "account_name"),
    ("mon compte - impossible de me connecter", "glyph-account-issues", "account_name"),
    ("minha conta - bloqueada desde ontem", "glyph-account-issues", "account_name"),
    ("player [AFK] kept leaving the dungeon", "report-a-player", "reported_player"),
])
def test_a_word_after_a_dash_or_a_tag_in_brackets_is_no_handle(
        games: TriageContext, body: str, form: str, key: str) -> None:
    d = decide(on(games, body, form=form), games)
    assert key not in written(games, d)


@pytest.mark.parametrize(("body", "form", "key"), [
    # a trade counterpart's identifier is not the requester's
    ("o vendedor tem a conta golpista_99 e sumiu", "unable-to-purchase", "account_name"),
    ("the seller used the account scammer_99 to sell it", "unable-to-purchase",
     "account_name"),
    ("le vendeur a le compte arnak_99 et ne répond plus", "unable-to-purchase",
     "account_name"),
    ("the scammer's char is Goldzz4u", "in-game-issues", "character_name"),
    ("판매자 계정 scam_99 에서 샀어요", "unable-to-purchase", "account_name"),
])
def test_a_sellers_or_a_scammers_identifier_is_not_the_requesters(
        games: TriageContext, body: str, form: str, key: str) -> None:
    d = decide(on(games, body, form=form), games)
    assert key not in written(games, d)


@pytest.mark.parametrize(("body", "form", "key", "value"), [
    ("the seller never sent it, my account is nightfern_22", "unable-to-purchase",
     "account_name", "nightfern_22"),
    ("o vendedor sumiu. minha conta: gabriel_mts", "unable-to-purchase", "account_name",
     "gabriel_mts"),
    ("le vendeur ne répond plus, mon compte c'est arnaud_77", "unable-to-purchase",
     "account_name", "arnaud_77"),
    ("txn id is 7HX2-99KD-41QA, nothing arrived", "unable-to-purchase", "transaction_id",
     "7HX2-99KD-41QA"),
])
def test_the_requesters_identifier_after_a_seller_in_another_clause(
        games: TriageContext, body: str, form: str, key: str, value: str) -> None:
    d = decide(on(games, body, form=form), games)
    assert written(games, d).get(key) == value


@pytest.mark.parametrize("body", [
    # a kind noun before a name that goes on past a small word: no cut name is written
    "fiz toda a missao do evento Feast of Feasts e a recompensa nao apareceu",
    "j'ai fini la quete de l'event Fête des Moissons et rien reçu",
    "did the whole quest event Feast of Feasts and the reward never showed",
])
def test_a_name_cut_before_its_small_word_is_not_written(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert written(games, d).get("item_name") in (None, "Feast of Feasts", "Fête des Moissons")
