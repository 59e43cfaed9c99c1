"""The webhook receiver: signature checks, secrets, payload parsing and the ASGI app."""

from __future__ import annotations

from pathlib import Path

from integrations.events import queue_from_settings, setting_number, store_from_settings
from integrations.settings import Settings
from integrations.webhooks.app import DEFAULT_MAX_BODY, ReceiverConfig, create_app
from integrations.webhooks.secrets import DEFAULT_SECRETS_FILE, SecretBook
from integrations.webhooks.signature import DEFAULT_WINDOW_SECONDS

__all__ = ["ReceiverConfig", "SecretBook", "create_app", "receiver_config", "secret_book"]


def secret_book(settings: Settings) -> SecretBook:
    """The secrets file named by ``DESKOPS_WEBHOOK_SECRETS_FILE`` (default under .deskops/)."""
    return SecretBook(Path(settings.extra.get("DESKOPS_WEBHOOK_SECRETS_FILE")
                           or DEFAULT_SECRETS_FILE))


def receiver_config(settings: Settings) -> ReceiverConfig:
    """Receiver wiring from settings: store, queue, secrets, window and body limit."""
    return ReceiverConfig(
        store=store_from_settings(settings),
        queue=queue_from_settings(settings),
        secrets=secret_book(settings),
        window_seconds=setting_number(settings, "DESKOPS_WEBHOOK_WINDOW_SECONDS",
                                      DEFAULT_WINDOW_SECONDS),
        max_body=int(setting_number(settings, "DESKOPS_WEBHOOK_MAX_BODY", DEFAULT_MAX_BODY)),
    )
