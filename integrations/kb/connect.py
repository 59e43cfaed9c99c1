"""`connect_kb(settings, target)`: the KB adapter for a target, built from settings.

Kept apart from the pure core (`sources`, `plan`, `apply` import no HTTP client): only the
CLI and the benchmark call this.
"""

from __future__ import annotations

from integrations.errors import ConfigError
from integrations.helpdesk._http import RetryPolicy
from integrations.helpdesk.base import CallCounter
from integrations.kb.target import KbTarget
from integrations.settings import Settings

__all__ = ["connect_kb"]


def connect_kb(settings: Settings, target: str | None = None, *,
               calls: CallCounter | None = None, retry: RetryPolicy | None = None) -> KbTarget:
    """Guide for ``zendesk``, Solutions for ``freshdesk``; nothing is sent until `read`."""
    name = target or settings.target
    if name == "zendesk":
        from integrations.helpdesk.guide import GuideTarget

        return GuideTarget(settings=settings, calls=calls, retry=retry)
    if name == "freshdesk":
        from integrations.helpdesk.solutions import SolutionsTarget

        return SolutionsTarget(settings=settings, calls=calls, retry=retry)
    raise ConfigError(f"unknown target {name!r}: use 'zendesk' or 'freshdesk'")
