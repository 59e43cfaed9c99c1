"""Export: a helpdesk's remote state as a workspace, plus the lock file that binds them.

Keys are made from titles (`slugify` is the workspace's ``slugify_key``, passed in so this
stays pure); form refs and condition refs become those keys; the lock file records every
id and the current hash, so planning the exported workspace against the same helpdesk
shows no changes and `drift` starts from a clean slate.

`pull_workspace` is the same read merged into an existing workspace (``deskops export
--into``): its keys stay, hand edits on the helpdesk come back into the files.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from integrations.helpdesk.base import Capabilities
from integrations.model import (
    SYSTEM_FIELDS,
    Condition,
    ConditionChild,
    Field,
    Form,
    Option,
    Ref,
    RemoteState,
    Workspace,
)
from integrations.plan._choices import choice_keys, keyed_field
from integrations.plan._lock import FieldEntry, FormEntry, LockFile
from integrations.plan._resolve import match_options, resolve
from integrations.plan._views import (
    ViewOptions,
    condition_ident,
    condition_value,
    digest,
    field_kind,
    field_view,
    form_view,
    resolve_form,
)

__all__ = ["Pulled", "export_workspace", "pull_workspace"]

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
    keys_of: dict[int, dict[str, str]] = {}  # field id -> choice text -> option key
    for remote in state.fields:
        rid = remote.id
        if rid is None:
            continue
        # the adapter may recover a key (Zendesk dynamic content name, Freshdesk cf_ name)
        hint = remote.key if remote.key and not remote.key.isdigit() else remote.title
        key = _key(slugify, hint, taken, f"field_{rid}")
        field_keys[rid] = key
        if vo.quirks.choices_by_title and remote.options:
            remote = _keyed_from_titles(remote, slugify)
            keys_of[rid] = choice_keys(remote)
        fields[key] = replace(remote, key=key, id=None)
        lock.fields[key] = FieldEntry(
            rid, digest(field_view(remote, vo)),
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
                conditions.append(Condition(parent, condition_value(c, keys_of), children,
                                            c.audience))
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
            resolve_form(remote_form, field_keys, keys_of), vo, brand_names)),
            [condition_ident(c) for c in conditions])
    locales = tuple(dict.fromkeys((default_locale, *state.locales)))
    workspace = Workspace(root=root, default_locale=default_locale, locales=locales,
                          fields=fields, forms=forms)
    return workspace, lock


def _keyed_from_titles(remote: Field, slugify: Slugify) -> Field:
    """A Freshdesk field's options with keys made from their choice texts (a text that is
    already a valid key, such as one deskops wrote before choices carried titles, stays)."""
    taken: set[str] = set()
    return replace(remote, options=tuple(
        replace(o, value=_key(slugify, o.title, taken, "option") if _NOT_TAG.search(o.title)
                else _claim(o.title, taken))
        for o in remote.options))


def _claim(key: str, taken: set[str]) -> str:
    while key in taken:
        key = f"{key}_2"
    taken.add(key)
    return key


@dataclass(frozen=True)
class Pulled:
    """`pull_workspace`'s answer: the merged workspace, its lock, and what changed."""

    workspace: Workspace
    lock: LockFile
    #: keys whose object differs from the existing workspace (or is new)
    changed_fields: frozenset[str]
    changed_forms: frozenset[str]
    new_fields: frozenset[str]
    new_forms: frozenset[str]


def _kept(texts: Mapping[str, str], text: str, vo: ViewOptions) -> Mapping[str, str]:
    """Translations a target cannot show, kept, with the default locale's text (which it
    does show) brought up to date."""
    default = vo.default_locale
    return {**texts, default: text} if default in texts else texts


#: what a workspace option value (a Zendesk tag) cannot hold; see ``workspace.TAG``
_NOT_TAG = re.compile(r"[\sA-Z,#@\"'<>&;]")


def _pull_options(have: Field, remote: Field, locked: Mapping[str, int], vo: ViewOptions,
                  slugify: Slugify) -> tuple[Option, ...]:
    """The helpdesk's options in its order (``id`` kept, for the lock), each keeping what
    the target cannot show (titles on a target without option titles, translations
    without translations). A new option whose value is no valid key (a Freshdesk choice
    typed by hand, "Tandem") gets one made from it."""
    matched, _ = match_options(have.options, remote.options, locked)
    mine = {id(r): value for value, r in matched.items()}
    by_value = {o.value: o for o in have.options}
    taken = {o.value for o in remote.options}
    out: list[Option] = []
    for r in remote.options:
        own = by_value.get(mine[id(r)]) if id(r) in mine else None
        if own is None:
            value = _key(slugify, r.value, taken, "option") if _NOT_TAG.search(r.value) \
                else r.value
            out.append(replace(r, value=value))
            continue
        title = r.title
        out.append(replace(own, value=r.value, id=r.id, was=None, title=title,
                           titles=dict(r.titles) if vo.translations
                           else _kept(own.titles, title, vo)))
    return tuple(out)


def _pull_field(have: Field, remote: Field, locked: Mapping[str, int], vo: ViewOptions,
                slugify: Slugify) -> Field:
    """``have`` updated with what the helpdesk holds and the target compares."""
    same_kind = field_kind(have, vo) == field_kind(remote, vo)
    return replace(
        have, was=None, kind=have.kind if same_kind else remote.kind, title=remote.title,
        titles=(dict(remote.titles) if vo.translations
                else _kept(have.titles, remote.title, vo)),
        description=(remote.description if vo.quirks.field_descriptions
                     else have.description),
        descriptions=(dict(remote.descriptions) if vo.translations
                      else _kept(have.descriptions, remote.description, vo)
                      if vo.quirks.field_descriptions else have.descriptions),
        options=_pull_options(have, remote, locked, vo, slugify),
        pattern=(remote.pattern if vo.regexp and field_kind(remote, vo) == "regexp"
                 else have.pattern),
        required_in_portal=remote.required_in_portal,
        visible_in_portal=remote.visible_in_portal,
        editable_in_portal=remote.editable_in_portal, active=remote.active)


def _pull_form(have: Form, remote: Form, keys: Mapping[int, str], fields: Mapping[str, Field],
               brand_names: Mapping[str, str], vo: ViewOptions,
               choice_keys: Mapping[int, Mapping[str, str]]) -> Form:
    refs = [r for r in (_ref(x, keys) for x in remote.fields) if r is not None]
    for i, ref in enumerate(have.fields):  # on every form, never listed by the helpdesk
        if ref in vo.quirks.implicit_fields and ref not in refs:
            refs.insert(min(i, len(refs)), ref)
    conditions = have.conditions
    if vo.conditions:
        conditions = tuple(
            Condition(parent, condition_value(c, choice_keys), children, c.audience)
            for c in remote.conditions
            if (parent := _ref(c.parent, keys)) is not None
            and (children := tuple(ConditionChild(r, ch.required) for ch in c.children
                                   if (r := _ref(ch.field, keys)) is not None)))
    portal = [r for r in refs if isinstance(r, str) and r in fields
              and fields[r].required_in_portal]
    required = tuple(dict.fromkeys([*(r for r in have.required if r in refs), *portal]))
    return replace(
        have, was=None, title=remote.title,
        titles=(dict(remote.titles) if vo.translations
                else _kept(have.titles, remote.title, vo)),
        description=remote.description if vo.quirks.form_description else have.description,
        fields=tuple(refs), conditions=conditions, required=required,
        default=remote.default if vo.quirks.form_default else have.default,
        end_user_visible=(remote.end_user_visible if vo.quirks.form_flags
                          else have.end_user_visible),
        active=remote.active if vo.quirks.form_flags else have.active,
        brands=(tuple(brand_names.get(b, b) for b in remote.brands) if vo.brands
                else have.brands))


def pull_workspace(state: RemoteState, existing: Workspace, lock: LockFile, *,
                   slugify: Slugify, capabilities: Capabilities | None = None,
                   target: str = "") -> Pulled:
    """Merge the helpdesk into ``existing``: keys stay (lock ids, then title adoption, as
    `compare` matches them), hand edits made on the helpdesk replace the workspace's values
    for what the target stores, worker-only parts (extract, attachments, ``required``,
    raw schema extras) are kept, and objects only on the helpdesk get new keys. Objects
    gone from the helpdesk stay in the workspace (the next plan re-creates them). Pure."""
    vo = ViewOptions.of(existing.default_locale, capabilities, target)
    res = resolve(existing, state, lock)
    keys: dict[int, str] = dict(res.field_keys)
    taken = set(existing.fields) | set(lock.fields)
    fields: dict[str, Field] = dict(existing.fields)
    new_fields: set[str] = set()
    for remote in state.fields:
        if remote.id is None or remote.id in keys:
            continue
        hint = remote.key if remote.key and not remote.key.isdigit() else remote.title
        key = _key(slugify, hint, taken, f"field_{remote.id}")
        keys[remote.id] = key
        fields[key] = replace(remote, key=key, id=None)
        new_fields.add(key)
    out = LockFile(environment=lock.environment, target=lock.target or target,
                   fields=dict(lock.fields), forms=dict(lock.forms), path=lock.path)
    by_id = {f.id: f for f in state.fields if f.id is not None}
    keys_of: dict[int, dict[str, str]] = {}  # field id -> choice text -> option key
    for rid, key in keys.items():
        remote = by_id[rid]
        locked = lock.fields[key].options if key in lock.fields else {}
        have = existing.fields.get(key, fields[key])
        by_title = vo.quirks.choices_by_title and bool(remote.options)
        if by_title:
            remote = keyed_field(remote, have if key in existing.fields else None, locked)
        pulled = _pull_field(have, remote, locked, vo, slugify)
        ids = {o.value: o.id for o in pulled.options if o.id is not None}
        fields[key] = replace(pulled, options=tuple(replace(o, id=None)
                                                    for o in pulled.options))
        if by_title:  # new options got keys: the hash is of the helpdesk under those keys
            remote = keyed_field(by_id[rid], None, ids)
            keys_of[rid] = choice_keys(remote)
        out.fields[key] = FieldEntry(rid, digest(field_view(remote, vo)), ids)
    brand_names = {str(i): name for name, i in state.brands.items()}
    forms: dict[str, Form] = dict(existing.forms)
    matched_forms = {f.id: k for k, f in res.forms.items() if f.id is not None}
    form_taken = set(existing.forms) | set(lock.forms)
    new_forms: set[str] = set()
    form_keys: dict[int, str] = {}
    last = max((f.position for f in existing.forms.values()), default=0)
    for remote_form in state.forms:
        if remote_form.id is None:
            continue
        found = matched_forms.get(remote_form.id)
        if found is None:
            key = _key(slugify, remote_form.title, form_taken, f"form_{remote_form.id}")
            last += 1
            blank = Form(key=key, title=remote_form.title, fields=(), position=last)
            forms[key] = _pull_form(blank, remote_form, keys, fields, brand_names, vo,
                                    keys_of)
            new_forms.add(key)
        else:
            key = found
            forms[key] = _pull_form(existing.forms[key], remote_form, keys, fields,
                                    brand_names, vo, keys_of)
        out.forms[key] = FormEntry(remote_form.id, digest(form_view(
            resolve_form(remote_form, keys, keys_of), vo, brand_names)),
            [condition_ident(c) for c in forms[key].conditions])
        form_keys[remote_form.id] = key
    if vo.quirks.form_order:  # the helpdesk's order, then forms it does not have
        order = [form_keys[f.id] for f in state.forms if f.id in form_keys]
        order += [k for k in forms if k not in order]
        forms = {k: replace(forms[k], position=i) for i, k in enumerate(order)}
    locales = list(existing.locales)  # locales met on the helpdesk join the workspace's
    seen = [loc for f in fields.values()
            for loc in [*f.titles, *f.descriptions, *(x for o in f.options for x in o.titles)]]
    seen += [loc for f in forms.values() for loc in f.titles]
    locales += [loc for loc in dict.fromkeys(seen) if loc not in locales]
    merged = replace(existing, fields=fields, forms=forms, locales=tuple(locales))
    return Pulled(
        merged, out,
        frozenset(k for k, f in fields.items() if existing.fields.get(k) != f
                  or (k in existing.fields and existing.fields[k].was)),
        frozenset(k for k, f in forms.items() if existing.forms.get(k) != f
                  or (k in existing.forms and existing.forms[k].was)),
        frozenset(new_fields), frozenset(new_forms))
