"""Identifiers stated inside sentences (issue 10): a lower-case handle no language knows
("my Glyph account nightfernz"), a generic identifier label ("user: nandarift", "닉은 …")
read into the form's one identifier field, a Korean name before "캐릭으로". Through the
pure core, on the example workspaces, in en, fr, ko and pt-br."""

from __future__ import annotations

import pytest
from test_reading import asked, on, written

from integrations.triage import TriageContext, decide
from integrations.triage.reading.lexicon import known_word, lexicon_languages, misspelt_word

LANGUAGES = lexicon_languages(["en", "fr", "ko", "pt-br"])


def test_the_lexicon_tells_words_from_coined_handles() -> None:
    assert LANGUAGES == ("en", "fr", "ko", "pt")
    for word in ("settings", "Principal", "bloquee", "definitivamente", "glitched"):
        assert known_word(word, LANGUAGES), word
    for handle in ("nightfernz", "brumeazur", "nandarift", "kaolinette"):
        assert not known_word(handle, LANGUAGES), handle
        assert not misspelt_word(handle, LANGUAGES), handle
    assert misspelt_word("hacekd", LANGUAGES) and misspelt_word("acount", LANGUAGES)
    assert not known_word("acount", LANGUAGES)


@pytest.mark.parametrize(("body", "form", "value"), [
    ("Please delete my Glyph account nightfernz, signed up with nf.fernz@gmail.com. I get "
     "that it's permanent.", "account-deletion", "nightfernz"),
    ("Bonjour, je voudrais mettre une nouvelle adresse mail sur mon compte brumeazur : "
     "l'actuelle est celle de mon ancien boulot.", "glyph-account-issues", "brumeazur"),
    ("quero excluir minha conta zorvelinha, não jogo mais.", "account-deletion",
     "zorvelinha"),
    ("제 계정 nightfernz, 삭제해 주세요.", "account-deletion", "nightfernz"),
])
def test_a_lower_case_handle_no_language_knows_names_the_requesters_account(
        games: TriageContext, body: str, form: str, value: str) -> None:
    """After "my <field>", a word no language of the workspace knows, ending its clause, is
    the requester's handle: no capital, digit or underscore needed."""
    d = decide(on(games, body, form=form), games)
    assert written(games, d).get("account_name") == value
    assert "account_name" not in asked(d)


@pytest.mark.parametrize(("body", "form"), [
    ("Please delete my Glyph account permanently, thanks.", "account-deletion"),
    ("I want to close my account forever.", "account-deletion"),
    ("my account hacekd, help", "glyph-account-issues"),  # a typo of "hacked"
    ("je voudrais changer le mail de mon compte actuel.", "glyph-account-issues"),
    ("supprimez mon compte definitivement, merci", "account-deletion"),
    ("quero excluir minha conta definitivamente.", "account-deletion"),
    ("my friend's account zorbulon, got hacked.", "glyph-account-issues"),  # not mine
    ("I wanted the account nightfernz, it was taken.", "glyph-account-issues"),  # no "my"
])
def test_a_word_a_typo_or_someone_elses_handle_is_no_account_name(
        games: TriageContext, body: str, form: str) -> None:
    d = decide(on(games, body, form=form), games)
    assert "account_name" not in written(games, d)


@pytest.mark.parametrize(("ctx_name", "body", "form", "field", "value"), [
    ("games", "só quero desligar a verificação em duas etapas. user: nandarift",
     "glyph-account-issues", "account_name", "nandarift"),
    ("games", "quero dar delete na minha account da Glyph. user: caue_trv. motivo: nao jogo "
     "mais", "account-deletion", "account_name", "caue_trv"),
    ("games", "The launcher keeps asking for a code. login: Velkaria", "technical-issues",
     "account_name", "Velkaria"),
    ("games", "런처에서 로그인이 안 돼요. 닉은 moonrise_7 입니다.", "technical-issues",
     "account_name", "moonrise_7"),
    ("games", "Le jeu plante au lancement. ID : kaolin_88", "technical-issues",
     "account_name", "kaolin_88"),
    ("stream", "I can't log in anymore. user: lunabelle_x", None, "username", "lunabelle_x"),
])
def test_a_generic_identifier_label_fills_the_forms_one_identifier(
        games: TriageContext, stream: TriageContext, ctx_name: str, body: str,
        form: str | None, field: str, value: str) -> None:
    """"user:", "login:", "닉은", "ID :" mean the one identifier field the form has."""
    ctx = games if ctx_name == "games" else stream
    d = decide(on(ctx, body, form=form), ctx)
    assert written(ctx, d).get(field) == value
    assert field not in asked(d)


@pytest.mark.parametrize("body", [
    "two factor keeps asking. user: unknown",  # a word, not a handle
    "two factor keeps asking. his user: nandarift",  # someone else's
    "deux étapes, ça bloque. user: nandarift, user: caue_trv",  # two values: neither
])
def test_a_generic_label_keeps_roles_and_words_out(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="glyph-account-issues"), games)
    assert "account_name" not in written(games, d)


def test_an_id_label_another_field_is_named_by_is_not_the_accounts(
        games: TriageContext) -> None:
    """On the purchase form "Transaction ID" is a field: "ID: …" may be the payment's."""
    d = decide(on(games, "Paguei o Patron e nada chegou. ID: 7HK29481LM3320917",
                  form="unable-to-purchase"), games)
    assert "account_name" not in written(games, d)


@pytest.mark.parametrize(("body", "field", "value"), [
    ("a cheater was flying around the dungeon. his nick: xXVoidReaperXx", "reported_player",
     "xXVoidReaperXx"),
    ("핵쟁이 봤어요. 그 유저 닉은 xXVoidReaperXx 입니다.", "reported_player", "xXVoidReaperXx"),
    ("Un tricheur volait partout. mon user : Doyun_7", "character_name", "Doyun_7"),
])
def test_with_two_identifiers_only_a_label_whose_owner_is_said_is_read(
        games: TriageContext, body: str, field: str, value: str) -> None:
    d = decide(on(games, body, form="report-a-player"), games)
    assert written(games, d).get(field) == value


def test_with_two_identifiers_a_bare_label_is_neither(games: TriageContext) -> None:
    """The reporter's character or the reported player? The label does not say."""
    d = decide(on(games, "핵쟁이 봤어요. 닉은 xXVoidReaperXx. 스샷 첨부합니다.",
                  form="report-a-player"), games)
    found = written(games, d)
    assert "reported_player" not in found and "character_name" not in found


def test_a_korean_name_before_its_field_and_the_particle_euro(games: TriageContext) -> None:
    """"저는 Doyun 캐릭으로 파티 중이었어요": "으로" ends the field's name as "로" does."""
    d = decide(on(games, "오늘 새벽 Candoria 서버 던전에서 핵쟁이 봤어요. 저는 Doyun 캐릭으로 파티 "
                  "중이었어요.", form="report-a-player"), games)
    assert written(games, d).get("character_name") == "Doyun"


@pytest.mark.parametrize(("body", "form", "value"), [
    ("trying to set up two step on my glyph account (hollowpine) but the page fails",
     "glyph-account-issues", "hollowpine"),
    ("o código não chega mais no meu email. ja olhei o spam. conta pedrohenrique",
     "glyph-account-issues", "pedrohenrique"),  # "-ique" ends no adjective here
    ("Paguei na sexta, mas o Patron 30 dias não apareceu na conta dudabr.",
     "unable-to-purchase", "dudabr"),
    ("le pack n'est jamais arrivé sur le compte brumeazur, merci de vérifier",
     "unable-to-purchase", "brumeazur"),
    ("reinstalled glyph twice already. my glyph is dunmer_kate. this is getting old",
     "technical-issues", "dunmer_kate"),
])
def test_a_handle_in_brackets_a_closing_line_or_the_account_where_it_happened(
        games: TriageContext, body: str, form: str, value: str) -> None:
    d = decide(on(games, body, form=form), games)
    assert written(games, d).get("account_name") == value


@pytest.mark.parametrize("body", [
    "I wanted the account nightfernz, it was taken.",  # a bare article: a wish
    "my account, ravenmoor, is locked",  # commas: only a name's shape tells
    "le pack n'est jamais arrivé sur le compte de mon fils, brumeazur",  # a relative's
])
def test_no_handle_without_an_owner_or_a_place(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert "account_name" not in written(games, d)


def test_an_apostrophe_dropped_from_a_cue_still_introduces_the_requester(
        games: TriageContext) -> None:
    d = decide(on(games, "some guy named Grimtusk keeps yelling slurs at me. im Lirael on "
                  "Kyprosa.", form="report-a-player"), games)
    found = written(games, d)
    assert found.get("character_name") == "Lirael"
    assert found.get("reported_player") == "Grimtusk"


def test_on_a_report_form_the_character_with_an_article_is_not_the_requesters(
        games: TriageContext) -> None:
    """"Le perso s'appelle X" names the reported player's character; "Moi c'est Y" the
    requester: Y alone is theirs."""
    d = decide(on(games, "Y'a un bot qui farm à Stillmoor. Le perso s'appelle Xxkillerxx, "
                  "serveur Brisesol. Moi c'est Aubepine.", form="report-a-player"), games)
    assert written(games, d).get("character_name") == "Aubepine"


@pytest.mark.parametrize(("body", "value"), [
    ("오늘 새벽에 g0ldseller4u 라는 캐릭이 채팅에 광고를 도배했어요. 제 캐릭터는 Hyejin 입니다.",
     "g0ldseller4u"),
    ("There's a character named G0ldseller spamming gold ads. My character is Hyejin.",
     "G0ldseller"),
    ("Un perso qui s'appelle G0ldseller spamme la pub. Mon perso c'est Hyejin.",
     "G0ldseller"),
    ("Tem um personagem chamado G0ldseller fazendo spam. Meu personagem é Hyejin.",
     "G0ldseller"),
])
def test_a_character_introduced_as_someone_new_is_the_reported_player(
        games: TriageContext, body: str, value: str) -> None:
    """"a character named X", "X라는 캐릭": a thing of the requester's kind, introduced as
    someone new and not claimed, is the other player's."""
    d = decide(on(games, body, form="report-a-player"), games)
    found = written(games, d)
    assert found.get("reported_player") == value
    assert found.get("character_name") == "Hyejin"


def test_a_player_with_the_name_x(games: TriageContext) -> None:
    d = decide(on(games, "tem um jogador com o nome N4zi_Lord andando em Solis. meu "
                  "personagem é Rafaela", form="report-a-player"), games)
    assert written(games, d).get("reported_player") == "N4zi_Lord"


@pytest.mark.parametrize("body", [
    "J'ai un perso qui s'appelle Velka et il est bloqué depuis hier.",
    "Eu tenho um personagem chamado Velka e ele sumiu.",
])
def test_a_character_the_requester_introduces_is_not_the_reported_player(
        games: TriageContext, body: str) -> None:
    """The requester as the subject of the clause ("j'ai", "eu tenho") introduces their
    own character, not another player."""
    d = decide(on(games, body, form="report-a-player"), games)
    assert "reported_player" not in written(games, d)


# ------------------------------------------------------------------ terse lines, "ID", "moi c"


@pytest.mark.parametrize("body", [
    "since the start of the month the game treats me like a free player. Account velvetorc. "
    "Please fix it.",
    "my subscription is not applied.\nAccount velvetorc\nthanks",
    "subscription gone. Login velvetorc. thx",
    "mon abonnement ne marche plus. Compte velvetorc. Merci",
    "minha assinatura sumiu. Conta velvetorc. Valeu",
])
def test_a_terse_sentence_of_the_fields_name_and_a_handle_gives_it(
        games: TriageContext, body: str) -> None:
    """"Account velvetorc.": the field's name and a coined word, the whole sentence."""
    d = decide(on(games, body, form="glyph-account-issues"), games)
    assert written(games, d).get("account_name") == "velvetorc"


@pytest.mark.parametrize("body", [
    "subscription gone. Account hacked. Please fix it.",
    "subscription gone. Account settings. Please fix it.",
    "subscription gone. Account hacekd. Please fix it.",  # a typo of a word
    "subscription gone. Account recovery. Please fix it.",
    "subscription gone. Account velvetorc is my friends account, not mine",
    "mon abonnement ne marche plus. Compte bloqué. Merci",
    "minha assinatura sumiu. Conta travada. Valeu",
])
def test_a_terse_sentence_of_a_word_or_a_longer_clause_gives_no_handle(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="glyph-account-issues"), games)
    assert "account_name" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    ("계정 삭제 원합니다. 계정 ID choi_aa, 이메일 choi.aa@naver.com", "choi_aa"),
    ("계정 삭제해 주세요. 계정ID는 choi_aa 입니다", "choi_aa"),
    ("계정 삭제해 주세요. 글리프 ID choi_aa 예요", "choi_aa"),
    ("계정 삭제해 주세요. 계정 ID 까먹었어요", None),
    ("계정 삭제해 주세요. 계정 ID 는 모르겠어요", None),
])
def test_a_korean_compound_with_id_written_in_latin_letters(
        games: TriageContext, body: str, value: str | None) -> None:
    """"계정 아이디" is also written "계정 ID"."""
    d = decide(on(games, body, form="account-deletion"), games)
    assert written(games, d).get("account_name") == value


@pytest.mark.parametrize(("body", "value"), [
    ("ya un mec qui farm en bot. son pseudo c xXFarmKingXx. moi c Pandaroux. screen en pj",
     "Pandaroux"),
    ("un mec nommé Kraggor m'insulte. moi cé Pandaroux", "Pandaroux"),
    ("un mec nommé Kraggor m'insulte. moi, c'est Pandaroux", "Pandaroux"),
    ("un mec nommé Kraggor m'insulte. Moi cest Pandaroux", "Pandaroux"),
    ("un mec nommé Kraggor m'insulte. moi c pas grave", None),
    ("un mec nommé Kraggor m'insulte. moi c Lundi que je l'ai vu", None),
    ("un mec nommé Kraggor m'insulte, pour moi c Grave", None),  # an opinion
])
def test_moi_c_introduces_the_requester_as_chat_writes_it(
        games: TriageContext, body: str, value: str | None) -> None:
    d = decide(on(games, body, form="report-a-player"), games)
    assert written(games, d).get("character_name") == value
