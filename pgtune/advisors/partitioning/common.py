"""What the partitioning advisors share: which target style applies, and statements as report impacts."""

from __future__ import annotations

from collections.abc import Iterable

from ...findings import StatementImpact
from ...whatif.workload import WorkloadStatement
from ..base import AnalysisFacts


def target_style(facts: AnalysisFacts) -> str:
    """native or timescaledb: what the user asked for, else TimescaleDB exactly when it is installed."""
    wanted = facts.settings.partition_target
    if wanted != "auto":
        return wanted
    return "timescaledb" if facts.snapshot.timescaledb is not None else "native"


def impacts(statements: Iterable[WorkloadStatement]) -> tuple[StatementImpact, ...]:
    return tuple(
        StatementImpact(queryid=s.queryid, text=s.display_text or s.text, calls=s.calls, mean_exec_ms=s.mean_exec_ms)
        for s in sorted(statements, key=lambda s: -s.ms_per_day)
    )


def share_pct(ms_per_day: float, facts: AnalysisFacts) -> float:
    total = sum(s.ms_per_day for s in facts.workload)
    return 100.0 * ms_per_day / total if total else 0.0
