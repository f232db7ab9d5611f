"""Migration SQL → one frozen ``DdlAction`` per schema or data change, for the migration gate.

The reader walks a set of files in order and keeps what they created (tables, indexes, column types,
validated NOT NULL checks), so an action on an object born earlier in the set is marked new: it is empty
and nothing else holds it. Each action carries the lock it takes (PostgreSQL's documentation, "Explicit
Locking" and each command's page), whether it rewrites or scans the table, where it is, and the session
state in force (transaction block, lock_timeout). No pglast node leaves this package.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum

from pglast import ast, enums, parse_sql
from pglast.parser import ParseError, scan
from pglast.stream import RawStream
from pglast.visitors import Visitor

from .ddl_locks import Lock
from .ddl_types import SERIAL_TYPES, ColumnType, change_rewrites, timezone_dependent, type_of
from .indexdef import IndexDefinition, read_index


class Kind(str, Enum):
    CREATE_TABLE = "create-table"
    CREATE_INDEX = "create-index"
    DROP_INDEX = "drop-index"
    REINDEX = "reindex"
    ADD_COLUMN = "add-column"
    ALTER_COLUMN_TYPE = "alter-column-type"
    SET_NOT_NULL = "set-not-null"
    ADD_CONSTRAINT = "add-constraint"
    VALIDATE_CONSTRAINT = "validate-constraint"
    VACUUM_FULL = "vacuum-full"
    CLUSTER = "cluster"
    LOCK_TABLE = "lock-table"
    TRUNCATE = "truncate"
    SET_PERSISTENCE = "set-persistence"
    SET_EXPRESSION = "set-expression"
    ATTACH_PARTITION = "attach-partition"
    DETACH_PARTITION = "detach-partition"
    UPDATE = "update"
    DELETE = "delete"
    DROP_TABLE = "drop-table"
    DROP_COLUMN = "drop-column"
    RENAME_TABLE = "rename-table"
    RENAME_COLUMN = "rename-column"
    ALTER_TABLE_OTHER = "alter-table"
    CREATE_TRIGGER = "create-trigger"
    REFRESH_MATERIALIZED_VIEW = "refresh-materialized-view"
    REFERENCE_LOCK = "reference-lock"
    """A foreign key on a new table locks the existing table it references (SHARE ROW EXCLUSIVE)."""
    STATEMENT = "statement"
    """A statement the reader does not model, seen taking a lock or failing in ``--trace``."""


class ConstraintType(str, Enum):
    FOREIGN_KEY = "foreign key"
    CHECK = "check"
    UNIQUE = "unique"
    PRIMARY_KEY = "primary key"
    EXCLUSION = "exclusion"


_CONSTRAINT_TYPES = {
    enums.ConstrType.CONSTR_FOREIGN: ConstraintType.FOREIGN_KEY,
    enums.ConstrType.CONSTR_CHECK: ConstraintType.CHECK,
    enums.ConstrType.CONSTR_UNIQUE: ConstraintType.UNIQUE,
    enums.ConstrType.CONSTR_PRIMARY: ConstraintType.PRIMARY_KEY,
    enums.ConstrType.CONSTR_EXCLUSION: ConstraintType.EXCLUSION,
}
# Functions a column default may call without forcing a rewrite (stable or immutable); any other call,
# including a user function (volatile unless declared otherwise), is taken as volatile.
_NON_VOLATILE_FUNCTIONS = frozenset(
    {
        "now",
        "transaction_timestamp",
        "statement_timestamp",
        "current_date",
        "lower",
        "upper",
        "to_timestamp",
        "to_date",
        "make_interval",
        "jsonb_build_object",
        "json_build_object",
        "jsonb_build_array",
        "array_fill",
        "concat",
        "md5",
        "length",
        "abs",
    }
)
_IGNORE = re.compile(r"--\s*pgtune:\s*ignore\s+(?P<rules>[A-Z]{2}\d{3}(?:\s*,\s*[A-Z]{2}\d{3})*)(?P<reason>.*)$")


@dataclass(frozen=True)
class KnownSchema:
    """What is known of the database the migrations run against (from a snapshot, or nothing)."""

    column_types: Mapping[tuple[str, str], str] = field(default_factory=dict)
    """(schema.table, column) → type as ``format_type`` shows it."""
    not_null_checks: frozenset[tuple[str, str]] = frozenset()
    """(schema.table, column) with a validated ``CHECK (column IS NOT NULL)``."""
    checked_tables: frozenset[str] = frozenset()
    """Tables with at least one validated CHECK constraint (a candidate partition constraint)."""
    index_tables: Mapping[str, str] = field(default_factory=dict)
    """schema.index → schema.table."""
    tables: frozenset[str] = frozenset()
    """Every table the database has (empty: unknown)."""
    partitioned_tables: frozenset[str] = frozenset()
    row_counts: Mapping[str, int] = field(default_factory=dict)
    """schema.table → live rows, when a snapshot says."""
    not_null_columns: frozenset[tuple[str, str]] = frozenset()
    """(schema.table, column) declared NOT NULL."""


@dataclass(frozen=True)
class DdlAction:
    kind: Kind
    file: str
    line: int
    column: int
    sql: str
    table: str | None
    """schema.table the action locks (public when the migration names no schema)."""
    lock: Lock | None
    target_is_new: bool = False
    """The table (or index) was created earlier in the same set of files: empty, nobody uses it yet."""
    rewrites: bool | None = False
    """The table is rewritten (None: cannot tell without knowing the column's current type)."""
    scans: bool = False
    """The whole table is read under the lock (validation, index build) without a rewrite."""
    in_transaction: bool = False
    lock_timeout_set: bool = False
    concurrently: bool = False
    name: str | None = None
    """The index, column, constraint or partition the action is about."""
    new_name: str | None = None
    constraint_type: ConstraintType | None = None
    not_valid: bool = False
    using_index: bool = False
    referenced_table: str | None = None
    reason: str = ""
    """Why it rewrites (``volatile default random()``, ``int4 → int8``) when it does."""
    old_type: str | None = None
    new_type: str | None = None
    has_not_null_check: bool = False
    whole_table: bool = False
    held_lock: Lock | None = None
    """The strongest lock earlier statements of the same transaction block already hold on the table."""
    suppressed: Mapping[str, str] = field(default_factory=dict)
    """Rule id → reason, from ``-- pgtune: ignore RULE reason`` comments on or just before the statement."""
    index: IndexDefinition | None = None
    """For CREATE INDEX: the definition, for the plan-regression gate."""
    depends_on_timezone: bool = False
    """A timestamp ↔ timestamptz change: no rewrite on 12+ when the session TimeZone is UTC."""
    fails: str | None = None
    """Why the statement will fail when it runs, when the text (and the known schema) already says so."""
    traced: bool = False
    """``--trace`` ran the statement: lock, rewrites, scans and lock_timeout are what the server did."""
    probed: bool = False
    """A second session tried reads and writes of the table while the traced lock was held."""
    reads_wait: bool = False
    writes_wait: bool = False
    """Reads or writes of the table waited while the statement's transaction held its locks."""
    lock_made_wait: bool = False
    """The statement itself took (or strengthened) a lock on the table, and reads or writes waited."""
    error: str | None = None
    """SQLSTATE and message when the statement failed in the trace."""
    trace_summary: str = ""

    @property
    def blocks_writes(self) -> bool:
        """Writes of the table wait while the lock is held: seen by the trace's second session, else the mode."""
        if self.probed:
            return self.writes_wait or self.reads_wait
        return self.lock is not None and self.lock.blocks_writes

    @property
    def blocks_reads(self) -> bool:
        if self.probed:
            return self.reads_wait
        return self.lock is not None and self.lock.blocks_reads


@dataclass(frozen=True)
class StatementText:
    """One statement of a file as the server would receive it (``pgtune check --trace`` sends these)."""

    line: int
    column: int
    sql: str
    controls_transaction: bool = False
    """BEGIN, COMMIT, ROLLBACK and their kin."""
    cluster_wide: bool = False
    """Roles, databases, tablespaces, ALTER SYSTEM, subscriptions: effects that would outlive a clone."""


@dataclass(frozen=True)
class SourceProblem:
    """A part of a file that could not be read as SQL (the rest of the file is still checked)."""

    file: str
    line: int
    column: int
    message: str


@dataclass(frozen=True)
class MigrationScript:
    file: str
    actions: tuple[DdlAction, ...]
    statement_count: int
    problems: tuple[SourceProblem, ...] = ()
    notes: tuple[str, ...] = ()


class _Lines:
    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1

    def line(self, number: int) -> str:
        start = self.starts[number - 1]
        end = self.starts[number] - 1 if number < len(self.starts) else len(self.text)
        return self.text[start:end]


@dataclass(frozen=True)
class _Statement:
    node: ast.Node
    start: int
    end: int


_CLUSTER_WIDE = frozenset(
    {
        "CreateRoleStmt",
        "AlterRoleStmt",
        "AlterRoleSetStmt",
        "DropRoleStmt",
        "GrantRoleStmt",
        "CreatedbStmt",
        "DropdbStmt",
        "AlterDatabaseStmt",
        "AlterDatabaseSetStmt",
        "AlterDatabaseRefreshCollStmt",
        "AlterSystemStmt",
        "CreateTableSpaceStmt",
        "DropTableSpaceStmt",
        "AlterTableSpaceOptionsStmt",
        "CreateSubscriptionStmt",
        "AlterSubscriptionStmt",
        "DropSubscriptionStmt",
        "ReassignOwnedStmt",
    }
)


def split_statements(file: str, text: str) -> tuple[list[StatementText], list[SourceProblem]]:
    """The statements of ``text`` in order, each located at its first keyword; unparsable parts are problems."""
    lines = _Lines(text)
    statements, problems = _parse(file, text, lines)
    found = []
    for statement in statements:
        first = _first_token(text, statement.start, statement.end)
        line, column = lines.position(first)
        control = isinstance(statement.node, ast.TransactionStmt)
        wide = type(statement.node).__name__ in _CLUSTER_WIDE
        found.append(StatementText(line, column, text[first : statement.end].strip(), control, wide))
    return found, problems


class DdlReader:
    """Reads migration files in order, remembering what earlier files created."""

    def __init__(self, known: KnownSchema | None = None) -> None:
        self.known = known or KnownSchema()
        self._new_tables: set[str] = set()
        self._new_indexes: dict[str, str] = {}
        self._index_tables: dict[str, str] = dict(self.known.index_tables)
        self._column_types: dict[tuple[str, str], ColumnType] = {}
        self._not_null_checks: set[tuple[str, str]] = set(self.known.not_null_checks)
        self._pending_checks: dict[tuple[str, str], str | None] = {}
        self._checked_tables: set[str] = set(self.known.checked_tables)
        self._tables: set[str] = set(self.known.tables)
        """Tables known to exist before the checked files (snapshot, history): empty when unknown."""
        self._partitioned: set[str] = set(self.known.partitioned_tables)
        self._added_columns: set[tuple[str, str]] = set()
        self._not_null: set[tuple[str, str]] = set(self.known.not_null_columns)
        self._columns_of: dict[str, set[str]] = {}
        """Tables whose every column is known (created in the files read, or in the snapshot) → columns."""
        for table, column in self.known.column_types:
            self._columns_of.setdefault(table, set()).add(column)
        self._index_keys: dict[str, tuple[str, ...]] = {}
        """schema.index → its plain column keys, for indexes built in the checked or history files."""
        self._virtual_columns: set[tuple[str, str]] = set()

    def read(self, file: str, text: str, in_transaction: bool = False) -> MigrationScript:
        """Read one file; ``in_transaction`` says the migration tool wraps the whole file in a transaction."""
        lines = _Lines(text)
        statements, problems = _parse(file, text, lines)
        session = _Session(in_transaction=in_transaction, wrapped=in_transaction)
        actions: list[DdlAction] = []
        notes: list[str] = []
        for statement in statements:
            if session.apply(statement.node):
                continue
            first = _first_token(text, statement.start, statement.end)
            line, column = lines.position(first)
            suppressed, bad = _suppressions(lines, line, lines.position(max(first, statement.end - 1))[0])
            notes.extend(f"{file}:{n}: `pgtune: ignore` without a reason is not honoured" for n in bad)
            base = {
                "file": file,
                "line": line,
                "column": column,
                "sql": text[first : statement.end].strip(),
                "in_transaction": session.in_transaction,
                "lock_timeout_set": session.lock_timeout_set,
                "suppressed": suppressed,
            }
            produced = list(self._actions(statement.node))
            unusable = session.uses_new_enum_value(base["sql"])
            if unusable and not produced:
                produced = [{"kind": Kind.STATEMENT, "table": None, "lock": None}]
            for fields in produced:
                if unusable:
                    fields = {**fields, "fails": unusable}
                action = DdlAction(**base, **fields, held_lock=session.held.get(fields["table"]))
                session.hold(action)
                actions.append(action)
            session.note_enum_value(statement.node)
        return MigrationScript(file, tuple(actions), len(statements), tuple(problems), tuple(notes))

    def settle(self) -> None:
        """Everything read so far is already applied (migration history): existing objects, not new ones."""
        self._index_tables.update(self._new_indexes)
        self._new_indexes.clear()
        self._tables.update(self._new_tables)
        self._new_tables.clear()
        self._added_columns.clear()

    def _index_table(self, index: str) -> str | None:
        return self._new_indexes.get(index) or self._index_tables.get(index)

    def _is_new(self, table: str | None) -> bool:
        return table in self._new_tables

    def _absent(self, table: str | None) -> bool:
        """The schema is known and has no such table (a ``DROP ... IF EXISTS`` of it does nothing)."""
        return bool(self._tables) and table not in self._tables and table not in self._new_tables

    def _partitioned_table(self, table: str) -> bool:
        return table in self._partitioned

    def _missing_column(self, table: str, column: str) -> str | None:
        """Why naming ``column`` fails: the table's columns are known and it has none of that name."""
        known = self._columns_of.get(table)
        if known is not None and column not in known:
            return f'column "{column}" of {table} does not exist'
        return None

    def _references(self, table: str, constraints) -> Iterator[dict]:
        """Foreign keys of a new table lock each existing table they reference."""
        for constraint in constraints:
            if constraint.contype != enums.ConstrType.CONSTR_FOREIGN or constraint.pktable is None:
                continue
            referenced = _qualified(constraint.pktable)
            if referenced != table and not self._is_new(referenced):
                yield {
                    "kind": Kind.REFERENCE_LOCK,
                    "table": referenced,
                    "lock": Lock.SHARE_ROW_EXCLUSIVE,
                    "name": constraint.conname,
                    "referenced_table": referenced,
                    "reason": f"a foreign key of {table} references it",
                }

    def _actions(self, node: ast.Node) -> Iterator[dict]:
        handler = getattr(self, f"_on_{type(node).__name__}", None)
        if handler:
            yield from handler(node)

    def _on_CreateStmt(self, node: ast.CreateStmt) -> Iterator[dict]:
        table = _qualified(node.relation)
        if node.if_not_exists and table in self._tables:
            return
        self._new_tables.add(table)
        if node.partspec is not None:
            self._partitioned.add(table)
        if not node.inhRelations and not node.ofTypename:
            self._columns_of[table] = {e.colname for e in node.tableElts or () if isinstance(e, ast.ColumnDef)}
        constraints = []
        for element in node.tableElts or ():
            if isinstance(element, ast.ColumnDef):
                self._column_types[(table, element.colname)] = type_of(element.typeName)
                self._note_virtual(table, element)
                constraints.extend(element.constraints or ())
                if _declares_not_null(element.constraints or ()):
                    self._not_null.add((table, element.colname))
            elif isinstance(element, ast.Constraint):
                constraints.append(element)
                if element.contype == enums.ConstrType.CONSTR_PRIMARY:
                    self._not_null.update((table, k.sval) for k in element.keys or ())
        yield from self._references(table, constraints)
        parent = next((_qualified(r) for r in node.inhRelations or ()), None)
        if node.partbound and parent and not self._is_new(parent):
            yield {
                "kind": Kind.CREATE_TABLE,
                "table": parent,
                "lock": Lock.ACCESS_EXCLUSIVE,
                "name": table,
                "reason": "CREATE TABLE ... PARTITION OF locks the parent",
            }

    def _on_CreateTableAsStmt(self, node: ast.CreateTableAsStmt) -> Iterator[dict]:
        self._new_tables.add(_qualified(node.into.rel))
        return iter(())

    def _on_IndexStmt(self, node: ast.IndexStmt) -> Iterator[dict]:
        table = _qualified(node.relation)
        if node.idxname:
            index = _index_name(node.relation.schemaname, node.idxname)
            self._new_indexes[index] = table
            self._index_keys[index] = tuple(p.name for p in node.indexParams if p.name)
        # ON ONLY is how a partitioned table's index starts (an empty, invalid parent index): nothing is built.
        only = not node.relation.inh and (self._partitioned_table(table) or table not in self._tables)
        fails = None
        if node.concurrent and self._partitioned_table(table):
            fails = (
                "CREATE INDEX CONCURRENTLY is not supported on a partitioned table: create the index ON ONLY the "
                "parent, then CONCURRENTLY on each partition, then ALTER INDEX ... ATTACH PARTITION each one"
            )
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
            "reason": "ON ONLY a partitioned table: no index is built" if only else "",
        }

    def _on_DropStmt(self, node: ast.DropStmt) -> Iterator[dict]:
        if node.removeType == enums.ObjectType.OBJECT_INDEX:
            several = None
            if node.concurrent and len(node.objects) > 1:
                several = "DROP INDEX CONCURRENTLY does not support dropping multiple objects"
            for names in node.objects:
                parts = [n.sval for n in names]
                index = _index_name(parts[0] if len(parts) > 1 else None, parts[-1])
                new = index in self._new_indexes
                yield {
                    "kind": Kind.DROP_INDEX,
                    "table": self._index_table(index),
                    "lock": Lock.SHARE_UPDATE_EXCLUSIVE if node.concurrent else Lock.ACCESS_EXCLUSIVE,
                    "target_is_new": new,
                    "concurrently": bool(node.concurrent),
                    "name": index,
                    "fails": several,
                }
        elif node.removeType == enums.ObjectType.OBJECT_TABLE:
            for names in node.objects:
                parts = [n.sval for n in names]
                table = f"{parts[0] if len(parts) > 1 else 'public'}.{parts[-1]}"
                if node.missing_ok and self._absent(table):
                    continue
                yield {
                    "kind": Kind.DROP_TABLE,
                    "table": table,
                    "lock": Lock.ACCESS_EXCLUSIVE,
                    "target_is_new": self._is_new(table),
                }

    def _on_CreateTrigStmt(self, node: ast.CreateTrigStmt) -> Iterator[dict]:
        table = _qualified(node.relation)
        yield {
            "kind": Kind.CREATE_TRIGGER,
            "table": table,
            "lock": Lock.SHARE_ROW_EXCLUSIVE,
            "target_is_new": self._is_new(table),
            "name": node.trigname,
        }

    def _on_RefreshMatViewStmt(self, node: ast.RefreshMatViewStmt) -> Iterator[dict]:
        table = _qualified(node.relation)
        if node.concurrent:
            # An EXCLUSIVE lock: reads of the view continue, and nothing writes to a materialized view.
            return
        yield {
            **_rewrite(Kind.REFRESH_MATERIALIZED_VIEW, table, self._is_new(table), "REFRESH rebuilds the view"),
            "name": table,
        }

    def _on_ReindexStmt(self, node: ast.ReindexStmt) -> Iterator[dict]:
        concurrently = any(p.defname == "concurrently" for p in node.params or ())
        target = node.relation
        if target is None:
            return
        if node.kind == enums.ReindexObjectType.REINDEX_OBJECT_INDEX:
            index = _index_name(target.schemaname, target.relname)
            table, name = self._index_table(index), index
        else:
            table, name = _qualified(target), None
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
        if not node.is_vacuumcmd or not any(o.defname == "full" and _truthy(o) for o in node.options or ()):
            return
        for relation in node.rels or ():
            table = _qualified(relation.relation)
            yield _rewrite(Kind.VACUUM_FULL, table, self._is_new(table), "VACUUM FULL copies the table")

    def _on_ClusterStmt(self, node: ast.ClusterStmt) -> Iterator[dict]:
        if node.relation is not None:
            table = _qualified(node.relation)
            yield _rewrite(Kind.CLUSTER, table, self._is_new(table), "CLUSTER copies the table in index order")

    def _on_LockStmt(self, node: ast.LockStmt) -> Iterator[dict]:
        for relation in node.relations:
            table = _qualified(relation)
            yield {
                "kind": Kind.LOCK_TABLE,
                "table": table,
                "lock": Lock.from_mode(node.mode),
                "target_is_new": self._is_new(table),
            }

    def _on_TruncateStmt(self, node: ast.TruncateStmt) -> Iterator[dict]:
        for relation in node.relations:
            table = _qualified(relation)
            yield {
                "kind": Kind.TRUNCATE,
                "table": table,
                "lock": Lock.ACCESS_EXCLUSIVE,
                "target_is_new": self._is_new(table),
            }

    def _on_UpdateStmt(self, node: ast.UpdateStmt) -> Iterator[dict]:
        yield self._dml(Kind.UPDATE, node)

    def _on_DeleteStmt(self, node: ast.DeleteStmt) -> Iterator[dict]:
        yield self._dml(Kind.DELETE, node)

    def _dml(self, kind: Kind, node: ast.UpdateStmt | ast.DeleteStmt) -> dict:
        table = _qualified(node.relation)
        return {
            "kind": kind,
            "table": table,
            "lock": Lock.ROW_EXCLUSIVE,
            "target_is_new": self._is_new(table),
            "whole_table": _always_true(node.whereClause)
            or any((table, c) in self._added_columns for c in _null_tested_columns(node.whereClause)),
        }

    def _on_RenameStmt(self, node: ast.RenameStmt) -> Iterator[dict]:
        if node.relation is None:
            return
        table = _qualified(node.relation)
        if node.renameType == enums.ObjectType.OBJECT_COLUMN:
            kind = Kind.RENAME_COLUMN
        elif node.renameType == enums.ObjectType.OBJECT_TABLE:
            kind = Kind.RENAME_TABLE
        else:
            return
        if kind is Kind.RENAME_COLUMN and table in self._columns_of:
            self._columns_of[table] = (self._columns_of[table] - {node.subname}) | {node.newname}
        yield {
            "kind": kind,
            "table": table,
            "lock": Lock.ACCESS_EXCLUSIVE,
            "target_is_new": self._is_new(table),
            "name": node.subname,
            "new_name": node.newname,
        }
        if kind is Kind.RENAME_TABLE and self._is_new(table):
            self._new_tables.add(f"{table.split('.')[0]}.{node.newname}")

    def _on_AlterTableStmt(self, node: ast.AlterTableStmt) -> Iterator[dict]:
        if node.objtype != enums.ObjectType.OBJECT_TABLE:
            return
        table = _qualified(node.relation)
        for cmd in node.cmds:
            fields = self._alter(table, cmd)
            if fields is not None:
                yield {"table": table, "target_is_new": self._is_new(table), **fields}
            if cmd.subtype == enums.AlterTableType.AT_AddConstraint and self._is_new(table):
                yield from self._references(table, [cmd.def_])

    def _alter(self, table: str, cmd: ast.AlterTableCmd) -> dict | None:
        kind = enums.AlterTableType
        subtype = cmd.subtype
        if subtype == kind.AT_AddColumn:
            return self._add_column(table, cmd.def_)
        if subtype == kind.AT_AlterColumnType:
            return self._alter_type(table, cmd.name, cmd.def_)
        if subtype == kind.AT_SetNotNull:
            self._not_null.add((table, cmd.name))
            return {
                "kind": Kind.SET_NOT_NULL,
                "lock": Lock.ACCESS_EXCLUSIVE,
                "name": cmd.name,
                "scans": True,
                "has_not_null_check": (table, cmd.name) in self._not_null_checks,
                "fails": self._missing_column(table, cmd.name),
            }
        if subtype == kind.AT_AddConstraint:
            return self._add_constraint(table, cmd.def_)
        if subtype == kind.AT_ValidateConstraint:
            column = self._pending_checks.pop((table, cmd.name), None)
            if column:
                self._not_null_checks.add((table, column))
            self._checked_tables.add(table)
            return {"kind": Kind.VALIDATE_CONSTRAINT, "lock": Lock.SHARE_UPDATE_EXCLUSIVE, "name": cmd.name}
        if subtype == kind.AT_DropColumn:
            return {"kind": Kind.DROP_COLUMN, "lock": Lock.ACCESS_EXCLUSIVE, "name": cmd.name}
        if subtype == kind.AT_SetExpression:
            if (table, cmd.name) in self._virtual_columns:
                return {"kind": Kind.SET_EXPRESSION, "lock": Lock.ACCESS_EXCLUSIVE, "name": cmd.name}
            reason = "SET EXPRESSION computes the stored generated column again for every row"
            return {**_rewrite(Kind.SET_EXPRESSION, table, False, reason), "name": cmd.name}
        if subtype in (kind.AT_SetLogged, kind.AT_SetUnLogged):
            to = "LOGGED" if subtype == kind.AT_SetLogged else "UNLOGGED"
            return {
                **_rewrite(Kind.SET_PERSISTENCE, table, False, f"SET {to} copies the table"),
                "new_name": to.lower(),
            }
        if subtype in _SHARE_UPDATE_EXCLUSIVE_SUBCOMMANDS or (
            subtype in (kind.AT_SetRelOptions, kind.AT_ResetRelOptions) and _light_options(cmd.def_)
        ):
            return {"kind": Kind.ALTER_TABLE_OTHER, "lock": Lock.SHARE_UPDATE_EXCLUSIVE, "name": cmd.name}
        if subtype in _TRIGGER_SUBCOMMANDS:
            return {"kind": Kind.ALTER_TABLE_OTHER, "lock": Lock.SHARE_ROW_EXCLUSIVE, "name": cmd.name}
        if subtype == kind.AT_AttachPartition:
            partition = _qualified(cmd.def_.name)
            return {
                "kind": Kind.ATTACH_PARTITION,
                "lock": Lock.SHARE_UPDATE_EXCLUSIVE,
                "name": partition,
                "scans": not (self._is_new(partition) or partition in self._checked_tables),
            }
        if subtype == kind.AT_DetachPartition:
            return {
                "kind": Kind.DETACH_PARTITION,
                "lock": Lock.SHARE_UPDATE_EXCLUSIVE if cmd.def_.concurrent else Lock.ACCESS_EXCLUSIVE,
                "name": _qualified(cmd.def_.name),
                "concurrently": bool(cmd.def_.concurrent),
            }
        return {"kind": Kind.ALTER_TABLE_OTHER, "lock": Lock.ACCESS_EXCLUSIVE, "name": cmd.name}

    def _note_virtual(self, table: str, column: ast.ColumnDef) -> None:
        """A virtual generated column (18+) is computed when read: changing its expression rewrites nothing."""
        constraints = column.constraints or ()
        if any(c.contype == enums.ConstrType.CONSTR_GENERATED and c.generated_kind == "v" for c in constraints):
            self._virtual_columns.add((table, column.colname))

    def _add_column(self, table: str, column: ast.ColumnDef) -> dict:
        column_type = type_of(column.typeName)
        self._column_types[(table, column.colname)] = column_type
        self._note_virtual(table, column)
        reason = ""
        constraints = column.constraints or ()
        default = next((c.raw_expr for c in constraints if c.contype == enums.ConstrType.CONSTR_DEFAULT), None)
        if column_type.name in SERIAL_TYPES:
            reason = f"{column_type.name} fills every row from a sequence"
        elif any(c.contype == enums.ConstrType.CONSTR_IDENTITY for c in constraints):
            reason = "an identity column fills every row from a sequence"
        elif (table, column.colname) not in self._virtual_columns and any(
            c.contype == enums.ConstrType.CONSTR_GENERATED for c in constraints
        ):
            reason = "a stored generated column is computed for every row"
        elif default is not None and (volatile := _volatile_call(default)):
            reason = f"the default calls {volatile}(), which is volatile: every row gets its own value"
        self._added_columns.add((table, column.colname))
        if table in self._columns_of:
            self._columns_of[table].add(column.colname)
        if _declares_not_null(constraints):
            self._not_null.add((table, column.colname))
        fills = bool(reason) or column_type.name in SERIAL_TYPES
        not_null = _declares_not_null(constraints)
        fails = None
        if not_null and (default is None or _is_null(default)) and not fills and not self._empty(table):
            fails = f"ADD COLUMN {column.colname} NOT NULL without a default fails on a table that has rows"
        return {
            "kind": Kind.ADD_COLUMN,
            "lock": Lock.ACCESS_EXCLUSIVE,
            "name": column.colname,
            "rewrites": bool(reason),
            "reason": reason,
            "new_type": str(column_type),
            "fails": fails,
            "referenced_table": next(
                (_qualified(c.pktable) for c in constraints if c.contype == enums.ConstrType.CONSTR_FOREIGN), None
            ),
        }

    def _empty(self, table: str) -> bool:
        return self._is_new(table) or self.known.row_counts.get(table) == 0

    def _alter_type(self, table: str, name: str, column: ast.ColumnDef) -> dict:
        new = type_of(column.typeName)
        old = self._column_types.get((table, name))
        if old is None and (known := self.known.column_types.get((table, name))):
            old = ColumnType.parse(known)
        missing = self._missing_column(table, name)
        zoned = False
        rewrites = change_rewrites(old, new, using=column.raw_default is not None)
        self._column_types[(table, name)] = new
        if column.raw_default is not None:
            reason = "a USING expression recomputes every row"
        elif old is None:
            reason = f"the current type of {name} is unknown"
        elif zoned := timezone_dependent(old, new):
            rewrites = None
            reason = f"{old} → {new} keeps the table only when the session TimeZone is UTC (PostgreSQL 12+)"
        else:
            reason = f"{old} → {new}"
        return {
            "kind": Kind.ALTER_COLUMN_TYPE,
            "lock": Lock.ACCESS_EXCLUSIVE,
            "name": name,
            "rewrites": rewrites,
            "reason": reason,
            "old_type": str(old) if old else None,
            "new_type": str(new),
            "fails": missing,
            "depends_on_timezone": zoned and rewrites is None,
        }

    def _add_constraint(self, table: str, constraint: ast.Constraint) -> dict:
        constraint_type = _CONSTRAINT_TYPES.get(constraint.contype)
        not_valid = bool(constraint.skip_validation)
        if constraint.contype == enums.ConstrType.CONSTR_NOTNULL and constraint.keys and not not_valid:
            # 18's named NOT NULL constraint proves itself as SET NOT NULL does: one scan, unless a
            # validated CHECK (column IS NOT NULL) already proves it.
            column = constraint.keys[0].sval
            return {
                "kind": Kind.SET_NOT_NULL,
                "lock": Lock.ACCESS_EXCLUSIVE,
                "name": column,
                "scans": True,
                "has_not_null_check": (table, column) in self._not_null_checks,
            }
        if constraint_type is ConstraintType.CHECK:
            column = _not_null_column(constraint.raw_expr)
            if not_valid:
                self._pending_checks[(table, constraint.conname)] = column
            else:
                self._checked_tables.add(table)
                if column:
                    self._not_null_checks.add((table, column))
        referenced = _qualified(constraint.pktable) if constraint.pktable is not None else None
        lock = Lock.SHARE_ROW_EXCLUSIVE if constraint_type is ConstraintType.FOREIGN_KEY else Lock.ACCESS_EXCLUSIVE
        using_index = bool(constraint.indexname)
        scans = not not_valid and not using_index
        if using_index and constraint_type is ConstraintType.PRIMARY_KEY:
            # A primary key makes its columns NOT NULL: a scan under ACCESS EXCLUSIVE unless they already are.
            keys = self._index_keys.get(_index_name(table.split(".")[0], constraint.indexname))
            scans = keys is None or any((table, key) not in self._not_null for key in keys)
        return {
            "kind": Kind.ADD_CONSTRAINT,
            "lock": lock,
            "name": constraint.conname,
            "constraint_type": constraint_type,
            "not_valid": not_valid,
            "using_index": using_index,
            "referenced_table": referenced,
            "scans": scans,
        }


_AT = enums.AlterTableType
# ALTER TABLE's documentation: these subcommands take SHARE UPDATE EXCLUSIVE (reads and writes continue).
_SHARE_UPDATE_EXCLUSIVE_SUBCOMMANDS = frozenset(
    {_AT.AT_SetStatistics, _AT.AT_SetOptions, _AT.AT_ResetOptions, _AT.AT_ClusterOn, _AT.AT_DropCluster}
)
_TRIGGER_SUBCOMMANDS = frozenset(
    {
        _AT.AT_EnableTrig,
        _AT.AT_EnableAlwaysTrig,
        _AT.AT_EnableReplicaTrig,
        _AT.AT_DisableTrig,
        _AT.AT_EnableTrigAll,
        _AT.AT_DisableTrigAll,
        _AT.AT_EnableTrigUser,
        _AT.AT_DisableTrigUser,
    }
)
# Storage parameters SET (...) changes under SHARE UPDATE EXCLUSIVE; any other takes ACCESS EXCLUSIVE.
_LIGHT_OPTIONS = re.compile(
    r"^(fillfactor|parallel_workers|vacuum_index_cleanup|vacuum_truncate|log_autovacuum_min_duration|"
    r"toast_tuple_target|autovacuum_\w+|toast\.autovacuum_\w+|toast\.vacuum_\w+|toast\.log_autovacuum_min_duration)$"
)


def _light_options(options) -> bool:
    names = [f"{o.defnamespace}.{o.defname}" if o.defnamespace else o.defname for o in options or ()]
    return bool(names) and all(_LIGHT_OPTIONS.match(n) for n in names)


def _null_tested_columns(where: ast.Node | None) -> list[str]:
    """Columns a WHERE tests with IS NULL (alone or ANDed): a backfill of a column just added touches every row."""
    if isinstance(where, ast.BoolExpr) and where.boolop == enums.BoolExprType.AND_EXPR:
        return [c for arg in where.args for c in _null_tested_columns(arg)]
    if (
        isinstance(where, ast.NullTest)
        and where.nulltesttype == enums.NullTestType.IS_NULL
        and isinstance(where.arg, ast.ColumnRef)
    ):
        return [where.arg.fields[-1].sval]
    return []


@dataclass
class _Session:
    """Transaction block and lock_timeout as the statements so far left them."""

    in_transaction: bool
    wrapped: bool
    lock_timeout_set: bool = False
    local_timeout: bool = False
    held: dict[str | None, Lock] = field(default_factory=dict)
    enum_values: set[str] = field(default_factory=set)
    """Enum values added in the open transaction block: PostgreSQL refuses to use them before it commits."""

    def note_enum_value(self, node: ast.Node) -> None:
        if isinstance(node, ast.AlterEnumStmt) and node.newVal and not node.oldVal and self.in_transaction:
            self.enum_values.add(node.newVal)

    def uses_new_enum_value(self, text: str) -> str | None:
        used = next((v for v in sorted(self.enum_values) if f"'{v}'" in text), None)
        if used is None:
            return None
        return f"enum value '{used}' was added in the same transaction: PostgreSQL refuses it until that commits"

    def hold(self, action: DdlAction) -> None:
        """Locks last until the transaction block ends; outside one, each statement releases its own."""
        if not self.in_transaction or action.lock is None:
            return
        order = list(Lock)
        current = self.held.get(action.table)
        if current is None or order.index(action.lock) > order.index(current):
            self.held[action.table] = action.lock

    def apply(self, node: ast.Node) -> bool:
        """Track session statements; True when ``node`` is one (it produces no action)."""
        if isinstance(node, ast.TransactionStmt):
            kinds = enums.TransactionStmtKind
            if node.kind in (kinds.TRANS_STMT_BEGIN, kinds.TRANS_STMT_START):
                self.in_transaction = True
            elif node.kind in (kinds.TRANS_STMT_COMMIT, kinds.TRANS_STMT_ROLLBACK):
                self.in_transaction = False
                self.held.clear()
                self.enum_values.clear()
                if self.local_timeout:
                    self.lock_timeout_set = self.local_timeout = False
            return True
        if isinstance(node, ast.VariableSetStmt):
            if node.name == "lock_timeout":
                value = node.args[0].val if node.kind == enums.VariableSetKind.VAR_SET_VALUE and node.args else None
                text = str(getattr(value, "sval", None) or getattr(value, "ival", 0))
                self.lock_timeout_set = re.search("[1-9]", text) is not None
                self.local_timeout = self.lock_timeout_set and bool(node.is_local)
            return True
        return False


class _FunctionCalls(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def visit_FuncCall(self, ancestors, node: ast.FuncCall) -> None:
        self.names.append(node.funcname[-1].sval.lower())


def _volatile_call(expr: ast.Node) -> str | None:
    calls = _FunctionCalls()
    calls(expr)
    return next((name for name in calls.names if name not in _NON_VOLATILE_FUNCTIONS), None)


def _declares_not_null(constraints) -> bool:
    return any(c.contype in (enums.ConstrType.CONSTR_NOTNULL, enums.ConstrType.CONSTR_PRIMARY) for c in constraints)


def _is_null(expr: ast.Node) -> bool:
    return isinstance(expr, ast.A_Const) and bool(expr.isnull)


def _always_true(where: ast.Node | None) -> bool:
    if where is None:
        return True
    if isinstance(where, ast.A_Const):
        return bool(getattr(where.val, "boolval", False))
    if isinstance(where, ast.A_Expr) and isinstance(where.lexpr, ast.A_Const) and isinstance(where.rexpr, ast.A_Const):
        return where.name[-1].sval == "=" and where.lexpr.val == where.rexpr.val
    return False


def _not_null_column(expr: ast.Node | None) -> str | None:
    if (
        isinstance(expr, ast.NullTest)
        and expr.nulltesttype == enums.NullTestType.IS_NOT_NULL
        and isinstance(expr.arg, ast.ColumnRef)
    ):
        return expr.arg.fields[-1].sval
    return None


def _truthy(option: ast.DefElem) -> bool:
    arg = option.arg
    if arg is None:
        return True
    value = getattr(arg, "boolval", getattr(arg, "ival", getattr(arg, "sval", True)))
    return value not in (False, 0, "false", "off", "0")


def _rewrite(kind: Kind, table: str, new: bool, reason: str) -> dict:
    return {
        "kind": kind,
        "table": table,
        "lock": Lock.ACCESS_EXCLUSIVE,
        "target_is_new": new,
        "rewrites": True,
        "reason": reason,
    }


def _sql(node: ast.Node) -> str:
    return RawStream()(node)


def _qualified(relation: ast.RangeVar) -> str:
    return f"{relation.schemaname or 'public'}.{relation.relname}"


def _index_name(schema: str | None, name: str) -> str:
    return f"{schema or 'public'}.{name}"


def _parse(file: str, text: str, lines: _Lines) -> tuple[list[_Statement], list[SourceProblem]]:
    """Parse the whole text; on a syntax error, parse statement by statement so the rest is still read."""
    try:
        return [_statement(raw, len(text)) for raw in parse_sql(text)], []
    except ParseError:
        pass
    statements: list[_Statement] = []
    problems: list[SourceProblem] = []
    try:
        chunks = _chunks(text)
    except ParseError as exc:
        line, column = lines.position(_error_offset(exc, 0, len(text)))
        return [], [SourceProblem(file, line, column, f"cannot split into statements: {exc.args[0]}")]
    for start, end in chunks:
        try:
            raws = parse_sql(text[start:end])
        except ParseError as exc:
            line, column = lines.position(_error_offset(exc, start, end))
            problems.append(SourceProblem(file, line, column, f"syntax error: {exc.args[0]}"))
            continue
        statements.extend(_statement(raw, end - start, start) for raw in raws)
    return statements, problems


def _error_offset(exc: ParseError, start: int, end: int) -> int:
    offset = exc.args[1] if len(exc.args) > 1 and isinstance(exc.args[1], int) else 0
    return min(start + offset, max(end - 1, start))


def _statement(raw: ast.RawStmt, length: int, base: int = 0) -> _Statement:
    start = raw.stmt_location or 0
    end = start + raw.stmt_len if raw.stmt_len else length
    return _Statement(raw.stmt, base + start, base + end)


def _chunks(text: str) -> list[tuple[int, int]]:
    chunks: list[tuple[int, int]] = []
    start = 0
    for token in scan(text):
        if token.name == "ASCII_59":
            chunks.append((start, token.end + 1))
            start = token.end + 1
    if text[start:].strip():
        chunks.append((start, len(text)))
    return chunks


def _first_token(text: str, start: int, end: int) -> int:
    """Skip whitespace and comments so the location points at the statement's first keyword."""
    position = start
    while position < end:
        if text[position].isspace():
            position += 1
        elif text.startswith("--", position):
            newline = text.find("\n", position)
            position = end if newline < 0 else newline + 1
        elif text.startswith("/*", position):
            close = text.find("*/", position + 2)
            position = end if close < 0 else close + 2
        else:
            return position
    return start


def _suppressions(lines: _Lines, first_line: int, last_line: int) -> tuple[dict[str, str], list[int]]:
    suppressed: dict[str, str] = {}
    bad: list[int] = []
    for number in range(max(first_line - 1, 1), last_line + 1):
        match = _IGNORE.search(lines.line(number))
        if not match:
            continue
        reason = match["reason"].strip()
        if not reason:
            bad.append(number)
            continue
        for rule in re.split(r"\s*,\s*", match["rules"]):
            suppressed[rule] = reason
    return suppressed, bad
