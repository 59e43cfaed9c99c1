"""The game-publisher dropdowns read from what customers write about the group they play in
and the mailbox they lost: a club or a clan they cannot get back into ("je peux plus
rentrer dans le club", "클럽에 다시 못 들어가요") is an in-game problem of the "other" kind;
a mailbox they cannot open or that went dormant ("메일을 못 열어요", "휴면 처리") is no access
to the account's e-mail, and "I remember the password" ("비밀번호는 기억하는데") is no
forgotten password. In en, fr, ko and pt-br, with what must not be read."""

from __future__ import annotations

import pytest
from test_reading import asked, on, written

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize(("body", "locale"), [
    ("I left my club by mistake and the club leader hasn't logged in for months, so nobody "
     "can invite me back. My character is Pebble_Fox.", "en"),
    ("Depuis la mise à jour je n'arrive plus à rejoindre le clan de mes potes, ça dit accès "
     "refusé. Mon perso : Pebble_Fox.", "fr"),
    ("클랜 창고를 열면 로딩만 돌다가 꺼져요. 템이 없어진 건 아닌 것 같아요. "
     "캐릭 이름 Pebble_Fox", "ko"),
    ("Saí do clube sem querer e o líder não entra há meses, não consigo voltar. Personagem "
     "Pebble_Fox.", "pt-br"),
])
def test_a_club_or_clan_problem_is_the_other_kind(games: TriageContext, body: str,
                                                  locale: str) -> None:
    d = decide(on(games, body, form="in-game-issues", locale=locale), games)
    assert written(games, d).get("ingame_category") == "ingame_other"
    assert "ingame_category" not in asked(d)


@pytest.mark.parametrize(("body", "locale", "value"), [
    # a club's or a clan's thing lost, or its quest: the lost thing, the quest, still win
    ("My clan storage was wiped, my armor and weapons are gone from it. Character "
     "Pebble_Fox.", "en", "ingame_lost_item"),
    ("클랜 퀘스트를 다 깼는데 퀘스트 보상이 안 들어왔고 퀘스트가 완료 처리가 안 돼요. "
     "캐릭 Pebble_Fox", "ko", "ingame_quest"),
])
def test_a_groups_lost_item_or_quest_keeps_its_kind(games: TriageContext, body: str,
                                                    locale: str, value: str) -> None:
    d = decide(on(games, body, form="in-game-issues", locale=locale), games)
    assert written(games, d).get("ingame_category") in (value, None)
    assert written(games, d).get("ingame_category") != "ingame_other"


@pytest.mark.parametrize(("body", "locale"), [
    ("I remember my password fine, but the security mail goes to my old inbox and I can't "
     "open my email anymore, that account went dormant.", "en"),
    ("Je me souviens du mot de passe, mais le code part sur mon adresse et je ne peux plus "
     "ouvrir ma boîte mail.", "fr"),
    ("비밀번호는 기억하는데요, 인증 메일이 가입할 때 쓴 메일로 가요. "
     "근데 그 메일 계정이 휴면 처리돼서 메일을 못 열어요.", "ko"),
    ("Lembro a senha, mas o código vai pro meu email e não consigo abrir o email, o email "
     "ficou inativo.", "pt-br"),
])
def test_a_mailbox_that_cannot_be_opened_is_the_lost_email(games: TriageContext, body: str,
                                                           locale: str) -> None:
    d = decide(on(games, body, form="account-recovery", locale=locale), games)
    assert written(games, d).get("recovery_reason") == "recovery_email_lost"


@pytest.mark.parametrize(("body", "locale"), [
    ("비밀번호는 기억하는데 로그인하면 계속 튕겨요.", "ko"),
    ("비번은 기억나는데 2단계 인증 코드가 안 와요.", "ko"),
])
def test_a_remembered_password_is_no_forgotten_one(games: TriageContext, body: str,
                                                   locale: str) -> None:
    d = decide(on(games, body, form="account-recovery", locale=locale), games)
    assert written(games, d).get("recovery_reason") != "recovery_password"


@pytest.mark.parametrize(("body", "locale"), [
    ("비밀번호가 기억이 안 나요. 재설정 메일도 안 와요.", "ko"),
    ("비번이 기억 안 나서 로그인을 못 해요.", "ko"),
])
def test_a_password_not_remembered_is_still_forgotten(games: TriageContext, body: str,
                                                      locale: str) -> None:
    d = decide(on(games, body, form="account-recovery", locale=locale), games)
    assert "recovery_reason" in asked(d) or written(games, d).get(
        "recovery_reason") == "recovery_password"
