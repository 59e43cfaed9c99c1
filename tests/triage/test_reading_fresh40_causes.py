"""Causes of misreads found on the fresh40 split, each fixed as a general rule and tested
here in sentences of our own. Two problems counted out ("One: … Two: …") are two parts, and
a value each part gives its own of (two dates, two purchases) is asked, not written; one
part's value alone is the ticket's. A name spelled letter by letter ("g-r-i-m-m-j-a-w") is the
name. A question naming one kind whose alternative follows its question mark ("studio ? ou
modèle, je sais plus") states no kind. A relative who asked the requester to write ("my dad
asked me to write") is written for, and their knowing ("ela entende que não tem volta")
ticks the deletion's box; so does a plain yes under the box's own question quoted back.
A purchase that "still isn't on my account" was not received. Acts dictated with no comma
("i log in go to reports click last 30 days and then nothing loads") are the steps. A noun
denied after it ("não perdi item nenhum") is negated. The seed workspaces learn "souscrire
l'offre « … »" (a purchase's name) and a shop's prepaid card ("eShop 선불카드"). A declared
pattern never writes part of a word ("Aub" of "Aubépine"), and a Korean particle written onto
a Latin name ("1000 Credits가") is not the name's. What the requester is: "I should say that
I only watch" is the requester speaking, "소속 없는" denies an agency, "je ne diffuse rien" a
broadcast, and the question put to them told back ("vcs perguntaram se sou usuário ou
modelo") states nothing. "minha conta e rafa_m": "é" typed without its accent, before a
handle. A company written for ("on behalf of Northlight Media, a small studio") is the
requester's own side, no other person. One act on what a report is cut by ("when I pick a
date range", "dès que je filtre par annonceur") is the step taken."""

from __future__ import annotations

import pytest
from test_reading import read_ticket as _read

from integrations.triage import TriageContext
from integrations.triage.reading.corrections import unspelled
from integrations.triage.reading.normalise import fold
from integrations.triage.reading.parts import parts
from integrations.triage.reading.steps import sequence
from integrations.triage.reading.words import on_behalf

# ------------------------------------------------------------------ two problems counted out


@pytest.mark.parametrize(("text", "second"), [
    ("Two issues. One: my pack never arrived. Two: my card is refused.", "Two: my card"),
    ("Deux soucis. Un : le pack n'est jamais arrivé. Deux : ma carte est refusée.",
     "Deux : ma carte"),
    ("Dois problemas. Um: o pacote não chegou. Dois: o cartão foi recusado.",
     "Dois: o cartão"),
])
def test_problems_counted_out_in_words_are_two_parts(text: str, second: str) -> None:
    cut = parts(text)
    assert cut is not None and cut[1].startswith(second)


def test_a_lone_two_in_a_sentence_cuts_nothing() -> None:
    assert parts("I bought two packs: one arrived, the other did not.") is None


def test_what_each_problem_gives_its_own_of_is_asked(games: TriageContext) -> None:
    got, missing = _read(games, "Two problems. One: the Ember Pack I bought last week still "
                                "isn't on my account. Two: today I tried to buy the Frost Pack "
                                "and my card gets refused every time.\n\naccount name is "
                                "tallowick_9", "unable-to-purchase", "en")
    assert "purchase_problem" in missing and "occurred_on" in missing
    assert "occurred_on" not in got and "purchase_name" not in got
    assert got.get("account_name") == "tallowick_9"


def test_one_problems_date_alone_is_the_tickets(games: TriageContext) -> None:
    got, missing = _read(games, "Two problems: first my legendary sword vanished from my bag "
                                "after yesterday's crash. And second the main quest of the new "
                                "episode won't advance. My character is Pitwick.",
                         "in-game-issues", "en")
    assert "ingame_category" in missing
    assert got.get("occurred_on") == "2026-03-11" and got.get("character_name") == "Pitwick"


def test_a_purchase_not_on_the_account_was_not_received(games: TriageContext) -> None:
    got, _ = _read(games, "The Ember Pack I bought on Monday still isn't on my account. "
                          "Account name tallowick_9.", "unable-to-purchase", "en")
    assert got.get("purchase_problem") == "purchase_not_received"


# ------------------------------------------------------------------ a name spelled out


@pytest.mark.parametrize(("text", "meant"), [
    ("His account is g-r-i-m-m-j-a-w (grimmjaw, all one word).",
     "His account is grimmjaw (grimmjaw, all one word)."),
    ("Conta: B-E-L-A-C-O-R-V-O", "Conta: BELACORVO"),
    ("a re-roll, an e-mail, an x-ray, a well-known bug", "a re-roll, an e-mail, an x-ray, "
     "a well-known bug"),
    ("le code a-b-c ne marche pas", "le code a-b-c ne marche pas"),
])
def test_a_word_spelled_letter_by_letter_is_the_word(text: str, meant: str) -> None:
    assert unspelled(text) == meant


def test_an_account_spelled_out_is_read_whole(games: TriageContext) -> None:
    got, _ = _read(games, "Tentei assinar o Patron 30 days no domingo e o cartão foi recusado. "
                          "Conta: t-a-l-o-w-i-c-k.", "unable-to-purchase", "pt-br")
    assert got.get("account_name") == "talowick"


# ------------------------------------------------------------------ a doubt over two marks


@pytest.mark.parametrize(("body", "locale"), [
    ("Est-ce que je peux changer le compte bancaire où arrivent mes paiements ? Je crois que "
     "mon compte est en mode studio ? ou modèle, je sais plus trop.", "fr"),
    ("Can I change the bank account my payouts go to? I think my account is a studio? or "
     "model, I don't remember.", "en"),
])
def test_a_kind_whose_alternative_follows_the_question_mark_is_asked(
        stream: TriageContext, body: str, locale: str) -> None:
    got, missing = _read(stream, body, None, locale)
    assert "occupation" not in got and "occupation" in missing


def test_a_kind_asked_about_alone_is_still_read(stream: TriageContext) -> None:
    got, _ = _read(stream, "Je suis un studio avec six modèles. Comment changer notre compte "
                           "bancaire ? Merci.", None, "fr")
    assert got.get("occupation") == "occ_studio"


# ------------------------------------------------------------------ a relative asked them to write


@pytest.mark.parametrize(("text", "behalf"), [
    ("Hello, my dad asked me to write because he's not great with this stuff.", True),
    ("Bonjour, ma mère m'a demandé de vous écrire pour elle.", True),
    ("Oi, minha mãe pediu pra eu escrever pra ela.", True),
    ("My friend asked me to write a review of the game.", False),
    ("I asked my mum to write down her password.", False),
])
def test_a_relative_who_asked_the_requester_to_write_is_written_for(text: str,
                                                                     behalf: bool) -> None:
    assert on_behalf(fold(text)) is behalf


# ------------------------------------------------------------------ a box answered inline


@pytest.mark.parametrize(("reply", "ticked"), [
    ("sim", True),
    ("\nsim, pode apagar", True),
    ("yes, I confirm", True),
    ("sim mas não apaguem ainda", False),
    ("não sei", False),
])
def test_a_yes_under_the_boxs_question_quoted_back_ticks_it(games: TriageContext, reply: str,
                                                            ticked: bool) -> None:
    got, missing = _read(games, "Quero apagar minha conta tallowick_9.\n> Please confirm: I "
                                "understand that deleting my account is permanent\n" + reply,
                         "account-deletion", "pt-br")
    assert got.get("deletion_confirmed") is (True if ticked else None)
    assert ("deletion_confirmed" in missing) is not ticked


def test_a_consent_quoted_from_someone_else_still_ticks_nothing(games: TriageContext) -> None:
    got, _ = _read(games, "My brother sent me this:\n> I understand that deleting my account "
                          "is permanent\nI want mine deleted too, account tallowick_9.",
                   "account-deletion", "en")
    assert "deletion_confirmed" not in got


@pytest.mark.parametrize(("body", "ticked"), [
    ("Minha mãe pediu pra eu escrever pra ela, ela quer apagar a conta dela (claudinha_sp). "
     "Ela entende que não tem volta.", True),
    ("Quero apagar minha conta claudinha_sp. Meu irmão entende que não tem volta.", False),
])
def test_the_holders_knowing_told_by_who_writes_for_them_ticks(games: TriageContext, body: str,
                                                               ticked: bool) -> None:
    got, _ = _read(games, body, "account-deletion", "pt-br")
    assert got.get("deletion_confirmed") is (True if ticked else None)


# ------------------------------------------------------------------ dictated steps


@pytest.mark.parametrize(("text", "steps"), [
    ("hi so the links page is just grey since monday i log in go to links click new link and "
     "then nothing loads just a spinner im on firefox", "i log in go to links click new link"),
    ("bonjour depuis lundi la page reste blanche je me connecte je vais dans rapports je clique "
     "sur exporter et rien ne charge merci", "je me connecte je vais dans rapports je clique "
     "sur exporter"),
    ("the page stays blank since monday and i really dont know if you changed something on "
     "your side or if it is my browser that broke it", None),
])
def test_acts_dictated_without_joins_are_the_steps(text: str, steps: str | None) -> None:
    found = sequence(text)
    assert (text[found[0]:found[1]] if found else None) == steps


# ------------------------------------------------------------------ words of the seed workspaces


def test_an_offer_subscribed_to_names_the_purchase(games: TriageContext) -> None:
    got, _ = _read(games, "Le 28 novembre, j'ai tenté de souscrire l'offre « Patron 90 jours » "
                          "avec ma carte bancaire ; le paiement a été refusé.",
                   "unable-to-purchase", "fr")
    assert got.get("purchase_name") == "Patron 90 jours"


def test_a_shops_prepaid_card_is_no_bank_card(games: TriageContext) -> None:
    got, _ = _read(games, "그저께 닌텐도 eShop 선불카드 잔액으로 10 Chaos Chests 샀어요. 잔액은 "
                          "빠졌는데 게임 안에 상자가 없어요.", "unable-to-purchase", "ko")
    assert got.get("payment_method") == "pay_other"


def test_a_noun_denied_after_it_is_negated(games: TriageContext) -> None:
    got, _ = _read(games, "Meu personagem ficou preso dentro de uma parede do castelo, o /stuck "
                          "não funciona. Não perdi item nenhum, só preciso sair daqui. "
                          "Char: Morgana", "in-game-issues", "pt-br")
    assert got.get("ingame_category") == "ingame_other"


# ------------------------------------------------------------------ whole words only


def test_a_declared_pattern_never_writes_part_of_a_word(games: TriageContext) -> None:
    got, _ = _read(games, "Un joueur \"Goldzzzshop\" a spammé le canal commerce de Brisesol. "
                          "Mon personnage : Aubépine", "report-a-player", "fr")
    assert got.get("character_name") in (None, "Aubépine")


def test_a_korean_particle_on_a_declared_value_is_no_cut(ads: TriageContext) -> None:
    got, _ = _read(ads, "리포트 페이지가 안 열려요. 윈도우10에서 크롬 써요. SID 4471023",
                   "publisher-support", "ko", problem_type="pub_technical")
    assert got.get("operating_system") == "윈도우10"


def test_a_particle_written_onto_a_latin_name_is_not_the_names(games: TriageContext) -> None:
    got, _ = _read(games, "페이팔에서 돈은 빠졌어요. 근데 1000 Credits가 계정에 안 들어왔어요.",
                   "unable-to-purchase", "ko")
    assert got.get("purchase_name") == "1000 Credits"


# ------------------------------------------------------------------ what the requester is


@pytest.mark.parametrize(("body", "locale", "kind"), [
    ("The password is wrong since Monday. I should say that I only watch, I do not perform.",
     "en", "occ_user"),
    ("정산이 3주째 안 됐어요. 저 소속 없는 개인 모델이에요.", "ko", "occ_model"),
    ("vcs perguntaram se sou usuario ou modelo. acho que sou usuário comum né, só assisto",
     "pt-br", "occ_user"),
    ("Vous m'avez demandé si je suis modèle ou studio : je regarde seulement, je ne diffuse "
     "rien.", "fr", "occ_user"),
])
def test_the_requesters_own_kind_is_read(stream: TriageContext, body: str, locale: str,
                                         kind: str) -> None:
    got, _ = _read(stream, body, None, locale)
    assert got.get("occupation") == kind


@pytest.mark.parametrize(("body", "name"), [
    ("o jogo ta lagando demais minha conta e rafa_m com underline nao com traco", "rafa_m"),
    ("o jogo ta lagando demais, minha conta e lucas99", "lucas99"),
    ("minha conta e meu personagem sumiram depois do patch", None),
])
def test_a_copula_typed_without_its_accent_names_a_handle(games: TriageContext, body: str,
                                                          name: str | None) -> None:
    got, _ = _read(games, body, "technical-issues", "pt-br")
    assert got.get("account_name") == name


def test_a_message_that_only_shows_is_what_the_product_says(ads: TriageContext) -> None:
    got, _ = _read(ads, '어제부터 맥북에서 엣지로 리포트 들어가면 "데이터를 불러올 수 없습니다" 만 '
                        '뜹니다. sid 5093318', "publisher-support", "ko")
    assert got.get("problem_type") == "pub_technical"


@pytest.mark.parametrize(("text", "behalf"), [
    ("I am writing on behalf of Northlight Media, a small studio we run.", False),
    ("Je vous écris au nom de Studio Lumière, une petite agence.", False),
    ("on behalf of Redline Media LLC", False),
    ("on behalf of my friend Anna", True),
])
def test_a_company_written_for_is_the_requesters_own_side(text: str, behalf: bool) -> None:
    assert on_behalf(fold(text)) is behalf


def test_a_studio_writing_for_itself_is_the_studio(stream: TriageContext) -> None:
    got, _ = _read(stream, "I am writing on behalf of Northlight Media, a small studio we run "
                           "with four performers. One of our girls cannot start her broadcast. "
                           "Our own studio login is northlight_studio.", None, "en")
    assert got.get("occupation") == "occ_studio"


# ------------------------------------------------------------------ one act a problem follows


@pytest.mark.parametrize(("body", "locale", "steps"), [
    ("The stats page throws 'something went wrong' when I pick a date range. Chrome on "
     "Windows 10, SID 6601287", "en", "pick a date range"),
    ("The reports tab throws an error every time I filter by date. Firefox on Ubuntu 22.04, "
     "site 51128830", "en", "filter by date"),
    ("La page Liens plante dès que je filtre par annonceur. Edge, Windows 11, site 3318840.",
     "fr", "filtre par annonceur"),
])
def test_one_act_on_what_a_report_is_cut_by_is_the_step(ads: TriageContext, body: str,
                                                         locale: str, steps: str) -> None:
    got, _ = _read(ads, body, "publisher-support", locale, problem_type="pub_technical")
    assert steps in got.get("steps_taken", "")


def test_a_vague_when_is_still_no_step(ads: TriageContext) -> None:
    got, missing = _read(ads, "Depuis lundi quand je me connecte mon tableau de bord est vide. "
                              "Edge, Windows 11, site 3318840.", "publisher-support", "fr",
                         problem_type="pub_technical")
    assert "steps_taken" not in got and "steps_taken" in missing
