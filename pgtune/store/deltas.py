"""What happened between two snapshots of one server: cumulative counters turned into deltas.

pg_stat_statements and pg_stat_* count from the last reset, so the work of one night is the difference
between two readings. That difference is wrong across a server restart, a statistics reset, an eviction
from pg_stat_statements (``pg_stat_statements.max``) or a new queryid for the same text after a major
upgrade; each is detected, recorded as an event, and the counters are then taken from zero. A delta is
never negative.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from ..facts import DatabaseStats, IndexFacts, Snapshot, StatementStats, TableFacts
from .codec import text_hash

T = TypeVar("T")

STATEMENT_COUNTERS = (
    "calls",
    "total_exec_ms",
    "total_plan_ms",
    "rows",
    "shared_blks_hit",
    "shared_blks_read",
    "shared_blks_dirtied",
    "shared_blks_written",
    "local_blks_hit",
    "local_blks_read",
    "temp_blks_read",
    "temp_blks_written",
    "blk_read_ms",
    "blk_write_ms",
    "wal_records",
    "wal_bytes",
    "jit_ms",
)
TABLE_COUNTERS = (
    "seq_scan",
    "seq_tup_read",
    "idx_scan",
    "idx_tup_fetch",
    "n_tup_ins",
    "n_tup_upd",
    "n_tup_del",
    "n_tup_hot_upd",
    "heap_blks_read",
    "heap_blks_hit",
    "vacuum_count",
    "autovacuum_count",
)
INDEX_COUNTERS = ("idx_scan", "idx_tup_read", "idx_tup_fetch", "idx_blks_read", "idx_blks_hit")
DATABASE_COUNTERS = (
    "xact_commit",
    "xact_rollback",
    "blks_read",
    "blks_hit",
    "temp_files",
    "temp_bytes",
    "deadlocks",
    "conflicts",
)


@dataclass(frozen=True)
class CounterEvent:
    kind: str
    """server-restart, statements-reset, database-stats-reset, evictions, queryid-change, counter-decrease."""
    detail: str


@dataclass(frozen=True)
class Interval:
    """The work of one server between two snapshots: the same fact types, holding deltas."""

    started_at: datetime
    ended_at: datetime
    statements: tuple[StatementStats, ...]
    tables: tuple[TableFacts, ...]
    indexes: tuple[IndexFacts, ...]
    database: DatabaseStats | None
    events: tuple[CounterEvent, ...] = ()
    queryid_changes: tuple[tuple[int, int], ...] = ()
    """(old queryid, new queryid) for the same statement text."""

    @property
    def days(self) -> float:
        return max((self.ended_at - self.started_at).total_seconds() / 86400.0, 1e-9)


def _subtract(current: T, previous: T, counters: Iterable[str]) -> tuple[T, bool]:
    """Current minus previous; if any counter went down, the counters restarted: keep current as is."""
    changes: dict[str, Any] = {}
    for name in counters:
        now, before = getattr(current, name), getattr(previous, name)
        if now is None or before is None:
            continue
        if now < before:
            return current, True
        changes[name] = now - before
    return dataclasses.replace(current, **changes), False


def _statement_key(stats: StatementStats) -> tuple:
    identity = stats.queryid if stats.queryid is not None else text_hash(stats.query)
    return identity, stats.toplevel, stats.role


def _sum_of_squares(stats: StatementStats) -> float:
    """pg_stat_statements keeps the variance's running sum; rebuild it to take the interval's stddev."""
    return stats.calls * (stats.stddev_exec_ms**2 + stats.mean_exec_ms**2)


def _statement_delta(current: StatementStats, previous: StatementStats | None) -> tuple[StatementStats, bool]:
    if previous is None:
        return current, False
    delta, restarted = _subtract(current, previous, STATEMENT_COUNTERS)
    if restarted or delta.calls == 0:
        return delta, restarted
    mean = delta.total_exec_ms / delta.calls
    variance = (_sum_of_squares(current) - _sum_of_squares(previous)) / delta.calls - mean * mean
    return dataclasses.replace(delta, mean_exec_ms=mean, stddev_exec_ms=math.sqrt(max(variance, 0.0))), False


def _statements(
    previous: Snapshot, current: Snapshot, from_zero: bool
) -> tuple[list[StatementStats], list[CounterEvent], list[tuple[int, int]]]:
    before = {} if from_zero else {_statement_key(s): s for s in previous.statements}
    present = {s.queryid for s in current.statements}
    gone_by_text = {
        (text_hash(s.query), s.toplevel, s.role): s.queryid
        for s in previous.statements
        if s.queryid is not None and s.queryid not in present
    }
    deltas: list[StatementStats] = []
    events: list[CounterEvent] = []
    renamed: list[tuple[int, int]] = []
    decreased = 0
    for stats in current.statements:
        key = _statement_key(stats)
        delta, restarted = _statement_delta(stats, before.get(key))
        decreased += restarted
        old = (
            None
            if from_zero or key in before
            else gone_by_text.get((text_hash(stats.query), stats.toplevel, stats.role))
        )
        if old is not None and stats.queryid is not None:
            renamed.append((old, stats.queryid))
        if delta.calls > 0:
            deltas.append(delta)
    if decreased:
        events.append(
            CounterEvent("counter-decrease", f"{decreased} statement(s) counted from zero again (reset or evicted)")
        )
    if renamed:
        events.append(
            CounterEvent("queryid-change", f"{len(renamed)} statement(s) kept their text under a new queryid")
        )
    return deltas, events, renamed


def _objects(current: Iterable[T], previous: Iterable[T], counters: tuple[str, ...], key, from_zero: bool) -> list[T]:
    before = {} if from_zero else {key(o): o for o in previous}
    return [_subtract(o, before[key(o)], counters)[0] if key(o) in before else o for o in current]


def interval(previous: Snapshot, current: Snapshot) -> Interval:
    """The deltas from ``previous`` to ``current``, two snapshots of the same server in time order."""
    events: list[CounterEvent] = []
    restarted = bool(
        previous.server.started_at
        and current.server.started_at
        and previous.server.started_at != current.server.started_at
    )
    if restarted:
        events.append(
            CounterEvent("server-restart", f"the server restarted at {current.server.started_at:%Y-%m-%d %H:%M}")
        )
    statements_reset = (
        previous.statements_reset_at is not None
        and current.statements_reset_at is not None
        and previous.statements_reset_at != current.statements_reset_at
    )
    if statements_reset:
        events.append(
            CounterEvent(
                "statements-reset", f"pg_stat_statements was reset at {current.statements_reset_at:%Y-%m-%d %H:%M}"
            )
        )
    evicted = (current.statements_deallocations or 0) - (previous.statements_deallocations or 0)
    if evicted > 0 and not (restarted or statements_reset):
        events.append(
            CounterEvent(
                "evictions", f"pg_stat_statements evicted entries {evicted} time(s); raise pg_stat_statements.max"
            )
        )
    statements, statement_events, renamed = _statements(previous, current, restarted or statements_reset)
    events.extend(statement_events)

    db_before, db_now = previous.database, current.database
    stats_reset = bool(db_before and db_now and db_before.stats_reset != db_now.stats_reset)
    if stats_reset and not restarted:
        events.append(CounterEvent("database-stats-reset", "pg_stat_database and pg_stat_user_* were reset"))
    from_zero = restarted or stats_reset
    database = db_now
    if db_now is not None and db_before is not None and not from_zero:
        database = _subtract(db_now, db_before, DATABASE_COUNTERS)[0]
    return Interval(
        started_at=previous.collected_at,
        ended_at=current.collected_at,
        statements=tuple(statements),
        tables=tuple(
            _objects(current.tables, previous.tables, TABLE_COUNTERS, lambda t: (t.schema, t.name), from_zero)
        ),
        indexes=tuple(
            _objects(current.indexes, previous.indexes, INDEX_COUNTERS, lambda i: (i.schema, i.name), from_zero)
        ),
        database=database,
        events=tuple(events),
        queryid_changes=tuple(renamed),
    )


def as_snapshot(end: Snapshot, delta: Interval) -> Snapshot:
    """The end snapshot with its counters replaced by the interval's, for rules that read counters."""
    return dataclasses.replace(
        end, statements=delta.statements, tables=delta.tables, indexes=delta.indexes, database=delta.database
    )
