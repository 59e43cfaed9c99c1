"""Does `deskops suggest`'s learning, fed the labelled corpus as a help desk's history, make
triage better on a split nobody tuned on?

Usage: ``python scripts/corpus/learn_transfer.py [--hold fresh19] [--min-precision 0.95]
[--labels both|states] [--min-examples N] [--also SPLIT…] [-v]``.

For each example workspace, every corpus ticket (``tests/data/triage/*.yaml``) of the splits
written before the held-out one becomes a solved ticket: its texts are the subject, body and
replies; its dropdown values are the labelled ``states`` and the portal-picked ``fields``;
its locale is what the product's own `learn.build_examples` detects among the workspace's locales (a
pt-br ticket in an en/fr/ko workspace lands where the detector puts it, as it would on a
real help desk). Time order (``created_at``, which the 40/40/20 split of `learn.suggest`
follows): by split, in the order they were written (``tune``/``heldout`` first, then
``fresh``, ``fresh2`` … with ``tuneN`` beside ``freshN``), and within a split the files' own
ticket order. `learn.suggest` runs per dropdown at the workspace's option threshold and
``max(--min-precision, threshold)`` as `deskops suggest` does; a keyword rule is learned
only where its labels are plain (it is the only rule setting its group: it "should fire"
when the labelled route is that group; the corpus has no agents' tags). The proposals are
written with `learn.add_keywords` / `add_rule_keywords` into a temporary copy of
``schemas/examples``, and the held-out split is scored by ``triage_quality`` against the
original and the learned copy. Pure: no sandbox, no network.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import triage_quality as tq

from integrations.learn import (
    FieldReport,
    build_examples,
    keyword_rules,
    propose,
    suggest,
    suggest_rule,
)
from integrations.learn.edit import add_keywords, add_rule_keywords
from integrations.triage import load_rules
from integrations.workspace import load

WORKSPACES = ("ad-network", "game-publisher", "streaming-platform")


@dataclass
class History:
    """A corpus ticket as `build_examples` reads a solved one (fields by remote id)."""

    id: int
    created_at: str
    subject: str
    body: str
    replies: tuple[str, ...]
    fields: dict[int, Any] = field(default_factory=dict)
    tags: tuple[str, ...] = ()

    def texts(self) -> list[str]:
        return [t for t in (self.subject, self.body, *self.replies) if t]


def _rank(split: str) -> float:
    """When a split was written, relative to the others (see the module docstring)."""
    if split in ("tune", "heldout"):
        return 0.0
    if split == "fresh":
        return 1.0
    m = re.fullmatch(r"(fresh|tune)(\d+)", split)
    if m is None:
        return 99.0
    return int(m.group(2)) + (0.5 if m.group(1) == "tune" else 0.0)


def _items(workspace: str, hold: str) -> list[dict[str, Any]]:
    """The workspace's corpus tickets written before ``hold``, oldest split first: history
    comes before the tickets it is judged on, and a split kept unseen (the latest) is never
    learned from."""
    found: list[tuple[float, int, dict[str, Any]]] = []
    for path in sorted(tq.CORPUS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data["workspace"] != workspace:
            continue
        for item in data["tickets"]:
            split = item.get("split", "tune")
            if _rank(split) < _rank(hold):
                found.append((_rank(split), len(found), item))
    found.sort(key=lambda x: (x[0], x[1]))
    return [item for _, _, item in found]


def _group_rules(rules: Sequence[Any]) -> dict[str, str]:
    """Keyword rules whose firing the corpus labels plainly: rule name → the group only it
    sets."""
    out = {}
    for r in keyword_rules(rules):
        rule = next(x for x in rules if x.name == r.name)
        if rule.group and sum(1 for x in rules if x.group == rule.group) == 1:
            out[r.name] = rule.group
    return out


def learn(workspace: str, root: Path, hold: str, min_precision: float, labels: str = "both"
          ) -> tuple[list[FieldReport], Counter[tuple[str, str]]]:
    """Learn on the corpus written before ``hold`` and write the proposals into ``root`` (a copy
    of the workspace); the reports and the count of tickets per (lang, locale).
    ``labels="states"`` leaves out the portal-picked ``fields``: a value picked from a
    form need not be written anywhere in the text, so it is a noisy label for keywords."""
    ws = load(root)
    rules = load_rules(root, ws)
    threshold = float(rules.settings.reading.thresholds.get("option", 0.8))
    floor = max(min_precision, threshold)
    keys = sorted(k for k, f in ws.fields.items() if f.kind == "dropdown")
    field_ids = {k: 100 + i for i, k in enumerate(keys)}
    plain = _group_rules(rules.rules)
    targets = [r for r in keyword_rules(rules.rules) if r.name in plain]
    items = _items(workspace, hold)
    history = []
    for n, item in enumerate(items):
        values = dict(item.get("states") or {})
        if labels == "both":
            values.update(dict(item.get("fields") or {}))
        route_tags = tuple(t for r in targets if item.get("route") == plain[r.name]
                           for t in r.tags)
        history.append(History(
            n, f"{n:06d}", item["subject"], item["body"], tuple(item.get("replies", ())),
            {field_ids[k]: v for k, v in values.items() if k in field_ids}, route_tags))
    examples = build_examples(history, ws, field_ids, keys, targets)
    langs = {n: item["lang"] for n, item in enumerate(items)}
    mapped = Counter((langs[e.id], e.locale) for e in examples)
    reports = [suggest(ws.fields[k], examples, threshold=threshold, min_precision=floor)
               for k in keys]
    reports += [suggest_rule(r.name, r.keywords, examples, min_precision=floor)
                for r in targets]
    _write(root, ws, reports)
    load_rules(root, load(root))  # the learned copy must still load
    return reports, mapped


def _write(root: Path, ws: Any, reports: Sequence[FieldReport]) -> None:
    """The proposals into the copy's files, as ``deskops suggest --write`` does."""
    for r in reports:
        extra = r.keywords()
        if not extra:
            continue
        rule = r.key.removeprefix("rule: ") if r.key.startswith("rule: ") else None
        file = root / ("rules.json" if rule is not None else ws.fields[r.key].source)
        text = file.read_text(encoding="utf-8")
        new = (add_rule_keywords(text, rule, extra.get("yes", {})) if rule is not None
               else add_keywords(text, extra))
        file.write_text(new, encoding="utf-8")


def _print_reports(workspace: str, reports: Sequence[FieldReport],
                   mapped: Counter[tuple[str, str]]) -> None:
    print(f"\n== {workspace}: {sum(mapped.values())} training tickets with a value; "
          "lang→locale " + ", ".join(f"{a}→{b} {n}" for (a, b), n in sorted(mapped.items())))
    for r in reports:
        cells = Counter(p.locale for p in r.proposals for _ in p.keywords)
        learned = [loc.locale for loc in r.locales]
        skipped = len([n for n in r.notes if "not enough examples" in n])
        head = (f"  {r.key}: learned in {','.join(learned) or 'no locale'}; keywords "
                + (", ".join(f"{loc} {n}" for loc, n in sorted(cells.items())) or "none")
                + (f"; {skipped} notes 'not enough examples'" if skipped else ""))
        print(head)
        for loc in r.locales:
            print(f"    {loc.locale}: held-back {loc.held_back}, precision "
                  f"{100 * loc.before.precision:.0f}→{100 * loc.after.precision:.0f} %, recall "
                  f"{100 * loc.before.recall:.0f}→{100 * loc.after.recall:.0f} %; rejected "
                  + ", ".join(f"{k} {v}" for k, v in loc.rejected.items()))
        short = [n for n in r.notes if n.split(":", 1)[0] in {"en", "fr", "ko", "pt-br"}]
        if short:
            print("    too few: " + "; ".join(n.split(": not enough examples: ")[0] + " "
                                          + n.split(": ")[-1].split(" tickets")[0]
                                          for n in short))
        for v in r.review[:4]:
            print(f"    review (today's keyword misfires): {v.option} ({v.locale}) "
                  f"{v.keyword!r} right {v.right}/{v.found}")
        for p in r.proposals[:4]:
            print(f"    + {p.option} ({p.locale}): {', '.join(p.keywords[:5])}"
                  f"{' …' if len(p.keywords) > 5 else ''}")


def _kinds(by_lang: dict[str, tq.Tally]) -> Counter[tuple[str, str]]:
    """The held-out misses by (what, field kind): how many a dropdown keyword could touch."""
    kinds: dict[str, str] = {}
    for name in WORKSPACES:
        for k, f in load(tq.EXAMPLES / name).fields.items():
            kinds[k] = "dropdown" if f.kind == "dropdown" else kinds.get(k, "other")
    out: Counter[tuple[str, str]] = Counter()
    for tally in by_lang.values():
        for note in tally.notes:
            m = re.match(r"[^:]+: (redundant ask|missed ask|wrong value) (\w+)", note)
            if m:
                out[(m.group(1), kinds.get(m.group(2), "other"))] += 1
            elif ": route " in note:
                out[("route", "-")] += 1
    return out


def _report(split: str, before: dict[str, tq.Tally], after: dict[str, tq.Tally],
            verbose: bool) -> None:
    total_b, total_a = tq.Tally(), tq.Tally()
    for lang in sorted(before):
        total_b.add(before[lang])
        total_a.add(after[lang])
        print(tq.before_after(lang, before[lang], after[lang]))
    print(tq.before_after("overall", total_b, total_a))
    print("  misses before, by field kind: " + ", ".join(
        f"{what} {kind} {n}" for (what, kind), n in sorted(_kinds(before).items())))
    if verbose:
        for lang in sorted(before):
            old, new = set(before[lang].notes), set(after[lang].notes)
            for note in sorted(old - new):
                print(f"  - {note}")
            for note in sorted(new - old):
                print(f"  + {note}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hold", default=tq.SPLITS[-1], choices=tq.SPLITS[1:],
                        help="the split learned without and scored on (default: the latest, "
                        "kept unseen)")
    parser.add_argument("--min-precision", type=float, default=0.95)
    parser.add_argument("--labels", choices=("both", "states"), default="both",
                        help="dropdown labels: states and picked fields, or states only")
    parser.add_argument("--min-examples", type=int, default=propose.MIN_EXAMPLES,
                        help="what-if: fewest tickets with a value a locale needs to be "
                        f"learned from (the product's {propose.MIN_EXAMPLES})")
    parser.add_argument("--also", nargs="*", default=[], choices=tq.SPLITS,
                        help="splits also scored (learned on: in-sample, a check for new "
                        "wrong values, not a measure of transfer)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="list the held-out notes that changed")
    args = parser.parse_args(argv[1:])
    propose.MIN_EXAMPLES = args.min_examples  # a what-if of this process only
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        learned = Path(tmp) / "examples"
        shutil.copytree(tq.EXAMPLES, learned)
        for name in WORKSPACES:
            reports, mapped = learn(name, learned / name, args.hold, args.min_precision,
                                    args.labels)
            _print_reports(name, reports, mapped)
        learn_s = time.perf_counter() - started
        scored = [(split, tq.run(split, False), tq.run(split, False, learned))
                  for split in (args.hold, *args.also)]
    print(f"\nheld-out split {args.hold}, labels {args.labels}, min examples "
          f"{args.min_examples}, original → learned workspaces (learning {learn_s:.0f}s, "
          f"total {time.perf_counter() - started:.0f}s)")
    for split, before, after in scored:
        if split != args.hold:
            print(f"\nsplit {split} (holds training tickets: in-sample, not transfer)")
        _report(split, before, after, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
