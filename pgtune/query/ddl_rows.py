"""What the rows an INSERT or UPDATE writes already say about it: values PostgreSQL refuses, read from the
constants of the statement and what the schema source declared.

- An enum accepts only its labels (22P02, ``invalid input value for enum``), a domain only values its CHECKs
  and its base type's length admit (23514, 22001), a table only rows its CHECKs admit.
- A GENERATED ALWAYS identity column takes a value only with OVERRIDING SYSTEM VALUE, a generated column
  never (428C9); an UPDATE may set either only to DEFAULT.
- A row of a partitioned table whose key no partition's bound accepts, with no DEFAULT partition, fails
  (23514, ``no partition of relation found for row``).
- A value the files already inserted into a single-column UNIQUE or PRIMARY KEY fails (23505).
- Rows filled from a sequence (serial, identity, ``DEFAULT nextval(...)``) past its MAXVALUE fail (2200H):
  the sequence's bounds and the values the history's INSERTs drew from it, or the catalog's last_value.
- A stored generated column reads other columns: changing one's type or dropping it fails (0A000, 2BP01).

Only constants are judged (``VALUES`` lists and ``SELECT`` constants over ``generate_series``); a DO block,
CALL or unknown function read so far (``_opaque``) may have changed anything, and then nothing is claimed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from pglast import ast, enums

from .ddl_locks import Lock
from .ddl_model import Kind, KnownSchema
from .ddl_nodes import qualified
from .ddl_objects import _TYPE_LIMITS, sequence_bounds
from .ddl_ranges import admits, comparisons, value_of
from .ddl_series import text_of
from .ddl_types import SERIAL_TYPES, ColumnType, type_of
from .ddl_values import (
    DEFAULT,
    UNKNOWN,
    bound_accepts,
    cell,
    column_refs,
    domain_check,
    folding,
    literal,
    nextval,
    reference_paths,
    row_count,
    same_value,
)
from .ddl_writes import WriteRowReader

_SERIAL_INTEGERS = {"smallserial": "int2", "serial2": "int2", "serial": "int4", "serial4": "int4"}
_SERIAL_INTEGERS |= {"bigserial": "int8", "serial8": "int8"}


class RowReader(WriteRowReader):
    def __init__(self, known: KnownSchema | None = None) -> None:
        super().__init__(known)
        self._enums: dict[str, list[str]] = {}
        self._domains: dict[str, tuple[ColumnType, tuple[ast.Node, ...]]] = {}
        self._always: set[tuple[str, str]] = set()
        """Columns PostgreSQL fills itself: GENERATED ALWAYS identity ("identity") and generated columns."""
        self._generated: dict[str, set[str]] = {}
        """schema.table → its generated columns."""
        self._generated_reads: dict[tuple[str, str], set[str]] = {}
        """(schema.table, column) → the stored generated columns whose expression reads it."""
        self._uniques: dict[str, set[str]] = {}
        self._read_tables: set[str] = set()

    # --- what the schema source declares ---------------------------------------------------------------

    def _on_CreateEnumStmt(self, node: ast.CreateEnumStmt) -> Iterator[dict]:
        self._enums[node.typeName[-1].sval.lower()] = [v.sval for v in node.vals or ()]
        self._new_enums.add(node.typeName[-1].sval.lower())
        yield from ()

    def _on_AlterEnumStmt(self, node: ast.AlterEnumStmt) -> Iterator[dict]:
        enum = node.typeName[-1].sval.lower()
        labels = self._enums.get(enum)
        if fails := self._label_fails(labels, node):
            yield {"kind": Kind.STATEMENT, "table": None, "lock": None, "fails": f"{fails} (enum {enum})"}
            return
        if labels is not None and node.newVal:
            if node.oldVal:
                labels[:] = [node.newVal if v == node.oldVal else v for v in labels]
            elif node.newVal not in labels:
                labels.append(node.newVal)
        if node.oldVal and enum not in self._new_enums:
            # RENAME VALUE: the running application's writes and comparisons of the old label fail (MG018).
            schema = node.typeName[0].sval if len(node.typeName) > 1 else "public"
            yield {
                "kind": Kind.RENAME_VALUE,
                "table": f"{schema}.{node.typeName[-1].sval}",
                "lock": None,
                "name": node.oldVal,
                "new_name": node.newVal,
            }

    def _label_fails(self, labels: list[str] | None, node: ast.AlterEnumStmt) -> str | None:
        """Why ADD VALUE or RENAME VALUE fails (pg_enum.c AddEnumLabel, RenameEnumLabel): the neighbour or
        the old label is not a label (22023), or the new one already is (42710) without IF NOT EXISTS, which
        skips before the neighbour is looked at."""
        if labels is None or self._opaque or not node.newVal:
            return None
        exists = node.newVal in labels
        if node.oldVal is None and exists and node.skipIfNewValExists:
            return None
        missing = node.oldVal if node.oldVal is not None else node.newValNeighbor
        if missing is not None and missing not in labels:
            return f'"{missing}" is not an existing enum label'
        if exists:
            return f'enum label "{node.newVal}" already exists'
        return None

    def _note_domain(self, node: ast.CreateDomainStmt) -> None:
        checks = tuple(c.raw_expr for c in node.constraints or () if c.contype == enums.ConstrType.CONSTR_CHECK)
        self._domains[node.domainname[-1].sval.lower()] = (type_of(node.typeName), checks)

    def _note_table(self, node: ast.CreateStmt) -> None:
        table = qualified(node.relation)
        self._read_tables.add(table)
        order: list[str] | None = []
        for element in node.tableElts or ():
            if isinstance(element, ast.ColumnDef) and order is not None:
                order.append(element.colname)
            elif isinstance(element, ast.TableLikeClause) and order is not None:
                # LIKE copies the source's columns in their order, where the element stands.
                copied = self._column_order.get(qualified(element.relation))
                order = None if copied is None else [*order, *copied]
        if not node.inhRelations and not node.ofTypename and order is not None:
            self._column_order[table] = tuple(order)
        if not node.inhRelations and not node.ofTypename:
            self._rows[table] = []
            self._all_rows_known.add(table)
        for element in node.tableElts or ():
            if isinstance(element, ast.Constraint) and element.contype in _UNIQUE_TYPES and len(element.keys) == 1:
                self._uniques.setdefault(table, set()).add(element.keys[0].sval)
            if isinstance(element, ast.Constraint) and element.contype == enums.ConstrType.CONSTR_PRIMARY:
                self._primary_keys[table] = [k.sval for k in element.keys or ()]

    def _note_column(self, table: str, column: ast.ColumnDef) -> None:
        """What a column definition (CREATE TABLE or ADD COLUMN) says about the values it takes."""
        key = (table, column.colname)
        column_type = type_of(column.typeName)
        for constraint in column.constraints or ():
            kind = constraint.contype
            if kind in _UNIQUE_TYPES:
                self._uniques.setdefault(table, set()).add(column.colname)
            if kind == enums.ConstrType.CONSTR_PRIMARY:
                self._primary_keys[table] = [column.colname]
            elif kind == enums.ConstrType.CONSTR_GENERATED:
                self._always.add(key)
                self._generated.setdefault(table, set()).add(column.colname)
                for read in column_refs(constraint.raw_expr):
                    self._generated_reads.setdefault((table, read), set()).add(column.colname)
            elif kind == enums.ConstrType.CONSTR_IDENTITY:
                if constraint.generated_when == "a":
                    self._always.add(key)
                self._implicit_sequence(key, column_type.name, constraint.options)
            elif kind == enums.ConstrType.CONSTR_DEFAULT and (sequence := nextval(constraint.raw_expr)):
                self._filled_by[key] = sequence
        if column_type.name in SERIAL_TYPES:
            self._implicit_sequence(key, _SERIAL_INTEGERS[column_type.name], None)

    def _implicit_sequence(self, key: tuple[str, str], type_name: str, options) -> None:
        """The sequence PostgreSQL makes for a serial or identity column (``<table>_<column>_seq``)."""
        schema, table = key[0].split(".", 1)
        name = f"{schema}.{table}_{key[1]}_seq"
        self._filled_by[key] = name
        if type_name not in _TYPE_LIMITS:
            return
        given = {o.defname for o in options or ()}
        bounds = sequence_bounds(options, None)
        if bounds is not None and "as" not in given:
            low, high = _TYPE_LIMITS[type_name]
            bounds = replace(
                bounds,
                type_name=type_name,
                maximum=bounds.maximum if "maxvalue" in given else (high if bounds.increment > 0 else -1),
                minimum=bounds.minimum if "minvalue" in given else (1 if bounds.increment > 0 else low),
            )
            if "start" not in given:
                bounds = replace(bounds, start=bounds.minimum if bounds.increment > 0 else bounds.maximum)
        if bounds is not None:
            self._sequences[name] = bounds

    def _used_by_generated(self, table: str, column: str, dropping: bool = False) -> str | None:
        """Why changing ``column``'s type (or dropping it without CASCADE) fails: a generated column reads it."""
        readers = self._generated_reads.get((table, column))
        if not readers or self._opaque:
            return None
        if dropping:
            return (
                f"cannot drop column {column} of {table} because generated column {sorted(readers)[0]} depends on "
                "it (DROP ... CASCADE drops that column too)"
            )
        return f"cannot alter type of a column used by a generated column ({table}.{column} is read by " + (
            f"{sorted(readers)[0]})"
        )

    def _folded_unique(self, node: ast.IndexStmt) -> str | None:
        """A UNIQUE index on an expression that maps distinct values to one (``lower(email)``): rows unique
        today may collide under it, and pg_stats has no statistics of an expression to say."""
        if not node.unique or self.known.row_counts.get(qualified(node.relation)) == 0:
            return None
        for param in node.indexParams:
            folded = folding(param.expr) if param.expr is not None else None
            if folded:
                return (
                    f"a UNIQUE index on {folded} fails if two existing rows are equal once folded (23505); "
                    "no schema source can rule it out: --probe counts them, --trace runs it"
                )
        return None

    # --- statements ---------------------------------------------------------------------------------------

    def _on_AlterSeqStmt(self, node: ast.AlterSeqStmt) -> Iterator[dict]:
        yield from super()._on_AlterSeqStmt(node)
        if any(o.defname == "restart" for o in node.options or ()):
            self._drawn[qualified(node.sequence)] = None  # where it restarts from is not counted here

    def _known_calls(self, node: ast.SelectStmt) -> Iterator[dict]:
        """Functions migration tools install that run DDL: diesel's ``diesel_manage_updated_at('t')`` creates
        a BEFORE UPDATE trigger on the table (diesel's initial setup migration), SHARE ROW EXCLUSIVE. A
        ``setval`` moves a sequence: what it can still give is no longer counted."""
        for target in node.targetList or ():
            call = target.val
            if not isinstance(call, ast.FuncCall) or not call.args:
                continue
            argument = literal(call.args[0])
            if call.funcname[-1].sval == "setval" and argument:
                self._set_position(argument.lower() if "." in argument else f"public.{argument.lower()}", call.args)
            if call.funcname[-1].sval == "diesel_manage_updated_at" and argument:
                table = argument if "." in argument else f"public.{argument}"
                yield {
                    "kind": Kind.CREATE_TRIGGER,
                    "table": table,
                    "lock": Lock.SHARE_ROW_EXCLUSIVE,
                    "target_is_new": self._is_new(table),
                    "name": "set_updated_at",
                    "reason": "diesel_manage_updated_at creates a trigger on the table",
                }

    def _trigger_fails(self, node: ast.CreateTrigStmt) -> str | None:
        """A BEFORE ROW trigger's WHEN may not read NEW of a generated column, nor the whole NEW row of a table
        that has one (trigger.c: PostgreSQL computes them after BEFORE triggers run; 0A000)."""
        generated = self._generated.get(qualified(node.relation))
        before_row = node.row and node.timing & enums.TRIGGER_TYPE_BEFORE
        if self._opaque or not (generated and before_row and node.whenClause):
            return None
        for path in reference_paths(node.whenClause):
            if path[0] != "new":
                continue
            if len(path) == 1 or path[1] == "*":
                return (
                    "BEFORE trigger's WHEN condition cannot reference NEW generated columns: it reads the whole "
                    f"NEW row and {qualified(node.relation)} has generated column {sorted(generated)[0]}"
                )
            if path[1] in generated:
                return f"BEFORE trigger's WHEN condition cannot reference NEW generated columns ({path[1]})"
        return None

    def _insert_fails(self, node: ast.InsertStmt) -> str | None:
        table = qualified(node.relation)
        rows, count = self._inserted(table, node)
        batch = self._batch(table, node)
        count = len(batch) if batch is not None else count  # a cross product with unnest counts too
        filled = self._next_values(table, set(rows[0]) if rows else set())  # before this INSERT draws
        drawn = self._draw(table, node, count)
        if self._opaque:
            return None
        overriding = node.override == enums.OverridingKind.OVERRIDING_SYSTEM_VALUE
        # ON CONFLICT turns a duplicate into "do nothing" or an update: it cannot fail with 23505.
        arbitrated = node.onConflictClause is not None
        for row in rows:
            fails = self._row_fails(table, row, overriding, arbitrated)
            if fails:
                return fails
        if fails := self._inserted_orphan(table, rows, batch):
            return fails
        if batch is not None:
            self._batches.setdefault(table, []).append(batch)
        elif not (rows and count == len(rows)):
            self._all_rows_known.discard(table)
        known = self._rows.get(table)
        if known is not None:
            if rows and count == len(rows):
                known.extend(
                    {c: v for c, v in row.items() if v is not UNKNOWN}
                    | {c: str(first + step * i) for c, (first, step) in filled.items()}
                    for i, row in enumerate(rows)
                )
            elif batch is None:
                self._rows.pop(table)
        return drawn

    def _update_fails(self, node: ast.UpdateStmt) -> str | None:
        table = qualified(node.relation)
        for target in node.targetList or ():
            if (table, target.name) in self._always and not isinstance(target.val, ast.SetToDefault):
                return f'column "{target.name}" of {table} can only be updated to DEFAULT (PostgreSQL fills it)'
        return None if self._opaque or node.fromClause else self._update_rows_fail(table, node)

    def _inserted(self, table: str, node: ast.InsertStmt) -> tuple[list[dict], int | None]:
        """The rows an INSERT writes as column → text (``UNKNOWN`` where not a constant), and how many."""
        names = [c.name for c in node.cols or ()] or list(self._column_order.get(table, ()))
        select = node.selectStmt
        if not isinstance(select, ast.SelectStmt) or not names:
            return [], row_count(select)
        if select.valuesLists:
            lists = [list(values) for values in select.valuesLists]
        elif select.targetList and row_count(select) is not None:
            lists = [[t.val for t in select.targetList]]
        else:
            return [], row_count(select)
        rows = [dict(zip(names, (cell(v) for v in values), strict=False)) for values in lists]
        return rows, row_count(select)

    def _row_fails(self, table: str, row: dict, overriding: bool, arbitrated: bool) -> str | None:
        for column, value in row.items():
            if (table, column) in self._always and value is not DEFAULT and not overriding:
                return f'cannot insert a non-DEFAULT value into column "{column}" of {table} (PostgreSQL fills it)'
            if value is UNKNOWN or value is DEFAULT or value is None:
                continue
            fails = self._type_refuses(table, column, value) or (
                None if arbitrated else self._duplicate(table, column, value)
            )
            if fails:
                return fails
        for (on, name), check in self._checks.items():
            tests = comparisons(check) if on == table else None
            for column in {t.column for t in tests or ()}:
                text = row.get(column, UNKNOWN)
                value = value_of(text) if isinstance(text, str) else None
                if value is not None and admits(tests, column, value) is False:
                    return f'new row for {table} violates check constraint "{name}" ({column} = {text})'
        return self._unrouted(table, row)

    def _type_refuses(self, table: str, column: str, text: str) -> str | None:
        column_type = self._type(table, column)
        if column_type is None or column_type.array:
            return None
        labels = self._enums.get(column_type.name)
        if labels is not None and text not in labels:
            return f'invalid input value for enum {column_type.name}: "{text}" ({table}.{column})'
        domain = self._domains.get(column_type.name)
        if domain is None:
            return None
        base, checks = domain
        if base.name in ("varchar", "bpchar") and base.modifiers and len(text) > base.modifiers[0]:
            return f"value too long for type {base} of domain {column_type.name} ({table}.{column})"
        for check in checks:
            if domain_check(check, text) is False:
                return (
                    f"value for domain {column_type.name} violates its check constraint ({table}.{column} = '{text}')"
                )
        return None

    def _duplicate(self, table: str, column: str, text: str) -> str | None:
        if column not in self._uniques.get(table, ()) or table in self._updated:
            return None
        rows = self._rows.get(table) or ()
        computed = (text_of(v) for (v,) in self._computed(table, [column]))
        if any(same_value(r.get(column), text) for r in rows) or any(same_value(c, text) for c in computed):
            return f"duplicate key value: {table} already holds {column} = {text} (a UNIQUE or PRIMARY KEY column)"
        return None

    def _unrouted(self, table: str, row: dict) -> str | None:
        """A partitioned table's row that no partition accepts, with no DEFAULT partition (all partitions known)."""
        keys = self._partition_keys.get(table, ())
        bounds = self._bounds.get(table)
        if len(keys) != 1 or not bounds or table in self._default_partition or table not in self._read_tables:
            return None
        text = row.get(keys[0], UNKNOWN)
        if not isinstance(text, str):
            return None
        for _, bound in bounds:
            accepts = bound_accepts(bound, text)
            if accepts is not False:
                return None
        return f"no partition of relation {table} found for row ({keys[0]} = {text}) and it has no DEFAULT partition"

    def _enum_bound_fails(self, parent: str | None, bound: ast.PartitionBoundSpec | None) -> str | None:
        """A LIST partition's value that is not a label of the key column's enum."""
        keys = self._partition_keys.get(parent, ()) if parent else ()
        if bound is None or bound.strategy != "l" or len(keys) != 1 or keys[0] is None:
            return None
        for datum in bound.listdatums or ():
            text = literal(datum)
            if text is not None and (fails := self._type_refuses(parent, keys[0], text)):
                return fails
        return None

    def _default_scanned(self, parent: str, bound: ast.PartitionBoundSpec | None) -> str | None:
        """The DEFAULT partition a new partition of ``parent`` makes PostgreSQL read in full under ACCESS
        EXCLUSIVE (partbounds.c ``check_default_partition_contents``), unless it is known empty or a CHECK of
        its own may prove the new bound away (then PostgreSQL skips the scan; the reader cannot tell)."""
        default = self._default_partition.get(parent)
        if bound is None or bound.is_default or default is None or self._is_new(default):
            return None
        if self.known.row_counts.get(default) == 0 or default in self._checked_tables:
            return None
        return default

    def _rows_outside(self, partition: str, key: str, bound: ast.PartitionBoundSpec) -> str | None:
        """Why ATTACH PARTITION fails: a row the files inserted into the table lies outside the bound."""
        for row in self._rows.get(partition) or ():
            text = row.get(key)
            if isinstance(text, str) and bound_accepts(bound, text) is False:
                return (
                    f"partition constraint of {partition} is violated by a row the files inserted ({key} = {text}, "
                    "outside the bound)"
                )
        return None


_UNIQUE_TYPES = (enums.ConstrType.CONSTR_UNIQUE, enums.ConstrType.CONSTR_PRIMARY)
