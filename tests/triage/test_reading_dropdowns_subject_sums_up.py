"""The subject sums the body up in a looser word: "paysafecard refusée" over "le site me dit
que ce moyen de paiement n'est pas accepté" is the method not accepted, the body's statement
says which option it is (one passage alone against another option's word is otherwise a
question). In en, fr, ko and pt-br, with the question kept where the body names both."""

from __future__ import annotations

import pytest
from test_reading import asked, on, written

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize(("subject", "body", "locale"), [
    ("paysafecard refusée", "J'ai voulu prendre le pack avec ma paysafecard et le site me dit "
     "que ce moyen de paiement n'est pas accepté.", "fr"),
    ("paysafecard declined", "Tried to buy the pack with my paysafecard and the store says "
     "this payment method is not supported in my country.", "en"),
    ("paysafecard recusado", "Tentei comprar o pacote com paysafecard e o site diz que essa "
     "forma de pagamento não é aceita.", "pt-br"),
    ("페이코 결제 거절", "페이코로 사려고 하면 이 결제 수단은 지원되지 않는다고 나와요.", "ko"),
])
def test_the_bodys_statement_outweighs_the_subjects_word(games: TriageContext, subject: str,
                                                         body: str, locale: str) -> None:
    d = decide(on(games, body, subject=subject, form="unable-to-purchase", locale=locale),
               games)
    assert written(games, d).get("purchase_problem") == "purchase_method_refused"
    assert "purchase_problem" not in asked(d)


@pytest.mark.parametrize(("subject", "body", "locale"), [
    # the body names both: the requester's own account holds the two, a question
    ("paysafecard refusée", "Ma paysafecard a été refusée, et le site dit aussi que ce moyen "
     "de paiement n'est pas accepté.", "fr"),
    ("paysafecard declined", "My paysafecard got declined and now the store says the method "
     "is not supported.", "en"),
])
def test_both_in_the_body_stay_a_question(games: TriageContext, subject: str, body: str,
                                          locale: str) -> None:
    d = decide(on(games, body, subject=subject, form="unable-to-purchase", locale=locale),
               games)
    assert written(games, d).get("purchase_problem") != "purchase_declined"
