"""The nightly history report: what changed on one server over a period, ready for any renderer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..findings import Severity


@dataclass(frozen=True)
class StatementTrend:
    queryid: int | None
    text: str
    calls: int
    total_exec_ms: float
    mean_exec_ms: float
    daily_exec_ms: tuple[float, ...]
    """Time spent per night of the period, oldest first."""


@dataclass(frozen=True)
class PlanChange:
    queryid: int | None
    text: str
    before: str
    after: str
    seen_at: datetime


@dataclass(frozen=True)
class Regression:
    queryid: int | None
    text: str
    severity: Severity
    mean_before_ms: float
    mean_after_ms: float
    calls_after: int
    extra_ms_per_day: float
    plan_change: PlanChange | None = None

    @property
    def change_pct(self) -> float:
        return 100.0 * (self.mean_after_ms - self.mean_before_ms) / self.mean_before_ms


@dataclass(frozen=True)
class NewSeqScan:
    table: str
    rows_estimate: float
    seq_scans: int
    severity: Severity = Severity.WARNING


@dataclass(frozen=True)
class RecommendationHistory:
    id: str
    rule: str
    message: str
    severity: Severity
    state: str
    """new (appeared in the period), open (still recommended), applied, stale (no longer recommended)."""
    first_seen: datetime
    ddl: str | None = None
    estimated_ms_per_day: float | None = None
    applied_at: datetime | None = None
    measured_ms_per_day: float | None = None
    """Time the statements saved per day since the index exists, against their time before."""


@dataclass(frozen=True)
class UnusedIndex:
    name: str
    table: str
    size_bytes: int


@dataclass(frozen=True)
class TargetPoint:
    at: datetime
    measured: float | None
    met: bool | None


@dataclass(frozen=True)
class TargetHistory:
    name: str
    unit: str
    threshold: float
    higher_is_better: bool
    points: tuple[TargetPoint, ...]

    @property
    def latest(self) -> TargetPoint | None:
        return self.points[-1] if self.points else None


@dataclass(frozen=True)
class HistoryReport:
    server: str
    since: datetime
    until: datetime
    snapshots: int
    nights: tuple[datetime, ...]
    top_statements: tuple[StatementTrend, ...]
    regressions: tuple[Regression, ...]
    plan_changes: tuple[PlanChange, ...]
    new_seq_scans: tuple[NewSeqScan, ...]
    recommendations: tuple[RecommendationHistory, ...]
    unused_indexes: tuple[UnusedIndex, ...]
    targets: tuple[TargetHistory, ...]
    events: tuple[str, ...]

    def alerts(self) -> tuple[tuple[Severity, str], ...]:
        """What appeared in the period, with its severity: the basis of --fail-on and the webhook."""
        items = [(r.severity, f"regression: {r.text[:80]} +{r.change_pct:.0f} %") for r in self.regressions]
        items += [(s.severity, f"new sequential scans on {s.table}") for s in self.new_seq_scans]
        items += [(r.severity, f"new recommendation: {r.message}") for r in self.recommendations if r.state == "new"]
        items += [
            (Severity.WARNING, f"service target missed: {t.name}")
            for t in self.targets
            if t.latest is not None and t.latest.met is False
        ]
        return tuple(items)

    def worst(self) -> Severity | None:
        return max((s for s, _ in self.alerts()), key=lambda s: s.rank, default=None)
