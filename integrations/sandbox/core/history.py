"""A seeded generator of solved tickets: a helpdesk's history, for ``deskops suggest``.

`generate` writes neutral tickets (subject, description, locale, the value an agent set
for each dropdown, tags, created/updated times); each vendor's ``history`` area stores
them in its own record shape behind ``POST /_sandbox/history``.

The text comes from this module's own phrase banks, written the way customers write
(synonyms, slang, typos), not from the seed workspaces' ``x-deskops.keywords``: a history
that only repeats the workspace's words would make ``deskops suggest`` look useful while
measuring nothing. Roughly a third of the phrases use a word the workspace already knows.

Noise, all seeded: a few wrong agent values (`WRONG_VALUE`), an English subject over a
description in another language (`MIXED_LANGUAGE`), and empty descriptions
(`EMPTY_DESCRIPTION`), so the learner must cope with what real histories hold.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

__all__ = ["PROFILES", "GeneratedTicket", "Profile", "Request", "generate", "option_values",
           "parse_request"]

WRONG_VALUE = 0.03
MIXED_LANGUAGE = 0.08
EMPTY_DESCRIPTION = 0.04
LOCALES: tuple[tuple[str, float], ...] = (("en", 0.4), ("fr", 0.2), ("ko", 0.2), ("pt-br", 0.2))

Bank = Mapping[str, Mapping[str, Sequence[str]]]  # option value -> locale -> phrases


@dataclass(frozen=True)
class Profile:
    """One workspace's history: a dropdown, how often each option is set, its phrase banks,
    and the tags agents add with an option (``tags``: option value -> tags)."""

    field_key: str
    weights: Mapping[str, float]
    bank: Bank
    tags: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: option key -> the text a helpdesk whose choice value is the title shows (Freshdesk);
    #: the sandbox's own copy of the seed workspace's titles
    shown: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class GeneratedTicket:
    subject: str
    description: str
    locale: str
    values: Mapping[str, str]
    tags: tuple[str, ...]
    created: float
    updated: float


_GREETING = {
    "en": ["Hi,", "Hello team,", "Hey there,", "Good morning,", ""],
    "fr": ["Bonjour,", "Bonjour à tous,", "Salut,", "Madame, Monsieur,", ""],
    "ko": ["안녕하세요.", "수고 많으십니다.", "문의드립니다.", ""],
    "pt-br": ["Olá,", "Oi pessoal,", "Bom dia,", "Boa tarde,", ""],
}
_FILLER = {
    "en": ["This started a few days ago.", "I already tried twice.", "Can you look into it?",
           "It is quite urgent for me.", "Thanks in advance.", "Please get back to me soon.",
           "I have been a publisher with you for two years."],
    "fr": ["Ça a commencé il y a quelques jours.", "J'ai déjà essayé deux fois.",
           "Pouvez-vous regarder ?", "C'est assez urgent.", "Merci d'avance.",
           "Merci de me répondre rapidement."],
    "ko": ["며칠 전부터 이래요.", "벌써 두 번 시도했어요.", "확인 부탁드립니다.", "급합니다.",
           "빠른 답변 부탁드려요.", "감사합니다."],
    "pt-br": ["Começou há alguns dias.", "Já tentei duas vezes.", "Podem verificar?",
              "É bem urgente.", "Obrigado desde já.", "Aguardo retorno."],
}
_SUBJECT = {
    "en": ["Help please", "Question", "Need assistance", "Urgent", "Issue"],
    "fr": ["Besoin d'aide", "Question", "Urgent", "Demande"],
    "ko": ["문의", "도와주세요", "긴급 문의", "질문"],
    "pt-br": ["Ajuda", "Dúvida", "Urgente", "Socorro"],
}

_AD_NETWORK: Bank = {
    "pub_technical": {
        "en": ["the dashboard crashes every time", "the site freezes after a few seconds",
               "I get a white screen", "the reports tab shows a 500", "it times out",
               "there is a glitch in the reports", "the widget is broken", "the app keeps "
               "crashing", "the page is stuck loading forever", "I see an error message"],
        "fr": ["le tableau de bord plante sans arrêt", "l'écran reste blanc",
               "le site rame énormément", "les rapports sont cassés", "ça bugue tout le temps",
               "la page affiche une erreur 500", "le site est en panne",
               "j'ai un message d'erreur"],
        "ko": ["대시보드가 계속 멈춰요", "화면이 하얗게 나와요", "사이트가 먹통이에요",
               "리포트 페이지가 튕겨요", "접속하면 렉이 심해요", "페이지가 깨져요",
               "오류 메시지가 떠요"],
        "pt-br": ["o painel trava toda hora", "a tela fica branca", "o site está fora do ar",
                  "os relatórios não abrem", "dá pau no site", "aparece erro 500",
                  "o sistema está lento demais", "aparece um erro"],
    },
    "pub_payments": {
        "en": ["I still haven't received my money for March", "where is my monthly check",
               "my balance has not been transferred", "the wire never arrived",
               "my withdrawal is pending for weeks", "my revenue for last month is missing",
               "I was not paid for last month", "the payment threshold was reached but nothing "
               "came"],
        "fr": ["je n'ai toujours pas reçu mon argent", "le virement n'est jamais arrivé",
               "mes gains du mois dernier manquent", "mon solde n'a pas été reversé",
               "où en est mon chèque", "je n'ai pas été payé", "le paiement du mois est en retard"],
        "ko": ["돈이 아직 안 들어왔어요", "송금이 안 됐어요", "이번 달 수익금이 안 들어왔어요",
               "출금 신청이 계속 대기 중이에요", "정산금이 누락됐어요", "입금이 안 됐어요"],
        "pt-br": ["ainda não recebi meu dinheiro", "a transferência não chegou",
                  "meu saldo não foi transferido", "cadê meu pagamento do mês",
                  "meus ganhos sumiram", "o saque está pendente", "o pix não caiu"],
    },
    "pub_account": {
        "en": ["I forgot my username", "the verification code never comes",
               "the reset link does not work", "I can't sign in", "my credentials are refused",
               "two-factor authentication keeps failing", "I want to change my login email",
               "my password is not accepted"],
        "fr": ["j'ai oublié mon identifiant", "le code de vérification n'arrive pas",
               "le lien de réinitialisation ne marche pas", "impossible de me connecter",
               "mes identifiants sont refusés", "je veux changer mon adresse e-mail",
               "mot de passe refusé"],
        "ko": ["아이디를 잊어버렸어요", "인증번호가 안 와요", "재설정 링크가 안 돼요",
               "비번을 바꾸고 싶어요", "이메일 주소를 바꾸고 싶어요", "로그인이 안 돼요"],
        "pt-br": ["esqueci meu usuário", "o código de verificação não chega",
                  "o link de redefinição não funciona", "não consigo acessar",
                  "minhas credenciais são recusadas", "quero trocar meu e-mail",
                  "senha não aceita"],
    },
    "pub_advertisers": {
        "en": ["the affiliate banner does not show", "a brand rejected my application",
               "the coupon code is not tracked", "conversions are not credited",
               "the creative is missing from my site", "the campaign ended without notice",
               "my clicks are not counted"],
        "fr": ["la bannière d'affiliation ne s'affiche pas", "une marque a refusé ma candidature",
               "le code promo n'est pas suivi", "les conversions ne sont pas attribuées",
               "la campagne s'est arrêtée", "mes clics ne sont pas comptés"],
        "ko": ["배너가 안 보여요", "브랜드가 제휴 신청을 거절했어요", "쿠폰 코드가 집계 안 돼요",
               "전환이 집계되지 않아요", "캠페인이 갑자기 끝났어요", "클릭이 안 잡혀요"],
        "pt-br": ["o banner de afiliado não aparece", "uma marca recusou minha inscrição",
                  "o cupom não é rastreado", "as conversões não são creditadas",
                  "a campanha acabou sem aviso", "meus cliques não contam"],
    },
    "pub_rewards": {
        "en": ["my shopping rebate never posted", "where are my member points from my order",
               "the bonus for my purchase is missing", "my cash back did not show"],
        "fr": ["mon remboursement sur achat n'apparaît pas", "mes points fidélité manquent",
               "le bonus de ma commande n'est pas crédité", "remise en argent absente"],
        "ko": ["구매 적립금이 안 들어왔어요", "포인트 적립이 안 됐어요", "캐시백이 안 들어왔어요"],
        "pt-br": ["meu reembolso da compra não apareceu", "meus pontos de fidelidade sumiram",
                  "o bônus da compra não caiu", "cashback não apareceu"],
    },
    "pub_other": {
        "en": ["I have a general question", "can I talk to someone", "just some feedback"],
        "fr": ["j'ai une question générale", "je voudrais parler à quelqu'un"],
        "ko": ["일반 문의입니다", "상담원과 통화하고 싶어요"],
        "pt-br": ["tenho uma dúvida geral", "queria falar com alguém"],
    },
}

#: Histories by workspace name (the seed workspaces'): ``POST /_sandbox/history``'s ``profile``.
PROFILES: dict[str, Profile] = {
    "ad-network": Profile(
        field_key="problem_type",
        weights={"pub_technical": 0.25, "pub_payments": 0.25, "pub_account": 0.2,
                 "pub_advertisers": 0.15, "pub_rewards": 0.07, "pub_other": 0.08},
        bank=_AD_NETWORK,
        tags={"pub_rewards": ("consumer_rewards",)},
        shown={"pub_technical": "Technical problem", "pub_payments": "Payments and commissions",
               "pub_account": "Account and profile", "pub_advertisers": "Advertisers and links",
               "pub_rewards": "Cash back", "pub_other": "Other question"},
    ),
}


def _pick(rng: random.Random, weights: Sequence[tuple[str, float]]) -> str:
    return rng.choices([k for k, _ in weights], [w for _, w in weights])[0]


def generate(profile: Profile, count: int, seed: int, now: float,
             days: float = 365.0) -> list[GeneratedTicket]:
    """``count`` solved tickets created over the ``days`` before ``now``, oldest first."""
    rng = random.Random(seed)
    options = list(profile.weights.items())
    starts = sorted(now - rng.uniform(0.05, days) * 86400 for _ in range(count))
    out: list[GeneratedTicket] = []
    for created in starts:
        locale = _pick(rng, LOCALES)
        value = _pick(rng, options)
        phrase = rng.choice(profile.bank[value][locale])
        subject_locale = "en" if rng.random() < MIXED_LANGUAGE else locale
        if rng.random() < 0.5:
            subject = rng.choice(profile.bank[value][subject_locale]).capitalize()[:60]
        else:
            subject = rng.choice(_SUBJECT[subject_locale])
        parts = [rng.choice(_GREETING[locale]), phrase[0].upper() + phrase[1:] + ".",
                 *rng.sample(_FILLER[locale], 2)]
        description = "" if rng.random() < EMPTY_DESCRIPTION else " ".join(p for p in parts if p)
        agent = value if rng.random() >= WRONG_VALUE else _pick(rng, options)
        updated = min(now - 60, created + rng.uniform(1, 72) * 3600)
        out.append(GeneratedTicket(subject, description, locale, {profile.field_key: agent},
                                   profile.tags.get(agent, ()), created, max(created, updated)))
    return out


@dataclass(frozen=True)
class Request:
    """``POST /_sandbox/history``'s body: ``{"profile", "count", "seed"?, "days"?}``."""

    profile: Profile
    count: int
    seed: int
    days: float


#: Most tickets one call generates (a history the bench needs, not a load test).
MAX_COUNT = 50_000


def parse_request(body: Mapping[str, object]) -> Request | str:
    """The request, or what is wrong with it (one line)."""
    name = body.get("profile")
    if name not in PROFILES:
        return f"profile must be one of {', '.join(sorted(PROFILES))}"
    count, seed, days = body.get("count", 1000), body.get("seed", 1), body.get("days", 365)
    if not isinstance(count, int) or not 1 <= count <= MAX_COUNT:
        return f"count must be an integer from 1 to {MAX_COUNT}"
    if not isinstance(seed, int) or not isinstance(days, int | float) or not 1 <= days <= 3650:
        return "seed must be an integer and days a number from 1 to 3650"
    return Request(PROFILES[str(name)], count, seed, float(days))


def option_values(profile: Profile) -> set[str]:
    return set(profile.weights)
