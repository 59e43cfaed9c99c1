"""``deskops suggest``: option keywords learned from the helpdesk's solved tickets.

Reads the history (`integrations.helpdesk.history`: bounded by ``--max-tickets``,
resumable with ``--resume`` from the checkpoint in the state folder, progress on stderr)
and the requester's first reply of each ticket read (not with ``--no-replies``; a run
stopped inside the reply read resumes it where it stopped, reading the tickets again,
since their text was never kept, but not the replies already read),
learns and measures (`integrations.learn`), prints a table per field or ``--json``, and with
``--write`` adds the proposals to the field schema files, prints their diff and checks the
workspace still validates (else the files are put back). Requester text stays in memory:
nothing of it is printed or written, only counts and keywords several tickets share.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import click

from integrations.cli.main import App, pass_app
from integrations.errors import ConfigError, WorkspaceError

__all__ = ["suggest"]

_SINCE = re.compile(r"^(\d+)([dw])$")


def parse_since(value: str, now: datetime) -> datetime:
    """``180d``, ``26w`` or a date (``2026-01-31``) → the earliest creation time read."""
    m = _SINCE.match(value.strip())
    if m:
        n = int(m.group(1)) * (7 if m.group(2) == "w" else 1)
        return now - timedelta(days=n)
    try:
        return datetime.strptime(value.strip(), "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        raise click.BadParameter(f"{value!r}: use a number of days (180d), weeks (26w) or a "
                                 "date (2026-01-31)", param_hint="--since") from None


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}%"


def _table(reports: list[Any]) -> str:
    lines: list[str] = []
    for r in reports:
        lines.append(r.key if r.key.startswith("rule: ") else f"field {r.key}")
        for loc in r.locales:
            lines.append(f"  {loc.locale:6} held back {loc.held_back:5}  precision "
                         f"{_pct(loc.before.precision)} → {_pct(loc.after.precision)}  recall "
                         f"{_pct(loc.before.recall)} → {_pct(loc.after.recall)}"
                         + ("" if loc.reviewed is None else
                            f"  (without the flagged keywords: precision "
                            f"{_pct(loc.reviewed.precision)}, recall "
                            f"{_pct(loc.reviewed.recall)})"))
        if not r.proposals:
            lines.append("  no keyword to propose")
        else:
            lines.append(f"  {'option':18} {'locale':6} {'support':>7} {'precision':>9} "
                         f"{'recall +':>8}  keywords")
            for p in r.proposals:
                lines.append(f"  {p.option:18} {p.locale:6} {p.support:7} "
                             f"{_pct(p.precision):>9} {100 * p.recall_gain:+7.1f}  "
                             f"{', '.join(p.keywords)}")
        if r.review:
            lines.append("  review: today's keywords that misfire on the held-back slice "
                         "(never removed by suggest; a person may remove them)")
            lines.append(f"  {'option':18} {'locale':6} {'found':>7} {'right':>7} "
                         f"{'precision':>9}  keyword")
            for v in r.review:
                lines.append(f"  {v.option:18} {v.locale:6} {v.found:7} {v.right:7} "
                             f"{_pct(v.precision):>9}  {v.keyword}")
        lines.extend(f"  note: {n}" for n in r.notes)
    return "\n".join(lines)


def _json(reports: list[Any], read: int, calls: int, seconds: float,
          replies: Any) -> dict[str, Any]:
    def score(s: Any) -> dict[str, Any] | None:
        if s is None:
            return None
        return {"tickets": s.tickets, "inferred": s.inferred, "right": s.right,
                "precision": round(s.precision, 4), "recall": round(s.recall, 4)}

    return {"tickets_read": read, "api_calls": calls, "read_seconds": round(seconds, 2),
            "replies": None if replies is None else {
                "read": len(replies.texts), "api_calls": replies.calls,
                "ticket_events": replies.events},
            "fields": [
        {"field": r.key, "kind": "rule" if r.key.startswith("rule: ") else "dropdown",
         "locales": [{"locale": loc.locale, "held_back": loc.held_back,
                      "before": score(loc.before), "after": score(loc.after),
                      "after_without_flagged": score(loc.reviewed),
                      "positives": {o: dict(zip(("train", "choosing", "held_back"), n,
                                                strict=True))
                                    for o, n in loc.positives.items()},
                      "rejected": dict(loc.rejected)}
                     for loc in r.locales],
         "proposals": [{"option": p.option, "locale": p.locale, "keywords": list(p.keywords),
                        "support": p.support, "precision": round(p.precision, 4),
                        "recall_gain": round(p.recall_gain, 4)} for p in r.proposals],
         "review": [{"option": v.option, "locale": v.locale, "keyword": v.keyword,
                     "found": v.found, "right": v.right, "precision": round(v.precision, 4)}
                    for v in r.review],
         "notes": list(r.notes)}
        for r in reports]}


@click.command("suggest")
@click.option("--since", default="180d", show_default=True,
              help="How far back to read solved tickets: 180d, 26w or a date.")
@click.option("--field", "fields", multiple=True, metavar="KEY",
              help="Only these dropdown fields (repeatable; default: every dropdown and "
              "every rule with keyword conditions).")
@click.option("--write", is_flag=True, help="Add the proposed keywords to the field files "
              "and rules.json, and print the diff.")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@click.option("--max-tickets", default=20_000, show_default=True, type=click.IntRange(1),
              help="Read at most this many tickets.")
@click.option("--resume", is_flag=True, help="Continue the previous read from its "
              "checkpoint instead of starting over.")
@click.option("--no-replies", is_flag=True, help="Do not read the requester's first reply "
              "(Freshdesk: it costs one call per ticket; Zendesk: a few export pages).")
@click.option("--min-precision", default=0.95, show_default=True,
              type=click.FloatRange(0.5, 1.0),
              help="Lowest precision a proposal may leave (never below the workspace's "
              "option threshold).")
@click.option("--env", "environment", default=None, metavar="NAME",
              help="Lock file environment (default: DESKOPS_ENVIRONMENT, else the target).")
@pass_app
def suggest(app: App, since: str, fields: tuple[str, ...], write: bool, as_json: bool,
            max_tickets: int, resume: bool, no_replies: bool, min_precision: float,
            environment: str | None) -> None:
    """Learn option and rule keywords from solved tickets, measured before proposing them."""
    try:
        from integrations.learn import build_examples, keyword_rules, suggest_rule
        from integrations.learn import suggest as learn
    except ImportError as exc:
        raise ConfigError(f"deskops suggest needs scikit-learn ({exc.name} is missing): "
                          "pip install 'deskops[learn]'") from exc
    from integrations.helpdesk.history import Checkpoint, read_history, read_replies
    from integrations.helpdesk.tickets import connect_tickets
    from integrations.plan import choice_values
    from integrations.plan._lock import LockFile, lock_path
    from integrations.triage import load_rules
    from integrations.workspace import load

    now = datetime.now(UTC)
    start = parse_since(since, now)
    target = app.target_name()
    workspace = load(app.workspace, target)
    rules = load_rules(app.workspace, workspace)
    threshold = float(rules.settings.reading.thresholds.get("option", 0.8))
    dropdowns = [k for k, f in workspace.fields.items() if f.kind == "dropdown"]
    unknown = [k for k in fields if k not in dropdowns]
    if unknown:
        raise click.BadParameter(f"{', '.join(unknown)}: not a dropdown field of the "
                                 f"workspace (dropdowns: {', '.join(sorted(dropdowns))})",
                                 param_hint="--field")
    keys = list(fields) or dropdowns
    env = app.environment(environment)
    lock = LockFile.load(lock_path(app.workspace, env), environment=env, target=target)
    field_ids = {k: lock.fields[k].id for k in keys if k in lock.fields}
    if not field_ids:
        raise ConfigError(f"no field of {', '.join(keys)} is in locks/{env}.json: run "
                          "'deskops apply' first, so ticket values can be matched to fields")
    path = app.settings.state_dir / "suggest" / f"{env}.json"
    checkpoint = Checkpoint.load(path, target, start.strftime("%Y-%m-%d")) if resume else \
        Checkpoint(path, target, start.strftime("%Y-%m-%d"))

    def progress(read: int, calls: int) -> None:
        click.echo(f"reading solved tickets: {read} read, {calls} API calls", err=True)

    if checkpoint.in_replies and not no_replies:
        checkpoint.reread()  # the tickets again (no text is kept); the replies go on
    else:
        checkpoint.reset_replies()  # this run's tickets need all their replies
    started = time.perf_counter()
    with connect_tickets(app.settings, target) as desk:
        # Freshdesk tickets hold a dropdown's title: read them as option keys
        desk.use_choices(choice_values(workspace, {lock.fields[k].id: k for k in lock.fields}))
        history = list(read_history(desk, start, limit=max_tickets, checkpoint=checkpoint,
                                    progress=progress, now=now))
        replies = None
        if not no_replies:
            def replied(found: int, calls: int) -> None:
                click.echo(f"reading first replies: {found} found, {calls} API calls", err=True)

            replies = read_replies(desk, start, history, progress=replied, now=now,
                                   checkpoint=checkpoint)
            history = [replace(t, reply=replies.texts.get(t.id, "")) for t in history]
    rule_targets = [] if fields else keyword_rules(rules.rules)
    read_seconds = time.perf_counter() - started
    examples = build_examples(history, workspace, field_ids, keys, rule_targets)
    del history
    floor = max(min_precision, threshold)
    reports = [learn(workspace.fields[k], examples, threshold=threshold, min_precision=floor)
               for k in keys if k in field_ids]
    reports += [suggest_rule(r.name, r.keywords, examples, min_precision=floor)
                for r in rule_targets]
    if as_json:
        click.echo(json.dumps(_json(reports, checkpoint.read, checkpoint.calls, read_seconds,
                                    replies), ensure_ascii=False, indent=2))
    else:
        said = "" if replies is None else \
            f", {len(replies.texts)} first replies ({replies.calls} API calls)"
        click.echo(f"{checkpoint.read} solved tickets read ({checkpoint.calls} API calls, "
                   f"{read_seconds:.1f}s){said}, "
                   f"{len(examples)} with an agent's value; proposals keep precision ≥ "
                   f"{100 * floor:.0f}% on the held-back slice")
        click.echo(_table(reports))
    if write:
        _write(app, reports, target)


def _write(app: App, reports: list[Any], target: str) -> None:
    """Add the keywords, print the diff, and put the files back if the workspace no longer
    loads (never leave a broken workspace)."""
    from integrations.learn.edit import add_keywords, add_rule_keywords, diff
    from integrations.triage import load_rules
    from integrations.workspace import load

    workspace = load(app.workspace, target)
    before: dict[str, str] = {}
    for r in reports:
        extra = r.keywords()
        if not extra:
            continue
        rule = r.key.removeprefix("rule: ") if r.key.startswith("rule: ") else None
        rel = "rules.json" if rule is not None else workspace.fields[r.key].source
        file = app.workspace / rel
        text = file.read_text(encoding="utf-8")
        new = (add_rule_keywords(text, rule, extra.get("yes", {})) if rule is not None
               else add_keywords(text, extra))
        if new != text:
            before[rel] = text
            file.write_text(new, encoding="utf-8")
            click.echo(diff(rel, text, new), nl=False)
    try:
        load_rules(app.workspace, load(app.workspace, target))
    except WorkspaceError:
        for rel, text in before.items():
            (app.workspace / rel).write_text(text, encoding="utf-8")
        raise
    if not before:
        click.echo("nothing to write: no new keyword", err=True)
