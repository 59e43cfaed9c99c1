"""Causes of misreads found on the fresh41 split, each fixed as a general rule and tested
here in sentences of our own. An id inside a URL is read when the part before it names the
field ("…/site/7719034/links", "…/publisher/44910273/…"), never when it names another thing.
"mon site c'est le 7340021" is a label. A post a friend made, copied in under a line of
dashes after a line saying so ("아래는 친구가 디스코드에 올린 거 복붙한 거예요"), is the
friend's. Words said to make one ("pixel paladin 88 all one word") are one; an e-mail
address said aloud ("mathis point r 9 2 arobase gmail point com") is the address; a
question quoted back with a short answer under it ("> - le nom de votre compte Glyph\\n
Mathrak") labels the answer. Portuguese chat shorthand is written out before phrases are
matched ("sei q n tem volta"). A date told after "since" is the problem's start even where
"still" follows; "around 1am last night" does not say which day; a date in digits is never
an id ("2026-11-14" under a pasted table's "Transaction ID"); an act said to work ("je me
connecte très bien") is no step taken; a game called by its first word ("mon compte
Defiance") is no account name. "conta? a minha é dn_rift1": the form's question echoed
names the field "mine" stands for. A family member's account, when the requester writes
for them ("딸인 제가 대신 글을 남깁니다 … 아버지 계정 이름은 X"), is the ticket's; a friend's
stays the friend's. "Minha main" is the requester's character. A rule's keyword in the
requester's guess at the category, taken back before the problem ("je pense que c'est plutôt
un problème de facturation, …, mais bon"), or in a short question opening a line ("souci
facturation ?"), names no topic; a Korean list denied as one reaches over a noun of topic
("결제나 구독 쪽 얘기는 아니구요"), and so does "je ne viens pas pour une histoire de
facture" in French. An e-mail address under the sign-off is the sender's
contact card, the account's only when labelled (a "P.S." below it is the requester's words
again); a handle after another field's noun and a copula ("The account is his, X") is no
leftover for a third field (a purchase's name). Of ids in the rows of a pasted table, the one
whose row is not said to work is the problem's; the requester's own name in brackets after
their pronoun ("moi (Ysaline)") is their character on a report form. A reply that says the
first problem works now and turns to a new one ("이제 됩니다 … 근데 이번엔 …") gives the
problem's kind from the new one only."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from test_reading import CREATED as TICKET_CREATED
from test_reading import REQUESTER, on, written
from test_reading import read_ticket as _read

from integrations.model import TicketComment
from integrations.triage import TriageContext, decide
from integrations.triage.reading.corrections import dictated, joined
from integrations.triage.reading.dates import find_dates
from integrations.triage.reading.forwarded import own_words
from integrations.triage.reading.matcher import not_the_topic
from integrations.triage.reading.normalise import spelled_out
from integrations.triage.reading.parts import latest_story

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


# ------------------------------------------------------------------ dates: since, small hours

CREATED = datetime(2026, 12, 2, 14, 40, tzinfo=UTC)


def test_a_date_after_since_is_the_start_even_with_still() -> None:
    found = find_dates("since yesterday's patch the launcher STILL sits at 99% every time",
                       "en", CREATED)
    assert [str(d) for d, _, _ in found] == ["2026-12-01"]


def test_a_retry_still_dates_nothing_of_its_own() -> None:
    got = find_dates("I bought it Monday. I tried again today and it still fails.", "en",
                     CREATED)
    assert {str(d) for d, _, _ in got} == {"2026-11-30", "2026-12-02"}


@pytest.mark.parametrize(("body", "dated"), [
    ("me and my buddy were doing arkfalls around 1am last night and this guy xXSpamXx kept "
     "spamming zone chat", False),
    ("around midnight last night this guy xXSpamXx kept spamming zone chat", False),
    ("last night around 9pm this guy xXSpamXx kept spamming zone chat", True),
])
def test_a_small_hours_time_last_night_leaves_the_day_asked(games: TriageContext, body: str,
                                                          dated: bool) -> None:
    got, _ = _read(games, body, "report-a-player", "en", product="game_defiance_2050")
    assert ("occurred_on" in got) is dated


# ------------------------------------------------------------------ a date is no id


def test_a_date_under_a_tables_id_header_is_no_id(games: TriageContext) -> None:
    got, _ = _read(games, "My PayPal export, all for my Glyph account mirelle_k:\n\n"
                          "Date       | Description               | Amount | Transaction ID\n"
                          "2026-11-14 | RIFT Store - 5000 Credits | €34.99 | 3HN40218UV552913K\n"
                          "2026-11-29 | RIFT Store - 10000 Credits | €64.99 | 9RT17720KL068341C\n"
                          "\nThe last one never showed up in game.", "unable-to-purchase", "en",
                   product="game_rift")
    assert got.get("transaction_id") != "2026-11-14"


# ------------------------------------------------------------------ what works is no step


@pytest.mark.parametrize("body", [
    "depuis lundi mes liens ne rapportent plus rien. Ce n'est pas un problème de compte, je me "
    "connecte très bien. SID 1203948.",
    "since monday my links earn nothing. not an account thing, i log in just fine. SID 1203948",
])
def test_an_act_said_to_work_is_no_step_taken(ads: TriageContext, body: str) -> None:
    got, _ = _read(ads, body, None, "fr" if "depuis" in body else "en",
                   problem_type="pub_technical")
    assert "steps_taken" not in got


# ------------------------------------------------------------------ a game by its first word


def test_a_game_called_by_its_first_word_is_no_account_name(games: TriageContext) -> None:
    got, missing = _read(games, "allo, svp fermez mon compte Defiance, ça fait 2 ans que je "
                                "joue plus. le compte est à mon courriel tit-gus@example.ca.",
                         "account-deletion", "fr", product="game_defiance_2050")
    assert "account_name" not in got and "account_name" in missing


# ------------------------------------------------------------------ "mine" after an echoed question


@pytest.mark.parametrize("body", [
    "o patch fica em 0 B/s. conta? a minha é dn_rift1",
    "o patch fica em 0 B/s. conta? a do meu primo é caio_rift99 pq ele joga junto cmg, a minha "
    "é dn_rift1",
])
def test_mine_after_the_forms_question_echoed_is_the_value(games: TriageContext,
                                                           body: str) -> None:
    got, _ = _read(games, body, "technical-issues", "pt-br", product="game_rift")
    assert got.get("account_name") == "dn_rift1"


# ------------------------------------------------------------------ written for a family member


@pytest.mark.parametrize(("body", "account"), [
    ("저희 아버지께서 비밀번호가 기억이 안 나신다고 합니다. 딸인 제가 대신 글을 남깁니다. "
     "아버지 계정 이름은 parkjs1961 입니다. 참고로 제 계정도 있는데 그건 문제 없어요.",
     "parkjs1961"),
    # not written for them: the requester's own
    ("아버지 계정 이름은 parkjs1961 입니다. 제 계정은 minji_p 이고요. 로그인이 안 돼요.",
     "minji_p"),
])
def test_a_family_members_account_written_for_is_the_tickets(games: TriageContext, body: str,
                                                             account: str) -> None:
    got, _ = _read(games, body, "account-recovery", "ko", product="game_archeage")
    assert got.get("account_name") == account


def test_a_friends_id_written_for_beside_ones_own_is_not_written(stream: TriageContext) -> None:
    got, _ = _read(stream, "저는 그냥 시청자인데요, 제 친구 아이디 minjun22 가 해킹당한 것 같아서 "
                           "대신 문의드려요. 혹시 제 계정(jh_park)으로 연락드려도 되나요?",
                   None, "ko")
    assert got.get("username") != "minjun22"


# ------------------------------------------------------------------ "main" for one's character


def test_minha_main_is_the_requesters_character(games: TriageContext) -> None:
    got, _ = _read(games, "Minha main é uma cleric chamada Oberyn no shard Deepwood, e desde "
                          "quinta a montaria sumiu. Meu alt (Selkie) ainda tem a dele.",
                   "in-game-issues", "pt-br", product="game_rift")
    assert got.get("character_name") == "Oberyn"


# ------------------------------------------------------------------ a category guessed, then not


@pytest.mark.parametrize(("text", "word", "topic"), [
    ("Bonsoir, je pense que c'est plutôt un problème de facturation, parce que je suis en "
     "compte gratuit, mais bon : je n'arrive pas à changer ma photo.", "facturation", False),
    ("I think it's a billing thing but my profile picture won't upload.", "billing", False),
    ("souci facturation ? photo de profil\nBonsoir, ma photo ne change pas.", "facturation",
     False),
    # a guess the requester keeps, or a plain statement: the topic
    ("I think it's a billing thing: I was charged twice.", "billing", True),
    ("My billing address is wrong on the invoice.", "billing", True),
    ("Billing question? I was charged twice this month", "Billing", True),
])
def test_a_guessed_category_taken_back_is_no_topic(text: str, word: str, topic: bool) -> None:
    at = text.index(word)
    assert not_the_topic(text, at, at + len(word)) is not topic


def test_a_guessed_billing_category_does_not_route_to_billing(stream: TriageContext) -> None:
    d = decide(on(stream, "Bonsoir, je pense que c'est plutôt un problème de facturation, "
                          "parce que je suis en compte gratuit, mais bon : je n'arrive pas à "
                          "changer ma photo de profil. Je suis un simple utilisateur.",
                  locale="fr", subject="souci facturation ? photo de profil"), stream)
    assert "Billing Support" not in [m.group for m in d.rules]


def test_a_korean_list_denied_over_a_noun_of_topic_routes_nowhere_near_billing(
        stream: TriageContext) -> None:
    d = decide(on(stream, "결제나 구독 쪽 얘기는 아니구요 ㅋㅋ 돈은 잘 나가고 있음. "
                          "어제부터 방송 볼 때 화질이 자꾸 360p로 떨어져요.", locale="ko"), stream)
    assert "Billing Support" not in [m.group for m in d.rules]


# ------------------------------------------------------------------ an address in a signature


SIGNED = ("I would like my Glyph account bokafor_rift closed. I am aware that deletion is "
          "permanent and cannot be reversed.\n\nRegards,\n\nBenedict Okafor\nSenior Associate | "
          "Okafor & Lane LLP\nT: +44 113 496 0721\nE: b.okafor@example.co.uk\n")


@pytest.mark.parametrize(("body", "email"), [
    (SIGNED, None),
    (SIGNED + "\nP.S.: the account's e-mail is b.okafor@example.co.uk", "b.okafor@example.co.uk"),
    ("Please delete my Glyph account bokafor_rift, registered to b.okafor@example.co.uk. I am "
     "aware that it cannot be reversed.\n\nBest regards,\nBenedict", "b.okafor@example.co.uk"),
])
def test_an_address_under_the_sign_off_is_no_account_email(games: TriageContext, body: str,
                                                           email: str | None) -> None:
    got, missing = _read(games, body, "account-deletion", "en", product="game_rift")
    assert got.get("account_email") == email
    assert ("account_email" in missing) is (email is None)


# ------------------------------------------------------------------ another field's value


def test_a_handle_after_another_fields_noun_is_no_purchase_name(games: TriageContext) -> None:
    got, _ = _read(games, "I tried to buy the pack three times and the payment could not be "
                          "processed. The account is his, jaxon_blaster2014, I don't play myself.",
                   "unable-to-purchase", "en", product="game_defiance_2050")
    assert got.get("purchase_name") != "jaxon_blaster2014"


def test_a_topic_the_requester_did_not_come_for_is_denied(stream: TriageContext) -> None:
    d = decide(on(stream, "Alors je précise tout de suite, je ne viens pas pour une histoire de "
                          "facture, mon abonnement est nickel. Depuis mardi la fenêtre de chat ne "
                          "s'affiche plus. Je suis simple membre.", locale="fr"), stream)
    assert "Billing Support" not in [m.group for m in d.rules]


# ------------------------------------------------------------------ rows of a pasted table

TABLE = ("제 사이트 두 개 현황 붙여넣습니다.\n\n| 사이트 | SID | 월 | 커미션 |\n"
         "| 여행블로그 | 55012398 | 10월 | 210,000 |\n| 요리블로그 | 55012411 | 10월 | 0 |\n\n")


@pytest.mark.parametrize(("after", "sid"), [
    ("여행블로그는 정상이고, 요리블로그 쪽이 커미션이 0원으로 나와요.", "55012411"),
    ("요리블로그 쪽이 커미션이 0원으로 나와요.", None),  # neither row said to work
    ("여행블로그는 정상이 아니고 요리블로그도 이상해요.", None),  # a denial: not fine
])
def test_the_table_row_not_said_to_work_is_the_problems(ads: TriageContext, after: str,
                                                        sid: str | None) -> None:
    got, _ = _read(ads, TABLE + after, None, "ko")
    assert got.get("sid") == sid


# ------------------------------------------------------------------ "moi (X)"


@pytest.mark.parametrize(("body", "mine"), [
    ("samedi soir en donjon, un joueur qui s'appelle Grumgor nous a insultés pendant tout le "
     "run, moi (Ysaline) et mon ami Kalimero_33. Des insultes racistes.", "Ysaline"),
    ("a player called Grumgor kept insulting us all evening, me (Kestrel) and my friend Tom.",
     "Kestrel"),
])
def test_the_requesters_name_in_brackets_is_their_character(games: TriageContext, body: str,
                                                            mine: str) -> None:
    got, _ = _read(games, body, "report-a-player", "fr" if "joueur" in body else "en",
                   product="game_rift")
    assert got.get("character_name") == mine and got.get("reported_player") == "Grumgor"


def test_a_name_in_brackets_after_me_names_no_account(games: TriageContext) -> None:
    got, _ = _read(games, "My sword vanished from the bank, me (Kestrel) and my alt both "
                          "checked.", "in-game-issues", "en", product="game_rift")
    assert got.get("account_name") != "Kestrel"


# ------------------------------------------------------------------ a later reply changes the story


@pytest.mark.parametrize(("reply", "after"), [
    ("update: login works now (clearing the cache did it). But now the payouts page shows "
     "nothing for November.", " the payouts page shows nothing for November."),
    ("Bon, ça marche maintenant pour la connexion. Mais là mes paiements de novembre ont "
     "disparu.", " mes paiements de novembre ont disparu."),
    ("agora funciona o login, mas agora o pagamento de novembro sumiu.",
     " o pagamento de novembro sumiu."),
    ("업데이트: 로그인은 이제 됩니다. 근데 이번엔 11월 지급분이 안 보여요.",
     " 11월 지급분이 안 보여요."),
    ("login still fails, and now the payouts page is blank too.", None),
])
def test_a_reply_that_solves_the_first_problem_and_turns_tells_the_story(
        reply: str, after: str | None) -> None:
    story = latest_story([("comment 2", reply), ("description", "I can't log in since today.")])
    assert (story[0][1] if story else None) == after


def test_the_first_message_alone_has_no_later_story() -> None:
    assert latest_story([("description", "it works now, but now my payouts are gone")]) is None


@pytest.mark.parametrize(("reply", "kind"), [
    ("업데이트: 로그인은 이제 됩니다 (캐시 지우니까 되네요). 근데 이번엔 지급 내역 페이지에 11월 "
     "지급분이 아예 안 보여요. SID 6620175", "pub_payments"),
    # no turn: the login problem of the first message is still the ticket's
    ("아직도 로그인이 안 돼요. 비번 재설정도 해봤어요. SID 6620175", "pub_account"),
])
def test_the_problems_kind_comes_from_the_story_told_last(ads: TriageContext, reply: str,
                                                          kind: str | None) -> None:
    first = on(ads, "오늘 아침부터 로그인이 안 됩니다. 아이디 비번 맞게 넣었는데 계속 튕겨요.",
               locale="ko")
    later = TicketComment(id=2, author_id=REQUESTER, public=True, body=reply,
                          created_at=TICKET_CREATED + timedelta(hours=2), from_requester=True)
    d = decide(replace(first, comments=(*first.comments, later)), ads)
    assert written(ads, d).get("problem_type") == kind
