"""A check the requester already ran ("Already did a file check in the launcher", "I've
already done an integrity scan", "j'ai déjà fait une vérification des fichiers", "já fiz a
verificação dos arquivos", "파일 검사도 해봤어요") is a remedy tried, no evidence of what is
wrong, in en, fr, ko and pt-br: the crash it was tried for is written. A check that is itself
the problem ("the file check freezes at 80%") stays patching. Through the pure core, on the
game-publisher example's technical-issues form."""

from __future__ import annotations

import pytest
from test_reading import on, written

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize(("body", "locale", "value"), [
    ("Every time I teleport into Tempest Bay the client disappears, straight back to the "
     "desktop. Already did a file check in the launcher.", "en", "tech_crash"),
    ("The game crashes to desktop in Tempest Bay. I've already done an integrity scan.", "en",
     "tech_crash"),
    ("Le jeu crashe et me renvoie au bureau à chaque téléportation. J'ai déjà fait une "
     "vérification des fichiers.", "fr", "tech_crash"),
    ("O jogo crasha e volta pra área de trabalho toda vez que teleporto. Já fiz a verificação "
     "dos arquivos.", "pt-br", "tech_crash"),
    ("텔레포트할 때마다 게임이 꺼지고 바탕화면으로 튕겨요. 파일 검사도 해봤어요.", "ko",
     "tech_crash"),
    # the check is the problem
    ("The file check in the launcher freezes at 80% every time.", "en", "tech_patching"),
])
def test_a_check_already_run_is_a_remedy(games: TriageContext, body: str, locale: str,
                                         value: str) -> None:
    d = decide(on(games, body, form="technical-issues", locale=locale, subject="help"), games)
    assert written(games, d).get("issue_type") == value
