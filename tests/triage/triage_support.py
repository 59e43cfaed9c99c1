"""Small workspaces modelled on the seeds, built directly from `integrations.model`."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from integrations.model import (
    Condition,
    ConditionChild,
    Field,
    Form,
    Option,
    Ticket,
    TicketComment,
    Workspace,
)
from integrations.triage import RuleSet, TriageContext, Update, load_rules, parse_rules
from integrations.triage.reading import compile_reading, read
from integrations.workspace import load

T0 = datetime(2024, 5, 6, 9, 0, tzinfo=UTC)
BOT = 900  # the helpdesk user deskops posts as
AGENT = 901
REQUESTER = 500
EXAMPLES = Path(__file__).resolve().parents[2] / "schemas" / "examples"

# remote ids (what the provisioning lock would say)
FIELD_IDS = {101: "sid", 102: "problem_type", 103: "browser", 104: "os", 105: "error_message",
             201: "product", 202: "platform", 203: "character_name",
             301: "username", 302: "occupation"}
FORM_IDS = {11: "publisher_support", 12: "technical_issues", 13: "account_deletion",
            14: "streaming_request"}
GROUP_IDS = {"Publisher Support": 7001, "Brazil": 7002, "Game Tech": 7003, "Billing": 7004}


def _opts(*pairs: tuple[str, str]) -> tuple[Option, ...]:
    return tuple(Option(value=v, title=t) for v, t in pairs)


FIELDS = {
    "sid": Field(
        key="sid", kind="regexp", title="Site ID (SID)", pattern="^[0-9]{5,10}$",
        titles={"en": "Site ID (SID)", "fr": "ID du site (SID)", "ko": "사이트 ID (SID)",
                "pt-br": "ID do site (SID)"},
        description="The number at the top right of your dashboard",
        descriptions={"fr": "Le numéro en haut à droite de votre tableau de bord",
                      "ko": "대시보드 오른쪽 상단의 번호"},
        extract=(r"(?i)\bSID\b\D{0,12}?([0-9]{5,10})\b",),
    ),
    "problem_type": Field(
        key="problem_type", kind="dropdown", title="Problem type",
        titles={"fr": "Type de problème", "ko": "문제 유형"},
        options=_opts(("pub_technical", "Technical"), ("pub_payment", "Payment"),
                      ("pub_rewards", "Rewards / cash back")),
    ),
    "browser": Field(
        key="browser", kind="dropdown", title="Browser",
        titles={"fr": "Navigateur", "ko": "브라우저"},
        options=_opts(("browser_chrome", "Chrome"), ("browser_safari", "Safari"),
                      ("browser_firefox", "Firefox")),
        extract=(r"(?i)\b(chrome|safari|firefox)\b",),
    ),
    "os": Field(key="os", kind="text", title="Operating system",
                titles={"fr": "Système d'exploitation", "ko": "운영 체제"}),
    "error_message": Field(key="error_message", kind="textarea", title="Error message",
                           titles={"fr": "Message d'erreur", "ko": "오류 메시지"}),
    "product": Field(
        key="product", kind="dropdown", title="Product (the game)",
        titles={"fr": "Produit (le jeu)", "ko": "제품 (게임)"},
        options=_opts(("game_aura", "Aura Kingdom"), ("game_eden", "Eden Eternal")),
    ),
    "platform": Field(key="platform", kind="text", title="Platform / Region / Server",
                      titles={"fr": "Plateforme / Région / Serveur", "ko": "플랫폼 / 지역 / 서버"}),
    "character_name": Field(key="character_name", kind="text", title="Character name",
                            titles={"fr": "Nom du personnage", "ko": "캐릭터 이름"}),
    "username": Field(key="username", kind="text", title="Username",
                      titles={"fr": "Nom d'utilisateur", "ko": "사용자 이름"}),
    "occupation": Field(
        key="occupation", kind="dropdown", title="Occupation",
        titles={"fr": "Occupation", "ko": "직업"},
        options=_opts(("occ_user", "User"), ("occ_model", "Model"), ("occ_studio", "Studio")),
    ),
}

FORMS = {
    "publisher_support": Form(
        key="publisher_support", title="Publisher support",
        fields=("subject", "description", "sid", "problem_type", "browser", "os",
                "error_message"),
        required=("subject", "description", "sid", "problem_type"),
        conditions=(Condition(parent="problem_type", value="pub_technical", children=(
            ConditionChild("browser", True), ConditionChild("os", True),
            ConditionChild("error_message", True))),),
    ),
    "technical_issues": Form(
        key="technical_issues", title="Technical Issues",
        fields=("subject", "description", "product", "platform", "character_name"),
        required=("subject", "description", "product", "platform", "character_name"),
        attachments=({"name": "dxdiag", "pattern": r"(?i)dxdiag.*\.txt$",
                      "title": {"en": "DXDIAG report", "fr": "Rapport DXDIAG",
                                "ko": "DXDIAG 보고서"}},),
    ),
    "account_deletion": Form(
        key="account_deletion", title="Account Deletion",
        fields=("subject", "description", "product", "character_name"),
        required=("subject", "description", "product", "character_name"),
        schema={"x-deskops": {"auto_solve": False}},
    ),
    "streaming_request": Form(
        key="streaming_request", title="Submit a request", default=True,
        fields=("subject", "description", "username", "occupation"),
        required=("subject", "description", "occupation"),
    ),
}

RULES: dict[str, Any] = {
    "settings": {"chase": {"reminders_after_hours": [24, 72], "solve_after_hours": 120},
                 "default_form": "streaming_request"},
    "rules": [
        {"name": "brazilian publishers", "when": {"recipient": "brpubsupport@rakuten.com"},
         "then": {"group": "Brazil", "tags": ["pub_brazil"]}, "stop": True},
        {"name": "billing questions",
         "when": {"keywords": {"fr": ["abonnement", "facturation"], "en": ["subscription"],
                               "ko": ["결제", "구독"]}},
         "then": {"group": "Billing", "tags": ["billing"]}},
        {"name": "publishers", "when": {"form": "publisher_support"},
         "then": {"group": "Publisher Support"}},
        {"name": "game tech", "when": {"form": "technical_issues"},
         "then": {"group": "Game Tech", "priority": "high"}},
    ],
}


def workspace(root: Path = Path("/nonexistent-workspace")) -> Workspace:
    return Workspace(root=root, default_locale="en", locales=("en", "fr", "ko", "pt-br"),
                     fields=FIELDS, forms=FORMS)


def context(rules: dict[str, Any] | None = None, **kw: Any) -> TriageContext:
    ws = workspace()
    ruleset: RuleSet = parse_rules(RULES if rules is None else rules, ws)
    return TriageContext.build(ws, field_ids=FIELD_IDS, form_ids=FORM_IDS, group_ids=GROUP_IDS,
                               self_author_ids=[BOT], rules=ruleset, **kw)


def ticket(**kw: Any) -> Ticket:
    base: dict[str, Any] = dict(id=42, subject="", description="", status="new", updated_at=T0,
                                requester_id=REQUESTER, channel="web")
    base.update(kw)
    if "comments" not in kw:
        base["comments"] = (TicketComment(id=1, author_id=REQUESTER, public=True,
                                          body=base["description"], created_at=T0,
                                          from_requester=True),)
    return Ticket(**base)


def apply(t: Ticket, update: Update, at: datetime, author: int = BOT) -> Ticket:
    """What the helpdesk does with an update (for multi-step scenarios)."""
    tags = tuple(update.merged_tags(t.tags))
    fields = {**t.fields, **update.fields}
    comments = t.comments
    if update.comment is not None:
        comments = (*comments, TicketComment(id=len(comments) + 1, author_id=author,
                                             public=update.comment.public,
                                             body=update.comment.html, created_at=at,
                                             from_agent=True))
    return dataclasses.replace(
        t, tags=tags, fields=fields, comments=comments, updated_at=at,
        status=update.status or t.status,
        group_id=update.group_id if update.group_id is not None else t.group_id,
        priority=update.priority or t.priority, type=update.type or t.type)


def reply(t: Ticket, body: str, at: datetime, *, attachments: tuple[str, ...] = (),
          auto: bool = False) -> Ticket:
    """The requester answers: a public comment, and the helpdesk reopens the ticket."""
    c = TicketComment(id=len(t.comments) + 1, author_id=REQUESTER, public=True, body=body,
                      created_at=at, from_requester=True, auto_submitted=auto,
                      attachments=attachments)
    return dataclasses.replace(t, comments=(*t.comments, c), status="open", updated_at=at)


def hours(n: float) -> timedelta:
    return timedelta(hours=n)


Step = Callable[[Ticket], Ticket]


def example_context(name: str, root: Path | None = None, *, learned: bool = False
                    ) -> TriageContext:
    """The triage context of an example workspace (or a copy of it at ``root``), with ids
    made up the way a provisioning lock would give them. The reading tests pin what the
    reading methods themselves read: the example's learned second opinion
    (``learned.json``) is left out unless ``learned``; its effect is measured on the
    corpus (``scripts/corpus/learned_transfer.py``) and tested in ``test_learned.py``."""
    ws = load(root or EXAMPLES / name)
    if not learned:
        ws = dataclasses.replace(ws, learned=None)
    rules = load_rules(ws.root, ws)
    groups = sorted({r.group for r in rules.rules if r.group})
    return TriageContext.build(
        ws, field_ids={1000 + i: k for i, k in enumerate(sorted(ws.fields))},
        form_ids={2000 + i: k for i, k in enumerate(sorted(ws.forms))},
        group_ids={g: 3000 + i for i, g in enumerate(groups)}, rules=rules,
        self_author_ids=[BOT])


#: When the tickets the reading tests read were opened (dates are read relative to it).
READ_AT = datetime(2026, 12, 2, 14, 40, tzinfo=UTC)


def steps(ctx: TriageContext, texts: list[str], locale: str) -> str | None:
    """The ``steps_taken`` the pure core reads from ``texts`` (comments 1, 2, …), or None."""
    reader = compile_reading({"steps_taken": ctx.workspace.fields["steps_taken"]})
    found = read(reader, "steps_taken", [(f"comment:{i}", t) for i, t in enumerate(texts, 1)],
                 locale, READ_AT, "UTC")
    return found.value if found is not None else None


def assert_sklearns_probabilities(rows: list[list[str]], labels: list[int],
                                  doc: dict[str, Any] | None) -> None:
    """The span or clause reader trained into ``doc`` gives, on every row, the probability
    scikit-learn's ``predict_proba`` gives (weights kept exactly: the worker scores it in
    plain Python)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from integrations.triage.reading.spans import SpanModel

    assert doc is not None
    matrix = DictVectorizer().fit_transform([dict.fromkeys(r, 1) for r in rows])
    theirs = LogisticRegression(C=1.0, max_iter=3000).fit(matrix, labels).predict_proba(
        matrix)[:, 1]
    ours = SpanModel.from_json(doc)
    for row, p in zip(rows, theirs, strict=True):
        assert abs(ours.probability(row) - p) < 1e-9
