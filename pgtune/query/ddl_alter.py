"""ALTER TABLE, subcommand by subcommand: the lock each takes, and whether it rewrites, scans or fails."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast, enums

from .ddl_locks import Lock
from .ddl_model import ConstraintType, Kind
from .ddl_nodes import (
    CONSTRAINT_TYPES,
    SHARE_UPDATE_EXCLUSIVE_SUBCOMMANDS,
    TRIGGER_SUBCOMMANDS,
    chosen_constraint_name,
    declares_not_null,
    index_name,
    is_null,
    light_options,
    not_null_column,
    plain_using,
    qualified,
    rewrite_action,
    volatile_call,
)
from .ddl_samples import SampleReader
from .ddl_types import SERIAL_TYPES, ColumnType, change_rewrites, timezone_dependent, type_of
from .ddl_values import column_refs

_SUFFIXES = {
    ConstraintType.CHECK: "_check",
    ConstraintType.UNIQUE: "_key",
    ConstraintType.PRIMARY_KEY: "_pkey",
    ConstraintType.FOREIGN_KEY: "_fkey",
    ConstraintType.EXCLUSION: "_excl",
}
"""The endings of the names PostgreSQL chooses for unnamed constraints (``ChooseConstraintName``)."""


class AlterTableReader(SampleReader):
    """ALTER TABLE and the column and constraint definitions CREATE TABLE shares with it."""

    def _references(self, table: str, constraints) -> Iterator[dict]:
        """Foreign keys of a new table lock each existing table they reference."""
        for constraint in constraints:
            if constraint.contype != enums.ConstrType.CONSTR_FOREIGN or constraint.pktable is None:
                continue
            referenced = qualified(constraint.pktable)
            if referenced != table and not self._is_new(referenced):
                yield {
                    "kind": Kind.REFERENCE_LOCK,
                    "table": referenced,
                    "lock": Lock.SHARE_ROW_EXCLUSIVE,
                    "name": constraint.conname,
                    "referenced_table": referenced,
                    "reason": f"a foreign key of {table} references it",
                    "fails": self._missing_relation(referenced, "relation"),
                }

    def _record_constraints(self, table: str, constraints, column: str | None = None) -> None:
        """Names of the constraints a CREATE TABLE, ADD COLUMN (``column``) or ADD CONSTRAINT declares."""
        for constraint in constraints:
            constraint_type = CONSTRAINT_TYPES.get(constraint.contype)
            if constraint_type is None:
                continue
            chosen = None if constraint.conname else chosen_constraint_name(table, constraint, column)
            self._named_constraint(table, constraint.conname, chosen or _SUFFIXES[constraint_type])
            if constraint_type is ConstraintType.FOREIGN_KEY:
                self._note_reference(table, constraint, column, constraint.conname or chosen)
            # A NOT VALID (or 18's NOT ENFORCED) CHECK is re-added as it is: it re-checks nothing until VALIDATE.
            if constraint_type is ConstraintType.CHECK and constraint.is_enforced and not constraint.skip_validation:
                reads = column_refs(constraint.raw_expr)
                self._check_reads[(table, constraint.conname or chosen or f"{column or ''}_check")] = reads
            keyed = constraint_type in (ConstraintType.PRIMARY_KEY, ConstraintType.UNIQUE)
            if keyed and (constraint.conname or chosen):
                self._constraint_index(table, constraint, constraint.conname or chosen, column)

    def _on_AlterTableStmt(self, node: ast.AlterTableStmt) -> Iterator[dict]:
        if node.objtype != enums.ObjectType.OBJECT_TABLE:
            return
        table = qualified(node.relation)
        missing = None if node.missing_ok else self._missing_relation(table, "relation")
        for cmd in node.cmds:
            fields = self._alter(table, cmd)
            cascaded = list(self._note_alter(table, cmd))
            if fields is not None:
                if missing:
                    fields, missing = {**fields, "fails": missing}, None
                yield {"table": table, "target_is_new": self._is_new(table), **fields}
            yield from cascaded
            if cmd.subtype == enums.AlterTableType.AT_AddConstraint and self._is_new(table):
                yield from self._references(table, [cmd.def_])

    def _alter(self, table: str, cmd: ast.AlterTableCmd) -> dict | None:
        kind = enums.AlterTableType
        subtype = cmd.subtype
        if subtype == kind.AT_AddColumn:
            exists = table in self._columns_of and cmd.def_.colname in self._columns_of[table]
            fields = self._add_column(table, cmd.def_)
            if exists and not cmd.missing_ok:
                return {**fields, "fails": f'column "{cmd.def_.colname}" of {table} already exists'}
            return fields
        if subtype == kind.AT_AlterColumnType:
            return self._alter_type(table, cmd.name, cmd.def_)
        if subtype == kind.AT_SetNotNull:
            fails = self._missing_column(table, cmd.name) or self._holds_nulls(table, cmd.name)
            self._not_null.add((table, cmd.name))
            return {
                "kind": Kind.SET_NOT_NULL,
                "lock": Lock.ACCESS_EXCLUSIVE,
                "name": cmd.name,
                "scans": True,
                "has_not_null_check": (table, cmd.name) in self._not_null_checks,
                "fails": fails,
            }
        if subtype == kind.AT_AddConstraint:
            return self._add_constraint(table, cmd.def_)
        if subtype == kind.AT_ValidateConstraint:
            column = self._pending_checks.pop((table, cmd.name), None)
            if column:
                self._not_null_checks.add((table, column))
            self._checked_tables.add(table)
            validated = self._check(table, cmd.name)
            if validated is not None:
                self._check_reads[(table, cmd.name)] = column_refs(validated)
            reference = self._reference_graph.get((table, cmd.name))
            fails = self._missing_constraint(table, cmd.name) or self._check_violated(table, validated)
            if reference is not None:
                fails = fails or self._orphans(
                    table, list(reference.columns), reference.referenced, list(reference.keys)
                )
            return {
                "kind": Kind.VALIDATE_CONSTRAINT,
                "lock": Lock.SHARE_UPDATE_EXCLUSIVE,
                "name": cmd.name,
                "fails": fails,
            }
        if subtype == kind.AT_DropConstraint:
            fails = None if cmd.missing_ok else self._missing_constraint(table, cmd.name)
            self._constraints.get(table, set()).discard(cmd.name)
            self._check_reads.pop((table, cmd.name), None)
            return {"kind": Kind.ALTER_TABLE_OTHER, "lock": Lock.ACCESS_EXCLUSIVE, "name": cmd.name, "fails": fails}
        if subtype == kind.AT_DropColumn:
            missing = self._missing_column(table, cmd.name)
            if missing and cmd.missing_ok:
                # IF EXISTS of a column the table lacks: a notice, nothing dropped, the lock still taken.
                return {"kind": Kind.ALTER_TABLE_OTHER, "lock": Lock.ACCESS_EXCLUSIVE, "name": cmd.name}
            fails = None if cmd.missing_ok else missing
            if cmd.behavior != enums.DropBehavior.DROP_CASCADE:
                fails = fails or self._drop_in_use_by(f"column {cmd.name} of {table}", table, {cmd.name}, False)[0]
            if table in self._columns_of:
                self._columns_of[table].discard(cmd.name)
            for key in [k for k, reads in self._check_reads.items() if k[0] == table and cmd.name in reads]:
                del self._check_reads[key]  # dropped with the column
            return {"kind": Kind.DROP_COLUMN, "lock": Lock.ACCESS_EXCLUSIVE, "name": cmd.name, "fails": fails}
        if subtype == kind.AT_SetExpression:
            if (table, cmd.name) in self._virtual_columns:
                return {"kind": Kind.SET_EXPRESSION, "lock": Lock.ACCESS_EXCLUSIVE, "name": cmd.name}
            reason = "SET EXPRESSION computes the stored generated column again for every row"
            return {**rewrite_action(Kind.SET_EXPRESSION, table, False, reason), "name": cmd.name}
        if subtype in (kind.AT_SetLogged, kind.AT_SetUnLogged):
            to, wanted = ("LOGGED", "p") if subtype == kind.AT_SetLogged else ("UNLOGGED", "u")
            # A table that already has that persistence is left as it is (tablecmds.c, ATPrepChangePersistence).
            kept = table not in self._partitioned and self._persistence.get(table) == wanted
            if table in self._persistence:
                self._persistence[table] = wanted
            return {
                **rewrite_action(Kind.SET_PERSISTENCE, table, False, f"SET {to} copies the table"),
                "rewrites": not kept,
                "new_name": to.lower(),
            }
        if subtype in SHARE_UPDATE_EXCLUSIVE_SUBCOMMANDS or (
            subtype in (kind.AT_SetRelOptions, kind.AT_ResetRelOptions) and light_options(cmd.def_)
        ):
            return {"kind": Kind.ALTER_TABLE_OTHER, "lock": Lock.SHARE_UPDATE_EXCLUSIVE, "name": cmd.name}
        if subtype in TRIGGER_SUBCOMMANDS:
            return {"kind": Kind.ALTER_TABLE_OTHER, "lock": Lock.SHARE_ROW_EXCLUSIVE, "name": cmd.name}
        if subtype == kind.AT_AttachPartition:
            partition = qualified(cmd.def_.name)
            self._constraints.pop(partition, None)  # it inherits the parent's constraints under their names
            fields = {
                "kind": Kind.ATTACH_PARTITION,
                "lock": Lock.SHARE_UPDATE_EXCLUSIVE,
                "name": partition,
                "scans": not (self._is_new(partition) or partition in self._checked_tables),
                "builds_indexes": () if self._is_new(partition) else self._unmatched_indexes(table, partition),
                "scans_default": self._default_scanned(table, cmd.def_.bound),
            }
            fails = self._nullable_in_partition(table, partition)
            return {**fields, "fails": fails or self._new_partition(table, partition, cmd.def_.bound)}
        if subtype == kind.AT_DetachPartition:
            fails = None
            if cmd.def_.concurrent and table in self._default_partition:  # tablecmds.c, ATExecDetachPartition
                fails = f"cannot detach partitions concurrently when a default partition exists ({table} has one)"
            if self._default_partition.get(table) == qualified(cmd.def_.name):
                del self._default_partition[table]
            return {
                "kind": Kind.DETACH_PARTITION,
                "lock": Lock.SHARE_UPDATE_EXCLUSIVE if cmd.def_.concurrent else Lock.ACCESS_EXCLUSIVE,
                "name": qualified(cmd.def_.name),
                "concurrently": bool(cmd.def_.concurrent),
                "fails": fails,
            }
        return {"kind": Kind.ALTER_TABLE_OTHER, "lock": Lock.ACCESS_EXCLUSIVE, "name": cmd.name}

    def _note_virtual(self, table: str, column: ast.ColumnDef) -> None:
        """A virtual generated column (18+) is computed when read: changing its expression rewrites nothing."""
        self._note_column(table, column)
        self._note_dependencies(table, column)
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
        elif default is not None and (volatile := volatile_call(default)):
            reason = f"the default calls {volatile}(), which is volatile: every row gets its own value"
        elif column_type.name.lower() in self._constrained_domains:
            reason = f"domain {column_type.name} has constraints: every row's value is checked as it is written"
        self._added_columns.add((table, column.colname))
        self._record_constraints(table, constraints, column.colname)
        if table in self._columns_of:
            self._columns_of[table].add(column.colname)
        if declares_not_null(constraints):
            self._not_null.add((table, column.colname))
        fills = bool(reason) or column_type.name in SERIAL_TYPES
        not_null = declares_not_null(constraints)
        fails = None
        if not_null and (default is None or is_null(default)) and not fills and not self._empty(table):
            fails = f"ADD COLUMN {column.colname} NOT NULL without a default fails on a table that has rows"
        # A CHECK declared with the column is validated against every existing row in ALTER TABLE's last phase
        # (tablecmds.c, ATRewriteTables: "verifying table"), under the ACCESS EXCLUSIVE lock; a column constraint
        # cannot be NOT VALID. A constant default every row gets is checked too.
        checks = [
            c.raw_expr
            for c, after in zip(constraints, (*constraints[1:], None), strict=False)
            # 18's NOT ENFORCED follows the constraint it applies to; such a CHECK is never validated.
            if c.contype == enums.ConstrType.CONSTR_CHECK
            and not (after is not None and after.contype == enums.ConstrType.CONSTR_ATTR_NOT_ENFORCED)
        ]
        if not self._empty(table):
            rejected = (self._default_violates(column.colname, default, c) for c in checks)
            fails = fails or next(filter(None, rejected), None)
        return {
            "kind": Kind.ADD_COLUMN,
            "lock": Lock.ACCESS_EXCLUSIVE,
            "name": column.colname,
            "rewrites": bool(reason),
            "scans": bool(checks) and not self._empty(table),
            "constraint_type": ConstraintType.CHECK if checks else None,
            "reason": reason,
            "new_type": str(column_type),
            "fails": fails,
            "referenced_table": next(
                (qualified(c.pktable) for c in constraints if c.contype == enums.ConstrType.CONSTR_FOREIGN), None
            ),
        }

    def _empty(self, table: str) -> bool:
        return self._is_new(table) or self.known.row_counts.get(table) == 0

    def _alter_type(self, table: str, name: str, column: ast.ColumnDef) -> dict:
        new = type_of(column.typeName)
        old = self._column_types.get((table, name))
        if old is None and (known := self.known.column_types.get((table, name))):
            old = ColumnType.parse(known)
        missing = self._missing_column(table, name) or self._used_by_view(table, name)
        missing = missing or self._used_by_generated(table, name)
        if missing is None and column.raw_default is None and (old is None or old != new):
            missing = self._narrowing_fails(table, name, new)
        zoned = False
        using = column.raw_default is not None and not plain_using(column.raw_default, name, column.typeName)
        rewrites = change_rewrites(old, new, using=using)
        rechecks = self._checks_reading(table, name) if rewrites is False and not self._empty(table) else ()
        self._column_types[(table, name)] = new
        if using:
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
            "builds_indexes": self._indexes_on(table, name) if zoned else (),
            "scans": bool(rechecks),
            "rechecks": rechecks,
        }

    def _checks_reading(self, table: str, column: str) -> tuple[str, ...]:
        """CHECKs of ``table`` that read ``column``: ALTER COLUMN TYPE drops and re-adds each, and without a
        rewrite to check them during, validates each against every row (of each partition) under its ACCESS
        EXCLUSIVE lock (tablecmds.c, ATPostAlterTypeCleanup; ``verifying table`` at DEBUG1)."""
        names = {n for (t, n), reads in self._check_reads.items() if t == table and column in reads}
        for t, n in self.known.check_definitions:
            definition = self.known.check_definitions[(t, n)]
            if t != table or (t, n) in self._check_reads or n not in self._constraints.get(t, {n}):
                continue  # declared by the files (read above), or dropped by them
            if definition.rstrip().upper().endswith("NOT VALID"):
                continue
            if column in column_refs(self._check(t, n)):
                names.add(n)
        return tuple(sorted(names))

    def _add_constraint(self, table: str, constraint: ast.Constraint) -> dict:
        constraint_type = CONSTRAINT_TYPES.get(constraint.contype)
        # A NOT ENFORCED CHECK or foreign key (18) is stored NOT VALID and never checks a row.
        enforceable = constraint_type in (ConstraintType.CHECK, ConstraintType.FOREIGN_KEY)
        not_valid = bool(constraint.skip_validation) or (enforceable and not constraint.is_enforced)
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
        fails = None
        if constraint_type is ConstraintType.CHECK:
            self._checks[(table, constraint.conname)] = constraint.raw_expr
            if not not_valid:
                fails = self._check_violated(table, constraint.raw_expr)
            column = not_null_column(constraint.raw_expr)
            if not_valid:
                self._pending_checks[(table, constraint.conname)] = column
            else:
                self._checked_tables.add(table)
                if column:
                    self._not_null_checks.add((table, column))
        referenced = qualified(constraint.pktable) if constraint.pktable is not None else None
        lock = Lock.SHARE_ROW_EXCLUSIVE if constraint_type is ConstraintType.FOREIGN_KEY else Lock.ACCESS_EXCLUSIVE
        using_index = bool(constraint.indexname)
        scans = not not_valid and not using_index
        if using_index and constraint_type is ConstraintType.PRIMARY_KEY:
            # A primary key makes its columns NOT NULL: a scan under ACCESS EXCLUSIVE unless they already are.
            keys = self._index_keys.get(index_name(table.split(".")[0], constraint.indexname))
            scans = keys is None or any((table, key) not in self._not_null for key in keys)
        if using_index:
            fails = self._using_index_fails(table, index_name(table.split(".")[0], constraint.indexname))
        if constraint.indexname and not constraint.conname:
            self._named_constraint(table, constraint.indexname, "")
            self._constraint_index(table, constraint, constraint.indexname, None)
        else:
            self._record_constraints(table, [constraint])
        if referenced is not None:
            fails = self._missing_relation(referenced, "relation")
            keys = [k.sval for k in constraint.pk_attrs or ()] or self._primary_keys.get(referenced, [])
            if not not_valid:
                fails = fails or self._orphans(table, [k.sval for k in constraint.fk_attrs or ()], referenced, keys)
        if constraint_type is ConstraintType.PRIMARY_KEY and not using_index:
            self._primary_keys[table] = [k.sval for k in constraint.keys or ()]
        if constraint_type in (ConstraintType.UNIQUE, ConstraintType.PRIMARY_KEY) and not using_index:
            fails = self._unique_fails(table, [k.sval for k in constraint.keys or ()])
            if constraint_type is ConstraintType.PRIMARY_KEY and fails is None and len(constraint.keys or ()) == 1:
                fails = self._holds_nulls(table, constraint.keys[0].sval)
        partitioned_fk = constraint_type is ConstraintType.FOREIGN_KEY and not_valid and self._partitioned_table(table)
        return {
            "first_release": (180000, "a NOT VALID foreign key on a partitioned table") if partitioned_fk else None,
            "kind": Kind.ADD_CONSTRAINT,
            "lock": lock,
            "name": constraint.conname,
            "constraint_type": constraint_type,
            "not_valid": not_valid,
            "using_index": using_index,
            "referenced_table": referenced,
            "scans": scans,
            "fails": fails,
        }

    def _holds_nulls(self, table: str, column: str) -> str | None:
        """Why making ``column`` NOT NULL fails: ANALYZE's sample held NULLs and no statement since changed it."""
        stats = self._stats_say(table, column)
        if stats is None or stats[0] <= 0 or (table, column) in self._not_null_checks:
            return None  # a validated CHECK (column IS NOT NULL) proves the statistics stale
        return f"pg_stats (as of the last ANALYZE) shows {table}.{column} NULL in {100 * stats[0]:.2g} % of rows"

    def _unique_fails(self, table: str, keys: list[str | None]) -> str | None:
        """Why a unique index on ``keys`` cannot be built: a partition key column left out, a json key, or (one
        plain column) repeated values."""
        partition_key = self._partition_keys.get(table) if self._partitioned_table(table) else None
        if partition_key is not None and not all(k is not None and k in keys for k in partition_key):
            return (
                f"a unique index or constraint on partitioned table {table} must include every partition key "
                f"column ({', '.join(k or '(expression)' for k in partition_key)})"
            )
        plain = [k for k in keys if k is not None]
        if len(plain) != len(keys):
            return None
        single = self._duplicates(table, plain[0]) if len(plain) == 1 else None
        return self._json_key(table, plain) or single or self._computed_duplicate(table, plain)

    def _json_key(self, table: str, keys: list[str]) -> str | None:
        json = [k for k in keys if (t := self._type(table, k)) is not None and t.name == "json" and not t.array]
        if not json:
            return None
        return f"data type json has no default operator class for access method btree ({table}.{json[0]}; use jsonb)"
