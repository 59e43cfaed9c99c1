"""The dry part of the live acceptance suite: prefixes and the cleanup planner."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from .planner import PREFIX_RE, Ledger, cleanup_plan, new_prefix

AT = datetime(2026, 12, 4, 19, 0, 5, tzinfo=UTC)


def test_prefixes_are_unique_sortable_and_recognised() -> None:
    assert new_prefix(AT, "1a2b3c") == "deskops-acc-20261204T190005-1a2b3c"
    assert new_prefix(AT) != new_prefix(AT)
    assert PREFIX_RE.match(new_prefix())
    assert not PREFIX_RE.match("deskops-acc-prod")


def test_cleanup_deletes_dependents_first_each_once() -> None:
    ledger = Ledger("zendesk", new_prefix(AT, "abcdef"))
    ledger.add("ticket_field", 1, ledger.name("Game"))
    ledger.add("ticket_form", 2, ledger.name("Technical issues"))
    ledger.add("webhook", "01H", ledger.name("deskops"))
    ledger.add("trigger", 3, ledger.name("notify"))
    ledger.add("user", 4, ledger.name("requester"))
    ledger.add("ticket", 5, ledger.name("crash"))
    ledger.add("ticket", 6, ledger.name("refund"))
    ledger.add("ticket", 5, ledger.name("crash"))  # recorded twice (a retried create)
    ledger.add("category", 7, ledger.name("Help"))
    ledger.add("section", 8, ledger.name("FAQ"))
    ledger.add("article", 9, ledger.name("Contact"))
    steps = [(s.kind, s.id) for s in cleanup_plan(ledger)]
    assert steps == [("trigger", "3"), ("webhook", "01H"), ("ticket", "5"), ("ticket", "6"),
                     ("user", "4"), ("ticket_form", "2"), ("ticket_field", "1"),
                     ("article", "9"), ("section", "8"), ("category", "7")]


def test_cleanup_refuses_what_the_run_did_not_create() -> None:
    ledger = Ledger("freshdesk", new_prefix(AT, "abcdef"))
    ledger.add("contact", 1, f"{ledger.prefix}@example.com")  # e-mail local part
    ledger.add("ticket", 2, "Customer ticket")
    with pytest.raises(ValueError, match="not created by this run"):
        cleanup_plan(ledger)
    with pytest.raises(ValueError, match="not an acceptance prefix"):
        cleanup_plan(Ledger("zendesk", "prod"))
    with pytest.raises(ValueError, match="unknown kind"):
        ledger.add("trigger", 3, ledger.name("x"))  # Freshdesk has automation rules


def test_empty_run_plans_nothing() -> None:
    assert cleanup_plan(Ledger("freshdesk", new_prefix(AT, "000000"))) == []
