"""Steps and dates by construction, not by phrase (issue 10, session 10s), in en, fr, ko
and pt-br, through the pure core on the example workspaces.

Steps: what the requester did before the problem (the narrative: "when I click Get Link
…", "je clique sur Rapports puis sur Performance") is the steps; a remedy tried after the
problem ("I already cleared the cache") is none, after the path or alone; a clause whose
verb is left out ("… puis sur Performance", "… and my password") continues the act before
it; "just", "only", "só", "juste" before an act and verbs of changing a setting
("changed the filter", "mudei o filtro", "기간을 7일로 바꾸면") are acts too. Dates: a
retry's date ("tried again today") is not the problem's when the text dates the problem
otherwise; "dia 25 e …", "le 20 et …" date a day. The sentences are new: none is a
corpus ticket."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from triage_support import REQUESTER, ticket

from integrations.model import TicketComment
from integrations.triage import TriageContext, decide
from integrations.triage.reading import compile_reading, read

#: A Wednesday, as the corpus: relative dates resolve against it.
CREATED = datetime(2026, 12, 2, 14, 40, tzinfo=UTC)


def value(ctx: TriageContext, key: str, texts: list[str], locale: str) -> str | None:
    """What the reading gives ``key`` from ``texts`` (newest first)."""
    reader = compile_reading({key: ctx.workspace.fields[key]})
    found = read(reader, key, [(f"comment:{i}", t) for i, t in enumerate(texts)], locale,
                 CREATED, "UTC")
    return found.value if found is not None else None


# ------------------------------------------------- steps: the narrative before a remedy


@pytest.mark.parametrize(("body", "locale", "expected"), [
    ("When I log in and click Get Link on an advertiser page nothing happens. I already "
     "cleared the cache, same thing.", "en", "log in and click Get Link"),
    ("Quand je me connecte et je clique sur « Générer le lien », la page se fige. J'ai déjà "
     "vidé le cache, rien à faire.", "fr", "je me connecte et je clique sur « Générer le lien »"),
    ("Quando faço login e clico em Gerar Link aparece erro 500. Já limpei o cache e nada.",
     "pt-br", "faço login e clico em Gerar Link"),
    ("크롬 쓰고 있는데요, 로그인하고 리포트 메뉴 누르면 하얀 화면만 나와요. 캐시 삭제도 "
     "해봤는데 똑같아요.", "ko", "로그인하고 리포트 메뉴 누르면"),
    ("윈도우 11인데 링크 탭 들어가서 생성 버튼 누르면 멈춰요. 쿠키 지워봤어요.", "ko",
     "링크 탭 들어가서 생성 버튼 누르면"),
])
def test_the_act_before_the_problem_is_the_steps_not_the_remedy(
        ads: TriageContext, body: str, locale: str, expected: str) -> None:
    found = value(ads, "steps_taken", [body], locale)
    assert found is not None and expected.casefold() in found.casefold()


@pytest.mark.parametrize(("body", "locale"), [
    # a remedy alone is no path to the problem: nothing read, the steps are asked
    ("The stats page is blank. Chrome on Windows 11, I already cleared the cache.", "en"),
    ("La page reste blanche. Firefox sous Ubuntu, j'ai déjà vidé le cache.", "fr"),
    ("O painel fica em branco. Uso Chrome no Windows, já limpei o cache.", "pt-br"),
    ("통계 페이지가 하얗게 나와요. 크롬이고 캐시 지웠어요.", "ko"),
])
def test_a_remedy_alone_is_not_read(ads: TriageContext, body: str, locale: str) -> None:
    assert value(ads, "steps_taken", [body], locale) is None


# ------------------------------------------- steps: a clause whose verb is left out


@pytest.mark.parametrize(("body", "locale", "expected"), [
    ("I click on Payments, then on History, and the page stays blank.", "en",
     "click on Payments, then on History"),
    ("Je clique sur Paiements puis sur Historique, la page reste blanche.", "fr",
     "Je clique sur Paiements puis sur Historique"),
    ("Clico em Pagamentos e depois em Histórico, a página fica em branco.", "pt-br",
     "Clico em Pagamentos e depois em Histórico"),
    # the act's second object: "my email and my password"
    ("I type my email and my password, click Sign in, and the captcha comes back.", "en",
     "type my email and my password, click Sign in"),
    ("je saisis mon identifiant et mon mot de passe, je valide, et la page se recharge.",
     "fr", "je saisis mon identifiant et mon mot de passe, je valide"),
    ("digito o email e a senha, clico em Entrar e a página recarrega.", "pt-br",
     "digito o email e a senha, clico em Entrar"),
])
def test_a_clause_without_its_verb_continues_the_act(
        ads: TriageContext, body: str, locale: str, expected: str) -> None:
    found = value(ads, "steps_taken", [body], locale)
    assert found is not None and expected.casefold() in found.casefold()


# ------------------------------------ steps: "just", "só"; verbs of changing a setting


@pytest.mark.parametrize(("body", "locale", "expected"), [
    ("Chrome on iOS 17, just opened the site and logged in, no error shown.", "en",
     "opened the site and logged in"),
    ("Safari sur iOS 17, j'ai juste ouvert le site et cliqué sur Connexion, aucun message.",
     "fr", "ouvert le site et cliqué sur Connexion"),
    ("Safari no iOS 17, só abri o app e fiz login, nenhuma mensagem.", "pt-br",
     "abri o app e fiz login"),
    ("I opened the dashboard and changed the filter to last 7 days, the chart stays empty.",
     "en", "opened the dashboard and changed the filter"),
    ("J'ouvre le tableau de bord et je change le filtre sur 7 jours, le graphique reste vide.",
     "fr", "J'ouvre le tableau de bord et je change le filtre"),
    ("abri o painel e mudei o período pra 'últimos 30 dias', não carrega nada", "pt-br",
     "abri o painel e mudei o período"),
    ("리포트 메뉴 클릭하고 기간을 7일로 바꾸면 403 오류가 떠요.", "ko",
     "리포트 메뉴 클릭하고 기간을 7일로 바꾸면"),
])
def test_just_and_changing_a_setting_are_acts(ads: TriageContext, body: str, locale: str,
                                              expected: str) -> None:
    found = value(ads, "steps_taken", [body], locale)
    assert found is not None and expected.casefold() in found.casefold()


@pytest.mark.parametrize(("body", "locale"), [
    # a place, not an act left out: a comma alone before it
    ("When I open it on Safari the page is blank, on Chrome it works.", "en"),
    ("Quand j'ouvre sur Safari la page est blanche, sur Chrome ça marche.", "fr"),
    ("Quando abro no Safari a página fica branca, no Chrome funciona.", "pt-br"),
    # a state, a wish, the product's acts: no steps
    ("The filter changed and the chart, the table and the totals are empty.", "en"),
    ("Je voudrais juste changer le filtre et cliquer sur Appliquer.", "fr"),
    ("O filtro mudou sozinho e o gráfico some.", "pt-br"),
    ("기간을 바꾸고 싶은데 어디서 하나요?", "ko"),
])
def test_no_act_no_steps(ads: TriageContext, body: str, locale: str) -> None:
    assert value(ads, "steps_taken", [body], locale) is None


# ------------------------- steps: the act a problem follows, in its other grammatical forms


@pytest.mark.parametrize(("body", "locale", "expected"), [
    # "as soon as", "dès que", "assim que", "every time": a "when"
    ("As soon as I click on Reports the page goes white.", "en", "click on Reports"),
    ("Dès que je clique sur Rapports la page devient blanche.", "fr",
     "clique sur Rapports"),
    ("Assim que eu clico em Relatórios a página fica branca.", "pt-br",
     "clico em Relatórios"),
    ("Every time I open Payments it says error 502.", "en", "open Payments"),
    # the act as a gerund or an infinitive
    ("Clicking Export gives me a 500 error.", "en", "Clicking Export"),
    ("En cliquant sur « Exporter », j'obtiens une erreur 500.", "fr",
     "cliquant sur « Exporter »"),
    ("Ao clicar em Exportar aparece erro 500.", "pt-br", "clicar em Exportar"),
    # Korean: "-니까", a past in "-는데"/"-더니" after a chain of acts
    ("결제 탭 열어서 인보이스 다운로드 클릭하니까 하얀 화면이 떠요.", "ko",
     "결제 탭 열어서 인보이스 다운로드 클릭하니까"),
    ("로그인하고 리포트 들어가서 11월 선택했는데 표가 비어 있어요.", "ko",
     "로그인하고 리포트 들어가서 11월 선택했는데"),
    ("대시보드 들어가서 링크 탭 누르니까 화면이 하얘져요.", "ko",
     "대시보드 들어가서 링크 탭 누르니까"),
])
def test_the_act_a_problem_follows_in_other_forms(
        ads: TriageContext, body: str, locale: str, expected: str) -> None:
    found = value(ads, "steps_taken", [body], locale)
    assert found is not None and expected.casefold() in found.casefold()


@pytest.mark.parametrize(("body", "locale"), [
    # no named target: the product at large, or no act
    ("As soon as I open it everything freezes.", "en"),
    ("Dès que j'ouvre le site ça rame.", "fr"),
    ("Assim que abro o app ele fecha.", "pt-br"),
    ("Clicking around, everything seems slow.", "en"),
    # one Korean act without a chain nor a named target
    ("버튼 누를 때마다 오류가 나요.", "ko"),
    ("로그인했는데 아무것도 안 보여요.", "ko"),
])
def test_no_named_target_no_steps(ads: TriageContext, body: str, locale: str) -> None:
    assert value(ads, "steps_taken", [body], locale) is None


# --------------------------------------------------- steps: a list, one act a line


@pytest.mark.parametrize(("body", "locale", "expected"), [
    ("Hi,\n1. log in\n2. go to Reports\n3. click Export CSV\n=> error 500", "en",
     "log in\n2. go to Reports\n3. click Export CSV"),
    ("Bonjour,\n- je me connecte\n- je vais dans Rapports\n- je clique sur Exporter\n"
     "et là erreur 500", "fr", "je vais dans Rapports\n- je clique sur Exporter"),
    ("Oi,\n1) faço login\n2) vou em Relatórios\n3) clico em Exportar\ne dá erro 500",
     "pt-br", "faço login\n2) vou em Relatórios\n3) clico em Exportar"),
    ("1. 로그인\n2. 리포트 메뉴 클릭\n3. 내보내기 클릭\n그러면 500 에러가 나요", "ko",
     "로그인\n2. 리포트 메뉴 클릭\n3. 내보내기 클릭"),
    # a Korean chain of acts goes on over commas
    ("먼저 로그인하고, 리포트 메뉴로 가서, 내보내기를 누르면 에러가 나요.", "ko",
     "먼저 로그인하고, 리포트 메뉴로 가서, 내보내기를 누르면"),
])
def test_a_list_of_acts_is_the_steps(ads: TriageContext, body: str, locale: str,
                                     expected: str) -> None:
    found = value(ads, "steps_taken", [body], locale)
    assert found is not None and expected.casefold() in found.casefold()


@pytest.mark.parametrize(("body", "locale"), [
    # a list of what the requester uses, or of questions: no acts
    ("My setup:\n- Chrome 120\n- Windows 11\n- fiber connection", "en"),
    ("Deux questions :\n1. pourquoi le paiement est en attente ?\n2. quand sera-t-il "
     "versé ?", "fr"),
    ("Dados:\n- Firefox\n- Ubuntu 22.04", "pt-br"),
    ("환경:\n- 크롬\n- 윈도우 11", "ko"),
])
def test_a_list_of_no_acts_is_no_steps(ads: TriageContext, body: str, locale: str) -> None:
    assert value(ads, "steps_taken", [body], locale) is None


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize(("texts", "locale", "day"), [
    # a retry's date is the retry's: the first try dates the problem
    (["the first time I tried was yesterday evening, tried again today, same message"],
     "en", "2026-12-01"),
    (["La première fois c'était hier soir, j'ai réessayé ce matin, même erreur."], "fr",
     "2026-12-01"),
    (["A primeira vez foi ontem à noite, tentei de novo hoje e deu o mesmo erro."], "pt-br",
     "2026-12-01"),
    (["처음 결제한 건 어제 저녁이었고 오늘 다시 시도해도 똑같아요."], "ko", "2026-12-01"),
    # a retry alone: its date is the only one the text gives
    (["Payment keeps failing, I tried again this morning."], "en", "2026-12-02"),
    (["Le paiement échoue, j'ai réessayé hier soir."], "fr", "2026-12-01"),
    # a check again, the problem still there: later than the problem
    (["Bought it Monday, checked again this morning and it's not there."], "en",
     "2026-11-30"),
    (["Comprei na segunda-feira, conferi de novo hoje e nada."], "pt-br", "2026-11-30"),
    (["It started last Friday and it's still happening today."], "en", "2026-11-27"),
    (["Ça a commencé vendredi dernier et ça continue aujourd'hui."], "fr", "2026-11-27"),
    (["Começou sexta passada e continua até hoje."], "pt-br", "2026-11-27"),
    (["지난 금요일부터 그랬고 오늘도 그래요."], "ko", "2026-11-27"),
    # contacting someone is dated on its own: the e-mail's or the call's date
    (["I bought the pack on the 25th. I already emailed support yesterday, no answer."],
     "en", "2026-11-25"),
    (["J'ai acheté le pack le 25. J'ai déjà écrit au support hier, pas de réponse."], "fr",
     "2026-11-25"),
    (["Comprei o pacote dia 25. Já mandei email pro suporte ontem e nada."], "pt-br",
     "2026-11-25"),
    (["11월 25일에 샀어요. 어제 고객센터에 문의했는데 답이 없어요."], "ko", "2026-11-25"),
    # "called" naming someone is no call
    (["yesterday a player called Dr4gon spammed the chat"], "en", "2026-12-01"),
    # a Portuguese weekday word right after a past act is a day, not an ordinal
    (["comprei sexta e não chegou"], "pt-br", "2026-11-27"),
    (["o jogo travou segunda de manhã"], "pt-br", "2026-11-30"),
    # "dia 25 e …", "le 20 et …": a day of the month
    (["Comprei o pacote dia 20 e até agora nada."], "pt-br", "2026-11-20"),
    (["J'ai acheté le pack le 20 et toujours rien."], "fr", "2026-11-20"),
])
def test_the_problem_s_date(games: TriageContext, texts: list[str], locale: str,
                            day: str) -> None:
    assert value(games, "occurred_on", texts, locale) == day


@pytest.mark.parametrize(("texts", "locale"), [
    # two dates neither of which is a retry: none
    (["It failed yesterday and also on Monday."], "en"),
    # an ordinal: "foi a segunda vez", "ficou segunda colocada"
    (["foi a segunda vez que travou"], "pt-br"),
    (["meu time ficou segunda colocada"], "pt-br"),
    # two days of the month in a row are no one date
    (["Comprei dia 20 e 21 e nada."], "pt-br"),
    (["J'ai payé le 20 et le 21, rien reçu."], "fr"),
])
def test_no_one_date(games: TriageContext, texts: list[str], locale: str) -> None:
    assert value(games, "occurred_on", texts, locale) is None


# ------------------------------------------------------------------ operating system


@pytest.mark.parametrize(("body", "locale", "expected"), [
    ("Our cron job on a Debian 12 server gets a 401 from the API.", "en", "Debian 12"),
    ("Notre script tourne sous CentOS 7 et l'API répond 403.", "fr", "CentOS 7"),
    ("O job roda num servidor Red Hat e a API dá erro 500.", "pt-br", "Red Hat"),
    ("데비안 12 서버에서 API 호출하면 401이 떠요.", "ko", "데비안 12"),
    ("Firefox on Linux Mint 21, the chart never loads.", "en", "Linux Mint 21"),
])
def test_server_systems_are_operating_systems(ads: TriageContext, body: str, locale: str,
                                              expected: str) -> None:
    """Through `decide` (the system is read by the field's ``extract`` patterns; the
    language is the text's)."""
    comment = TicketComment(id=1, author_id=REQUESTER, public=True, body=body,
                            created_at=CREATED, from_requester=True)
    t = ticket(subject="API", description=body, comments=(comment,), updated_at=CREATED,
               form_id={k: rid for rid, k in ads.form_ids.items()}["publisher-support"])
    d = decide(t, ads)
    found = {e.key: e.value for e in d.extracted}
    assert found.get("operating_system") == expected
