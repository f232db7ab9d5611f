"""What the partitioning advisors share: which target style applies, and statements as report impacts."""

from __future__ import annotations

from collections.abc import Iterable

from ...findings import Evidence, Finding, Fix, Savings, StatementImpact
from ...quantities import human_ms
from ...rules import Rule
from ...whatif.workload import WorkloadStatement
from ..base import AnalysisFacts
from .signals import TimeSeries


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


def time_series_finding(
    rule: Rule, facts: AnalysisFacts, series: TimeSeries, style: str, help_text: str, evidence: Evidence, fix: Fix
) -> Finding:
    """PT001 and PT002 say the same about the table; only the remedy differs. The saving counted is the
    retention DELETEs, which partition or chunk drops remove outright."""
    retention_ms = sum(s.ms_per_day for s in series.retention_statements)
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        message=(
            f"{series.table.qualified_name} is a time series on {series.key.name}: "
            f"{human_ms(series.range_ms_per_day)} a day of reads by it scan one ever-growing table"
        ),
        help=help_text,
        target=series.table.qualified_name,
        kind=f"partition:{style}",
        evidence=(*series.evidence, evidence),
        fix=fix,
        savings=Savings(retention_ms, share_pct(retention_ms, facts)) if retention_ms else None,
        size_bytes=series.table.total_size_bytes,
        statements=impacts(series.range_statements),
        confidence=series.confidence,
    )
