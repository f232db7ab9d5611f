"""Statement anti-patterns the shapes do not carry: NOT IN (subquery), OR across columns, functions and casts
on columns, leading-wildcard LIKE, large OFFSET, count(*) over a whole table, IN lists of literal length.

Reads SQL text with pglast; no parse node leaves this module. Bad input gives no findings, never an error.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from pglast import ast, parser
from pglast.enums import A_Expr_Kind, BoolExprType, SubLinkType
from pglast.parser import ParseError
from pglast.stream import RawStream
from pglast.visitors import Visitor

from .model import QualifiedName

_PARAMETER = re.compile(r"\$\d+")


class AntiPatternKind(str, Enum):
    OFFSET = "offset"
    """A literal OFFSET; ``value`` is its row count."""
    NOT_IN_SUBQUERY = "not_in_subquery"
    FUNCTION_ON_COLUMN = "function_on_column"
    """``detail`` is the expression, as written (``date(created_at)``)."""
    CAST_ON_COLUMN = "cast_on_column"
    LEADING_WILDCARD = "leading_wildcard"
    """``detail`` is the operator: LIKE or ILIKE."""
    OR_ACROSS_COLUMNS = "or_across_columns"
    """``detail`` lists the columns, comma-separated."""
    COUNT_WHOLE_TABLE = "count_whole_table"


@dataclass(frozen=True)
class AntiPattern:
    kind: AntiPatternKind
    table: QualifiedName | None
    """The table as written (schema only when the statement names one); None when it cannot be told."""
    column: str | None = None
    detail: str = ""
    value: int | None = None
    scope: tuple[QualifiedName, ...] = ()
    """When ``table`` is None: the tables the statement level reads, one of which has the column."""


_COMPARISONS = frozenset({"=", "<>", "!=", "<", "<=", ">", ">="})
_LIKE_KINDS = {A_Expr_Kind.AEXPR_LIKE: "LIKE", A_Expr_Kind.AEXPR_ILIKE: "ILIKE"}
_SEEKING_KINDS = frozenset({A_Expr_Kind.AEXPR_IN, A_Expr_Kind.AEXPR_BETWEEN, A_Expr_Kind.AEXPR_OP_ANY})
"""Conditions an index on the bare column could serve."""
_CAST = re.compile(r"::\s*\"?[a-z_][a-z0-9_ ]*\"?(\(\d+(,\s*\d+)?\))?(\[\])*")
_QUALIFIER = re.compile(r"\b[a-z_][a-z0-9_]*\.(?=[a-z_\"])")


def find_antipatterns(text: str) -> tuple[AntiPattern, ...]:
    """Every anti-pattern in every statement of the text, in the order found; () when it does not parse."""
    try:
        statements = parser.parse_sql(text)
    except (ParseError, ValueError, TypeError):
        return ()
    finder = _Finder()
    for raw in statements:
        finder(raw.stmt)
    return tuple(dict.fromkeys(finder.found))


def expression_key(expression: str) -> str:
    """A loose canonical form of an expression, so ``lower(email)`` in a query meets the index expression
    ``lower((email)::text)`` as pg_get_indexdef prints it: no casts, qualifiers, quotes, parentheses or spaces."""
    key = _CAST.sub("", expression.lower())
    key = _QUALIFIER.sub("", key)
    return re.sub(r"[\s()\"]", "", key)


def in_list_form(text: str) -> tuple[str, int] | None:
    """The text with each ``IN (...)`` list of parameters or constants collapsed, and the number of items
    collapsed; None when it has no such list or does not scan. Parameters after a list are numbered after
    its items (``IN ($1, $2) AND b > $3``), so in the form every parameter reads ``$n``."""
    try:
        tokens = parser.scan(text)
    except (ParseError, ValueError, TypeError):
        return None
    pieces, items, start, i = [], 0, 0, 0
    while i < len(tokens):
        end = _list_end(tokens, i)
        if end is None:
            i += 1
            continue
        pieces.append(text[start : tokens[i + 1].start] + "(...)")
        items += (end - i - 1) // 2
        start = tokens[end].end + 1
        i = end + 1
    if not pieces:
        return None
    return _PARAMETER.sub("$n", "".join(pieces) + text[start:]), items


def _list_end(tokens, i: int) -> int | None:
    """Where the IN list starting at token i closes, when token i is IN followed by a list of values."""
    if tokens[i].name != "IN_P" or i + 1 >= len(tokens) or tokens[i + 1].name != "ASCII_40":
        return None
    j = i + 2
    while j + 1 < len(tokens) and tokens[j].name in ("PARAM", "ICONST", "FCONST", "SCONST"):
        if tokens[j + 1].name == "ASCII_41":
            return j + 1
        if tokens[j + 1].name != "ASCII_44":
            return None
        j += 2
    return None


class _Finder(Visitor):
    def __init__(self) -> None:
        self.found: list[AntiPattern] = []

    def _add(self, scope: _Scope, found: AntiPattern) -> None:
        if found.table is None:
            found = dataclasses.replace(found, scope=tuple(dict.fromkeys(scope.tables.values())))
        self.found.append(found)

    def visit_SelectStmt(self, ancestors, node: ast.SelectStmt) -> None:
        scope = _Scope(node.fromClause or ())
        self._conditions(node.whereClause, scope)
        for join in _joins(node.fromClause or ()):
            self._conditions(join.quals, scope)
        offset = node.limitOffset
        if isinstance(offset, ast.A_Const) and isinstance(offset.val, ast.Integer):
            self._add(scope, AntiPattern(AntiPatternKind.OFFSET, scope.only, value=offset.val.ival))
        if _counts_whole_table(node):
            self._add(scope, AntiPattern(AntiPatternKind.COUNT_WHOLE_TABLE, scope.only))

    def visit_UpdateStmt(self, ancestors, node: ast.UpdateStmt) -> None:
        self._conditions(node.whereClause, _Scope((node.relation, *(node.fromClause or ()))))

    def visit_DeleteStmt(self, ancestors, node: ast.DeleteStmt) -> None:
        self._conditions(node.whereClause, _Scope((node.relation, *(node.usingClause or ()))))

    def _conditions(self, condition, scope: _Scope) -> None:
        for node in _expression_nodes(condition):
            if isinstance(node, ast.BoolExpr):
                self._bool(node, scope)
            elif isinstance(node, ast.A_Expr):
                self._comparison(node, scope)

    def _bool(self, node: ast.BoolExpr, scope: _Scope) -> None:
        if node.boolop == BoolExprType.NOT_EXPR:
            (argument,) = node.args
            if isinstance(argument, ast.SubLink) and argument.subLinkType == SubLinkType.ANY_SUBLINK:
                table, column = scope.column(argument.testexpr)
                self._add(scope, AntiPattern(AntiPatternKind.NOT_IN_SUBQUERY, table, column))
        elif node.boolop == BoolExprType.OR_EXPR:
            arms = [{scope.column(ref) for ref in _column_refs(arm)} for arm in node.args]
            if all(arms) and not set.intersection(*arms):
                columns = sorted({column for arm in arms for _, column in arm if column})
                tables = {table for arm in arms for table, _ in arm}
                table = tables.pop() if len(tables) == 1 else None
                self._add(scope, AntiPattern(AntiPatternKind.OR_ACROSS_COLUMNS, table, detail=", ".join(columns)))

    def _comparison(self, node: ast.A_Expr, scope: _Scope) -> None:
        operator = node.name[-1].sval if node.name else ""
        like = _LIKE_KINDS.get(node.kind)
        if like and isinstance(node.lexpr, ast.ColumnRef) and _leading_wildcard(node.rexpr):
            table, column = scope.column(node.lexpr)
            self._add(scope, AntiPattern(AntiPatternKind.LEADING_WILDCARD, table, column, like))
        if not (like or node.kind in _SEEKING_KINDS or operator in _COMPARISONS):
            return
        for side in (node.lexpr, node.rexpr):
            if isinstance(side, ast.FuncCall) and (refs := list(_column_refs(side))):
                table, column = scope.column(refs[0])
                detail = RawStream()(side)
                self._add(scope, AntiPattern(AntiPatternKind.FUNCTION_ON_COLUMN, table, column, detail))
            elif isinstance(side, ast.TypeCast) and isinstance(side.arg, ast.ColumnRef):
                table, column = scope.column(side.arg)
                detail = f"{column}::{side.typeName.names[-1].sval}"
                self._add(scope, AntiPattern(AntiPatternKind.CAST_ON_COLUMN, table, column, detail))


class _Scope:
    """The tables one statement level reads, by the name its columns use for them."""

    def __init__(self, from_items) -> None:
        self.tables: dict[str, QualifiedName] = {}
        for item in _range_vars(from_items):
            name = QualifiedName(item.schemaname, item.relname)
            self.tables[item.alias.aliasname if item.alias else item.relname] = name
        distinct = set(self.tables.values())
        self.only = distinct.pop() if len(distinct) == 1 else None

    def column(self, ref) -> tuple[QualifiedName | None, str | None]:
        if not isinstance(ref, ast.ColumnRef) or not isinstance(ref.fields[-1], ast.String):
            return self.only, None
        names = [f.sval for f in ref.fields]
        table = self.tables.get(names[-2]) if len(names) > 1 else self.only
        return table, names[-1]


def _range_vars(from_items) -> Iterator[ast.RangeVar]:
    for item in from_items:
        if isinstance(item, ast.RangeVar):
            yield item
        elif isinstance(item, ast.JoinExpr):
            yield from _range_vars((item.larg, item.rarg))


def _joins(from_items) -> Iterator[ast.JoinExpr]:
    for item in from_items:
        if isinstance(item, ast.JoinExpr):
            yield item
            yield from _joins((item.larg, item.rarg))


def _expression_nodes(node) -> Iterator[ast.Node]:
    """Every node of a condition, not descending into subqueries (the visitor reaches those on its own)."""
    if isinstance(node, (list, tuple)):
        for item in node:
            yield from _expression_nodes(item)
    elif isinstance(node, ast.Node) and not isinstance(node, ast.SelectStmt):
        yield node
        for name in node:
            yield from _expression_nodes(getattr(node, name))


def _column_refs(node) -> Iterator[ast.ColumnRef]:
    return (n for n in _expression_nodes(node) if isinstance(n, ast.ColumnRef))


def _leading_wildcard(pattern) -> bool:
    while isinstance(pattern, ast.A_Expr) and pattern.name and pattern.name[-1].sval == "||":
        pattern = pattern.lexpr
    return isinstance(pattern, ast.A_Const) and isinstance(pattern.val, ast.String) and pattern.val.sval[:1] == "%"


def _counts_whole_table(node: ast.SelectStmt) -> bool:
    targets = node.targetList or ()
    return (
        len(targets) == 1
        and isinstance(call := targets[0].val, ast.FuncCall)
        and call.funcname[-1].sval.lower() == "count"
        and (call.agg_star or _is_constant_argument(call))
        and len(node.fromClause or ()) == 1
        and isinstance(node.fromClause[0], ast.RangeVar)
        and node.whereClause is None
        and not node.groupClause
        and call.agg_filter is None
    )


def _is_constant_argument(call: ast.FuncCall) -> bool:
    return len(call.args or ()) == 1 and isinstance(call.args[0], ast.A_Const)
