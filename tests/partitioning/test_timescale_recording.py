"""The PT rules on what a real TimescaleDB 2.28.3 server returned for the exchange scenario."""

from __future__ import annotations

import dataclasses

import pytest

from pgtune.advisors.base import AdvisorSettings, AnalysisFacts
from pgtune.advisors.partitioning import (
    pt001_native_partitioning,
    pt002_hypertable,
    pt003_chunk_interval,
    pt004_compression,
    pt005_compression_settings,
    pt006_failing_jobs,
    pt007_continuous_aggregates,
)
from pgtune.findings import Severity
from pgtune.report.units import evidence_text

from .recording import recorded_snapshot, recorded_workload, timescale_facts
from .signatures import check_timescale_sql


@pytest.fixture
def facts() -> AnalysisFacts:
    return AnalysisFacts(recorded_snapshot(), recorded_workload())


def with_timescale(facts: AnalysisFacts, **changes) -> AnalysisFacts:
    timescale = dataclasses.replace(facts.snapshot.timescaledb, **changes)
    return dataclasses.replace(facts, snapshot=dataclasses.replace(facts.snapshot, timescaledb=timescale))


def test_the_one_hour_table_has_far_too_small_chunks(facts):
    (finding,) = pt003_chunk_interval.check(facts)
    assert finding.target == "public.funding_rates"
    assert finding.message == (
        "public.funding_rates has 720 chunks of 1 hour: each holds 48.0 kB, under 1 % of the 256.0 MB budget: "
        "chunk overhead outweighs the partitioning"
    )
    evidence = {e.label: evidence_text(e) for e in finding.evidence}
    assert evidence["growth"] == (
        "1.1 MB a day, 768.0 kB of it indexes: what 720 uncompressed chunks hold over the 30.0 days their rows cover"
    )
    assert evidence["budget"].startswith("256.0 MB: shared_buffers (256.0 MB), standing in for 25 % of RAM")
    assert "set_chunk_time_interval('public.funding_rates', INTERVAL '1 month')" in finding.fix.ddl
    assert "INTERVAL '01:00:00'" in finding.fix.rollback
    assert check_timescale_sql(finding.fix.ddl + finding.fix.rollback) == []


def test_chunks_far_larger_than_the_cache_are_flagged(facts):
    tiny_cache = dataclasses.replace(facts.snapshot, server=dataclasses.replace(facts.snapshot.server, settings=()))
    small = dataclasses.replace(facts, snapshot=tiny_cache, settings=AdvisorSettings(memory_bytes=16 * 1024**2))
    targets = {f.target: f for f in pt003_chunk_interval.check(small)}
    assert sorted(targets) == ["public.orders", "public.trades"]
    assert targets["public.trades"].message == (
        "public.trades has 61 chunks of 1 day: the indexes of the chunks being written take 7.2 MB, over the 4.0 MB "
        "TimescaleDB's rule allows"
    )
    assert "set_chunk_time_interval('public.trades', INTERVAL '6 hours')" in targets["public.trades"].fix.ddl
    evidence = {e.label: evidence_text(e) for e in targets["public.orders"].evidence}
    assert evidence["growth"].endswith("(2 dimensions: the chunks of one interval summed)")
    assert "INTERVAL '6 hours'" in targets["public.orders"].fix.ddl


def test_the_uncompressed_hypertable_with_old_chunks_is_flagged(facts):
    findings = {f.target: f for f in pt004_compression.check(facts)}
    assert sorted(findings) == ["public.funding_rates", "public.orders"]
    finding = findings["public.orders"]
    assert finding.message == "public.orders is not compressed: 28 of its 37 chunks are older than 14 days (68.5 MB)"
    assert "compress_segmentby" not in findings["public.funding_rates"].fix.ddl
    assert "timescaledb.compress_segmentby = 'account_id'" in finding.fix.ddl
    assert "compress_after => INTERVAL '14 days'" in finding.fix.ddl
    assert check_timescale_sql(finding.fix.ddl + finding.fix.rollback) == []


def test_compression_enabled_but_not_keeping_up_is_flagged(facts):
    stale = tuple(dataclasses.replace(c, is_compressed=False) for c in timescale_facts().chunks)
    findings = {f.target: f for f in pt004_compression.check(with_timescale(facts, chunks=stale))}
    assert "compression enabled but" in findings["public.trades"].message
    assert findings["public.trades"].fix.rollback is None
    assert check_timescale_sql(findings["public.trades"].fix.ddl) == []


def test_the_trades_compression_settings_match_the_workload(facts):
    assert list(pt005_compression_settings.check(facts)) == []


def test_compression_segmented_by_an_unfiltered_column_is_flagged(facts):
    hypertables = tuple(
        dataclasses.replace(h, segmentby=("qty",), orderby=("price",)) if h.name == "trades" else h
        for h in timescale_facts().hypertables
    )
    (finding,) = pt005_compression_settings.check(with_timescale(facts, hypertables=hypertables))
    assert "segmented by qty while its statements filter with = on market_id, taker_side" in finding.message
    assert "compress_segmentby = 'market_id', timescaledb.compress_orderby = 'executed_at DESC'" in finding.fix.ddl
    assert "compress_segmentby = 'qty', timescaledb.compress_orderby = 'price'" in finding.fix.rollback
    assert check_timescale_sql(finding.fix.ddl + finding.fix.rollback) == []


def test_failing_background_jobs_are_flagged(facts):
    findings = {f.message.split()[1]: f for f in pt006_failing_jobs.check(facts)}
    assert sorted(findings, key=int) == ["3", "1000", "1001", "1002", "1003"]
    assert findings["1002"].severity is Severity.CRITICAL
    assert findings["3"].severity is Severity.WARNING
    errors = {e.label: evidence_text(e) for e in findings["1003"].evidence}
    assert errors["last error"] == '24000: cannot drop portal "" while it is being set up'
    assert "old chunks stop being dropped" in findings["1003"].message


def test_a_candle_query_the_continuous_aggregate_serves_is_pointed_at_it(facts):
    (finding,) = pt007_continuous_aggregates.check(facts)
    assert finding.severity is Severity.INFO and finding.kind == "rewrite"
    assert "public.candles_1m already holds its buckets" in finding.message
    served = {e.label: evidence_text(e) for e in finding.evidence}["served by"]
    assert served == "candles_1m (1 minute, by market_id, real-time), candles_1h (1 hour, by market_id)"
    assert finding.fix is None


def test_a_candle_query_without_an_aggregate_gets_one(facts):
    (finding,) = pt007_continuous_aggregates.check(with_timescale(facts, continuous_aggregates=()))
    assert finding.severity is Severity.WARNING
    ddl = finding.fix.ddl
    assert "CREATE MATERIALIZED VIEW public.trades_by_1_minute\nWITH (timescaledb.continuous) AS" in ddl
    assert "GROUP BY bucket, market_id" in ddl
    assert "max(price) AS price_max" in ddl and "sum(qty) AS qty_sum" in ddl
    assert "taker_side" not in ddl
    assert check_timescale_sql(ddl) == []
    assert finding.fix.rollback == "DROP MATERIALIZED VIEW IF EXISTS public.trades_by_1_minute;\n"


def test_the_plain_ledger_becomes_a_hypertable_on_a_timescale_server(facts):
    (finding,) = pt002_hypertable.check(facts)
    assert finding.target == "public.ledger_entries"
    assert finding.confidence == "low"
    labels = {e.label: evidence_text(e) for e in finding.evidence}
    assert "no pg_stats correlation" in labels["time order"]
    assert "ranges of created_at or ORDER BY created_at LIMIT in 1 statement:" in labels["range reads"]
    ddl = finding.fix.ddl
    assert "CREATE EXTENSION" not in ddl
    assert "by_range('created_at', INTERVAL '7 days'), migrate_data => true" in ddl
    assert (
        "ALTER TABLE public.ledger_entries DROP CONSTRAINT ledger_entries_pkey, ADD CONSTRAINT ledger_entries_pkey "
        "PRIMARY KEY USING INDEX ledger_entries_pkey_created_at;" in ddl
    )
    assert "compress_segmentby = 'account_id'" in ddl
    assert check_timescale_sql(ddl) == []
    assert check_timescale_sql(finding.fix.rollback) == []
    assert list(pt001_native_partitioning.check(facts)) == []


def test_the_same_ledger_gets_a_native_plan_when_asked(facts):
    native = dataclasses.replace(facts, settings=AdvisorSettings(partition_target="native"))
    (finding,) = pt001_native_partitioning.check(native)
    assert finding.target == "public.ledger_entries"
    assert "PARTITION BY RANGE (created_at)" in finding.fix.ddl
    assert list(pt002_hypertable.check(native)) == []


@pytest.mark.parametrize(
    ("sql", "problem"),
    [
        ("SELECT add_compression_policy('t', compress_afterr => INTERVAL '1 day');", "fits no recorded signature"),
        ("CALL add_compression_policy('t', INTERVAL '1 day');", "fits no recorded signature"),
        ("SELECT add_retention_policy();", "fits no recorded signature"),
        ("ALTER TABLE t SET (timescaledb.chunk_time_interval = '1 day');", "unknown option"),
        (
            "CREATE MATERIALIZED VIEW v WITH (timescaledb.continuouss) AS SELECT time_bucket('1 day', ts) FROM t;",
            "cagg option continuouss",
        ),
    ],
)
def test_the_signature_check_refuses_what_the_server_would(sql, problem):
    (found,) = check_timescale_sql(sql)
    assert problem in found


def test_chunks_of_a_timestamp_without_time_zone_are_aged_too(facts):
    naive = tuple(
        dataclasses.replace(c, range_end=c.range_end[:19], range_start=c.range_start[:19])
        if c.hypertable_name == "orders"
        else c
        for c in timescale_facts().chunks
    )
    findings = {f.target for f in pt004_compression.check(with_timescale(facts, chunks=naive))}
    assert "public.orders" in findings


def test_an_aggregate_without_a_refresh_policy_is_flagged(facts):
    jobs = tuple(j for j in timescale_facts().jobs if j.proc_name != "policy_refresh_continuous_aggregate")
    found = {f.target: f for f in pt007_continuous_aggregates.check(with_timescale(facts, jobs=jobs))}
    realtime, materialized = found["public.candles_1m"], found["public.candles_1h"]
    assert realtime.severity is Severity.INFO and materialized.severity is Severity.WARNING
    assert materialized.message == (
        "continuous aggregate public.candles_1h has no refresh policy: its buckets are only as new as its last "
        "manual refresh"
    )
    assert "start_offset => INTERVAL '4 hours', end_offset => INTERVAL '1 hour'" in materialized.fix.ddl
    assert check_timescale_sql(materialized.fix.ddl + materialized.fix.rollback) == []


def test_a_refresh_window_shorter_than_its_schedule_is_flagged(facts):
    jobs = tuple(
        dataclasses.replace(
            j, config=(("start_offset", "00:20:00"), ("end_offset", "00:01:00")), schedule_interval="01:00:00"
        )
        if j.job_id == 1000
        else j
        for j in timescale_facts().jobs
    )
    found = [
        f for f in pt007_continuous_aggregates.check(with_timescale(facts, jobs=jobs)) if f.kind == "refresh-policy"
    ]
    (finding,) = found
    assert finding.message == (
        "continuous aggregate public.candles_1m refreshes a window of 19 minutes every 1 hour: the buckets between "
        "two runs' windows are never materialised"
    )
    assert "start_offset => INTERVAL '00:20:00'" in finding.fix.rollback
    assert check_timescale_sql(finding.fix.ddl + finding.fix.rollback) == []


def test_timescaledbs_own_defaults_are_shown_where_they_differ(facts):
    def with_defaults(segmentby, orderby):
        hypertables = tuple(
            dataclasses.replace(
                h,
                segmentby=("qty",),
                default_segmentby=segmentby,
                default_segmentby_note="confidence 8/10",
                default_orderby=orderby,
            )
            if h.name == "trades"
            else h
            for h in timescale_facts().hypertables
        )
        (finding,) = pt005_compression_settings.check(with_timescale(facts, hypertables=hypertables))
        return {e.label: evidence_text(e) for e in finding.evidence}["TimescaleDB's default"]

    assert with_defaults(("market_id",), ("executed_at DESC",)) == (
        "segmentby market_id, orderby executed_at DESC: the same choice"
    )
    differing = with_defaults(("taker_side",), ("id", "executed_at DESC"))
    assert differing.startswith("it would segment by taker_side (confidence 8/10), read from the unique indexes")
    assert "pgtune segments by market_id, the column the statements filter on with = most often" in differing
    assert "it would order by id, executed_at DESC; pgtune orders by executed_at DESC" in differing
