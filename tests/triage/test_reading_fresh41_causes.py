"""Causes of misreads found on the fresh41 split, each fixed as a general rule and tested
here in sentences of our own. An id inside a URL is read when the part before it names the
field ("…/site/7719034/links", "…/publisher/44910273/…"), never when it names another thing.
"mon site c'est le 7340021" is a label. A post a friend made, copied in under a line of
dashes after a line saying so ("아래는 친구가 디스코드에 올린 거 복붙한 거예요"), is the
friend's. Words said to make one ("pixel paladin 88 all one word") are one; an e-mail
address said aloud ("mathis point r 9 2 arobase gmail point com") is the address; a
question quoted back with a short answer under it ("> - le nom de votre compte Glyph\\n
Mathrak") labels the answer. Portuguese chat shorthand is written out before phrases are
matched ("sei q n tem volta")."""

from __future__ import annotations

import pytest
from test_reading import read_ticket as _read

from integrations.triage import TriageContext
from integrations.triage.reading.corrections import dictated, joined
from integrations.triage.reading.forwarded import own_words
from integrations.triage.reading.normalise import spelled_out

# ------------------------------------------------------------------ an id inside a URL


@pytest.mark.parametrize(("body", "sid"), [
    ("The deep links send people to the homepage. This is the page i'm looking at "
     "https://publisher.example-dash.com/site/7719034/links?tab=deeplink", "7719034"),
    ("Candidature refusée sans motif. (la page : https://dashboard.example.com/publisher/"
     "44910273/programs/status)", "44910273"),
    ("Links broken, see https://x.example.com/sites/4471023/reports", "4471023"),
    ("Links broken, see https://x.example.com/products/4471023/reports", None),
    ("Links broken, see https://x.example.com/reports/2026/4471023", None),
])
def test_an_id_in_a_url_is_read_when_the_url_names_it(ads: TriageContext, body: str,
                                                      sid: str | None) -> None:
    got, missing = _read(ads, body, None, "en")
    assert got.get("sid") == sid
    assert ("sid" in missing) is (sid is None)


def test_cest_after_the_fields_name_labels_the_value(ads: TriageContext) -> None:
    got, _ = _read(ads, "Les liens profonds vers Maison Dubois tombent sur une 404. Pour info "
                        "mon site c'est le 7340021 (celui de Julie c'est le 7340099, elle vous "
                        "écrira de son côté).", None, "fr")
    assert got.get("sid") == "7340021"


# ------------------------------------------------------------------ a friend's post pasted


@pytest.mark.parametrize(("text", "kept"), [
    ("아래는 친구가 디스코드에 올린 거 복붙한 거예요.\n\n---\n내 계정 nightfox_d2050 인데\n---\n\n"
     "제 계정은 dfnc_minsu 이고요", False),
    ("Below is what my friend posted on the forum:\n---\nmy account is nightfox_d2050\n---\n"
     "Mine is dfnc_minsu.", False),
    ("Pasted below is my launcher log:\n---\nuser nightfox_d2050 login failed\n---\n", True),
])
def test_a_post_someone_else_made_pasted_below_is_theirs(text: str, kept: bool) -> None:
    assert ("nightfox_d2050" in own_words(text)) is kept


def test_the_requesters_own_account_beside_a_pasted_post_is_read(games: TriageContext) -> None:
    got, _ = _read(games, "아래는 친구가 디스코드에 올린 거 복붙한 거예요. 저도 똑같아요.\n\n---\n"
                          "\"2단계 인증 코드가 메일로 안 옴. 내 계정 nightfox_d2050 인데\"\n---\n\n"
                          "제 계정은 dfnc_minsu 이고요, 2단계 인증 코드 메일이 안 와요.",
                   "glyph-account-issues", "ko", product="game_defiance_2050")
    assert got.get("account_name") == "dfnc_minsu"


# ------------------------------------------------------------------ words said to be one


@pytest.mark.parametrize(("text", "meant"), [
    ("my account name is pixel paladin 88 all one word no spaces thanks",
     "my account name is pixelpaladin88 all one word no spaces thanks"),
    ("mon pseudo cest rouge gorge tout attaché", "mon pseudo cest rougegorge tout attaché"),
    ("minha conta é lobo mau 7 tudo junto", "minha conta é lobomau7 tudo junto"),
    ("계정은 blue whale 7 붙여서요", "계정은 bluewhale7 붙여서요"),
    # no label before the words: a phrase, not a name
    ("I love this game so much all one word", "I love this game so much all one word"),
    # said whole right after: the spaced words were a first try
    ("my account is blue beard no spaces its bluebeardgaming all one word",
     "my account is blue beard no spaces its bluebeardgaming all one word"),
])
def test_words_said_to_be_one_are_one(text: str, meant: str) -> None:
    assert joined(text) == meant


def test_a_name_said_to_be_one_word_is_read_whole(games: TriageContext) -> None:
    got, missing = _read(games, "hi can i change the email on my glyph account, i can still log "
                                "in fine. my account name is pixel paladin 88 all one word no "
                                "spaces thank you", "glyph-account-issues", "en",
                         product="game_trove")
    assert got.get("account_name") == "pixelpaladin88" and "account_name" not in missing


# ------------------------------------------------------------------ an address said aloud


@pytest.mark.parametrize(("text", "meant"), [
    ("mathis point r92 arobase gmail point com", "mathis.r92@gmail.com"),
    ("my email is john underscore doe at outlook dot com thanks",
     "my email is john_doe@outlook.com thanks"),
    ("meu email: ana ponto lima arroba hotmail ponto com ponto br",
     "meu email: ana.lima@hotmail.com.br"),
    ("petit loup tiret bas 42 arobase free point fr", "petitloup_42@free.fr"),
    ("메일은 sunny 골뱅이 naver 점 com 이에요", "메일은 sunny@naver.com 이에요"),
    # no top-level domain: no address
    ("I was at home dot later", "I was at home dot later"),
    ("I was at home dot com", "I was at home dot com"),
])
def test_an_address_said_aloud_is_the_address(text: str, meant: str) -> None:
    assert dictated(text) == meant


def test_an_address_spelled_and_said_aloud_is_read(games: TriageContext) -> None:
    got, _ = _read(games, "Je n'arrive plus à me connecter, j'ai perdu mon téléphone avec "
                          "l'appli des codes. Mon compte c'est Mathrak, l'adresse e-mail du "
                          "compte : m-a-t-h-i-s point r92 arobase gmail point com.",
                   "account-recovery", "fr", product="game_rift")
    assert got.get("account_email") == "mathis.r92@gmail.com"


# ------------------------------------------------------------------ answers under quoted questions


@pytest.mark.parametrize(("text", "meant"), [
    ("> - le nom de votre compte Glyph\nMathrak\n", "le nom de votre compte Glyph : Mathrak\n"),
    ("> Your username\nsk8rboi_02", "Your username : sk8rboi_02"),
    # a sentence under the question is read as written, without the quote
    ("> Your username\nthe watching one is sk8rboi_02, the other is old",
     "\nthe watching one is sk8rboi_02, the other is old"),
    # a quoted line holding a value is someone else's, never a label
    ("> my SID is 6612093\nsame here", "\nsame here"),
])
def test_a_question_quoted_back_labels_its_short_answer(text: str, meant: str) -> None:
    assert own_words(text) == meant


def test_answers_under_the_helpdesks_quoted_questions_are_read(games: TriageContext) -> None:
    got, _ = _read(games, "Bonjour, je réponds à votre message en dessous.\n\n> - le nom de "
                          "votre compte Glyph\nMathrak\n\n> - l'adresse e-mail du compte\n"
                          "mathis.r92@gmail.com\n", "account-recovery", "fr",
                   product="game_rift")
    assert got.get("account_name") == "Mathrak"
    assert got.get("account_email") == "mathis.r92@gmail.com"


# ------------------------------------------------------------------ Portuguese chat shorthand


@pytest.mark.parametrize(("text", "meant"), [
    ("sei q n tem volta, blz", "sei que não tem volta, blz"),
    ("vc consegue fazer isso hj?", "você consegue fazer isso hoje?"),
    ("n° 12 e o n.o", "n° 12 e o n.o"),
    ("meu email é q@n.com", "meu email é q@n.com"),
])
def test_portuguese_shorthand_is_written_out(text: str, meant: str) -> None:
    assert spelled_out(text, "pt") == meant


def test_shorthand_of_other_languages_stays_as_written() -> None:
    assert spelled_out("sei q n tem volta", "en") == "sei q n tem volta"


def test_a_consent_in_shorthand_ticks_the_box(games: TriageContext) -> None:
    got, missing = _read(games, "oi, quero excluir minha conta pq parei de jogar. sei q n tem "
                                "volta, blz. minha conta é vitinho_aa.", "account-deletion",
                         "pt-br", product="game_archeage")
    assert got.get("deletion_confirmed") is True and "deletion_confirmed" not in missing
