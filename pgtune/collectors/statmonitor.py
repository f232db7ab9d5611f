"""pg_stat_monitor's response-time histogram → :class:`~pgtune.facts.LatencyHistogram`.

Its ``range()`` function names the buckets as text (``{{0.000 - 1.000}``, ``(1.000 - 2.778}``, …,
``(100000.000 - ...}}``); ``resp_calls`` counts the calls of each statement per bucket.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..db import Session
from ..facts import Extension, LatencyHistogram
from .base import Gaps

_RANGE = re.compile(r"(?P<low>\d+(?:\.\d+)?)\s*-\s*(?P<high>\d+(?:\.\d+)?|\.\.\.)")


def collect_latency_histogram(session: Session, extension: Extension, gaps: Gaps) -> LatencyHistogram | None:
    rows = gaps.attempt(
        "pg_stat_monitor",
        lambda: session.named("pg_stat_monitor_histogram", schemas={"monitor": extension.schema}),
        [],
    )
    if not rows or not rows[0]["counts"]:
        return None
    histogram = histogram_from(rows[0]["ranges"] or (), rows[0]["counts"])
    if histogram is None:
        gaps.add(
            "pg_stat_monitor",
            "its histogram buckets could not be read (range() and resp_calls disagree)",
            "check pg_stat_monitor.pgsm_histogram_* and the extension version (2.0 or later)",
        )
    return histogram


def histogram_from(ranges: Sequence[str], counts: Sequence[int | None]) -> LatencyHistogram | None:
    """None when the ranges do not parse or do not match the counts one to one."""
    bounds: list[float | None] = []
    for text in ranges:
        match = _RANGE.search(text)
        if not match:
            return None
        bounds.append(None if match["high"] == "..." else float(match["high"]))
    if not bounds or len(bounds) != len(counts):
        return None
    return LatencyHistogram("pg_stat_monitor", tuple(bounds), tuple(int(c or 0) for c in counts))
