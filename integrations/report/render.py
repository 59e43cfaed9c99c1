"""The figures as text (terminal, cron mail), JSON, and one self-contained HTML page.

The HTML page is the dashboard's overview too: a Jinja2 template (autoescaped) with inline
CSS and inline SVG charts, no script and no external request, readable on a phone.
"""

from __future__ import annotations

import json
import time
from typing import Any

import jinja2
from markupsafe import Markup

from integrations.report.figures import Figures
from integrations.report.svg import bars, columns

__all__ = ["environment", "human_seconds", "render_html", "render_json", "render_text", "when"]


def when(epoch: float | None) -> str:
    if epoch is None:
        return "-"
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(epoch))


def human_seconds(value: float | int | None) -> str:
    if value is None:
        return "-"
    seconds = float(value)
    for unit, size in (("d", 86400.0), ("h", 3600.0), ("m", 60.0)):
        if seconds >= size:
            return f"{seconds / size:.1f} {unit}"
    return f"{seconds:.0f} s"


def environment() -> jinja2.Environment:
    """The templates of the report and the dashboard, autoescaped. Stored audits of older
    versions may lack a key: it renders empty (`ChainableUndefined`), never an error."""
    env = jinja2.Environment(loader=jinja2.PackageLoader("integrations.report", "templates"),
                             autoescape=True, undefined=jinja2.ChainableUndefined)
    env.filters["when"] = when
    env.filters["seconds"] = human_seconds
    env.globals["bars"] = lambda *a, **k: Markup(bars(*a, **k))
    env.globals["columns"] = lambda *a, **k: Markup(columns(*a, **k))
    return env


def render_html(figures: Figures, *, title: str, **extra: Any) -> str:
    """The whole report as one HTML document (``extra``: the dashboard's links and token)."""
    return environment().get_template("report.html").render(
        **{"f": figures, "title": title, "dashboard": False, "csrf": None, "root": "/", **extra})


def render_json(figures: Figures, *, title: str) -> str:
    return json.dumps({"title": title, **figures.as_dict()}, indent=2, sort_keys=True)


def render_text(figures: Figures, *, title: str) -> str:
    """Plain lines for a terminal or cron mail."""
    f = figures
    out = [f"{title}: {when(f.since)} to {when(f.until)}, {f.events} events",
           "funnel: " + ", ".join(f"{name} {n}" for name, n in f.funnel.steps())]
    a = f.answer_seconds
    out.append(f"ask to answer: {a['answers']} answers, median {human_seconds(a['median'])}, "
               f"p90 {human_seconds(a['p90'])}")
    for form in f.forms:
        out.append(f"form {form.form}: " + ", ".join(
            f"{name} {n}" for name, n in form.funnel.steps()[:5]))
        if form.missing:
            out.append("  most missing: " + ", ".join(f"{k} {n}" for k, n in form.missing))
        if form.extracted:
            out.append("  most extracted: " + ", ".join(f"{k} {n}" for k, n in form.extracted))
    out.append("languages: " + (", ".join(f"{k} {n}" for k, n in f.languages) or "-"))
    out.append("routes per group: " + (", ".join(f"{k} {n}" for k, n in f.routes) or "-"))
    out.append("shadow decisions: " + (", ".join(f"{k} {n}" for k, n in f.shadow_counts)
                                       or "-"))
    for s in f.shadow[:10]:
        out.append(f"  event {s.event_id} ticket {s.ticket_id}: {s.decision}: {s.would}")
    out.append("events by status: " + (", ".join(f"{k} {n}" for k, n in f.statuses.items())
                                       or "-"))
    out.append(f"retries: {f.retries} over {f.retried_events} events; "
               f"dead letters: {len(f.dead)}")
    for d in f.dead[:10]:
        out.append(f"  event {d.event_id} ticket {d.ticket_id} after {d.attempts} tries: "
                   f"{d.error}")
    r = f.receiver
    out.append(f"receiver: {r['acks']} acks, {r['unavailable']} answered 503, rejected: "
               + (", ".join(f"{k} {n}" for k, n in r["rejected"]) or "none"))
    return "\n".join(out)
