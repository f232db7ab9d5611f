"""The conditions of a statement (WHERE, JOIN … ON, HAVING) into predicates and join keys: the half of the walk
that reads comparisons, apart from the half that builds scopes (``visitors.Walk``, which it is mixed into)."""

from __future__ import annotations

from dataclasses import dataclass

from pglast import ast
from pglast.enums import A_Expr_Kind, BoolExprType, BoolTestType, NullTestType, SubLinkType

from pgtune.query import predicates as p
from pgtune.query.model import JoinKey, Predicate, PredicateOp
from pgtune.query.scope import Access, Ambiguous, Binding, Scope, lookup

_BOOLEAN_TESTS = {BoolTestType.IS_TRUE: "true", BoolTestType.IS_FALSE: "false"}


@dataclass
class Side:
    """One operand of a comparison: a value (no column of this statement), one table's column or expression,
    or something spanning several tables."""

    binding: Binding | None = None
    expression: str | None = None
    columns: tuple[str, ...] = ()
    mixed: bool = False
    derived: bool = False
    """A column of a relation with no base table (a CTE's aggregate, a function's output): a value that varies
    per joined row, as a parameter does."""

    @property
    def is_value(self) -> bool:
        return self.binding is None and not self.mixed

    @property
    def access(self) -> Access | None:
        return self.binding.access if self.binding is not None else None


@dataclass(frozen=True)
class Condition:
    in_join: bool = False
    in_or: bool = False
    negated: bool = False
    join_kind: str = "inner"


WHERE = Condition()


class ConditionWalk:
    """Comparisons into the accessed tables' predicates and into ``joins``. Mixed into ``visitors.Walk``,
    whose ``expression`` (a subexpression's reads recorded) and ``query`` (a subquery walked) it calls."""

    joins: list[JoinKey]

    def side(self, node, scope: Scope, *, record: bool = True) -> Side:
        """What an operand is; ``record`` also records its reads and walks its subqueries."""
        found = self.expression(node, scope) if record else p.references(node)
        if found.sublinks and not found.columns:
            return Side()
        if isinstance(node, ast.ColumnRef):
            binding = peek(scope, node)
            if binding is not None and binding.access is not None:
                return Side(binding=binding, columns=(binding.column,))
            return Side(derived=True) if binding is not None else Side(mixed=True)
        bindings = [peek(scope, c) for c in found.columns]
        if not bindings:
            return Side()
        if any(b is None or b.access is None for b in bindings):
            return Side(mixed=True)
        accesses = {id(b.access) for b in bindings}
        if len(accesses) > 1:
            outer_only = all(b.depth > 0 for b in bindings)
            return Side() if outer_only else Side(mixed=True)
        columns = tuple(dict.fromkeys(b.column for b in bindings))
        return Side(binding=Binding(bindings[0].access, None, bindings[0].depth), expression=p.expression_text(node),
                    columns=columns)  # fmt: skip

    def condition(self, node, scope: Scope, where: Condition) -> None:
        if node is None:
            return
        if isinstance(node, ast.BoolExpr):
            if node.boolop == BoolExprType.AND_EXPR:
                inner = where
            elif node.boolop == BoolExprType.OR_EXPR:
                inner = Condition(where.in_join, True, where.negated, where.join_kind)
            else:
                inner = Condition(where.in_join, where.in_or, not where.negated, where.join_kind)
            for arg in node.args:
                self.condition(arg, scope, inner)
        elif isinstance(node, ast.A_Expr):
            self.comparison(node, scope, where)
        elif isinstance(node, ast.NullTest):
            op = PredicateOp.IS_NULL if node.nulltesttype == NullTestType.IS_NULL else PredicateOp.IS_NOT_NULL
            self.predicate(self.side(node.arg, scope), op, "IS NULL" if op == PredicateOp.IS_NULL else "IS NOT NULL",
                           None, where)  # fmt: skip
        elif isinstance(node, ast.BooleanTest):
            value = _BOOLEAN_TESTS.get(node.booltesttype)
            op = PredicateOp.EQ if value else PredicateOp.OTHER
            self.predicate(self.side(node.arg, scope), op, "IS", value, where)
        elif isinstance(node, ast.ColumnRef):
            value = "false" if where.negated else "true"
            self.predicate(self.side(node, scope), PredicateOp.EQ, "=", value, _affirmed(where))
        elif isinstance(node, ast.SubLink) and node.subLinkType == SubLinkType.ANY_SUBLINK:
            self.query(node.subselect, scope)
            operator = "IN" if not node.operName else f"{node.operName[-1].sval} ANY"
            op = PredicateOp.IN if operator in ("IN", "= ANY") else PredicateOp.OTHER
            operator = f"NOT {operator}" if where.negated else operator
            self.predicate(self.side(node.testexpr, scope), op, operator, None, where)
        else:
            self.expression(node, scope)

    def comparison(self, node: ast.A_Expr, scope: Scope, where: Condition) -> None:
        classified = p.classify(node)
        if classified is None:
            self.expression(node, scope)
            return
        op, operator = classified
        kind = node.kind
        if kind in (A_Expr_Kind.AEXPR_IN, A_Expr_Kind.AEXPR_BETWEEN, A_Expr_Kind.AEXPR_BETWEEN_SYM,
                    A_Expr_Kind.AEXPR_NOT_BETWEEN, A_Expr_Kind.AEXPR_NOT_BETWEEN_SYM):  # fmt: skip
            self.list_comparison(node, scope, op, operator, where)
            return
        left, right = self.side(node.lexpr, scope), self.side(node.rexpr, scope)
        if kind == A_Expr_Kind.AEXPR_OP_ANY and left.is_value and right.binding is not None:
            # 'x' = ANY(tags): a membership test on the array column, which a GIN index serves as @>.
            self.predicate(right, PredicateOp.CONTAINS, operator, p.constant_text(node.lexpr), where)
            return
        if op == PredicateOp.LIKE_PREFIX:
            op = p.like_op(node.rexpr)
        length = len(node.rexpr.elements) if isinstance(node.rexpr, ast.A_ArrayExpr) else None
        if right.is_value and left.binding is not None:
            self.predicate(
                left,
                op,
                operator,
                p.constant_text(node.rexpr),
                where,
                length,
                joined=right.derived,
                parameter=p.parameter_number(node.rexpr),
            )
        elif left.is_value and right.binding is not None and kind == A_Expr_Kind.AEXPR_OP:
            self.predicate(
                right,
                op,
                p.mirrored(operator),
                p.constant_text(node.lexpr),
                where,
                joined=left.derived,
                parameter=p.parameter_number(node.lexpr),
            )
        elif left.binding is not None and right.binding is not None and left.access is not right.access:
            self.cross_table(left, right, op, operator, where, kind == A_Expr_Kind.AEXPR_OP)

    def list_comparison(self, node: ast.A_Expr, scope: Scope, op, operator: str, where: Condition) -> None:
        left = self.side(node.lexpr, scope)
        items = list(node.rexpr)
        values = [self.side(item, scope) for item in items]
        if left.binding is None or not all(v.is_value for v in values):
            return
        texts = [p.constant_text(item) for item in items]
        constant = None
        if all(t is not None for t in texts):
            constant = f"({', '.join(texts)})" if node.kind == A_Expr_Kind.AEXPR_IN else " AND ".join(texts)
        length = len(items) if node.kind == A_Expr_Kind.AEXPR_IN else None
        self.predicate(left, op, operator, constant, where, length)

    def cross_table(self, left: Side, right: Side, op, operator: str, where: Condition, mirrorable: bool) -> None:
        """A condition between two tables: an equality of plain columns is a join key; a side from an inner
        query level compared with an outer one is a condition whose value comes from the outer row."""
        plain = left.expression is None and right.expression is None
        if op == PredicateOp.EQ and plain and not where.negated:
            self.join_key(left.binding, right.binding, where.join_kind)
        if left.binding.depth < right.binding.depth:
            self.predicate(left, op, operator, None, where)
        elif right.binding.depth < left.binding.depth and mirrorable:
            self.predicate(right, op, p.mirrored(operator), None, where)

    def join_key(self, left: Binding, right: Binding, kind: str) -> None:
        if left.access is None or right.access is None or left.column is None or right.column is None:
            return
        left.access.add_join_column(left.column)
        right.access.add_join_column(right.column)
        self.joins.append(JoinKey(left.access.table, left.column, right.access.table, right.column, kind))

    def predicate(
        self, side: Side, op, operator, constant, where: Condition, length=None, joined=False, parameter=None
    ) -> None:
        """Records a condition on one table; ``joined``: compared with a column of a derived relation, which
        makes a plain column a join key too."""
        if side.access is None:
            return
        if where.negated:
            op = p.negated(op)
            operator = {PredicateOp.IS_NULL: "IS NULL", PredicateOp.IS_NOT_NULL: "IS NOT NULL"}.get(op, operator)
        if joined and op == PredicateOp.EQ and side.expression is None:
            side.access.add_join_column(side.binding.column)
        side.access.predicates.append(
            Predicate(
                table=side.access.table,
                column=side.binding.column if side.expression is None else None,
                op=op,
                operator=operator,
                expression=side.expression,
                constant=constant,
                in_list_length=length,
                in_join=where.in_join,
                columns=side.columns,
                in_or=where.in_or,
                parameter=parameter,
            )
        )


def _affirmed(where: Condition) -> Condition:
    return Condition(where.in_join, where.in_or, False, where.join_kind)


def peek(scope: Scope, node: ast.ColumnRef) -> Binding | None:
    fields = tuple(f.sval for f in node.fields if isinstance(f, ast.String))
    if len(fields) < len(node.fields):
        return None
    try:
        return lookup(scope, fields)
    except Ambiguous:
        return None
