#!/usr/bin/env python3
"""Helpers for ``scripts/bench/ingest.sh`` (each a subcommand; the shell script wires them).

    sign     write the receiver's secrets file and N pre-signed Zendesk deliveries for wrk
    hello    the bare hello-world endpoint on the same stack as `deskops serve`
             (Starlette on uvicorn's h11 server, same options): the ack figures' baseline
    sandbox  run the sandbox with rate limits lifted (the bench measures deskops, not the
             vendor's quota; the quota's floor is computed and printed beside)
    count    events in the store, by status (JSON)
    commit-floor  the disk's durable-commit latency (what every durable ack waits for)
    e2e      create tickets in the sandbox (its triggers deliver signed webhooks to
             `deskops serve`), then time K `deskops worker --once` processes draining them
    summary  print the table from the JSON results

Loopback only; nothing here is imported by deskops.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

WEBHOOK_ID = "bench-hook"
#: Zendesk's documented account limit for the largest plan (requests per minute).
HIGH_VOLUME_PER_MINUTE = 2500


def sign(args: argparse.Namespace) -> None:
    """Deliveries signed as Zendesk signs (base64 HMAC-SHA256 of timestamp + body)."""
    from integrations.webhooks.secrets import SecretBook

    secret = base64.urlsafe_b64encode(os.urandom(24)).decode()
    SecretBook(Path(args.secrets)).set_zendesk(WEBHOOK_ID, secret)
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    base = int(time.time())
    with open(args.out, "w", encoding="utf-8") as out:
        for n in range(args.count):
            ticket = 1_000_000 + args.round * args.count + n  # each round: new events
            body = json.dumps({"event": "ticket_updated", "ticket_id": ticket,
                               "updated_at": datetime.fromtimestamp(base + n, UTC)
                               .strftime("%Y-%m-%dT%H:%M:%SZ"), "requester_id": 7})
            mac = hmac.new(secret.encode(), stamp.encode() + body.encode(), hashlib.sha256)
            sig = base64.b64encode(mac.digest()).decode()
            out.write(f"{WEBHOOK_ID}\t{stamp}\t{sig}\t{uuid.uuid4().hex}\t{body}\n")


def hello(args: argparse.Namespace) -> None:
    """Read the body, answer 202 with a small JSON: everything but the checks and the write."""
    import uvicorn
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    async def ack(request: Request) -> Response:
        await request.body()
        return JSONResponse({"status": "queued", "event_id": 0}, status_code=202)

    app = Starlette(routes=[Route("/webhooks/zendesk", ack, methods=["POST"])])
    # The options `deskops serve` passes to uvicorn (integrations/cli/pipeline.py).
    # h11 named, as `deskops serve` names it (its read-deadline protocol is h11's): were
    # httptools installed, "auto" would give the bare endpoint a faster parser than deskops.
    if args.processes == 1:
        uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning",
                    access_log=False, server_header=False, http="h11")
        return
    # As `deskops serve --processes N`: the same socket, forks and supervisor.
    from integrations.cli.pipeline import _listen
    from integrations.webhooks.processes import supervise

    sock = _listen("127.0.0.1", args.port, "--port")[0]

    def child(slot: int) -> None:
        uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False,
                                      server_header=False, http="h11")).run(sockets=[sock])

    supervise(args.processes, child)


def sandbox(args: argparse.Namespace) -> None:
    from integrations.sandbox.core.emulator import Plan
    from integrations.sandbox.server import start_sandbox

    running = start_sandbox(zendesk_plan="high_volume")
    emu = running.zendesk
    features = emu.spec.plans["high_volume"].features
    emu.spec = replace(emu.spec, plans={**emu.spec.plans, "bench": Plan("bench", 10**9, features)},
                       endpoint_limits=[])
    emu.set_plan("bench")
    Path(args.ready).write_text(json.dumps({"zendesk_url": running.zendesk_url}))
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    running.stop()


def _counts() -> dict[str, int]:
    from integrations.events import store_from_settings
    from integrations.settings import load_settings

    store = store_from_settings(load_settings(dotenv=None))
    try:
        return store.counts()
    finally:
        store.close()


def count(args: argparse.Namespace) -> None:
    """Stored events by status, and the receiver's answers by HTTP status (its /metrics)."""
    import requests

    answers: dict[str, float] = {}
    if args.metrics:
        for line in requests.get(args.metrics, timeout=10).text.splitlines():
            if line.startswith("deskops_webhook_requests_total{"):
                labels, _, value = line.partition("} ")
                status = labels.split('status="')[1].split('"')[0]
                answers[status] = answers.get(status, 0) + float(value)
    print(json.dumps({"events": _counts(), "answers": answers}))


def _sandbox_requests(url: str) -> int:
    import requests

    return int(requests.get(f"{url}/_sandbox/requests", timeout=30).json()["count"])


def e2e(args: argparse.Namespace) -> None:
    """Tickets → signed deliveries → receiver → store; then K workers drain them, timed."""
    import requests

    from integrations import sandbox as sb

    url = os.environ["DESKOPS_SANDBOX_ZENDESK_URL"]
    auth = (f"{sb.ADMIN_EMAIL}/token", sb.API_TOKEN)
    http = requests.Session()
    before = _counts()
    done_before = before.get("done", 0)
    started = time.perf_counter()
    for n in range(args.tickets):
        resp = http.post(f"{url}/api/v2/tickets.json", auth=auth, timeout=30, json={"ticket": {
            "subject": f"bench {n}", "comment": {"body": "Bonjour, je n'arrive plus à me "
                                                          "connecter à mon compte depuis hier"}}})
        resp.raise_for_status()
    ingest = time.perf_counter() - started
    queued = _counts().get("queued", 0)
    if queued < args.tickets:
        sys.exit(f"e2e: only {queued} of {args.tickets} deliveries were stored")
    calls_before = _sandbox_requests(url)
    cmd = [str(Path(sys.executable).with_name("deskops")), "worker", "--once"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.DEVNULL) for _ in range(args.workers)]
    t0 = None
    deadline = time.monotonic() + args.timeout
    while True:
        counts = _counts()
        now = time.perf_counter()
        if t0 is None and counts.get("queued", 0) < queued:
            t0 = now
        if counts.get("done", 0) - done_before >= args.tickets:
            break
        if time.monotonic() > deadline or all(p.poll() is not None for p in procs):
            for p in procs:
                p.kill()
            sys.exit(f"e2e: workers stopped before finishing: {counts}")
        time.sleep(0.02)
    elapsed = now - (t0 or now)
    for p in procs:
        p.wait(60)
    calls = _sandbox_requests(url) - calls_before
    per_event = calls / args.tickets
    print(json.dumps({
        "backend": args.backend, "workers": args.workers, "events": args.tickets,
        "seconds": round(elapsed, 3),
        "events_per_s": round(args.tickets / elapsed, 1) if elapsed else None,
        "ingest_tickets_per_s": round(args.tickets / ingest, 1),
        "api_calls_per_event": round(per_event, 2),
        "quota_floor_events_per_s": round(HIGH_VOLUME_PER_MINUTE / 60 / per_event, 1),
    }))


def commit_floor(args: argparse.Namespace) -> None:
    """The disk's durable-commit latency, beside the figures: 300 one-row SQLite commits with
    the receiver's settings (WAL, synchronous=FULL), in the bench's own folder."""
    import sqlite3

    conn = sqlite3.connect(args.db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE IF NOT EXISTS t (n INTEGER)")
    took = []
    for n in range(300):
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t VALUES (?)", (n,))
        conn.execute("COMMIT")
        took.append((time.perf_counter() - started) * 1000)
    conn.close()
    took.sort()
    print(json.dumps({"p50_ms": round(took[150], 3), "p99_ms": round(took[296], 3),
                      "mean_ms": round(sum(took) / len(took), 3)}))


def pgschema(args: argparse.Namespace) -> None:
    """A throw-away schema for the PostgreSQL run (the URL's search_path selects it)."""
    import psycopg

    with psycopg.connect(args.url, autocommit=True, connect_timeout=3) as conn:
        if args.action == "create":
            conn.execute(f"CREATE SCHEMA {args.schema}")
        else:
            conn.execute(f"DROP SCHEMA IF EXISTS {args.schema} CASCADE")


def _load(path: str) -> dict[str, Any]:
    text = Path(path).read_text(encoding="utf-8").strip().splitlines()
    lines = [line for line in text if line.startswith("{")]
    if not lines:
        sys.exit(f"summary: no result in {path}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def _cpu_ms(wrk_path: str, row: dict[str, Any]) -> float | None:
    """CPU milliseconds the server spent per answered request in one wrk run (the sidecar
    file ``<wrk output>.cpu`` holds its ticks and the tick rate), or None without one."""
    sidecar = Path(wrk_path + ".cpu")
    if not sidecar.exists() or not row["requests"]:
        return None
    ticks, rate = (int(x) for x in sidecar.read_text().split())
    return ticks * 1000 / rate / int(row["requests"])


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def summary(args: argparse.Namespace) -> None:
    runs = [_load(path) for path in args.e2e]
    rounds: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {}
    for spec in args.ack:
        name, wrk_path, bare_path = spec.split("=")
        mine, bare = _load(wrk_path), _load(bare_path)
        mine["cpu_ms"], bare["cpu_ms"] = _cpu_ms(wrk_path, mine), _cpu_ms(bare_path, bare)
        rounds.setdefault(name, []).append((mine, bare))
    stored_by: dict[str, dict[str, Any]] = {}
    for spec in args.stored:
        name, path = spec.split("=")
        stored_by[name] = json.loads(Path(path).read_text())
    print("\ningest benchmark (loopback, wrk "
          f"{args.wrk_opts}; both endpoints on uvicorn's h11 server and asyncio loop, the "
          "same number of processes in each pair (names ending in 'x2proc': 2, one "
          "socket; otherwise 1); fully durable: SQLite synchronous=FULL, PostgreSQL "
          "synchronous_commit on). Each deskops run is compared with the bare endpoint "
          "measured just before it; the targets are judged on the median of the rounds"
          + (f"; load average at the end: {args.load}" if args.load else "") + ".")
    print(f"{'endpoint':<40}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'non-2xx':>9}"
          f"{'x req/s':>9}{'x p99':>8}{'CPU ms/req':>11}")
    problems: list[str] = []
    for name, pairs in rounds.items():
        ratios: list[float] = []
        tails: list[float] = []
        cpus: dict[str, list[float]] = {"bare": [], "serve": []}
        for n, (r, bare) in enumerate(pairs, 1):
            for label, row in ((f"  bare endpoint, round {n}", bare),
                               (f"  deskops serve, {name}, round {n}", r)):
                ratio = row["rps"] / bare["rps"] if bare["rps"] else 0.0
                tail = row["p99_ms"] / max(bare["p99_ms"], 1e-9)
                cpu = "" if row["cpu_ms"] is None else f"{row['cpu_ms']:.3f}"
                print(f"{label:<40}{row['rps']:>8.0f}{row['p50_ms']:>9.2f}"
                      f"{row['p99_ms']:>9.2f}{row['non_2xx'] + row['socket_errors']:>9}"
                      f"{ratio:>9.2f}{tail:>8.1f}{cpu:>11}")
            ratios.append(r["rps"] / bare["rps"] if bare["rps"] else 0.0)
            tails.append(r["p99_ms"] / max(bare["p99_ms"], 1e-9))
            for key, row in (("bare", bare), ("serve", r)):
                if row["cpu_ms"] is not None:
                    cpus[key].append(row["cpu_ms"])
        ratio, tail = _median(ratios), _median(tails)
        cpu = (f"{_median(cpus['serve']):.3f} (bare {_median(cpus['bare']):.3f})"
               if cpus["serve"] and cpus["bare"] else "")
        print(f"{'deskops serve, ' + name + ', median':<40}{'':>35}{ratio:>9.2f}{tail:>8.1f}"
              f"  {cpu}")
        if ratio < 0.5 or tail > 5:
            problems.append(f"{name}: x{ratio:.2f} throughput, p99 x{tail:.1f}")
    print("targets (medians): >= 0.5x the bare endpoint's req/s, p99 <= 5x its p99: "
          + ("met by every configuration" if not problems
             else "NOT met by " + "; ".join(problems)))
    for name, stored in stored_by.items():
        answers = ", ".join(f"{k}: {v:.0f}" for k, v in sorted(stored["answers"].items()))
        events = ", ".join(f"{k} {v}" for k, v in stored["events"].items() if v)
        whose = " (one process's /metrics)" if "proc" in name else ""
        print(f"  {name}: {sum(stored['events'].values())} events stored ({events}); "
              f"answers by status{whose}: {answers}")
    for name, pairs in rounds.items():
        errors = sum(r["socket_errors"] for r, _ in pairs)
        if errors:
            print(f"  note ({name}): wrk saw {errors} socket errors or timeouts (> 10 s)")
    print("  (wrk counts only the responses it received before it stopped)")
    if args.floor:
        floor = _load(args.floor)
        print(f"durable commit on this disk (one-row SQLite commit, synchronous=FULL, same run): "
              f"p50 {floor['p50_ms']} ms, mean {floor['mean_ms']} ms, p99 {floor['p99_ms']} ms; "
              "every ack waits for at least one")
    if runs:
        print(f"\nend to end (sandbox ticket -> signed webhook -> serve -> store -> worker "
              f"-> tag), {runs[0]['events']} events per run, sandbox rate limits lifted:")
    by_backend: dict[str, dict[int, float]] = {}
    for r in runs:
        by_backend.setdefault(r["backend"], {})[r["workers"]] = r["events_per_s"]
        print(f"  {r['backend']:<16} {r['workers']} worker process(es): "
              f"{r['events_per_s']:>6} events/s  ({r['api_calls_per_event']} helpdesk calls "
              f"per event)")
    for backend, rates in by_backend.items():
        if 1 in rates and 2 in rates and rates[1]:
            print(f"  {backend}: 2 workers vs 1: x{rates[2] / rates[1]:.2f}")
    if runs:
        print(f"  quota floor: a real Zendesk High Volume account ({HIGH_VOLUME_PER_MINUTE} "
              f"calls/min) caps any number of workers at {runs[0]['quota_floor_events_per_s']} "
              "events/s")
    for name, stored in stored_by.items():
        refused = {k: v for k, v in stored["answers"].items() if k not in ("202", "503") and v}
        if refused:
            sys.exit(f"the receiver refused signed deliveries ({name}): {refused}")
        if stored["answers"].get("503"):
            print(f"note ({name}): 503 + Retry-After answers are the receiver shedding load "
                  "(nothing acknowledged that was not stored)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("sign")
    p.add_argument("--out", required=True)
    p.add_argument("--secrets", required=True)
    p.add_argument("--count", type=int, default=40000)
    p.add_argument("--round", type=int, default=0)
    p = sub.add_parser("hello")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--processes", type=int, default=1)
    p = sub.add_parser("sandbox")
    p.add_argument("--ready", required=True)
    p = sub.add_parser("count")
    p.add_argument("--metrics", help="the receiver's /metrics URL")
    p = sub.add_parser("e2e")
    p.add_argument("--tickets", type=int, default=200)
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--timeout", type=float, default=60)
    p.add_argument("--backend", default="sqlite")
    p = sub.add_parser("commit-floor")
    p.add_argument("--db", required=True)
    p = sub.add_parser("pgschema")
    p.add_argument("action", choices=["create", "drop"])
    p.add_argument("--url", required=True)
    p.add_argument("--schema", required=True)
    p = sub.add_parser("summary")
    p.add_argument("--wrk-opts", required=True)
    p.add_argument("--floor", help="commit-floor result")
    p.add_argument("--ack", action="append", default=[],
                   help="NAME=WRK_RESULT=BARE_WRK_RESULT of one deskops serve run and the "
                        "bare run just before it (repeat: one per round)")
    p.add_argument("--stored", action="append", default=[],
                   help="NAME=STORED_JSON: a configuration's events and answers (repeat)")
    p.add_argument("--load", default="", help="the load average at the end (shared machine)")
    p.add_argument("--e2e", action="append", default=[], help="an e2e result (repeat)")
    args = parser.parse_args()
    {"sign": sign, "hello": hello, "sandbox": sandbox, "count": count, "e2e": e2e,
     "summary": summary, "pgschema": pgschema, "commit-floor": commit_floor}[args.cmd](args)


if __name__ == "__main__":
    main()
