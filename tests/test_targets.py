"""Service targets: the p95 model, cache hit rate and pool efficiency, with their methods stated."""

from __future__ import annotations

import math
import random
from datetime import datetime, timezone

import pytest

from pgtune.facts import (
    ActivitySummary,
    DatabaseStats,
    LatencyHistogram,
    PgBouncerFacts,
    PgBouncerPool,
    PgBouncerTraffic,
    ServerFacts,
    Setting,
    Snapshot,
    StatementStats,
    TableFacts,
    WorkloadSample,
)
from pgtune.targets import ServiceTargets, evaluate, histogram_percentile_ms, statement_p95_ms, workload_p95_ms

NOW = datetime(2026, 11, 26, tzinfo=timezone.utc)


def stats(query: str, calls: int, mean: float, stddev: float, maximum: float = 0.0) -> StatementStats:
    return StatementStats(1, query, calls, calls * mean, mean, stddev, 0.0, maximum)


def snapshot(settings: dict[str, str] | None = None, **kwargs) -> Snapshot:
    server = ServerFacts(
        150000, "15.0", "app", "pgtune", settings=tuple(Setting(k, v) for k, v in (settings or {}).items())
    )
    return Snapshot(server=server, collected_at=NOW, **kwargs)


def pooler(xact_ms: float, wait_ms: float, transactions: int = 1000, servers: float = 2.0) -> PgBouncerFacts:
    pool = PgBouncerPool("app", "app", "transaction", pool_size=2, clients_waiting_max=6, servers_open_mean=servers)
    traffic = PgBouncerTraffic("app", transactions, transactions * 7, xact_ms, xact_ms * 0.9, wait_ms)
    return PgBouncerFacts(
        "host=pgb port=6432 dbname=pgbouncer", "PgBouncer 1.18.0", 10.0, pools=(pool,), traffic=(traffic,)
    )


def test_p95_of_a_constant_statement_is_its_mean():
    assert statement_p95_ms(stats("q", 10, 2.0, 0.0)) == pytest.approx(2.0)


def test_p95_matches_the_lognormal_it_assumes():
    random.seed(7)
    mu, sigma = math.log(3.0), 0.6
    samples = sorted(random.lognormvariate(mu, sigma) for _ in range(200_000))
    mean = sum(samples) / len(samples)
    sd = math.sqrt(sum((x - mean) ** 2 for x in samples) / len(samples))
    assert statement_p95_ms(stats("q", 1, mean, sd)) == pytest.approx(samples[int(0.95 * len(samples))], rel=0.03)


def test_p95_never_exceeds_the_observed_maximum():
    assert statement_p95_ms(stats("q", 10, 2.0, 50.0, maximum=3.0)) == 3.0
    assert statement_p95_ms(stats("q", 10, 2.0, 50.0)) > 3.0


def test_workload_p95_is_dominated_by_frequent_statements():
    fast = stats("fast", 99_000, 0.5, 0.1)
    slow = stats("slow", 1_000, 200.0, 20.0)
    assert workload_p95_ms([fast, slow]) < 1.0
    assert workload_p95_ms([stats("fast", 1_000, 0.5, 0.1), stats("slow", 99_000, 200.0, 20.0)]) > 150.0
    assert workload_p95_ms([]) is None


def test_targets_missed_with_offenders():
    snap = snapshot(
        statements=(
            stats("SELECT * FROM trades WHERE market_id = $1", 1000, 40.0, 10.0),
            stats("SELECT 1", 10, 0.1, 0),
        ),
        database=DatabaseStats("app", blks_hit=900, blks_read=100),
        tables=(TableFacts("public", "trades", heap_blks_hit=10, heap_blks_read=90),),
        activity=ActivitySummary(max_connections=100, active=2, idle=15, idle_in_transaction=3),
    )
    p95, cache, pool = evaluate(snap, ServiceTargets())
    assert (p95.met, cache.met, pool.met) == (False, False, None)
    assert p95.offenders == ("SELECT * FROM trades WHERE market_id = $1",)
    assert "log-normal" in p95.method and p95.estimate and p95.source == "pg_stat_statements"
    assert cache.measured == pytest.approx(90.0) and cache.offenders == ("public.trades (10.0 %)",)
    assert pool.measured is None and pool.method == "not measured: no pooler given (--pgbouncer DSN)"


def test_pool_efficiency_is_measured_on_the_pooler_only():
    # PgBouncer's transaction time holds the wait: 8 clients on a pool of 2 for 10 s.
    use = snapshot(poolers=(pooler(xact_ms=79_000, wait_ms=59_000),))
    pool = evaluate(use, ServiceTargets())[2]
    assert pool.measured == pytest.approx(100 * 20_000 / 79_000) and pool.met is False
    assert pool.source == "pgbouncer" and not pool.estimate
    assert "busy 100 %" in pool.method and pool.offenders == ("app/app: 6 waiting, longest wait 0.0 s",)
    assert evaluate(snapshot(poolers=(pooler(10_000, 50),)), ServiceTargets())[2].met is True
    idle = evaluate(snapshot(poolers=(pooler(0, 0, transactions=0),)), ServiceTargets())[2]
    assert idle.measured is None and "no transaction went through PgBouncer" in idle.method


def test_targets_met_and_thresholds_configurable():
    snap = snapshot(
        statements=(stats("q", 100, 1.0, 0.5),),
        database=DatabaseStats("app", blks_hit=999, blks_read=1),
        poolers=(pooler(10_000, 10),),
    )
    results = evaluate(snap, ServiceTargets(statement_p95_ms=5.0))
    assert all(r.met for r in results)
    assert not evaluate(snap, ServiceTargets(statement_p95_ms=0.5))[0].met


DURATIONS = tuple(WorkloadSample("SELECT 1", "log", duration_ms=float(i)) for i in range(1, 101))


def test_a_log_of_every_statement_gives_the_percentile():
    p95 = evaluate(snapshot({"log_min_duration_statement": "0"}, workload=DURATIONS), ServiceTargets())[0]
    assert p95.measured == 95.0 and "server logs" in p95.method and p95.source == "server log"
    assert not p95.estimate


def test_a_sampled_log_is_weighted_back_by_its_rate():
    # 10 % of statements under 50 ms are logged, every one over it: 50 logged fast ones stand for 500.
    settings = {"log_min_duration_statement": "50", "log_min_duration_sample": "0", "log_statement_sample_rate": "0.1"}
    p95 = evaluate(snapshot(settings, workload=DURATIONS), ServiceTargets())[0]
    # weights: 1..49 → 10 each (490), 50..100 → 1 each (51); 95 % of 541 = 513.95 → the 24th value over 49
    assert p95.measured == 73.0 and "10% sample" in p95.method


def test_a_thresholded_log_is_never_passed_off_as_a_percentile():
    slow = tuple(WorkloadSample("SELECT 1", "log", duration_ms=100.0 + i) for i in range(50))
    p95 = evaluate(
        snapshot({"log_min_duration_statement": "100"}, workload=slow, statements=(stats("SELECT 1", 1000, 1.0, 0.2),)),
        ServiceTargets(),
    )[0]
    assert p95.source == "pg_stat_statements" and p95.estimate and p95.measured < 5
    assert "only statements over 100 ms" in p95.method and "not a percentile" in p95.method
    unknown = evaluate(snapshot(workload=slow), ServiceTargets())[0]
    assert unknown.measured is None and "how the log was sampled is unknown" in unknown.method


def test_auto_explain_durations_are_not_samples():
    plans = tuple(WorkloadSample("SELECT 1", "log", duration_ms=500.0, from_plan=True) for _ in range(50))
    p95 = evaluate(snapshot({"log_min_duration_statement": "0"}, workload=DURATIONS + plans), ServiceTargets())[0]
    assert p95.measured == 95.0


# pg_stat_monitor's default buckets (its regression test's range()), with 1000 calls spread over them.
PGSM_EDGES = (1.0, 2.778, 4.162, 6.623, 11.0, 18.783, None)


def test_p95_from_pg_stat_monitor_buckets():
    # 950 of 1000 calls: 800 + 100 + 40 below 4.162 ms, 10 of the next bucket's 30
    histogram = LatencyHistogram("pg_stat_monitor", PGSM_EDGES, (800, 100, 40, 30, 20, 10, 0))
    assert histogram_percentile_ms(histogram, 0.95) == pytest.approx((4.162 + 2.461 * 10 / 30, 4.162, 6.623))
    p95 = evaluate(snapshot(latency_histogram=histogram), ServiceTargets())[0]
    assert p95.source == "pg_stat_monitor" and p95.met is True and "4.162-6.623 ms" in p95.method
    tail = LatencyHistogram("pg_stat_monitor", PGSM_EDGES, (10, 0, 0, 0, 0, 0, 90))
    assert histogram_percentile_ms(tail, 0.95) == (18.783, 18.783, None)
    assert "a lower bound" in evaluate(snapshot(latency_histogram=tail), ServiceTargets())[0].method
    assert histogram_percentile_ms(LatencyHistogram("pg_stat_monitor", PGSM_EDGES, (0,) * 7), 0.95) is None


def test_unmeasurable_targets_say_why():
    results = evaluate(snapshot(), ServiceTargets())
    assert [r.met for r in results] == [None, None, None]
    assert all(r.method for r in results)
