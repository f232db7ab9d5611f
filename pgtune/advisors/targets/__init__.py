"""Service targets (ST): the report's target results (pgtune.targets) turned into findings with remedies."""

from __future__ import annotations

from ...findings import Evidence
from ...quantities import Unit
from ...targets import TargetResult
from ..base import AnalysisFacts


def missed(facts: AnalysisFacts, name: str) -> TargetResult | None:
    """The named target's result when it was measured and missed."""
    result = next(r for r in facts.target_results if r.name == name)
    return result if result.met is False else None


def measured(result: TargetResult) -> Evidence:
    """What was measured against the target, to a tenth (a target's unit is ms or %)."""
    bound = "≥" if result.higher_is_better else "≤"
    unit = Unit.PERCENT if result.unit == "%" else Unit.MS
    return Evidence("measured", result.measured, unit, f" (target {bound} {result.threshold:g} {result.unit})", 1)
