"""An account's e-mail to be moved off the address it was signed up with, said the way
people say it ("signed up with my old work address … switch it to my personal gmail", "la
remplacer par mon gmail perso", "trocar pro meu gmail pessoal", "회사 메일로 가입 … 개인
gmail 로 변경", "계정 email 바꾸고 싶어요"), is the e-mail change, in en, fr, ko and pt-br.
Another account problem stays what it is. Through the pure core, on the game-publisher
example's Glyph account form."""

from __future__ import annotations

import pytest
from test_reading import on, written

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize(("body", "locale", "subject"), [
    ("I signed up with my old work address and I'm leaving that job soon, so I won't be able "
     "to use it. Login works fine. I'd like to switch it to my personal gmail but can't find "
     "it in settings.", "en", "account"),
    ("Je me suis inscrit avec l'adresse de mon ancien boulot et je quitte la boîte. La "
     "connexion marche. Je voudrais la remplacer par mon gmail perso mais je trouve pas dans "
     "les paramètres.", "fr", "compte"),
    ("예전 회사 메일로 가입을 했는데 퇴사해서 그 메일을 곧 못 쓰게 돼요. 로그인은 지금 잘 "
     "됩니다. 개인 gmail 로 변경하고 싶은데 settings 에서 못 찾겠네요.", "ko", "계정 문의"),
    ("로그인은 잘 돼요. 설정에서 못 찾겠어요.", "ko", "계정 email 바꾸고 싶어요"),
    ("Me cadastrei com o e-mail do meu antigo trabalho e vou sair da empresa. O login "
     "funciona. Quero trocar pro meu gmail pessoal mas não acho nas configurações.", "pt-br",
     "conta"),
])
def test_the_address_signed_up_with_is_an_email_change(
        games: TriageContext, body: str, locale: str, subject: str) -> None:
    d = decide(on(games, body, form="glyph-account-issues", locale=locale, subject=subject),
               games)
    assert written(games, d).get("account_issue") == "acct_email_change"


@pytest.mark.parametrize(("body", "locale"), [
    ("The 2FA code never arrives on my phone, I can't log in.", "en"),
    ("Le code de double authentification n'arrive jamais sur mon téléphone.", "fr"),
    ("인증번호가 안 와요. 로그인을 못 해요.", "ko"),
    ("O código de verificação em duas etapas nunca chega no meu celular.", "pt-br"),
])
def test_another_account_problem_stays(games: TriageContext, body: str, locale: str) -> None:
    d = decide(on(games, body, form="glyph-account-issues", locale=locale), games)
    assert written(games, d).get("account_issue") == "acct_two_step"
