"""A thing the requester says they do not have installed ("Chrome isn't installed", "Chrome
n'est pas installé", "o Chrome não está instalado", "크롬은 안 깔려 있어서") is none of
theirs, in en, fr, ko and pt-br: the browser they do use is written, not a question offering
both. One installed, or the only one named, stays what it is. Through the pure core, on the
ad-network example."""

from __future__ import annotations

import pytest
from test_reading import on, written

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize(("body", "locale", "value"), [
    ("When I open the dashboard in Safari the graphs are blank. Chrome isn't installed so I "
     "couldn't compare. macOS 14, SID 4410298", "en", "browser_safari"),
    ("Quand j'ouvre le tableau de bord dans Safari les graphiques sont vides. Chrome n'est pas "
     "installé, je n'ai pas pu comparer. macOS 14, SID 4410298", "fr", "browser_safari"),
    ("사파리에서 대시보드 열면 그래프가 하나도 안 보이고 빈 칸만 있어요. 맥 (macOS 14) 쓰고 "
     "있어요. 크롬은 안 깔려 있어서 다른 걸로는 못 해봤어요. SID 4410298", "ko", "browser_safari"),
    ("사파리에서 대시보드 그래프가 안 보여요. 크롬은 설치가 안 돼 있어요. SID 4410298", "ko",
     "browser_safari"),
    ("Quando abro o painel no Safari os gráficos ficam vazios. O Chrome não está instalado, "
     "então não deu pra comparar. macOS 14, SID 4410298", "pt-br", "browser_safari"),
    # installed, or the only one named: stays
    ("The dashboard graphs are blank in Chrome, installed last week. SID 4410298", "en",
     "browser_chrome"),
    ("Les graphiques du tableau de bord sont vides dans Chrome. SID 4410298", "fr",
     "browser_chrome"),
    ("Os gráficos do painel ficam vazios no Chrome, que instalei ontem. SID 4410298", "pt-br",
     "browser_chrome"),
    ("크롬 새로 깔았는데 대시보드 그래프가 안 보여요. SID 4410298", "ko", "browser_chrome"),
])
def test_a_browser_not_installed_is_none_of_theirs(ads: TriageContext, body: str, locale: str,
                                                   value: str) -> None:
    d = decide(on(ads, body, subject="graphs blank", locale=locale), ads)
    assert written(ads, d).get("browser") == value
