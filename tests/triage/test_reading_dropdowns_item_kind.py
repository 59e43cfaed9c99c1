"""A grade and a kind of thing ("레전더리 무기", "legendary weapon", "arme légendaire", "arma
lendária") say what class the lost thing is, not its name: the item's name is asked, in
en, fr, ko and pt-br; a name of its own still is one."""

from __future__ import annotations

import pytest
from test_reading import asked, on, written

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize(("body", "locale"), [
    ("캐릭터 MoonDal 로 접속했는데 인벤에 있던 레전더리 무기가 없어졌어요ㅠ", "ko"),
    ("인벤에 있던 전설 무기가 사라졌어요. 캐릭터는 MoonDal", "ko"),
    ("어제 에픽 방어구가 인벤에서 없어졌어요. 캐릭터 MoonDal", "ko"),
    ("유니크 장신구가 인벤토리에서 사라짐. 캐릭터 MoonDal", "ko"),
    ("my legendary weapon disappeared from my inventory, character MoonDal", "en"),
    ("mon arme légendaire a disparu de l'inventaire, perso MoonDal", "fr"),
    ("minha arma lendária sumiu do inventário, personagem MoonDal", "pt-br"),
])
def test_a_grade_and_a_kind_is_no_name(games: TriageContext, body: str, locale: str) -> None:
    d = decide(on(games, body, form="in-game-issues", locale=locale), games)
    assert "item_name" not in written(games, d)
    assert "item_name" in asked(d)


@pytest.mark.parametrize(("body", "locale", "name"), [
    ("인벤에 있던 서리불꽃 검이 없어졌어요. 캐릭터 MoonDal", "ko", "서리불꽃 검"),
    ("my Frostfire Blade disappeared from my inventory, character MoonDal", "en",
     "Frostfire Blade"),
])
def test_a_name_of_its_own_is_read(games: TriageContext, body: str, locale: str,
                                   name: str) -> None:
    d = decide(on(games, body, form="in-game-issues", locale=locale), games)
    assert written(games, d).get("item_name") == name
