"""Causes of misreads found on the fresh37 split and on tune10, each fixed as a general rule
and tested here in sentences of our own: a numeric id written in groups ("40 771 236",
"90-114-27", "6.120.447") is its digits when the field's label stands right before it, and
groups of digits with no label (a phone, a postcode, a company number, an order's number)
are never the id. A date in another person's clause is theirs ("같은 길드원 Hoshi는 어제
완료했다는데", "my friend finished it yesterday"), unless the requester writes for them,
is with them ("at me and my friend") or dates their own try by it ("no mesmo dia"); a
person's word capitalised inside a sentence names a thing ("Bought Patron 90 days"). The
day the requester wrote to support before ("je vous avais déjà écrit mardi") is no date
of the problem, and a negation carries over a slash ("no agency/studio"). A Korean label
without its space labels an option line ("결제수단: 카카오페이"); a kind the requester cannot
remember is in doubt ("모델로 했는지 스튜디오로 했는지 기억이 안 나요"); "do nada" (out of
nowhere) negates nothing; "não, desculpa" and "non désolée" take back the word before; a
name after a label and a colon is read in a short reply ("item: Planar Sword of
Tempest") even though its words are capitalised. Of several labelled ids, the one the
requester calls theirs is read ("le mien (SID …)", "eu sou o …", "제꺼는 …", "my SID is
…"); a long number's 번 numbers it ("5512031번이라고"), it counts no times. A text shouted
whole gives no leftover name ("JA MANDEI 3 TICKETS"), nor does an option's keyword ("PS
Store", a payment method)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from test_reading import read_ticket as _read

from integrations.triage import TriageContext
from integrations.triage.reading.corrections import taken_back
from integrations.triage.reading.dates import find_dates
from integrations.triage.reading.matcher import clause_person, is_negated

WEDNESDAY = datetime(2026, 12, 2, 14, 40)

# ------------------------------------------------------------------ ids written in groups


@pytest.mark.parametrize(("body", "locale"), [
    ("Our commissions for October never arrived. The site ID is 33-904-81.", "en"),
    ("My SID: 33 904 81. The October commissions are missing.", "en"),
    ("Les commissions d'octobre ne sont jamais arrivées. Notre SID est le 33 904 81.", "fr"),
    ("Mon ID site : 3.390.481, les commissions d'octobre manquent.", "fr"),
    ("As comissões de outubro não chegaram. O ID do site é 3.390.481.", "pt-br"),
    ("10월 커미션이 안 들어왔어요. 사이트 아이디는 3390 481 입니다.", "ko"),
])
def test_an_id_written_in_groups_after_its_label_is_its_digits(
        ads: TriageContext, body: str, locale: str) -> None:
    got, missing = _read(ads, body, None, locale)
    assert got.get("sid") == "3390481"
    assert "sid" not in missing


@pytest.mark.parametrize(("body", "locale"), [
    ("The October commissions never arrived. Call me on 06 12 34 56 78 please.", "en"),
    ("Loja Verde (CNPJ 12.345.678/0001-90): as comissões de outubro não chegaram.", "pt-br"),
    ("Mes commissions d'octobre manquent, ma commande 100-2281 aussi.", "fr"),
    ("Commissions missing since 12.10.2026, my postcode is 01310-200.", "en"),
])
def test_groups_of_digits_with_no_label_are_no_id(ads: TriageContext, body: str,
                                                  locale: str) -> None:
    got, missing = _read(ads, body, None, locale)
    assert "sid" not in got
    assert "sid" in missing


def test_a_grouped_number_of_another_thing_does_not_hide_the_plain_id(
        ads: TriageContext) -> None:
    got, _ = _read(ads, "Account no.: 71502339\nOrder number: 55-2219\nDetails: my "
                   "commissions were reversed last week.", None, "en")
    assert got.get("sid") == "71502339"


# ------------------------------------------------------------------ whose date


@pytest.mark.parametrize(("text", "language"), [
    ("같은 길드원 Hoshi는 어제 똑같이 해서 완료했다는데 저만 막혀 있어요.", "ko"),
    ("My friend Tova finished that quest yesterday, I am stuck at the last step.", "en"),
    ("Mon ami a fini la quête hier sans souci. Moi je bloque à la dernière étape.", "fr"),
    ("Meu amigo terminou a missão ontem. Eu travei na última etapa.", "pt"),
])
def test_a_date_in_another_persons_clause_is_theirs(text: str, language: str) -> None:
    assert find_dates(text, language, WEDNESDAY) == []


@pytest.mark.parametrize(("text", "language", "day"), [
    # the requester's own try dated by the other's: "no mesmo dia"
    ("meu irmão comprou o pacote no cartão dele ontem e funcionou, eu tentei com o meu no "
     "mesmo dia e deu recusado", "pt", date(2026, 12, 1)),
    # the requester with the person: "at me and my friend"
    ("a player kept spamming slurs at me and my friend on sunday evening", "en",
     date(2026, 11, 29)),
    # a thing's name with a person's word in it: "Patron 90 days" is an item
    ("Bought Patron 90 days on Monday with PayPal and got nothing", "en",
     date(2026, 11, 30)),
    # written for that person: their date is the ticket's
    ("I'm writing on behalf of my son: he could not log in yesterday.", "en",
     date(2026, 12, 1)),
])
def test_a_date_the_requester_shares_stays(text: str, language: str, day: date) -> None:
    assert [d for d, _, _ in find_dates(text, language, WEDNESDAY)] == [day]


@pytest.mark.parametrize(("text", "language"), [
    ("j'ai payé via PayPal vendredi dernier et rien reçu. Je vous avais déjà écrit mardi "
     "sans réponse.", "fr"),
    ("I paid with PayPal last Friday and got nothing. I already wrote on Tuesday, no "
     "answer.", "en"),
    ("paguei com PayPal sexta passada e nada chegou. Já escrevi na terça e nada.", "pt"),
])
def test_the_day_the_requester_wrote_before_is_no_date_of_the_problem(
        text: str, language: str) -> None:
    assert [d for d, _, _ in find_dates(text, language, WEDNESDAY)] == [date(2026, 11, 27)]


# ------------------------------------------------------------------ a denied list


def test_a_negation_carries_over_a_slash(stream: TriageContext) -> None:
    got, _ = _read(stream, "Customer type: Content creator (just me, no agency/studio)\n"
                   "Issue: I want to cancel my plan before it renews.", None, "en")
    assert got.get("occupation") != "occ_studio"
    text = "just me, no agency/studio"
    assert is_negated(text, text.index("studio"), len(text), "en")


# ------------------------------------------------------------------ labels, doubts, idioms


def test_a_korean_label_without_its_space_labels_the_option(games: TriageContext) -> None:
    got, missing = _read(games, "카드 거절 같은 건 아니고요, 결제는 정상적으로 됐어요. 근데 "
                         "게임에 안 들어왔어요.\n결제수단: 카카오페이",
                         "unable-to-purchase", "ko")
    assert got.get("payment_method") == "pay_other"
    assert "payment_method" not in missing


@pytest.mark.parametrize(("body", "locale"), [
    ("가입할 때 모델로 했는지 스튜디오로 했는지 기억이 안 나요. 구독 갱신일을 바꾸고 "
     "싶어요.", "ko"),
    ("I don't remember if I signed up as a model or as a studio. I want to change my "
     "renewal date.", "en"),
])
def test_a_kind_the_requester_cannot_remember_is_asked(stream: TriageContext, body: str,
                                                      locale: str) -> None:
    got, missing = _read(stream, body, None, locale)
    assert "occupation" not in got
    assert "occupation" in missing


@pytest.mark.parametrize(("text", "words", "negated"), [
    ("o jogo do nada e volta pra área de trabalho", "volta pra área de trabalho", False),
    ("nada e volta pra área de trabalho, tá normal", "volta pra área de trabalho", True),
])
def test_out_of_nowhere_is_no_negation(text: str, words: str, negated: bool) -> None:
    at = text.index(words)
    assert is_negated(text, at, at + len(words), "pt") is negated


@pytest.mark.parametrize(("text", "kept"), [
    ("Navegador Firefox... não, desculpa, é o Edge.", "Navegador é o Edge."),
    ("mon navigateur c'est Chrome, non désolée, Firefox", "mon navigateur c'est Firefox"),
])
def test_a_browser_taken_back_is_struck(text: str, kept: str) -> None:
    assert taken_back(text) == kept


def test_a_name_after_a_label_and_colon_in_a_short_reply_is_read(games: TriageContext) -> None:
    got, _ = _read(games, "item: Planar Sword of Tempest", "in-game-issues", "en")
    assert got.get("item_name") == "Planar Sword of Tempest"


# ------------------------------------------------------------------ whose id, of several


@pytest.mark.parametrize(("body", "locale", "sid"), [
    ("Je gère deux sites : le mien (SID 5512031) et celui de ma sœur (SID 5512099) dont je "
     "fais la compta. Mes commissions de novembre manquent.", "fr", "5512031"),
    ("Eu e meu sócio temos sites separados, ele é o 5512099 e eu sou o 5512031. Minhas "
     "comissões não caíram.", "pt-br", "5512031"),
    ("커미션이 안 들어왔어요. 사이트 번호는 친구가 알려준 건 5512099 인데 "
     "제꺼는 5512031 이에요", "ko", "5512031"),
    ("SID 5512099 was my old site, my SID is 5512031 now. Commissions missing.", "en",
     "5512031"),
    # a long number's 번 numbers it: "5512031번이라고"
    ("커미션이 두 달째 안 들어와요. 제 사이트 번호는 5512031번이라고 적어 두었어요.", "ko",
     "5512031"),
])
def test_of_several_labelled_ids_the_requesters_own_is_read(
        ads: TriageContext, body: str, locale: str, sid: str) -> None:
    got, missing = _read(ads, body, None, locale)
    assert got.get("sid") == sid
    assert "sid" not in missing


def test_a_bracket_after_a_korean_clause_ending_is_that_clauses(ads: TriageContext) -> None:
    got, _ = _read(ads, "동생도 퍼블리셔인데 (SID 5512099) 걔는 멀쩡하대요. 제 계정 5512031 로 "
                   "들어가면 대시보드가 깨져요.", None, "ko")
    assert got.get("sid") == "5512031"


def test_a_shouted_sentence_is_no_leftover_name(games: TriageContext) -> None:
    got, _ = _read(games, "SERIO ESSE JOGO É UMA PORCARIA, TUDO BUGADO, NINGUEM RESPONDE NADA, "
                   "JA MANDEI 3 TICKETS. VOU DESINSTALAR.", "in-game-issues", "pt-br")
    assert "item_name" not in got and "character_name" not in got


def test_an_options_keyword_is_no_leftover_name(games: TriageContext) -> None:
    got, _ = _read(games, "동생 계정(minu_kr)으로는 PS Store 지갑으로 바로 샀는데 제 계정 "
                   "haneul_p 에서는 결제가 안 돼요.", "unable-to-purchase", "ko")
    assert got.get("purchase_name") != "PS Store"


def test_removal_is_no_first_person() -> None:
    # "제거" (removal) is no "제 거" (mine): the clause stays the friend's
    text = "친구가 제거 요청한 사이트 5512099 도 있어요"
    assert clause_person(text, text.index("5512099")) == "친구"
