"""Triage quality on the labelled corpus (``tests/data/triage/*.yaml``).

Usage: ``python scripts/bench/triage_quality.py [--split SPLIT] [-v] [--examples DIR]``, SPLIT
one of each, all, tune, tune3, tune4, heldout, fresh, and fresh2 … freshN (one per writing
round; every ``*-freshN.yaml`` in the corpus is a split).

``fresh`` tickets were written after the first tuning ended, ``fresh2`` (the
``*-fresh2.yaml`` files) before the second pass changed any code, ``fresh3`` before the
third; none is tuned on. ``tune3`` holds the third pass's probes of the causes it attacks.
``fresh4`` (``*-fresh4.yaml``): written before the fourth pass was measured, vocabulary unseen.
``fresh5`` (``*-fresh5.yaml``) was written for the fifth pass without sight of the vocabulary.
``fresh6`` (``*-fresh6.yaml``): the fifth pass's final measure, written before its code ran on it.
``fresh7`` (``*-fresh7.yaml``): the sixth pass's final measure, written blind before it ran.
``tune4`` (``*-tune4.yaml``): written blind for the seventh pass (from the keyword-free
workspace summaries) and then tuned on: a probe of that pass, no longer a blind measure.
``fresh8`` (``*-fresh8.yaml``): written blind for the seventh pass; measured once (33.6 %
redundant), then tuned on by the eighth.
``fresh9`` (``*-fresh9.yaml``): written blind by the same writers while the eighth pass ran; its
measures before and after the seventh and eighth passes are in the files' headers.
``fresh10`` (``*-fresh10.yaml``): written blind the same way at the start of the ninth pass and
measured once on the code before it (the figures are in the files' headers).
``fresh11`` (``*-fresh11.yaml``): written blind the same way while the ninth pass ran, kept
unseen, and measured once at its start and end (the figures are in the files' headers).
``fresh12`` (``*-fresh12.yaml``): the same for the tenth pass (start and end in the headers;
``second-labeller/`` holds a second labeller's labels of it, `scripts/corpus/agreement.py`).
``fresh13`` (``*-fresh13.yaml``): written blind after the tenth pass, measured once after it and
once after its vocabulary round (both in the headers, with the session's start), then opened.
``fresh14`` (``*-fresh14.yaml``): written blind during the same session, measured once at its
start and once at its end (in the headers).
``fresh15`` (``*-fresh15.yaml``): written blind at the start of the next session, measured once
there and once after its first pass (in the headers), then opened.
``fresh16`` (``*-fresh16.yaml``): written blind after that first pass, measured at the session's
start, after its first pass and after its second (in the headers), then opened in the next
session. ``fresh17`` (``*-fresh17.yaml``): written blind at the start of that session, measured
there and after its pass on names and dropdowns (in the headers), then opened.
``fresh18`` (``*-fresh18.yaml``): written blind after that pass, measured with the session's
start and end code (in the headers), measured again at the next session's start, then opened.
``fresh19`` (``*-fresh19.yaml``): written blind at the start of that session, measured with
its start code and after its passes (in the headers), measured again at the next session's
start, then opened. ``fresh20`` (``*-fresh20.yaml``): written blind at the start of that next
session, kept unseen through its two rounds of passes, measured at both ends (in the headers),
then opened. ``fresh21`` (``*-fresh21.yaml``): written blind during its first round (more
personas, more indirect descriptions), measured before and after that round, then tuned on by
the second. ``fresh22`` (``*-fresh22.yaml``): written blind after the second round's start,
measured with the session's start and end code (in the headers), measured again at the next
session's start, then opened. ``fresh23`` (``*-fresh23.yaml``): written blind at the start of
that session, measured with its start code and with the learned second opinion trained without
it (in the headers), then opened and trained on. ``fresh24`` (``*-fresh24.yaml``): written blind
once the learned second opinion was built, measured with the session's start and end code (in
the headers), measured again at the next session's start, then opened and trained on.
``fresh25`` (``*-fresh25.yaml``): written blind at the start of that session, measured with its
start code and end code (in the headers: the same), measured again at the next session's start,
then opened and trained on. ``fresh26`` (``*-fresh26.yaml``): written blind at the start of that
session, measured with its start code and after fresh25's fixes, then opened and trained on.
``fresh27`` (``*-fresh27.yaml``): written blind in the same session with more personas, measured
at its start, after each round of fixes and with the span reader (in the headers), kept unseen
for the next session, measured again at its start, then opened. ``fresh29`` (``*-fresh29.yaml``):
written blind at the start of that session with other personas (elderly, dictated, formal on
someone's behalf, answers in fragments, pasted logs), measured once, then opened and tuned on.
``fresh28`` (``*-fresh28.yaml``): written blind just before fresh29 with the same brief, measured at
the session's start, after the fixes of fresh27 and fresh29 and with models trained without it
(in the headers), then opened late in that session. ``fresh30`` (``*-fresh30.yaml``): written
blind after them with the same brief, measured with the session's start and end code (in the
headers), kept unseen for the next session, measured again at its start, then opened.
``fresh31`` (``*-fresh31.yaml``): written blind at the start of session 15 with the same brief and
four more personas, measured at that session's start and end (in the headers), kept unseen for
the next session, measured again at its start, then opened. ``fresh32`` (``*-fresh32.yaml``):
written blind at the start of session 16 with five more personas, measured at its start (in the
headers), kept unseen for the next session, measured again at its start, then opened.
``fresh33`` (``*-fresh33.yaml``): written blind at the start of session 17 with six more personas,
measured at its start and after fresh32's fixes (in the headers), then opened.
``fresh34`` (``*-fresh34.yaml``): written blind in session 17 with the same brief before fresh33
was opened, measured then and after fresh33's fixes (in the headers), then opened.
``fresh35`` (``*-fresh35.yaml``): written blind after fresh34's fixes with the same brief,
measured with session 17's start and end code (in the headers), kept unseen, measured again
at session 18's start, then opened. ``fresh36`` (``*-fresh36.yaml``): written blind at session
18's start with six more personas, measured with its start code and after fresh35's fixes (in
the headers), kept unseen, measured again at session 19's start, then opened. ``fresh37``
(``*-fresh37.yaml``): written blind at session 19's start with six more personas, measured with
its start code and end code (in the headers), kept unseen, measured again at session 20's
start, then opened. ``fresh38`` (``*-fresh38.yaml``): written blind at session 20's start with
six more personas, measured with its start code and after fresh37's fixes (in the headers),
kept unseen, measured again at session 21's start, then opened. ``fresh39``
(``*-fresh39.yaml``): written blind at session 21's start with six more personas, measured with
its start code, after fresh38's fixes and with models trained on fresh38 (in the headers: all
the same), then opened. ``fresh40`` (``*-fresh40.yaml``): written blind in session 21 after
fresh38's fixes with six more personas, measured with the session's start code and after
those fixes (in the headers), kept unseen, measured again at session 22's start, then opened.
``fresh41`` (``*-fresh41.yaml``): written blind at session 22's start with six more personas,
measured with its start code (in the headers), kept unseen, measured again at session 23's
start, then opened. ``fresh42`` (``*-fresh42.yaml``): written blind at session 23's start with
six more personas, measured with its start code (in the headers), kept unseen; the example
workspaces' ``learned.json`` is trained on every split but this one.
``tune5`` (``*-tune5.yaml``, ``*-tune5b.yaml``): 360 tickets written in that session with
fresh31's brief by writers who never saw fresh31, as training data for the learned readers
(not a test of anything unseen). ``tune6`` (``*-tune6.yaml``, ``*-tune6b.yaml``): 240 tickets
written the same way in session 16 with fresh32's brief by writers who never saw fresh32.
``tune7`` (``*-tune7.yaml``): 120 more from the same brief, all in Korean. ``tune8``
(``*-tune8.yaml``, ``*-tune8b.yaml``): 240 written in session 18 with fresh36's brief by
writers who never saw fresh36, as training data. ``tune9`` (``*-tune9.yaml``, ``*-tune9b.yaml``):
240 more, written the same way at that session's end. ``tune10`` (``*-tune10.yaml``,
``*-tune10b.yaml``): 240 written in session 19 with fresh37's brief by writers who never saw
fresh37, as training data. ``tune11`` (``*-tune11.yaml``, ``*-tune11b.yaml``): 240 written in
session 22 with fresh41's brief by writers who never saw fresh41, as training data. ``tune12``
(``*-tune12.yaml``): 120 written in session 23 with fresh42's brief by writers who never saw
fresh42, as training data.

Each ticket is decided by the pure core against its example workspace, and compared with
its labels (what the text states, what a careful agent would ask, the group it should
reach). Printed overall and per language:

- redundant-ask rate: items asked although the ticket states them / items asked;
- missed-ask rate: items a careful agent would ask that deskops did not / items to ask;
- wrong-value rate: values written that the labels do not support / values written;
- route accuracy: tickets whose group is the labelled one / tickets.

Targets (issue 10): redundant ≤ 3 %, missed ≤ 3 %, wrong ≤ 1 %, routes ≥ 95 %.
``-v`` lists every miss, per ticket.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

from integrations.learn.reader import supported as _supported
from integrations.model import Ticket, TicketComment
from integrations.triage import Decision, TriageContext, decide, load_rules
from integrations.workspace import load

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "triage"
EXAMPLES = ROOT / "schemas" / "examples"


def _fresh_splits() -> list[str]:
    """``freshN`` for every N with a file in the corpus, in writing order (by number)."""
    numbers = {int(m.group(1)) for p in CORPUS.glob("*-fresh*.yaml")
               if (m := re.search(r"-fresh(\d+)\.yaml$", p.name))}
    return [f"fresh{n}" for n in sorted(numbers)]


SPLITS = ("all", "tune", "tune3", "tune4", "tune5", "tune6", "tune7", "tune8", "tune9", "tune10",
          "tune11", "tune12", "heldout", "fresh", *_fresh_splits())


@dataclass
class Tally:
    asked: int = 0
    redundant: int = 0
    to_ask: int = 0
    missed: int = 0
    written: int = 0
    wrong: int = 0
    tickets: int = 0
    routed_right: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("asked", "redundant", "to_ask", "missed", "written", "wrong", "tickets",
                     "routed_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _context(workspace: str, examples: Path = EXAMPLES) -> TriageContext:
    ws = load(examples / workspace)
    rules = load_rules(ws.root, ws)
    groups = sorted({r.group for r in rules.rules if r.group})
    return TriageContext.build(
        ws, field_ids={1000 + i: k for i, k in enumerate(sorted(ws.fields))},
        form_ids={2000 + i: k for i, k in enumerate(sorted(ws.forms))},
        group_ids={g: 3000 + i for i, g in enumerate(groups)}, rules=rules,
        self_author_ids=[1], mode="shadow")


def _ticket(n: int, item: dict[str, Any], ctx: TriageContext, created: datetime) -> Ticket:
    field_ids = {k: rid for rid, k in ctx.field_ids.items()}
    form_ids = {k: rid for rid, k in ctx.form_ids.items()}
    requester = 10_000 + n
    comments = [TicketComment(id=1, author_id=requester, public=True, body=item["body"],
                              created_at=created, from_requester=True,
                              attachments=tuple(item.get("attachments", ())))]
    for i, reply in enumerate(item.get("replies", ())):
        comments.append(TicketComment(
            id=2 + i, author_id=requester, public=True, body=reply,
            created_at=created + timedelta(hours=1 + i), from_requester=True,
            attachments=tuple(item.get("reply_attachments", ()))))
    return Ticket(
        id=n, subject=item["subject"], description=item["body"], status="new",
        updated_at=created, requester_id=requester,
        requester_domain=item.get("requester_domain"),
        form_id=form_ids[item["form"]] if item.get("form") else None,
        fields={field_ids[k]: v for k, v in dict(item.get("fields") or {}).items()},
        attachments=tuple(item.get("attachments", ())), comments=tuple(comments),
        channel="web" if item.get("form") else "email")


def _group(decision: Decision) -> str | None:
    group = None
    for m in decision.rules:
        group = m.group or group
    return group


def score(item: dict[str, Any], decision: Decision) -> Tally:
    t = Tally(tickets=1)
    states = dict(item.get("states") or {})
    given = set(dict(item.get("fields") or {}))
    expected = set(item.get("ask") or ())
    asked = {m.key for m in decision.missing} if decision.kind == "ask" else set()
    redundant = asked & (set(states) | given)
    missed = expected - asked
    wrong = [e for e in decision.extracted
             if e.key not in states or not _supported(e.value, states[e.key])]
    t.asked, t.redundant = len(asked), len(redundant)
    t.to_ask, t.missed = len(expected), len(missed)
    t.written, t.wrong = len(decision.extracted), len(wrong)
    route_ok = _group(decision) == item.get("route")
    t.routed_right = int(route_ok)
    tid = item["id"]
    t.notes.extend(f"{tid}: redundant ask {k}" for k in sorted(redundant))
    t.notes.extend(f"{tid}: missed ask {k}" for k in sorted(missed))
    t.notes.extend(f"{tid}: wrong value {e.key}={e.value!r} (label {states.get(e.key)!r})"
                   for e in wrong)
    if not route_ok:
        t.notes.append(f"{tid}: route {_group(decision)!r}, label {item.get('route')!r}")
    return t


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f} %" if whole else "    - "


def before_after(name: str, a: Tally, b: Tally) -> str:
    """One line comparing two runs on the same tickets (``a`` before, ``b`` after), for the
    corpus scripts that score a change of the examples (`scripts/corpus/`)."""
    def pct(part: int, whole: int) -> str:
        return f"{100 * part / whole:.1f}" if whole else "-"

    return (f"{name:<8} {a.tickets:>4}  redundant {pct(a.redundant, a.asked)} "
            f"({a.redundant}/{a.asked}) → {pct(b.redundant, b.asked)} ({b.redundant}/{b.asked})"
            f" %  missed {pct(a.missed, a.to_ask)} ({a.missed}/{a.to_ask}) → "
            f"{pct(b.missed, b.to_ask)} ({b.missed}/{b.to_ask}) %  wrong "
            f"{pct(a.wrong, a.written)} ({a.wrong}/{a.written}) → {pct(b.wrong, b.written)} "
            f"({b.wrong}/{b.written}) %  routes {pct(a.routed_right, a.tickets)} → "
            f"{pct(b.routed_right, b.tickets)} %")


def _line(name: str, t: Tally) -> str:
    return (f"{name:<8} {t.tickets:>4}  redundant {_pct(t.redundant, t.asked)} "
            f"({t.redundant}/{t.asked})  missed {_pct(t.missed, t.to_ask)} "
            f"({t.missed}/{t.to_ask})  wrong {_pct(t.wrong, t.written)} "
            f"({t.wrong}/{t.written})  routes {_pct(t.routed_right, t.tickets)}")


def run(split: str, verbose: bool, examples: Path = EXAMPLES) -> dict[str, Tally]:
    """Per language, the tallies of ``split`` decided against the workspaces in
    ``examples`` (another folder: a learned copy of them, ``learn_transfer.py``)."""
    by_lang: dict[str, Tally] = defaultdict(Tally)
    contexts: dict[str, TriageContext] = {}  # one per workspace: loading one takes 0.1-0.9 s
    n = 0
    for path in sorted(CORPUS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        ctx = contexts.get(data["workspace"]) or contexts.setdefault(
            data["workspace"], _context(data["workspace"], examples))
        created = datetime.fromisoformat(data["created"])
        for item in data["tickets"]:
            if split != "all" and item.get("split", "tune") != split:
                continue
            n += 1
            decision = decide(_ticket(n, item, ctx, created), ctx)
            tally = score(item, decision)
            by_lang[item["lang"]].add(tally)
            by_lang[item["lang"]].notes.extend(tally.notes)
    return by_lang


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["each", *SPLITS], default="all",
                        help="`each`: every split in turn, then all")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--examples", type=Path, default=EXAMPLES,
                        help="folder of the example workspaces (default schemas/examples)")
    args = parser.parse_args(argv[1:])
    for split in (*SPLITS[1:], "all") if args.split == "each" else (args.split,):
        report(split, args.verbose, args.examples)
    return 0


def report(split: str, verbose: bool, examples: Path = EXAMPLES) -> None:
    by_lang = run(split, verbose, examples)
    total = Tally()
    print(f"triage quality, corpus {CORPUS.relative_to(ROOT)}, split {split}")
    for lang in sorted(by_lang):
        total.add(by_lang[lang])
        print(_line(lang, by_lang[lang]))
    print(_line("overall", total))
    print("targets: redundant <= 3 %, missed <= 3 %, wrong <= 1 %, routes >= 95 %")
    if verbose:
        for lang in sorted(by_lang):
            for note in by_lang[lang].notes:
                print("  " + note)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
