"""Whose number a typed value is (issue 10): a person the requester introduces by a noun
and a name ("mon associé Marc", "my partner Dana") owns the numbers of a later clause
with that name as its subject ("Marc a aussi un site (SID …)"); an in-law is such a
person too ("meu cunhado", "처남"). The requester's own number is then the one left.
Through the pure core, on the ad-network example workspace, in en, fr, ko and pt-br."""

from __future__ import annotations

import pytest
from test_reading import asked, on, written

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize(("body", "sid"), [
    ("My business partner Dana referred me to you. Dana also publishes with you (SID "
     "5521007), nothing to do with this. Our site is SID 5521993 and November payouts are "
     "missing.", "5521993"),
    ("Mon associé Marc gère d'habitude notre compte. Marc a aussi un site perso chez vous "
     "(SID 4410871), rien à voir. Le site concerné c'est le SID 4410293, les stats ne "
     "s'affichent plus.", "4410293"),
    ("Meu sócio Caio cuida da conta normalmente. Caio também tem um blog com vocês (SID "
     "7710021), mas não tem nada a ver. O site com problema é o SID 7710559, relatórios "
     "zerados.", "7710559"),
    ("Meu cunhado também é publisher (SID 8812003) e foi ele que me indicou. Já o meu, SID "
     "8812557, teve as comissões rejeitadas.", "8812557"),
    ("My brother-in-law is a publisher too (SID 6630118), he recommended you. The one with "
     "the rejected commissions is SID 6630542.", "6630542"),
    ("Dana, my partner, sent me here. Dana publishes too (SID 5521007). The site with the "
     "missing payouts is SID 5521993.", "5521993"),
    ("처남도 퍼블리셔예요 (SID 8812003). 이번 달 커미션이 다 거절된 건 SID 8812557 입니다.",
     "8812557"),
])
def test_a_number_in_a_clause_about_someone_the_requester_named_is_theirs(
        ads: TriageContext, body: str, sid: str) -> None:
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("sid") == sid
    assert "sid" not in asked(d)


@pytest.mark.parametrize(("body", "sid"), [
    ("My colleague Dana helped me set it up. Dana says my SID 5521993 is fine but the "
     "payouts are missing.", "5521993"),
    ("Mon associé Marc m'a dit que mon SID 4410293 était bloqué, pouvez-vous vérifier ?",
     "4410293"),
])
def test_the_requesters_own_number_after_that_persons_name_is_theirs(
        ads: TriageContext, body: str, sid: str) -> None:
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("sid") == sid


@pytest.mark.parametrize("body", [
    ("Mon associé Marc a son site chez vous aussi. Marc a le SID 4410871 et moi je ne "
     "sais plus le mien."),
    "My partner Dana sent me. Dana runs SID 5521007. I forgot mine, the payouts are missing.",
])
def test_only_someone_elses_number_is_no_sid(ads: TriageContext, body: str) -> None:
    d = decide(on(ads, body), ads)
    assert "sid" not in written(ads, d)


@pytest.mark.parametrize(("body", "email"), [
    ("My older brother made my Glyph account years ago with his email (tom.r88@example.com) "
     "and he lost that inbox, so the reset link goes nowhere. The account name is reyes_jr.",
     "tom.r88@example.com"),
    ("Ma sœur a créé mon compte il y a longtemps avec son adresse mail (lea.m@example.fr) et "
     "elle ne l'a plus. Le compte s'appelle KevDur.", "lea.m@example.fr"),
    ("Meu irmão criou minha conta com o e-mail dele (caio.r@example.com) e ele perdeu o "
     "acesso. A conta se chama KevDur.", "caio.r@example.com"),
])
def test_someone_elses_address_the_requesters_account_was_made_with_is_its_email(
        games: TriageContext, body: str, email: str) -> None:
    """"made my account with his email (…)": whoever owns the inbox, it is the account's
    address."""
    d = decide(on(games, body, form="account-recovery"), games)
    assert written(games, d).get("account_email") == email


def test_someone_elses_address_alone_is_no_account_email(games: TriageContext) -> None:
    body = ("My brother can't log in either, his email is tom.r88@example.com. The reset link "
            "never comes for my account reyes_jr.")
    d = decide(on(games, body, form="account-recovery"), games)
    assert "account_email" not in written(games, d)
