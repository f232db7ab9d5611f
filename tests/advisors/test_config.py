"""CF rules: sized from declared memory, CPUs and storage; current and proposed values, DDL and rollback."""

from __future__ import annotations

import pytest

from pgtune.advisors.config import (
    cf001_shared_buffers,
    cf002_effective_cache_size,
    cf003_work_mem,
    cf004_maintenance_work_mem,
    cf005_storage_costs,
    cf006_max_wal_size,
    cf007_max_connections,
    cf008_track_io_timing,
    cf009_pg_stat_statements,
    cf010_idle_in_transaction_timeout,
    cf011_parallel_workers,
)
from pgtune.advisors.config.change import current_text
from pgtune.advisors.config.values import as_bytes, as_ms, is_on, number, round_mb, size_text
from pgtune.facts import ActivitySummary, CheckpointerStats
from pgtune.findings import FixSafety, Severity
from pgtune.report.units import evidence_text

from .builders import GB, facts, run, setting, snapshot, stats

MEMORY = 64 * GB
DEFAULTS = (
    setting("shared_buffers", "16384", "8kB", "postmaster"),
    setting("effective_cache_size", "524288", "8kB"),
    setting("work_mem", "4096", "kB"),
    setting("maintenance_work_mem", "65536", "kB"),
    setting("random_page_cost", "4"),
    setting("effective_io_concurrency", "1"),
    setting("max_wal_size", "1024", "MB", "sighup"),
    setting("checkpoint_timeout", "300", "s", "sighup"),
    setting("max_connections", "100", None, "postmaster"),
    setting("track_io_timing", "off", None, "superuser"),
    setting("pg_stat_statements.max", "5000", None, "postmaster"),
    setting("pg_stat_statements.track", "top", None, "superuser"),
    setting("idle_in_transaction_session_timeout", "0", "ms"),
    setting("max_worker_processes", "8", None, "postmaster"),
    setting("max_parallel_workers", "8"),
)


def configured(*changed, **fields):
    names = {s.name for s in changed}
    return snapshot(
        *fields.pop("statements", ()), settings=changed + tuple(s for s in DEFAULTS if s.name not in names), **fields
    )


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        ("16384", "8kB", 128 * 1024**2),
        ("4096", "kB", 4 * 1024**2),
        ("1024", "MB", GB),
        ("-1", "kB", None),
        ("on", None, None),
        ("64", None, None),
        ("2", "16MB", 32 * 1024**2),
    ],
)
def test_as_bytes(value, unit, expected):
    assert as_bytes(setting("x", value, unit)) == expected


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [("300", "s", 300_000.0), ("0", "ms", 0.0), ("5", "min", 300_000.0), ("x", "s", None), ("5", None, None)],
)
def test_as_ms(value, unit, expected):
    assert as_ms(setting("x", value, unit)) == expected


def test_values_of_absent_settings():
    assert as_bytes(None) is None and as_ms(None) is None and number(None) is None and not is_on(None)


@pytest.mark.parametrize(
    ("size", "text"), [(16 * GB, "16GB"), (96 * 1024**2, "96MB"), (1536 * 1024**2, "1536MB"), (10, "1MB")]
)
def test_size_text(size, text):
    assert size_text(size) == text


def test_round_mb_keeps_at_least_one_step():
    assert round_mb(10 * 1024**2, 128) == 128 * 1024**2 and round_mb(300 * 1024**2, 128) == 256 * 1024**2


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [("16384", "8kB", "131072kB"), ("1024", "MB", "1024MB"), ("1.1", None, "1.1"), ("-1", "kB", "-1kB")],
)
def test_current_text_is_what_postgresql_conf_takes(value, unit, text):
    assert current_text(setting("x", value, unit)) == text


def test_shared_buffers_default_on_a_large_server_needs_a_restart():
    (finding,) = run(cf001_shared_buffers, facts(configured(), memory_bytes=MEMORY))
    assert finding.severity is Severity.WARNING
    assert finding.fix.ddl == "ALTER SYSTEM SET shared_buffers = '16GB';\n-- takes effect after a server restart"
    assert finding.fix.rollback == "ALTER SYSTEM RESET shared_buffers; -- then restart"
    assert finding.fix.safety is FixSafety.RESTART
    assert ("current", "131072kB") in [(e.label, evidence_text(e)) for e in finding.evidence]


def test_shared_buffers_at_a_quarter_is_not_flagged():
    quarter = setting("shared_buffers", str(16 * GB // 8192), "8kB", "postmaster")
    assert not run(cf001_shared_buffers, facts(configured(quarter), memory_bytes=MEMORY))


def test_value_from_the_configuration_file_is_rolled_back_to_itself():
    too_big = setting("shared_buffers", str(48 * GB // 8192), "8kB", "postmaster", "configuration file")
    (finding,) = run(cf001_shared_buffers, facts(configured(too_big), memory_bytes=MEMORY))
    assert finding.fix.rollback == "ALTER SYSTEM SET shared_buffers = '50331648kB'; -- then restart"


def test_memory_unknown_said_once_for_every_memory_setting():
    analysis = facts(configured(statements=(_spilling(100_000),)))
    (finding,) = run(cf001_shared_buffers, analysis)
    assert finding.severity is Severity.INFO and finding.fix is None and "--memory" in finding.help
    assert finding.message.startswith(
        "shared_buffers, effective_cache_size, work_mem, maintenance_work_mem not checked"
    )
    for rule in (cf002_effective_cache_size, cf003_work_mem, cf004_maintenance_work_mem):
        assert not run(rule, analysis)


def test_effective_cache_size_proposed_at_three_quarters_with_a_reload():
    (finding,) = run(cf002_effective_cache_size, facts(configured(), memory_bytes=MEMORY))
    assert finding.fix.ddl == "ALTER SYSTEM SET effective_cache_size = '48GB';\nSELECT pg_reload_conf();"
    assert finding.fix.safety is FixSafety.ONLINE
    assert finding.fix.rollback == "ALTER SYSTEM RESET effective_cache_size; SELECT pg_reload_conf();"
    assert not run(cf002_effective_cache_size, facts(configured(), memory_bytes=6 * GB))


def _spilling(temp_blocks: int, calls: int = 10) -> object:
    return stats(
        "SELECT user_id, sum(qty) FROM trades GROUP BY user_id ORDER BY 2", calls=calls, temp_blks_written=temp_blocks
    )


def test_work_mem_raised_to_what_spilling_statements_need():
    snap = configured(statements=(_spilling(10 * 30 * 128), stats("SELECT 1")))
    (finding,) = run(cf003_work_mem, facts(snap, memory_bytes=MEMORY))
    assert "'30MB'" in finding.fix.ddl
    assert len(finding.statements) == 1 and "SET LOCAL" not in finding.help


def test_work_mem_bounded_by_memory_over_connections():
    snap = configured(statements=(_spilling(10 * 4 * GB // 8192),))
    (finding,) = run(cf003_work_mem, facts(snap, memory_bytes=MEMORY))
    assert "'327MB'" in finding.fix.ddl and "SET LOCAL" in finding.help


@pytest.mark.parametrize(("statements", "memory"), [((stats("SELECT 1"),), MEMORY), ((_spilling(10 * 128),), MEMORY)])
def test_work_mem_left_alone_without_spills_beyond_it(statements, memory):
    assert not run(cf003_work_mem, facts(configured(statements=statements), memory_bytes=memory))


def test_work_mem_set_per_role_is_left_as_chosen():
    per_role = setting("work_mem", "4096", "kB", source="user")
    (finding,) = run(cf003_work_mem, facts(configured(per_role, statements=(_spilling(100_000),)), memory_bytes=MEMORY))
    assert finding.fix is None and finding.severity is Severity.INFO
    assert "ALTER ROLE ... SET" in finding.help and finding.statements


def test_maintenance_work_mem():
    (finding,) = run(cf004_maintenance_work_mem, facts(configured(), memory_bytes=MEMORY))
    assert "'2GB'" in finding.fix.ddl
    assert not run(cf004_maintenance_work_mem, facts(configured(), memory_bytes=2 * GB))


def test_ssd_costs():
    found = run(cf005_storage_costs, facts(configured()))
    assert [f.target for f in found] == ["random_page_cost", "effective_io_concurrency"]
    assert "'1.1'" in found[0].fix.ddl and "'200'" in found[1].fix.ddl


@pytest.mark.parametrize(
    ("changed", "storage"),
    [
        ((), "hdd"),
        ((setting("random_page_cost", "1.1"), setting("effective_io_concurrency", "256")), "ssd"),
        ((setting("random_page_cost", "1.1"), setting("effective_io_concurrency", "0")), "ssd"),
    ],
)
def test_ssd_costs_not_flagged(changed, storage):
    assert not run(cf005_storage_costs, facts(configured(*changed), storage=storage))


@pytest.mark.parametrize(
    ("timed", "requested", "proposed"),
    [(100, 900, "4GB"), (100, 150, "3GB"), (0, 12, "4GB"), (100, 90, None), (0, 5, None)],
)
def test_max_wal_size_from_checkpoints(timed, requested, proposed):
    snap = configured(checkpointer=CheckpointerStats(checkpoints_timed=timed, checkpoints_requested=requested))
    found = run(cf006_max_wal_size, facts(snap))
    assert [evidence_text(f.evidence[1]) for f in found] == ([proposed] if proposed else [])


def test_max_wal_size_without_checkpointer_statistics():
    assert not run(cf006_max_wal_size, facts(configured()))


@pytest.mark.parametrize(
    ("limit", "total", "severity", "fixed"),
    [
        ("100", 90, Severity.WARNING, False),
        ("2000", 60, Severity.INFO, True),
        ("300", 60, None, None),
        ("1000", 600, None, None),
    ],
)
def test_max_connections_against_use(limit, total, severity, fixed):
    snap = configured(
        setting("max_connections", limit, None, "postmaster"),
        activity=ActivitySummary(max_connections=int(limit), total=total, active=5),
    )
    found = run(cf007_max_connections, facts(snap))
    assert [f.severity for f in found] == ([severity] if severity else [])
    if fixed:
        assert "'120'" in found[0].fix.ddl and found[0].fix.safety is FixSafety.RESTART


def test_track_io_timing():
    (finding,) = run(cf008_track_io_timing, facts(configured()))
    assert finding.fix.ddl.endswith("SELECT pg_reload_conf();")
    assert not run(cf008_track_io_timing, facts(configured(setting("track_io_timing", "on", None, "superuser"))))


def test_pg_stat_statements_evictions_and_tracking():
    snap = configured(setting("pg_stat_statements.track", "none", None, "superuser"), statements_deallocations=400)
    found = run(cf009_pg_stat_statements, facts(snap))
    assert [evidence_text(f.evidence[1]) for f in found] == ["top", "10000"]
    assert not run(cf009_pg_stat_statements, facts(configured(statements_deallocations=0)))


@pytest.mark.parametrize(
    ("timeout", "idle_in_transaction", "flagged"), [("0", 2, True), ("0", 0, False), ("60000", 2, False)]
)
def test_idle_in_transaction_timeout(timeout, idle_in_transaction, flagged):
    activity = ActivitySummary(
        100, total=10, idle_in_transaction=idle_in_transaction, longest_idle_in_transaction_s=700
    )
    snap = configured(setting("idle_in_transaction_session_timeout", timeout, "ms"), activity=activity)
    assert len(run(cf010_idle_in_transaction_timeout, facts(snap))) == int(flagged)


@pytest.mark.parametrize(
    "rule",
    [
        cf001_shared_buffers,
        cf003_work_mem,
        cf005_storage_costs,
        cf006_max_wal_size,
        cf007_max_connections,
        cf008_track_io_timing,
        cf009_pg_stat_statements,
        cf010_idle_in_transaction_timeout,
    ],
)
def test_settings_not_collected_give_nothing(rule):
    assert not run(rule, facts(snapshot(_spilling(100_000)), memory_bytes=MEMORY))


@pytest.mark.parametrize(("cpus", "raised"), [(32, ["max_worker_processes", "max_parallel_workers"]), (8, []), (2, [])])
def test_parallel_workers_from_cpus(cpus, raised):
    found = run(cf011_parallel_workers, facts(configured(), cpus=cpus))
    assert [f.target for f in found] == raised
    assert all(f"'{cpus}'" in f.fix.ddl for f in found)


def test_parallel_workers_need_the_cpu_count():
    (finding,) = run(cf011_parallel_workers, facts(configured()))
    assert finding.kind == "skipped" and "--cpus" in finding.help
    assert not run(cf011_parallel_workers, facts(snapshot(), cpus=4))


def test_parallel_workers_that_were_not_launched_back_the_finding():
    """18's pg_stat_statements counts planned and launched workers; before 18 both are None."""
    short = stats("SELECT count(*) FROM trades", parallel_workers_to_launch=40, parallel_workers_launched=10)
    full = stats("SELECT count(*) FROM orders", parallel_workers_to_launch=8, parallel_workers_launched=8)
    found = run(cf011_parallel_workers, facts(configured(statements=(short, full)), cpus=32))
    assert [f.target for f in found] == ["max_worker_processes", "max_parallel_workers"]
    assert all(
        ("parallel workers launched", "18 of 48") in [(e.label, evidence_text(e)) for e in f.evidence] for f in found
    )
    assert f"queryid {short.queryid}: 10 of 40" in [evidence_text(e) for e in found[0].evidence]
    unsized = run(cf011_parallel_workers, facts(configured(statements=(short,))))
    assert [f.severity for f in unsized] == [Severity.WARNING, Severity.INFO]
    assert unsized[0].message.startswith("statements got 10 of 40 parallel workers their plans asked for")
    assert len(run(cf011_parallel_workers, facts(configured(statements=(full,))))) == 1
