"""Causes of misreads found on the fresh33 split, each fixed as a general rule and tested
here in sentences of our own: an item a requester leaves empty in a list they filled
themselves ("Error: none", "Passos: mesma coisa de antes", "OS: n/a") states nothing; a name
after a cue never runs across a line's end ("… Starter Pack / Moyen de paiement : …");
"tonight" said in the afternoon of a plan ("j'ai un event ce soir") dates nothing, said of
something past it does; an earlier ticket's fate ("my first ticket got closed on Monday")
dates no problem; "none of that" in Korean ("튕기거나 그런 건 없고") denies the option before
it; a correction that repeats its copula ("grimsby-main no wait its grimsby_main") leaves
the value after the first copula; a label typed with a doubled letter once ("acount is …")
is still the label; "deux affaires" announces two problems, and then a value read for a
field only the asked dropdown requires (the quest's name, or the mount's?) is not written;
the game example's vocabulary for an e-mail on file, a launcher that "could not connect",
a "quest" in French and a hateful name in Korean; a reply that is one act ("j'ai juste
ouvert le rapport des clics") is the steps taken; and an act tried ("tried to copy",
"tentei copiar") after a greeting run on into it ("bom dia eu abri …") is a step."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from test_reading import on, written
from test_reading import read_ticket as _read

from integrations.triage import TriageContext, decide
from integrations.triage.reading.corrections import taken_back
from integrations.triage.reading.dates import find_dates
from integrations.triage.reading.matcher import is_denied
from integrations.triage.reading.words import placeholder

AFTERNOON = datetime(2026, 12, 2, 14, 40, tzinfo=UTC)
EVENING = datetime(2026, 12, 2, 21, 30, tzinfo=UTC)



# ------------------------------------------------------------------ items left empty


@pytest.mark.parametrize("value", ["n/a", "N/A.", "none", "same as above", "idem", "néant",
                                   "aucune idée", "mesma coisa de antes", "nenhum", "없음",
                                   "모름", "위와 같음", "-", "?"])
def test_an_empty_answer_is_a_placeholder(value: str) -> None:
    assert placeholder(value)


@pytest.mark.parametrize("value", ["Windows 11", "None of the banners load", "Session expired",
                                   "Nonesuch", "same day it broke"])
def test_a_value_is_no_placeholder(value: str) -> None:
    assert not placeholder(value)


@pytest.mark.parametrize(("body", "locale"), [
    ("Filling in what your form wanted:\nSID: 90311457\nProblem type: technical\n"
     "Browser: Chrome\nOS: n/a\nSteps: n/a\nError: none\n\nThe banner widget spins forever.",
     "en"),
    ("Preenchendo o que pediram:\nSID: 22019384\nTipo: técnico\nNavegador: Chrome\n"
     "Sistema: n/a\nPassos: mesma coisa de antes\nErro: nenhum\n\nO painel me desloga.",
     "pt-br"),
])
def test_a_list_item_left_empty_states_nothing(ads: TriageContext, body: str,
                                               locale: str) -> None:
    got, missing = _read(ads, body, "publisher-support", locale)
    assert got.get("problem_type") == "pub_technical"
    assert {"operating_system", "steps_taken", "error_message"}.isdisjoint(got)
    assert {"operating_system", "steps_taken"} <= set(missing)


# ------------------------------------------------------------------ a line's end


def test_a_cued_name_does_not_run_across_a_line(games: TriageContext) -> None:
    got, _ = _read(games, "Bonjour je remplis comme demandé :\nCompte : ArkHunterFR\n"
                   "Achat : Ark Hunter Starter Pack\nMoyen de paiement : la CB\n"
                   "Problème : ça dit que le paiement est refusé", "unable-to-purchase", "fr",
                   product="game_rift")
    assert got.get("purchase_name") == "Ark Hunter Starter Pack"


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize(("text", "language"), [
    ("jai oublié mon mdp, aidez moi stp jai un event ce soir avec ma guilde", "fr"),
    ("I have a raid tonight and can't log in", "en"),
    ("오늘 밤에 레이드가 있어요", "ko"),
])
def test_tonight_said_in_the_afternoon_is_still_to_come(text: str, language: str) -> None:
    assert find_dates(text, language, AFTERNOON) == []


@pytest.mark.parametrize(("text", "language"), [
    ("My Visa got declined three times tonight", "en"),
    ("ma carte a été refusée ce soir", "fr"),
    ("오늘 밤에 튕겼어요", "ko"),
])
def test_tonight_said_of_the_past_dates_today(text: str, language: str) -> None:
    assert [d for d, _, _ in find_dates(text, language, AFTERNOON)] == [AFTERNOON.date()]


def test_tonight_said_in_the_evening_dates_today() -> None:
    assert [d for d, _, _ in find_dates("the launcher won't start tonight", "en", EVENING)] \
        == [EVENING.date()]


@pytest.mark.parametrize(("text", "language"), [
    ("My first ticket #448812 got closed on Monday without an answer. On Nov 28 I bought "
     "5000 Credits.", "en"),
    ("Ma première demande a été fermée lundi sans réponse. Le 28 novembre j'ai acheté 5000 "
     "crédits.", "fr"),
    ("Meu chamado anterior foi fechado ontem sem resposta. No dia 28/11 comprei 5000 "
     "créditos.", "pt"),
])
def test_an_earlier_tickets_fate_dates_no_problem(text: str, language: str) -> None:
    assert [d.isoformat() for d, _, _ in find_dates(text, language, AFTERNOON)] == [
        "2026-11-28"]


# ------------------------------------------------------------------ none of that (ko)


def test_none_of_that_denies_the_option_before_it(games: TriageContext) -> None:
    text = "요즘 프레임이 말도 안 되게 떨어져요. 튕기거나 그런 건 없고 그냥 버벅임. 계정 rift_bori"
    at = text.index("튕기")
    assert is_denied(text, at, at + 2, "ko")
    got, _ = _read(games, text, "technical-issues", "ko", product="game_rift")
    assert got.get("issue_type") == "tech_performance"


# ------------------------------------------------------------------ corrections


@pytest.mark.parametrize(("text", "kept"), [
    ("the account name is grimsby-main no wait its grimsby_main with the underscore",
     "the account name is grimsby_main with the underscore"),
    ("mon compte c'est bella_rose, non pardon c'est bella_roze", "mon compte c'est bella_roze"),
    # no copula before the word taken back: the one after it stays
    ("Lundi, non pardon, c'était mardi", "c'était mardi"),
])
def test_a_repeated_copula_goes_with_the_correction(text: str, kept: str) -> None:
    assert taken_back(text) == kept


# ------------------------------------------------------------------ a doubled letter


@pytest.mark.parametrize(("body", "locale"), [
    ("tried to buy Patron 30 Days yesterday and it keeps saying declined. acount is "
     "dwarfkicker", "en"),
    ("the adress of my acount is dwarfkicker, card declined yesterday", "en"),
])
def test_a_label_typed_with_one_letter_of_two(games: TriageContext, body: str,
                                              locale: str) -> None:
    got, _ = _read(games, body, "unable-to-purchase", locale, product="game_rift")
    assert got.get("account_name") == "dwarfkicker"


def test_a_short_word_keeps_its_doubled_letter(games: TriageContext) -> None:
    """"nommé" with one "m" would be Portuguese "nome": the reported player stays unread."""
    got, _ = _read(games, "o cara usa bot de pesca. nome Pescador, vi no servidor Dahuta.",
                   "report-a-player", "pt-br", product="game_archeage")
    assert got.get("reported_player") != "Pescador"


# ------------------------------------------------------------------ two problems


def test_two_affairs_and_the_name_only_one_of_them_needs(games: TriageContext) -> None:
    got, missing = _read(
        games, "depuis la fin de semaine passée j'ai deux affaires qui marchent pas. "
        "Premièrement ma monture Ardent Warhorse est disparue de ma collection. Deuxièmement "
        "la quête Carnage: Stonefield se complète pas. Mon perso c'est Beaulieu sur Greybriar.",
        "in-game-issues", "fr", product="game_rift")
    assert "ingame_category" not in got and "ingame_category" in missing
    assert "item_name" not in got  # the mount's or the quest's?
    assert got.get("character_name") == "Beaulieu"  # the form requires it whatever the kind


# ------------------------------------------------------------------ vocabulary


@pytest.mark.parametrize(("form", "body", "locale", "key", "value"), [
    ("glyph-account-issues", "The address my Glyph account (mossbeard) was registered with "
     "belongs to my former employer. I would like to move the account over to my personal "
     "address.", "en", "account_issue", "acct_email_change"),
    ("technical-issues", "when I press Play the circle goes round and then it says it could "
     "not connect. My account is RoseGarden1948", "en", "issue_type", "tech_login"),
    ("in-game-issues", "la quest Dragon Egg Hunt est buggée, impossible de la turn in. Mon "
     "perso c'est Zorglub77", "fr", "ingame_category", "ingame_quest"),
    ("report-a-player", "H8Asians 라는 닉네임 쓰는 플레이어 봤어요. "
     "아시아인 혐오하는 이름 같은데 이런 닉 허용되나요? 제 캐릭은 Yuna0214", "ko", "offense",
     "offense_name"),
])
def test_game_vocabulary(games: TriageContext, form: str, body: str, locale: str, key: str,
                         value: str) -> None:
    got, _ = _read(games, body, form, locale, product="game_trove")
    assert got.get(key) == value


# ------------------------------------------------------------------ steps


@pytest.mark.parametrize(("reply", "locale"), [
    ("j'ai juste ouvert le rapport des clics comme d'hab", "fr"),
    ("I just opened the clicks report like every day", "en"),
    ("só abri o relatório de cliques como sempre", "pt-br"),
])
def test_a_reply_that_is_one_act_is_the_steps(ads: TriageContext, reply: str,
                                              locale: str) -> None:
    ticket = on(ads, "mes stats de clics sont a zero depuis avant hier, bug technique, "
                "firefox sous ubuntu 22.04. SID 66120934", form="publisher-support",
                locale=locale)
    first = ticket.comments[0]
    ticket = replace(ticket, comments=(first, replace(
        first, id=2, body=reply, created_at=first.created_at + timedelta(hours=1))))
    d = decide(ticket, ads)
    assert written(ads, d).get("steps_taken") == reply


def test_a_reply_that_is_no_act_is_no_steps(ads: TriageContext) -> None:
    ticket = on(ads, "mes stats de clics sont a zero, bug technique, firefox sous ubuntu "
                "22.04. SID 66120934", form="publisher-support", locale="fr")
    first = ticket.comments[0]
    ticket = replace(ticket, comments=(first, replace(
        first, id=2, body="merci de regarder vite svp", created_at=first.created_at
        + timedelta(hours=1))))
    assert "steps_taken" not in written(ads, decide(ticket, ads))


@pytest.mark.parametrize(("body", "locale", "steps"), [
    ("bom dia eu abri o painel pelo celular e tentei copiar o link do produto e não copia "
     "nada. uso safari no ios 17, problema técnico. meu sid é 80012945", "pt-br",
     "eu abri o painel pelo celular e tentei copiar o link do produto"),
    ("good morning I opened the dashboard on my phone and tried to copy the product link "
     "and nothing copies. safari on ios 17, technical problem. SID 80012945", "en",
     "I opened the dashboard on my phone and tried to copy the product link"),
    ("J'ai ouvert le tableau de bord et j'ai essayé de copier le lien du produit, rien ne "
     "se copie. safari ios 17, problème technique. SID 80012945", "fr",
     "J'ai ouvert le tableau de bord et j'ai essayé de copier le lien du produit"),
])
def test_an_act_tried_after_a_greeting_is_a_step(ads: TriageContext, body: str, locale: str,
                                                 steps: str) -> None:
    got, _ = _read(ads, body, "publisher-support", locale)
    assert str(got.get("steps_taken", "")).startswith(steps)
