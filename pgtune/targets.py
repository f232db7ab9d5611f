"""Service targets pgtune checks for its users: statement time p95, cache hit rate, pool efficiency.

pg_stat_statements keeps no percentiles. Each statement's time is taken as log-normal with its measured
mean and standard deviation, and the workload's p95 is the 95th percentile of the mixture of those
distributions weighted by calls. Durations from server logs, when given, are used directly instead.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

from .facts import Snapshot, StatementStats

_Z95 = NormalDist().inv_cdf(0.95)
MIN_LOG_SAMPLES = 20


@dataclass(frozen=True)
class ServiceTargets:
    statement_p95_ms: float = 5.0
    cache_hit_pct: float = 95.0
    pool_efficiency_pct: float = 90.0


@dataclass(frozen=True)
class TargetResult:
    name: str
    threshold: float
    unit: str
    measured: float | None
    met: bool | None
    """None when it could not be measured."""
    higher_is_better: bool
    method: str
    offenders: tuple[str, ...] = ()


def _lognormal(stats: StatementStats) -> tuple[float, float] | None:
    if stats.mean_exec_ms <= 0:
        return None
    cv2 = (stats.stddev_exec_ms / stats.mean_exec_ms) ** 2
    sigma = max(math.sqrt(math.log1p(cv2)), 1e-9)
    return math.log(stats.mean_exec_ms) - sigma * sigma / 2, sigma


def statement_p95_ms(stats: StatementStats) -> float:
    fitted = _lognormal(stats)
    if fitted is None:
        return 0.0
    mu, sigma = fitted
    estimate = math.exp(mu + _Z95 * sigma)
    return min(estimate, stats.max_exec_ms) if stats.max_exec_ms else estimate


def workload_p95_ms(statements: Sequence[StatementStats]) -> float | None:
    fitted = [(s.calls, f) for s in statements if s.calls and (f := _lognormal(s))]
    if not fitted:
        return None
    total = sum(calls for calls, _ in fitted)

    def below(x: float) -> float:
        log_x = math.log(x)
        return (
            sum(
                calls * (1.0 if sigma == 0 and log_x >= mu else 0.0 if sigma == 0 else NormalDist(mu, sigma).cdf(log_x))
                for calls, (mu, sigma) in fitted
            )
            / total
        )

    low, high = 1e-6, max(math.exp(mu + 6 * sigma) for _, (mu, sigma) in fitted)
    for _ in range(100):
        middle = math.sqrt(low * high)
        if below(middle) < 0.95:
            low = middle
        else:
            high = middle
    return high


def _percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


def evaluate(snapshot: Snapshot, targets: ServiceTargets) -> tuple[TargetResult, ...]:
    return (_p95(snapshot, targets), _cache(snapshot, targets), _pool(snapshot, targets))


def _p95(snapshot: Snapshot, targets: ServiceTargets) -> TargetResult:
    name, limit = "statement time p95", targets.statement_p95_ms
    durations = [s.duration_ms for s in snapshot.workload if s.duration_ms is not None]
    offenders = tuple(
        s.query
        for s in sorted(snapshot.statements, key=lambda s: -s.calls)
        if s.toplevel and statement_p95_ms(s) > limit
    )[:10]
    if len(durations) >= MIN_LOG_SAMPLES:
        measured = _percentile(durations, 0.95)
        method = (
            f"95th percentile of {len(durations):,} durations from server logs (statements over the log's threshold)"
        )
    else:
        measured = workload_p95_ms([s for s in snapshot.statements if s.toplevel])
        method = (
            "pg_stat_statements keeps no percentiles: each statement's time modelled as log-normal from its mean "
            "and stddev, weighted by calls; skewed or multi-modal timings make this an estimate"
        )
    if measured is None:
        return TargetResult(name, limit, "ms", None, None, False, "no statement statistics were collected")
    return TargetResult(name, limit, "ms", measured, measured <= limit, False, method, offenders)


def _cache(snapshot: Snapshot, targets: ServiceTargets) -> TargetResult:
    name, limit = "cache hit rate", targets.cache_hit_pct
    database = snapshot.database
    if database is None or database.blks_hit + database.blks_read == 0:
        return TargetResult(name, limit, "%", None, None, True, "pg_stat_database has no block counts yet")
    measured = 100.0 * database.blks_hit / (database.blks_hit + database.blks_read)
    hot = sorted(snapshot.tables, key=lambda t: -(t.heap_blks_hit + t.heap_blks_read))[:10]
    offenders = tuple(
        f"{t.qualified_name} ({100.0 * t.heap_blks_hit / (t.heap_blks_hit + t.heap_blks_read):.1f} %)"
        for t in hot
        if t.heap_blks_hit + t.heap_blks_read and 100.0 * t.heap_blks_hit / (t.heap_blks_hit + t.heap_blks_read) < limit
    )
    method = "shared buffer hits over hits plus reads in pg_stat_database (OS page cache hits count as reads)"
    return TargetResult(name, limit, "%", measured, measured >= limit, True, method, offenders)


def _pool(snapshot: Snapshot, targets: ServiceTargets) -> TargetResult:
    name, limit = "connection-pool efficiency", targets.pool_efficiency_pct
    activity = snapshot.activity
    held = activity.active + activity.idle + activity.idle_in_transaction if activity else 0
    if not held:
        return TargetResult(name, limit, "%", None, None, True, "no client connections were open at collection time")
    measured = 100.0 * activity.active / held
    method = (
        "active client connections over all open ones (active, idle, idle in transaction) at collection time; "
        "one moment, so read it with the trend of nightly reports"
    )
    offenders = ((f"{activity.idle_in_transaction} idle in transaction",) if activity.idle_in_transaction else ()) + (
        (f"{activity.idle} idle",) if activity.idle else ()
    )
    return TargetResult(name, limit, "%", measured, measured >= limit, True, method, offenders)
