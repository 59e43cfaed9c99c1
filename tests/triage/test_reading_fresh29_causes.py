"""Causes of misreads found on the fresh29 split, each fixed as a general rule and tested
here in sentences of our own, in the languages it touches: a cue that names only the time
before the problem ("before that", "avant ça", "antes disso", "그 전에는") followed by how
things were is no step taken."""

from __future__ import annotations

from typing import Any

import pytest
from test_reading import asked, on, written

from integrations.triage import TriageContext, decide


def _read(ctx: TriageContext, body: str, form: str, locale: str, subject: str = "Help",
          **fields: Any) -> tuple[dict[str, Any], list[str]]:
    d = decide(on(ctx, body, form=form, locale=locale, subject=subject, **fields), ctx)
    return written(ctx, d), asked(d)


# ------------------------------------------------------------------ a time, not a step


@pytest.mark.parametrize(("body", "locale"), [
    ("My reports froze on the 3rd. Before that it was fine for two years. SID 5512345", "en"),
    ("Before that, I was making about 50 dollars a day. Now the dashboard is blank. "
     "SID 5512345", "en"),
    ("Mes rapports sont figés depuis le 3. Avant ça tout marchait très bien. SID 5512345",
     "fr"),
    ("O painel trava desde o dia 3. Antes disso era normal, abria rapidinho. SID 5512345",
     "pt-br"),
    ("3일부터 대시보드가 안 열려요. 그 전에는 잘 열렸어요. SID 5512345", "ko"),
])
def test_how_things_were_before_is_no_step(ads: TriageContext, body: str,
                                           locale: str) -> None:
    got, missing = _read(ads, body, "publisher-support", locale,
                         problem_type="pub_technical")
    assert "steps_taken" not in got
    assert "steps_taken" in missing


@pytest.mark.parametrize(("body", "locale", "value"), [
    ("The dashboard is blank. Before that I cleared the cache and logged in again. "
     "SID 5512345", "en", "Before that I cleared the cache and logged in again"),
    ("Le tableau est vide. Avant ça, j'ai vidé le cache. SID 5512345", "fr",
     "Avant ça, j'ai vidé le cache"),
    ("O painel está vazio. Antes disso eu reinstalei o navegador. SID 5512345", "pt-br",
     "Antes disso eu reinstalei o navegador"),
    ("대시보드가 비어 있어요. 그 전에 캐시 삭제하고 다시 로그인했어요. SID 5512345", "ko",
     "그 전에 캐시 삭제하고 다시 로그인했어요"),
])
def test_an_act_after_the_time_is_still_a_step(ads: TriageContext, body: str, locale: str,
                                                value: str) -> None:
    got, _ = _read(ads, body, "publisher-support", locale, problem_type="pub_technical")
    assert got.get("steps_taken") == value
