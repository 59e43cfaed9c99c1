"""Causes of misreads found on the fresh26 split, each fixed as a general rule and tested
here in sentences of our own, in the languages it touches: writing "for my site" is no
writing on someone's behalf (their number stays theirs); the owner named after the thing
("o SID dele é …") makes the number another person's for a form's extraction pattern too;
a named day of the year after a word that dates by it ("on Black Friday", "à Noël", "no
Natal", "블프에") is that day; a day of the month opening a sentence before its subject or
its past verb ("Le 12 j'ai payé", "Dia 12 comprei") is a date; a card's kind a stem falls
onto ("my debit card" met as "debited") names the payment method, not the act; an option
stated in a clause before the sentence's doubt ("신용카드인데 … 건지 모르겠어요", "I paid by
card, and I'm not sure if …") is no alternative of the doubt."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from test_reading import read_ticket as _read

from integrations.triage import TriageContext
from integrations.triage.reading.dates import find_dates
from integrations.triage.reading.words import on_behalf

# ------------------------------------------------------------------ whose number


@pytest.mark.parametrize(("body", "locale"), [
    ("Hello, my colleague (SID 5530121) already got an answer, so I'm writing for my own "
     "site, 5530987. My banners show nothing since Monday.", "en"),
    ("Bonjour, ma collègue (SID 5530121) a déjà eu sa réponse, je vous écris pour mon "
     "site, le 5530987. Mes bannières ne s'affichent plus.", "fr"),
    ("Oi, minha colega (SID 5530121) já foi atendida, escrevo pela minha loja, 5530987. "
     "Meus banners não aparecem.", "pt-br"),
])
def test_writing_for_my_site_is_no_one_elses_ticket(ads: TriageContext, body: str,
                                                    locale: str) -> None:
    got, _ = _read(ads, body, "publisher-support", locale)
    assert got.get("sid") == "5530987"


@pytest.mark.parametrize(("text", "expected"), [
    ("je vous ecris pour mon site a moi", False),
    ("i'm writing for my own site", False),
    ("escrevo pela minha loja", False),
    ("je vous ecris pour ma mere", True),
    ("writing for my wife", True),
])
def test_a_thing_written_about_is_no_person_written_for(text: str, expected: bool) -> None:
    assert on_behalf(text) is expected


@pytest.mark.parametrize(("body", "locale"), [
    ("Minha irmã trabalha comigo, o SID dela é 6610234 e o meu é 6610899. O relatório de "
     "comissões veio vazio.", "pt-br"),
    ("Meu sócio me indicou, o SID dele é 6610234, o meu é 6610899. Os pagamentos "
     "atrasaram.", "pt-br"),
])
def test_the_owner_after_the_label_makes_the_number_theirs(ads: TriageContext, body: str,
                                                           locale: str) -> None:
    got, _ = _read(ads, body, "publisher-support", locale)
    assert got.get("sid") == "6610899"


# ------------------------------------------------------------------ dates

#: A Wednesday: Black Friday 2026 (Nov 27) is past, Christmas 2026 still to come.
_TODAY = datetime(2026, 12, 9, 15, 0)


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("I paid for the bundle on Black Friday and never got it.", "en", date(2026, 11, 27)),
    ("Since Cyber Monday my orders are missing.", "en", date(2026, 11, 30)),
    ("On Christmas Eve the gift code failed.", "en", date(2025, 12, 24)),
    ("J'ai payé pendant le Black Friday, rien reçu.", "fr", date(2026, 11, 27)),
    ("Depuis le nouvel an je ne peux plus me connecter.", "fr", date(2026, 1, 1)),
    ("Comprei na Black Friday e não chegou nada.", "pt", date(2026, 11, 27)),
    ("Desde o Natal o jogo trava.", "pt", date(2025, 12, 25)),
    ("블프에 결제했는데 아이템이 안 들어왔어요.", "ko", date(2026, 11, 27)),
    ("크리스마스 이브에 결제했어요.", "ko", date(2025, 12, 24)),
])
def test_a_named_day_of_the_year_is_its_latest_date(text: str, language: str,
                                                     expected: date) -> None:
    assert [d for d, _, _ in find_dates(text, language, _TODAY)] == [expected]


@pytest.mark.parametrize(("text", "language"), [
    ("I bought the Christmas bundle.", "en"),
    ("I got a Christmas gift card.", "en"),
    ("Le pack de Noël est bugué.", "fr"),
    ("Moro em Natal e o pagamento falhou.", "pt"),
    ("크리스마스 이벤트 보상이 안 와요.", "ko"),
])
def test_a_named_day_as_a_things_name_is_no_date(text: str, language: str) -> None:
    assert find_dates(text, language, _TODAY) == []


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Le 4 j'ai payé deux fois.", "fr", date(2026, 12, 4)),
    ("Bonjour. Le 20 on a essayé de payer.", "fr", date(2026, 11, 20)),
    ("Dia 4 comprei o passe e não recebi.", "pt", date(2026, 12, 4)),
    ("Oi. Dia 20, eu tentei pagar.", "pt", date(2026, 11, 20)),
])
def test_a_day_of_the_month_opening_a_sentence_is_a_date(text: str, language: str,
                                                          expected: date) -> None:
    assert [d for d, _, _ in find_dates(text, language, _TODAY)] == [expected]


@pytest.mark.parametrize(("text", "language"), [
    ("Le 3 niveaux de la quête sont bloqués.", "fr"),
    ("Dia 3 de cada mês o pagamento falha.", "pt"),
])
def test_a_number_opening_a_sentence_without_a_subject_is_no_date(text: str,
                                                                 language: str) -> None:
    assert find_dates(text, language, _TODAY) == []


# ------------------------------------------------------------------ a card's kind


@pytest.mark.parametrize(("body", "locale"), [
    ("I tried to pay for the season pass with my debit card and the store says the payment "
     "was refused.", "en"),
    ("I used two different credit cards, every time the payment was refused.", "en"),
    ("J'ai voulu payer le pass avec ma carte de débit, le paiement est refusé.", "fr"),
    ("Tentei pagar o passe com cartão de débito e o pagamento foi recusado.", "pt-br"),
])
def test_a_cards_kind_is_no_charge(games: TriageContext, body: str, locale: str) -> None:
    got, ask = _read(games, body, "unable-to-purchase", locale)
    assert got.get("purchase_problem") == "purchase_declined"
    assert "purchase_problem" not in ask


@pytest.mark.parametrize(("body", "locale"), [
    ("The money was debited from my card but the pass never arrived.", "en"),
    ("Foi debitado no cartão de crédito e o passe não chegou.", "pt-br"),
])
def test_the_act_itself_is_still_a_charge(games: TriageContext, body: str,
                                          locale: str) -> None:
    got, _ = _read(games, body, "unable-to-purchase", locale)
    assert got.get("purchase_problem") == "purchase_not_received"


# ------------------------------------------------------------------ stated before a doubt


@pytest.mark.parametrize(("body", "locale"), [
    ("I wanted the season pass. I paid with a Visa credit card, and I'm not sure if my bank "
     "blocked it or if you just don't take foreign cards.", "en"),
    ("Je voulais le pass. C'est une carte bancaire Visa, et je ne sais pas si ma banque a "
     "bloqué ou si vous refusez les cartes étrangères.", "fr"),
    ("Eu queria o passe. Paguei com cartão de crédito Visa, e não sei se o banco bloqueou "
     "ou se vocês não aceitam cartão estrangeiro.", "pt-br"),
    ("시즌 패스 사려고 했어요. 해외에서 발급한 신용카드인데 은행에서 막은 건지 아니면 해외 "
     "카드는 안 받는 건지 모르겠어요.", "ko"),
])
def test_a_method_stated_before_the_doubt_is_written(games: TriageContext, body: str,
                                                     locale: str) -> None:
    got, ask = _read(games, body, "unable-to-purchase", locale)
    assert got.get("payment_method") == "pay_card"
    assert "payment_method" not in ask


@pytest.mark.parametrize(("body", "locale"), [
    ("I'm not sure if I paid with my credit card or with PayPal.", "en"),
    ("신용카드로 결제한 건지 페이팔로 한 건지 모르겠어요.", "ko"),
])
def test_a_method_inside_the_doubt_stays_a_question(games: TriageContext, body: str,
                                                    locale: str) -> None:
    got, _ = _read(games, body, "unable-to-purchase", locale)
    assert "payment_method" not in got
