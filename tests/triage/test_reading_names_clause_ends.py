"""Where a value stated in a sentence ends (issue 10): a coined handle goes on with a
condition ("… is varkhul if that helps") or the act the requester asks for ("my account
wrenlowe deleted"); an e-mail address is the form's e-mail field's, never a name's; a
count the requester calls theirs ("mes 1000 crédits") is what they bought; a Korean
Windows is "윈10". Through the pure core, on the example workspaces, in en, fr, ko and
pt-br."""

from __future__ import annotations

import pytest
from test_reading import asked, on, written

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize(("body", "value"), [
    ("My Glyph login is thornvexa if that helps, the launcher never starts.", "thornvexa"),
    ("the launcher freezes. my account is mirelkin in case you need it", "mirelkin"),
    ("le launcher plante au démarrage. mon compte c'est brumeazur si jamais ça aide.",
     "brumeazur"),
    ("o launcher trava no 99%. minha conta é zorvelinha caso precise.", "zorvelinha"),
    ("o jogo não abre, minha conta é tavinhoz se ajudar em algo", "tavinhoz"),
    ("런처가 99%에서 멈춰요. 계정은 mirelkin 인데 필요하시면 참고하세요", "mirelkin"),
])
def test_a_condition_after_a_coined_handle_ends_its_clause(
        games: TriageContext, body: str, value: str) -> None:
    """"if that helps", "si ça aide", "caso precise": a condition starts a clause of its
    own, the word before it is the handle."""
    d = decide(on(games, body, form="technical-issues"), games)
    assert written(games, d).get("account_name") == value
    assert "account_name" not in asked(d)


@pytest.mark.parametrize("body", [
    "my account is locked if that matters, the launcher says so.",
    "mon compte est bloqué si ça peut aider.",
    "minha conta é antiga se não me engano, o launcher trava.",
    "my account is fine if you ask me, it's the launcher.",
])
def test_a_word_before_a_condition_is_no_handle(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="technical-issues"), games)
    assert "account_name" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    ("Hi, I'd like my Glyph account wrenlowe deleted (signed up with wren.l@gmx.de). I get "
     "that it's permanent.", "wrenlowe"),
    ("please have my account quillmoss removed, I don't play anymore.", "quillmoss"),
    ("je veux mon compte brumeazur supprimé, je ne joue plus.", "brumeazur"),
    ("quero minha conta zorvelinha excluída, não jogo mais.", "zorvelinha"),
])
def test_the_act_asked_for_after_a_coined_handle_ends_its_clause(
        games: TriageContext, body: str, value: str) -> None:
    """"my account wrenlowe deleted": the participle of what the requester asks for
    follows the handle, it does not run on from it."""
    d = decide(on(games, body, form="account-deletion"), games)
    assert written(games, d).get("account_name") == value


@pytest.mark.parametrize("body", [
    "I'd like my friend's account quillmoss deleted, he asked me to.",
    "I'd like my account settings deleted, all of them.",
    "quero a conta zorvelinha excluída, não é minha.",
])
def test_a_word_or_someone_elses_handle_before_the_act_is_no_account_name(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="account-deletion"), games)
    assert "account_name" not in written(games, d)


@pytest.mark.parametrize(("body", "name"), [
    ("l'adresse du compte (kevin.d78@hotmail.fr) n'existe plus. Le compte s'appelle KevDur.",
     "KevDur"),
    ("the address on the account (kev.d@hotmail.com) is dead. The account is called KevDur.",
     "KevDur"),
    ("o endereço da conta (kev.d@hotmail.com) não existe mais. A conta se chama KevDur.",
     "KevDur"),
    ("계정 메일(kev.d@hotmail.com)이 없어졌어요. 계정 이름은 KevDur 입니다.", "KevDur"),
])
def test_an_e_mail_address_beside_the_account_is_the_e_mail_fields(
        games: TriageContext, body: str, name: str) -> None:
    """On a form with an e-mail field, an address in brackets after "the account" is that
    field's: the account's name is the one the requester gives."""
    d = decide(on(games, body, form="account-recovery"), games)
    assert written(games, d).get("account_name") == name
    assert "@" in str(written(games, d).get("account_email"))


@pytest.mark.parametrize("body", [
    "my account (kev.d@hotmail.com) is locked and the reset mail never comes.",
    "mon compte (kevin.d78@hotmail.fr) est bloqué.",
    "minha conta (kev.d@hotmail.com) foi bloqueada.",
])
def test_an_e_mail_address_is_never_the_account_name(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="account-recovery"), games)
    assert "@" not in str(written(games, d).get("account_name", ""))


@pytest.mark.parametrize(("body", "value"), [
    ("j'ai payé 9,99€ mais j'ai jamais reçu mes 1000 crédits. Mon compte : mathisb",
     "1000 crédits"),
    ("paid 9.99 yesterday but never got my 500 credits. account: mathisb", "500 credits"),
    ("paguei 9,99 mas não recebi meus 1000 créditos. conta: mathisb", "1000 créditos"),
])
def test_a_count_the_requester_calls_theirs_is_the_purchase(
        games: TriageContext, body: str, value: str) -> None:
    """A field whose examples count the shop's unit ("5000 Credits") reads such a count
    after the requester's possessive, in any case: "mes 1000 crédits"."""
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert written(games, d).get("purchase_name") == value


@pytest.mark.parametrize("body", [
    "I paid 9.99 but my 2 cents: the store is broken. account: mathisb",
    "j'ai payé mais mes 3 essais ont échoué. compte : mathisb",
])
def test_a_count_of_something_else_after_a_possessive_is_no_purchase(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert "purchase_name" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    ("레이드만 가면 멈춰요. 윈10 쓰고 있어요", "윈10"),
    ("윈도10 쓰는데 접속하면 튕겨요", "윈도10"),
    ("윈 11로 바꾼 뒤로 게임이 안 켜져요", "윈 11"),
])
def test_windows_as_koreans_shorten_it_is_the_operating_system(
        games: TriageContext, body: str, value: str) -> None:
    d = decide(on(games, body, form="technical-issues"), games)
    assert written(games, d).get("operating_system") == value


def test_a_winter_event_is_no_windows(games: TriageContext) -> None:
    d = decide(on(games, "윈터 이벤트 10일차 보상이 안 들어와요", form="technical-issues"),
               games)
    assert "operating_system" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    ("오늘 아침에 크레딧 5000개 사려고 체크카드로 결제했는데 계속 거절돼요. 계정: hanbit_yoon",
     "크레딧 5000개"),
    ("크레딧 2500개 결제했는데 안 들어왔어요. 계정: hanbit_yoon", "크레딧 2500개"),
    ("크레딧 5000개 (49.99달러) 사려고 했는데 '결제 실패'만 떠요. 계정: hanbit_yoon",
     "크레딧 5000개"),
])
def test_a_korean_count_after_the_shops_unit_is_the_purchase(
        games: TriageContext, body: str, value: str) -> None:
    """Korean counts after the noun ("크레딧 5000개"): the shop's unit, then the count and
    its classifier."""
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert written(games, d).get("purchase_name") == value


def test_a_korean_count_of_credits_left_is_no_purchase(games: TriageContext) -> None:
    body = "크레딧이 5000개 남아 있는데 패스가 결제가 안 돼요. 계정: hanbit_yoon"
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert "5000" not in str(written(games, d).get("purchase_name", ""))
