"""Option and rule keywords on a generated history: how many values reading writes, and how
many of them agree with the agent's value (pure: the sandbox's history generator, no HTTP).

Usage: ``python scripts/bench/option_history.py [--count 3000] [--seed 16] [--top 10]``.

For each seed workspace, ``--count`` solved tickets from ``core/history.generate`` (its own
phrase banks, with the label noise of real history: a subject that contradicts the body, a
viewer who says "my channel"). Per dropdown and locale: values written (the `OptionReader`'s
value at the workspace's default threshold, 0.8) and their precision against the agent's
value; per keyword rule: tickets it fires on, with and without the agent's tag. Then the
commonest wrong reads with their evidence, to find a keyword that misfires. A history
precision, not a target: the banks were written before the seed vocabulary was grown, but
the lists below have been read while fixing misfiring keywords.
"""

from __future__ import annotations

import argparse
import collections
from pathlib import Path

from integrations.learn import keyword_rules
from integrations.sandbox.core.history import PROFILES, generate
from integrations.triage import load_rules
from integrations.triage._rules import Keywords
from integrations.triage.reading.options import OptionReader
from integrations.workspace import load

ROOT = Path(__file__).resolve().parents[2]
WORKSPACES = ("ad-network", "game-publisher", "streaming-platform")
THRESHOLD = 0.8


def run(name: str, count: int, seed: int, top: int) -> None:
    ws = load(ROOT / "schemas" / "examples" / name)
    tickets = generate(PROFILES[name], count, seed=seed, now=1.8e9)
    readers = {k: OptionReader(f) for k, f in ws.fields.items() if f.kind == "dropdown"}
    right: collections.Counter[tuple[str, str]] = collections.Counter()
    wrong: collections.Counter[tuple[str, str]] = collections.Counter()
    misreads: collections.Counter[tuple[str, str, str, str]] = collections.Counter()
    for t in tickets:
        texts = [("subject", t.subject), ("description", t.description)]
        texts += [("reply", t.reply)] if t.reply else []
        for key, value in t.values.items():
            if key not in readers:
                continue
            ev = readers[key].read(texts, t.locale)
            if ev is None or ev.value is None or ev.confidence < THRESHOLD:
                continue
            if ev.value == value:
                right[(key, t.locale)] += 1
            else:
                wrong[(key, t.locale)] += 1
                misreads[(key, t.locale, str(ev.value), ev.span)] += 1
    print(f"== {name}: {count} generated tickets (seed {seed})")
    for key, loc in sorted(set(right) | set(wrong)):
        ok, no = right[(key, loc)], wrong[(key, loc)]
        print(f"  {key:18} {loc:6} written {ok + no:5}  precision {ok / (ok + no):6.1%}")
    for rule in keyword_rules(load_rules(ws.root, ws).rules):
        matcher = Keywords(dict(rule.keywords))
        fired: collections.Counter[tuple[str, bool]] = collections.Counter()
        for t in tickets:
            language = t.locale.split("-")[0]
            if any(matcher.first(x, language) for x in (t.subject, t.description, t.reply)
                   if x):
                fired[(t.locale, any(tag in t.tags for tag in rule.tags))] += 1
        for loc in sorted({loc for loc, _ in fired}):
            ok, no = fired[(loc, True)], fired[(loc, False)]
            print(f"  rule {rule.name[:30]:30} {loc:6} fires {ok + no:5}  "
                  f"precision {ok / (ok + no):6.1%}")
    for (key, loc, value, span), n in misreads.most_common(top):
        print(f"    {n:3} × {key} {loc}: {value} ← {span!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--workspace", nargs="+", choices=WORKSPACES, default=WORKSPACES)
    args = parser.parse_args()
    for name in args.workspace:
        run(name, args.count, args.seed, args.top)


if __name__ == "__main__":
    main()
