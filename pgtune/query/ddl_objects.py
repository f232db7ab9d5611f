"""What the reader knows of views, materialized views and sequences, and the statements on them that fail.

- CREATE OR REPLACE VIEW may only add columns at the end: dropping one fails ("cannot drop columns from view")
  and so does renaming one (view.c, ``checkViewColumns``).
- REFRESH MATERIALIZED VIEW CONCURRENTLY needs a unique index on plain columns with no WHERE clause, and a
  populated view (matview.c, ``ExecRefreshMatView``).
- ALTER SEQUENCE checks each bound against the sequence's type, MINVALUE below MAXVALUE, then START and the
  current value against them (sequence.c, ``init_params``); an ascending sequence's value is never below its
  START, so a MAXVALUE under START fails.

Only what the --history files or the checked files declared is known; a DO block, CALL or unknown function
(``_opaque``) may have changed anything, and then nothing is claimed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from pglast import ast, enums

from .ddl_locks import Lock
from .ddl_model import DdlAction, Kind, KnownSchema
from .ddl_nodes import index_name, qualified, rewrite_action
from .ddl_state import ReaderState

_TYPE_LIMITS = {"int2": (-(2**15), 2**15 - 1), "int4": (-(2**31), 2**31 - 1), "int8": (-(2**63), 2**63 - 1)}
_TYPE_NAMES = {"smallint": "int2", "integer": "int4", "int": "int4", "bigint": "int8"}


@dataclass(frozen=True)
class SequenceBounds:
    type_name: str
    increment: int
    minimum: int
    maximum: int
    start: int

    def limits(self) -> tuple[int, int]:
        return _TYPE_LIMITS[self.type_name]


class ObjectReader(ReaderState):
    def __init__(self, known: KnownSchema | None = None) -> None:
        super().__init__(known)
        self._view_outputs: dict[str, tuple[str, ...] | None] = {}
        self._dropped_views: dict[str, tuple[str, ...] | None] = {}
        """Views the files dropped → their columns, when known."""
        self._recreated: set[str] = set()
        """Views the file being read dropped and created again in one transaction (``_recreated_view``)."""
        self._held: dict[str | None, Lock] = {}
        """The locks the open transaction block of the file being read holds (its ``Session``'s)."""
        self._matviews: dict[str, bool] = {}
        """schema.matview → populated (False after CREATE ... WITH NO DATA, until a plain REFRESH)."""
        self._unique_indexed: set[str] = set()
        self._sequences: dict[str, SequenceBounds] = {}
        self._like_indexes: set[str] = set()
        self._usable_for_constraint: dict[str, str | None] = {}
        """schema.index (built by the files read) → why ADD CONSTRAINT ... USING INDEX cannot use it, or None."""
        self._constraint_indexes: set[str] = set()
        """schema.index of the indexes that back a PRIMARY KEY or UNIQUE constraint."""
        self._former_partitions: set[str] = set()
        """Tables that were a partition: they keep the parent's indexes after DETACH (no CREATE INDEX shows them)."""
        """Tables made with LIKE ... INCLUDING INDEXES (or ALL): they have indexes no CREATE INDEX shows."""

    def _note_like(self, table: str, elements) -> None:
        copied = enums.TableLikeOption.CREATE_TABLE_LIKE_INDEXES
        if any(isinstance(e, ast.TableLikeClause) and e.options & copied for e in elements or ()):
            self._like_indexes.add(table)

    def _replaced_view(self, node: ast.ViewStmt) -> str | None:
        """Why CREATE OR REPLACE VIEW fails: it drops or renames a column the view has; records the new columns."""
        view = qualified(node.view)
        names = output_names(node.query, node.aliases)
        old = self._view_outputs.get(view)
        self._view_outputs[view] = names
        if not node.replace or old is None or names is None or self._opaque:
            return None
        if len(names) < len(old):
            return f"cannot drop columns from view {view} (it has {len(old)}, the new query {len(names)})"
        renamed = next(((a, b) for a, b in zip(old, names, strict=False) if a != b), None)
        if renamed:
            return (
                f'cannot change name of view column "{renamed[0]}" to "{renamed[1]}" ({view}): new columns may '
                "only be added at the end; use ALTER VIEW ... RENAME COLUMN, or DROP VIEW and CREATE VIEW"
            )
        return None

    def _recreated_view(self, node: ast.ViewStmt) -> bool:
        """CREATE VIEW of a view the file dropped in the same transaction (DROP VIEW's ACCESS EXCLUSIVE lock still
        held), keeping every column the old one had where both are known: a reader that queued behind the lock
        looks the name up again once it has it (namespace.c, ``RangeVarGetRelidExtended``) and finds the new view,
        as after CREATE OR REPLACE VIEW. In separate transactions the view is missing in between: a drop."""
        view = qualified(node.view)
        if view not in self._dropped_views or self._held.get(view) is not Lock.ACCESS_EXCLUSIVE:
            return False
        old, new = self._dropped_views.pop(view), output_names(node.query, node.aliases)
        if old is not None and new is not None and not set(old) <= set(new):
            return False
        self._recreated.add(view)
        return True

    def _as_replaced(self, actions: list[DdlAction]) -> list[DdlAction]:
        """The file's drops of the views it created again (``_recreated_view``), read as replacements: the lock on
        the view (MG019), no reader broken (MG017)."""
        recreated, self._recreated = self._recreated, set()
        return [
            replace(a, kind=Kind.REPLACE_VIEW)
            if a.kind is Kind.DROP_TABLE and a.in_transaction and a.table in recreated
            else a
            for a in actions
        ]

    def _rename_in_view(self, relation: str, node: ast.RenameStmt) -> None:
        names = self._view_outputs.pop(relation, None)
        if names and node.renameType == enums.ObjectType.OBJECT_COLUMN:
            self._view_outputs[relation] = tuple(node.newname if n == node.subname else n for n in names)

    def _indexes_on(self, table: str, column: str) -> tuple[str, ...]:
        """Known indexes with ``column`` as a key: ALTER COLUMN TYPE rebuilds them when the operator class changes
        (tablecmds.c ``TryReuseIndex`` → ``CheckIndexCompatible`` wants the same opclass; timestamp_ops and
        timestamptz_ops differ), whether or not the table is rewritten."""
        return tuple(sorted(i for i, keys in self._index_keys.items() if column in keys and self._on(i) == table))

    def _unmatched_indexes(self, parent: str, partition: str) -> tuple[str, ...]:
        """The parent's indexes the table being attached has no index with the same keys for: ATTACH PARTITION
        builds each on it under the lock (ddl.sgml, "Partition Maintenance": create the matching index first).
        A PRIMARY KEY's or UNIQUE constraint's index matches only an index backing a constraint of the table
        (tablecmds.c AttachPartitionEnsureIndexes): a plain unique index is not used, a new one is built."""
        keys_on = {keys for i, keys in self._index_keys.items() if self._on(i) == partition}
        constraint_keys_on = {
            keys for i, keys in self._index_keys.items() if self._on(i) == partition and i in self._constraint_indexes
        }
        parent_indexes = [i for i, keys in self._index_keys.items() if keys and self._on(i) == parent]
        if not parent_indexes or partition not in self._tables | self._new_tables or self._opaque:
            return ()
        if partition in self._like_indexes or partition in self._former_partitions:
            return ()
        return tuple(
            sorted(
                i
                for i in parent_indexes
                if self._index_keys[i] not in (constraint_keys_on if i in self._constraint_indexes else keys_on)
            )
        )

    def _on(self, index: str) -> str | None:
        return self._index_tables.get(index) or self._new_indexes.get(index)

    def _note_matview(self, node: ast.CreateTableAsStmt) -> None:
        if node.objtype == enums.ObjectType.OBJECT_MATVIEW:
            self._matviews[qualified(node.into.rel)] = not node.into.skipData

    def _note_unique_index(self, table: str, node: ast.IndexStmt) -> None:
        plain = node.whereClause is None and all(p.name for p in node.indexParams)
        if node.unique and plain:
            self._unique_indexed.add(table)
        if node.idxname:
            self._usable_for_constraint[f"{node.relation.schemaname or 'public'}.{node.idxname}"] = (
                None if node.unique and plain else "not unique" if not node.unique else "partial or on an expression"
            )

    def _constraint_index(self, table: str, constraint: ast.Constraint, name: str, column: str | None) -> None:
        """A PRIMARY KEY's or UNIQUE constraint's index, named after the constraint: built with it, or the index
        a USING INDEX names, renamed (index.c, ``index_constraint_create``)."""
        schema = table.split(".")[0]
        index = index_name(schema, name)
        self._constraint_indexes.add(index)
        keys = tuple(k.sval for k in constraint.keys or ()) or ((column,) if column else ())
        if constraint.indexname:
            used = index_name(schema, constraint.indexname)
            keys = self._index_keys.pop(used, keys)
            existing = self._index_tables.pop(used, None)
            self._new_indexes.pop(used, None)
            if existing:
                self._index_tables[index], self._index_keys[index] = existing, keys
                return
        if keys:
            self._new_indexes[index], self._index_keys[index] = table, keys

    def _using_index_fails(self, table: str, index: str) -> str | None:
        """Why ADD CONSTRAINT ... USING INDEX fails (index.c ``index_check_primary_key``, tablecmds.c
        ``ATExecAddIndexConstraint``): the index already backs a constraint, or is not unique, or is partial
        or on an expression."""
        if self._opaque:
            return None
        if index in self._constraint_indexes:
            return f'index "{index}" is already associated with a constraint'
        if why := self._usable_for_constraint.get(index):
            return f'index "{index}" cannot back a constraint: it is {why}'
        return None

    def _refresh_fails(self, view: str, concurrently: bool) -> str | None:
        populated = self._matviews.get(view)
        if populated is None or self._opaque:
            return None
        if not concurrently:
            self._matviews[view] = True
            return None
        if not populated:
            return f"CONCURRENTLY cannot be used when the materialized view {view} is not populated"
        if view not in self._unique_indexed:
            return (
                f'cannot refresh materialized view "{view}" concurrently: it needs a unique index on plain '
                "columns with no WHERE clause"
            )
        return None

    def _on_RefreshMatViewStmt(self, node: ast.RefreshMatViewStmt) -> Iterator[dict]:
        table = qualified(node.relation)
        fails = self._refresh_fails(table, bool(node.concurrent))
        if node.concurrent:
            # An EXCLUSIVE lock: reads of the view continue, and nothing writes to a materialized view.
            if fails:
                yield {"kind": Kind.STATEMENT, "table": None, "lock": None, "fails": fails}
            return
        yield {
            **rewrite_action(Kind.REFRESH_MATERIALIZED_VIEW, table, self._is_new(table), "REFRESH rebuilds the view"),
            "name": table,
        }

    def _on_AlterObjectSchemaStmt(self, node: ast.AlterObjectSchemaStmt) -> Iterator[dict]:
        """SET SCHEMA of a table or view renames it for the application: its queries name the old schema (or
        find it through search_path, which no longer does)."""
        kinds = (enums.ObjectType.OBJECT_TABLE, enums.ObjectType.OBJECT_VIEW, enums.ObjectType.OBJECT_MATVIEW)
        if node.objectType not in kinds or node.relation is None:
            return
        table, moved = qualified(node.relation), f"{node.newschema}.{node.relation.relname}"
        fails = None if node.missing_ok else self._missing_relation(table, "relation")
        self._renamed(table, moved)
        yield {
            "kind": Kind.RENAME_TABLE,
            "table": table,
            "lock": Lock.ACCESS_EXCLUSIVE,
            "target_is_new": self._is_new(table) or table in self._new_views,
            "new_name": moved,
            "fails": fails,
        }

    def _on_CreateSeqStmt(self, node: ast.CreateSeqStmt):
        bounds = sequence_bounds(node.options, None)
        if bounds is not None:
            self._sequences[qualified(node.sequence)] = bounds
        yield from ()

    def _on_CreateExtensionStmt(self, node: ast.CreateExtensionStmt):
        """An extension the server cannot install fails (extension.c: 0A000 ``extension "x" is not
        available``), IF NOT EXISTS or not: known from --dsn's pg_available_extensions."""
        available = self.known.available_extensions
        if available and node.extname not in available:
            yield {
                "kind": Kind.STATEMENT,
                "table": None,
                "lock": None,
                "fails": f'extension "{node.extname}" is not available: the server\'s pg_available_extensions '
                "does not list it (install its files on every server first)",
            }

    def _on_AlterSeqStmt(self, node: ast.AlterSeqStmt):
        name = qualified(node.sequence)
        old = self._sequences.get(name)
        if old is None or self._opaque:
            return
        new = sequence_bounds(node.options, old)
        if new is None:
            self._sequences.pop(name)
            return
        self._sequences[name] = new
        restart = next((o for o in node.options or () if o.defname == "restart"), None)
        fails = _sequence_fails(new, restart)
        if fails:
            yield {"kind": Kind.STATEMENT, "table": None, "lock": None, "fails": f"{fails} (sequence {name})"}


def output_names(query: ast.Node | None, aliases) -> tuple[str, ...] | None:
    """The column names a view's query gives (PostgreSQL's FigureColname for the plain cases), or None."""
    while isinstance(query, ast.SelectStmt) and query.op != enums.SetOperation.SETOP_NONE:
        query = query.larg
    if not isinstance(query, ast.SelectStmt) or not query.targetList:
        return None
    names = []
    for target in query.targetList:
        value = target.val
        if target.name:
            names.append(target.name)
        elif isinstance(value, ast.ColumnRef) and isinstance(value.fields[-1], ast.String):
            names.append(value.fields[-1].sval)
        elif isinstance(value, ast.FuncCall):
            names.append(value.funcname[-1].sval)
        else:
            return None
    given = [a.sval for a in aliases or ()]
    return (*given, *names[len(given) :])


def _number(option: ast.DefElem) -> int | None:
    arg = option.arg
    if isinstance(arg, ast.Integer):
        return arg.ival
    if isinstance(arg, (ast.Float, ast.String)):
        try:
            return int(arg.fval if isinstance(arg, ast.Float) else arg.sval)
        except ValueError:
            return None
    return None


def sequence_bounds(options, old: SequenceBounds | None) -> SequenceBounds | None:
    """The sequence's bounds after CREATE (``old`` None) or ALTER SEQUENCE; None when an option is not understood."""
    given = {o.defname: o for o in options or ()}
    type_name = old.type_name if old else "int8"
    if "as" in given:
        names = [n.sval for n in given["as"].arg.names]
        type_name = _TYPE_NAMES.get(names[-1], names[-1])
        if type_name not in _TYPE_LIMITS:
            return None
    increment = _number(given["increment"]) if "increment" in given else (old.increment if old else 1)
    if increment is None:
        return None
    low, high = _TYPE_LIMITS[type_name]
    old_low, old_high = old.limits() if old else (low, high)
    default_min, default_max = (1, high) if increment > 0 else (low, -1)
    minimum = _limit(given.get("minvalue"), old and old.minimum, default_min, old and old_low, low)
    maximum = _limit(given.get("maxvalue"), old and old.maximum, default_max, old and old_high, high)
    if minimum is None or maximum is None:
        return None
    start = _number(given["start"]) if "start" in given else (old.start if old else None)
    if start is None:
        start = minimum if increment > 0 else maximum
    if old is None:
        return SequenceBounds(type_name, increment, minimum, maximum, start)
    return replace(old, type_name=type_name, increment=increment, minimum=minimum, maximum=maximum, start=start)


def _limit(option, old, default, old_type_limit, type_limit) -> int | None:
    """MINVALUE or MAXVALUE after the statement: given, NO (the default), or kept; a bound that was the old type's
    limit follows a new AS type (sequence.c)."""
    if option is not None:
        return _number(option) if option.arg is not None else default
    if old is None:
        return default
    if old == old_type_limit:
        return type_limit
    return old


def _sequence_fails(bounds: SequenceBounds, restart: ast.DefElem | None) -> str | None:
    # In the order sequence.c's init_params checks them: each bound against the type, then each other, then START.
    low, high = _TYPE_LIMITS[bounds.type_name]
    sql_type = next(name for name, internal in _TYPE_NAMES.items() if internal == bounds.type_name)
    for label, value in (("MAXVALUE", bounds.maximum), ("MINVALUE", bounds.minimum)):
        if not low <= value <= high:
            return f"{label} ({value}) is out of range for sequence data type {sql_type}"
    if bounds.minimum >= bounds.maximum:
        return f"MINVALUE ({bounds.minimum}) must be less than MAXVALUE ({bounds.maximum})"
    if bounds.start < bounds.minimum:
        return f"START value ({bounds.start}) cannot be less than MINVALUE ({bounds.minimum})"
    if bounds.start > bounds.maximum:
        return f"START value ({bounds.start}) cannot be greater than MAXVALUE ({bounds.maximum})"
    value = bounds.start if restart is None or restart.arg is None else _number(restart)
    if restart is None or value is None:
        return None
    if value < bounds.minimum:
        return f"RESTART value ({value}) cannot be less than MINVALUE ({bounds.minimum})"
    if value > bounds.maximum:
        return f"RESTART value ({value}) cannot be greater than MAXVALUE ({bounds.maximum})"
    return None
