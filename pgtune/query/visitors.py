"""The walk over one statement's parse tree: FROM items into scopes, conditions into predicates and join keys,
every column reference into the columns a table access reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from pglast import ast, parser
from pglast.enums import JoinType, SetOperation
from pglast.parser import ParseError

from pgtune.query import predicates as p
from pgtune.query.model import Catalog, JoinKey, QualifiedName
from pgtune.query.names import known_columns, resolve_relation
from pgtune.query.scope import Access, Ambiguous, Binding, Entry, Scope, lookup
from pgtune.query.where import WHERE, Condition, ConditionWalk, peek

_JOIN_KINDS = {JoinType.JOIN_LEFT: "left", JoinType.JOIN_RIGHT: "right", JoinType.JOIN_FULL: "full"}


@dataclass
class Derived:
    """What a query level exposes to the level around it."""

    outputs: dict[str, Binding] = field(default_factory=dict)
    passthrough: list[Entry] = field(default_factory=list)
    scope: Scope | None = None
    targets: tuple = ()


class Walk(ConditionWalk):
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
        self.condition(node.whereClause, scope, WHERE)
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
            binding = peek(scope, value)
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
