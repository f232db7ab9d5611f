"""A walked statement frozen into a StatementShape: statement-level clauses, per-table facts, and whether an
index can help it at all."""

from __future__ import annotations

from pglast import ast
from pglast.enums import SortByDir, SortByNulls

from pgtune.query import predicates as p
from pgtune.query.model import (
    Catalog,
    PredicateOp,
    SortKey,
    StatementKind,
    StatementShape,
    TableAccess,
)
from pgtune.query.names import resolve_relation
from pgtune.query.scope import Access, Scope
from pgtune.query.visitors import Walk, target_of

_KINDS = {
    ast.SelectStmt: StatementKind.SELECT,
    ast.InsertStmt: StatementKind.INSERT,
    ast.UpdateStmt: StatementKind.UPDATE,
    ast.DeleteStmt: StatementKind.DELETE,
    ast.MergeStmt: StatementKind.MERGE,
}
_SERVED = frozenset(
    {
        PredicateOp.EQ,
        PredicateOp.IN,
        PredicateOp.RANGE,
        PredicateOp.LIKE_PREFIX,
        PredicateOp.IS_NULL,
        PredicateOp.IS_NOT_NULL,
        PredicateOp.CONTAINS,
    }
)
_NULLS = {SortByNulls.SORTBY_NULLS_FIRST: True, SortByNulls.SORTBY_NULLS_LAST: False}


def build(node, text: str, fingerprint: str, queryid: int | None, truncated: bool, catalog: Catalog):
    kind = _KINDS.get(type(node), StatementKind.UTILITY)
    common = {"fingerprint": fingerprint, "kind": kind, "text": text, "queryid": queryid, "truncated": truncated}
    if kind == StatementKind.UTILITY:
        reason = f"a utility statement ({type(node).__name__}): no index helps it"
        return StatementShape(**common, index_helpful=False, not_indexable_reason=reason,
                              relations_written=_copied_into(node, catalog))  # fmt: skip
    walk = Walk(catalog)
    derived = walk.query(node, None)
    clauses = _clauses(node, derived.scope, derived.targets, walk) if kind == StatementKind.SELECT else {}
    keys_by_access = clauses.pop("keys_by_access", [])
    groups_by_access = clauses.pop("groups_by_access", {})
    sort_owner = _single_owner(keys_by_access)
    tables = tuple(
        _freeze(a, clauses.get("sort_keys", ()) if a is sort_owner else (), groups_by_access.get(id(a), ()))
        for a in walk.accesses
    )
    helpful, reason = _indexability(kind, walk.accesses, clauses, sort_owner)
    return StatementShape(
        **common,
        tables=tables,
        relations_read=tuple(dict.fromkeys(a.table for a in walk.accesses if a.read)),
        relations_written=tuple(dict.fromkeys(a.table for a in walk.accesses if a.written)),
        joins=tuple(dict.fromkeys(walk.joins)),
        index_helpful=helpful,
        not_indexable_reason=reason,
        ambiguous_columns=tuple(walk.ambiguous),
        locks_rows=walk.locks_rows,
        views=tuple(dict.fromkeys(walk.views)),
        **clauses,
    )


def _copied_into(node, catalog: Catalog) -> tuple:
    """COPY ... FROM writes rows into its table: the write rates count them like an INSERT's."""
    if not isinstance(node, ast.CopyStmt) or not node.is_from or node.relation is None:
        return ()
    return (resolve_relation(node.relation.schemaname, node.relation.relname, catalog),)


def _clauses(node: ast.SelectStmt, scope: Scope, targets, walk: Walk) -> dict:
    sort_keys, keys_by_access = [], []
    for item in node.sortClause or ():
        key, access = _sort_key(item, scope, targets, walk)
        sort_keys.append(key)
        keys_by_access.append(access)
    group_by, groups_by_access = [], {}
    for item in node.groupClause or ():
        expression = target_of(item, targets) or item
        side = walk.side(expression, scope, record=False)
        name = _name(side, expression)
        group_by.append(name)
        if side.access is not None:
            groups_by_access.setdefault(id(side.access), []).append(name)
    limit = p.integer_value(node.limitCount)
    no_limit = node.limitCount is None or (isinstance(node.limitCount, ast.A_Const) and node.limitCount.isnull)
    return {
        "sort_keys": tuple(sort_keys),
        "keys_by_access": keys_by_access,
        "group_by": tuple(group_by),
        "groups_by_access": {k: tuple(v) for k, v in groups_by_access.items()},
        "limit": limit,
        "has_limit": not no_limit,
        "offset": p.integer_value(node.limitOffset),
        "distinct": bool(node.distinctClause),
        "has_aggregates": scope.has_aggregates,
        "has_window_functions": scope.has_windows,
    }


def _sort_key(item: ast.SortBy, scope: Scope, targets, walk: Walk) -> tuple[SortKey, Access | None]:
    expression = target_of(item.node, targets) or item.node
    side = walk.side(expression, scope, record=False)
    descending = item.sortby_dir == SortByDir.SORTBY_DESC
    nulls = _NULLS.get(item.sortby_nulls)
    found = p.references(expression)
    # An aggregate or window value exists only after the scan: no index of the table delivers it in order.
    if side.access is not None and not (found.has_aggregates or found.has_windows):
        table = side.access.table
        column = side.binding.column if side.expression is None else None
        return SortKey(table, column, descending, nulls, side.expression), side.access
    if isinstance(expression, ast.ColumnRef) and isinstance(expression.fields[-1], ast.String):
        return SortKey(None, expression.fields[-1].sval, descending, nulls), None
    return SortKey(None, None, descending, nulls, p.sql_text(expression)), None


def _name(side, expression) -> str:
    if side.access is not None:
        return side.expression or side.binding.column
    if isinstance(expression, ast.ColumnRef) and isinstance(expression.fields[-1], ast.String):
        return expression.fields[-1].sval
    return p.sql_text(expression)


def _single_owner(accesses: list[Access | None]) -> Access | None:
    if not accesses or accesses[0] is None or any(a is not accesses[0] for a in accesses):
        return None
    return accesses[0]


def _freeze(access: Access, sort_keys, group_by) -> TableAccess:
    return TableAccess(
        table=access.table,
        alias=access.alias,
        predicates=tuple(dict.fromkeys(access.predicates)),
        join_columns=tuple(access.join_columns),
        sort_keys=tuple(sort_keys),
        group_by=tuple(group_by),
        columns_read=frozenset(access.columns_read),
        reads_all_columns=access.reads_all_columns,
        written=access.written,
        columns_written=frozenset(access.columns_written),
        via_view=access.via_view,
    )


def _indexability(kind: StatementKind, accesses: list[Access], clauses: dict, sort_owner) -> tuple[bool, str | None]:
    """An index can help when some table read has a condition a B-tree, GIN or GiST serves, a join key, or an
    ORDER BY ... LIMIT an index can deliver in order."""
    read = [a for a in accesses if a.read]
    if not read:
        if kind == StatementKind.INSERT:
            return False, "INSERT ... VALUES reads no table: indexes only add write cost"
        return False, "reads no table"
    if any(a.join_columns or any(pr.op in _SERVED for pr in a.predicates) for a in read):
        return True, None
    if sort_owner is not None and clauses.get("has_limit"):
        return True, None
    ops = {pr.op for a in read for pr in a.predicates}
    if PredicateOp.LIKE_INFIX in ops:
        return False, "only leading-wildcard LIKE/ILIKE conditions: no B-tree index serves them"
    if ops:
        return False, "only conditions no index serves (<>, NOT, NOT LIKE, functions of several tables)"
    if clauses.get("has_aggregates"):
        return False, "aggregates over whole tables without a condition: every row is read"
    if kind in (StatementKind.UPDATE, StatementKind.DELETE):
        return False, f"{kind.value.upper()} without a condition: every row is written"
    if clauses.get("sort_keys"):
        return False, "no condition and ORDER BY without LIMIT: the whole table is read and sorted"
    return False, "no WHERE or JOIN condition: whole tables are read"
