"""Causes of misreads found on the fresh25 split, each fixed as a general rule and tested
here in sentences of our own, in the languages it touches: a run of shouted common words
is emphasis, not a handle; a bracketed aside or a dot inside a word as a handle has; what
the requester will not get back restates irreversibility, also with the deletion named as
its subject; no more of the company's mail is a reason to leave, not a doubt; Korean
stacked particles ("인벤에도 없"), a quest "다 깨고" finished, two Korean questions in a
row; a need ("preciso entrar") is no act done; "não é dúvida de X" sets X aside."""

from __future__ import annotations

import pytest
from test_reading import asked, on, written
from test_reading import read_ticket as _read

from integrations.triage import TriageContext, decide

# ------------------------------------------------------------------ names


@pytest.mark.parametrize(("subject", "body", "locale"), [
    ("hacked, help me RIGHT NOW", "My account is corvantis, please lock it.", "en"),
    ("on a volé mon compte TOUT DE SUITE", "Mon compte c'est corvantis, bloquez-le.", "fr"),
    ("minha conta AGORA MESMO", "Minha conta é corvantis, bloqueiem por favor.", "pt-br"),
])
def test_a_run_of_shouted_common_words_is_emphasis_not_a_handle(
        games: TriageContext, subject: str, body: str, locale: str) -> None:
    got, ask = _read(games, body, "account-recovery", locale, subject)
    assert got.get("account_name") == "corvantis"
    assert "account_name" not in ask


@pytest.mark.parametrize(("body", "locale"), [
    ("Please remove my glyph account mirefoxel (mail mire.foxel@gmail.com) for good.", "en"),
    ("Merci de fermer mon compte mirefoxel (adresse mire.foxel@gmail.com).", "fr"),
    ("Quero apagar minha conta mirefoxel (e-mail mire.foxel@gmail.com).", "pt-br"),
])
def test_a_bracketed_aside_ends_a_handles_clause(games: TriageContext, body: str,
                                                 locale: str) -> None:
    got, _ = _read(games, body, "account-deletion", locale)
    assert got.get("account_name") == "mirefoxel"


@pytest.mark.parametrize(("body", "locale"), [
    ("The gems never showed up on the account lia.morrin, I paid yesterday.", "en"),
    ("Les gemmes ne sont jamais arrivées sur le compte lia.morrin.", "fr"),
    ("As gemas nunca caíram na conta lia.morrin.", "pt-br"),
])
def test_a_dot_inside_a_word_shapes_a_handle(games: TriageContext, body: str,
                                             locale: str) -> None:
    got, _ = _read(games, body, "unable-to-purchase", locale)
    assert got.get("account_name") == "lia.morrin"


def test_a_sentence_after_a_word_is_no_dotted_handle(games: TriageContext) -> None:
    got, _ = _read(games, "I can't get into my account. Please help.", "account-recovery", "en")
    assert "account_name" not in got


# ------------------------------------------------------------------ the deletion checkbox


@pytest.mark.parametrize(("body", "locale"), [
    ("Delete my account ashfall_9. I know it's permanent and I won't get anything back, "
     "that's ok.", "en"),
    ("Delete my account ashfall_9. I understand I can't get any of it back.", "en"),
    ("Supprimez le compte ashfall_9. Je sais que je ne récupérerai rien.", "fr"),
    ("Apaguem a conta ashfall_9. Sei que não vou recuperar nada.", "pt-br"),
    ("계정 ashfall_9 삭제해 주세요. 아이템을 돌려받을 수 없다는 거 알아요.", "ko"),
])
def test_what_will_not_come_back_restates_irreversibility(games: TriageContext, body: str,
                                                          locale: str) -> None:
    got, ask = _read(games, body, "account-deletion", locale)
    assert got.get("deletion_confirmed") is True
    assert "deletion_confirmed" not in ask


@pytest.mark.parametrize(("body", "locale"), [
    ("Close account ashfall_9 please. I know deleting it can't be undone.", "en"),
    ("Supprimez le compte ashfall_9. Je sais que la suppression est sans retour.", "fr"),
    ("Pode apagar a conta ashfall_9, sei que a exclusão não tem volta.", "pt-br"),
])
def test_the_deletion_named_between_knowing_and_the_restatement(
        games: TriageContext, body: str, locale: str) -> None:
    got, _ = _read(games, body, "account-deletion", locale)
    assert got.get("deletion_confirmed") is True


@pytest.mark.parametrize(("body", "locale"), [
    ("Delete my account ashfall_9. I know it's permanent, I just don't want any more emails "
     "from you.", "en"),
    ("Supprimez mon compte ashfall_9. Je sais que c'est définitif, je veux juste plus de "
     "mails.", "fr"),
    ("Apaguem minha conta ashfall_9. Sei que é permanente, não quero mais receber e-mails.",
     "pt-br"),
])
def test_no_more_mail_is_a_reason_to_leave_not_a_doubt(games: TriageContext, body: str,
                                                       locale: str) -> None:
    got, _ = _read(games, body, "account-deletion", locale)
    assert got.get("deletion_confirmed") is True


@pytest.mark.parametrize(("body", "locale"), [
    # a doubt, a condition, a second thought: still nothing ticked
    ("Delete my account ashfall_9. I don't know if I won't get anything back?", "en"),
    ("Supprimez le compte ashfall_9. Je sais que c'est définitif, mais je ne veux plus le "
     "supprimer.", "fr"),
    ("Quero apagar a conta ashfall_9. Não sei se a exclusão não tem volta.", "pt-br"),
    ("Delete my account ashfall_9. Deleting it can't be undone, I think.", "en"),
])
def test_doubts_still_tick_nothing(games: TriageContext, body: str, locale: str) -> None:
    got, _ = _read(games, body, "account-deletion", locale)
    assert "deletion_confirmed" not in got


# ------------------------------------------------------------------ Korean dropdowns


@pytest.mark.parametrize("body", [
    "어제 산 망토가 인벤에도 없어요.",
    "펫이 창고에도 없고 가방에서도 없어요.",
])
def test_stacked_korean_particles_still_meet_a_phrase(games: TriageContext, body: str) -> None:
    got, _ = _read(games, body, "in-game-issues", "ko")
    assert got.get("ingame_category") == "ingame_lost_item"


@pytest.mark.parametrize("body", [
    "주간 퀘스트 다 깨고 보상 상자를 받았는데 가방에도 없어요.",
    "퀘스트 전부 끝냈는데 보상 망토가 인벤에 없어요.",
])
def test_a_quest_cleared_with_its_reward_missing_is_asked(games: TriageContext,
                                                          body: str) -> None:
    got, ask = _read(games, body, "in-game-issues", "ko")
    assert "ingame_category" not in got
    assert "ingame_category" in ask


def test_two_korean_questions_in_a_row_ask_which(games: TriageContext) -> None:
    got, ask = _read(games, "보상 상자가 안 보여요. 퀘스트 오류인가요 아이템이 사라진 건가요?",
                     "in-game-issues", "ko")
    assert "ingame_category" not in got
    assert "ingame_category" in ask
    got, _ = _read(games, "퀘스트 진행이 안 돼요. NPC가 안 나와요. 버그인가요?",
                   "in-game-issues", "ko")
    assert got.get("ingame_category") == "ingame_quest"


# ------------------------------------------------------------------ needs and set-asides


@pytest.mark.parametrize(("body", "locale"), [
    ("esqueci a senha e o link de redefinição não chega. preciso entrar na minha conta.",
     "pt-br"),
    ("I forgot my password and the reset mail never comes. I need to log in to my account "
     "today.", "en"),
    ("J'ai oublié mon mot de passe, j'ai besoin d'entrer dans mon compte.", "fr"),
])
def test_a_need_is_no_act_done(games: TriageContext, body: str, locale: str) -> None:
    got, _ = _read(games, body, "account-recovery", locale)
    assert got.get("recovery_reason") == "recovery_password"


@pytest.mark.parametrize(("body", "locale"), [
    ("Entraram na minha conta ontem e trocaram a senha.", "pt-br"),
    # the perfect's "has" is no need
    ("Someone has logged into my account from another country.", "en"),
])
def test_someone_who_got_in_is_still_read(games: TriageContext, body: str,
                                          locale: str) -> None:
    got, _ = _read(games, body, "account-recovery", locale)
    assert got.get("recovery_reason") == "recovery_compromised"


@pytest.mark.parametrize(("body", "locale"), [
    ("Não é dúvida de cashback, sou publisher: preciso trocar o e-mail de login. SID 4410022",
     "pt-br"),
    ("Not a query about cashback, I'm a publisher: I need to change my login email. SID "
     "4410022", "en"),
    ("Ce n'est pas une demande de cashback, je suis éditeur : je dois changer l'e-mail de "
     "connexion. SID 4410022", "fr"),
])
def test_a_question_set_aside_denies_its_topic(ads: TriageContext, body: str,
                                               locale: str) -> None:
    d = decide(on(ads, body, form="publisher-support", locale=locale), ads)
    assert written(ads, d).get("problem_type") != "pub_rewards"
    assert not any("Rewards" in str(r) for r in d.rules), d.rules


# ------------------------------------------------------------------ dates, steps, language


@pytest.mark.parametrize(("body", "locale", "day"), [
    ("O cartão foi cobrado semana passada. Já faz uma semana e ninguém responde.", "pt-br",
     "2026-03-02"),
    ("Le paiement est parti mardi. Ça fait trois jours que j'attends une réponse.", "fr",
     "2026-03-10"),
])
def test_a_wait_for_an_answer_does_not_date_the_problem(games: TriageContext, body: str,
                                                        locale: str, day: str) -> None:
    got, _ = _read(games, body, "unable-to-purchase", locale)
    assert got.get("occurred_on") == day


def test_a_duration_alone_still_dates_the_problem(games: TriageContext) -> None:
    got, _ = _read(games, "Ça fait trois jours que le jeu plante au lancement.",
                   "technical-issues", "fr")
    assert got.get("occurred_on") == "2026-03-09"


@pytest.mark.parametrize(("body", "locale"), [
    ("The reports page is blank. Tried 4 times today. Firefox on Windows 11, SID 4410022.",
     "en"),
    ("La page des rapports est vide. J'ai essayé plusieurs fois hier. Firefox sur Windows 11, "
     "SID 4410022.", "fr"),
])
def test_a_count_of_tries_is_no_step(ads: TriageContext, body: str, locale: str) -> None:
    d = decide(on(ads, body, form="publisher-support", locale=locale,
                  problem_type="pub_technical"), ads)
    assert "steps_taken" not in written(ads, d)
    assert "steps_taken" in asked(d)


def test_an_adverb_of_manner_keeps_a_sentence_of_acts(ads: TriageContext) -> None:
    d = decide(on(ads, "SID 4410022, Firefox on Windows 11. I literally just typed my email "
                       "and pressed Enter, nothing more.", form="publisher-support",
                  locale="en", problem_type="pub_technical"), ads)
    assert written(ads, d).get("steps_taken", "").startswith("I literally just typed my email")


def test_a_quoted_english_message_leaves_portuguese_prose_portuguese(
        ads: TriageContext) -> None:
    """An error message pasted in English is the product's words: the requester's language
    is read from theirs ("no Windows 10" is "on Windows 10", no English negation)."""
    d = decide(on(ads, 'O relatório não abre e aparece "Request failed with status code 500 '
                       'please retry later". Uso Firefox no Windows 11. SID 4410022.',
                  form="publisher-support", problem_type="pub_technical"), ads)
    assert d.language == "pt-br"
    assert written(ads, d).get("operating_system") == "Windows 11"


@pytest.mark.parametrize(("body", "locale"), [
    ("There's a character, Vornakel, who runs the same loop all night with a bot.", "en"),
    ("Il y a un perso, Vornakel, qui tourne en boucle toute la nuit, c'est un bot.", "fr"),
    ("Tem um personagem, Vornakel, que fica rodando em loop a noite toda, é bot.", "pt-br"),
])
def test_a_character_there_named_in_apposition_is_the_reported_player(
        games: TriageContext, body: str, locale: str) -> None:
    got, _ = _read(games, body, "report-a-player", locale)
    assert got.get("reported_player") == "Vornakel"
