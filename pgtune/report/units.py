"""How the renderers word a finding's evidence: its number in its unit, then the words that follow it."""

from __future__ import annotations

from typing import Any

from ..findings import Evidence
from ..quantities import Unit, human_bytes, human_count, human_ms

__all__ = ["evidence_json", "evidence_text", "human_bytes", "human_count", "human_ms"]

_DIGITS = {Unit.SECONDS: 0, Unit.DAYS: 1, Unit.PERCENT: 1}


def _quantity(value: float, unit: Unit, digits: int | None) -> str:
    if unit in (Unit.COUNT, Unit.ROWS):
        return human_count(value, digits or 0)
    if unit is Unit.BYTES:
        return human_bytes(value)
    if unit is Unit.MS:
        return human_ms(value) if digits is None else f"{value:.{digits}f} ms"
    if unit is Unit.MS_PER_DAY:
        return f"{human_ms(value)} a day"
    places = _DIGITS[unit] if digits is None else digits
    suffix = {Unit.SECONDS: " s", Unit.DAYS: " days", Unit.PERCENT: " %"}[unit]
    return f"{value:.{places}f}{suffix}"


def evidence_text(evidence: Evidence) -> str:
    """``calls``: 12431 counted → ``12,431``; words (Unit.TEXT) as they are."""
    if evidence.unit is Unit.TEXT:
        return f"{evidence.value}{evidence.detail}"
    return _quantity(evidence.value, evidence.unit, evidence.digits) + evidence.detail


def evidence_json(evidence: Evidence) -> dict[str, Any]:
    """The label and the worded value as before, then the number and its unit (null for words)."""
    return {
        "label": evidence.label,
        "value": evidence_text(evidence),
        "quantity": None if evidence.unit is Unit.TEXT else evidence.value,
        "unit": evidence.unit.value,
    }
