"""Conditions as EXPLAIN prints them (Filter, Index Cond), read back as SQL."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pglast import ast, parse_sql
from pglast.ast import ColumnRef, String
from pglast.enums import A_Expr_Kind, BoolExprType
from pglast.parser import ParseError
from pglast.visitors import Visitor

from .predicates import constant_text, operator_name, references


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


@dataclass(frozen=True)
class KeyComparison:
    """One clause of an Index Cond: the index column, its operator, and the value."""

    column: str
    operator: str
    constant: str | None
    """The value's SQL when it is a constant (``5``, ``'AIR'``); None when it changes from one probe to the next
    (another relation's column, a parameter)."""


@lru_cache(maxsize=4096)
def index_comparisons(condition: str) -> tuple[KeyComparison, ...] | None:
    """The AND-ed clauses of an EXPLAIN Index Cond, which prints the index column on the left; None when a
    clause is anything else (an expression key, ``= ANY`` over an array, a row comparison) or does not read
    back as SQL."""
    try:
        statements = parse_sql(f"SELECT 1 WHERE {condition}")
    except ParseError:
        return None
    where = statements[0].stmt.whereClause
    clauses = where.args if isinstance(where, ast.BoolExpr) and where.boolop == BoolExprType.AND_EXPR else (where,)
    found = []
    for clause in clauses:
        if not (isinstance(clause, ast.A_Expr) and clause.kind == A_Expr_Kind.AEXPR_OP):
            return None
        column = clause.lexpr
        if not (isinstance(column, ColumnRef) and isinstance(column.fields[-1], String)):
            return None
        value = clause.rexpr.arg if isinstance(clause.rexpr, ast.TypeCast) else clause.rexpr
        if references(value).sublinks:
            return None
        found.append(KeyComparison(column.fields[-1].sval, operator_name(clause), constant_text(value)))
    return tuple(found)
