"""Option reading when a ticket names more than the requester's own problem (issue 10):
another person, a phrase whose gap another option fills, the steps that led to the
problem, another field's name. Through the pure core, on the example workspaces."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from test_reading import asked, on, written

from integrations.triage import TriageContext, decide
from integrations.triage.reading.matcher import Matcher
from integrations.triage.reading.options import explained


@pytest.mark.parametrize(("body", "value"), [
    ("I'm a model and a viewer named bigtom77 keeps spamming my chat with insults. "
     "Username lunabelle", "occ_model"),
    ("Je suis spectatrice et une performeuse qui s'appelle Lina m'a bloquée sans raison. "
     "Pseudo: mireille_b", "occ_user"),
    ("Sou modelo e um usuário chamado joao_22 fica me mandando mensagens. Meu usuário é "
     "carla_live", "occ_model"),
    ("저는 시청자예요. 하린이라는 모델이 저를 이유 없이 차단했어요. 아이디는 moon77 입니다",
     "occ_user"),
])
def test_another_person_the_requester_names_is_not_the_requester(
        stream: TriageContext, body: str, value: str) -> None:
    """"a viewer named X", "qui s'appelle", "chamado", "X라는": what that person is says
    nothing of the requester's own occupation, and "and" does not make it a second one."""
    d = decide(on(stream, body), stream)
    assert written(stream, d).get("occupation") == value
    assert "occupation" not in asked(d)


def test_a_phrase_whose_gap_another_option_fills_gives_way(stream: TriageContext) -> None:
    """"my favorite model" is the model a viewer likes, not "my models" (a studio) with a
    word between."""
    d = decide(on(stream, "My favorite model blocked me from her chat for no reason. "
                          "Username pete_k"), stream)
    assert written(stream, d).get("occupation") == "occ_user"


def test_explained_keeps_hits_without_a_filled_gap() -> None:
    m = Matcher([("studio", "my models", 0.85), ("user", "favorite model", 0.85)], "en")
    text = "my favorite model and my models"
    labels = sorted((h.phrase.label, text[h.start:h.end]) for h in explained(m.find(text)))
    assert labels == [("studio", "my models"), ("user", "favorite model")]


@pytest.mark.parametrize("body", [
    "저는 방송은 안 하고 시청만 해요. 결제한 토큰이 안 들어왔어요. 아이디 star_12",
    "방송도 안 해요, 그냥 시청만 합니다. 채팅이 안 보여요. 아이디 star_12",
])
def test_korean_topic_then_a_negated_do_denies_the_option(stream: TriageContext,
                                                          body: str) -> None:
    d = decide(on(stream, body), stream)
    assert written(stream, d).get("occupation") == "occ_user"


@pytest.mark.parametrize("body", [
    "The export just hangs. What I did: opened the Links tab, chose an advertiser, "
    "pressed Export. Chrome on Windows 11.",
    "Depuis ce matin tout mouline sans fin. Étapes : je me connecte, je choisis un "
    "annonceur, je clique sur générer. Firefox, Windows 10.",
    "O gerador de links fica girando e nunca termina. O que eu fiz: entrei, escolhi o "
    "anunciante e cliquei em gerar. Chrome no Windows 11.",
])
def test_options_named_in_the_steps_or_as_a_tool_are_context(ads: TriageContext,
                                                            body: str) -> None:
    """The steps lead to the problem ("picked an advertiser"), a tool is where it happens
    ("le générateur de liens"): the symptom says what the problem is."""
    d = decide(on(ads, body + " SID 1234567"), ads)
    assert written(ads, d).get("problem_type") == "pub_technical"


@pytest.mark.parametrize(("body", "language"), [
    ("사이트 아이디는 나중에 알려드릴게요. 대시보드 그래프가 하나도 안 보여요.", "ko"),
    ("Je vous donne l'identifiant du site demain, les graphiques ne s'affichent plus.", "fr"),
])
def test_an_option_word_inside_another_fields_name_names_that_field(
        ads: TriageContext, body: str, language: str) -> None:
    """"아이디" (ID) and "identifiant" are account words, but "사이트 아이디" and "identifiant
    du site" are the site ID field: the account is never written from them."""
    d = decide(on(ads, body), ads)
    assert d.language == language
    assert written(ads, d).get("problem_type") == "pub_technical"


@pytest.mark.parametrize(("body", "expected"), [
    ("I paid with PayPal for 1000 credits and got charged but received nothing.",
     {"payment_method": "pay_paypal"}),
])
def test_a_field_name_met_with_a_gap_names_nothing(games: TriageContext, body: str,
                                                   expected: dict[str, Any]) -> None:
    """"paid … for" is not the name "paid for": PayPal stays the payment method."""
    d = decide(on(games, body, form="unable-to-purchase"), games)
    assert expected.items() <= written(games, d).items()


@pytest.mark.parametrize(("subject", "body"), [
    ("error links", "An error pops up on the Links page whenever I build a deep link. "
     "Chrome on Windows 10, I restarted it."),
    ("erro links", "Aparece um erro na aba de links quando eu crio um link de afiliado. "
     "Chrome no Windows 10, já reiniciei."),
])
def test_a_subject_naming_two_options_is_read_through_the_body(
        ads: TriageContext, subject: str, body: str) -> None:
    """The subject sums the body up: when it names two options, a word the body names only
    as a place or as what the requester was doing is that in the subject too."""
    d = decide(on(ads, body + " SID 1234567", subject=subject), ads)
    assert written(ads, d).get("problem_type") == "pub_technical"


def test_a_subject_naming_one_option_still_says_what_is_wrong(ads: TriageContext) -> None:
    """"광고주 링크" alone: the body's "링크를 클릭하면" (when I click the link) does not make
    the requester's own summary context."""
    d = decide(on(ads, "광고주 링크를 클릭하면 엉뚱한 페이지로 가요. 사이트 ID는 8830012입니다",
                  subject="광고주 링크"), ads)
    assert written(ads, d).get("problem_type") == "pub_advertisers"


@pytest.mark.parametrize(("body", "value"), [
    ("A streamer I follow blocked me for no reason. Username pete_k", None),
    ("I'm a new model and a viewer keeps spamming my chat. Username lunabelle", "occ_model"),
    # "que je regarde": the requester watches her, a viewer
    ("Une performeuse que je regarde m'a bloqué sans raison. Pseudo: mireille_b", "occ_user"),
    ("Sou uma modelo nova e um espectador fica me xingando no chat. Usuário carla_live",
     "occ_model"),
    ("Uma streamer que eu sigo me bloqueou. Usuário pedro_k", None),
    ("제가 팔로우하는 모델이 저를 차단했어요. 아이디 moon77", None),
    ("저는 모델인데 시청자가 계속 욕해요. 아이디 moon77", "occ_model"),
])
def test_a_person_field_is_not_read_from_someone_the_requester_tells_about(
        stream: TriageContext, body: str, value: str | None) -> None:
    """``x-deskops.person``: "a streamer I follow", "que je regarde", "모델이 저를" are
    someone else (then nothing is written: asked); "I'm a new model", "저는 모델인데" are
    the requester."""
    d = decide(on(stream, body), stream)
    assert written(stream, d).get("occupation") == value
    if value is None:
        assert "occupation" in asked(d)


def test_person_is_declared_in_the_field_schema(stream: TriageContext) -> None:
    """Without ``x-deskops.person`` the same words are read as they stand."""
    from integrations.triage.reading.options import OptionReader
    f = stream.workspace.fields["occupation"]
    plain = dataclasses.replace(f, schema={k: v for k, v in f.schema.items()
                                           if k != "x-deskops"})
    text = [("description", "제가 팔로우하는 모델이 저를 차단했어요.")]
    assert OptionReader(f).read(text, "ko").confidence < 0.8  # someone else: context
    found = OptionReader(plain).read(text, "ko")
    assert found is not None and found.value == "occ_model" and found.confidence >= 0.8


@pytest.mark.parametrize(("body", "language"), [
    ("the money from my links never showed up in my bank", "en"),
    ("l'argent de mes liens n'est jamais arrivé sur mon compte bancaire", "fr"),
    ("o dinheiro dos meus links não apareceu no extrato", "pt-br"),
])
def test_the_source_of_another_options_thing_is_context(ads: TriageContext, body: str,
                                                        language: str) -> None:
    """"the money from my links": the links say where the money comes from."""
    d = decide(on(ads, body + ". SID 1234567"), ads)
    assert written(ads, d).get("problem_type") == "pub_payments"


@pytest.mark.parametrize(("body", "sid"), [
    ("Un ami (SID 4471920) a été payé ce mois-ci, pas moi. Mon SID est 6603318.", "6603318"),
    ("친구는 (SID 4471920) 이번 달 지급 받았대요. 제 SID는 6603318 입니다.", "6603318"),
    ("My partner's site (SID 5561234) got paid, I didn't. My SID is 5561299.", "5561299"),
    ("SID 4471920 is my friend's, SID 6603318 is the other one.", None),
])
def test_the_requesters_own_sid_is_written_not_a_friends(ads: TriageContext, body: str,
                                                        sid: str | None) -> None:
    """Two site IDs: the one "my"/"mon"/"제" introduces, else none (asked)."""
    d = decide(on(ads, body + " Les commissions / commissions / 커미션."), ads)
    assert written(ads, d).get("sid") == sid


def test_a_conditional_field_is_not_read_when_its_condition_is_known_false(
        ads: TriageContext) -> None:
    """Steps are needed for a technical problem only: on an account question "já cliquei
    em Entrar 2x" is not written; on a technical one "já cliquei em Exportar 2x" is."""
    d = decide(on(ads, "Não consigo entrar na minha conta, a senha tá errada. Já cliquei "
                       "em Entrar duas vezes. SID 9034412"), ads)
    assert written(ads, d).get("problem_type") == "pub_account"
    assert "steps_taken" not in written(ads, d)
    d = decide(on(ads, "O painel fica em branco, tela branca. Já cliquei em Exportar duas "
                       "vezes. Chrome no Windows 11. SID 9034412"), ads)
    assert written(ads, d).get("problem_type") == "pub_technical"
    assert "steps_taken" in written(ads, d)


@pytest.mark.parametrize(("body", "language"), [
    ("This is NOT a billing question, my subscription is fine. The chat never loads. "
     "I'm a regular member.", "en"),
    ("결제 문제는 아니고요, 구독은 정상이에요. 채팅창이 안 보여요. 저는 일반 회원입니다", "ko"),
    ("Não é problema de pagamento, minha assinatura tá ok. O chat não abre. Sou só um "
     "viewer.", "pt-br"),
])
def test_a_rule_topic_the_requester_denies_does_not_route(stream: TriageContext, body: str,
                                                          language: str) -> None:
    d = decide(on(stream, body), stream)
    assert "billing" not in d.update.add_tags
    assert written(stream, d).get("occupation") == "occ_user"


@pytest.mark.parametrize(("body", "value"), [
    ("Nothing to do with payments: I can't log in since my password reset. SID 1234567",
     "pub_account"),
    ("Rien à voir avec le paiement : je n'arrive plus à me connecter. SID 1234567",
     "pub_account"),
    ("Não tem nada a ver com pagamento, ele não consegue mais entrar na conta bloqueada. "
     "SID 1234567", "pub_account"),
])
def test_nothing_to_do_with_denies_the_option(ads: TriageContext, body: str, value: str) -> None:
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") == value


def test_a_typo_is_forgiven_on_the_word_as_written_not_its_stem() -> None:
    """"mensagem" and "mensalidade" have stems one letter apart (mensag, mensal), not words."""
    m = Matcher([("billing", "mensalidade", 1.0)], "pt")
    assert m.find("não consigo mandar mensagem") == []
    assert [h.fuzzy for h in m.find("paguei a mensalidde")] == [True]


@pytest.mark.parametrize(("body", "value"), [
    # thrown back to the login page: where the requester lands, not what is wrong
    ("Every time I open Reports the dashboard kicks me out and sends me back to login. "
     "SID 2093381", "pub_technical"),
    ("Le tableau de bord me déconnecte tout seul et me renvoie vers la connexion. "
     "SID 2093381", "pub_technical"),
    ("O painel fica me deslogando e volta pro login toda hora. SID 2093381",
     "pub_technical"),
])
def test_being_thrown_out_is_a_symptom_and_the_login_page_a_place(
        ads: TriageContext, body: str, value: str) -> None:
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") == value


def test_a_french_ni_list_negates_without_denying(ads: TriageContext) -> None:
    """"ni les liens ni les stats" (neither works): not "ce n'est ni un problème de…";
    with nothing else said, and the account only where it happens, nothing is written."""
    d = decide(on(ads, "Depuis hier plus rien ne fonctionne sur mon compte, ni les liens ni "
                       "les stats. SID 5173009"), ads)
    assert "problem_type" not in written(ads, d)
    assert "problem_type" in asked(d)


def test_steps_told_in_the_present_are_read(ads: TriageContext) -> None:
    d = decide(on(ads, "The reports page won't load. I log in, go to Reports and pick last "
                       "30 days, then a grey box appears. Chrome on Win 11. SID 7730214"), ads)
    assert written(ads, d).get("steps_taken", "").startswith("I log in, go to Reports")


@pytest.mark.parametrize("body", [
    "The CSV export fails with error 500 every time. My colleague does the same on his "
    "Firefox on Ubuntu and it works for him.",
    "L'export CSV plante à chaque fois, erreur 500. Mon collègue fait pareil sur son "
    "Firefox sous Ubuntu et ça marche.",
])
def test_another_persons_browser_and_system_are_not_the_requesters(ads: TriageContext,
                                                                  body: str) -> None:
    d = decide(on(ads, body + " SID 31180092"), ads)
    assert "browser" not in written(ads, d) and "operating_system" not in written(ads, d)
    assert {"browser", "operating_system"} <= set(asked(d))


def test_a_requester_confused_about_what_they_are_is_asked(stream: TriageContext) -> None:
    d = decide(on(stream, "I've had a viewer account for years and last month I started "
                          "doing my own shows. Kinda confused what I even am on your site."),
               stream)
    assert "occupation" not in written(stream, d) and "occupation" in asked(d)


def test_korean_money_taken_from_the_card_is_billing(stream: TriageContext) -> None:
    d = decide(on(stream, "저는 그냥 보기만 하는 사람인데요, 토큰을 카드로 샀는데 돈만 빠져나가고 "
                          "안 들어왔어요. 아이디 jh_park1004"), stream)
    assert "billing" in d.update.add_tags


@pytest.mark.parametrize(("body", "value"), [
    # "pas de paiement" tells what is wrong; "pas un problème de paiement" denies it
    ("Les commissions validées d'octobre n'ont jamais été versées, toujours pas de "
     "paiement. SID 2290417", "pub_payments"),
    ("Ce n'est pas un problème de paiement : je n'arrive plus à me connecter à mon compte. "
     "SID 2290417", "pub_account"),
    # "chaque" is an everyday word, not a typo of "chèque"
    ("Le dashboard crash à chaque fois que je fais un export. SID 4470031", "pub_technical"),
])
def test_french_denials_and_everyday_words(ads: TriageContext, body: str, value: str) -> None:
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("problem_type") == value


def test_a_copula_in_a_possessive_phrases_gap_starts_another_predicate() -> None:
    """"my girlfriend is a model" is not "my models"; "my own models" still is."""
    m = Matcher([("studio", "my models", 0.85)], "en")
    assert m.find("My girlfriend is a model here") == []
    assert [h.skipped != () for h in m.find("my own models")] == [True]


@pytest.mark.parametrize(("body", "value"), [
    ("여자친구가 여기 모델이고 저는 가끔 같이 봐요. 아이디 moon77", None),
    ("저는 매일 밤 방송하는 모델인데 방이 계속 튕겨요. 아이디 moon77", "occ_model"),
])
def test_a_korean_copula_is_the_requester_unless_another_subject_comes_first(
        stream: TriageContext, body: str, value: str | None) -> None:
    d = decide(on(stream, body), stream)
    assert written(stream, d).get("occupation") == value


@pytest.mark.parametrize("body", [
    "My friend's account was hacked but mine is fine, my problem is my April payout.",
    "Le compte de mon ami a été piraté, mais moi c'est mon paiement d'avril qui manque.",
    "A conta do meu sócio foi hackeada, mas o meu problema é o pagamento de abril.",
])
def test_a_friends_account_is_not_the_requesters_problem(ads: TriageContext,
                                                         body: str) -> None:
    """Someone else's account named beside the requester's own payment: the account is
    not written (at most the two are offered)."""
    d = decide(on(ads, body + " SID 1234567"), ads)
    assert written(ads, d).get("problem_type") in (None, "pub_payments")


@pytest.mark.parametrize(("body", "player"), [
    ("o cara usa bot de pesca. nome dele Pescador, vi no servidor Dahuta.", "Pescador"),
    ("um jogador me xingou, personagem dele Brutus_x, no servidor Dahuta.", "Brutus_x"),
])
def test_an_owned_name_without_its_article_still_names_the_other_player(
        games: TriageContext, body: str, player: str) -> None:
    d = decide(on(games, body, form="report-a-player", locale="pt-br"), games)
    assert written(games, d).get("reported_player") == player


@pytest.mark.parametrize("body", [
    "o cara usa bot de pesca. nome Pescador, vi no servidor Dahuta.",
    "o cara usa bot de pesca, nome do jogo Pescador, vi no servidor Dahuta.",
])
def test_a_name_whose_owner_is_not_said_is_not_the_other_player(
        games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="report-a-player", locale="pt-br"), games)
    assert written(games, d).get("reported_player") != "Pescador"


@pytest.mark.parametrize(("body", "server"), [
    ("Un joueur m'insulte. Mon perso : Mistral_Fr, serveur Europe 2.", "Europe 2"),
    ("Un joueur m'insulte depuis une heure, serveur Pyrelune 3", "Pyrelune 3"),
])
def test_a_number_ending_the_clause_is_part_of_the_name(games: TriageContext, body: str,
                                                        server: str) -> None:
    d = decide(on(games, body, form="report-a-player", locale="fr"), games)
    assert written(games, d).get("server") == server


@pytest.mark.parametrize("body", [
    "Un joueur m'insulte, serveur Pyrelune 3 fois de suite.",
    "Un joueur m'insulte, serveur Pyrelune 2.5 heures.",
])
def test_a_number_that_goes_on_is_no_part_of_the_name(games: TriageContext, body: str) -> None:
    d = decide(on(games, body, form="report-a-player", locale="fr"), games)
    assert written(games, d).get("server") == "Pyrelune"


def test_a_korean_thing_called_x_the_requester_does_not_claim_is_not_theirs(
        games: TriageContext) -> None:
    body = ("오늘 새벽에 g0ldseller4u 라는 캐릭이 도배했어요. "
            "서버 Kyprosa, 제 캐릭터는 Hyejin 입니다.")
    d = decide(on(games, body, form="report-a-player", locale="ko"), games)
    assert written(games, d).get("character_name") == "Hyejin"


@pytest.mark.parametrize(("body", "name"), [
    ("저는 Haneul이라는 캐릭터로 플레이해요. 서버 Kyprosa에서 욕을 들었어요.", "Haneul"),
    ("오늘 g0ldseller4u 라는 캐릭이 도배했어요.", None),
])
def test_a_korean_thing_called_x_is_the_requesters_only_when_they_claim_it(
        games: TriageContext, body: str, name: str | None) -> None:
    d = decide(on(games, body, form="report-a-player", locale="ko"), games)
    assert written(games, d).get("character_name") == name


@pytest.mark.parametrize(("body", "name"), [
    ("My wife and I play together, her character is Kestrel and mine is Ashwyn. "
     "My bow vanished.", "Ashwyn"),
    ("Le perso de ma femme est Kestrel, le mien c'est Aldrin. Mon arc a disparu.", "Aldrin"),
    ("O personagem da minha esposa é Kestrel e o meu é Aldrin. Meu arco sumiu.", "Aldrin"),
])
def test_mine_after_the_field_named_is_the_requesters_own(games: TriageContext, body: str,
                                                          name: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert written(games, d).get("character_name") == name


@pytest.mark.parametrize("body", [
    "Mine is Ashwyn. My bow vanished.",  # nothing says what "mine" is
    "His sword broke and mine is Excalibur now.",  # a sword, not a character
])
def test_mine_without_the_field_named_before_names_nothing(games: TriageContext,
                                                           body: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert "character_name" not in written(games, d)


@pytest.mark.parametrize(("body", "locale", "code"), [
    ("Comprei 1000 Bits e não recebi. ID do pedido na PSN: 1234-5678-9012.", "pt-br",
     "1234-5678-9012"),
    ("J'ai payé le pack, rien reçu. Numéro de la commande Steam : 88A-21F-X9.", "fr",
     "88A-21F-X9"),
    ("Paid for the pack, nothing came. ID of the order on Xbox: XB-7781-QQ.", "en",
     "XB-7781-QQ"),
])
def test_an_identifier_noun_before_the_fields_name_labels_a_code(
        games: TriageContext, body: str, locale: str, code: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase", locale=locale), games)
    assert written(games, d).get("transaction_id") == code


@pytest.mark.parametrize(("body", "locale"), [
    ("Comprei 1000 Bits e não recebi. ID do pedido com erro: ERR-4012.", "pt-br"),
    ("Paid for the pack, nothing came. ID of the order item ID: AB1234.", "en"),
])
def test_an_error_or_another_identifier_is_no_code_of_the_field(
        games: TriageContext, body: str, locale: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase", locale=locale), games)
    assert "transaction_id" not in written(games, d)


@pytest.mark.parametrize(("body", "key", "name"), [
    ("i made my account when i was 12 and its called xXxNoobSlayer2009xXx. can i rename it?",
     "account_name", "xXxNoobSlayer2009xXx"),
    ("Mon compte date de 2015, ça s'appelle nyx_2015. Je veux le renommer.",
     "account_name", "nyx_2015"),
])
def test_its_called_after_the_field_named_is_its_value(games: TriageContext, body: str,
                                                       key: str, name: str) -> None:
    d = decide(on(games, body, form="glyph-account-issues"), games)
    assert written(games, d).get(key) == name


@pytest.mark.parametrize("body", [
    "My character got a sword yesterday, it's called Dawnbreaker, and it vanished.",
    "My character was killed by a guy, he's called Dawnbreaker.",
])
def test_its_called_after_another_thing_names_that_thing(games: TriageContext,
                                                         body: str) -> None:
    d = decide(on(games, body, form="in-game-issues"), games)
    assert written(games, d).get("character_name") != "Dawnbreaker"


@pytest.mark.parametrize(("body", "locale", "name"), [
    ("I DID get the Patron 90 days, it's active. My card was billed twice.", "en",
     "Patron 90 days"),
    ("Je voulais prendre le Patron 90 jours mais le virement n'est pas proposé.", "fr",
     "Patron 90 jours"),
    ("Paguei o boleto na sexta mas o Patron 30 dias não apareceu.", "pt-br", "Patron 30 dias"),
])
def test_a_time_boxed_name_shaped_like_the_fields_examples_is_read(
        games: TriageContext, body: str, locale: str, name: str) -> None:
    """The field's description gives "Patron 30 days" as an example: a name of that shape
    after an article is the purchase."""
    d = decide(on(games, body, form="unable-to-purchase", locale=locale), games)
    assert written(games, d).get("purchase_name") == name


@pytest.mark.parametrize(("body", "locale"), [
    ("My card was billed twice for the last 30 days, nothing works.", "en"),
    ("Ma carte a été débitée deux fois, il y a 3 jours, sur le PC 2 jours après.", "fr"),
])
def test_a_duration_without_a_name_before_it_is_no_purchase(
        games: TriageContext, body: str, locale: str) -> None:
    d = decide(on(games, body, form="unable-to-purchase", locale=locale), games)
    assert "purchase_name" not in written(games, d)


def test_a_field_without_such_examples_reads_no_time_boxed_name(
        games: TriageContext) -> None:
    body = "The Patron 90 days is gone from my character Ashwyn's bag."
    d = decide(on(games, body, form="in-game-issues"), games)
    assert written(games, d).get("character_name") != "Patron 90 days"


@pytest.mark.parametrize(("text", "found"), [
    ("i didnt change anything", False),   # "changed" is a word, not a slip for "charged"
    ("i was chatged twice", True),         # t beside r: a slip
    ("i was chraged twice", True),         # two letters swapped
    ("i was charegd twice", True),
    ("i was chargd twice", True),          # a letter missing
])
def test_a_one_letter_substitution_is_a_typo_only_between_neighbouring_keys(
        text: str, found: bool) -> None:
    """A typo replaces a letter by its neighbour on the keyboard (or a vowel by another);
    "changed" for "charged" is another word."""
    m = Matcher([("billing", "charged", 1.0)], "en")
    assert bool(m.find(text)) is found


@pytest.mark.parametrize(("body", "value"), [
    # people in the plural are others: the requester is one
    ("My tip menu vanished, viewers can't see the prices since yesterday. Username ivy_m",
     None),
    ("I'm a viewer and the stream keeps freezing. Username pete_h", "occ_user"),
    ("Les spectateurs ne voient plus mes prix depuis hier. Pseudo: mlle_azur", None),
    # a Korean person word after another subject in its clause is that person
    ("제 여자친구가 여기서 모델로 방송하는데 비밀번호 변경이 안 돼요. 아이디 moon77", None),
    ("저는 여기서 모델로 방송하는데 비밀번호 변경이 안 돼요. 아이디 moon77", "occ_model"),
])
def test_plural_people_and_another_korean_subject_are_not_the_requester(
        stream: TriageContext, body: str, value: str | None) -> None:
    """"viewers can't see", "여자친구가 … 모델로": what those people are says nothing of
    the requester; "I'm a viewer", "저는 … 모델로" still do."""
    d = decide(on(stream, body, subject="help"), stream)
    assert written(stream, d).get("occupation") == value


@pytest.mark.parametrize(("body", "value"), [
    # an option's one-word name after "I am", in any language's words
    ("mon account est locked depuis hier. je suis juste un user, pseudo: dark_v92", "occ_user"),
    ("oii, sou camgirl independente e meu privado cai toda hora. usuario bia_cam", "occ_model"),
    ("I'm just a member and the chat is gone. Username pete_h", "occ_user"),
    ("je suis membre et le chat a disparu. pseudo pete_h", "occ_user"),
    # negatives: denied, a group, another person, no option's name
    ("I'm not a model, the chat is gone. Username pete_h", None),
    ("on est deux modèles dans un appart, quel compte ouvrir ? pseudo duo_x", None),
    ("je suis fatiguée, le chat a disparu. pseudo pete_h", None),
])
def test_the_requester_saying_what_they_are_in_any_languages_words(
        stream: TriageContext, body: str, value: str | None) -> None:
    """"je suis juste un user", "sou camgirl independente": a cue for "I am", then a word
    that is one option's name in any locale (a typo apart); "not", "we" and words naming
    no option say nothing."""
    d = decide(on(stream, body, subject="help"), stream)
    assert written(stream, d).get("occupation") == value


def test_a_reply_that_is_only_the_answer_names_the_option(stream: TriageContext) -> None:
    """"modèle, pas studio": the answer, the other option denied."""
    t = on(stream, "impossible de changer ma photo de profil, erreur 413", subject="photo")
    reply = dataclasses.replace(t.comments[0], id=2, body="modèle, pas studio. pseudo: MlleAzur")
    t = dataclasses.replace(t, comments=(*t.comments, reply))
    assert written(stream, decide(t, stream)).get("occupation") == "occ_model"


@pytest.mark.parametrize(("body", "value"), [
    # a menu path and a sequence of steps are where the problem shows, not what it is
    ("Firefox 132 on Windows 11. I go to Account settings > Payment details, change the "
     "PayPal email, hit Save and get \"Error: CSRF token mismatch\". SID 558210",
     "pub_technical"),
    ("Firefox sur Windows 11. je vais dans Paramètres > Paiements, je modifie l'email, je "
     "valide et j'ai « Erreur 500 ». SID 558210", "pub_technical"),
    # negatives: one action is no sequence; payment as the problem stays payment
    ("I changed my PayPal email and my payment still went to the old PayPal. SID 558210",
     "pub_payments"),
    ("My payment is late: the PayPal transfer never came. SID 558210", "pub_payments"),
])
def test_steps_and_menu_paths_are_context(ads: TriageContext, body: str, value: str) -> None:
    """"I go to A > B, change X, hit Save and get Error": the steps' objects (payment
    details, PayPal) are places; the result after them ("get Error") is the problem."""
    d = decide(on(ads, body, subject="help"), ads)
    assert written(ads, d).get("problem_type") == value


def test_a_word_inside_a_negated_phrase_is_negated_too(ads: TriageContext) -> None:
    """"pas de message d'erreur": the error inside it is no evidence of an error."""
    from integrations.triage.reading.options import OptionReader
    reader = OptionReader(next(f for f in ads.workspace.fields.values()
                               if f.key == "problem_type"))
    ev = reader.read([("description", "mon paiement n'est pas arrivé, pas de message "
                       "d'erreur. SID 558210")], "fr")
    assert ev is not None and ev.value == "pub_payments"


@pytest.mark.parametrize(("body", "value"), [
    # a guess between causes states none of them
    ("Something is off since Monday. Not sure if the tracking broke or the advertiser "
     "paused the program. SID 8126604", None),
    # negatives: doubt without alternatives, alternatives without doubt
    ("Not sure why, but my advertiser paused the program and my links are dead. SID 8126604",
     "pub_advertisers"),
    # "não é sobre cashback": the cash back is denied, not asked about
    ("Olá, não é sobre cashback, sou publisher. Minhas comissões de setembro foram "
     "estornadas ontem. SID 3058812", "pub_payments"),
])
def test_a_guess_between_causes_and_a_denied_topic_are_not_stated(
        ads: TriageContext, body: str, value: str | None) -> None:
    """"not sure if X or Y": neither is written; "não é sobre cashback" denies it."""
    d = decide(on(ads, body, subject="help", locale="pt-br" if "Olá" in body else None), ads)
    assert written(ads, d).get("problem_type") == value


@pytest.mark.parametrize(("phrase", "text", "language", "found"), [
    ("assinante", "cada uma assina o contrato?", "pt", False),  # signs, not subscriber
    ("assinante", "sou assinante há dois anos", "pt", True),
    ("assinante", "os assinantes não veem nada", "pt", True),   # inflection adds letters
    ("performeuse", "je performe ce soir", "fr", False),
    ("refund", "I was refunded twice", "en", True),
])
def test_a_stem_does_not_join_a_word_to_its_derivation(
        phrase: str, text: str, language: str, found: bool) -> None:
    """The stemmer folds "assina" and "assinante" together; a word three letters or more
    shorter than every phrase word of its stem is another word, not an inflection."""
    assert bool(Matcher([("x", phrase, 0.85)], language).find(text)) is found


@pytest.mark.parametrize(("subject", "body", "value"), [
    # the subject names what the body uses as a place; the body names the problem
    ("flux produit impossible à télécharger",
     "souci technique : quand je clique sur « Télécharger le flux produit » dans la fiche de "
     "l'annonceur, ça mouline et ça finit par « Erreur réseau ». SID 9930218", "pub_technical"),
    # negative: the subject's option is the body's problem too
    ("flux produit vide", "le flux produit de l'annonceur est vide depuis lundi. SID 9930218",
     "pub_advertisers"),
])
def test_a_subject_word_the_body_uses_as_a_place_is_a_place(
        ads: TriageContext, subject: str, body: str, value: str) -> None:
    """The subject sums the body up: what the body names only as a place ("dans la fiche de
    l'annonceur", a button's label) is a place in the subject too, when the body names
    another option as the problem."""
    d = decide(on(ads, body, subject=subject, locale="fr"), ads)
    assert written(ads, d).get("problem_type") == value


@pytest.mark.parametrize(("text", "theirs"), [
    ("My assistant does the link work on her Windows laptop with Chrome", True),
    ("mon associé travaille sur son vieux PC portable avec Chrome", True),
    ("I showed her my laptop with Chrome", False),  # the requester's own, named between
    ("I'm on my iPad with Safari", False),
])
def test_a_third_person_possessive_a_few_words_back_makes_it_theirs(
        text: str, theirs: bool) -> None:
    """"on her Windows laptop with Chrome": the browser is the assistant's; a word of the
    requester's ("my") in between gives it back."""
    from integrations.triage.reading.matcher import is_someone_elses
    for name in ("Chrome", "Safari"):
        if name in text:
            at = text.index(name)
            assert is_someone_elses(text, at, at + len(name)) is theirs


# ------------------------------------------------------------------ a parent writing for a child


@pytest.mark.parametrize(("body", "value"), [
    ("I'm writing on behalf of my 8-year-old, he is very upset. His Sunfire Dragon mount "
     "is gone. His character is SirWiggles.", "SirWiggles"),
    ("hello, I'm her mom. Her pet vanished on Tuesday. Her character is Pip_Star, please "
     "help", "Pip_Star"),
    ("my kid lost his mount after the update. his char is TinyTom", "TinyTom"),
    ("Bonjour, je suis la maman de Léo, 10 ans. Son familier a disparu. Son perso c'est "
     "Leo2015.", "Leo2015"),
    ("j'écris pour mon fils. son personnage est Nino_Dragon, il a perdu sa monture",
     "Nino_Dragon"),
    ("Olá, sou mãe do Lucas, de 9 anos. O pet sumiu do inventário dele. O personagem dele "
     "é LucasGamer2017.", "LucasGamer2017"),
    ("sou o pai da Bia. o pet dela sumiu ontem. o personagem dela é Bia_2014", "Bia_2014"),
    ("저는 엄마예요. 아이가 탈것을 잃어버렸어요. 캐릭터 이름은 Haru_07 입니다.", "Haru_07"),
])
def test_a_parent_writing_for_their_child_gives_the_childs_character(
        games: TriageContext, body: str, value: str) -> None:
    """The requester says they write as a parent (anywhere before): "his character",
    "son perso", "o personagem dele" is the child's, the form's character."""
    d = decide(on(games, body, form="in-game-issues"), games)
    assert written(games, d).get("character_name") == value


@pytest.mark.parametrize("body", [
    "My friend lost his mount yesterday. His character is SirWiggles.",
    "I'm writing on behalf of my son. His friend from school lost a pet too, his character "
    "is ZapKid99.",
    "mon pote a perdu sa monture. son perso c'est Tiboulet.",
    "meu amigo perdeu o pet. o personagem dele é Trovinho.",
    "sou mãe do Lucas. o amigo dele perdeu o pet, o personagem dele é Trovinho.",
    "친구가 펫을 잃어버렸어요. 친구 캐릭터는 Haru_07 이에요.",
])
def test_a_friends_character_is_not_the_childs(games: TriageContext, body: str) -> None:
    """A friend named in the mention's sentence (or no parent at all): not the form's."""
    d = decide(on(games, body, form="in-game-issues"), games)
    assert "character_name" not in written(games, d)


# ------------------------------------------------------------------ mine is N, hers is M


@pytest.mark.parametrize("body", [
    "my wife and I each run a site with you. Hers is SID 55120934 (the knitting one), that "
    "one is fine. Mine is 55120981 and I need to change the contact email",
    "my husband has a site too, his is 55120934. mine is SID 55120981, payments missing",
    "ma femme a aussi un site, le sien c'est 55120934. Le mien est 55120981, paiement "
    "manquant",
    "minha esposa também tem site, o dela é 55120934. O meu é 55120981, pagamento não caiu",
    "와이프 거는 55120934 이고 제 거는 55120981 이에요. 정산이 안 됐어요",
])
def test_mine_is_the_requesters_number_beside_another_persons(ads: TriageContext,
                                                              body: str) -> None:
    """"Hers is M … mine is N": M is another person's, N the requester's (labelled by
    "mine" as by the field's own name)."""
    d = decide(on(ads, body), ads)
    assert written(ads, d).get("sid") == "55120981"


@pytest.mark.parametrize("body", [
    "my sister's site is fine, hers is SID 55120934. payments missing on mine",
    "ma soeur a un site aussi, le sien c'est 55120934. Mes paiements manquent",
    "minha irmã tem site, o dela é 55120934. meus pagamentos sumiram",
])
def test_hers_alone_is_no_sid_of_the_requesters(ads: TriageContext, body: str) -> None:
    d = decide(on(ads, body), ads)
    assert "sid" not in written(ads, d)
