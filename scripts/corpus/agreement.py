"""How far two careful labellers agree: the second labeller's labels scored against the
corpus's own with the triage bench's metrics, as if the second labeller were deskops.

Usage: ``python scripts/corpus/agreement.py [SPLIT] [-v]`` (default ``fresh10``, the split a
second labeller has labelled: ``tests/data/triage/second-labeller/<workspace>-<split>.yaml``).
It tells whether the issue's targets are within what people agree on: a target below the
labellers' own disagreement could not be measured with this corpus.

The second labeller gets the split's tickets without their labels (``states``, ``ask`` and
``route`` removed), the workspace summaries and the brief's labelling rules, in a folder that
holds nothing else: fresh32's agreed on every ask and route while the first labels sat in a
neighbouring folder it was told not to open, which nothing could check.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from triage_quality import CORPUS, _pct, _supported


def main(argv: list[str]) -> int:
    split = next((a for a in argv if not a.startswith("-")), "fresh10")
    n = asked = redundant = to_ask = missed = written = wrong = routed = 0
    notes: list[str] = []
    for second in sorted((CORPUS / "second-labeller").glob(f"*-{split}.yaml")):
        first = yaml.safe_load((CORPUS / second.name).read_text(encoding="utf-8"))
        labels = yaml.safe_load(second.read_text(encoding="utf-8"))
        for t in first["tickets"]:
            b, a = labels[t["id"]], dict(t.get("states") or {})
            sb = dict(b.get("states") or {})
            ask_a, ask_b = set(t.get("ask") or ()), set(b.get("ask") or ())
            red = ask_b & (set(a) | set(t.get("fields") or {}))
            miss = ask_a - ask_b
            bad = [k for k, v in sb.items() if k not in a or not _supported(v, a[k])]
            n += 1
            asked, redundant, to_ask, missed = (asked + len(ask_b), redundant + len(red),
                                                to_ask + len(ask_a), missed + len(miss))
            written, wrong = written + len(sb), wrong + len(bad)
            routed += b.get("route") == t.get("route")
            notes += [f"{t['id']}: second asks {k}, first states {a.get(k)!r}" for k in red]
            notes += [f"{t['id']}: first asks {k}, second states {sb.get(k)!r}" for k in miss]
            notes += [f"{t['id']}: second states {k}={sb[k]!r}, first {a.get(k)!r}" for k in bad]
            if b.get("route") != t.get("route"):
                notes.append(f"{t['id']}: route {b.get('route')!r}, first {t.get('route')!r}")
    if not n:
        print(f"no second labels for split {split}", file=sys.stderr)
        return 1
    print(f"second labeller against the first, split {split}, {n} tickets: "
          f"redundant {_pct(redundant, asked)} ({redundant}/{asked})  "
          f"missed {_pct(missed, to_ask)} ({missed}/{to_ask})  "
          f"wrong {_pct(wrong, written)} ({wrong}/{written})  routes {_pct(routed, n)}")
    if "-v" in argv:
        print("\n".join(f"  {line}" for line in notes))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
