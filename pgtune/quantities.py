"""Quantities and their units, and numbers put in words the same way everywhere.

A finding's evidence carries a number and its :class:`Unit` (the renderers word it, the JSON keeps the number
as well); the ``human_*`` functions are the one wording of a number, shared by the renderers and by the
sentences of a finding's message.
"""

from __future__ import annotations

from enum import Enum


class Unit(str, Enum):
    TEXT = "text"
    """Genuinely words (a definition, a setting's value, a reason): shown as they are."""
    COUNT = "count"
    ROWS = "rows"
    BYTES = "bytes"
    MS = "ms"
    MS_PER_DAY = "ms/day"
    SECONDS = "s"
    DAYS = "days"
    PERCENT = "percent"
    """0 to 100, not a fraction."""


def human_bytes(size: float) -> str:
    value = float(size)
    for unit in ("B", "kB", "MB", "GB", "TB"):
        if abs(value) < 1024 or unit == "TB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def human_ms(ms: float) -> str:
    if abs(ms) >= 3_600_000:
        return f"{ms / 3_600_000:.1f} h"
    if abs(ms) >= 60_000:
        return f"{ms / 60_000:.1f} min"
    if abs(ms) >= 1000:
        return f"{ms / 1000:.1f} s"
    return f"{ms:.2f} ms" if abs(ms) < 10 else f"{ms:.0f} ms"


def human_count(value: float, digits: int = 0) -> str:
    return f"{value:,.{digits}f}"
