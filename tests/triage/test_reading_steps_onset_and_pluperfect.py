"""Steps the problem dates from, and steps told in the pluperfect (issue 10, fresh21): "since
I enabled two-step login, the dashboard spins" names the requester's act the problem
follows, as "when I click …" does, though it names no button; a path told in the
pluperfect ("I had changed my theme, then pasted …", "j'avais d'abord modifié …, puis
cliqué …", "eu tinha mudado … e depois colei …") is still the requester's acts, not what
they have ("I had a blank dashboard"). Through the pure core, on the ad-network
workspace's ``steps_taken``."""

from __future__ import annotations

import pytest
from triage_support import steps

from integrations.triage import TriageContext


@pytest.mark.parametrize(("texts", "locale", "expected", "not_in"), [
    # a change the requester made, the problem dated from it
    (["Ever since I enabled two-factor login the dashboard spins forever on my laptop."],
     "en", "enabled two-factor login", "spins"),
    (["the link page is blank since I updated the plugin on my blog, no error shown."],
     "en", "updated the plugin on my blog", "blank"),
    (["Depuis que j'ai activé la double authentification, le tableau de bord charge à "
      "l'infini."], "fr", "activé la double authentification", "charge"),
    (["Depuis que je suis passé sur Windows 11, les rapports ne s'affichent plus."], "fr",
     "passé sur Windows 11", "rapports"),
    (["Desde que instalei o plugin novo de cache o painel não carrega mais."], "pt-br",
     "instalei o plugin novo de cache", "carrega"),
    (["depois que mudei o tema do blog os banners sumiram"], "pt-br",
     "mudei o tema do blog", "sumiram"),
    (["워드프레스 테마를 변경한 이후로 배너가 안 보여요."], "ko", "테마를 변경한", None),
    (["2단계 인증 켜고 나서부터 대시보드가 계속 로딩만 돼요."], "ko", "2단계 인증 켜고 나서부터",
     None),
    (["Right after installing the new cache plugin, the banners stopped showing."], "en",
     "installing the new cache plugin", "stopped"),
    (["Après avoir mis à jour mon thème, le widget ne s'affiche plus."], "fr",
     "mis à jour mon thème", "widget"),
    (["Depois de ativar o modo escuro do site, os banners ficam pretos."], "pt-br",
     "ativar o modo escuro do site", "pretos"),
    (["어제 플러그인 업데이트한 다음에 글의 링크를 누르면 오류 페이지가 떠요."], "ko",
     "플러그인 업데이트한 다음에 글의 링크를 누르면", None),
])
def test_the_act_a_problem_dates_from(ads: TriageContext, texts: list[str], locale: str,
                                      expected: str, not_in: str | None) -> None:
    found = steps(ads, texts, locale)
    assert found is not None and expected.casefold() in found.casefold()
    assert not_in is None or not_in not in found


@pytest.mark.parametrize(("texts", "locale"), [
    # since the requester joined or has been a member: no act on the product
    (["Since I joined in 2019 I never had a blank dashboard like this."], "en"),
    (["Depuis que je suis inscrit, le tableau de bord n'a jamais été aussi lent."], "fr"),
    (["Desde que entrei no programa nunca vi o painel assim."], "pt-br"),
    # the product changed, not the requester
    (["Since you updated the dashboard the reports page is blank."], "en"),
    (["Depuis que vous avez mis à jour le site, la page des liens est vide."], "fr"),
    (["가입한 이후로 이런 적은 처음이에요."], "ko"),
    (["Since joining the programme I never saw the dashboard this slow."], "en"),
    (["Depois de entrar no programa nunca vi o painel assim."], "pt-br"),
])
def test_no_act_of_the_requesters_to_date_from(ads: TriageContext, texts: list[str],
                                               locale: str) -> None:
    assert steps(ads, texts, locale) is None


@pytest.mark.parametrize(("texts", "locale", "expected", "not_in"), [
    (["Before this started I had changed my site's theme, then pasted the banner code "
      "into the footer."], "en",
     "changed my site's theme, then pasted the banner code into the footer", None),
    (["J'avais d'abord modifié la langue dans les paramètres, puis cliqué sur Rapports, et "
      "là j'ai une erreur rouge."], "fr",
     "modifié la langue dans les paramètres, puis cliqué sur Rapports", None),
    (["Eu tinha mudado o tema do site e depois colei o código do banner, aí aparece uma "
      "página em branco."], "pt-br",
     "mudado o tema do site e depois colei o código do banner", None),
])
def test_a_path_in_the_pluperfect(ads: TriageContext, texts: list[str], locale: str,
                                  expected: str, not_in: str | None) -> None:
    found = steps(ads, texts, locale)
    assert found is not None and expected.casefold() in found.casefold()
    assert not_in is None or not_in not in found


@pytest.mark.parametrize(("texts", "locale"), [
    # what the requester had, no act
    (["I had a blank dashboard last week, then it came back by itself."], "en"),
    (["J'avais un souci d'affichage, puis ça s'est réglé tout seul."], "fr"),
    (["Eu tinha um problema no painel e depois voltou sozinho."], "pt-br"),
])
def test_what_the_requester_had_is_no_step(ads: TriageContext, texts: list[str],
                                           locale: str) -> None:
    assert steps(ads, texts, locale) is None


@pytest.mark.parametrize(("texts", "locale"), [
    # a cue inside "when …" that names no button or page: the time of the problem, as a
    # "when I …" clause is (`clauses._when_clause`), not steps an agent can follow
    (["Depuis hier quand je me connecte le tableau de bord reste tout blanc."], "fr"),
    (["since monday when I log in my dashboard is totally empty, no links at all"], "en"),
    (["quando eu faço login o painel fica vazio, sem nenhum link"], "pt-br"),
])
def test_a_cue_in_a_when_clause_needs_a_target(ads: TriageContext, texts: list[str],
                                               locale: str) -> None:
    assert steps(ads, texts, locale) is None


@pytest.mark.parametrize(("texts", "locale", "expected"), [
    (["when I log in through the Partner Hub page it loops back to the login form"], "en",
     "log in through the Partner Hub page"),
    (["quand je me connecte depuis « Espace éditeur » la page tourne sans fin"], "fr",
     "je me connecte depuis « Espace éditeur »"),
])
def test_a_cue_in_a_when_clause_with_a_target_is_read(ads: TriageContext, texts: list[str],
                                                      locale: str, expected: str) -> None:
    found = steps(ads, texts, locale)
    assert found is not None and expected.casefold() in found.casefold()


@pytest.mark.parametrize(("texts", "locale", "expected"), [
    # the one change the requester owns up to, told as "all I did was …"
    (["The banner went blank overnight. The only thing I changed was the cookie consent "
      "plugin."], "en", "the cookie consent plugin"),
    (["All I did was move the widget to the footer and now it's an empty box."], "en",
     "move the widget to the footer"),
    (["Le widget est vide. La seule chose que j'ai changée, c'est le thème du blog."], "fr",
     "le thème du blog"),
    (["Tout ce que j'ai fait, c'est déplacer le widget dans le pied de page."], "fr",
     "déplacer le widget dans le pied de page"),
    (["O banner sumiu. A única coisa que mudei foi o plugin de cookies."], "pt-br",
     "o plugin de cookies"),
    (["Tudo o que eu fiz foi mudar o widget para o rodapé."], "pt-br",
     "mudar o widget para o rodapé"),
    (["배너가 안 보여요. 최근에 워드프레스 테마 바꾼 거밖에 없어요."], "ko", "테마 바꾼"),
])
def test_the_one_change_owned_up_to(ads: TriageContext, texts: list[str], locale: str,
                                    expected: str) -> None:
    found = steps(ads, texts, locale)
    assert found is not None and expected.casefold() in found.casefold()
