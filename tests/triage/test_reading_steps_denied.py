"""A step the requester says they did not take ("I haven't tried another browser", "je
n'ai pas encore vidé le cache", "não tentei outro navegador", "다른 걸로는 못 해봤어요")
is no step taken, in en, fr, ko and pt-br, nor one the denial reaches through "or" ("haven't
cleared the cache or reinstalled"): ``steps_taken`` stays to be asked. A step taken beside
one denied ("clicked Export but haven't reinstalled") is still the steps; a remedy tried
(a cache cleared) is none, taken or denied: the field is the path to the problem. Through
the pure core, on the ad-network workspace's ``steps_taken``."""

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
    # a path act denied, read when taken ("I clicked Export", test below)
    ("The graph is blank. I haven't clicked Export yet.", "en"),
    ("The graph is blank. Haven't clicked Export or changed the filter.", "en"),
    ("Le graphique est vide. Je n'ai pas encore cliqué sur Exporter.", "fr"),
    ("그래프가 안 나와요. 내보내기 버튼은 안 눌렀어요.", "ko"),
    ("O gráfico não aparece. Ainda não cliquei em Exportar.", "pt-br"),
])
def test_a_step_denied_is_no_step(ads: TriageContext, text: str, locale: str) -> None:
    assert steps(ads, [text], locale) is None


@pytest.mark.parametrize(("text", "locale", "part"), [
    ("The graph is blank. I clicked Export but haven't reinstalled.", "en", "clicked Export"),
    ("The graph is blank. I haven't reinstalled, but I clicked Export.", "en",
     "clicked Export"),
    ("Le graphique est vide. J'ai cliqué sur Exporter, rien.", "fr", "cliqué sur Exporter"),
    ("Le graphique est vide. Je n'ai rien pu faire d'autre mais j'ai cliqué sur Exporter.",
     "fr", "cliqué sur Exporter"),
    ("내보내기 버튼은 눌렀어요. 앱이 멈춰요.", "ko", "눌렀"),
    ("재설치는 안 해봤고 내보내기 버튼은 눌렀어요.", "ko", "눌렀"),
    ("O gráfico não aparece. Já cliquei em Exportar e nada.", "pt-br", "cliquei em Exportar"),
    ("O gráfico não aparece. Não reinstalei. Já cliquei em Exportar e nada.", "pt-br",
     "cliquei em Exportar"),
])
def test_a_step_beside_a_denied_one_is_read(ads: TriageContext, text: str, locale: str,
                                            part: str) -> None:
    value = steps(ads, [text], locale)
    assert value is not None and part in value
