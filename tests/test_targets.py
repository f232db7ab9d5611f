"""Service targets: the p95 model, cache hit rate and pool efficiency, with their methods stated."""

from __future__ import annotations

import math
import random
from datetime import datetime, timezone

import pytest

from pgtune.facts import (
    ActivitySummary,
    DatabaseStats,
    ServerFacts,
    Snapshot,
    StatementStats,
    TableFacts,
    WorkloadSample,
)
from pgtune.targets import ServiceTargets, evaluate, statement_p95_ms, workload_p95_ms

NOW = datetime(2026, 11, 26, tzinfo=timezone.utc)


def stats(query: str, calls: int, mean: float, stddev: float, maximum: float = 0.0) -> StatementStats:
    return StatementStats(1, query, calls, calls * mean, mean, stddev, 0.0, maximum)


def snapshot(**kwargs) -> Snapshot:
    return Snapshot(server=ServerFacts(150000, "15.0", "app", "pgtune"), collected_at=NOW, **kwargs)


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
    assert (p95.met, cache.met, pool.met) == (False, False, False)
    assert p95.offenders == ("SELECT * FROM trades WHERE market_id = $1",)
    assert "log-normal" in p95.method
    assert cache.measured == pytest.approx(90.0) and cache.offenders == ("public.trades (10.0 %)",)
    assert pool.measured == pytest.approx(10.0)
    assert pool.offenders == ("3 idle in transaction", "15 idle")


def test_targets_met_and_thresholds_configurable():
    snap = snapshot(
        statements=(stats("q", 100, 1.0, 0.5),),
        database=DatabaseStats("app", blks_hit=999, blks_read=1),
        activity=ActivitySummary(max_connections=100, active=19, idle=1),
    )
    results = evaluate(snap, ServiceTargets(statement_p95_ms=5.0))
    assert all(r.met for r in results)
    assert not evaluate(snap, ServiceTargets(statement_p95_ms=0.5))[0].met


def test_log_durations_take_precedence():
    samples = tuple(WorkloadSample("SELECT 1", "log", duration_ms=float(i)) for i in range(1, 101))
    p95 = evaluate(snapshot(workload=samples), ServiceTargets())[0]
    assert p95.measured == 95.0 and "server logs" in p95.method


def test_unmeasurable_targets_say_why():
    results = evaluate(snapshot(), ServiceTargets())
    assert [r.met for r in results] == [None, None, None]
    assert all(r.method for r in results)
