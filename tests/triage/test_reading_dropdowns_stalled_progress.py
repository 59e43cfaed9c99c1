"""A stop said of another option's thing at a point of its progress: "업데이트가 99%에서
멈춤", "the update freezes at 99%", "la mise à jour bloque à 97 %", "a atualização trava em
99%", "설치 단계에서만 멈춰요": the update stalls, the game does not crash; the stop is what the
update does, its words say what the ticket is about. In en, fr, ko and pt-br, with a game's
own freeze kept."""

from __future__ import annotations

import pytest
from test_reading import on, written

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize(("subject", "body", "locale"), [
    ("업데이트가 99%에서 멈춤", "PC에서 업데이트 받는데 99%에서 몇 시간째 그대로예요. "
     "패치 파일은 다 받았는데 설치 단계에서만 멈춰요.", "ko"),
    ("update freezes at 99%", "The new patch downloads fine, then the update freezes at 99% "
     "every time. Rebooted twice.", "en"),
    ("mise à jour bloquée", "Le patch se télécharge, puis la mise à jour bloque à 97 % à "
     "chaque fois. J'ai redémarré deux fois.", "fr"),
    ("atualização travada", "O patch baixa normal, mas a atualização trava em 99% toda vez. "
     "Já reiniciei duas vezes.", "pt-br"),
])
def test_an_update_stalled_at_its_progress_is_patching(games: TriageContext, subject: str,
                                                      body: str, locale: str) -> None:
    d = decide(on(games, body, subject=subject, form="technical-issues", locale=locale),
               games)
    assert written(games, d).get("issue_type") == "tech_patching"


@pytest.mark.parametrize(("body", "locale"), [
    # the game freezes, no progress of an update: the freeze is the problem
    ("After the update the game freezes in every raid, the screen just stops and I have to "
     "kill it.", "en"),
    ("업데이트 이후로 레이드만 들어가면 게임이 멈춰요. 강제 종료해야 돼요.", "ko"),
])
def test_the_game_freezing_is_no_stalled_update(games: TriageContext, body: str,
                                               locale: str) -> None:
    d = decide(on(games, body, form="technical-issues", locale=locale), games)
    assert written(games, d).get("issue_type") != "tech_patching"
