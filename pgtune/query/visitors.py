"""The walk over one statement's parse tree: FROM items into scopes, conditions into predicates and join keys,
every column reference into the columns a table access reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from pglast import ast, parser
from pglast.enums import A_Expr_Kind, BoolExprType, BoolTestType, JoinType, NullTestType, SetOperation, SubLinkType
from pglast.parser import ParseError

from pgtune.query import predicates as p
from pgtune.query.model import Catalog, JoinKey, Predicate, PredicateOp, QualifiedName
from pgtune.query.names import known_columns, resolve_relation
from pgtune.query.scope import Access, Ambiguous, Binding, Entry, Scope, lookup

_JOIN_KINDS = {JoinType.JOIN_LEFT: "left", JoinType.JOIN_RIGHT: "right", JoinType.JOIN_FULL: "full"}
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


@dataclass
class Derived:
    """What a query level exposes to the level around it."""

    outputs: dict[str, Binding] = field(default_factory=dict)
    passthrough: list[Entry] = field(default_factory=list)
    scope: Scope | None = None
    targets: tuple = ()


@dataclass(frozen=True)
class Condition:
    in_join: bool = False
    in_or: bool = False
    negated: bool = False
    join_kind: str = "inner"


_WHERE = Condition()


class Walk:
    """Walks one statement. ``accesses`` and ``joins`` accumulate over every query level."""

    def __init__(self, catalog: Catalog, expanding: frozenset[QualifiedName] = frozenset()) -> None:
        self.catalog = catalog
        self.expanding = expanding
        self.accesses: list[Access] = []
        self.joins: list[JoinKey] = []
        self.ambiguous: list[str] = []
        self.views: list[QualifiedName] = []
        self.locks_rows = False

    def query(self, node, parent: Scope | None) -> Derived:
        """Any statement that yields rows: SELECT, or INSERT/UPDATE/DELETE/MERGE (their RETURNING)."""
        if isinstance(node, ast.SelectStmt):
            return self.select(node, parent)
        from pgtune.query.dml import WRITERS  # dml builds on Walk: imported when first needed

        writer = WRITERS.get(type(node))
        return writer(self, node, parent) if writer else Derived()

    def with_clause(self, clause, scope: Scope) -> None:
        if clause is None:
            return
        for cte in clause.ctes:
            if clause.recursive:
                names = cte.aliascolnames or _output_names(cte.ctequery)
                scope.ctes[cte.ctename] = Entry(cte.ctename, outputs={_name(n): Binding(None, None) for n in names})
            derived = self.query(cte.ctequery, scope)
            outputs = _renamed(derived.outputs, cte.aliascolnames)
            scope.ctes[cte.ctename] = Entry(cte.ctename, outputs=outputs, passthrough=derived.passthrough)

    def select(self, node: ast.SelectStmt, parent: Scope | None) -> Derived:
        scope = parent.child() if parent is not None else Scope()
        self.with_clause(node.withClause, scope)
        if node.op != SetOperation.SETOP_NONE:
            left = self.query(node.larg, scope)
            self.query(node.rarg, scope)
            outputs = {name: Binding(None, name) for name in left.outputs}
            return Derived(outputs=outputs, scope=scope, targets=left.targets)
        if node.valuesLists:
            for row in node.valuesLists:
                self.expression(row, scope)
            width = len(node.valuesLists[0])
            return Derived(outputs={f"column{i + 1}": Binding(None, None) for i in range(width)}, scope=scope)
        for item in node.fromClause or ():
            self.from_item(item, scope)
        self.condition(node.whereClause, scope, _WHERE)
        derived = Derived(scope=scope, targets=tuple(node.targetList or ()))
        for target in node.targetList or ():
            self.target(target, scope, derived)
        self.expression((node.havingClause, node.windowClause), scope)
        # GROUP BY, DISTINCT ON and ORDER BY may name an output column or its position: walked with the targets.
        sorts = [item.node for item in node.sortClause or ()]
        for item in (*(node.groupClause or ()), *(node.distinctClause or ()), *sorts):
            if target_of(item, derived.targets) is None:
                self.expression(item, scope)
        self.expression((node.limitCount, node.limitOffset), scope)
        if node.lockingClause:
            self.locks_rows = True
        return derived

    def target(self, target: ast.ResTarget, scope: Scope, derived: Derived) -> None:
        value = target.val
        if isinstance(value, ast.ColumnRef) and isinstance(value.fields[-1], ast.A_Star):
            derived.passthrough.extend(self.star(value, scope))
            return
        self.expression(value, scope)
        name = target.name
        binding = None
        if isinstance(value, ast.ColumnRef):
            name = name or value.fields[-1].sval
            binding = _peek(scope, value)
        elif isinstance(value, ast.FuncCall):
            name = name or value.funcname[-1].sval
        if name:
            derived.outputs[name] = binding or Binding(None, None)

    def from_item(self, node, scope: Scope) -> list[Entry]:
        """Adds the FROM item's entries to ``scope`` and returns them."""
        if isinstance(node, ast.JoinExpr):
            return self.join(node, scope)
        if isinstance(node, ast.RangeVar):
            entry = self.relation(node, scope)
        elif isinstance(node, ast.RangeSubselect):
            derived = self.query(node.subquery, scope)
            outputs = _renamed(derived.outputs, node.alias.colnames if node.alias else None)
            entry = Entry(node.alias.aliasname if node.alias else "", outputs=outputs, passthrough=derived.passthrough)
        else:
            entry = self.function_item(node, scope)
        scope.entries.append(entry)
        return [entry]

    def relation(self, node: ast.RangeVar, scope: Scope, *, written: bool = False, read: bool = True) -> Entry:
        alias = node.alias.aliasname if node.alias else None
        if not node.schemaname and not written:
            cte = scope.cte(node.relname)
            if cte is not None:
                return Entry(alias or node.relname, outputs=cte.outputs, passthrough=cte.passthrough)
        table = resolve_relation(node.schemaname, node.relname, self.catalog)
        if table in self.catalog.views and table not in self.expanding and not written:
            expanded = self.view(table)
            if expanded is not None:
                return Entry(alias or node.relname, outputs=expanded.outputs, passthrough=expanded.passthrough)
        access = Access(table, alias, known_columns(table, self.catalog), written=written, read=read)
        self.accesses.append(access)
        return Entry(alias or node.relname, access=access)

    def view(self, table: QualifiedName) -> Derived | None:
        """The view's definition walked as a subquery, its tables marked as read through the view; None when the
        definition does not parse (the view then stands for itself)."""
        try:
            statements = parser.parse_sql(self.catalog.views[table])
        except ParseError:
            return None
        if len(statements) != 1:
            return None
        inner = Walk(self.catalog, self.expanding | {table})
        derived = inner.query(statements[0].stmt, None)
        for access in inner.accesses:
            access.via_view = access.via_view or table
        self.accesses.extend(inner.accesses)
        self.joins.extend(inner.joins)
        self.ambiguous.extend(inner.ambiguous)
        self.views.extend([table, *inner.views])
        return derived

    def function_item(self, node, scope: Scope) -> Entry:
        """Set-returning functions, VALUES lists, XMLTABLE, JSON_TABLE, TABLESAMPLE: read for their column
        references; their output columns are known only from a column alias list."""
        alias = getattr(node, "alias", None)
        if isinstance(node, ast.RangeTableSample):
            inner = self.from_item(node.relation, scope)[0]
            scope.entries.remove(inner)
            self.expression((node.args, node.repeatable), scope)
            return inner
        self.expression(tuple(getattr(node, a) for a in p.node_slots(type(node)) if a != "alias"), scope)
        names = list(alias.colnames or ()) if alias else []
        for column in (getattr(node, "coldeflist", None) or ()) + (getattr(node, "columns", None) or ()):
            names.append(getattr(column, "colname", None) or getattr(column, "name", None))
        outputs = {n.sval if isinstance(n, ast.String) else n: Binding(None, None) for n in names} or None
        return Entry(alias.aliasname if alias else "", outputs=outputs)

    def join(self, node: ast.JoinExpr, scope: Scope) -> list[Entry]:
        kind = _JOIN_KINDS.get(node.jointype, "inner")
        left = self.from_item(node.larg, scope)
        right = self.from_item(node.rarg, scope)
        for name in (n.sval for n in node.usingClause or ()):
            first = next((e for e in left if e.may_have(name) is not False), None)
            second = next((e for e in right if e.may_have(name) is not False), None)
            if first is None or second is None:
                continue
            one, other = first.bind(name, 0), second.bind(name, 0)
            self.join_key(one, other, kind)
            scope.merged[name] = one
        self.condition(node.quals, scope, Condition(in_join=True, join_kind=kind))
        return left + right

    def star(self, node: ast.ColumnRef, scope: Scope) -> list[Entry]:
        qualifier = [f.sval for f in node.fields[:-1]]
        entries = [e for e in scope.entries if not qualifier or _names(e, qualifier)]
        for entry in entries:
            entry.star()
        return entries

    def bind(self, node: ast.ColumnRef, scope: Scope) -> Binding | None:
        """Resolves a column reference and records it as read."""
        fields = tuple(f.sval for f in node.fields if isinstance(f, ast.String))
        if len(fields) < len(node.fields):
            self.star(node, scope)
            return None
        if len(fields) == 1 and _is_whole_row(scope, fields[0]):
            return None
        try:
            binding = lookup(scope, fields)
        except Ambiguous:
            if fields[-1] not in self.ambiguous:
                self.ambiguous.append(fields[-1])
            return None
        if binding is not None and binding.access is not None and binding.column is not None:
            binding.access.columns_read.add(binding.column)
        return binding

    def expression(self, node, scope: Scope) -> p.References:
        """Records every column an expression reads and walks its subqueries; returns what it found."""
        found = p.references(node)
        for column in found.columns:
            self.bind(column, scope)
        for sublink in found.sublinks:
            self.expression(sublink.testexpr, scope)
            self.query(sublink.subselect, scope)
        scope.has_aggregates = scope.has_aggregates or found.has_aggregates
        scope.has_windows = scope.has_windows or found.has_windows
        return found

    def side(self, node, scope: Scope, *, record: bool = True) -> Side:
        """What an operand is; ``record`` also records its reads and walks its subqueries."""
        found = self.expression(node, scope) if record else p.references(node)
        if found.sublinks and not found.columns:
            return Side()
        if isinstance(node, ast.ColumnRef):
            binding = _peek(scope, node)
            if binding is not None and binding.access is not None:
                return Side(binding=binding, columns=(binding.column,))
            return Side(derived=True) if binding is not None else Side(mixed=True)
        bindings = [_peek(scope, c) for c in found.columns]
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


def _peek(scope: Scope, node: ast.ColumnRef) -> Binding | None:
    fields = tuple(f.sval for f in node.fields if isinstance(f, ast.String))
    if len(fields) < len(node.fields):
        return None
    try:
        return lookup(scope, fields)
    except Ambiguous:
        return None


def _names(entry: Entry, qualifier: list[str]) -> bool:
    if entry.access is not None and entry.access.alias is None:
        return entry.access.table.name == qualifier[-1]
    return entry.name == qualifier[-1]


def _is_whole_row(scope: Scope, name: str) -> bool:
    """``SELECT t FROM trades t``: a bare FROM item name used as a value reads the whole row, unless the
    catalog says a table in scope has a column of that name (PostgreSQL prefers the column)."""
    entries = [e for e in scope.entries if _names(e, [name])]
    if not entries or any(e.may_have(name) is True for e in scope.entries):
        return False
    for entry in entries:
        entry.star()
    return True


def target_of(node, targets) -> object | None:
    """ORDER BY / GROUP BY by output name or position: the target expression it means."""
    position = p.integer_value(node) if isinstance(node, ast.A_Const) else None
    if position is not None and 0 < position <= len(targets):
        return targets[position - 1].val
    if isinstance(node, ast.ColumnRef) and len(node.fields) == 1 and isinstance(node.fields[0], ast.String):
        name = node.fields[0].sval
        for target in targets:
            if target.name == name:
                return target.val
    return None


def _renamed(outputs: dict[str, Binding], names) -> dict[str, Binding]:
    if not names:
        return outputs
    renamed = dict(zip((n.sval for n in names), outputs.values(), strict=False))
    renamed.update({k: v for k, v in list(outputs.items())[len(names) :]})
    return renamed


def _output_names(node) -> list[str]:
    """Output column names as the text spells them (a recursive CTE's, before its body is walked)."""
    while isinstance(node, ast.SelectStmt) and node.op != SetOperation.SETOP_NONE:
        node = node.larg
    names = []
    for target in getattr(node, "targetList", None) or ():
        if target.name:
            names.append(target.name)
        elif isinstance(target.val, ast.ColumnRef) and isinstance(target.val.fields[-1], ast.String):
            names.append(target.val.fields[-1].sval)
    return names


def _name(node) -> str:
    return node.sval if isinstance(node, ast.String) else node
