"""INSERT, UPDATE, DELETE and MERGE: the written table, what they read to find their rows, RETURNING."""

from __future__ import annotations

from pglast import ast

from pgtune.query.scope import Entry, Scope
from pgtune.query.visitors import Derived, Walk
from pgtune.query.where import WHERE, Condition


def _returning(walk: Walk, node, scope: Scope) -> Derived:
    targets = tuple(node.returningClause.exprs or ()) if node.returningClause is not None else ()
    derived = Derived(scope=scope, targets=targets)
    for target in targets:
        walk.target(target, scope, derived)
    return derived


def _set(walk: Walk, targets, target: Entry, scope: Scope) -> None:
    for item in targets or ():
        if item.name:
            target.access.columns_written.add(item.name)
        walk.expression(item.val, scope)


def insert(walk: Walk, node: ast.InsertStmt, parent: Scope | None) -> Derived:
    scope = parent.child() if parent is not None else Scope()
    walk.with_clause(node.withClause, scope)
    if node.selectStmt is not None:
        walk.query(node.selectStmt, scope)
    conflict = node.onConflictClause
    # ON CONFLICT probes the arbiter (unique) index, which must exist already: not a read an index could help.
    target = walk.relation(node.relation, scope, written=True, read=False)
    target.access.columns_written.update(c.name for c in node.cols or ())
    scope.entries.append(target)
    if conflict is not None:
        if conflict.infer is not None:
            walk.expression((conflict.infer.indexElems, conflict.infer.whereClause), scope)
        excluded = Scope(parent=scope, entries=[Entry("excluded", outputs=None)])
        _set(walk, conflict.targetList, target, excluded)
        walk.expression(conflict.whereClause, excluded)
    return _returning(walk, node, scope)


def _written(walk: Walk, node, parent: Scope | None, sources) -> tuple[Scope, Entry]:
    """The scope of an UPDATE, DELETE or MERGE: its CTEs, the written table, then the tables it reads."""
    scope = parent.child() if parent is not None else Scope()
    walk.with_clause(node.withClause, scope)
    target = walk.relation(node.relation, scope, written=True)
    scope.entries.append(target)
    for item in sources or ():
        walk.from_item(item, scope)
    return scope, target


def update(walk: Walk, node: ast.UpdateStmt, parent: Scope | None) -> Derived:
    scope, target = _written(walk, node, parent, node.fromClause)
    _set(walk, node.targetList, target, scope)
    walk.condition(node.whereClause, scope, WHERE)
    return _returning(walk, node, scope)


def delete(walk: Walk, node: ast.DeleteStmt, parent: Scope | None) -> Derived:
    scope, _ = _written(walk, node, parent, node.usingClause)
    walk.condition(node.whereClause, scope, WHERE)
    return _returning(walk, node, scope)


def merge(walk: Walk, node: ast.MergeStmt, parent: Scope | None) -> Derived:
    scope, target = _written(walk, node, parent, (node.sourceRelation,))
    walk.condition(node.joinCondition, scope, Condition(in_join=True))
    for clause in node.mergeWhenClauses or ():
        walk.expression((clause.condition, clause.values), scope)
        _set(walk, clause.targetList, target, scope)
    return _returning(walk, node, scope)


WRITERS = {ast.InsertStmt: insert, ast.UpdateStmt: update, ast.DeleteStmt: delete, ast.MergeStmt: merge}
