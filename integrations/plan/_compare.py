"""`compare(desired, actual, lock) -> Plan`: the pure diff between a workspace and a helpdesk.

Like alembic's autogenerate: creates for desired-only objects, updates on the overlap,
deletions (only with ``prune``, and only of objects this workspace's lock file records) for
the rest — returned as small operation objects (`integrations.plan._ops`). No I/O here:
tests feed two in-memory states.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from integrations.errors import PlanError
from integrations.helpdesk.base import Capabilities
from integrations.model import Field, Form, Option, RemoteState, Workspace
from integrations.plan._lock import LockFile
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
    RenameField,
    RenameForm,
    ReorderForms,
    ReplaceField,
    SetTranslations,
    UpdateField,
    UpdateForm,
    UpdateOption,
)
from integrations.plan._resolve import Resolution, match_options, resolve
from integrations.plan._views import (
    ViewOptions,
    digest,
    extra_conditions,
    field_attrs,
    field_kind,
    field_translations,
    field_view,
    form_attrs,
    form_view,
    managed_field,
    managed_form,
    resolve_form,
)

__all__ = ["Plan", "Unmanaged", "compare", "desired_forms_in_order"]


@dataclass(frozen=True)
class Unmanaged:
    """An object on the helpdesk, inside a managed field or form, that the workspace does
    not list and the lock does not record (added by hand in the admin UI)."""

    kind: str  # "option" or "translation"
    key: str  # "field.value", "field.title[de]", "field.option v[de]"
    title: str
    id: int

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "key": self.key, "title": self.title, "id": self.id}


@dataclass(frozen=True)
class Plan:
    """What apply would do, plus what it needs to record identities in the lock file."""

    ops: tuple[Op, ...]
    desired: Workspace
    view: ViewOptions
    notes: tuple[str, ...] = ()
    #: matched desired fields: key -> (remote id, current remote hash, option value -> id)
    fields_seen: Mapping[str, tuple[int, str, Mapping[str, int]]] = field(default_factory=dict)
    #: matched desired forms: key -> (remote id, current remote hash)
    forms_seen: Mapping[str, tuple[int, str]] = field(default_factory=dict)
    prune: bool = False
    #: keys renamed through ``x-deskops.was`` whose old key the lock records: new -> old
    renamed_fields: Mapping[str, str] = field(default_factory=dict)
    renamed_forms: Mapping[str, str] = field(default_factory=dict)
    #: objects found only on the helpdesk, inside fields and forms the workspace manages
    #: (``--prune`` turns them into deletions); apply never records them in the lock
    unmanaged: tuple[Unmanaged, ...] = ()
    #: ``kind key`` of managed objects the workspace dropped, kept because of no ``--prune``
    kept: tuple[str, ...] = ()
    #: option key (``field.value``) -> tickets holding that value, for removals and
    #: unmanaged options (filled by the caller, one search per option, capped)
    ticket_counts: Mapping[str, int] = field(default_factory=dict)

    @property
    def has_changes(self) -> bool:
        return bool(self.ops)

    @property
    def pending(self) -> bool:
        """Anything at all differs: operations, unmanaged objects or kept removals (what
        ``--detailed-exitcode`` reports)."""
        return bool(self.ops or self.unmanaged or self.kept)

    @property
    def destructive(self) -> tuple[Op, ...]:
        return tuple(op for op in self.ops if op.destructive)

    def summary(self) -> dict[str, int]:
        """Terraform's counting: a replace is one create and one delete; the translations of
        a field created in the same plan are part of its create, not a change."""
        created = {op.key for op in self.ops if op.kind == "field" and op.action in
                   ("create", "replace")}
        counts = Counter(op.action for op in self.ops
                         if not (op.kind == "translations" and op.key in created))
        return {"create": counts["create"] + counts["replace"], "change": counts["change"],
                "delete": counts["delete"] + counts["replace"],
                "destructive": len(self.destructive)}

    def touched(self) -> set[tuple[str, str]]:
        """(``field``|``form``, key) of every object an operation changes."""
        out: set[tuple[str, str]] = set()
        for op in self.ops:
            if op.kind in ("field", "translations"):
                out.add(("field", op.key))
            elif op.kind == "option":
                out.add(("field", op.key.partition(".")[0]))
            elif op.kind == "form":
                out.add(("form", op.key))
        return out


def desired_forms_in_order(desired: Workspace) -> list[Form]:
    """The workspace's form order: ``position``, then declaration order."""
    indexed = list(enumerate(desired.forms.values()))
    return [f for _, f in sorted(indexed, key=lambda p: (p[1].position, p[0]))]


def _diff(old: Mapping[str, Any], new: Mapping[str, Any], skip: Sequence[str] = ()
          ) -> tuple[Change, ...]:
    return tuple(Change(k, old.get(k), new.get(k)) for k in new
                 if k not in skip and old.get(k) != new.get(k)) + tuple(
        Change(k, old[k], None) for k in old if k not in new and k not in skip)


def _final_order(want: Field, have: Field, matched: Mapping[str, Option],
                 kept_extras: Sequence[Option]) -> list[tuple[Option, Option | None, bool]]:
    """The option list after apply: desired options, with each kept remote option (not in
    the workspace, not pruned) right after the option that precedes it on the helpdesk.

    Items are (option to send, remote option or None, is it a workspace option).
    """
    extra_ids = {id(o) for o in kept_extras}
    matched_ids = {id(r): value for value, r in matched.items()}
    after: dict[str | None, list[Option]] = {}  # desired value (None: the top) -> extras
    last: str | None = None
    for remote in have.options:
        if id(remote) in matched_ids:
            last = matched_ids[id(remote)]
        elif id(remote) in extra_ids:
            after.setdefault(last, []).append(remote)
    final: list[tuple[Option, Option | None, bool]] = [(e, e, False) for e in after.get(None, [])]
    for opt in want.options:
        final.append((opt, matched.get(opt.value), True))
        final.extend((e, e, False) for e in after.get(opt.value, []))
    return final


def _option_ops(key: str, want: Field, have: Field, locked: Mapping[str, int], prune: bool,
                pending: _Pending, vo: ViewOptions) -> list[Op]:
    """Per-option operations, never a wholesale replacement of the list.

    An option on the helpdesk that the workspace does not list is either a kept removal
    (the lock records it) or unmanaged (added by hand); ``prune`` deletes both.
    Positions are absolute (0-based index in the final list; both vendors sort options by
    position, then id): an option is moved only when its index changes.
    """
    ops: list[Op] = []
    matched, unmatched = match_options(want.options, have.options, locked)
    recorded = set(locked.values())
    deleted: list[Option] = []
    kept: list[Option] = []
    for extra in unmatched:
        if extra.id is None:
            kept.append(extra)
            continue
        ours = extra.id in recorded or extra.value in locked
        if prune:
            deleted.append(extra)
            ops.append(DeleteOption(key, extra.value, extra.id, title=extra.title,
                                    managed=ours))
            continue
        kept.append(extra)
        if ours:
            pending.kept.append(f"option {key}.{extra.value}")
            pending.notes.append(f"option {key}.{extra.value} is no longer in the workspace: "
                                 "kept (use --prune to delete it; that erases its ticket "
                                 "values)")
        else:
            pending.unmanaged.append(Unmanaged("option", f"{key}.{extra.value}", extra.title,
                                               extra.id))
    gone = {id(o) for o in deleted}
    remote_index = {id(o): i for i, o in enumerate(o for o in have.options if id(o) not in gone)}
    creates: list[Op] = []
    for i, (opt, remote, desired) in enumerate(_final_order(want, have, matched, kept)):
        if remote is None:
            creates.append(CreateOption(key, replace(opt, id=None), i))
            continue
        changes: list[Change] = []
        migration = False
        if desired and remote.value != opt.value:
            changes.append(Change("value", remote.value, opt.value))
        if desired and remote.title != opt.title:
            # a Freshdesk choice still showing the key (written before choices carried
            # titles): its value becomes the title, once
            migration = vo.quirks.choices_by_title and remote.title == opt.value
            changes.append(Change("value" if migration else "title", remote.title, opt.title))
        if remote_index[id(remote)] != i:
            changes.append(Change("position", remote_index[id(remote)], i))
        if changes:
            send = replace(opt, id=remote.id) if desired else remote
            ops.append(UpdateOption(key, send, i, tuple(changes), managed=desired,
                                    migration=migration))
    return creates + ops


@dataclass
class _Pending:
    """What `compare` collects besides operations."""

    notes: list[str] = field(default_factory=list)
    unmanaged: list[Unmanaged] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def _renames(desired: Workspace, lock: LockFile
             ) -> tuple[LockFile, dict[str, str], dict[str, str]]:
    """A copy of ``lock`` with the entries of renamed keys (``was``) moved to their new key,
    and the renames it made (new -> old); `record_identities` makes the same moves."""
    fields = dict(lock.fields)
    forms = dict(lock.forms)
    moved_fields: dict[str, str] = {}
    moved_forms: dict[str, str] = {}
    for key, f in desired.fields.items():
        if f.was and key not in fields and f.was in fields and f.was not in desired.fields:
            fields[key] = fields.pop(f.was)
            moved_fields[key] = f.was
    for key, form in desired.forms.items():
        if form.was and key not in forms and form.was in forms and form.was not in desired.forms:
            forms[key] = forms.pop(form.was)
            moved_forms[key] = form.was
    if not moved_fields and not moved_forms:
        return lock, {}, {}
    return (LockFile(environment=lock.environment, target=lock.target, fields=fields,
                     forms=forms), moved_fields, moved_forms)


def _field_ops(key: str, want: Field, have: Field | None, lock: LockFile, vo: ViewOptions,
               prune: bool, pending: _Pending) -> list[Op]:
    translations = field_translations(want, vo)
    if have is None or have.id is None:
        ops: list[Op] = [CreateField(want)]
    elif field_kind(have, vo) != field_kind(want, vo):
        ops = [ReplaceField(want, have.id, field_kind(have, vo))]
    else:
        ops = []
        changes = _diff(field_attrs(have, vo), field_attrs(want, vo), skip=("type",))
        if changes:
            ops.append(UpdateField(want, have.id, changes))
        entry = lock.fields.get(key)
        ops += _option_ops(key, want, have, entry.options if entry else {}, prune, pending, vo)
        tchanges = _diff(field_translations(have, vo), translations)
        # a translation only on the helpdesk (a locale added by hand) is unmanaged: shown,
        # removed with --prune only
        extra = [c for c in tchanges if c.new is None]
        if extra and not prune:
            tchanges = tuple(c for c in tchanges if c.new is not None)
            default = f"[{vo.default_locale.lower()}]"
            pending.unmanaged.extend(
                Unmanaged("translation", f"{key}.{c.attr}", str(c.old), have.id)
                for c in extra if not c.attr.endswith(default))
        if tchanges:
            ops.append(SetTranslations(want, tchanges, prune=bool(extra)))
        return ops
    if translations:
        ops.append(SetTranslations(want, _diff({}, translations)))
    return ops


def _form_order_op(desired: Workspace, actual: RemoteState, res: Resolution,
                   deleted: set[int]) -> ReorderForms | None:
    want = [f.key for f in desired_forms_in_order(desired)]
    matched_ids = {res.forms[k].id: k for k in want if k in res.forms}
    existing = [matched_ids[f.id] for f in actual.forms if f.id in matched_ids]
    predicted = existing + [k for k in want if k not in res.forms]
    if predicted == want:
        return None
    order: list[str | int] = []
    placed = False
    for f in actual.forms:
        if f.id is None or f.id in deleted:
            continue
        if f.id in matched_ids:
            if not placed:
                order.extend(want)
                placed = True
        else:
            order.append(f.id)
    if not placed:
        order.extend(want)
    return ReorderForms(tuple(order), tuple(predicted), tuple(want))


def compare(desired: Workspace, actual: RemoteState, lock: LockFile, *, prune: bool = False,
            capabilities: Capabilities | None = None, target: str | None = None) -> Plan:
    """Diff a workspace against a helpdesk's state. Pure: reads ``lock``, never writes it.

    ``capabilities`` and ``target`` (the adapter's) decide what is compared (`ViewOptions`).
    """
    vo = ViewOptions.of(desired.default_locale, capabilities, target)
    if actual.forms_unavailable is not None and desired.forms:
        files = [f.source or f"form {f.key}" for f in desired.forms.values()]
        raise PlanError(
            f"{files[0]}{f' (and {len(files) - 1} more form(s))' if len(files) > 1 else ''}: "
            f"this {target or 'helpdesk'} account's plan has no ticket forms "
            f"({actual.forms_unavailable}); upgrade the plan, or remove the forms from the "
            "workspace to provision its fields only")
    if not vo.conditions:
        cannot = [f.source or f"form {f.key}" for f in desired.forms.values() if f.conditions]
        if cannot:
            raise PlanError(f"{cannot[0]}: conditional fields (if/then) cannot be provisioned "
                            f"on {target or 'this target'}; remove them for this target"
                            + (f" (and in {len(cannot) - 1} more form(s))" if len(cannot) > 1
                               else ""))
    lock, renamed_fields, renamed_forms = _renames(desired, lock)
    res = resolve(desired, actual, lock, choices_by_title=vo.quirks.choices_by_title)
    ops: list[Op] = []
    renames: list[Rename] = [RenameField(k, old, lock.fields[k].id)
                             for k, old in renamed_fields.items() if k in res.fields]
    renames += [RenameForm(k, old, lock.forms[k].id)
                for k, old in renamed_forms.items() if k in res.forms]
    ops += renames
    pending = _Pending()
    notes = pending.notes
    fields_seen: dict[str, tuple[int, str, Mapping[str, int]]] = {}
    forms_seen: dict[str, tuple[int, str]] = {}

    for key in sorted(res.adopted_fields):
        notes.append(f"field {key} adopts the existing helpdesk field "
                     f"#{res.fields[key].id} with the same title")
    for key in sorted(res.adopted_forms):
        notes.append(f"form {key} adopts the existing helpdesk form "
                     f"#{res.forms[key].id} with the same title")
    for key in sorted(res.missing_fields & set(desired.fields)):
        notes.append(f"field {key} was deleted on the helpdesk by hand: it will be re-created")
    for key in sorted(res.missing_forms & set(desired.forms)):
        notes.append(f"form {key} was deleted on the helpdesk by hand: it will be re-created")

    replaced: set[str] = set()
    for key, want in desired.fields.items():
        have = res.fields.get(key)
        field_ops = _field_ops(key, want, have, lock, vo, prune, pending)
        if any(isinstance(op, ReplaceField) for op in field_ops):
            replaced.add(key)
        ops += field_ops
        if have is not None and have.id is not None:
            locked = lock.fields[key].options if key in lock.fields else {}
            matched, _ = match_options(want.options, have.options, locked)
            ids = {v: o.id for v, o in matched.items() if o.id is not None}
            managed = managed_field(have, {*ids.values(), *locked.values()}, want)
            fields_seen[key] = (have.id, digest(field_view(managed, vo)), ids)

    deleted_forms: set[int] = set()
    for form in desired_forms_in_order(desired):
        remote = res.forms.get(form.key)
        if remote is None or remote.id is None:
            ops.append(CreateForm(form))
            continue
        have_form = resolve_form(remote, res.field_keys, res.choice_keys)
        sent = form
        if vo.conditions:  # conditions only on the helpdesk: unmanaged, kept unless pruned
            ours = lock.forms[form.key].conditions if form.key in lock.forms else []
            extra = extra_conditions(have_form, form, ours)
            if extra and not prune:
                pending.unmanaged.extend(
                    Unmanaged("condition", f"{form.key}: {c.parent} = {c.value}",
                              ", ".join(str(ch.field) for ch in c.children), remote.id)
                    for _, c in extra)
                sent = replace(form, conditions=(*form.conditions,
                                                 *(remote.conditions[i] for i, _ in extra)))
                form = replace(form, conditions=(*form.conditions, *(c for _, c in extra)))
        old = form_attrs(have_form, vo, res.brand_names)
        changes = _diff(old, form_attrs(form, vo, res.brand_names))
        lost = [str(r) for r in form.fields if r in replaced]
        if not changes and lost:
            changes = (Change("re-created fields", None, lost),)
        if changes:
            ops.append(UpdateForm(sent, remote.id, changes))
        kept_form = managed_form(have_form, desired.forms[form.key],
                                 lock.forms[form.key].conditions if form.key in lock.forms
                                 else ())
        forms_seen[form.key] = (remote.id, digest(form_view(kept_form, vo, res.brand_names)))

    for key in sorted(set(lock.forms) - set(desired.forms)):
        remote = res.forms.get(key)
        if remote is None or remote.id is None:
            continue
        if prune:
            ops.append(DeleteForm(key, remote.id, remote.title))
            deleted_forms.add(remote.id)
        else:
            pending.kept.append(f"form {key}")
            notes.append(f"form {key} is no longer in the workspace: kept (use --prune to "
                         "delete it)")
    for key in sorted(set(lock.fields) - set(desired.fields)):
        remote_field = res.fields.get(key)
        if remote_field is None or remote_field.id is None:
            continue
        if prune:
            ops.append(DeleteField(key, remote_field.id, remote_field.title))
        else:
            pending.kept.append(f"field {key}")
            notes.append(f"field {key} is no longer in the workspace: kept (use --prune to "
                         "delete it; that erases its ticket values)")

    migrated = sorted({op.field_key for op in ops if isinstance(op, UpdateOption)
                       and op.migration})
    if migrated:
        notes.append(f"Freshdesk choices of {', '.join(migrated)} still hold option keys: "
                     "their values become the titles customers see (migration). Freshdesk "
                     "does not document renaming ticket values with a choice, so tickets may "
                     "keep the key; the worker reads both as the option")
    reorder = _form_order_op(desired, actual, res, deleted_forms) if vo.quirks.form_order else None
    if reorder is not None:
        ops.append(reorder)
    ops.sort(key=lambda op: op.phase)  # stable: keeps workspace order within a phase
    return Plan(ops=tuple(ops), desired=desired, view=vo, notes=tuple(notes),
                fields_seen=fields_seen, forms_seen=forms_seen, prune=prune,
                renamed_fields=renamed_fields, renamed_forms=renamed_forms,
                unmanaged=tuple(pending.unmanaged), kept=tuple(pending.kept))
