"""Plan operations: small frozen objects, one per change, consumed by the renderer and by apply.

Each operation knows the object it touches (``kind`` and workspace ``key``), whether it can
erase ticket data (``destructive``), the apply ``phase`` it belongs to (dependency order:
fields → options → translations → forms (with their conditions) → deletions → form order),
and how it counts in the plan summary (``action``: create, change, delete or replace).
Remote ids in operations are those read at plan time; ids of objects created during the
same apply are looked up in the lock file when the operation runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from integrations.model import Field, Form, Option

__all__ = [
    "Change",
    "CreateField",
    "CreateForm",
    "CreateOption",
    "DeleteField",
    "DeleteForm",
    "DeleteOption",
    "Op",
    "Rename",
    "RenameField",
    "RenameForm",
    "ReorderForms",
    "ReplaceField",
    "SetTranslations",
    "UpdateField",
    "UpdateForm",
    "UpdateOption",
]

Action = Literal["create", "change", "delete", "replace"]

# Apply phases, in dependency order.
PHASE_RENAMES = 5
PHASE_FIELDS = 10
PHASE_OPTIONS = 20
PHASE_OPTION_DELETES = 25
PHASE_TRANSLATIONS = 30
PHASE_FORMS = 40
PHASE_FORM_DELETES = 50
PHASE_FIELD_DELETES = 60
PHASE_FORM_ORDER = 70


@dataclass(frozen=True)
class Change:
    """One attribute that changes: ``attr: old → new``."""

    attr: str
    old: Any
    new: Any

    def as_dict(self) -> dict[str, Any]:
        return {"attr": self.attr, "old": self.old, "new": self.new}


@dataclass(frozen=True)
class Op:
    """Base of every operation; subclasses set the class-level facts."""

    kind: ClassVar[str] = ""
    action: ClassVar[Action] = "change"
    phase: ClassVar[int] = 0
    destructive: ClassVar[bool] = False

    @property
    def key(self) -> str:
        raise NotImplementedError

    @property
    def name(self) -> str:
        """Operation name for JSON output, e.g. ``create_field``."""
        return f"{self.action if self.action != 'change' else 'update'}_{self.kind}"

    def details(self) -> dict[str, Any]:
        return {}

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"op": self.name, "kind": self.kind, "key": self.key,
                               "action": self.action, "destructive": self.destructive}
        out.update(self.details())
        return out


def _changes(changes: tuple[Change, ...]) -> list[dict[str, Any]]:
    return [c.as_dict() for c in changes]


# -- renames -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Rename(Op):
    """A field or form key renamed in the workspace (``x-deskops.was``): the remote object is
    kept, and the lock file moves it to the new key (`record_identities`, before any
    write), so the rename itself makes no call; other changes of the object show beside it."""

    new: str
    old: str
    id: int
    phase: ClassVar[int] = PHASE_RENAMES

    @property
    def name(self) -> str:
        return f"rename_{self.kind}"

    @property
    def key(self) -> str:
        return self.new

    def details(self) -> dict[str, Any]:
        return {"id": self.id, "changes": [Change("key", self.old, self.new).as_dict()]}


@dataclass(frozen=True)
class RenameField(Rename):
    kind: ClassVar[str] = "field"


@dataclass(frozen=True)
class RenameForm(Rename):
    kind: ClassVar[str] = "form"


# -- fields --------------------------------------------------------------------------------
@dataclass(frozen=True)
class CreateField(Op):
    """Create a field with all its options in one call."""

    field: Field
    kind: ClassVar[str] = "field"
    action: ClassVar[Action] = "create"
    phase: ClassVar[int] = PHASE_FIELDS

    @property
    def key(self) -> str:
        return self.field.key

    def details(self) -> dict[str, Any]:
        return {"type": self.field.kind, "title": self.field.title,
                "options": [o.value for o in self.field.options]}


@dataclass(frozen=True)
class UpdateField(Op):
    """Change a field's own attributes (never its option list)."""

    field: Field
    id: int
    changes: tuple[Change, ...]
    kind: ClassVar[str] = "field"
    phase: ClassVar[int] = PHASE_FIELDS

    @property
    def key(self) -> str:
        return self.field.key

    def details(self) -> dict[str, Any]:
        return {"id": self.id, "changes": _changes(self.changes)}


@dataclass(frozen=True)
class ReplaceField(Op):
    """Delete and re-create a field whose type changed: its ticket values are lost."""

    field: Field
    id: int
    old_type: str
    kind: ClassVar[str] = "field"
    action: ClassVar[Action] = "replace"
    phase: ClassVar[int] = PHASE_FIELDS
    destructive: ClassVar[bool] = True

    @property
    def key(self) -> str:
        return self.field.key

    def details(self) -> dict[str, Any]:
        return {"id": self.id, "changes": [Change("type", self.old_type, self.field.kind)
                                           .as_dict()],
                "reason": "a field's type cannot be changed in place; its ticket values are lost"}


@dataclass(frozen=True)
class DeleteField(Op):
    """Delete a field recorded in this workspace's lock file (``--prune``)."""

    field_key: str
    id: int
    title: str
    kind: ClassVar[str] = "field"
    action: ClassVar[Action] = "delete"
    phase: ClassVar[int] = PHASE_FIELD_DELETES
    destructive: ClassVar[bool] = True

    @property
    def key(self) -> str:
        return self.field_key

    def details(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title}


# -- options -------------------------------------------------------------------------------
@dataclass(frozen=True)
class CreateOption(Op):
    """Add one option to an existing field through the per-option endpoint."""

    field_key: str
    option: Option
    position: int
    kind: ClassVar[str] = "option"
    action: ClassVar[Action] = "create"
    phase: ClassVar[int] = PHASE_OPTIONS

    @property
    def key(self) -> str:
        return f"{self.field_key}.{self.option.value}"

    def details(self) -> dict[str, Any]:
        return {"field": self.field_key, "value": self.option.value, "title": self.option.title,
                "position": self.position}


@dataclass(frozen=True)
class UpdateOption(Op):
    """Change one existing option in place (title, value or position), keeping its id."""

    field_key: str
    option: Option  # desired option, ``id`` set to the remote id
    position: int
    changes: tuple[Change, ...]
    #: False for an option the workspace does not list, moved only to keep its place
    managed: bool = True
    #: a Freshdesk choice still holding the option key gets its title (``value`` change)
    migration: bool = False
    kind: ClassVar[str] = "option"
    phase: ClassVar[int] = PHASE_OPTIONS

    @property
    def key(self) -> str:
        return f"{self.field_key}.{self.option.value}"

    def details(self) -> dict[str, Any]:
        return {"field": self.field_key, "value": self.option.value, "id": self.option.id,
                "position": self.position, "changes": _changes(self.changes),
                "migration": self.migration}


@dataclass(frozen=True)
class DeleteOption(Op):
    """Remove one option: tickets holding its value lose it, hence destructive.

    ``managed`` is False for an option added on the helpdesk by hand (never in the lock)."""

    field_key: str
    value: str
    id: int
    title: str = ""
    managed: bool = True
    kind: ClassVar[str] = "option"
    action: ClassVar[Action] = "delete"
    phase: ClassVar[int] = PHASE_OPTION_DELETES
    destructive: ClassVar[bool] = True

    @property
    def key(self) -> str:
        return f"{self.field_key}.{self.value}"

    def details(self) -> dict[str, Any]:
        return {"field": self.field_key, "value": self.value, "id": self.id,
                "title": self.title, "managed": self.managed}


# -- translations --------------------------------------------------------------------------
@dataclass(frozen=True)
class SetTranslations(Op):
    """Provision a field's per-locale titles (Zendesk dynamic content); with ``prune``, also
    remove translations found only on the helpdesk."""

    field: Field
    changes: tuple[Change, ...]  # attr is "title[fr]", "description[ko]", "option v[fr]"
    prune: bool = False
    kind: ClassVar[str] = "translations"
    phase: ClassVar[int] = PHASE_TRANSLATIONS

    @property
    def name(self) -> str:
        return "set_translations"

    @property
    def key(self) -> str:
        return self.field.key

    def details(self) -> dict[str, Any]:
        return {"field": self.field.key, "changes": _changes(self.changes)}


# -- forms ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class CreateForm(Op):
    """Create a form with its fields and conditions (refs are keys until apply)."""

    form: Form
    kind: ClassVar[str] = "form"
    action: ClassVar[Action] = "create"
    phase: ClassVar[int] = PHASE_FORMS

    @property
    def key(self) -> str:
        return self.form.key

    def details(self) -> dict[str, Any]:
        return {"title": self.form.title, "fields": [str(r) for r in self.form.fields],
                "conditions": len(self.form.conditions)}


@dataclass(frozen=True)
class UpdateForm(Op):
    """Change a form: attributes, field list and order, conditions — in one call."""

    form: Form
    id: int
    changes: tuple[Change, ...]
    kind: ClassVar[str] = "form"
    phase: ClassVar[int] = PHASE_FORMS

    @property
    def key(self) -> str:
        return self.form.key

    def details(self) -> dict[str, Any]:
        return {"id": self.id, "changes": _changes(self.changes)}


@dataclass(frozen=True)
class DeleteForm(Op):
    """Delete a form recorded in this workspace's lock file (``--prune``); tickets keep values."""

    form_key: str
    id: int
    title: str
    kind: ClassVar[str] = "form"
    action: ClassVar[Action] = "delete"
    phase: ClassVar[int] = PHASE_FORM_DELETES

    @property
    def key(self) -> str:
        return self.form_key

    def details(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title}


@dataclass(frozen=True)
class ReorderForms(Op):
    """Set the account's form order: ``order`` holds managed keys (str) and others' ids (int)."""

    order: tuple[str | int, ...]
    old: tuple[str, ...]
    new: tuple[str, ...]
    kind: ClassVar[str] = "form_order"
    phase: ClassVar[int] = PHASE_FORM_ORDER

    @property
    def name(self) -> str:
        return "reorder_forms"

    @property
    def key(self) -> str:
        return "*"

    def details(self) -> dict[str, Any]:
        return {"changes": [Change("order", list(self.old), list(self.new)).as_dict()]}
