"""Rows written per table and day, over the same window as the reads, and what a new index adds to them.

The reads' rates come from pg_stat_statements; so do the writes', wherever its INSERT, UPDATE, DELETE, MERGE
and COPY statements name the table: their ``rows`` divided by the same observation window, attributed to
tables by the query model. The table counters (pg_stat_user_tables) are used only where
``pg_stat_database.stats_reset`` bounds their window: PostgreSQL 15+ keeps them across restarts, so the
server's start says nothing about how long they have been counting, and on a fresh server they hold the bulk
load. A statement that wrote a great many rows in one or two calls is a bulk load, not a rate: it is listed,
never counted.

An UPDATE is HOT (no index entry at all) when it changes no indexed column; a new index on a column the
workload updates makes those updates non-HOT, and each then enters every index of the table. That is priced
for the configuration as a whole: an update that one chosen index has made non-HOT is not lost again by the
next one on the same column, but enters every index chosen beside it.
The cost of one index entry is measured from the table's own INSERT and COPY statements (time per row over
the table's indexes and heap) where they ran, a stated default otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..collectors.catalog import catalog_from_snapshot
from ..facts import IndexFacts, Snapshot, StatementStats
from ..query import model_statement
from ..query.model import ParseFailure, QualifiedName, StatementKind, StatementShape
from .spec import IndexSpec
from .workload import observation_days, table_observation_days

DEFAULT_MS_PER_ENTRY = 0.01
"""One B-tree entry, WAL included, on SSD: ~10 µs, when the table's own inserts were not measured."""
BRIN_SHARE_OF_ENTRY = 0.02
"""BRIN touches its summary only when a new value widens a block range: a fraction of a B-tree insert."""
MS_PER_ENTRY_BOUNDS = (0.002, 0.05)
"""A measured cost per entry is kept inside these bounds: single-row statements carry executor overhead."""
BULK_LOAD_ROWS_PER_CALL = 10_000
BULK_LOAD_MAX_CALLS = 2
"""A statement that wrote at least this many rows a call, in at most this many calls, is a bulk load."""

STATEMENTS = "pg_stat_statements"
COUNTERS = "table counters since pg_stat_database.stats_reset"
NONE = "none"

_WRITES = (StatementKind.INSERT, StatementKind.UPDATE, StatementKind.DELETE, StatementKind.MERGE)
_IDENT = re.compile(r'"((?:[^"]|"")+)"|\b([a-z_][a-z0-9_$]*)\b')


@dataclass(frozen=True)
class UpdateRate:
    columns: frozenset[str]
    """The columns the UPDATE sets (empty when unknown: table counters)."""
    rows_per_day: float
    hot: bool
    """No existing index holds any of the columns: PostgreSQL can update the row in place (HOT)."""


@dataclass(frozen=True)
class TableWrites:
    schema: str
    table: str
    source: str
    """``pg_stat_statements``, table counters since the statistics reset, or none."""
    window_days: float
    inserted_per_day: float = 0.0
    deleted_per_day: float = 0.0
    updates: tuple[UpdateRate, ...] = ()
    ms_per_entry: float = DEFAULT_MS_PER_ENTRY
    per_entry_source: str = "assumed (no INSERT or COPY on the table was measured)"
    existing_indexes: int = 0
    bulk_loads: tuple[tuple[str, int], ...] = ()
    """(statement text, rows) of the bulk loads left out of the rates."""

    @property
    def updated_per_day(self) -> float:
        return sum(u.rows_per_day for u in self.updates)

    @property
    def non_hot_updated_per_day(self) -> float:
        return sum(u.rows_per_day for u in self.updates if not u.hot)

    def lost_hot_per_day(self, columns: frozenset[str]) -> float:
        """Updates HOT today that an index holding ``columns`` would make enter every index."""
        return sum(u.rows_per_day for u in self.updates if u.hot and u.columns & columns)

    def describe(self) -> str:
        text = (
            f"{self.inserted_per_day:,.0f} inserts, {self.updated_per_day:,.0f} updates "
            f"({self.non_hot_updated_per_day:,.0f} not HOT) a day from {self.source} over {self.window_days:.2f} "
            f"days; {self.ms_per_entry * 1000:.1f} µs per index entry, {self.per_entry_source}"
        )
        if self.bulk_loads:
            rows = sum(r for _, r in self.bulk_loads)
            text += f"; {len(self.bulk_loads)} bulk load(s) of {rows:,} rows left out"
        return text


@dataclass(frozen=True)
class WriteRates:
    tables: dict[tuple[str, str], TableWrites]

    def of(self, schema: str, table: str) -> TableWrites | None:
        return self.tables.get((schema, table))

    def cost_ms_per_day(self, spec: IndexSpec, row_share: float = 1.0) -> float:
        """What maintaining ``spec`` alone adds a day (see ``configuration_ms_per_day``)."""
        return self.configuration_ms_per_day({spec: row_share})

    def configuration_ms_per_day(self, indexes: Mapping[IndexSpec, float]) -> float:
        """What maintaining ``indexes`` (each with the share of the table's rows it holds) adds a day, together:
        their own entries, and the entries that the updates they make non-HOT add to the existing indexes."""
        return sum(self.attributed_ms_per_day(indexes).values())

    def added_ms_per_day(self, new: Mapping[IndexSpec, float], chosen: Mapping[IndexSpec, float]) -> float:
        """What ``new`` adds beside ``chosen``: an update that a chosen index has already made non-HOT is not
        lost again, but it does enter the new indexes, as every insert does."""
        tables = {(spec.schema, spec.table) for spec in new}
        beside = {spec: share for spec, share in chosen.items() if (spec.schema, spec.table) in tables}
        return self.configuration_ms_per_day({**beside, **new}) - self.configuration_ms_per_day(beside)

    def attributed_ms_per_day(self, indexes: Mapping[IndexSpec, float]) -> dict[IndexSpec, float]:
        """Each index's part of their maintenance: its own entries (scaled to a partial index's rows) for every
        insert and every update the configuration leaves non-HOT, and an equal part, among the indexes that end
        the same HOT updates, of the entries those updates add to the table's existing indexes."""
        parts = dict.fromkeys(indexes, 0.0)
        by_table: dict[tuple[str, str], list[IndexSpec]] = {}
        for spec in indexes:
            by_table.setdefault((spec.schema, spec.table), []).append(spec)
        for key, specs in by_table.items():
            writes = self.tables.get(key)
            if writes is None:
                continue
            # BRIN never blocks HOT (a summarizing index, PostgreSQL 16+) and rarely changes its summary.
            blocking = {spec: spec_columns(spec) for spec in specs if spec.method != "brin"}
            lost = writes.lost_hot_per_day(frozenset().union(*blocking.values()))
            entering = writes.inserted_per_day + writes.non_hot_updated_per_day + lost
            for spec in specs:
                share = BRIN_SHARE_OF_ENTRY if spec.method == "brin" else indexes[spec]
                parts[spec] += entering * share * writes.ms_per_entry
            for update in writes.updates:
                enders = [spec for spec, columns in blocking.items() if update.hot and update.columns & columns]
                for spec in enders:
                    parts[spec] += update.rows_per_day * writes.existing_indexes * writes.ms_per_entry / len(enders)
        return parts


def spec_columns(spec: IndexSpec) -> frozenset[str]:
    """Every column the index reads: keys, expressions, INCLUDE and its predicate (all of them block HOT)."""
    columns = {k.column for k in spec.keys if k.column}
    for text in [k.expression for k in spec.keys if k.expression] + [spec.predicate or ""]:
        columns.update(identifiers(text))
    return frozenset(columns | set(spec.include))


def identifiers(text: str) -> set[str]:
    """The names an expression or predicate text may refer to (keywords and functions included)."""
    return {quoted.replace('""', '"') if quoted else bare for quoted, bare in _IDENT.findall(text or "")}


def _index_columns(index: IndexFacts) -> frozenset[str]:
    columns = {c for c in index.columns if c}
    for text in (*index.expressions, index.predicate or ""):
        columns.update(identifiers(text))
    return frozenset(columns | set(index.include_columns))


def write_rates(snapshot: Snapshot) -> WriteRates:
    catalog = catalog_from_snapshot(snapshot)
    shapes = []
    for stats in snapshot.statements:
        shape = model_statement(stats.query, catalog, stats.queryid)
        if not isinstance(shape, ParseFailure) and shape.relations_written:
            shapes.append((stats, shape))
    return rates_from(snapshot, shapes)


def rates_from(snapshot: Snapshot, written: Iterable[tuple[StatementStats, StatementShape]]) -> WriteRates:
    days = observation_days(snapshot)
    indexes: dict[tuple[str, str], list[IndexFacts]] = {}
    for index in snapshot.indexes:
        indexes.setdefault((index.schema, index.table), []).append(index)
    by_table: dict[tuple[str, str], list[tuple[StatementStats, StatementShape]]] = {}
    for stats, shape in written:
        if shape.kind not in _WRITES and shape.kind is not StatementKind.UTILITY:
            continue
        for name in dict.fromkeys(shape.relations_written):
            by_table.setdefault(_names(name), []).append((stats, shape))
    counters_bounded = snapshot.database is not None and snapshot.database.stats_reset is not None
    result = {}
    for table in snapshot.tables:
        key = (table.schema, table.name)
        existing = [i for i in indexes.get(key, []) if i.is_valid]
        indexed = frozenset().union(*(_index_columns(i) for i in existing if i.method != "brin"))
        statements = by_table.get(key, [])
        if statements:
            result[key] = _from_statements(table.schema, table.name, statements, days, existing, indexed)
        elif counters_bounded and (table.n_tup_ins or table.n_tup_upd):
            counter_days = table_observation_days(snapshot)
            result[key] = TableWrites(
                table.schema,
                table.name,
                COUNTERS,
                counter_days,
                inserted_per_day=table.n_tup_ins / counter_days,
                deleted_per_day=table.n_tup_del / counter_days,
                updates=(
                    UpdateRate(frozenset(), (table.n_tup_upd - table.n_tup_hot_upd) / counter_days, False),
                    UpdateRate(frozenset(), table.n_tup_hot_upd / counter_days, True),
                ),
                existing_indexes=len(existing),
            )
        else:
            result[key] = TableWrites(table.schema, table.name, NONE, days, existing_indexes=len(existing))
    return WriteRates(result)


def _names(name: QualifiedName) -> tuple[str, str]:
    return (name.schema or "public", name.name)


def _from_statements(
    schema: str,
    table: str,
    statements: list[tuple[StatementStats, StatementShape]],
    days: float,
    existing: list[IndexFacts],
    indexed: frozenset[str],
) -> TableWrites:
    inserted = deleted = 0.0
    updates: dict[frozenset[str], float] = {}
    bulk: list[tuple[str, int]] = []
    insert_ms = insert_rows = 0.0
    for stats, shape in statements:
        if stats.calls <= BULK_LOAD_MAX_CALLS and stats.rows >= BULK_LOAD_ROWS_PER_CALL * max(stats.calls, 1):
            bulk.append((stats.query, stats.rows))
            continue
        rows = stats.rows / days
        if shape.kind in (StatementKind.INSERT, StatementKind.UTILITY):
            inserted += rows
            insert_ms += stats.total_exec_ms
            insert_rows += stats.rows
        elif shape.kind is StatementKind.DELETE:
            deleted += rows
        else:
            # UPDATE and MERGE: the columns they set decide whether the row can stay HOT.
            columns = frozenset().union(
                *(a.columns_written for a in shape.tables if a.written and _names(a.table) == (schema, table))
            )
            updates[columns] = updates.get(columns, 0.0) + rows
    per_entry, source = DEFAULT_MS_PER_ENTRY, "assumed (no INSERT or COPY on the table was measured)"
    if insert_rows:
        measured = insert_ms / insert_rows / (len(existing) + 1)
        low, high = MS_PER_ENTRY_BOUNDS
        per_entry = min(max(measured, low), high)
        source = (
            f"measured: {insert_ms / insert_rows * 1000:.1f} µs per inserted row over the heap and "
            f"{len(existing)} index(es)"
        )
    return TableWrites(
        schema,
        table,
        STATEMENTS,
        days,
        inserted_per_day=inserted,
        deleted_per_day=deleted,
        updates=tuple(
            UpdateRate(columns, rows, not (columns & indexed) and bool(columns))
            for columns, rows in sorted(updates.items(), key=lambda item: sorted(item[0]))
        ),
        ms_per_entry=per_entry,
        per_entry_source=source,
        existing_indexes=len(existing),
        bulk_loads=tuple(bulk),
    )
