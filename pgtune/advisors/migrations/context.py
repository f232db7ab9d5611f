"""What the database tells the migration rules: sizes, write rates and index users, or nothing.

The rules take a ``MigrationContext`` as an explicit input, so where it comes from (nothing, a snapshot
file, a live connection, a HypoPG plan check) never changes a rule. Durations are estimates from
stated throughput assumptions, written into each finding's evidence.

A plan check is what re-planning the workload under a migration's indexes found (the gate's replan
module does the live part). Its weighted planner cost is each top statement's planner cost after the
migration relative to before, weighted by the time the statement takes today (calls × mean time): a
statement that takes half the workload's time and doubles in cost raises it by 50 %. Planner costs of
different statements are not added up directly, because their units only compare within one statement.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from ...facts import ColumnStats, Snapshot, TableFacts
from ...findings import StatementImpact
from ...query.ddl_model import DdlAction, KnownSchema, Reference

REWRITE_MB_PER_S = 100.0
"""A table rewrite (copy, WAL, index rebuilds) on SSD storage."""
INDEX_BUILD_MB_PER_S = 60.0
"""A btree build: a sequential scan plus a sort, per MB of table."""
SCAN_MB_PER_S = 300.0
"""A sequential read of the table for validation (NOT NULL, CHECK, foreign key)."""
DEFAULT_SERVER_VERSION_NUM = 150000
_MB = 1024 * 1024
_PLAIN = re.compile(r'^("[^"]+"|[a-z_][a-z0-9_$]*)$')
_NEXTVAL = re.compile(r"nextval\('([^']+)'::regclass\)")
_ON_DELETE = re.compile(r"\bON DELETE (CASCADE|RESTRICT|SET NULL|SET DEFAULT)\b")
_DELETE_ACTIONS = {"CASCADE": "c", "RESTRICT": "r", "SET NULL": "n", "SET DEFAULT": "d"}
_NOT_NULL_CHECK = re.compile(r"^CHECK \(+\"?(?P<column>[^\s\"()]+)\"? IS NOT NULL\)+$", re.I)


@dataclass(frozen=True)
class Estimate:
    seconds: float
    assumption: str


@dataclass(frozen=True)
class ReplannedStatement:
    queryid: int | None
    text: str
    calls: int
    mean_exec_ms: float
    cost_before: float
    cost_after: float

    @property
    def weight_ms(self) -> float:
        return self.calls * self.mean_exec_ms

    @property
    def ratio(self) -> float:
        return self.cost_after / self.cost_before if self.cost_before > 0 else 1.0

    def impact(self) -> StatementImpact:
        return StatementImpact(
            self.queryid, self.text, self.calls, self.mean_exec_ms, self.cost_before, self.cost_after
        )


@dataclass(frozen=True)
class NewIndex:
    action: DdlAction
    helped: tuple[ReplannedStatement, ...]
    """Statements whose plan uses the index and costs less with it, most time first."""
    write_cost_ms_per_day: float


@dataclass(frozen=True)
class DroppedIndex:
    action: DdlAction
    users: tuple[ReplannedStatement, ...]
    """Statements whose current plan uses the index, most time first."""
    hidden: bool
    """HypoPG hid the index, so the costs after already reflect the drop."""


@dataclass(frozen=True)
class PlanCheck:
    max_regression_pct: float
    statements: tuple[ReplannedStatement, ...] = ()
    new_indexes: tuple[NewIndex, ...] = ()
    dropped_indexes: tuple[DroppedIndex, ...] = ()
    hypopg_version: str = ""
    notes: tuple[str, ...] = ()

    @property
    def weighted_change_pct(self) -> float:
        total = sum(s.weight_ms for s in self.statements)
        if total <= 0:
            return 0.0
        return 100.0 * (sum(s.weight_ms * s.ratio for s in self.statements) / total - 1.0)

    @property
    def regressed(self) -> bool:
        # Rounded so that a rise of exactly the limit passes despite float error (11 / 10 = 1.1000000000000001).
        return round(self.weighted_change_pct, 6) > self.max_regression_pct

    def worse(self) -> tuple[ReplannedStatement, ...]:
        """Statements whose cost rises, the largest share of the rise first."""
        rising = [s for s in self.statements if s.cost_after > s.cost_before]
        return tuple(sorted(rising, key=lambda s: -s.weight_ms * (s.ratio - 1.0)))

    def summary(self) -> str:
        return (
            f"plan check: {len(self.statements)} statement(s) re-planned with HypoPG {self.hypopg_version}; "
            f"weighted planner cost {self.weighted_change_pct:+.1f}% (limit +{self.max_regression_pct:g}%)"
        )


def by_time(statements: list[ReplannedStatement]) -> tuple[ReplannedStatement, ...]:
    return tuple(sorted(statements, key=lambda s: -s.weight_ms))


@dataclass(frozen=True)
class MigrationContext:
    server_version_num: int = DEFAULT_SERVER_VERSION_NUM
    source: str = ""
    """Where the database facts came from (``snapshot prod.json``); empty when there are none."""
    tables: Mapping[str, TableFacts] = field(default_factory=dict)
    index_users: Mapping[str, tuple[StatementImpact, ...]] = field(default_factory=dict)
    """schema.index → workload statements whose plans use it, most time first."""
    stats_window_s: float | None = None
    """Seconds the table counters cover (since the statistics reset), for write rates."""
    known: KnownSchema = field(default_factory=KnownSchema)
    plan_check: PlanCheck | None = None
    """The workload re-planned under the migration's indexes (``--max-regression``), or None."""

    @classmethod
    def empty(cls, server_version_num: int = DEFAULT_SERVER_VERSION_NUM) -> MigrationContext:
        return cls(server_version_num)

    @classmethod
    def from_snapshot(cls, snapshot: Snapshot, source: str, server_version_num: int | None = None) -> MigrationContext:
        version = server_version_num or snapshot.server.version_num
        tables = {t.qualified_name: t for t in snapshot.tables}
        known = KnownSchema(
            column_types={(t.qualified_name, c.name): c.type for t in snapshot.tables for c in t.columns},
            not_null_checks=frozenset(
                (f"{c.schema}.{c.table}", m["column"])
                for c in snapshot.constraints
                if c.kind == "c" and c.validated and (m := _NOT_NULL_CHECK.match(c.definition.strip()))
            ),
            checked_tables=frozenset(
                f"{c.schema}.{c.table}" for c in snapshot.constraints if c.kind == "c" and c.validated
            ),
            index_tables={f"{i.schema}.{i.name}": i.qualified_table for i in snapshot.indexes},
            tables=frozenset(tables),
            partitioned_tables=frozenset(name for name, t in tables.items() if t.kind == "p"),
            row_counts={name: t.n_live_tup for name, t in tables.items()},
            not_null_columns=frozenset(
                (t.qualified_name, c.name) for t in snapshot.tables for c in t.columns if c.not_null
            ),
            null_fractions={(f"{s.schema}.{s.table}", s.column): s.null_frac for s in snapshot.column_stats},
            distinct_values={(f"{s.schema}.{s.table}", s.column): s.n_distinct for s in snapshot.column_stats},
            sampled_values={(f"{s.schema}.{s.table}", s.column): _sampled(s) for s in snapshot.column_stats},
            sampled_ranges={
                (f"{s.schema}.{s.table}", s.column): (s.lowest_value, s.highest_value)
                for s in snapshot.column_stats
                if s.lowest_value is not None and s.highest_value is not None
            },
            # A table left out as locked may hide constraints of the tables referencing it: names are then unknown.
            constraint_names={}
            if any(g.source.startswith("table ") or g.source == "constraints" for g in snapshot.gaps)
            else {
                name: frozenset(c.name for c in snapshot.constraints if f"{c.schema}.{c.table}" == name)
                for name in tables
            },
            check_definitions={
                (f"{c.schema}.{c.table}", c.name): c.definition for c in snapshot.constraints if c.kind == "c"
            },
            partition_keys={
                name: _key_columns(t.partition_key) for name, t in tables.items() if t.kind == "p" and t.partition_key
            },
            sequence_room={
                f"{s.schema}.{s.name}": s.values_left for s in snapshot.sequences if s.values_left is not None
            },
            available_extensions=frozenset(snapshot.server.available_extensions),
            sequence_columns={
                (f"{parts[0]}.{parts[1]}", parts[2]): f"{s.schema}.{s.name}"
                for s in snapshot.sequences
                if s.owned_by and '"' not in s.owned_by and len(parts := s.owned_by.split(".")) == 3
            },
            references=tuple(_references(snapshot)),
            default_sequences={
                (t.qualified_name, c.name): frozenset(_qualified(n) for n in _NEXTVAL.findall(c.default))
                for t in snapshot.tables
                for c in t.columns
                if c.default and _NEXTVAL.search(c.default)
            },
            identity_columns=frozenset(
                (t.qualified_name, c.name) for t in snapshot.tables for c in t.columns if c.identity
            ),
        )
        return cls(version, source, tables, _index_users(snapshot), _stats_window_s(snapshot), known)

    def table(self, name: str | None) -> TableFacts | None:
        return self.tables.get(name) if name else None

    def writes_per_s(self, table: TableFacts) -> float | None:
        if not self.stats_window_s:
            return None
        return (table.n_tup_ins + table.n_tup_upd + table.n_tup_del) / self.stats_window_s

    def estimate(self, action: DdlAction) -> Estimate | None:
        """How long the action holds its lock on a table of known size, or None."""
        table = self.table(action.table)
        if table is None or not table.size_bytes:
            return None
        megabytes = table.size_bytes / _MB
        if action.rewrites:
            total = (table.total_size_bytes or table.size_bytes) / _MB
            return Estimate(total / REWRITE_MB_PER_S, f"a rewrite at ~{REWRITE_MB_PER_S:.0f} MB/s on SSD")
        if action.kind.value in ("create-index", "reindex", "add-constraint") and not action.referenced_table:
            return Estimate(megabytes / INDEX_BUILD_MB_PER_S, f"an index build at ~{INDEX_BUILD_MB_PER_S:.0f} MB/s")
        if action.scans:
            return Estimate(megabytes / SCAN_MB_PER_S, f"a validation scan at ~{SCAN_MB_PER_S:.0f} MB/s")
        return None


def _references(snapshot: Snapshot) -> list[Reference]:
    """Every foreign key, with its ON DELETE action as pg_get_constraintdef writes it (none: NO ACTION)."""
    found = []
    for c in snapshot.constraints:
        if c.kind != "f" or not c.referenced_table or '"' in c.referenced_table:
            continue
        action = _ON_DELETE.search(c.definition)
        on_delete = _DELETE_ACTIONS[action.group(1)] if action else "a"
        table = f"{c.schema}.{c.table}"
        found.append(Reference(table, c.name, c.columns, c.referenced_table, on_delete, c.referenced_columns))
    return found


def _qualified(name: str) -> str:
    return name.lower() if "." in name else f"public.{name.lower()}"


def _sampled(stats: ColumnStats) -> tuple[str, ...]:
    ends = (stats.lowest_value, stats.highest_value)
    return tuple(v for v in (*ends, *stats.most_common_values) if v is not None and v != "NULL")


def _key_columns(key: str) -> tuple[str | None, ...]:
    """``RANGE (booked_at)`` (pg_get_partkeydef) → ``("booked_at",)``; an expression key → None in its place."""
    inside = key[key.find("(") + 1 : key.rfind(")")]
    return tuple(p.strip().strip('"') if _PLAIN.match(p.strip()) else None for p in inside.split(","))


def _stats_window_s(snapshot: Snapshot) -> float | None:
    start = (
        (snapshot.database.stats_reset if snapshot.database else None)
        or snapshot.statements_reset_at
        or snapshot.server.started_at
    )
    if start is None:
        return None
    seconds = (snapshot.collected_at - start).total_seconds()
    return seconds if seconds > 0 else None


def _index_users(snapshot: Snapshot) -> dict[str, tuple[StatementImpact, ...]]:
    schema_of = {i.name: i.schema for i in snapshot.indexes}
    stats = {s.queryid: s for s in snapshot.statements if s.queryid is not None}
    users: dict[str, list[StatementImpact]] = {}
    for plan in snapshot.plans:
        if plan.root is None:
            continue
        statement = stats.get(plan.queryid)
        names = {n.index_name for n in plan.root.walk() if n.index_name}
        for name in names:
            key = name if "." in name else f"{schema_of.get(name, 'public')}.{name}"
            users.setdefault(key, []).append(
                StatementImpact(
                    plan.queryid,
                    statement.query if statement else plan.query,
                    statement.calls if statement else 0,
                    statement.mean_exec_ms if statement else 0.0,
                )
            )
    return {k: tuple(sorted(v, key=lambda s: -s.calls * s.mean_exec_ms)) for k, v in users.items()}
