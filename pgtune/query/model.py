"""The shapes advisors see. Pure data: what a statement reads, filters, joins, sorts and groups."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum


class StatementKind(str, Enum):
    SELECT = "select"
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"
    MERGE = "merge"
    UTILITY = "utility"


class PredicateOp(str, Enum):
    EQ = "eq"
    """= and IS NOT DISTINCT FROM."""
    IN = "in"
    """IN (list) and = ANY(array or parameter)."""
    RANGE = "range"
    """<, <=, >, >=, BETWEEN."""
    NE = "ne"
    LIKE_PREFIX = "like_prefix"
    """LIKE/ILIKE with a constant prefix ('abc%'), or a parameter (prefix unknown)."""
    LIKE_INFIX = "like_infix"
    """LIKE/ILIKE with a leading wildcard: no B-tree helps."""
    IS_NULL = "is_null"
    IS_NOT_NULL = "is_not_null"
    CONTAINS = "contains"
    """Array and jsonb containment and existence: @>, <@, &&, ?, ?|, ?&."""
    OTHER = "other"


@dataclass(frozen=True, order=True)
class QualifiedName:
    schema: str | None
    name: str

    def __str__(self) -> str:
        return f"{self.schema}.{self.name}" if self.schema else self.name


@dataclass(frozen=True)
class Predicate:
    """One condition on one table: ``column op value`` or ``expression op value``."""

    table: QualifiedName
    column: str | None
    op: PredicateOp
    operator: str
    """The SQL operator as written: '=', '<', '>=', 'LIKE', '@>', 'IN', 'IS NULL' ..."""
    expression: str | None = None
    """Canonical SQL of an expression over the table's columns (``lower(email)``), None for a plain column."""
    constant: str | None = None
    """The literal compared with, as SQL text, when the statement has one (not for $n parameters)."""
    in_list_length: int | None = None
    in_join: bool = False
    """Part of a JOIN ... ON condition rather than WHERE."""
    columns: tuple[str, ...] = ()
    """Every column of the table the predicate reads (one for a plain column, several for an expression)."""
    parameter: int | None = None
    """n when the value compared with is the parameter ``$n``: a constant known from elsewhere (pg_qualstats,
    a literal sample) can then be put in its place."""
    in_or: bool = False
    """Under an OR: an index serves it only together with the other branches (a BitmapOr)."""


@dataclass(frozen=True)
class SortKey:
    table: QualifiedName | None
    column: str | None
    descending: bool = False
    nulls_first: bool | None = None
    """None when the SQL leaves it to the default (NULLS LAST for ASC, NULLS FIRST for DESC)."""
    expression: str | None = None


@dataclass(frozen=True)
class JoinKey:
    left: QualifiedName
    left_column: str
    right: QualifiedName
    right_column: str
    kind: str = "inner"


@dataclass(frozen=True)
class TableAccess:
    """Everything one statement does with one table (a self-join gives one access per alias)."""

    table: QualifiedName
    alias: str | None = None
    predicates: tuple[Predicate, ...] = ()
    join_columns: tuple[str, ...] = ()
    sort_keys: tuple[SortKey, ...] = ()
    """The statement's ORDER BY when every key is on this table, else empty."""
    group_by: tuple[str, ...] = ()
    columns_read: frozenset[str] = frozenset()
    reads_all_columns: bool = False
    """SELECT * or t.*: no covering index can serve it."""
    written: bool = False
    columns_written: frozenset[str] = frozenset()
    """Columns an INSERT lists or an UPDATE/MERGE sets (what decides HOT updates)."""
    via_view: QualifiedName | None = None
    """The view this access was reached through, when the catalog expanded one."""


@dataclass(frozen=True)
class StatementShape:
    fingerprint: str
    kind: StatementKind
    text: str
    tables: tuple[TableAccess, ...] = ()
    relations_read: tuple[QualifiedName, ...] = ()
    relations_written: tuple[QualifiedName, ...] = ()
    joins: tuple[JoinKey, ...] = ()
    sort_keys: tuple[SortKey, ...] = ()
    limit: int | None = None
    has_limit: bool = False
    """True for LIMIT $n too, where ``limit`` is unknown."""
    offset: int | None = None
    distinct: bool = False
    group_by: tuple[str, ...] = ()
    has_aggregates: bool = False
    has_window_functions: bool = False
    queryid: int | None = None
    index_helpful: bool = True
    not_indexable_reason: str | None = None
    truncated: bool = False
    ambiguous_columns: tuple[str, ...] = ()
    """Unqualified columns that several tables in scope may hold: not attributed to any table."""
    locks_rows: bool = False
    """SELECT ... FOR UPDATE / FOR SHARE."""
    views: tuple[QualifiedName, ...] = ()
    """Views expanded to their base tables (which are in ``relations_read``)."""

    def accesses_of(self, table: QualifiedName) -> tuple[TableAccess, ...]:
        return tuple(a for a in self.tables if a.table == table)


@dataclass(frozen=True)
class ParseFailure:
    """A statement the model could not read, kept so that the report can say why it was skipped."""

    text: str
    reason: str
    location: int | None = None
    truncated: bool = False
    queryid: int | None = None


@dataclass(frozen=True)
class CatalogTable:
    schema: str
    name: str
    columns: tuple[str, ...] = ()


@dataclass(frozen=True)
class Catalog:
    """What the model needs to resolve names: tables and their columns, views, the search path."""

    tables: Mapping[QualifiedName, CatalogTable] = field(default_factory=dict)
    views: Mapping[QualifiedName, str] = field(default_factory=dict)
    """View name → its defining SELECT, so that views expand to their base tables."""
    search_path: tuple[str, ...] = ("public",)
