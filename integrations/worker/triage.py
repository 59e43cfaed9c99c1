"""`TriageHandler`: the worker's real handler — decide on the fresh ticket, write once, audit.

Per event: the worker has just read the ticket (`TicketDesk.get_ticket`); the handler calls
the pure `integrations.triage.decide`, and when `Decision.should_write` (live mode, something
to send) applies the one `Update` through `TicketDesk.apply_update`. The outcome's reason is
the decision's explanation as compact JSON (`audit_json`: ids, keys, reasons — no requester
text, no rejected or extracted values), which the worker stores with the event: the audit log.

Conflicts: on Zendesk the update is ``safe_update``; a 409 (`TicketChanged`) means someone
changed the ticket after our read — the handler re-reads and decides again (at most
`MAX_REREADS` times), so an agent's edit is never overwritten with a stale decision.

Two-step helpdesks (Freshdesk: properties, then the reply): every deskops comment carries a
hidden reference to the stage it belongs to (`reply_key`). Before deciding, `resume_reply`
checks that the ticket's latest stage tag has its comment; if a worker died between the two
calls the tag is there without it, and only the comment is sent — once, since the next
check finds the reference.

Dropdown values: triage works on option keys; on Freshdesk a ticket holds the option's
title. `use_choices` hands the desk the key ⇄ value table made from the context's workspace
and lock ids (`integrations.plan.choice_values`), before its first read (`prepare`, which the
worker calls when it starts) and again after the context is rebuilt — on every desk the
handler serves (``deskops worker --concurrency N``: one handler, N loops, N desks), not only
the one whose event noticed the change; a desk brought up to date reads its ticket again.
"""

from __future__ import annotations

import dataclasses
import html
import json
import logging
import os
import stat
import weakref
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from integrations.errors import DeskopsError, HelpdeskError
from integrations.helpdesk.tickets import TicketChanged, TicketDesk, WriteUncertain
from integrations.model import Ticket
from integrations.plan import choice_values
from integrations.triage import (
    ASK_TAG_PREFIX,
    AUTO_SOLVED_TAG,
    Comment,
    Decision,
    TriageContext,
    Update,
    chase,
    decide,
    explain_json,
    reminder_tag,
)
from integrations.worker import Outcome

__all__ = ["MAX_REREADS", "TriageHandler", "audit_json", "reply_key", "resume_reply",
           "use_choices", "with_self_ids", "write_decision"]

log = logging.getLogger("deskops.triage")

#: Re-reads after a 409 before the event is failed (and retried later by the store).
MAX_REREADS = 3
_REMINDER_PREFIX = reminder_tag(0)[:-1]
_MARK = "deskops-ref:"


def audit_json(decision: Decision, seen: Ticket | None = None) -> str:
    """The explanation as stored in the event store: no comment body, no field values.

    With ``seen`` (the ticket as read), the stage it was in is recorded too — status,
    reminders sent, auto-solved — so `deskops report` can count reminders, auto-solves and
    reopenings, which the chase writes on the helpdesk and the worker sees next.
    """
    data: dict[str, Any] = explain_json(decision, include_comment=False)
    update = data.get("update") or {}
    if "fields" in update:  # extracted values are requester text: keep the ids only
        update["fields"] = sorted(update["fields"])
    data.pop("version", None)
    if seen is not None:
        reminders = [int(t[len(_REMINDER_PREFIX):]) for t in seen.tags
                     if t.startswith(_REMINDER_PREFIX) and t[len(_REMINDER_PREFIX):].isdigit()]
        data["seen"] = {"status": seen.status, "reminders": max(reminders, default=0),
                        "auto_solved": AUTO_SOLVED_TAG in seen.tags}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def use_choices(ctx: TriageContext, desk: TicketDesk) -> None:
    """Give ``desk`` the dropdown table of ``ctx`` (option key ⇄ the value a ticket
    holds), so triage reads and writes keys; only Freshdesk tickets hold another value."""
    if ctx.target == "freshdesk":
        desk.use_choices(choice_values(ctx.workspace, ctx.field_ids))


def with_self_ids(ctx: TriageContext, desk: TicketDesk) -> TriageContext:
    """``ctx`` knowing the helpdesk user deskops writes as (one read, done once)."""
    try:
        me = desk.self_user_id()
    except HelpdeskError as exc:
        log.warning("could not read deskops's own helpdesk user (%s); set "
                    "DESKOPS_SELF_USER_IDS", exc)
        return ctx
    if me in ctx.self_author_ids:
        return ctx
    return dataclasses.replace(ctx, self_author_ids=ctx.self_author_ids | {me})


# --------------------------------------------------------------------------- stage keys


def _ask_tag(tags: tuple[str, ...] | list[str]) -> str | None:
    return next((t for t in tags if t.startswith(ASK_TAG_PREFIX)), None)


def _latest_stage(tags: tuple[str, ...] | list[str]) -> str | None:
    """The stage whose comment was sent last: auto-solve, then the highest reminder, then
    the request itself."""
    if AUTO_SOLVED_TAG in tags:
        return AUTO_SOLVED_TAG
    reminders = [t for t in tags if t.startswith(_REMINDER_PREFIX)
                 and t[len(_REMINDER_PREFIX):].isdigit()]
    if reminders:
        return max(reminders, key=lambda t: int(t[len(_REMINDER_PREFIX):]))
    return _ask_tag(tags)


def reply_key(tags: tuple[str, ...] | list[str]) -> str | None:
    """The reference of the comment that goes with the ticket's latest stage (the ask tag
    names the request cycle, so a reminder of an earlier cycle never counts)."""
    ask = _ask_tag(tags)
    stage = _latest_stage(tags)
    if ask is None or stage is None:
        return None
    return ask if stage == ask else f"{ask}.{stage}"


def _keyed(comment: Comment, key: str) -> Comment:
    marker = (f'<span class="deskops-ref" style="display:none">{_MARK}'
              f"{html.escape(key)}</span>")
    return dataclasses.replace(comment, html=comment.html + marker)


def _has_reply(ticket: Ticket, key: str, ctx: TriageContext) -> bool:
    """The stage's comment is on the ticket. If the helpdesk stripped every reference from
    deskops's comments, fall back to "deskops spoke after the requester's last message" —
    erring towards a missing comment, never towards sending one twice."""
    own = [c for c in ticket.comments
           if c.public and (c.author_id in ctx.self_author_ids or _MARK in c.body)]
    if any(f"{_MARK}{key}" in c.body for c in own):
        return True
    if any(_MARK in c.body for c in own):
        return False  # references survive on this helpdesk: this one is really missing
    asked = [c.created_at for c in own]
    said = [c.created_at for c in ticket.comments if c.from_requester and c.public
            and c.author_id not in ctx.self_author_ids]
    return bool(asked) and (not said or max(asked) >= max(said))


def resume_reply(ticket: Ticket, desk: TicketDesk, ctx: TriageContext,
                 now: datetime | None = None) -> str | None:
    """On a two-step helpdesk, send the comment a dead worker left unsent; returns what was
    done (or None when nothing was pending). Zendesk writes in one call: never pending."""
    if not desk.two_step_comments or ctx.mode != "live" or not ctx.self_author_ids:
        return None  # without knowing its own user, deskops cannot tell what it sent
    key = reply_key(ticket.tags)
    if key is None or _has_reply(ticket, key, ctx):
        return None
    stage = _latest_stage(ticket.tags)
    if stage is None:  # pragma: no cover - reply_key returned a key, so there is a stage
        return None
    before = [t for t in ticket.tags if t != stage]
    if stage == AUTO_SOLVED_TAG:
        virtual = dataclasses.replace(ticket, tags=tuple(before), status="pending")
        decision = chase(virtual, ctx, now or datetime.now(UTC))
    elif stage.startswith(_REMINDER_PREFIX):
        virtual = dataclasses.replace(ticket, tags=tuple(before))
        decision = chase(virtual, ctx, now or datetime.now(UTC))
    else:
        virtual = dataclasses.replace(ticket, tags=tuple(before))
        decision = decide(virtual, ctx)
    comment = decision.update.comment
    if comment is None or key != reply_key([*before, *decision.update.add_tags]):
        log.warning("ticket %s carries %s without its comment, and the comment cannot be "
                    "rebuilt (%s); left for an agent", ticket.id, stage, decision.summary)
        return None
    desk.post_comment(ticket.id, _keyed(comment, key))
    return f"resumed: sent the {comment.template} comment of {stage} (the earlier write " \
           "stopped between the properties and the reply)"


def write_decision(ticket: Ticket, desk: TicketDesk, ctx: TriageContext,
                   decide_fn: Callable[[Ticket], Decision]) -> tuple[Decision, bool]:
    """Decide and apply, re-reading and deciding again after a 409; returns the decision
    applied (or recorded) and whether it was written."""
    for _ in range(MAX_REREADS + 1):
        decision = decide_fn(ticket)
        if not decision.should_write:
            return decision, False
        update = decision.update
        if update.comment is not None and desk.two_step_comments:
            key = reply_key(update.merged_tags(ticket.tags))
            if key is not None:
                update = dataclasses.replace(update, comment=_keyed(update.comment, key))
        try:
            desk.apply_update(ticket, update)
        except TicketChanged:
            log.info("ticket %s changed while deciding; reading it again", ticket.id)
            ticket = desk.get_ticket(ticket.id)
            continue
        except WriteUncertain as exc:
            log.warning("ticket %s: %s; reading it again to learn whether it did", ticket.id,
                        exc)
            fresh = desk.get_ticket(ticket.id)
            if _landed(fresh, update, desk, ctx):
                return decision, True
            ticket = fresh  # nothing (or only the properties) landed: decide again
            continue
        return decision, True
    raise HelpdeskError(f"ticket {ticket.id} kept changing during {MAX_REREADS + 1} attempts; "
                        "the event will be retried")


def _landed(fresh: Ticket, update: Update, desk: TicketDesk, ctx: TriageContext) -> bool:
    """After a write whose answer was lost: True when ``fresh`` (read again) shows it done.

    Two-step helpdesks: the properties carry the stage tag and the comment its reply key;
    with the tag there but not the comment, only the comment is sent (once more, since it
    provably is not there). One-call helpdesks: the tags of the update are all there."""
    if not set(update.add_tags) <= set(fresh.tags) or not update.add_tags:
        return False
    if update.comment is None or not desk.two_step_comments:
        return True
    key = reply_key(fresh.tags)
    if key is None or _has_reply(fresh, key, ctx):
        log.info("ticket %s: the write was saved although its answer was lost", fresh.id)
        return True
    desk.post_comment(fresh.id, update.comment)  # already keyed by write_decision
    log.info("ticket %s: properties were saved, the reply was not; sent it once", fresh.id)
    return True


def _scan(folder: str, found: list[tuple[str, int, int]]) -> None:
    """Add every file under ``folder`` to ``found`` (``os.scandir``: file types come with the
    listing, so each file costs one ``stat``)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                _scan(entry.path, found)
            elif entry.is_file():
                st = entry.stat()
                found.append((entry.path, st.st_mtime_ns, st.st_size))
        except OSError:  # removed while listing: seen as a change next time
            continue


class TriageHandler:
    """The worker `Handler` for triage (see module doc). ``ctx`` is built once per worker;
    its own-user ids are completed from the helpdesk on first use.

    A long-running worker must see a later ``deskops apply`` (new field ids in the lock
    file) or any edited workspace file (a field's extraction pattern, a template, the
    rules): give `rebuild` and what it reads as `watch` — files, or folders watched whole,
    so added and removed files count too — and the context is rebuilt before the next
    event whenever one of them changed (a few ``stat`` calls per event). Each desk is
    brought up to date (definitions forgotten, the new dropdown table) before its next
    decision, whichever loop's event noticed the change.
    """

    def __init__(self, ctx: TriageContext, *,
                 rebuild: Callable[[], TriageContext] | None = None,
                 watch: Sequence[Path] = ()) -> None:
        self.ctx = ctx
        self._resolved: set[int] = set()
        self._rebuild = rebuild
        self._watch = tuple(watch)
        self._seen = self._stamps()
        #: bumped whenever a watched file changed; per desk, the count its table matches
        self._generation = 0
        self._given: weakref.WeakKeyDictionary[TicketDesk, int] = weakref.WeakKeyDictionary()

    def _stamps(self) -> tuple[tuple[str, int, int], ...]:
        """(path, mtime, size) of every watched file: one ``stat`` each, no more."""
        found: list[tuple[str, int, int]] = []
        for path in self._watch:
            try:
                st = os.stat(path)
            except OSError:  # absent (yet): its appearance is a change
                continue
            if stat.S_ISDIR(st.st_mode):
                _scan(str(path), found)
            else:
                found.append((str(path), st.st_mtime_ns, st.st_size))
        return tuple(sorted(found))

    def _context(self, desk: TicketDesk, ticket: Ticket) -> tuple[TriageContext, Ticket]:
        """The context to decide with, and ``ticket`` as ``desk`` reads it with that
        context's definitions and dropdown table (read again when they were stale)."""
        if self._rebuild is not None:
            stamps = self._stamps()
            if stamps != self._seen:
                self._seen = stamps
                self._generation += 1
                desk.forget_definitions()  # new field ids after an apply: read them again
                try:
                    self.ctx = self._rebuild()
                    self._resolved.clear()
                    log.info("workspace or lock file changed: triage context rebuilt")
                except DeskopsError as exc:  # a half-edited file: keep working as before
                    log.error("workspace or lock file changed but cannot be used (%s); "
                              "keeping the previous triage context", str(exc).splitlines()[0])
        if self._given.get(desk) != self._generation:
            # this desk read ``ticket`` with an older table (or none: never prepared); with
            # it, an option renamed by the apply would be sent by its old title and refused
            desk.forget_definitions()
            use_choices(self.ctx, desk)
            self._given[desk] = self._generation
            if self.ctx.target == "freshdesk":  # only there do the table and names matter
                ticket = desk.get_ticket(ticket.id)
        if id(desk) not in self._resolved:
            self.ctx = with_self_ids(self.ctx, desk)
            self._resolved.add(id(desk))
        return self.ctx, ticket

    def prepare(self, desk: TicketDesk) -> None:
        """Before ``desk`` reads its first ticket: hand it the dropdown table."""
        use_choices(self.ctx, desk)
        self._given[desk] = self._generation

    def __call__(self, ticket: Ticket, desk: TicketDesk) -> Outcome:
        ctx, ticket = self._context(desk, ticket)
        resumed = resume_reply(ticket, desk, ctx)
        if resumed:
            return Outcome("resumed", resumed)
        decision, written = write_decision(ticket, desk, ctx, lambda t: decide(t, ctx))
        kind: str = decision.kind
        if not written and not decision.update.empty and decision.mode != "live":
            kind = f"{decision.mode}:{kind}"  # shadow or kill switch: recorded, not sent
        return Outcome(kind, audit_json(decision, seen=ticket))
