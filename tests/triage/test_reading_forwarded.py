"""Another person's words inside the requester's message (`reading.forwarded`): a forwarded
e-mail or quoted lines hold someone else's id or name, never the requester's own value; what
the ticket is about (a dropdown, a date, the reported player) is still read from them."""

from __future__ import annotations

import pytest
from test_reading import asked, on, written
from triage_support import example_context

from integrations.triage import decide
from integrations.triage.reading.forwarded import own_subject, own_words, without_logs

FRIEND_EN = """forwarding this from my buddy Dan, i have exactly the same thing going on

---------- Forwarded message ---------
From: Dan R.
hey man, my SID is 6612093 and almost all my september commissions show as reversed now
----------

yep same here, like 80% of mine flipped to reversed overnight. whats the deal"""

FRIEND_KO = ("아래는 옆팀 동료가 보낸 메일인데 저도 똑같은 상황이라 같이 전달드려요. "
             "제 사이트는 SID 70019981 입니다.\n\n----- 전달된 메시지 -----\n보낸 사람: 김민수\n"
             "'제 SID 70012233 인데 패션 브랜드 제휴 신청한 지 3주째 승인 대기예요.'")

QUOTED_PT = """encaminhando o que minha amiga me mandou, ela ta no mesmo programa:

> Amiga, meu SID é 4433221 e o pagamento desse mes veio com uma taxa estranha descontada

eu to com a mesma taxa! meu pagamento veio R$ 35 a menos e nao tem explicacao no extrato"""


@pytest.mark.parametrize(("text", "gone", "kept"), [
    (FRIEND_EN, "6612093", "80% of mine"),
    (FRIEND_KO, "70012233", "70019981"),
    (QUOTED_PT, "4433221", "R$ 35 a menos"),
    ("Fwd below.\n-------- Message transféré --------\nDe : Léa\nmon pseudo c'est lea_77", "lea_77",
     "Fwd below."),
])
def test_someone_elses_block_is_left_out(text: str, gone: str, kept: str) -> None:
    own = own_words(text)
    assert gone not in own and kept in own


@pytest.mark.parametrize("text", [
    "no forward here, my SID is 6612093 -- thanks!",
    # their own earlier message, sent again
    "Forwarding my previous message since nobody answered.\n\n---------- Forwarded message "
    "---------\nFrom: me\nmy SID is 6612093, the export fails",
    # a company's receipt about their own purchase
    "never got the bits. acct is Ravenstar_D\n\n---------- Forwarded message ---------\n"
    "From: service@paypal.com\nTransaction ID: 7KD41923MX0557421",
])
def test_the_requesters_own_words_are_kept(text: str) -> None:
    assert own_words(text) == text


@pytest.mark.parametrize(("text", "sid"), [(FRIEND_EN, None), (FRIEND_KO, "70019981"),
                                           (QUOTED_PT, None)])
def test_a_friends_sid_is_not_written(text: str, sid: str | None) -> None:
    ctx = example_context("ad-network")
    d = decide(on(ctx, text), ctx)
    assert written(ctx, d).get("sid") == sid
    assert ("sid" in asked(d)) == (sid is None)


def test_what_the_ticket_is_about_is_read_from_the_forward() -> None:
    """The player reported is named only in the friend's forwarded warning; the requester's
    own character is on top. Both are read, the friend's character is not."""
    text = ("je vous transfère ce que mon pote m'a envoyé. moi aussi il m'a fait le coup hier "
            "soir sur Ezi, mon perso c'est Tharok : 20 € envoyés sur son paypal et jamais vu "
            "l'or.\n\n----- Message transféré -----\nDe : Nico\n\"mec fais gaffe au "
            "joueur nommé Goldseller_77, il vend de l'or contre du paypal. mon perso c'est "
            "Nyxara si jamais tu le signales\"")
    ctx = example_context("game-publisher")
    d = decide(on(ctx, text, form="report-a-player", product="game_archeage",
                  platform="platform_pc", region="region_eu"), ctx)
    values = written(ctx, d)
    assert values.get("character_name") == "Tharok"
    assert values.get("reported_player") == "Goldseller_77"


NOTICE_FR = """---------- Forwarded message ---------
From: Publisher Network <no-reply@publishers.example.com>
Subject: Your payment details have been updated
Hello, the bank account on your publisher profile was updated on 12/01/2026. If you did not
make this change, please contact support immediately.

c'est pas moi qui ai changé ça !! on a piraté mon compte cette nuit, mon SID est 4455667"""


def test_a_notice_is_not_the_requesters_language() -> None:
    """A forwarded company notice is theirs for its facts, not for its words: the language
    is read from what the requester wrote below it, and so is the answer's."""
    assert own_words(NOTICE_FR) == NOTICE_FR
    own = own_words(NOTICE_FR, notices=False)
    assert own.strip().startswith("c'est pas moi") and "Hello" not in own
    ctx = example_context("ad-network")
    d = decide(on(ctx, NOTICE_FR, subject="Fwd: Your payment details have been updated"), ctx)
    assert "lang_fr" in d.update.add_tags
    assert written(ctx, d).get("sid") == "4455667"


@pytest.mark.parametrize(("subject", "own"), [
    ("Fwd: Your Glyph email address has been changed", ""),
    ("TR : votre commande", ""), ("Enc: pagamento recusado", ""), ("전달: 결제 확인", ""),
    ("Forward my earnings please", "Forward my earnings please"),
    ("trouble with my account", "trouble with my account"),
])
def test_a_forwarded_subject_is_someone_elses(subject: str, own: str) -> None:
    assert own_subject(subject) == own


@pytest.mark.parametrize(("text", "gone", "kept"), [
    ("Meu irmão me mandou isso, é igual comigo:\n\"comprei o pacote ontem, transação "
     "7KD41923MX, e nada\"\nNo meu caso foi no PayPal, conta bia.trove", "7KD41923MX",
     "bia.trove"),
    ("my buddy texted me this: “my SID is 6612093 and nothing got paid” mine too, SID 5512871",
     "6612093", "5512871"),
    ("Voilà ce que mon pote m'a envoyé : « mon perso Nyxara est bloqué » moi c'est Tharok",
     "Nyxara", "Tharok"),
    ("친구가 보낸 메시지예요: '내 캐릭터 하늘 이 정지됐어요 ㅠㅠ' 저는 바다 캐릭터요",
     "하늘", "바다"),
])
def test_a_message_relayed_in_quotes_is_someone_elses(text: str, gone: str, kept: str) -> None:
    own = own_words(text)
    assert gone not in own and kept in own


@pytest.mark.parametrize("text", [
    # quoted by the requester, not relayed from a person
    'the error says: "payment failed for account bob_77, code 4471"',
    'you sent me this: "your account bob_77 has been suspended for 7 days"',
    "I sent my ticket number: \"TK-1234567 about my missing payment\"",
    "mon pote m'a dit de vous écrire : mon compte est sylvanor",
])
def test_a_quote_that_is_not_relayed_is_kept(text: str) -> None:
    assert own_words(text) == text


CRASH_KO = """=== RIFT Crash Report ===
Client version: 5.12.0.3341
Build date: 2026-11-24
Module: rift_x64.exe
Exception: ACCESS_VIOLATION (0xC0000005) at 0x00007FF6A1B3C2D0
  d3d11.dll+0x2f1a0
Memory: 16384 MB
=========================

접속할 때마다 이게 떠요 ㅠ 게임이 그냥 꺼져요"""

LOG_FR = """[2026-12-01 21:14:02] INFO  encoder: x264 preset=veryfast bitrate=4500kbps
[2026-12-01 21:14:04] ERROR ERR_STREAM_AUTH (403) handshake rejected
[2026-12-01 21:14:14] FATAL giving up after 3 retries

depuis hier soir ça me fait ça dès que je lance le direct, je suis modèle indépendante"""


@pytest.mark.parametrize(("text", "kept", "gone"), [
    (CRASH_KO, "접속할 때마다", "Client version"),
    (LOG_FR, "depuis hier soir", "ERR_STREAM_AUTH"),
])
def test_a_pasted_log_is_no_ones_words(text: str, kept: str, gone: str) -> None:
    own = without_logs(text)
    assert kept in own and gone not in own


@pytest.mark.parametrize("text", [
    "my SID: 4471920\nthe page stays blank since Tuesday",  # a person's own "Key: value"
    "I am on Windows 11 and Chrome 131.\nIt still fails.",
])
def test_a_persons_lines_are_kept(text: str) -> None:
    assert without_logs(text) == text


@pytest.mark.parametrize(("ws", "form", "body", "tag"), [
    ("game-publisher", "technical-issues", CRASH_KO, "lang_ko"),
    ("streaming-platform", None, LOG_FR, "lang_fr"),
])
def test_the_language_is_the_requesters_not_the_logs(ws: str, form: str | None, body: str,
                                                     tag: str) -> None:
    ctx = example_context(ws)
    d = decide(on(ctx, body, form=form, subject="."), ctx)
    assert tag in d.update.add_tags
