"""Service targets pgtune checks for its users: statement time p95, cache hit rate, pool efficiency.

Each result says where it comes from (``source``) and whether it is an estimate. Statement time p95, in
order of preference: durations from a server log that logs every statement or an unbiased sample of them
(``log_min_duration_statement = 0``, or ``log_min_duration_sample = 0`` with ``log_statement_sample_rate``,
weighted back by the rate); pg_stat_monitor's response-time histogram; else an estimate from
pg_stat_statements, which keeps no percentiles: each statement's time is taken as log-normal with its
measured mean and standard deviation, and the workload's p95 is the 95th percentile of the mixture weighted
by calls. A log that keeps only statements over a threshold is never read as a percentile.

Pool efficiency is measured only on a pooler (``--pgbouncer``): the share of clients' transaction time during
which a server connection served them rather than they queued for one, (``total_xact_time`` −
``total_wait_time``) / ``total_xact_time`` from SHOW STATS between two readings (PgBouncer counts a
transaction's time from the client's first query, so the queueing is inside it). pg_stat_activity cannot
measure it: behind a transaction-mode pooler server connections sit idle by design, and without one an
all-busy server is a saturated one.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

from .facts import LatencyHistogram, Snapshot, StatementStats

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
    source: str = ""
    """What measured it: server log, pg_stat_monitor, pg_stat_statements, pg_stat_database, pgbouncer; "" when
    it could not be measured."""
    estimate: bool = False
    """A model's figure, not a measurement (the p95 from pg_stat_statements' mean and stddev)."""


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


def _weighted_percentile(values: Sequence[tuple[float, float]], share: float) -> float:
    """The smallest value with at least ``share`` of the weight at or below it; values are (value, weight)."""
    ordered = sorted(values)
    wanted = share * sum(weight for _, weight in ordered)
    running = 0.0
    for value, weight in ordered:
        running += weight
        if running >= wanted:
            return value
    return ordered[-1][0]


def histogram_percentile_ms(histogram: LatencyHistogram, share: float) -> tuple[float, float, float | None] | None:
    """(estimate, bucket low, bucket high) of the percentile, linear within its bucket; None when empty.

    An open-ended last bucket has no high edge: the estimate is then its low edge, a lower bound."""
    total = sum(histogram.counts)
    if not total:
        return None
    wanted, running, low = share * total, 0, 0.0
    for high, count in zip(histogram.upper_bounds_ms, histogram.counts, strict=True):
        if count and running + count >= wanted:
            if high is None:
                return low, low, None
            return low + (high - low) * (wanted - running) / count, low, high
        running += count
        low = high if high is not None else low
    return low, low, None


def evaluate(snapshot: Snapshot, targets: ServiceTargets) -> tuple[TargetResult, ...]:
    return (_p95(snapshot, targets), _cache(snapshot, targets), _pool(snapshot, targets))


P95 = "statement time p95"
CACHE = "cache hit rate"
POOL = "connection-pool efficiency"


def _setting_number(snapshot: Snapshot, name: str) -> float | None:
    setting = snapshot.server.setting(name)
    try:
        return float(setting.value) if setting else None
    except ValueError:
        return None


def log_sampling(snapshot: Snapshot) -> tuple[float, float] | str:
    """How the server logs statement durations: (threshold over which every statement is logged, share of the
    others logged), or why its log is no percentile. The settings are the server's at collection time."""
    every = _setting_number(snapshot, "log_min_duration_statement")
    if every is None:
        return "the server's logging settings were not collected, so how the log was sampled is unknown"
    if every == 0:
        return 0.0, 1.0
    threshold = every if every > 0 else math.inf
    sampled_over = _setting_number(snapshot, "log_min_duration_sample")
    rate = _setting_number(snapshot, "log_statement_sample_rate") or 0.0
    if sampled_over == 0 and rate > 0:
        return threshold, rate
    transaction_rate = _setting_number(snapshot, "log_transaction_sample_rate") or 0.0
    if transaction_rate > 0:
        return threshold, transaction_rate
    if every > 0:
        return (
            f"the server log keeps only statements over {every:g} ms (log_min_duration_statement): a thresholded log "
            "is not a percentile"
        )
    return "the server logs no statement durations (log_min_duration_statement = -1, no sampling)"


def _p95(snapshot: Snapshot, targets: ServiceTargets) -> TargetResult:
    limit = targets.statement_p95_ms
    offenders = tuple(
        s.query
        for s in sorted(snapshot.statements, key=lambda s: -s.calls)
        if s.toplevel and statement_p95_ms(s) > limit
    )[:10]
    durations = [s.duration_ms for s in snapshot.workload if s.duration_ms is not None and not s.from_plan]
    note = ""
    if len(durations) >= MIN_LOG_SAMPLES:
        sampling = log_sampling(snapshot)
        if isinstance(sampling, tuple):
            threshold, rate = sampling
            measured = _weighted_percentile([(d, 1.0 if d >= threshold else 1.0 / rate) for d in durations], 0.95)
            if rate == 1.0:
                how = "every statement is logged (log_min_duration_statement = 0)"
            else:
                over = f"; those over {threshold:g} ms always" if math.isfinite(threshold) else ""
                how = f"a {rate:.0%} sample of statements is logged{over}, so each sampled duration counts 1/rate"
            method = f"95th percentile of {len(durations):,} durations from server logs: {how}"
            return TargetResult(P95, limit, "ms", measured, measured <= limit, False, method, offenders, "server log")
        note = f"{len(durations):,} logged durations not used: {sampling}. "
    if snapshot.latency_histogram is not None:
        found = histogram_percentile_ms(snapshot.latency_histogram, 0.95)
        if found is not None:
            measured, low, high = found
            bucket = f"{low:g}-{high:g} ms, linear within it" if high is not None else f"over {low:g} ms: a lower bound"
            method = (
                f"{note}95th percentile of {sum(snapshot.latency_histogram.counts):,} calls in pg_stat_monitor's "
                f"response-time histogram (bucket {bucket})"
            )
            return TargetResult(
                P95, limit, "ms", measured, measured <= limit, False, method, offenders, "pg_stat_monitor"
            )
    measured = workload_p95_ms([s for s in snapshot.statements if s.toplevel])
    if measured is None:
        return TargetResult(P95, limit, "ms", None, None, False, note + "no statement statistics were collected")
    method = (
        f"{note}estimate: pg_stat_statements keeps no percentiles, so each statement's time is modelled as "
        "log-normal from its mean and stddev, weighted by calls; skewed or multi-modal timings make it wrong. "
        "Log a sample (log_min_duration_sample = 0, log_statement_sample_rate = 0.01) or install pg_stat_monitor "
        "to measure it"
    )
    return TargetResult(
        P95, limit, "ms", measured, measured <= limit, False, method, offenders, "pg_stat_statements", True
    )


def _cache(snapshot: Snapshot, targets: ServiceTargets) -> TargetResult:
    limit = targets.cache_hit_pct
    database = snapshot.database
    if database is None or database.blks_hit + database.blks_read == 0:
        return TargetResult(CACHE, limit, "%", None, None, True, "pg_stat_database has no block counts yet")
    measured = 100.0 * database.blks_hit / (database.blks_hit + database.blks_read)
    hot = sorted(snapshot.tables, key=lambda t: -(t.heap_blks_hit + t.heap_blks_read))[:10]
    offenders = tuple(
        f"{t.qualified_name} ({100.0 * t.heap_blks_hit / (t.heap_blks_hit + t.heap_blks_read):.1f} %)"
        for t in hot
        if t.heap_blks_hit + t.heap_blks_read and 100.0 * t.heap_blks_hit / (t.heap_blks_hit + t.heap_blks_read) < limit
    )
    method = "shared buffer hits over hits plus reads in pg_stat_database (OS page cache hits count as reads)"
    return TargetResult(CACHE, limit, "%", measured, measured >= limit, True, method, offenders, "pg_stat_database")


@dataclass(frozen=True)
class PoolUse:
    """All the PgBouncers' traffic between their two readings, summed."""

    transactions: int
    xact_time_ms: float
    wait_time_ms: float
    server_ms_open: float
    """Server connections open × the time they were watched."""
    interval_s: float

    @property
    def served_ms(self) -> float:
        """Client transaction time spent on a server connection: PgBouncer's transaction time counts the wait."""
        return max(0.0, self.xact_time_ms - self.wait_time_ms)

    @property
    def efficiency_pct(self) -> float | None:
        # The ratio first: served <= xact makes it at most 1 exactly, which 100 * served / xact may overshoot.
        return 100.0 * (self.served_ms / self.xact_time_ms) if self.xact_time_ms > 0 else None

    @property
    def server_utilisation_pct(self) -> float | None:
        return 100.0 * self.served_ms / self.server_ms_open if self.server_ms_open > 0 else None


def pool_use(snapshot: Snapshot) -> PoolUse | None:
    if not snapshot.poolers:
        return None
    traffic = [t for p in snapshot.poolers for t in p.traffic]
    return PoolUse(
        transactions=sum(t.transactions for t in traffic),
        xact_time_ms=sum(t.xact_time_ms for t in traffic),
        wait_time_ms=sum(t.wait_time_ms for t in traffic),
        server_ms_open=sum(pool.servers_open_mean * p.interval_s * 1000 for p in snapshot.poolers for pool in p.pools),
        interval_s=max(p.interval_s for p in snapshot.poolers),
    )


def _pool(snapshot: Snapshot, targets: ServiceTargets) -> TargetResult:
    limit = targets.pool_efficiency_pct
    use = pool_use(snapshot)
    if use is None:
        return TargetResult(POOL, limit, "%", None, None, True, "not measured: no pooler given (--pgbouncer DSN)")
    measured = use.efficiency_pct
    if not use.transactions or measured is None:
        return TargetResult(
            POOL,
            limit,
            "%",
            None,
            None,
            True,
            f"not measured: no transaction went through PgBouncer in the {use.interval_s:.0f} s between its readings",
        )
    utilisation = use.server_utilisation_pct
    method = (
        f"share of clients' transaction time served by a server connection rather than queued for one: SHOW STATS "
        f"(total_xact_time - total_wait_time) / total_xact_time over {use.transactions:,} transactions in "
        f"{use.interval_s:.0f} s on {len(snapshot.poolers)} PgBouncer(s)"
        + (
            f"; server connections were busy {utilisation:.0f} % of the time they were open"
            if utilisation is not None
            else ""
        )
    )
    offenders = tuple(
        f"{pool.database}/{pool.user}: {pool.clients_waiting_max} waiting, longest wait {pool.maxwait_max_s:.1f} s"
        for pooler in snapshot.poolers
        for pool in pooler.pools
        if pool.clients_waiting_max or pool.maxwait_max_s >= 1
    )
    return TargetResult(POOL, limit, "%", measured, measured >= limit, True, method, offenders, "pgbouncer")
