"""Helpdesk adapters behind one provider-neutral contract (`base.Helpdesk`).

``connect(settings, target)`` builds the adapter for a target; `ZendeskHelpdesk` (zenpy)
and `FreshdeskHelpdesk` (requests) can also be built around a client passed in. Both share
`_http.HelpdeskSession`: credential guard, sandbox redirect, call counts and retries.
"""

from __future__ import annotations

from integrations.helpdesk._common import Check
from integrations.helpdesk._http import RetryPolicy
from integrations.helpdesk.base import CallCounter, Capabilities, Helpdesk
from integrations.helpdesk.connect import connect

__all__ = ["CallCounter", "Capabilities", "Check", "Helpdesk", "RetryPolicy", "connect"]
