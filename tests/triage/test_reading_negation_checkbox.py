"""Negation scope, what a ticket is about, and checkboxes (issue 10, second pass), in en,
fr, ko and pt-br, with negatives: read through the matcher and the pure core."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_reading import asked, on, written
from triage_support import EXAMPLES

from integrations.triage import TriageContext, decide
from integrations.triage.reading.checkbox import CheckboxReader, _with_knowing, plain
from integrations.triage.reading.matcher import Matcher, is_denied, is_negated
from integrations.workspace import load, validate


def hits(phrase: str, language: str, text: str) -> list[tuple[bool, bool]]:
    """(negated, denied) of each hit of ``phrase`` in ``text``."""
    m = Matcher([("x", phrase, 0.85)], language)
    return [(h.negated, h.denied) for h in m.find(text)]





# ------------------------------------------------------------------ negation scope


@pytest.mark.parametrize(("language", "phrase", "text"), [
    ("en", "studio", "I stream alone, no studio behind me"),
    ("en", "agency", "I stream alone, no studio or agency behind me"),
    ("en", "agency", "not a studio nor an agency"),
    ("en", "paypal", "I paid without PayPal this time"),
    ("en", "chrome", "I don't use Chrome at all"),
    ("fr", "studio", "je bosse seule, pas de studio"),
    ("fr", "agence", "pas de studio ni d'agence derrière moi"),
    ("fr", "agence", "sans studio ou agence"),
    ("fr", "plante", "ça plante pas, mais c'est lent"),
    ("ko", "크롬", "윈도우10이고 크롬은 안 써요."),
    ("ko", "크롬", "크롬 말고 웨일로 접속해요"),
    ("ko", "스튜디오", "스튜디오는 없어요. 혼자 방송해요"),
    ("ko", "카드", "카드 없이 결제했어요"),
    ("ko", "스튜디오", "혼자 방송해요 (스튜디오 소속 아님)"),
    ("ko", "버그", "버그 아님. 설정을 몰라서요"),
    ("pt", "modelo", "Não sou modelo, só assisto"),
    ("pt", "agência", "sem estúdio ou agência"),
    ("pt", "chrome", "não uso o Chrome"),
])
def test_a_negation_reaches_what_it_negates(language: str, phrase: str, text: str) -> None:
    found = hits(phrase, language, text)
    assert found and all(negated for negated, _ in found)


@pytest.mark.parametrize(("language", "phrase", "text"), [
    ("en", "studio", "I work for a studio, no idea why it fails"),
    ("en", "agency", "our agency has no access, nor do the models"),  # the negation is after
    ("en", "chrome", "Chrome shows a blank page, no error"),
    ("fr", "studio", "notre studio a un souci, pas de panique"),
    ("fr", "plante", "le jeu plante pas mal depuis lundi"),  # "pas mal" = quite a lot
    ("ko", "크롬", "크롬에서 로딩이 느리고 엣지가 안 돼요"),  # "크롬은 잘 되는데": declared fine
    ("ko", "크롬", "크롬 아님 엣지에서 그래요"),  # 아님 before a word: "or"
    ("ko", "결제", "결제가 안 돼요"),  # the symptom, not a denial
    ("pt", "modelo", "sou modelo e a live caiu, não sei por quê"),
    ("pt", "chrome", "no Chrome não carrega"),
])
def test_a_negation_elsewhere_does_not_reach_the_words(language: str, phrase: str,
                                                      text: str) -> None:
    found = hits(phrase, language, text)
    assert found and not any(negated for negated, _ in found)


@pytest.mark.parametrize(("language", "text", "word"), [
    ("en", "I don't use Chrome", "Chrome"),
    ("fr", "je n'utilise pas Chrome", "Chrome"),
    ("ko", "크롬은 안 써요", "크롬은"),
    ("pt", "não sou modelo", "modelo"),
])
def test_not_using_or_not_being_denies_the_option(language: str, text: str, word: str) -> None:
    i = text.index(word)
    assert is_negated(text, i, i + len(word), language)
    assert is_denied(text, i, i + len(word), language)


@pytest.mark.parametrize(("body", "value"), [
    ("I'm a solo performer, no studio or agency behind me. The Go Live button fails.",
     "occ_model"),
    ("I broadcast as an indie model (no studio) and OBS keeps disconnecting.", "occ_model"),
    ("Je suis modèle indépendante, pas de studio ni d'agence. Mon live coupe.", "occ_model"),
    ("Não sou modelo, só uso o site pra assistir. Quero cancelar.", "occ_user"),
    ("혼자 방송하는 모델이에요 (스튜디오 소속 아님). 송출이 끊겨요.", "occ_model"),
])
def test_a_negated_occupation_leaves_the_stated_one(stream: TriageContext, body: str,
                                                    value: str) -> None:
    d = decide(on(stream, body), stream)
    assert written(stream, d).get("occupation") == value


def test_a_browser_not_used_is_never_written(ads: TriageContext) -> None:
    for body in ("웨일 브라우저로 대시보드가 하얗게 나와요. 크롬은 안 써요. SID 62290155",
                 "The dashboard stays blank in Opera, I don't use Chrome. SID 62290155",
                 "O painel fica em branco no Opera, não uso o Chrome. SID 62290155",
                 "Le tableau de bord reste blanc sous Opera, je n'utilise pas Chrome. "
                 "SID 62290155"):
        d = decide(on(ads, body), ads)
        assert written(ads, d).get("browser") in (None, "browser_other"), body
    d = decide(on(ads, "Le tableau de bord reste blanc sous Chrome. SID 62290155"), ads)
    assert written(ads, d).get("browser") == "browser_chrome"


# ------------------------------------------------------------------ what the ticket is about


@pytest.mark.parametrize("body", [
    "Please call me back as soon as possible, it's about my account with you guys.",
    "Bonjour, je vous écris au sujet de mon compte, rappelez-moi.",
    "계정 관련해서 문의드려요. 연락 주세요.",
    "Oi, não estou entendendo nada do que aconteceu com a minha conta esse mês.",
])
def test_an_option_named_only_as_the_topic_is_asked(ads: TriageContext, body: str) -> None:
    d = decide(on(ads, body), ads)
    assert "problem_type" not in written(ads, d)
    assert "problem_type" in asked(d)


@pytest.mark.parametrize("body", [
    "It's about my account: it was suspended yesterday. SID 6120934",
    "Au sujet de mon compte : il est suspendu depuis hier. SID 6120934",
    "계정 관련 문의예요. 계정이 해킹당했어요. SID 6120934",
    "Sobre minha conta: ela foi bloqueada ontem. SID 6120934",
])
def test_the_topic_and_a_symptom_write_the_option(ads: TriageContext, body: str) -> None:
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") == "pub_account"


def test_paying_with_an_instrument_is_no_topic(games: TriageContext) -> None:
    body = "I paid with PayPal for 1000 credits and got charged but received nothing."
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert written(games, d).get("payment_method") == "pay_paypal"


# ------------------------------------------------------------------ checkboxes


@pytest.mark.parametrize("body", [
    "Please delete my account rift_k. Yes I know it's permanent, delete it.",
    "Supprimez mon compte rift_k. Je sais que c'est irréversible.",
    "계정 삭제해 주세요. 삭제하면 복구 안 되는 거 알고 있어요.",
    "Quero excluir minha conta rift_k. Sei que é permanente.",
    # other verbs of knowing, and Korean reported speech ("없다는 거" for "없는 거")
    "Please delete my account rift_k. I get that it's permanent, that's fine.",
    "Supprimez mon compte rift_k. Je suis au courant que c'est définitif.",
    "계정 삭제해 주세요. 되돌릴 수 없다는 거 알고 있습니다.",
    "Quero excluir minha conta rift_k. To ciente que é permanente.",
])
def test_a_plain_statement_ticks_the_checkbox(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="account-deletion"), games)
    assert written(games, d).get("deletion_confirmed") is True
    assert "deletion_confirmed" not in asked(d)


@pytest.mark.parametrize("body", [
    "Please delete my account rift_k. Is it permanent?",
    "Please delete my account rift_k. I don't know if it's permanent.",
    "Please delete my account rift_k. I know it's permanent but don't delete it yet.",
    "Please delete my account rift_k. If it's permanent I'd rather wait.",
    "Supprimez mon compte rift_k. Je ne veux pas que ce soit définitif.",
    "Supprimez mon compte rift_k. Je sais que c'est irréversible ?",
    "Supprimez mon compte rift_k. Je ne sais pas si c'est irréversible.",
    "계정 삭제해 주세요. 복구 안 되는 거 알고 있는데 혹시 복구 되나요?",
    "계정 삭제해 주세요. 영구 삭제인지 모르겠어요.",
    "Quero excluir minha conta rift_k. Não sei se é permanente.",
    "Quero excluir minha conta rift_k. É permanente?",
    "Please delete my account rift_k.",
    "Please delete my account rift_k. I get an error and the ban looks permanent.",
    "계정 삭제해 주세요. 되돌릴 수 없다는 거 알고 있나요?",
    "Quero excluir minha conta rift_k. Não to ciente se é permanente.",
])
def test_a_question_negation_or_doubt_never_ticks(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="account-deletion"), games)
    assert "deletion_confirmed" not in written(games, d)
    assert "deletion_confirmed" in asked(d)


@pytest.mark.parametrize("body", [
    "Please delete my account rift_k. I know it's permanent, there's no going back.",
    "Supprimez mon compte rift_k. Je sais que c'est définitif, pas de retour en arrière.",
    "계정 삭제해 주세요. 영구적인 거 알고 있고 되돌릴 수 없는 것도 알아요.",
    "Quero excluir minha conta rift_k. Sei que é permanente e não tem volta.",
])
def test_irreversibility_restated_with_its_own_negation_still_ticks(
        games: TriageContext, body: str) -> None:
    """"No going back" beside "I know it's permanent" says it again; it is no doubt."""
    d = decide(on(games, body, form="account-deletion"), games)
    assert written(games, d).get("deletion_confirmed") is True


@pytest.mark.parametrize("body", [
    "Please delete my account rift_k. There's no going back, right? I'm not sure.",
    "Supprimez mon compte rift_k. Pas de retour en arrière possible, je crois.",
    "계정 삭제해 주세요. 되돌릴 수 없는 건가요?",
    "Quero excluir minha conta rift_k. Não tem volta, né?",
    "Quero excluir minha conta rift_k. Sei que é permanente mas não excluam ainda, sem volta.",
])
def test_a_restatement_alone_or_beside_a_doubt_never_ticks(games: TriageContext,
                                                           body: str) -> None:
    d = decide(on(games, body, form="account-deletion"), games)
    assert "deletion_confirmed" not in written(games, d)


@pytest.mark.parametrize("body", [
    "Please delete my account rift_k. I know it's permanent, no problem.",
    "Supprimez mon compte rift_k. Oui je sais que c'est définitif, pas de souci.",
    "Quero excluir minha conta rift_k. Sei que é permanente, sem problema.",
    "계정 삭제해 주세요. 복구 안 되는 거 알아요, 문제없어요.",
])
def test_a_reassurance_beside_the_statement_is_no_negation(games: TriageContext,
                                                           body: str) -> None:
    """"Pas de souci" negates a worry, not the consent."""
    d = decide(on(games, body, form="account-deletion"), games)
    assert written(games, d).get("deletion_confirmed") is True


@pytest.mark.parametrize("body", [
    "Please delete my account rift_k. No problem if it's permanent?",
    "Supprimez mon compte rift_k. Pas de souci, mais je ne sais pas si c'est définitif.",
    "Quero excluir minha conta rift_k. Sem problema, mas não sei se é permanente.",
    "계정 삭제해 주세요. 영구 삭제인지 모르겠지만 괜찮아요.",
])
def test_a_reassurance_beside_a_doubt_never_ticks(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="account-deletion"), games)
    assert "deletion_confirmed" not in written(games, d)


@pytest.mark.parametrize(("language", "keyword", "variant"), [
    ("en", "know permanent", "understand permanent"),
    ("fr", "sais que définitif", "comprends que définitif"),
    ("pt", "sei que permanente", "entendo que permanente"),
    ("ko", "영구 삭제 알", "영구 삭제 이해"),
])
def test_a_keyword_is_stated_with_any_verb_of_knowing(language: str, keyword: str,
                                                      variant: str) -> None:
    assert variant in _with_knowing([keyword], language)
    assert _with_knowing(["acknowledge permanent"], language) == ["acknowledge permanent"]


def test_a_box_a_person_left_unticked_is_read_but_a_ticked_one_is_kept(
        games: TriageContext) -> None:
    body = "Please delete my account rift_k. I know it's permanent."
    d = decide(on(games, body, form="account-deletion", deletion_confirmed=True), games)
    assert "deletion_confirmed" not in written(games, d)  # already set: nothing to write


def test_plain_looks_at_the_sentence_around_the_words_only() -> None:
    text = "I know it's permanent. Don't wait."
    assert plain(text, 2, 21, "en")
    assert not plain("Wait, I know it's permanent?", 6, 27, "en")


def test_a_checkbox_without_keywords_reads_nothing() -> None:
    ws = load(EXAMPLES / "game-publisher")
    box = ws.fields["deletion_confirmed"]
    assert CheckboxReader(box)
    bare = type(box)(**{**box.__dict__, "schema": {"type": "boolean", "title": box.title}})
    assert not CheckboxReader(bare)
    assert CheckboxReader(bare).read([("description", "I know it's permanent")], "en") is None


def test_keywords_on_a_text_field_are_refused(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    shutil.copytree(EXAMPLES / "game-publisher", root)
    path = root / "fields" / "account_name.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"x-deskops": {', '"x-deskops": {"keywords": {"en": ["x"]}, ',
                                 1), encoding="utf-8")
    errors = validate(root)
    assert any("keywords" in str(e) and "never read" in str(e) for e in errors)
    assert validate(EXAMPLES / "game-publisher") == []


# ------------------------------------------------------------------ negations inside a phrase


@pytest.mark.parametrize(("language", "phrase", "text", "meets"), [
    ("en", "charged twice", "I was charged twice", True),
    ("en", "charged twice", "I was charged, not twice", False),
    ("fr", "reçu code", "j'ai reçu le code", True),
    ("fr", "reçu code", "reçu pas de code", False),
    ("ko", "결제는 됐", "결제는 됐는데 아이템이 없어요", True),
    ("ko", "결제는 됐", "페이팔 결제 안 됨", False),
    ("pt", "recebi código", "recebi o código", True),
    ("pt", "cobrado duas vezes", "fui cobrado, não duas vezes", False),
    ("pt", "recebi código", "recebi não código", False),
])
def test_a_negation_between_a_phrase_words_turns_it_around(language: str, phrase: str,
                                                          text: str, meets: bool) -> None:
    assert bool(hits(phrase, language, text)) is meets


@pytest.mark.parametrize(("phrase", "text", "meets"), [
    ("결제가 안", "결제가 안 돼요", True),
    ("결제가 안", "결제안돼요", True),
    ("결제가 안", "결제 수단 안 됨", False),  # "payment method": another word between
])
def test_korean_words_of_a_phrase_stay_together(phrase: str, text: str, meets: bool) -> None:
    assert bool(hits(phrase, "ko", text)) is meets


def test_nao_is_one_word_with_or_without_its_accent() -> None:
    from integrations.triage.reading.normalise import key
    assert key("não", "pt") == key("nao", "pt") == "nao"
    assert key("na", "pt") != key("não", "pt")  # "na" is a function word, "não" negates
    assert hits("não faz nada", "pt", "o botao de exportar nao faz nada")
    assert not hits("não faz nada", "pt", "o botao de exportar faz nada")


@pytest.mark.parametrize(("body", "value"), [
    ("The export button does nothing, nothing happens when I click. SID 6120934",
     "pub_technical"),
    ("Le bouton d'export ne fait rien, il ne se passe rien. SID 6120934", "pub_technical"),
    ("내보내기 버튼을 눌러도 아무 반응이 없어요. SID 6120934", "pub_technical"),
    ("o botao de exportar nao faz nada, clico e nao acontece nada. sid 6120934",
     "pub_technical"),
    ("Do you have a media kit or an official logo I can use? SID 6120934", "pub_other"),
    ("Avez-vous un kit média ou un logo officiel ? SID 6120934", "pub_other"),
    ("블로그에 올릴 공식 로고가 있나요? SID 6120934", "pub_other"),
    ("Vocês têm um kit de mídia ou logotipo oficial? SID 6120934", "pub_other"),
])
def test_nothing_happening_and_brand_material(ads: TriageContext, body: str,
                                              value: str) -> None:
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") == value


@pytest.mark.parametrize("body", [
    "Não estou entendendo nada do que aconteceu com a minha conta. SID 6120934",
    "I don't understand anything, it's about my account. SID 6120934",
])
def test_nothing_understood_is_no_symptom(ads: TriageContext, body: str) -> None:
    d = decide(on(ads, body), ads)
    assert "problem_type" not in written(ads, d)


@pytest.mark.parametrize(("body", "value"), [
    ("I bought 2000 Bits on the PlayStation Store, my PSN wallet got charged.", "pay_other"),
    ("J'ai payé avec une carte cadeau, rien reçu.", "pay_other"),
    ("문화상품권으로 결제했는데 크레딧이 안 들어왔어요.", "pay_other"),
    ("Paguei com pix e não recebi nada.", "pay_other"),
    ("Paid with my visa, got charged but nothing arrived.", "pay_card"),
    ("I paid without a gift card, with PayPal, and got nothing.", "pay_paypal"),
])
def test_store_wallets_and_vouchers_are_another_payment_method(
        games: TriageContext, body: str, value: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert written(games, d).get("payment_method") == value


@pytest.mark.parametrize("body", [
    "A player named Vorn scammed me in a trade and now he keeps harassing me in whispers.",
    "Un joueur nommé Vorn m'a arnaqué lors d'un échange et depuis il me harcèle.",
    "Vorn이라는 유저가 거래 사기를 치고 계속 욕설을 해요.",
    "Um jogador chamado Vorn me aplicou um golpe na troca e agora fica me assediando.",
])
def test_two_offenses_named_are_asked_offering_both(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="report-a-player"), games)
    assert "offense" not in written(games, d)
    item = next(m for m in d.missing if m.key == "offense")
    assert "offense_harassment" in item.detail and "offense_scam" in item.detail


def test_one_offense_named_is_written(games: TriageContext) -> None:
    d = decide(on(games, "A player named Vorn scammed me in a trade.", form="report-a-player"),
               games)
    assert written(games, d).get("offense") == "offense_scam"


# ------------------------------------------------------------------ an identifier's label


@pytest.mark.parametrize("body", [
    "Getting an error every time I open it. Account ID 5512093",
    "La page des rapports affiche une erreur à l'export. Identifiant : 8812345",
    "리포트 페이지에서 Export 누르면 에러가 떠요. 사이트 아이디 44019872",
    "Aparece um erro toda vez. Minha conta é 4410982",
])
def test_a_word_labelling_an_identifier_is_no_problem(ads: TriageContext, body: str) -> None:
    """"Account ID 5512093" says what the number is; the error says what is wrong."""
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") == "pub_technical"


@pytest.mark.parametrize("body", [
    "Account 2 of 3 got suspended yesterday, please check.",
    "Compte 2 sur 3 suspendu depuis hier, merci de vérifier.",
    "계정 2개가 어제 정지됐어요.",
    "Conta 2 de 3 foi suspensa ontem, verifiquem por favor.",
])
def test_a_short_number_after_the_word_is_no_identifier(ads: TriageContext, body: str) -> None:
    """A count or an ordinal is no code: the account stays what the ticket is about."""
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") == "pub_account"


@pytest.mark.parametrize("body", [
    "My payment 2500 USD never arrived.",
    "Mon paiement 1500 € n'est jamais arrivé.",
    "수익금 250000원 입금이 안 됐어요.",
    "Meu pagamento 3000 reais não caiu.",
])
def test_an_amount_is_no_identifier(ads: TriageContext, body: str) -> None:
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") == "pub_payments"


@pytest.mark.parametrize("body", [
    # the understanding stated of the deletion itself: a subject between the verb of knowing
    # and the permanence
    "Please delete oldmanrift. I understand that deleting my account is permanent and that "
    "nothing can be restored afterwards.",
    "Please delete rift_k. I know that deleting the whole account is irreversible.",
    "Please delete rift_k. I'm aware that the deletion of my account will be permanent.",
    "Supprimez rift_k. Je comprends que la suppression de mon compte est définitive.",
    "Supprimez rift_k. je sais que supprimer tout mon compte c'est définitif.",
    "Quero excluir rift_k. Entendo que a exclusão da minha conta é permanente.",
    "Quero excluir rift_k. Sei que excluir a conta toda é definitivo.",
])
def test_understanding_the_deletion_is_permanent_ticks(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="account-deletion"), games)
    assert written(games, d).get("deletion_confirmed") is True


@pytest.mark.parametrize("body", [
    # not understood, asked, or the permanence of something else than the account's end
    "Please delete rift_k. I don't understand why deleting my account is permanent.",
    "Please delete rift_k. I understand you need proof, but is deleting my account permanent?",
    "Please delete rift_k. I know that my ban from last year was permanent.",
    "Supprimez rift_k. Je comprends pas pourquoi la suppression du compte est définitive.",
    "Quero excluir rift_k. Não entendo por que a exclusão da conta é permanente.",
    "Please delete rift_k. I understand that deleting my account takes 30 days. Is it "
    "permanent?",
])
def test_understanding_with_a_doubt_or_about_another_thing_never_ticks(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="account-deletion"), games)
    assert "deletion_confirmed" not in written(games, d)
