"""Turn a webhook body into a `NewEvent` (ids and timestamps only), or a one-line reason.

Accepted shapes (the body is a hint; the worker re-reads the ticket from the helpdesk):

* deskops's own trigger / automation body (what ``deskops webhooks install`` sets up)::

    {"event": "ticket_created" | "ticket_updated", "ticket_id": 42,
     "updated_at": "2024-05-01T10:00:00Z", "requester_id": 7}

* Zendesk event-subscription bodies: ``{"type": "zen:event-type:ticket.created",
  "id": "...", "detail": {"id": "42", "updated_at": "...", "requester_id": "7"}}``;
* a nested ``{"ticket": {...}}`` or Freshdesk's ``{"freshdesk_webhook": {...}}`` wrapper.

Unknown event types are recorded as ignored (202), not refused.
"""

from __future__ import annotations

from typing import Any

from integrations.events import NewEvent

__all__ = ["KNOWN_EVENTS", "BadPayload", "parse_event"]

KNOWN_EVENTS = ("ticket_created", "ticket_updated")


class BadPayload(ValueError):
    """The body cannot be an event; ``str()`` is the one-line reason for the 400."""


def _int(value: Any, what: str, *, required: bool) -> int | None:
    if value is None or value == "":
        if required:
            raise BadPayload(f"missing {what}")
        return None
    if isinstance(value, bool):
        raise BadPayload(f"{what} must be an integer")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)  # 42.0 is an integer to JSON Schema too
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit() \
            and len(value.strip()) <= 19:
        number = int(value.strip())  # ASCII digits only: "٤٢" or "²" are not ticket ids
    else:
        raise BadPayload(f"{what} must be an integer")
    if number <= 0 or number >= 2**63:
        raise BadPayload(f"{what} is out of range")
    return number


def _kind(raw: Any) -> tuple[str, bool]:
    """(event kind, known?)"""
    if raw is None:
        return "ticket_updated", True
    if not isinstance(raw, str):
        raise BadPayload("event must be a string")
    name = raw.strip()
    if name in KNOWN_EVENTS:
        return name, True
    if name.startswith("zen:event-type:ticket."):
        return ("ticket_created" if name.endswith(".created") else "ticket_updated"), True
    return name[:100] or "unknown", False


def parse_event(body: Any, *, source: str, invocation_id: str | None,
                webhook_id: str | None) -> NewEvent:
    """The event in ``body`` (already JSON-decoded); raises `BadPayload` with the reason."""
    if not isinstance(body, dict):
        raise BadPayload("body must be a JSON object")
    data: dict[str, Any] = body
    for wrapper in ("freshdesk_webhook", "detail", "ticket"):
        inner = body.get(wrapper)
        if isinstance(inner, dict):
            data = {**body, **inner}
            if wrapper in ("detail", "ticket") and "ticket_id" not in data and "id" in inner:
                data["ticket_id"] = inner["id"]
            break
    kind, known = _kind(body.get("event", body.get("type")))
    event_id = body.get("id") if isinstance(body.get("detail"), dict) else None
    invocation = invocation_id or (str(event_id) if isinstance(event_id, str | int) else None)
    if not known:
        ticket_id = None
        try:
            ticket_id = _int(data.get("ticket_id"), "ticket_id", required=False)
        except BadPayload:
            ticket_id = None
        return NewEvent(source=source, kind=kind, ticket_id=ticket_id, invocation_id=invocation,
                        webhook_id=webhook_id, ignored=True,
                        reason=f"unknown event type {kind!r}")
    ticket_id = _int(data.get("ticket_id"), "ticket_id", required=True)
    updated = data.get("updated_at", data.get("ticket_updated_at"))
    if updated is not None and not isinstance(updated, str):
        raise BadPayload("updated_at must be a string timestamp")
    return NewEvent(
        source=source, kind=kind, ticket_id=ticket_id,
        ticket_updated_at=updated or None, invocation_id=invocation, webhook_id=webhook_id,
        requester_id=_int(data.get("requester_id"), "requester_id", required=False),
    )
