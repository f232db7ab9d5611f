"""Which tables are time series, and why not: each signal on its own."""

from __future__ import annotations

import dataclasses

import pytest

from pgtune.advisors.base import AdvisorSettings
from pgtune.advisors.partitioning.common import target_style
from pgtune.advisors.partitioning.signals import time_series_tables
from pgtune.errors import BadInput
from pgtune.facts import Hypertable, TimescaleFacts
from pgtune.query.model import StatementKind
from pgtune.report.units import evidence_text

from .exchange import TRADES, facts
from .shapes import exchange_workload, statement


def test_the_trades_table_is_a_time_series_with_its_evidence():
    (series,) = time_series_tables(facts())
    labels = {e.label: evidence_text(e) for e in series.evidence}
    assert series.key.name == "executed_at" and series.step.sql == "7 days"
    assert labels["size"] == "8.0 GB with indexes, 50,000,000 rows (more than twice the 2.0 GB hot-partition budget)"
    assert labels["growth"] == (
        "833,333 rows and 136.5 MB a day (833,333 inserts a day from table counters since "
        "pg_stat_database.stats_reset over 60.00 days)"
    )
    assert labels["writes"].endswith("(the deletes are retention deletes)")
    assert labels["time order"] == "executed_at (timestamp with time zone) has pg_stats correlation 0.99"
    assert labels["range reads"].startswith(
        "ranges of executed_at or ORDER BY executed_at LIMIT in 4 statements: 9.5 min a day, 100 %"
    )
    assert labels["retention"] == "1 DELETE statement removing old rows by executed_at"
    assert series.retention_sql == "90 days"
    assert series.equality_columns == ("market_id",)
    assert series.descending
    assert series.confidence == "medium"
    (rollup,) = series.rollups
    assert (rollup.width, rollup.group_columns) == ("1 minute", ("market_id",))


NOT_TIME_SERIES = {
    "small": dict(table=dataclasses.replace(TRADES, reltuples=5_000, n_live_tup=5_000, total_size_bytes=2 * 1024**2)),
    "update-heavy": dict(table=dataclasses.replace(TRADES, n_tup_upd=20_000_000)),
    "delete-heavy without retention": dict(
        table=dataclasses.replace(TRADES, n_tup_del=20_000_000),
        workload=tuple(s for s in exchange_workload() if s.shape.kind != StatementKind.DELETE),
    ),
    "out of time order": dict(correlation=0.3),
    "not read by ranges": dict(workload=(statement("SELECT * FROM trades WHERE market_id = $1"),)),
    "ranges a small share of its time": dict(
        workload=(
            *exchange_workload()[:1],
            statement("SELECT * FROM trades WHERE id = $1", mean_exec_ms=500.0),
        )
    ),
    "not big and growing slowly": dict(
        table=dataclasses.replace(
            TRADES,
            reltuples=200_000,
            n_live_tup=200_000,
            total_size_bytes=100 * 1024**2,
            n_tup_ins=200_000,
            n_tup_del=0,
        )
    ),
    "already a hypertable": dict(
        timescaledb=TimescaleFacts(
            "2.28.3",
            (Hypertable("public", "trades", "executed_at", "timestamp with time zone", "1 day"),),
        ),
    ),
    "a partition already": dict(table=dataclasses.replace(TRADES, parent="public.trades_parent")),
}


@pytest.mark.parametrize("case", NOT_TIME_SERIES, ids=list(NOT_TIME_SERIES))
def test_tables_missing_a_signal_are_not_time_series(case):
    options = dict(NOT_TIME_SERIES[case])
    workload = options.pop("workload", None)
    assert time_series_tables(facts(workload=workload, **options)) == ()


def test_missing_pg_stats_lowers_the_confidence_but_keeps_the_table():
    (series,) = time_series_tables(facts(correlation=None))
    assert series.correlation is None and series.confidence == "low"
    assert "no pg_stats correlation collected" in {e.label: evidence_text(e) for e in series.evidence}["time order"]


def test_a_table_growing_faster_than_an_hourly_partition_fits_says_so():
    huge = dataclasses.replace(TRADES, n_tup_ins=50_000_000_000)
    (series,) = time_series_tables(facts(table=huge))
    assert series.step.sql == "1 hour"
    assert (
        "over, even at the shortest interval," in {e.label: evidence_text(e) for e in series.evidence}["partition size"]
    )


@pytest.mark.parametrize(
    ("target", "timescale", "style"),
    [
        ("auto", None, "native"),
        ("auto", TimescaleFacts("2.28.3"), "timescaledb"),
        ("native", TimescaleFacts("2.28.3"), "native"),
        ("timescaledb", None, "timescaledb"),
    ],
)
def test_the_target_style_follows_the_setting_and_the_server(target, timescale, style):
    assert target_style(facts(target, timescaledb=timescale)) == style


def test_an_unknown_target_is_refused_with_a_hint():
    with pytest.raises(BadInput, match="partition target 'citus' is not one of auto, native, timescaledb"):
        AdvisorSettings(partition_target="citus")


def test_a_date_key_is_never_cut_below_a_day():
    columns = (*TRADES.columns[:-1], dataclasses.replace(TRADES.columns[-1], type="date"))
    huge = dataclasses.replace(TRADES, columns=columns, n_tup_ins=50_000_000_000)
    (series,) = time_series_tables(facts(table=huge))
    assert series.step.sql == "1 day"


def test_latest_first_reads_with_a_limit_count_as_reads_by_the_key():
    workload = (
        statement("SELECT * FROM trades WHERE market_id = $1 ORDER BY executed_at DESC LIMIT 50", mean_exec_ms=50.0),
        statement("SELECT * FROM trades WHERE market_id = $1 ORDER BY executed_at DESC", mean_exec_ms=1.0),
    )
    appended = dataclasses.replace(TRADES, n_tup_del=0)
    (series,) = time_series_tables(facts(table=appended, workload=workload))
    assert [s.text for s in series.range_statements] == [workload[0].text]
