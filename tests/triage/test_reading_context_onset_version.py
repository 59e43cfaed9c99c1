"""A release that only dates the problem is context even with its version between ("started
after the 5.2 hotfix", "depuis le 5.2 patch", "depois da 5.2 atualização", "5.2 핫픽스
이후"), in en, fr, ko and pt-br: what happens is the problem (a crash to the desktop). A patch
that itself fails stays patching. Through the pure core, on the game-publisher example's
technical-issues form."""

from __future__ import annotations

import pytest
from test_reading import on, written

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize(("body", "locale", "value"), [
    ("Every single time I teleport into Tempest Bay the client just disappears, no error box, "
     "straight back to the desktop. Started after the 5.2 hotfix I think.", "en", "tech_crash"),
    ("À chaque fois que je me téléporte à Tempest Bay le jeu se ferme d'un coup, retour au "
     "bureau. Ça a commencé depuis le 5.2 patch je crois.", "fr", "tech_crash"),
    ("템페스트 베이로 텔레포트할 때마다 게임이 그냥 꺼지고 바탕화면으로 튕겨요. 5.2 핫픽스 "
     "이후부터 그런 것 같아요.", "ko", "tech_crash"),
    ("Toda vez que teleporto pra Tempest Bay o jogo fecha sozinho e volta pra área de "
     "trabalho. Começou depois da 5.2 atualização, acho.", "pt-br", "tech_crash"),
    # the patch itself fails: patching
    ("The 5.2 hotfix download fails at 40% every time, error 1603.", "en", "tech_patching"),
    ("Le téléchargement du patch 5.2 échoue à chaque fois à 40 %.", "fr", "tech_patching"),
])
def test_a_versioned_release_only_dates_the_problem(games: TriageContext, body: str,
                                                     locale: str, value: str) -> None:
    d = decide(on(games, body, form="technical-issues", locale=locale, subject="help"), games)
    assert written(games, d).get("issue_type") == value
