"""The report's figures summed in SQL, so a window of 100,000 events answers in well under a
second: Python receives a few dozen grouped rows, not every event.

Facts: each finished event's audit (JSON in ``reason``) is read once into a few ``f_*``
columns of its own row (`project_facts`; the caller supplies the reading, see
`integrations.report.figures.fact_columns`). They live on the event row, so
`purge_requester` and retention erase them with it. An event is final once ``done``, so its
facts never change; only new events are read on each call.

Per ticket (`ticket_sums`), in one statement that both back-ends run: its first live ask,
the answer after it (a live ``complete``, or an ``ask`` with another hash), completion,
complete on arrival, the stages seen (reminded, auto-solved, reopened), and its latest
form, language and route; then summed per (form, language, group).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from integrations.events.history import ensure_history_schema, reading
from integrations.events.store import EventStore

__all__ = ["FACT_COLUMNS", "FactColumns", "GroupSums", "WindowSums", "ensure_summary_schema",
           "explain", "project_facts", "window_sums"]

#: Added to ``deskops_events``: what the figures read from an audit.
FACT_COLUMNS = ("f_kind", "f_live", "f_form", "f_lang", "f_hash", "f_group", "f_stage",
                "f_missing", "f_extracted")
#: (kind, live, form, language, ask hash, group, stage bits, missing keys, extracted keys);
#: stage bits: 1 reminded, 2 auto-solved, 4 reopened. kind "" marks "no audit".
FactColumns = tuple[str, int, str | None, str | None, str | None, str | None, int,
                    Sequence[str], Sequence[str]]
STAGE_REMINDED, STAGE_AUTO_SOLVED, STAGE_REOPENED = 1, 2, 4
TRIAGE_KINDS = ("route", "ask", "complete", "answer", "no_change")

_DAY = {"sqlite": "CAST(received_at / 86400 AS INTEGER)",
        "postgresql": "CAST(FLOOR(received_at / 86400) AS BIGINT)"}
_ITEMS = {"sqlite": "json_each(e.{column}) AS j",
          "postgresql": "LATERAL jsonb_array_elements_text(e.{column}::jsonb) AS j(value)"}
_KINDS = ", ".join(f"'{k}'" for k in TRIAGE_KINDS)

#: A text key that sorts like ``received_at`` (17 characters and a bar): ``MAX(key || x)``
#: is "x of the latest row", with no window function or self-join.
_KEY = {"sqlite": "printf('%017.4f|', {col})",
        "postgresql": "(to_char({col}, 'FM000000000000.0000') || '|')"}
_KEY_LENGTH = 18


#: Covering indexes, so a whole-store window never reads the rows themselves (each holds
#: its audit JSON, hundreds of bytes): the per-ticket sums and the per-status/day/shadow
#: counts read ``deskops_events_received_sums``; the item counts read a partial index of
#: the events naming items; `project_facts` finds the events not read yet in a partial
#: index that stays empty between reports.
_FACT_INDEXES = (
    "DROP INDEX IF EXISTS deskops_events_received",  # the first index below supersedes it
    "CREATE INDEX IF NOT EXISTS deskops_events_received_sums ON deskops_events (received_at, "
    "ticket_id, status, attempts, f_kind, f_live, f_form, f_lang, f_hash, f_group, f_stage, "
    "finished_at, decision)",
    "CREATE INDEX IF NOT EXISTS deskops_events_received_items ON deskops_events (received_at, "
    "f_form, ticket_id, f_kind, f_missing, f_extracted) "
    "WHERE f_missing IS NOT NULL OR f_extracted IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS deskops_events_unread ON deskops_events (received_at) "
    "WHERE status = 'done' AND f_kind IS NULL",
)


def _per_ticket(backend: str) -> str:
    """Per ticket, then summed per (latest form, language, group); the answer waits follow
    as rows tagged ``w`` (one statement, so the per-ticket pass runs once)."""
    key = _KEY[backend].format(col="received_at")
    latest = ", ".join(f"MAX(CASE WHEN w.{c} IS NOT NULL THEN w.k || w.{c} END) AS {c}_k"
                       for c in ("form", "lang", "grp"))
    return f"""
WITH w AS MATERIALIZED (
  SELECT ticket_id, received_at, COALESCE(finished_at, received_at) AS done_at,
         f_kind AS kind, COALESCE(f_live, 0) AS live, f_form AS form, f_lang AS lang,
         f_hash AS hash, f_group AS grp, COALESCE(f_stage, 0) AS stage, {key} AS k
  FROM deskops_events
  WHERE received_at >= ? AND received_at < ? AND ticket_id IS NOT NULL
    AND status <> 'ignored'),
asks AS (
  SELECT ticket_id, MIN(received_at) AS ask_at, MIN(done_at) AS ask_done,
         SUBSTR(MIN(k || COALESCE(hash, '')), {_KEY_LENGTH + 1}) AS hash
  FROM w WHERE live = 1 AND kind = 'ask' GROUP BY ticket_id),
per_ticket AS (
  SELECT w.ticket_id,
    MAX(CASE WHEN w.kind IN ({_KINDS}) THEN 1 ELSE 0 END) AS triaged,
    MAX(CASE WHEN a.ask_at IS NOT NULL THEN 1 ELSE 0 END) AS asked,
    MIN(CASE WHEN w.live = 1 AND w.received_at > a.ask_at AND (w.kind = 'complete'
             OR (w.kind = 'ask' AND COALESCE(w.hash, '') <> a.hash)) THEN w.received_at END)
      AS answer_at,
    MAX(CASE WHEN w.live = 1 AND w.kind = 'complete' AND w.received_at > a.ask_at
             THEN 1 ELSE 0 END) AS completed,
    MAX(CASE WHEN w.live = 1 AND w.kind = 'route' AND (a.ask_at IS NULL
             OR w.received_at < a.ask_at) THEN 1 ELSE 0 END) AS on_arrival,
    MAX(CASE WHEN (w.stage & 1) <> 0 THEN 1 ELSE 0 END) AS reminded,
    MAX(CASE WHEN (w.stage & 2) <> 0 THEN 1 ELSE 0 END) AS auto_solved,
    MAX(CASE WHEN (w.stage & 4) <> 0 THEN 1 ELSE 0 END) AS reopened,
    MIN(a.ask_done) AS ask_done, {latest}
  FROM w LEFT JOIN asks a ON a.ticket_id = w.ticket_id
  GROUP BY w.ticket_id)
SELECT 'g', SUBSTR(form_k, {_KEY_LENGTH + 1}), SUBSTR(lang_k, {_KEY_LENGTH + 1}),
       SUBSTR(grp_k, {_KEY_LENGTH + 1}), COUNT(*), SUM(triaged), SUM(asked),
       SUM(CASE WHEN answer_at IS NOT NULL THEN 1 ELSE 0 END), SUM(completed),
       SUM(on_arrival), SUM(reminded), SUM(auto_solved), SUM(reopened), NULL
FROM per_ticket GROUP BY 2, 3, 4
UNION ALL
SELECT 'w', NULL, NULL, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, answer_at - ask_done
FROM per_ticket WHERE answer_at IS NOT NULL
"""


@dataclass(frozen=True)
class GroupSums:
    """Tickets of one (latest form, language, group) at each step of the funnel."""

    form: str | None
    language: str | None
    group: str | None
    received: int
    triaged: int
    asked: int
    answered: int
    completed: int
    complete_on_arrival: int
    reminded: int
    auto_solved: int
    reopened: int


@dataclass
class WindowSums:
    """Everything the figures need from one window, already summed."""

    events: int = 0
    groups: list[GroupSums] = field(default_factory=list)
    waits: list[float] = field(default_factory=list)
    missing: list[tuple[str | None, str, int]] = field(default_factory=list)
    extracted: list[tuple[str | None, str, int]] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)
    retried_events: int = 0
    retries: int = 0
    per_day: dict[int, int] = field(default_factory=dict)
    dead: list[tuple[int, int | None, float, int, str | None]] = field(default_factory=list)
    shadow_counts: list[tuple[str, int]] = field(default_factory=list)
    shadow: list[tuple[int, int | None, float, str, str | None]] = field(default_factory=list)


def ensure_summary_schema(store: EventStore) -> None:
    """Add the fact columns and the window's indexes when missing (once per store)."""
    if getattr(store, "_facts_ready", False):
        return
    ensure_history_schema(store)
    types = {"f_live": "INTEGER", "f_stage": "INTEGER"}
    with store._tx() as cur:
        if store.backend == "sqlite":
            cur.execute("PRAGMA table_info(deskops_events)", ())
            present = {str(row[1]) for row in cur.fetchall()}
            for name in FACT_COLUMNS:
                if name not in present:
                    cur.execute(f"ALTER TABLE deskops_events ADD COLUMN {name} "
                                f"{types.get(name, 'TEXT')}", ())
        else:
            cur.execute("SELECT pg_advisory_xact_lock(7401552)", ())
            for name in FACT_COLUMNS:
                cur.execute(f"ALTER TABLE deskops_events ADD COLUMN IF NOT EXISTS {name} "
                            f"{types.get(name, 'TEXT')}", ())
        for statement in _FACT_INDEXES:
            cur.execute(statement, ())
    setattr(store, "_facts_ready", True)  # noqa: B010 - a mark on the store, not a field


def project_facts(store: EventStore, since: float, until: float,
                  read: Callable[[str | None, str | None], FactColumns], *,
                  batch: int = 2000) -> int:
    """Read the audits of finished events in the window not read yet; returns how many.

    The audits are read from a snapshot and written back ``batch`` rows per transaction, so
    the first report over a large store never holds the write lock for long (the receiver
    keeps acknowledging). Two readers racing write the same values: harmless."""
    ensure_summary_schema(store)
    with reading(store) as cur:
        cur.execute("SELECT id, decision, reason FROM deskops_events WHERE received_at >= ? "
                    "AND received_at < ? AND status = 'done' AND f_kind IS NULL",
                    (since, until))
        todo = cur.fetchall()
    rows = []
    for event_id, decision, reason in todo:
        kind, live, form, lang, ask_hash, group, stage, missing, extracted = read(
            decision, reason)
        rows.append((kind, live, form, lang, ask_hash, group, stage,
                     json.dumps(list(missing)) if missing else None,
                     json.dumps(list(extracted)) if extracted else None, event_id))
    for start in range(0, len(rows), batch):
        with store._tx() as cur:
            chunk = rows[start:start + batch]
            raw: Any = getattr(cur, "_cursor", None)  # psycopg behind the store's translator
            if raw is None:  # SQLite: in process, one prepared statement per row is cheap
                sqlite_cur: Any = cur
                sqlite_cur.executemany(_UPDATE_FACTS, chunk)
            else:  # PostgreSQL: one statement per batch, not one round trip per row
                raw.execute(_UPDATE_FACTS_PG, [list(c) for c in zip(*chunk, strict=True)])
    return len(rows)


_UPDATE_FACTS = ("UPDATE deskops_events SET f_kind = ?, f_live = ?, f_form = ?, f_lang = ?, "
                 "f_hash = ?, f_group = ?, f_stage = ?, f_missing = ?, f_extracted = ? "
                 "WHERE id = ? AND status = 'done'")
_UPDATE_FACTS_PG = (
    "UPDATE deskops_events AS e SET f_kind = v.kind, f_live = v.live, f_form = v.form, "
    "f_lang = v.lang, f_hash = v.hash, f_group = v.grp, f_stage = v.stage, "
    "f_missing = v.missing, f_extracted = v.extracted FROM unnest(%s::text[], %s::int[], "
    "%s::text[], %s::text[], %s::text[], %s::text[], %s::int[], %s::text[], %s::text[], "
    "%s::bigint[]) AS v(kind, live, form, lang, hash, grp, stage, missing, extracted, id) "
    "WHERE e.id = v.id AND e.status = 'done'")


def window_sums(store: EventStore, since: float, until: float) -> WindowSums:
    """The window summed per ticket and per group, statuses, days, dead letters, shadow."""
    ensure_summary_schema(store)
    out = WindowSums()
    window = (since, until)
    where = "WHERE received_at >= ? AND received_at < ?"
    with reading(store) as cur:
        if store.backend == "postgresql":
            # Per-ticket sorts of a large window stay in memory; no JIT: compiling these
            # few statements took longer (0.9 s on 100,000 events) than running them.
            cur.execute("SET LOCAL work_mem = '64MB'", ())
            cur.execute("SET LOCAL jit = off", ())
        cur.execute(_per_ticket(store.backend), window)
        for tag, *row in cur.fetchall():
            if tag == "w":
                out.waits.append(max(0.0, float(row[-1])))
            else:
                out.groups.append(GroupSums(*row[:3], *(int(v or 0) for v in row[3:-1])))
        cur.execute(
            f"SELECT 'm', e.f_form, j.value, COUNT(DISTINCT e.ticket_id) FROM deskops_events e "
            f"CROSS JOIN {_ITEMS[store.backend].format(column='f_missing')} "
            f"WHERE e.received_at >= ? AND e.received_at < ? "
            f"AND (e.f_missing IS NOT NULL OR e.f_extracted IS NOT NULL) "
            f"AND e.f_missing IS NOT NULL AND e.f_kind = 'ask' GROUP BY e.f_form, j.value "
            f"UNION ALL "
            f"SELECT 'x', e.f_form, j.value, COUNT(DISTINCT e.ticket_id) FROM deskops_events e "
            f"CROSS JOIN {_ITEMS[store.backend].format(column='f_extracted')} "
            f"WHERE e.received_at >= ? AND e.received_at < ? "
            f"AND (e.f_missing IS NOT NULL OR e.f_extracted IS NOT NULL) "
            f"AND e.f_extracted IS NOT NULL GROUP BY e.f_form, j.value", window * 2)
        for tag, form, key, n in cur.fetchall():
            (out.missing if tag == "m" else out.extracted).append((form, str(key), int(n)))
        # Statuses, retries, events per day and shadow decisions: one pass, a few rows.
        shadow = "CASE WHEN decision LIKE '%:%' THEN decision END"
        cur.execute(f"SELECT status, {_DAY[store.backend]}, {shadow}, COUNT(*), "
                    f"SUM(CASE WHEN attempts > 1 THEN 1 ELSE 0 END), "
                    f"SUM(CASE WHEN attempts > 1 THEN attempts - 1 ELSE 0 END) "
                    f"FROM deskops_events {where} GROUP BY 1, 2, 3", window)
        shadow_counts: dict[str, int] = {}
        for status, day, decision, n, retried, retries in cur.fetchall():
            out.statuses[str(status)] = out.statuses.get(str(status), 0) + int(n)
            out.per_day[int(day)] = out.per_day.get(int(day), 0) + int(n)
            if decision is not None:
                shadow_counts[str(decision)] = shadow_counts.get(str(decision), 0) + int(n)
            out.retried_events += int(retried or 0)
            out.retries += int(retries or 0)
        out.events = sum(out.statuses.values())
        out.shadow_counts = list(shadow_counts.items())
        cur.execute(f"SELECT id, ticket_id, received_at, attempts, error FROM deskops_events "
                    f"{where} AND status = 'dead' ORDER BY received_at DESC, id DESC LIMIT 50",
                    window)
        out.dead = [tuple(row) for row in cur.fetchall()]  # type: ignore[misc]
        cur.execute(f"SELECT id, ticket_id, received_at, decision, reason FROM deskops_events "
                    f"{where} AND decision LIKE '%:%' ORDER BY received_at DESC, id DESC "
                    f"LIMIT 50", window)
        out.shadow = [tuple(row) for row in cur.fetchall()]  # type: ignore[misc]
    return out


def explain(store: EventStore, since: float, until: float) -> list[str]:
    """The database's plan for the per-ticket sums (the benchmark prints it: index use)."""
    ensure_summary_schema(store)
    prefix = "EXPLAIN QUERY PLAN " if store.backend == "sqlite" else "EXPLAIN "
    with reading(store) as cur:
        cur.execute(prefix + _per_ticket(store.backend), (since, until))
        rows = cur.fetchall()
    return [str(row[-1]) for row in rows]
