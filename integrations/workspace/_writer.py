"""Write a `Workspace` model as a workspace folder (``deskops export``).

The inverse of the loader: ``load(write_workspace(ws, out))`` equals ``ws`` on every
compared attribute, given a model that follows the loader's conventions (``titles`` and
option ``titles`` include the default locale; refs are workspace keys, not remote ids).
Where a value the loader would derive (``required_in_portal``) differs from the model,
the writer spells it out explicitly.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from integrations.errors import WorkspaceError
from integrations.model import SYSTEM_FIELDS, Field, Form, Workspace
from integrations.workspace._loader import FIELD_KEY, FORM_KEY, SETTINGS_FILE

__all__ = ["field_schema", "form_schema", "slugify_key", "write_objects", "write_workspace"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
#: Worker-only keywords copied back from a loaded field schema (not part of the model).
_FIELD_EXTRAS = ("$comment", "minLength", "maxLength", "minimum", "maximum",
                 "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems", "examples")


def slugify_key(title: str, taken: Collection[str] = ()) -> str:
    """An ASCII key for a remote object's title, unique among ``taken`` (not modified).

    ``"Région du serveur"`` → ``region_du_serveur``; collisions get ``_2``, ``_3``...;
    system field names and titles without ASCII letters get a ``field`` prefix. Also
    suitable for option values (tags).
    """
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")[:56]
    if not slug:
        slug = "field"
    elif not slug[0].isalpha():
        slug = f"field_{slug}"
    if slug in SYSTEM_FIELDS:
        slug = f"{slug}_field"
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}_{n}", n + 1
    return candidate


def _locales_except(texts: Mapping[str, str], default_locale: str, plain: str) -> dict[str, str]:
    return {k: v for k, v in texts.items() if not (k == default_locale and v == plain)}


def _options(field: Field, default_locale: str) -> list[dict[str, Any]]:
    items = []
    for option in field.options:
        item: dict[str, Any] = {"const": option.value, "title": option.title}
        extra = _locales_except(option.titles, default_locale, option.title)
        ox: dict[str, Any] = {"title": extra} if extra else {}
        if option.was:
            ox["was"] = option.was
        if ox:
            item["x-deskops"] = ox
        items.append(item)
    return items


def field_schema(field: Field, default_locale: str, explicit_required: bool | None = None
                 ) -> dict[str, Any]:
    """The ``fields/<key>.json`` document for one field."""
    doc: dict[str, Any] = {"$schema": DRAFT, "title": field.title}
    if field.description:
        doc["description"] = field.description
    kind = field.kind
    if kind in ("text", "textarea", "regexp", "date"):
        doc["type"] = "string"
    if kind == "regexp":
        doc["pattern"] = field.pattern or ".*"
    elif kind == "date":
        doc["format"] = "date"
    elif kind == "checkbox":
        doc["type"] = "boolean"
    elif kind == "integer":
        doc["type"] = "integer"
    elif kind == "decimal":
        doc["type"] = "number"
    elif kind == "dropdown":
        doc["type"] = "string"
        doc["oneOf"] = _options(field, default_locale)
    elif kind == "multiselect":
        doc["type"] = "array"
        doc["items"] = {"type": "string", "oneOf": _options(field, default_locale)}
        doc["uniqueItems"] = True
    for key in _FIELD_EXTRAS:
        if key in field.schema:
            doc[key] = field.schema[key]
    x: dict[str, Any] = {}
    titles = _locales_except(field.titles, default_locale, field.title)
    if titles:
        x["title"] = titles
    descriptions = _locales_except(field.descriptions, default_locale, field.description)
    if descriptions:
        x["description"] = descriptions
    if kind == "textarea":
        x["long"] = True
    if field.extract:
        x["extract"] = list(field.extract)
    if explicit_required is not None:
        x["required_in_portal"] = explicit_required
    for flag in ("visible_in_portal", "editable_in_portal", "active"):
        if getattr(field, flag) is not True:
            x[flag] = getattr(field, flag)
    if field.was:
        x["was"] = field.was
    for vendor in ("zendesk", "freshdesk"):
        if field.vendor.get(vendor):
            x[vendor] = dict(field.vendor[vendor])
    if x:
        doc["x-deskops"] = x
    return doc


def form_schema(form: Form, fields: Mapping[str, Field], default_locale: str,
                default_brands: tuple[str, ...] = ()) -> dict[str, Any]:
    """The ``forms/<key>.json`` document for one form (refs must be workspace keys)."""
    doc: dict[str, Any] = {"$schema": DRAFT, "title": form.title}
    if form.description:
        doc["description"] = form.description
    doc["type"] = "object"
    props: dict[str, Any] = {}
    raw_props: Mapping[str, Any] = form.schema.get("properties", {})
    for ref in form.fields:
        name = _key(ref, form)
        if name in SYSTEM_FIELDS:
            prop = dict(raw_props.get(name) or {})
            prop_x: Mapping[str, Any] = prop.get("x-deskops") or {}
            kept = {k: dict(v) for k, v in prop_x.items()
                    if k in ("title", "description") and v}
            prop["x-deskops"] = {"system": name, **kept}
            props[name] = prop
        elif name in fields:
            props[name] = {"$ref": f"../fields/{name}.json"}
        else:
            raise WorkspaceError(f"form {form.key!r} refers to field {name!r}, which is not in "
                                 "the workspace being written")
    doc["properties"] = props
    if form.required:
        doc["required"] = list(form.required)
    conditions = []
    for cond in form.conditions:
        parent = _key(cond.parent, form)
        then: dict[str, Any] = {"properties": {_key(c.field, form): True
                                               for c in cond.children}}
        required = [_key(c.field, form) for c in cond.children if c.required]
        if required:
            then["required"] = required
        item: dict[str, Any] = {
            "if": {"properties": {parent: {"const": cond.value}}, "required": [parent]},
            "then": then,
        }
        if cond.audience != "end_user":
            item["x-deskops"] = {"audience": cond.audience}
        conditions.append(item)
    if conditions:
        doc["allOf"] = conditions
    x: dict[str, Any] = {}
    titles = _locales_except(form.titles, default_locale, form.title)
    if titles:
        x["title"] = titles
    descriptions = _locales_except(form.descriptions, default_locale, form.description)
    if descriptions:
        x["description"] = descriptions
    if form.attachments:
        x["attachments"] = [_attachment(a) for a in form.attachments]
    if tuple(form.brands) != tuple(default_brands):
        x["brands"] = list(form.brands)
    for flag in ("end_user_visible", "active"):
        if getattr(form, flag) is not True:
            x[flag] = getattr(form, flag)
    if form.was:
        x["was"] = form.was
    raw_x: Mapping[str, Any] = form.schema.get("x-deskops", {})
    if "auto_solve" in raw_x:  # read by triage from the raw schema, not in the model
        x["auto_solve"] = raw_x["auto_solve"]
    for vendor in ("zendesk", "freshdesk"):
        if form.vendor.get(vendor):
            x[vendor] = dict(form.vendor[vendor])
    if x:
        doc["x-deskops"] = x
    return doc


def _attachment(spec: Mapping[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = {"name": spec["name"], "pattern": spec["pattern"]}
    for key in ("title", "description"):
        if spec.get(key):
            item[key] = dict(spec[key])
    if "required" in spec:
        item["required"] = bool(spec["required"])
    if spec.get("when"):
        item["when"] = dict(spec["when"])
    return item


def _key(ref: str | int, form: Form) -> str:
    if isinstance(ref, int):
        raise WorkspaceError(f"form {form.key!r} still refers to remote field id {ref}; "
                             "resolve remote ids to workspace keys before writing")
    return ref


def write_workspace(ws: Workspace, out_dir: Path | str, *, replace: bool = False) -> Path:
    """Write ``ws`` as ``deskops.json``, ``fields/`` and ``forms/`` under ``out_dir``.

    Refuses to write over an existing workspace unless ``replace``; then stale
    ``fields/*.json`` and ``forms/*.json`` are removed (other entries are left alone).
    """
    out = Path(out_dir)
    for key in ws.fields:
        if not FIELD_KEY.match(key):
            raise WorkspaceError(f"field key {key!r} is not a valid file name; use slugify_key")
    for key in ws.forms:
        if not FORM_KEY.match(key):
            raise WorkspaceError(f"form key {key!r} is not a valid file name; use slugify_key")
    existing = [p for d in ("fields", "forms") for p in sorted((out / d).glob("*.json"))]
    if not replace and ((out / SETTINGS_FILE).exists() or existing):
        raise WorkspaceError(f"{out} already holds a workspace; choose an empty folder")
    default_locale = ws.default_locale
    forms = sorted(ws.forms.values(), key=lambda f: (f.position, f.key))
    brand = ws.settings.get("brand")
    default_brands = (str(brand),) if brand else ()

    docs: dict[str, dict[str, Any]] = {}
    explicit = _explicit_required(ws)
    for key, field in ws.fields.items():
        docs[f"fields/{key}.json"] = field_schema(field, default_locale, explicit[key])
    for form in forms:
        docs[f"forms/{form.key}.json"] = form_schema(form, ws.fields, default_locale,
                                                     default_brands)

    settings: dict[str, Any] = dict(ws.settings)
    settings.setdefault("name", out.resolve().name)
    settings["default_locale"] = default_locale
    settings["locales"] = list(ws.locales)
    settings["forms"] = [f.key for f in forms]
    defaults = [f.key for f in forms if f.default]
    if defaults:
        settings["default_form"] = defaults[0]
    else:
        settings.pop("default_form", None)

    for d in ("fields", "forms"):
        (out / d).mkdir(parents=True, exist_ok=True)
    for path in existing:
        if f"{path.parent.name}/{path.name}" not in docs:
            path.unlink()
    _dump(out / SETTINGS_FILE, settings)
    for rel, doc in docs.items():
        _dump(out / rel, doc)
    return out


def _explicit_required(ws: Workspace) -> dict[str, bool | None]:
    """Per field, ``x-deskops.required_in_portal`` to write: None when the loader derives
    the same value from the forms (required in every form showing it)."""
    usage: dict[str, list[bool]] = {}
    for form in ws.forms.values():
        for ref in form.fields:
            if isinstance(ref, str) and ref in ws.fields:
                usage.setdefault(ref, []).append(ref in form.required)
    out: dict[str, bool | None] = {}
    for key, field in ws.fields.items():
        uses = usage.get(key, [])
        derived = bool(uses) and all(uses)
        out[key] = None if derived == field.required_in_portal else field.required_in_portal
    return out


def write_objects(ws: Workspace, root: Path, fields: Collection[str], forms: Collection[str]
                  ) -> list[str]:
    """Write only the named fields' and forms' files of ``ws`` (a pull into an existing
    workspace), and in ``deskops.json`` only the ``forms`` order, new ``locales`` and the
    ``default_form``;
    every other file (rules, templates, kb, untouched objects) is left as it is. Returns the
    relative paths written."""
    brand = ws.settings.get("brand")
    default_brands = (str(brand),) if brand else ()
    explicit = _explicit_required(ws)
    written: list[str] = []
    for key in sorted(fields):
        rel = f"fields/{key}.json"
        (root / "fields").mkdir(parents=True, exist_ok=True)
        _dump(root / rel, field_schema(ws.fields[key], ws.default_locale, explicit[key]))
        written.append(rel)
    for key in sorted(forms):
        rel = f"forms/{key}.json"
        (root / "forms").mkdir(parents=True, exist_ok=True)
        _dump(root / rel, form_schema(ws.forms[key], ws.fields, ws.default_locale,
                                      default_brands))
        written.append(rel)
    path = root / SETTINGS_FILE
    settings = json.loads(path.read_text(encoding="utf-8"))
    before = dict(settings)
    order = [f.key for f in sorted(ws.forms.values(), key=lambda f: f.position)]
    if list(settings.get("forms") or []) != order:
        settings["forms"] = order
    locales = list(settings.get("locales") or [ws.default_locale])
    settings["locales"] = locales + [loc for loc in ws.locales if loc not in locales]
    default = next((f.key for f in ws.forms.values() if f.default), None)
    if default is not None:
        settings["default_form"] = default
    if settings != before:
        _dump(path, settings)
        written.append(SETTINGS_FILE)
    return written


def _dump(path: Path, doc: Mapping[str, Any]) -> None:
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
