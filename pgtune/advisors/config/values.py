"""Setting values with their units (``8kB`` blocks, kB, MB, ms, s, min) as bytes, milliseconds and numbers,
and sizes written back the way postgresql.conf takes them."""

from __future__ import annotations

import re

from ...facts import Setting

_UNIT = re.compile(r"^(?P<count>\d*)\s*(?P<unit>[A-Za-z]*)$")
_BYTES = {"B": 1, "kB": 1024, "MB": 1024**2, "GB": 1024**3, "TB": 1024**4}
_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "min": 60_000.0, "h": 3_600_000.0, "d": 86_400_000.0}


def _scale(unit: str | None, table: dict[str, float]) -> float | None:
    match = _UNIT.match(unit or "")
    if not match or match["unit"] not in table:
        return None
    return int(match["count"] or 1) * table[match["unit"]]


def number(setting: Setting | None) -> float | None:
    if setting is None:
        return None
    try:
        return float(setting.value)
    except ValueError:
        return None


def as_bytes(setting: Setting | None) -> int | None:
    """A memory setting in bytes; None when absent, not a size, or -1 (meaning "use another setting")."""
    value = number(setting)
    scale = _scale(setting.unit, _BYTES) if setting else None
    if value is None or scale is None or value < 0:
        return None
    return int(value * scale)


def as_ms(setting: Setting | None) -> float | None:
    value = number(setting)
    scale = _scale(setting.unit, _MS) if setting else None
    if value is None or scale is None:
        return None
    return value * scale


def is_on(setting: Setting | None) -> bool:
    return setting is not None and setting.value.lower() in ("on", "true", "yes", "1")


def size_text(size_bytes: int) -> str:
    """Whole MB or GB, as postgresql.conf takes them (``16GB``, ``96MB``); at least 1MB."""
    mb = max(1, round(size_bytes / 1024**2))
    return f"{mb // 1024}GB" if mb >= 1024 and mb % 1024 == 0 else f"{mb}MB"


def round_mb(size_bytes: float, step_mb: int = 1) -> int:
    """Rounded down to a whole number of ``step_mb`` megabytes, at least one step."""
    step = step_mb * 1024**2
    return max(step, int(size_bytes // step) * step)
