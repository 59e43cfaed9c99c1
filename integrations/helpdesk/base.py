"""The provider-neutral helpdesk contract that the planner and the CLI talk to.

An adapter (`zendesk.ZendeskHelpdesk` on zenpy, `freshdesk.FreshdeskHelpdesk` on requests)
implements these verbs for one vendor and knows nothing of planning or triage. The vendor
client is passed in (a ``Zenpy`` or a ``requests.Session``) and only built from settings
when none is given: that is what makes the sandbox and the real helpdesk interchangeable.

Every adapter counts its calls in `calls` (reads, writes, retries, 429s, per endpoint):
idempotence tests and benchmarks rely on these counts.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import ClassVar

from integrations.model import Field, Form, Option, RemoteState, Target

__all__ = ["CallCounter", "Capabilities", "Helpdesk"]


class CallCounter:
    """Thread-safe counts of the HTTP calls an adapter made (retries counted separately)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.reads = 0
        self.writes = 0
        self.retries = 0
        self.rate_limited = 0
        self.by_endpoint: Counter[str] = Counter()

    def record(self, method: str, endpoint: str) -> None:
        with self._lock:
            if method.upper() in ("GET", "HEAD"):
                self.reads += 1
            else:
                self.writes += 1
            self.by_endpoint[f"{method.upper()} {endpoint}"] += 1

    def record_retry(self, *, rate_limited: bool) -> None:
        with self._lock:
            self.retries += 1
            if rate_limited:
                self.rate_limited += 1

    def as_dict(self) -> dict[str, int]:
        return {"reads": self.reads, "writes": self.writes, "retries": self.retries,
                "rate_limited": self.rate_limited}

    def __str__(self) -> str:
        return (f"{self.reads} reads, {self.writes} writes, {self.retries} retries "
                f"({self.rate_limited} after 429)")


@dataclass(frozen=True)
class Capabilities:
    """What a target can express; `workspace.validate` turns gaps into errors."""

    multiselect: bool
    regexp: bool
    field_translations: bool  # per-locale titles provisioned (Zendesk dynamic content)
    conditions: bool
    brands: bool


class Helpdesk(ABC):
    """One helpdesk account, seen through the verbs provisioning needs.

    Verbs take and return `integrations.model` objects; remote references are ids.
    Errors are `integrations.errors.HelpdeskError` subclasses, never vendor exceptions.
    """

    target: ClassVar[Target]
    capabilities: ClassVar[Capabilities]
    calls: CallCounter

    # -- reading -------------------------------------------------------------------------
    @abstractmethod
    def read_state(self) -> RemoteState:
        """Everything the planner compares, read with paginated list calls (never per object)."""

    # -- fields and options ----------------------------------------------------------------
    @abstractmethod
    def create_field(self, field: Field) -> Field:
        """Create a field with all its options in one call; return it with remote ids."""

    @abstractmethod
    def update_field(self, field_id: int, field: Field) -> None:
        """Update a field's own attributes; never sends the option list."""

    @abstractmethod
    def delete_field(self, field_id: int) -> None: ...

    @abstractmethod
    def create_option(self, field_id: int, option: Option, position: int) -> Option:
        """Add one option (per-option endpoint); return it with its id."""

    @abstractmethod
    def update_option(self, field_id: int, option: Option, position: int) -> None:
        """Change one existing option (``option.id`` set) in place."""

    @abstractmethod
    def delete_option(self, field_id: int, option_id: int) -> None: ...

    @abstractmethod
    def set_field_translations(self, field_id: int, field: Field, *, prune: bool = False
                               ) -> None:
        """Provision per-locale titles/descriptions (Zendesk: dynamic content items); with
        ``prune``, also remove the locales ``field`` does not have."""

    def count_tickets_with(self, field_id: int, value: str) -> int | None:
        """How many tickets hold ``value`` in the field (one search call), or None when the
        helpdesk cannot say; the plan shows it beside a destructive option removal."""
        return None

    # -- forms -------------------------------------------------------------------------------
    @abstractmethod
    def create_form(self, form: Form) -> int:
        """Create a form whose refs are remote ids / system names; return its id."""

    @abstractmethod
    def update_form(self, form_id: int, form: Form) -> None: ...

    @abstractmethod
    def delete_form(self, form_id: int) -> None: ...

    @abstractmethod
    def reorder_forms(self, form_ids: Sequence[int]) -> None: ...

    # -- lifecycle ---------------------------------------------------------------------------
    @abstractmethod
    def close(self) -> None:
        """Release the vendor client's connections."""

    def __enter__(self) -> Helpdesk:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
