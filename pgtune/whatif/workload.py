"""The workload as the index advisor weighs it: each statement with its shape, rate and measured time."""

from __future__ import annotations

import dataclasses
import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from ..facts import Snapshot, StatementStats, WorkloadSample
from ..query.model import PredicateOp, StatementShape

MIN_OBSERVATION = timedelta(hours=1)
NOMINAL_MS = 1000.0
"""What one occurrence of a workload-file statement weighs when no log gives its duration and no measured
statement's plan gives a time per cost unit (``timed_by_plans``): an assumed second, so that a file of queries
alone is advised on as dexter advises on one."""
PG_STAT_STATEMENTS = "pg_stat_statements"
_NO_DURATION = "no duration logged"


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
    timed: bool = True
    """``mean_exec_ms`` was measured (pg_stat_statements, logged durations), not assumed."""

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
            else f"{_NO_DURATION}, {NOMINAL_MS / 1000:g} s each assumed"
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
                weight=f"{_occurrences(len(samples))}, {timed}",
                timed=bool(durations),
            )
        )
    return tuple(statements)


def _occurrences(count: int) -> str:
    return f"{count} occurrence(s) in the workload files"


def timed_by_plans(
    workload: Sequence[WorkloadStatement], plan_costs: Mapping[str, float]
) -> tuple[WorkloadStatement, ...]:
    """Statements no measurement timed (``NOMINAL_MS`` assumed), timed from their own plans instead: their
    planner cost times the milliseconds per cost unit of the workload's statements that have both a measured
    time and a plan that reads a table (the median of their ratios, which one statement far off the others
    does not move). A plan that reads no table costs nothing of what it does: ``SELECT
    pg_stat_statements_reset()`` is planned at 0.01 and measured at 0.2 ms.

    A query of a workload file that hit a statement timeout before the analysis is in no pg_stat_statements;
    an assumed second weighs it below queries its plan costs a hundred times more than. ``plan_costs``: the
    planner's total cost of each statement without a new index."""
    ratios = [
        s.mean_exec_ms / cost
        for s in workload
        if s.timed and s.mean_exec_ms > 0 and s.shape.tables and _plannable(cost := plan_costs.get(s.key))
    ]
    if not ratios:
        return tuple(workload)
    ms_per_cost = statistics.median(ratios)
    fit = (
        f"{ms_per_cost:.3g} ms per cost unit (median of {len(ratios)} statement(s) with a measured time and a plan "
        "that reads a table)"
    )
    return tuple(
        s if s.timed or not _plannable(cost := plan_costs.get(s.key)) else _timed_by_plan(s, cost, ms_per_cost, fit)
        for s in workload
    )


def _plannable(cost: float | None) -> bool:
    return cost is not None and math.isfinite(cost) and cost > 0


def _timed_by_plan(statement: WorkloadStatement, cost: float, ms_per_cost: float, fit: str) -> WorkloadStatement:
    mean_ms = cost * ms_per_cost
    estimate = f"{_number(mean_ms)} ms each estimated from its plan's cost {_number(cost)} at {fit}"
    weight = f"{_occurrences(statement.calls)}, {_NO_DURATION}, {estimate}"
    return dataclasses.replace(statement, mean_exec_ms=mean_ms, weight=weight)


def _number(value: float) -> str:
    """Three significant digits, without an exponent for large values."""
    return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"
