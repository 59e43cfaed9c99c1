"""A handle in apposition after a field's name, closed by its sentence's end rather than a
second comma ("it's for my own character, GrimOutrider.", "c'est pour mon perso à moi,
GrimOutrider.", "é pro meu próprio personagem, GrimOutrider."), is the field's value, in en,
fr and pt-br (Korean puts the name before its noun or after a topic particle, "제 캐릭은
Dalnim", read already). Only a handle's shape closes that way (an inner capital, a digit, an
underscore): "my character, Thanks." names nothing. Through the pure core, on the
game-publisher example's in-game issues form."""

from __future__ import annotations

import pytest
from test_reading import on, written

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize(("body", "locale", "value"), [
    ("my legendary rifle vanished from my inventory after maintenance. Please give it back, "
     "it was on my own character, GrimOutrider.", "en", "GrimOutrider"),
    ("yo, hier soir après la maintenance mon arme légendaire a disparu de mon inventaire. Mon "
     "frère a eu un bug pareil mais là c'est pour mon perso à moi, GrimOutrider. Vous pouvez "
     "me la rendre svp ?", "fr", "GrimOutrider"),
    ("minha arma lendária sumiu do inventário depois da manutenção. É pro meu personagem, "
     "Grim_Outrider.", "pt-br", "Grim_Outrider"),
    ("아이템이 인벤토리에서 사라졌어요. 제 캐릭은 Dalnim 이에요.", "ko", "Dalnim"),
])
def test_a_handle_closed_by_the_sentence_end_is_read(games: TriageContext, body: str,
                                                     locale: str, value: str) -> None:
    d = decide(on(games, body, form="in-game-issues", locale=locale), games)
    assert written(games, d).get("character_name") == value


@pytest.mark.parametrize(("body", "locale"), [
    ("my rifle vanished after maintenance, please check my character, Thanks.", "en"),
    ("mon arme a disparu après la maintenance, vérifiez mon perso, Merci.", "fr"),
])
def test_a_word_closed_by_the_sentence_end_is_no_name(games: TriageContext, body: str,
                                                      locale: str) -> None:
    d = decide(on(games, body, form="in-game-issues", locale=locale), games)
    assert written(games, d).get("character_name") is None
