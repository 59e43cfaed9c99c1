"""Chase actions in the event store, so `deskops report` counts them at once.

`deskops chase` writes reminders and auto-solves on the helpdesk itself; the worker would
see those states only later (a sweep, the requester's next reply). Each action the chase
takes (reminder n, auto-solve, or a skip with its reason) is stored as a finished event of
source ``chase``, carrying the same audit JSON the worker stores (ids, keys, the stage the
ticket is in afterwards — never requester text), so the report's per-ticket figures read it
like any worker decision.

No double counting: the report counts tickets, not events (a ticket seen reminded by both
the chase and the worker counts once), and a repeated run on the same ticket state with the
same decision stores nothing more (its key is ticket, state and decision). The row has no
``ticket_updated_at``, so the sweep (which skips states already done) still hands the
ticket's new state to the worker.
"""

from __future__ import annotations

from integrations.events.store import EventStore

__all__ = ["SOURCE", "record_chase"]

SOURCE = "chase"


def record_chase(store: EventStore, *, ticket_id: int, state: str, decision: str,
                 audit: str, requester_id: int | None = None) -> bool:
    """Store one chase action as a finished event; False when this very action (ticket,
    ``state`` — the ticket's ``updated_at`` as read —, ``decision``) is already stored."""
    store.setup()
    key = f"{SOURCE}:{ticket_id}@{state}:{decision}"
    now = store.clock()
    with store._tx() as cur:
        cur.execute(
            "INSERT INTO deskops_events (source, kind, ticket_id, invocation_id, "
            "invocation_key, requester_id, status, attempts, received_at, decision, reason, "
            "finished_at) VALUES (?, ?, ?, ?, ?, ?, 'done', 1, ?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            (SOURCE, decision.rpartition(":")[2], ticket_id, state, key, requester_id, now,
             decision, audit, now))
        return bool(cur.rowcount == 1)
