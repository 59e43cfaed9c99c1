"""Korean players shorten Windows to "윈" or "윈도" ("윈10 쓰고 있어요", "윈도11", "윈 11"):
the operating system is stated, in both example workspaces (issue 10, fresh19). Through
`decide`, on the workspaces' declared ``operating_system`` patterns."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from triage_support import REQUESTER, example_context, ticket

from integrations.model import Ticket, TicketComment
from integrations.triage import TriageContext, decide

CREATED = datetime(2026, 12, 2, 14, 40, tzinfo=UTC)


def _on(ctx: TriageContext, body: str, form: str, **fields: Any) -> Ticket:
    field_ids = {k: rid for rid, k in ctx.field_ids.items()}
    form_ids = {k: rid for rid, k in ctx.form_ids.items()}
    comment = TicketComment(id=1, author_id=REQUESTER, public=True, body=body,
                            created_at=CREATED, from_requester=True)
    return ticket(subject="도와주세요", description=body, form_id=form_ids[form],
                  comments=(comment,), fields={field_ids[k]: v for k, v in fields.items()},
                  updated_at=CREATED)


def _system(ctx: TriageContext, body: str, form: str, **fields: Any) -> str | None:
    d = decide(_on(ctx, body, form, **fields), ctx)
    return {e.key: e.value for e in d.extracted}.get("operating_system")


@pytest.mark.parametrize(("body", "expected"), [
    ("던전 들어가면 화면이 멈춰요. 윈10, RTX 3060 쓰고 있어요.", "윈10"),
    ("윈도11 쓰는데 런처가 안 켜져요.", "윈도11"),
    ("윈 11 업데이트 후로 게임이 튕겨요.", "윈 11"),
])
def test_korean_short_windows_in_the_game_workspace(body: str, expected: str) -> None:
    games = example_context("game-publisher")
    found = _system(games, body, "technical-issues", platform="platform_pc",
                    product="game_rift", region="region_eu")
    assert found == expected


def test_korean_short_windows_in_the_publisher_workspace() -> None:
    ads = example_context("ad-network")
    found = _system(ads, "기술 문제예요. 윈10 크롬에서 리포트가 안 열려요. SID 4401287",
                    "publisher-support")
    assert found == "윈10"


@pytest.mark.parametrize("body", [
    # a word that holds the syllable is no system ("트윈", "다윈")
    "트윈 10 세트 아이템이 사라졌어요.",
    "다윈10 길드 채팅이 안 보여요.",
])
def test_the_syllable_inside_a_word_is_no_system(body: str) -> None:
    games = example_context("game-publisher")
    assert _system(games, body, "technical-issues", platform="platform_pc",
                   product="game_rift", region="region_eu") is None
