"""The workload: pg_stat_statements, pg_qualstats, plans, statements from files and logs, latency histograms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class StatementStats:
    """One pg_stat_statements entry (summed over users when collected per database)."""

    queryid: int | None
    query: str
    calls: int
    total_exec_ms: float
    mean_exec_ms: float
    stddev_exec_ms: float = 0.0
    min_exec_ms: float = 0.0
    max_exec_ms: float = 0.0
    total_plan_ms: float | None = None
    rows: int = 0
    shared_blks_hit: int = 0
    shared_blks_read: int = 0
    shared_blks_dirtied: int = 0
    shared_blks_written: int = 0
    local_blks_hit: int = 0
    local_blks_read: int = 0
    temp_blks_read: int = 0
    temp_blks_written: int = 0
    blk_read_ms: float = 0.0
    blk_write_ms: float = 0.0
    wal_records: int | None = None
    wal_bytes: int | None = None
    jit_ms: float | None = None
    toplevel: bool = True
    role: str | None = None
    stats_since: datetime | None = None
    """When this entry began counting (17+); before 17 only the whole view's reset time is known."""
    parallel_workers_to_launch: int | None = None
    """Parallel workers the plans asked for, and those that got a worker process (18+)."""
    parallel_workers_launched: int | None = None


@dataclass(frozen=True)
class QualStat:
    """One pg_qualstats predicate: the constant it compared with and how selective it was."""

    schema: str
    table: str
    column: str
    operator: str
    constant: str | None
    executions: int
    filter_ratio: float
    queryid: int | None = None


@dataclass(frozen=True)
class PlanNode:
    node_type: str
    startup_cost: float
    total_cost: float
    plan_rows: float
    plan_width: int = 0
    relation: str | None = None
    schema: str | None = None
    alias: str | None = None
    index_name: str | None = None
    join_type: str | None = None
    filter: str | None = None
    index_cond: str | None = None
    sort_keys: tuple[str, ...] = ()
    actual_rows: float | None = None
    actual_loops: int | None = None
    actual_total_ms: float | None = None
    shared_hit_blocks: int | None = None
    shared_read_blocks: int | None = None
    subplans_removed: int | None = None
    children: tuple[PlanNode, ...] = ()

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class StatementPlan:
    queryid: int | None
    query: str
    generic: bool
    analyzed: bool
    root: PlanNode | None = None
    error: str | None = None
    planning_ms: float | None = None
    execution_ms: float | None = None


@dataclass(frozen=True)
class WorkloadSample:
    """A statement as the application sent it (literals intact), from a workload file, a server log or
    pg_qualstats' example queries (which keep inline constants and show bound parameters as ``$n``)."""

    text: str
    source: str
    duration_ms: float | None = None
    line: int | None = None
    queryid: int | None = None
    from_plan: bool = False
    """Logged by auto_explain with its plan (its own threshold), not by the statement-duration settings."""


@dataclass(frozen=True)
class LatencyHistogram:
    """Statement execution times in buckets (pg_stat_monitor's resp_calls, summed over its statements)."""

    source: str
    upper_bounds_ms: tuple[float | None, ...]
    """Each bucket's upper edge; None for the last, open-ended bucket."""
    counts: tuple[int, ...]
