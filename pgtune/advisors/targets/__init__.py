"""Service targets (ST): the report's target results (pgtune.targets) turned into findings with remedies."""

from __future__ import annotations

from ...targets import TargetResult
from ..base import AnalysisFacts


def missed(facts: AnalysisFacts, name: str) -> TargetResult | None:
    """The named target's result when it was measured and missed."""
    result = next(r for r in facts.target_results if r.name == name)
    return result if result.met is False else None


def measured_text(result: TargetResult) -> str:
    bound = "≥" if result.higher_is_better else "≤"
    return f"{result.measured:.1f} {result.unit} (target {bound} {result.threshold:g} {result.unit})"
