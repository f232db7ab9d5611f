"""The workload as the index advisor weighs it: each statement with its shape, rate and measured time."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from ..facts import Snapshot, StatementStats
from ..query.model import PredicateOp, StatementShape

MIN_OBSERVATION = timedelta(hours=1)


@dataclass(frozen=True)
class WorkloadStatement:
    key: str
    """The shape's fingerprint: joins statistics, plans and samples."""
    text: str
    """What the planner is asked about: a literal sample when one exists, else the normalized text."""
    shape: StatementShape
    calls_per_day: float
    mean_exec_ms: float
    queryid: int | None = None
    display_text: str = ""
    calls: int = 0
    """Calls counted since the statistics reset."""

    @property
    def ms_per_day(self) -> float:
        return self.calls_per_day * self.mean_exec_ms

    def touches(self, schema: str, table: str) -> bool:
        return any(a.table.schema == schema and a.table.name == table for a in self.shape.tables)

    def referenced_columns(self, schema: str, table: str) -> frozenset[str]:
        """Columns the statement filters, joins, sorts or groups on in that table."""
        columns: set[str] = set()
        for access in self.shape.tables:
            if (access.table.schema, access.table.name) != (schema, table):
                continue
            for predicate in access.predicates:
                if predicate.op not in (PredicateOp.NE, PredicateOp.OTHER):
                    columns.update(predicate.columns or ((predicate.column,) if predicate.column else ()))
            columns.update(access.join_columns)
            columns.update(k.column for k in access.sort_keys if k.column)
            columns.update(access.group_by)
        return frozenset(columns)


def _days_since(snapshot: Snapshot, start: datetime | None) -> float:
    span = snapshot.collected_at - start if start else MIN_OBSERVATION
    return max(span, MIN_OBSERVATION) / timedelta(days=1)


def observation_days(snapshot: Snapshot) -> float:
    """How long pg_stat_statements has been counting, in days (at least an hour)."""
    start = snapshot.statements_reset_at or (snapshot.database.stats_reset if snapshot.database else None)
    return _days_since(snapshot, start or snapshot.server.started_at)


def _entry_days(snapshot: Snapshot, stats: StatementStats, days: float) -> float:
    """An entry that began counting after the view's reset (17+: evicted and seen again, or new) has its own,
    shorter window; spread over the whole window its rate would read too low."""
    if stats.stats_since is None:
        return days
    return min(days, _days_since(snapshot, stats.stats_since))


def table_observation_days(snapshot: Snapshot) -> float:
    """How long the table counters (inserts, updates) have been counting: since the database's statistics
    reset, else since the server started."""
    start = snapshot.database.stats_reset if snapshot.database else None
    return _days_since(snapshot, start or snapshot.server.started_at)


def build_workload(
    snapshot: Snapshot,
    shapes: Iterable[tuple[StatementStats, StatementShape]],
    costing: dict[str, StatementShape] | None = None,
) -> tuple[WorkloadStatement, ...]:
    """Statements merged by fingerprint (pg_stat_statements keeps one row per user and toplevel flag).

    ``costing`` holds, by fingerprint, a version of the statement with the constants it always uses put in
    place of their parameters: the planner and the candidates see those, the report the original text."""
    days = observation_days(snapshot)
    merged: dict[str, tuple[StatementShape, int, float, float, StatementStats]] = {}
    for stats, shape in shapes:
        shape_seen, calls, per_day, total_ms, first = merged.get(shape.fingerprint, (shape, 0, 0.0, 0.0, stats))
        rate = stats.calls / _entry_days(snapshot, stats, days)
        total_ms += stats.total_exec_ms
        merged[shape.fingerprint] = (shape_seen, calls + stats.calls, per_day + rate, total_ms, first)
    costing = costing or {}
    return tuple(
        WorkloadStatement(
            key=key,
            text=costing[key].text if key in costing else first.query,
            shape=costing.get(key, shape),
            calls_per_day=per_day,
            mean_exec_ms=total_ms / calls if calls else 0.0,
            queryid=first.queryid,
            display_text=first.query,
            calls=calls,
        )
        for key, (shape, calls, per_day, total_ms, first) in sorted(merged.items())
        if calls
    )
