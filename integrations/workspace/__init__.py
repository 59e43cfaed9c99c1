"""The workspace: a folder of JSON Schemas that is the user's source of truth.

``deskops.json`` (settings), ``fields/<key>.json`` (one custom field each) and
``forms/<key>.json`` (one ticket form each, ``$ref``-ing fields) become the neutral model
(`integrations.model.Workspace`); docs/workspace.md describes the format and
docs/mapping.md the JSON Schema → helpdesk mapping.

Public surface:

* `load(root, target)` → `Workspace`, or `WorkspaceError` carrying every problem;
* `check(root, target)` → `Report` (errors, warnings, workspace) for ``deskops validate``;
* `validate(root, target)` → the errors only;
* `form_validator(ws, form_key)` → a jsonschema validator for tickets (the worker);
* `write_workspace(ws, out)` and `slugify_key(title, taken)` for ``deskops export``;
* `safe_search(pattern, text, cap)` to run declared patterns on requester text.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError
from jsonschema.protocols import Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from integrations.errors import Problem, WorkspaceError
from integrations.model import Workspace
from integrations.workspace._checks import untranslatable
from integrations.workspace._loader import SETTINGS_FILE, check
from integrations.workspace._patterns import DEFAULT_CAP, safe_search
from integrations.workspace._types import Report
from integrations.workspace._writer import slugify_key, write_objects, write_workspace

__all__ = [
    "DEFAULT_CAP",
    "SETTINGS_FILE",
    "Report",
    "check",
    "form_validator",
    "load",
    "safe_search",
    "slugify_key",
    "untranslatable",
    "validate",
    "write_objects",
    "write_workspace",
]

log = logging.getLogger(__name__)

#: Base URI the form and field schemas are registered under for ``$ref`` resolution.
BASE_URI = "https://workspace.deskops.invalid/"


def validate(root: Path | str, target: str | None = None) -> list[Problem]:
    """Every error in the workspace at ``root`` (empty when valid); see `check` for warnings."""
    return check(Path(root), target).errors


def load(root: Path | str, target: str | None = None) -> Workspace:
    """The workspace at ``root`` as the neutral model; `WorkspaceError` lists every problem.

    Warnings are logged (``deskops validate`` prints them), except those the plan repeats
    as notes (``Report.quiet``).
    """
    report = check(Path(root), target)
    if report.errors or report.workspace is None:
        raise WorkspaceError(report.errors or [Problem(str(root), "", "cannot be loaded")])
    for warning in report.warnings:
        if warning not in report.quiet:
            log.warning("%s", warning)
    return report.workspace


def _capped_pattern(validator: Any, pattern: str, instance: Any, schema: Any
                    ) -> Iterator[ValidationError]:
    """``pattern`` with ECMA-262 meaning and an input-length cap (see `_patterns`)."""
    if not validator.is_type(instance, "string"):
        return
    if len(instance) > DEFAULT_CAP:
        yield ValidationError(f"is longer than {DEFAULT_CAP} characters")
    elif safe_search(pattern, instance, ecma=True) is None:
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_TicketValidator = validators.extend(Draft202012Validator, {"pattern": _capped_pattern})


def form_validator(ws: Workspace, form_key: str) -> Validator:
    """A validator for ticket instances (``{field key or system name: value}``) of one form.

    Field ``$ref``s resolve to the loaded field schemas; ``format: date`` is asserted;
    patterns run through `safe_search`.
    """
    form = ws.forms[form_key]
    # Without "$schema", jsonschema keeps this validator class (and its capped pattern)
    # when it follows a $ref, instead of switching to its stock draft 2020-12 class.
    resources = [
        (f"{BASE_URI}fields/{key}.json",
         Resource.from_contents(_without_dialect(f.schema), default_specification=DRAFT202012))
        for key, f in ws.fields.items()
    ]
    registry: Registry[Any] = Registry().with_resources(resources)
    schema = {**_without_dialect(form.schema), "$id": f"{BASE_URI}forms/{form_key}.json"}
    validator: Validator = _TicketValidator(
        schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return validator


def _without_dialect(schema: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in schema.items() if k != "$schema"}
