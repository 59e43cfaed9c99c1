"""The change a problem dates from, one definition (`steps.ONSET`) for the steps and for
the dropdowns: every form the steps reader knows ("after I enabled", "since enabling",
"après avoir activé", "depois de ativar", "…설정한 다음부터는") is a setting's trigger for
`context` too, not the problem; an update stays out of the settings ("depuis que j'ai mis à
jour le jeu" names an update, a kind of problem a form offers). Through the pure core."""

from __future__ import annotations

import pytest
from test_reading import on, written
from triage_support import steps

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize(("body", "locale"), [
    ("After I enabled two-factor authentication the dashboard just keeps spinning on my "
     "laptop. SID 5520871", "en"),
    ("Ever since turning on two-factor authentication my dashboard never finishes loading. "
     "SID 5520871", "en"),
    ("Après avoir activé la double authentification, le tableau de bord tourne dans le vide "
     "sur mon PC. SID 5520871", "fr"),
    ("Depois de ativar a verificação em duas etapas o painel fica carregando infinito. "
     "SID 5520871", "pt-br"),
    ("2단계 인증을 설정한 다음부터는 대시보드가 무한 로딩이에요. SID 5520871", "ko"),
])
def test_every_onset_form_makes_a_setting_the_trigger(
        ads: TriageContext, body: str, locale: str) -> None:
    d = decide(on(ads, body, form="publisher-support", locale=locale), ads)
    assert written(ads, d).get("problem_type") == "pub_technical"


@pytest.mark.parametrize(("texts", "locale", "expected"), [
    (["Depuis que j'ai vérifié mon adresse e-mail, le tableau de bord reste blanc."], "fr",
     "vérifié mon adresse e-mail"),
    (["대시보드 2단계 인증을 변경한 이후로는 리포트가 안 열려요."], "ko", "변경한 이후로는"),
])
def test_the_onset_forms_context_knew_are_steps_too(
        ads: TriageContext, texts: list[str], locale: str, expected: str) -> None:
    found = steps(ads, texts, locale)
    assert found is not None and expected in found


@pytest.mark.parametrize(("texts", "locale"), [
    # someone else's change ("ativou": the support, the site) is no step of the requester's
    (["Desde que ativou a verificação em duas etapas na minha conta o painel não abre."],
     "pt-br"),
    (["Since you updated the dashboard, the links page stays blank."], "en"),
])
def test_someone_elses_change_is_no_step(ads: TriageContext, texts: list[str],
                                         locale: str) -> None:
    assert steps(ads, texts, locale) is None
