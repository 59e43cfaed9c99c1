"""Values inside sentences (issue 10, pass 10g): a person one plays with ("my
clanmate Rook-77", "mon coéquipier Tibo") is no thing a pronoun stands for; an aside in
brackets between a thing and its verb ("my Wolfhound (power 3000) just vanished"); an
identifier's label across a longer qualifier ("l'identifiant de transaction sur le mail de
confirmation : TRV-88213-XQ"). Through the pure core, on the example workspaces, in en, fr,
ko and pt-br, with what must not be read."""

from __future__ import annotations

import pytest
from test_reading import on, written

from integrations.triage import TriageContext, decide


@pytest.mark.parametrize(("body", "value"), [
    ("I was trading with my clanmate Rook-77 and my Wolfhound (power 3000, took forever to "
     "roll) just vanished. It's not in my inventory.", "Wolfhound"),
    ("on échangeait avec mon coéquipier Tibo et mon Brisecroc (niveau 60) a disparu.",
     "Brisecroc"),
    ("eu tava trocando com meu parceiro Zeca e minha Lâmina Rubra (lendária) sumiu.",
     "Lâmina Rubra"),
])
def test_a_thing_is_read_across_an_aside_not_the_person_traded_with(
        games: TriageContext, body: str, value: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert written(games, d).get("item_name") == value


@pytest.mark.parametrize("body", [
    # the only capitalised thing before "it" is a person: nothing is read
    "I was trading with my teammate Rook-77 and right when we hit accept it just vanished.",
    "j'échangeais avec mon coéquipier Tibo Fort et au moment d'accepter il a disparu.",
    "tava trocando com meu parceiro Zeca Lima e na hora de aceitar ele sumiu.",
    "my squadmate Kaz Ro traded with me and now it's gone from my inventory.",
    "트레이드 하다가 아이템이 사라졌어요.",
])
def test_a_person_traded_with_is_no_item(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert "item_name" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    ("Voilà l'identifiant de transaction sur le mail de confirmation : TRV-88213-XQ.",
     "TRV-88213-XQ"),
    ("Here is the ID of the transaction shown on my bank statement: TRV-55102-AB.",
     "TRV-55102-AB"),
    ("O número do pedido que aparece no e-mail de confirmação: TRV-77310-KQ.", "TRV-77310-KQ"),
])
def test_an_identifier_label_reads_its_code_across_a_qualifier(
        games: TriageContext, body: str, value: str) -> None:
    d = decide(on(games, "I paid for Patron 30 days and got nothing. " + body,
                  form="unable-to-purchase"), games)
    assert written(games, d).get("transaction_id") == value


@pytest.mark.parametrize("body", [
    # an error code after a colon is no transaction id, however the label reads
    "I paid for Patron 30 days and got nothing. The transaction failed with error: ERR-4012.",
    "j'ai payé le Patron 30 jours, la transaction a échoué avec le code d'erreur : ERR-4012.",
    # a code too far from its label, in another clause, is not read
    "I paid for Patron 30 days. Transaction ID I don't have, but my ticket number: TK-88123.",
])
def test_an_error_or_another_number_is_no_transaction_id(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert "transaction_id" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    ("I finished the quest Moonlit Vault yesterday but got no reward.", "Moonlit Vault"),
    ("j'ai terminé la quête Caveau Lunaire hier mais rien reçu.", "Caveau Lunaire"),
    ("completei a missão Moonlit Vault ontem mas não apareceu nada.", "Moonlit Vault"),
    ("퀘스트 이름은 Moonlit Vault 입니다. 보상이 안 들어왔어요.", "Moonlit Vault"),
])
def test_a_quest_named_is_the_item_field(games: TriageContext, body: str, value: str) -> None:
    """The field's title names quests ("Exact item, quest or reward name")."""
    d = decide(on(games, body, form="in-game-issues"), games)
    assert written(games, d).get("item_name") == value


@pytest.mark.parametrize("body", [
    "I finished the quest yesterday but it is not marked as done.",
    "j'ai fini la quête hier mais elle est toujours dans le journal.",
    "completei a missão ontem mas não apareceu nada.",
    "퀘스트 완료했는데 보상이 안 들어왔어요.",
])
def test_a_quest_without_its_name_names_nothing(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert "item_name" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    ("I completed Moonlit Vault yesterday and the reward never showed up.", "Moonlit Vault"),
    ("j'ai terminé « Le Serment de Cendrelune » hier mais la cape n'est jamais arrivée.",
     "Le Serment de Cendrelune"),
    ("terminei a Moonlit Vault ontem e a recompensa não veio.", "Moonlit Vault"),
    ("어제 Moonlit Vault 퀘스트 끝냈는데 보상이 안 들어왔어요.", "Moonlit Vault"),
])
def test_what_was_finished_is_read_when_nothing_is_lost(
        games: TriageContext, body: str, value: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert written(games, d).get("item_name") == value


@pytest.mark.parametrize(("body", "value"), [
    # the thing missing is the value; the quest finished is context
    ("i finished the Shadow Tower thing and the reward chest opened but the Shadow Tower Key "
     "is not there.", "Shadow Tower Key"),
    ("j'ai fini le Donjon Noir et ma Cape Sombre a disparu de mon sac.", "Cape Sombre"),
    ("terminei a Torre Sombria e minha Capa Sombria sumiu da bolsa.", "Capa Sombria"),
])
def test_a_lost_thing_wins_over_a_finished_one(
        games: TriageContext, body: str, value: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert written(games, d).get("item_name") == value


@pytest.mark.parametrize("body", [
    "I finished it yesterday but the reward never came.",
    "j'ai terminé hier mais rien reçu.",
    "completei ontem e não veio nada.",
    "어제 퀘스트 끝냈는데 보상이 안 들어왔어요.",
])
def test_finishing_without_a_name_reads_nothing(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert "item_name" not in written(games, d)


@pytest.mark.parametrize(("body", "value"), [
    ("dashboard blank since this morning. chrome, win 11. sid 5529014. steps: logged in, "
     "clicked Reports, white screen. no error shown.", "logged in, clicked Reports, white screen"),
    ("le tableau de bord reste blanc, chrome sur windows 11. sid 5529014. étapes : connexion, "
     "clic sur Rapports, page blanche.", "connexion, clic sur Rapports, page blanche"),
    ("o painel fica em branco, chrome no windows 11. sid 5529014. passos: login, cliquei em "
     "Relatórios, tela branca.", "login, cliquei em Relatórios, tela branca"),
])
def test_steps_labelled_inside_a_line_are_read_to_their_sentence_end(
        ads: TriageContext, body: str, value: str) -> None:
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("steps_taken") == value


@pytest.mark.parametrize("body", [
    # "steps" without a colon labels nothing; a label starting no sentence neither
    "dashboard blank, chrome, win 11, sid 5529014. I followed the steps in your guide.",
    "dashboard blank, chrome, win 11, sid 5529014, the next steps: no idea.",
])
def test_steps_without_a_label_give_no_value(ads: TriageContext, body: str) -> None:
    d = decide(on(ads, body), ads)
    assert "steps_taken" not in written(ads, d)


@pytest.mark.parametrize("body", [
    "Please delete my Glyph account gravelord_ed. I know it's permanent, don't care, haven't "
    "played since 2019, no point keeping it.",
    "Supprimez mon compte Glyph gravelord_ed. Je sais que c'est définitif, je m'en fiche, je "
    "joue plus depuis 2019.",
    "Apaguem minha conta Glyph gravelord_ed. Sei que é permanente, tanto faz, não jogo mais.",
    "Glyph 계정 gravelord_ed 삭제해 주세요. 영구 삭제되는 거 알아요, 게임 안 한 지 오래됐어요.",
])
def test_indifference_and_a_reason_to_leave_doubt_no_consent(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="account-deletion"), games)
    assert written(games, d).get("deletion_confirmed") is True


@pytest.mark.parametrize("body", [
    # a negation of the deletion itself still withholds the tick
    "Please delete my Glyph account gravelord_ed. I know it's permanent, don't care, but don't "
    "delete it before Friday.",
    "Supprimez mon compte Glyph gravelord_ed. Je sais que c'est définitif, peu importe, mais ne "
    "le supprimez pas encore.",
    "Apaguem minha conta Glyph gravelord_ed. Sei que é permanente, tanto faz, mas não apaguem "
    "ainda.",
    "Glyph 계정 gravelord_ed 삭제해 주세요. 영구 삭제되는 거 알아요, 근데 아직 지우지 마세요.",
])
def test_a_negated_deletion_beside_indifference_ticks_nothing(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="account-deletion"), games)
    assert "deletion_confirmed" not in written(games, d)
