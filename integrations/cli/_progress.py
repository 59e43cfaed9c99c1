"""Progress of a long write (``apply``, ``kb sync``): a bar on a terminal, plain lines
otherwise (CI logs, cron mail), both on stderr so stdout keeps only results.

The bar is click's own `click.progressbar` (no extra dependency); the plain lines name each
step (``Applying 3/12: create field product``) so a log shows where a run stopped.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click

__all__ = ["progress"]


@contextmanager
def progress(label: str, total: int) -> Iterator[Callable[[str], None]]:
    """Yields ``step(what)``, called once per finished step."""
    if sys.stderr.isatty():
        bar: Any = click.progressbar(length=max(total, 1), label=label, file=sys.stderr)
        with bar:
            yield lambda what: bar.update(1)
        return
    done = 0

    def line(what: str) -> None:
        nonlocal done
        done += 1
        click.echo(f"{label} {done}/{total}: {what}", err=True)

    yield line
