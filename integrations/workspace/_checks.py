"""Checks across files, and what each helpdesk can or cannot express.

Runs after every file was read on its own (`_loader`), on the files that loaded. Also
derives what no single file says: a field's ``required_in_portal`` (from the forms that
use it) and each form's position and default flag (from ``deskops.json``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from integrations.language import READING_LANGUAGES, language_of
from integrations.model import Field, Form
from integrations.workspace._meta import pointer
from integrations.workspace._types import FieldDoc, FormDoc, Report

__all__ = ["cross_checks", "untranslatable"]

SETTINGS_FILE = "deskops.json"


def cross_checks(
    report: Report,
    settings: Mapping[str, Any],
    field_docs: Mapping[str, FieldDoc],
    form_docs: Mapping[str, FormDoc],
    target: str | None,
) -> tuple[dict[str, Field], dict[str, Form]]:
    """Run the cross-file checks; return the fields and forms (ordered) with derived values."""
    fields = {k: d.field for k, d in sorted(field_docs.items()) if d.field is not None}
    _unique_option_values(report, fields)
    _option_keywords(report, fields, settings)
    _checkbox_keywords(report, fields, settings)
    fields = _derive_required(report, fields, field_docs, form_docs)
    forms = _order_forms(report, settings, form_docs)
    _duplicate_titles(report, fields, forms, target)
    if target == "freshdesk":
        fields = _freshdesk(report, fields, forms, form_docs, field_docs)
        texts = untranslatable(fields.values(), forms.values(),
                               str(settings.get("default_locale") or "en"))
        if texts:  # once per workspace, with the exact list: never a silent drop
            report.warn(SETTINGS_FILE, "/locales", "Freshdesk API v2 has no per-locale "
                        "titles, so these translations are not provisioned (customers see "
                        f"the default-locale text): {'; '.join(texts)}", target)
            report.quiet.append(report.warnings[-1])
    return fields, forms


def untranslatable(fields: Iterable[Field], forms: Iterable[Form], default_locale: str
                   ) -> list[str]:
    """``fields/product.json title [fr, ko]``, one entry per translated text: what a target
    without per-locale titles (Freshdesk) cannot show."""
    out: list[str] = []

    def add(source: str, what: str, texts: Mapping[str, str]) -> None:
        extra = sorted(loc for loc, text in texts.items()
                       if text and loc.lower() != default_locale.lower())
        if extra:
            out.append(f"{source} {what} [{', '.join(extra)}]")

    for field in fields:
        add(field.source, "title", field.titles)
        add(field.source, "description", field.descriptions)
        for option in field.options:
            add(field.source, f"option {option.value}", option.titles)
    for form in forms:
        add(form.source, "title", form.titles)
    return out


def option_pointer(field: Field, index: int) -> str:
    """Where option ``index`` of a loaded field sits in its file."""
    schema: Mapping[str, Any] = field.schema
    base: list[str | int] = []
    if field.kind == "multiselect":
        schema, base = schema["items"], ["items"]
    listed = "oneOf" if "oneOf" in schema else "enum"
    return pointer([*base, listed, index] + (["const"] if listed == "oneOf" else []))


def _unique_option_values(report: Report, fields: Mapping[str, Field]) -> None:
    first: dict[str, str] = {}
    for field in fields.values():
        for i, option in enumerate(field.options):
            if option.value in first and first[option.value] != field.key:
                other = fields[first[option.value]]
                report.error(field.source, option_pointer(field, i),
                             f"option value {option.value!r} is already used by "
                             f"{other.source}: option values are tags, global on Zendesk, "
                             "so each belongs to one field")
            else:
                first.setdefault(option.value, field.key)


def _derive_required(report: Report, fields: dict[str, Field],
                     field_docs: Mapping[str, FieldDoc], form_docs: Mapping[str, FormDoc]
                     ) -> dict[str, Field]:
    """``required_in_portal``: required in every form using the field (or explicit)."""
    usage: dict[str, list[tuple[str, bool]]] = {}
    for fdoc in form_docs.values():
        if fdoc.form is None:
            continue
        for name, key in fdoc.refs.items():
            usage.setdefault(key, []).append((fdoc.file, name in fdoc.form.required))
    result: dict[str, Field] = {}
    for key, field in fields.items():
        uses = usage.get(key, [])
        required_in = [f for f, req in uses if req]
        optional_in = [f for f, req in uses if not req]
        explicit = field_docs[key].explicit_required
        if explicit is not None:
            derived = explicit
            if explicit and optional_in:
                report.warn(field.source, "/x-deskops/required_in_portal",
                            f"required_in_portal is true, so the helpdesk also requires it on "
                            f"{', '.join(optional_in)}, whose schema does not")
        else:
            derived = bool(uses) and not optional_in
            if required_in and optional_in:
                report.warn(field.source, "", f"required in {', '.join(required_in)} but not "
                            f"in {', '.join(optional_in)}: the helpdesk's required flag is per "
                            "field, so it stays off; the worker still asks for it per form")
        result[key] = field if field.required_in_portal == derived else replace(
            field, required_in_portal=derived)
    return result


def _order_forms(report: Report, settings: Mapping[str, Any],
                 form_docs: Mapping[str, FormDoc]) -> dict[str, Form]:
    order: list[str] = list(settings.get("forms") or [])
    for i, key in enumerate(order):
        if key not in form_docs:
            report.error(SETTINGS_FILE, pointer(["forms", i]),
                         f"unknown form {key!r}: there is no forms/{key}.json")
    default = settings.get("default_form")
    if default is not None and default not in form_docs:
        report.error(SETTINGS_FILE, "/default_form",
                     f"unknown form {default!r}: there is no forms/{default}.json")
    listed = [k for k in order if k in form_docs]
    rest = sorted(k for k in form_docs if k not in listed)
    if order:
        for key in rest:
            report.warn(form_docs[key].file, "", "not listed in deskops.json forms; "
                        "placed after the listed forms")
    forms: dict[str, Form] = {}
    for position, key in enumerate(listed + rest):
        form = form_docs[key].form
        if form is not None:
            forms[key] = replace(form, position=position, default=key == default)
    return forms


def _duplicate_titles(report: Report, fields: Mapping[str, Field],
                      forms: Mapping[str, Form], target: str | None) -> None:
    for kind, objects in (("field", fields), ("form", forms)):
        seen: dict[str, str] = {}
        for obj in objects.values():
            title = obj.title.casefold()
            if title in seen:
                msg = f"same title as {seen[title]}: "
                if target == "freshdesk" and kind == "field":
                    report.error(obj.source, "/title", msg + "Freshdesk labels must be unique "
                                 "(the cf_ name is derived from the label)", target)
                else:
                    report.warn(obj.source, "/title", msg + "adopting existing helpdesk "
                                f"{kind}s by title would be ambiguous")
            else:
                seen[title] = obj.source
    if target != "freshdesk":
        return
    for field in fields.values():
        titles: dict[str, int] = {}
        for i, option in enumerate(field.options):
            if option.title.casefold() in titles:
                at = option_pointer(field, i)
                at = at[:-len("/const")] + "/title" if at.endswith("/const") else at
                report.error(field.source, at,
                             f"option title {option.title!r} repeats option "
                             f"{titles[option.title.casefold()]}: Freshdesk identifies "
                             "choices by their label", target)
            titles.setdefault(option.title.casefold(), i)


def _freshdesk(report: Report, fields: dict[str, Field], forms: Mapping[str, Form],
               form_docs: Mapping[str, FormDoc], field_docs: Mapping[str, FieldDoc]
               ) -> dict[str, Field]:
    """What Freshdesk cannot express, and the required flag of conditional fields (a
    field's own flag there); returns the fields. What it keeps less of without changing
    behaviour (descriptions, translations) is listed in docs/mapping.md,
    "Not round-tripped"."""
    target = "freshdesk"
    for field in fields.values():
        if field.kind == "multiselect":
            report.error(field.source, "/type", "Freshdesk has no multi-select custom field; "
                         "use a dropdown or several checkboxes", target)
        elif field.kind == "regexp":
            report.warn(field.source, "/pattern", "Freshdesk text fields have no validation: "
                        "this pattern is enforced by the deskops worker only", target)
    default = next((f for f in forms.values() if f.default), None)
    if default is not None:
        report.warn(SETTINGS_FILE, "/default_form", "Freshdesk's default ticket form is the "
                    "account's own and API v2 cannot choose it: default_form only tells the "
                    "worker which form a ticket without one is checked against", target)
    for form in forms.values():
        for flag in ("end_user_visible", "active"):
            if getattr(form, flag) is False:
                report.error(form.source, pointer(["x-deskops", flag]), "Freshdesk ticket "
                             f"forms have no {flag} flag: remove it for this target", target)
    return _freshdesk_sections(report, fields, forms, form_docs, field_docs)


def _freshdesk_sections(report: Report, fields: dict[str, Field], forms: Mapping[str, Form],
                        form_docs: Mapping[str, FormDoc], field_docs: Mapping[str, FieldDoc]
                        ) -> dict[str, Field]:
    """Conditions as dynamic sections: what must hold for them to mean the same in every
    form. Sections belong to the parent dropdown, account-wide, and are shown to agents and
    customers alike; a field inside a section is hidden outside it, and its required flag is
    the field's own."""
    target = "freshdesk"
    sections: dict[tuple[str, str | bool], tuple[tuple[str, bool], ...]] = {}
    where: dict[tuple[str, str | bool], str] = {}
    conditional: dict[str, str] = {}
    #: child key -> (form file, pointer, its (parent, value) pairs in that form)
    shown_when: dict[str, tuple[str, str, frozenset[tuple[str, str | bool]]]] = {}
    #: child key -> (required?, form file, pointer) of its first condition
    required: dict[str, tuple[bool, str, str]] = {}
    for form in forms.values():
        for cond in form.conditions:
            for child in cond.children:
                conditional.setdefault(str(child.field), form.source)
    for form in forms.values():
        refs = form_docs[form.key].refs
        pairs: dict[str, set[tuple[str, str | bool]]] = {}
        by_value: dict[tuple[str, str | bool], set[str]] = {}
        for i, cond in enumerate(form.conditions):
            at = pointer(["allOf", i])
            parent = str(cond.parent)
            key = (parent, cond.value)
            by_value.setdefault(key, set()).add(cond.audience)
            if cond.audience == "agent":
                continue  # reported below, once per parent value
            pfield = fields.get(refs.get(parent, ""))
            if pfield is not None and pfield.kind == "checkbox":
                report.error(form.source, at, "Freshdesk dynamic sections hang on a dropdown; "
                             f"checkbox {parent!r} cannot show fields there", target)
                continue
            if parent in conditional:
                report.error(form.source, at, f"{parent!r} is itself conditional (in "
                             f"{conditional[parent]}); Freshdesk sections cannot be nested",
                             target)
                continue
            children = tuple((str(c.field), c.required) for c in cond.children)
            if key in sections and sections[key] != children:
                report.error(form.source, at, f"Freshdesk sections belong to the field, not "
                             f"the form: {parent} = {cond.value!r} shows "
                             f"{_names(sections[key])} in {where[key]} but {_names(children)} "
                             "here", target)
                continue
            sections.setdefault(key, children)
            where.setdefault(key, form.source)
            for name, req in children:
                pairs.setdefault(name, set()).add(key)
                first = required.setdefault(name, (req, form.source, at))
                if first[0] != req:
                    report.error(form.source, at, f"{name!r} is {_req(req)} here but "
                                 f"{_req(first[0])} in {first[1]} {first[2]}: on Freshdesk a "
                                 "field's required flag is its own, not the section's",
                                 target)
        for (parent, value), audiences in by_value.items():
            if audiences == {"agent"}:
                report.error(form.source, "/allOf", f"agent-only condition {parent} = "
                             f"{value!r}: Freshdesk sections show for agents and customers "
                             "alike", target)
            elif "agent" in audiences:
                report.error(form.source, "/allOf", f"{parent} = {value!r} has an end-user "
                             "and an agent condition: on Freshdesk one section shows for "
                             "both; keep only the end-user one for this target", target)
        for child_key, keys in pairs.items():
            shown = frozenset(keys)
            seen = shown_when.setdefault(child_key, (form.source, "/allOf", shown))
            if seen[2] != shown:
                report.error(form.source, "/allOf", f"{child_key!r} is shown when "
                             f"{_when(shown)} here but when {_when(seen[2])} in {seen[0]}: "
                             "Freshdesk sections belong to the field, so every form must "
                             "show it under the same conditions", target)
    for form in forms.values():
        children_here = {str(c.field) for cond in form.conditions for c in cond.children}
        for ref in form.fields:
            ref_key = str(ref)
            if ref_key in conditional and ref_key not in children_here:
                report.error(form.source, pointer(["properties", ref_key]),
                             f"{ref_key!r} is conditional in {conditional[ref_key]}; on "
                             "Freshdesk a "
                             "field inside a dynamic section is hidden outside it, so it "
                             "cannot also be unconditional here", target)
    result = dict(fields)
    for field_key, (req, _, _) in required.items():
        field = result.get(field_key)
        if field is None or field.required_in_portal == req:
            continue
        doc = field_docs.get(field_key)
        explicit = doc.explicit_required if doc is not None else None
        if explicit is not None:
            report.error(field.source, "/x-deskops/required_in_portal",
                         f"required_in_portal is {str(explicit).lower()}, but the conditions "
                         f"showing this field make it {_req(req)}: on Freshdesk a field's "
                         "required flag is its own, not the section's", target)
            continue
        result[field_key] = replace(field, required_in_portal=req)
    return result


def _req(required: bool) -> str:
    return "required" if required else "optional"


def _when(keys: frozenset[tuple[str, str | bool]]) -> str:
    return " or ".join(f"{p} = {v!r}" for p, v in sorted(keys, key=str)) or "always"


def _names(children: tuple[tuple[str, bool], ...]) -> str:
    return "[" + ", ".join(n + ("*" if req else "") for n, req in children) + "]"


def _checkbox_keywords(report: Report, fields: Mapping[str, Field],
                       settings: Mapping[str, Any]) -> None:
    """A field's own ``x-deskops.keywords`` are statements that tick a checkbox: on any
    other kind of field they would never be read (an error: they belong on its options);
    a locale the workspace does not use is never read either (a warning)."""
    locales = {str(loc) for loc in settings.get("locales", ()) or ()}
    for field in fields.values():
        ext = (field.schema or {}).get("x-deskops")
        words = ext.get("keywords") if isinstance(ext, Mapping) else None
        if not isinstance(words, Mapping):
            continue
        at = "/x-deskops/keywords"
        if field.kind != "checkbox":
            report.error(field.source, at, f"keywords on a {field.kind} field are never read: "
                         "a field's own keywords tick a checkbox (type boolean); a dropdown's "
                         "belong on its options (oneOf/<i>/x-deskops/keywords)")
            continue
        for loc in words:
            if locales and loc != "*" and loc not in locales \
                    and language_of(loc) not in READING_LANGUAGES:
                report.warn(field.source, f"{at}/{loc}", f"locale {loc!r} is not one of "
                            f"the workspace locales {sorted(locales)}: never read")


def _option_keywords(report: Report, fields: Mapping[str, Field],
                     settings: Mapping[str, Any]) -> None:
    """``x-deskops.keywords`` on options: one keyword naming two options of a field would
    always be ambiguous (an error); a locale the workspace does not use is never read, unless
    triage reads its language anyway (`READING_LANGUAGES`: a pt-br ticket to an en/fr desk)."""
    locales = {str(loc) for loc in settings.get("locales", ()) or ()}
    for field in fields.values():
        nodes = (field.schema or {}).get("oneOf") or []
        owner: dict[str, str] = {}
        for i, node in enumerate(nodes):
            ext = node.get("x-deskops") if isinstance(node, Mapping) else None
            words = ext.get("keywords") if isinstance(ext, Mapping) else None
            if not isinstance(words, Mapping):
                continue
            at = f"/oneOf/{i}/x-deskops/keywords"
            for loc, items in words.items():
                if locales and loc != "*" and loc not in locales \
                        and language_of(loc) not in READING_LANGUAGES:
                    report.warn(field.source, f"{at}/{loc}", f"locale {loc!r} is not one of "
                                f"the workspace locales {sorted(locales)}: never read")
                for word in items if isinstance(items, list) else ():
                    folded = " ".join(str(word).casefold().split())
                    other = owner.setdefault(f"{loc}:{folded}", str(node.get("const")))
                    if other != node.get("const"):
                        report.error(field.source, f"{at}/{loc}", f"keyword {word!r} also "
                                     f"names option {other!r}: a match could never decide")
