"""Causes of misreads found on the fresh36 split and on the opened corpus, each fixed as a
general rule and tested here in sentences of our own: a day of the month written in words
is a date ("le vingt-sept novembre", "on the twenty-third", "dia vinte e cinco de
novembro"); a learner's "two problem" and a first problem named as one ("First problem:
…", "Premier problème :") announce two problems; an adverb of precision after a field's
name is no name ("je ne sais pas quel serveur c'est exactement")."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from test_reading import read_ticket as _read

from integrations.triage import TriageContext
from integrations.triage.reading.dates import find_dates
from integrations.triage.reading.parts import parts

WEDNESDAY = datetime(2026, 12, 2, 14, 40)

# ------------------------------------------------------------------ days in words


@pytest.mark.parametrize(("text", "language", "day", "phrase"), [
    ("PayPal m'a débité 49,99 € le vingt-sept novembre et rien n'est arrivé", "fr",
     date(2026, 11, 27), "vingt-sept novembre"),
    ("c'était le trente et un octobre au soir", "fr", date(2026, 10, 31),
     "trente et un octobre"),
    ("I was charged on the twenty-third of November and got nothing", "en",
     date(2026, 11, 23), "twenty-third of November"),
    ("it happened on November twenty first, around noon", "en", date(2026, 11, 21),
     "November twenty first"),
    ("it started on the twenty-ninth. nothing since", "en", date(2026, 11, 29),
     "on the twenty-ninth"),
    ("fui cobrado no dia vinte e cinco de novembro e nada chegou", "pt",
     date(2026, 11, 25), "vinte e cinco de novembro"),
    ("a cobrança foi no primeiro de dezembro", "pt", date(2026, 12, 1),
     "primeiro de dezembro"),
])
def test_a_day_written_in_words_is_a_date(text: str, language: str, day: date,
                                          phrase: str) -> None:
    assert find_dates(text, language, WEDNESDAY) == [(day, 0.9, phrase)]


@pytest.mark.parametrize(("text", "language"), [
    ("I tried three times and twenty minutes later it failed again", "en"),
    ("j'ai vingt-sept personnages et un seul marche", "fr"),
    ("tentei vinte e cinco vezes", "pt"),
    ("the second one of november's packs never came", "en"),
])
def test_a_number_in_words_elsewhere_is_no_date(text: str, language: str) -> None:
    assert find_dates(text, language, WEDNESDAY) == []


def test_a_day_in_words_dates_the_ticket(games: TriageContext) -> None:
    got, missing = _read(games, "Mon achat du pack Gardien n'est jamais arrivé : PayPal m'a "
                         "débité le vingt-sept février, transaction 7KX41822MN503921B, compte "
                         "Brisefer_22.", "unable-to-purchase", "fr", product="game_rift",
                         platform="platform_pc", region="region_eu")
    assert got.get("occurred_on") == "2026-02-27"
    assert "occurred_on" not in missing


# ------------------------------------------------------------------ two problems


@pytest.mark.parametrize(("text", "second"), [
    ("First problem: my mount saddle left my bags. Second problem: the quest NPC has no talk "
     "option.", "Second problem: the quest NPC has no talk option."),
    ("Premier problème : ma selle a disparu du sac. Deuxième problème : le PNJ de la quête ne "
     "parle plus.", "Deuxième problème : le PNJ de la quête ne parle plus."),
    ("Primeiro problema: minha sela sumiu da bolsa. Segundo problema: o NPC da missão não "
     "fala.", "Segundo problema: o NPC da missão não fala."),
    ("첫 번째 문제는 안장이 가방에서 사라졌어요. 두 번째 문제는 퀘스트 NPC가 대화가 안 돼요.",
     "두 번째 문제는 퀘스트 NPC가 대화가 안 돼요."),
])
def test_a_first_problem_named_as_one_announces_two(text: str, second: str) -> None:
    cut = parts(text)
    assert cut is not None and cut[1] == second


def test_a_learners_two_problem_announces_two(games: TriageContext) -> None:
    got, missing = _read(games, "Hello. My saddle for the mount is not anymore in my bags after "
                         "I arranged the storage. Second, the NPC of the swamp quest is not "
                         "giving me the talk option. My character call Maelwyn.",
                         "in-game-issues", "en", subject="Two problem please help",
                         product="game_rift", platform="platform_pc", region="region_na")
    assert "ingame_category" not in got
    assert "ingame_category" in missing


def test_a_first_time_names_no_second_problem() -> None:
    assert parts("The first thing I did was restart. Second, nothing changed.") is None


# ------------------------------------------------------------------ adverbs


@pytest.mark.parametrize(("body", "locale"), [
    ("Un joueur qui s'appelle Pyrokiller m'insulte en chat depuis samedi. Je ne sais pas quel "
     "serveur c'est exactement, on est sur l'Europe.", "fr"),
    ("A player called Pyrokiller insults me in chat since Saturday. Not sure what the server "
     "is exactly, we're in Europe.", "en"),
    ("Um jogador chamado Pyrokiller me xinga no chat desde sábado. Não sei qual servidor é "
     "exatamente, estamos na Europa.", "pt-br"),
])
def test_an_adverb_of_precision_is_no_name(games: TriageContext, body: str,
                                           locale: str) -> None:
    got, missing = _read(games, body, "report-a-player", locale, product="game_rift")
    assert "server" not in got
    assert "server" in missing
