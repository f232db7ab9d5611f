"""The nightly report's conclusions from three stored nights."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pgtune.errors import BadInput
from pgtune.findings import Severity
from pgtune.history.build import HistorySettings, build, describe_plan
from pgtune.history.load import History, load

from .factory import night, seq_plan, snapshot, stmt
from .scenario import HOT, PRICE, SIDE, STATUS, STEADY, analyses, nights


@pytest.fixture
def report():
    return build(History("orders-db", nights(), analyses()), night(0) - timedelta(hours=1))


def test_the_slower_statement_is_a_regression_with_its_plan_change(report):
    (regression,) = report.regressions
    assert regression.queryid == HOT and regression.severity is Severity.CRITICAL
    assert (regression.mean_before_ms, regression.mean_after_ms) == pytest.approx((0.1, 5.0))
    assert regression.extra_ms_per_day == pytest.approx(4900.0)
    assert regression.plan_change.before == "Index Scan using orders_market_idx on orders"
    assert regression.plan_change.after == "Seq Scan on orders"
    assert regression.plan_change.seen_at == night(3)
    assert report.plan_changes == ()


def test_new_sequential_scans_on_a_large_table(report):
    (scan,) = report.new_seq_scans
    assert (scan.table, scan.seq_scans) == ("public.orders", 1000)


def test_top_statements_with_their_nightly_trend(report):
    first, second = report.top_statements
    assert first.queryid == HOT and first.daily_exec_ms == pytest.approx((100.0, 100.0, 5000.0))
    assert second.queryid == STEADY and second.calls == 3000


def test_recommendations_applied_stale_and_new(report):
    by_message = {r.message: r for r in report.recommendations}
    applied = by_message[PRICE.message]
    assert applied.state == "applied" and applied.applied_at == night(2)
    assert applied.estimated_ms_per_day == 900.0
    # 1.0 ms a call before the night it was created, 0.5 ms after, 1000 calls a night.
    assert applied.measured_ms_per_day == pytest.approx(500.0)
    assert by_message[SIDE.message].state == "stale"
    assert by_message[STATUS.message].state == "new"
    assert [r.state for r in report.recommendations] == ["new", "applied", "stale"]


def test_unused_index_and_targets_over_time(report):
    assert [i.name for i in report.unused_indexes] == []
    cache = next(t for t in report.targets if t.name == "cache hit rate")
    assert [p.measured for p in cache.points] == pytest.approx([100.0, 100.0, 10.0])
    assert [p.met for p in cache.points] == [True, True, False]


def test_alerts_and_worst(report):
    severities = [s for s, _ in report.alerts()]
    assert Severity.CRITICAL in severities and report.worst() is Severity.CRITICAL


def test_an_index_never_scanned_over_the_period_is_unused():
    from .factory import orders_index

    quiet = [snapshot(n, [stmt(1, 10 * (n + 1), 1.0 * (n + 1))], indexes=[orders_index(idx_scan=7)]) for n in range(3)]
    report = build(History("db", tuple(quiet), ()), night(0))
    assert [i.name for i in report.unused_indexes] == ["orders_market_idx"]
    assert report.regressions == () and report.recommendations == ()


def test_a_plan_change_without_regression_is_listed_alone():
    steady = [snapshot(n, [stmt(1, 100 * (n + 1), 10.0 * (n + 1))], plans=[seq_plan(1)] if n else []) for n in range(2)]
    from .factory import index_plan

    steady.append(snapshot(2, [stmt(1, 300, 30.0)], plans=[index_plan(1)]))
    report = build(History("db", tuple(steady), ()), night(0), HistorySettings(min_calls=1))
    (change,) = report.plan_changes
    assert (change.before, change.after) == ("Seq Scan on orders", "Index Scan using orders_market_idx on orders")


def test_queryid_change_keeps_one_trend():
    text = "SELECT 1 FROM trades"
    series = (
        snapshot(0, [stmt(7, 10, 10.0, text)]),
        snapshot(1, [stmt(7, 20, 20.0, text)]),
        snapshot(2, [stmt(8, 10, 10.0, text)]),
    )
    report = build(History("db", series, ()), night(0))
    (only,) = report.top_statements
    assert only.queryid == 8 and only.daily_exec_ms == (10.0, 10.0)
    assert any("new queryid" in e for e in report.events)


def test_describe_plan_without_relations():
    from pgtune.facts import PlanNode

    assert describe_plan(PlanNode("Result", 0, 0.01, 1)) == "Result"


def test_load_reads_the_period_and_the_night_before(store):
    for snap in nights():
        store.save_snapshot(snap, "orders-db")
    history = load(store, "orders-db", night(2))
    assert [s.collected_at for s in history.snapshots] == [night(1), night(2), night(3)]
    history = load(store, "orders-db", night(2) + timedelta(hours=1))
    assert [s.collected_at for s in history.snapshots] == [night(2), night(3)]
    with pytest.raises(BadInput, match="holds no snapshot of 'ledger'"):
        load(store, "ledger", night(0))


def test_queryids_renamed_twice_keep_one_identity():
    text = "SELECT 2 FROM trades"
    series = tuple(snapshot(n, [stmt(qid, 10, 10.0, text)]) for n, qid in enumerate((7, 8, 9)))
    (only,) = build(History("db", series, ()), night(0)).top_statements
    assert only.queryid == 9 and only.daily_exec_ms == (10.0, 10.0)


def test_slower_by_a_tiny_amount_is_not_a_regression():
    series = tuple(snapshot(n, [stmt(1, 100 * (n + 1), total)]) for n, total in enumerate((1.0, 2.0, 5.0)))
    assert build(History("db", series, ()), night(0)).regressions == ()
    assert build(History("db", series, ()), night(0), HistorySettings(min_change_ms=0.01)).regressions != ()


@pytest.mark.parametrize(
    ("ddl", "exists"),
    [
        ("CREATE INDEX CONCURRENTLY x ON public.orders (market_id);", True),
        ("CREATE INDEX orders_market_idx ON orders (price);", True),
        ("CREATE INDEX y ON public.orders (price);", False),
        ("ALTER SYSTEM SET work_mem = '64MB';", False),
        ("CREATE INDEX ON ((", False),
    ],
)
def test_index_exists_by_name_or_columns(ddl, exists):
    from pgtune.history.build import _index_exists

    from .factory import orders_index

    assert _index_exists(ddl, [orders_index()]) is exists


def test_slower_by_less_than_the_threshold_is_not_a_regression():
    series = tuple(snapshot(n, [stmt(1, 100 * (n + 1), total)]) for n, total in enumerate((100.0, 200.0, 320.0)))
    assert build(History("db", series, ()), night(0)).regressions == ()
    (found,) = build(History("db", series, ()), night(0), HistorySettings(regression_pct=10)).regressions
    assert found.severity is Severity.WARNING and found.change_pct == pytest.approx(20.0)


def test_sparkline_needs_two_points_and_skips_gaps():
    from pgtune.report.charts import sparkline

    assert sparkline("t", [1.0]) == "" and sparkline("t", [None, 2.0]) == ""
    line = sparkline("t", [1.0, None, 3.0])
    assert line.count(",") == 2 and "<polyline" in line
