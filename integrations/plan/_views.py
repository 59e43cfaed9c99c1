"""Comparable projections of fields and forms, and their hashes.

Both sides of a plan are reduced to plain JSON-able dicts holding only what a target can
store and read back (a target without field translations compares no translations; on a
target without a regexp type, ``regexp`` is ``text``). The planner diffs these views and
the lock file records their hashes, so drift detection and planning agree on what "the
same" means.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from typing import Any

from integrations.helpdesk.base import Capabilities
from integrations.model import Condition, ConditionChild, Field, Form, Ref

__all__ = [
    "QUIRKS",
    "TargetQuirks",
    "ViewOptions",
    "condition_ident",
    "condition_value",
    "digest",
    "extra_conditions",
    "field_view",
    "form_view",
    "managed_field",
    "managed_form",
    "resolve_form",
]


@dataclass(frozen=True)
class TargetQuirks:
    """What a target stores differently from the model, so that equal means equal.

    These mirror the adapters' documented read-back shapes: Zendesk ticket forms have no
    description (the form schema's description is the worker's); both vendors show the requester
    and company on every form and never list them; Freshdesk stores a regexp field as plain
    text (the worker enforces the pattern), stores a dropdown option as one choice whose
    ``value`` is the text people see (so deskops sends the option's default-locale title
    there and finds the option key through the lock: `choices_by_title`), keeps no field
    description or form order, has no form visibility flags, and its default
    form is the account's own (not settable through the API).

    Each exclusion is impossible through the vendor's API (checked against the reference);
    ``docs/mapping.md`` lists them under "Not round-tripped", and `workspace.validate`
    refuses the ones that would change behaviour (a hidden or inactive form on Freshdesk).
    """

    #: on every form whether listed or not (requester, company), or built-ins the workspace
    #: model cannot name (assignee): never compared.
    implicit_fields: frozenset[str] = frozenset({"requester", "company", "assignee"})
    regexp_as_text: bool = False
    #: a choice's value is its shown title, the option key lives only in the lock (Freshdesk)
    choices_by_title: bool = False
    field_descriptions: bool = True
    form_order: bool = True
    form_flags: bool = True
    form_default: bool = True
    form_description: bool = True


QUIRKS: dict[str, TargetQuirks] = {
    "zendesk": TargetQuirks(form_description=False),
    "freshdesk": TargetQuirks(regexp_as_text=True, choices_by_title=True,
                              field_descriptions=False, form_order=False, form_flags=False,
                              form_default=False),
}


@dataclass(frozen=True)
class ViewOptions:
    """What a comparison takes into account: the workspace's default locale, the target's
    capabilities and its quirks."""

    default_locale: str = "en"
    translations: bool = True
    regexp: bool = True
    conditions: bool = True
    brands: bool = True
    quirks: TargetQuirks = TargetQuirks()

    @classmethod
    def of(cls, default_locale: str, capabilities: Capabilities | None,
           target: str | None = None) -> ViewOptions:
        quirks = QUIRKS.get(target or "", TargetQuirks())
        if capabilities is None:
            return cls(default_locale=default_locale, quirks=quirks)
        return cls(default_locale=default_locale, translations=capabilities.field_translations,
                   regexp=capabilities.regexp and not quirks.regexp_as_text,
                   conditions=capabilities.conditions, brands=capabilities.brands,
                   quirks=quirks)


def _locales(texts: Mapping[str, str], vo: ViewOptions) -> dict[str, str]:
    """Non-default locales only: the default one is the object's own title/description."""
    default = vo.default_locale.lower()
    return {loc.lower(): text for loc, text in sorted(texts.items())
            if loc.lower() != default and text}


def field_kind(field: Field, vo: ViewOptions) -> str:
    if field.kind == "regexp" and not vo.regexp:
        return "text"
    return field.kind


def field_attrs(field: Field, vo: ViewOptions) -> dict[str, Any]:
    """A field's own attributes (what `Helpdesk.update_field` sends)."""
    kind = field_kind(field, vo)
    attrs: dict[str, Any] = {
        "type": kind,
        "title": field.title,
        "description": (field.description or "") if vo.quirks.field_descriptions else "",
        "required_in_portal": field.required_in_portal,
        "visible_in_portal": field.visible_in_portal,
        "editable_in_portal": field.editable_in_portal,
        "active": field.active,
    }
    if kind == "regexp":
        attrs["pattern"] = field.pattern or ""
    return attrs


def _texts(part: str, texts: Mapping[str, str], plain: str, vo: ViewOptions
           ) -> dict[str, str]:
    """``{"part[en]": plain, "part[fr]": ...}`` when ``texts`` has another locale, else {}."""
    extra = _locales(texts, vo)
    if not extra:
        return {}
    out = {f"{part}[{vo.default_locale.lower()}]": plain or ""}
    out.update({f"{part}[{loc}]": text for loc, text in extra.items()})
    return out


def field_translations(field: Field, vo: ViewOptions) -> dict[str, str]:
    """Flat ``{"title[en]": ..., "title[fr]": ..., "description[fr]": ...,
    "option game_a[fr]": ...}``.

    When a text has translations, its default-locale text is part of them (Zendesk keeps it
    as the dynamic content item's default variant), so renaming a translated field or
    option also changes its translations.
    """
    if not vo.translations:
        return {}
    out = _texts("title", field.titles, field.title, vo)
    out.update(_texts("description", field.descriptions, field.description, vo))
    for option in field.options:
        out.update(_texts(f"option {option.value}", option.titles, option.title, vo))
    return out


def field_view(field: Field, vo: ViewOptions) -> dict[str, Any]:
    return {
        "attrs": field_attrs(field, vo),
        "options": [[o.value, o.title] for o in field.options],
        "translations": field_translations(field, vo),
    }


def managed_field(remote: Field, option_ids: Collection[int], want: Field | None = None
                  ) -> Field:
    """``remote`` without what this workspace does not manage: options whose ids are not in
    ``option_ids`` and, given the workspace's field, translations into locales it does not
    have. The lock's hash covers this, so `drift` keeps reporting a hand-added option or
    translation until it is pruned or written into the workspace."""
    keep = set(option_ids)
    options = tuple(o for o in remote.options if o.id in keep)
    if want is None:
        return replace(remote, options=options)
    mine = {o.value: o for o in want.options}

    def only(texts: Mapping[str, str], wanted: Mapping[str, str]) -> dict[str, str]:
        locales = {loc.lower() for loc in wanted}
        return {loc: t for loc, t in texts.items() if loc.lower() in locales}

    return replace(
        remote, titles=only(remote.titles, want.titles),
        descriptions=only(remote.descriptions, want.descriptions),
        options=tuple(replace(o, titles=only(o.titles, mine[o.value].titles))
                      if o.value in mine else o for o in options))


def condition_ident(c: Condition) -> str:
    """A condition's identity: audience, parent key and value (not its children)."""
    return json.dumps([c.audience, str(c.parent), c.value], default=str, ensure_ascii=False)


def extra_conditions(have: Form, want: Form, ours: Collection[str] = ()
                     ) -> list[tuple[int, Condition]]:
    """(index, condition) of the conditions of ``have`` (refs resolved to keys) that
    ``want`` does not declare and this workspace never made (``ours``, from the lock):
    added on the helpdesk by hand. A declared one whose children differ is a change of the
    workspace's; one the workspace made and dropped is a removal."""
    wanted = {condition_ident(c) for c in want.conditions} | set(ours)
    return [(i, c) for i, c in enumerate(have.conditions)
            if condition_ident(c) not in wanted]


def managed_form(have: Form, want: Form | None, ours: Collection[str] = ()) -> Form:
    """``have`` without the conditions neither ``want`` declares nor the workspace made
    (see `managed_field`)."""
    if want is None:
        return have
    extra = {i for i, _ in extra_conditions(have, want, ours)}
    return replace(have, conditions=tuple(c for i, c in enumerate(have.conditions)
                                          if i not in extra))


def _ref(ref: Ref, id_to_key: Mapping[int, str]) -> str:
    if isinstance(ref, int):
        return id_to_key.get(ref, f"#{ref}")
    return ref


def condition_value(c: Condition, choice_keys: Mapping[int, Mapping[str, str]]) -> str | bool:
    """A remote condition's value, a choice text made its option key when known."""
    keys = choice_keys.get(c.parent) if isinstance(c.parent, int) else None
    if keys is None or not isinstance(c.value, str):
        return c.value
    return keys.get(c.value, c.value)


def resolve_form(form: Form, id_to_key: Mapping[int, str],
                 choice_keys: Mapping[int, Mapping[str, str]] | None = None) -> Form:
    """A remote form with its field ids replaced by workspace keys (``#id`` when unmanaged)
    and, given ``choice_keys`` (remote field id -> choice text -> key, `Resolution`),
    condition values that are choice texts replaced by option keys."""
    keys = choice_keys or {}
    return replace(
        form,
        fields=tuple(_ref(r, id_to_key) for r in form.fields),
        conditions=tuple(
            replace(c, parent=_ref(c.parent, id_to_key), value=condition_value(c, keys),
                    children=tuple(ConditionChild(_ref(ch.field, id_to_key), ch.required)
                                   for ch in c.children))
            for c in form.conditions),
    )


def _condition(c: Condition) -> list[Any]:
    children = sorted([str(ch.field), ch.required] for ch in c.children)
    return [c.audience, str(c.parent), c.value, children]


def form_refs(form: Form, vo: ViewOptions) -> list[str]:
    """Field refs as the helpdesk keeps them: implicit fields out, duplicates out, and
    condition children the form does not list appended (both vendors add them)."""
    out: list[str] = []
    for ref in [*form.fields, *(ch.field for c in form.conditions for ch in c.children)]:
        text = str(ref)
        if text not in vo.quirks.implicit_fields and text not in out:
            out.append(text)
    return out


def form_attrs(form: Form, vo: ViewOptions, brand_names: Mapping[str, str] | None = None
               ) -> dict[str, Any]:
    """A form's comparable attributes; refs must already be keys (`resolve_form`)."""
    attrs: dict[str, Any] = {
        "title": form.title,
        "description": (form.description or "") if vo.quirks.form_description else "",
        "fields": form_refs(form, vo),
    }
    if vo.translations:  # the form's display name per locale (Zendesk dynamic content)
        attrs["titles"] = _texts("title", form.titles, form.title, vo)
    if vo.quirks.form_default:
        attrs["default"] = form.default
    if vo.quirks.form_flags:
        attrs["end_user_visible"] = form.end_user_visible
        attrs["active"] = form.active
    if vo.conditions:
        attrs["conditions"] = sorted((_condition(c) for c in form.conditions),
                                     key=lambda c: json.dumps(c, sort_keys=True, default=str))
    if vo.brands:
        names = brand_names or {}
        attrs["brands"] = sorted(names.get(b, b) for b in form.brands)
    return attrs


def form_view(form: Form, vo: ViewOptions, brand_names: Mapping[str, str] | None = None
              ) -> dict[str, Any]:
    return {"attrs": form_attrs(form, vo, brand_names)}


def digest(view: Mapping[str, Any]) -> str:
    """Short stable hash of a view (sorted-key JSON), as recorded in the lock file."""
    text = json.dumps(view, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      default=str)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]
