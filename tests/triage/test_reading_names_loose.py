"""Names, handles and item names stated loosely inside sentences (issue 10, pass n): a
txt-speak copula ("minha conta eh x"), a bare label and a handle ("Conta larissam.", "on
account sylvanthe"), a handle signing the message, an item named after its kind noun.
Each shape in en, fr, ko and pt-br, with the negatives that must write nothing."""

from __future__ import annotations

import pytest
from test_reading import asked, on, written

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize(("body", "form", "value"), [
    # a txt-speak copula after the field's name
    ("o jogo nao atualiza. ja reiniciei o pc. minha conta eh pedrinho_gamer",
     "technical-issues", "pedrinho_gamer"),
    ("nao consigo logar faz 2 dias, minha conta eh joao.vitor22", "technical-issues",
     "joao.vitor22"),
    ("my account eh darkfern_7, cant login since yesterday", "technical-issues", "darkfern_7"),
    ("game crashes at launch, my account's sylvanthe", "technical-issues", "sylvanthe"),
    ("my acc's Vorth_88 and the patch wont install", "technical-issues", "Vorth_88"),
    # a terse label line: the field's bare name and a handle built on a name
    ("Oi, o launcher abre e fecha sozinho. Uso Windows 10. Conta larissam. Ja tentei rodar "
     "como admin.", "technical-issues", "larissam"),
    ("Le jeu crashe au lancement. Compte marionb. Merci.", "technical-issues", "marionb"),
    ("Game crashes on startup. Account brunok. Thanks", "technical-issues", "brunok"),
    # a preposition before the bare field's name (English drops the article)
    ("My Visa just gets declined every time I try to buy Patron 30 days on account "
     "sylvanthe, been going on for a few days.", "unable-to-purchase", "sylvanthe"),
    ("the patch is stuck at 99% on account vorthalyn, please help", "technical-issues",
     "vorthalyn"),
    # a handle signing the message on a form whose one identifier is the account
    ("계정 삭제해주세요. 이제 안 해서요. minsu_d", "account-deletion", "minsu_d"),
    ("please delete my account, I quit.\nkira_sun", "account-deletion", "kira_sun"),
    ("quero excluir minha conta, nao jogo mais. lucas.mv", "account-deletion", "lucas.mv"),
    ("supprimez mon compte svp, j'arrête le jeu.\nnoxelle92", "account-deletion", "noxelle92"),
])
def test_a_loosely_stated_handle_names_the_account(
        games: TriageContext, body: str, form: str, value: str) -> None:
    d = decide(on(games, body, form=form), games)
    assert written(games, d).get("account_name") == value
    assert "account_name" not in asked(d)


@pytest.mark.parametrize(("body", "form"), [
    ("minha conta e senha nao funcionam mais", "technical-issues"),  # "e" is "and"
    ("minha conta eh antiga, desde 2015", "technical-issues"),  # an adjective
    ("minha conta eh de 2019, nunca tive problema", "technical-issues"),  # a year
    ("mon compte est de 2019", "glyph-account-issues"),
    ("my account's gone.", "technical-issues"),  # a state after "'s"
    ("my account's password was changed", "glyph-account-issues"),
    ("Game crashes on startup. Account lockd. Thanks", "technical-issues"),  # a typo
    ("Conta bloqeada. Ajuda.", "technical-issues"),  # a typo of a participle
    ("I wanted the account nightfernz, it was taken.", "glyph-account-issues"),
    ("on account of the lag I quit, delete everything", "account-deletion"),
    ("my friend's account zorbulon got hacked.", "glyph-account-issues"),
    ("please delete my account, I quit.\nbot_farm.jpg", "account-deletion"),  # a file
    ("please delete my account, I quit.\nWindows10", "account-deletion"),  # a system
    ("the launcher stops with this:\nERR_CONNECTION_RESET", "technical-issues"),  # a code
    ("the launcher stops with this:\nerror_1043", "technical-issues"),  # an error
    ("please delete my account, I quit.\nPedro", "account-deletion"),  # a signed name
])
def test_a_word_a_typo_a_file_or_someone_elses_is_no_account(
        games: TriageContext, body: str, form: str) -> None:
    d = decide(on(games, body, form=form), games)
    assert "account_name" not in written(games, d)


def test_a_signing_handle_is_not_read_on_a_form_with_two_identifiers(
        games: TriageContext) -> None:
    """On a report form the requester's character and the reported player are both
    identifiers: a lone handle could be either."""
    d = decide(on(games, "someone is botting all night near the bank.\nxx_killer_9",
                  form="report-a-player"), games)
    got = written(games, d)
    assert "account_name" not in got and "reported_player" not in got


@pytest.mark.parametrize(("body", "value"), [
    # a quoted name after a kind noun, whatever its case
    ("Bonjour, mon costume « Tenue de moine élégante » a disparu de mon inventaire après "
     "la maintenance.", "Tenue de moine élégante"),
    ("my outfit \"Robe of the quiet dawn\" vanished after the patch", "Robe of the quiet dawn"),
    ("minha skin \"Manto do lobo cinzento\" sumiu depois da manutenção", "Manto do lobo cinzento"),
    # a kind noun, its adjective, then a Title Case name
    ("semana passada minha arma lendaria Ark Hunter Rifle simplesmente sumiu do inventario",
     "Ark Hunter Rifle"),
    ("my legendary bow Storm Whisper just vanished from my bag", "Storm Whisper"),
    ("ma monture rare Loup Cendré a disparu hier soir", "Loup Cendré"),
    # a Korean phrase of two words as the subject of a verb of vanishing
    ("제 캐릭터 Haru 인벤에서 해적 망토가 없어졌어요.", "해적 망토"),
    ("어제 접속하니까 가방에서 전설 활이 사라졌어요", "전설 활"),
    ("창고에 넣어둔 황금 투구가 없어졌습니다", "황금 투구"),
])
def test_an_item_named_after_its_kind_or_before_its_vanishing_is_read(
        games: TriageContext, body: str, value: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert written(games, d).get("item_name") == value
    assert "item_name" not in asked(d)


@pytest.mark.parametrize("body", [
    "mon costume « le truc » a disparu",  # common words in quotes
    "my sword \"lol\" vanished",  # a common word
    "my legendary bow just vanished from my bag",  # no name
    "인벤에서 제 아이템이 없어졌어요",  # an owner and a generic noun
    "친구한테 받은 망토가 없어졌어요",  # a modifier, no name
    "오늘 아침 골드가 사라졌어요",  # one word: a time and a currency
    "인벤에 있던 무기 하나가 사라졌어요",  # a count names no weapon
    "업데이트 후에 스킬 창이 사라졌어요",  # the interface, not a thing kept
    "어제부터 채팅 기록이 사라졌어요",  # the chat
    "인벤 말고 계정 정보가 없어졌어요",  # another field's thing
    "장비 두개가 없어졌어요",  # a count
    "the player \"Mordrake\" vanished from the server",  # a person
    "the error \"Connection Lost\" is gone now",  # the interface's words
    "le bouton « Réclamer » a disparu",
    "o botão \"Resgatar Recompensa\" sumiu",
])
def test_a_common_word_a_person_or_a_modifier_is_no_item(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert "item_name" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    ("Salut, un bot tourne en boucle sur le même chemin de farm. Son nom : Xhxhxhxh. Moi je "
     "joue Aldric sur Brisesol.", "Xhxhxhxh"),
    ("there's a guy spamming gold sites in chat all day. his name: Gr1mFarmer. my char is "
     "Aldric", "Gr1mFarmer"),
    ("tem um cara usando speed hack na arena. nome dele: TurboZe. eu jogo com a Lyra",
     "TurboZe"),
    ("어떤 유저가 채팅에서 계속 욕해요. 그 유저 이름은 DarkLord77 이에요.", "DarkLord77"),
])
def test_a_third_persons_name_labels_the_reported_player(
        games: TriageContext, body: str, value: str) -> None:
    d = decide(on(games, body, form="report-a-player"), games)
    assert written(games, d).get("reported_player") == value


@pytest.mark.parametrize("body", [
    "un joueur m'insulte tous les soirs, son nom je le connais pas.",
    "a bot is farming near the bank all night, his name I don't know.",
    "um cara me xingou, nome dele nao lembro.",
])
def test_an_unknown_name_is_no_reported_player(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="report-a-player"), games)
    assert "reported_player" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    ("Ce matin j'ai voulu prendre le pack 1000 Bits avec une paysafecard et le site me dit "
     "que ce mode de paiement est pas accepté.", "1000 Bits"),
    ("tentei comprar o pacote 2500 Moedas e o cartão foi recusado", "2500 Moedas"),
    ("j'ai voulu acheter le pack 500 Gemmes mais ça bloque au paiement", "500 Gemmes"),
])
def test_a_count_of_a_shops_unit_after_a_product_kind_is_the_purchase(
        games: TriageContext, body: str, value: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert written(games, d).get("purchase_name") == value


@pytest.mark.parametrize(("body", "form", "field"), [
    ("j'ai voulu prendre le pack 20 Euros et ça bloque", "unable-to-purchase",
     "purchase_name"),  # a sum of money
    ("tentei comprar o pacote 3 vezes e nada", "unable-to-purchase", "purchase_name"),
    ("I lost 500 Gold after the patch", "in-game-issues", "item_name"),  # no shop's unit
])
def test_a_sum_a_count_of_times_or_a_currency_is_no_product(
        games: TriageContext, body: str, form: str, field: str) -> None:
    d = decide(on(games, body, form=form), games)
    assert field not in written(games, d)


def _steps(ads: TriageContext, body: str, locale: str) -> str | None:
    """The steps a ticket's text gives, its declared labels first (the reading stage's
    patterns), then the clause reader."""
    d = decide(on(ads, "Le tableau de bord affiche une erreur.\n" + body,
                  form="publisher-support", locale=locale), ads)
    got = written(ads, d).get("steps_taken")
    return got if isinstance(got, str) else None


@pytest.mark.parametrize(("body", "locale", "expected"), [
    ("Pour les étapes : j'ouvre la page de connexion, je mets mon email et mot de passe, "
     "je valide le code reçu par SMS.", "fr", "j'ouvre la page de connexion"),
    ("Pour les étapes : juste la page de connexion, rien d'autre.", "fr",
     "juste la page de connexion"),
    ("For the steps: only the login page, nothing else.", "en", "only the login page"),
    ("Quanto aos passos: só abri a página de login.", "pt-br", "só abri a página de login"),
    ("Here are the steps: opened the dashboard then it crashed", "en",
     "opened the dashboard"),
])
def test_a_reply_opening_with_the_topic_word_and_a_colon_gives_the_steps(
        ads: TriageContext, body: str, locale: str, expected: str) -> None:
    got = _steps(ads, body, locale)
    assert got is not None and got.startswith(expected)


@pytest.mark.parametrize(("body", "locale"), [
    ("Pour les étapes, je sais pas trop.", "fr"),  # no colon: no label
    ("I'll send the steps later.", "en"),
])
def test_the_topic_word_without_its_colon_gives_no_steps(
        ads: TriageContext, body: str, locale: str) -> None:
    assert _steps(ads, body, locale) is None


@pytest.mark.parametrize(("body", "value"), [
    # a French or Portuguese name goes on with "de" and a lower-case noun
    ("l'objet Lame de l'aube a disparu", "Lame de l'aube"),
    ("la quête Ombre de la forêt est pas validée", "Ombre de la forêt"),
    ("o item Espada de cristal sumiu do inventario", "Espada de cristal"),
    # a Korean genitive is part of the name
    ("인벤토리에서 용의 검이 사라졌어요", "용의 검"),
])
def test_a_name_goes_on_with_its_complement(
        games: TriageContext, body: str, value: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert written(games, d).get("item_name") == value


@pytest.mark.parametrize("body", [
    "minha espada Solar do meu amigo sumiu",  # whose, not the name: no cut value either
    "친구의 망토가 사라졌어요",  # a friend's
])
def test_an_owner_after_de_is_not_the_name(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert written(games, d).get("item_name") in (None, "Solar")


@pytest.mark.parametrize(("body", "value"), [
    # a thing named first, then "I don't have it" about it (left dislocation)
    ("la quete de l'event me dit terminée mais le Familier Dragon des neiges je l'ai pas, "
     "je sais plus. mon perso c'est Pixou", "Familier Dragon des neiges"),
    ("j'ai fini la quête mais la Monture Loup des glaces je l'ai jamais reçue",
     "Monture Loup des glaces"),
    ("terminei o evento mas o Pet Dragão de gelo eu não recebi", "Pet Dragão de gelo"),
    ("the Frost Wyrm Egg never showed up in my bag", "Frost Wyrm Egg"),
])
def test_a_thing_named_then_not_had_is_the_item(
        games: TriageContext, body: str, value: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert written(games, d).get("item_name") == value


@pytest.mark.parametrize("body", [
    "le Familier je l'ai pas",  # one capitalised common noun
    "mon pote a eu le Familier Dragon des neiges mais moi je l'ai pas",  # not dislocated
])
def test_a_common_noun_or_a_friends_thing_is_no_item_not_had(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert "item_name" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    ("launcher broken, logged in with kira_sun", "kira_sun"),
    ("jeu bloqué, je suis connecté avec jujudu59", "jujudu59"),
    ("o jogo trava quando eu entro com pedrinho_gamer", "pedrinho_gamer"),
    ("런처에서 minsu_d로 로그인하면 튕겨요", "minsu_d"),
])
def test_the_handle_one_logs_in_with_is_the_account(
        games: TriageContext, body: str, value: str) -> None:
    d = decide(on(games, body, form="technical-issues"), games)
    assert written(games, d).get("account_name") == value


@pytest.mark.parametrize("body", [
    "I logged in with Google and it crashed",  # a provider
    "I logged in with PS5 controller",  # a console
    "logged in with my email and nothing",
    "logado com Xbox360",
    "logged in as admin and it worked",  # a word
    "I sign in with Steam_Deck",  # a product's capitalised words
])
def test_a_provider_a_device_or_a_word_logged_in_with_is_no_account(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="technical-issues"), games)
    assert "account_name" not in written(games, d)
