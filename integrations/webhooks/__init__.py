"""The webhook receiver: signature checks, secrets, payload parsing and the ASGI app."""

from __future__ import annotations

from integrations.events import queue_from_settings, setting_number, store_from_settings
from integrations.settings import Settings
from integrations.webhooks.app import DEFAULT_MAX_BODY, ReceiverConfig, create_app
from integrations.webhooks.secrets import SecretBook
from integrations.webhooks.signature import DEFAULT_WINDOW_SECONDS

__all__ = ["ReceiverConfig", "SecretBook", "create_app", "receiver_config", "secret_book"]


def secret_book(settings: Settings) -> SecretBook:
    """The secrets file named by ``DESKOPS_WEBHOOK_SECRETS_FILE`` (default in the state
    folder, `Settings.webhook_secrets_file`)."""
    return SecretBook(settings.webhook_secrets_file)


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
