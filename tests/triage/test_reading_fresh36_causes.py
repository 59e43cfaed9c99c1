"""Causes of misreads found on the fresh36 split and on the opened corpus, each fixed as a
general rule and tested here in sentences of our own: a day of the month written in words
is a date ("le vingt-sept novembre", "on the twenty-third", "dia vinte e cinco de
novembro"); a learner's "two problem" and a first problem named as one ("First problem:
…", "Premier problème :") announce two problems; an adverb of precision after a field's
name is no name ("je ne sais pas quel serveur c'est exactement"); a kind of thing denied
with its words after its noun ("ce n'est pas un refus de carte", "não é recusa de cartão")
names no option; "desde a atualização" only dates the problem; a person's noun that
qualifies a thing ("le site partenaire") is no other person; a code on the statement is
the transaction's ("na fatura aparece o código …"); a date in a personal occasion's clause
("her birthday on the 5th") is the occasion's; a dictated sentence of acts ends where its
result runs on ("… and hit run and then nothing happens no error …"). From tune9's wrong
values: a device is no operating system ("Safari on my iPhone"; a Mac still is one), a
Korean topic the requester cannot tell more of states nothing ("윈도우는... 잘 모르겠어요"),
and what stands in brackets after another person is theirs ("mon fils a aussi un compte
(JulienTech, julien.v@…)"); and the examples' vocabulary ("gift card balance can't be used
for this item"); "since your patch" only dates the problem; "associé à l'adresse" is a
participle, no partner; "je fais que mater", "je suis cliente" say a viewer; "je ne me souviens
plus du mot de passe" loses the password, it does not deny it; a site's description ("사이트
소개란", "description du site") is an account matter."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from test_reading import read_ticket as _read

from integrations.triage import TriageContext
from integrations.triage.reading.dates import find_dates
from integrations.triage.reading.matcher import is_denied, is_negated
from integrations.triage.reading.parts import parts

WEDNESDAY = datetime(2026, 12, 2, 14, 40)

# ------------------------------------------------------------------ days in words


@pytest.mark.parametrize(("text", "language", "day", "phrase"), [
    ("PayPal m'a débité 49,99 € le vingt-sept novembre et rien n'est arrivé", "fr",
     date(2026, 11, 27), "vingt-sept novembre"),
    ("c'était le trente et un octobre au soir", "fr", date(2026, 10, 31),
     "trente et un octobre"),
    ("I was charged on the twenty-third of November and got nothing", "en",
     date(2026, 11, 23), "twenty-third of November"),
    ("it happened on November twenty first, around noon", "en", date(2026, 11, 21),
     "November twenty first"),
    ("it started on the twenty-ninth. nothing since", "en", date(2026, 11, 29),
     "on the twenty-ninth"),
    ("fui cobrado no dia vinte e cinco de novembro e nada chegou", "pt",
     date(2026, 11, 25), "vinte e cinco de novembro"),
    ("a cobrança foi no primeiro de dezembro", "pt", date(2026, 12, 1),
     "primeiro de dezembro"),
])
def test_a_day_written_in_words_is_a_date(text: str, language: str, day: date,
                                          phrase: str) -> None:
    assert find_dates(text, language, WEDNESDAY) == [(day, 0.9, phrase)]


@pytest.mark.parametrize(("text", "language"), [
    ("I tried three times and twenty minutes later it failed again", "en"),
    ("j'ai vingt-sept personnages et un seul marche", "fr"),
    ("tentei vinte e cinco vezes", "pt"),
    ("the second one of november's packs never came", "en"),
])
def test_a_number_in_words_elsewhere_is_no_date(text: str, language: str) -> None:
    assert find_dates(text, language, WEDNESDAY) == []


def test_a_day_in_words_dates_the_ticket(games: TriageContext) -> None:
    got, missing = _read(games, "Mon achat du pack Gardien n'est jamais arrivé : PayPal m'a "
                         "débité le vingt-sept février, transaction 7KX41822MN503921B, compte "
                         "Brisefer_22.", "unable-to-purchase", "fr", product="game_rift",
                         platform="platform_pc", region="region_eu")
    assert got.get("occurred_on") == "2026-02-27"
    assert "occurred_on" not in missing


# ------------------------------------------------------------------ two problems


@pytest.mark.parametrize(("text", "second"), [
    ("First problem: my mount saddle left my bags. Second problem: the quest NPC has no talk "
     "option.", "Second problem: the quest NPC has no talk option."),
    ("Premier problème : ma selle a disparu du sac. Deuxième problème : le PNJ de la quête ne "
     "parle plus.", "Deuxième problème : le PNJ de la quête ne parle plus."),
    ("Primeiro problema: minha sela sumiu da bolsa. Segundo problema: o NPC da missão não "
     "fala.", "Segundo problema: o NPC da missão não fala."),
    ("첫 번째 문제는 안장이 가방에서 사라졌어요. 두 번째 문제는 퀘스트 NPC가 대화가 안 돼요.",
     "두 번째 문제는 퀘스트 NPC가 대화가 안 돼요."),
])
def test_a_first_problem_named_as_one_announces_two(text: str, second: str) -> None:
    cut = parts(text)
    assert cut is not None and cut[1] == second


def test_a_learners_two_problem_announces_two(games: TriageContext) -> None:
    got, missing = _read(games, "Hello. My saddle for the mount is not anymore in my bags after "
                         "I arranged the storage. Second, the NPC of the swamp quest is not "
                         "giving me the talk option. My character call Maelwyn.",
                         "in-game-issues", "en", subject="Two problem please help",
                         product="game_rift", platform="platform_pc", region="region_na")
    assert "ingame_category" not in got
    assert "ingame_category" in missing


def test_a_first_time_names_no_second_problem() -> None:
    assert parts("The first thing I did was restart. Second, nothing changed.") is None


# ------------------------------------------------------------------ adverbs


@pytest.mark.parametrize(("body", "locale"), [
    ("Un joueur qui s'appelle Pyrokiller m'insulte en chat depuis samedi. Je ne sais pas quel "
     "serveur c'est exactement, on est sur l'Europe.", "fr"),
    ("A player called Pyrokiller insults me in chat since Saturday. Not sure what the server "
     "is exactly, we're in Europe.", "en"),
    ("Um jogador chamado Pyrokiller me xinga no chat desde sábado. Não sei qual servidor é "
     "exatamente, estamos na Europa.", "pt-br"),
])
def test_an_adverb_of_precision_is_no_name(games: TriageContext, body: str,
                                           locale: str) -> None:
    got, missing = _read(games, body, "report-a-player", locale, product="game_rift")
    assert "server" not in got
    assert "server" in missing


# ------------------------------------------------------------------ a kind of thing denied


@pytest.mark.parametrize(("text", "word", "language"), [
    ("Ce n'est PAS un refus de carte comme l'a cru votre collègue", "carte", "fr"),
    ("It is not a refusal of my card like your colleague thought", "card", "en"),
    ("Não é recusa de cartão como seu colega achou", "cartão", "pt"),
])
def test_a_kind_of_thing_denied_names_no_option(text: str, word: str, language: str) -> None:
    start = text.index(word)
    assert is_negated(text, start, start + len(word), language)
    assert is_denied(text, start, start + len(word), language)


@pytest.mark.parametrize(("text", "word", "language"), [
    ("la carte a été refusée, pas un souci de PayPal", "carte", "fr"),
    ("o cartão foi recusado, não é culpa do PayPal", "cartão", "pt"),
])
def test_the_thing_itself_stays_stated(text: str, word: str, language: str) -> None:
    start = text.index(word)
    assert not is_negated(text, start, start + len(word), language)


def test_a_denied_card_leaves_paypal_stated(games: TriageContext) -> None:
    got, _ = _read(games, "Je relance : ce n'est PAS un refus de carte comme l'a cru votre "
                   "collègue, PayPal m'a bien débité 49,99 € mais le Pack Gardien n'est "
                   "jamais arrivé sur mon compte Brisefer_22.", "unable-to-purchase", "fr",
                   product="game_rift", platform="platform_pc", region="region_eu")
    assert got.get("payment_method") == "pay_paypal"


@pytest.mark.parametrize(("text", "word", "language"), [
    ("desde a atualização de ontem o jogo tá com lag", "atualização", "pt"),
    ("depois da atualização o jogo trava", "atualização", "pt"),
    ("desde o patch novo o ping subiu", "patch", "pt"),
    ("THE GAME SHUTS DOWN EVERY TIME. THIS HAS BEEN HAPPENING SINCE YOUR PATCH ON THURSDAY.",
     "PATCH", "en"),
    ("le jeu plante à chaque fois depuis votre mise à jour de jeudi", "mise à jour", "fr"),
    ("o jogo fecha toda vez desde a sua atualização de quinta", "atualização", "pt"),
])
def test_since_the_update_only_dates_the_problem(text: str, word: str, language: str) -> None:
    start = text.index(word)
    assert is_negated(text, start, start + len(word), language)


# ------------------------------------------------------------------ a partner site


@pytest.mark.parametrize(("body", "locale"), [
    ("Je vous écris au nom de M. Durand, gérant de la société Les Jardins du Sud, dont le "
     "site partenaire porte l'identifiant 3051447. Un annonceur nous a retiré de son "
     "programme le 24 novembre.", "fr"),
    ("Escrevo em nome do Sr. Prado, dono da loja Casa Verde, cujo site parceiro tem o "
     "número 3051447. Um anunciante nos tirou do programa dele dia 24.", "pt-br"),
    ("I write for Mr. Hale: our partner site has the ID 3051447. An advertiser dropped us "
     "from its program on the 24th.", "en"),
])
def test_a_partner_site_is_no_other_persons(ads: TriageContext, body: str,
                                            locale: str) -> None:
    got, missing = _read(ads, body, None, locale)
    assert got.get("sid") == "3051447"
    assert "sid" not in missing


def test_a_partners_own_site_is_still_the_partners(ads: TriageContext) -> None:
    got, _ = _read(ads, "Mon partenaire a le site 3051447, le mien je ne sais plus. Un "
                   "annonceur nous a retirés du programme.", None, "fr")
    assert "sid" not in got


# ------------------------------------------------------------------ the statement's code


def test_a_code_on_the_statement_is_the_transaction(games: TriageContext) -> None:
    got, _ = _read(games, "Comprei 1500 Credits no cartão e os créditos não caíram na conta "
                   "zeca_tatu. Na fatura aparece o código GMG7741902BR.", "unable-to-purchase",
                   "pt-br", product="game_trove", platform="platform_pc", region="region_na")
    assert got.get("transaction_id") == "GMG7741902BR"


# ------------------------------------------------------------------ an occasion's date


@pytest.mark.parametrize(("text", "language", "day"), [
    ("all i wanted yesterday was the dragon bundle for my daughter, its her birthday on the "
     "5th and she's been asking for weeks", "en", date(2026, 12, 1)),
    ("hier j'ai voulu acheter le pack pour mon fils, son anniversaire c'est le 28", "fr",
     date(2026, 12, 1)),
    ("ontem tentei comprar o pacote pro meu filho, o aniversário dele é dia 28", "pt",
     date(2026, 12, 1)),
])
def test_an_occasions_date_is_not_the_problems(text: str, language: str, day: date) -> None:
    assert [d for d, _, _ in find_dates(text, language, WEDNESDAY)] == [day]


# ------------------------------------------------------------------ dictated steps


def test_dictated_acts_end_where_the_result_runs_on(ads: TriageContext) -> None:
    got, _ = _read(ads, "hi so my dashboard wont load the reports page it just keeps spinning "
                   "im on firefox on windows 11 what I did was I logged in went to reports "
                   "then picked last month and hit run and then nothing happens no error no "
                   "nothing just the wheel my site id is 4471902 thanks", None, "en")
    steps = got.get("steps_taken", "")
    assert "hit run" in steps and "nothing happens" not in steps


# ------------------------------------------------------------------ tune9's wrong values


@pytest.mark.parametrize(("body", "locale"), [
    ("the reports page stays blank. I use Safari on my iPhone, I open Reports and tap Run. "
     "SID 4471902", "en"),
    ("bug technique : la page des rapports ne charge pas. J'utilise Safari sur mon iPad, "
     "j'ouvre Rapports et je clique sur Lancer. SID 4471902", "fr"),
    ("a página de relatórios fica em branco. Uso Safari no MacBook, abro Relatórios e clico "
     "em Gerar. SID 4471902", "pt-br"),
])
def test_a_device_is_no_operating_system(ads: TriageContext, body: str, locale: str) -> None:
    got, missing = _read(ads, body, None, locale)
    assert got.get("problem_type") == "pub_technical"
    assert "operating_system" not in got
    assert "operating_system" in missing


def test_a_mac_still_is_one(ads: TriageContext) -> None:
    got, _ = _read(ads, "the reports page stays blank. Safari on my Mac, I open Reports and "
                   "click Run. SID 4471902", None, "en")
    assert got.get("operating_system") == "Mac"


def test_a_korean_topic_the_requester_cannot_tell_is_no_value(games: TriageContext) -> None:
    got, missing = _read(games, "캐릭터 선택 화면에서 게임이 강제종료 돼요. 그래픽카드는 GTX 1660 "
                         "이고 계정은 minjae_r. 윈도우는... 잘 모르겠어요", "technical-issues",
                         "ko", product="game_rift", platform="platform_pc", region="region_na")
    assert "operating_system" not in got
    assert "operating_system" in missing


@pytest.mark.parametrize(("body", "locale"), [
    ("Je souhaite supprimer mon compte Glyph. Mon fils Julien a aussi un compte (JulienTech, "
     "julien.v@orange.fr) mais lui veut le garder.", "fr"),
    ("I want my Glyph account deleted. My son Jake also has one (JakeTech, jake.v@mail.com) "
     "but he wants to keep his.", "en"),
    ("Quero excluir minha conta Glyph. Meu filho Caio também tem conta (CaioTech, "
     "caio.v@uol.com.br), mas ele quer manter a dele.", "pt-br"),
])
def test_an_address_in_brackets_after_another_person_is_theirs(games: TriageContext, body: str,
                                                               locale: str) -> None:
    got, missing = _read(games, body, "account-deletion", locale, product="game_rift")
    assert "account_email" not in got
    assert "account_email" in missing


# ------------------------------------------------------------------ the examples' vocabulary


@pytest.mark.parametrize(("body", "locale"), [
    ("at checkout the shop says gift card balance can't be used for this item, so I can't buy "
     "the bundle. account pixie_mom", "en"),
    ("au paiement la boutique dit que le solde de la carte cadeau ne peut pas être utilisé "
     "pour cet article. compte pixie_mom", "fr"),
    ("na hora de pagar a loja diz que o saldo do vale-presente não pode ser usado para esse "
     "item. conta pixie_mom", "pt-br"),
])
def test_a_method_that_cannot_be_used_is_refused(games: TriageContext, body: str,
                                                 locale: str) -> None:
    got, _ = _read(games, body, "unable-to-purchase", locale, product="game_trove",
                   platform="platform_switch", region="region_na")
    assert got.get("purchase_problem") == "purchase_method_refused"


def test_a_card_the_requester_cannot_use_is_no_refusal(games: TriageContext) -> None:
    got, _ = _read(games, "My nephew is 15 and cannot use his own card, so this morning I tried "
                   "three times to pay with my Visa and each time the payment was declined.",
                   "unable-to-purchase", "en", product="game_rift", platform="platform_pc",
                   region="region_eu")
    assert got.get("purchase_problem") == "purchase_declined"



def test_an_address_associated_with_the_account_is_the_accounts(games: TriageContext) -> None:
    got, _ = _read(games, "Je vous prie de supprimer mon compte Glyph « Haldir_Fr », associé à "
                   "l'adresse h.fournier@orange.fr. Je ne joue plus depuis 2019.",
                   "account-deletion", "fr", product="game_rift")
    assert got.get("account_email") == "h.fournier@orange.fr"


def test_a_partner_who_has_an_address_is_still_a_partner(games: TriageContext) -> None:
    got, _ = _read(games, "Je veux supprimer mon compte Glyph Haldir_Fr. Mon associé a l'adresse "
                   "marc.l@orange.fr, la mienne je ne la retrouve plus.", "account-deletion",
                   "fr", product="game_rift")
    assert "account_email" not in got


@pytest.mark.parametrize("body", [
    "slt jsp comment on résilie, ça se renouvelle tt seul. moi je fais que mater, je veux plus "
    "payer. pseudo: max.dlt",
    "bonjour, mon abonnement a été débité alors que je l'avais annulé. je suis cliente, "
    "pseudo fanny_b",
])
def test_a_viewer_in_french_slang(stream: TriageContext, body: str) -> None:
    got, _ = _read(stream, body, None, "fr")
    assert got.get("occupation") == "occ_user"


@pytest.mark.parametrize(("text", "word"), [
    ("Je ne me souviens plus du mot de passe et je ne reçois rien", "mot de passe"),
    ("je ne retrouve pas mon mot de passe", "mot de passe"),
])
def test_a_thing_forgotten_is_no_denial(text: str, word: str) -> None:
    start = text.index(word)
    assert not is_negated(text, start, start + len(word), "fr")


def test_a_thing_denied_after_its_verb_still_is() -> None:
    text = "ce n'est pas un souci de paiement"
    start = text.index("paiement")
    assert is_negated(text, start, start + len("paiement"), "fr")


@pytest.mark.parametrize(("body", "locale"), [
    ("크롬이고 윈도우 11이에요. 사이트 소개란에 있는 글을 바꾸고 싶은데 어디서 하는지 모르겠어요. "
     "SID 4471902", "ko"),
    ("I'd like to change my site description, where do I do that? SID 4471902", "en"),
    ("Je voudrais modifier la description du site, où est-ce que ça se fait ? SID 4471902",
     "fr"),
    ("Quero mudar a descrição do site, onde faço isso? SID 4471902", "pt-br"),
])
def test_a_sites_description_is_an_account_matter(ads: TriageContext, body: str,
                                                  locale: str) -> None:
    got, _ = _read(ads, body, None, locale)
    assert got.get("problem_type") == "pub_account"
