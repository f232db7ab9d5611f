"""What the rows a table already holds say an UPDATE or INSERT writing into it does: an UPDATE re-checks every
row it writes against every CHECK of the table, NOT VALID ones included (a row that broke a NOT VALID CHECK
fails any UPDATE of it, whatever column the UPDATE sets; 23514), divides by a zero a row holds (22012) or
writes an integer its column cannot hold (22003); an INSERT of a key no row of the referenced table holds
breaks the foreign key (23503).

The rows are those the files inserted (constants, or computed from ``INSERT ... SELECT`` over
``generate_series``), judged row by row; a row the reader cannot compute is no claim. With ``--snapshot`` or
``--dsn`` an UPDATE of every row is judged against ANALYZE's sampled values, which are real rows: a sampled
value a CHECK rejects, or a sampled zero divisor, fails it (a sample may miss the bad row: silence proves
nothing). All verified on PostgreSQL 15."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from pglast import ast, enums

from .ddl_drawn import DrawnRowReader
from .ddl_model import Kind, KnownSchema
from .ddl_nodes import always_true, qualified
from .ddl_objects import _TYPE_LIMITS
from .ddl_samples import _normal
from .ddl_series import UNSURE, Batch, compile_expr, row_resolver, text_of
from .ddl_values import UNKNOWN, column_refs, equalities

_OUT_OF_RANGE = {"int2": "smallint", "int4": "integer", "int8": "bigint"}


class WriteRowReader(DrawnRowReader):
    def __init__(self, known: KnownSchema | None = None) -> None:
        super().__init__(known)
        self._do_guards: tuple = ()
        """The guards of the DO block being read (``ddl_do.Guard``)."""
        self._deferred: set[tuple[str, str]] = set()
        """(schema.table, constraint) of DEFERRABLE INITIALLY DEFERRED foreign keys: checked at COMMIT."""

    def _on_DoStmt(self, node: ast.DoStmt) -> Iterator[dict]:
        for guard in self._do_guards:
            holds = self._guard_holds(guard.condition)
            if holds is None:
                return  # what follows depends on a guard the reader cannot decide
            if holds:
                yield {
                    "kind": Kind.STATEMENT,
                    "table": None,
                    "lock": None,
                    "fails": f"the DO block raises {guard.message!r}: its guard (line {guard.line}) holds on "
                    "the schema and the rows the files inserted",
                }
                return

    def _guard_holds(self, condition: ast.Node) -> bool | None:
        """Whether ``[NOT] EXISTS (SELECT ... FROM t WHERE ...)`` is true: over a table whose rows the files
        inserted (some row matches; with every row known, none does), or over information_schema's columns and
        tables, from the schema (every column of the table known; the whole schema known from history)."""
        negated = isinstance(condition, ast.BoolExpr) and condition.boolop == enums.BoolExprType.NOT_EXPR
        if negated:
            condition = condition.args[0]
        if not (isinstance(condition, ast.SubLink) and condition.subLinkType == enums.SubLinkType.EXISTS_SUBLINK):
            return None
        select = condition.subselect
        sources = select.fromClause or () if isinstance(select, ast.SelectStmt) else ()
        if len(sources) != 1 or not isinstance(sources[0], ast.RangeVar) or select.groupClause or self._opaque:
            return None
        exists = self._catalog_exists(sources[0], select.whereClause)
        if exists is None and sources[0].schemaname in (None, "public"):
            exists = self._rows_exist(qualified(sources[0]), select.whereClause)
        return None if exists is None else exists != negated

    def _catalog_exists(self, relation: ast.RangeVar, where: ast.Node | None) -> bool | None:
        equal = equalities(where)
        if relation.schemaname != "information_schema" or equal is None:
            return None
        name = equal.get("table_name", "")
        table = f"{equal.get('table_schema', 'public')}.{name}"
        elsewhere = {t for t in (*self._tables, *self._new_tables) if t.split(".", 1)[-1] == name} - {table}
        if "table_schema" not in equal and elsewhere:
            return None  # a table of that name in another schema answers too
        if relation.relname == "columns" and "column_name" in equal and table in self._columns_of:
            return equal["column_name"] in self._columns_of[table]
        if relation.relname == "tables" and "column_name" not in equal and self._schema_from_history:
            return table in self._tables or table in self._new_tables or table in self._views
        return None

    def _rows_exist(self, table: str, where: ast.Node | None) -> bool | None:
        """True when a row the files inserted matches; never False (the application may have written more)."""
        columns = sorted(column_refs(where))
        rows = self._computed(table, columns, absent=UNSURE)
        values = {c: [self._typed(table, c, row[k]) for row in rows] for k, c in enumerate(columns)}
        matches = compile_expr(where, row_resolver(values.get)) if where is not None else (lambda i: True)
        return True if any(matches(i) is True for i in range(len(rows))) else None

    def _note_foreign_key(self, table: str, constraint: ast.Constraint, column: str | None = None) -> None:
        """A CREATE TABLE's foreign key (``column``: declared on that column), unnamed ones under the name
        PostgreSQL chooses (``t_col_fkey``)."""
        if constraint.contype != enums.ConstrType.CONSTR_FOREIGN or constraint.pktable is None:
            return
        columns = [k.sval for k in constraint.fk_attrs or ()] or ([column] if column else [])
        referenced = qualified(constraint.pktable)
        keys = [k.sval for k in constraint.pk_attrs or ()] or self._primary_keys.get(referenced, [])
        name = constraint.conname or f"{table.split('.', 1)[1]}_{'_'.join(columns)}_fkey"
        self._foreign_keys[(table, name)] = (columns, referenced, keys)
        if constraint.initdeferred:
            self._deferred.add((table, name))

    def _inserted_orphan(self, table: str, rows: list[dict], batch: Batch | None) -> str | None:
        """Why an INSERT fails: a row it writes (a constant row, or one of a computed ``batch``) references a
        key no row of the referenced table holds, every row of which the files wrote (MATCH SIMPLE: a key with
        a NULL references nothing)."""
        for (on, name), (columns, referenced, keys) in self._foreign_keys.items():
            if on != table or (on, name) in self._deferred:
                continue
            written = [tuple(row.get(c, UNKNOWN) for c in columns) for row in rows]
            given = [batch.column(c) for c in columns] if batch is not None else [None]
            if all(v is not None for v in given):
                written.extend(zip(*given, strict=True))
            # The check runs after the statement: a row may reference one the same INSERT writes.
            key = self._missing_key(referenced, keys, written, columns, written if referenced == table else [])
            if key is not None:
                return (
                    f'insert or update on table {table} violates foreign key constraint "{name}": '
                    f"({', '.join(columns)}) = ({', '.join(map(str, key))}) is not present in {referenced} "
                    "(every row of it the files inserted is known)"
                )
        return None

    def _update_rows_fail(self, table: str, node: ast.UpdateStmt) -> str | None:
        """Why an UPDATE fails on a row the files inserted, or on a row ANALYZE sampled when it updates every
        row."""
        targets = [t for t in node.targetList or () if isinstance(t, ast.ResTarget) and t.name]
        checks = self._table_checks(table)
        needed = column_refs(node.whereClause) | {t.name for t in targets}
        for target in targets:
            needed |= column_refs(target.val)
        for check in checks.values():
            needed |= column_refs(check)
        columns = sorted(needed)
        rows = self._computed(table, columns, absent=UNSURE) if columns else []
        if rows:
            fails = self._rows_fail(table, node, targets, checks, columns, rows)
            if fails:
                return fails
        return self._sample_fails(table, node, targets, checks) if always_true(node.whereClause) else None

    def _table_checks(self, table: str) -> dict[str, ast.Node]:
        names = {n for t, n in self._checks if t == table} | {n for t, n in self.known.check_definitions if t == table}
        found = {n: self._check(table, n) for n in sorted(names) if n in self._constraints.get(table, {n})}
        return {n: c for n, c in found.items() if c is not None}

    def _rows_fail(self, table, node, targets, checks, columns, rows) -> str | None:
        old = {c: [self._typed(table, c, row[k]) for row in rows] for k, c in enumerate(columns)}
        resolve = row_resolver(old.get)
        matches = compile_expr(node.whereClause, resolve) if node.whereClause is not None else (lambda i: True)
        if fails := _divides_by_zero(node.whereClause, resolve, range(len(rows)), "WHERE"):
            return f"{fails} on a row of {table} the files inserted"
        new = dict(old)
        for target in targets:
            compiled = compile_expr(target.val, resolve)
            new[target.name] = [compiled(i) for i in range(len(rows))]
        matched = [i for i in range(len(rows)) if matches(i) is True]
        for target in targets:
            if fails := _divides_by_zero(target.val, resolve, matched, f"SET {target.name}"):
                return f"{fails} on a row of {table} the files inserted"
            if fails := self._overflows(table, target.name, new[target.name], matched):
                return fails
        written = row_resolver(new.get)
        for name, check in checks.items():
            verdict = compile_expr(check, written)
            failing = next((i for i in matched if verdict(i) is False), None)
            if failing is not None:
                shown = ", ".join(f"{c} = {text_of(new[c][failing])}" for c in sorted(column_refs(check)))
                return (
                    f'new row for relation {table} violates check constraint "{name}" ({shown}): an UPDATE '
                    "re-checks every row it writes, against NOT VALID CHECKs too (a row the files inserted)"
                )
        return None

    def _overflows(self, table: str, column: str, values: list, matched: list[int]) -> str | None:
        column_type = self._type(table, column)
        if column_type is None or column_type.array or column_type.name not in _OUT_OF_RANGE:
            return None
        low, high = _TYPE_LIMITS[column_type.name]
        for i in matched:
            number = int(values[i]) if isinstance(values[i], int | Decimal) else None
            if number is not None and not low <= number <= high:
                return (
                    f"{_OUT_OF_RANGE[column_type.name]} out of range: {table}.{column} would be set to {number} "
                    "in a row the files inserted"
                )
        return None

    def _sample_fails(self, table, node, targets, checks) -> str | None:
        """An UPDATE of every row: a sampled row a CHECK on columns it does not set rejects, or a sampled
        zero a division of the SET list meets, fails it."""
        set_columns = {t.name for t in targets}
        for name, check in checks.items():
            if not column_refs(check) & set_columns and (violated := self._check_violated(table, check)):
                return (
                    f'the UPDATE writes every row and re-checks each against check constraint "{name}" (NOT VALID '
                    f"ones too): {violated}"
                )
        for target in targets:
            for dividend, divisor in divisions(target.val):
                if not isinstance(divisor, ast.ColumnRef) or not self._never_null_operand(table, dividend):
                    continue
                column = divisor.fields[-1].sval if isinstance(divisor.fields[-1], ast.String) else ""
                if any(_normal(v) == _normal("0") for v in self._sampled(table, column)):
                    return (
                        f"division by zero: the UPDATE writes every row of {table} and pg_stats (as of the last "
                        f"ANALYZE) sampled a row with {column} = 0 (SET {target.name})"
                    )
        return None

    def _never_null_operand(self, table: str, node: ast.Node) -> bool:
        if isinstance(node, ast.A_Const):
            return not node.isnull
        if isinstance(node, ast.ColumnRef) and isinstance(node.fields[-1], ast.String):
            return self._never_null(table, node.fields[-1].sval)
        return False


def divisions(node: ast.Node | None) -> list[tuple[ast.Node, ast.Node]]:
    """(dividend, divisor) of each ``/`` and ``%`` the expression always evaluates: reached through operators
    and casts only (CASE, COALESCE and NULLIF may skip theirs)."""
    if isinstance(node, ast.TypeCast):
        return divisions(node.arg)
    if not (isinstance(node, ast.A_Expr) and node.kind == enums.A_Expr_Kind.AEXPR_OP):
        return []
    found = divisions(node.lexpr) + divisions(node.rexpr)
    if node.name[-1].sval in ("/", "%") and node.lexpr is not None:
        found.append((node.lexpr, node.rexpr))
    return found


def _divides_by_zero(node, resolve, rows, where: str) -> str | None:
    """A division whose divisor is zero and dividend not NULL in one of ``rows`` (a strict operator returns
    NULL on a NULL input without dividing)."""
    for dividend, divisor in divisions(node):
        top, bottom = compile_expr(dividend, resolve), compile_expr(divisor, resolve)
        for i in rows:
            value, by = top(i), bottom(i)
            if value is None or value is UNSURE or isinstance(by, bool) or not isinstance(by, int | Decimal):
                continue
            if by == 0:
                return f"division by zero ({where})"
    return None
