"""Slowness said of a process, not of the site: "the advertiser's approval is taking
forever", "la validation met une éternité", "a aprovação tá demorando", "광고주 승인 너무 오래
걸려요" tells how long a request waits, no technical problem; the process's own words say
what the ticket is about. In en, fr, ko and pt-br, with the site's slowness kept."""

from __future__ import annotations

import pytest
from test_reading import on, written

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize(("body", "locale", "value"), [
    ("I applied to the Lumen Beauty advertiser program three weeks ago and the approval is "
     "taking forever. SID 4410298", "en", "pub_advertisers"),
    ("J'ai postulé au programme de l'annonceur Maison Lila, la validation met une éternité. "
     "SID 4410298", "fr", "pub_advertisers"),
    ("Me candidatei no programa do anunciante Casa Bela e a aprovação tá demorando demais. "
     "SID 4410298", "pt-br", "pub_advertisers"),
    ("뷰티 브랜드 광고주 프로그램에 신청했는데 승인이 너무 오래 걸려요. SID 4410298", "ko",
     "pub_advertisers"),
    ("My payout request is taking forever, it's been three weeks. SID 4410298", "en",
     "pub_payments"),
    ("정산이 너무 오래 걸려요. 출금 신청한 지 3주 됐어요. SID 4410298", "ko", "pub_payments"),
])
def test_a_slow_process_is_no_technical_problem(ads: TriageContext, body: str, locale: str,
                                                value: str) -> None:
    d = decide(on(ads, body, form="publisher-support", locale=locale), ads)
    assert written(ads, d).get("problem_type") == value


@pytest.mark.parametrize(("body", "locale"), [
    # the site itself is slow: technical, whatever the page is about
    ("The dashboard is super slow since Monday, every page takes forever to load. "
     "SID 4410298", "en"),
    ("대시보드가 너무 느려요. 페이지 하나 여는 데 오래 걸려요. SID 4410298", "ko"),
])
def test_the_site_slow_stays_technical(ads: TriageContext, body: str, locale: str) -> None:
    d = decide(on(ads, body, form="publisher-support", locale=locale), ads)
    assert written(ads, d).get("problem_type") == "pub_technical"
