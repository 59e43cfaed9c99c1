"""Report and dashboard: time to answer over a store of 100,000 events (SQLite and PostgreSQL).

Usage: ``python scripts/bench/report.py [N]`` (N events, default 100,000; PostgreSQL is
skipped when ``DESKOPS_BENCH_POSTGRES_URL`` / the local test database is unreachable).

The store is filled with N events spread over 30 days (the retention period): about one
ticket per four events, a mix of asks, completions, routes on arrival, shadow decisions,
reminders, auto-solves, retries and dead letters, each with an audit shaped like the
worker's. Then, per back-end, it prints beside the row count:

* the baseline: reading every event of the window into Python (what a per-row report
  needs before computing anything);
* the figures (`report.build`) for a 7-day and a 30-day window: the first call (it reads
  each new audit once into the store's fact columns), then a steady-state call (best of 3;
  on PostgreSQL after ``VACUUM ANALYZE``, as autovacuum would run after the first call
  rewrote the rows), and the text report;
* the dashboard overview over real HTTP (uvicorn, bearer token): first and median of 4;
* ``EXPLAIN`` of the per-ticket sums, to show they use the ``received_at`` index.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from dashboard.support import serve  # noqa: E402  (the tests' uvicorn helper)

from integrations.dashboard import Credentials, DashboardConfig, create_dashboard  # noqa: E402
from integrations.events import EventStore, open_store  # noqa: E402
from integrations.events.history import (  # noqa: E402
    ensure_history_schema,
    record_receiver_counts,
)
from integrations.events.summary import ensure_summary_schema, explain  # noqa: E402
from integrations.report import build, render_text  # noqa: E402

NOW = 1_800_000_000.0
DAY = 86400.0
TOKEN = "bench-token-0123456789abcdef"
POSTGRES_URL = os.environ.get("DESKOPS_BENCH_POSTGRES_URL",
                              "postgresql://postgres@127.0.0.1:5432/test")
FORMS = {"bug": ["build_id", "platform", "crash_time"], "billing": ["order_id", "store"],
         "account": ["player_id"]}
LANGS = ["en", "en", "fr", "ko"]


def _audit(rng: random.Random, decision: str, form: str, lang: str, h: str,
           seen: dict[str, Any] | None = None) -> str:
    keys = FORMS[form]
    missing = rng.sample(keys, rng.randint(1, len(keys))) if decision == "ask" else []
    return json.dumps({
        "ticket_id": 0, "decision": decision, "summary": decision, "mode": "live",
        "will_write": True, "language": {"locale": lang, "how": "detected"},
        "form": {"key": form, "how": "ticket form"},
        "missing": [{"key": k, "kind": "field", "reason": "required", "detail": "absent",
                     "title": k} for k in missing],
        "hints": [], "rules": [], "reasons": [], "updated_at": None,
        "extracted": [{"key": keys[0], "source": "description", "pattern": "x"}]
        if rng.random() < 0.3 else [],
        "ask_hash": h,
        "update": {"group_id": rng.choice([11, 12, 13])} if decision in ("route", "complete")
        else {"comment": {"template": "request", "locale": lang}},
        **({"seen": seen} if seen else {}),
    }, separators=(",", ":"))


def rows(n: int, seed: int = 7) -> Iterator[tuple[Any, ...]]:
    """(kind, ticket, updated_at, status, attempts, received, finished, decision, reason,
    error) for ``n`` events, oldest first."""
    rng = random.Random(seed)
    made, ticket = 0, 0
    start = NOW - 30 * DAY
    while made < n:
        ticket += 1
        t = start + (NOW - start) * made / n
        form, lang = rng.choice(list(FORMS)), rng.choice(LANGS)
        story: list[tuple[str, str, str | None, dict[str, Any] | None]] = []
        roll = rng.random()
        if roll < 0.35:
            story = [("done", "route", "route", None)]
        elif roll < 0.75:
            story = [("done", "ask", "ask", None), ("done", "complete", "complete", None)]
            if rng.random() < 0.3:
                story.insert(1, ("done", "no_change", "no_change",
                                 {"status": "pending", "reminders": 1, "auto_solved": False}))
        elif roll < 0.85:
            story = [("done", "ask", "ask", None),
                     ("done", "no_change", "no_change",
                      {"status": "pending", "reminders": 1, "auto_solved": False}),
                     ("done", "skip", "skip",
                      {"status": "solved", "reminders": 2, "auto_solved": True})]
        elif roll < 0.95:
            story = [("done", "shadow:ask", "ask", None)]
        else:
            story = [("dead", None, None, None)]
        for step, (status, decision, kind, seen) in enumerate(story):
            at = t + step * rng.uniform(600, 6 * 3600)
            reason = _audit(rng, kind, form, lang, f"h{ticket}", seen) if kind else None
            attempts = 5 if status == "dead" else (2 if rng.random() < 0.02 else 1)
            yield ("ticket_updated", ticket, f"{ticket}@{step}", status, attempts, at, at + 2,
                   decision, reason, "helpdesk answered 500" if status == "dead" else None)
            made += 1
            if made >= n:
                return


def fill(store: EventStore, n: int) -> None:
    ensure_history_schema(store)
    ensure_summary_schema(store)  # the window's indexes exist for the baseline too
    batch: list[tuple[Any, ...]] = []
    sql = ("INSERT INTO deskops_events (source, kind, ticket_id, ticket_updated_at, "
           "dedupe_key, status, attempts, received_at, finished_at, decision, reason, error) "
           "VALUES ('zendesk', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")

    def flush() -> None:
        with store._tx() as cur:
            raw = getattr(cur, "_cursor", None)
            if raw is not None:  # psycopg: one round trip per batch
                raw.executemany(sql.replace("?", "%s"), batch)
            else:
                for row in batch:
                    cur.execute(sql, row)
        batch.clear()

    for kind, ticket, upd, status, attempts, at, fin, decision, reason, error in rows(n):
        batch.append((kind, ticket, upd, f"{ticket}@{upd}", status, attempts, at, fin,
                      decision, reason, error))
        if len(batch) >= 5000:
            flush()
    if batch:
        flush()
    counts: dict[tuple[float, str, int, str], int] = {}
    for hour in range(30 * 24):
        bucket = NOW - 30 * DAY + hour * 3600
        bucket -= bucket % 3600
        counts[(bucket, "zendesk", 202, "stored")] = 130
        if hour % 50 == 0:
            counts[(bucket, "zendesk", 401, "signature or secret")] = 1
    record_receiver_counts(store, counts, retention_days=10_000)
    if store.backend == "postgresql":
        with store._tx() as cur:
            cur.execute("ANALYZE deskops_events", ())


def read_window(store: EventStore, since: float) -> int:
    """The baseline: every event of the window read into Python, as a per-row report would."""
    with store._tx() as cur:
        cur.execute("SELECT id, ticket_id, status, attempts, received_at, finished_at, "
                    "decision, reason FROM deskops_events WHERE received_at >= ? "
                    "AND received_at < ?", (since, NOW))
        return len(cur.fetchall())


def timed(fn: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    """Best of ``repeat`` wall times (seconds) and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - started)
    return best, result


def vacuum(url: str) -> Callable[[], None]:
    """PostgreSQL's autovacuum after the first call rewrote every row (it would within a
    minute: ``autovacuum_naptime``); until then no index-only scan is possible."""
    def run() -> None:
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE deskops_events")
    return run


def measure(store: EventStore, n: int, settle: Callable[[], None] = lambda: None) -> None:
    print(f"\n== {store.backend}: {n:,} events ==")
    with store._tx() as cur:
        cur.execute("SELECT COUNT(*) FROM deskops_events", ())
        total = int(cur.fetchone()[0])
    print(f"rows in deskops_events: {total:,}")
    for days in (7, 30):
        since = NOW - days * DAY
        base, got = timed(lambda s=since: read_window(store, s))
        cold, _ = timed(lambda s=since: build(store, s, NOW), repeat=1)
        settle()
        warm, figures = timed(lambda s=since: build(store, s, NOW))
        text, _ = timed(lambda f=figures: render_text(f, title="bench"))
        print(f"window {days:>2} d: {got:>7,} events | baseline: reading them "
              f"{base * 1000:7.1f} ms | figures: first {cold * 1000:7.1f} ms (reads each new "
              f"audit once), then {warm * 1000:6.1f} ms ({warm / base:4.2f}x the baseline) | "
              f"text {text * 1000:4.1f} ms | tickets {figures.funnel.received:,}")
    config = DashboardConfig(store=store, queue=None, credentials=Credentials(TOKEN),
                             title="bench", clock=lambda: NOW)
    with serve(create_dashboard(config)) as url:
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {TOKEN}"
        for since in ("7d", "30d"):
            times = []
            for _ in range(5):
                started = time.perf_counter()
                answer = session.get(url, params={"since": since})
                times.append(time.perf_counter() - started)
                assert answer.status_code == 200, answer.status_code
            print(f"dashboard GET /?since={since}: first {times[0] * 1000:.0f} ms, then median "
                  f"{statistics.median(times[1:]) * 1000:.0f} ms over 4 requests "
                  f"({len(answer.content):,} bytes)")
    plan = explain(store, NOW - 7 * DAY, NOW)
    print(f"EXPLAIN of the per-ticket sums over 7 days ({len(plan)} lines; those reading "
          "the table):")
    for line in plan:
        if "deskops_events" in line:
            print(f"  {line.strip()}")


@contextmanager
def postgres_schema() -> Iterator[str | None]:
    try:
        import psycopg

        schema = f"bench_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(POSTGRES_URL, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
    except Exception as exc:  # a benchmark without the service still runs
        print(f"\n(PostgreSQL skipped: {exc})")
        yield None
        return
    sep = "&" if "?" in POSTGRES_URL else "?"
    try:
        yield f"{POSTGRES_URL}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'events.db'}")
        started = time.perf_counter()
        fill(store, n)
        print(f"filled SQLite with {n:,} events in {time.perf_counter() - started:.1f} s")
        measure(store, n)
        store.close()
    with postgres_schema() as url:
        if url is not None:
            store = open_store(url)
            started = time.perf_counter()
            fill(store, n)
            print(f"\nfilled PostgreSQL with {n:,} events in "
                  f"{time.perf_counter() - started:.1f} s")
            measure(store, n, vacuum(url))
            store.close()


if __name__ == "__main__":
    main()
