"""What deskops did: figures from the event store, for `deskops report` and the dashboard.

`build` reads one window: it first reads the audits of newly finished events into the
store's fact columns (`events.summary.project_facts`, once per event), then lets the store
sum the window (`window_sums`); `figures.assemble` (pure) turns the sums into `Figures`;
`render` turns figures into text, JSON or one self-contained HTML page.
"""

from __future__ import annotations

from integrations.events import EventStore
from integrations.events.history import receiver_counts
from integrations.events.summary import project_facts, window_sums
from integrations.report.figures import Figures, assemble, fact_columns, parse_audit
from integrations.report.render import render_html, render_json, render_text

__all__ = ["Figures", "assemble", "build", "parse_audit", "render_html", "render_json",
           "render_text"]


def build(store: EventStore, since: float, until: float) -> Figures:
    """The figures of events received in ``[since, until)`` (epoch seconds)."""
    project_facts(store, since, until, fact_columns)
    return assemble(window_sums(store, since, until), receiver_counts(store, since, until),
                    since=since, until=until)
