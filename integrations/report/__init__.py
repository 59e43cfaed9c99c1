"""What deskops did: figures from the event store, for `deskops report` and the dashboard.

`figures.compute` is pure (stored rows in, `Figures` out); `build` reads one window from a
store; `render` turns figures into text, JSON or one self-contained HTML page.
"""

from __future__ import annotations

from collections.abc import Callable

from integrations.events import EventStore
from integrations.events.history import WindowRow, receiver_counts, window_rows
from integrations.report.figures import (
    Facts,
    FactsCache,
    Figures,
    compute,
    parse_audit,
    row_facts,
)
from integrations.report.render import render_html, render_json, render_text

__all__ = ["FactsCache", "Figures", "build", "compute", "parse_audit", "render_html", "render_json",
           "render_text"]


def build(store: EventStore, since: float, until: float,
          facts: Callable[[WindowRow], Facts | None] = row_facts) -> Figures:
    """The figures of events received in ``[since, until)`` (epoch seconds)."""
    return compute(window_rows(store, since, until), receiver_counts(store, since, until),
                   since=since, until=until, facts=facts)
