"""Vendor-neutral machinery of the sandbox: state store, clock, request log, rate limiter,
faults, pagination helpers and the `Emulator` control object that ties them together.

Nothing here knows Zendesk or Freshdesk; the vendor packages bring their routes, error
shapes, auth rules, plans and seed data through a `VendorSpec`.
"""

from integrations.sandbox.core.clock import Clock
from integrations.sandbox.core.emulator import Emulator, Plan, VendorSpec
from integrations.sandbox.core.errors import (
    ApiError,
    BadRequest,
    Conflict,
    Forbidden,
    Injected,
    Invalid,
    NotFound,
    RateLimited,
    Unauthorized,
)
from integrations.sandbox.core.faults import Faults
from integrations.sandbox.core.log import LoggedRequest, RequestLog
from integrations.sandbox.core.ratelimit import RateLimiter, Rule
from integrations.sandbox.core.store import Database, Store

__all__ = [
    "ApiError", "BadRequest", "Clock", "Conflict", "Database", "Emulator", "Faults", "Forbidden",
    "Injected", "Invalid", "LoggedRequest", "NotFound", "Plan", "RateLimited", "RateLimiter",
    "RequestLog", "Rule", "Store", "Unauthorized", "VendorSpec",
]
