"""A terse line that drops the possessive of a field's name (issue 10): "cleric Thessaly on
Wolfsbane.", "prêtresse Ysolde.", "paladino Kaelor no Gelidra." — a name of the field said
as "my cleric", "ma prêtresse", "meu paladino", without its "my" at the start of a
sentence, then a capitalised name ending it (or only a place after it). Through the pure
core, on the game-publisher example workspace, in en, fr and pt-br."""

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
