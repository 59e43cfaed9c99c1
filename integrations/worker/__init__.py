"""The worker (`deskops worker`): take a nudge, claim the event, fetch the ticket, decide, write.

The webhook body is only a hint: the worker always reads the ticket fresh from the helpdesk
and hands it to a `Handler`, which returns an `Outcome` (decision + reason, stored with the
event). Handlers must be idempotent — handling the same ticket state twice makes no second
change — because delivery is at-least-once: duplicates, reordered deliveries and retries
after a killed worker all end here.

Until the triage engine is plugged in, `LanguageTagger` is the real minimal handler: it adds
``lang_<xx>`` found by `integrations.language.detect`.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from integrations.errors import DeskopsError, HelpdeskError, NotFound
from integrations.events import (
    DEFAULT_RETENTION_DAYS,
    EventQueue,
    EventRecord,
    EventStore,
    QueueUnavailable,
    StoreUnavailable,
)
from integrations.helpdesk.tickets import TicketDesk
from integrations.model import Ticket

__all__ = ["DEFAULT_NICE", "Handler", "LanguageTagger", "Outcome", "Worker", "language_tag",
           "lower_priority"]

log = logging.getLogger("deskops.worker")

#: How much `deskops worker` lowers its CPU priority by default (``--nice``): the receiver's
#: acks are what a sender times; a worker's events can wait for a burst to pass.
DEFAULT_NICE = 10


def lower_priority(niceness: int) -> int | None:
    """Add ``niceness`` to this process's nice value; returns the new value (None if kept).

    Every thread of the process follows (Linux applies a process's nice value to the
    threads created after it, and the worker starts its threads after this)."""
    if niceness <= 0:
        return None
    try:
        return os.nice(niceness)
    except OSError as exc:  # pragma: no cover - only an increase is asked, which is allowed
        log.warning("could not lower the worker's CPU priority: %s", exc)
        return None


@dataclass(frozen=True)
class Outcome:
    """What a handler did: ``decision`` is a short word (tagged, unchanged, skipped…)."""

    decision: str
    reason: str


class Handler(Protocol):
    """Decide on a freshly read ticket and apply at most one update through ``desk``.

    A handler may also have ``prepare(desk)``, which `Worker` calls once before ``desk``
    reads a ticket (the triage handler hands it the dropdown key ⇄ value table)."""

    def __call__(self, ticket: Ticket, desk: TicketDesk) -> Outcome: ...


def language_tag(locale: str) -> str:
    """``pt-BR`` → ``lang_pt_br`` (tags are lower case, no hyphens)."""
    return "lang_" + locale.strip().lower().replace("-", "_")


def never_act_on(ticket: Ticket) -> str | None:
    """Why a ticket must be left alone (closed, deleted, spam, merged), or None."""
    if ticket.deleted:
        return "ticket is deleted"
    if ticket.spam:
        return "ticket is spam"
    if ticket.merged:
        return "ticket was merged"
    if ticket.status == "closed":
        return "ticket is closed"
    return None


class LanguageTagger:
    """The minimal real handler: tag the ticket with its requester's language."""

    def __init__(self, locales: Sequence[str] = ("en", "fr", "ko"), default: str = "en") -> None:
        self.locales = tuple(locales)
        self.default = default

    def __call__(self, ticket: Ticket, desk: TicketDesk) -> Outcome:
        from integrations.language import detect

        why = never_act_on(ticket)
        if why:
            return Outcome("skipped", why)
        replies = [c.body for c in ticket.comments if c.public and c.from_requester]
        locale, how = detect([ticket.subject, ticket.description, *replies], self.locales,
                             fallback_locale=ticket.requester_locale, default=self.default)
        tag = language_tag(locale)
        if tag in ticket.tags:
            return Outcome("unchanged", f"{tag} already set ({how})")
        desk.add_tags(ticket.id, [tag])
        return Outcome("tagged", f"{tag} ({how})")


def default_worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident() % 100000}"


class Worker:
    """One worker loop; run several (threads or processes) to share a queue.

    ``desk`` is this loop's own helpdesk client. ``idle_wait`` is how long to wait when the
    queue is empty before looking for due events again.
    """

    def __init__(self, store: EventStore, queue: EventQueue, desk: TicketDesk,
                 handler: Handler, *, name: str | None = None, idle_wait: float = 0.2,
                 retention_days: float = DEFAULT_RETENTION_DAYS,
                 on_event: Callable[[EventRecord], None] | None = None,
                 on_done: Callable[[EventRecord, float], None] | None = None) -> None:
        self.store = store
        self.queue = queue
        self.desk = desk
        self.handler = handler
        prepare = getattr(handler, "prepare", None)  # optional: set up ``desk`` before reads
        if callable(prepare):
            prepare(desk)
        self.name = name or default_worker_name()
        self.idle_wait = idle_wait
        self.retention_days = retention_days
        self.on_event = on_event
        #: called with the final record and the milliseconds it took (`deskops worker`'s line)
        self.on_done = on_done
        self.processed = 0
        self._last_purge = 0.0

    def handle(self, event_id: int) -> EventRecord | None:
        """Process one event if this worker can claim it; returns the final record or None."""
        started = time.perf_counter()
        claimed = self.store.claim(event_id, self.name)
        if claimed is None:
            return None  # done, leased elsewhere, not due, or unknown: a harmless duplicate
        if self.on_event is not None:
            self.on_event(claimed)
        final = self._process(claimed)
        if final is not None and self.on_done is not None:
            self.on_done(final, (time.perf_counter() - started) * 1000)
        return final

    def _process(self, claimed: EventRecord) -> EventRecord | None:
        event_id = claimed.id
        final: EventRecord | None
        if claimed.ticket_id is None:
            final = self.store.finish(claimed, decision="skipped",
                                      reason="event has no ticket id")
            return final or self.store.get(event_id)
        try:
            ticket = self.desk.get_ticket(claimed.ticket_id)
            outcome = self.handler(ticket, self.desk)
        except NotFound:
            final = self.store.finish(claimed, decision="skipped",
                                      reason="ticket no longer exists")
        except HelpdeskError as exc:
            log.warning("event %s (ticket %s) failed: %s", event_id, claimed.ticket_id, exc)
            final = self.store.fail(claimed, str(exc))
        except Exception as exc:  # a handler bug must not kill the loop; it is dead-lettered
            log.exception("event %s (ticket %s): handler error", event_id, claimed.ticket_id)
            final = self.store.fail(claimed, f"{type(exc).__name__}: {exc}")
        else:
            final = self.store.finish(claimed, decision=outcome.decision, reason=outcome.reason,
                                      requester_id=ticket.requester_id)
        self.processed += 1
        # The write returns the final row; a lease lost meanwhile (another worker has it)
        # returns nothing, and the row is read as it is now.
        return final or self.store.get(event_id)

    def step(self) -> bool:
        """Handle one queued nudge, or re-send nudges for due events; False when idle."""
        event_id = self.queue.get()
        if event_id is not None:
            self.handle(event_id)
            return True
        due = self.store.due()
        for due_id in due:
            self.queue.put(due_id)
        now = time.time()
        if now - self._last_purge > 3600:
            self._last_purge = now
            removed = self.store.purge_expired(self.retention_days)
            if removed:
                log.info("retention: erased %s events older than %s days", removed,
                         self.retention_days)
        return bool(due)

    def run(self, stop: threading.Event | None = None, *, until_idle: bool = False) -> int:
        """Loop until ``stop`` is set (or, with ``until_idle``, until nothing is left to do)."""
        stop = stop or threading.Event()
        while not stop.is_set():
            try:
                busy = self.step()
            except (StoreUnavailable, QueueUnavailable) as exc:
                log.warning("%s; retrying in 1s", exc)
                stop.wait(1.0)
                continue
            except DeskopsError as exc:
                log.error("%s", exc)
                stop.wait(1.0)
                continue
            if not busy:
                if until_idle:
                    break
                stop.wait(self.idle_wait)
        return self.processed
