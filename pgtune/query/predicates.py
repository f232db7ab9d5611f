"""Node-level facts for predicates: which operator class a condition is, and canonical SQL for its parts."""

from __future__ import annotations

import functools

from pglast import ast
from pglast.enums import A_Expr_Kind
from pglast.stream import RawStream

from pgtune.query.model import PredicateOp

_RANGE = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}
_CONTAINMENT = frozenset({"@>", "<@", "&&", "?", "?|", "?&"})
_MIRRORED = {"@>": "<@", "<@": "@>", "&&": "&&"}
_LIKE = {"~~": "LIKE", "!~~": "NOT LIKE", "~~*": "ILIKE", "!~~*": "NOT ILIKE"}
_WILDCARDS = ("%", "_")
# Aggregates every schema has; a FuncCall with DISTINCT, FILTER, ORDER BY or WITHIN GROUP is one whatever its name.
_AGGREGATES = frozenset(
    {
        "count", "sum", "avg", "min", "max", "array_agg", "string_agg", "bool_and", "bool_or", "every",
        "json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg", "stddev", "stddev_pop", "stddev_samp",
        "variance", "var_pop", "var_samp", "bit_and", "bit_or", "percentile_cont", "percentile_disc", "mode",
        "first", "last", "corr", "covar_pop", "covar_samp", "regr_slope", "xmlagg", "range_agg",
    }
)  # fmt: skip


def operator_name(node: ast.A_Expr) -> str:
    return node.name[-1].sval


def classify(node: ast.A_Expr) -> tuple[PredicateOp, str] | None:
    """The operator class and the operator as written of a comparison, or None if it is not one."""
    kind = node.kind
    name = operator_name(node)
    if kind == A_Expr_Kind.AEXPR_OP:
        if name == "=":
            return PredicateOp.EQ, name
        if name in ("<>", "!="):
            return PredicateOp.NE, "<>"
        if name in _RANGE:
            return PredicateOp.RANGE, name
        if name in _CONTAINMENT:
            return PredicateOp.CONTAINS, name
        if name in _LIKE:
            return (PredicateOp.LIKE_PREFIX if not name.startswith("!") else PredicateOp.OTHER), _LIKE[name]
        return PredicateOp.OTHER, name
    if kind in (A_Expr_Kind.AEXPR_LIKE, A_Expr_Kind.AEXPR_ILIKE):
        return (PredicateOp.LIKE_PREFIX if not name.startswith("!") else PredicateOp.OTHER), _LIKE.get(name, name)
    if kind == A_Expr_Kind.AEXPR_IN:
        return (PredicateOp.IN, "IN") if name == "=" else (PredicateOp.NE, "NOT IN")
    if kind == A_Expr_Kind.AEXPR_OP_ANY:
        return (PredicateOp.IN, f"{name} ANY") if name == "=" else (PredicateOp.OTHER, f"{name} ANY")
    if kind == A_Expr_Kind.AEXPR_OP_ALL:
        return (PredicateOp.NE if name in ("<>", "!=") else PredicateOp.OTHER), f"{name} ALL"
    if kind in (A_Expr_Kind.AEXPR_BETWEEN, A_Expr_Kind.AEXPR_BETWEEN_SYM):
        return PredicateOp.RANGE, "BETWEEN"
    if kind in (A_Expr_Kind.AEXPR_NOT_BETWEEN, A_Expr_Kind.AEXPR_NOT_BETWEEN_SYM):
        return PredicateOp.OTHER, "NOT BETWEEN"
    if kind == A_Expr_Kind.AEXPR_NOT_DISTINCT:
        return PredicateOp.EQ, "IS NOT DISTINCT FROM"
    if kind == A_Expr_Kind.AEXPR_DISTINCT:
        return PredicateOp.NE, "IS DISTINCT FROM"
    if kind == A_Expr_Kind.AEXPR_SIMILAR:
        return PredicateOp.OTHER, "SIMILAR TO"
    return None


def mirrored(operator: str) -> str:
    """The operator with its operands swapped (``5 < col`` is ``col > 5``)."""
    return _RANGE.get(operator) or _MIRRORED.get(operator, operator)


def negated(op: PredicateOp) -> PredicateOp:
    """The class of ``NOT (condition)``: a null test flips; anything else is nothing an index serves as such."""
    flipped = {PredicateOp.IS_NULL: PredicateOp.IS_NOT_NULL, PredicateOp.IS_NOT_NULL: PredicateOp.IS_NULL}
    return flipped.get(op, PredicateOp.OTHER)


def like_op(pattern: ast.Node) -> PredicateOp:
    """LIKE_INFIX when the pattern starts with a wildcard; a parameter or an expression starting with one is
    taken as a prefix (its value is unknown)."""
    while isinstance(pattern, ast.A_Expr) and operator_name(pattern) == "||":
        pattern = pattern.lexpr
    while isinstance(pattern, ast.TypeCast):
        pattern = pattern.arg
    if isinstance(pattern, ast.A_Const) and isinstance(pattern.val, ast.String):
        return PredicateOp.LIKE_INFIX if pattern.val.sval.startswith(_WILDCARDS) else PredicateOp.LIKE_PREFIX
    return PredicateOp.LIKE_PREFIX


def is_aggregate(node: ast.FuncCall) -> bool:
    if node.over is not None:
        return False
    special = node.agg_star or node.agg_distinct or node.agg_filter or node.agg_order or node.agg_within_group
    return bool(special) or node.funcname[-1].sval.lower() in _AGGREGATES


class References:
    """The column references, subqueries, parameters, aggregates and window calls of one expression, not
    looking inside subqueries (the walker models each subquery in its own scope).

    Not a pglast Visitor: Visitor.__call__ inspects its own methods on every call (~100 µs), and this runs for
    every expression of every statement; a walk over the node slots that can hold nodes is ten times faster."""

    def __init__(self, node) -> None:
        self.columns: list[ast.ColumnRef] = []
        self.sublinks: list[ast.SubLink] = []
        self.has_params = False
        self.has_aggregates = False
        self.has_windows = False
        pending = [node]
        while pending:
            item = pending.pop()
            if isinstance(item, (tuple, list)):
                pending.extend(reversed(item))
            elif isinstance(item, ast.ColumnRef):
                self.columns.append(item)
            elif isinstance(item, ast.SubLink):
                self.sublinks.append(item)
            elif isinstance(item, ast.Node):
                self._note(item)
                pending.extend(reversed([getattr(item, a) for a in node_slots(type(item))]))

    def _note(self, node) -> None:
        if isinstance(node, ast.ParamRef):
            self.has_params = True
        elif isinstance(node, ast.FuncCall):
            if node.over is not None:
                self.has_windows = True
            elif is_aggregate(node):
                self.has_aggregates = True


@functools.cache
def node_slots(cls) -> tuple[str, ...]:
    """The attributes of a pglast node class that can hold nodes or lists of them."""
    return tuple(name for name, info in cls.__slots__.items() if info.c_type.endswith("*") and info.c_type != "char*")


def references(node) -> References:
    return _NOTHING if node is None or isinstance(node, ast.A_Const) else References(node)


_NOTHING = References(None)


def sql_text(node) -> str:
    return RawStream()(node)


def expression_text(node) -> str:
    """Canonical SQL of an expression over one table's columns, without table qualifiers, as CREATE INDEX
    takes it inside parentheses: ``lower(email)``, ``payload ->> 'user_id'``."""
    columns = References(node).columns
    qualified = [c.fields for c in columns]
    try:
        for column in columns:
            column.fields = column.fields[-1:]
        return RawStream()(node)
    finally:
        for column, fields in zip(columns, qualified, strict=True):
            column.fields = fields


def constant_text(node) -> str | None:
    """The SQL of a value when the statement spells it out; None for ``$n`` parameters and anything that reads
    columns or subqueries."""
    if isinstance(node, ast.A_Const) and not node.isnull:
        value = node.val
        if isinstance(value, ast.Integer):
            return str(value.ival)
        if isinstance(value, ast.String):
            return "'" + value.sval.replace("'", "''") + "'"
    found = references(node)
    if found.has_params or found.columns or found.sublinks:
        return None
    return RawStream()(node)


def parameter_number(node) -> int | None:
    """n for a value that is just ``$n`` (or ``$n::type``), so a known constant can be put in its place."""
    if isinstance(node, ast.TypeCast):
        node = node.arg
    return node.number if isinstance(node, ast.ParamRef) else None


def integer_value(node) -> int | None:
    if isinstance(node, ast.A_Const) and isinstance(node.val, ast.Integer):
        return node.val.ival
    return None
