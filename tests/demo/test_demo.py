"""``make demo`` as a test: the same flow (`scripts/demo.py`'s `run_triage_flow`: a real
sandbox, ``deskops serve`` and ``deskops worker`` as processes, every other command as a
subprocess), run once for the module; each test asserts one outcome from the sandbox's
state and the event store — never from the printed text.

The game publisher's provisioning part of the demo is left out here: it is what
``tests/examples`` and ``tests/plan`` cover, and it would double this file's time.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from integrations.sandbox.server import RunningSandbox, start_sandbox

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "demo.py"
NEEDS = "deskops_needs_info"


def _load_demo() -> Any:
    spec = importlib.util.spec_from_file_location("deskops_demo", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@dataclass
class Flow:
    demo: Any
    sandbox: RunningSandbox
    result: Any

    def raw(self, key: str) -> dict[str, Any]:
        """The ticket as the sandbox stores it (server-side truth)."""
        ticket: dict[str, Any] = self.sandbox.zendesk.store.require(
            "tickets", self.result.tickets[key])
        return ticket

    def group(self, key: str) -> str | None:
        gid = self.raw(key).get("group_id")
        if gid is None:
            return None
        return str(self.sandbox.zendesk.store.require("groups", int(gid))["name"])

    def field(self, key: str, name: str) -> Any:
        values = {int(f["id"]): f.get("value") for f in self.raw(key)["custom_fields"]}
        ids = _field_ids(self.result.workspace)
        return values.get(ids[name])


def _field_ids(workspace: Path) -> dict[str, int]:
    lock = json.loads((workspace / "locks" / "zendesk.json").read_text(encoding="utf-8"))
    return {k: int(v["id"]) for k, v in lock["fields"].items()}


@pytest.fixture(scope="module")
def flow(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flow]:
    demo = _load_demo()
    home = tmp_path_factory.mktemp("demo")
    with start_sandbox() as sandbox:
        result = demo.run_triage_flow(sandbox, home, echo=demo._quiet, section=demo._quiet)
        yield Flow(demo, sandbox, result)


def asked(comment: str) -> list[str]:
    """The labels of the first bullet list of a request (what is missing, not the hints)."""
    items: list[str] = []
    for line in comment.splitlines():
        if line.startswith("• "):
            items.append(line[2:].split(" — ")[0].strip())
        elif items:
            break
    return items


def test_every_event_is_processed_once_and_the_processes_stop_cleanly(flow: Flow) -> None:
    events = [e for e in flow.result.events if e.source != "chase"]  # the receiver's
    # chase stores its actions too, so the report counts them without a sweep (issue 15)
    assert {"remind", "solve"} <= {e.kind for e in flow.result.events if e.source == "chase"}
    assert [e.kind for e in events] == ["ticket_created"] * 6 + ["ticket_updated"]
    assert all(e.status == "done" and e.attempts == 1 for e in events)
    assert sorted(e.ticket_id for e in events if e.kind == "ticket_created") == sorted(
        flow.result.tickets.values())
    codes = flow.result.exit_codes
    assert codes["worker"] == 0  # SIGTERM handled: finishes its event, exits 0
    assert codes["serve"] in (0, -15)  # uvicorn: graceful shutdown, then re-raises SIGTERM
    # deskops's own updates fired no webhook: one delivery per creation, one for the reply
    deliveries = flow.sandbox.zendesk.store.all("webhook_deliveries")
    assert sorted(int(d["status"]) for d in deliveries) == [202] * 7


def test_complete_tickets_are_routed_without_a_comment(flow: Flow) -> None:
    first = flow.result.first
    assert flow.result.decisions["complete"] == ["route"]
    assert flow.group("complete") == "Publisher Support"
    assert {"deskops_triaged", "lang_en"} <= set(first["complete"].tags)
    assert NEEDS not in first["complete"].tags and first["complete"].comments == []
    assert flow.raw("complete")["status"] == "new"

    # Portuguese, from a Brazilian address: the Brazil queue, its SID taken from the text
    assert flow.result.decisions["brazil"] == ["route"]
    assert flow.group("brazil") == "Brazil Publisher Support"
    assert {"deskops_triaged", "lang_pt_br", "pub_brazil"} <= set(flow.raw("brazil")["tags"])
    assert flow.field("brazil", "sid") == "4567890"
    assert first["brazil"].comments == []


def test_each_incomplete_ticket_gets_exactly_one_request_in_its_language(flow: Flow) -> None:
    first = flow.result.first
    expected = {
        "sid-in-text": ("lang_fr", ["Système d'exploitation",
                                    "Actions effectuées avant le problème"]),
        "missing": ("lang_ko", ["사이트 ID (SID)", "브라우저", "운영 체제",
                                "문제 발생 전에 수행한 작업"]),
        # advertiser links (three words of that option) leading to an error page (one):
        # the clearly stronger evidence is written, only the SID is asked (issue 10)
        "missing-en": ("lang_en", ["Site ID (SID)"]),
    }
    for key, (lang, items) in expected.items():
        view = first[key]
        assert flow.result.decisions[key][0] == "ask", key
        assert view.status == "pending" and NEEDS in view.tags and lang in view.tags, key
        assert len(view.comments) == 1, key  # exactly one request
        assert asked(view.comments[0]) == items, key
    assert "il nous manque" in first["sid-in-text"].comments[0]
    assert "Site ID" not in first["missing"].comments[0]  # Korean only, no English label


def test_sid_in_free_text_fills_the_field_and_is_not_asked(flow: Flow) -> None:
    view = flow.result.first["sid-in-text"]
    assert view.fields["sid"] == "3456789"
    assert flow.field("sid-in-text", "sid") == "3456789"  # written to the helpdesk
    assert not any("SID" in item for item in asked(view.comments[0]))


def test_a_reply_that_completes_reopens_and_routes(flow: Flow) -> None:
    assert flow.result.decisions["sid-in-text"] == ["ask", "complete"]
    raw = flow.raw("sid-in-text")
    assert raw["status"] == "open" and flow.group("sid-in-text") == "Publisher Support"
    assert NEEDS not in raw["tags"] and "deskops_triaged" in raw["tags"]
    assert not any(t.startswith("deskops_ask_") for t in raw["tags"])
    assert flow.field("sid-in-text", "operating_system") == "Windows 10"
    assert flow.field("sid-in-text", "steps_taken").startswith("je me connecte")
    assert len(flow.result.views["sid-in-text"].comments) == 1  # only the request


def test_a_cash_back_question_is_answered_with_the_pointer_and_solved(flow: Flow) -> None:
    view = flow.result.views["cash-back"]
    assert flow.result.decisions["cash-back"] == ["answer"]
    assert flow.raw("cash-back")["status"] == "solved"
    assert {"consumer_rewards", "deskops_answered"} <= set(view.tags)
    [comment] = view.comments
    assert "https://www.rakuten.com/help" in comment and asked(comment) == []


def test_chase_reminds_then_solves_each_once_and_repeated_runs_send_nothing(
        flow: Flow) -> None:
    runs = [[(r["ticket_id"], r["decision"], r["written"]) for r in batch]
            for batch in flow.result.chase_runs]
    waiting = sorted(flow.result.tickets[k] for k in ("missing", "missing-en"))

    def stage(decision: str, written: bool) -> list[tuple[int, str, bool]]:
        return [(t, decision, written) for t in waiting]

    assert [sorted(batch) for batch in runs] == [
        stage("remind", True),    # 25 h: reminder 1
        stage("wait", False),     # the same run again: nothing new
        stage("remind", True),    # 73 h: reminder 2
        stage("solve", True),     # 121 h: the closing message
        [],                       # solved: no longer waiting
    ]
    for key in ("missing", "missing-en"):
        raw = flow.raw(key)
        assert raw["status"] == "solved"
        assert {"deskops_reminder_1", "deskops_reminder_2",
                "deskops_auto_solved"} <= set(raw["tags"])
        comments = flow.result.views[key].comments
        assert len(comments) == 4  # request, reminder 1, reminder 2, closing: each once
        assert asked(comments[1]) == asked(comments[0])  # the reminder repeats the items
        assert flow.result.decisions[key] == ["ask", "remind", "remind", "solve"]
    # tickets that were not waiting were never touched by chase
    for key in ("complete", "brazil", "cash-back", "sid-in-text"):
        assert flow.result.views[key].comments == flow.result.first[key].comments, key


def test_a_failed_step_stops_with_one_line(flow: Flow, tmp_path: Path) -> None:
    with pytest.raises(flow.demo.DemoError) as failure:
        flow.demo.run(["-w", str(tmp_path / "nowhere"), "validate"], {}, cwd=tmp_path,
                      echo=flow.demo._quiet)
    message = str(failure.value)
    assert "\n" not in message and re.search(r"validate` exited 1, expected 0: .*nowhere",
                                            message), message
