"""Read a workspace folder into the neutral model, collecting every problem on the way.

Each file is parsed, checked against its meta-schema, then interpreted (kind, options,
conditions, ...). A broken file is reported once and left out of later checks, so one
mistake gives one line instead of a cascade. Cross-file and per-target checks live in
`integrations.workspace._checks`.
"""

from __future__ import annotations

import difflib
import json
import posixpath
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from integrations.errors import Problem, WorkspaceError
from integrations.model import (
    SYSTEM_FIELDS,
    Condition,
    ConditionChild,
    Field,
    FieldKind,
    Form,
    Option,
    Ref,
    Workspace,
)
from integrations.workspace._checks import cross_checks
from integrations.workspace._meta import meta_problems, pointer
from integrations.workspace._patterns import python_pattern_problems, schema_pattern_problems
from integrations.workspace._types import FieldDoc, FormDoc, Report

if TYPE_CHECKING:
    from integrations.triage.reading.learned import Model

__all__ = ["FIELD_KEY", "FORM_KEY", "SETTINGS_FILE", "TAG", "check"]

SETTINGS_FILE = "deskops.json"
#: A field key is its file stem: ASCII, so it works as a Freshdesk name and a JSON key.
FIELD_KEY = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
FORM_KEY = re.compile(r"^[a-z][a-z0-9_-]{0,63}$")
#: Option values are Zendesk tags: lowercase (Zendesk lowercases them), no spaces.
TAG = re.compile(r"^[^\sA-Z,#@\"'<>&;]+$")


def check(root: Path, target: str | None = None, *, learned: bool = True) -> Report:
    """Load and check the workspace at ``root``; never raises for a bad workspace.
    ``learned=False`` leaves ``learned.json`` out (``deskops learn`` replaces it, stale or
    not)."""
    report = Report(target=target)
    root = Path(root)
    if not root.is_dir():
        report.error(str(root), "", "not a workspace folder (it does not exist)")
        return report
    settings = _read_json(root, SETTINGS_FILE, report)
    if settings is _FAILED:
        if not (root / SETTINGS_FILE).exists():
            report.errors[-1:] = []
            report.error(SETTINGS_FILE, "", "missing: a workspace folder needs deskops.json "
                         "(name, default_locale, locales, forms)")
        settings = {}
    else:
        meta = meta_problems(settings, "workspace", SETTINGS_FILE)
        report.errors.extend(meta)
        if meta or not isinstance(settings, dict):
            settings = {}
        _settings_checks(settings, report)
    default_locale = str(settings.get("default_locale") or "en")
    locales = tuple(str(x) for x in settings.get("locales") or [default_locale])

    # Without readable settings the locales are unknown: do not flag every translation.
    ctx = _Context(report, default_locale, locales if settings else None, settings)
    field_docs: dict[str, FieldDoc] = {
        doc.key: doc for doc in _read_folder(root, "fields", FIELD_KEY, report)}
    for fdoc in field_docs.values():
        ctx.build_field(fdoc)
    form_docs: dict[str, FormDoc] = {
        doc.key: doc for doc in _read_folder(root, "forms", FORM_KEY, report)}
    for form_doc in form_docs.values():
        ctx.build_form(form_doc, field_docs)

    _rename_checks(report, field_docs, form_docs)
    fields, forms = cross_checks(report, settings, field_docs, form_docs, target)
    model = _learned_checks(root, fields, report) if learned else None
    workspace = None
    if report.ok:
        workspace = Workspace(
            root=root, default_locale=default_locale, locales=locales,
            fields=fields, forms=forms, settings=settings, learned=model,
        )
    _triage_checks(root, workspace, default_locale, report)
    if report.ok:
        report.workspace = workspace
    return report


def _rename_checks(report: Report, field_docs: Mapping[str, FieldDoc],
                   form_docs: Mapping[str, FormDoc]) -> None:
    """``x-deskops.was`` names a key that is gone, and only one object claims it."""
    for kind, docs in (("field", field_docs), ("form", form_docs)):
        claimed: dict[str, str] = {}
        for key, doc in docs.items():
            obj = doc.field if isinstance(doc, FieldDoc) else doc.form
            was = obj.was if obj is not None else None
            if was is None:
                continue
            if was in docs:
                report.error(doc.file, "/x-deskops/was", f"was {was!r} names a {kind} still in "
                             f"the workspace ({kind}s/{was}.json): remove that file, or drop "
                             "the rename")
            elif was in claimed:
                report.error(doc.file, "/x-deskops/was", f"{kind}s/{claimed[was]}.json already "
                             f"declares it was {was!r}: a key is renamed once")
            else:
                claimed[was] = key


def _learned_checks(root: Path, fields: Mapping[str, Field], report: Report) -> Model | None:
    """``learned.json``, when present: a model the worker can score. A field that is no
    dropdown of the workspace, or a class that is no option of its field (a model trained
    before a field or an option was removed), is a warning, not an error: the worker
    ignores them, and removing an option must not stop ``plan`` until the model is
    trained again. One problem per line."""
    from integrations.triage.reading.learned import FILE, LearnedError, Model

    if not (root / FILE).exists():
        return None
    data = _read_json(root, FILE, report)
    if data is _FAILED:
        return None
    try:
        model = Model.from_json(data)
    except LearnedError as exc:
        report.error(FILE, exc.pointer, str(exc))
        return None
    for key, fm in model.fields.items():
        f = fields.get(key)
        if f is None or f.kind != "dropdown":
            report.warn(FILE, f"/fields/{key}", f"{key!r} is not a dropdown field of the "
                        "workspace, its model is ignored: train the model again (deskops learn)")
            continue
        values = {o.value for o in f.options}
        stale = [c for c in fm.classes if c and c not in values]
        if stale:
            report.warn(FILE, f"/fields/{key}/classes", f"{', '.join(map(repr, stale))} "
                        f"{'is not an option' if len(stale) == 1 else 'are not options'} "
                        f"of {key} (a stale model), ignored: train it again (deskops learn)")
    if model.spans is not None:
        for key in sorted(model.spans.fields):
            f = fields.get(key)
            if f is None or f.kind not in ("text", "regexp"):
                report.warn(FILE, "/spans/fields", f"{key!r} is not a text field of the "
                            "workspace, the span reader ignores it: train the model again "
                            "(deskops learn)")
    return model


def _triage_checks(root: Path, workspace: Workspace | None, default_locale: str,
                   report: Report) -> None:
    """``rules.json`` and ``templates/``, when present: what the triage worker would refuse
    at start-up is a `validate` error now (the forms and fields they name are checked only
    when the rest of the workspace loaded)."""
    # Imported here: integrations.triage itself imports this package.
    from integrations.triage import RULES_FILE, load_templates, reply_templates, validate_rules

    replies: set[str] = set()
    reported: set[str] = set()  # template files a rules.json problem already names
    if (root / RULES_FILE).exists():
        data = _read_json(root, RULES_FILE, report)
        if data is not _FAILED:
            problems = validate_rules(data, workspace)
            report.errors.extend(problems)
            replies = reply_templates(data)
            reported = {f"templates/{default_locale}/{name}.html" for name in replies
                        if any(p.pointer.endswith("/then/reply") and f"{name!r}" in p.message
                               for p in problems)}
    if (root / "templates").is_dir() or replies:
        try:
            load_templates(root, default_locale, replies)
        except WorkspaceError as exc:
            report.errors.extend(p for p in exc.problems or [Problem("templates", "", str(exc))]
                                 if p.file not in reported)


# --------------------------------------------------------------------------- reading files

#: What `_read_json` returns for a file it could not parse (JSON ``null`` is a value).
_FAILED: Any = object()


def _read_json(root: Path, rel: str, report: Report) -> Any:
    """Parse one file; bad JSON and duplicate keys are problems with line:col."""
    path = root / rel
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        report.error(rel, "", "file not found")
        return _FAILED
    except (OSError, UnicodeDecodeError) as exc:
        report.error(rel, "", f"cannot read: {exc}")
        return _FAILED
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: dict[str, Any] = {}
        for key, value in items:
            if key in seen:
                duplicates.append(key)
            seen[key] = value
        return seen

    try:
        data = json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        report.error(rel, "", f"invalid JSON at line {exc.lineno}:{exc.colno}: {exc.msg}")
        return _FAILED
    for key in dict.fromkeys(duplicates):
        report.error(rel, "", f"duplicate key {key!r} in one object: JSON keeps only the last "
                     "one; remove the other")
    return data if not duplicates else _FAILED


def _read_folder(root: Path, folder: str, key_re: re.Pattern[str], report: Report
                 ) -> list[Any]:
    """The ``FieldDoc``s (folder ``fields``) or ``FormDoc``s (``forms``) of one folder."""
    directory = root / folder
    if not directory.is_dir():
        return []
    docs: list[Any] = []
    for path in sorted(directory.iterdir()):
        rel = f"{folder}/{path.name}"
        if path.name.startswith("."):
            continue
        if path.is_dir() or path.suffix != ".json":
            report.warn(rel, "", f"ignored: only <key>.json files belong in {folder}/")
            continue
        key = path.stem
        if not key_re.match(key):
            report.error(rel, "", f"the file name is the {folder[:-1]} key: start with a "
                         "lowercase letter, then lowercase letters, digits, '_'"
                         + (" or '-'" if folder == "forms" else "") + " (at most 64)")
            continue
        if folder == "fields" and key in SYSTEM_FIELDS:
            report.error(rel, "", f"{key!r} is a reserved system field name; system fields "
                         f"are referenced from forms with {{\"x-deskops\": {{\"system\": "
                         f"\"{key}\"}}}}, never created")
            continue
        data = _read_json(root, rel, report)
        if data is _FAILED:
            docs.append(FieldDoc(key, rel, None) if folder == "fields" else FormDoc(key, rel, None))
            continue
        problems = meta_problems(data, folder[:-1], rel)
        report.errors.extend(problems)
        doc_cls = FieldDoc if folder == "fields" else FormDoc
        docs.append(doc_cls(key, rel, None if problems else data))
    return docs


def _settings_checks(settings: Mapping[str, Any], report: Report) -> None:
    known = ("name", "default_locale", "locales", "forms", "default_form", "brand")
    for key in settings:
        if key in known or key.startswith("$"):
            continue
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.8)
        if close:
            report.warn(SETTINGS_FILE, pointer([key]),
                        f"unknown setting {key!r} (did you mean {close[0]!r}?)")
    locales = settings.get("locales") or []
    default = settings.get("default_locale")
    if default and default not in locales:
        report.error(SETTINGS_FILE, "/default_locale",
                     f"default locale {default!r} is not in locales ({' '.join(locales)})")


# --------------------------------------------------------------------------- interpreting

class _Context:
    """Interprets one file at a time, adding problems to the shared report."""

    def __init__(self, report: Report, default_locale: str, locales: Sequence[str] | None,
                 settings: Mapping[str, Any]) -> None:
        self.report = report
        self.default_locale = default_locale
        self.locales = None if locales is None else tuple(locales)
        self.settings = settings

    def localized(self, file: str, where: Sequence[str | int], default: str,
                  extra: Any) -> dict[str, str]:
        """``{default_locale: default, **extra}``, checking the extra locales."""
        texts: dict[str, str] = {self.default_locale: default} if default else {}
        for locale, text in (extra or {}).items():
            at = pointer([*where, locale])
            if self.locales is not None and locale not in self.locales:
                self.report.error(file, at, f"locale {locale!r} is not in deskops.json "
                                  f"locales ({' '.join(self.locales)})")
            elif locale == self.default_locale and default and text != default:
                self.report.error(file, at, f"differs from the plain text for the default "
                                  f"locale {locale!r}; keep the default text in one place")
            else:
                texts[locale] = text
        return texts

    # -- fields

    def build_field(self, fdoc: FieldDoc) -> None:
        doc = fdoc.doc
        if doc is None:
            return
        file = fdoc.file
        errors_before = len(self.report.errors)
        x: Mapping[str, Any] = doc.get("x-deskops", {})
        kind, options_at = self._field_kind(doc, x, file)
        options: tuple[Option, ...] = ()
        if options_at is not None:
            options = self._options(doc, options_at, file)
        pattern = doc.get("pattern") if kind == "regexp" else None
        if pattern is not None:
            for why in schema_pattern_problems(pattern):
                self.report.error(file, "/pattern", f"pattern not portable: {why}")
        extract = tuple(x.get("extract", ()))
        for i, pat in enumerate(extract):
            for why in python_pattern_problems(pat):
                self.report.error(file, pointer(["x-deskops", "extract", i]), why)
        title = doc["title"]
        description = doc.get("description", "")
        titles = self.localized(file, ["x-deskops", "title"], title, x.get("title"))
        descriptions = self.localized(file, ["x-deskops", "description"], description,
                                      x.get("description"))
        if len(self.report.errors) != errors_before or kind is None:
            return
        fdoc.explicit_required = x.get("required_in_portal")
        fdoc.field = Field(
            key=fdoc.key, kind=kind, title=title, description=description,
            titles=titles, descriptions=descriptions, options=options, pattern=pattern,
            required_in_portal=bool(fdoc.explicit_required),
            visible_in_portal=x.get("visible_in_portal", True),
            editable_in_portal=x.get("editable_in_portal", True),
            active=x.get("active", True),
            vendor={k: dict(x[k]) for k in ("zendesk", "freshdesk") if k in x},
            extract=extract, source=file, schema=doc, was=x.get("was"),
        )

    def _field_kind(self, doc: Mapping[str, Any], x: Mapping[str, Any], file: str
                    ) -> tuple[FieldKind | None, list[str] | None]:
        """The mapping table, read backwards; returns (kind, pointer to the option list)."""
        err = self.report.error
        t = doc.get("type")
        listed = [k for k in ("enum", "oneOf") if k in doc]
        if len(listed) == 2:
            err(file, "/oneOf", "use either enum or oneOf for the options, not both")
            return None, None
        if t != "string":
            for key in ("pattern", "format", "minLength", "maxLength"):
                if key in doc and not (key in ("minLength", "maxLength") and t is None and listed):
                    err(file, pointer([key]), f"{key} applies to type string only")
            if x.get("long") and t is not None:
                err(file, "/x-deskops/long", "long applies to type string only")
        if t == "array":
            items = doc.get("items")
            if not items or not any(k in items for k in ("enum", "oneOf")):
                err(file, "/items", "an array field is a multiselect: items needs enum or "
                    "oneOf")
                return None, None
            if "enum" in items and "oneOf" in items:
                err(file, "/items/oneOf", "use either enum or oneOf for the options, not both")
                return None, None
            if doc.get("uniqueItems") is not True:
                err(file, "/uniqueItems" if "uniqueItems" in doc else "",
                    "a multiselect needs \"uniqueItems\": true (each option once)")
                return None, None
            return "multiselect", ["items", "enum" if "enum" in items else "oneOf"]
        for key in ("items", "uniqueItems", "minItems", "maxItems"):
            if key in doc:
                err(file, pointer([key]), f"{key} applies to type array (multiselect) only")
        if listed:
            if t not in (None, "string"):
                err(file, "/type", "dropdown options are strings: use \"type\": \"string\" "
                    "or leave type out")
                return None, None
            if x.get("long"):
                err(file, "/x-deskops/long", "a dropdown cannot be long text")
            return "dropdown", [listed[0]]
        if t is None:
            err(file, "", "type is required (string, boolean, integer, number, array) "
                "unless the field lists options with enum or oneOf")
            return None, None
        if t == "boolean":
            return "checkbox", None
        if t == "integer":
            return "integer", None
        if t == "number":
            return "decimal", None
        # string
        flags = [k for k, on in (("pattern", "pattern" in doc), ("format", "format" in doc),
                                 ("x-deskops/long", bool(x.get("long")))) if on]
        if len(flags) > 1:
            err(file, pointer([flags[1]]) if "/" not in flags[1] else "/x-deskops/long",
                f"{' and '.join(flags)} cannot be combined: a field is one of text, regexp, "
                "date or long text")
            return None, None
        if "pattern" in doc:
            return "regexp", None
        if "format" in doc:
            return "date", None
        if x.get("long"):
            return "textarea", None
        return "text", None

    def _options(self, doc: Mapping[str, Any], at: list[str], file: str) -> tuple[Option, ...]:
        node: Any = doc
        for part in at:
            node = node[part]
        options: list[Option] = []
        seen: dict[str, int] = {}
        for i, item in enumerate(node):
            vptr: list[str | int]
            was: str | None = None
            if isinstance(item, str):
                value, title, extra, vptr = item, item, None, [*at, i]
            else:
                value, title = item["const"], item["title"]
                extra = item.get("x-deskops", {}).get("title")
                was = item.get("x-deskops", {}).get("was")
                vptr = [*at, i, "const"]
            if not TAG.match(value):
                self.report.error(file, pointer(vptr), f"option value {value!r} is not a valid "
                                  "tag: lowercase, no spaces, none of , # @ \" ' < > & ;")
                continue
            if value in seen:
                self.report.error(file, pointer(vptr), f"option value {value!r} is listed "
                                  f"twice (first at {pointer([*at, seen[value]])})")
                continue
            seen[value] = i
            titles = self.localized(file, [*at, i, "x-deskops", "title"], title, extra)
            options.append(Option(value=value, title=title, titles=titles, was=was))
        values = {o.value for o in options}
        for i, opt in enumerate(options):
            if opt.was is not None and (opt.was in values or opt.was == opt.value):
                self.report.error(file, pointer([*at, i, "x-deskops", "was"]),
                                  f"was {opt.was!r} names an option still listed: a renamed "
                                  "option's old value must be gone from the list")
        return tuple(options)

    # -- forms

    def build_form(self, fdoc: FormDoc, field_docs: Mapping[str, FieldDoc]) -> None:
        doc = fdoc.doc
        if doc is None:
            return
        file = fdoc.file
        err = self.report.error
        errors_before = len(self.report.errors)
        x: Mapping[str, Any] = doc.get("x-deskops", {})
        props: Mapping[str, Any] = doc["properties"]
        refs: list[Ref] = []
        for name, prop in props.items():
            at = pointer(["properties", name])
            if "$ref" in prop:
                ref = prop["$ref"]
                target = posixpath.normpath(posixpath.join("forms", ref))
                key = posixpath.splitext(posixpath.basename(target))[0]
                if key not in field_docs:
                    close = difflib.get_close_matches(key, list(field_docs), n=1)
                    hint = f" (did you mean ../fields/{close[0]}.json?)" if close else ""
                    err(file, at + "/$ref", f"$ref {ref!r} does not resolve: there is no "
                        f"{target}{hint}")
                    continue
                if name != key:
                    err(file, at, f"property {name!r} refers to {target}: name it {key!r} "
                        "(the file name is the field's identity)")
                    continue
                fdoc.refs[name] = key
            else:
                system = prop["x-deskops"]["system"]
                if name != system:
                    err(file, at, f"a system field is named after itself: rename {name!r} "
                        f"to {system!r}")
                    continue
                # Localized title/description (the hint when deskops asks for the field):
                # checked here, read by triage from the raw form schema.
                for text in ("title", "description"):
                    self.localized(file, ["properties", name, "x-deskops", text],
                                   prop.get(text, ""), prop["x-deskops"].get(text))
            refs.append(name)
        required = tuple(doc.get("required", ()))
        for i, name in enumerate(required):
            if name not in props:
                err(file, pointer(["required", i]), f"{name!r} is required but is not one "
                    "of this form's properties")
        conditions = self._conditions(doc, fdoc, field_docs)
        attachments = self._attachments(file, x, fdoc, field_docs)
        title = doc["title"]
        titles = self.localized(file, ["x-deskops", "title"], title, x.get("title"))
        descriptions = self.localized(file, ["x-deskops", "description"],
                                      doc.get("description", ""), x.get("description"))
        brand = self.settings.get("brand")
        brands = x.get("brands", [brand] if brand else [])
        if len(self.report.errors) != errors_before:
            return
        fdoc.form = Form(
            key=fdoc.key, title=title, fields=tuple(refs), titles=titles,
            description=doc.get("description", ""), conditions=conditions,
            end_user_visible=x.get("end_user_visible", True), active=x.get("active", True),
            brands=tuple(brands),
            vendor={k: dict(x[k]) for k in ("zendesk", "freshdesk") if k in x},
            required=required, attachments=attachments, schema=doc, source=file,
            descriptions=descriptions, was=x.get("was"),
        )

    def _conditions(self, doc: Mapping[str, Any], fdoc: FormDoc,
                    field_docs: Mapping[str, FieldDoc]) -> tuple[Condition, ...]:
        file, err = fdoc.file, self.report.error
        props: Mapping[str, Any] = doc["properties"]
        conditions: list[Condition] = []
        seen: dict[tuple[str, str | bool, str], int] = {}
        for i, item in enumerate(doc.get("allOf", ())):
            at: list[str | int] = ["allOf", i]
            (parent, test), = item["if"]["properties"].items()
            value = test["const"]
            ok = True
            if parent not in item["if"]["required"]:
                err(file, pointer([*at, "if", "required"]), f"list {parent!r} in required: "
                    "without it the condition also holds when the field is empty")
                ok = False
            pfield = None
            if parent not in props:
                err(file, pointer([*at, "if", "properties", parent]), f"condition parent "
                    f"{parent!r} is not one of this form's properties")
                ok = False
            elif parent not in fdoc.refs:
                if parent in SYSTEM_FIELDS:
                    err(file, pointer([*at, "if", "properties", parent]), "a condition parent "
                        "must be a custom dropdown or checkbox field, not a system field")
                ok = False
            else:
                pfield = field_docs[fdoc.refs[parent]].field
            if pfield is not None:
                vptr = pointer([*at, "if", "properties", parent, "const"])
                if pfield.kind == "dropdown":
                    values = [o.value for o in pfield.options]
                    if value not in values:
                        close = difflib.get_close_matches(str(value), values, n=1)
                        hint = f" (did you mean {close[0]!r}?)" if close else ""
                        err(file, vptr, f"{value!r} is not an option of {parent!r}{hint}")
                        ok = False
                elif pfield.kind == "checkbox":
                    if not isinstance(value, bool):
                        err(file, vptr, f"{parent!r} is a checkbox: test true or false")
                        ok = False
                else:
                    err(file, pointer([*at, "if", "properties", parent]), f"condition parent "
                        f"{parent!r} is a {pfield.kind} field; only dropdown and checkbox "
                        "fields can drive conditions")
                    ok = False
            then = item["then"]
            names = list(then.get("properties", {}))
            names += [n for n in then.get("required", ()) if n not in names]
            if not names:
                err(file, pointer([*at, "then"]), "a condition needs at least one child field "
                    "in then.properties or then.required")
                ok = False
            children: list[ConditionChild] = []
            for name in names:
                where = "properties" if name in then.get("properties", {}) else "required"
                cptr = pointer([*at, "then", where] + ([name] if where == "properties" else
                                                       [then["required"].index(name)]))
                if name not in props:
                    err(file, cptr, f"condition child {name!r} is not one of this form's "
                        "properties (a child must be on the form too)")
                    ok = False
                elif name == parent:
                    err(file, cptr, f"{name!r} cannot be a child of its own condition")
                    ok = False
                elif name not in fdoc.refs:
                    if name in SYSTEM_FIELDS:
                        err(file, cptr, f"system field {name!r} cannot be conditional; only "
                            "custom fields can")
                    ok = False
                else:
                    children.append(ConditionChild(name, name in then.get("required", ())))
            audience = item.get("x-deskops", {}).get("audience", "end_user")
            key = (parent, value, audience)
            if key in seen:
                err(file, pointer(at), f"same condition as allOf/{seen[key]} ({parent} = "
                    f"{value!r}, {audience}); merge their children into one")
                ok = False
            seen[key] = i
            if ok:
                conditions.append(Condition(parent, value, tuple(children),
                                            cast(Any, audience)))
        return tuple(conditions)

    def _attachments(self, file: str, x: Mapping[str, Any], fdoc: FormDoc,
                     field_docs: Mapping[str, FieldDoc]) -> tuple[Mapping[str, Any], ...]:
        """``x-deskops.attachments`` as the worker reads them (`integrations.triage`).

        Keys beyond name/pattern/title are kept only when written, so an export writes
        back exactly what was read.
        """
        result: list[Mapping[str, Any]] = []
        names: set[str] = set()
        for i, item in enumerate(x.get("attachments", ())):
            at: list[str | int] = ["x-deskops", "attachments", i]
            if item["name"] in names:
                self.report.error(file, pointer([*at, "name"]),
                                  f"attachment {item['name']!r} is declared twice")
            names.add(item["name"])
            for why in python_pattern_problems(item["pattern"]):
                self.report.error(file, pointer([*at, "pattern"]), why)
            titles = self.localized(file, [*at, "title"], "", item.get("title"))
            spec: dict[str, Any] = {"name": item["name"], "pattern": item["pattern"],
                                    "title": titles}
            if item.get("description"):
                spec["description"] = self.localized(file, [*at, "description"], "",
                                                     item["description"])
            if "required" in item:
                spec["required"] = item["required"]
            if "when" in item:
                self._attachment_when(file, [*at, "when"], item["when"], fdoc, field_docs)
                spec["when"] = dict(item["when"])
            result.append(spec)
        return tuple(result)

    def _attachment_when(self, file: str, at: list[str | int], when: Mapping[str, Any],
                         fdoc: FormDoc, field_docs: Mapping[str, FieldDoc]) -> None:
        """Like a condition's ``if``: a dropdown of the form and one of its options, or a
        checkbox and true/false."""
        err = self.report.error
        for name, value in when.items():
            where = pointer([*at, name])
            if name not in fdoc.refs:
                err(file, where, f"{name!r} is not a custom field of this form (when tests "
                    "dropdown or checkbox fields of the form)")
                continue
            f = field_docs[fdoc.refs[name]].field
            if f is None:
                continue
            if f.kind == "dropdown":
                values = [o.value for o in f.options]
                if value not in values:
                    close = difflib.get_close_matches(str(value), values, n=1)
                    hint = f" (did you mean {close[0]!r}?)" if close else ""
                    err(file, where, f"{value!r} is not an option of {name!r}{hint}")
            elif f.kind == "checkbox":
                if not isinstance(value, bool):
                    err(file, where, f"{name!r} is a checkbox: test true or false")
            else:
                err(file, where, f"{name!r} is a {f.kind} field; when tests dropdown or "
                    "checkbox fields only")
