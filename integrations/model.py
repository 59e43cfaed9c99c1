"""The provider-neutral model: what a workspace says, and what a helpdesk holds.

Both sides of a plan are expressed in these types, so the planner never sees a vendor
shape. Desired objects (read from schema files) are keyed by their workspace key; remote
objects (read by an adapter) carry their remote ``id`` and, where they reference other
objects, remote ids (``int``) instead of keys. The planner resolves ids to keys through
the lock file and title adoption (`integrations.plan`).

System fields (subject, description, ...) are referenced by their reserved name, never
created; see `SYSTEM_FIELDS`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from integrations.triage.reading.learned import Model

__all__ = [
    "FIELD_KINDS",
    "SYSTEM_FIELDS",
    "Condition",
    "ConditionChild",
    "Field",
    "FieldKind",
    "Form",
    "Option",
    "Ref",
    "RemoteState",
    "Target",
    "Ticket",
    "TicketComment",
    "Workspace",
]

Target = Literal["zendesk", "freshdesk"]

FieldKind = Literal[
    "text", "textarea", "regexp", "dropdown", "multiselect",
    "checkbox", "integer", "decimal", "date",
]
FIELD_KINDS: tuple[FieldKind, ...] = (
    "text", "textarea", "regexp", "dropdown", "multiselect",
    "checkbox", "integer", "decimal", "date",
)

#: Helpdesk built-in fields a form may reference (via ``x-deskops.system``) but never creates.
SYSTEM_FIELDS: tuple[str, ...] = (
    "subject", "description", "requester", "company", "status", "priority", "group", "type",
)

#: A reference to a field: a workspace key (desired side, and system field names on both
#: sides) or a remote custom-field id (remote side, before resolution).
Ref = str | int


@dataclass(frozen=True)
class Option:
    """One dropdown/multiselect choice. ``value`` (the tag) is its identity, not its title."""

    value: str
    title: str
    titles: Mapping[str, str] = field(default_factory=dict)
    id: int | None = field(default=None, compare=False)
    #: the value before a rename (``x-deskops.was``): the planner updates that option
    was: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Field:
    """A custom ticket field; ``key`` is the schema file name and never changes with the title.

    ``titles``/``descriptions`` hold every locale, the default one included. ``vendor`` is the
    ``x-deskops`` block's per-target settings (``{"zendesk": {...}, "freshdesk": {...}}``),
    passed through to the adapter untouched.
    """

    key: str
    kind: FieldKind
    title: str
    description: str = ""
    titles: Mapping[str, str] = field(default_factory=dict)
    descriptions: Mapping[str, str] = field(default_factory=dict)
    options: tuple[Option, ...] = ()
    pattern: str | None = None
    required_in_portal: bool = False
    visible_in_portal: bool = True
    editable_in_portal: bool = True
    active: bool = True
    vendor: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    # Not provisioned; used by the worker to find a value in free text.
    extract: tuple[str, ...] = field(default=(), compare=False)
    id: int | None = field(default=None, compare=False)
    source: str = field(default="", compare=False)
    #: the key before a rename (``x-deskops.was``): the planner keeps that remote field
    was: str | None = field(default=None, compare=False)
    # The raw field schema file (worker validation resolves form ``$ref``s to it).
    schema: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class ConditionChild:
    """A field shown (and maybe required) when the parent condition holds."""

    field: Ref
    required: bool = False


@dataclass(frozen=True)
class Condition:
    """``if parent == value then show children``: one JSON Schema ``if``/``then`` pair."""

    parent: Ref
    value: str | bool
    children: tuple[ConditionChild, ...]
    audience: Literal["end_user", "agent"] = "end_user"


@dataclass(frozen=True)
class Form:
    """A ticket form: an ordered list of field refs (property order of the form schema)."""

    key: str
    title: str
    fields: tuple[Ref, ...]
    titles: Mapping[str, str] = field(default_factory=dict)
    description: str = ""
    conditions: tuple[Condition, ...] = ()
    end_user_visible: bool = True
    default: bool = False
    active: bool = True
    brands: tuple[str, ...] = ()
    position: int = 0
    vendor: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    # Used by the worker, not provisioned: required keys (JSON Schema ``required``) and
    # required attachments (``x-deskops.attachments``), and the raw form schema.
    required: tuple[str, ...] = field(default=(), compare=False)
    attachments: tuple[Mapping[str, Any], ...] = field(default=(), compare=False)
    schema: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    id: int | None = field(default=None, compare=False)
    source: str = field(default="", compare=False)
    # ``description`` in every locale, the default one included (``x-deskops.description``);
    # not provisioned (helpdesk forms have no description), shown to people by deskops.
    descriptions: Mapping[str, str] = field(default_factory=dict, compare=False)
    #: the key before a rename (``x-deskops.was``): the planner keeps that remote form
    was: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Workspace:
    """A loaded, valid workspace folder (`integrations.workspace.load`)."""

    root: Path
    default_locale: str
    locales: tuple[str, ...]
    fields: Mapping[str, Field]
    forms: Mapping[str, Form]
    settings: Mapping[str, Any] = field(default_factory=dict)
    #: ``learned.json``, when the workspace has one: a second opinion on dropdowns
    #: (`integrations.triage.reading.learned`); never provisioned.
    learned: Model | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class RemoteState:
    """What an adapter read from a helpdesk: custom fields and forms with remote ids.

    ``groups`` and ``brands`` map names to ids, ``locales`` lists enabled locales.
    ``forms_unavailable`` is None when the account has ticket forms, else the helpdesk's
    reason (e.g. a Zendesk Team plan answers 403): ``forms`` is then empty, and the
    planner refuses a workspace with forms before any write.
    """

    fields: tuple[Field, ...] = ()
    forms: tuple[Form, ...] = ()
    groups: Mapping[str, int] = field(default_factory=dict)
    brands: Mapping[str, int] = field(default_factory=dict)
    locales: tuple[str, ...] = ()
    forms_unavailable: str | None = None


@dataclass(frozen=True)
class TicketComment:
    """One comment on a ticket, as triage needs it (no author e-mail kept)."""

    id: int
    author_id: int
    public: bool
    body: str
    created_at: datetime
    from_requester: bool = False
    from_agent: bool = False
    #: Auto-responder evidence (``Auto-Submitted``, ``X-Autoreply`` headers seen by the helpdesk).
    auto_submitted: bool = False
    attachments: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ticket:
    """A ticket in neutral terms, as read fresh from the helpdesk (the webhook is only a hint).

    ``status`` uses Zendesk's names (new, open, pending, hold, solved, closed; Freshdesk's
    numeric statuses are mapped by its adapter). ``fields`` maps remote custom-field ids to
    values; triage resolves them to workspace keys through the lock file.
    """

    id: int
    subject: str
    description: str
    status: str
    updated_at: datetime
    requester_id: int
    requester_locale: str | None = None
    requester_verified: bool = True
    requester_domain: str | None = None
    #: the requester's IANA time zone when the helpdesk knows it (relative dates in their text)
    time_zone: str | None = None
    form_id: int | None = None
    brand_id: int | None = None
    group_id: int | None = None
    priority: str | None = None
    type: str | None = None
    channel: str = "web"
    recipient: str | None = None
    tags: tuple[str, ...] = ()
    fields: Mapping[int, Any] = field(default_factory=dict)
    comments: tuple[TicketComment, ...] = ()
    attachments: tuple[str, ...] = ()
    #: Zendesk ``updated_stamp`` for conflict-safe updates; Freshdesk leaves it None.
    version: str | None = None
    spam: bool = False
    deleted: bool = False
    merged: bool = False
