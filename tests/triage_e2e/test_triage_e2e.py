"""Triage over real HTTP against the sandbox, on both targets (see conftest.py).

Tickets are modelled on the game publisher's seed pages (French, Korean, English players
who forget their Glyph account name, their game or their character).
"""

from __future__ import annotations

import json

from integrations.events import NewEvent
from integrations.triage import TRIAGED_TAG
from integrations.worker import Worker

from .conftest import Harness

NEEDS = "deskops_needs_info"

FR_SUBJECT = "Impossible de me connecter"
FR_BODY = ("Bonjour, depuis la mise à jour je n'arrive plus à me connecter à mon compte, "
           "le launcher affiche une erreur. Merci de votre aide.")
KO_SUBJECT = "로그인이 안 됩니다"
KO_BODY = "안녕하세요. 어제 업데이트 이후로 계정에 로그인할 수 없습니다. 도와주세요."
EN_SUBJECT = "My sword disappeared"
EN_BODY = ("Hello, after the last patch my legendary sword vanished from my inventory "
           "when I logged in this morning. Can you restore it?")


def audit(record_reason: str | None) -> dict[str, object]:
    assert record_reason
    data = json.loads(record_reason)
    assert isinstance(data, dict)
    return data


def test_complete_ticket_is_routed_without_a_comment(h: Harness) -> None:
    tid = h.create(EN_SUBJECT, "Hello, I cannot log in to my Glyph account since the patch, "
                   "the launcher says my password is wrong although it is not.",
                   form="account-issues",
                   fields={"product": "game_trove", "account_name": "SwordMaster77"})
    record = h.process(tid)
    assert record.status == "done" and record.decision == "route"
    raw = h.raw(tid)
    assert TRIAGED_TAG in raw["tags"] and "glyph_account" in raw["tags"]
    assert "lang_en" in raw["tags"] and NEEDS not in raw["tags"]
    assert raw["group_id"] == h.group_id
    assert h.deskops_comments(tid) == []
    # the audit log: decision and reasons, no requester text
    data = audit(record.reason)
    assert data["decision"] == "route" and data["form"] == {
        "key": "account-issues", "how": "the ticket's form"}
    assert "SwordMaster77" not in (record.reason or "") and "password" not in (record.reason or "")


def test_missing_items_are_asked_exactly_in_french(h: Harness) -> None:
    tid = h.create(FR_SUBJECT, FR_BODY, locale="fr", form="account-issues",
                   fields={"product": "game_rift"})
    record = h.process(tid)
    assert record.decision == "ask"
    comments = h.deskops_comments(tid)
    assert len(comments) == 1
    text = comments[0]
    assert "Nom du compte Glyph" in text           # the missing field, its French title
    assert "Jeu" not in text.split("Nom du compte")[0][-40:]  # the game was given: not asked
    assert "Glyph account name" not in text        # not in English
    raw = h.raw(tid)
    assert NEEDS in raw["tags"] and "lang_fr" in raw["tags"]
    assert h.status(tid) == "pending"
    assert TRIAGED_TAG not in raw["tags"]


def test_missing_items_are_asked_in_korean(h: Harness) -> None:
    tid = h.create(KO_SUBJECT, KO_BODY, locale="en", form="account-issues")
    record = h.process(tid)
    assert record.decision == "ask"
    [text] = h.deskops_comments(tid)
    assert "게임" in text and "Glyph 계정 이름" in text  # both missing, in Korean (Hangul wins)
    assert "lang_ko" in h.raw(tid)["tags"]


def test_value_in_free_text_fills_the_field_and_is_not_asked(h: Harness) -> None:
    tid = h.create(FR_SUBJECT, FR_BODY + " Mon compte Glyph : Pixelle_42", locale="fr",
                   form="account-issues", fields={"product": "game_trove"})
    record = h.process(tid)
    assert record.decision == "route"
    assert h.deskops_comments(tid) == []
    ticket = h.ticket(tid)
    assert ticket.fields[h.lock.field_id("account_name")] == "Pixelle_42"
    assert "Pixelle_42" not in (record.reason or "")  # the audit keeps the field id only


def test_reply_that_completes_reopens_and_routes(h: Harness) -> None:
    tid = h.create(FR_SUBJECT, FR_BODY, locale="fr", form="account-issues",
                   fields={"product": "game_trove"})
    assert h.process(tid).decision == "ask"
    h.emu.clock.advance(3600)
    h.reply(tid, "Voilà : compte Glyph : Pixelle_42")
    record = h.process(tid)
    assert record.decision == "complete"
    raw = h.raw(tid)
    assert NEEDS not in raw["tags"] and TRIAGED_TAG in raw["tags"]
    assert not any(t.startswith("deskops_ask_") for t in raw["tags"])
    assert h.status(tid) == "open" and raw["group_id"] == h.group_id
    assert len(h.deskops_comments(tid)) == 1  # only the original request
    assert h.ticket(tid).fields[h.lock.field_id("account_name")] == "Pixelle_42"


def test_reply_that_does_not_complete_gets_one_new_request_for_the_rest(h: Harness) -> None:
    tid = h.create(EN_SUBJECT, EN_BODY, form="in-game-issues")
    assert h.process(tid).decision == "ask"
    [first] = h.deskops_comments(tid)
    assert "Character name" in first and "Platform" in first and "Game" in first
    h.emu.clock.advance(600)
    h.reply(tid, "It is on Trove, my character name: Brakk_the_Bold")
    record = h.process(tid)
    assert record.decision == "ask"
    comments = h.deskops_comments(tid)
    assert len(comments) == 2
    second = comments[1]
    print(second)
    # "on Trove" in prose names the game: read, written and marked, no longer asked
    assert "Platform" in second and "Game" not in second
    assert "Character name" not in second
    raw = h.raw(tid)
    assert h.ticket(tid).fields[h.lock.field_id("product")] == "game_trove"
    assert "deskops_read_option" in raw["tags"]  # inferred from an option title: marked
    # the same state again (a duplicate or a late event) sends nothing more
    assert h.process(tid).decision == "no_change"
    assert len(h.deskops_comments(tid)) == 2
    # ...and an unhelpful reply does not repeat the same request
    h.emu.clock.advance(600)
    h.reply(tid, "I don't know what you mean")
    assert h.process(tid).decision in ("no_change", "ask")
    assert len(h.deskops_comments(tid)) == 2


def test_duplicate_event_sends_no_second_comment(h: Harness) -> None:
    tid = h.create(KO_SUBJECT, KO_BODY, form="account-issues", fields={"product": "game_rift"})
    desk = h.desk()
    first = h.process(tid, desk=desk)
    before = desk.calls.as_dict()
    second = h.process(tid, desk=desk)
    after = desk.calls.as_dict()
    assert (first.decision, second.decision) == ("ask", "no_change")
    assert len(h.deskops_comments(tid)) == 1
    assert after["writes"] == before["writes"]  # re-running on the same state makes no call


def test_agent_edit_during_processing_is_not_clobbered(h: Harness) -> None:
    """An agent answers between deskops's read and its write: Zendesk refuses the stale
    write (safe_update → 409), the handler re-reads, sees the agent, and stays out."""
    from integrations.helpdesk.tickets import TicketDesk
    from integrations.model import Ticket

    tid = h.create(FR_SUBJECT, FR_BODY, locale="fr", form="account-issues",
                   fields={"product": "game_trove"})
    desk = h.desk()
    reads = {"n": 0}
    original = desk.get_ticket

    def get_then_agent_edits(ticket_id: int) -> Ticket:
        ticket = original(ticket_id)
        reads["n"] += 1
        if reads["n"] == 1:  # the agent acts right after deskops's first read
            h.agent_reply(tid, "Bonjour, je regarde votre compte tout de suite.")
        return ticket

    desk.get_ticket = get_then_agent_edits  # type: ignore[method-assign]
    assert isinstance(desk, TicketDesk)
    record = h.process(tid, desk=desk)
    if h.target == "zendesk":
        assert reads["n"] == 2  # read, 409, read again
        assert record.decision == "skip"
        assert h.deskops_comments(tid) == []
        assert NEEDS not in h.raw(tid)["tags"]
    else:
        # Freshdesk has no conditional update: deskops's write lands after the agent's
        # reply, but merges tags from its read and adds its own comment — the agent's reply
        # and tags survive; a later agent reply stops deskops (the guard).
        assert record.decision == "ask"
        convs = [c for c in h.emu.store.all("conversations") if c["ticket_id"] == tid]
        assert any("je regarde votre compte" in c["body_text"] for c in convs)
        h.emu.clock.advance(60)
        h.agent_reply(tid, "Votre compte est débloqué.")
        h.reply(tid, "Merci ! compte Glyph : Pixelle_42")
        assert h.process(tid).decision == "skip"
        assert len(h.deskops_comments(tid)) == 1


def test_chase_timeline_reminds_twice_then_solves_each_once(h: Harness) -> None:
    tid = h.create(FR_SUBJECT, FR_BODY, locale="fr", form="account-issues",
                   fields={"product": "game_trove"})
    assert h.process(tid).decision == "ask"
    hour = 3600.0

    def run() -> list[dict[str, object]]:
        code, out = h.chase()
        assert code == 0, out
        return [json.loads(line) for line in out.splitlines() if line.startswith("{")]

    h.emu.clock.advance(2 * hour)
    [early] = run()
    assert early["decision"] == "wait" and early["written"] is False
    assert len(h.deskops_comments(tid)) == 1

    h.emu.clock.advance(23 * hour)  # 25 h after the request
    [first] = run()
    assert first["decision"] == "remind" and first["written"] is True
    assert [d["decision"] for d in run()] == ["wait"]  # an overlapping/repeated run: nothing
    comments = h.deskops_comments(tid)
    assert len(comments) == 2 and "Nom du compte Glyph" in comments[1]  # French, same items
    assert "deskops_reminder_1" in h.raw(tid)["tags"]

    h.emu.clock.advance(48 * hour)  # 73 h
    assert [d["decision"] for d in run()] == ["remind"]
    assert [d["decision"] for d in run()] == ["wait"]
    assert len(h.deskops_comments(tid)) == 3

    h.emu.clock.advance(48 * hour)  # 121 h: past the solve delay
    assert [d["decision"] for d in run()] == ["solve"]
    assert run() == []  # solved: no longer found by the needs-info search
    assert h.status(tid) == "solved"
    assert "deskops_auto_solved" in h.raw(tid)["tags"]
    assert len(h.deskops_comments(tid)) == 4


def test_chase_dry_run_sends_nothing_and_a_second_run_waits_for_the_lock(h: Harness) -> None:
    from integrations.cli.triage import ChaseLock

    tid = h.create(KO_SUBJECT, KO_BODY, form="account-issues", fields={"product": "game_rift"})
    assert h.process(tid).decision == "ask"
    h.emu.clock.advance(25 * 3600)
    code, out = h.chase("--dry-run")
    assert code == 0 and json.loads(out.splitlines()[0])["decision"] == "remind"
    assert len(h.deskops_comments(tid)) == 1 and "deskops_reminder_1" not in h.raw(tid)["tags"]
    with ChaseLock(h.ws, h.target):
        code, out = h.chase()
    assert code == 1
    assert len(h.deskops_comments(tid)) == 1  # the locked-out run sent nothing
    code, out = h.chase()
    assert code == 0 and len(h.deskops_comments(tid)) == 2


def test_shadow_mode_and_kill_switch_record_without_writing(h: Harness) -> None:
    tid = h.create(EN_SUBJECT, EN_BODY, form="in-game-issues")
    shadow = h.process(tid, handler=h.handler(DESKOPS_TRIAGE_MODE="shadow"))
    assert shadow.decision == "shadow:ask"
    assert audit(shadow.reason)["will_write"] is False
    off = h.process(tid, handler=h.handler(DESKOPS_KILL_SWITCH="1"))
    assert off.decision == "off:ask"
    assert h.deskops_comments(tid) == [] and "deskops_needs_info" not in h.raw(tid)["tags"]
    assert h.process(tid).decision == "ask"  # live again


def test_closed_spam_and_opted_out_tickets_are_left_alone(h: Harness) -> None:
    opted = h.create(EN_SUBJECT, EN_BODY, form="in-game-issues")
    if h.target == "zendesk":
        h.http.put(f"{h.base}/api/v2/tickets/{opted}.json",
                   json={"ticket": {"additional_tags": ["deskops_off"]}}).raise_for_status()
    else:
        h.http.put(f"{h.base}/api/v2/tickets/{opted}",
                   json={"tags": ["deskops_off"]}).raise_for_status()
    solved = h.create(EN_SUBJECT, EN_BODY, form="in-game-issues")
    if h.target == "zendesk":
        h.http.put(f"{h.base}/api/v2/tickets/{solved}.json",
                   json={"ticket": {"status": "solved"}}).raise_for_status()
    else:
        h.http.put(f"{h.base}/api/v2/tickets/{solved}", json={"status": 4}).raise_for_status()
    desk = h.desk()
    for tid in (opted, solved):
        before = desk.calls.writes
        assert h.process(tid, desk=desk).decision == "skip"
        assert desk.calls.writes == before and h.deskops_comments(tid) == []


def test_api_calls_per_processed_event(h: Harness) -> None:
    """The measured figure (goal: one read and at most one write per event)."""
    desk, handler = h.desk(), h.handler()  # one of each per worker loop, as in production
    h.process(h.create(EN_SUBJECT, EN_BODY, form="in-game-issues"), desk=desk,
              handler=handler)  # warm-up: the first event of a worker also reads deskops's
    # own user id (and, on Freshdesk, the custom field names), once
    figures = []
    for fields, expected in (({"product": "game_trove", "platform": "platform_pc",
                               "character_name": "Brakk"}, "route"), ({}, "ask")):
        tid = h.create(EN_SUBJECT, EN_BODY, form="in-game-issues", fields=fields)
        before = desk.calls.as_dict()
        record = h.process(tid, desk=desk, handler=handler)
        after = desk.calls.as_dict()
        assert record.decision == expected
        reads, writes = after["reads"] - before["reads"], after["writes"] - before["writes"]
        figures.append((expected, reads, writes))
        before = after
        assert h.process(tid, desk=desk, handler=handler).decision == "no_change"
        after = desk.calls.as_dict()
        figures.append(("repeat", after["reads"] - before["reads"],
                        after["writes"] - before["writes"]))
    print(f"{h.target} API calls per event (decision, reads, writes): {figures}")
    if h.target == "zendesk":  # the ticket, then its comments with users sideloaded
        assert figures == [("route", 2, 1), ("repeat", 2, 0), ("ask", 2, 1), ("repeat", 2, 0)]
    else:  # the ticket (conversations embedded), plus the requester's contact the first time
        # (its language is not in include=requester); a reply is a second write
        assert figures == [("route", 2, 1), ("repeat", 1, 0), ("ask", 2, 2), ("repeat", 1, 0)]


class Killed(BaseException):
    """The worker dies (kill -9) between the properties write and the reply."""


def test_freshdesk_worker_killed_between_properties_and_reply_sends_it_once(h: Harness) -> None:
    from integrations.helpdesk.tickets import FreshdeskTickets

    if h.target != "freshdesk":
        return  # Zendesk writes properties and comment in one call: nothing to resume
    tid = h.create(FR_SUBJECT, FR_BODY, locale="fr", form="account-issues",
                   fields={"product": "game_trove"})

    class DiesBeforeReply(FreshdeskTickets):
        def post_comment(self, ticket_id: int, comment: object) -> None:  # type: ignore[override]
            raise Killed()

    dying = DiesBeforeReply(settings=h.settings)
    h.desks.append(dying)
    event, _ = h.store.add(NewEvent(source="freshdesk", kind="ticket_created", ticket_id=tid,
                                    invocation_id="inv-kill"))

    try:
        Worker(h.store, h.queue, dying, h.handler()).handle(event.id)
    except Killed:
        pass
    else:  # pragma: no cover - the kill must happen
        raise AssertionError("the worker was not killed")
    raw = h.raw(tid)
    assert any(t.startswith("deskops_ask_") for t in raw["tags"])  # properties written...
    assert h.deskops_comments(tid) == []                             # ...the reply not
    assert h.store.get(event.id).status == "processing"  # type: ignore[union-attr]
    h.store_now[0] += 31  # the lease expires: the event is due again
    assert event.id in h.store.due()
    record = Worker(h.store, h.queue, h.desk(), h.handler()).handle(event.id)
    assert record is not None and record.decision == "resumed"
    [reply] = h.deskops_comments(tid)
    assert "Nom du compte Glyph" in reply
    # a duplicate delivery or a later retry sees the reply and sends nothing more
    assert h.process(tid).decision == "no_change"
    assert len(h.deskops_comments(tid)) == 1


def test_explain_cli_shows_the_decision_and_sends_nothing(h: Harness) -> None:
    from .conftest import run_cli

    tid = h.create(FR_SUBJECT, FR_BODY, locale="fr", form="account-issues",
                   fields={"product": "game_trove"})
    code, out = run_cli(h, ["explain", str(tid), "--json"])
    assert code == 0
    data = json.loads(out)
    assert data["decision"] == "ask" and [m["key"] for m in data["missing"]] == ["account_name"]
    assert data["language"]["locale"] == "fr"
    code, text = run_cli(h, ["explain", str(tid)])
    assert code == 0 and "account_name" in text and "Nom du compte Glyph" in text
    assert h.deskops_comments(tid) == [] and "deskops_needs_info" not in h.raw(tid)["tags"]


def test_a_running_worker_picks_up_an_edited_workspace(h: Harness) -> None:
    """The handler `deskops worker` builds watches the lock file and the workspace files: an
    edit is used from the next event on, and a broken edit keeps the previous rules."""
    import os

    desk, handler = h.desk(), h.handler()
    fields = {"product": "game_trove", "account_name": "SwordMaster77"}
    body = ("Hello, I cannot log in to my Glyph account since the patch, the launcher says "
            "my password is wrong although it is not.")
    first = h.create(EN_SUBJECT, body, form="account-issues", fields=fields)
    h.process(first, desk=desk, handler=handler)
    assert "vip_queue" not in h.raw(first)["tags"]

    rules_file = h.ws / "rules.json"
    rules = json.loads(rules_file.read_text(encoding="utf-8"))
    rules["rules"][0]["then"]["tags"].append("vip_queue")
    rules_file.write_text(json.dumps(rules), encoding="utf-8")
    stamp = rules_file.stat().st_mtime + 5  # a coarse file system clock must still see it
    os.utime(rules_file, (stamp, stamp))
    second = h.create(EN_SUBJECT, body, form="account-issues", fields=fields)
    h.process(second, desk=desk, handler=handler)
    assert "vip_queue" in h.raw(second)["tags"]

    rules_file.write_text('{"rules": [', encoding="utf-8")  # saved half-way through an edit
    os.utime(rules_file, (stamp + 5, stamp + 5))
    third = h.create(EN_SUBJECT, body, form="account-issues", fields=fields)
    record = h.process(third, desk=desk, handler=handler)
    assert record.status == "done" and "vip_queue" in h.raw(third)["tags"]


def test_natural_language_is_read_written_marked_and_not_asked(h: Harness) -> None:
    """Issue 10 end to end: a ticket without one "Label: value" line — the game by its
    title, the character inside a sentence, the problem by an option keyword — is complete
    on first look: the values are written, marked, and nothing is asked."""
    tid = h.create("Épée disparue", "Bonjour, je joue sur RIFT sur PC, mon personnage "
                   "s'appelle Brindille et mon épée a disparu hier soir.",
                   locale="fr", form="in-game-issues")
    record = h.process(tid)
    assert record.decision == "route", record.reason
    fields = h.ticket(tid).fields
    assert fields[h.lock.field_id("product")] == "game_rift"
    assert fields[h.lock.field_id("platform")] == "platform_pc"
    assert fields[h.lock.field_id("character_name")] == "Brindille"
    raw = h.raw(tid)
    assert {"deskops_read_option", "deskops_read_sentence", TRIAGED_TAG} <= set(raw["tags"])
    assert h.deskops_comments(tid) == []
    assert "Brindille" not in (record.reason or "")  # the audit holds no requester text
