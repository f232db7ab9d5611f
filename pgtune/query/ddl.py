"""Migration SQL → one frozen ``DdlAction`` per schema or data change, for the migration gate.

The reader walks a set of files in order and keeps what they created (tables, indexes, column types,
validated NOT NULL checks), so an action on an object born earlier in the set is marked new: it is empty
and nothing else holds it. Each action carries the lock it takes (PostgreSQL's documentation, "Explicit
Locking" and each command's page), whether it rewrites or scans the table, where it is, and the session
state in force (transaction block, lock_timeout). No pglast node leaves this package.
"""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast, enums
from pglast.stream import RawStream

from .ddl_alter import AlterTableReader
from .ddl_depends import _DROPPED_TYPES, DependencyReader
from .ddl_do import DoBody, do_body
from .ddl_domains import DomainReader
from .ddl_functions import FunctionReader
from .ddl_locks import Lock
from .ddl_maintenance import MaintenanceReader
from .ddl_model import DdlAction, Kind, MigrationScript
from .ddl_nodes import (
    always_true,
    column_names,
    declares_not_null,
    index_name,
    join_only,
    not_null_tests,
    null_tested_columns,
    opaque,
    qualified,
    referenced_columns,
)
from .ddl_release import block_refusal, first_release
from .ddl_session import Session
from .ddl_source import Lines, first_token, parse_statements, suppressions
from .ddl_types import type_of, zoned_change
from .indexdef import read_index


class DdlReader(AlterTableReader, DependencyReader, MaintenanceReader, DomainReader, FunctionReader):
    """Reads migration files in order, remembering what earlier files created."""

    def read(
        self, file: str, text: str, in_transaction: bool = False, implicit: bool = False, tool: str = ""
    ) -> MigrationScript:
        """Read one file; ``in_transaction`` says the migration tool wraps the whole file in a transaction,
        ``implicit`` that it sends the file as one multi-statement query string; ``tool`` names that tool."""
        self._tool = tool
        lines = Lines(text)
        statements, problems = parse_statements(file, text, lines)
        located = [
            (s, first, do_body(s.node, text, first, lines))
            for s in statements
            for first in [first_token(text, s.start, s.end)]
        ]
        self._opaque = self._opaque or bool(problems) or any(_opaque(s.node, body) for s, _, body in located)
        session = Session(in_transaction=in_transaction or implicit, wrapped=in_transaction, implicit=implicit)
        self._held = session.held
        actions: list[DdlAction] = []
        notes: list[str] = []
        for statement, first, body in located:
            line, column = lines.position(first)
            units = [(statement.node, line, column, text[first : statement.end].strip(), None)]
            if body is not None:
                # A DO block runs in one transaction: its statements hold their locks until it ends.
                units = [(s.node, s.line, s.column, s.sql, (line, column)) for s in body.statements]
                outside, session.in_transaction = not session.in_transaction, True
            if body is not None and body.guards:
                # A guard that raises ends the block before its statements run (``_on_DoStmt``).
                self._do_guards = body.guards
                where = (line, column, text[first : statement.end].strip(), None)
                self._statement(file, lines, session, statement.node, where, (actions, notes))
                self._do_guards = ()
            for node, line, column, sql, do_block in units:
                self._statement(file, lines, session, node, (line, column, sql, do_block), (actions, notes))
            if body is not None and outside:
                session.apply(ast.TransactionStmt(kind=enums.TransactionStmtKind.TRANS_STMT_COMMIT))
        actions = self._as_replaced(actions)
        return MigrationScript(file, tuple(actions), len(statements), tuple(problems), tuple(notes))

    def _statement(
        self, file: str, lines: Lines, session: Session, node: ast.Node, where: tuple, out: tuple[list, list]
    ) -> None:
        """The actions of one statement (a top-level one, or one a DO block runs) at ``where``."""
        (line, column, sql, do_block), (actions, notes) = where, out
        if session.apply(node):
            if session.ignored:
                notes.append(
                    f"{file}:{line}: SET LOCAL {session.ignored} outside a transaction block has no effect "
                    "(PostgreSQL only warns): the setting is not in force for the statements after it"
                )
            if first_release(node, set(self._functions)) is None:
                return  # a setting an older server lacks is a statement of its own: it fails there
        suppressed, bad = suppressions(lines, line, line + sql.count("\n"))
        notes.extend(f"{file}:{n}: `pgtune: ignore` without a reason is not honoured" for n in bad)
        base = {
            "file": file,
            "line": line,
            "column": column,
            "sql": sql,
            "in_transaction": session.in_transaction,
            "lock_timeout_set": session.lock_timeout_set,
            "timezone": session.timezone,
            "suppressed": suppressed,
            "do_block": do_block,
            "tool": self._tool,
        }
        self._bodies_checked = session.function_bodies_checked
        produced = list(self._actions(node))
        unusable = session.uses_new_enum_value(base["sql"])
        unusable = unusable or (block_refusal(node) if session.in_transaction else None)
        release = first_release(node, set(self._functions))
        if (unusable or release) and not produced:
            produced = [{"kind": Kind.STATEMENT, "table": None, "lock": None}]
        for fields in produced:
            if unusable:
                fields = {**fields, "fails": unusable}
            if release and not fields.get("first_release"):
                fields = {**fields, "first_release": release}
            if fields.get("depends_on_timezone") and session.timezone is not None:
                fields = {**fields, **zoned_change(fields, session.timezone)}
            action = DdlAction(**base, **fields, held_lock=session.held.get(fields["table"]))
            session.hold(action)
            actions.append(action)
        session.note_enum_value(node)

    def _actions(self, node: ast.Node) -> Iterator[dict]:
        handler = getattr(self, f"_on_{type(node).__name__}", None)
        if handler:
            yield from handler(node)

    def _on_CreateStmt(self, node: ast.CreateStmt) -> Iterator[dict]:
        table = qualified(node.relation)
        if node.if_not_exists and table in self._tables:
            return
        if self._schema_from_history and (table in self._tables or table in self._new_tables):
            yield {"kind": Kind.STATEMENT, "table": None, "lock": None, "fails": f'relation "{table}" already exists'}
        self._new_tables.add(table)
        self._persistence[table] = node.relation.relpersistence
        self._note_table(node)
        self._note_like(table, node.tableElts)
        if node.partspec is not None:
            self._partitioned.add(table)
            self._partition_keys[table] = tuple(p.name for p in node.partspec.partParams)
        if not node.inhRelations and not node.ofTypename:
            self._columns_of[table] = {e.colname for e in node.tableElts or () if isinstance(e, ast.ColumnDef)}
            if not any(isinstance(e, ast.TableLikeClause) for e in node.tableElts or ()):
                self._constraints[table] = set()
        constraints = []
        for element in node.tableElts or ():
            if isinstance(element, ast.ColumnDef):
                self._column_types[(table, element.colname)] = type_of(element.typeName)
                self._note_virtual(table, element)
                constraints.extend(element.constraints or ())
                self._record_constraints(table, element.constraints or (), element.colname)
                if declares_not_null(element.constraints or ()):
                    self._not_null.add((table, element.colname))
            elif isinstance(element, ast.Constraint):
                constraints.append(element)
                self._record_constraints(table, [element])
                if element.contype == enums.ConstrType.CONSTR_PRIMARY:
                    self._not_null.update((table, k.sval) for k in element.keys or ())
        yield from self._references(table, constraints)
        parent = next((qualified(r) for r in node.inhRelations or ()), None)
        fails = self._new_partition(parent, table, node.partbound) if node.partbound and parent else None
        fails = fails or self._enum_bound_fails(parent, node.partbound)
        if node.partbound and parent and not self._is_new(parent):
            yield {
                "kind": Kind.CREATE_TABLE,
                "table": parent,
                "lock": Lock.ACCESS_EXCLUSIVE,
                "name": table,
                "reason": "CREATE TABLE ... PARTITION OF locks the parent",
                "fails": fails,
                "scans_default": self._default_scanned(parent, node.partbound),
            }

    def _on_CreateTableAsStmt(self, node: ast.CreateTableAsStmt) -> Iterator[dict]:
        self._new_tables.add(qualified(node.into.rel))
        self._note_matview(node)
        if node.objtype == enums.ObjectType.OBJECT_MATVIEW:
            self._view_columns[qualified(node.into.rel)] = referenced_columns(node.query, self._columns_of)
        yield from self._query_fails(node.query)

    def _on_ViewStmt(self, node: ast.ViewStmt) -> Iterator[dict]:
        view = qualified(node.view)
        known, recreated = view in self._views, self._recreated_view(node)
        if node.replace and not recreated and view not in self._new_views and (known or not self._views_known()):
            # DefineView replaces the rule under AccessExclusiveLock on the view (view.c): readers wait.
            yield {"kind": Kind.REPLACE_VIEW, "table": view, "lock": Lock.ACCESS_EXCLUSIVE}
        if not (known or recreated):
            self._new_views.add(view)
        self._views.add(view)
        self._view_columns[qualified(node.view)] = referenced_columns(node.query, self._columns_of)
        if replaced := self._replaced_view(node):
            yield {"kind": Kind.STATEMENT, "table": None, "lock": None, "fails": replaced}
        yield from self._query_fails(node.query)

    def _on_SelectStmt(self, node: ast.SelectStmt) -> Iterator[dict]:
        if node.intoClause is not None:
            self._new_tables.add(qualified(node.intoClause.rel))
        yield from self._query_fails(node)
        yield from self._known_calls(node)

    def _on_InsertStmt(self, node: ast.InsertStmt) -> Iterator[dict]:
        yield from self._query_fails(node.selectStmt)
        if fails := self._insert_fails(node):
            yield {"kind": Kind.STATEMENT, "table": None, "lock": None, "fails": fails}

    def _query_fails(self, query: ast.Node | None) -> Iterator[dict]:
        """json has no equality operator: DISTINCT or GROUP BY on a json column of a known type fails."""
        if not isinstance(query, ast.SelectStmt) or not isinstance(query.fromClause, tuple):
            return
        if len(query.fromClause) != 1 or not isinstance(query.fromClause[0], ast.RangeVar):
            return
        table = qualified(query.fromClause[0])
        grouped = [*(query.distinctClause or ()), *(query.groupClause or ())]
        if query.distinctClause is not None and not any(grouped):
            # Plain DISTINCT (a list holding one empty item): every output column is compared.
            grouped = [target.val for target in query.targetList or ()]
        for column in column_names(grouped, self._columns_of.get(table, ())):
            column_type = self._type(table, column)
            if column_type is not None and column_type.name == "json" and not column_type.array:
                yield {
                    "kind": Kind.STATEMENT,
                    "table": None,
                    "lock": None,
                    "fails": f"could not identify an equality operator for type json ({table}.{column}): "
                    "DISTINCT and GROUP BY need jsonb, or a cast to text",
                }
                return

    def _on_IndexStmt(self, node: ast.IndexStmt) -> Iterator[dict]:
        table = qualified(node.relation)
        if (existing := self._existing_index(table, node)) is not None:
            yield existing
            return
        if node.idxname:
            index = index_name(node.relation.schemaname, node.idxname)
            self._new_indexes[index] = table
            self._index_keys[index] = tuple(p.name for p in node.indexParams if p.name)
        self._note_unique_index(table, node)
        # ON ONLY is how a partitioned table's index starts (an empty, invalid parent index): nothing is built.
        only = not node.relation.inh and (self._partitioned_table(table) or table not in self._tables)
        named = [p.name for p in (*node.indexParams, *(node.indexIncludingParams or ())) if p.name]
        fails = next(filter(None, (self._missing_column(table, c) for c in named)), None)
        fails = fails or self._mutable_index(table, node)
        if fails is None and node.concurrent and self._partitioned_table(table):
            fails = (
                "CREATE INDEX CONCURRENTLY is not supported on a partitioned table: create the index ON ONLY the "
                "parent, then CONCURRENTLY on each partition, then ALTER INDEX ... ATTACH PARTITION each one"
            )
        plain = [p.name for p in node.indexParams if p.name and not p.opclass] if not node.whereClause else []
        if fails is None and node.unique and self._partitioned_table(table):
            fails = self._unique_fails(table, [p.name for p in node.indexParams])
        elif fails is None and (node.accessMethod or "btree") == "btree" and len(plain) == len(node.indexParams):
            fails = self._unique_fails(table, plain) if node.unique else self._json_key(table, plain)
        yield {
            "kind": Kind.CREATE_INDEX,
            "table": table,
            "lock": Lock.SHARE_UPDATE_EXCLUSIVE if node.concurrent else Lock.SHARE,
            "target_is_new": self._is_new(table),
            "scans": not only,
            "concurrently": bool(node.concurrent),
            "name": node.idxname,
            # Printed back and read by the one CREATE INDEX reader, as a snapshot's indexdef is.
            "index": read_index(_sql(node)),
            "fails": fails,
            "may_fail": None if fails or self._is_new(table) else self._folded_unique(node),
            "reason": "ON ONLY a partitioned table: no index is built" if only else "",
        }

    def _on_DropStmt(self, node: ast.DropStmt) -> Iterator[dict]:
        if node.removeType in (enums.ObjectType.OBJECT_SEQUENCE, *_DROPPED_TYPES):
            yield from self._drop_in_use(node)
        elif node.removeType == enums.ObjectType.OBJECT_INDEX:
            several = None
            if node.concurrent and len(node.objects) > 1:
                several = "DROP INDEX CONCURRENTLY does not support dropping multiple objects"
            elif node.concurrent and node.behavior == enums.DropBehavior.DROP_CASCADE:
                several = "DROP INDEX CONCURRENTLY does not support CASCADE"
            for names in node.objects:
                parts = [n.sval for n in names]
                index = index_name(parts[0] if len(parts) > 1 else None, parts[-1])
                new = index in self._new_indexes
                on = self._index_table(index)
                if several is None and node.concurrent and on and self._partitioned_table(on):
                    several = f'cannot drop partitioned index "{index}" concurrently (it is on partitioned table {on})'
                yield {
                    "kind": Kind.DROP_INDEX,
                    "table": self._index_table(index),
                    "lock": Lock.SHARE_UPDATE_EXCLUSIVE if node.concurrent else Lock.ACCESS_EXCLUSIVE,
                    "target_is_new": new,
                    "concurrently": bool(node.concurrent),
                    "name": index,
                    "fails": several,
                }
                if several is None:
                    self._forget_index(index)
        elif node.removeType == enums.ObjectType.OBJECT_TABLE:
            tables = [f"{n[0].sval if len(n) > 1 else 'public'}.{n[-1].sval}" for n in node.objects]
            blocked, cascaded = self._drop_referenced(tables, node.behavior == enums.DropBehavior.DROP_CASCADE)
            for table in tables:
                if node.missing_ok and self._absent(table):
                    continue
                yield {
                    "kind": Kind.DROP_TABLE,
                    "table": table,
                    "lock": Lock.ACCESS_EXCLUSIVE,
                    "target_is_new": self._is_new(table),
                    "fails": blocked or (None if node.missing_ok else self._missing_relation(table, "table")),
                }
                if not blocked:
                    self._relation_dropped(table)
            yield from cascaded
        elif node.removeType in (enums.ObjectType.OBJECT_VIEW, enums.ObjectType.OBJECT_MATVIEW):
            for names in node.objects:
                parts = [n.sval for n in names]
                view = f"{parts[0] if len(parts) > 1 else 'public'}.{parts[-1]}"
                missing = None if node.missing_ok else self._missing_relation(view, "view")
                absent = node.missing_ok and self._views_known() and view not in self._views | self._tables
                absent = absent and not self._is_new(view)
                self._views.discard(view)
                self._view_columns.pop(view, None)
                self._dropped_views[view] = self._view_outputs.pop(view, None)
                matview = node.removeType == enums.ObjectType.OBJECT_MATVIEW
                if not (absent or (matview and node.missing_ok and self._absent(view))):
                    # A materialized view holds rows as a table does, and the running application reads a
                    # view as one: dropping either is a drop (MG017), under ACCESS EXCLUSIVE (its readers wait).
                    self._matviews.pop(view, None)
                    yield {
                        "kind": Kind.DROP_TABLE,
                        "table": view,
                        "lock": Lock.ACCESS_EXCLUSIVE,
                        "target_is_new": self._is_new(view) or view in self._new_views,
                        "fails": missing,
                    }
                elif missing:
                    yield {"kind": Kind.STATEMENT, "table": None, "lock": None, "fails": missing}

    def _on_CreateTrigStmt(self, node: ast.CreateTrigStmt) -> Iterator[dict]:
        table = qualified(node.relation)
        yield {
            "kind": Kind.CREATE_TRIGGER,
            "table": table,
            "lock": Lock.SHARE_ROW_EXCLUSIVE,
            "target_is_new": self._is_new(table),
            "name": node.trigname,
            "fails": self._trigger_fails(node),
        }

    def _on_UpdateStmt(self, node: ast.UpdateStmt) -> Iterator[dict]:
        fails = self._update_fails(node)  # before the UPDATE makes the rows the files inserted unknown
        yield {**self._dml(Kind.UPDATE, node), "fails": fails}

    def _on_DeleteStmt(self, node: ast.DeleteStmt) -> Iterator[dict]:
        fields = self._dml(Kind.DELETE, node)
        # Every row goes when the WHERE matched all of them outright (not from a sample or a partition bound).
        verdict, touched = self._cascaded(fields["table"], fields["whole_table"] and not fields["reason"])
        yield {**fields, **verdict}
        yield from touched

    def _dml(self, kind: Kind, node: ast.UpdateStmt | ast.DeleteStmt) -> dict:
        table = qualified(node.relation)
        # WHERE column IS NOT NULL on a column that never holds NULL matches every row, as no WHERE does.
        never_null = not_null_tests(node.whereClause)
        whole = always_true(node.whereClause) or bool(
            never_null and all(self._never_null(table, c) for c in never_null)
        )
        joined = node.fromClause if isinstance(node, ast.UpdateStmt) else node.usingClause
        covered = "" if whole else self._covered(table, node.whereClause)
        if not (whole or covered) and joined and join_only(node.whereClause, node.relation):
            covered = "the WHERE is only the join condition: every row of the table with a match is touched"
        self._updated.add(table)
        self._forget_rows(table)
        return {
            "kind": kind,
            "table": table,
            "lock": Lock.ROW_EXCLUSIVE,
            "target_is_new": self._is_new(table),
            "whole_table": whole
            or bool(covered)
            or any((table, c) in self._added_columns for c in null_tested_columns(node.whereClause)),
            "reason": covered,
        }

    def _on_RenameStmt(self, node: ast.RenameStmt) -> Iterator[dict]:
        if node.relation is None:
            return
        self._rename_in_view(qualified(node.relation), node)
        table = qualified(node.relation)
        if node.renameType == enums.ObjectType.OBJECT_TABCONSTRAINT:
            missing = self._missing_constraint(table, node.subname)
            if table in self._constraints:
                self._constraints[table] = (self._constraints[table] - {node.subname}) | {node.newname}
            if missing:
                yield {"kind": Kind.STATEMENT, "table": None, "lock": None, "fails": missing}
            return
        if node.renameType == enums.ObjectType.OBJECT_COLUMN:
            kind = Kind.RENAME_COLUMN
        elif node.renameType in (
            enums.ObjectType.OBJECT_TABLE,
            enums.ObjectType.OBJECT_VIEW,
            enums.ObjectType.OBJECT_MATVIEW,
        ):
            kind = Kind.RENAME_TABLE  # the application reads a view by its name as it reads a table
        else:
            return
        fails = None
        if kind is Kind.RENAME_COLUMN:
            fails = self._missing_column(table, node.subname)
        if kind is Kind.RENAME_COLUMN and table in self._columns_of:
            self._columns_of[table] = (self._columns_of[table] - {node.subname}) | {node.newname}
        if kind is Kind.RENAME_TABLE:
            fails = self._missing_relation(table, "relation")
            self._renamed(table, node.newname)
        yield {
            "kind": kind,
            "table": table,
            "lock": Lock.ACCESS_EXCLUSIVE,
            "target_is_new": self._is_new(table) or table in self._new_views,
            "name": node.subname,
            "new_name": node.newname,
            "fails": fails,
        }


def _sql(node: ast.Node) -> str:
    return RawStream()(node)


def _opaque(node: ast.Node, body: DoBody | None) -> bool:
    """A DO block whose statements are all read is no more opaque than they are."""
    if body is None:
        return opaque(node)
    return body.dynamic or any(opaque(s.node) for s in body.statements)
