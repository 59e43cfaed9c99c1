"""A Korean phrase that goes on past a shorter one of the same option ("다운로드가 멈" over
"다운로드", "업데이트가 멈" over "업데이트") is found whole, so the verb it holds ("멈춰요")
is no second option's word ("멈춰": a crash): "다운로드가 멈춰요" is a patch that stalls.
Korean only: the word-by-word pass finds Latin phrases whole already. What stops by itself
(the game, the screen) stays a crash. Through the pure core, on the game-publisher example's
technical-issues form."""

from __future__ import annotations

import pytest
from test_reading import on, written

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize(("body", "value"), [
    ("PS5에서 1.0.84 패치 받다가 계속 CE-34878-0 에러 뜨면서 다운로드가 멈춰요. 용량도 200GB "
     "넘게 남아 있어요.", "tech_patching"),
    ("어제부터 업데이트가 멈췄어요. 다시 시작해도 똑같아요.", "tech_patching"),
    ("1.2 패치가 멈춰요. 몇 번을 해도 그래요.", "tech_patching"),
    # what stops by itself is a crash
    ("던전 들어가면 게임이 멈춰요. 매번 그래요.", "tech_crash"),
    ("보스전에서 화면이 멈췄어요. 소리만 나와요.", "tech_crash"),
])
def test_a_longer_korean_phrase_is_found_whole(games: TriageContext, body: str,
                                               value: str) -> None:
    d = decide(on(games, body, form="technical-issues", locale="ko"), games)
    assert written(games, d).get("issue_type") == value
