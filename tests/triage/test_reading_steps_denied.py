"""A step the requester says they did not take ("I haven't tried another browser", "je
n'ai pas encore vidé le cache", "não tentei outro navegador", "다른 걸로는 못 해봤어요")
is no step taken, in en, fr, ko and pt-br, nor one the denial reaches through "or" ("haven't
cleared the cache or reinstalled"): ``steps_taken`` stays to be asked. A step taken beside
one denied ("cleared the cache but haven't reinstalled") is still the steps. Through the pure
core, on the ad-network workspace's ``steps_taken``."""

from __future__ import annotations

import pytest
from triage_support import steps

from integrations.triage import TriageContext


@pytest.mark.parametrize(("text", "locale"), [
    ("The graph is blank in Safari. I haven't tried another browser yet.", "en"),
    ("The graph is blank. I have not tried anything else.", "en"),
    ("The graph is blank. Haven't cleared the cache or reinstalled.", "en"),
    ("The graph is blank, never tried another browser.", "en"),
    ("Le graphique est vide. Je n'ai pas essayé un autre navigateur.", "fr"),
    ("Le graphique est vide. Je n'ai pas encore vidé le cache.", "fr"),
    ("Le graphique est vide, j'ai jamais réinstallé quoi que ce soit.", "fr"),
    ("사파리에서 대시보드가 안 보여요. 크롬은 안 깔려 있어서 다른 걸로는 못 해봤어요.", "ko"),
    ("다른 브라우저로는 아직 안 해봤어요. 그래프가 안 나와요.", "ko"),
    ("재설치는 안 해봤어요. 앱이 멈춰요.", "ko"),
    ("그래프가 안 나와요. 캐시는 안 지웠어요.", "ko"),
    ("O gráfico não aparece. Não tentei outro navegador.", "pt-br"),
    ("O gráfico não aparece. Ainda não limpei o cache.", "pt-br"),
    ("O gráfico não aparece, nunca reinstalei nada.", "pt-br"),
])
def test_a_step_denied_is_no_step(ads: TriageContext, text: str, locale: str) -> None:
    assert steps(ads, [text], locale) is None


@pytest.mark.parametrize(("text", "locale", "part"), [
    ("The graph is blank. I cleared the cache but haven't reinstalled.", "en", "cleared"),
    ("The graph is blank. I haven't reinstalled, but I cleared the cache.", "en", "cleared"),
    ("Le graphique est vide. J'ai vidé le cache, rien.", "fr", "vidé"),
    ("Le graphique est vide. Je n'ai rien pu faire d'autre mais j'ai vidé le cache.", "fr",
     "vidé"),
    ("캐시 삭제는 해봤어요. 앱이 멈춰요.", "ko", "해봤"),
    ("재설치는 안 해봤고 캐시는 지웠어요.", "ko", "지웠"),
    ("O gráfico não aparece. Já limpei o cache e nada.", "pt-br", "limpei"),
    ("O gráfico não aparece. Não reinstalei. Já limpei o cache e nada.", "pt-br", "limpei"),
])
def test_a_step_beside_a_denied_one_is_read(ads: TriageContext, text: str, locale: str,
                                            part: str) -> None:
    value = steps(ads, [text], locale)
    assert value is not None and part in value
