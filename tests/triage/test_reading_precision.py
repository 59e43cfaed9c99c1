"""Precision of writes (issue 10): a value is written only when it is the requester's and
nothing in the text doubts it. Another person's number, a number that labels another
thing (an order, an amount), a declared pattern the option reader contradicts: asked,
not written. Through the pure core, on the example workspaces, in en, fr, ko and pt-br."""

from __future__ import annotations

import pytest
from test_reading import asked, on, written

from integrations.triage import TriageContext, decide
from integrations.triage.reading.matcher import in_anothers_clause, is_someone_elses

# ------------------------------------------------------------------ numbers: whose, and what


@pytest.mark.parametrize(("body", "locale"), [
    ("Cashback from my Fnac order never showed up, order #40291177, three weeks ago.", "en"),
    ("Mon cashback Fnac n'apparaît pas, commande n° 40291177, il y a 3 semaines.", "fr"),
    ("캐시백 적립이 안 됐어요. 주문번호 77120456 이고 지난 주말에 결제했어요.", "ko"),
    ("o cashback da Netshoes ainda nao caiu. pedido 5530912. demora quanto tempo?", "pt-br"),
    ("L'annonceur (MID 24016) a mis fin à son programme, mes liens tombent en erreur.", "fr"),
])
def test_a_number_labelled_as_another_thing_is_not_the_sid(
        ads: TriageContext, body: str, locale: str) -> None:
    """An order number, a merchant's MID: the label says what the number is; it has the
    SID's shape, it is not the SID."""
    d = decide(on(ads, body, locale=locale), ads)
    assert "sid" not in written(ads, d)


@pytest.mark.parametrize(("body", "locale"), [
    ("We run a coupon site (about 40000 visitors a month) and the deep links go to the "
     "homepage.", "en"),
    ("Mon blog fait 12000 visiteurs par mois et mes liens ne redirigent plus.", "fr"),
    ("Meu site tem mais de 30000 acessos por mês e os links pararam de funcionar.", "pt-br"),
    ("방문자가 하루 15000명 정도인데 링크가 홈으로만 가요.", "ko"),
])
def test_a_count_is_not_the_sid(ads: TriageContext, body: str, locale: str) -> None:
    """A number of visitors, a number after "about": a quantity the requester reports,
    shaped like a SID but never one; the SID is asked."""
    d = decide(on(ads, body, locale=locale), ads)
    assert "sid" not in written(ads, d)
    assert "sid" in asked(d)


@pytest.mark.parametrize(("body", "locale"), [
    ("About 40000 visitors a month on our coupon site, SID 5520931, and the deep links go "
     "to the homepage.", "en"),
    ("방문자 15000명 정도 되는 블로그예요. 사이트 ID 5520931 인데 링크가 홈으로만 가요.", "ko"),
])
def test_a_labelled_sid_is_written_beside_a_count(
        ads: TriageContext, body: str, locale: str) -> None:
    d = decide(on(ads, body, locale=locale), ads)
    assert written(ads, d).get("sid") == "5520931"


@pytest.mark.parametrize(("body", "locale"), [
    ("Cashback still pending, order #1123345678, and my site is 4410937.", "en"),
    ("Commande n° 40291177 sans cashback. Mon site : 4410937", "fr"),
])
def test_a_labelled_sid_is_written_beside_another_thing_s_number(
        ads: TriageContext, body: str, locale: str) -> None:
    d = decide(on(ads, body, locale=locale), ads)
    assert written(ads, d).get("sid") == "4410937"


@pytest.mark.parametrize(("body", "locale"), [
    ("Order #55120983 never got its cashback. 4410937", "en"),
    ("Pedido 5530912 sem cashback, e também 4410937 nao aparece.", "pt-br"),
    ("주문번호 77120456 캐시백이 안 들어왔어요. 4410937", "ko"),
])
def test_a_bare_number_beside_another_thing_s_number_is_not_written(
        ads: TriageContext, body: str, locale: str) -> None:
    """While the requester numbers other things, a number no label names may be one more
    of them: asked."""
    d = decide(on(ads, body, locale=locale), ads)
    assert "sid" not in written(ads, d)
    assert "sid" in asked(d)


@pytest.mark.parametrize(("body", "locale", "sid"), [
    ("My business partner Dana logs in fine with her own site (3390114) but mine, 3390877, "
     "keeps saying the password is wrong.", "en", "3390877"),
    ("Oi, meu sócio tem o SID 12093344 e a conta dele ta normal. O meu é 12093358 e a "
     "conta foi suspensa.", "pt-br", "12093358"),
    ("Mon associée a le SID 5512093 et tout va bien; le mien, 5512777, est suspendu.", "fr",
     "5512777"),
])
def test_another_person_s_sid_is_not_the_requester_s(
        ads: TriageContext, body: str, locale: str, sid: str) -> None:
    d = decide(on(ads, body, locale=locale), ads)
    assert written(ads, d).get("sid") == sid


def test_a_korean_friend_s_sid_is_not_written(ads: TriageContext) -> None:
    """"친구 SID는 44012378이고 저는 44012999예요": the workspace's single-SID pattern finds
    the friend's; the requester's own, glued to its ending, is read alone."""
    d = decide(on(ads, "같이 블로그 하는 친구 SID는 44012378이고 저는 44012999예요. 저는 "
                       "이번 달 지급을 못 받았어요.", locale="ko"), ads)
    assert written(ads, d).get("sid") == "44012999"


@pytest.mark.parametrize(("text", "word", "theirs"), [
    ("My friend's SID is 5512093 but mine is 4410937", "5512093", True),
    ("My friend's SID is 5512093 but mine is 4410937", "4410937", False),
    ("Mon collègue Julien (SID 7781200) a bien été payé", "7781200", True),
    ("Minha irmã tem o site 4410982 e eu tenho outro", "4410982", True),
    ("My colleague told me my SID is 1234567", "1234567", False),
    ("제 친구 계정(SID 4456120)은 잘 되는데 제 계정은 안 돼요", "4456120", True),
])
def test_in_anothers_clause(text: str, word: str, theirs: bool) -> None:
    start = text.index(word)
    assert in_anothers_clause(text, start) is theirs


def test_an_opening_bracket_does_not_hide_the_owner() -> None:
    text = "she logs in fine with her own site (3390114)"
    start = text.index("3390114")
    assert is_someone_elses(text, start, start + 7)


# ------------------------------------------------------------------ declared patterns on dropdowns


@pytest.mark.parametrize(("body", "locale"), [
    ("so I model for a studio a few days a week but I also stream on my own from home, and "
     "now my account JadeMoon got flagged.", "en"),
    ("원래 혼자 방송했는데 최근에 스태프를 고용했어요. 이제 스튜디오로 바꿔야 하는지 그냥 "
     "개인 모델로 두면 되는지 모르겠어요. 아이디 jade_moon", "ko"),
])
def test_a_declared_pattern_the_reader_contradicts_is_asked_with_both(
        stream: TriageContext, body: str, locale: str) -> None:
    """The streaming workspace's ``extract`` finds "studio" anywhere; the option reader
    reads the requester as a model: the two disagree, the question offers both."""
    d = decide(on(stream, body, locale=locale), stream)
    assert "occupation" not in written(stream, d)
    item = next(m for m in d.missing if m.key == "occupation")
    assert sorted(item.choice_titles("en")) == ["Independent model", "Studio"]


@pytest.mark.parametrize(("body", "locale"), [
    ("We run a studio with three performers and none of them can go live.", "en"),
    ("Notre studio ne peut plus ajouter de modèle depuis hier. Compte studio_etoile", "fr"),
    ("저희 스튜디오 소속 모델 두 명의 방송 권한이 사라졌어요.", "ko"),
    ("Nosso estúdio não consegue cadastrar uma modelo nova.", "pt-br"),
])
def test_a_declared_pattern_the_reader_does_not_contradict_is_written(
        stream: TriageContext, body: str, locale: str) -> None:
    d = decide(on(stream, body, locale=locale), stream)
    assert written(stream, d).get("occupation") == "occ_studio"


# ------------------------------------------------------------------ negation and hesitation


@pytest.mark.parametrize(("body", "field", "form", "denied"), [
    ("To be clear my card isn't being declined or anything, the paysafecard option is just "
     "unavailable.", "purchase_problem", "unable-to-purchase", "purchase_declined"),
    ("mon perso est tombé à travers le sol et depuis je spawn sous la carte. j'ai rien perdu "
     "hein, c'est juste que je suis bloquée", "ingame_category", "in-game-issues",
     "ingame_lost_item"),
])
def test_a_negated_keyword_is_no_evidence(games: TriageContext, body: str, field: str,
                                          form: str, denied: str) -> None:
    """"isn't being declined", "j'ai rien perdu": the word is denied, never written (the
    option the rest names may be: "greyed out" is a method refused, "sous la carte" an
    in-game problem of another kind)."""
    d = decide(on(games, body, form=form, product="game_archeage",
                  platform="platform_pc", region="region_eu"), games)
    assert written(games, d).get(field) != denied


@pytest.mark.parametrize(("body", "locale"), [
    ("My links stopped earning roughly 10 days ago. Clicks still show up in the stats but "
     "zero commission. Is the merchant not tracking or am I just not getting credited? I "
     "honestly don't know which it is. SID 6002198", "en"),
    ("Mes liens ne rapportent plus rien depuis 10 jours, zéro commission. On sait pas si "
     "c'est le marchand qui ne suit plus ou si je ne suis juste pas crédité. SID 6002198",
     "fr"),
])
def test_a_requester_who_does_not_know_which_is_asked(ads: TriageContext, body: str,
                                                      locale: str) -> None:
    d = decide(on(ads, body, locale=locale), ads)
    assert "problem_type" not in written(ads, d)
    assert "problem_type" in asked(d)


@pytest.mark.parametrize(("body", "locale"), [
    ("On est deux soeurs sur un seul compte. On sait pas si on doit rester comme on est ou "
     "passer en structure genre studio.", "fr"),
    ("We're two sisters on one account and not sure whether we should stay like this or "
     "switch to a studio.", "en"),
    ("Somos duas irmãs numa conta só e não sei se a gente fica assim ou vira estúdio.",
     "pt-br"),
])
def test_a_declared_pattern_inside_a_doubt_is_not_written(
        stream: TriageContext, body: str, locale: str) -> None:
    """The declared ``extract`` finds "studio" in a sentence that hesitates between
    alternatives: the requester states no occupation."""
    d = decide(on(stream, body, locale=locale), stream)
    assert "occupation" not in written(stream, d)
    assert "occupation" in asked(d)


@pytest.mark.parametrize(("body", "locale"), [
    ("Bonjour, je bosse pour un studio mais j'ai aussi mon propre compte de modèle à côté. "
     "Comment transférer mes followers ?", "fr"),
])
def test_a_declared_pattern_read_as_context_beside_another_option_is_asked(
        stream: TriageContext, body: str, locale: str) -> None:
    d = decide(on(stream, body, locale=locale), stream)
    assert "occupation" not in written(stream, d)
    item = next(m for m in d.missing if m.key == "occupation")
    assert sorted(item.choice_titles("en")) == ["Independent model", "Studio"]


# ------------------------------------------------------------------ one keyword against another


@pytest.mark.parametrize(("body", "locale"), [
    ("ontem um cara chamado Dravenor me xingou no chat da guild e depois ficou mandando "
     "whisper tentando vender conta e plat por pix.", "pt-br"),
    ("yesterday a guy called Dravenor insulted me in guild chat, and later kept whispering "
     "me trying to sell an account for real money.", "en"),
])
def test_one_passage_against_another_option_named_is_asked_with_both(
        games: TriageContext, body: str, locale: str) -> None:
    """One passage names an offense, another passage another one: a question offering
    both, not the one whose words happen to be more."""
    d = decide(on(games, body, form="report-a-player", locale=locale, product="game_rift",
                  platform="platform_pc", region="region_eu"), games)
    assert "offense" not in written(games, d)
    assert "offense" in asked(d)


@pytest.mark.parametrize(("body", "locale"), [
    ("지난주에 승인됐던 커미션 12건이 갑자기 reversed로 바뀌었어요. 광고주가 주문을 취소한 "
     "건지, 아니면 정산 쪽 오류인지 잘 모르겠습니다. SID 6604117", "ko"),
    ("Depuis mardi mes commissions n'apparaissent plus dans le rapport. Est-ce un bug "
     "d'affichage ou est-ce que je ne vais pas être payé ce mois-ci ? SID 5092213", "fr"),
    ("Minhas comissões sumiram do relatório. Não sei se o anunciante cancelou os pedidos ou "
     "se é um erro no pagamento. SID 5092213", "pt-br"),
    ("My commissions vanished from the report. Is it a tracking problem on the advertiser's "
     "side or a payment error on yours? SID 5092213", "en"),
])
def test_two_options_in_doubt_make_the_field_a_question(ads: TriageContext, body: str,
                                                        locale: str) -> None:
    """The requester doubts between two causes, or asks which holds: whatever else the
    text names, the field is asked."""
    d = decide(on(ads, body, locale=locale), ads)
    assert "problem_type" not in written(ads, d)
    assert "problem_type" in asked(d)


def test_an_everyday_word_is_no_keyword_by_its_stem(games: TriageContext) -> None:
    """"arrumem isso logo" (fix it soon): "logo" shares its stem with "logar", it is no
    login problem."""
    d = decide(on(games, "jogo nao abre mais. paguei e nao consigo jogar. arrumem isso logo",
                  form="technical-issues", locale="pt-br", product="game_trove",
                  platform="platform_pc", region="region_na"), games)
    assert "issue_type" not in written(games, d)


@pytest.mark.parametrize(("body", "locale"), [
    ("스튜디오 소속으로 활동하는 모델인데요, 프로필 사진 승인이 안 나요.", "ko"),
    ("Je suis modèle dans un studio, mes photos de profil ne sont pas validées.", "fr"),
    ("I'm a model with a studio and my profile photo is still pending review.", "en"),
    ("Sou modelo de um studio e minha foto de perfil não é aprovada.", "pt-br"),
])
def test_a_declared_pattern_against_what_the_requester_says_they_are_is_asked(
        stream: TriageContext, body: str, locale: str) -> None:
    """The declared pattern finds "studio"; the requester says they are a model: asked,
    offering both."""
    d = decide(on(stream, body, locale=locale), stream)
    assert "occupation" not in written(stream, d)
    item = next(m for m in d.missing if m.key == "occupation")
    assert sorted(item.choice_titles("en")) == ["Independent model", "Studio"]
