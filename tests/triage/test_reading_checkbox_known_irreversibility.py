"""The deletion checkbox ticked by the requester saying they know there is no way back, in
words no keyword holds: a verb of knowing ("I get that", "je sais que", "tô ciente que",
"알고 있어요") over a restatement of irreversibility ("there's no undo", "pas de retour en
arrière", "não tem volta", "취소할 수 없다"), in en, fr, ko and pt-br; and what must not tick
(a doubt, a question, a condition, the restatement without the knowing)."""

from __future__ import annotations

import pytest
from test_reading import asked, on, written

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize(("body", "locale"), [
    ("Delete my account ashfall_9 for good. Yes, I get that there's no undo.", "en"),
    ("Please close the account ashfall_9. I understand there is no way to undo it.", "en"),
    ("Supprimez le compte ashfall_9. Je sais bien qu'il n'y a pas de retour en arrière.",
     "fr"),
    ("Merci de fermer mon compte ashfall_9, je suis conscient qu'on ne pourra pas revenir "
     "en arrière.", "fr"),
    ("계정 ashfall_9 삭제 부탁드려요. 취소할 수 없다는 것도 알고 있어요.", "ko"),
    ("Quero apagar a conta ashfall_9. Tô ciente que não tem volta.", "pt-br"),
    ("Pode excluir a conta ashfall_9, entendo que não dá pra desfazer depois.", "pt-br"),
])
def test_knowing_there_is_no_way_back_ticks(games: TriageContext, body: str,
                                            locale: str) -> None:
    d = decide(on(games, body, form="account-deletion", locale=locale), games)
    assert written(games, d).get("deletion_confirmed") is True
    assert "deletion_confirmed" not in asked(d)


@pytest.mark.parametrize(("body", "locale"), [
    # the restatement asked, doubted or set as a condition
    ("Delete my account ashfall_9. I don't know if there's no undo, is there?", "en"),
    ("Delete my account ashfall_9. I get that there's no undo, but wait until Friday.", "en"),
    ("Supprimez le compte ashfall_9. Je ne sais pas s'il y a un retour en arrière possible.",
     "fr"),
    ("계정 ashfall_9 삭제해 주세요. 취소할 수 없는 건지 잘 모르겠어요.", "ko"),
    ("Quero apagar a conta ashfall_9. Se não tem volta, eu sei, mas me avisem antes.",
     "pt-br"),
    # the restatement without any knowing (a belief at most)
    ("Supprimez le compte ashfall_9. Pas de retour en arrière possible, je crois.", "fr"),
    ("Quero apagar a conta ashfall_9. Não tem volta, acho.", "pt-br"),
])
def test_a_doubted_or_bare_restatement_never_ticks(games: TriageContext, body: str,
                                                   locale: str) -> None:
    d = decide(on(games, body, form="account-deletion", locale=locale), games)
    assert "deletion_confirmed" not in written(games, d)


@pytest.mark.parametrize(("body", "locale"), [
    # the deletion as a time clause before the restatement
    ("Please remove the account ashfall_9. We understand that once it is deleted it can't "
     "be recovered, and that is fine.", "en"),
    ("Supprimez le compte ashfall_9, je sais qu'une fois supprimé on ne pourra plus le "
     "récupérer.", "fr"),
    # another verb of bringing back
    ("ashfall_9 계정 삭제해 주세요. 다시 되살릴 수 없다는 거 알아요.", "ko"),
    ("ashfall_9 계정 지워주세요. 지우면 다시 못 살리는 거 알고 신청해요.", "ko"),
    # the statement in English inside another language's ticket
    ("Quero excluir a conta ashfall_9, não jogo mais. I understand its permanent, pode "
     "apagar.", "pt-br"),
    ("Supprimez ashfall_9 svp, I know it's permanent.", "fr"),
])
def test_other_words_and_english_statements_tick(games: TriageContext, body: str,
                                                 locale: str) -> None:
    d = decide(on(games, body, form="account-deletion", locale=locale), games)
    assert written(games, d).get("deletion_confirmed") is True


@pytest.mark.parametrize(("body", "locale"), [
    # the English statement doubted in either language
    ("Quero excluir a conta ashfall_9. I know its permanent? não tenho certeza.", "pt-br"),
    ("Quero excluir a minha conta ashfall_9, mas se I know its permanent eu desisto, "
     "porque não quero perder os meus itens.", "pt-br"),
    ("Supprimez ashfall_9, I don't know if it's permanent.", "fr"),
    # the time clause with a condition, and one asked
    ("Please remove ashfall_9. If it is deleted it cannot be restored, right?", "en"),
    ("ashfall_9 계정 삭제하면 되살릴 수 없는지 잘 모르겠어요.", "ko"),
])
def test_doubted_other_words_never_tick(games: TriageContext, body: str,
                                        locale: str) -> None:
    d = decide(on(games, body, form="account-deletion", locale=locale), games)
    assert "deletion_confirmed" not in written(games, d)
