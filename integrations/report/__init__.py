"""What deskops did: figures from the event store, for `deskops report` and the dashboard.

`figures.compute` is pure (stored rows in, `Figures` out); `build` reads one window from a
store; `render` turns figures into text, JSON or one self-contained HTML page.
"""

from __future__ import annotations

from integrations.events import EventStore
from integrations.events.history import receiver_counts, window_rows
from integrations.report.figures import Figures, compute, parse_audit
from integrations.report.render import render_html, render_json, render_text

__all__ = ["Figures", "build", "compute", "parse_audit", "render_html", "render_json",
           "render_text"]


def build(store: EventStore, since: float, until: float) -> Figures:
    """The figures of events received in ``[since, until)`` (epoch seconds)."""
    return compute(window_rows(store, since, until), receiver_counts(store, since, until),
                   since=since, until=until)
