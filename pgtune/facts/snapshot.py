"""The whole of one collection, its shared lookups, and its versioned JSON round trip."""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from ..errors import BadInput
from ..serialization import from_jsonable, to_jsonable
from .catalog import (
    ColumnStats,
    ConstraintFacts,
    ExtendedStatistics,
    IndexFacts,
    SequenceFacts,
    TableFacts,
    ViewFacts,
    Volatility,
)
from .pgbouncer import PgBouncerFacts
from .server import ActivitySummary, CheckpointerStats, DatabaseStats, ServerFacts
from .statements import LatencyHistogram, QualStat, StatementPlan, StatementStats, WorkloadSample
from .timescaledb import TimescaleFacts

SNAPSHOT_SCHEMA_VERSION = 1

T = TypeVar("T")


@dataclass(frozen=True)
class CollectionGap:
    """Something the collection could not see, why, and what would let it."""

    source: str
    reason: str
    remedy: str = ""


@dataclass(frozen=True)
class Snapshot:
    server: ServerFacts
    collected_at: datetime
    schema_version: int = SNAPSHOT_SCHEMA_VERSION
    statements: tuple[StatementStats, ...] = ()
    statements_reset_at: datetime | None = None
    statements_deallocations: int | None = None
    tables: tuple[TableFacts, ...] = ()
    indexes: tuple[IndexFacts, ...] = ()
    constraints: tuple[ConstraintFacts, ...] = ()
    column_stats: tuple[ColumnStats, ...] = ()
    sequences: tuple[SequenceFacts, ...] = ()
    database: DatabaseStats | None = None
    activity: ActivitySummary | None = None
    checkpointer: CheckpointerStats | None = None
    qualstats: tuple[QualStat, ...] = ()
    plans: tuple[StatementPlan, ...] = ()
    timescaledb: TimescaleFacts | None = None
    workload: tuple[WorkloadSample, ...] = ()
    gaps: tuple[CollectionGap, ...] = field(default=())
    views: tuple[ViewFacts, ...] = ()
    extended_statistics: tuple[ExtendedStatistics, ...] = ()
    example_queries: tuple[WorkloadSample, ...] = ()
    """pg_qualstats' example of each statement: the application's text, inline constants kept."""
    volatility: Volatility | None = None
    """None when not collected (older snapshots): expression candidates are then left to HypoPG to refuse."""
    poolers: tuple[PgBouncerFacts, ...] = ()
    """The PgBouncers in front of the server (``--pgbouncer``), each read twice during the collection."""
    latency_histogram: LatencyHistogram | None = None

    # The lookups what-if and the advisors share, indexed once per snapshot: with thousands of partitions
    # and their indexes, scanning the tuples per question is what an analysis would spend its time on.
    def table(self, schema: str, name: str) -> TableFacts | None:
        return self._lookups.tables.get((schema, name))

    def tables_named(self, name: str) -> tuple[TableFacts, ...]:
        """The tables of that name in any schema (EXPLAIN and unqualified SQL name no schema)."""
        return self._lookups.tables_named.get(name, ())

    def indexes_of(self, schema: str, table: str) -> tuple[IndexFacts, ...]:
        return self._lookups.indexes.get((schema, table), ())

    def stats_of(self, schema: str, table: str, column: str) -> ColumnStats | None:
        return self._lookups.column_stats.get((schema, table, column))

    def foreign_keys_to(self, referenced_table: str) -> tuple[ConstraintFacts, ...]:
        """Foreign keys whose referenced table is spelled exactly so."""
        return self._lookups.foreign_keys.get(referenced_table, ())

    def partitions_of(self, parent: str) -> tuple[TableFacts, ...]:
        """The tables whose parent is spelled exactly so."""
        return self._lookups.children.get(parent, ())

    @cached_property
    def _lookups(self) -> _Lookups:
        return _Lookups.of(self)

    def to_json(self) -> str:
        return json.dumps(to_jsonable(self), indent=1, sort_keys=False)

    @classmethod
    def from_json(cls, text: str) -> Snapshot:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise BadInput(f"the snapshot is not JSON: {exc}", "pass a file written by pgtune snapshot") from None
        if not isinstance(data, dict) or "server" not in data:
            raise BadInput("the file is not a pgtune snapshot", "pass a file written by pgtune snapshot")
        version = data.get("schema_version")
        if not isinstance(version, int) or version > SNAPSHOT_SCHEMA_VERSION:
            raise BadInput(
                f"snapshot schema version {version!r} is newer than this pgtune understands "
                f"({SNAPSHOT_SCHEMA_VERSION})",
                "upgrade pgtune",
            )
        return from_jsonable(cls, data)

    @classmethod
    def load(cls, path: Path) -> Snapshot:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise BadInput(f"cannot read the snapshot {path}: {exc.strerror}", "check the path") from None
        if not raw.strip():
            raise BadInput(f"the snapshot {path} is empty", "pass a file written by pgtune snapshot")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise BadInput(f"the snapshot {path} is not UTF-8 text", "pass a file written by pgtune snapshot") from None
        return cls.from_json(text)


@dataclass(frozen=True)
class _Lookups:
    tables: dict[tuple[str, str], TableFacts]
    tables_named: dict[str, tuple[TableFacts, ...]]
    indexes: dict[tuple[str, str], tuple[IndexFacts, ...]]
    column_stats: dict[tuple[str, str, str], ColumnStats]
    foreign_keys: dict[str, tuple[ConstraintFacts, ...]]
    children: dict[str, tuple[TableFacts, ...]]

    @classmethod
    def of(cls, snapshot: Snapshot) -> _Lookups:
        tables: dict[tuple[str, str], TableFacts] = {}
        for table in snapshot.tables:
            tables.setdefault((table.schema, table.name), table)
        stats: dict[tuple[str, str, str], ColumnStats] = {}
        for column in snapshot.column_stats:
            stats.setdefault((column.schema, column.table, column.column), column)
        return cls(
            tables=tables,
            tables_named=_grouped(snapshot.tables, lambda t: t.name),
            indexes=_grouped(snapshot.indexes, lambda i: (i.schema, i.table)),
            column_stats=stats,
            foreign_keys=_grouped(
                (c for c in snapshot.constraints if c.kind == "f" and c.referenced_table), lambda c: c.referenced_table
            ),
            children=_grouped((t for t in snapshot.tables if t.parent), lambda t: t.parent),
        )


def _grouped(items: Iterable[T], key: Callable[[T], Hashable]) -> dict[Hashable, tuple[T, ...]]:
    """Items by key, each group in the snapshot's order."""
    groups: dict[Hashable, list[T]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return {k: tuple(group) for k, group in groups.items()}
