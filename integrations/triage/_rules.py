"""The workspace's ``rules.json``: triage settings and ordered routing rules.

Read and checked once (meta-schema ``schemas/meta/rules.schema.json`` plus the checks a
schema cannot make: patterns compile, forms and fields exist), then *compiled* against the
helpdesk's names → ids (`RuleSet.compile`) so an event never resolves a group name again.

A rule is ``{"name", "when": {conditions, all must hold}, "then": {actions}, "stop"}``.
Rules run in file order; tags accumulate, later scalar actions (group, priority, type)
override earlier ones, and a matching rule with ``"stop": true`` ends the evaluation.

An *answer* rule (``"then": {"reply": "<template>", "status": "solved"}``, always with
``"stop": true``) answers the ticket itself with a workspace template — e.g. "cash back
questions are for the consumer help page" — before anything is asked for: a requester who
wrote to the wrong place is never asked for a site ID.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from jsonschema import Draft202012Validator

from integrations.errors import ConfigError, Problem, WorkspaceError
from integrations.language import READING_LANGUAGES, language_of
from integrations.model import Workspace
from integrations.triage._instance import ReadingSettings
from integrations.triage._templates import TEMPLATE_NAMES
from integrations.triage.reading import DEFAULT_THRESHOLDS, Matcher
from integrations.triage.reading.learned import DEFAULT_VETO
from integrations.triage.reading.matcher import not_the_topic

__all__ = [
    "META_SCHEMA_PATH",
    "RULES_FILE",
    "ChaseSchedule",
    "CompiledRule",
    "Facts",
    "Rule",
    "RuleMatch",
    "RuleSet",
    "TriageSettings",
    "load_rules",
    "match_rules",
    "parse_rules",
    "reply_templates",
    "validate_rules",
]

RULES_FILE = "rules.json"
META_SCHEMA_PATH = Path(__file__).resolve().parents[2] / "schemas" / "meta" / "rules.schema.json"

Mode = Literal["live", "shadow", "off"]

#: Longest text a rule pattern or keyword is matched against (a pathological pattern on a
#: huge e-mail must not stall the worker).
MAX_MATCH_INPUT = 20_000


@dataclass(frozen=True)
class ChaseSchedule:
    """Reminders after these delays (hours since the request), then solve after the last delay."""

    reminders_after_hours: tuple[float, ...] = (24.0, 72.0)
    solve_after_hours: float | None = 120.0


@dataclass(frozen=True)
class TriageSettings:
    """The ``settings`` block of rules.json, with defaults."""

    mode: Mode = "live"
    needs_info_tag: str = "deskops_needs_info"
    opt_out_tag: str = "deskops_off"
    language_tags: bool = True
    default_form: str | None = None
    human_confirmation_forms: frozenset[str] = frozenset()
    match_form_by_content: bool = True
    chase: ChaseSchedule = field(default_factory=ChaseSchedule)
    #: The reading stage: time zone for relative dates, lowest confidence written per method.
    reading: ReadingSettings = field(default_factory=ReadingSettings)


@dataclass(frozen=True)
class Rule:
    """One rule as written: conditions by name (groups and brands are names here)."""

    name: str
    when: Mapping[str, Any]
    tags: tuple[str, ...] = ()
    group: str | None = None
    priority: str | None = None
    type: str | None = None
    stop: bool = False
    #: An answer rule: the workspace template to reply with, and the status to set.
    reply: str | None = None
    status: str | None = None


@dataclass(frozen=True)
class CompiledRule:
    """A rule with names resolved to ids and patterns compiled: ready for every event."""

    rule: Rule
    group_id: int | None
    brand_ids: frozenset[int] | None
    patterns: Mapping[str, tuple[re.Pattern[str], ...]]
    any_of: tuple[CompiledRule, ...] = ()
    keywords: Keywords | None = None


class Keywords:
    """A rule's ``keywords``, matched by the same `Matcher` as dropdown options (stems,
    accents, Korean particles, typos, negations), compiled once per ticket language."""

    def __init__(self, by_locale: Mapping[str, Sequence[str]]) -> None:
        self._by_locale = {k: tuple(v) for k, v in by_locale.items()}
        self._matchers: dict[tuple[str, tuple[str, ...]], Matcher] = {}

    def first(self, text: str, language: str) -> str | None:
        """The first keyword (of ``*`` and ``language``) found in ``text``, not negated;
        none when the requester denies the rule's topic anywhere ("this is NOT a billing
        question, my subscription is fine", "결제 문제는 아니고요"), as for an option; a
        keyword naming what someone handles for the requester ("a studio who handles my
        payments") or the renewal of an identity document ("do I renew my ID verification
        through my agency") is none (`not_the_topic`)."""
        keys = tuple(_language_keys(self._by_locale, language))
        cache = (language, keys)
        matcher = self._matchers.get(cache)
        if matcher is None:
            phrases = [(w, w, 1.0) for k in keys for w in self._by_locale[k]]
            matcher = self._matchers[cache] = Matcher(phrases, language.split("-")[0].lower())
        found = matcher.find(text)
        if any(h.denied for h in found):
            return None
        # what someone handles for the requester, a renewal of an identity document: no
        # topic of the ticket
        hits = [h for h in found if not h.negated and not not_the_topic(text, h.start, h.end)]
        return min(hits, key=lambda h: h.start).phrase.text if hits else None


@dataclass(frozen=True)
class RuleSet:
    """Everything rules.json says; `compile` binds it to one helpdesk's names."""

    settings: TriageSettings = field(default_factory=TriageSettings)
    rules: tuple[Rule, ...] = ()
    source: str = RULES_FILE

    def compile(
        self, group_ids: Mapping[str, int], brand_ids: Mapping[str, int] | None = None
    ) -> tuple[CompiledRule, ...]:
        """Resolve group and brand names once; an unknown name is one clear error."""
        out = []
        for index, rule in enumerate(self.rules):
            out.append(_compile(rule, f"/rules/{index}", self.source, group_ids, brand_ids))
        return tuple(out)


def _compile(
    rule: Rule,
    pointer: str,
    source: str,
    group_ids: Mapping[str, int],
    brand_ids: Mapping[str, int] | None,
) -> CompiledRule:
    group_id = None
    if rule.group is not None:
        if rule.group not in group_ids:
            known = ", ".join(sorted(group_ids)) or "none"
            raise ConfigError(f"{source}:{pointer}/then/group: no helpdesk group named "
                              f"{rule.group!r} (groups: {known})")
        group_id = group_ids[rule.group]
    brands = None
    if "brand" in rule.when:
        names = _as_list(rule.when["brand"])
        missing = [n for n in names if brand_ids is None or n not in brand_ids]
        if missing:
            raise ConfigError(f"{source}:{pointer}/when/brand: no helpdesk brand named "
                              f"{missing[0]!r}")
        assert brand_ids is not None
        brands = frozenset(brand_ids[n] for n in names)
    patterns = {
        lang: tuple(re.compile(p) for p in pats)
        for lang, pats in dict(rule.when.get("patterns", {})).items()
    }
    any_of = tuple(
        _compile(Rule(name=f"{rule.name} (any #{i})", when=cond), f"{pointer}/when/any/{i}",
                 source, group_ids, brand_ids)
        for i, cond in enumerate(rule.when.get("any", ()))
    )
    keywords = Keywords(rule.when["keywords"]) if "keywords" in rule.when else None
    return CompiledRule(rule=rule, group_id=group_id, brand_ids=brands, patterns=patterns,
                        any_of=any_of, keywords=keywords)


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else [value]


@lru_cache(maxsize=1)
def _meta_validator() -> Draft202012Validator:
    schema = json.loads(META_SCHEMA_PATH.read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def _pointer(path: Sequence[Any]) -> str:
    return "".join(f"/{str(p).replace('~', '~0').replace('/', '~1')}" for p in path)


def validate_rules(data: Any, workspace: Workspace | None = None,
                   source: str = RULES_FILE) -> list[Problem]:
    """Every problem in a parsed rules.json (meta-schema, patterns, unknown forms/fields)."""
    problems = [
        Problem(source, _pointer(err.absolute_path), err.message)
        for err in sorted(_meta_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    ]
    if problems or not isinstance(data, dict):
        return problems
    settings = data.get("settings", {})
    hours = settings.get("chase", {}).get("reminders_after_hours", [])
    solve = settings.get("chase", {}).get("solve_after_hours")
    if hours != sorted(hours) or (solve is not None and hours and solve <= max(hours)):
        problems.append(Problem(source, "/settings/chase", "reminder delays must increase "
                                "and the solve delay must come after the last reminder"))
    if workspace is not None and settings.get("default_form") not in (None, *workspace.forms):
        problems.append(Problem(source, "/settings/default_form",
                                f"unknown form {settings['default_form']!r}"))
    for i, key in enumerate(settings.get("human_confirmation_forms", [])):
        if workspace is not None and key not in workspace.forms:
            problems.append(Problem(source, f"/settings/human_confirmation_forms/{i}",
                                    f"unknown form {key!r}"))
    for index, rule in enumerate(data.get("rules", [])):
        problems.extend(_check_condition(rule.get("when", {}), f"/rules/{index}/when",
                                         workspace, source))
        problems.extend(_check_answer(rule, f"/rules/{index}", workspace, source))
    return problems


def reply_templates(data: Any) -> set[str]:
    """The template names rules reply with (``then.reply``) in parsed rules.json."""
    rules = data.get("rules", []) if isinstance(data, Mapping) else []
    return {r["then"]["reply"] for r in rules if isinstance(r, Mapping)
            and isinstance(r.get("then"), Mapping) and isinstance(r["then"].get("reply"), str)}


def _check_answer(rule: Mapping[str, Any], pointer: str, workspace: Workspace | None,
                  source: str) -> list[Problem]:
    """An answer rule stops; a status comes with a reply; the template exists."""
    then = rule.get("then", {})
    problems: list[Problem] = []
    if "status" in then and "reply" not in then:
        problems.append(Problem(source, f"{pointer}/then/status", "a status is only set "
                                "together with a reply (then.reply): deskops never closes a "
                                "ticket without telling the requester"))
    if "reply" not in then:
        return problems
    if rule.get("stop") is not True:
        problems.append(Problem(source, f"{pointer}/stop", "a rule that replies must stop "
                                "(\"stop\": true): the answer is the whole decision"))
    name = then["reply"]
    if workspace is not None and name not in TEMPLATE_NAMES:
        folder = workspace.root / "templates"
        default = workspace.default_locale
        if not (folder / default / f"{name}.html").is_file():
            found = sorted(p.parent.name for p in folder.glob(f"*/{name}.html"))
            where = (f"only in {', '.join(found)}; the default locale {default!r} is the "
                     "fallback and needs it too") if found else "no such file"
            problems.append(Problem(source, f"{pointer}/then/reply", f"template {name!r} "
                                    f"not found: templates/{default}/{name}.html ({where})"))
    return problems


def _check_condition(when: Mapping[str, Any], pointer: str, workspace: Workspace | None,
                     source: str) -> list[Problem]:
    problems: list[Problem] = []
    for lang, pats in when.get("patterns", {}).items():
        for i, pat in enumerate(pats):
            try:
                re.compile(pat)
            except re.error as exc:
                problems.append(Problem(source, f"{pointer}/patterns/{lang}/{i}",
                                        f"invalid regular expression: {exc}"))
    if workspace is not None:
        for form in _as_list(when.get("form", [])):
            if form not in workspace.forms:
                problems.append(Problem(source, f"{pointer}/form", f"unknown form {form!r}"))
        for key in when.get("fields", {}):
            if key not in workspace.fields:
                problems.append(Problem(source, f"{pointer}/fields/{key}",
                                        f"unknown field {key!r}"))
        for lang in [*when.get("keywords", {}), *when.get("patterns", {})]:
            # text is read in the language it is written in, answered in a workspace locale
            if lang != "*" and lang not in workspace.locales \
                    and language_of(lang) not in READING_LANGUAGES:
                problems.append(Problem(source, f"{pointer}", f"locale {lang!r} is neither a "
                                        f"workspace locale {list(workspace.locales)} nor a "
                                        f"language triage reads {list(READING_LANGUAGES)}"))
    for i, sub in enumerate(when.get("any", [])):
        problems.extend(_check_condition(sub, f"{pointer}/any/{i}", workspace, source))
    return problems


def parse_rules(data: Any, workspace: Workspace | None = None,
                source: str = RULES_FILE) -> RuleSet:
    """Check and turn parsed rules.json into a `RuleSet`; raises `WorkspaceError`."""
    problems = validate_rules(data, workspace, source)
    if problems:
        raise WorkspaceError(problems)
    settings = data.get("settings", {})
    chase = settings.get("chase", {})
    defaults = ChaseSchedule()
    schedule = ChaseSchedule(
        reminders_after_hours=tuple(float(h) for h in chase.get(
            "reminders_after_hours", defaults.reminders_after_hours)),
        solve_after_hours=float(chase["solve_after_hours"]) if "solve_after_hours" in chase
        else defaults.solve_after_hours,
    )
    if list(schedule.reminders_after_hours) != sorted(schedule.reminders_after_hours) or (
        schedule.solve_after_hours is not None and schedule.reminders_after_hours
        and schedule.solve_after_hours <= schedule.reminders_after_hours[-1]
    ):
        raise WorkspaceError([Problem(source, "/settings/chase", "reminder delays must increase "
                                      "and the solve delay must come after the last reminder")])
    base = TriageSettings()
    triage = TriageSettings(
        mode=settings.get("mode", base.mode),
        needs_info_tag=settings.get("needs_info_tag", base.needs_info_tag),
        opt_out_tag=settings.get("opt_out_tag", base.opt_out_tag),
        language_tags=settings.get("language_tags", base.language_tags),
        default_form=settings.get("default_form"),
        human_confirmation_forms=frozenset(settings.get("human_confirmation_forms", ())),
        match_form_by_content=settings.get("match_form_by_content", True),
        chase=schedule,
        reading=_reading_settings(settings.get("reading", {}), source),
    )
    rules = tuple(
        Rule(
            name=r["name"],
            when=r.get("when", {}),
            tags=tuple(r["then"].get("tags", ())),
            group=r["then"].get("group"),
            priority=r["then"].get("priority"),
            type=r["then"].get("type"),
            stop=bool(r.get("stop", False)),
            reply=r["then"].get("reply"),
            status=r["then"].get("status"),
        )
        for r in data.get("rules", [])
    )
    return RuleSet(settings=triage, rules=rules, source=source)


def _reading_settings(data: Mapping[str, Any], source: str) -> ReadingSettings:
    """``settings.reading``: a known time zone, thresholds over the safe defaults."""
    timezone = str(data.get("timezone", "UTC"))
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise WorkspaceError([Problem(source, "/settings/reading/timezone",
                                      f"unknown time zone {timezone!r}")]) from exc
    thresholds = {**DEFAULT_THRESHOLDS, **dict(data.get("thresholds", {}))}
    return ReadingSettings(timezone=timezone, thresholds=thresholds,
                           learned_veto=float(data.get("learned_veto", DEFAULT_VETO)))


def load_rules(root: Path, workspace: Workspace | None = None) -> RuleSet:
    """``<root>/rules.json`` as a `RuleSet`; a workspace without one gets the defaults."""
    path = root / RULES_FILE
    if not path.is_file():
        return RuleSet()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise WorkspaceError([Problem(RULES_FILE, "", f"not valid JSON: {exc.msg} "
                                      f"(line {exc.lineno}, column {exc.colno})")]) from exc
    except OSError as exc:
        raise WorkspaceError([Problem(RULES_FILE, "", f"cannot read: {exc.strerror}")]) from exc
    return parse_rules(data, workspace)


@dataclass(frozen=True)
class Facts:
    """What rule conditions look at, gathered once per ticket by `decide`."""

    form: str | None
    values: Mapping[str, Any]
    language: str
    requester_domain: str | None
    brand_id: int | None
    channel: str
    recipient: str | None
    text: str
    has_attachments: bool
    #: The language the text is written in (keywords and patterns), when not ``language``.
    text_language: str | None = None


@dataclass(frozen=True)
class RuleMatch:
    """A rule that matched, and why (one short reason per condition)."""

    name: str
    reasons: tuple[str, ...]
    tags: tuple[str, ...] = ()
    group: str | None = None
    group_id: int | None = None
    priority: str | None = None
    type: str | None = None
    stop: bool = False
    reply: str | None = None
    status: str | None = None


def _lower(values: Any) -> set[str]:
    return {str(v).lower() for v in _as_list(values)}


def _language_keys(mapping: Mapping[str, Any], language: str) -> list[str]:
    """``*`` and the keys of ``language``: exact (``pt-br``), else by language (``pt``)."""
    exact = [k for k in mapping if k.lower() == language.lower()]
    if not exact:
        exact = [k for k in mapping if k != "*" and language_of(k) == language_of(language)]
    return [k for k in mapping if k == "*"] + exact


def _check(rule: CompiledRule, facts: Facts) -> tuple[str, ...] | None:
    """The reasons the rule's conditions hold, or None when one does not."""
    when = rule.rule.when
    reasons: list[str] = []
    if "form" in when:
        if facts.form not in _as_list(when["form"]):
            return None
        reasons.append(f"form is {facts.form}")
    for key, expected in dict(when.get("fields", {})).items():
        value = facts.values.get(key)
        values = value if isinstance(value, list) else [value]
        if not any(v in _as_list(expected) for v in values if v is not None):
            return None
        reasons.append(f"{key} is {value!r}")
    if "language" in when:
        if facts.language.lower() not in _lower(when["language"]):
            return None
        reasons.append(f"language is {facts.language}")
    if "requester_domain" in when:
        domain = (facts.requester_domain or "").lower()
        wanted = _lower(when["requester_domain"])
        if not any(domain == d or domain.endswith("." + d) for d in wanted):
            return None
        reasons.append(f"requester domain is {domain}")
    if rule.brand_ids is not None:
        if facts.brand_id not in rule.brand_ids:
            return None
        reasons.append(f"brand is {', '.join(_as_list(when['brand']))}")
    if "channel" in when:
        if facts.channel.lower() not in _lower(when["channel"]):
            return None
        reasons.append(f"channel is {facts.channel}")
    if "recipient" in when:
        if (facts.recipient or "").lower() not in _lower(when["recipient"]):
            return None
        reasons.append("recipient address matches")
    text = facts.text[:MAX_MATCH_INPUT]
    if rule.keywords is not None:
        hit = rule.keywords.first(text, facts.text_language or facts.language)
        if hit is None:
            return None
        reasons.append(f"text contains {hit!r}")
    if rule.patterns:
        pats = [p for k in _language_keys(rule.patterns, facts.text_language or facts.language)
                for p in rule.patterns[k]]
        found = next((p for p in pats if p.search(text)), None)
        if found is None:
            return None
        reasons.append(f"text matches /{found.pattern}/")
    if "attachments" in when:
        if bool(when["attachments"]) != facts.has_attachments:
            return None
        reasons.append("has attachments" if facts.has_attachments else "has no attachment")
    if rule.any_of:
        for sub in rule.any_of:
            sub_reasons = _check(sub, facts)
            if sub_reasons is not None:
                reasons.append("any: " + "; ".join(sub_reasons))
                break
        else:
            return None
    return tuple(reasons) or ("always",)


def match_rules(rules: Sequence[CompiledRule], facts: Facts) -> list[RuleMatch]:
    """The rules that match, in order, up to and including the first matching ``stop``."""
    matches: list[RuleMatch] = []
    for compiled in rules:
        reasons = _check(compiled, facts)
        if reasons is None:
            continue
        rule = compiled.rule
        matches.append(RuleMatch(name=rule.name, reasons=reasons, tags=rule.tags,
                                 group=rule.group, group_id=compiled.group_id,
                                 priority=rule.priority, type=rule.type, stop=rule.stop,
                                 reply=rule.reply, status=rule.status))
        if rule.stop:
            break
    return matches
