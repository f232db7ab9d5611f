"""The migration scripts, statement by statement, for the shapes of table a DBA meets."""

from __future__ import annotations

import dataclasses

import pglast
import pytest

from pgtune.advisors.partitioning import pt001_native_partitioning, pt002_hypertable
from pgtune.facts import ColumnFacts, ConstraintFacts, IndexFacts, SequenceFacts, TimescaleFacts
from pgtune.findings import FixSafety
from pgtune.report.units import evidence_text

from .exchange import COLUMNS, INDEXES, TRADES, facts, snapshot
from .shapes import exchange_workload, statement
from .signatures import check_timescale_sql


def only(findings):
    (finding,) = findings
    return finding


def native(**changes):
    return only(pt001_native_partitioning.check(facts("native", **changes)))


def test_the_native_plan_parses_and_keeps_its_steps_in_order():
    finding = native()
    ddl = finding.fix.ddl
    assert finding.fix.safety is FixSafety.BRIEF_LOCK
    order = [
        "ADD CONSTRAINT trades_executed_at_legacy_bound",
        "VALIDATE CONSTRAINT",
        "CREATE UNIQUE INDEX CONCURRENTLY trades_pkey_executed_at ON public.trades USING btree (id, executed_at);",
        "BEGIN;",
        "ALTER TABLE public.trades RENAME TO trades_legacy;",
        "PARTITION BY RANGE (executed_at);",
        "ALTER TABLE public.trades_legacy ALTER COLUMN id DROP IDENTITY;",
        "ATTACH PARTITION public.trades_legacy FOR VALUES FROM (MINVALUE) TO ('2026-12-07 00:00:00+00');",
        "ALTER INDEX public.trades_pkey_executed_at_p ATTACH PARTITION public.trades_pkey_executed_at;",
        "ADD CONSTRAINT trades_market_id_fkey FOREIGN KEY (market_id) REFERENCES markets(id);",
        "CREATE TABLE public.trades_p20261207 PARTITION OF public.trades FOR VALUES FROM ('2026-12-07 00:00:00+00') "
        "TO ('2026-12-14 00:00:00+00');",
        "COMMIT;",
        "DETACH PARTITION <partition> CONCURRENTLY",
        "public.trades_legacy is past retention after 2027-03-07 00:00 UTC",
    ]
    positions = [ddl.index(step) for step in order]
    assert positions == sorted(positions)
    assert len(pglast.split(ddl)) == len(pglast.split(finding.fix.rollback)) + 10
    assert finding.savings.ms_per_day == pytest.approx(24 * 9_000.0)
    assert [s.text.split()[0] for s in finding.statements] == ["DELETE", "SELECT", "SELECT", "SELECT"]


def test_serial_keys_move_their_sequence_with_the_column():
    serial = dataclasses.replace(COLUMNS[0], identity="", default="nextval('trades_id_seq'::regclass)")
    finding = native(table=dataclasses.replace(TRADES, columns=(serial, *COLUMNS[1:])))
    assert "ALTER SEQUENCE trades_id_seq OWNED BY public.trades.id;" in finding.fix.ddl
    assert "ALTER SEQUENCE trades_id_seq OWNED BY public.trades_legacy.id;" in finding.fix.rollback
    assert "DROP IDENTITY" not in finding.fix.ddl


def test_unique_indexes_with_expressions_are_left_to_the_dba():
    expression = IndexFacts(
        "public",
        "trades",
        "trades_lower_ref_key",
        "CREATE UNIQUE INDEX trades_lower_ref_key ON public.trades USING btree (lower(taker_side))",
        columns=(None,),
        expressions=("lower(taker_side)",),
        is_unique=True,
    )
    finding = native(indexes=(*INDEXES, expression))
    assert "unique index trades_lower_ref_key has expressions or a predicate: add executed_at to it by hand" in (
        finding.fix.note
    )
    assert "trades_lower_ref_key_p" not in finding.fix.ddl


def test_foreign_keys_that_point_at_the_table_are_named():
    fills = ConstraintFacts(
        "public",
        "fills",
        "fills_trade_id_fkey",
        "f",
        ("trade_id",),
        "FOREIGN KEY (trade_id) REFERENCES trades(id)",
        referenced_table="public.trades",
    )
    finding = native(constraints=(fills,))
    assert "foreign key fills_trade_id_fkey on public.fills references public.trades" in finding.fix.note


@pytest.mark.parametrize(
    ("column_type", "literal"),
    [
        ("timestamp without time zone", "'2026-12-07 00:00:00'"),
        ("date", "'2026-12-07'"),
    ],
)
def test_bounds_are_spelled_for_the_key_type(column_type, literal):
    columns = (*COLUMNS[:-1], ColumnFacts("executed_at", column_type, True))
    finding = native(table=dataclasses.replace(TRADES, columns=columns))
    assert f"FOR VALUES FROM (MINVALUE) TO ({literal});" in finding.fix.ddl


def test_hourly_partitions_are_named_by_the_hour():
    finding = native(table=dataclasses.replace(TRADES, n_tup_ins=50_000_000_000))
    assert "CREATE TABLE public.trades_p20261127_13 PARTITION OF" in finding.fix.ddl


def test_every_supported_version_detaches_concurrently():
    snap = snapshot()
    finding = native(server=dataclasses.replace(snap.server, version_num=140000))
    assert "DETACH PARTITION <partition> CONCURRENTLY; DROP TABLE" in finding.fix.ddl


def test_retention_with_a_parameter_interval_still_suggests_partition_drops():
    workload = (
        *exchange_workload()[:-1],
        statement("DELETE FROM trades WHERE executed_at < $1"),
    )
    finding = only(pt001_native_partitioning.check(facts("native", workload=workload)))
    assert "-- 5. Retention: the workload deletes old rows by the key" in finding.fix.ddl
    assert "past retention after" not in finding.fix.ddl


def test_the_hypertable_plan_on_a_server_without_timescaledb_installs_it_first():
    finding = only(pt002_hypertable.check(facts("timescaledb")))
    ddl = finding.fix.ddl
    assert ddl.index("CREATE EXTENSION IF NOT EXISTS timescaledb;") < ddl.index("create_hypertable(")
    assert "by_range('executed_at', INTERVAL '7 days'), migrate_data => true" in ddl
    assert "compress_segmentby = 'market_id'" in ddl
    assert "market_id, the most frequent equality filter: 200 values, about 29,167 rows per value and chunk" in ddl
    assert "add_retention_policy('public.trades', drop_after => INTERVAL '90 days')" in ddl
    assert "CREATE MATERIALIZED VIEW public.trades_by_1_minute" in ddl
    assert "DROP MATERIALIZED VIEW IF EXISTS public.trades_by_1_minute;" in finding.fix.rollback
    assert check_timescale_sql(ddl) == []
    assert check_timescale_sql(finding.fix.rollback) == []
    assert finding.fix.safety is FixSafety.BLOCKING


def test_a_thin_segmentby_column_is_not_proposed():
    snap = snapshot()
    stats = tuple(dataclasses.replace(s, n_distinct=-0.5) if s.column == "market_id" else s for s in snap.column_stats)
    finding = only(pt002_hypertable.check(facts("timescaledb", column_stats=stats)))
    assert "compress_segmentby" not in finding.fix.ddl
    assert "no equality filter with at least 1,000 rows per value and chunk" in finding.fix.ddl


def test_a_parameter_bucket_width_is_assumed_and_said():
    workload = (
        statement("SELECT time_bucket($1, executed_at), max(price) FROM trades WHERE executed_at > $2 GROUP BY 1"),
        statement("SELECT date_trunc('hour', executed_at), sum(qty) FROM trades WHERE executed_at > $1 GROUP BY 1"),
    )
    appended = dataclasses.replace(TRADES, n_tup_del=0)
    finding = only(
        pt002_hypertable.check(
            facts("timescaledb", workload=workload, table=appended, timescaledb=TimescaleFacts("2.28.3"))
        )
    )
    ddl = finding.fix.ddl
    assert "1 minute buckets (the statements pass the width as a parameter: assumed)" in ddl
    assert "time_bucket(INTERVAL '1 hour', executed_at) AS bucket" in ddl
    assert "CREATE EXTENSION" not in ddl
    assert check_timescale_sql(ddl) == []


def test_a_unique_index_without_a_constraint_is_replaced_by_its_wider_twin():
    plain_unique = IndexFacts(
        "public",
        "trades",
        "trades_id_key",
        "CREATE UNIQUE INDEX trades_id_key ON public.trades USING btree (id)",
        columns=("id",),
        is_unique=True,
    )
    finding = only(pt002_hypertable.check(facts("timescaledb", indexes=(plain_unique,))))
    ddl = finding.fix.ddl
    assert ddl.index("CREATE UNIQUE INDEX CONCURRENTLY trades_id_key_executed_at") < ddl.index(
        "DROP INDEX CONCURRENTLY public.trades_id_key;"
    )
    assert "CREATE UNIQUE INDEX trades_id_key ON public.trades USING btree (id);" in finding.fix.rollback


FILLS = dataclasses.replace(
    TRADES,
    name="fills",
    columns=(
        ColumnFacts("id", "bigint", True, identity="a"),
        ColumnFacts("order_id", "bigint", True),
        ColumnFacts("qty", "numeric", True),
    ),
    n_tup_del=0,
)
FILLS_SEQUENCE = SequenceFacts("public", "fills_id_seq", "bigint", 49_999_000, 2**63 - 1, "public.fills.id")
FILLS_WORKLOAD = (
    statement("SELECT * FROM fills WHERE id > $1 ORDER BY id LIMIT 1000"),
    statement("SELECT sum(qty) FROM fills WHERE order_id = $1", mean_exec_ms=1.0),
)


def fills_facts(target: str):
    return facts(
        target,
        workload=FILLS_WORKLOAD,
        table=FILLS,
        sequences=(FILLS_SEQUENCE,),
        indexes=(),
        constraints=(),
        column_stats=(),
    )


def test_an_id_filled_from_a_sequence_partitions_by_round_id_ranges():
    finding = only(pt001_native_partitioning.check(fills_facts("native")))
    labels = {e.label: evidence_text(e) for e in finding.evidence}
    assert labels["time order"].endswith("it is filled from a sequence, now at 49,999,000")
    assert labels["partition size"].startswith("10,000,000 ids (about 7 days of growth)")
    assert labels["legacy partition"] == "fills_legacy: rows before 60,000,000"
    ddl = finding.fix.ddl
    assert "CHECK (id IS NOT NULL AND id < 60000000) NOT VALID;" in ddl
    assert (
        "CREATE TABLE public.fills_p60000000 PARTITION OF public.fills FOR VALUES FROM (60000000) TO (70000000);" in ddl
    )
    assert "partman.create_parent('public.fills', 'id', '10000000')" in ddl
    assert "per 10,000,000 ids" in ddl


def test_an_id_keyed_hypertable_gets_an_integer_now_function():
    finding = only(pt002_hypertable.check(fills_facts("timescaledb")))
    ddl = finding.fix.ddl
    assert "by_range('id', 10000000), migrate_data => true" in ddl
    assert "SELECT set_integer_now_func('public.fills', 'public.fills_id_now');" in ddl
    assert "compress_after => 20000000" in ddl
    assert "DROP FUNCTION public.fills_id_now();" in finding.fix.rollback
    assert check_timescale_sql(ddl) == []


def test_an_id_without_a_known_sequence_is_not_a_partition_key():
    assert (
        list(
            pt001_native_partitioning.check(
                dataclasses.replace(
                    fills_facts("native"), snapshot=dataclasses.replace(fills_facts("native").snapshot, sequences=())
                )
            )
        )
        == []
    )
