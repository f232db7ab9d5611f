"""What a statement names that could run code: functions, operators, relations (views run their
definition), types (casts and domain checks). The EXPLAIN ANALYZE guard resolves these names against the
catalog and follows them further (``pgtune/side_effects.py``); this module only reads the text.

Names are kept as written: ``(schema or None, name)``. An unqualified name may be any object of that name on
the search path, so the guard checks every candidate, whichever overload the server would pick.
"""

from __future__ import annotations

from dataclasses import dataclass

from pglast import parser
from pglast.enums import A_Expr_Kind
from pglast.parser import ParseError
from pglast.visitors import Visitor

Name = tuple[str | None, str]

_WRITING = {
    "InsertStmt": "INSERT",
    "UpdateStmt": "UPDATE",
    "DeleteStmt": "DELETE",
    "MergeStmt": "MERGE",
    "LockingClause": "a locking clause (FOR UPDATE/SHARE)",
    "IntoClause": "SELECT INTO",
}
# Statements a SQL function body may hold besides SELECT without writing anything.
_READING_STATEMENTS = frozenset({"SelectStmt"})
# BETWEEN and SIMILAR TO are spelled with operators they do not name.
_OPERATORS_OF_KIND = {
    A_Expr_Kind.AEXPR_BETWEEN: (">=", "<="),
    A_Expr_Kind.AEXPR_NOT_BETWEEN: ("<", ">"),
    A_Expr_Kind.AEXPR_BETWEEN_SYM: (">=", "<="),
    A_Expr_Kind.AEXPR_NOT_BETWEEN_SYM: ("<", ">"),
}


@dataclass(frozen=True)
class Reach:
    """The names one statement (or one SQL function body) uses, or why it must not run at all."""

    functions: frozenset[Name] = frozenset()
    operators: frozenset[Name] = frozenset()
    relations: frozenset[Name] = frozenset()
    types: frozenset[Name] = frozenset()
    cte_names: frozenset[str] = frozenset()
    refusal: str | None = None


def statement_reach(text: str) -> Reach:
    """The names of one SELECT; any other statement, or a SELECT that writes (a data-modifying CTE,
    FOR UPDATE, SELECT INTO), is refused."""
    return _reach(text, single_select=True)


def function_body_reach(text: str) -> Reach:
    """The names of a SQL function's body: its ``prosrc`` string, or a SQL-standard body as
    pg_get_function_sqlbody shows it (``BEGIN ATOMIC … END`` or ``RETURN expr``). Every statement in it must
    be a reading SELECT."""
    stripped = text.strip()
    if stripped[:12].upper() == "BEGIN ATOMIC" and stripped[-3:].upper() == "END":
        stripped = stripped[12:-3]
    elif stripped[:7].upper() == "RETURN ":
        stripped = "SELECT " + stripped[7:]
    return _reach(stripped, single_select=False)


def _reach(text: str, single_select: bool) -> Reach:
    try:
        statements = parser.parse_sql(text)
    except ParseError as error:
        return Reach(refusal=f"does not parse ({error})")
    if single_select and len(statements) != 1:
        return Reach(refusal="is not a single statement")
    names = _Names()
    for raw in statements:
        kind = type(raw.stmt).__name__
        if kind not in _READING_STATEMENTS:
            return Reach(refusal=f"is not a SELECT ({_WRITING.get(kind, kind.removesuffix('Stmt').upper())})")
        names(raw.stmt)
        if names.writes:
            return Reach(refusal=f"writes: it holds {names.writes}")
    return Reach(
        functions=frozenset(names.functions),
        operators=frozenset(names.operators),
        relations=frozenset(names.relations),
        types=frozenset(names.types),
        cte_names=frozenset(names.cte_names),
    )


def _name(parts) -> Name:
    values = [p.sval for p in parts]
    return (values[-2] if len(values) > 1 else None, values[-1])


class _Names(Visitor):
    def __init__(self) -> None:
        self.functions: set[Name] = set()
        self.operators: set[Name] = set()
        self.relations: set[Name] = set()
        self.types: set[Name] = set()
        self.cte_names: set[str] = set()
        self.writes: str | None = None

    def visit(self, ancestors, node):
        kind = type(node).__name__
        if kind in _WRITING:
            self.writes = self.writes or _WRITING[kind]

    def visit_FuncCall(self, ancestors, node):
        self.functions.add(_name(node.funcname))

    def visit_A_Expr(self, ancestors, node):
        schema, symbol = _name(node.name)
        for operator in _OPERATORS_OF_KIND.get(node.kind, (symbol,)):
            self.operators.add((schema, operator))

    def visit_SubLink(self, ancestors, node):
        if node.operName:
            self.operators.add(_name(node.operName))

    def visit_SortBy(self, ancestors, node):
        if node.useOp:
            self.operators.add(_name(node.useOp))

    def visit_CaseExpr(self, ancestors, node):
        if node.arg is not None:
            self.operators.add((None, "="))

    def visit_RangeVar(self, ancestors, node):
        self.relations.add((node.schemaname, node.relname))

    def visit_TypeCast(self, ancestors, node):
        self.types.add(_name(node.typeName.names))

    def visit_CommonTableExpr(self, ancestors, node):
        self.cte_names.add(node.ctename)
