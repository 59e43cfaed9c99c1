"""The ad-network's problem type read from free text (issue 10): what names the problem,
what only surrounds it (an address, a person known by the thing they look after, the
steps before the result), what the requester sets aside. Through the pure core, on the
example workspace."""

from __future__ import annotations

import dataclasses

import pytest
from test_reading import asked, on, written

from integrations.triage import TriageContext, decide
from integrations.triage.reading.context import _ACTION, in_address, shown_messages
from integrations.triage.reading.normalise import fold


@pytest.mark.parametrize(("text", "word", "inside"), [
    ("please write to partnerships@wanderbites.com", "partnerships", True),
    ("our site mybanners.net is new", "banners", True),
    ("see https://example.org/links/new", "links", True),
    ("see www.links-hub.fr today", "links", True),
    ("my links stopped working.Thanks", "links", False),
    ("the partnerships team wrote to me", "partnerships", False),
])
def test_a_word_inside_an_address(text: str, word: str, inside: bool) -> None:
    start = text.index(word)
    assert in_address(text, start, start + len(word)) is inside


@pytest.mark.parametrize("body", [
    "I need the contact email on my publisher page changed to partnerships@wanderbites.com. "
    "SID 5512093",
    "Merci de changer l'e-mail de contact pour liens@monblog.fr. SID 5512093",
    "Preciso trocar o e-mail de contato para links@meublog.com.br. SID 5512093",
    "연락 이메일을 links@myblog.kr 로 바꿔 주세요. SID 5512093",
])
def test_a_keyword_inside_an_address_names_no_option(ads: TriageContext, body: str) -> None:
    """"partnerships@…", "liens@…": a mailbox's name, not the advertisers' option."""
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") != "pub_advertisers"


@pytest.mark.parametrize("body", [
    "Will your team be at the summit? We'd love to meet our account people. SID 90011234",
    "Could I get a call with my account manager next week? SID 90011234",
    "Est-ce que je peux parler à mon chargé de compte la semaine prochaine ? SID 90011234",
    "Posso marcar uma call com o gerente da conta semana que vem? SID 90011234",
    "다음 주에 계정 담당자와 통화할 수 있을까요? SID 90011234",
])
def test_a_person_known_by_the_account_is_not_an_account_problem(
        ads: TriageContext, body: str) -> None:
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") != "pub_account"


def test_the_account_itself_is_still_read(ads: TriageContext) -> None:
    """Negative: a plain account problem stays one."""
    d = decide(on(ads, "I can't log in to my account since yesterday, the password reset "
                       "link never arrives. SID 90011234"), ads)
    assert written(ads, d).get("problem_type") == "pub_account"


@pytest.mark.parametrize("body", [
    "Je change la ville dans mon profil, je clique sur Enregistrer et rien ne se passe. "
    "SID 62077145",
    "I change the city on my profile, I click Save and nothing happens. SID 62077145",
])
def test_the_result_of_the_steps_is_no_step(ads: TriageContext, body: str) -> None:
    """"… je clique sur Enregistrer et rien ne se passe": the result the steps lead to is
    the problem; the profile the steps act on is where it shows."""
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") == "pub_technical"


def test_the_result_and_a_named_profile_are_offered_both(ads: TriageContext) -> None:
    """The first sentence names the profile as the problem, the steps' result a technical
    one: neither is written, the requester chooses."""
    d = decide(on(ads, "Je n'arrive pas à changer mon nom dans mon profil. Je tape le nouveau, "
                       "je clique sur Valider et rien ne se passe. SID 62077145"), ads)
    assert "problem_type" not in written(ads, d)
    assert "problem_type" in asked(d)


@pytest.mark.parametrize("body", [
    "지난달 퍼블리셔 웨비나 녹화본 받을 수 있을까요? 계정 문제 같은 건 없어요. SID 1029384",
    "지난달 퍼블리셔 웨비나 녹화본 받을 수 있을까요? 계정 쪽은 없어요. SID 1029384",
])
def test_korean_no_such_problem_denies_the_option(ads: TriageContext, body: str) -> None:
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") == "pub_other"


def test_korean_a_problem_that_is_there_is_not_denied(ads: TriageContext) -> None:
    """Negative: "계정 문제가 있어요" states the account problem."""
    d = decide(on(ads, "계정 문제가 있어요. 로그인이 안 돼요. SID 1029384"), ads)
    assert written(ads, d).get("problem_type") == "pub_account"


@pytest.mark.parametrize("body", [
    "General question, nothing is broken: do you publish a newsletter for publishers? "
    "SID 90011234",
    "Je prépare une thèse sur l'affiliation, accepteriez-vous un court entretien ou une "
    "enquête ? SID 90011234",
    "Vocês têm algum treinamento ou tutorial de boas práticas pra quem está começando? "
    "SID 90011234",
    "그냥 궁금한 게 있어서요. 퍼블리셔 대상 뉴스레터가 있나요? SID 90011234",
])
def test_a_question_with_no_problem_is_another_question(ads: TriageContext,
                                                        body: str) -> None:
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") == "pub_other"


@pytest.mark.parametrize("body", [
    "사이트 아이디는 사무실 가서 알려드릴게요. 리포트 페이지에 'Access denied' 가 떠요.",
    "I'll send the SID from the office tomorrow, the dashboard shows a blank page.",
])
def test_an_office_the_requester_works_in_is_no_visit(ads: TriageContext, body: str) -> None:
    """Negative: "the office" the requester goes to is no question about ours."""
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") != "pub_other"


@pytest.mark.parametrize(("body", "value"), [
    ("My quarterly check didn't arrive in PayPal. I'm just a shopper, I use the browser "
     "extension when I buy stuff.", "pub_rewards"),
    ("Mon bonus de parrainage n'apparaît pas, j'utilise l'extension du navigateur pour mes "
     "achats.", "pub_rewards"),
    ("Meu bônus de indicação não apareceu, uso a extensão do navegador nas compras.",
     "pub_rewards"),
    ("추천 보너스가 안 들어왔어요. 브라우저 확장 프로그램으로 쇼핑했어요.", "pub_rewards"),
])
def test_a_shopper_describing_themselves_asks_about_cash_back(
        ads: TriageContext, body: str, value: str) -> None:
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") == value


def test_a_publisher_payment_stays_a_payment(ads: TriageContext) -> None:
    """Negative: a publisher's late payout names no shopper."""
    d = decide(on(ads, "My November commissions were never paid to my PayPal. SID 4471023"),
               ads)
    assert written(ads, d).get("problem_type") == "pub_payments"


@pytest.mark.parametrize(("text", "first"), [
    ("the dashboard says 'Session expired, please log in again' every time", "'Session"),
    ("Il me sort direct 'Invalid URL format' alors que l'url est bonne", "'Invalid"),
    ("o painel tá dando 'Internal Server Error' toda vez", "'Internal"),
    ("Links 탭 들어가면 'Access denied' 가 떠요", "'Access"),
    ("et là « Erreur inattendue, veuillez réessayer » s'affiche", "« Erreur"),
    ("Il me sort 'Erreur' à chaque fois", "'Erreur"),  # one word, of failure
    ("리포트 누르면 Access denied 라고 떠요", "Access"),  # Korean, unquoted
    ("Session expired, please log in again 이라는 메시지가 나와요", "Session"),
])
def test_a_quoted_message_the_product_shows(text: str, first: str) -> None:
    assert [text[s:e] for s, e in shown_messages(text)] == [first]


@pytest.mark.parametrize("text", [
    "the button says 'Generate code' and I click it",     # a button's label
    "my statement shows it as 'paid' since the 20th",      # a status
    "alors qu'il est marqué « payé » depuis le 20",        # a status
    "mudar a categoria do site de 'Cupons' pra 'Blog'",    # no verb of showing
    "I typed 'hello world' in the search box",             # what the requester typed
    "my October payout says 'Pending' for weeks now",      # one word: a status
    "l'ancien compte d'un ami n'est plus là",              # apostrophes, no quote
    "브라우저는 Chrome 이라고 써요",                          # Korean, no verb of showing
    "상태가 Pending 이라고 나와요",                            # Korean, one word: a status
])
def test_no_message_shown(text: str) -> None:
    assert shown_messages(text) == []


@pytest.mark.parametrize("body", [
    "The dashboard keeps giving me 'Internal Server Error' when I open Reports > Performance. "
    "SID 8120455",
    "Le tableau de bord m'affiche « Accès refusé » sur Rapports. SID 8120455",
    "O painel fica dando 'Internal Server Error' quando abro Relatórios > Desempenho. "
    "SID 8120455",
    "리포트 탭 들어가면 'Access denied' 가 떠요. SID 8120455",
])
def test_a_quoted_message_names_a_technical_problem(ads: TriageContext, body: str) -> None:
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") == "pub_technical"


def test_a_quoted_status_names_no_technical_problem(ads: TriageContext) -> None:
    """Negative: "shown as 'paid'" is a payment's status, not an error on screen."""
    d = decide(on(ads, "My October commission never arrived, but the statement shows it as "
                       "'paid'. SID 4471023"), ads)
    assert written(ads, d).get("problem_type") == "pub_payments"


@pytest.mark.parametrize("body", [
    "Technical bug at login: I type my email and password, click Sign in and it asks "
    "for the captcha again, forever. SID 8803145",
    "bug technique à la connexion : je tape mon e-mail et mon mot de passe, je coche le "
    "captcha et il redemande sans fin. SID 8803145",
    "Erro técnico no login: digito e-mail e senha, marco o captcha e ele pede de novo. "
    "SID 8803145",
    "계정 접속 시 오류가 나요. 화면이 계속 하얗게 나와요. SID 8803145",
])
def test_where_a_symptom_shows_is_no_second_problem(ads: TriageContext, body: str) -> None:
    """"a bug at login", "à la connexion", "no login", "계정 접속 시 오류": the login is where
    the error shows, not an account problem beside it."""
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") == "pub_technical"


@pytest.mark.parametrize("body", [
    "Deu erro no pagamento da minha comissão de outubro. SID 8803145",
    "Il y a une erreur au paiement de mes commissions d'octobre. SID 8803145",
])
def test_an_error_of_a_payment_is_no_technical_problem(ads: TriageContext,
                                                       body: str) -> None:
    """Negative: "erro no pagamento", "erreur au paiement": the payment's own error may be
    the payment's problem; never written as technical."""
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") != "pub_technical"


def test_a_login_problem_with_no_symptom_is_the_account(ads: TriageContext) -> None:
    """Negative: no symptom before the login, the account stays the problem."""
    d = decide(on(ads, "I can't log in to my account, my password was changed by someone. "
                       "SID 8803145"), ads)
    assert written(ads, d).get("problem_type") == "pub_account"


def test_the_contact_of_a_person_is_not_the_profile(ads: TriageContext) -> None:
    """"담당자분 연락처": the partnership manager's contact details, not the requester's
    profile; the partnership proposal is another question."""
    d = decide(on(ads, "저희 에이전시와 파트너십 제안을 드리고 싶은데 담당자분 연락처를 알 수 "
                       "있을까요?", subject="제휴 제안"), ads)
    assert written(ads, d).get("problem_type") == "pub_other"


@pytest.mark.parametrize("body", [
    "Logged in, clicked Banners, picked an advertiser and the page crashes every time. "
    "SID 77801342",
    "J'ai choisi l'annonceur, cliqué sur Bannières puis sur Générer le code, et là l'erreur "
    "s'affiche. SID 77801342",
    "Faço login, clico em Banners e aparece um erro na tela. SID 77801342",
])
def test_steps_told_in_the_past_are_context(ads: TriageContext, body: str) -> None:
    """The advertiser and the banners the steps act on are where the error shows: the
    error, their result, is the problem."""
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") == "pub_technical"


@pytest.mark.parametrize("text", [
    "Mark Delaney, who opened it, left the company",
    "the advertiser changed their terms",
])
def test_a_past_verb_of_someone_else_is_no_step(text: str) -> None:
    assert _ACTION.findall(fold(text)) == []


@pytest.mark.parametrize("body", [
    "Since last week my links stopped earning commission. Sales still happen (the shop "
    "confirmed it) but nothing shows. SID 40517726",
    "Depuis la semaine dernière mes liens ont arrêté de générer des commissions. Les ventes "
    "continuent (la boutique m'a confirmé) mais rien n'apparaît. SID 40517726",
    "Desde semana passada meus links pararam de gerar comissão. As vendas continuam (a loja "
    "me confirmou) mas nada aparece. SID 40517726",
])
def test_a_source_of_what_the_requester_knows_is_no_problem(ads: TriageContext,
                                                              body: str) -> None:
    """"the shop confirmed", "la boutique m'a confirmé", "a loja me confirmou": the shop
    tells, it is not what is wrong; links and commission are both named: a question."""
    d = decide(on(ads, body), ads)
    assert "problem_type" not in written(ads, d)
    assert "problem_type" in asked(d)


def test_a_shop_that_is_the_problem_is_still_read(ads: TriageContext) -> None:
    """Negative: the advertiser as what is wrong, not as a source."""
    d = decide(on(ads, "The advertiser's tracking links redirect to a dead page. "
                       "SID 40517726"), ads)
    assert written(ads, d).get("problem_type") == "pub_advertisers"


@pytest.mark.parametrize(("body", "value"), [
    ("Quick question: my October payout never arrived in my bank account. SID 4471023",
     "pub_payments"),
    ("궁금한 게 있는데요, 10월 정산금이 아직 입금이 안 됐어요. SID 4471023", "pub_payments"),
    ("Petite question : mon paiement d'octobre n'est jamais arrivé. SID 4471023",
     "pub_payments"),
    ("Uma dúvida: meu pagamento de outubro não caiu na conta bancária. SID 4471023",
     "pub_payments"),
])
def test_a_question_opener_is_no_other_question(ads: TriageContext, body: str,
                                                 value: str) -> None:
    """Negative: "quick question", "궁금한 게 있는데요" open a ticket about a problem."""
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") == value


def test_what_a_screen_says_is_no_source(ads: TriageContext) -> None:
    """Negative: "the link says 'Offer expired'" is what the link shows, not a source: the
    link stays evidence, so with the message it is a question, never a technical problem."""
    d = decide(on(ads, "The tracking link says 'Offer expired, please come back later' when "
                       "I click it. SID 40517726"), ads)
    assert written(ads, d).get("problem_type") != "pub_technical"


@pytest.mark.parametrize(("body", "value"), [
    ("Desde segunda-feira meus links não rastreiam as vendas. SID 40517726",
     "pub_advertisers"),
    ("Meus materiais de divulgação do anunciante sumiram da aba de banners. SID 40517726",
     None),
    ("O endereço do link de afiliado redireciona para uma página errada. SID 40517726",
     "pub_advertisers"),
])
def test_everyday_words_name_no_other_question(ads: TriageContext, body: str,
                                               value: str | None) -> None:
    """Negative: a weekday ("segunda-feira"), promotional material, a link's address are no
    fair, training material or postal address."""
    got = written(ads, decide(on(ads, body), ads)).get("problem_type")
    assert got not in ("pub_other", "pub_account")
    if value is not None:
        assert got == value


@pytest.mark.parametrize("body", [
    "세금 서류 W-8BEN은 어디서 제출하나요? SID 5590017",
    "세금 관련 서류를 다시 내야 하는지 궁금해요. SID 5590017",
    "Where do I upload my W-9? The old one had a typo. SID 5590017",
    "how do i update my tax info on file?? SID 5590017",
    "Où est-ce que j'envoie mon formulaire fiscal W-8BEN ? SID 5590017",
    "Onde envio o formulário W-8BEN? Não sei se preciso de outro pro imposto. SID 5590017",
])
def test_a_tax_form_alone_is_no_payment(ads: TriageContext, body: str) -> None:
    """A tax form is paperwork: is it a payment question, an account one? Nothing moved
    money, so the requester says which (the labels ask)."""
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") != "pub_payments"
    assert "problem_type" in asked(d)


@pytest.mark.parametrize("body", [
    "Why was tax withheld from my October commissions? SID 5590017",
    "Pourquoi mes commissions d'octobre ont-elles été amputées ? Le formulaire fiscal est "
    "envoyé. SID 5590017",
    "이번 달 커미션 정산에서 세금이 떼어졌어요. 원천징수 비율이 궁금해요. SID 5590017",
    "O pagamento de outubro veio com imposto descontado, por quê? SID 5590017",
])
def test_tax_taken_from_money_is_still_a_payment(ads: TriageContext, body: str) -> None:
    """Negative: tax taken from a commission or a payment is about the money paid."""
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") == "pub_payments"


@pytest.mark.parametrize(("body", "system"), [
    ("대시보드 표가 다 깨져요. 안드로이드 14이고 오류 메시지는 없어요. SID 1290455",
     "안드로이드 14"),
    ("대시보드가 안 열려요. 안드로이드 13 입니다. SID 1290455", "안드로이드 13"),
    ("윈도10 쓰는데 대시보드가 하얗게 나와요. SID 1290455", "윈도10"),
    ("우분투 22.04에서 파이어폭스로 보면 그래프가 안 떠요. SID 1290455", "우분투 22.04"),
    ("윈도우즈 11에서 엣지로 접속하면 멈춰요. SID 1290455", "윈도우즈 11"),
    ("크롬OS 노트북에서 리포트가 안 열려요. SID 1290455", "크롬OS"),
])
def test_korean_names_of_systems(ads: TriageContext, body: str, system: str) -> None:
    """A system written in Hangul, its version right after, whatever ending follows
    ("안드로이드 14이고", "윈도10 쓰는데")."""
    assert written(ads, decide(on(ads, body), ads)).get("operating_system") == system


@pytest.mark.parametrize("body", [
    "안드로메다급으로 느려요. 대시보드가 안 열려요. SID 1290455",
    "팝업 창이 안 떠요. 대시보드가 멈춰요. SID 1290455",
])
def test_korean_words_near_a_system_name_are_none(ads: TriageContext, body: str) -> None:
    """Negative: a word that starts like a system's name names no system."""
    assert "operating_system" not in written(ads, decide(on(ads, body), ads))


@pytest.mark.parametrize("body", [
    "this is the third time im writing. just fix it already, im losing money every day.",
    "Nobody answers and it's costing me money. Fix it! SID 40517726",
    "I keep losing commissions every day this goes on. SID 40517726",
    "Personne ne répond, je perds de l'argent tous les jours. SID 40517726",
    "Ça me coûte de l'argent chaque jour, réglez ça. SID 40517726",
    "Ninguém responde, tô perdendo dinheiro todo dia. SID 40517726",
    "Já é a terceira vez que escrevo, estou perdendo grana. SID 40517726",
    "세 번째 문의인데 답이 없네요. 매일 돈을 잃고 있어요. SID 40517726",
    "답변 좀 주세요, 하루하루 돈 날리고 있습니다. SID 40517726",
])
def test_money_lost_as_a_consequence_is_no_payment(ads: TriageContext, body: str) -> None:
    """Losing money, or what a problem costs, is its consequence, whatever the problem is:
    nothing says a payment went wrong, so the type is asked."""
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") != "pub_payments"


@pytest.mark.parametrize("body", [
    "My October payment never arrived and I'm losing money. SID 40517726",
    "Mon paiement d'octobre n'est jamais arrivé. SID 40517726",
    "Não recebi o pagamento de outubro, cadê meu dinheiro? SID 40517726",
    "10월 커미션이 아직 입금이 안 됐어요. SID 40517726",
])
def test_a_missing_payment_with_its_cost_is_still_a_payment(ads: TriageContext,
                                                            body: str) -> None:
    """Negative: a payment that did not arrive is the problem, its cost aside."""
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") == "pub_payments"


@pytest.mark.parametrize("body", [
    "I need a signed copy of the publisher agreement. Nothing wrong with payments or the "
    "account. SID 40087",
    "Just the contract, there's no issue with my payments or my account. SID 40087",
    "Il me faut une copie signée du contrat éditeur, rien à voir avec les paiements ou le "
    "compte. SID 40087",
    "Preciso de uma cópia assinada do contrato, nada de errado com pagamento nem com a "
    "conta. SID 40087",
    "계약서 사본이 필요해요. 결제나 계정 문제는 아니에요. SID 40087",
])
def test_a_list_of_denied_topics_names_none_of_them(ads: TriageContext, body: str) -> None:
    """"nothing wrong with payments or the account", "rien à voir avec les paiements ou le
    compte", "nada de errado com pagamento nem com a conta": every topic of the list is set
    aside, the last as much as the first."""
    got = written(ads, decide(on(ads, body), ads)).get("problem_type")
    assert got not in ("pub_payments", "pub_account")


@pytest.mark.parametrize(("body", "value"), [
    ("Nothing wrong with the site, but my October payment never arrived. SID 40087",
     "pub_payments"),
    ("Rien à voir avec les liens : mon paiement d'octobre n'est jamais arrivé. SID 40087",
     "pub_payments"),
])
def test_a_denied_topic_leaves_the_stated_one(ads: TriageContext, body: str,
                                              value: str) -> None:
    """Negative: the topic stated beside a denied one is still read."""
    assert written(ads, decide(on(ads, body), ads)).get("problem_type") == value


@pytest.mark.parametrize(("body", "locale"), [
    ("My accountant is asking for a signed copy of the publisher agreement. SID 40087", "en"),
    ("Our accountants need last year's statement PDF, nothing is broken. SID 40087", "en"),
    ("Mon comptable me demande une copie signée du contrat. SID 40087", "fr"),
])
def test_the_one_who_keeps_the_accounts_is_no_account(ads: TriageContext, body: str,
                                                      locale: str) -> None:
    """"accountant", "comptable": the stemmer folds them onto "account", "compte"; a
    person's noun names the person, not the account."""
    assert written(ads, decide(on(ads, body, locale=locale), ads)).get(
        "problem_type") != "pub_account"


def test_an_account_beside_an_accountant_is_still_read(ads: TriageContext) -> None:
    """Negative: the account itself, named beside the accountant, stays the problem."""
    d = decide(on(ads, "My accountant can't help: my account is locked and the password "
                       "reset never arrives. SID 40087"), ads)
    assert written(ads, d).get("problem_type") == "pub_account"


@pytest.mark.parametrize(("body", "reply"), [
    ("preciso de ajuda com minha conta urgente",
     "sendo mais claro: é sobre pagamento, o depósito de novembro veio com R$ 90 a menos."),
    ("I need help with my account asap",
     "to be clear: my November payout came in $90 short."),
    ("J'ai besoin d'aide pour mon compte, c'est urgent",
     "Pour préciser : mon virement de novembre est arrivé avec 90 € de moins."),
    ("Preciso de ajuda na minha conta",
     "É o pagamento de novembro, o depósito veio menor."),
])
def test_help_with_the_account_leaves_the_reply_to_say_what(ads: TriageContext, body: str,
                                                             reply: str) -> None:
    """"help with my account" asks for help where everything lives; the reply that says
    what is wrong (a payout short) is the problem."""
    t = on(ads, body + " SID 22451987")
    t = dataclasses.replace(t, comments=(*t.comments, dataclasses.replace(
        t.comments[0], id=2, body=reply)))
    assert written(ads, decide(t, ads)).get("problem_type") == "pub_payments"


@pytest.mark.parametrize("body", [
    "I can't log in to my account, the password reset never arrives. SID 22451987",
    "Não consigo entrar na minha conta, a senha não funciona. SID 22451987",
])
def test_an_account_problem_is_still_read(ads: TriageContext, body: str) -> None:
    """Negative: an account that fails stays an account problem."""
    assert written(ads, decide(on(ads, body), ads)).get("problem_type") == "pub_account"


@pytest.mark.parametrize("body", [
    "My accountant needs a signed copy of the publisher agreement. Where's the PDF? SID 40087",
    "can u send me a copy of the contract i accepted in 2019? SID 40087",
    "Where can I read the terms and conditions I agreed to? SID 40087",
    "Mon comptable me demande une copie signée du contrat éditeur. SID 40087",
    "Pouvez-vous m'envoyer les conditions générales que j'ai acceptées ? SID 40087",
    "Preciso de uma cópia assinada do contrato pro meu contador. SID 40087",
    "Onde vejo os termos e condições que aceitei? SID 40087",
    "가입할 때 동의한 계약서 사본을 받을 수 있을까요? SID 40087",
    "이용 약관 PDF는 어디서 받나요? SID 40087",
])
def test_a_copy_of_the_agreement_is_another_question(ads: TriageContext, body: str) -> None:
    """The contract, its signed copy, the terms accepted: paperwork of the partnership, no
    payment or account problem."""
    assert written(ads, decide(on(ads, body), ads)).get("problem_type") == "pub_other"


@pytest.mark.parametrize(("body", "value"), [
    ("I want to end the contract and delete my account, I'm locked out anyway. SID 40087",
     "pub_account"),
    ("The payment terms in the contract say net 30 but I was paid 60 days late. SID 40087",
     "pub_payments"),
])
def test_a_contract_beside_the_problem_leaves_it(ads: TriageContext, body: str,
                                                 value: str) -> None:
    """Negative: a contract named beside what is wrong does not hide it."""
    assert written(ads, decide(on(ads, body), ads)).get("problem_type") == value


@pytest.mark.parametrize("body", [
    "Hi, I'd like to add a second website on my profile, how do I do that? SID 2239455",
    "need to update the site url on my account pls. SID 2239455",
    "Bonjour, je voudrais ajouter un deuxième site sur mon profil. SID 2239455",
    "je dois modifier l'url du site sur mon compte, comment faire ? SID 2239455",
    "Minha dúvida é sobre a minha conta: quero adicionar um segundo site no meu perfil. "
    "SID 2239455",
    "preciso trocar a url do site na minha conta, como faco? SID 2239455",
])
def test_a_change_asked_on_ones_account_names_the_account(ads: TriageContext,
                                                          body: str) -> None:
    """"add a second site on my profile", "modifier l'url sur mon compte", "adicionar um
    segundo site no meu perfil": the profile is what the request changes (an account
    matter), not the place a problem shows."""
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") == "pub_account"


@pytest.mark.parametrize("body", [
    # the place of a problem stays a place
    "The stats are blank on my account since Monday. SID 2239455",
    "As estatísticas não carregam no meu perfil desde segunda. SID 2239455",
    "Les stats sont vides sur mon compte depuis lundi. SID 2239455",
])
def test_a_problem_shown_on_ones_account_is_not_an_account_problem(ads: TriageContext,
                                                                   body: str) -> None:
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") != "pub_account"
