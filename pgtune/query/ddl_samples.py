"""What ANALYZE's sample and the partition bounds read so far say a statement will do: a CHECK that a
sampled row already breaks, a new partition whose rows sit in the DEFAULT partition, a DELETE or UPDATE
whose WHERE covers whole partitions or every sampled value.

A sample holds real rows, so a sampled value that breaks a CHECK proves the CHECK fails; the sample may
miss the one row that breaks it, so an unbroken sample proves nothing and nothing is said."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from pglast import ast, parse_sql
from pglast.parser import ParseError

from .ddl_ranges import admits, bound_range, comparisons, constant, covers_range, in_bound, value_of
from .ddl_series import UNSURE, compile_expr, row_resolver, text_of
from .ddl_state import ReaderState
from .ddl_types import ColumnType
from .ddl_values import bound_conflict, column_refs

_INTEGER_LIMITS = {"int2": 2**15 - 1, "int4": 2**31 - 1, "int8": 2**63 - 1}


def _normal(value: object) -> object:
    """A computed or constant value as a comparable key (``1``, ``1.0`` and ``'1'`` alike); None if not known."""
    text = value if isinstance(value, str) else text_of(value)
    return None if text is None else (value_of(text) or text)


class SampleReader(ReaderState):
    def _check(self, table: str, name: str) -> ast.Node | None:
        """The expression of CHECK ``name``: added by the files or history, or as the snapshot shows it."""
        if (table, name) in self._checks:
            return self._checks[(table, name)]
        definition = self.known.check_definitions.get((table, name))
        if not definition:
            return None
        try:
            statement = parse_sql(f"ALTER TABLE _t ADD CONSTRAINT _c {definition}")[0].stmt
        except ParseError:
            return None
        return statement.cmds[0].def_.raw_expr

    def _sampled(self, table: str, column: str) -> tuple[str, ...]:
        """Values of a pre-existing column ANALYZE sampled, unless the checked files changed the table since."""
        if self._is_new(table) or table in self._updated or (table, column) in self._added_columns:
            return ()
        return self.known.sampled_values.get((table, column), ())

    def _check_violated(self, table: str, expr: ast.Node | None) -> str | None:
        """Why validating CHECK ``expr`` fails: a value ANALYZE sampled from the table breaks it."""
        tests = comparisons(expr) or []
        for column in dict.fromkeys(t.column for t in tests):
            for text in self._sampled(table, column):
                value = value_of(text)
                if value is not None and admits(tests, column, value) is False:
                    return (
                        f"pg_stats (as of the last ANALYZE) sampled a row of {table} with {column} = {text}, "
                        "which the CHECK rejects"
                    )
        return self._inserted_violating(table, expr)

    def _inserted_violating(self, table: str, expr: ast.Node | None) -> str | None:
        """Why validating CHECK ``expr`` fails: a row the files inserted makes it false (NULL passes)."""
        columns = sorted(column_refs(expr))
        rows = self._computed(table, columns, absent=UNSURE) if columns and expr is not None else []
        values = {c: [self._typed(table, c, row[k]) for row in rows] for k, c in enumerate(columns)}
        verdict = compile_expr(expr, row_resolver(values.get))
        failing = next((i for i in range(len(rows)) if verdict(i) is False), None)
        if failing is None:
            return None
        shown = ", ".join(f"{c} = {text_of(values[c][failing]) or 'NULL'}" for c in columns)
        return (
            f"check constraint is violated by some row: the files inserted a row of {table} (constants, or computed "
            f"from INSERT ... SELECT over generate_series) with {shown}, which the CHECK rejects"
        )

    def _orphans(self, table: str, columns: list[str], referenced: str, keys: list[str]) -> str | None:
        """Why validating a foreign key fails: a computed row of ``table`` references a key that no row of
        ``referenced`` holds, every row of which the files wrote (constants or a computed series; MATCH SIMPLE:
        a row with a NULL in the key references nothing)."""
        key = self._missing_key(referenced, keys, self._computed(table, columns) or [], columns)
        if key is None:
            return None
        return (
            f"insert or update on table {table} violates foreign key constraint: the files inserted a row "
            f"with ({', '.join(columns)}) = ({', '.join(map(str, key))}), which no row of {referenced} "
            "holds (every row of it the files inserted is known)"
        )

    def _missing_key(
        self, referenced: str, keys: list[str], written: list[tuple], columns: list[str], also: list[tuple] = ()
    ) -> tuple | None:
        """The first of the ``written`` keys (values of ``columns``) that no row of ``referenced`` holds in
        ``keys``, every row of it known, nor ``also``; a key with a NULL or a value not known is skipped."""
        if not keys or len(keys) != len(columns):
            return None  # the referenced table's primary key is not tracked
        held = self._computed(referenced, keys, every=True)
        normal = [tuple(_normal(v) for v in key) for key in held or ()]
        if not held or any(None in key for key in normal):
            return None  # a table the files never filled is the application's to fill
        present = set(normal) | {tuple(_normal(v) for v in key) for key in also}
        for key in written:
            texts = tuple(_normal(v) for v in key)
            if None not in texts and texts not in present:
                return key
        return None

    def _computed_duplicate(self, table: str, keys: list[str]) -> str | None:
        """Why a UNIQUE index or constraint on ``keys`` fails: two computed rows share a key with no NULL in it
        (NULLs are distinct by default)."""
        seen: set[tuple] = set()
        for key in self._computed(table, keys):
            texts = tuple(text_of(v) for v in key)
            if any(t is None for t in texts):
                continue  # NULL, or a value not computed
            normal = tuple(value_of(t) or t for t in texts)
            if normal in seen:
                return (
                    f"could not create unique index: the files inserted ({', '.join(keys)}) = "
                    f"({', '.join(texts)}) into {table} more than once (constants, or computed from INSERT ... "
                    "SELECT over generate_series)"
                )
            seen.add(normal)
        return None

    def _default_violates(self, column: str, default: ast.Node | None, check: ast.Node | None) -> str | None:
        """Why ADD COLUMN fails: the constant default every existing row gets is one its CHECK rejects."""
        value, tests = constant(default), comparisons(check)
        if value is None or not tests or admits(tests, column, value) is not False:
            return None
        return f"the default every existing row of the new column {column} gets is rejected by its CHECK"

    def _narrowing_fails(self, table: str, column: str, new: ColumnType) -> str | None:
        """Why ALTER COLUMN ... TYPE fails: a sampled value does not fit the new integer type or length."""
        limit = _INTEGER_LIMITS.get(new.name)
        length = new.modifiers[0] if new.name in ("varchar", "bpchar") and new.modifiers else None
        if new.array or (limit is None and length is None):
            return None
        for text in self._sampled(table, column):
            if limit is not None:
                value = value_of(text)
                if value is not None and value[0] == "n" and not -limit - 1 <= value[1] <= limit:
                    return (
                        f"pg_stats (as of the last ANALYZE) sampled {table}.{column} = {text}, out of range for "
                        f"{new.name}"
                    )
            elif length is not None and len(text.rstrip() if new.name == "bpchar" else text) > length:
                return (
                    f"pg_stats (as of the last ANALYZE) sampled a {len(text)}-character value in {table}.{column}: "
                    f"too long for {new}"
                )
        return None

    def _new_partition(self, parent: str, partition: str, bound: ast.PartitionBoundSpec | None) -> str | None:
        """Record a new partition of ``parent``; why adding it fails: a sampled row of the DEFAULT partition
        belongs to the new bound (PostgreSQL scans the DEFAULT partition for such rows and refuses)."""
        if bound is None:
            return None
        if bound.is_default:
            if (default := self._default_partition.get(parent)) and not self._opaque:
                return f'partition "{partition}" conflicts with existing default partition "{default}"'
            self._default_partition[parent] = partition
            return None
        conflict = None if self._opaque else bound_conflict(bound, self._bounds.get(parent, []))
        if conflict:
            return f"{conflict} ({partition} of {parent})"
        self._bounds.setdefault(parent, []).append((partition, bound))
        default = self._default_partition.get(parent)
        keys = self._partition_keys.get(parent, ())
        if len(keys) != 1 or keys[0] is None:
            return None
        if outside := self._rows_outside(partition, keys[0], bound):
            return outside
        for text in self._sampled(partition, keys[0]):
            # ATTACH PARTITION of a table with rows: each must fall inside the bound.
            value = value_of(text)
            if value is not None and in_bound(bound, value) is False:
                return (
                    f"partition constraint of {partition} would be violated: pg_stats (as of the last ANALYZE) "
                    f"sampled a row with {keys[0]} = {text}, outside the bound"
                )
        if default is None:
            return None
        for text in self._sampled(default, keys[0]):
            value = value_of(text)
            if value is not None and in_bound(bound, value):
                return (
                    f"updated partition constraint for default partition {default} would be violated: pg_stats "
                    f"(as of the last ANALYZE) sampled a row with {keys[0]} = {text} there, inside the new bound"
                )
        return None

    def _step(self, table: str, column: str) -> object:
        """The gap between neighbouring values of a discrete column type, or None (continuous or unknown)."""
        column_type = self._type(table, column)
        if column_type is None or column_type.array:
            return None
        if column_type.name == "date":
            return timedelta(days=1)
        return Decimal(1) if column_type.name in _INTEGER_LIMITS else None

    def _covered(self, table: str, where: ast.Node | None) -> str:
        """Why a DELETE or UPDATE with ``where`` touches every row of something: the partitions whose whole
        range it covers, or (from pg_stats) every sampled value of the one column it tests. Empty if neither."""
        tests = comparisons(where)
        if not tests or len({t.column for t in tests}) != 1:
            return ""
        column = tests[0].column
        keys = self._partition_keys.get(table, ())
        if len(keys) == 1 and keys[0] == column:
            whole = [
                partition
                for partition, bound in self._bounds.get(table, ())
                # A partition the catalog says is empty loses nothing.
                if (span := bound_range(bound))
                and covers_range(tests, column, *span, step=self._step(table, column))
                and self.known.row_counts.get(partition) != 0
            ]
            if whole:
                return f"its WHERE on the partition key covers every row of partition(s) {', '.join(whole)}"
        stats = self._stats_say(table, column)
        span = self.known.sampled_ranges.get((table, column))
        if stats is None or stats[0] > 0 or span is None:
            return ""
        values = [value_of(v) for v in self._sampled(table, column)]
        if values and all(v is not None and admits(tests, column, v) for v in values):
            return (
                f"pg_stats (as of the last ANALYZE) sampled {column} from {span[0]} to {span[1]}, every sampled "
                "value inside its WHERE: it touches all or nearly all rows"
            )
        return ""
