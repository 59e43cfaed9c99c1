"""Export: a helpdesk's remote state as a workspace, plus the lock file that binds them.

Keys are made from titles (`slugify` is the workspace's ``slugify_key``, passed in so this
stays pure); form refs and condition refs become those keys; the lock file records every
id and the current hash, so planning the exported workspace against the same helpdesk
shows no changes and `drift` starts from a clean slate.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path

from integrations.helpdesk.base import Capabilities
from integrations.model import (
    SYSTEM_FIELDS,
    Condition,
    ConditionChild,
    Field,
    Form,
    Ref,
    RemoteState,
    Workspace,
)
from integrations.plan._lock import FieldEntry, FormEntry, LockFile
from integrations.plan._views import ViewOptions, digest, field_view, form_view, resolve_form

__all__ = ["export_workspace"]

#: ``slugify(title, taken) -> key`` (``integrations.workspace.slugify_key``); `_key` records
#: the key in ``taken`` itself, whether or not the function does.
Slugify = Callable[[str, set[str]], str]


def _key(slugify: Slugify, title: str, taken: set[str], fallback: str) -> str:
    key = slugify(title, taken) or fallback
    while key in taken:  # defensive: never two objects on one key
        key = f"{key}_2"
    taken.add(key)
    return key


def _ref(ref: Ref, keys: Mapping[int, str]) -> Ref | None:
    """A workspace ref, or None for what a workspace cannot name (unknown ids, assignee)."""
    if isinstance(ref, int):
        return keys.get(ref)
    return ref if ref in SYSTEM_FIELDS else None


def export_workspace(state: RemoteState, *, root: Path, slugify: Slugify,
                     default_locale: str = "en", capabilities: Capabilities | None = None,
                     environment: str = "", target: str = "") -> tuple[Workspace, LockFile]:
    """Return the workspace describing ``state`` and its lock file (not yet written)."""
    vo = ViewOptions.of(default_locale, capabilities, target)
    taken: set[str] = set()
    field_keys: dict[int, str] = {}
    fields: dict[str, Field] = {}
    lock = LockFile(environment=environment, target=target)
    for remote in state.fields:
        if remote.id is None:
            continue
        # the adapter may recover a key (Zendesk dynamic content name, Freshdesk cf_ name)
        hint = remote.key if remote.key and not remote.key.isdigit() else remote.title
        key = _key(slugify, hint, taken, f"field_{remote.id}")
        field_keys[remote.id] = key
        fields[key] = replace(remote, key=key, id=None)
        lock.fields[key] = FieldEntry(
            remote.id, digest(field_view(remote, vo)),
            {o.value: o.id for o in remote.options if o.id is not None})
    brand_names = {str(i): name for name, i in state.brands.items()}
    forms: dict[str, Form] = {}
    form_taken: set[str] = set()
    for position, remote_form in enumerate(state.forms):
        if remote_form.id is None:
            continue
        key = _key(slugify, remote_form.title, form_taken, f"form_{remote_form.id}")
        refs = tuple(r for r in (_ref(x, field_keys) for x in remote_form.fields)
                     if r is not None)
        conditions = []
        for c in remote_form.conditions:
            parent = _ref(c.parent, field_keys)
            children = tuple(ConditionChild(ch_ref, ch.required) for ch in c.children
                             if (ch_ref := _ref(ch.field, field_keys)) is not None)
            if parent is not None and children:
                conditions.append(Condition(parent, c.value, children, c.audience))
        # a field required on the portal is required on every form showing it: say so in
        # the form's schema (``required``), or validate would warn about its own export
        required = tuple(r for r in refs if isinstance(r, str) and r in fields
                         and fields[r].required_in_portal)
        forms[key] = replace(
            remote_form, key=key, id=None, fields=refs, conditions=tuple(conditions),
            required=required,
            # a target that cannot set the default form (Freshdesk) gets no default_form,
            # which validate would warn about
            default=remote_form.default and vo.quirks.form_default,
            brands=tuple(brand_names.get(b, b) for b in remote_form.brands), position=position)
        lock.forms[key] = FormEntry(remote_form.id, digest(form_view(
            resolve_form(remote_form, field_keys), vo, brand_names)))
    locales = tuple(dict.fromkeys((default_locale, *state.locales)))
    workspace = Workspace(root=root, default_locale=default_locale, locales=locales,
                          fields=fields, forms=forms)
    return workspace, lock
