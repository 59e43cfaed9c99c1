"""A topic the requester declares fine ("billing is fine", "mon abonnement est actif",
"o pagamento tá ok", "결제는 잘 됐는데") is no evidence of the problem, in en, fr, ko and
pt-br; one declared fine elsewhere or for another of its kind still is. Through the matcher,
the one options and rule keywords share."""

from __future__ import annotations

import pytest

from integrations.triage.reading.matcher import Matcher


def hits(phrase: str, language: str, text: str) -> list[tuple[bool, bool]]:
    """(negated, denied) of each hit of ``phrase`` in ``text``."""
    m = Matcher([("x", phrase, 0.85)], language)
    return [(h.negated, h.denied) for h in m.find(text)]


@pytest.mark.parametrize(("language", "phrase", "text"), [
    ("en", "billing", "This is NOT about my subscription, billing is fine and paid up."),
    ("en", "payouts", "Not a payment question, payouts are fine."),
    ("en", "login", "Login works fine, the chat does not."),
    ("fr", "abonnement", "ma carte a été débitée et mon abonnement est actif."),
    ("fr", "paiement", "le paiement marche bien, c'est la vidéo qui bloque"),
    ("ko", "결제", "결제는 잘 됐는데 토큰이 안 들어왔어요"),
    ("ko", "로그인", "로그인은 괜찮고 채팅이 안 돼요"),
    ("ko", "크롬", "크롬은 잘 되는데 엣지가 안 돼요"),  # the browser in trouble is Edge
    ("pt", "pagamento", "não é problema de pagamento, o pagamento tá ok."),
    ("pt", "assinatura", "minha assinatura está ativa, o vídeo que não abre"),
])
def test_a_topic_declared_fine_is_no_evidence(language: str, phrase: str, text: str) -> None:
    found = hits(phrase, language, text)
    # no evidence, but no denial: "the card is fine" still names the card paid with
    assert found and found[-1] == (True, False)


@pytest.mark.parametrize(("language", "phrase", "text"), [
    ("en", "billing", "billing is not fine, I was charged twice"),
    ("en", "billing", "billing was fine until yesterday, now it fails"),
    ("en", "account", "Dana's account works fine, it's just mine."),
    ("en", "advertisers", "other advertisers are fine, only this one breaks"),
    ("fr", "paiement", "le paiement ne marche pas depuis hier"),
    ("fr", "paiement", "le paiement est bien passé mais rien reçu"),
    ("ko", "결제", "결제가 잘 안 돼요"),
    ("ko", "광고주", "다른 광고주는 정상입니다"),
    ("ko", "로그인", "웹사이트에서는 같은 비번으로 로그인 잘 됩니다"),
    ("pt", "pagamento", "o pagamento não tá ok, recusou duas vezes"),
    ("pt", "lojas", "os das outras lojas tão de boa"),
    ("pt", "cartao", "o cartão tá recusando, em outros lugares funciona"),
])
def test_a_topic_not_declared_fine_still_counts(language: str, phrase: str, text: str) -> None:
    found = hits(phrase, language, text)
    assert found and not any(negated for negated, _ in found)


# ------------------------------------------------------------------ a plural keyword's noun


@pytest.mark.parametrize(("language", "text", "found"), [
    ("en", "I can't log into my own model account since Monday", False),
    ("en", "my model profile shows the wrong name", False),
    ("en", "my models are offline since Monday", True),
    ("en", "my model can't log in since Monday", True),  # a verb follows: the noun is the head
    ("en", "it's about my model, she can't log in", True),
    ("fr", "mes modèles ne peuvent plus se connecter", True),
    ("pt", "meus modelos não conseguem entrar", True),
])
def test_a_singular_before_a_noun_qualifies_it(language: str, text: str, found: bool) -> None:
    """English: the singular of a plural keyword, followed by the noun it qualifies, is not
    that keyword ("my own model account" is no "my models")."""
    phrase = {"en": "my models", "fr": "mes modèles", "pt": "meus modelos"}[language]
    assert bool(Matcher([("s", phrase, 0.85)], language).find(text)) is found
