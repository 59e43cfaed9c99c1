"""`deskops sweep`: reconcile what the helpdesk never delivered (or deskops never finished).

Zendesk drops events while its circuit breaker is open; Freshdesk gives up after 24 h. The
sweep lists tickets updated in a window (Zendesk incremental export, Freshdesk
``updated_since``) and stores an event for every ticket state the store has not seen.
Known states dedupe on (ticket id, updated_at), so running it twice adds nothing.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime

from integrations.events import EventQueue, EventStore, NewEvent, QueueUnavailable
from integrations.helpdesk.tickets import TicketDesk

__all__ = ["SweepReport", "sweep"]


@dataclass
class SweepReport:
    seen: int = 0
    enqueued: list[int] = field(default_factory=list)  # ticket ids
    pending: int = 0  # known, not finished yet (the store re-sends their nudges)
    done: int = 0
    dead: list[int] = field(default_factory=list)  # event ids needing `events retry`

    def __str__(self) -> str:
        return (f"{self.seen} ticket states in window: {len(self.enqueued)} enqueued, "
                f"{self.done} already done, {self.pending} in progress, "
                f"{len(self.dead)} dead-lettered")


def sweep(store: EventStore, queue: EventQueue, desk: TicketDesk, since: datetime) -> SweepReport:
    """Store and enqueue every ticket state updated since ``since`` that the store lacks."""
    report = SweepReport()
    for ticket_id, updated_at in desk.updated_since(since):
        report.seen += 1
        record, created = store.add(NewEvent(source="sweep", kind="ticket_updated",
                                             ticket_id=ticket_id, ticket_updated_at=updated_at))
        if created:
            report.enqueued.append(ticket_id)
            with suppress(QueueUnavailable):  # stored: the store re-sends the nudge
                queue.put(record.id)
        elif record.status == "done":
            report.done += 1
        elif record.status == "dead":
            report.dead.append(record.id)
        else:
            report.pending += 1
    return report
