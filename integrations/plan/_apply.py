"""Execute a plan through a `Helpdesk`, recording every success in the lock file at once.

Operations run in dependency order (fields → options → translations → forms with their
conditions → deletions → form order). Each success is saved to the lock file before the
next call, so an apply interrupted anywhere (crash, Ctrl-C, helpdesk down) is finished by
running apply again: the next plan finds the recorded ids (or adopts by title what was
created but not yet recorded) and only does what is left. After the last operation the
touched objects are read back once (list endpoints) and their hashes recorded, which is
what `drift` compares against later.
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from integrations.errors import HelpdeskError, NotFound, PlanError
from integrations.helpdesk.base import Helpdesk
from integrations.model import SYSTEM_FIELDS, Condition, ConditionChild, Form, Ref
from integrations.plan._compare import Plan
from integrations.plan._lock import FieldEntry, FormEntry, LockFile
from integrations.plan._ops import (
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
from integrations.plan._resolve import resolve
from integrations.plan._views import (
    condition_ident,
    digest,
    field_view,
    form_view,
    managed_field,
    managed_form,
    resolve_form,
)

__all__ = ["ApplyResult", "Progress", "apply_plan", "record_identities", "refresh_hashes"]

#: ``progress(done, total, op)`` after each successful operation.
Progress = Callable[[int, int, Op], None]


@dataclass
class ApplyResult:
    done: list[Op] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """As `Plan.summary`: a new field's translations are part of its create."""
        out = {"create": 0, "change": 0, "delete": 0}
        created = {op.key for op in self.done if op.kind == "field"
                   and op.action in ("create", "replace")}
        for op in self.done:
            if op.kind == "translations" and op.key in created:
                continue
            if op.action == "replace":
                out["create"] += 1
                out["delete"] += 1
            else:
                out[op.action] += 1
        return out


def _what(op: Op) -> str:
    verb = {"create": "creating", "change": "updating", "delete": "deleting",
            "replace": "replacing"}[op.action]
    return f"{verb} {op.kind.replace('_', ' ')} {op.key}"


def record_identities(plan: Plan, lock: LockFile) -> None:
    """Record the ids the plan matched (adopted or known) before any write is made.

    Objects the plan leaves untouched get their current hash; touched ones get ``None``
    until their last operation succeeded and they were read back.
    """
    touched = plan.touched()
    for new, old in plan.renamed_fields.items():  # x-deskops.was: same remote object
        if new not in lock.fields and old in lock.fields:
            lock.fields[new] = lock.fields.pop(old)
    for new, old in plan.renamed_forms.items():
        if new not in lock.forms and old in lock.forms:
            lock.forms[new] = lock.forms.pop(old)
    for key, (rid, h, options) in plan.fields_seen.items():
        entry = lock.fields.get(key)
        if entry is None or entry.id != rid:
            entry = lock.fields[key] = FieldEntry(rid)
        entry.options.update(options)
        entry.hash = None if ("field", key) in touched else h
    for key, (rid, h) in plan.forms_seen.items():
        fentry = lock.forms.get(key)
        if fentry is None or fentry.id != rid:
            fentry = lock.forms[key] = FormEntry(rid)
        fentry.hash = None if ("form", key) in touched else h
        fentry.conditions = _conditions_of(plan, key)


def _conditions_of(plan: Plan, key: str) -> list[str]:
    """The conditions the workspace declares on form ``key`` (recorded as ours)."""
    form = plan.desired.forms.get(key)
    return [condition_ident(c) for c in form.conditions] if form is not None else []


def _remote_ref(ref: Ref, lock: LockFile) -> Ref:
    if isinstance(ref, int) or ref in SYSTEM_FIELDS:
        return ref
    return lock.field_id(ref)


#: field key -> option key -> the choice value sent (targets whose choices carry titles)
ChoiceValues = Mapping[str, Mapping[str, str]]


def _choice_values(plan: Plan) -> dict[str, dict[str, str]]:
    """On Freshdesk, a condition on a dropdown names the choice by its shown value: the
    option's title (see `integrations.plan._choices`)."""
    if not plan.view.quirks.choices_by_title:
        return {}
    return {k: {o.value: o.title or o.value for o in f.options}
            for k, f in plan.desired.fields.items() if f.options}


def _sent_value(c: Condition, values: ChoiceValues) -> str | bool:
    if isinstance(c.parent, str) and isinstance(c.value, str):
        return values.get(c.parent, {}).get(c.value, c.value)
    return c.value


def _remote_form(form: Form, lock: LockFile, values: ChoiceValues) -> Form:
    """The form with workspace keys replaced by remote field ids (and option keys in
    conditions by choice values, given ``values``)."""
    return replace(
        form,
        fields=tuple(_remote_ref(r, lock) for r in form.fields),
        conditions=tuple(
            Condition(parent=_remote_ref(c.parent, lock), value=_sent_value(c, values),
                      children=tuple(ConditionChild(_remote_ref(ch.field, lock), ch.required)
                                     for ch in c.children),
                      audience=c.audience)
            for c in form.conditions),
    )


def _field_entry(lock: LockFile, key: str) -> FieldEntry:
    lock.field_id(key)  # raises a clear LockError when missing
    return lock.fields[key]


def _run(op: Op, helpdesk: Helpdesk, lock: LockFile, values: ChoiceValues) -> None:
    if isinstance(op, Rename):
        return  # the lock entry was moved by record_identities; nothing to send
    if isinstance(op, ReplaceField):
        with contextlib.suppress(NotFound):
            helpdesk.delete_field(op.id)
        lock.fields.pop(op.key, None)
        lock.save()
    if isinstance(op, CreateField | ReplaceField):
        created = helpdesk.create_field(op.field)
        if created.id is None:
            raise HelpdeskError(f"the helpdesk returned no id for the new field {op.key}")
        lock.fields[op.key] = FieldEntry(
            created.id, None, {o.value: o.id for o in created.options if o.id is not None})
    elif isinstance(op, UpdateField):
        helpdesk.update_field(op.id, op.field)
        _field_entry(lock, op.key).hash = None
    elif isinstance(op, CreateOption):
        entry = _field_entry(lock, op.field_key)
        option = helpdesk.create_option(entry.id, op.option, op.position)
        if option.id is not None:
            entry.options[op.option.value] = option.id
        entry.hash = None
    elif isinstance(op, UpdateOption):
        entry = _field_entry(lock, op.field_key)
        helpdesk.update_option(entry.id, op.option, op.position)
        if op.option.id is not None and op.managed:
            for value in [v for v, i in entry.options.items() if i == op.option.id]:
                del entry.options[value]
            entry.options[op.option.value] = op.option.id
        entry.hash = None
    elif isinstance(op, DeleteOption):
        entry = _field_entry(lock, op.field_key)
        with contextlib.suppress(NotFound):
            helpdesk.delete_option(entry.id, op.id)
        for value in [v for v, i in entry.options.items() if i == op.id or v == op.value]:
            del entry.options[value]
        entry.hash = None
    elif isinstance(op, SetTranslations):
        entry = _field_entry(lock, op.key)
        helpdesk.set_field_translations(entry.id, op.field, prune=op.prune)
        entry.hash = None
    elif isinstance(op, CreateForm):
        form_id = helpdesk.create_form(_remote_form(op.form, lock, values))
        lock.forms[op.key] = FormEntry(form_id, None,
                                       [condition_ident(c) for c in op.form.conditions])
    elif isinstance(op, UpdateForm):
        helpdesk.update_form(op.id, _remote_form(op.form, lock, values))
        if op.key in lock.forms:
            lock.forms[op.key].hash = None
    elif isinstance(op, DeleteForm):
        with contextlib.suppress(NotFound):
            helpdesk.delete_form(op.id)
        lock.forms.pop(op.key, None)
    elif isinstance(op, DeleteField):
        with contextlib.suppress(NotFound):
            helpdesk.delete_field(op.id)
        lock.fields.pop(op.key, None)
    elif isinstance(op, ReorderForms):
        helpdesk.reorder_forms([k if isinstance(k, int) else lock.form_id(k) for k in op.order])
    else:  # pragma: no cover - every op type is handled above
        raise PlanError(f"unknown operation {op.name}")


def refresh_hashes(plan: Plan, helpdesk: Helpdesk, lock: LockFile,
                   keys: set[tuple[str, str]]) -> None:
    """Read the helpdesk back once and record the last-applied hash of ``keys``."""
    state = helpdesk.read_state()
    res = resolve(plan.desired, state, lock,
                  choices_by_title=plan.view.quirks.choices_by_title)
    for kind, key in keys:
        if kind == "field" and key in lock.fields and key in res.fields:
            managed = managed_field(res.fields[key], lock.fields[key].options.values(),
                                    plan.desired.fields.get(key))
            lock.fields[key].hash = digest(field_view(managed, plan.view))
        elif kind == "form" and key in lock.forms and key in res.forms:
            have = managed_form(resolve_form(res.forms[key], res.field_keys, res.choice_keys),
                                plan.desired.forms.get(key), lock.forms[key].conditions)
            lock.forms[key].hash = digest(form_view(have, plan.view, res.brand_names))


def apply_plan(plan: Plan, helpdesk: Helpdesk, lock: LockFile, *,
               allow_destructive: bool = False, progress: Progress | None = None,
               refresh: bool = True) -> ApplyResult:
    """Run ``plan``'s operations in order, saving the lock file after each success.

    Raises `PlanError` before any call when the plan is destructive and
    ``allow_destructive`` is false; a helpdesk error stops the run with a message naming the
    object (earlier successes stay recorded).
    """
    if plan.destructive and not allow_destructive:
        names = ", ".join(f"{op.name} {op.key}" for op in plan.destructive)
        raise PlanError(f"the plan is destructive ({names}): it would erase ticket data; "
                        "re-run with --allow-destructive if that is intended")
    record_identities(plan, lock)
    lock.save()
    result = ApplyResult()
    total = len(plan.ops)
    values = _choice_values(plan)
    for op in plan.ops:
        try:
            _run(op, helpdesk, lock, values)
        except HelpdeskError as exc:
            lock.save()
            named = copy.copy(exc)
            named.args = (f"{_what(op)}: {exc}",)
            raise named from exc
        lock.save()
        result.done.append(op)
        if progress is not None:
            progress(len(result.done), total, op)
    if result.done and refresh:
        refresh_hashes(plan, helpdesk, lock, plan.touched())
        lock.save()
    return result
