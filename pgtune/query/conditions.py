"""Conditions as EXPLAIN prints them (Filter, Index Cond), read back as SQL."""

from __future__ import annotations

from functools import lru_cache

from pglast import parse_sql
from pglast.ast import ColumnRef, String
from pglast.parser import ParseError
from pglast.visitors import Visitor


class _ColumnNames(Visitor):
    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_ColumnRef(self, ancestors, node: ColumnRef) -> None:
        last = node.fields[-1]
        if isinstance(last, String):
            self.names.add(last.sval)


@lru_cache(maxsize=4096)
def condition_columns(condition: str) -> frozenset[str]:
    """Column names in an EXPLAIN condition; none when it does not read back as SQL (SubPlan references)."""
    try:
        statements = parse_sql(f"SELECT 1 WHERE {condition}")
    except ParseError:
        return frozenset()
    visitor = _ColumnNames()
    visitor(statements[0].stmt.whereClause)
    return frozenset(visitor.names)
