"""``deskops learn LABELS.yaml...``: train the workspace's learned second opinion on
dropdowns (``learned.json``, see `integrations.learn.reader`)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from integrations.cli.main import App, pass_app
from integrations.errors import WorkspaceError

__all__ = ["learn"]


@click.command("learn")
@click.argument("labels", nargs=-1, required=True,
                type=click.Path(path_type=Path, exists=True, dir_okay=False))
@pass_app
def learn(app: App, labels: tuple[Path, ...]) -> None:
    """Train learned.json in the workspace from LABELS (labelled tickets, in the corpus
    YAML format of tests/data/triage), one model per dropdown field; prints per field its
    examples, classes and 5-fold cross-validated accuracy. Replaces any learned.json."""
    from integrations.learn.reader import read_labels, train_report
    from integrations.triage.reading.learned import FILE
    from integrations.workspace import check

    report = check(app.workspace, learned=False)  # a stale model is what this replaces
    if report.errors or report.workspace is None:
        raise WorkspaceError(report.errors)
    ws = report.workspace
    name = str(ws.settings.get("name") or ws.root.name)
    tickets = read_labels(labels, name)
    splits = sorted({str(t.get("split", "tune")) for t in tickets},
                    key=lambda s: (s.rstrip("0123456789"), len(s), s))
    source = f"{len(labels)} labels files ({', '.join(p.name for p in labels)}); " \
             f"splits {', '.join(splits)}"
    doc, summaries = train_report(ws, tickets, source=source)
    for s in summaries:
        if s.accuracy is None and s.note:
            click.echo(f"{s.key}: {s.note}")
            continue
        accuracy = "-" if s.accuracy is None else f"{100 * s.accuracy:.1f} %"
        click.echo(f"{s.key}: {s.examples} examples, {len(s.classes)} classes "
                   f"({', '.join(c or '(not stated)' for c in s.classes)}), "
                   f"5-fold accuracy {accuracy}")
    if "spans" in doc:
        spans = doc["spans"]
        click.echo(f"spans (name fields): {spans['positives']} values among "
                   f"{spans['examples']} candidate spans, fields {', '.join(spans['fields'])}")
    if "clauses" in doc:
        clauses = doc["clauses"]
        click.echo(f"clauses (free-text fields): {clauses['positives']} values among "
                   f"{clauses['examples']} candidate clauses, fields "
                   f"{', '.join(clauses['fields'])}")
    if not doc["fields"]:
        raise click.ClickException(f"nothing learned from {len(tickets)} tickets: no dropdown "
                                   "field has enough labelled examples; no file written")
    path = ws.root / FILE
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text + "\n", encoding="utf-8")
    click.echo(f"wrote {path} ({len(text) / 1e6:.2f} MB, {len(tickets)} tickets, "
               f"{len(doc['vocabulary'])} n-grams, fields {', '.join(doc['fields'])})")
