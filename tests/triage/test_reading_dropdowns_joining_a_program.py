"""Asking to join an advertiser's program and being refused ("I asked to join their program
and my request was declined", "j'ai demandé à rejoindre leur programme", "pedi pra entrar no
programa deles e foi recusado", "프로그램 참여 신청했는데 거절됐어요") is an advertiser
problem, in en, fr, ko and pt-br, whoever referred the requester. Another problem named with
a program stays its own. Through the pure core, on the ad-network example."""

from __future__ import annotations

import pytest
from test_reading import on, written

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize(("body", "locale", "value"), [
    ("Hi, a friend (SID 6655012) recommended you. I asked to join their program and my "
     "request was declined yesterday with no reason. My SID is 6655873.", "en",
     "pub_advertisers"),
    ("Bonjour, une amie m'a recommandé votre réseau. J'ai demandé à rejoindre leur programme "
     "et ma demande a été refusée hier sans raison. Mon SID est 6655873.", "fr",
     "pub_advertisers"),
    ("Oi gente, minha amiga Juliana (SID 6655012) me indicou vocês e ela promove a Magalu "
     "tranquilo. Eu pedi pra entrar no programa deles e meu pedido foi recusado ontem sem "
     "motivo. Meu SID é 6655873.", "pt-br", "pub_advertisers"),
    ("친구 추천으로 가입했어요. 그 쇼핑몰 프로그램 참여 신청했는데 어제 이유 없이 거절됐어요. "
     "제 SID는 6655873입니다.", "ko", "pub_advertisers"),
    # another problem with a program named
    ("My commissions from their program were never paid, the payout is late. SID 6655873",
     "en", "pub_payments"),
])
def test_a_refused_request_to_join_is_the_advertisers(ads: TriageContext, body: str,
                                                      locale: str, value: str) -> None:
    d = decide(on(ads, body, subject="pedido", locale=locale), ads)
    assert written(ads, d).get("problem_type") == value
