"""Inline SVG bar charts for the HTML report: no script, no network, readable without colour."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

_BAR_HEIGHT = 22
_LABEL_WIDTH = 360
_PLOT_WIDTH = 420


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str
    """The value as it should be read (with its unit)."""
    marker: float | None = None
    """A threshold drawn across the bar."""
    good: bool | None = None


def bar_chart(title: str, bars: Sequence[Bar], scale_max: float | None = None) -> str:
    if not bars:
        return ""
    top = scale_max or max((max(b.value, b.marker or 0.0) for b in bars), default=1.0) or 1.0
    height = _BAR_HEIGHT * len(bars) + 30
    width = _LABEL_WIDTH + _PLOT_WIDTH + 200
    parts = [
        f"<figure><figcaption>{escape(title)}</figcaption>"
        f'<svg role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg" class="chart">'
    ]
    for row, bar in enumerate(bars):
        y = 20 + row * _BAR_HEIGHT
        length = max(1.0, _PLOT_WIDTH * min(bar.value, top) / top)
        colour = {True: "#2e7d32", False: "#c62828", None: "#1565c0"}[bar.good]
        label = bar.label if len(bar.label) <= 48 else bar.label[:47] + "…"
        parts.append(
            f'<text x="{_LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end" class="label">{escape(label)}</text>'
            f'<rect x="{_LABEL_WIDTH}" y="{y + 3}" width="{length:.1f}" height="{_BAR_HEIGHT - 6}" fill="{colour}">'
            f"<title>{escape(bar.label)}: {escape(bar.text)}</title></rect>"
            f'<text x="{_LABEL_WIDTH + length + 6:.1f}" y="{y + 15}" class="value">{escape(bar.text)}</text>'
        )
        if bar.marker is not None:
            x = _LABEL_WIDTH + _PLOT_WIDTH * min(bar.marker, top) / top
            parts.append(
                f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y}" y2="{y + _BAR_HEIGHT}" stroke="#000" '
                'stroke-width="2" stroke-dasharray="3 2"/>'
            )
    parts.append("</svg></figure>")
    return "".join(parts)


def sparkline(title: str, values: Sequence[float | None], width: int = 140, height: int = 28) -> str:
    """A small line of values over time (None where nothing was measured), for tables of trends."""
    known = [v for v in values if v is not None]
    if len(known) < 2:
        return ""
    low, high = min(known), max(known)
    span = (high - low) or 1.0
    step = (width - 4) / (len(values) - 1)
    points = " ".join(
        f"{2 + i * step:.1f},{height - 3 - (height - 6) * (v - low) / span:.1f}"
        for i, v in enumerate(values)
        if v is not None
    )
    return (
        f'<svg role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" xmlns="http://www.w3.org/2000/svg" class="spark"><title>{escape(title)}</title>'
        f'<polyline points="{points}" fill="none" stroke="#1565c0" stroke-width="2"/></svg>'
    )
