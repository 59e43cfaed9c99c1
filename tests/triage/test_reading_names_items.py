"""Names and items inside sentences (issue 10, pass 10c): the server one plays on after a
lone preposition ("on Kyprosa", "sur Kyrios", "no Gelidra"), a name's capitalised run
that stops at the first-person "I". Through the pure core, on the example workspaces, in
en, fr, ko and pt-br, with what must not be read."""

from __future__ import annotations

import pytest
from test_reading import on, written

from integrations.triage import TriageContext, decide


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
