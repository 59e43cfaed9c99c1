"""Does the learned span reader of name fields (``learned.json`` ``spans``) pay on splits it
never saw? Leave-one-split-out, as `learned_transfer.py`.

Usage: ``python scripts/corpus/span_transfer.py [--splits fresh20,...] [--threshold P ...]
[--margin M] [--before dropdowns|spans] [-v]``.

For each held-out split S (default fresh20 … fresh24), ``schemas/examples`` is copied to a
temporary folder; each workspace's ``learned.json`` is trained (dropdown models and span
reader, and the clause reader of free-text fields, `integrations.learn.reader.train`) on
every corpus ticket whose split is not S, and S is scored (``triage_quality.score``) with
the dropdown models alone (trained without spans or clauses: the whole size budget; with
``--before spans`` the span reader too, so the clause reader's own worth shows) and
with the file whole (the readers' bytes taken from the dropdowns' budget), at each
``--threshold`` (``settings.reading.thresholds.learned_span``; the clause reader at its
default ``learned_clause``). The sums over the splits are printed last. Files with
``fresh42`` in their name (the blind split kept unseen) are never opened. Pure: no
sandbox, no network.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import triage_quality as tq
from learned_transfer import WORKSPACES, print_changes, set_reading

import integrations.triage.reading.spans as spans
from integrations.learn.reader import train
from integrations.triage import decide
from integrations.triage.reading.learned import FILE
from integrations.workspace import load

#: Blind splits: never trained on, scored, or even opened here.
BLIND = ("fresh42",)
SPLITS = ("fresh20", "fresh21", "fresh22", "fresh23", "fresh24")


def _files() -> list[Path]:
    """The corpus files that may be read (no blind split's)."""
    return [p for p in sorted(tq.CORPUS.glob("*.yaml"))
            if not any(b in p.name for b in BLIND)]


def _docs() -> list[dict[str, Any]]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in _files()]


def score(docs: list[dict[str, Any]], split: str, examples: Path) -> tq.Tally:
    """``split``'s tally against the workspaces in ``examples`` (`triage_quality.run`
    without opening a blind file)."""
    total = tq.Tally()
    n = 0
    for data in docs:
        items = [t for t in data["tickets"] if t.get("split", "tune") == split]
        if not items:
            continue
        ctx = tq._context(data["workspace"], examples)
        created = datetime.fromisoformat(data["created"])
        for item in items:
            n += 1
            tally = tq.score(item, decide(tq._ticket(n, item, ctx, created), ctx))
            total.add(tally)
            total.notes.extend(tally.notes)
    return total


def held_out(docs: list[dict[str, Any]], split: str, thresholds: list[float], verbose: bool,
             before: str = "dropdowns") -> list[tq.Tally]:
    """``split``'s tallies: without the span reader, then with it at each threshold."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "examples"
        shutil.copytree(tq.EXAMPLES, root)
        full: dict[str, dict[str, Any]] = {}
        for name in WORKSPACES:
            tickets = [t for d in docs if d["workspace"] == name for t in d["tickets"]
                       if t.get("split", "tune") != split]
            ws = load(root / name)
            full[name] = train(ws, tickets, source=f"all but {split}", folds=0)
            # the dropdown models alone, with the whole budget; or with the span reader
            bare = train(ws, tickets, source=f"all but {split}", folds=0,
                         spans=before == "spans", clauses=False)
            (root / name / FILE).write_text(json.dumps(bare, ensure_ascii=False), "utf-8")
        out = [score(docs, split, root)]
        for name in WORKSPACES:
            (root / name / FILE).write_text(json.dumps(full[name], ensure_ascii=False), "utf-8")
        for value in thresholds:
            set_reading(root, learned_span=value)
            out.append(score(docs, split, root))
    for value, tally in zip(thresholds, out[1:], strict=True):
        print(tq.before_after(f"{split}@{value}", out[0], tally), flush=True)
        if verbose:
            print_changes(out[0], tally)
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", default=",".join(SPLITS))
    parser.add_argument("--threshold", type=float, nargs="+", default=[spans.DEFAULT_SPAN])
    parser.add_argument("--margin", type=float, default=None, help="spans.DEFAULT_MARGIN")
    parser.add_argument("--before", choices=("dropdowns", "spans"), default="dropdowns",
                        help="the file compared with: dropdown models alone, or with the "
                             "span reader too (the clause reader's own worth)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv[1:])
    splits = args.splits.split(",")
    if any(b in s for s in splits for b in BLIND):
        parser.error("blind splits are never scored")
    if args.margin is not None:
        spans.DEFAULT_MARGIN = args.margin
    start = time.perf_counter()
    docs = _docs()
    sums = [tq.Tally() for _ in range(len(args.threshold) + 1)]
    for split in splits:
        for total, tally in zip(sums, held_out(docs, split, args.threshold, args.verbose,
                                                     args.before),
                                strict=True):
            total.add(tally)
    for value, tally in zip(args.threshold, sums[1:], strict=True):
        print(tq.before_after(f"sum@{value}", sums[0], tally))
    print(f"({len(splits)} split(s) held out, {time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
