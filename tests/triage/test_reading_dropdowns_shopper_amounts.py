"""The ad network's shopper, told by what they did and what their account shows: a purchase
made through the portal ("bought a TV through Rakuten", "commandé en passant par Rakuten",
"comprei pelo Rakuten", "라쿠텐 통해서 구매") or a member account is cash back; an account
that shows an amount ("my account still shows nothing pending") is where the amount is read,
and "nothing pending" counts money, no blank page. In en, fr, ko and pt-br, with the
account's own status and a blank dashboard kept."""

from __future__ import annotations

import pytest
from test_reading import on, written

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize(("body", "locale"), [
    ("I bought a TV through the Rakuten site last month and my account still shows nothing "
     "pending for it. Order 55120931.", "en"),
    ("J'ai commandé une machine à café en passant par Rakuten, rien sur mon compte membre "
     "depuis. Commande 55120931.", "fr"),
    ("Comprei uma TV pelo Rakuten mês passado e até agora nada na minha conta de membro. "
     "Pedido 55120931.", "pt-br"),
    ("라쿠텐 통해서 구매했는데 한 달째 아무것도 안 들어왔어요. 주문번호 55120931", "ko"),
])
def test_a_purchase_through_the_portal_is_cash_back(ads: TriageContext, body: str,
                                                    locale: str) -> None:
    d = decide(on(ads, body, form="publisher-support", locale=locale), ads)
    assert written(ads, d).get("problem_type") == "pub_rewards"


@pytest.mark.parametrize(("body", "locale", "value"), [
    # the account's own status is its problem
    ("My publisher account shows as suspended since Monday, SID 4410298.", "en",
     "pub_account"),
    # a blank dashboard is technical
    ("The dashboard shows nothing at all since this morning, just a white page. SID 4410298",
     "en", "pub_technical"),
])
def test_what_shows_itself_keeps_its_kind(ads: TriageContext, body: str, locale: str,
                                          value: str) -> None:
    d = decide(on(ads, body, form="publisher-support", locale=locale), ads)
    assert written(ads, d).get("problem_type") == value
