"""Steps written as a sequence of acts (issue 10, fresh15): "I go to Reports, choose
November, click Export CSV", "J'ouvre Rapports, je choisis la période, je clique sur
Générer", "entro em Relatórios, escolho novembro e clico em Exportar", "리포트 메뉴 들어가서
11월 선택하고 다운로드 클릭했어요": two acts or more on the product, in the present, the past
or bare, are the steps taken, read whole (in Korean the whole "-고/-서" chain, not its last
act). Negatives: one act alone, acts wanted, asked about or impossible, a question, a
chain of states. Through the pure core, on the ad-network workspace's ``steps_taken``."""

from __future__ import annotations

import pytest
from triage_support import steps

from integrations.triage import TriageContext


@pytest.mark.parametrize(("body", "locale", "expected"), [
    # English, with or without "I", present or past, typos and lower case
    ("I go to Reports, choose November, click Export CSV and nothing downloads.", "en",
     "go to Reports, choose November, click Export CSV"),
    ("go to reports, pick last month, hit export. nothing happens", "en",
     "go to reports, pick last month, hit export"),
    ("I open Links, paste the product URL, then press Generate and it spins forever.", "en",
     "open Links, paste the product URL, then press Generate"),
    ("Steps on my side: log in, open Payments, select October, click Download.", "en",
     "log in, open Payments, select October, click Download"),
    ("i login, go to the payments tab and click on history, page goes blank", "en",
     "login, go to the payments tab and click on history"),
    ("First I open the dashboard, then I select the advertiser and click Get Link.", "en",
     "open the dashboard, then I select the advertiser and click Get Link"),
    # French: "je vais dans … puis …", infinitives, no accents
    ("J'ouvre Rapports, je choisis la période, je clique sur Générer et ça tourne.", "fr",
     "J'ouvre Rapports, je choisis la période, je clique sur Générer"),
    ("je vais dans Liens puis je colle l'url et je clique sur Generer, rien ne se passe",
     "fr", "je vais dans Liens puis je colle l'url et je clique sur Generer"),
    ("Je me connecte, je vais sur Paiements, je selectionne octobre et la page plante.",
     "fr", "Je me connecte, je vais sur Paiements, je selectionne octobre"),
    ("Aller dans Rapports, choisir novembre, cliquer sur Exporter : rien.", "fr",
     "Aller dans Rapports, choisir novembre, cliquer sur Exporter"),
    # Portuguese: "entro em … e clico …", without accents
    ("Entro em Relatórios, escolho novembro e clico em Exportar, não baixa nada.", "pt-br",
     "Entro em Relatórios, escolho novembro e clico em Exportar"),
    ("eu abro o painel, vou em links, colo a url e aperto gerar e fica carregando", "pt-br",
     "eu abro o painel, vou em links, colo a url e aperto gerar"),
    ("faco login, seleciono o anunciante e clico em Gerar link. trava", "pt-br",
     "faco login, seleciono o anunciante e clico em Gerar link"),
    ("Acesso o dashboard, entro em Pagamentos e baixo o extrato, dá erro 500.", "pt-br",
     "Acesso o dashboard, entro em Pagamentos e baixo o extrato"),
    # Korean: the whole "-고/-서" chain, not its last act
    ("리포트 메뉴 들어가서 11월 선택하고 다운로드 클릭했어요.", "ko",
     "리포트 메뉴 들어가서 11월 선택하고 다운로드 클릭했어요"),
    ("로그인하고 결제 탭 들어가서 내역 버튼 눌렀어요. 하얀 화면만 나와요.", "ko",
     "로그인하고 결제 탭 들어가서 내역 버튼 눌렀어요"),
    ("대시보드 접속해서 링크 메뉴 열고 URL 입력하고 생성 클릭했는데 멈춰요.", "ko",
     "대시보드 접속해서 링크 메뉴 열고 URL 입력하고 생성 클릭했는데 멈춰요"),
    ("리포트 들어가서 기간 선택하고 다운로드 누르면 오류 나요.", "ko",
     "리포트 들어가서 기간 선택하고 다운로드 누르면"),
])
def test_a_sequence_of_acts_is_the_steps(ads: TriageContext, body: str, locale: str,
                                         expected: str) -> None:
    found = steps(ads, [body], locale)
    assert found is not None and expected.casefold() in found.casefold()


@pytest.mark.parametrize(("body", "locale"), [
    # one act alone, a wish, a question, what cannot be done
    ("I want to go to Reports and download the November CSV.", "en"),
    ("How do I go to Reports and export a CSV?", "en"),
    ("I can't open Reports or click Export at all.", "en"),
    ("Je voudrais aller dans Rapports et télécharger le CSV.", "fr"),
    ("Comment je fais pour aller dans Rapports et exporter ?", "fr"),
    ("Quero entrar em Relatórios e baixar o CSV de novembro.", "pt-br"),
    ("Não consigo abrir Relatórios nem clicar em Exportar.", "pt-br"),
    ("리포트 들어가서 다운로드하고 싶은데 어디서 하나요?", "ko"),
    # states chained, no act: "크롬 쓰고 있고", "맥북이고"
    ("크롬 쓰고 있고 맥북이고 윈도우는 없어요.", "ko"),
    # the product's or another person's acts
    ("The page opens, loads for a minute and shows a blank screen.", "en"),
])
def test_no_sequence_of_acts_names_no_steps(ads: TriageContext, body: str,
                                            locale: str) -> None:
    assert steps(ads, [body], locale) is None
