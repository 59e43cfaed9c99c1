"""A ticket as a JSON instance of its form's schema, and what is missing from it.

The instance is built from the ticket's custom field values (keyed by remote id, mapped to
workspace keys), the system fields (subject, description), and values *extracted* from what
the requester wrote — subject, description and their public replies, newest first — with the
patterns each field declares (``x-deskops.extract``), then by the reading stage
(`integrations.triage.reading`) above the workspace's thresholds. It is validated with a JSON Schema
(Draft 2020-12) built from the neutral model, so each validation error is one missing item:
required absent, value not matching, an ``if``/``then`` requirement, or a required attachment.

Requester text is only ever *matched*; it never becomes a pattern or a template, and every
match runs on input capped at `MAX_INPUT` characters.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError

from integrations.model import Condition, Field, Form, Ticket
from integrations.triage.reading import (
    DEFAULT_THRESHOLDS,
    TWO_PROBLEMS,
    Evidence,
    Opinion,
    Reader,
    compile_reading,
    is_negated,
    read,
)
from integrations.triage.reading.choice import choose
from integrations.triage.reading.context import in_doubt
from integrations.triage.reading.corrections import dictated, joined, taken_back, unspelled
from integrations.triage.reading.forwarded import own_words, without_signature
from integrations.triage.reading.learned import DEFAULT_VETO, Model, second_opinion
from integrations.triage.reading.matcher import in_anothers_clause, is_someone_elses
from integrations.triage.reading.names import identifier_role, unknown_to_requester
from integrations.triage.reading.normalise import fold, spelled_out, substance
from integrations.triage.reading.parts import latest_story
from integrations.triage.reading.vocabulary import field_synonyms, option_keywords
from integrations.triage.reading.words import HANGUL, placeholder
from integrations.workspace import DEFAULT_CAP, safe_search

__all__ = [
    "MAX_INPUT",
    "AttachmentSpec",
    "Evaluation",
    "Extracted",
    "FormSpec",
    "MissingItem",
    "ReadingSettings",
    "SystemText",
    "compile_form",
    "evaluate",
    "option_patterns",
    "requester_texts",
]

#: Longest text any workspace pattern is run on (the workspace's own cap).
MAX_INPUT = DEFAULT_CAP


def _capped_pattern(validator: Any, pattern: str, instance: Any, schema: Any
                    ) -> Iterable[ValidationError]:
    """JSON Schema ``pattern`` with its ECMA-262 meaning, on input capped at `MAX_INPUT`."""
    if not validator.is_type(instance, "string"):
        return
    if len(instance) > MAX_INPUT:
        yield ValidationError(f"is longer than {MAX_INPUT} characters")
    elif safe_search(pattern, instance, MAX_INPUT, ecma=True) is None:
        yield ValidationError("does not match the field's pattern")


#: Letters of these scripts carry a syllable or a word each: they count double.
def _substance_min_length(validator: Any, minimum: Any, instance: Any, schema: Any
                          ) -> Iterable[ValidationError]:
    """JSON Schema ``minLength`` judged on `substance`, fair across scripts."""
    if validator.is_type(instance, "string") and substance(instance) < minimum:
        yield ValidationError(f"says too little (substance {substance(instance)} < {minimum})")


#: Draft 2020-12 with the safe ``pattern`` and the script-fair ``minLength``; the only
#: validator class triage uses.
TicketValidator = validators.extend(
    Draft202012Validator, {"pattern": _capped_pattern, "minLength": _substance_min_length})

#: What a property check answers: True when the value surely passes the property's schema;
#: False when it may not (the validator then says what is wrong).
Check = Callable[[Any], bool]
#: Keywords that only annotate: they never reject a value.
_ANNOTATIONS = frozenset({"title", "description", "examples", "default", "$comment"})


def quick_check(schema: Any, format_checker: Any = None) -> Check | None:
    """A plain Python test for the common shapes of a property schema (a string with a
    length, a pattern or a date format, an enum of strings, a boolean, their ``allOf``)
    that says a value surely passes, without the validator's machinery: on every ticket
    each present value is validated (`_missing`, `_valid_alone`), and a value that passes
    is the usual case. None for any other shape (the validator alone then decides); a
    value the test does not pass is always given to the validator, so what is rejected,
    and why, is the validator's answer. Each keyword mirrors `TicketValidator`'s."""
    if not isinstance(schema, Mapping):
        return None
    tests: list[Check] = []
    for word, arg in schema.items():
        if word in _ANNOTATIONS:
            continue
        test = _keyword_check(word, arg, format_checker)
        if test is None:
            return None
        tests.extend(test)
    if len(tests) == 1:
        return tests[0]
    if len(tests) == 2:  # the usual shape, a type and one constraint
        first, second = tests
        return lambda v: first(v) and second(v)
    return lambda v: all(t(v) for t in tests)


def _is_str(v: Any) -> bool:
    return isinstance(v, str)


def _is_bool(v: Any) -> bool:
    return isinstance(v, bool)


def _is_true(v: Any) -> bool:
    return v is True


def _keyword_check(word: str, arg: Any, format_checker: Any) -> list[Check] | None:
    """`quick_check`'s test of one keyword (several for an ``allOf``; none for a format
    nobody checks), or None for a keyword it leaves to the validator."""
    if word == "type" and arg == "string":
        return [_is_str]
    if word == "type" and arg == "boolean":
        return [_is_bool]
    if word == "const" and arg is True:
        return [_is_true]
    if word == "enum" and isinstance(arg, list) and all(isinstance(e, str) for e in arg):
        values = frozenset(arg)  # a string equals a string member or none

        def member(v: Any) -> bool:
            return isinstance(v, str) and v in values
        return [member]
    if word in ("minLength", "maxLength") and isinstance(arg, int) \
            and not isinstance(arg, bool):
        n: int = arg

        def long_enough(v: Any) -> bool:
            return not isinstance(v, str) or substance(v) >= n  # `_substance_min_length`

        def short_enough(v: Any) -> bool:
            return not isinstance(v, str) or len(v) <= n
        return [long_enough if word == "minLength" else short_enough]
    if word == "pattern" and isinstance(arg, str):
        pattern: str = arg

        def matches(v: Any) -> bool:  # `_capped_pattern`
            return not isinstance(v, str) or (
                len(v) <= MAX_INPUT and safe_search(pattern, v, MAX_INPUT, ecma=True) is not None)
        return [matches]
    if word == "format" and isinstance(arg, str):
        if format_checker is None:
            return []  # the validator checks no format either

        def conforms(v: Any) -> bool:
            return bool(format_checker.conforms(v, arg))
        return [conforms]
    if word == "allOf" and isinstance(arg, list) and arg:
        parts = [quick_check(sub, format_checker) for sub in arg]
        if any(p is None for p in parts):
            return None
        return [p for p in parts if p is not None]
    return None


SYSTEM_TITLES: Mapping[str, Mapping[str, str]] = {
    "subject": {"en": "Subject", "fr": "Sujet", "ko": "제목", "pt-br": "Assunto"},
    "description": {"en": "Description of the problem", "fr": "Description du problème",
                    "ko": "문제 설명", "pt-br": "Descrição do problema"},
}


def _pick(mapping: Mapping[str, str], locale: str, default: str) -> str:
    if locale in mapping:
        return mapping[locale]
    lang = locale.split("-", 1)[0]
    for key, value in mapping.items():
        if key.split("-", 1)[0] == lang:
            return value
    return default


@dataclass(frozen=True)
class MissingItem:
    """One thing to ask for. ``detail`` is for explanations and never holds requester text;
    ``value`` (the rejected value) does, and is only ever shown to a verified requester."""

    key: str
    kind: Literal["field", "attachment"]
    #: ``optional``: an optional attachment, only ever mentioned as a hint (`Evaluation.optional`)
    #: ``if_choice``: asked in case the unknown dropdown takes the value in ``condition``
    reason: Literal["required", "condition", "invalid", "attachment", "optional", "if_choice"]
    detail: str
    title: str
    titles: Mapping[str, str] = field(default_factory=dict)
    description: str = ""
    descriptions: Mapping[str, str] = field(default_factory=dict)
    value: Any = field(default=None, compare=False, repr=False)
    #: A dropdown the text named two options of: their titles by locale, offered as choices.
    choices: tuple[Mapping[str, str], ...] = ()
    #: A conditional item asked in the same message: the parent option's titles by locale.
    condition: Mapping[str, str] = field(default_factory=dict)

    def label(self, locale: str) -> str:
        return _pick(self.titles, locale, self.title)

    def choice_titles(self, locale: str) -> list[str]:
        return [_pick(c, locale, c.get("", "")) for c in self.choices]

    def condition_title(self, locale: str) -> str:
        return _pick(self.condition, locale, self.condition.get("", "")) if self.condition \
            else ""

    def hint(self, locale: str) -> str:
        return _pick(self.descriptions, locale, self.description)


@dataclass(frozen=True)
class Extracted:
    """A value found in free text for an empty field (written back to the field).

    ``evidence`` is set for values the reading stage inferred (``pattern`` then names its
    method); values read by a declared ``x-deskops.extract`` pattern have none."""

    key: str
    value: Any
    source: str
    pattern: str
    evidence: Evidence | None = None

    @property
    def method(self) -> str:
        return self.evidence.method if self.evidence else "pattern"


@dataclass(frozen=True)
class AttachmentSpec:
    """An attachment declared by the form (``x-deskops.attachments``): asked for when
    ``required``, else only mentioned as a hint; in both cases only when every ``when``
    field has its value."""

    name: str
    pattern: re.Pattern[str]
    title: str
    titles: Mapping[str, str]
    description: str
    descriptions: Mapping[str, str]
    when: Mapping[str, Any]
    required: bool = True


@dataclass(frozen=True)
class SystemText:
    """How a system field (subject, description) is named and explained to the requester:
    deskops's own translations, overridden by the form property's ``title``/``description``
    and their ``x-deskops`` translations."""

    title: str
    titles: Mapping[str, str]
    description: str = ""
    descriptions: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FormSpec:
    """A form compiled once: its validation schema, validator and extraction patterns."""

    form: Form
    keys: tuple[str, ...]
    fields: Mapping[str, Field]
    #: The form's validation schema; `_missing` checks its top level (required fields and
    #: conditions) directly and each property with its `property_validators` entry.
    schema: Mapping[str, Any]
    extract: Mapping[str, tuple[re.Pattern[str], ...]]
    attachments: tuple[AttachmentSpec, ...]
    property_validators: Mapping[str, Any] = field(default_factory=dict)
    #: Dropdowns filled from "Label: option" lines or a line that is an option's title or
    #: value, in any locale (see `option_patterns`); tried after the declared ``extract``.
    option_patterns: Mapping[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)
    system: Mapping[str, SystemText] = field(default_factory=dict)
    reader: Reader = field(default_factory=Reader)
    option_values: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: Per property, a test that says a value surely passes (`quick_check`), when its
    #: schema has a common shape: the validator is run only on the other values.
    property_checks: Mapping[str, Check] = field(default_factory=dict)
    #: The workspace's learned model (``learned.json``), when it has one.
    learned: Model | None = None


@dataclass(frozen=True)
class ReadingSettings:
    """The workspace's reading settings (rules.json ``settings.reading``)."""

    timezone: str = "UTC"
    thresholds: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_THRESHOLDS))
    #: A keyword option the learned model gives less than this is not written.
    learned_veto: float = DEFAULT_VETO


@dataclass(frozen=True)
class Evaluation:
    """The instance, what was extracted into it, what is still missing, and the optional
    attachments not given (hints for a request, never a reason to ask)."""

    instance: Mapping[str, Any]
    extracted: tuple[Extracted, ...]
    missing: tuple[MissingItem, ...]
    optional: tuple[MissingItem, ...] = ()


_NOT_VALIDATION = ("$schema", "$id", "$comment", "x-deskops")


def _field_schema(f: Field, required: bool) -> dict[str, Any]:
    """The field's own schema file when the loader kept it, else one built from its kind."""
    if f.schema:
        own = _as_enum({k: v for k, v in f.schema.items() if k not in _NOT_VALIDATION})
        if f.kind == "checkbox" and required:
            return {"allOf": [own, {"const": True}]}
        if f.kind == "multiselect" and required:
            return {"allOf": [own, {"minItems": 1}]}
        return own
    return _built_schema(f, required)


def _as_enum(schema: dict[str, Any]) -> dict[str, Any]:
    """The same constraint, faster: a ``oneOf`` of bare ``const`` options (titles and
    keywords are annotations) validates as an ``enum`` of their values — one set lookup
    instead of one sub-validator per option, on every ticket (`scripts/bench/triage.py`)."""
    out = dict(schema)
    options = out.get("oneOf")
    if isinstance(options, list) and options and all(
            isinstance(o, Mapping) and "const" in o and set(o) <= _OPTION_KEYS for o in options):
        values = [o["const"] for o in options]
        if len({json.dumps(v, sort_keys=True) for v in values}) == len(values):
            del out["oneOf"]
            out["enum"] = values
    if isinstance(out.get("items"), Mapping):
        out["items"] = _as_enum(dict(out["items"]))
    return out


#: Keys an option of a ``oneOf`` may carry without constraining anything.
_OPTION_KEYS = frozenset({"const", "title", "description", "x-deskops", "$comment"})


def _built_schema(f: Field, required: bool) -> dict[str, Any]:
    if f.kind in ("text", "textarea"):
        return {"type": "string", "minLength": 1}
    if f.kind == "regexp":
        out: dict[str, Any] = {"type": "string", "minLength": 1}
        if f.pattern:
            out["pattern"] = f.pattern
        return out
    if f.kind == "date":
        return {"type": "string", "format": "date"}
    if f.kind == "dropdown":
        return {"enum": [o.value for o in f.options]}
    if f.kind == "multiselect":
        return {"type": "array", "items": {"enum": [o.value for o in f.options]},
                "uniqueItems": True, **({"minItems": 1} if required else {})}
    if f.kind == "checkbox":
        # A required checkbox must be ticked: unticked is "false", which is present.
        return {"const": True} if required else {"type": "boolean"}
    if f.kind == "integer":
        return {"type": "integer"}
    return {"type": "number"}


def _titles(value: Any, fallback: str) -> tuple[str, dict[str, str]]:
    if isinstance(value, Mapping):
        titles = {str(k): str(v) for k, v in value.items()}
        return next(iter(titles.values()), fallback), titles
    if isinstance(value, str):
        return value, {}
    return fallback, {}


def _system_text(key: str, prop: Any, default_locale: str | None) -> SystemText:
    titles = dict(SYSTEM_TITLES.get(key, {}))
    title = titles.get("en", key)
    description, descriptions = "", {}
    if isinstance(prop, Mapping):
        ext = prop.get("x-deskops")
        ext = ext if isinstance(ext, Mapping) else {}
        if isinstance(prop.get("title"), str) and prop["title"]:
            title = prop["title"]
            if default_locale:
                titles[default_locale] = title
        titles.update({str(k): str(v) for k, v in dict(ext.get("title") or {}).items()})
        if isinstance(prop.get("description"), str):
            description = prop["description"]
        descriptions = {str(k): str(v) for k, v in dict(ext.get("description") or {}).items()}
        if default_locale and description:
            descriptions.setdefault(default_locale, description)
    return SystemText(title=title, titles=titles, description=description,
                      descriptions=descriptions)


#: Bullets and quote marks a reply line may start with ("- Browser: Chrome", "> Chrome").
_LEAD = r"^[ \t>*•·-]*"


def option_patterns(f: Field) -> tuple[re.Pattern[str], ...]:
    """Default extraction for a dropdown: a ``<field title, key or synonym>: <option>`` line,
    or a line that is only an option, titles in any locale or the option value.

    Built from escaped literals (no backtracking risk); `evaluate` accepts a match only
    when it names exactly one option, so a line listing two options fills nothing.
    """
    def alternation(names: Iterable[str]) -> str:
        unique = {n.strip() for n in names if n and n.strip()}
        return "|".join(re.escape(n) for n in sorted(unique, key=lambda n: (-len(n), n)))

    options = alternation(n for o in f.options for n in (o.value, o.title, *o.titles.values()))
    # a label's spaces may be left out ("결제수단" for "결제 수단": Korean spacing varies)
    labels = alternation([f.key, *field_synonyms(f)]).replace(r"\ ", r"[ \t]?")
    if not options:
        return ()
    return (
        re.compile(rf"(?im){_LEAD}(?:{labels})[ \t]*[:：=][ \t]*([^\n]{{1,200}})$"),
        re.compile(rf"(?im){_LEAD}({options})[ \t]*[.!。]?[ \t]*$"),
    )


def compile_form(form: Form, fields: Mapping[str, Field],
                 default_locale: str | None = None, learned: Model | None = None
                 ) -> FormSpec:
    """Build the validation schema of ``form`` from the model (its field refs resolved).

    ``default_locale`` is the locale of the plain ``title``/``description`` of system
    field properties (their translations are in ``x-deskops``); ``learned`` is the
    workspace's learned model (a second opinion on dropdowns), when it has one.
    """
    keys = tuple(str(r) for r in form.fields)
    required = [k for k in form.required if k in keys]
    props: dict[str, Any] = {}
    used: dict[str, Field] = {}
    for key in keys:
        if key in fields:
            used[key] = fields[key]
            props[key] = _field_schema(fields[key], key in required)
        else:  # a system field: the form's own property schema (e.g. a minLength)
            own = form.schema.get("properties", {}).get(key) if form.schema else None
            props[key] = ({k: v for k, v in own.items() if k not in _NOT_VALIDATION}
                          if isinstance(own, Mapping) else {"type": "string", "minLength": 1})
    all_of: list[dict[str, Any]] = []
    for cond in form.conditions:
        parent = str(cond.parent)
        children = [str(c.field) for c in cond.children if c.required]
        if not children:
            continue
        if cond.value is False:
            test: dict[str, Any] = {"not": {"properties": {parent: {"const": True}},
                                            "required": [parent]}}
        else:
            test = {"properties": {parent: {"const": cond.value}}, "required": [parent]}
        all_of.append({"if": test, "then": {"required": children}})
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "properties": props,
        "required": required,
    }
    if all_of:
        schema["allOf"] = all_of
    extract = {
        key: tuple(re.compile(p) for p in f.extract) for key, f in used.items() if f.extract
    }
    attachments = []
    for i, spec in enumerate(form.attachments):
        name = str(spec.get("name") or spec.get("key") or f"attachment_{i}")
        title, titles = _titles(spec.get("titles") or spec.get("title"), name)
        if isinstance(spec.get("title"), str):
            title = spec["title"]
        desc, descs = _titles(spec.get("descriptions") or spec.get("description"), "")
        attachments.append(AttachmentSpec(
            name=name, pattern=re.compile(str(spec.get("pattern") or ".")), title=title,
            titles=titles, description=desc, descriptions=descs,
            when=dict(spec.get("when", {})), required=spec.get("required", True) is not False,
        ))
    by_option = {key: pats for key, f in used.items()
                 if f.kind == "dropdown" and (pats := option_patterns(f))}
    raw_props = form.schema.get("properties", {}) if form.schema else {}
    system = {key: _system_text(key, raw_props.get(key), default_locale)
              for key in keys if key not in fields}
    checker = Draft202012Validator.FORMAT_CHECKER
    return FormSpec(
        form=form, keys=keys, fields=used, schema=schema,
        extract=extract, attachments=tuple(attachments),
        property_validators={k: TicketValidator(props[k], format_checker=checker)
                             for k in keys},
        option_patterns=by_option, system=system, reader=compile_reading(used, learned, fields),
        option_values={k: frozenset(o.value for o in f.options) for k, f in used.items()},
        property_checks={k: c for k in keys if (c := quick_check(props[k], checker))},
        learned=learned,
    )


def requester_texts(ticket: Ticket, self_author_ids: Iterable[int] = ()) -> list[tuple[str, str]]:
    """What the requester wrote, newest first: public replies, then description, then subject.

    Auto-responder replies are left out: a robot's text completes nothing.
    """
    own = set(self_author_ids)
    texts = [
        (f"comment {c.id}", c.body)
        for c in sorted(ticket.comments, key=lambda c: c.created_at, reverse=True)
        if c.public and c.from_requester and not c.auto_submitted and c.author_id not in own
        and c.body != ticket.description
    ]
    return [*texts, ("description", ticket.description), ("subject", ticket.subject)]


def _coerce(f: Field, raw: Any) -> Any:
    """A helpdesk or extracted value in the JSON type the field's schema expects."""
    if raw is None:
        return None
    if f.kind == "integer":
        text = str(raw).strip()
        return int(text) if re.fullmatch(r"[+-]?\d{1,18}", text) else text
    if f.kind == "decimal":
        text = str(raw).strip().replace(",", ".")
        try:
            return float(text)
        except ValueError:
            return text
    if f.kind == "checkbox":
        if isinstance(raw, str):
            return raw.strip().lower() in ("true", "1", "yes", "oui", "sim", "예")
        return bool(raw)
    if f.kind == "multiselect":
        items = raw if isinstance(raw, list | tuple) else [raw]
        return [_option(f, str(v)) for v in items if v not in (None, "")]
    if f.kind == "dropdown":
        return _option(f, str(raw))
    return str(raw).strip()


def _option(f: Field, raw: str) -> str:
    if any(opt.value == raw for opt in f.options):  # what helpdesks send: the value itself
        return raw
    wanted = raw.strip().casefold()
    for opt in f.options:
        names = [opt.value, opt.title, *opt.titles.values()]
        if any(wanted == n.strip().casefold() for n in names):
            return opt.value
    return raw.strip()


def _option_value(f: Field, raw: str) -> str | None:
    """The one option ``raw`` names: exactly (trailing punctuation aside), else the only
    option title found in it as whole words; None when none or several."""
    text = raw.strip().rstrip(".!;,。 \t")
    exact = _option(f, text)
    if exact in {o.value for o in f.options}:
        return exact
    found: set[str] = set()
    folded = text.casefold()
    for opt in f.options:
        for name in {opt.value, opt.title, *opt.titles.values()}:
            n = name.strip().casefold()
            if n and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", folded):
                found.add(opt.value)
    if not found:
        # an option's keyword, whole ("Ocupação: modelo"): after its field's label it
        # names the option as its title would, an aside in brackets after it set apart
        # ("Account Type: Agency (we manage 4 …)")
        said = fold(re.sub(r"\s*\([^()]*\)?\s*$", "", text))
        found = {value for value, by_locale in option_keywords(f).items()
                 for words in by_locale.values() for w in words if fold(w) == said}
    return found.pop() if len(found) == 1 else None


def _search_options(f: Field, patterns: Sequence[re.Pattern[str]], text: str
                    ) -> tuple[str, str] | None:
    """The option named by a reply line (see `option_patterns`), when only one is named."""
    capped = text[:MAX_INPUT]
    for pat in patterns:
        values = {v for m in pat.finditer(capped) if (v := _option_value(f, m.group(1)))}
        if len(values) == 1:
            return values.pop(), pat.pattern
    return None


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def _search(patterns: Sequence[re.Pattern[str]], text: str,
            locale: str = "en", undecided: bool = False) -> tuple[str, str] | None:
    """The value a declared pattern finds, of several the one the text singles out
    (`choose`); when nothing tells which, none, or with ``undecided`` the first (a
    dropdown's option: the option reader then weighs them all, `_doubted`)."""
    capped = text[:MAX_INPUT]
    language = locale.split("-", 1)[0].lower()
    for pat in patterns:
        values: list[str] = []
        spans: list[tuple[int, int]] = []
        for m in pat.finditer(capped):
            group = next((g for g in range(1, (m.re.groups or 0) + 1) if m.group(g)), 0)
            value = m.group(group) if group or not m.re.groups else None
            if not value:
                continue
            # the value's own place, not only the match's: a pattern may start at the
            # text's start ("^(?!…two SIDs…).*?SID (\d+)") and end far from its label
            start, end = m.span(group)
            if start < end and (_cut_word(capped, end) or _cut_word(capped, start)):
                continue  # "Aub|épine": a pattern's ASCII class cut a word; no value
            if is_negated(capped, m.start(), m.end(), language) \
                    or is_someone_elses(capped, m.start(), m.end()) \
                    or ((start, end) != m.span() and (
                        is_negated(capped, start, end, language)
                        or is_someone_elses(capped, start, end))) \
                    or in_anothers_clause(capped, start) or in_doubt(capped, start, end):
                continue
            stop = capped.find("\n", end)
            if placeholder(capped[start:stop if stop >= 0 else len(capped)]):
                continue  # "Usuário: mesmo do e-mail": the item left to another
            values.append(value.strip())
            spans.append((start, end))
        if values:
            # several different values ("tried Firefox, works fine … only Chrome is
            # broken"): the one the text singles out, or none
            chosen = choose(capped, spans, values, undecided)
            return (values[chosen], pat.pattern) if chosen is not None else None
    return None


def _declared(spec: FormSpec, key: str, texts: Sequence[tuple[str, str]],
              locale: str) -> Extracted | None:
    """The value a declared ``extract`` pattern or a labelled option line gives, newest text
    first; a negated mention ("not a technical problem") gives nothing."""
    patterns = spec.extract.get(key, ())
    by_option = spec.option_patterns.get(key, ())
    if not patterns and not by_option:
        return None
    f = spec.fields[key]
    for source, text in texts:
        found = _search(patterns, text, locale, f.kind == "dropdown") if patterns else None
        if found is not None and not _valid_alone(spec, key, _coerce(f, found[0])):
            found = None
        if found is None and by_option:
            found = _search_options(f, by_option, text)
        if found is None:
            continue
        value = _coerce(f, found[0])
        if _valid_alone(spec, key, value):
            return Extracted(key=key, value=value, source=source, pattern=found[1])
    return None


def _take(spec: FormSpec, key: str, evidence: Evidence, instance: dict[str, Any],
          extracted: list[Extracted]) -> bool:
    """Write what ``evidence`` read into ``instance`` when the field takes it alone."""
    value = _coerce(spec.fields[key], evidence.value)
    if not _valid_alone(spec, key, value):
        return False
    instance[key] = value
    extracted.append(Extracted(key=key, value=value, source=evidence.source,
                               pattern=evidence.method, evidence=evidence))
    return True


def _free_floating(spec: FormSpec, key: str, found: Extracted) -> bool:
    """True when a dropdown's value came from a declared ``extract`` pattern (an option's
    name anywhere in the text), not from a labelled line ("Occupation: Studio") or a line
    that is only an option: such a mention is one keyword among the text's words."""
    return key in spec.reader.options and any(
        p.pattern == found.pattern for p in spec.extract.get(key, ()))


def _doubted(spec: FormSpec, key: str, found: Extracted, evidence: Evidence | None,
             reading: ReadingSettings, texts: Sequence[tuple[str, str]] = (),
             locale: str = "en") -> Evidence | None:
    """The question to ask instead of writing what a declared pattern found on a dropdown,
    offering both options: when the option reader, reading the same texts, confidently
    reads another option ("I model for a studio … but I also stream on my own": the
    pattern saw "studio", the reader the model); or when it reads the pattern's option
    only as context and another option is named too ("je bosse pour un studio mais j'ai
    aussi mon propre compte de modèle"); or when the requester says they are another
    option ("스튜디오 소속으로 활동하는 모델인데요"). A declared pattern is the admin's
    shortcut, not a licence to skip the reader's "two options named → ask both" rule.
    ``None`` when the reader agrees, reads nothing, or only doubts without a second
    option: the pattern's value is written. Asking whenever the reader doubts was
    measured and dropped: it doubts on plain statements the pattern reads right ("we run
    a small studio with 3 performers"), seven asks for no wrong value avoided."""
    reader = spec.reader.options[key]
    if reader.undecided(texts, locale):
        # the requester asks which kind they are, or works through another (a person field)
        other = reader.other_named(texts, locale, str(found.value))
        return Evidence(key=key, value=None, span="", method="option", locale=locale,
                        confidence=0.0, choices=(str(found.value), *([other] if other else [])))
    said = reader.said_self(texts, locale)
    if said and found.value not in said:
        # the requester says they are another option ("스튜디오 소속으로 활동하는 모델인데요":
        # the pattern saw the studio, the requester is a model)
        return Evidence(key=key, value=None, span="", method="option", locale=locale,
                        confidence=0.0, choices=(str(found.value), sorted(said)[0]))
    if evidence is not None and evidence.value is None and len(evidence.choices) > 1 and \
            found.value in evidence.choices and _alike(found, texts):
        # the reader meets the pattern's option and another, said alike ("testei no Chrome
        # e no Edge, os dois iguais"): the pattern saw the first only
        return evidence
    if evidence is None or evidence.choices or evidence.value is None:
        return None
    confident = evidence.confidence >= reading.thresholds.get(evidence.method, 1.0)
    if evidence.value != found.value:
        return replace(evidence, value=None, confidence=0.0,
                       choices=(str(found.value), str(evidence.value))) if confident else None
    if confident:
        return None
    other = reader.other_named(texts, locale, str(found.value))
    return replace(evidence, value=None, confidence=0.0,
                   choices=(str(found.value), other)) if other else None


#: After a declared pattern's hit, in its sentence or the next, the two options named said
#: to fare alike (folded): "same on both", "both do it", "neither works", "les deux",
#: "pareil", "os dois iguais", "nos dois", "nenhum", "둘 다", "똑같".
_ALIKE = re.compile(
    r"\b(?:both|neither|either one|same (?:on|in|with) (?:both|each|either|all)|"
    r"les deux|aucun des deux|pareil|pareille|de la meme facon|"
    r"os dois|as duas|ambos|ambas|nos dois|nas duas|nenhum dos|igualzinho)\b|둘\s*다|똑같|마찬가지")


def _alike(found: Extracted, texts: Sequence[tuple[str, str]]) -> bool:
    """True when, after the declared pattern's hit ``found`` in its text, the sentence of the
    hit or the next says the options named fare alike (`_ALIKE`)."""
    pattern = re.compile(found.pattern)
    for source, text in texts:
        if source != found.source:
            continue
        for m in pattern.finditer(text[:MAX_INPUT]):
            stops = [i for i in (text.find(p, m.end()) for p in ".!?\n") if i >= 0]
            end = min(stops, default=len(text))
            end = min((i for i in (text.find(p, end + 1) for p in ".!?\n") if i >= 0),
                      default=len(text))
            if _ALIKE.search(fold(text[m.start():end])):
                return True
    return False


def _valid_alone(spec: FormSpec, key: str, value: Any) -> bool:
    f = spec.fields.get(key)
    if f is not None and f.kind == "dropdown" and f.options:
        # a dropdown's schema is its options' consts: a set lookup, not a oneOf validation
        return isinstance(value, str) and value in spec.option_values[key]
    if isinstance(value, str) and placeholder(value):
        return False  # "Error: none", "Steps: same as above": the item left empty
    check = spec.property_checks.get(key)
    if check is not None and check(value):
        return True
    return bool(spec.property_validators[key].is_valid(value))


def evaluate(
    spec: FormSpec,
    ticket: Ticket,
    values: Mapping[str, Any],
    self_author_ids: Iterable[int] = (),
    *,
    locale: str = "en",
    reading: ReadingSettings | None = None,
    reading_locale: str | None = None,
) -> Evaluation:
    """Validate the ticket against its form; ``values`` are its field values by workspace key.

    Empty fields are filled from what the requester wrote: first by the field's declared
    ``x-deskops.extract`` patterns and labelled option lines, then by the reading stage
    (`integrations.triage.reading`) when its evidence reaches the workspace threshold.
    A value a person set is never replaced. ``reading=None`` turns the reading stage off.
    ``reading_locale`` is the language the text is written in when the workspace does not
    answer in it (``locale`` otherwise).
    """
    texts = requester_texts(ticket, self_author_ids)
    written = reading_locale or locale  # the language the requester wrote in
    instance: dict[str, Any] = {}
    for key in spec.keys:
        if key in spec.fields:
            value = _coerce(spec.fields[key], values.get(key))
        elif key == "description":
            # the requester's replies complete the description they first gave
            replies = [t for s, t in reversed(texts) if s.startswith("comment")]  # oldest first
            value = "\n".join([ticket.description, *replies]).strip()
        else:
            value = {"subject": ticket.subject}.get(key)
            value = value.strip() if isinstance(value, str) else value
        if not _empty(value):
            instance[key] = value
    extracted: list[Extracted] = []
    ambiguous: dict[str, Evidence] = {}
    # "X — non pardon, Y": Y; "g-r-i-m-m": grimm; "Sent from my iPhone" is the mail app's
    # "q n" for "que não", "pixel paladin 88 all one word", an address said aloud
    language = written.split("-")[0].lower()
    texts = [(source, spelled_out(joined(dictated(unspelled(taken_back(
        without_signature(text))))), language)) for source, text in texts]
    capped = [(source, text[:MAX_INPUT]) for source, text in texts]
    memo: dict[Any, Any] = {}
    # someone else's words (a forwarded e-mail, quoted lines), left out of the requester's own
    own = [(source, own_words(text)) for source, text in texts]
    others = own != texts
    own_capped = [(source, text[:MAX_INPUT]) for source, text in own] if others else capped
    own_memo: dict[Any, Any] = {} if others else memo
    opinion = Opinion(spec.learned, reading.learned_veto,
                      reading.thresholds.get("option", 1.0),
                      reading.thresholds.get("learned", 1.0),
                      reading.thresholds.get("learned_agree", 1.0),
                      reading.thresholds.get("learned_span", 1.0),
                      reading.thresholds.get("learned_clause", 1.0)) \
        if spec.learned is not None and reading is not None else None
    created = min((c.created_at for c in ticket.comments), default=ticket.updated_at)
    # the requester's time zone, else the workspace's
    zone = (ticket.time_zone or reading.timezone) if reading else "UTC"
    story = latest_story(capped)  # a reply that solved the first problem and tells a new one
    story_memo: dict[Any, Any] = {}
    for key in spec.keys:
        if key not in spec.fields:
            continue
        current = instance.get(key)
        declared = key in spec.extract or key in spec.option_patterns
        if current is not None and (not declared or _valid_alone(spec, key, current)):
            continue  # a value a person set: kept (asked again when invalid)
        if spec.fields[key].kind in ("text", "regexp") and own_capped \
                and unknown_to_requester(spec.fields[key], own_capped[0][1]):
            continue  # "não lembro o servidor" (newest text): what else reads as one is not it
        # what the ticket is about (a dropdown, a date, the other person's name) is read from
        # the whole text; the requester's own values from their own words
        about = key in spec.reader.options or key in spec.reader.dates or (
            others and identifier_role(spec.fields[key]) == "other") or (
            others and key in spec.reader.checkboxes)  # a box's own question quoted back
        found = None
        if declared and about and others:
            # a value of the requester's own words before one of the forwarded message's
            found = _declared(spec, key, own, written)
        if declared and found is None:
            found = _declared(spec, key, texts if about else own, written)
        if found is not None and reading is not None and _free_floating(spec, key, found) \
                and spec.reader.options[key].only_left(capped, written, str(found.value)):
            found = None  # "I left my studio", "my home studio": no kind, the reader reads on
        if found is not None and reading is not None and _free_floating(spec, key, found):
            doubt = _doubted(spec, key, found, read(spec.reader, key, capped, written, created,
                                                    zone, memo), reading, capped, written)
            if doubt is not None and doubt.choices and opinion is not None \
                    and key in spec.reader.learned and not _alike(found, capped):
                # the model may settle what the pattern and the reader disagree on, not two
                # options the requester says fare alike ("testei no Chrome e no Edge, os dois
                # iguais": a model picks one, held out on fresh29)
                doubt = second_opinion(opinion, key, spec.reader.learned[key], doubt, capped,
                                       written, memo) or doubt
            if doubt is not None and doubt.method == "learned" and doubt.value is not None \
                    and _take(spec, key, doubt, instance, extracted):
                continue
            if doubt is not None:
                if doubt.choices:
                    ambiguous[key] = doubt
                continue
        if found is not None:
            instance[key] = found.value
            extracted.append(found)
            continue
        if reading is None or current is not None or _unneeded(spec, key, instance):
            continue
        if key in spec.reader.options and story is not None:
            # "works now … but now …": the kind of the problem the ticket is about now
            evidence = read(spec.reader, key, story, written, created, zone, story_memo,
                            opinion)
        else:
            evidence = read(spec.reader, key, capped if about else own_capped, written,
                            created, zone, memo if about else own_memo, opinion)
        if evidence is None:
            continue
        if evidence.choices:
            ambiguous[key] = evidence
            continue
        if evidence.method != "learned" \
                and evidence.confidence < reading.thresholds.get(evidence.method, 1.0):
            continue  # (a learned fill met its threshold in `second_opinion`)
        _take(spec, key, evidence, instance, extracted)
    if reading is not None:
        _one_of_two(spec, ambiguous, instance, extracted, memo.get(("parts",)),
                    lambda key, part: read(spec.reader, key, part, written, created, zone, {}))
    missing = _missing(spec, instance, ambiguous)
    optional: list[MissingItem] = []
    files = [*ticket.attachments,
             *(a for c in ticket.comments if c.from_requester for a in c.attachments)]
    asked = {m.key for m in missing if m.reason == "required"}
    for att in spec.attachments:
        unknown = [k for k in att.when if k not in instance]
        if any(instance.get(k) != v for k, v in att.when.items() if k not in unknown):
            continue
        # one round trip: a dropdown still being asked for that would require the file
        # gets it asked now, conditionally ("if it is PC: a DXDIAG report")
        if unknown and not (att.required and len(unknown) == 1 and unknown[0] in asked
                            and unknown[0] in spec.fields):
            continue
        if not any(att.pattern.search(name[:MAX_INPUT]) for name in files):
            detail = f"no attached file matches /{att.pattern.pattern}/"
            item = MissingItem(
                key=att.name, kind="attachment",
                reason="attachment" if att.required else "optional",
                detail=detail if att.required else f"optional: {detail}",
                title=att.title, titles=att.titles, description=att.description,
                descriptions=att.descriptions)
            if unknown:
                parent, value = unknown[0], str(att.when[unknown[0]])
                item = replace(item, reason="if_choice",
                               detail=f"{detail}; asked now in case {parent} is {value!r}",
                               condition=_option_titles(spec.fields[parent], value))
            (missing if att.required else optional).append(item)
    return Evaluation(instance=instance, extracted=tuple(extracted), missing=tuple(missing),
                      optional=tuple(optional))


def _cut_word(text: str, at: int) -> bool:
    """True when ``at`` falls between two letters of one Latin word (a Korean particle
    written onto a value, "윈도우10에서", "스튜디오를", is no cut)."""
    return 0 < at < len(text) and text[at - 1].isalpha() and text[at].isalpha() and \
        not HANGUL.match(text[at - 1]) and not HANGUL.match(text[at])


def _one_of_two(spec: FormSpec, ambiguous: Mapping[str, Evidence], instance: dict[str, Any],
                extracted: list[Extracted], split: Sequence[Sequence[tuple[str, str]]] | None,
                reread: Callable[[str, Sequence[tuple[str, str]]], Evidence | None]) -> None:
    """Two problems announced and their dropdown asked (`TWO_PROBLEMS`): a value read for a
    field only that dropdown's options require belongs to one of them, unknown which (the
    quest's name or the lost mount's?), so it is not written; nor is a value each problem
    gives its own of ("the pack I bought last week … today my card is refused": which
    date?). ``split``: the two parts (`parts.split_texts`); ``reread``: a field read in one."""
    notes = {k for k, e in ambiguous.items() if e.note.startswith(TWO_PROBLEMS)}
    if not notes:
        return
    tied = {str(ch.field) for c in spec.form.conditions if str(c.parent) in notes
            for ch in c.children if ch.required} - set(spec.schema.get("required", ()))
    for e in [e for e in extracted if e.evidence is not None]:
        if e.key not in tied:
            if split is None or e.key in spec.reader.options:
                continue
            first, second = (reread(e.key, part) for part in split)
            if first is None or second is None or first.value == second.value:
                continue  # one problem's value, or both problems': the ticket's
        extracted.remove(e)
        instance.pop(e.key, None)


def _missing(spec: FormSpec, instance: Mapping[str, Any],
             ambiguous: Mapping[str, Evidence] | None = None) -> list[MissingItem]:
    """What to ask: validation errors, the likely choices of a dropdown the text named two
    options of, and — so one round trip is enough — what each value of a still unknown
    dropdown would require, phrased conditionally (reason ``if_choice``)."""
    conditions = [c for c in spec.form.conditions if any(ch.required for ch in c.children)]
    found: dict[str, MissingItem] = {}
    # the schema's top level, evaluated directly: it is ours (`compile_form`), only
    # ``required`` and ``if parent is value then required``, same answers, same order
    for key in spec.schema.get("required", ()):
        if key not in instance:
            found.setdefault(key, _item(spec, key, "required", "required by the form and absent",
                                        None))
    for cond in conditions:
        if not _holds(cond, instance):
            continue
        detail = f"required because {cond.parent} is {cond.value!r}"
        for child in cond.children:
            key = str(child.field)
            if child.required and key not in instance:
                found.setdefault(key, _item(spec, key, "condition", detail, None))
    # each present property against its own compiled validator: what the schema's
    # ``properties`` keyword does, without building sub-validators on every ticket
    for key, value in instance.items():
        check = spec.property_checks.get(key)
        if check is not None and check(value):
            continue  # surely valid: the validator would find nothing
        prop = spec.property_validators.get(key)
        err = next(iter(prop.iter_errors(value)), None) if prop is not None else None
        if err is None or key in found:
            continue
        if err.validator == "const" and value is False:
            found[key] = _item(spec, key, "required", "required by the form and not ticked",
                               None)
        else:
            found[key] = _item(spec, key, "invalid",
                               f"value rejected by the schema ({err.validator})", value)
    for key, evidence in (ambiguous or {}).items():
        if key in found and key in spec.fields:
            f = spec.fields[key]
            note = f"; {evidence.note}" if evidence.note else ""
            found[key] = replace(found[key], choices=tuple(
                _option_titles(f, v) for v in evidence.choices),
                detail=f"{found[key].detail}; the text names {' and '.join(evidence.choices)}"
                       f"{note}")
    for cond in conditions:
        parent = str(cond.parent)
        if parent not in found or found[parent].reason != "required" or cond.value is False:
            continue
        parent_field = spec.fields.get(parent)
        for child in cond.children:
            key = str(child.field)
            if child.required and key not in instance and key not in found:
                found[key] = replace(
                    _item(spec, key, "if_choice",
                          f"asked now in case {parent} is {cond.value!r}", None),
                    condition=_option_titles(parent_field, str(cond.value))
                    if parent_field else {})
    order = {k: i for i, k in enumerate(spec.keys)}
    return sorted(found.values(), key=lambda m: order.get(m.key, len(order)))


def _unneeded(spec: FormSpec, key: str, instance: Mapping[str, Any]) -> bool:
    """True for a field the form requires only under conditions, none of which holds on a
    known value (the steps taken before a technical problem, on an account question): the
    reading stage leaves it alone, since a value nobody needs is only a chance to write a
    wrong one. While the condition's field is unknown, the field is read (it would be
    asked in case)."""
    if key in spec.schema.get("required", ()):
        return False
    conditions = [c for c in spec.form.conditions
                  if any(str(ch.field) == key and ch.required for ch in c.children)]
    return bool(conditions) and not any(
        str(c.parent) not in instance or _holds(c, instance) for c in conditions)


def _holds(cond: Condition, instance: Mapping[str, Any]) -> bool:
    """JSON Schema's ``if`` of one condition (``const`` compares types too: 1 is not true)."""
    value = instance.get(str(cond.parent), _ABSENT)
    if cond.value is False:  # "if not ticked": absent or anything but true
        return value is not True
    return type(value) is type(cond.value) and value == cond.value


_ABSENT = object()


def _option_titles(f: Field, value: str) -> dict[str, str]:
    """An option's titles by locale, its default title under ``""``."""
    for opt in f.options:
        if opt.value == value:
            return {"": opt.title, **opt.titles}
    return {"": value}


def _item(spec: FormSpec, key: str, reason: Any, detail: str, value: Any) -> MissingItem:
    f = spec.fields.get(key)
    if f is None:
        text = spec.system.get(key) or _system_text(key, None, None)
        # never quote a whole subject or description back
        return MissingItem(key=key, kind="field", reason=reason, detail=detail,
                           title=text.title, titles=dict(text.titles),
                           description=text.description,
                           descriptions=dict(text.descriptions))
    return MissingItem(key=key, kind="field", reason=reason, detail=detail, title=f.title,
                       titles=dict(f.titles), description=f.description,
                       descriptions=dict(f.descriptions), value=value)
