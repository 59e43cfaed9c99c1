"""Terse names (issue 10): a line that drops the possessive of a field's name ("cleric
Thessaly on Wolfsbane.", "prêtresse Ysolde.", "paladino Kaelor no Gelidra." for "my
cleric", "ma prêtresse", "meu paladino"), and a place's lone preposition before a word
the languages know but seldom use ("on Kraken"). Through the pure core, on the
game-publisher example workspace, in en, fr and pt-br."""

from __future__ import annotations

import pytest
from test_reading import asked, on, written

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize(("body", "value"), [
    ("cant turn in the quest, npc has no icon, relogged twice. cleric Thessaly on Wolfsbane. "
     "pls", "Thessaly"),
    ("quest reward never showed up after the cutscene.\nranger Maelis", "Maelis"),
    ("la quête ne se valide pas malgré les 10 objets. prêtresse Ysolde sur Brisesol. merci",
     "Ysolde"),
    ("a missão não completa mesmo com os itens. paladino Kaelor no Gelidra.", "Kaelor"),
])
def test_a_terse_line_names_the_requesters_character_without_its_possessive(
        games: TriageContext, body: str, value: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert written(games, d).get("character_name") == value
    assert "character_name" not in asked(d)


@pytest.mark.parametrize("body", [
    "Mage Tower is bugged, the boss does not spawn.",
    "talk to the priest Aldric, he never gives the quest.",
    "Ranger Station quest is broken since the patch.",
    "le prêtre Aldric ne donne plus la quête.",
    "Paladino Lendário é o nome da missão que não completa.",
])
def test_a_class_word_before_a_capitalised_word_elsewhere_names_no_character(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert "character_name" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    ("Last night around 9pm on Kraken a player named Grubnakk kept following me around.",
     "Kraken"),
    ("hier soir sur Kraken un joueur nommé Grubnakk m'a suivi partout.", "Kraken"),
    ("ontem à noite no Kraken um jogador chamado Grubnakk ficou me seguindo.", "Kraken"),
])
def test_a_rare_word_after_a_places_preposition_names_the_server(
        games: TriageContext, body: str, value: str) -> None:
    """After "on", "sur", "no", a capitalised word the languages know but seldom use
    ("Kraken") names a server as a coined one does; a common word does not."""
    d = decide(on(games, body, form="report-a-player"), games)
    assert written(games, d).get("server") == value


@pytest.mark.parametrize("body", [
    "a player named Grubnakk kept following me on Discord and on Steam.",
    "a player named Grubnakk kept following me on Sunday, all evening.",
    "un joueur nommé Grubnakk m'a suivi sur Mobile toute la soirée.",
])
def test_a_common_word_or_a_service_after_on_names_no_server(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="report-a-player"), games)
    assert "server" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    ("um cara chamado Dravenor me xingou no chat da guild. eu jogo com a Ayla no Gelidra.",
     "Ayla"),
    ("um jogador chamado Dravenor me xingou. jogo com o Kaelor, sou healer.", "Kaelor"),
])
def test_playing_with_a_character_names_the_requesters_one(
        games: TriageContext, body: str, value: str) -> None:
    """"eu jogo com a Ayla": in Brazilian gaming Portuguese, the character one plays."""
    d = decide(on(games, body, form="report-a-player"), games)
    assert written(games, d).get("character_name") == value


@pytest.mark.parametrize("body", [
    "um cara chamado Dravenor me xingou. eu jogo com meu amigo Pedro no Gelidra.",
    "um cara chamado Dravenor me xingou. jogo com o meu primo Caio, ele viu tudo.",
])
def test_playing_with_a_friend_names_no_character(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="report-a-player"), games)
    assert "character_name" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    ("La Pierre d'âme que j'avais ramassée pour la quête a disparu de mon sac après une "
     "déco. perso Ysolde", "Pierre d'âme"),
    ("A Espada de fogo que eu ganhei na missão sumiu do inventário depois do patch. "
     "personagem Kaelor", "Espada de fogo"),
])
def test_a_name_going_on_with_its_de_complement_is_the_thing_left_over(
        games: TriageContext, body: str, value: str) -> None:
    """A capitalised word and its "de" complement ("Pierre d'âme", "Espada de fogo") is one
    name: once the character is read, the item left over."""
    d = decide(on(games, body, form="in-game-issues"), games)
    assert written(games, d).get("item_name") == value


@pytest.mark.parametrize("body", [
    "Merci de votre aide, mon objet a disparu après la déco. perso Ysolde",
    "Bonjour de la part de toute la guilde, un objet a disparu. perso Ysolde",
])
def test_a_greeting_going_on_with_de_names_no_item(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert "item_name" not in written(games, d)
