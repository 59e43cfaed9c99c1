"""The live acceptance suite's dry part (prefixes, the workspace copy, the cleanup
planner, the runner without credentials) and its scenario run against the sandbox."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from integrations.workspace import load

from .planner import PREFIX_RE, Ledger, cleanup_plan, materialize, new_prefix, tag_of

AT = datetime(2026, 12, 4, 19, 0, 5, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[2]


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


def test_the_workspace_is_materialized_with_the_prefix_everywhere(tmp_path: Path) -> None:
    prefix = new_prefix(AT, "abcdef")
    ws = materialize(Path(__file__).parent / "workspace", tmp_path / "ws", prefix)
    assert "{{" not in "".join(p.read_text(encoding="utf-8") for p in ws.rglob("*")
                               if p.is_file())
    loaded = load(ws)
    titles = [f.title for f in loaded.fields.values()] + [f.title for f in
                                                          loaded.forms.values()]
    assert titles and all(t.startswith(prefix + " ") for t in titles)
    platform = json.loads((ws / "fields" / "platform.json").read_text(encoding="utf-8"))
    assert [o["const"] for o in platform["oneOf"]] == [f"{tag_of(prefix)}_pc",
                                                       f"{tag_of(prefix)}_console"]
    assert tag_of(prefix) == "deskops_acc_20261204t190005_abcdef"


def _runner(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "acceptance.py"), *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
                          check=False)


def test_without_credentials_one_skip_line_and_exit_0() -> None:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("ZENDESK_", "FRESHDESK_", "DESKOPS_"))}
    run = _runner(env=env)
    assert run.returncode == 0, run.stderr
    assert run.stdout.count("\n") == 1 and run.stdout.startswith("acceptance: skipped: no live")


def test_the_scenario_passes_on_the_sandbox_and_cleans_up() -> None:
    """The live scenario, end to end against a local sandbox on both targets: provision,
    empty plan, KB sync, webhook install, a ticket triaged, chase, then every object the
    run created deleted (each deletion answered 2xx)."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("ZENDESK_", "FRESHDESK_", "DESKOPS_"))}
    run = _runner("--sandbox", env=env)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    deletes = [line for line in run.stdout.splitlines() if "acceptance: delete " in line]
    kinds = {line.split()[2] for line in deletes}
    assert {"ticket_field", "ticket_form", "ticket", "webhook", "trigger", "category",
            "automation_rule", "contact", "solution_category"} <= kinds, run.stdout
    assert all(line.rsplit(" ", 1)[1] in ("200", "204") for line in deletes), deletes
