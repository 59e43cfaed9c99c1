"""Does the learned second opinion on dropdowns (``learned.json``) help on a split it never saw?

Usage: ``python scripts/corpus/learned_transfer.py [--split fresh22 | --each] [-v]
[--since N] [--max-features N] [--budget BYTES] [--veto P] [--fill P] [--agree P[,P…]]
[--dropdowns]``.

For a held-out split S (default: the newest), ``schemas/examples`` is copied to a temporary
folder without any ``learned.json``; each workspace's model is trained
(`integrations.learn.reader.train`) on every corpus ticket whose split is not S and written
into the copy; S is then scored by ``triage_quality`` against the copy without the model and
with it. ``--each`` holds out fresh14 … the newest in turn and sums. ``--agree`` scores the
model once per ``learned_agree`` threshold given. ``--dropdowns`` trains the dropdown model
only (seconds, not minutes) and keeps the shipped span and clause readers in both columns
(they were trained on every split, so they flatter both alike). Files with ``fresh42``
in their name are never read (the next blind split). Pure: no sandbox, no network.
"""

from __future__ import annotations

import argparse
import functools
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import triage_quality as tq

from integrations.learn.reader import train
from integrations.triage.reading.learned import FILE, FORMAT, NGRAM_RANGE
from integrations.workspace import load

WORKSPACES = ("ad-network", "game-publisher", "streaming-platform")
#: The blind split kept unseen for the next session: never trained on, never scored here.
UNSEEN = "fresh42"


def corpus(workspace: str) -> list[dict[str, Any]]:
    """Every labelled ticket of ``workspace`` (``split`` defaults to tune, as in scoring)."""
    out: list[dict[str, Any]] = []
    for path in sorted(tq.CORPUS.glob(f"{workspace}*.yaml")):
        if UNSEEN in path.name:
            continue
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if doc.get("workspace") == workspace:
            out.extend(doc["tickets"])
    return out


@functools.cache
def _shipped_readers(name: str) -> dict[str, Any]:
    """The span and clause readers of workspace ``name``'s shipped ``learned.json`` (read
    once per run)."""
    path = tq.EXAMPLES / name / FILE
    shipped = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return {k: shipped[k] for k in ("spans", "clauses") if k in shipped}


def _copy(to: Path, readers: bool = False) -> Path:
    """``schemas/examples`` without any learned model (``readers``: but for the shipped
    span and clause readers)."""
    root = to / "examples"
    shutil.copytree(tq.EXAMPLES, root)
    for name in WORKSPACES:
        path = root / name / FILE
        kept = _shipped_readers(name) if readers else {}
        if kept:
            path.write_text(json.dumps({**_EMPTY, **kept}, ensure_ascii=False), encoding="utf-8")
        else:
            path.unlink(missing_ok=True)
    return root


#: A ``learned.json`` with no dropdown model (the span and clause readers are added).
_EMPTY = {"format": FORMAT, "trained": {"tickets": 0, "source": "", "date": ""},
          "ngram_range": list(NGRAM_RANGE), "vocabulary": {}, "fields": {}}


def set_reading(root: Path, *, veto: float | None = None, **thresholds: float | None) -> None:
    """``settings.reading.learned_veto`` and ``thresholds`` (``learned``, ``learned_span``…)
    set in the copy's rules; a value None is left as it is."""
    values = {k: v for k, v in thresholds.items() if v is not None}
    if veto is None and not values:
        return
    for name in WORKSPACES:
        path = root / name / "rules.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        reading = data.setdefault("settings", {}).setdefault("reading", {})
        if veto is not None:
            reading["learned_veto"] = veto
        if values:
            reading.setdefault("thresholds", {}).update(values)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def print_changes(before: tq.Tally, after: tq.Tally) -> None:
    """The misses ``after`` no longer has (-) and those it has anew (+)."""
    old, new = set(before.notes), set(after.notes)
    for note in sorted(old - new):
        print(f"  - {note}")
    for note in sorted(new - old):
        print(f"  + {note}")


def _total(by_lang: dict[str, tq.Tally]) -> tq.Tally:
    total = tq.Tally()
    for lang in sorted(by_lang):
        total.add(by_lang[lang])
        total.notes.extend(by_lang[lang].notes)
    return total


def held_out(split: str, options: dict[str, Any], veto: float | None, fill: float | None,
             verbose: bool, agree: list[float | None] | None = None,
             dropdowns: bool = False) -> tuple[tq.Tally, list[tq.Tally]]:
    """``split``'s tallies without and with models trained on every other split (one
    "with" per ``agree`` threshold)."""
    agree = agree or [None]
    with tempfile.TemporaryDirectory() as tmp:
        root = _copy(Path(tmp), readers=dropdowns)
        set_reading(root, veto=veto, learned=fill)
        before = _total(tq.run(split, False, root))
        for name in WORKSPACES:
            tickets = [t for t in corpus(name) if t.get("split", "tune") != split]
            doc = train(load(root / name), tickets, source=f"all but {split}", folds=0,
                        **({"spans": False, "clauses": False} if dropdowns else {}), **options)
            if dropdowns:
                doc.update(_shipped_readers(name))
            (root / name / FILE).write_text(
                json.dumps(doc, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        afters = []
        for value in agree:
            set_reading(root, learned_agree=value)
            afters.append(_total(tq.run(split, False, root)))
    for value, after in zip(agree, afters, strict=True):
        name = split if value is None else f"{split} agree {value}"
        print(tq.before_after(name, before, after), flush=True)
        if verbose:
            print_changes(before, after)
    return before, afters


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    fresh = [s for s in tq.SPLITS if s.startswith("fresh") and s[5:].isdigit()
             and s != UNSEEN]
    parser.add_argument("--split", default=fresh[-1], choices=tq.SPLITS[1:])
    parser.add_argument("--each", action="store_true",
                        help="hold out fresh14 … the newest in turn, and sum")
    parser.add_argument("--since", type=int, default=14,
                        help="with --each, the first split held out (default fresh14)")
    parser.add_argument("--max-features", type=int, default=None, help="vocabulary cap")
    parser.add_argument("--budget", type=int, default=None,
                        help="largest file in bytes (default: the trainer's; 0: none)")
    parser.add_argument("--veto", type=float, default=None, help="settings.reading.learned_veto")
    parser.add_argument("--fill", type=float, default=None, help="thresholds.learned")
    parser.add_argument("--agree", default=None,
                        help="thresholds.learned_agree, or several: 0.5,0.6,0.7")
    parser.add_argument("--dropdowns", action="store_true",
                        help="train the dropdown model only; keep the shipped span and "
                             "clause readers")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv[1:])
    options: dict[str, Any] = {}
    if args.max_features is not None:
        options["max_features"] = args.max_features
    if args.budget is not None:
        options["budget"] = args.budget or None
    splits = [s for s in fresh if int(s[5:]) >= args.since] if args.each else [args.split]
    agree: list[float | None] = [float(v) for v in args.agree.split(",")] if args.agree \
        else [None]
    start = time.perf_counter()
    total_b, totals = tq.Tally(), [tq.Tally() for _ in agree]
    for split in splits:
        b, afters = held_out(split, options, args.veto, args.fill, args.verbose, agree,
                             args.dropdowns)
        total_b.add(b)
        for total, a in zip(totals, afters, strict=True):
            total.add(a)
    if len(splits) > 1:
        for value, total in zip(agree, totals, strict=True):
            print(tq.before_after("sum" if value is None else f"sum agree {value}",
                                  total_b, total))
    print(f"({len(splits)} split(s) held out, {time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
