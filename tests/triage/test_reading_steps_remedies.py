"""Steps told apart from symptoms and remedies (issue 10, fresh18/fresh19): the words of a
step may tell what the product does ("the page keeps reloading", "페이지가 계속 새로고침
돼요", "la page s'est rechargée toute seule"), and a cue's clause may run on into the
result ("after I log in the dashboard is blank"); a path of acts whose middle act is a verb
the act list lacks ("je vais dans Rapports, je filtre sur … et je clique sur …") is still
the steps; a remedy tried after the problem appeared ("j'ai déjà vidé le cache", "already
cleared my cookies", "새로고침 해봤는데") is no step, alone or beside the path: the field
means the path to the problem. Through the pure core, on the ad-network workspace's
``steps_taken``."""

from __future__ import annotations

import pytest
from triage_support import steps

from integrations.triage import TriageContext


@pytest.mark.parametrize(("texts", "locale"), [
    # the product does it: Korean "되다" after the act's noun
    (["웨일 브라우저로 대시보드 열면 페이지가 계속 새로고침 돼요."], "ko"),
    (["리포트 화면이 혼자 새로고침되고 로그인 창으로 돌아가요."], "ko"),
    (["앱이 갑자기 재시작돼요. 아이폰 15 씁니다."], "ko"),
    # a third-person subject before the act's participle
    (["The report page reloaded by itself twice and lost my filters."], "en"),
    (["my laptop restarted in the middle of the upload, now the file is gone"], "en"),
    (["La page s'est rechargée toute seule et mes filtres ont disparu."], "fr"),
    (["le tableau de bord a redémarré pendant l'export, plus rien ne s'affiche"], "fr"),
    # the product asks it, or the requester asks about it
    (["접속할 때마다 다시 로그인하라고 나와요."], "ko"),
    (["앱을 재설치 해야 하나요? 계속 멈춰요."], "ko"),
    # the requester undergoes it
    (["I keep getting logged out of the dashboard every five minutes."], "en"),
    (["Je suis déconnectée du tableau de bord toutes les cinq minutes."], "fr"),
    # a Korean cue's noun alone names the problem
    (["로그인 화면 무한 새로고침", "사파리에서 접속하면 이래요"], "ko"),
    # a concession is background, not the path to the problem
    (["every export gives me 'Session expired' even though I just logged in."], "en"),
    (["l'export échoue à chaque fois alors que j'ai rechargé la page avant."], "fr"),
    (["o relatório não abre, embora eu já tenha reiniciado o navegador."], "pt-br"),
])
def test_what_the_product_does_is_no_step(ads: TriageContext, texts: list[str],
                                          locale: str) -> None:
    assert steps(ads, texts, locale) is None


@pytest.mark.parametrize(("texts", "locale", "expected", "not_in"), [
    # the cue's clause ends where a new subject's state starts
    (["after I log in the home page is completely empty. no error",
      "sorry: Firefox on Ubuntu. I only logged in from my saved link and it turned grey."],
     "en", "logged in from my saved link", "grey"),
    (["I clicked Download invoice and the tab goes white, no message."], "en",
     "clicked Download invoice", "white"),
    (["J'ai cliqué sur Télécharger la facture et la page devient blanche."], "fr",
     "cliqué sur Télécharger la facture", "blanche"),
    (["Cliquei em Baixar fatura e a tela fica branca, sem mensagem."], "pt-br",
     "Cliquei em Baixar fatura", "branca"),
    # an adverb between the requester and the act ("I just", "eu só", "j'ai juste")
    (["Nothing fancy. I just logged in on the mobile site and got a 502."], "en",
     "logged in on the mobile site", None),
])
def test_a_cue_clause_stops_at_the_result(ads: TriageContext, texts: list[str], locale: str,
                                          expected: str, not_in: str | None) -> None:
    found = steps(ads, texts, locale)
    assert found is not None and expected.casefold() in found.casefold()
    assert not_in is None or not_in not in found


@pytest.mark.parametrize(("texts", "locale", "expected"), [
    # a path of acts whose middle verb is not in the act list, then a remedy (no step)
    (["je vais dans Paiements, je trie par date et je clique sur Télécharger, rien ne "
      "vient. déjà essayé de vider le cache."], "fr",
     "je vais dans Paiements, je trie par date et je clique sur Télécharger"),
    (["J'ouvre Liens, je mets l'URL du produit puis je clique sur Générer, page blanche. "
      "J'ai vidé le cache, pareil."], "fr",
     "J'ouvre Liens, je mets l'URL du produit puis je clique sur Générer"),
    (["I open Payments, I sort by amount and I click Download, nothing comes. "
      "Already tried clearing cookies."], "en",
     "I open Payments, I sort by amount and I click Download"),
    (["go to Reports, filter on last week, click Export and it spins. tried another "
      "browser too."], "en", "go to Reports, filter on last week, click Export"),
    (["entro em Pagamentos, filtro por outubro e clico em Baixar, não acontece nada. "
      "já limpei o cache."], "pt-br",
     "entro em Pagamentos, filtro por outubro e clico em Baixar"),
    (["Abri Relatórios, apliquei o filtro de novembro e cliquei em Exportar, deu erro. "
      "Já tentei outro navegador."], "pt-br",
     "Abri Relatórios, apliquei o filtro de novembro e cliquei em Exportar"),
    # a place named alone between two acts is the path's next step
    (["I went to Payments, Invoices, sorted by date and hit Download PDF. Nothing. "
      "I tried Edge too."], "en", "went to Payments, Invoices, sorted by date and hit"),
    (["fui em Pagamentos, Faturas, filtrei por outubro e apertei Baixar, nada. "
      "Já limpei o cache."], "pt-br", "fui em Pagamentos, Faturas, filtrei por outubro"),
    (["Je vais dans Paiements, Factures, je choisis octobre et j'appuie sur Télécharger. "
      "J'ai vidé le cache."], "fr", "Je vais dans Paiements, Factures, je choisis octobre"),
])
def test_a_path_of_acts_comes_before_a_remedy(ads: TriageContext, texts: list[str],
                                              locale: str, expected: str) -> None:
    found = steps(ads, texts, locale)
    assert found is not None and expected.casefold() in found.casefold()


@pytest.mark.parametrize(("texts", "locale"), [
    # a remedy tried after the problem appeared is no path to it: nothing read, asked
    (["o painel trava desde ontem. já limpei o cache."], "pt-br"),
    (["Le tableau de bord reste blanc. J'ai déjà vidé le cache."], "fr"),
    (["캐시 지우고 다시 로그인해 봤는데 똑같아요."], "ko"),
    (["dashboard stays blank. I already cleared my cookies."], "en"),
    # a refresh or a restart tried afterwards is none either
    (["새로고침 해봤는데 그대로예요."], "ko"),
    (["대시보드가 안 열려요, 브라우저 재시작 후에도 똑같아요."], "ko"),
])
def test_a_remedy_alone_is_not_read(ads: TriageContext, texts: list[str], locale: str) -> None:
    assert steps(ads, texts, locale) is None


@pytest.mark.parametrize(("texts", "locale"), [
    # a state between two acts is no bridge: "I am", "je suis", a wish
    (["I open Reports, I want to export November and I click nothing else."], "en"),
    (["je vais dans Rapports, je voudrais exporter et je ne clique nulle part."], "fr"),
    # "applied for" a programme is no act on the product
    (["I applied to the Sephora programme, filled in the form and never heard back "
      "about the export."], "en"),
])
def test_no_bridge_over_a_wish(ads: TriageContext, texts: list[str], locale: str) -> None:
    found = steps(ads, texts, locale)
    assert found is None or "export" not in found.casefold()


@pytest.mark.parametrize(("texts", "locale", "expected", "not_in"), [
    # what the requester uses, before the act, is no step
    (["je suis sous Ubuntu avec Firefox, j'ai cliqué sur Exporter, rien à faire."], "fr",
     "cliqué sur Exporter", "Ubuntu"),
    (["I'm on Chrome, I clicked Generate Link and nothing happens."], "en",
     "clicked Generate Link", "Chrome"),
    (["J'utilise Edge sous Windows 11, j'ai juste ouvert Rapports et cliqué sur Exporter."],
     "fr", "ouvert Rapports et cliqué sur Exporter", "Edge"),
    # the reflexive act is the requester's
    (["Sous Safari, je me suis connecté puis j'ai cliqué sur Exporter, page blanche."], "fr",
     "je me suis connecté puis j'ai cliqué sur Exporter", "Safari"),
])
def test_what_the_requester_uses_is_no_step(ads: TriageContext, texts: list[str],
                                            locale: str, expected: str, not_in: str) -> None:
    found = steps(ads, texts, locale)
    assert found is not None and expected.casefold() in found.casefold()
    assert not_in not in found
