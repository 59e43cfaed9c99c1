"""Option matching on wording nobody wrote a keyword for (issue 10): the matcher's phrase
gaps, function words, Korean spacing and particles, typo safety and negations, in en, fr,
ko and pt-br; and the example workspaces' vocabulary, read through the pure core."""

from __future__ import annotations

from typing import Any

import pytest
from test_reading import asked, on, written
from triage_support import EXAMPLES

from integrations.triage import TriageContext, decide
from integrations.triage.reading.matcher import Matcher
from integrations.triage.reading.normalise import key, words
from integrations.triage.reading.vocabulary import option_phrases
from integrations.workspace import load

WORKSPACES = ("ad-network", "game-publisher", "streaming-platform")


def found(phrases: list[tuple[str, str]], language: str, text: str) -> list[tuple[str, bool]]:
    """(label, negated) of every hit of ``phrases`` (label, phrase) in ``text``."""
    m = Matcher([(label, p, 0.85) for label, p in phrases], language)
    return sorted({(h.phrase.label, h.negated) for h in m.find(text)})


# ------------------------------------------------------------------ gaps and function words


@pytest.mark.parametrize(("language", "phrase", "text"), [
    ("en", "charged twice", "I was charged for it twice this month"),
    ("en", "never paid", "my March commissions were never actually paid"),
    ("fr", "pas reçu", "je n'ai toujours pas encore reçu mes pièces"),
    ("fr", "moyen de paiement", "mon moyen paiement ne marche plus"),
    ("pt", "caiu na minha conta", "o dinheiro da venda caiu na conta errada"),
    ("pt", "erro da página", "aparece um erro na página inicial"),
])
def test_a_phrase_meets_its_words_across_a_small_gap(language: str, phrase: str,
                                                     text: str) -> None:
    assert ("x", False) in found([("x", phrase)], language, text)


@pytest.mark.parametrize(("language", "phrase", "text"), [
    ("en", "charged twice", "I was charged. Twice I wrote to you about it"),
    ("en", "charged twice", "charged the card of my wife twice"),  # two other words
    ("fr", "pas reçu", "pas de souci. J'ai reçu le code"),
    ("pt", "caiu na minha conta", "o jogo caiu; a minha conta está ok"),
])
def test_a_phrase_never_spans_a_sentence_or_a_long_gap(language: str, phrase: str,
                                                       text: str) -> None:
    assert found([("x", phrase)], language, text) == []


def test_a_comma_counts_as_one_word_of_the_gap() -> None:
    assert found([("x", "independent model")], "en", "a model, independent") == []
    assert ("x", False) in found([("x", "model independent")], "en", "a model, independent")
    assert found([("x", "model independent")], "en", "a model, truly, independent") == []


def test_a_function_word_never_stands_for_a_phrase_alone() -> None:
    # "cancel my": the last word is required, even though "my" is a function word
    assert found([("x", "cancel my")], "en", "please cancel the order") == []
    assert ("x", False) in found([("x", "cancel my")], "en", "please cancel my plan")


# ------------------------------------------------------------------ Korean spacing


@pytest.mark.parametrize("text", [
    "로그인이 안 돼요", "로그인이안돼요", "로그인 안됨", "로그인도 안 되네요", "로그인안되요",
])
def test_korean_phrases_meet_joined_split_and_particled_words(text: str) -> None:
    assert ("acc", False) in found([("acc", "로그인 안 돼")], "ko", text)


def test_korean_contractions_of_doeda_are_one_key() -> None:
    assert key("돼요", "ko") == key("되요", "ko") == key("됨", "ko") == key("됩니다", "ko") == "되"
    assert key("안돼요", "ko") == "안되"


def test_a_korean_keyword_is_found_inside_a_compound_but_a_syllable_is_not() -> None:
    assert ("tech", False) in found([("tech", "오류")], "ko", "접속오류가 떠요")
    # one syllable: only as its own word (with a particle), never inside another word
    assert ("perf", False) in found([("perf", "렉")], "ko", "렉이 심해요")
    assert found([("perf", "렉")], "ko", "디렉터리가 없어요") == []


def test_a_korean_negation_stops_at_the_end_of_its_sentence() -> None:
    phrases = [("perf", "프레임이 떨어"), ("crash", "충돌")]
    hits = found(phrases, "ko", "프레임이 떨어져요. 충돌은 아니고 그냥 느려요.")
    assert ("perf", False) in hits and ("crash", True) in hits
    assert ("perf", True) in found(phrases, "ko", "프레임이 떨어지는 건 아니고요")


# ------------------------------------------------------------------ negations still block


@pytest.mark.parametrize(("language", "phrase", "text"), [
    ("en", "charged twice", "I was not charged twice, only once"),
    ("fr", "moyen de paiement", "ce n'est pas un problème de moyen de paiement"),
    ("pt", "erro da página", "não é um erro na página, é o link"),
    ("ko", "로그인 안", "로그인이안되는 건 아니고 느려요"),
])
def test_negated_phrases_do_not_count(language: str, phrase: str, text: str) -> None:
    assert found([("x", phrase)], language, text) == [("x", True)]


# ------------------------------------------------------------------ typo safety


def test_a_typo_keeps_the_first_two_letters() -> None:
    phrases = [("scam", "scamming"), ("pay", "commission")]
    assert found(phrases, "en", "someone keeps spamming the chat") == []
    assert ("pay", False) in found(phrases, "en", "my comission is missing")
    assert found([("x", "paiement")], "fr", "un piement rouge") == []


# ------------------------------------------------------------------ the example vocabulary


def test_no_two_options_share_a_normalised_phrase() -> None:
    """`validate` refuses one keyword on two options as written; after normalisation
    (stems, accents, particles) two options must not meet either."""
    clashes = []
    for name in WORKSPACES:
        ws = load(EXAMPLES / name)
        for fkey, f in ws.fields.items():
            if f.kind != "dropdown":
                continue
            for language in ("en", "fr", "ko", "pt"):
                owner: dict[tuple[str, ...], str] = {}
                for value, phrase, _ in option_phrases(f, language):
                    other = owner.setdefault(words(phrase, language), value)
                    if other != value:
                        clashes.append((name, fkey, language, phrase, value, other))
    assert clashes == []





@pytest.mark.parametrize(("body", "value"), [
    ("The reporting dashboard just shows a spinning wheel forever. SID 6120934", "pub_technical"),
    ("Le tableau de bord affiche un écran blanc depuis ce matin. SID 6120934", "pub_technical"),
    ("리포트 화면이 무한 로딩만 돼요. SID 6120934", "pub_technical"),
    ("O painel está fora do ar desde cedo. SID 6120934", "pub_technical"),
    ("Where is my money? The payout for May is overdue. SID 6120934", "pub_payments"),
    ("Je n'ai toujours pas reçu mon virement bancaire de mai. SID 6120934", "pub_payments"),
    ("5월 정산이 안 됐어요. SID 6120934", "pub_payments"),
    ("Cadê minha grana de maio? O pix não veio. SID 6120934", "pub_payments"),
    ("Please delete my account, I am closing the company. SID 6120934", "pub_account"),
    ("Mon compte est suspendu sans explication. SID 6120934", "pub_account"),
    ("비번을 바꾸고 싶어요. SID 6120934", "pub_account"),
    ("Meu acesso foi bloqueado, conta suspensa. SID 6120934", "pub_account"),
    ("The coupon codes for the shoe retailer are expired. SID 6120934", "pub_advertisers"),
    ("Les bannières de l'enseigne ne sont plus à jour. SID 6120934", "pub_advertisers"),
    ("딥링크가 다른 상품으로 리다이렉트돼요. SID 6120934", "pub_advertisers"),
    ("O cupom da loja parceira expirou. SID 6120934", "pub_advertisers"),
])
def test_ad_network_options_from_everyday_words(ads: TriageContext, body: str,
                                                value: str) -> None:
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") == value
    assert "problem_type" not in asked(d)


@pytest.mark.parametrize(("body", "value"), [
    ("Game goes to a blue screen after the intro video.", "tech_crash"),
    ("Le jeu se fige puis se ferme tout seul.", "tech_crash"),
    ("접속하면 바로 강제 종료돼요.", "tech_crash"),
    ("O jogo congelou e fechou do nada.", "tech_crash"),
    ("Rubber banding and packet loss every evening.", "tech_performance"),
    ("Ça rame énormément, c'est injouable le soir.", "tech_performance"),
    ("핑이 너무 높고 딜레이가 심해요.", "tech_performance"),
    ("Muita lentidão e ping alto à noite.", "tech_performance"),
    ("I keep getting kicked from the server with a connection error.", "tech_login"),
    ("Erreur de connexion à chaque tentative, serveur indisponible.", "tech_login"),
    ("서버 접속이 끊겨서 로그인 실패가 떠요.", "tech_login"),
    ("Erro de conexão toda vez, não consigo logar.", "tech_login"),
    ("The game files are corrupted and the update failed.", "tech_patching"),
    ("Les fichiers corrompus empêchent l'installation.", "tech_patching"),
    ("파일 손상 때문에 설치가 안 돼요.", "tech_patching"),
    ("Arquivos corrompidos, a instalação não termina.", "tech_patching"),
])
def test_game_issue_types_from_symptoms(games: TriageContext, body: str, value: str) -> None:
    d = decide(on(games, body, form="technical-issues"), games)
    assert written(games, d).get("issue_type") == value


@pytest.mark.parametrize(("body", "rule_fires"), [
    ("Je paie pour regarder les lives, mais le son coupe.", False),
    ("Mon paiement a été refusé hier soir.", True),
    ("Nos paiements de studio sont en retard.", True),
    ("Eu pago para assistir e o vídeo trava.", False),
    ("Meu pagamento foi recusado ontem.", True),
])
def test_billing_reads_payment_as_a_noun_not_a_viewer_paying(stream: TriageContext,
                                                            body: str, rule_fires: bool) -> None:
    d = decide(on(stream, body), stream)
    assert ("billing" in d.update.add_tags) is rule_fires


@pytest.mark.parametrize(("body", "not_value"), [
    ("Je reste bloqué à l'écran titre quand je lance le jeu.", "tech_patching"),
    ("Someone keeps spamming the chat with links.", "offense_scam"),
])
def test_misfiring_words_are_gone(games: TriageContext, body: str, not_value: str) -> None:
    form = "technical-issues" if not_value.startswith("tech_") else "report-a-player"
    d = decide(on(games, body, form=form), games)
    values: dict[str, Any] = written(games, d)
    assert not_value not in values.values()


@pytest.mark.parametrize(("body", "value"), [
    ("The Advertisers page throws an error whenever I open a merchant offer. SID 6120934",
     "pub_technical"),
    ("Message d'erreur dans la rubrique annonceurs quand j'ouvre un lien. SID 6120934",
     "pub_technical"),
    ("광고주 페이지에서 오류가 나요. SID 6120934", "pub_technical"),
    ("Aparece erro na aba de anunciantes quando abro um link de afiliado. SID 6120934",
     "pub_technical"),
    ("The links of the new merchant stopped tracking clicks. SID 6120934", "pub_advertisers"),
])
def test_an_option_named_only_as_context_counts_once(ads: TriageContext, body: str,
                                                     value: str) -> None:
    """Where the problem is and what the requester was doing are one piece of context,
    however many words name them: the symptom decides."""
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") == value


def test_an_everyday_word_does_not_meet_a_keyword_through_its_stem() -> None:
    assert key("comme", "fr") == key("commissions", "fr")  # the stemmer's doing
    phrases = [("pay", "commissions")]
    assert found(phrases, "fr", "Comme je disais, rien ne marche") == []
    assert ("pay", False) in found(phrases, "fr", "mes commissions de mai")
    assert ("x", False) in found([("x", "comme neuf")], "fr", "vendu comme neuf")  # as written


@pytest.mark.parametrize("text", [
    "the report doesn't load", "the report doesnt load", "the report does not load",
    "the report doesn’t load",
])
def test_english_negative_contractions_are_one_way_of_writing(text: str) -> None:
    assert ("t", False) in found([("t", "doesn't load")], "en", text)
    assert words("cannot", "en") == words("can't", "en") == words("cant", "en") \
        == words("can not", "en")


def test_an_english_contraction_still_negates_and_denies() -> None:
    # "isn't paid" is the problem (not paid); "isn't a crash" denies the option
    assert ("p", False) in found([("p", "not paid")], "en", "my invoice isn't paid yet")
    assert found([("c", "crash")], "en", "it isn't a crash, just lag") == [("c", True)]


@pytest.mark.parametrize(("text", "hit"), [
    ("la page charge pas depuis hier", True),
    ("la page ne charge pas depuis hier", True),
    ("ça affiche rien", True),
    ("la page charge bien", False),
])
def test_french_without_ne_still_meets_a_ne_phrase(text: str, hit: bool) -> None:
    m = Matcher([("t", "ne charge pas", 0.85), ("t", "n'affiche rien", 0.85)], "fr")
    hits = m.find(text)
    assert bool(hits) is hit
    assert len(hits) <= 1  # the phrase with its "ne" is one hit, not two


def test_french_without_ne_reads_the_option(ads: TriageContext) -> None:
    d = decide(on(ads, "Le tableau de bord charge pas depuis ce matin. SID 6120934"), ads)
    assert written(ads, d).get("problem_type") == "pub_technical"


@pytest.mark.parametrize(("body", "value"), [
    ("Our account owner left, please put the login email on mine. SID 6120934", "pub_account"),
    ("Le responsable est parti, changez l'e-mail de connexion pour le mien. SID 6120934",
     "pub_account"),
    ("담당자가 바뀌어서 로그인 이메일을 제 걸로 바꿔 주세요. SID 6120934", "pub_account"),
    ("O responsável saiu, troquem o email de login para o meu. SID 6120934", "pub_account"),
    ("My cash-back from the shop never showed up.", "pub_rewards"),
    ("Mon cash-back de la boutique n'est jamais arrivé.", "pub_rewards"),
    ("쇼핑했는데 캐쉬백이 안 들어왔어요.", "pub_rewards"),
    ("Meu cash-back da loja nunca caiu.", "pub_rewards"),
])
def test_the_login_email_and_cash_back_spellings(ads: TriageContext, body: str,
                                                 value: str) -> None:
    """The account's login e-mail changing hands is an account matter; cash back is
    written with a hyphen, and in Korean 캐시백 or 캐쉬백."""
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") == value


@pytest.mark.parametrize("body", [
    "The login page shows an error since the update. SID 6120934",
    "La page de connexion affiche une erreur depuis la mise à jour. SID 6120934",
    "로그인 페이지에서 에러가 떠요. SID 6120934",
    "A página de login mostra um erro desde a atualização. SID 6120934",
])
def test_a_login_page_error_is_not_the_login_email(ads: TriageContext, body: str) -> None:
    """The login e-mail phrases do not make an error on the login page an account matter."""
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") in (None, "pub_technical")


@pytest.mark.parametrize(("body", "value"), [
    # money that left, an inventory without the purchase (en, fr, ko, pt-br)
    ("The money left my account yesterday, the crowns never showed.", "purchase_not_received"),
    ("PayPal took my money but the pack isn't in my inventory.", "purchase_not_received"),
    ("L'argent est parti de ma banque et rien en jeu.", "purchase_not_received"),
    ("La banque a pris l'argent, toujours pas de monture.", "purchase_not_received"),
    ("결제 완료됐는데 크레딧이 아직 안 들어왔어요.", "purchase_not_received"),
    ("카드에서 돈이 나갔는데 인벤토리에 없어요.", "purchase_not_received"),
    ("O dinheiro saiu do cartão e nada no jogo.", "purchase_not_received"),
    ("Paguei e nada, os cristais não vieram.", "purchase_not_received"),
    # a refusal after "I tried to pay" stays a refusal
    ("Tentei pagar mas o cartão foi recusado.", "purchase_declined"),
    ("결제하려고 했는데 카드 거절이 떴어요.", "purchase_declined"),
])
def test_purchase_problems_in_everyday_words(games: TriageContext, body: str,
                                             value: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert written(games, d).get("purchase_problem") == value
    assert "purchase_problem" not in asked(d)


@pytest.mark.parametrize("body", [
    "결제하려고 했는데 안 돼요.",  # "I tried to pay": no sign of a charge
    "J'ai payé mais la carte est refusée ?",  # paid or refused: a question settles it
])
def test_an_attempt_to_pay_is_no_charge(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert written(games, d).get("purchase_problem") != "purchase_not_received"


@pytest.mark.parametrize(("body", "value"), [
    # someone else changing the password is a break-in
    ("Alguém trocou a senha da minha conta ontem e agora não entro.", "recovery_compromised"),
    ("Mudaram minha senha sem eu pedir.", "recovery_compromised"),
    ("Esqueci a senha e quero redefinir.", "recovery_password"),
    # a sign-up mailbox closed by its provider
    ("예전 메일 서비스가 종료돼서 인증 메일을 받을 수가 없어요.", "recovery_email_lost"),
])
def test_recovery_reasons_in_everyday_words(games: TriageContext, body: str,
                                            value: str) -> None:
    d = decide(on(games, body, form="account-recovery"), games)
    assert written(games, d).get("recovery_reason") == value


@pytest.mark.parametrize(("body", "language"), [
    # stuck connecting, then thrown back to the menu: a login problem, not a crash
    ("It freezes on the connecting to server screen and kicks me back to the menu.", "en"),
    ("Ça reste figé sur connexion au serveur puis ça me renvoie au menu.", "fr"),
    ("서버 연결 중에서 멈추고 메뉴로 튕겨요.", "ko"),
    ("Fica em conectando ao servidor e volta pro menu.", "pt-br"),
])
def test_stuck_connecting_is_a_login_problem(games: TriageContext, body: str,
                                             language: str) -> None:
    d = decide(on(games, body, form="technical-issues"), games)
    assert written(games, d).get("issue_type") == "tech_login"


@pytest.mark.parametrize(("body", "language"), [
    # a demeaning or reported nickname is about the name
    ("닉네임 신고합니다. 장애인 비하하는 닉네임이에요.", "ko"),
    ("I want to report a name I saw in the hub, it's a demeaning name.", "en"),
    ("Je veux signaler un pseudo dégradant vu en ville.", "fr"),
    ("Quero denunciar o nick de um jogador, é um nick racista.", "pt-br"),
])
def test_a_reported_nickname_is_an_offensive_name(games: TriageContext, body: str,
                                                  language: str) -> None:
    d = decide(on(games, body, form="report-a-player"), games)
    assert written(games, d).get("offense") == "offense_name"


def test_payment_not_working_says_no_more_than_that(games: TriageContext) -> None:
    """"결제가 안 돼요" (payment does not work) names no purchase problem: the reason the
    requester gives does."""
    d = decide(on(games, "구독 결제가 안 돼요. 이 결제 수단은 지원하지 않는다고 떠요.",
                  form="unable-to-purchase", subject="결제 안 됨"), games)
    assert written(games, d).get("purchase_problem") == "purchase_method_refused"


@pytest.mark.parametrize(("body", "value"), [
    # a card worth a sum is the prepaid voucher, not a bank card
    ("J'ai acheté une carte de 25 € au tabac mais le paiement ne passe pas.",
     "pay_paysafecard"),
    ("Comprei um cartão de 50 na banca e o código não funciona.", "pay_paysafecard"),
    ("My bank card is declined every time.", "pay_card"),
])
def test_a_card_worth_a_sum_is_the_prepaid_voucher(games: TriageContext, body: str,
                                                   value: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert written(games, d).get("payment_method") == value
