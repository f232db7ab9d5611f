"""The reader's maintenance and locking statements: REINDEX, VACUUM FULL, CLUSTER, LOCK TABLE and TRUNCATE,
each with the lock it takes and whether it copies or reads the whole table."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast, enums

from .ddl_locks import Lock
from .ddl_model import Kind
from .ddl_nodes import index_name, qualified, rewrite_action, truthy
from .ddl_state import ReaderState


class MaintenanceReader(ReaderState):
    def _on_ReindexStmt(self, node: ast.ReindexStmt) -> Iterator[dict]:
        concurrently = any(p.defname == "concurrently" for p in node.params or ())
        target = node.relation
        if target is None:
            return
        if node.kind == enums.ReindexObjectType.REINDEX_OBJECT_INDEX:
            index = index_name(target.schemaname, target.relname)
            table, name = self._index_table(index), index
        else:
            table, name = qualified(target), None
        yield {
            "kind": Kind.REINDEX,
            "table": table,
            "lock": Lock.SHARE_UPDATE_EXCLUSIVE if concurrently else Lock.SHARE,
            "target_is_new": self._is_new(table),
            "scans": True,
            "concurrently": concurrently,
            "name": name,
        }

    def _on_VacuumStmt(self, node: ast.VacuumStmt) -> Iterator[dict]:
        if not node.is_vacuumcmd or not any(o.defname == "full" and truthy(o) for o in node.options or ()):
            return
        for relation in node.rels or ():
            table = qualified(relation.relation)
            yield rewrite_action(Kind.VACUUM_FULL, table, self._is_new(table), "VACUUM FULL copies the table")

    def _on_ClusterStmt(self, node: ast.ClusterStmt) -> Iterator[dict]:
        if node.relation is not None:
            table = qualified(node.relation)
            yield rewrite_action(Kind.CLUSTER, table, self._is_new(table), "CLUSTER copies the table in index order")

    def _on_LockStmt(self, node: ast.LockStmt) -> Iterator[dict]:
        for relation in node.relations:
            table = qualified(relation)
            yield {
                "kind": Kind.LOCK_TABLE,
                "table": table,
                "lock": Lock.from_mode(node.mode),
                "target_is_new": self._is_new(table),
            }

    def _on_TruncateStmt(self, node: ast.TruncateStmt) -> Iterator[dict]:
        tables = [qualified(relation) for relation in node.relations]
        fails, cascaded = self._truncated(tables, node.behavior == enums.DropBehavior.DROP_CASCADE)
        for table, reason in cascaded:
            if not fails:
                self._forget_rows(table)  # emptied: the rows the files inserted are gone
            yield {
                "kind": Kind.TRUNCATE,
                "table": table,
                "lock": Lock.ACCESS_EXCLUSIVE,
                "target_is_new": self._is_new(table),
                "reason": reason,
                "fails": fails,
            }
