"""A seeded generator of solved tickets: a helpdesk's history, for ``deskops suggest``.

`generate` writes neutral tickets (subject, description, locale, the value an agent set
for each dropdown, tags, created/updated times); each vendor's ``history`` area stores
them in its own record shape behind ``POST /_sandbox/history``.

The text comes from this module's own phrase banks, written the way customers write
(synonyms, slang, typos), not from the seed workspaces' ``x-deskops.keywords``: a history
that only repeats the workspace's words would make ``deskops suggest`` look useful while
measuring nothing (`history_banks`). A profile has facets: each dropdown the workspace's
agents set (ad-network: ``problem_type``; game-publisher: ``product`` and ``issue_type``;
streaming-platform: ``occupation``) and topics no dropdown holds but a keyword rule tags
(ad-network's cash back, streaming-platform's billing); a ticket says one phrase of each.

Noise, all seeded: a few wrong agent values (`WRONG_VALUE`), an English subject over a
description in another language (`MIXED_LANGUAGE`), and empty descriptions
(`EMPTY_DESCRIPTION`), so the learner must cope with what real histories hold.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from integrations.sandbox.core.errors import BadRequest
from integrations.sandbox.core.history_banks import (
    AD_NETWORK,
    GAME_ISSUE,
    GAME_PRODUCT,
    STREAMING_OCCUPATION,
    STREAMING_TOPIC,
    Bank,
)

__all__ = ["PROFILES", "Facet", "GeneratedTicket", "Profile", "Request", "agent_reply",
           "generate", "parse_request"]

WRONG_VALUE = 0.03
MIXED_LANGUAGE = 0.08
EMPTY_DESCRIPTION = 0.04
#: Share of tickets whose requester answered the agent's first reply before it was solved.
REPLIED = 0.6
LOCALES: tuple[tuple[str, float], ...] = (("en", 0.4), ("fr", 0.2), ("ko", 0.2), ("pt-br", 0.2))


@dataclass(frozen=True)
class Facet:
    """One thing a ticket is about, and how often each answer is: a dropdown's options
    (``field_key``: agents set the value, with `WRONG_VALUE` noise), or a topic no dropdown
    holds (``field_key`` None) whose answers only show in the tags agents add
    (``tags``: value -> tags; a rule with keyword conditions is learned from them)."""

    field_key: str | None
    weights: Mapping[str, float]
    bank: Bank
    tags: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: option key -> the text a helpdesk whose choice value is the title shows (Freshdesk);
    #: the sandbox's own copy of the seed workspace's titles
    shown: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Profile:
    """One workspace's history: its facets (each ticket says one phrase of each) and how
    often each locale writes (a locale the workspace lacks is noise it must live with)."""

    facets: tuple[Facet, ...]
    locales: tuple[tuple[str, float], ...] = LOCALES

    def dropdowns(self) -> dict[str, Facet]:
        """Field key -> the facet whose option values its tickets carry."""
        return {f.field_key: f for f in self.facets if f.field_key is not None}


@dataclass(frozen=True)
class GeneratedTicket:
    subject: str
    description: str
    locale: str
    values: Mapping[str, str]
    tags: tuple[str, ...]
    created: float
    updated: float
    #: The requester's first reply ("" when none) and when the agent answered / it came.
    reply: str = ""
    answered: float = 0.0
    replied: float = 0.0


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
_AGENT = {
    "en": "Thanks for reaching out. Could you tell us a bit more about what happens?",
    "fr": "Merci de nous avoir contactés. Pouvez-vous nous en dire un peu plus ?",
    "ko": "문의해 주셔서 감사합니다. 조금 더 자세히 알려주시겠어요?",
    "pt-br": "Obrigado pelo contato. Pode nos contar um pouco mais?",
}
_FOLLOW_UP = {  # how a requester's first reply opens, before saying the problem again
    "en": ["Sure.", "Yes, still the same.", "Thanks for the quick answer.", "As I said,"],
    "fr": ["Oui.", "Toujours pareil.", "Merci pour la réponse rapide.", "Comme je disais,"],
    "ko": ["네.", "여전히 똑같아요.", "빠른 답변 감사해요.", "말씀드린 것처럼"],
    "pt-br": ["Claro.", "Continua igual.", "Obrigado pela resposta.", "Como eu disse,"],
}
_SUBJECT = {
    "en": ["Help please", "Question", "Need assistance", "Urgent", "Issue"],
    "fr": ["Besoin d'aide", "Question", "Urgent", "Demande"],
    "ko": ["문의", "도와주세요", "긴급 문의", "질문"],
    "pt-br": ["Ajuda", "Dúvida", "Urgente", "Socorro"],
}

#: Workspaces without pt-br in their locales still get a few pt-br tickets, as real ones do.
_EN_FR_KO = (("en", 0.45), ("fr", 0.25), ("ko", 0.25), ("pt-br", 0.05))

#: Histories by workspace name (the seed workspaces'): ``POST /_sandbox/history``'s ``profile``.
PROFILES: dict[str, Profile] = {
    "ad-network": Profile((Facet(
        "problem_type",
        {"pub_technical": 0.22, "pub_payments": 0.23, "pub_account": 0.2,
         "pub_advertisers": 0.15, "pub_rewards": 0.12, "pub_other": 0.08},
        AD_NETWORK, {"pub_rewards": ("consumer_rewards",)},
        {"pub_technical": "Technical problem", "pub_payments": "Payments and commissions",
         "pub_account": "Account and profile", "pub_advertisers": "Advertisers and links",
         "pub_rewards": "Cash back", "pub_other": "Other question"}),)),
    "game-publisher": Profile((
        Facet("product", {"game_trove": 0.3, "game_rift": 0.25, "game_archeage": 0.3,
                          "game_defiance_2050": 0.15}, GAME_PRODUCT,
              shown={"game_trove": "Trove", "game_rift": "RIFT", "game_archeage": "ArcheAge",
                     "game_defiance_2050": "Defiance 2050"}),
        Facet("issue_type", {"tech_login": 0.3, "tech_patching": 0.2, "tech_crash": 0.3,
                             "tech_performance": 0.2}, GAME_ISSUE,
              shown={"tech_login": "Log-in or launcher", "tech_patching": "Patching or update",
                     "tech_crash": "Crash", "tech_performance": "Performance"}),
    ), _EN_FR_KO),
    "streaming-platform": Profile((
        Facet("occupation", {"occ_user": 0.6, "occ_model": 0.3, "occ_studio": 0.1},
              STREAMING_OCCUPATION, shown={"occ_user": "Regular user",
                                           "occ_model": "Independent model",
                                           "occ_studio": "Studio"}),
        Facet(None, {"billing": 0.25, "other": 0.75}, STREAMING_TOPIC,
              {"billing": ("billing",)}),
    ), _EN_FR_KO),
}


def agent_reply(locale: str) -> str:
    """The agent's first answer (what the requester's first reply follows)."""
    return _AGENT[locale]


def _pick(rng: random.Random, weights: Sequence[tuple[str, float]]) -> str:
    return rng.choices([k for k, _ in weights], [w for _, w in weights])[0]


def _sentence(phrase: str) -> str:
    return phrase[0].upper() + phrase[1:] + "."


def generate(profile: Profile, count: int, seed: int, now: float,
             days: float = 365.0) -> list[GeneratedTicket]:
    """``count`` solved tickets created over the ``days`` before ``now``, oldest first."""
    rng = random.Random(seed)
    starts = sorted(now - rng.uniform(0.05, days) * 86400 for _ in range(count))
    out: list[GeneratedTicket] = []
    for created in starts:
        locale = _pick(rng, profile.locales)
        subject_locale = "en" if rng.random() < MIXED_LANGUAGE else locale
        chosen = [(f, _pick(rng, list(f.weights.items()))) for f in profile.facets]
        phrases = [rng.choice(f.bank[v][locale]) for f, v in chosen]
        rng.shuffle(phrases)
        if rng.random() < 0.5:
            f, v = rng.choice(chosen)
            subject = rng.choice(f.bank[v][subject_locale]).capitalize()[:60]
        else:
            subject = rng.choice(_SUBJECT[subject_locale])
        parts = [rng.choice(_GREETING[locale]), *map(_sentence, phrases),
                 *rng.sample(_FILLER[locale], 2)]
        description = "" if rng.random() < EMPTY_DESCRIPTION else " ".join(p for p in parts if p)
        values: dict[str, str] = {}
        tags: list[str] = []
        for f, v in chosen:
            agent = v if rng.random() >= WRONG_VALUE else _pick(rng, list(f.weights.items()))
            if f.field_key is not None:
                values[f.field_key] = agent
            tags.extend(f.tags.get(agent, ()))
        updated = max(created, min(now - 60, created + rng.uniform(1, 72) * 3600))
        reply, answered, replied = "", 0.0, 0.0
        if rng.random() < REPLIED:
            f, v = rng.choice(chosen)
            reply = f"{rng.choice(_FOLLOW_UP[locale])} {_sentence(rng.choice(f.bank[v][locale]))}"
            answered = created + (updated - created) / 3
            replied = created + 2 * (updated - created) / 3
        out.append(GeneratedTicket(subject, description, locale, values, tuple(tags),
                                   created, updated, reply, answered, replied))
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


def parse_request(body: object) -> Request:
    """The request from a JSON body; `BadRequest` (one line) when it is not one."""
    if not isinstance(body, Mapping):
        body = {}
    name = body.get("profile")
    if name not in PROFILES:
        raise BadRequest(f"profile must be one of {', '.join(sorted(PROFILES))}")
    count, seed, days = body.get("count", 1000), body.get("seed", 1), body.get("days", 365)
    if not isinstance(count, int) or not 1 <= count <= MAX_COUNT:
        raise BadRequest(f"count must be an integer from 1 to {MAX_COUNT}")
    if not isinstance(seed, int) or not isinstance(days, int | float) or not 1 <= days <= 3650:
        raise BadRequest("seed must be an integer and days a number from 1 to 3650")
    return Request(PROFILES[str(name)], count, seed, float(days))
