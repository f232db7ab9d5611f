"""Which tables are time series: the signals a partitioning proposal rests on, each with its numbers.

A table qualifies when it is big or growing fast, nearly insert-only, has a time column whose values arrive
in order (pg_stats correlation near 1; failing that, an id filled from a sequence), and the workload reads it
by ranges of that column. Retention deletes
and candle-style rollups are collected on the way, because the plans turn them into partition drops and
continuous aggregates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from ...facts import ColumnFacts, ColumnStats, Snapshot, TableFacts
from ...findings import Evidence
from ...quantities import Unit, human_bytes, human_ms
from ...query.model import PredicateOp, StatementKind
from ...whatif.workload import WorkloadStatement
from ...whatif.writes import NONE, TableWrites
from ..base import AnalysisFacts
from .ddl import ident, qualified
from .intervals import HOT_SHARE_OF_CACHE, Step, cache_bytes, choose_step, parse_interval

TIME_TYPES = ("timestamp with time zone", "timestamp without time zone", "timestamptz", "timestamp", "date")
INTEGER_TYPES = ("bigint", "integer", "smallint")
MIN_ROWS = 100_000
MIN_CORRELATION = 0.9
MAX_UPDATE_SHARE = 0.1
MAX_DELETE_SHARE = 0.1
MIN_RANGE_SHARE = 0.2
"""Reads by the key (ranges, or ORDER BY key LIMIT) must carry at least this share of the time the table's
reads, updates and deletes take, or partitions help too little of the workload to pay for the migration."""
GROWTH_HORIZON_DAYS = 30
MIN_SPAN_DAYS = 1 / 24
"""A time span of data shorter than an hour says nothing about a day's growth."""
SKIPPED_SCHEMAS = frozenset({"pg_catalog", "information_schema", "_timescaledb_internal", "_timescaledb_catalog"})
_BUCKET = re.compile(r"^(?P<function>time_bucket|date_trunc)\((?P<width>.+),\s*(?P<column>\"?\w+\"?)\)$", re.I)
_QUOTED = re.compile(r"'([^']+)'")


@dataclass(frozen=True)
class Rollup:
    """A candle-style statement: a GROUP BY over time buckets of the key column."""

    statement: WorkloadStatement
    function: str
    width: str | None
    """The bucket width as SQL text when the statement spells it, None for a parameter."""
    group_columns: tuple[str, ...]
    """The other GROUP BY columns (market_id ...)."""
    filter_columns: tuple[str, ...] = ()
    """Columns it compares with = or IN: an aggregate serving it must keep them as groups."""


@dataclass(frozen=True)
class TimeSeries:
    table: TableFacts
    key: ColumnFacts
    correlation: float | None
    rows_per_day: float
    step: Step
    range_statements: tuple[WorkloadStatement, ...]
    range_ms_per_day: float
    retention_statements: tuple[WorkloadStatement, ...] = ()
    retention: timedelta | None = None
    retention_sql: str | None = None
    rollups: tuple[Rollup, ...] = ()
    equality_columns: tuple[str, ...] = ()
    """Columns the workload compares with = or IN on this table, most often filtered first (segmentby
    candidates)."""
    descending: bool = True
    evidence: tuple[Evidence, ...] = ()
    counters_days: float = 0.0
    id_step: int | None = None
    """For a key filled from a sequence (no time column): ids per partition, about ``step`` of growth."""
    last_id: int | None = None
    """The sequence's last value at collection time."""

    def sized(self, noun: str) -> str:
        """The size in words: "daily partitions", "chunks of 10,000,000 ids"."""
        return f"{noun}s of {self.id_step:,} ids" if self.id_step else f"{self.step.adjective} {noun}s"

    @property
    def confidence(self) -> str:
        return "medium" if self.correlation is not None and self.counters_days >= 1 else "low"


def plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def hypertable_names(snapshot: Snapshot) -> frozenset[tuple[str, str]]:
    if snapshot.timescaledb is None:
        return frozenset()
    return frozenset((h.schema, h.name) for h in snapshot.timescaledb.hypertables)


def statements_by_table(statements) -> dict[tuple[str | None, str], list[WorkloadStatement]]:
    """The workload grouped by the tables each statement touches: one pass instead of one per table."""
    grouped: dict[tuple[str | None, str], list[WorkloadStatement]] = {}
    for statement in statements:
        for table in dict.fromkeys((a.table.schema, a.table.name) for a in statement.shape.tables):
            grouped.setdefault(table, []).append(statement)
    return grouped


def time_series_tables(facts: AnalysisFacts) -> tuple[TimeSeries, ...]:
    snapshot = facts.snapshot
    skip = hypertable_names(snapshot)
    by_table = statements_by_table(facts.workload)
    lookups = Lookups(
        snapshot=snapshot,
        last_ids={q.owned_by: q.last_value for q in snapshot.sequences if q.owned_by and q.last_value is not None},
    )
    found = []
    for table in snapshot.tables:
        if table.kind != "r" or table.parent or table.schema in SKIPPED_SCHEMAS or (table.schema, table.name) in skip:
            continue
        series = recognise(table, facts, by_table.get((table.schema, table.name), []), lookups)
        if series is not None:
            found.append(series)
    return tuple(found)


@dataclass(frozen=True)
class Lookups:
    """Catalog facts looked up per table, indexed once per run."""

    snapshot: Snapshot
    last_ids: dict[str, int]
    """A sequence's last value by the column that owns it, as "schema.table.column" (quoted identifiers)."""

    def correlation(self, table: TableFacts, column: ColumnFacts) -> float | None:
        """pg_stats' correlation of the column, None when it was not analyzed."""
        stats = self.snapshot.stats_of(table.schema, table.name, column.name)
        return stats.correlation if stats is not None else None

    def last_id(self, table: TableFacts, column: ColumnFacts) -> int | None:
        return self.last_ids.get(f"{qualified(table.schema, table.name)}.{ident(column.name)}")


def recognise(
    table: TableFacts, facts: AnalysisFacts, touching: list[WorkloadStatement], lookups: Lookups
) -> TimeSeries | None:
    """The table as a time series, or None when one of the signals does not hold. ``touching``: the workload
    statements on the table."""
    snapshot = facts.snapshot
    rows = max(table.n_live_tup, int(table.reltuples))
    if rows < MIN_ROWS:
        return None
    cache, source = cache_bytes(snapshot, facts.settings.memory_bytes)
    budget = int(cache * HOT_SHARE_OF_CACHE)
    key, correlation, ranged = _key(table, lookups, touching)
    if key is None:
        return None
    writes = facts.write_rates.of(table.schema, table.name)
    growth = growth_rate(table, rows, writes, facts.stats_of(table.schema, table.name, key.name))
    rows_per_day, days = growth.rows_per_day, growth.window_days
    bytes_per_day = rows_per_day * table.total_size_bytes / rows
    large = table.total_size_bytes >= 2 * budget
    growing = bytes_per_day * GROWTH_HORIZON_DAYS >= budget
    if not (large or growing):
        return None
    range_ms = sum(s.ms_per_day for s in ranged)
    # Inserts gain nothing from pruning: the share that matters is of the time spent reading and changing rows.
    table_ms = sum(s.ms_per_day for s in touching if s.shape.kind != StatementKind.INSERT)
    if table_ms <= 0 or range_ms / table_ms < MIN_RANGE_SHARE:
        return None
    retention = tuple(s for s in touching if s.shape.kind == StatementKind.DELETE and _cuts_old_rows(s, table, key))
    writes = table.n_tup_ins or 1
    if table.n_tup_upd / writes > MAX_UPDATE_SHARE:
        return None
    if table.n_tup_del / writes > MAX_DELETE_SHARE and not retention:
        return None
    retention_sql = next((text for s in retention if (text := _retention_text(s, table, key))), None)
    step = choose_step(bytes_per_day, budget, timedelta(days=1) if key.type == "date" else timedelta(hours=1))
    last_id = lookups.last_id(table, key) if key.type in INTEGER_TYPES else None
    id_step = _round_up(rows_per_day * (step.length / timedelta(days=1))) if last_id is not None else None
    evidence = (
        Evidence(
            "size",
            table.total_size_bytes,
            Unit.BYTES,
            f" with indexes, {rows:,} rows"
            + (f" (more than twice the {human_bytes(budget)} hot-partition budget)" if large else ""),
        ),
        Evidence("growth", rows_per_day, Unit.ROWS, f" rows and {human_bytes(bytes_per_day)} a day ({growth.basis})"),
        Evidence(
            "writes",
            table.n_tup_ins,
            Unit.COUNT,
            f" inserts, {table.n_tup_upd:,} updates, {table.n_tup_del:,} deletes"
            + (" (the deletes are retention deletes)" if table.n_tup_del / writes > MAX_DELETE_SHARE else ""),
        ),
        Evidence(
            "time order",
            (
                f"{key.name} ({key.type}) has pg_stats correlation {correlation:.2f}"
                if correlation is not None
                else f"{key.name} ({key.type}): no pg_stats correlation collected (run ANALYZE), order assumed"
            )
            + (f"; it is filled from a sequence, now at {last_id:,}" if last_id is not None else ""),
        ),
        Evidence(
            "range reads",
            f"ranges of {key.name} or ORDER BY {key.name} LIMIT in {plural(len(ranged), 'statement')}: "
            f"{human_ms(range_ms)} a day, "
            f"{100 * range_ms / table_ms:.0f} % of the {human_ms(table_ms)} its reads, updates and deletes take",
        ),
        *(
            (Evidence("retention", f"{plural(len(retention), 'DELETE statement')} removing old rows by {key.name}"),)
            if retention
            else ()
        ),
        _partition_evidence(step, bytes_per_day, budget, cache, source, id_step),
    )
    return TimeSeries(
        table=table,
        key=key,
        correlation=correlation,
        rows_per_day=rows_per_day,
        step=step,
        range_statements=tuple(ranged),
        range_ms_per_day=range_ms,
        retention_statements=retention,
        retention=parse_interval(retention_sql),
        retention_sql=retention_sql,
        rollups=rollups_of(touching, table.schema, table.name, key.name),
        equality_columns=equality_columns(touching, table.schema, table.name, exclude=key.name),
        descending=_mostly_descending(touching, table, key.name),
        evidence=evidence,
        counters_days=days,
        id_step=id_step,
        last_id=last_id,
    )


@dataclass(frozen=True)
class Growth:
    rows_per_day: float
    window_days: float
    """How long the figure was observed: the rates' window, or the data's own time span."""
    basis: str


def growth_rate(table: TableFacts, rows: float, writes: TableWrites | None, key: ColumnStats | None) -> Growth:
    """Rows a day from the insert rate over the reads' window when it spans a day or more, else from the data's
    own time span (pg_stats bounds of the key over reltuples), else the shorter window's rate.

    A fresh server's table counters hold its bulk load: they are never divided by the time since the server
    started (``whatif.writes``). A window of minutes says little about a day, while a year of data in the
    table says how fast it grows."""
    measured = None
    if writes is not None and writes.source != NONE:
        measured = Growth(
            writes.inserted_per_day,
            writes.window_days,
            f"{writes.inserted_per_day:,.0f} inserts a day from {writes.source} over {writes.window_days:.2f} days",
        )
        if writes.window_days >= 1:
            return measured
    span = _span_days(key)
    if span is not None and span >= MIN_SPAN_DAYS:
        basis = f"{rows:,.0f} rows over the {span:,.1f} days between the key's lowest and highest values in pg_stats"
        return Growth(rows / span, span, basis)
    return measured or Growth(0.0, 0.0, "no insert measured in pg_stat_statements and no time span in pg_stats")


def _span_days(stats: ColumnStats | None) -> float | None:
    """From the histogram's bounds and the most common values (a column of few dates has only those)."""
    if stats is None:
        return None
    texts = [v for v in (stats.lowest_value, stats.highest_value, *stats.most_common_values) if v]
    try:
        moments = [_moment(v) for v in texts]
    except ValueError:
        return None
    return (max(moments) - min(moments)) / timedelta(days=1) if len(moments) > 1 else None


def _moment(text: str) -> datetime:
    value = datetime.fromisoformat(text.strip().replace(" ", "T", 1).removesuffix("+00"))
    return value.replace(tzinfo=None)


def _round_up(ids: float) -> int:
    """Up to 1, 2 or 5 times a power of ten, so that partition bounds read well."""
    scale = 1
    while True:
        for factor in (1, 2, 5):
            if factor * scale >= ids:
                return factor * scale
        scale *= 10


def _partition_evidence(
    step: Step, bytes_per_day: float, budget: int, cache: int, source: str, id_step: int | None
) -> Evidence:
    per_partition = bytes_per_day * (step.length / timedelta(days=1))
    fits = "within" if per_partition <= budget else "over, even at the shortest interval,"
    span = f"{id_step:,} ids (about {step.sql} of growth)" if id_step else f"{step.sql} of growth"
    return Evidence(
        "partition size",
        f"{span} is {human_bytes(per_partition)}, {fits} the {human_bytes(budget)} budget "
        f"for the hot partition and its indexes (a quarter of the {human_bytes(cache)} cache: {source})",
    )


def _key(
    table: TableFacts, lookups: Lookups, statements: list[WorkloadStatement]
) -> tuple[ColumnFacts | None, float | None, list[WorkloadStatement]]:
    """The column in insert order that carries the most range-read time: a time column, else an id filled
    from a sequence whose last value is known (the bounds start from it)."""
    for eligible in (
        lambda c: c.type in TIME_TYPES,
        lambda c: c.type in INTEGER_TYPES and lookups.last_id(table, c) is not None,
    ):
        best: tuple[float, ColumnFacts, float | None, list[WorkloadStatement]] | None = None
        for column in filter(eligible, table.columns):
            correlation = lookups.correlation(table, column)
            if correlation is not None and correlation < MIN_CORRELATION:
                continue
            ranged = [
                s
                for s in statements
                if s.shape.kind != StatementKind.INSERT and _reads_by_key(s, table.schema, table.name, column.name)
            ]
            weight = sum(s.ms_per_day for s in ranged)
            if ranged and (best is None or weight > best[0]):
                best = (weight, column, correlation, ranged)
        if best is not None:
            return best[1], best[2], best[3]
    return None, None, []


def _predicates(statement: WorkloadStatement, schema: str, table: str):
    for access in statement.shape.tables:
        if (access.table.schema, access.table.name) == (schema, table):
            yield from access.predicates


def _reads_by_key(statement: WorkloadStatement, schema: str, table: str, column: str) -> bool:
    """A range on the key, or the newest (or oldest) rows first with a LIMIT: partitions on the key serve both,
    the first by pruning, the second by scanning partitions in order and stopping at the LIMIT."""
    if any(p.op == PredicateOp.RANGE and p.column == column for p in _predicates(statement, schema, table)):
        return True
    return statement.shape.has_limit and any(
        (a.table.schema, a.table.name) == (schema, table) and a.sort_keys and a.sort_keys[0].column == column
        for a in statement.shape.tables
    )


def _cuts_old_rows(statement: WorkloadStatement, table: TableFacts, key: ColumnFacts) -> bool:
    return any(
        p.op == PredicateOp.RANGE and p.column == key.name and p.operator in ("<", "<=")
        for p in _predicates(statement, table.schema, table.name)
    )


def _retention_text(statement: WorkloadStatement, table: TableFacts, key: ColumnFacts) -> str | None:
    """The interval a retention DELETE keeps ('90 days'), when the statement spells it."""
    for p in _predicates(statement, table.schema, table.name):
        if p.column == key.name and p.operator in ("<", "<=") and p.constant and "now()" in p.constant.lower():
            quoted = _QUOTED.search(p.constant)
            if quoted and parse_interval(quoted[1]):
                return quoted[1]
    return None


def rollups_of(statements, schema: str, table: str, key: str) -> tuple[Rollup, ...]:
    found = []
    for statement in statements:
        if statement.shape.kind != StatementKind.SELECT or not statement.shape.has_aggregates:
            continue
        bucket = next(
            (m for g in statement.shape.group_by if (m := _BUCKET.match(g)) and m["column"].strip('"') == key), None
        )
        if bucket is None or not _reads(statement, schema, table):
            continue
        width = bucket["width"].strip()
        if bucket["function"].lower() == "date_trunc":
            quoted = _QUOTED.fullmatch(width)
            width = f"1 {quoted[1]}" if quoted else None
        elif width.startswith("$"):
            width = None
        else:
            quoted = _QUOTED.search(width)
            width = quoted[1] if quoted else width
        others = tuple(g for g in statement.shape.group_by if not _BUCKET.match(g))
        filters = tuple(
            dict.fromkeys(
                p.column
                for p in _predicates(statement, schema, table)
                if p.column and p.column != key and p.op in (PredicateOp.EQ, PredicateOp.IN)
            )
        )
        found.append(Rollup(statement, bucket["function"].lower(), width, others, filters))
    return tuple(found)


def _reads(statement: WorkloadStatement, schema: str, table: str) -> bool:
    return any((a.table.schema, a.table.name) == (schema, table) for a in statement.shape.tables)


def equality_columns(statements, schema: str, table: str, exclude: str) -> tuple[str, ...]:
    """Columns compared with = or IN, the most often filtered first (then by time spent)."""
    weights: dict[str, tuple[float, float]] = {}
    for statement in statements:
        columns = {
            p.column
            for p in _predicates(statement, schema, table)
            if p.op in (PredicateOp.EQ, PredicateOp.IN) and p.column and p.column != exclude and not p.in_join
        }
        for column in columns:
            calls, ms = weights.get(column, (0.0, 0.0))
            weights[column] = (calls + statement.calls_per_day, ms + statement.ms_per_day)
    return tuple(sorted(weights, key=lambda c: (-weights[c][0], -weights[c][1], c)))


def _mostly_descending(statements, table: TableFacts, key: str) -> bool:
    score = 0.0
    for statement in statements:
        for access in statement.shape.tables:
            if (access.table.schema, access.table.name) != (table.schema, table.name):
                continue
            for sort in access.sort_keys:
                if sort.column == key:
                    score += statement.calls_per_day if sort.descending else -statement.calls_per_day
    return score >= 0
