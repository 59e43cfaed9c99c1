"""``deskops init [DIR]``: write a starter workspace (see `integrations.init`)."""

from __future__ import annotations

from pathlib import Path

import click

from integrations.cli.main import App

__all__ = ["init"]


@click.command("init")
@click.argument("directory", required=False, type=click.Path(path_type=Path))
@click.pass_context
def init(ctx: click.Context, directory: Path | None) -> None:
    """Write a small commented workspace into DIRECTORY (default: the --workspace folder,
    else the current one); never overwrites a file."""
    from integrations.init import write_starter

    app = ctx.find_object(App)
    root = directory or (app.workspace if app is not None else Path("."))
    written = write_starter(root)
    click.echo(f"Wrote {len(written)} files to {root}:")
    for path in written:
        click.echo(f"  {root / path}")
    where = "" if root == Path(".") else f" -w {root}"
    click.echo(f"Next: deskops{where} validate, then plan and apply (see README.md there).")
