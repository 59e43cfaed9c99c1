"""`Emulator`: one emulated helpdesk (state, clock, log, limits, faults) and its controls.

The same object backs the HTTP admin endpoints (``/_sandbox/...``) and the Python controls
tests use on a running sandbox (``running.zendesk.set_plan("team")``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from integrations.sandbox.core.clock import Clock
from integrations.sandbox.core.errors import ApiError, BadRequest
from integrations.sandbox.core.faults import Faults, FaultState
from integrations.sandbox.core.log import RequestLog
from integrations.sandbox.core.ratelimit import Decision, RateLimiter, Rule, whole_seconds
from integrations.sandbox.core.store import Database, Record, Store

__all__ = ["Emulator", "Plan", "Principal", "Seeder", "VendorSpec"]


@dataclass(frozen=True)
class Plan:
    """A plan preset: the account-wide limit per minute and the features it has."""

    name: str
    per_minute: int
    features: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Principal:
    """Who made a request: ``kind`` is ``token``, ``oauth``, ``api_key``...; scopes apply
    to OAuth tokens only (None: unrestricted)."""

    kind: str
    name: str
    scopes: frozenset[str] | None = None


Seeder = Callable[["Emulator", dict[str, Any]], Record]


@dataclass
class VendorSpec:
    """What a vendor package provides to the generic machinery."""

    name: str
    plans: Mapping[str, Plan]
    default_plan: str
    endpoint_limits: Sequence[Rule]
    bootstrap: Callable[[Emulator], None]
    seeders: Mapping[str, Seeder]
    render_error: Callable[[ApiError], Response]
    authenticate: Callable[[Emulator, Request], Principal]
    rate_headers: Callable[[Emulator, Decision], dict[str, str]]
    first_id: int = 1
    public_paths: tuple[str, ...] = ()  # no API authentication (e.g. the OAuth token endpoint)
    extra: dict[str, Any] = field(default_factory=dict)


class Emulator:
    """One emulated helpdesk account; thread-safe controls for tests and admin routes."""

    def __init__(self, spec: VendorSpec, db: Database | None = None, *,
                 plan: str | None = None) -> None:
        self.spec = spec
        self.db = db or Database()
        self.store = Store(self.db, spec.name, first_id=spec.first_id)
        self.clock = Clock()
        self.log = RequestLog()
        self.limiter = RateLimiter(self.clock)
        self.faults = FaultState()
        self._default_plan = plan or spec.default_plan
        if plan is not None:
            self._check_plan(plan)
        if not self.store.get_meta("bootstrapped"):
            self._bootstrap()
        elif plan is not None:
            self.store.set_meta("plan", plan)

    # -- state ----------------------------------------------------------------------------
    def _bootstrap(self) -> None:
        with self.db.transaction():
            self.store.clear()
            self.store.set_meta("plan", self._default_plan)
            self.spec.bootstrap(self)
            self.store.set_meta("bootstrapped", True)

    def reset(self) -> None:
        """Back to a fresh account: state, plan, log, limits, faults and clock."""
        self._bootstrap()
        self.log.clear()
        self.limiter.reset()
        self.faults.clear()
        self.clock.reset()

    def seed(self, collection: str, objects: Sequence[dict[str, Any]]) -> list[Record]:
        """Create objects directly (no auth, no rate limit, no log, no plan check), through
        the same validation as the API; returns the stored records."""
        seeder = self.spec.seeders.get(collection)
        if seeder is None:
            raise BadRequest(f"unknown collection {collection!r}; known: "
                             + ", ".join(sorted(self.spec.seeders)), code="UnknownCollection")
        with self.db.transaction():
            return [seeder(self, dict(obj)) for obj in objects]

    # -- plan -----------------------------------------------------------------------------
    def _check_plan(self, name: str) -> Plan:
        try:
            return self.spec.plans[name]
        except KeyError:
            raise BadRequest(f"unknown {self.spec.name} plan {name!r}; known: "
                             + ", ".join(self.spec.plans), code="UnknownPlan") from None

    @property
    def plan(self) -> Plan:
        return self.spec.plans[str(self.store.get_meta("plan", self._default_plan))]

    def set_plan(self, name: str) -> Plan:
        plan = self._check_plan(name)
        self.store.set_meta("plan", name)
        self.limiter.reset()
        return plan

    def has_feature(self, feature: str) -> bool:
        return feature in self.plan.features

    def account_rule(self) -> Rule:
        plan = self.plan
        return Rule("account", plan.per_minute)

    # -- faults ---------------------------------------------------------------------------
    def set_faults(self, **changes: Any) -> Faults:
        """Replace the fault settings (unspecified ones back to defaults)."""
        self.faults.set(Faults(**changes))
        return self.faults.config

    def clear_faults(self) -> None:
        self.faults.clear()

    def retry_after(self, seconds: float) -> str:
        """Format ``Retry-After``: whole seconds, or fractional when that fault is on."""
        if self.faults.config.fractional_retry_after:
            return f"{max(math.ceil(seconds) - 0.5, 0.5):.1f}"
        return str(whole_seconds(seconds))
