"""``deskops suggest`` on a generated history: what the proposals change, and the read's cost.

Usage: ``python scripts/bench/suggest.py [--count 5000] [--target zendesk|freshdesk|both]
[--workspace NAME…]``.

It measures against the draft vocabulary, an admin's first workspace: each seed workspace
(ad-network, game-publisher, streaming-platform) copied with its option and rule keywords
replaced by the examples' keywords before issue 10 grew them (``tests/data/learn/
draft_keywords.json``, regenerated from git by ``scripts/draft_keywords.py``; titles, forms
and rules as shipped). The shipped examples have since grown theirs, partly from the
generator's phrases: measured on them, "before" is already high and the gain measures no
learning. Each copy is applied to a fresh sandbox, which generates ``--count`` solved
tickets (``POST /_sandbox/history``, seeded, its own phrase banks); ``deskops suggest
--json`` runs on the draft copy and the bench prints, per field and language,
option-inference precision and recall on the held-back slice before (the draft's keywords)
and after (+ proposed). As information, not part of the target, the shipped examples'
own precision and recall on the same held-back tickets (the examples ``suggest`` built in
this run, kept in memory by wrapping ``build_examples``). Then the
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
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import requests
from click.testing import CliRunner

import integrations.learn
from integrations.cli.main import cli
from integrations.learn import Example, keyword_rules
from integrations.learn.evaluate import Score, score
from integrations.learn.propose import FieldTarget, RuleTarget, held_back
from integrations.sandbox.server import start_sandbox
from integrations.triage import load_rules
from integrations.workspace import load

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "schemas" / "examples"
WORKSPACES = ("ad-network", "game-publisher", "streaming-platform")
sys.path.insert(0, str(ROOT / "tests"))
from learn.draft import draft_copy  # noqa: E402  (tests/learn/draft.py: the draft workspace)

#: The examples the last ``deskops suggest`` built (in memory, as the command keeps them).
_SEEN: list[Sequence[Example]] = []
_build = integrations.learn.build_examples


def _keep_examples(*args: Any, **kwargs: Any) -> list[Example]:
    built = _build(*args, **kwargs)
    _SEEN[:] = [built]
    return built


integrations.learn.build_examples = _keep_examples  # type: ignore[assignment]


def shipped_scores(name: str, target: str, examples: Sequence[Example]
                   ) -> dict[tuple[str, str], tuple[int, Score]]:
    """The shipped example's own keywords on the held-back slices of ``examples``: field
    or rule label, locale → the slice's size and the score (as ``suggest``'s "before",
    with their keywords)."""
    ws = load(EXAMPLES / name, target)
    rules = load_rules(EXAMPLES / name, ws)
    threshold = float(rules.settings.reading.thresholds.get("option", 0.8))
    predictors: dict[str, tuple[Callable[[Example], str | None], str | None]] = {
        k: (FieldTarget(f, threshold).predictor({}), None)
        for k, f in ws.fields.items() if f.kind == "dropdown"}
    predictors.update({r.label: (RuleTarget(r.name, r.keywords).predictor({}), "yes")
                       for r in keyword_rules(rules.rules)})
    out = {}
    for key, (predict, fires) in predictors.items():
        for locale, test in held_back(key, examples).items():
            out[(key, locale)] = (len(test),
                                  score(key, [predict(ex) for ex in test], test, fires))
    return out


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
        ws = draft_copy(name, Path(tmp) / "ws")
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
        shipped = shipped_scores(name, target, _SEEN[0])
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
        print(f"== {name} on {target}, the draft vocabulary (an admin's first workspace; the "
              f"shipped example has since grown its own): {count} generated in {gen:.1f}s; "
              f"suggest {took:.1f}s (read + learn + measure)")
        print(f"read: {read} tickets in {data['read_seconds']:.1f}s, {calls} API calls, "
              f"floor {floor}, "
              f"ratio {calls / floor:.3f} (target ≤ 1.05)"
              + (" — below the floor: this sandbox's export answers in one page"
                 if calls < floor else ""))
        for f in data["fields"]:
            label = f["field"] if len(f["field"]) <= 48 else f["field"][:47] + "…"
            print(f"{label if label.startswith('rule: ') else 'field ' + label}  held-back "
                  "slice, inference:")
            if not f["locales"]:
                print("  no agent value in the history")
                continue
            print(f"  {'locale':6} {'n':>5} {'precision before→after':>24} "
                  f"{'recall before→after':>22} {'gain':>6}      "
                  "after, if the flagged keywords were removed by the reviewer")
            info = []
            for loc in f["locales"]:
                b, a, w = loc["before"], loc["after"], loc["after_without_flagged"]
                n, mine = shipped[(f["field"], loc["locale"])]
                if n != loc["held_back"]:
                    raise SystemExit(f"{f['field']} {loc['locale']}: the held-back slice "
                                     f"has {loc['held_back']} tickets, rebuilt {n}")
                info.append(f"  {loc['locale']:6} {n:5} precision "
                            f"{100 * mine.precision:5.1f}%, recall {100 * mine.recall:5.1f}% "
                            f"(draft before: {100 * b['precision']:5.1f}%, "
                            f"{100 * b['recall']:5.1f}%; after: {100 * a['precision']:5.1f}%, "
                            f"{100 * a['recall']:5.1f}%)")
                gain = 100 * (a["recall"] - b["recall"])
                ok = "ok  " if gain >= 20 and a["precision"] >= 0.95 else "MISS"
                print(f"  {loc['locale']:6} {loc['held_back']:5} {100 * b['precision']:10.1f}% → "
                      f"{100 * a['precision']:5.1f}% {100 * b['recall']:10.1f}% → "
                      f"{100 * a['recall']:5.1f}% {gain:+6.1f} {ok} "
                      + ("(none flagged)" if w is None else
                         f"precision {100 * w['precision']:5.1f}%, recall "
                         f"{100 * w['recall']:5.1f}%"))
            print("  information, not the target: the shipped example's own keywords on the "
                  "same held-back tickets")
            print("\n".join(info))
            print(f"  proposals: {sum(len(p['keywords']) for p in f['proposals'])} keywords "
                  f"over {len(f['proposals'])} option × locale pairs; "
                  f"{len(f['review'])} of the draft's keywords flagged for review")
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
