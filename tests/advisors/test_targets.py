"""ST rules: a finding only when a target is measured and missed, with the reasons from pgtune.targets."""

from __future__ import annotations

import dataclasses

import pytest

from pgtune.advisors.targets import st001_cache_hit_rate, st002_statement_p95, st003_pool_efficiency
from pgtune.facts import ActivitySummary, DatabaseStats
from pgtune.report.units import evidence_text
from pgtune.targets import ServiceTargets

from .builders import ORDERS, USERS, facts, pooler, run, snapshot, stats

HOT_COLD = (
    dataclasses.replace(ORDERS, heap_blks_hit=600, heap_blks_read=400),
    dataclasses.replace(USERS, heap_blks_hit=990, heap_blks_read=10),
)


@pytest.mark.parametrize(("hit", "read", "flagged"), [(80, 20, True), (99, 1, False), (0, 0, False)])
def test_cache_hit_rate(hit, read, flagged):
    snap = snapshot(database=DatabaseStats("exchange", blks_hit=hit, blks_read=read), tables=HOT_COLD)
    found = run(st001_cache_hit_rate, facts(snap))
    assert len(found) == int(flagged)
    if flagged:
        offenders = [evidence_text(e) for e in found[0].evidence if e.label == "hot table under target"]
        assert offenders == ["public.orders (60.0 %)"]


def test_cache_hit_rate_threshold_comes_from_the_users_targets():
    snap = snapshot(database=DatabaseStats("exchange", blks_hit=90, blks_read=10))
    assert run(st001_cache_hit_rate, facts(snap))
    assert not run(st001_cache_hit_rate, facts(snap, targets=ServiceTargets(cache_hit_pct=85.0)))


def test_statement_p95_names_the_statements_that_break_it():
    slow = stats("SELECT * FROM orders WHERE note LIKE $1", calls=20_000, mean_ms=40.0, stddev_exec_ms=10.0)
    fast = stats("SELECT id FROM orders WHERE id = $1", calls=100_000, mean_ms=0.2, stddev_exec_ms=0.05)
    (finding,) = run(st002_statement_p95, facts(snapshot(slow, fast, stats("SELECT 1", calls=0))))
    assert [s.text for s in finding.statements] == [slow.query]
    assert "1 statement(s)" in finding.message


def test_statement_p95_within_target():
    fast = stats("SELECT id FROM orders WHERE id = $1", calls=100_000, mean_ms=0.2, stddev_exec_ms=0.05)
    assert not run(st002_statement_p95, facts(snapshot(fast)))
    assert not run(st002_statement_p95, facts(snapshot()))


def test_pool_efficiency_flagged_only_when_measured_on_the_pooler_and_missed():
    activity = ActivitySummary(400, total=200, active=10, idle=185)
    assert not run(st003_pool_efficiency, facts(snapshot(activity=activity)))
    (finding,) = run(st003_pool_efficiency, facts(snapshot(poolers=(pooler(xact_ms=79_000, wait_ms=59_000),))))
    assert "pool efficiency 25.3 %" in finding.message and finding.kind == "target"
    assert any(e.label == "server-connection utilisation" for e in finding.evidence)
    assert not run(st003_pool_efficiency, facts(snapshot(poolers=(pooler(xact_ms=10_000, wait_ms=10),))))
