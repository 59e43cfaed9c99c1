"""Two problems in one message (`reading.parts`): when the requester announces separate
problems and each part names another option of a dropdown, the dropdown is not written and
the question offers both; parts that agree, or one that names nothing, change nothing."""

from __future__ import annotations

import pytest
from test_reading import asked, on, written
from triage_support import example_context

from integrations.triage import decide
from integrations.triage.reading.parts import parts


@pytest.mark.parametrize(("text", "second"), [
    ("Two things. First, my payout is short. Second, my links redirect to the homepage.",
     "Second, my links"),
    ("two unrelated issues: 1) payout short 2) links broken", "2) links broken"),
    ("Deux choses : d'abord le paiement manque. Ensuite les liens ne marchent plus.",
     "Ensuite les liens"),
    ("Tenho duas dúvidas. Primeiro, o pagamento atrasou. Segundo, os links quebraram.",
     "Segundo, os links"),
    ("두 가지 문의드려요. 첫째 정산이 안 들어왔어요. 둘째 링크가 안 열려요.", "둘째 링크가"),
    ("두 개 여쭤볼게요. 하나는 메일 주소를 바꾸고 싶고요, 또 하나는 링크가 404 떠요.",
     "또 하나는 링크가"),
])
def test_the_second_problem_starts_where_it_is_marked(text: str, second: str) -> None:
    cut = parts(text)
    assert cut is not None and cut[1].startswith(second) and second not in cut[0]


@pytest.mark.parametrize("text", [
    "my payout is short. Second time this happens!",  # no announcement, no numbering
    "Two things I tried: clearing cookies and another browser. The page stays blank.",
    "first of all thanks, my payout is short since march",
])
def test_no_announced_second_problem_cuts_nothing(text: str) -> None:
    assert parts(text) is None


@pytest.mark.parametrize(("body", "locale"), [
    ("Two separate things, sorry. First, my October commissions were never paid. Second, "
     "the deep links I build for the shoe store redirect to its homepage. SID 5092217", "en"),
    ("Deux problèmes différents. D'abord, ma commission d'octobre n'a jamais été payée. "
     "Ensuite, les liens profonds vers la boutique renvoient à la page d'accueil. SID 5092217",
     "fr"),
    # the whole text reads one option (the links); the first part, on its own, another
    ("Deux trucs différents. D'abord, mon paiement de septembre est plus bas que le rapport. "
     "Ensuite, les liens que je crée pour la boutique de jouets ouvrent l'accueil au lieu de "
     "la fiche produit. SID 6120934", "fr"),
])
def test_two_problems_naming_two_options_ask_which(body: str, locale: str) -> None:
    ctx = example_context("ad-network", learned=True)
    d = decide(on(ctx, body, locale=locale), ctx)
    assert "problem_type" not in written(ctx, d)
    assert "problem_type" in asked(d)


def test_two_problems_of_one_kind_are_that_kind() -> None:
    ctx = example_context("ad-network", learned=True)
    body = ("Two things about money. First, my October commissions were never paid. Second, "
            "the September payment is missing too. SID 5092217")
    d = decide(on(ctx, body), ctx)
    assert written(ctx, d).get("problem_type") == "pub_payments"
