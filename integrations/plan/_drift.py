"""Drift: what was changed on the helpdesk by hand since the last apply.

A managed object (recorded in this workspace's lock file) has drifted when its current hash
differs from the last-applied hash, or when it is gone. Objects the lock does not record
(other workspaces', hand-made ones) are never reported. Pure, like `compare`.

Forms the helpdesk cannot show (`RemoteState.forms_unavailable`: the plan lost ticket forms)
are not judged at all: unreadable is not deleted, and reporting them as "deleted by hand"
would lie, so `detect_drift` refuses with a `PlanError` instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from integrations.errors import PlanError
from integrations.helpdesk.base import Capabilities
from integrations.model import RemoteState, Workspace
from integrations.plan._lock import LockFile
from integrations.plan._render import value_text
from integrations.plan._resolve import resolve
from integrations.plan._views import (
    ViewOptions,
    digest,
    field_view,
    form_view,
    resolve_form,
)

__all__ = ["DriftItem", "detect_drift", "render_drift"]


@dataclass(frozen=True)
class DriftItem:
    kind: Literal["field", "form"]
    key: str
    id: int
    status: Literal["changed", "deleted", "incomplete"]
    #: ``attr: workspace → helpdesk`` hints (empty when the workspace no longer has the key)
    details: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "key": self.key, "id": self.id, "status": self.status,
                "details": list(self.details)}


def _flat(view: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for part, value in view.items():
        if isinstance(value, dict):
            for k, v in value.items():
                out[k] = v
        else:
            out[part] = value
    return out


def _hints(want: dict[str, Any] | None, have: dict[str, Any]) -> tuple[str, ...]:
    if want is None:
        return ()
    # As in the plan: helpdesk on the left, workspace on the right, JSON values.
    a, b = _flat(want), _flat(have)
    return tuple(f"{k}: {value_text(b.get(k))} (helpdesk) → {value_text(a.get(k))} "
                 "(workspace)" for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k))


def detect_drift(desired: Workspace, actual: RemoteState, lock: LockFile,
                 capabilities: Capabilities | None = None, target: str | None = None
                 ) -> list[DriftItem]:
    """Managed objects whose remote hash differs from the last-applied one, or that are gone.

    Raises `PlanError` when the lock records forms and ``actual`` says forms cannot be read
    (see the module docstring): the caller cannot tell drift from a plan downgrade.
    """
    if actual.forms_unavailable is not None and lock.forms:
        where = lock.path or "the lock file"
        raise PlanError(
            f"{where}: cannot check the {len(lock.forms)} form(s) it records: this "
            f"{target or 'helpdesk'} account's plan has no ticket forms now "
            f"({actual.forms_unavailable}); restore the plan, or remove the forms from the "
            "workspace and apply")
    vo = ViewOptions.of(desired.default_locale, capabilities, target)
    locked_only = LockFile(fields=lock.fields, forms=lock.forms)
    res = resolve(Workspace(desired.root, desired.default_locale, desired.locales, {}, {}),
                  actual, locked_only, choices_by_title=vo.quirks.choices_by_title)
    items: list[DriftItem] = []
    for key in sorted(lock.fields):
        entry = lock.fields[key]
        remote = res.fields.get(key)
        if remote is None:
            items.append(DriftItem("field", key, entry.id, "deleted"))
            continue
        view = field_view(remote, vo)
        want = desired.fields.get(key)
        if entry.hash is None:
            items.append(DriftItem("field", key, entry.id, "incomplete"))
        elif digest(view) != entry.hash:
            items.append(DriftItem("field", key, entry.id, "changed",
                                   _hints(field_view(want, vo) if want else None, view)))
    for key in sorted(lock.forms):
        fentry = lock.forms[key]
        rform = res.forms.get(key)
        if rform is None:
            items.append(DriftItem("form", key, fentry.id, "deleted"))
            continue
        fview = form_view(resolve_form(rform, res.field_keys, res.choice_keys), vo,
                          res.brand_names)
        wform = desired.forms.get(key)
        if fentry.hash is None:
            items.append(DriftItem("form", key, fentry.id, "incomplete"))
        elif digest(fview) != fentry.hash:
            items.append(DriftItem(
                "form", key, fentry.id, "changed",
                _hints(form_view(wform, vo, res.brand_names) if wform else None, fview)))
    return items


def render_drift(items: list[DriftItem]) -> str:
    if not items:
        return "No drift: the helpdesk matches the last apply."
    lines = []
    for item in items:
        what = {"changed": "changed by hand since the last apply",
                "deleted": "deleted by hand since the last apply",
                "incomplete": "the last apply did not finish it (run apply)"}[item.status]
        lines.append(f"! {item.kind} {item.key} (#{item.id}): {what}")
        lines += [f"    {d}" for d in item.details]
    lines.append(f"Drift: {len(items)} managed object(s) differ from the last apply.")
    return "\n".join(lines)
