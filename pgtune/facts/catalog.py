"""The schema and its usage counters: tables, indexes, constraints, pg_stats, sequences, views, and the
volatility of what an index expression may call."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class ColumnFacts:
    name: str
    type: str
    not_null: bool = False
    default: str | None = None
    identity: str = ""
    generated: str = ""
    type_name: str = ""
    """pg_type's name (``timestamptz``, ``int4``): how casts and function signatures name the type."""


@dataclass(frozen=True)
class TableFacts:
    schema: str
    name: str
    kind: str = "r"
    columns: tuple[ColumnFacts, ...] = ()
    parent: str | None = None
    partition_key: str | None = None
    reltuples: float = 0.0
    relpages: int = 0
    relallvisible: int = 0
    size_bytes: int = 0
    total_size_bytes: int = 0
    n_live_tup: int = 0
    n_dead_tup: int = 0
    n_mod_since_analyze: int = 0
    seq_scan: int = 0
    seq_tup_read: int = 0
    idx_scan: int = 0
    idx_tup_fetch: int = 0
    n_tup_ins: int = 0
    n_tup_upd: int = 0
    n_tup_del: int = 0
    n_tup_hot_upd: int = 0
    heap_blks_read: int = 0
    heap_blks_hit: int = 0
    last_vacuum: datetime | None = None
    last_autovacuum: datetime | None = None
    last_analyze: datetime | None = None
    last_autoanalyze: datetime | None = None
    vacuum_count: int = 0
    autovacuum_count: int = 0
    xid_age: int = 0
    mxid_age: int = 0
    reloptions: tuple[str, ...] = ()

    @property
    def qualified_name(self) -> str:
        return f"{self.schema}.{self.name}"


@dataclass(frozen=True)
class IndexFacts:
    schema: str
    table: str
    name: str
    definition: str
    method: str = "btree"
    columns: tuple[str | None, ...] = ()
    """Key columns in order; None where the key is an expression (see ``expressions``)."""
    expressions: tuple[str, ...] = ()
    include_columns: tuple[str, ...] = ()
    predicate: str | None = None
    is_unique: bool = False
    is_primary: bool = False
    is_valid: bool = True
    is_ready: bool = True
    backs_constraint: str | None = None
    idx_scan: int = 0
    idx_tup_read: int = 0
    idx_tup_fetch: int = 0
    idx_blks_read: int = 0
    idx_blks_hit: int = 0
    size_bytes: int = 0

    @property
    def qualified_table(self) -> str:
        return f"{self.schema}.{self.table}"


@dataclass(frozen=True)
class ConstraintFacts:
    schema: str
    table: str
    name: str
    kind: str
    """p primary key, u unique, f foreign key, c check, x exclusion."""
    columns: tuple[str, ...] = ()
    definition: str = ""
    validated: bool = True
    referenced_table: str | None = None
    referenced_columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class ColumnStats:
    """pg_stats for one column."""

    schema: str
    table: str
    column: str
    null_frac: float = 0.0
    n_distinct: float = 0.0
    """As pg_stats: positive = count, negative = minus the fraction of rows."""
    avg_width_bytes: int = 0
    most_common_values: tuple[str, ...] = ()
    most_common_freqs: tuple[float, ...] = ()
    correlation: float | None = None
    lowest_value: str | None = None
    highest_value: str | None = None
    """The histogram's first and last bounds, as text: the span of the sampled values."""


@dataclass(frozen=True)
class SequenceFacts:
    schema: str
    name: str
    data_type: str
    last_value: int | None
    max_value: int
    owned_by: str | None = None
    """The column it fills (OWNED BY, serial or identity) as schema.table.column."""
    increment_by: int = 1

    @property
    def values_left(self) -> int | None:
        """How many more values nextval can give before max_value (ascending sequences whose last_value the role
        may read: pg_sequences shows NULL without the privilege, or before the first nextval)."""
        if self.last_value is None or self.increment_by <= 0:
            return None
        return max((self.max_value - self.last_value) // self.increment_by, 0)


@dataclass(frozen=True)
class ExtendedStatistics:
    """One CREATE STATISTICS object (pg_statistic_ext) on plain columns."""

    schema: str
    name: str
    table_schema: str
    table: str
    columns: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    """As stxkind: d n-distinct, f functional dependencies, m most common values, e expressions."""
    distinct_counts: tuple[tuple[tuple[str, ...], float], ...] = ()
    """ANALYZE's n-distinct estimate of each group of two or more of the columns (empty until it ran)."""


@dataclass(frozen=True)
class ViewFacts:
    schema: str
    name: str
    definition: str
    materialized: bool = False


@dataclass(frozen=True)
class MutableFunction:
    """A function overload that is not immutable (``s`` stable, ``v`` volatile): no index may call it."""

    name: str
    arg_types: tuple[str, ...]
    volatility: str


@dataclass(frozen=True)
class CastFacts:
    """A cast and its volatility; ``source`` None is the I/O coercion into ``target`` (its input function)."""

    source: str | None
    target: str
    volatility: str


@dataclass(frozen=True)
class Volatility:
    """What decides whether an index expression is immutable, from pg_proc, pg_cast and pg_type."""

    mutable_functions: tuple[MutableFunction, ...] = ()
    casts: tuple[CastFacts, ...] = ()
