"""PL rules over facts: connections without a pooler, and PgBouncer's pools as its admin console shows them."""

from __future__ import annotations

import pytest

from pgtune.advisors.pooling import (
    pl001_idle_connections,
    pl002_clients_waiting,
    pl003_pool_oversized,
    pl004_session_idle_clients,
    pl005_prepared_statements,
    pl006_pools_over_max_connections,
)
from pgtune.facts import ActivitySummary
from pgtune.findings import FixSafety, Severity
from pgtune.report.units import evidence_text

from .builders import facts, pooler, run, setting, snapshot


@pytest.mark.parametrize(
    ("cpus", "active", "idle_in_transaction", "pool", "severity"),
    [(16, 10, 5, "64", Severity.WARNING), (None, 10, 0, "20", Severity.INFO), (None, 0, 0, "2", Severity.INFO)],
)
def test_idle_connections_without_a_pooler(cpus, active, idle_in_transaction, pool, severity):
    activity = ActivitySummary(400, total=200, active=active, idle=185, idle_in_transaction=idle_in_transaction)
    (finding,) = run(pl001_idle_connections, facts(snapshot(activity=activity), cpus=cpus))
    assert finding.severity is severity and finding.fix.safety is FixSafety.MANUAL
    assert f"default_pool_size = {pool}" in finding.fix.ddl and "--pgbouncer" in finding.help
    assert "pool efficiency not measured: no pooler given" in finding.message
    assert any(e.label == "headroom to max_connections" and evidence_text(e) == "200 of 400" for e in finding.evidence)


def test_idle_connections_headroom_counts_the_superuser_reserve():
    activity = ActivitySummary(100, total=90, active=90)
    settings = (setting("max_connections", "100"), setting("superuser_reserved_connections", "3"))
    (finding,) = run(pl001_idle_connections, facts(snapshot(activity=activity, settings=settings)))
    assert finding.severity is Severity.WARNING and "7 of 97 connections left" in finding.message


@pytest.mark.parametrize("activity", [None, ActivitySummary(100, total=10, active=10), ActivitySummary(100)])
def test_idle_connections_not_flagged(activity):
    assert not run(pl001_idle_connections, facts(snapshot(activity=activity)))


def test_idle_connections_left_to_the_pooler_rules_when_a_pooler_is_given():
    activity = ActivitySummary(400, total=200, active=10, idle=185)
    assert not run(pl001_idle_connections, facts(snapshot(activity=activity, poolers=(pooler(),))))


def test_clients_waiting_sizes_the_pool_to_the_measured_demand():
    # 8 clients in transactions all the time (80 s over 10 s), 6 of those seconds queued: demand 8 → 10.
    busy = pooler(xact_ms=80_000, wait_ms=60_000, waiting=6, maxwait_s=0.2)
    (finding,) = run(
        pl002_clients_waiting, facts(snapshot(poolers=(busy,), settings=(setting("max_connections", "60"),)))
    )
    assert finding.severity is Severity.WARNING and "75 %" in finding.message and "pool of 2" in finding.message
    assert "about 10 server connections" in finding.help and "allows 60" in finding.help
    assert "pool_size=10" in finding.fix.ddl and finding.fix.rollback.startswith("-- pool_size=2")
    assert not run(pl002_clients_waiting, facts(snapshot(poolers=(pooler(xact_ms=10_000, wait_ms=10),))))
    (slow_head,) = run(pl002_clients_waiting, facts(snapshot(poolers=(pooler(10_000, 100, maxwait_s=3.0),))))
    assert slow_head.severity is Severity.INFO


def test_oversized_pool():
    idle = pooler(xact_ms=20_000, servers_open=40, servers_active=3, pool_size=50)
    (finding,) = run(pl003_pool_oversized, facts(snapshot(poolers=(idle,))))
    assert "kept 40 server connections open, busy 5 %" in finding.message and "about 4" in finding.help
    assert not run(pl003_pool_oversized, facts(snapshot(poolers=(pooler(xact_ms=20_000, servers_open=4),))))
    queued = pooler(xact_ms=20_000, wait_ms=500, servers_open=40, servers_active=3)
    assert not run(pl003_pool_oversized, facts(snapshot(poolers=(queued,))))


def test_session_pooling_with_idle_clients():
    (finding,) = run(pl004_session_idle_clients, facts(snapshot(poolers=(pooler(mode="session", idle_clients=3),))))
    assert finding.severity is Severity.INFO and "3 client(s) had sent nothing" in finding.message
    (crowded,) = run(
        pl004_session_idle_clients, facts(snapshot(poolers=(pooler(mode="session", idle_clients=3, waiting=2),)))
    )
    assert crowded.severity is Severity.WARNING and "while 2 waited" in crowded.message
    assert not run(pl004_session_idle_clients, facts(snapshot(poolers=(pooler(idle_clients=3),))))


def test_prepared_statements_in_transaction_pooling():
    (old,) = run(pl005_prepared_statements, facts(snapshot(poolers=(pooler(),))))
    assert old.severity is Severity.INFO and old.fix is None and "upgrade PgBouncer to 1.21" in old.help
    (seen,) = run(pl005_prepared_statements, facts(snapshot(poolers=(pooler(prepared=12, max_prepared_statements=0),))))
    assert seen.severity is Severity.WARNING and "12 prepared statement(s)" in seen.message
    assert "max_prepared_statements = 200" in seen.fix.ddl
    assert not run(pl005_prepared_statements, facts(snapshot(poolers=(pooler(max_prepared_statements=200),))))
    assert not run(pl005_prepared_statements, facts(snapshot(poolers=(pooler(mode="session"),))))


def test_pools_over_max_connections():
    settings = (setting("max_connections", "60"), setting("superuser_reserved_connections", "3"))
    (finding,) = run(
        pl006_pools_over_max_connections, facts(snapshot(poolers=(pooler(pool_size=80),), settings=settings))
    )
    assert "may open 80 server connections; the server accepts 57" in finding.message
    assert not run(
        pl006_pools_over_max_connections, facts(snapshot(poolers=(pooler(pool_size=20),), settings=settings))
    )
