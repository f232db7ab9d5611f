"""Existing indexes compared by their definitions, and the DDL that drops or rebuilds one.

pg_get_indexdef spells out collation, operator class, ordering and predicate, which the catalog columns in
IndexFacts leave out; comparing the parsed definition keeps ``(a text_pattern_ops)`` apart from ``(a)``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from pglast.parser import ParseError, parse_sql_json

from ..facts import IndexFacts
from ..findings import Fix, FixSafety
from .base import AnalysisFacts, sql_name


@dataclass(frozen=True)
class IndexShape:
    """What an index stores and answers, without its name: equal shapes are the same index twice."""

    schema: str
    table: str
    method: str
    unique: bool
    keys: tuple[str, ...]
    """Each key in a canonical form of its parse tree: column or expression, collation, operator class, order."""
    include: tuple[str, ...]
    predicate: str | None


def index_shape(index: IndexFacts) -> IndexShape | None:
    """The index's shape, or None when its definition does not parse (then it is compared with nothing)."""
    parsed = _parse(index.definition)
    if parsed is None:
        return None
    method, unique, keys, include, predicate = parsed
    return IndexShape(index.schema, index.table, method, unique, keys, include, predicate)


# Token positions differ between two spellings of one definition; a quote inside a string is escaped, so
# only a key can match.
_LOCATION = re.compile(r'"location":-?\d+,?')
_TRAILING_COMMA = re.compile(r",}")


@lru_cache(maxsize=65536)
def _parse(definition: str) -> tuple[str, bool, tuple[str, ...], tuple[str, ...], str | None] | None:
    # The parser's JSON is ~50× faster than building and printing pglast nodes, which matters with tens
    # of thousands of partition indexes; with positions removed, equal JSON means an equal definition.
    try:
        tree = parse_sql_json(definition)
    except ParseError:
        return None
    statements = json.loads(_TRAILING_COMMA.sub("}", _LOCATION.sub("", tree)))["stmts"]
    stmt = statements[0]["stmt"].get("IndexStmt") if len(statements) == 1 else None
    if stmt is None:
        return None
    keys = tuple(_canonical(e) for e in stmt["indexParams"])
    include = tuple(_canonical(e) for e in stmt.get("indexIncludingParams", ()))
    predicate = _canonical(stmt["whereClause"]) if "whereClause" in stmt else None
    return stmt["accessMethod"], bool(stmt.get("unique")), keys, include, predicate


def _canonical(node: object) -> str:
    return json.dumps(node, separators=(",", ":"))


def qualified_index(index: IndexFacts) -> str:
    return sql_name(index.schema, index.name)


def create_concurrently(index: IndexFacts) -> str:
    """The index's own definition, built concurrently."""
    return re.sub(r"^CREATE (UNIQUE )?INDEX ", r"CREATE \1INDEX CONCURRENTLY ", index.definition.strip(), count=1) + ";"


def drop_index_fix(facts: AnalysisFacts, index: IndexFacts) -> Fix:
    """Drop it without blocking writes; the rollback builds it again from its definition."""
    table = facts.table(index.schema, index.table)
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


def on_partition(facts: AnalysisFacts, index: IndexFacts) -> bool:
    """An index on a partition usually belongs to an index of the parent and cannot be dropped alone."""
    table = facts.table(index.schema, index.table)
    return table is not None and table.parent is not None


def protected(index: IndexFacts) -> bool:
    """Primary keys, unique indexes and indexes behind a constraint do work that scan counters do not show."""
    return index.is_unique or backs_constraint(index)


def backs_constraint(index: IndexFacts) -> bool:
    return index.is_primary or index.backs_constraint is not None


def keep_first(index: IndexFacts) -> tuple[bool, int, str]:
    """Of indexes that do the same job, keep what a constraint needs, then the one the planner uses most."""
    return (not backs_constraint(index), -index.idx_scan, index.name)
