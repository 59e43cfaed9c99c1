"""The learning step of ``deskops suggest`` alone, timed against another revision's, on the
same generated history (pure: the sandbox's generator, no HTTP, no read).

Usage: ``python scripts/bench/suggest_learn.py [--against REV] [--count 5000]
[--workspace NAME…]``.

For each seed workspace's draft copy (``tests/learn/draft.py``: what the suggest bench
measures), ``--count`` tickets from ``core/history.generate`` (seed 16) become examples as
``suggest`` builds them (locale detected, agent values, rule tags), and every generated
dropdown and keyword rule is learned. The same is run by ``REV``'s code (``git archive REV
integrations schemas`` in a temporary folder, in its own process, this tree's draft), then
by this tree's, one after the other: the CPU seconds of each and their ratio, and whether
the two reports (proposals, before/after scores, rejections, notes, review) are identical.
A different report exits 1: a speed-up must not change what is proposed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
WORKSPACES = ("ad-network", "game-publisher", "streaming-platform")


def learn(name: str, count: int) -> dict[str, Any]:
    """Learn on the generated history with whatever ``integrations`` is importable."""
    sys.path.insert(0, str(ROOT / "tests"))
    from learn.draft import draft_copy

    from integrations.language import detect
    from integrations.learn import Example, keyword_rules, suggest, suggest_rule
    from integrations.sandbox.core.history import PROFILES, generate
    from integrations.triage import load_rules
    from integrations.workspace import load

    with tempfile.TemporaryDirectory() as tmp:
        root = draft_copy(name, Path(tmp) / "ws")
        ws = load(root, "zendesk")
        rules = keyword_rules(load_rules(root, ws).rules)
    tickets = generate(PROFILES[name], count, seed=16, now=1.8e9)
    examples = []
    for i, t in enumerate(tickets):
        texts = tuple(x for x in (t.subject, t.description, t.reply) if x)
        labels = dict(t.values)
        labels.update({r.label: "yes" if set(r.tags) <= set(t.tags) else "no" for r in rules})
        locale, _ = detect(texts, ws.locales, fallback_locale=None, default=ws.default_locale)
        examples.append(Example(i, str(t.created), locale, texts, labels))
    examples.sort(key=lambda e: (e.created_at, e.id))
    keys = sorted({k for t in tickets for k in t.values})
    started = time.process_time()
    reports = [suggest(ws.fields[k], examples, threshold=0.8, min_precision=0.95)
               for k in keys]
    reports += [suggest_rule(r.name, r.keywords, examples, min_precision=0.95) for r in rules]
    cpu = time.process_time() - started
    return {"cpu": cpu, "reports": [
        {"key": r.key, "proposals": [repr(p) for p in r.proposals],
         "locales": [repr(loc) for loc in r.locales], "review": [repr(v) for v in r.review],
         "notes": list(r.notes)} for r in reports]}


def _child(name: str, count: int, path: str | None) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": path} if path else dict(os.environ)
    out = subprocess.run([sys.executable, __file__, "--child", name, "--count", str(count)],
                         env=env, check=True, capture_output=True, text=True).stdout
    result: dict[str, Any] = json.loads(out)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="main", help="the baseline revision")
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--workspace", nargs="+", choices=WORKSPACES, default=WORKSPACES)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(learn(args.child, args.count)))
        return
    same = True
    with tempfile.TemporaryDirectory() as base:
        archive = subprocess.run(["git", "archive", args.against, "integrations", "schemas"],
                                 cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", base], input=archive, check=True)
        for name in args.workspace:
            old = _child(name, args.count, base)
            new = _child(name, args.count, None)
            equal = old["reports"] == new["reports"]
            same &= equal
            print(f"{name}: {args.count} tickets, learning CPU {old['cpu']:.1f}s at "
                  f"{args.against}, {new['cpu']:.1f}s here, ratio {new['cpu'] / old['cpu']:.2f}; "
                  f"reports {'identical' if equal else 'DIFFER'}")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
