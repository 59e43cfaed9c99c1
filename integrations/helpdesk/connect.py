"""`connect(settings, target)`: the one way the CLI and the planner get a `Helpdesk`."""

from __future__ import annotations

from integrations.errors import ConfigError
from integrations.helpdesk._http import RetryPolicy
from integrations.helpdesk.base import CallCounter, Helpdesk
from integrations.settings import Settings

__all__ = ["connect"]


def connect(
    settings: Settings,
    target: str | None = None,
    *,
    calls: CallCounter | None = None,
    retry: RetryPolicy | None = None,
) -> Helpdesk:
    """The adapter for ``target`` (default: ``settings.target``), built from settings.

    Raises `ConfigError` naming the missing variable(s) when a credential is absent; nothing
    is sent until the first verb.
    """
    name = target or settings.target
    if name == "zendesk":
        from integrations.helpdesk.zendesk import ZendeskHelpdesk

        return ZendeskHelpdesk(settings=settings, calls=calls, retry=retry)
    if name == "freshdesk":
        from integrations.helpdesk.freshdesk import FreshdeskHelpdesk

        return FreshdeskHelpdesk(settings=settings, calls=calls, retry=retry)
    raise ConfigError(f"unknown target {name!r}: use 'zendesk' or 'freshdesk'")
