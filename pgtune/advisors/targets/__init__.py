"""Service targets (ST): the report's target results (pgtune.targets) turned into findings with remedies."""

from __future__ import annotations

from functools import lru_cache

from ...facts import Snapshot
from ...targets import ServiceTargets, TargetResult, evaluate
from ..base import AnalysisFacts


# The p95 estimate over thousands of statements takes about a second; three rules ask for it.
@lru_cache(maxsize=4)
def _evaluated(snapshot: Snapshot, targets: ServiceTargets) -> tuple[TargetResult, ...]:
    return evaluate(snapshot, targets)


def missed(facts: AnalysisFacts, name: str) -> TargetResult | None:
    """The named target's result when it was measured and missed."""
    result = next(r for r in _evaluated(facts.snapshot, facts.settings.targets) if r.name == name)
    return result if result.met is False else None


def measured_text(result: TargetResult) -> str:
    bound = "≥" if result.higher_is_better else "≤"
    return f"{result.measured:.1f} {result.unit} (target {bound} {result.threshold:g} {result.unit})"
