"""A rule's topic the requester rules out ("my membership is paid and fine", "não tem nada
de assinatura", "before anyone sends me to the payments team") does not route the ticket,
in en, fr, ko and pt-br: a topic declared fine in a coordinated state, a "nothing of X"
negation, and a team named as a destination are no evidence. A real problem still routes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from integrations.triage._rules import Keywords

_RULES = Path(__file__).parents[2] / "schemas/examples/streaming-platform/rules.json"


def billing() -> Keywords:
    """The billing rule's keywords of the streaming example (the last rule)."""
    return Keywords(json.loads(_RULES.read_text())["rules"][-1]["when"]["keywords"])


@pytest.mark.parametrize(("language", "text"), [
    ("en", "my membership is paid and fine. every room is stuck at 480p"),
    ("en", "my subscription is active and fine, the video lags since monday"),
    ("en", "before u send me to the billing team: video freezes on every stream"),
    ("en", "Please don't forward this to the payments department, the chat won't load."),
    ("fr", "mon abonnement est payé et actif, la vidéo reste bloquée en 480p"),
    ("fr", "pas la peine de m'envoyer à l'équipe facturation, le chat ne charge pas"),
    ("pt", "não tem nada de assinatura nem cobrança envolvido, é só a selfie"),
    ("pt", "nao tem nada de cobrança nisso, o video trava"),
    ("pt", "minha assinatura tá paga e ok, o vídeo que trava"),
    ("ko", "구독은 잘 되고 있고 영상이 480p로 고정돼요"),
    # went through as it should: said of the topic around its verb
    ("en", "it's not about money, my membership went through fine. videos freeze on my iPad"),
    ("en", "My subscription renewed normally; the problem is the chat, it never loads."),
    ("fr", "mon abonnement s'est bien renouvelé, c'est le chat qui ne charge plus"),
    ("pt", "a assinatura renovou certinho, o problema é o vídeo que trava"),
    ("ko", "멤버십은 잘 갱신됐어요. 근데 영상이 소리만 나오고 화면이 까매요"),
    ("ko", "구독도 정상적으로 연장됐고요, 채팅창이 안 떠요"),
])
def test_a_ruled_out_topic_does_not_route(language: str, text: str) -> None:
    assert billing().first(text, language) is None


@pytest.mark.parametrize(("language", "text"), [
    ("en", "my subscription is active but I was charged twice this month"),
    ("en", "the billing team never answered about my refund"),
    ("fr", "mon abonnement est actif mais j'ai été prélevé deux fois"),
    ("pt", "não tem como cancelar a assinatura pelo app"),
    ("pt", "nao tem nada no extrato mas fui cobrado duas vezes"),
    ("ko", "구독 해지가 안 돼요"),
    # a charge the requester disowns is there, unwanted: the problem, no denial of it
    ("en", "this is not a charge I made, someone used my card. I want it reversed"),
    ("fr", "ce n'est pas un paiement que j'ai fait, quelqu'un a utilisé ma carte"),
    ("pt", "não foi um pagamento que eu fiz, alguém usou meu cartão"),
    ("ko", "남자친구가 제 카드로 토큰을 샀어요. 제가 한 결제 아닌데 돌려받을 수 있나요?"),
    ("ko", "내가 결제한 거 아님. 누가 내 폰으로 샀어요"),
    # renewed, but not as it should be
    ("en", "my membership renewed fine but then I was charged twice"),
    ("ko", "잘 보고 있었는데 갑자기 결제가 두 번 됐어요"),
])
def test_a_real_billing_problem_still_routes(language: str, text: str) -> None:
    assert billing().first(text, language) is not None
