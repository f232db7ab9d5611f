"""What depends on what, as pg_depend records it, and the statements that drop or empty what is still used.

- DROP SEQUENCE fails (2BP01) while a column default calls nextval() of it (serial, ``DEFAULT nextval(...)``,
  an expression around one); an identity column's sequence is the column's own and cannot be dropped, CASCADE
  or not (dependency.c: "column ... requires it"). CASCADE drops the defaults, under ACCESS EXCLUSIVE.
- DROP TYPE / DROP DOMAIN fails (2BP01) while a column is of that type (or an array of it), or a domain is
  based on it; CASCADE drops those columns.
- DROP TABLE fails (2BP01) while a foreign key of another table references it; CASCADE drops those keys.
- TRUNCATE fails (0A000) when a table truncated with it does not include every table whose foreign key
  references it; CASCADE empties them too, and those referencing them (tablecmds.c, ExecuteTruncate).
- DELETE runs each referencing foreign key's action (ri_triggers.c): ON DELETE CASCADE deletes the
  referencing rows, SET NULL / SET DEFAULT updates them, NO ACTION and RESTRICT fail (23503) on a referenced
  row; every referencing row is touched when every row goes and the key columns are NOT NULL.

All checked on PostgreSQL 15. Only what the --history files, the checked files or the snapshot declared is
known; after a DO block, CALL or unknown function (``_opaque``) nothing is claimed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pglast import ast, enums

from .ddl_locks import Lock
from .ddl_model import Kind, KnownSchema, Reference
from .ddl_nodes import index_name, qualified
from .ddl_rows import RowReader
from .ddl_types import SERIAL_TYPES, type_of
from .ddl_values import literal

_DROPPED_TYPES = (enums.ObjectType.OBJECT_TYPE, enums.ObjectType.OBJECT_DOMAIN)


def _qualified_name(names: Iterable[ast.String]) -> str:
    parts = [n.sval for n in names]
    return f"{parts[0] if len(parts) > 1 else 'public'}.{parts[-1]}".lower()


def _called_sequences(expr: ast.Node | None) -> set[str]:
    """The sequences every ``nextval('name')`` inside ``expr`` names (the default depends on each)."""
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, ast.FuncCall) and node.funcname[-1].sval == "nextval" and node.args:
            name = literal(node.args[0])
            if name:
                found.add(name.lower() if "." in name else f"public.{name.lower()}")
        if isinstance(node, ast.Node):
            for attribute in node:
                walk(getattr(node, attribute))
        elif isinstance(node, tuple):
            for item in node:
                walk(item)

    walk(expr)
    return found


class DependencyReader(RowReader):
    """Dependencies of sequences, types and tables, and the drops, truncations and deletes they decide."""

    def __init__(self, known: KnownSchema | None = None) -> None:
        super().__init__(known)
        self._default_sequences: dict[tuple[str, str], set[str]] = {
            key: set(names) for key, names in self.known.default_sequences.items()
        }
        """(schema.table, column) → the sequences its default calls nextval() of."""
        self._identity_sequences: dict[str, tuple[str, str]] = {
            sequence: key for key, sequence in self.known.sequence_columns.items() if key in self.known.identity_columns
        }
        """schema.sequence → the identity column it belongs to."""
        self._reference_graph: dict[tuple[str, str], Reference] = {(r.table, r.name): r for r in self.known.references}
        """(referencing schema.table, constraint) → the foreign key."""

    # --- what the statements declare -------------------------------------------------------------------

    def _note_dependencies(self, table: str, column: ast.ColumnDef) -> None:
        """The sequences a new column's default or identity uses (serial: ``<table>_<column>_seq``)."""
        key = (table, column.colname)
        schema, relation = table.split(".", 1)
        implicit = f"{schema}.{relation}_{column.colname}_seq".lower()
        if type_of(column.typeName).name in SERIAL_TYPES:
            self._default_sequences[key] = {implicit}
        for constraint in column.constraints or ():
            if constraint.contype == enums.ConstrType.CONSTR_DEFAULT:
                self._default_sequences[key] = _called_sequences(constraint.raw_expr)
            elif constraint.contype == enums.ConstrType.CONSTR_IDENTITY:
                self._identity_sequences[self._identity_name(implicit, constraint.options)] = key

    @staticmethod
    def _identity_name(implicit: str, options) -> str:
        named = next((o for o in options or () if o.defname == "sequence_name"), None)
        return _qualified_name(named.arg) if named is not None else implicit

    def _note_reference(self, table: str, constraint: ast.Constraint, column: str | None, name: str | None) -> None:
        if constraint.pktable is None or not name:
            return
        columns = tuple(k.sval for k in constraint.fk_attrs or ()) or ((column,) if column else ())
        referenced = qualified(constraint.pktable)
        keys = tuple(k.sval for k in constraint.pk_attrs or ()) or tuple(self._primary_keys.get(referenced, ()))
        action = constraint.fk_del_action or "a"
        self._reference_graph[(table, name)] = Reference(table, name, columns, referenced, action, keys)
        if constraint.initdeferred:
            self._deferred.add((table, name))

    def _note_alter(self, table: str, cmd: ast.AlterTableCmd) -> Iterator[dict]:
        """What an ALTER TABLE subcommand changes in the dependencies (defaults, identities, keys, columns),
        and what DROP COLUMN ... CASCADE drops besides the column."""
        kind = enums.AlterTableType
        if cmd.subtype == kind.AT_DropColumn and cmd.behavior == enums.DropBehavior.DROP_CASCADE:
            yield from self._drop_in_use_by(f"column {cmd.name} of {table}", table, {cmd.name}, True)[1]
        if cmd.subtype == kind.AT_ColumnDefault:
            self._default_sequences[(table, cmd.name)] = _called_sequences(cmd.def_)
        elif cmd.subtype == kind.AT_DropIdentity:
            self._identity_sequences = {s: k for s, k in self._identity_sequences.items() if k != (table, cmd.name)}
        elif cmd.subtype == kind.AT_AddIdentity:
            schema, relation = table.split(".", 1)
            implicit = f"{schema}.{relation}_{cmd.name}_seq".lower()
            self._identity_sequences[self._identity_name(implicit, cmd.def_.options)] = (table, cmd.name)
        elif cmd.subtype == kind.AT_DetachPartition:
            self._leaves_parent(qualified(cmd.def_.name))
            self._former_partitions.add(qualified(cmd.def_.name))
        elif cmd.subtype == kind.AT_DropNotNull:
            self._not_null.discard((table, cmd.name))
        elif cmd.subtype == kind.AT_DropConstraint:
            self._reference_graph.pop((table, cmd.name), None)
        elif cmd.subtype == kind.AT_DropColumn:
            self._default_sequences.pop((table, cmd.name), None)
            self._identity_sequences = {s: k for s, k in self._identity_sequences.items() if k != (table, cmd.name)}
            self._reference_graph = {
                k: r for k, r in self._reference_graph.items() if not (r.table == table and cmd.name in r.columns)
            }

    def _leaves_parent(self, partition: str) -> None:
        """A detached or dropped partition's bound is free for a new partition."""
        for parent, bounds in self._bounds.items():
            bounds[:] = [(name, bound) for name, bound in bounds if name != partition]
            if self._default_partition.get(parent) == partition:
                del self._default_partition[parent]

    def _relation_dropped(self, table: str) -> None:
        """A dropped table takes its columns' defaults, identities and foreign keys with it, and its bound."""
        self._leaves_parent(table)
        self._default_sequences = {k: v for k, v in self._default_sequences.items() if k[0] != table}
        self._identity_sequences = {s: k for s, k in self._identity_sequences.items() if k[0] != table}
        self._reference_graph = {k: r for k, r in self._reference_graph.items() if table not in (r.table, r.referenced)}
        self._tables.discard(table)
        self._new_tables.discard(table)
        self._columns_of[table] = set()
        self._column_types = {k: v for k, v in self._column_types.items() if k[0] != table}

    # --- statements that drop or empty what others use -------------------------------------------------

    def _drop_in_use(self, node: ast.DropStmt) -> Iterator[dict]:
        """DROP SEQUENCE, TYPE or DOMAIN: fails while something depends on it; CASCADE drops the dependents."""
        cascade = node.behavior == enums.DropBehavior.DROP_CASCADE
        for names in node.objects:
            if isinstance(names, ast.TypeName):
                names = names.names
            name = _qualified_name(names)
            if node.removeType == enums.ObjectType.OBJECT_SEQUENCE:
                yield from self._drop_sequence(name, cascade)
            else:
                yield from self._drop_type(name.split(".")[-1], cascade)

    def _drop_sequence(self, sequence: str, cascade: bool) -> Iterator[dict]:
        owner = self._identity_sequences.get(sequence)
        users = sorted(k for k, called in self._default_sequences.items() if sequence in called)
        if self._opaque or not (owner or users):
            return
        if owner:
            fails = f"cannot drop sequence {sequence} because column {owner[1]} of table {owner[0]} requires it"
            yield {"kind": Kind.STATEMENT, "table": None, "lock": None, "fails": fails}
            return
        if not cascade:
            fails = (
                f"cannot drop sequence {sequence} because other objects depend on it (the default of "
                f"{', '.join(f'{t}.{c}' for t, c in users)}); use DROP ... CASCADE to drop the defaults too"
            )
            yield {"kind": Kind.STATEMENT, "table": None, "lock": None, "fails": fails}
            return
        for table, column in users:
            self._default_sequences.pop((table, column))
            yield {
                "kind": Kind.DROP_DEFAULT,
                "table": table,
                "lock": Lock.ACCESS_EXCLUSIVE,
                "target_is_new": self._is_new(table),
                "name": column,
                "reason": f"DROP SEQUENCE {sequence} CASCADE drops the default of {table}.{column}",
            }

    def _drop_type(self, type_name: str, cascade: bool) -> Iterator[dict]:
        columns = self._columns_using(type_name, arrays=True)
        domains = sorted(d for d, (base, _) in self._domains.items() if base.name == type_name)
        if self._opaque or not (columns or domains):
            return
        if not cascade:
            users = [f"column {c} of table {t}" for t, c in columns] + [f"domain {d}" for d in domains]
            fails = (
                f"cannot drop type {type_name} because other objects depend on it ({', '.join(users)}); "
                "use DROP ... CASCADE to drop them too"
            )
            yield {"kind": Kind.STATEMENT, "table": None, "lock": None, "fails": fails}
            return
        for table, column in columns:
            if table in self._columns_of:
                self._columns_of[table].discard(column)
            yield {
                "kind": Kind.DROP_COLUMN,
                "table": table,
                "lock": Lock.ACCESS_EXCLUSIVE,
                "target_is_new": self._is_new(table),
                "name": column,
                "reason": f"DROP TYPE {type_name} CASCADE drops the column",
            }

    def _drop_in_use_by(self, what: str, table: str, columns: set[str] | None, cascade: bool, spared=()) -> tuple:
        """Why dropping ``table`` (``columns`` None) or those of its columns fails (2BP01): a foreign key that
        references them, a view or a stored generated column that reads them; with CASCADE, the actions that
        drop those dependents instead. ``spared``: tables dropped by the same statement."""
        if self._opaque:
            return None, []
        found: list[tuple[str, dict]] = []
        for r in self._reference_graph.values():
            if r.referenced == table and r.table not in spared and (columns is None or columns & set(r.keys)):
                action = {"kind": Kind.ALTER_TABLE_OTHER, "table": r.table, "name": r.name}
                found.append((f"constraint {r.name} on table {r.table}", action))
        for view, used in sorted(self._view_columns.items()):
            if view not in spared and any(t == table and (columns is None or c in columns) for t, c in used):
                action = {"kind": Kind.DROP_TABLE, "table": view, "target_is_new": view in self._new_views}
                found.append((f"view {view}", action))
        for column in sorted(columns or ()):
            for generated in sorted(self._generated_reads.get((table, column), ())):
                action = {"kind": Kind.DROP_COLUMN, "table": table, "name": generated}
                found.append((f"column {generated} of table {table}", action))
        if not found:
            return None, []
        if not cascade:
            named = ", ".join(name for name, _ in found)
            return f"cannot drop {what} because other objects depend on it ({named}); CASCADE drops them too", []
        for _, action in found:
            if action["kind"] is Kind.DROP_TABLE:
                self._view_columns.pop(action["table"], None)
                self._views.discard(action["table"])
            elif action["kind"] is Kind.ALTER_TABLE_OTHER:
                self._reference_graph.pop((action["table"], action["name"]), None)
        return None, [
            {
                "target_is_new": self._is_new(a["table"]),
                **a,
                "lock": Lock.ACCESS_EXCLUSIVE,
                "reason": f"{what} CASCADE drops {name}",
            }
            for name, a in found
        ]

    def _drop_referenced(self, tables: list[str], cascade: bool) -> tuple[str | None, list[dict]]:
        """DROP TABLE of tables others depend on: why it fails, or with CASCADE what else it drops."""
        dropped: list[dict] = []
        for table in tables:
            fails, actions = self._drop_in_use_by(f"table {table}", table, None, cascade, spared=tables)
            if fails:
                return fails, []
            dropped.extend(actions)
        return None, dropped

    def _truncated(self, tables: list[str], cascade: bool) -> tuple[str | None, list[tuple[str, str]]]:
        """Why TRUNCATE fails (a referencing table left out), and each table it empties with why: those named,
        and with CASCADE every table whose foreign key references one emptied."""
        emptied = [(table, "") for table in tables]
        for table, _ in [] if self._opaque else emptied:
            for reference in self._referencing(table):
                if any(reference.table == t for t, _ in emptied):
                    continue
                if not cascade:
                    return (
                        f'cannot truncate a table referenced in a foreign key constraint: table "{reference.table}" '
                        f'references "{table}" (truncate it at the same time, or use TRUNCATE ... CASCADE)'
                    ), emptied
                emptied.append(
                    (reference.table, f"TRUNCATE ... CASCADE: its foreign key {reference.name} references {table}")
                )
        return None, emptied

    def _cascaded(self, table: str, whole: bool) -> tuple[dict, list[dict]]:
        """What a DELETE of ``table`` does through the foreign keys referencing it (``whole``: every row goes):
        the DELETE's own ``fails`` / ``may_fail`` (NO ACTION, RESTRICT) and the deletes or updates of the
        referencing tables (CASCADE, SET NULL, SET DEFAULT)."""
        verdict: dict = {}
        touched: list[dict] = []
        for reference in [] if self._opaque else self._referencing(table):
            held = all(self._never_null(reference.table, c) for c in reference.columns)
            every = whole and held and bool(reference.columns)
            if reference.on_delete in ("a", "r"):
                if every and self._holds_rows(reference.table):
                    verdict.setdefault(
                        "fails",
                        f'update or delete on table {table} violates foreign key constraint "{reference.name}" on '
                        f"table {reference.table}: every row of {table} goes, and every row of {reference.table} "
                        f"references one ({', '.join(reference.columns)} NOT NULL)",
                    )
                elif not self._known_empty(reference.table):
                    verdict.setdefault(
                        "may_fail",
                        f"foreign key {reference.name} of {reference.table} is ON DELETE "
                        f"{'RESTRICT' if reference.on_delete == 'r' else 'NO ACTION'}: the DELETE fails (23503) if a "
                        f"row of {reference.table} references a deleted row of {table} (--trace runs it)",
                    )
                continue
            deletes = reference.on_delete == "c"
            self._updated.add(reference.table)
            self._forget_rows(reference.table)
            touched.append(
                {
                    "kind": Kind.DELETE if deletes else Kind.UPDATE,
                    "table": reference.table,
                    "lock": Lock.ROW_EXCLUSIVE,
                    "target_is_new": self._is_new(reference.table),
                    "whole_table": every,
                    "reason": f"ON DELETE {'CASCADE' if deletes else 'SET NULL/DEFAULT'} of foreign key "
                    f"{reference.name}: the rows of {reference.table} referencing the deleted rows of {table} are "
                    f"{'deleted' if deletes else 'updated'} too",
                }
            )
        return verdict, touched

    def _known_empty(self, table: str) -> bool:
        if self._holds_rows(table):
            return False
        return self._is_new(table) or self.known.row_counts.get(table) == 0

    def _referencing(self, table: str) -> list[Reference]:
        return sorted(
            (r for r in self._reference_graph.values() if r.referenced == table and r.table != table),
            key=lambda r: (r.table, r.name),
        )

    def _holds_rows(self, table: str) -> bool:
        """The table is known to hold at least one row: the snapshot's count, or rows the files inserted."""
        return (self.known.row_counts.get(table) or 0) > 0 or bool(self._rows.get(table) or self._batches.get(table))

    def _nullable_in_partition(self, parent: str, partition: str) -> str | None:
        """Why ATTACH PARTITION fails (42804): a column NOT NULL in the parent is nullable in the table being
        attached (tablecmds.c MergeAttributesIntoExisting); a PRIMARY KEY makes its columns NOT NULL."""
        columns = self._columns_of.get(partition)
        if self._opaque or not columns or partition in self._former_partitions:
            return None
        implicit = {c for t, c in self._identity_sequences.values() if t == partition}
        for column in sorted(columns - implicit):
            serial = (column_type := self._type(partition, column)) is not None and column_type.name in SERIAL_TYPES
            if (parent, column) in self._not_null and (partition, column) not in self._not_null and not serial:
                return f'column "{column}" in child table {partition} must be marked NOT NULL (it is in {parent})'
        return None

    def _existing_index(self, table: str, node: ast.IndexStmt) -> dict | None:
        """CREATE INDEX of a name the schema already has: IF NOT EXISTS builds nothing (the SHARE lock on the
        table is still taken: utility.c locks it before index_create sees the name), else it fails (42P07)."""
        if not node.idxname or self._opaque:
            return None
        index = index_name(node.relation.schemaname, node.idxname)
        if self._index_table(index) is None:
            return None
        if not node.if_not_exists and not (self._schema_from_history or self.known.index_tables):
            return None
        return {
            "kind": Kind.CREATE_INDEX,
            "table": table,
            "lock": Lock.SHARE_UPDATE_EXCLUSIVE if node.concurrent else Lock.SHARE,
            "target_is_new": self._is_new(table),
            "concurrently": bool(node.concurrent),
            "name": node.idxname,
            "fails": None if node.if_not_exists else f'relation "{index}" already exists',
            "reason": f"index {index} already exists: IF NOT EXISTS builds nothing" if node.if_not_exists else "",
        }

    def _forget_index(self, index: str) -> None:
        self._new_indexes.pop(index, None)
        self._index_tables.pop(index, None)
        self._index_keys.pop(index, None)
