"""The figures of `deskops report` and the dashboard, computed from stored events (pure).

Input: the events received in a window (`WindowRow`, oldest first) and the receiver's
hourly counters (`HealthCount`). The worker stores each triage decision's audit as JSON in
the event's ``reason`` (ids, item keys, languages, the stage the ticket was seen in — never
requester text); everything here is read from those audits, ticket by ticket:

* funnel — received (any event not ignored) → triaged (a triage decision, any mode) →
  asked (a live ``ask``) → answered (after an ask, a decision caused by the requester's
  reply: ``complete``, or an ``ask`` for something else) → completed (``complete`` after an
  ask); beside it: complete on arrival (``route``), reminded (seen with a reminder tag),
  auto-solved (seen with the auto-solved tag) and reopened after auto-solve (seen new or
  open with that tag). The chase writes reminders and auto-solves on the helpdesk; the
  worker sees those states through `deskops sweep` (cron) or the requester's next reply;
* per form (the form of the ticket's latest audit): the same funnel, the items most often
  missing (tickets asked for them, any mode) and most often extracted from the text;
* ask → answer times (median, p90), from the ask's finish to the answer's arrival;
* language mix and routes per group (one per ticket: its latest audit);
* shadow-mode decisions (``shadow:``/``off:`` prefixes) with what would have been sent;
* dead letters and retries; receiver answers (acks, 4xx by reason, 503s).
"""

from __future__ import annotations

import json
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, NamedTuple

from integrations.events.history import HealthCount, WindowRow

__all__ = ["DeadLetter", "Facts", "FactsCache", "Figures", "FormFigures", "Funnel",
           "ShadowDecision", "compute", "facts_of", "parse_audit", "row_facts"]

#: Decisions that mean "deskops looked at the ticket with its form" (live or not).
TRIAGE_KINDS = frozenset({"route", "ask", "complete", "answer", "no_change"})
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


class Facts(NamedTuple):
    """What the figures read from one stored audit (a compact, cacheable extract)."""

    kind: str
    form: str | None
    language: str | None
    missing: tuple[str, ...]
    extracted: tuple[str, ...]
    ask_hash: str | None
    group: str | None
    reminded: bool
    seen_auto_solved: bool
    seen_status: str | None


def facts_of(audit: dict[str, Any]) -> Facts:
    form = audit.get("form") or {}
    language = audit.get("language") or {}
    seen = audit.get("seen") or {}
    group = (audit.get("update") or {}).get("group_id")
    return Facts(
        kind=str(audit.get("decision")),
        form=str(form["key"]) if form.get("key") else None,
        language=str(language["locale"]) if language.get("locale") else None,
        missing=tuple(str(m["key"]) for m in audit.get("missing") or ()),
        extracted=tuple(str(e["key"]) for e in audit.get("extracted") or ()),
        ask_hash=audit.get("ask_hash"),
        group=NO_GROUP if group is None else str(group),
        reminded=bool(seen.get("reminders")),
        seen_auto_solved=bool(seen.get("auto_solved")),
        seen_status=seen.get("status"),
    )


def row_facts(row: WindowRow) -> Facts | None:
    audit = parse_audit(row.reason) if row.decision else None
    return None if audit is None else facts_of(audit)


class FactsCache:
    """`row_facts` remembered per finished event (a done event's audit never changes), so
    a long-running dashboard parses each audit once; bounded, cleared when full."""

    def __init__(self, limit: int = 500_000) -> None:
        self.limit = limit
        self._seen: dict[int, Facts | None] = {}

    def __call__(self, row: WindowRow) -> Facts | None:
        if row.status != "done":
            return row_facts(row)
        try:
            return self._seen[row.id]
        except KeyError:
            pass
        if len(self._seen) >= self.limit:
            self._seen.clear()
        found = self._seen[row.id] = row_facts(row)
        return found


@dataclass
class _Ticket:
    """What one ticket did in the window, folded from its events in order."""

    form: str = NO_FORM
    language: str | None = None
    group: str | None = None
    received: bool = False
    triaged: bool = False
    asked: bool = False
    answered: bool = False
    completed: bool = False
    on_arrival: bool = False
    reminded: bool = False
    auto_solved: bool = False
    reopened: bool = False
    missing: set[str] = field(default_factory=set)
    extracted: set[str] = field(default_factory=set)
    ask_done: float | None = None
    ask_hash: str | None = None
    answer_wait: float | None = None

    def fold(self, row: WindowRow, facts: Facts | None) -> None:
        if row.status != "ignored":
            self.received = True
        if facts is None:
            return
        kind = facts.kind
        if facts.form:
            self.form = facts.form
        if facts.language:
            self.language = facts.language
        if facts.extracted:
            self.extracted.update(facts.extracted)
        if facts.reminded:
            self.reminded = True
        if facts.seen_auto_solved:  # the tag stays: open again means the requester replied
            self.auto_solved = True
            if facts.seen_status in ("new", "open"):
                self.reopened = True
        if kind not in TRIAGE_KINDS:
            return
        self.triaged = True
        if kind == "ask":
            self.missing.update(facts.missing)
        if row.decision is None or ":" in row.decision:  # shadow or kill switch: not sent
            return
        if self.asked and not self.answered and (
                kind == "complete" or (kind == "ask" and facts.ask_hash != self.ask_hash)):
            self.answered = True
            if self.ask_done is not None:
                self.answer_wait = max(0.0, row.received_at - self.ask_done)
        if kind == "ask" and not self.asked:
            self.asked = True
            self.ask_done = row.finished_at or row.received_at
            self.ask_hash = facts.ask_hash
        elif kind == "complete" and self.asked:
            self.completed = True
        elif kind == "route" and not self.asked:
            self.on_arrival = True
        if kind in ("route", "complete"):
            self.group = facts.group

    def add_to(self, f: Funnel) -> None:
        f.received += self.received
        f.triaged += self.triaged
        f.asked += self.asked
        f.answered += self.answered
        f.completed += self.completed
        f.complete_on_arrival += self.on_arrival
        f.reminded += self.reminded
        f.auto_solved += self.auto_solved
        f.reopened += self.reopened


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


def compute(rows: Sequence[WindowRow], health: Iterable[HealthCount], *, since: float,
            until: float, facts: Callable[[WindowRow], Facts | None] = row_facts) -> Figures:
    """The figures of one window; ``rows`` oldest first (as `window_rows` returns them).
    ``facts`` reads an event's audit (a `FactsCache` in a long-running dashboard)."""
    tickets: dict[int, _Ticket] = defaultdict(_Ticket)
    statuses: Counter[str] = Counter()
    shadow_counts: Counter[str] = Counter()
    shadow: list[ShadowDecision] = []
    dead: list[DeadLetter] = []
    per_day: Counter[str] = Counter()
    retried = retries = 0
    for row in rows:
        statuses[row.status] += 1
        per_day[_day(row.received_at)] += 1
        if row.attempts > 1:
            retried += 1
            retries += row.attempts - 1
        if row.status == "dead":
            dead.append(DeadLetter(row.id, row.ticket_id, row.received_at, row.attempts,
                                   (row.error or "").splitlines()[0][:200] if row.error else ""))
        if row.decision and ":" in row.decision:
            shadow_counts[row.decision] += 1
            shadow.append(ShadowDecision(row.id, row.ticket_id, row.received_at, row.decision,
                                         _would(parse_audit(row.reason))))
        if row.ticket_id is not None:
            tickets[row.ticket_id].fold(row, facts(row))

    funnel = Funnel()
    per_form: dict[str, Funnel] = defaultdict(Funnel)
    missing: dict[str, Counter[str]] = defaultdict(Counter)
    extracted: dict[str, Counter[str]] = defaultdict(Counter)
    languages: Counter[str] = Counter()
    routes: Counter[str] = Counter()
    waits: list[float] = []
    for t in tickets.values():
        t.add_to(funnel)
        t.add_to(per_form[t.form])
        missing[t.form].update(t.missing)
        extracted[t.form].update(t.extracted)
        if t.triaged:
            languages[t.language or UNKNOWN] += 1
        if t.group is not None:
            routes[t.group] += 1
        if t.answer_wait is not None:
            waits.append(t.answer_wait)
    waits.sort()
    forms = [FormFigures(name, per_form[name], _top(missing[name], 10),
                         _top(extracted[name], 10))
             for name in sorted(per_form, key=lambda n: (n == NO_FORM, n))
             if per_form[name].triaged or name != NO_FORM]
    return Figures(
        since=since, until=until, events=len(rows), funnel=funnel, forms=forms,
        answer_seconds={"answers": len(waits),
                        "median": statistics.median(waits) if waits else None,
                        "p90": _percentile(waits, 0.9) if waits else None},
        languages=_top(languages), routes=_top(routes), shadow_counts=_top(shadow_counts),
        shadow=shadow[::-1][:LIST_LIMIT], statuses=dict(sorted(statuses.items())),
        retried_events=retried, retries=retries, dead=dead[::-1][:LIST_LIMIT],
        per_day=_days(since, until, per_day), receiver=_receiver(health),
    )


def _day(epoch: float) -> str:
    return time.strftime("%Y-%m-%d", time.gmtime(epoch))


def _days(since: float, until: float, counts: Counter[str]) -> list[tuple[str, int]]:
    """Every day of the window (at most 366), zero included, so the chart keeps its scale."""
    start = since - since % 86400
    days = [_day(start + i * 86400) for i in range(min(366, int((until - start) // 86400) + 1))
            if start + i * 86400 < until]
    return [(d, counts.get(d, 0)) for d in days]
