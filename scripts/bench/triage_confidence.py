"""Right and wrong writes by evidence method and confidence, on the labelled corpus.

Usage: ``python scripts/bench/triage_confidence.py [--split SPLIT]`` (a split of
`triage_quality.py`; default ``all``). For every value the pure core would write, its
evidence's method and confidence, and whether the ticket's labels support it (the same
judgement as `triage_quality.py`'s wrong-value rate). Run on a split the code has not been
tuned on, it shows where a workspace's confidence thresholds (``settings.reading.thresholds``)
would trade wrong values for questions.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import triage_quality as tq

from integrations.triage import decide


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=tq.SPLITS, default="all")
    args = parser.parse_args(argv[1:])
    right: Counter[tuple[str, float]] = Counter()
    wrong: Counter[tuple[str, float]] = Counter()
    n = 0
    for path in sorted(tq.CORPUS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        ctx = tq._context(data["workspace"])
        created = datetime.fromisoformat(data["created"])
        for item in data["tickets"]:
            n += 1
            if args.split != "all" and item.get("split", "tune") != args.split:
                continue
            decision = decide(tq._ticket(n, item, ctx, created), ctx)
            states = dict(item.get("states") or {})
            for e in decision.extracted:
                ev = e.evidence
                key = (ev.method, round(ev.confidence, 2)) if ev else ("form value", 1.0)
                ok = e.key in states and tq._supported(e.value, states[e.key])
                (right if ok else wrong)[key] += 1
    print(f"writes by evidence, corpus {tq.CORPUS.relative_to(tq.ROOT)}, split {args.split}")
    print(f"{'method':<12} {'confidence':>10} {'right':>6} {'wrong':>6}")
    for method, confidence in sorted(set(right) | set(wrong)):
        r, w = right[method, confidence], wrong[method, confidence]
        print(f"{method:<12} {confidence:>10.2f} {r:>6} {w:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
