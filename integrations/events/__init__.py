"""Durable event store and work queue for the webhook pipeline.

``open_store(url)`` picks the back-end from ``DESKOPS_DATABASE_URL``
(``sqlite:///path.db`` or ``postgresql://…``); ``EventQueue(url)`` from
``DESKOPS_QUEUE_URL`` (``sqlite:///path.db`` or ``redis://…``). Same code path either way.
Messages naming such a URL mask its password (`masked_url`): ``postgresql://user:***@host``.
"""

from __future__ import annotations

from typing import Any

from integrations.errors import ConfigError
from integrations.events._url import masked_url
from integrations.events.queue import EventQueue, QueueUnavailable
from integrations.events.store import (
    DEFAULT_LEASE_SECONDS,
    DEFAULT_MAX_ATTEMPTS,
    DEFAULT_RETENTION_DAYS,
    DEFAULT_TIMEOUT_SECONDS,
    MAX_BATCH,
    EventRecord,
    EventStore,
    NewEvent,
    StoreUnavailable,
    canonical_timestamp,
)
from integrations.settings import Settings

__all__ = [
    "DEFAULT_LEASE_SECONDS",
    "DEFAULT_MAX_ATTEMPTS",
    "DEFAULT_RETENTION_DAYS",
    "DEFAULT_TIMEOUT_SECONDS",
    "MAX_BATCH",
    "EventQueue",
    "EventRecord",
    "EventStore",
    "NewEvent",
    "QueueUnavailable",
    "StoreUnavailable",
    "canonical_timestamp",
    "masked_url",
    "open_store",
    "queue_from_settings",
    "setting_number",
    "store_from_settings",
]


def open_store(url: str, **options: Any) -> EventStore:
    """The event store at ``url``; options (clock, lease_seconds, max_attempts …) pass through."""
    if url.startswith("sqlite:///"):
        from integrations.events.sqlite import SqliteEventStore

        return SqliteEventStore(url[len("sqlite:///"):], **options)
    if url.startswith(("postgresql://", "postgres://")):
        from integrations.events.postgres import PostgresEventStore

        return PostgresEventStore(url, **options)
    raise ConfigError(f"DESKOPS_DATABASE_URL {masked_url(url)!r}: use sqlite:///PATH or "
                      "postgresql://…")


def setting_number(settings: Settings, name: str, default: float) -> float:
    """A positive number from ``DESKOPS_*`` settings, or a one-line `ConfigError`."""
    raw = settings.extra.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None
    if value <= 0:
        raise ConfigError(f"{name} must be positive, got {raw!r}")
    return value


def store_from_settings(settings: Settings, **options: Any) -> EventStore:
    """The store named by ``DESKOPS_DATABASE_URL``, with ``DESKOPS_LEASE_SECONDS``,
    ``DESKOPS_MAX_ATTEMPTS`` and ``DESKOPS_STORE_TIMEOUT_SECONDS`` (longest lock or statement
    wait) applied; keyword ``options`` win, e.g. a test clock."""
    options.setdefault("lease_seconds",
                       setting_number(settings, "DESKOPS_LEASE_SECONDS", DEFAULT_LEASE_SECONDS))
    options.setdefault("max_attempts",
                       int(setting_number(settings, "DESKOPS_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS)))
    options.setdefault("grace_seconds",
                       setting_number(settings, "DESKOPS_NUDGE_GRACE_SECONDS", 30.0))
    options.setdefault("timeout", setting_number(settings, "DESKOPS_STORE_TIMEOUT_SECONDS",
                                                 DEFAULT_TIMEOUT_SECONDS))
    return open_store(settings.database_url, **options)


def queue_from_settings(settings: Settings, **options: Any) -> EventQueue:
    """The queue named by ``DESKOPS_QUEUE_URL`` (queue name ``DESKOPS_QUEUE_NAME``, default
    ``deskops``: several workspaces can share one Redis)."""
    options.setdefault("name", settings.extra.get("DESKOPS_QUEUE_NAME") or "deskops")
    return EventQueue(settings.queue_url, **options)
