"""A studio's or an agency's payout said the way agencies say it ("the weekly transfer did
not arrive", "le transfert de la semaine", "주간 송금이 안 들어왔어요", "a transferência
semanal não caiu", "the earnings statement says it was sent") is the payout rule's, not
billing's, in en, fr, ko and pt-br: the money the site pays them stays with their group. What
a performer pays (a plan, a renewal) is still billing, and moving an account is no payout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_reading import on

from integrations.triage import Decision, TriageContext, decide
from integrations.triage._rules import Keywords

_RULES = Path(__file__).parents[2] / "schemas/examples/streaming-platform/rules.json"


def _payout() -> Keywords:
    """The streaming example's payout rule's keywords (the rule before billing)."""
    return Keywords(json.loads(_RULES.read_text())["rules"][-2]["when"]["keywords"])


def _group(d: Decision) -> str | None:
    group = None
    for m in d.rules:
        group = m.group or group
    return group


# each body says "payment" (billing's word) too: the payout's words must come first
@pytest.mark.parametrize(("body", "group"), [
    ("Good afternoon. Our agency manages 9 models under one account and the weekly transfer "
     "did not arrive. Our bank shows nothing, we have to pay the girls Friday. Studio login: "
     "BlueRoomMedia", "Studio Support"),
    ("Hello, we are a studio with 6 performers. The earnings statement says the money was sent "
     "on Monday, please check with your payment provider. Studio account: NorthLightStudio",
     "Studio Support"),
    ("I'm an independent model. Last week's transfer never came, is there a payment problem? "
     "Username: luna_vibes", "Model Support"),
    ("Bonjour, notre studio gère 7 modèles et le transfert de la semaine n'est jamais arrivé "
     "sur notre compte. Pouvez-vous vérifier avec votre prestataire de paiement ? "
     "Compte studio : AtelierRose", "Studio Support"),
    ("Bonjour, je suis modèle indépendante, le relevé de gains dit que l'argent est parti "
     "lundi mais rien sur mon compte, un problème de paiement ? Pseudo : Clea_Noir",
     "Model Support"),
    ("저희 스튜디오는 모델 10명을 관리하는데 이번 주 송금이 안 들어왔어요. 결제 대행사에 확인 "
     "부탁드려요. 스튜디오 아이디 moonstudio", "Studio Support"),
    ("독립 모델인데 지난주 수익 이체가 아직 안 됐어요. 결제 쪽 문제인가요? 아이디 haru_live",
     "Model Support"),
    ("Somos uma agência com 8 modelos e a transferência semanal não caiu. O extrato de ganhos "
     "diz que foi enviado dia 27, o pagamento sumiu. Conta do estúdio: EstudioLuz",
     "Studio Support"),
    ("Sou modelo independente e a transferência da semana não chegou, problema de pagamento? "
     "Usuário: bia_live", "Model Support"),
])
def test_an_agencys_payout_stays_with_its_group(stream: TriageContext, body: str,
                                                group: str) -> None:
    assert _group(decide(on(stream, body, subject="payment"), stream)) == group


@pytest.mark.parametrize(("language", "text"), [
    ("en", "We want to transfer two models' accounts to our studio account."),
    ("en", "our studio's pro plan renewed and the card was charged twice"),
    ("fr", "je voudrais transférer mon compte vers un autre studio"),
    ("ko", "모델 계정을 저희 스튜디오 계정으로 옮기고 싶어요"),
    ("pt", "quero transferir minha conta para outro estúdio"),
])
def test_no_payout_in_what_is_no_payout(language: str, text: str) -> None:
    """Negative: moving an account, a plan's charge: the payout rule stays silent."""
    assert _payout().first(text, language) is None
