"""``deskops report``: what deskops did over a window, for a terminal, cron mail or a file."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import click

from integrations.cli.main import App, pass_app
from integrations.errors import ConfigError

__all__ = ["report", "report_title"]


def report_title(app: App) -> str:
    """Names the workspace the store belongs to (one store per workspace deployment)."""
    name = app.workspace.resolve().name or str(app.workspace)
    return f"deskops report: {name}"


def _until(text: str | None) -> float:
    if text is None:
        return time.time()
    try:
        parsed = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise click.BadParameter(f"{text!r} is not a time like 2027-01-17T08:00:00Z",
                                 param_hint="--until") from None
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).timestamp()


@click.command()
@click.option("--since", "window", default="7d", show_default=True,
              help="Events received in this window (15m, 2h, 7d).")
@click.option("--json", "as_json", is_flag=True, help="The figures as one JSON document.")
@click.option("--html", "html_file", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Write one self-contained HTML page (inline CSS and SVG).")
@click.option("--until", "until_text", default=None, metavar="ISO-8601",
              help="End of the window (default: now), e.g. 2027-01-17T08:00:00Z.")
@pass_app
def report(app: App, window: str, as_json: bool, html_file: Path | None,
           until_text: str | None) -> None:
    """Funnel, missing fields per form, answer times, languages, routes, shadow decisions,
    dead letters and receiver health, from the event store."""
    from integrations.cli.pipeline import parse_duration
    from integrations.events import store_from_settings
    from integrations.report import build, render_html, render_json, render_text

    if as_json and html_file is not None:
        raise click.UsageError("choose one of --json and --html")
    span = parse_duration(window).total_seconds()
    if span <= 0:
        raise click.BadParameter(f"{window!r} is an empty window", param_hint="--since")
    until = _until(until_text)
    store = store_from_settings(app.settings)
    figures = build(store, until - span, until)
    title = report_title(app)
    if html_file is not None:
        try:
            html_file.write_text(render_html(figures, title=title), encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"--html {html_file}: cannot write: {exc.strerror}") from exc
        click.echo(f"report written to {html_file}")
    elif as_json:
        click.echo(render_json(figures, title=title))
    else:
        click.echo(render_text(figures, title=title))
