"""Render a plan as Terraform-like text (``+ ~ - -/+`` markers, ``old → new``) or as JSON.

Rendering and applying are two separate consumers of the same operations.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from integrations.plan._compare import Plan, Unmanaged
from integrations.plan._ops import (
    Change,
    CreateField,
    CreateForm,
    CreateOption,
    DeleteField,
    DeleteForm,
    DeleteOption,
    Op,
    Rename,
    ReorderForms,
    ReplaceField,
    SetTranslations,
    UpdateField,
    UpdateForm,
    UpdateOption,
)

__all__ = ["plan_json", "render_json", "render_text", "summary_line"]

MARKERS = {"create": "+", "change": "~", "delete": "-", "replace": "-/+"}


def _v(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if value is None:
        return "(none)"
    if isinstance(value, list):
        return "[" + ", ".join(_v(x) if not isinstance(x, str) else x for x in value) + "]"
    return json.dumps(value, ensure_ascii=False, default=str)


#: how plan and drift print a value (JSON, ``(none)`` for null).
value_text = _v


def _change(c: Change) -> str:
    return f"{c.attr}: {_v(c.old)} → {_v(c.new)}"


def _held(counts: Mapping[str, int], key: str) -> str:
    if key not in counts:
        return ""
    n = counts[key]
    return f" ({n} ticket{'s' if n != 1 else ''} hold{'s' if n == 1 else ''} it)"


def _op_lines(op: Op, counts: Mapping[str, int]) -> list[str]:
    mark = MARKERS[op.action]
    bang = "  (destructive)" if op.destructive else ""
    if isinstance(op, CreateField):
        lines = [f"{mark} field {op.key} ({op.field.kind}) {_v(op.field.title)}"]
        lines += [f"    + option {o.value} {_v(o.title)}" for o in op.field.options]
        return lines
    if isinstance(op, ReplaceField):
        return [f"{mark} field {op.key}: type {op.old_type} → {op.field.kind}{bang}",
                "    a field's type cannot change in place: it is deleted and re-created, "
                "and its ticket values are lost"]
    if isinstance(op, UpdateField):
        return [f"{mark} field {op.key} (#{op.id})"] + [f"    {_change(c)}" for c in op.changes]
    if isinstance(op, DeleteField):
        return [f"{mark} field {op.key} (#{op.id}) {_v(op.title)}{bang}"]
    if isinstance(op, CreateOption):
        return [f"{mark} option {op.key} {_v(op.option.title)} (position {op.position})"]
    if isinstance(op, Rename):
        return [f"{mark} renamed {op.kind} {op.old} → {op.new} (#{op.id}): same helpdesk "
                "object, kept"]
    if isinstance(op, UpdateOption):
        if op.migration:
            return [f"{mark} option {op.key} (#{op.option.id}): "
                    + "; ".join(_change(c) for c in op.changes) + " (migration)"]
        renamed = next((c for c in op.changes if c.attr == "value"), None)
        head = (f"{mark} renamed option {op.field_key}.{renamed.old} → {op.key}"
                if renamed is not None else f"{mark} option {op.key}")
        rest = [c for c in op.changes if c is not renamed]
        return [f"{head} (#{op.option.id})" + (": " if rest else "")
                + "; ".join(_change(c) for c in rest)]
    if isinstance(op, DeleteOption):
        origin = "" if op.managed else " (on the helpdesk only)"
        title = f" {_v(op.title)}" if op.title else ""
        return [f"{mark} option {op.key}{title} (#{op.id}){origin}{bang}: tickets lose this "
                f"value{_held(counts, op.key)}"]
    if isinstance(op, SetTranslations):
        return [f"{mark} translations of field {op.key}"] + [
            f"    {_change(c)}" for c in op.changes]
    if isinstance(op, CreateForm):
        lines = [f"{mark} form {op.key} {_v(op.form.title)}",
                 "    fields: " + _v([str(r) for r in op.form.fields])]
        for c in op.form.conditions:
            kids = ", ".join(f"{ch.field}{' (required)' if ch.required else ''}"
                             for ch in c.children)
            lines.append(f"    + condition ({c.audience}) {c.parent} = {_v(c.value)} → "
                         f"show {kids}")
        return lines
    if isinstance(op, UpdateForm):
        return [f"{mark} form {op.key} (#{op.id})"] + [f"    {_change(c)}" for c in op.changes]
    if isinstance(op, DeleteForm):
        return [f"{mark} form {op.key} (#{op.id}) {_v(op.title)}"]
    if isinstance(op, ReorderForms):
        return [f"{mark} form order: {_v(list(op.old))} → {_v(list(op.new))}"]
    return [f"{mark} {op.name} {op.key}"]  # pragma: no cover - every op is handled above


def summary_line(plan: Plan, *, allow_destructive: bool = False) -> str:
    s = plan.summary()
    line = f"Plan: {s['create']} to create, {s['change']} to change, {s['delete']} to delete."
    if s["destructive"]:
        line += (f" {s['destructive']} destructive (erase ticket data; " +
                 ("allowed by --allow-destructive)." if allow_destructive
                  else "apply needs --allow-destructive)."))
    return line


def _unmanaged_line(item: Unmanaged, counts: Mapping[str, int]) -> str:
    flags = "--prune --allow-destructive" if item.kind == "option" else "--prune"
    return (f"? {item.kind} {item.key} {_v(item.title)} (#{item.id}){_held(counts, item.key)}"
            f": on the helpdesk, not in the workspace (add it to the workspace, or remove it "
            f"with {flags})")


def render_text(plan: Plan, *, allow_destructive: bool = False) -> str:
    """Human plan: one block per operation, unmanaged objects, notes, then the summary."""
    lines: list[str] = []
    for op in plan.ops:
        lines += _op_lines(op, plan.ticket_counts)
    lines += [_unmanaged_line(item, plan.ticket_counts) for item in plan.unmanaged]
    for note in plan.notes:
        lines.append(f"note: {note}")
    if not plan.pending:
        lines.append("No changes. The helpdesk matches the workspace.")
        return "\n".join(lines)
    lines.append("")
    if plan.ops:
        lines.append(summary_line(plan, allow_destructive=allow_destructive))
    else:
        lines.append("Nothing to apply.")
    if plan.unmanaged or plan.kept:
        lines.append(f"Pending: {len(plan.unmanaged)} object(s) on the helpdesk only, "
                     f"{len(plan.kept)} removal(s) kept (see --prune).")
    return "\n".join(lines)


def plan_json(plan: Plan) -> dict[str, Any]:
    return {"changes": [op.as_dict() for op in plan.ops], "summary": plan.summary(),
            "notes": list(plan.notes), "has_changes": plan.has_changes,
            "unmanaged": [u.as_dict() for u in plan.unmanaged], "kept": list(plan.kept),
            "ticket_counts": dict(plan.ticket_counts),
            "pending": plan.pending}


def render_json(plan: Plan) -> str:
    return json.dumps(plan_json(plan), indent=2, ensure_ascii=False, sort_keys=True,
                      default=str)
