"""Numbers put in words the same way in every renderer and every finding."""

from __future__ import annotations


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


def human_count(value: float) -> str:
    return f"{value:,.0f}"
