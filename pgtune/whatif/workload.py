"""The workload as the index advisor weighs it: each statement with its shape, rate and measured time."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from ..facts import Snapshot, StatementStats, WorkloadSample
from ..query.model import PredicateOp, StatementShape

MIN_OBSERVATION = timedelta(hours=1)
NOMINAL_MS = 1000.0
"""What one occurrence of a workload-file statement weighs when no log gives its duration: an assumed second,
as ``bench tpch`` weighs its queries, so that a file of queries is advised on as dexter advises on one."""
PG_STAT_STATEMENTS = "pg_stat_statements"


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
    source: str = PG_STAT_STATEMENTS
    """Where the statement came from: pg_stat_statements, or the workload file and line."""
    weight: str = ""
    """How its calls and time were counted, in words, for the report."""

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
            weight=f"{calls} call(s), {total_ms / calls:.3g} ms mean, over {days:.3g} day(s) of pg_stat_statements",
        )
        for key, (shape, calls, per_day, total_ms, first) in sorted(merged.items())
        if calls
    )


def file_workload(groups: Iterable[tuple[StatementShape, Sequence[WorkloadSample]]]) -> tuple[WorkloadStatement, ...]:
    """Statements of workload files and server logs that pg_stat_statements does not hold, as dexter takes a
    file of queries: the files stand for one day of the workload, each occurrence is a call, timed by its
    logged duration when the log gives one, else weighed ``NOMINAL_MS``. The first occurrence is planned."""
    statements = []
    for shape, samples in groups:
        durations = [s.duration_ms for s in samples if s.duration_ms is not None]
        mean_ms = sum(durations) / len(durations) if durations else NOMINAL_MS
        timed = (
            f"{mean_ms:.3g} ms mean of {len(durations)} logged duration(s)"
            if durations
            else f"no duration logged, {NOMINAL_MS / 1000:g} s each assumed"
        )
        first = samples[0]
        where = f"{first.source}:{first.line}" if first.line is not None else first.source
        more = len({s.source for s in samples}) - 1
        statements.append(
            WorkloadStatement(
                key=shape.fingerprint,
                text=first.text,
                shape=shape,
                calls_per_day=float(len(samples)),
                mean_exec_ms=mean_ms,
                display_text=first.text,
                calls=len(samples),
                source=where + (f" (and {more} more file(s))" if more else ""),
                weight=f"{len(samples)} occurrence(s) in the workload files, {timed}",
            )
        )
    return tuple(statements)
