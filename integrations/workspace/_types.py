"""Intermediate results shared by the loader and the cross-file checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from integrations.errors import Problem
from integrations.model import Field, Form, Workspace

__all__ = ["FieldDoc", "FormDoc", "Report"]


@dataclass
class FieldDoc:
    """One ``fields/<key>.json``; ``field`` is None when the file itself is broken."""

    key: str
    file: str
    doc: Any
    field: Field | None = None
    #: ``x-deskops.required_in_portal`` when given explicitly.
    explicit_required: bool | None = None


@dataclass
class FormDoc:
    """One ``forms/<key>.json``; ``form`` is None when the file itself is broken."""

    key: str
    file: str
    doc: Any
    form: Form | None = None
    #: property name -> field key, for properties that ``$ref`` a (loadable) field file.
    refs: dict[str, str] = field(default_factory=dict)


@dataclass
class Report:
    """Everything `check` found: errors (which make a workspace invalid) and warnings.

    ``workspace`` is set only when there are no errors.
    """

    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    workspace: Workspace | None = None
    target: str | None = None
    #: warnings `validate` prints but `load` does not log, because `plan` says them itself
    #: (the translations a target cannot show: a note on every plan)
    quiet: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def error(self, file: str, pointer: str, message: str, target: str | None = None) -> None:
        self.errors.append(Problem(file, pointer, message, target))

    def warn(self, file: str, pointer: str, message: str, target: str | None = None) -> None:
        self.warnings.append(Problem(file, pointer, message, target))
