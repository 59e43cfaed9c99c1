"""The name left over (issue 10, 10q): once every other name of the ticket is assigned to
its field, the one name-like span nobody claims is the value of the field still empty — a
thing's name anywhere ("the Frostbite Lantern pet … isn't in my collection"), a person's
identifier where the sentence ties it to them ("I'm on X", "com o nome X", "저는 X로",
"handle / e-mail"). Two spans, a span two empty fields could take, a friend's name, a
quoted message: nothing is written. Each shape in en, fr, ko and pt-br."""

from __future__ import annotations

import pytest
from test_reading import asked, on, written

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize(("body", "value"), [
    # the item named before its kind, the character read elsewhere
    ("the Frostbite Lantern pet I bought last week is not in my collection anymore. my "
     "character is Orwenna", "Frostbite Lantern"),
    ("la Lanterne Givrée que j'avais achetée a disparu de ma collection. mon perso c'est "
     "Orwenna", "Lanterne Givrée"),
    ("comprei o Lanterna Gelada semana passada e ele não está mais na coleção. meu "
     "personagem é Orwenna", "Lanterna Gelada"),
    ("지난주에 산 Frostbite 펫이 컬렉션에서 사라졌어요. 제 캐릭터는 Orwenna 입니다",
     "Frostbite"),
    # a quoted name, in Hangul too
    ("업데이트 후에 '진홍빛 안장'이 창고에서 없어졌어요. 제 캐릭터는 Orwenna 입니다",
     "진홍빛 안장"),
    ("after the update 'Crimson Dusk Saddle' is not in my bank. my character is Orwenna",
     "Crimson Dusk Saddle"),
])
def test_the_one_name_left_over_is_the_things(games: TriageContext, body: str,
                                              value: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert written(games, d).get("item_name") == value
    assert written(games, d).get("character_name") == "Orwenna"
    assert "item_name" not in asked(d)


@pytest.mark.parametrize("body", [
    # two names left over: neither
    "the Crimson Dusk Saddle and the Frostbite Lantern are both not in my bank. my "
    "character is Orwenna",
    "la Selle Pourpre et la Lanterne Givrée ont disparu. mon perso c'est Orwenna",
    # a quoted message, not a name
    "my stuff is not in my bank, the error said 'Item Not Found'. my character is Orwenna",
    "업데이트 후 아이템이 없어졌고 '아이템을 찾을 수 없습니다' 라고 떠요. "
    "제 캐릭터는 Orwenna 입니다",
    # a friend's name, a place: no thing
    "my buddy Garrick says my stuff is not in my bank. my character is Orwenna",
    "mon pote Garrick dit que mon sac est vide. mon perso c'est Orwenna",
    "meu amigo Garrick disse que sumiu tudo. meu personagem é Orwenna",
    "친구 Garrick 말로는 가방이 비었대요. 제 캐릭터는 Orwenna 입니다",
    "everything in my bag is gone since I went near Solis. my character is Orwenna",
])
def test_no_single_name_left_over_writes_no_thing(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert "item_name" not in written(games, d)
    assert written(games, d).get("character_name") == "Orwenna"


def test_one_name_two_empty_fields_could_take_writes_neither(games: TriageContext) -> None:
    # no character read: "Gobbling Gourdling" may be either field's
    d = decide(on(games, "Gobbling Gourdling is not in my collection anymore, my "
                  "character is a mage", form="in-game-issues"), games)
    assert "character_name" not in written(games, d)


@pytest.mark.parametrize("body", [
    "a player called Grimshade kept killing me at the bank. I'm on Selwynne, server "
    "Brisesol.",
    "un joueur qui s'appelle Grimshade me tue en boucle. moi c'est Selwynne, serveur Brisesol.",
    "um jogador chamado Grimshade fica me matando. eu sou a Selwynne, servidor Brisesol.",
    "Grimshade 라는 유저가 계속 저를 죽여요. 저는 Selwynne 로 플레이해요. Brisesol 서버요.",
])
def test_the_requester_introducing_themself_names_their_character(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="report-a-player"), games)
    assert written(games, d).get("character_name") == "Selwynne"
    assert written(games, d).get("reported_player") == "Grimshade"


@pytest.mark.parametrize("body", [
    "some cheater with the name Vexhollow99 flies through walls. my character is Selwynne",
    "un tricheur avec le pseudo Vexhollow99 vole à travers les murs. mon perso c'est Selwynne",
    "vi um jogador na arena com o nome Vexhollow99 voando. meu personagem é Selwynne",
    "벽 뚫는 핵쟁이 봤어요. 닉은 Vexhollow99. 제 캐릭터는 Selwynne 입니다",
])
def test_a_name_given_after_the_requesters_own_is_the_reported_players(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="report-a-player"), games)
    assert written(games, d).get("reported_player") == "Vexhollow99"
    assert written(games, d).get("character_name") == "Selwynne"


@pytest.mark.parametrize("body", [
    # a friend, or a name the sentence does not tie to anyone: asked
    "my friend Vexhollow99 saw a cheater. my character is Selwynne",
    "mon pote Vexhollow99 a vu un tricheur. mon perso c'est Selwynne",
    "meu amigo Vexhollow99 viu um cheater. meu personagem é Selwynne",
    "친구 Vexhollow99 가 핵쟁이를 봤어요. 제 캐릭터는 Selwynne 입니다",
    "Vexhollow99 flies through walls all day. my character is Selwynne",
])
def test_an_untied_or_friends_name_is_not_the_reported_player(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="report-a-player"), games)
    assert "reported_player" not in written(games, d)


@pytest.mark.parametrize("body", [
    "please delete my account, I'm done with the game.\nvexhollow_9 / vex.h@example.com",
    "supprimez mon compte svp.\nvexhollow_9 / vex.h@example.com",
    "quero excluir minha conta.\nvexhollow_9 / vex.h@example.com",
    "계정 삭제해 주세요.\nvexhollow_9 / vex.h@example.com",
])
def test_a_handle_listed_with_the_accounts_email_is_the_account(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="account-deletion"), games)
    assert written(games, d).get("account_name") == "vexhollow_9"
    assert "account_name" not in asked(d)


@pytest.mark.parametrize("body", [
    # hardware, a product, a date: no account (and never one untied)
    "the game crashes on my GTX 1070 since Nov 23, please help",
    "le jeu plante avec ma RTX 3070 depuis mardi",
    "o jogo fecha sozinho no PS5 desde ontem",
    "게임이 RTX 4060 에서 계속 튕겨요",
])
def test_an_untied_name_writes_no_account(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="technical-issues"), games)
    assert "account_name" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    # a handle starting in lower case, a name with two small words inside
    ("벽 뚫는 핵쟁이 봤어요. 닉은 xXGrimHowlXx. 제 캐릭터는 Selwynne 입니다", "xXGrimHowlXx"),
    ("some cheater with the name xXGrimHowlXx flies through walls. my character is Selwynne",
     "xXGrimHowlXx"),
    ("un tricheur avec le pseudo xXGrimHowlXx vole partout. mon perso c'est Selwynne",
     "xXGrimHowlXx"),
    ("vi um jogador com o nome xXGrimHowlXx voando. meu personagem é Selwynne",
     "xXGrimHowlXx"),
])
def test_a_handle_in_lower_camel_case_is_left_over_too(games: TriageContext, body: str,
                                                       value: str) -> None:
    d = decide(on(games, body, form="report-a-player"), games)
    assert written(games, d).get("reported_player") == value


@pytest.mark.parametrize(("body", "value"), [
    ("turned in Tears of the Deep on my cleric Orwenna and the reward never showed up",
     "Tears of the Deep"),
    ("j'ai rendu Larmes de la Mer sur mon perso Orwenna et la récompense a disparu",
     "Larmes de la Mer"),
    ("entreguei Lágrimas do Mar no meu personagem Orwenna e a recompensa não veio",
     "Lágrimas do Mar"),
])
def test_a_name_with_small_words_inside_is_read_whole(games: TriageContext, body: str,
                                                      value: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert written(games, d).get("item_name") == value


@pytest.mark.parametrize(("subject", "body"), [
    ("bot at Fairhaven", "a bot farms the same mobs 24/7 in Fairhaven. the char is named "
     "Qzzrtlx, I'm Ombrelame on Brisesol."),
    ("bot à Fairhaven", "y a un bot qui farm H24 a Fairhaven. le perso s'appelle Qzzrtlx, "
     "moi c'est Ombrelame sur Brisesol."),
    ("bot em Fairhaven", "tem um bot farmando direto em Fairhaven. o char se chama Qzzrtlx, "
     "meu personagem é Ombrelame no Brisesol."),
])
def test_a_name_said_once_to_be_a_place_is_no_player(games: TriageContext, subject: str,
                                                     body: str) -> None:
    d = decide(on(games, body, form="report-a-player", subject=subject), games)
    assert written(games, d).get("reported_player") == "Qzzrtlx"


@pytest.mark.parametrize("body", [
    "um cara chamado ZeroFlux me roubou ontem no servidor NA. meu personagem é Caio_BR",
    "un type qui s'appelle ZeroFlux m'a arnaqué hier sur le serveur NA. mon perso c'est Caio",
    "a guy called ZeroFlux scammed me yesterday on the NA server. my character is Caio_BR",
    "ZeroFlux 라는 유저한테 어제 사기 당했어요. EU 서버에서요. 제 캐릭터는 Caio_BR 입니다",
])
def test_a_name_inside_an_options_keyword_is_that_option(games: TriageContext,
                                                          body: str) -> None:
    """"servidor NA" is a region's keyword (North America), never a server's name."""
    d = decide(on(games, body, form="report-a-player"), games)
    assert "server" not in written(games, d)
    assert "server" in asked(d)
    assert written(games, d).get("reported_player") == "ZeroFlux"


@pytest.mark.parametrize(("body", "value"), [
    ("oh sorry, glyph name is marrowlight and first time i tried was yesterday",
     "marrowlight"),
    ("pardon, mon compte c'est brumeazur et la première fois c'était hier", "brumeazur"),
    ("desculpa, minha conta é thaisfarias e a primeira vez foi ontem", "thaisfarias"),
])
def test_a_coined_handle_before_a_conjunction_ends_its_clause(
        games: TriageContext, body: str, value: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert written(games, d).get("account_name") == value


@pytest.mark.parametrize("body", [
    "my account is hacked and i cant log in",
    "mon compte est bloqué et je peux pas jouer",
    "minha conta é antiga e não entra",
    "my account is locked and the card fails",
])
def test_a_known_word_before_a_conjunction_is_no_handle(games: TriageContext,
                                                        body: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert "account_name" not in written(games, d)


@pytest.mark.parametrize("body", [
    "I want to report a character with an offensive name, Kr0nkVile, standing in the capital. "
    "My friend Tom (char Tomsk) saw it first.",
    "je veux signaler un perso au pseudo insultant, Kr0nkVile, planté en ville. "
    "Mon pote Tom (perso Tomsk) l'a vu avant moi.",
    "quero denunciar um personagem com nome ofensivo, Kr0nkVile, parado na capital. "
    "Meu amigo Tom (personagem Tomsk) viu primeiro.",
])
def test_someone_introduced_by_name_is_reported_past_a_friends_character(
        games: TriageContext, body: str) -> None:
    """An indefinite article, a naming noun, the name: someone new, the reported player,
    even while the requester's own character is unread; a friend's character in
    brackets is no rival."""
    d = decide(on(games, body, form="report-a-player"), games)
    assert written(games, d).get("reported_player") == "Kr0nkVile"
    assert "character_name" not in written(games, d)


@pytest.mark.parametrize("body", [
    "A player named Gravemaw spammed slurs at my buddy on Dahuta last night, I was right "
    "there on my own char Oskarr and saw it all.",
    "Un joueur nommé Gravemaw insultait mon pote sur Dahuta hier soir, j'étais là avec mon "
    "propre perso Oskarr.",
    "Um jogador chamado Gravemaw xingou meu amigo no Dahuta ontem à noite, eu estava lá com "
    "meu próprio personagem Oskarr.",
])
def test_own_between_a_possessive_and_the_fields_name(games: TriageContext, body: str) -> None:
    """"my own char X" names the requester's character as "my char X" does."""
    d = decide(on(games, body, form="report-a-player"), games)
    values = written(games, d)
    assert values.get("character_name") == "Oskarr"
    assert values.get("reported_player") == "Gravemaw"
