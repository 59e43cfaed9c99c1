"""A topic the requester declares fine ("billing is fine", "mon abonnement est actif",
"o pagamento tá ok", "결제는 잘 됐는데") is no evidence of the problem, in en, fr, ko and
pt-br; one declared fine elsewhere or for another of its kind still is. Through the matcher,
the one options and rule keywords share."""

from __future__ import annotations

import pytest
from test_reading import on, written

from integrations.triage import TriageContext, decide
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
    ("en", "membership", "my membership went through fine last week, the video freezes"),
    ("fr", "abonnement", "mon abonnement s'est bien renouvelé, c'est la vidéo qui bloque"),
    ("ko", "갱신", "멤버십은 잘 갱신됐어요. 근데 화면이 까매요"),
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
    ("en", "payment", "my payment went through fine but the tokens never showed up"),
    ("pt", "pagamento", "o pagamento passou normal mas as fichas não caíram"),
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


# ------------------------------------------------------------------ another dropdown's negation


@pytest.mark.parametrize(("body", "locale"), [
    ("It's not a card declined issue, the payment went through by credit card on Monday "
     "but I never got my 1000 credits.", "en"),
    ("c'est pas un probleme de carte refusée, le paiement est bien passé par carte "
     "bancaire mais j'ai jamais reçu mes 1000 crédits.", "fr"),
    ("카드 거절 문제는 아니고요, 신용카드로 결제했는데 크레딧 1000개가 안 들어왔어요.", "ko"),
])
def test_a_negation_inside_another_fields_phrase_is_that_fields(
        games: TriageContext, body: str, locale: str) -> None:
    """"pas un problème de carte refusée" denies a refusal (purchase_problem), not the card:
    "par carte bancaire" still names the payment method."""
    d = decide(on(games, body, form="unable-to-purchase", locale=locale), games)
    assert written(games, d).get("payment_method") == "pay_card"


@pytest.mark.parametrize(("body", "locale", "method"), [
    ("To be clear my card isn't being declined, I want to buy Patron with a paysafecard and "
     "the option is greyed out at checkout.", "en", "pay_paysafecard"),
    ("Ma carte n'est pas refusée, je veux payer avec un ticket prépayé paysafecard et "
     "l'option est grisée.", "fr", "pay_paysafecard"),
    ("My card was declined three times when buying 1000 credits.", "en", "pay_card"),
    ("Ma carte a été refusée trois fois pour 1000 crédits.", "fr", "pay_card"),
    ("Meu cartão foi recusado três vezes na compra de 1000 créditos.", "pt-br", "pay_card"),
    ("신용카드 결제가 계속 거절돼요. 크레딧 1000개 사려고 했어요.", "ko", "pay_card"),
])
def test_a_card_is_no_method_only_as_subject_of_a_denied_refusal(
        games: TriageContext, body: str, locale: str, method: str) -> None:
    """"my card isn't being declined" says nothing of the method paid with; "my card was
    declined" does."""
    d = decide(on(games, body, form="unable-to-purchase", locale=locale), games)
    assert written(games, d).get("payment_method") == method


# ------------------------------------------------------------------ charged on a card


@pytest.mark.parametrize(("body", "locale"), [
    ("It's not a refusal, I was charged $24.99 on my Visa last week for 2500 credits but "
     "nothing arrived in the game.", "en"),
    ("c'est pas un refus de paiement, j'ai bien été débitée de 24,99 $ sur ma Visa la "
     "semaine dernière pour les 2500 Crédits mais rien dans le jeu.", "fr"),
    ("não foi recusado, fui cobrado 24,99 no meu Visa semana passada pelos 2500 créditos "
     "e nada chegou no jogo.", "pt-br"),
    ("거절은 아니고요, 지난주에 비자카드로 24.99달러 결제됐는데 크레딧 2500개가 게임에 "
     "안 들어왔어요.", "ko"),
])
def test_a_charge_on_my_card_names_the_method(games: TriageContext, body: str,
                                              locale: str) -> None:
    """"débitée … sur ma Visa": the card charged, not a place in the product."""
    d = decide(on(games, body, form="unable-to-purchase", locale=locale), games)
    assert written(games, d).get("payment_method") == "pay_card"


# ------------------------------------------------------------------ remedies tried, dates


@pytest.mark.parametrize(("body", "locale"), [
    ("ever since tuesdays patch the game just crashes to desktop when I load into the hub. "
     "tried verifying files twice.", "en"),
    ("le jeu crash au bureau dès que j'entre dans le hub. j'ai essayé de réinstaller, "
     "rien.", "fr"),
    ("o jogo crasha pro desktop quando entro no hub. tentei reinstalar, nada.", "pt-br"),
    ("허브에 들어가면 게임이 튕겨요. 재설치도 해봤어요.", "ko"),
])
def test_a_remedy_tried_is_not_the_problem(games: TriageContext, body: str,
                                           locale: str) -> None:
    """What the requester tried ("verifying files", "réinstaller") and what dates the
    problem ("since tuesdays patch") do not compete with what is wrong (a crash)."""
    d = decide(on(games, body, form="technical-issues", locale=locale), games)
    assert written(games, d).get("issue_type") == "tech_crash"


@pytest.mark.parametrize(("language", "phrase", "text", "negated"), [
    ("en", "agency", "we're kind of becoming an agency, how does that work?", True),
    ("en", "agency", "we are an agency with five models", False),
    ("fr", "agence", "on est en train de devenir une agence, comment ça marche ?", True),
    ("fr", "agence", "notre agence gère cinq modèles", False),
    ("pt", "agência", "a gente já tá meio que virando agencia... como fica isso?", True),
    ("pt", "agência", "somos uma agência com cinco modelos", False),
    ("ko", "에이전시", "저희는 에이전시예요", False),
])
def test_a_hedge_or_a_change_under_way_is_no_evidence(language: str, phrase: str, text: str,
                                                      negated: bool) -> None:
    """"meio que virando agência" (sort of becoming an agency) says what is not, yet."""
    found = hits(phrase, language, text)
    assert found and all(n is negated for n, _ in found)
