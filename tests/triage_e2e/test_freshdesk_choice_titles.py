"""Freshdesk tickets hold a dropdown's title ("RIFT"), triage works on option keys
("game_rift"): the worker, explain, retriage and chase translate both ways through the
table the workspace and the lock give the ticket adapter; the sandbox, like Freshdesk,
accepts only a dropdown's choice values (its strictness switch tested both ways)."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest

from integrations.cli.triage import build_context
from integrations.errors import Rejected
from integrations.events import NewEvent
from integrations.helpdesk.tickets import connect_tickets
from integrations.triage import Update
from integrations.worker import Worker
from integrations.worker.triage import use_choices

from .conftest import Harness, run_cli

pytestmark = pytest.mark.parametrize("h", ["freshdesk"], indirect=True)

#: nothing in the text names the game: only the dropdown can give it
BODY = "Hello, since the last patch I cannot log in, the launcher rejects my password."


def _missing(h: Harness, tid: int) -> list[str]:
    code, out = run_cli(h, ["explain", str(tid), "--json"])
    assert code == 0, out
    return [m["key"] for m in json.loads(out)["missing"]]


def test_a_ticket_holds_the_title_and_triage_reads_the_key(h: Harness) -> None:
    tid = h.create("Cannot log in", BODY, form="account-issues",
                   fields={"product": "game_rift"})
    assert h.raw(tid)["custom_fields"][h.field_names["product"]] == "RIFT"
    assert h.ticket(tid).fields[h.lock.field_id("product")] == "game_rift"
    assert _missing(h, tid) == ["account_name"]  # the game is known, by its key
    # the control: a desk without the table reads the title and writes the key as it is,
    # which Freshdesk (and the sandbox) refuses
    pid = h.lock.field_id("product")
    with connect_tickets(h.settings, "freshdesk") as plain:
        raw_ticket = plain.get_ticket(tid)
        assert raw_ticket.fields[pid] == "RIFT"
        with pytest.raises(Rejected, match="It should be one of these values"):
            plain.apply_update(raw_ticket, Update(fields={pid: "game_trove"}))
    with connect_tickets(h.settings, "freshdesk") as desk:
        use_choices(build_context(h.app()), desk)
        desk.apply_update(desk.get_ticket(tid), Update(fields={pid: "game_trove"}))
    assert h.raw(tid)["custom_fields"][h.field_names["product"]] == "Trove"
    assert h.ticket(tid).fields[pid] == "game_trove"
    record = h.process(tid)
    assert record.decision == "ask"
    [comment] = h.deskops_comments(tid)
    assert "Glyph account name" in comment and "Game" not in comment


def test_values_triage_writes_are_sent_as_titles(h: Harness) -> None:
    """The worker reads the game and platform in prose and writes them: as titles."""
    tid = h.create("Épée disparue", "Bonjour, je joue sur RIFT sur PC, mon personnage "
                   "s'appelle Brindille et mon épée a disparu hier soir.",
                   locale="fr", form="in-game-issues")
    assert h.process(tid).decision == "route"
    custom = h.raw(tid)["custom_fields"]
    assert custom[h.field_names["product"]] == "RIFT"
    assert custom[h.field_names["platform"]] == "PC"
    fields = h.ticket(tid).fields
    assert fields[h.lock.field_id("product")] == "game_rift"
    assert fields[h.lock.field_id("platform")] == "platform_pc"


def test_retriage_writes_titles_and_reads_keys(h: Harness) -> None:
    tid = h.create("Épée disparue", "Bonjour, je joue sur RIFT sur PC et mon épée a "
                   "disparu hier soir.", locale="fr", form="in-game-issues")
    code, out = run_cli(h, ["retriage", str(tid), "--json"])
    assert code == 0, out
    [line] = [json.loads(x) for x in out.splitlines() if x.startswith("{")]
    assert line["written"] is True
    assert h.raw(tid)["custom_fields"][h.field_names["product"]] == "RIFT"
    # a second run reads the titles back as the keys it wrote: nothing more to change
    code, out = run_cli(h, ["retriage", str(tid), "--json"])
    [again] = [json.loads(x) for x in out.splitlines() if x.startswith("{")]
    assert again["written"] is False, again


def test_chase_reminds_for_what_is_missing_only(h: Harness) -> None:
    tid = h.create("Cannot log in", BODY, form="account-issues",
                   fields={"product": "game_trove"})
    assert h.process(tid).decision == "ask"
    h.emu.clock.advance(25 * 3600.0)
    code, out = h.chase()
    assert code == 0, out
    [reminder] = [json.loads(x) for x in out.splitlines() if x.startswith("{")]
    assert reminder["decision"] == "remind" and reminder["written"] is True
    assert [m["key"] for m in reminder["missing"]] == ["account_name"]
    comments = h.deskops_comments(tid)
    assert len(comments) == 2 and "Game" not in comments[1]
    assert h.raw(tid)["custom_fields"][h.field_names["product"]] == "Trove"


def _put(h: Harness, tid: int, custom: dict[str, Any]) -> Any:
    return h.http.put(f"{h.base}/api/v2/tickets/{tid}", json={"custom_fields": custom})


def test_the_sandbox_accepts_only_choice_values_unless_told_otherwise(h: Harness) -> None:
    tid = h.create("Cannot log in", BODY, form="account-issues")
    name = h.field_names["product"]
    refused = _put(h, tid, {name: "game_rift"})  # a key where Freshdesk expects the title
    assert refused.status_code == 400
    assert refused.json()["errors"] == [{"field": name, "code": "invalid_value",
                                         "message": "It should be one of these values: "
                                                    "'Trove,RIFT'"}]
    assert h.raw(tid)["custom_fields"][name] is None
    assert _put(h, tid, {name: "RIFT"}).status_code == 200
    # lenient, as a ticket an older deskops wrote with the key: still read as that key
    switch = f"{h.base}/_sandbox/strictness"
    assert h.http.put(switch, json={"dropdown_values": False}).json() == {
        "dropdown_values": False}
    assert _put(h, tid, {name: "game_rift"}).status_code == 200
    assert h.ticket(tid).fields[h.lock.field_id("product")] == "game_rift"
    assert _missing(h, tid) == ["account_name"]
    assert h.http.put(switch, json={"dropdown_values": True}).json() == {
        "dropdown_values": True}
    assert h.http.get(switch).json() == {"dropdown_values": True}
    assert _put(h, tid, {name: "game_trove"}).status_code == 400


def test_every_worker_loop_writes_the_new_title_after_an_apply(h: Harness) -> None:
    """``deskops worker --concurrency 2``: one handler, two loops, each with its own desk.
    An option renamed and applied rebuilds the context in whichever loop sees it first;
    the other loop's desk must get the new table too, or it sends the old title, which
    Freshdesk refuses. The value is inferred from prose (the reading stage), not given."""
    handler = h.handler()
    loops = [Worker(h.store, h.queue, h.desk(), handler) for _ in range(2)]

    def process(loop: Worker, tid: int) -> str:
        event, _ = h.store.add(NewEvent(source="freshdesk", kind="ticket_updated",
                                        ticket_id=tid, invocation_id=uuid.uuid4().hex))
        record = loop.handle(event.id)
        assert record is not None
        return f"{record.decision}: {record.error or ''}"

    text = ("Bonjour, je joue sur RIFT Online sur PC, mon personnage s'appelle Brindille "
            "et mon épée a disparu hier soir.")
    for loop in loops:  # both loops have read tickets with the table of the first apply
        tid = h.create("Épée disparue", text, locale="fr", form="in-game-issues")
        assert process(loop, tid) == "route: "
        assert h.raw(tid)["custom_fields"][h.field_names["product"]] == "RIFT"

    path = h.ws / "fields" / "product.json"
    field = json.loads(path.read_text(encoding="utf-8"))
    field["oneOf"][1]["title"] = "RIFT Online"
    path.write_text(json.dumps(field, ensure_ascii=False, indent=2), encoding="utf-8")
    code, out = run_cli(h, ["apply", "--auto-approve"])
    assert code == 0, out
    pid = h.lock.field_id("product")
    assert h.http.get(f"{h.base}/api/v2/admin/ticket_fields/{pid}").json()["choices"][1][
        "value"] == "RIFT Online"

    for loop in loops:  # the first loop rebuilds the context; the second must follow
        tid = h.create("Épée disparue", text, locale="fr", form="in-game-issues")
        assert process(loop, tid) == "route: "
        assert h.raw(tid)["custom_fields"][h.field_names["product"]] == "RIFT Online"
        with connect_tickets(h.settings, "freshdesk") as desk:
            use_choices(build_context(h.app()), desk)
            assert desk.get_ticket(tid).fields[pid] == "game_rift"
