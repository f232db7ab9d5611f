"""The PgBouncer collector's row handling where the real 1.18 cannot show it: a 1.21+ console (prepared
statements tracked, max_prepared_statements in SHOW CONFIG) from recorded rows, counters that went down across
a restart, and SHOW CLIENTS' time stamps."""

from __future__ import annotations

from datetime import datetime, timezone

from pgtune.collectors import pgbouncer
from pgtune.collectors.pgbouncer import PgBouncerWatch, _Reading

# SHOW output of a PgBouncer 1.22 in transaction mode (column sets as its documentation lists them, trimmed).
POOL = {
    "database": "app",
    "user": "app",
    "cl_active": 5,
    "cl_waiting": 0,
    "sv_active": 2,
    "sv_idle": 3,
    "sv_used": 0,
    "sv_tested": 0,
    "sv_login": 0,
    "maxwait": 0,
    "maxwait_us": 250_000,
    "pool_mode": "transaction",
}
RECORDED = {
    "CONFIG": [{"key": "pool_mode", "value": "transaction"}, {"key": "default_pool_size", "value": "20"},
               {"key": "max_client_conn", "value": "500"}, {"key": "max_db_connections", "value": "0"},
               {"key": "max_prepared_statements", "value": "0"}],
    "DATABASES": [{"name": "app", "pool_size": 5, "reserve_pool": 1, "pool_mode": None}],
    "CLIENTS": [
        {"database": "app", "user": "app", "request_time": "2026-11-26 03:00:00 UTC", "prepared_statements": 4},
        {"database": "app", "user": "app", "request_time": "2026-11-26 03:14:30 UTC", "prepared_statements": 3},
        {"database": "pgbouncer", "user": "pgtune", "request_time": "2026-11-26 03:15:00 UTC"},
    ],
    "SERVERS": [
        {"database": "app", "user": "app", "state": "idle", "request_time": "2026-11-26 03:10:00 UTC"},
        {"database": "app", "user": "app", "state": "idle", "request_time": "2026-11-26 03:14:50 UTC"},
        {"database": "app", "user": "app", "state": "active", "request_time": "2026-11-26 03:00:00 UTC"},
    ],
    "VERSION": [{"version": "PgBouncer 1.22.1"}],
}  # fmt: skip


class RecordedConsole:
    redacted_dsn = "host=pgb port=6432 dbname=pgbouncer user=pgtune"
    address = "pgb:6432"

    def show(self, what: str) -> list[dict]:
        return RECORDED[what]


def test_a_1_21_console_reports_prepared_statements(monkeypatch):
    monkeypatch.setattr(pgbouncer, "datetime", _Frozen)
    first = _Reading(0.0, {("app", "app"): {**POOL, "cl_waiting": 2}}, {"app": _stats(1000, 5_000_000, 100_000)})
    last = _Reading(10.0, {("app", "app"): POOL}, {"app": _stats(400, 2_000_000, 50_000)})
    facts = pgbouncer._facts(RecordedConsole(), first, last)
    (pool,) = facts.pools
    assert facts.max_prepared_statements == 0 and facts.version == "PgBouncer 1.22.1" and facts.interval_s == 10
    assert facts.address == "pgb:6432"
    assert (pool.pool_size, pool.reserve_pool_size, pool.pool_mode) == (5, 1, "transaction")
    assert pool.prepared_statements == 7 and pool.clients_idle_over_60s == 1 and pool.longest_client_idle_s == 900
    assert pool.clients_waiting_max == 2 and pool.maxwait_max_s == 0.25 and pool.servers_open_mean == 5
    assert pool.servers_idle_over_60s == 1
    # PgBouncer restarted between the readings: its counters start again from zero.
    (traffic,) = facts.traffic
    assert (traffic.transactions, traffic.xact_time_ms, traffic.wait_time_ms) == (400, 2000.0, 50.0)


def test_time_stamps_and_odd_values():
    assert pgbouncer._timestamp("2026-11-26 03:00:00 UTC") == datetime(2026, 11, 26, 3, tzinfo=timezone.utc)
    assert pgbouncer._timestamp("2026-11-26 03:00:00 CET").tzinfo is not None
    assert pgbouncer._timestamp("yesterday") is None and pgbouncer._timestamp(None) is None
    assert pgbouncer._timestamp("2026-13-40 03:00:00 UTC") is None
    assert pgbouncer._int("x") == 0 and pgbouncer._int("") == 0 and pgbouncer._int("12") == 12


def test_no_pooler_given_reads_nothing():
    watch = PgBouncerWatch(()).open()
    assert watch.finish() == ()


def _stats(transactions: int, xact_us: int, wait_us: int) -> dict:
    return {"total_xact_count": transactions, "total_query_count": transactions * 7, "total_xact_time": xact_us,
            "total_query_time": xact_us, "total_wait_time": wait_us}  # fmt: skip


class _Frozen(datetime):
    @classmethod
    def now(cls, tz=None):
        return datetime(2026, 11, 26, 3, 15, tzinfo=timezone.utc)
