"""Existing indexes compared by their definitions, and the DDL that drops or rebuilds one.

pg_get_indexdef spells out collation, operator class, ordering and predicate, which the catalog columns in
IndexFacts leave out; comparing the parsed definition keeps ``(a text_pattern_ops)`` apart from ``(a)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pglast import parse_sql
from pglast.ast import IndexStmt
from pglast.parser import ParseError
from pglast.stream import RawStream

from ..facts import IndexFacts, Snapshot
from ..findings import Fix, FixSafety
from .base import sql_name


@dataclass(frozen=True)
class IndexShape:
    """What an index stores and answers, without its name: equal shapes are the same index twice."""

    schema: str
    table: str
    method: str
    unique: bool
    keys: tuple[str, ...]
    """Each key as SQL, with its collation, operator class and ordering."""
    include: tuple[str, ...]
    predicate: str | None


def index_shape(index: IndexFacts) -> IndexShape | None:
    """The index's shape, or None when its definition does not parse (then it is compared with nothing)."""
    parsed = _parse(index.definition)
    if parsed is None:
        return None
    method, unique, keys, include, predicate = parsed
    return IndexShape(index.schema, index.table, method, unique, keys, include, predicate)


@lru_cache(maxsize=4096)
def _parse(definition: str) -> tuple[str, bool, tuple[str, ...], tuple[str, ...], str | None] | None:
    try:
        statements = parse_sql(definition)
    except ParseError:
        return None
    if len(statements) != 1 or not isinstance(statements[0].stmt, IndexStmt):
        return None
    stmt = statements[0].stmt
    keys = tuple(_sql(e) for e in stmt.indexParams)
    include = tuple(_sql(e) for e in stmt.indexIncludingParams or ())
    predicate = _sql(stmt.whereClause) if stmt.whereClause is not None else None
    return stmt.accessMethod, bool(stmt.unique), keys, include, predicate


def _sql(node) -> str:
    # A RawStream keeps what it printed, so each node gets a fresh one.
    return RawStream()(node)


def qualified_index(index: IndexFacts) -> str:
    return sql_name(index.schema, index.name)


def create_concurrently(index: IndexFacts) -> str:
    """The index's own definition, built concurrently."""
    return re.sub(r"^CREATE (UNIQUE )?INDEX ", r"CREATE \1INDEX CONCURRENTLY ", index.definition.strip(), count=1) + ";"


def drop_index_fix(snapshot: Snapshot, index: IndexFacts) -> Fix:
    """Drop it without blocking writes; the rollback builds it again from its definition."""
    table = snapshot.table(index.schema, index.table)
    if table is not None and table.kind == "p":
        # A partitioned index can be neither dropped nor built concurrently, and its definition says ON ONLY,
        # which would rebuild it without its partitions.
        return Fix(
            f"DROP INDEX IF EXISTS {qualified_index(index)};",
            index.definition.strip().replace(" ON ONLY ", " ON ", 1) + ";",
            FixSafety.BLOCKING,
            "drops and rebuilds it on every partition, each under a lock that blocks writes",
        )
    return Fix(
        f"DROP INDEX CONCURRENTLY IF EXISTS {qualified_index(index)};", create_concurrently(index), FixSafety.ONLINE
    )


def on_partition(snapshot: Snapshot, index: IndexFacts) -> bool:
    """An index on a partition usually belongs to an index of the parent and cannot be dropped alone."""
    table = snapshot.table(index.schema, index.table)
    return table is not None and table.parent is not None


def protected(index: IndexFacts) -> bool:
    """Primary keys, unique indexes and indexes behind a constraint do work that scan counters do not show."""
    return index.is_unique or backs_constraint(index)


def backs_constraint(index: IndexFacts) -> bool:
    return index.is_primary or index.backs_constraint is not None


def keep_first(index: IndexFacts) -> tuple[bool, int, str]:
    """Of indexes that do the same job, keep what a constraint needs, then the one the planner uses most."""
    return (not backs_constraint(index), -index.idx_scan, index.name)
