"""Each TimescaleDB rule on a live TimescaleDB 2.28.3, through ``pgtune analyze --format json``: the cases of
rules.sql fire; the healthy ticks setup (test_ticks.py) is where the same rules stay silent. PT002's hypertable
plan is applied to a copy of the plain table and rolled back."""

from __future__ import annotations

import re
import subprocess

import psycopg
import pytest

from pgtune.advisors.partitioning.intervals import parse_interval

from .conftest import wait_for
from .workloads import HERE, analyze_json, every, evidence, findings, job_ids

FAILING_JOB = """
SELECT j.job_id FROM timescaledb_information.jobs j JOIN timescaledb_information.job_stats s USING (job_id)
WHERE j.proc_name = 'settle_positions' AND s.last_run_status = 'Failed'
"""


def workload() -> list[tuple[str, tuple]]:
    statements = []
    for market in range(1, 11):
        statements += [
            ("SELECT * FROM trades WHERE market_id = %s AND executed_at >= now() - %s::interval", (market, "1 day")),
            ("SELECT sum(qty) FROM trades WHERE executed_at >= now() - %s::interval", ("2 hours",)),
            (
                "SELECT * FROM quotes WHERE market_id = %s AND ts > now() - %s::interval ORDER BY ts DESC LIMIT 10",
                (market, "1 hour"),
            ),
            ("SELECT * FROM orders WHERE user_id = %s AND created_at > now() - %s::interval", (market, "1 day")),
            (
                "SELECT time_bucket('1 hour', created_at) AS bucket, market_id, sum(qty) FROM orders "
                "WHERE market_id = %s AND created_at > now() - %s::interval GROUP BY 1, 2",
                (market, "1 day"),
            ),
            (
                "SELECT date_trunc('day', created_at) AS day, market_id, sum(qty) FROM orders "
                "WHERE market_id = %s AND created_at > now() - %s::interval GROUP BY 1, 2",
                (market, "7 days"),
            ),
            ("SELECT sum(qty) FROM fills WHERE market_id = %s AND ts > now() - %s::interval", (market, "1 day")),
        ]
    return statements


@pytest.fixture(scope="module")
def report(ts_database, tmp_path_factory):
    ts_database.execute((HERE / "rules.sql").read_text())
    assert wait_for(lambda: job_ids(ts_database, FAILING_JOB)), "the failing job did not run within a minute"
    ts_database.reset_statements()
    ts_database.run_workload(workload(), repeat=3)
    return analyze_json(ts_database, tmp_path_factory.mktemp("rules"), "--memory", "64MB")


def test_pt002_plans_a_hypertable_for_the_plain_trades_table(report):
    finding = findings(report, "PT002")["public.trades"]
    ddl = finding["ddl"]
    assert "SELECT create_hypertable('public.trades', by_range('executed_at', INTERVAL '" in ddl
    assert "migrate_data => true" in ddl
    assert "PRIMARY KEY USING INDEX trades_pkey_executed_at" in ddl
    assert "public.markets" not in findings(report, "PT002")


def test_pt002_plan_applies_to_a_copy_and_rolls_back(report, ts_database, timescale_cluster, tmp_path):
    finding = findings(report, "PT002")["public.trades"]
    copy = f"{ts_database.dbname}_copy"
    with psycopg.connect(timescale_cluster.dsn(), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {copy}")
    copy_dsn = ts_database.dsn.replace(f"dbname={ts_database.dbname}", f"dbname={copy}")
    plain = (HERE / "rules.sql").read_text().split("-- A small keyed table")[0]
    with psycopg.connect(copy_dsn, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION timescaledb")
        conn.execute(plain)
        before = conn.execute("SELECT count(*), max(id) FROM trades").fetchone()
        indexes = conn.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'trades' ORDER BY 1").fetchall()
    for script in ("ddl", "rollback"):
        path = tmp_path / f"{script}.sql"
        path.write_text(finding[script])
        result = subprocess.run(
            ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", str(path), copy_dsn], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        with psycopg.connect(copy_dsn, autocommit=True) as conn:
            hypertable = conn.execute(
                "SELECT d.time_interval::text, h.num_chunks, h.compression_enabled"
                " FROM timescaledb_information.hypertables h"
                " JOIN timescaledb_information.dimensions d USING (hypertable_schema, hypertable_name)"
                " WHERE h.hypertable_name = 'trades'"
            ).fetchone()
            assert conn.execute("SELECT count(*), max(id) FROM trades").fetchone() == before
            if script == "ddl":
                interval, chunks, compressed = hypertable
                planned = re.search(r"by_range\('executed_at', INTERVAL '([^']+)'\)", finding["ddl"])[1]
                assert parse_interval(interval) == parse_interval(planned)
                assert chunks > 1 and compressed
            else:
                assert hypertable is None
                after = conn.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'trades' ORDER BY 1")
                assert after.fetchall() == indexes
    with psycopg.connect(timescale_cluster.dsn(), autocommit=True) as admin:
        admin.execute(f"DROP DATABASE {copy} WITH (FORCE)")


def test_pt003_chunks_whose_indexes_outgrow_the_memory(report):
    finding = findings(report, "PT003")["public.quotes"]
    assert "the indexes of the chunks being written take" in finding["message"]
    assert "over the 16.0 MB TimescaleDB's rule allows" in finding["message"]
    facts = evidence(finding)
    assert facts["budget"] == "16.0 MB: 25 % of the 64.0 MB of RAM declared"
    # A 30-day chunk begun well before its rows (two when the last 2 days cross a 30-day boundary, as on
    # 2026-12-03): the growth is read over the 2 days the rows cover, not over the chunks' span.
    assert re.search(r"what [12] uncompressed chunks hold over the 2\.0 days their rows cover$", facts["growth"])
    assert "set_chunk_time_interval('public.quotes', INTERVAL '" in finding["ddl"]
    assert "INTERVAL '30 days'" in finding["rollback"]


def test_pt003_chunks_too_small_to_pay_for_themselves(report):
    finding = findings(report, "PT003")["public.funding"]
    assert "under 1 % of the 16.0 MB budget" in finding["message"]
    assert "merge_chunks()" in finding["help"]


def test_pt004_old_chunks_left_uncompressed(report):
    finding = findings(report, "PT004")["public.orders"]
    assert finding["message"].startswith("public.orders is not compressed:")
    assert "timescaledb.compress_segmentby = 'user_id'" in finding["ddl"] or "market_id" in finding["ddl"]
    assert "public.fills" not in findings(report, "PT004")


def test_pt005_segmentby_beside_timescaledbs_own_default(report):
    finding = findings(report, "PT005")["public.fills"]
    assert "segmented by side while its statements filter with = on market_id" in finding["message"]
    assert "timescaledb.compress_segmentby = 'market_id'" in finding["ddl"]
    default = evidence(finding)["TimescaleDB's default"]
    assert "it would segment by account_id (confidence" in default
    assert "pgtune segments by market_id, the column the statements filter on with = most often" in default


def test_pt006_a_job_failing_on_the_server(report, ts_database):
    (failing,) = job_ids(ts_database, FAILING_JOB)
    reported = {int(f["message"].split()[1]): f for f in every(report, "PT006")}
    facts = evidence(reported[failing])
    assert facts["last error"] == "P0001: settlement feed unreachable"
    assert facts["procedure"] == "settle_positions"
    with ts_database.connect() as conn:
        waiting = conn.execute(
            "SELECT job_id FROM timescaledb_information.jobs WHERE proc_name = 'settle_positions' AND job_id <> %s",
            (failing,),
        ).fetchone()[0]
    assert waiting not in reported


def test_pt007_candles_without_an_aggregate_and_aggregates_refreshed_badly(report):
    by_kind = {(f["kind"], f["table"]): f for f in every(report, "PT007")}
    created = by_kind["continuous-aggregate", "public.orders"]
    # time_bucket and date_trunc GROUP BYs alike; their widths are parameters in pg_stat_statements.
    assert created["message"].startswith("2 candle statements aggregate raw rows of public.orders")
    assert {e["value"].split(" buckets")[0] for e in created["evidence"]} == {"time_bucket", "date_trunc"}
    assert "CREATE MATERIALIZED VIEW public.orders_by_" in created["ddl"]
    missing = by_kind["refresh-policy", "public.fills_1h"]
    assert missing["message"].startswith("continuous aggregate public.fills_1h has no refresh policy")
    assert "add_continuous_aggregate_policy('public.fills_1h'" in missing["ddl"]
    hole = by_kind["refresh-policy", "public.quotes_1m"]
    assert "refreshes a window of 9 minutes every 1 hour" in hole["message"]
    assert "start_offset => INTERVAL '00:10:00'" in hole["rollback"]


def test_pt008_an_index_no_statement_uses(report):
    drops = {f["table"] for f in every(report, "PT008") if f["kind"] == "drop-index"}
    assert "public.orders_status_idx" in drops
    assert "public.orders_user_id_created_at_idx" not in drops
    assert "public.quotes_market_id_ts_idx" not in drops


def test_mt004_sizes_summed_over_chunks_and_silent_on_a_keyed_table(report):
    mt004 = findings(report, "MT004")
    assert "public.markets" not in mt004 and "public.trades" not in mt004
    assert mt004["public.orders"]["message"].startswith("public.orders (")
    assert "0 B" not in mt004["public.orders"]["message"] and "100,000 rows" in mt004["public.orders"]["message"]
