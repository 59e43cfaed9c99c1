"""The figures of `deskops report` and the dashboard, from the event store's sums (pure).

The worker stores each triage decision's audit as JSON in the event's ``reason`` (ids, item
keys, languages, the stage the ticket was seen in — never requester text). `fact_columns`
reads one audit into the store's ``f_*`` columns (once per event); the store sums them per
ticket and per group (`integrations.events.summary`); `assemble` turns those sums and the
receiver's hourly counters into `Figures`:

* funnel — received (any event not ignored) → triaged (a triage decision, any mode) →
  asked (a live ``ask``) → answered (after the first ask, a decision caused by the
  requester's reply: ``complete``, or an ``ask`` for something else) → completed
  (``complete`` after an ask); beside it: complete on arrival (a live ``route`` before any
  ask), reminded (seen with a reminder tag), auto-solved (seen with the auto-solved tag)
  and reopened after auto-solve (seen new or open with that tag). The chase stores each
  reminder and auto-solve it writes as an event with the same audit
  (`integrations.events.chase`), so they count at once; the worker sees reopenings;
* per form (the ticket's latest): the same funnel; the items most often missing (tickets
  asked for them, any mode) and most often extracted, per form of the audit naming them;
* ask → answer times (median, p90), from the ask's finish to the answer's arrival;
* language mix and routes per group (one per ticket: its latest);
* shadow-mode decisions (``shadow:``/``off:`` prefixes) with what would have been sent;
* dead letters and retries; receiver answers (acks, 4xx by reason, 503s).
"""

from __future__ import annotations

import json
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from integrations.events.history import HealthCount
from integrations.events.summary import (
    STAGE_AUTO_SOLVED,
    STAGE_REMINDED,
    STAGE_REOPENED,
    FactColumns,
    WindowSums,
)

__all__ = ["DeadLetter", "Figures", "FormFigures", "Funnel", "ShadowDecision", "assemble",
           "fact_columns", "parse_audit"]

NO_FORM = "(no form)"
NO_GROUP = "(no group)"
UNKNOWN = "(unknown)"
#: How many rows the lists keep (figures above them always count everything).
LIST_LIMIT = 50


@dataclass
class Funnel:
    """Tickets at each step; a ticket counts once per step."""

    received: int = 0
    triaged: int = 0
    asked: int = 0
    answered: int = 0
    completed: int = 0
    complete_on_arrival: int = 0
    reminded: int = 0
    auto_solved: int = 0
    reopened: int = 0

    def steps(self) -> list[tuple[str, int]]:
        return [(name.replace("_", " "), value) for name, value in asdict(self).items()]


@dataclass
class FormFigures:
    form: str
    funnel: Funnel
    missing: list[tuple[str, int]]
    extracted: list[tuple[str, int]]


@dataclass(frozen=True)
class ShadowDecision:
    event_id: int
    ticket_id: int | None
    at: float
    decision: str
    would: str


@dataclass(frozen=True)
class DeadLetter:
    event_id: int
    ticket_id: int | None
    at: float
    attempts: int
    error: str


@dataclass
class Figures:
    """Everything the report prints; `as_dict` is the ``--json`` shape."""

    since: float
    until: float
    events: int
    funnel: Funnel
    forms: list[FormFigures]
    answer_seconds: dict[str, float | int | None]
    languages: list[tuple[str, int]]
    routes: list[tuple[str, int]]
    shadow_counts: list[tuple[str, int]]
    shadow: list[ShadowDecision]
    statuses: dict[str, int]
    retried_events: int
    retries: int
    dead: list[DeadLetter]
    per_day: list[tuple[str, int]]
    receiver: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def parse_audit(reason: str | None) -> dict[str, Any] | None:
    """The stored audit of a triage decision, or None for other notes (skips, old rows)."""
    if not reason or not reason.startswith("{"):
        return None
    try:
        data = json.loads(reason)
    except ValueError:
        return None
    return data if isinstance(data, dict) and "decision" in data else None


def fact_columns(decision: str | None, reason: str | None) -> FactColumns:
    """What the figures need from one finished event, for the store's ``f_*`` columns."""
    audit = parse_audit(reason) if decision else None
    if audit is None:
        return ("", 0, None, None, None, None, 0, (), ())
    kind = str(audit.get("decision"))
    live = 0 if decision is None or ":" in decision else 1  # shadow or kill switch: not sent
    form = audit.get("form") or {}
    language = audit.get("language") or {}
    seen = audit.get("seen") or {}
    stage = STAGE_REMINDED if seen.get("reminders") else 0
    if seen.get("auto_solved"):  # the tag stays: open again means the requester replied
        stage |= STAGE_AUTO_SOLVED
        if seen.get("status") in ("new", "open"):
            stage |= STAGE_REOPENED
    group = None
    if live and kind in ("route", "complete"):
        found = (audit.get("update") or {}).get("group_id")
        # the rules name the group (the last one naming it wins, as in routing); audits
        # stored before rules carried the name show the id
        named = [r["group"] for r in audit.get("rules") or () if r.get("group")]
        group = NO_GROUP if found is None else named[-1] if named else str(found)
    return (kind, live, str(form["key"]) if form.get("key") else None,
            str(language["locale"]) if language.get("locale") else None,
            audit.get("ask_hash"), group, stage,
            tuple(str(m["key"]) for m in audit.get("missing") or ()),
            tuple(str(e["key"]) for e in audit.get("extracted") or ()))


def _would(audit: dict[str, Any] | None) -> str:
    """What a shadow decision would have written, in a few words (keys and ids only)."""
    if audit is None:
        return ""
    update = audit.get("update") or {}
    parts: list[str] = []
    comment = update.get("comment")
    if comment:
        parts.append(f"{comment.get('template')} comment ({comment.get('locale')})")
    missing = [str(m["key"]) for m in audit.get("missing") or ()]
    if missing and audit.get("decision") == "ask":
        parts.append("asking for " + ", ".join(missing))
    if update.get("add_tags"):
        parts.append("tags +" + " +".join(update["add_tags"]))
    for name in ("status", "group_id", "priority", "type"):
        if update.get(name) is not None:
            parts.append(f"{name} {update[name]}")
    return "; ".join(parts) or str(audit.get("summary") or "")


def _top(counter: Counter[str], limit: int = LIST_LIMIT) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]


def _percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..1) of sorted ``values``."""
    rank = max(1, -(-len(values) * q // 1))
    return values[int(rank) - 1]


def _receiver(health: Iterable[HealthCount]) -> dict[str, Any]:
    acks: Counter[str] = Counter()
    rejected: Counter[str] = Counter()
    unavailable = 0
    per_status: Counter[str] = Counter()
    for h in health:
        per_status[str(h.status)] += h.count
        if h.status == 202:
            acks[h.source] += h.count
        elif h.status == 503:
            unavailable += h.count
        elif 400 <= h.status < 500:
            rejected[f"{h.status} {h.reason}"] += h.count
    return {"acks": sum(acks.values()), "acks_by_source": _top(acks),
            "rejected": _top(rejected), "unavailable": unavailable,
            "by_status": sorted(per_status.items())}


def assemble(sums: WindowSums, health: Iterable[HealthCount], *, since: float,
             until: float) -> Figures:
    """The figures of one window from the store's sums."""
    funnel = Funnel()
    per_form: dict[str, Funnel] = defaultdict(Funnel)
    languages: Counter[str] = Counter()
    routes: Counter[str] = Counter()
    for g in sums.groups:
        for target in (funnel, per_form[g.form or NO_FORM]):
            target.received += g.received
            target.triaged += g.triaged
            target.asked += g.asked
            target.answered += g.answered
            target.completed += g.completed
            target.complete_on_arrival += g.complete_on_arrival
            target.reminded += g.reminded
            target.auto_solved += g.auto_solved
            target.reopened += g.reopened
        if g.triaged:
            languages[g.language or UNKNOWN] += g.triaged
        if g.group is not None:
            routes[g.group] += g.received
    missing: dict[str, Counter[str]] = defaultdict(Counter)
    extracted: dict[str, Counter[str]] = defaultdict(Counter)
    for form, key, n in sums.missing:
        missing[form or NO_FORM][key] += n
    for form, key, n in sums.extracted:
        extracted[form or NO_FORM][key] += n
    names = set(per_form) | set(missing) | set(extracted)
    forms = [FormFigures(name, per_form[name], _top(missing[name], 10),
                         _top(extracted[name], 10))
             for name in sorted(names, key=lambda n: (n == NO_FORM, n))
             if per_form[name].triaged or name != NO_FORM]
    waits = sorted(sums.waits)
    day_counts = Counter({_day(day * 86400.0): n for day, n in sums.per_day.items()})
    return Figures(
        since=since, until=until, events=sums.events, funnel=funnel, forms=forms,
        answer_seconds={"answers": len(waits),
                        "median": statistics.median(waits) if waits else None,
                        "p90": _percentile(waits, 0.9) if waits else None},
        languages=_top(languages), routes=_top(routes),
        shadow_counts=_top(Counter(dict(sums.shadow_counts))),
        shadow=[ShadowDecision(i, t, at, d, _would(parse_audit(r)))
                for i, t, at, d, r in sums.shadow],
        statuses=dict(sorted(sums.statuses.items())),
        retried_events=sums.retried_events, retries=sums.retries,
        dead=[DeadLetter(i, t, at, n, (e or "").splitlines()[0][:200] if e else "")
              for i, t, at, n, e in sums.dead],
        per_day=_days(since, until, day_counts), receiver=_receiver(health),
    )


def _day(epoch: float) -> str:
    return time.strftime("%Y-%m-%d", time.gmtime(epoch))


def _days(since: float, until: float, counts: Counter[str]) -> list[tuple[str, int]]:
    """Every day of the window (at most 366), zero included, so the chart keeps its scale."""
    start = since - since % 86400
    days = [_day(start + i * 86400) for i in range(min(366, int((until - start) // 86400) + 1))
            if start + i * 86400 < until]
    return [(d, counts.get(d, 0)) for d in days]
