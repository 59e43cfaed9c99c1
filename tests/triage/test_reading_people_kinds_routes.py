"""Who the requester is, and where the ticket goes (issue 10, helper 10x): on the streaming
workspace's person field, ``occupation``, a topic the requester rules out is no kind ruled
out ("nothing to do with my earnings, I stream on my own"); working as a kind says it ("je
travaille comme modèle", "trabalho como modelo"); doing one's shows in someone's studio, or
a studio taking a cut, is two kinds (asked); and a rule's keywords are no topic when they
name the team the ticket should not go to ("before anyone forwards this to payments") or
what a renewal is of (an identity document, not a subscription). Through the pure core, on
the example workspace, in en, fr, ko and pt-br; with the cases that must not change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_reading import asked, on, written

from integrations.triage import TriageContext, decide
from integrations.triage._rules import Keywords
from integrations.triage.reading.options import OptionReader

_RULES = Path(__file__).parents[2] / "schemas/examples/streaming-platform/rules.json"


def billing() -> Keywords:
    """The billing rule's keywords of the streaming example (its last rule)."""
    return Keywords(json.loads(_RULES.read_text())["rules"][-1]["when"]["keywords"])


def group(d: object) -> str | None:
    """The group the decision's rules route to (the last one naming a group)."""
    found = None
    for m in getattr(d, "rules", ()):
        found = m.group or found
    return found


# ------------------------------------------------------------ a topic denied, not a kind


@pytest.mark.parametrize("body", [
    "This isn't about my earnings at all. I stream on my own and my profile banner vanished. "
    "Username lilac_rain",
    "Rien à voir avec mes gains, hein. Je diffuse seule et ma bannière de profil a disparu.",
    "Não é sobre meus ganhos, tá? Faço live sozinha e minha foto de capa sumiu.",
    "제 수익 문제는 아니고요, 혼자 방송하는 모델인데 프로필 사진이 사라졌어요.",
])
def test_a_topic_ruled_out_keeps_the_kind_the_requester_states(stream: TriageContext,
                                                               body: str) -> None:
    """"nothing to do with my earnings", "rien à voir avec mes gains": the requester sets a
    topic aside (their own thing), not what they are; "I stream on my own" still says it."""
    d = decide(on(stream, body), stream)
    assert written(stream, d).get("occupation") == "occ_model"
    assert "occupation" not in asked(d)


@pytest.mark.parametrize(("body", "value"), [
    ("Not a model btw, I just watch. The chat won't load.", "occ_user"),
    ("Je suis pas modèle hein, je regarde juste. Le chat charge pas.", "occ_user"),
    ("Não sou modelo, só assisto. O chat não carrega.", "occ_user"),
])
def test_a_kind_the_requester_denies_being_stays_denied(stream: TriageContext, body: str,
                                                       value: str) -> None:
    d = decide(on(stream, body), stream)
    assert written(stream, d).get("occupation") == value


# ------------------------------------------------------------------------ working as a kind


@pytest.mark.parametrize("body", [
    "Je travaille comme modèle depuis 2023, sans studio, et ma photo de profil a été refusée.",
    "Trabalho como modelo há dois anos, por conta própria, e minhas fotos sumiram.",
    "Trabalho por conta própria como modelo e meu perfil sumiu.",
    "Atuo como modelo faz um ano e o meu perfil sumiu do site.",
    "I've been working as a model here for a year, no agency, and my bio got wiped.",
])
def test_working_as_a_kind_says_it(stream: TriageContext, body: str) -> None:
    """"je travaille comme modèle", "trabalho como modelo", "atuo como": the requester's
    work, in the first person, names what they are."""
    d = decide(on(stream, body), stream)
    assert written(stream, d).get("occupation") == "occ_model"


@pytest.mark.parametrize("body", [
    "Ma copine travaille comme modèle ici, moi je regarde juste. Le chat bug.",
    "Minha namorada trabalha como modelo, eu só assisto. O chat trava.",
])
def test_someone_else_working_as_a_kind_is_not_the_requester(stream: TriageContext,
                                                             body: str) -> None:
    d = decide(on(stream, body), stream)
    assert written(stream, d).get("occupation") in (None, "occ_user")


# ------------------------------------------------------ shows done in someone else's studio


@pytest.mark.parametrize("body", [
    "I do my shows out of a studio downtown and they keep 30% of my tips. Why does my stream "
    "cut off?",
    "Je fais mes lives dans un studio à Lyon, ils prennent une commission. Mon live coupe sans "
    "arrêt.",
    "Faço minhas lives num estúdio de uma conhecida e ela fica com 40%. A live cai toda hora.",
    "sou modelo mas faço as lives num estudio de uma amiga. a live cai toda hora.",
    "친구 스튜디오에서 방송하는데 수수료를 떼 가요. 방송이 자꾸 끊겨요.",
])
def test_shows_done_in_someone_elses_studio_are_asked(stream: TriageContext,
                                                      body: str) -> None:
    """A model streaming from a studio that takes a share may hold a model's account or be
    on the studio's: the requester's to say, never guessed."""
    d = decide(on(stream, body), stream)
    assert "occupation" not in written(stream, d)
    assert "occupation" in asked(d)


@pytest.mark.parametrize(("body", "value"), [
    ("We're a studio and our girls stream from our place. One of them can't go live.",
     "occ_studio"),
    ("I'm a model, I stream from home, and my stream keeps cutting off.", "occ_model"),
    ("The site takes 50% of my tips, I'm an independent model. Why so much?", "occ_model"),
    ("Sou modelo independente e faço as lives em casa. A live cai.", "occ_model"),
    ("Je suis modèle indépendante, je fais mes lives depuis chez moi. Le live coupe.",
     "occ_model"),
])
def test_ones_own_place_or_the_sites_share_keeps_the_kind(stream: TriageContext, body: str,
                                                          value: str) -> None:
    d = decide(on(stream, body), stream)
    assert written(stream, d).get("occupation") == value


# ----------------------------------------------------------------------------------- routes


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Before anyone forwards this to payments: my stream keeps freezing."),
    ("en", "Please don't pass this to billing, it's about my stream freezing."),
    ("en", "no need to send me over to the refund people, the chat is broken"),
    ("fr", "Avant qu'on me transfère vers la facturation : mon live freeze."),
    ("pt", "Antes que encaminhem isso pro pagamento: minha live trava."),
    ("ko", "결제 쪽으로 넘기지 마세요, 방송이 계속 끊겨요."),
])
def test_a_team_named_as_where_to_send_the_ticket_is_no_topic(language: str,
                                                              text: str) -> None:
    assert billing().first(text, language) is None


@pytest.mark.parametrize(("language", "text"), [
    ("en", "My ID verification is expiring soon and I don't know whether I renew it through "
           "my agency or with you."),
    ("en", "my passport on file expires next week, how do I renew the verification?"),
    ("fr", "Ma pièce d'identité expire le mois prochain, je dois renouveler la vérification où ?"),
    ("pt", "Minha verificação de identidade vence mês que vem, como faço pra renovar?"),
    ("ko", "신분증 인증이 곧 만료되는데 갱신은 어디서 하나요?"),
])
def test_renewing_an_identity_document_is_no_billing(language: str, text: str) -> None:
    assert billing().first(text, language) is None


@pytest.mark.parametrize(("language", "text"), [
    ("en", "My subscription renews tomorrow and I want to stop it."),
    ("en", "I forwarded the receipt to my bank: you charged me twice."),
    ("en", "I sent my ID again last week, and my membership renewed without asking."),
    ("fr", "Mon abonnement se renouvelle demain, je veux l'arrêter."),
    ("pt", "Minha assinatura renovou sozinha ontem, quero cancelar."),
    ("ko", "구독이 자동 갱신됐어요. 해지하고 싶어요."),
])
def test_a_real_billing_question_still_routes(language: str, text: str) -> None:
    assert billing().first(text, language) is not None


@pytest.mark.parametrize("body", [
    "Before anyone forwards this to payments: it has nothing to do with my money. All my "
    "profile photos were removed overnight. I stream independently as maré_alta.",
    "Não é cobrança nem nada de plano. Meus vídeos sumiram do perfil. Trabalho por conta "
    "própria como modelo, user: mare_alta",
])
def test_a_model_ruling_billing_out_reaches_model_support(stream: TriageContext,
                                                          body: str) -> None:
    d = decide(on(stream, body), stream)
    assert written(stream, d).get("occupation") == "occ_model"
    assert group(d) == "Model Support"


# ------------------------------------------------------- a kind left, others' kinds, a count


@pytest.mark.parametrize("body", [
    "I left my studio last month and now I'm independent. My payout page is blank.",
    "I used to stream with an agency, now I'm on my own. My payout page is blank.",
    "J'ai quitté mon studio le mois dernier, maintenant je suis indépendante. Ma page de "
    "virements est vide.",
    "Saí do estúdio mês passado e agora sou independente. Minha página de repasses tá em "
    "branco.",
    "스튜디오를 그만두고 지금은 혼자 방송해요. 정산 페이지가 비어 있어요.",
])
def test_a_kind_the_requester_left_is_not_theirs(stream: TriageContext, body: str) -> None:
    """"I left my studio", "saí do estúdio", "스튜디오를 그만두고": what the requester was;
    the studio is never written (the title pattern saw it), what they are now may be."""
    d = decide(on(stream, body), stream)
    assert written(stream, d).get("occupation") in (None, "occ_model")
    if "occupation" not in asked(d):
        assert written(stream, d).get("occupation") == "occ_model"


@pytest.mark.parametrize("body", [
    "I left a tip for a model and the tokens vanished. I'm just a viewer.",
    "I quit my job to do this full time, I'm a model here now and my room won't load.",
])
def test_leaving_something_else_changes_nothing(stream: TriageContext, body: str) -> None:
    d = decide(on(stream, body), stream)
    assert written(stream, d).get("occupation") in ("occ_user", "occ_model")


@pytest.mark.parametrize("body", [
    "언니가 스튜디오를 운영하는데 대신 문의드려요. 모델들이 로그인을 못 해요.",
    "My sister runs a studio and asked me to write: her models can't log in.",
])
def test_a_relatives_studio_is_not_the_requesters(stream: TriageContext, body: str) -> None:
    d = decide(on(stream, body), stream)
    assert "occupation" not in written(stream, d)


@pytest.mark.parametrize("body", [
    "I manage six girls on the site and one of them can't go live.",
    "Je gère six filles sur le site et l'une d'elles ne peut plus passer en live.",
    "Gerencio seis meninas no site e uma delas não consegue abrir a live.",
    "사이트에서 모델 여섯 명을 관리하고 있는데 한 명이 방송을 못 켜요.",
])
def test_managing_several_people_is_no_model(stream: TriageContext, body: str) -> None:
    """Managing a number of performers is a studio's work: never written as a model."""
    d = decide(on(stream, body), stream)
    assert written(stream, d).get("occupation") in (None, "occ_studio")


@pytest.mark.parametrize(("language", "text"), [
    ("en", "I go through a studio who handles my schedule and my payments. Who sends my ID?"),
    ("en", "my agency takes care of all my payments, I only need my password reset"),
    ("fr", "Je passe par un studio qui gère mes horaires et mes paiements. Qui envoie ma pièce "
           "d'identité ?"),
    ("pt", "Trabalho com um estúdio que cuida dos meus pagamentos. Quem manda meu documento?"),
    pytest.param("ko", "스튜디오가 제 결제 관리를 해 주는데 신분증은 누가 보내나요?",
                 marks=pytest.mark.xfail(strict=True, reason="a Korean handler stands after "
                                         "the object ('결제 관리를 해 주는데'): not read yet")),
])
def test_what_someone_handles_for_the_requester_is_no_topic(language: str, text: str) -> None:
    """"a studio who handles my payments": how the requester works, not what went wrong."""
    assert billing().first(text, language) is None


@pytest.mark.parametrize(("language", "text"), [
    ("en", "my agency handles my payouts, but I was charged twice for the Boost plan"),
    ("fr", "le studio gère mes horaires, mais on m'a prélevé deux fois l'abonnement"),
    ("pt", "o estúdio cuida da agenda, mas fui cobrada duas vezes na assinatura"),
])
def test_a_charge_beside_an_arrangement_still_routes(language: str, text: str) -> None:
    assert billing().first(text, language) is not None


@pytest.mark.parametrize(("language", "text"), [
    ("en", "I can't manage my subscription, the button is gone"),
    ("fr", "je gère mon abonnement comment ? je veux l'arrêter"),
])
def test_the_requester_handling_their_own_subscription_still_routes(language: str,
                                                                    text: str) -> None:
    assert billing().first(text, language) is not None


# ------------------------------------------------ another person's kind, Korean shapes


@pytest.mark.parametrize("body", [
    "모델인 친구가 정산 페이지가 고장났다는데 맞나요?",
    "My friend who is a model here says her payout page is broken. Is it down?",
    "Une amie qui est modèle ici dit que sa page de paiements est cassée, c'est normal ?",
    "Uma amiga que é modelo aqui disse que a página de repasses dela quebrou. Tá fora do ar?",
])
def test_someone_described_is_not_the_requester(stream: TriageContext, body: str) -> None:
    """"모델인 친구", "my friend who is a model": without writing on their behalf, the kind
    is the other person's; the requester's own is asked."""
    d = decide(on(stream, body), stream)
    assert "occupation" not in written(stream, d)
    assert "occupation" in asked(d)


@pytest.mark.parametrize(("body", "value"), [
    ("여자친구 대신 문의드려요. 여기서 모델로 활동하는데 로그인이 안 된대요.", "occ_model"),
    ("남편 대신 문의드려요. 남편이 시청자인데 토큰이 사라졌대요.", "occ_user"),
    ("Writing on behalf of my sister: her payout page is broken and she can't stream.",
     "occ_model"),
    ("I'm writing on behalf of my dad, he's a member here and was charged twice.",
     "occ_user"),
    ("J'écris de la part de mon frère, son live coupe et ses tips ont disparu.", "occ_model"),
    ("Je vous écris à la place de ma femme : elle est modèle ici et sa room ne charge plus.",
     "occ_model"),
    ("Escrevendo pela minha prima: a live dela trava e as gorjetas sumiram.", "occ_model"),
    ("Escrevo em nome da minha namorada, ela é modelo e o perfil dela sumiu.", "occ_model"),
    ("I'm writing on behalf of a model I assist: her room won't load since Monday.",
     "occ_model"),
    ("I'm writing on behalf of my mom, she's a paying member and got charged twice.",
     "occ_user"),
    ("J'écris pour ma mère : elle est abonnée et son abonnement a été prélevé deux fois.",
     "occ_user"),
])
def test_someone_written_for_gives_the_ticket_their_kind(stream: TriageContext, body: str,
                                                          value: str) -> None:
    """Written on someone's behalf, the ticket is about their account: the kind said of
    them ("she's a model", "sa room", "a live dela", "여기서 모델로 활동하는데") is the
    ticket's, as their SID and their name are (`typed`, `names`)."""
    d = decide(on(stream, body), stream)
    assert written(stream, d).get("occupation") == value
    assert "occupation" not in asked(d)


@pytest.mark.parametrize("body", [
    # another person than the one written for: a streamer is "she", the husband is not
    "Writing on behalf of my husband: a streamer banned him and her room won't open for him.",
    # the requester's own thing beside the person written for: theirs to say
    "Writing on behalf of my wife: my stream keeps freezing too.",
    # a person the requester runs, not writes for
    "Writing on behalf of our studio team: one of the girls can't log in.",
    "J'écris de la part de mon mari : une streameuse l'a banni et sa room ne s'ouvre plus.",
    "Escrevo pelo meu marido: uma modelo bloqueou ele e a live dela não abre pra ele.",
    "남편 대신 문의드려요. 남편이 좋아하는 모델이 남편을 차단했어요.",
    "Writing on behalf of my wife: she watches a model whose room won't load.",
    # a thing asked for, no one written for
    "Asking for a refund: she's a model I tipped and her show froze.",
])
def test_someone_written_for_lends_no_other_persons_kind(stream: TriageContext,
                                                         body: str) -> None:
    d = decide(on(stream, body), stream)
    assert written(stream, d).get("occupation") != "occ_model"


@pytest.mark.parametrize(("body", "value"), [
    ("저는 시청자고 친구가 모델인데 친구 방송이 저한테만 끊겨요.", "occ_user"),
    ("I'm a viewer writing on behalf of my girlfriend, her stream won't load for me.",
     "occ_user"),
    ("Writing on behalf of our studio: one of our models can't log in.", "occ_studio"),
])
def test_the_requesters_own_kind_beside_anothers_is_read(stream: TriageContext, body: str,
                                                         value: str) -> None:
    d = decide(on(stream, body), stream)
    assert written(stream, d).get("occupation") == value


@pytest.mark.parametrize("body", [
    "모델분 방송이 안 나와요. 화면이 검은색이에요.",
    "모델님이 저를 차단했어요. 이유를 모르겠어요.",
])
def test_a_korean_honorific_names_a_third_person(stream: TriageContext, body: str) -> None:
    """"모델분", "모델님": the model spoken of, never the one who writes."""
    d = decide(on(stream, body), stream)
    assert written(stream, d).get("occupation") != "occ_model"


# -------------------------------------------------- a billing topic set aside or settled


@pytest.mark.parametrize(("language", "text"), [
    ("en", "I'm not talking about my subscription, the chat just won't load."),
    ("pt", "Não tô falando da assinatura, é o chat que não carrega."),
    ("pt", "Nenhuma cobrança nem reembolso envolvido, o vídeo trava."),
    ("en", "The billing part is sorted already, my problem is the chat."),
    ("en", "Before you ask: yes my membership is paid. The video won't play."),
    ("fr", "Le paiement est déjà réglé, mon souci c'est le chat."),
    ("fr", "Avant que vous demandiez : oui mon abonnement est payé. La vidéo ne se lance pas."),
    ("pt", "O pagamento já foi resolvido, meu problema é o chat."),
    ("pt", "Antes que perguntem: sim, minha assinatura tá paga. O vídeo não abre."),
    ("ko", "결제는 해결됐는데 채팅이 안 떠요."),
    ("ko", "혹시 몰라서 말씀드리면 구독은 결제돼 있어요. 영상이 안 나와요."),
])
def test_a_billing_topic_set_aside_or_settled_does_not_route(language: str,
                                                             text: str) -> None:
    assert billing().first(text, language) is None


@pytest.mark.parametrize(("language", "text"), [
    ("en", "My membership is paid but I was charged twice this month."),
    ("fr", "Mon abonnement est payé mais j'ai été prélevé deux fois."),
    ("pt", "A assinatura tá paga, mas fui cobrado duas vezes."),
    ("ko", "구독은 결제돼 있는데 이번 달에 두 번 빠져나갔어요."),
])
def test_a_charge_beside_a_settled_topic_still_routes(language: str, text: str) -> None:
    assert billing().first(text, language) is not None


# ------------------------------------------- a performer's money is a payout, not billing


@pytest.mark.parametrize(("body", "value", "team"), [
    ("I'm an independent model and my payment is late again this week.", "occ_model",
     "Model Support"),
    ("Je suis modèle indépendante et mes paiements n'arrivent plus depuis deux semaines.",
     "occ_model", "Model Support"),
    ("Sou modelo independente e o pagamento não chegou essa semana.", "occ_model",
     "Model Support"),
    ("저희는 스튜디오인데 이번 달 출금이 아직 안 됐어요.", "occ_studio", "Studio Support"),
    ("We're a studio and our balance hasn't moved since the 1st, my balance shows 0.",
     "occ_studio", "Studio Support"),
])
def test_a_performers_money_not_arriving_stays_with_their_team(
        stream: TriageContext, body: str, value: str, team: str) -> None:
    """Money the site pays a model or a studio is a payout: their team keeps it
    (rules.json), however the requester says it did not arrive."""
    d = decide(on(stream, body), stream)
    assert written(stream, d).get("occupation") == value
    assert group(d) == team


@pytest.mark.parametrize("body", [
    "I'm just a viewer and my payment for the premium plan was taken twice.",
    "Je suis simple membre, mon paiement de l'abonnement est passé deux fois.",
    "Sou só assinante e o pagamento da assinatura saiu duas vezes.",
])
def test_a_viewers_payment_is_billing(stream: TriageContext, body: str) -> None:
    d = decide(on(stream, body), stream)
    assert group(d) == "Billing Support"


# ------------------------------------------------------------ said indirectly, four ways


@pytest.mark.parametrize(("body", "value"), [
    ("즐겨찾기한 모델 방송이 월요일부터 안 보여요.", "occ_user"),
    ("A barra da minha meta parou de atualizar durante a minha live.", "occ_model"),
    ("Trois de nos filles n'arrivent plus à se connecter depuis ce matin.", "occ_studio"),
])
def test_a_kind_said_indirectly_is_read(stream: TriageContext, body: str,
                                        value: str) -> None:
    """"a minha live" (a model's own show, whatever article),
    "nos filles" (a studio's performers), "즐겨찾기한 모델" (the model a viewer follows)."""
    d = decide(on(stream, body), stream)
    assert written(stream, d).get("occupation") == value


@pytest.mark.parametrize("body", [
    "좋아하는 모델이 저를 차단했어요.",
    "Sigo sem conseguir entrar na conta desde ontem.",
])
def test_a_relative_clause_or_a_verb_says_no_kind(stream: TriageContext, body: str) -> None:
    """"좋아하는 모델" is the model the requester likes; "sigo sem conseguir" is "I still
    can't": neither says the requester is a model."""
    d = decide(on(stream, body), stream)
    assert written(stream, d).get("occupation") != "occ_model"


@pytest.mark.parametrize("body", [
    "I'm a moderator in a model's room and my mod tools disappeared.",
    "I'm a friend of a model here, she asked me to report a bug in her tip menu.",
    "모델 방송방 매니저인데 매니저 권한이 사라졌어요.",
])
def test_a_kind_inside_another_role_is_not_the_requesters(stream: TriageContext,
                                                          body: str) -> None:
    """"I'm a moderator in a model's room" is no "I'm a model" with a word between; "모델
    방송방 매니저인데": the requester is the room's manager."""
    d = decide(on(stream, body), stream)
    assert written(stream, d).get("occupation") != "occ_model"


@pytest.mark.parametrize("body", [
    "I'm a new model and my first stream had no sound.",
    "모델로 활동 중인데 방송 중에 소리가 안 나와요.",
    "혼자 활동하는 모델인데요, 방송 중에 소리가 안 나와요.",
])
def test_a_kind_with_a_word_between_is_still_said(stream: TriageContext, body: str) -> None:
    d = decide(on(stream, body), stream)
    assert written(stream, d).get("occupation") == "occ_model"


@pytest.mark.parametrize("body", [
    "I stream from my home studio and the lighting looks washed out on my stream.",
    "Je streame depuis mon petit studio à la maison et la lumière est délavée sur mon live.",
    "Faço live do meu estúdio em casa e a luz fica estourada na minha live.",
    "집에 있는 작은 스튜디오에서 방송하는데 조명이 너무 밝게 나와요.",
])
def test_a_studio_room_at_home_is_no_studio(stream: TriageContext, body: str) -> None:
    """"my home studio", "mon studio à la maison", "meu estúdio em casa": the room a model
    streams from, not a studio account."""
    d = decide(on(stream, body), stream)
    assert written(stream, d).get("occupation") == "occ_model"


@pytest.mark.parametrize("body", [
    "We're a small studio with three performers and one can't log in.",
    "저희는 작은 스튜디오예요. 모델 한 명이 로그인을 못 해요.",
])
def test_a_small_studio_is_still_a_studio(stream: TriageContext, body: str) -> None:
    d = decide(on(stream, body), stream)
    assert written(stream, d).get("occupation") == "occ_studio"


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Unrelated to billing: the chat won't load."),
    ("fr", "Aucun rapport avec la facturation, le chat ne charge pas."),
    ("pt", "Não tem a ver com a assinatura, o chat não carrega."),
    ("pt", "Sem relação com cobrança, o chat não carrega."),
    ("ko", "구독이랑은 상관없고 채팅이 안 떠요."),
    ("ko", "결제랑 관계없는 문제예요. 채팅이 안 떠요."),
])
def test_a_topic_said_unrelated_does_not_route(language: str, text: str) -> None:
    """"unrelated to", "aucun rapport avec", "não tem a ver com", "상관없고": the topic is
    ruled out, as "nothing to do with" rules it out."""
    assert billing().first(text, language) is None


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Unrelated to the chat: I was charged twice for premium."),
    ("ko", "채팅이랑은 상관없고 구독이 두 번 결제됐어요."),
])
def test_another_topic_said_unrelated_leaves_billing(language: str, text: str) -> None:
    assert billing().first(text, language) is not None


def test_a_company_paying_is_no_studio(stream: TriageContext) -> None:
    """"our company card": a business paying, of no kind the text states (asked)."""
    d = decide(on(stream, "I do the bookkeeping for a bakery. Our company card shows a "
                          "monthly charge from your site that nobody here signed up for."),
               stream)
    assert written(stream, d).get("occupation") != "occ_studio"


@pytest.mark.parametrize(("body", "team"), [
    ("We're a production company with six rooms; one of our performers is stuck in review.",
     "Studio Support"),
    ("Nous sommes un studio de quatre modèles, les gains d'octobre n'ont pas été versés.",
     "Studio Support"),
])
def test_a_production_company_and_its_earnings_are_a_studios(stream: TriageContext,
                                                             body: str, team: str) -> None:
    d = decide(on(stream, body), stream)
    assert written(stream, d).get("occupation") == "occ_studio"
    assert group(d) == team


@pytest.mark.parametrize("body", [
    "Two friends now stream with me in my flat. Not sure if I stay a model or if this is a "
    "studio now, which papers do I send?",
    "Deux copines streament chez moi maintenant. Je sais pas si je reste modèle ou si ça "
    "devient un studio, quels papiers envoyer ?",
    "Agora tem mais duas meninas transmitindo comigo. Não sei se continuo como modelo ou se "
    "isso já vira estúdio.",
    "친구 두 명이 저희 집에서 같이 방송해요. 이제 모델인지 스튜디오인지 잘 모르겠어요.",
])
def test_a_requester_torn_between_two_kinds_is_asked(stream: TriageContext,
                                                     body: str) -> None:
    d = decide(on(stream, body), stream)
    assert "occupation" not in written(stream, d)
    assert "occupation" in asked(d)


@pytest.mark.parametrize("body", [
    "I'm a model, not sure if the bug is on Chrome or on Firefox.",
    "I'm a regular viewer, not sure if the model or the site muted me.",
])
def test_doubt_about_something_else_is_no_doubt_between_kinds(stream: TriageContext,
                                                              body: str) -> None:
    """Doubt about a browser, or about one kind only (after the doubt), holds no two kinds."""
    reader = OptionReader(stream.workspace.fields["occupation"])
    assert not reader.undecided([("body", body)], "en")


@pytest.mark.parametrize("body", [
    "제 방에 들어오는 시청자 한 명이 방송 때마다 욕을 해요.",
    "시청자 두 명이 채팅에서 계속 도배해요.",
])
def test_a_counted_korean_person_is_someone_else(stream: TriageContext, body: str) -> None:
    """"시청자 한 명이": one viewer among others, not the requester."""
    d = decide(on(stream, body), stream)
    assert written(stream, d).get("occupation") != "occ_user"
