"""The functions and casts an index expression calls, with what each is applied to, for the immutability
check of expression candidates (``date_trunc('hour', ts)``, ``ts::date``)."""

from __future__ import annotations

from dataclasses import dataclass

from pglast import parser
from pglast.parser import ParseError
from pglast.visitors import Visitor

COLUMN = "column"
CONSTANT = "constant"
OTHER = "other"


@dataclass(frozen=True)
class Operand:
    kind: str
    """``column``, ``constant`` (an untyped literal) or ``other`` (an expression)."""
    name: str | None = None
    """The column's name, or the type a constant was cast to."""


@dataclass(frozen=True)
class Call:
    name: str
    operands: tuple[Operand, ...]


@dataclass(frozen=True)
class Cast:
    operand: Operand
    target: str
    """pg_type's name of the target (``date``, ``int4``, ``timestamptz``)."""


@dataclass(frozen=True)
class ExpressionCalls:
    calls: tuple[Call, ...] = ()
    casts: tuple[Cast, ...] = ()
    not_indexable: str | None = None
    """What no index expression may hold, when this one does: a subquery, a window function, CURRENT_DATE."""


def _operand(node) -> Operand:
    kind = type(node).__name__
    if kind == "ColumnRef" and type(node.fields[-1]).__name__ == "String":
        return Operand(COLUMN, node.fields[-1].sval)
    if kind == "A_Const":
        return Operand(CONSTANT)
    if kind == "TypeCast" and type(node.arg).__name__ == "A_Const":
        return Operand(CONSTANT, node.typeName.names[-1].sval.lower())
    return Operand(OTHER)


class _Calls(Visitor):
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.casts: list[Cast] = []
        self.not_indexable: str | None = None

    def visit_SubLink(self, ancestors, node):
        self.not_indexable = "a subquery"

    def visit_FuncCall(self, ancestors, node):
        if node.over is not None:
            self.not_indexable = "a window function"
        self.calls.append(Call(node.funcname[-1].sval.lower(), tuple(_operand(a) for a in node.args or ())))

    def visit_SQLValueFunction(self, ancestors, node):
        # CURRENT_DATE, CURRENT_TIMESTAMP, LOCALTIMESTAMP, CURRENT_USER...: each is stable (42P17 in an index).
        self.not_indexable = self.not_indexable or "CURRENT_DATE and the like (not immutable)"

    def visit_TypeCast(self, ancestors, node):
        self.casts.append(Cast(_operand(node.arg), node.typeName.names[-1].sval.lower()))


def expression_calls(expression: str) -> ExpressionCalls | None:
    """None when the expression does not parse (it is then judged not immutable)."""
    try:
        statements = parser.parse_sql(f"SELECT {expression}")
    except ParseError:
        return None
    if len(statements) != 1:
        return None
    found = _Calls()
    found(statements[0].stmt)
    return ExpressionCalls(tuple(found.calls), tuple(found.casts), found.not_indexable)
