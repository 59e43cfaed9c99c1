"""``deskops suggest`` on a generated history: what the proposals change, and the read's cost.

Usage: ``python scripts/bench/suggest.py [--count 5000] [--target zendesk|freshdesk|both]
[--workspace NAME…]``.

For each seed workspace (ad-network, game-publisher, streaming-platform), applied to a fresh
sandbox, it generates ``--count`` solved tickets (``POST /_sandbox/history``, seeded, its
own phrase banks), runs
``deskops suggest --json`` and prints, per field and language, option-inference precision
and recall on the held-back slice before (today's keywords) and after (+ proposed), then the
time and API calls of the read against the floor the paging allows
(Zendesk: ceil(n / 1000) export pages + ceil(events / 1000) ticket event pages for the first
replies; Freshdesk: ceil(n / 30) search pages + 1 field list, + n conversation calls when
``--freshdesk-replies`` asks for the replies, which are skipped by default: at one call per
ticket they take minutes of rate limit).
It also learns the rules with keyword conditions (ad-network: cash back →
``consumer_rewards``, about 12 % of its tickets; streaming-platform: billing, about 25 %).
Game-publisher and streaming-platform list en, fr and ko only: their few pt-br tickets
are read as one of those.
Target: recall +20 points at precision ≥ 95 % (``ok``/``MISS``), judged on the plain
"after" column (today's keywords + proposed); the last column, "after, if the flagged
keywords were removed by the reviewer", shows what removing the keywords the review
section flags would add, and is not part of the target. Calls ≤ 1.05 × the floor.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import tempfile
import time
from pathlib import Path

import requests
from click.testing import CliRunner

from integrations.cli.main import cli
from integrations.sandbox.server import start_sandbox

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "schemas" / "examples"
WORKSPACES = ("ad-network", "game-publisher", "streaming-platform")


def _add_brand(ws: Path, env: dict[str, str]) -> None:
    """Zendesk: create the workspace's brand first (its forms are restricted to it)."""
    brand = json.loads((ws / "deskops.json").read_text(encoding="utf-8")).get("brand")
    if brand and env["DESKOPS_TARGET"] == "zendesk":
        requests.post(f"{env['DESKOPS_SANDBOX_ZENDESK_URL']}/api/v2/brands.json",
                      auth=(f"{env['ZENDESK_EMAIL']}/token", env["ZENDESK_API_TOKEN"]),
                      json={"brand": {"name": brand, "subdomain": brand}},
                      timeout=30).raise_for_status()


def run(name: str, target: str, count: int, replies: bool) -> None:
    with start_sandbox(zendesk_plan="enterprise", freshdesk_plan="enterprise") as sb, \
            tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp) / "ws"
        shutil.copytree(EXAMPLES / name, ws)
        env = {**(sb.zendesk_env() if target == "zendesk" else sb.freshdesk_env()),
               "DESKOPS_STATE_DIR": str(Path(tmp) / "state"),
               # the incremental exports allow 10 calls a minute: a long read waits them out
               "DESKOPS_RETRY_MAX_WAIT": "61", "DESKOPS_RETRY_BUDGET": "1800"}
        _add_brand(ws, env)
        runner = CliRunner()
        out = runner.invoke(cli, ["-w", str(ws), "apply", "--auto-approve"], env=env)
        if out.exit_code:
            raise SystemExit(f"apply failed: {out.output}")
        url = sb.zendesk_url if target == "zendesk" else sb.freshdesk_url
        t0 = time.perf_counter()
        resp = requests.post(f"{url}/_sandbox/history", json={
            "profile": name, "count": count, "seed": 16, "days": 365}, timeout=600)
        resp.raise_for_status()
        gen = time.perf_counter() - t0
        t0 = time.perf_counter()
        out = runner.invoke(cli, ["-w", str(ws), "suggest", "--since", "400d", "--json",
                                  "--max-tickets", str(count * 2),
                                  *([] if replies else ["--no-replies"])], env=env)
        took = time.perf_counter() - t0
        if out.exit_code:
            raise SystemExit(f"suggest failed: {out.exception}\n{out.output[-2000:]}")
        data = json.loads(out.stdout)
        read, calls = data["tickets_read"], data["api_calls"]
        floor = math.ceil(read / 1000) if target == "zendesk" else math.ceil(read / 30) + 1
        rep = data["replies"]
        if rep is not None:  # Zendesk: the event export's pages; Freshdesk: one per ticket
            calls += rep["api_calls"]
            floor += (math.ceil(rep["ticket_events"] / 1000) if target == "zendesk" else read)
            print(f"first replies: {rep['read']} found, {rep['api_calls']} API calls"
                  + (f" over {rep['ticket_events']} ticket events" if target == "zendesk"
                     else ""))
        else:
            print("first replies: not read (--no-replies)")
        print(f"== {name} on {target}: {count} generated in {gen:.1f}s; suggest {took:.1f}s "
              f"(read + learn + measure)")
        print(f"read: {read} tickets in {data['read_seconds']:.1f}s, {calls} API calls, "
              f"floor {floor}, "
              f"ratio {calls / floor:.3f} (target ≤ 1.05)"
              + (" — below the floor: this sandbox's export answers in one page"
                 if calls < floor else ""))
        for f in data["fields"]:
            name = f["field"] if len(f["field"]) <= 48 else f["field"][:47] + "…"
            print(f"{name if name.startswith('rule: ') else 'field ' + name}  held-back slice, "
                  "inference:")
            if not f["locales"]:
                print("  no agent value in the history")
                continue
            print(f"  {'locale':6} {'n':>5} {'precision before→after':>24} "
                  f"{'recall before→after':>22} {'gain':>6}      "
                  "after, if the flagged keywords were removed by the reviewer")
            for loc in f["locales"]:
                b, a, w = loc["before"], loc["after"], loc["after_without_flagged"]
                gain = 100 * (a["recall"] - b["recall"])
                ok = "ok  " if gain >= 20 and a["precision"] >= 0.95 else "MISS"
                print(f"  {loc['locale']:6} {loc['held_back']:5} {100 * b['precision']:10.1f}% → "
                      f"{100 * a['precision']:5.1f}% {100 * b['recall']:10.1f}% → "
                      f"{100 * a['recall']:5.1f}% {gain:+6.1f} {ok} "
                      + ("(none flagged)" if w is None else
                         f"precision {100 * w['precision']:5.1f}%, recall "
                         f"{100 * w['recall']:5.1f}%"))
            print(f"  proposals: {sum(len(p['keywords']) for p in f['proposals'])} keywords "
                  f"over {len(f['proposals'])} option × locale pairs; "
                  f"{len(f['review'])} of today's keywords flagged for review")
            for v in f["review"]:
                print(f"    review {v['option']} {v['locale']} {v['keyword']!r}: "
                      f"{v['right']}/{v['found']} right")
            for n in f["notes"]:
                print(f"    note: {n}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--target", choices=["zendesk", "freshdesk", "both"], default="both")
    parser.add_argument("--workspace", nargs="+", choices=WORKSPACES, default=WORKSPACES)
    parser.add_argument("--freshdesk-replies", action="store_true", help="Read Freshdesk's "
                        "first replies too (one call per ticket: minutes of rate limit).")
    args = parser.parse_args()
    for name in args.workspace:
        for target in (["zendesk", "freshdesk"] if args.target == "both" else [args.target]):
            run(name, target, args.count, target == "zendesk" or args.freshdesk_replies)


if __name__ == "__main__":
    main()
