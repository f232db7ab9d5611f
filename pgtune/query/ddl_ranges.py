"""Comparisons of one column with constants, as a migration's WHERE, CHECK or partition bound writes them:
which values they admit, compared as numbers or as timestamps (the only kinds read; anything else is
unknown and the caller says nothing)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation

from pglast import ast, enums

Value = tuple[str, object]
"""("n", Decimal) or ("t", datetime): values of one kind compare; ("n", ±inf) stands for MINVALUE/MAXVALUE."""
_OPERATORS = {"<", "<=", ">", ">=", "="}
_FLIPPED = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "=": "="}


def value_of(text: str) -> Value | None:
    """A constant's text as a number or a timestamp (a timestamptz given with an offset is read in UTC)."""
    text = text.strip()
    try:
        return ("n", Decimal(text))
    except InvalidOperation:
        pass
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return ("t", moment)


def constant(node: ast.Node | None) -> Value | None:
    """``42``, ``'2026-01-01'``, ``'2026-01-01'::date``, ``TIMESTAMP '…'``, MINVALUE / MAXVALUE."""
    if isinstance(node, ast.TypeCast):
        node = node.arg
    if isinstance(node, ast.ColumnRef) and len(node.fields) == 1:
        name = getattr(node.fields[0], "sval", "")
        if name in ("minvalue", "maxvalue"):
            return ("n", Decimal(-math.inf if name == "minvalue" else math.inf))
        return None
    if not isinstance(node, ast.A_Const) or node.isnull:
        return None
    raw = node.val
    text = getattr(raw, "sval", None)
    if text is None:
        text = str(getattr(raw, "ival", getattr(raw, "fval", "")))
    return value_of(str(text))


def _comparable(a: Value, b: Value) -> bool:
    if a[0] == b[0]:
        return True
    # MINVALUE / MAXVALUE bound a timestamp range too.
    return "n" in (a[0], b[0]) and any(x[0] == "n" and isinstance(x[1], Decimal) and x[1].is_infinite() for x in (a, b))


def _order(a: Value, b: Value) -> int:
    for x, sign in ((a, -1), (b, 1)):
        if x[0] == "n" and isinstance(x[1], Decimal) and x[1].is_infinite():
            if a == b:
                return 0
            return sign if x[1] < 0 else -sign
    left, right = a[1], b[1]
    if isinstance(left, date) and not isinstance(left, datetime):
        left = datetime(left.year, left.month, left.day)
    return (left > right) - (left < right)


def holds(operator: str, left: Value, right: Value) -> bool | None:
    """``left operator right``, or None when the two are not of one kind."""
    if not _comparable(left, right):
        return None
    order = _order(left, right)
    return {"<": order < 0, "<=": order <= 0, ">": order > 0, ">=": order >= 0, "=": order == 0}[operator]


@dataclass(frozen=True)
class Comparison:
    column: str
    operator: str
    value: Value


def comparisons(expr: ast.Node | None) -> list[Comparison] | None:
    """An AND of ``column op constant`` (or BETWEEN) tests, each on a plain column; None for anything else."""
    if isinstance(expr, ast.BoolExpr) and expr.boolop == enums.BoolExprType.AND_EXPR:
        parts = [comparisons(arg) for arg in expr.args]
        return None if any(p is None for p in parts) else [c for p in parts for c in p]
    if not isinstance(expr, ast.A_Expr):
        return None
    if expr.kind == enums.A_Expr_Kind.AEXPR_BETWEEN and isinstance(expr.rexpr, tuple | list) and len(expr.rexpr) == 2:
        column, low, high = _column(expr.lexpr), constant(expr.rexpr[0]), constant(expr.rexpr[1])
        if column and low and high:
            return [Comparison(column, ">=", low), Comparison(column, "<=", high)]
        return None
    if expr.kind != enums.A_Expr_Kind.AEXPR_OP or expr.name[-1].sval not in _OPERATORS:
        return None
    operator = expr.name[-1].sval
    if (column := _column(expr.lexpr)) and (value := constant(expr.rexpr)):
        return [Comparison(column, operator, value)]
    if (column := _column(expr.rexpr)) and (value := constant(expr.lexpr)):
        return [Comparison(column, _FLIPPED[operator], value)]
    return None


def _column(node: ast.Node | None) -> str | None:
    if isinstance(node, ast.TypeCast):
        node = node.arg
    if isinstance(node, ast.ColumnRef) and isinstance(node.fields[-1], ast.String):
        return node.fields[-1].sval
    return None


def admits(tests: list[Comparison], column: str, value: Value) -> bool | None:
    """Whether a row whose ``column`` is ``value`` passes every test of that column (None: not comparable)."""
    results = [holds(t.operator, value, t.value) for t in tests if t.column == column]
    if any(r is None for r in results):
        return None
    return all(results)


def covers_range(tests: list[Comparison], column: str, low: Value, high: Value, step: object = None) -> bool:
    """Whether every value in ``[low, high)`` passes the tests (a range partition's bound): the tests are all
    on ``column``, and each holds at both ends of the range, the upper one approached from below. ``step`` is
    the gap between neighbouring values of a discrete type (a day for date, 1 for integers): then
    ``column = low`` covers a range one step wide."""
    if not tests or any(t.column != column for t in tests):
        return False
    for test in tests:
        if test.operator == "=":
            if step is None or not (holds("=", low, test.value) and _plus(low, step) == high):
                return False
            continue
        if test.operator in (">", ">="):
            # Every value ≥ low passes when low passes (low itself is in the range).
            if not holds(test.operator, low, test.value):
                return False
        elif holds("<=", high, test.value) is not True:
            # Every value < high passes "< v" or "<= v" when high ≤ v.
            return False
    return True


def bound_range(bound: ast.PartitionBoundSpec) -> tuple[Value, Value] | None:
    """A single-column RANGE partition's ``FROM (low) TO (high)``, when both are constants read here."""
    if bound.strategy != "r" or len(bound.lowerdatums or ()) != 1 or len(bound.upperdatums or ()) != 1:
        return None
    low, high = constant(bound.lowerdatums[0]), constant(bound.upperdatums[0])
    return (low, high) if low and high else None


def list_values(bound: ast.PartitionBoundSpec) -> list[Value] | None:
    if bound.strategy != "l":
        return None
    values = [constant(d) for d in bound.listdatums or ()]
    return None if any(v is None for v in values) else values


def in_bound(bound: ast.PartitionBoundSpec, value: Value) -> bool | None:
    """Whether a row with partition key ``value`` belongs to the new partition ``bound`` (None: cannot tell)."""
    if (span := bound_range(bound)) is not None:
        low, high = span
        above, below = holds(">=", value, low), holds("<", value, high)
        return None if above is None or below is None else above and below
    if (values := list_values(bound)) is not None:
        equal = [holds("=", value, v) for v in values]
        return None if any(e is None for e in equal) else any(equal)
    return None


def _plus(value: Value, step: object) -> Value | None:
    try:
        return (value[0], value[1] + step)
    except TypeError:
        return None
