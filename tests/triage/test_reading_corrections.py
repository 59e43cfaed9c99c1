"""A word the requester takes back as they write (`reading.corrections`): the value that stands
is the one after the correction marker, in every language of the corpus; a filler after a
sentence's end strikes nothing."""

from __future__ import annotations

import pytest
from test_reading import on, written
from triage_support import example_context

from integrations.triage import decide
from integrations.triage.reading.corrections import taken_back


@pytest.mark.parametrize(("text", "stands"), [
    ("Mon pseudo est bella_rose — non pardon, bella_roze avec un z", "Mon pseudo est bella_roze"),
    ("Desde segunda... quer dizer, terça, o Safari não carrega", "Desde terça, o Safari"),
    ("Lundi, non pardon, c'était mardi, le jour de la maintenance", "c'était mardi, le jour"),
    ("it was Tuesday — no, Wednesday", "it was Wednesday"),
    ("my SID is 4471902... sorry, I mean 4471920", "my SID is 4471920"),
    ("윈도우 10... 아 아니다 작년에 업그레이드 했네요, 윈도우 11입니다", "윈도우 작년에"),
])
def test_the_word_taken_back_is_struck(text: str, stands: str) -> None:
    assert stands in taken_back(text)


@pytest.mark.parametrize("text", [
    'it asks every time, even with "remember this computer". I mean, I can log in',
    "I tried it - no luck, same thing",
    # "I mean" and "quer dizer" after a comma are as often fillers or rephrases (a name
    # corrected into a near copy of itself is the name reader's: test_reading_names_items)
    "my character is Aelin, I mean Thorgar lost it too",
    "meu personagem é Ayla, quer dizer, era ontem",
    "Bonjour, je voudrais savoir comment exporter mes rapports",
])
def test_a_filler_or_plain_text_is_left_as_is(text: str) -> None:
    assert taken_back(text) == text


def test_the_corrected_id_is_written() -> None:
    ctx = example_context("ad-network")
    d = decide(on(ctx, "My payment never came. My SID is 4471902 — no, sorry, I mean 4471920."),
               ctx)
    assert written(ctx, d).get("sid") == "4471920"


@pytest.mark.parametrize(("text", "stands", "gone"), [
    ("locked out since saturday. sid 6610284 sorry 6610248 typing on my phone",
     "sid 6610248 typing", "6610284"),
    ("Mon SID c'est 5520913, je veux dire, 5520931.", "Mon SID c'est 5520931.", "5520913"),
    ("meu usuário é mari_22 desculpa o corretor, mari_222", "meu usuário é mari_222",
     "mari_22 "),
    ("아이디는 haneul_7 아니 haneul_77 이에요", "아이디는 haneul_77 이에요", "haneul_7 "),
    ("계정명 sora_11 아 잘못 썼다 sora_12 입니다", "계정명 sora_12 입니다", "sora_11"),
])
def test_a_value_followed_by_its_own_correction_is_struck(text: str, stands: str,
                                                        gone: str) -> None:
    """A number then a number of its length, a handle then a handle like it, with a marker
    between ("sorry", "je veux dire", "desculpa o corretor", "아니"): the first is a slip,
    whatever the punctuation."""
    out = taken_back(text)
    assert stands in out and gone not in out


@pytest.mark.parametrize("text", [
    # two different values: an amount and an id, a friend's handle and the requester's
    "I paid 2000 sorry, my SID is 6610248",
    "order 123456 sorry 7654321 is my SID",
    "my friend is tom_22, I mean my own account is alice_9",
    "typo in my last message, my SID is 6610248",
])
def test_two_different_values_are_both_kept(text: str) -> None:
    assert taken_back(text) == text
