"""Deltas between two snapshots: plain differences, and every way the counters restart."""

from __future__ import annotations

import math
from datetime import timedelta

import pytest

from pgtune.store.deltas import as_snapshot, interval

from .factory import STARTED, orders_index, orders_table, snapshot, stmt


def by_queryid(delta):
    return {s.queryid: s for s in delta.statements}


def test_plain_difference_with_mean_and_stddev():
    before = stmt(1, 100, 200.0, stddev_exec_ms=1.0, shared_blks_read=10)
    after = stmt(1, 300, 1000.0, stddev_exec_ms=2.0, shared_blks_read=50)
    delta = interval(snapshot(0, [before]), snapshot(1, [after]))
    got = by_queryid(delta)[1]
    assert (got.calls, got.total_exec_ms, got.shared_blks_read) == (200, 800.0, 40)
    assert got.mean_exec_ms == pytest.approx(4.0)
    sum_sq = 300 * (4 + (1000 / 300) ** 2) - 100 * (1 + 4)
    assert got.stddev_exec_ms == pytest.approx(math.sqrt(sum_sq / 200 - 16))
    assert delta.events == () and delta.days == pytest.approx(1.0)


def test_unchanged_statement_is_left_out_and_new_one_counts_from_zero():
    delta = interval(snapshot(0, [stmt(1, 5, 5.0)]), snapshot(1, [stmt(1, 5, 5.0), stmt(2, 7, 14.0)]))
    assert set(by_queryid(delta)) == {2}
    assert by_queryid(delta)[2].calls == 7


def test_statements_reset_is_detected_and_counted_from_zero():
    after = snapshot(1, [stmt(1, 40, 80.0)], reset_at=STARTED + timedelta(days=40))
    delta = interval(snapshot(0, [stmt(1, 100, 200.0)]), after)
    assert [e.kind for e in delta.events] == ["statements-reset"]
    assert by_queryid(delta)[1].calls == 40


def test_counter_going_down_without_reset_time_restarts_that_statement():
    # Without a reset time (none was collected), a lower count is the only sign.
    delta = interval(
        snapshot(0, [stmt(1, 100, 200.0), stmt(2, 10, 10.0)], reset_at=None),
        snapshot(1, [stmt(1, 40, 80.0), stmt(2, 30, 30.0)], reset_at=None),
    )
    assert by_queryid(delta)[1].calls == 40 and by_queryid(delta)[2].calls == 20
    assert [e.kind for e in delta.events] == ["counter-decrease"]


def test_server_restart_counts_everything_from_zero():
    after = snapshot(1, [stmt(1, 300, 600.0)], started_at=STARTED + timedelta(days=31))
    delta = interval(snapshot(0, [stmt(1, 100, 200.0)]), after)
    assert delta.events[0].kind == "server-restart"
    assert by_queryid(delta)[1].calls == 300


def test_eviction_and_reappearance():
    first = snapshot(0, [stmt(1, 500, 500.0), stmt(2, 10, 10.0)], deallocations=3)
    evicted = snapshot(1, [stmt(2, 20, 20.0)], deallocations=4)
    back = snapshot(2, [stmt(1, 6, 6.0), stmt(2, 30, 30.0)], deallocations=4)
    gone = interval(first, evicted)
    assert [e.kind for e in gone.events] == ["evictions"] and set(by_queryid(gone)) == {2}
    returned = interval(evicted, back)
    assert by_queryid(returned)[1].calls == 6 and returned.events == ()


def test_queryid_change_for_the_same_text_is_linked():
    text = "SELECT * FROM trades WHERE market_id = $1"
    delta = interval(snapshot(0, [stmt(11, 100, 100.0, text)]), snapshot(1, [stmt(99, 20, 30.0, text)]))
    assert delta.queryid_changes == ((11, 99),)
    assert [e.kind for e in delta.events] == ["queryid-change"]
    assert by_queryid(delta)[99].calls == 20


@pytest.mark.parametrize(
    ("before", "after"),
    [((100, 50.0), (90, 80.0)), ((100, 50.0), (100, 40.0)), ((1, 1.0), (0, 0.0)), ((5, 5.0), (8, 9.0))],
)
def test_never_negative(before, after):
    delta = interval(snapshot(0, [stmt(1, *before)]), snapshot(1, [stmt(1, *after)]))
    for s in delta.statements:
        assert s.calls > 0 and s.total_exec_ms >= 0 and s.mean_exec_ms >= 0


def test_tables_indexes_and_database():
    before = snapshot(
        0, tables=[orders_table(seq_scan=2, idx_scan=50)], indexes=[orders_index(idx_scan=50)], blks_hit=100
    )
    after = snapshot(
        1,
        tables=[orders_table(seq_scan=9, idx_scan=50)],
        indexes=[orders_index(idx_scan=50)],
        blks_hit=400,
        blks_read=4,
    )
    delta = interval(before, after)
    assert delta.tables[0].seq_scan == 7 and delta.tables[0].idx_scan == 0
    assert delta.indexes[0].idx_scan == 0
    assert (delta.database.blks_hit, delta.database.blks_read) == (300, 4)
    merged = as_snapshot(after, delta)
    assert merged.tables == delta.tables and merged.server == after.server


def test_database_stats_reset_restarts_table_counters():
    before = snapshot(0, tables=[orders_table(seq_scan=20)], blks_hit=100)
    after = snapshot(1, tables=[orders_table(seq_scan=3)], blks_hit=30, db_reset=STARTED + timedelta(days=31))
    delta = interval(before, after)
    assert [e.kind for e in delta.events] == ["database-stats-reset"]
    assert delta.tables[0].seq_scan == 3 and delta.database.blks_hit == 30
