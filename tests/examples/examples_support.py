"""Shared helpers for the example-workspace tests: paths, a context built the way the
worker builds it (rules.json and templates/ read from the workspace), and tickets."""

from __future__ import annotations

import dataclasses
import html as _html
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from integrations.model import Ticket, TicketComment
from integrations.triage import TriageContext, Update
from integrations.workspace import load

EXAMPLES = Path(__file__).resolve().parents[2] / "schemas" / "examples"
NAMES = ("game-publisher", "streaming-platform", "ad-network")

T0 = datetime(2024, 5, 6, 9, 0, tzinfo=UTC)
BOT = 900  # the helpdesk user deskops posts as
REQUESTER = 500


def rule_groups(root: Path) -> list[str]:
    """Every group name rules.json routes to (the helpdesk must have them)."""
    data = json.loads((root / "rules.json").read_text(encoding="utf-8"))
    return sorted({r["then"]["group"] for r in data.get("rules", []) if "group" in r["then"]})


def context(name: str) -> TriageContext:
    """The example's context with made-up remote ids, as the provisioning lock would give."""
    root = EXAMPLES / name
    ws = load(root)
    return TriageContext.build(
        ws,
        field_ids={1000 + i: key for i, key in enumerate(sorted(ws.fields))},
        form_ids={2000 + i: key for i, key in enumerate(sorted(ws.forms))},
        group_ids={g: 7000 + i for i, g in enumerate(rule_groups(root))},
        self_author_ids=[BOT],
    )


class Ids:
    """Remote ids by workspace key, for writing tickets."""

    def __init__(self, ctx: TriageContext) -> None:
        self.ctx = ctx
        self.field = {k: i for i, k in ctx.field_ids.items()}
        self.form = {k: i for i, k in ctx.form_ids.items()}
        self.group = {n: i for i, n in enumerate(rule_groups(ctx.workspace.root), 7000)}

    def fields(self, **values: Any) -> dict[int, Any]:
        return {self.field[k]: v for k, v in values.items()}


def ticket(**kw: Any) -> Ticket:
    """A new ticket whose first comment is its description, written by the requester."""
    base: dict[str, Any] = dict(id=42, subject="", description="", status="new", updated_at=T0,
                                requester_id=REQUESTER, channel="web")
    base.update(kw)
    base["comments"] = (TicketComment(id=1, author_id=REQUESTER, public=True,
                                      body=base["description"], created_at=T0,
                                      from_requester=True),)
    return Ticket(**base)


def apply(t: Ticket, update: Update, at: datetime) -> Ticket:
    """What the helpdesk does with an update (for multi-step scenarios)."""
    comments = t.comments
    if update.comment is not None:
        comments = (*comments, TicketComment(id=len(comments) + 1, author_id=BOT,
                                             public=update.comment.public,
                                             body=update.comment.html, created_at=at,
                                             from_agent=True))
    return dataclasses.replace(
        t, tags=tuple(update.merged_tags(t.tags)), fields={**t.fields, **update.fields},
        comments=comments, updated_at=at, status=update.status or t.status,
        group_id=update.group_id if update.group_id is not None else t.group_id,
        priority=update.priority or t.priority, type=update.type or t.type)


def reply(t: Ticket, body: str, at: datetime, attachments: tuple[str, ...] = ()) -> Ticket:
    """The requester answers: a public comment, and the helpdesk reopens the ticket."""
    c = TicketComment(id=len(t.comments) + 1, author_id=REQUESTER, public=True, body=body,
                      created_at=at, from_requester=True, attachments=attachments)
    return dataclasses.replace(t, comments=(*t.comments, c), status="open", updated_at=at)


def hours(n: float) -> timedelta:
    return timedelta(hours=n)


def html(update: Update) -> str:
    """The comment as the requester reads it (entities decoded), or "" without one."""
    return _html.unescape(update.comment.html) if update.comment is not None else ""
