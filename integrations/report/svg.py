"""Inline SVG charts: no script, no library, readable at any width (``viewBox`` scaling).

Each chart is one ``<svg class="chart">`` with one ``<rect class="bar">`` per value, so a
browser test can count what was drawn. Labels are escaped; values are plain numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

__all__ = ["bars", "columns"]

_ROW = 22


def bars(items: Sequence[tuple[str, int | float]], *, title: str, unit: str = "") -> str:
    """Horizontal bars, one row per (label, value): funnels, top lists, mixes."""
    if not items:
        return f'<p class="empty">{escape(title)}: nothing in this window.</p>'
    top = max((float(v) for _, v in items), default=0.0) or 1.0
    height = _ROW * len(items) + 4
    rows = []
    for i, (label, value) in enumerate(items):
        y = i * _ROW + 2
        width = max(0.5, 220.0 * float(value) / top)
        rows.append(
            f'<text x="0" y="{y + 15}" class="label">{escape(str(label))[:40]}</text>'
            f'<rect class="bar" x="170" y="{y + 3}" width="{width:.1f}" height="{_ROW - 6}">'
            f"<title>{escape(str(label))}: {value}{unit}</title></rect>"
            f'<text x="{170 + width + 4:.1f}" y="{y + 15}" class="value">{value}{unit}</text>')
    return (f'<svg class="chart" role="img" aria-label="{escape(title)}" '
            f'viewBox="0 0 460 {height}" preserveAspectRatio="xMinYMin meet">'
            f"<title>{escape(title)}</title>{''.join(rows)}</svg>")


def columns(items: Sequence[tuple[str, int]], *, title: str) -> str:
    """Vertical columns over time (events per day); first and last labels under the axis."""
    if not items:
        return f'<p class="empty">{escape(title)}: nothing in this window.</p>'
    top = max(v for _, v in items) or 1
    step = 440.0 / len(items)
    cols = []
    for i, (label, value) in enumerate(items):
        h = 100.0 * value / top
        cols.append(f'<rect class="bar" x="{10 + i * step:.1f}" y="{110 - h:.1f}" '
                    f'width="{max(1.0, step - 2):.1f}" height="{max(0.5, h):.1f}">'
                    f"<title>{escape(label)}: {value}</title></rect>")
    first, last = escape(items[0][0]), escape(items[-1][0])
    return (f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 460 130" '
            f'preserveAspectRatio="xMinYMin meet"><title>{escape(title)}</title>'
            f'<line x1="8" y1="110.5" x2="452" y2="110.5" class="axis"/>{"".join(cols)}'
            f'<text x="10" y="126" class="label">{first}</text>'
            f'<text x="450" y="126" class="label" text-anchor="end">{last}</text>'
            f'<text x="452" y="10" class="value" text-anchor="end">max {top}</text></svg>')
