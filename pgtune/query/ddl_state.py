"""What the reader knows of the schema: the known schema given, plus what the files read so far created."""

from __future__ import annotations

from .ddl_model import KnownSchema
from .ddl_series import Batch, typed
from .ddl_types import ColumnType


class ReaderState:
    """Tables, columns, indexes and NOT NULL facts, and which of them the checked files created."""

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
        self._views: set[str] = set(self.known.views or ())
        self._schema_from_history = False
        self._tool = ""
        self._opaque = False
        """A statement read so far may create tables the reader cannot see (DO, CALL, a function call, a
        foreign table, a part that did not parse): absence is no longer provable."""
        """History files built the schema: every table and view is known, so naming a missing one fails."""
        self._rows: dict[str, list[dict[str, str | None]]] = {}
        """Tables whose every row the files inserted as constants → those rows (column → text, None: NULL)."""
        self._batches: dict[str, list[Batch]] = {}
        """schema.table → the rows INSERT ... SELECT over generate_series wrote into it, as functions of g."""
        self._primary_keys: dict[str, list[str]] = {}
        """schema.table → its PRIMARY KEY columns, for keys the files declared (what a bare REFERENCES names)."""
        self._all_rows_known: set[str] = set()
        """Tables created by the files read whose every INSERT since was constants or a computed series."""
        self._updated: set[str] = set()
        """Tables an UPDATE or DELETE of the checked files changed: their pg_stats no longer say what they hold."""
        self._constraints: dict[str, set[str]] = {t: set(n) for t, n in self.known.constraint_names.items()}
        """Tables whose every constraint name is known (created in the files read, or listed by a snapshot)."""
        self._unnamed: dict[str, set[str]] = {}
        """schema.table → names PostgreSQL chose for its unnamed constraints (``t_qty_check``), or only their
        ending (``_check``) where the reader cannot tell the whole name."""
        self._checks: dict[tuple[str, str], object] = {}
        """(schema.table, constraint) → the CHECK's parse tree, for CHECKs the files or history added."""
        self._persistence: dict[str, str] = {}
        """schema.table → ``p`` (logged) or ``u`` (unlogged), for tables the files or history created."""
        self._check_reads: dict[tuple[str, str], set[str]] = {}
        """(schema.table, constraint) → the columns a CHECK the files or history declared reads."""
        self._partition_keys: dict[str, tuple[str | None, ...]] = dict(self.known.partition_keys)
        self._bounds: dict[str, list[tuple[str, object]]] = {}
        """Partitioned schema.table → (partition, its FOR VALUES node) for partitions the files created."""
        self._default_partition: dict[str, str] = {}
        self._new_domains: set[str] = set()
        self._new_views: set[str] = set()
        """Views the checked files created (a view the history made already has readers)."""
        self._new_enums: set[str] = set()
        """Enum types the checked files created: no running code writes their values yet."""
        self._constrained_domains: set[str] = set()
        """Domains with a CHECK or NOT NULL: adding a column of one rewrites the table, whatever its default
        (tablecmds.c, ATExecAddColumn: no fast default when DomainHasConstraints; seen on 15 and 18)."""
        self._view_columns: dict[str, set[tuple[str, str]]] = {}
        """View or materialized view → the (schema.table, column) its query reads, for views the files created."""

    def settle(self) -> None:
        """Everything read so far is already applied (migration history): existing objects, not new ones."""
        self._schema_from_history = self._schema_from_history or bool(self._new_tables)
        self._index_tables.update(self._new_indexes)
        self._new_indexes.clear()
        self._tables.update(self._new_tables)
        self._new_tables.clear()
        self._new_views.clear()
        self._new_enums.clear()
        self._added_columns.clear()
        self._updated.clear()

    def _forget_rows(self, table: str) -> None:
        """An UPDATE, DELETE or TRUNCATE changed the table: the rows the files inserted say nothing any more."""
        self._rows.pop(table, None)
        self._batches.pop(table, None)
        self._all_rows_known.discard(table)

    def _computed(
        self, table: str, columns: list[str], every: bool = False, absent: object = None
    ) -> list[tuple] | None:
        """The values of ``columns`` in each row of ``table`` the files inserted as constants or computed (and
        of its partitions the files created); rows of a batch that left one of the columns to its default are
        not known, unless ``absent`` stands for such a value. ``every``: the values of every row the table
        holds, or None when some are not known."""
        if self._opaque or (every and (table not in self._all_rows_known or self._bounds.get(table))):
            return None if every else []
        # A column a constant row leaves out reads as ``absent`` (by default None, NULL: no claim is made from it).
        found: list[tuple] = [tuple(r.get(c, absent) for c in columns) for r in self._rows.get(table, ())]
        for name in (table, *(p for p, _ in self._bounds.get(table, ()))):
            for batch in self._batches.get(name, ()):
                values = [batch.column(c) for c in columns]
                if absent is not None and not every:
                    values = [[absent] * len(batch) if v is None else v for v in values]
                if all(v is not None for v in values):
                    found.extend(zip(*values, strict=True))
                elif every:
                    return None
        return found

    def _typed(self, table: str, column: str, value: object) -> object:
        """A constant row's text as the value its column holds (a number for a numeric column)."""
        column_type = self._type(table, column)
        if not isinstance(value, str) or column_type is None or column_type.array:
            return value
        return typed(column_type.name, value)

    def _index_table(self, index: str) -> str | None:
        return self._new_indexes.get(index) or self._index_tables.get(index)

    def _is_new(self, table: str | None) -> bool:
        return table in self._new_tables

    def _absent(self, table: str | None) -> bool:
        """The schema is known and has no such table (a ``DROP ... IF EXISTS`` of it does nothing)."""
        return bool(self._tables) and table not in self._tables and table not in self._new_tables

    def _views_known(self) -> bool:
        """Every view is known: history built the schema, or the live catalog listed them (and no statement read
        so far may have made one the reader cannot see)."""
        return self._schema_from_history or (self.known.views is not None and not self._opaque)

    def _partitioned_table(self, table: str) -> bool:
        return table in self._partitioned

    def _missing_column(self, table: str, column: str) -> str | None:
        """Why naming ``column`` fails: the table's columns are known and it has none of that name."""
        known = self._columns_of.get(table)
        if known is not None and column not in known:
            return f'column "{column}" of {table} does not exist'
        return None

    def _missing_relation(self, name: str, what: str) -> str | None:
        """Why naming table or view ``name`` fails: history built the whole schema and it has no such one."""
        if not self._schema_from_history or self._opaque:
            return None
        if name in self._tables or name in self._new_tables or name in self._views:
            return None
        return f'{what} "{name}" does not exist (the history files never create it)'

    def _type(self, table: str, column: str) -> ColumnType | None:
        known = self.known.column_types.get((table, column))
        return self._column_types.get((table, column)) or (ColumnType.parse(known) if known else None)

    def _never_null(self, table: str, column: str) -> bool:
        """Declared NOT NULL, or pg_stats saw no NULL in it (and no statement of the files changed it since)."""
        if (table, column) in self._not_null:
            return True
        return table not in self._updated and self.known.null_fractions.get((table, column)) == 0.0

    def _stats_say(self, table: str, column: str) -> tuple[float, float] | None:
        """pg_stats' (null_frac, n_distinct) of a pre-existing column the checked files have not changed."""
        key = (table, column)
        if self._is_new(table) or table in self._updated or key in self._added_columns:
            return None
        if key not in self.known.null_fractions or key not in self.known.distinct_values:
            return None
        return self.known.null_fractions[key], self.known.distinct_values[key]

    def _duplicates(self, table: str, column: str) -> str | None:
        """Why a UNIQUE index on ``column`` fails: ANALYZE's sample already held a value twice.

        analyze.c stores n_distinct = -(1 - null_frac) exactly when every sampled non-null value was
        distinct; any other value (a count, or a smaller fraction) means the sample repeated one."""
        stats = self._stats_say(table, column)
        if stats is None or stats[1] == 0:
            return None
        null_frac, n_distinct = stats
        if n_distinct < 0 and abs(-n_distinct - (1 - null_frac)) < 0.001:
            return None
        return (
            f"pg_stats (as of the last ANALYZE) shows repeated values in {table}.{column} (n_distinct {n_distinct:g})"
        )

    def _columns_using(self, type_name: str, arrays: bool = False) -> list[tuple[str, str]]:
        """(schema.table, column) of every known column of type ``type_name`` (a domain's name), and of an
        array of it when ``arrays``; columns since dropped are not."""
        named = {k: str(v) for k, v in self._column_types.items()}
        for key, text in self.known.column_types.items():
            named.setdefault(key, text)
        wanted = type_name.lower()
        found = []
        for (table, column), text in sorted(named.items()):
            name = text.split("(")[0].split(".")[-1].strip('"').lower()
            if arrays and name.endswith("[]"):
                name = name[:-2].strip('"')
            if name == wanted and column in self._columns_of.get(table, {column}):
                found.append((table, column))
        return found

    def _used_by_view(self, table: str, column: str) -> str | None:
        """Why changing ``column``'s type fails: a view or materialized view the files created reads it."""
        view = next((v for v, used in sorted(self._view_columns.items()) if (table, column) in used), None)
        if view is None:
            return None
        return f"cannot alter type of a column used by a view or rule ({table}.{column} is read by {view})"

    def _missing_constraint(self, table: str, name: str) -> str | None:
        """Why naming constraint ``name`` of ``table`` fails: every constraint of the table is known and none
        has that name, nor could a name PostgreSQL chose for an unnamed one (``<table>_<column>_check``) be it."""
        known = self._constraints.get(table)
        if known is None or name in known or self._opaque or name.endswith("_not_null"):
            return None
        for chosen in self._unnamed.get(table, ()):
            # A chosen name (``t_qty_check``, maybe numbered ``t_qty_check1`` after a clash), or only its ending.
            if chosen.startswith("_") and name.endswith(chosen):
                return None
            if name == chosen or (name.startswith(chosen) and name[len(chosen) :].isdigit()):
                return None
        return f'constraint "{name}" of relation {table} does not exist'

    def _named_constraint(self, table: str, name: str | None, suffix: str) -> None:
        if name:
            if table in self._constraints:
                self._constraints[table].add(name)
        else:
            self._unnamed.setdefault(table, set()).add(suffix)

    def _renamed(self, relation: str, new_name: str) -> None:
        """The table or view is known under its new name too (the old one stays: it may be only partly known);
        a qualified ``new_name`` is a move to another schema (SET SCHEMA)."""
        renamed = new_name if "." in new_name else f"{relation.split('.')[0]}.{new_name}"
        for known in (self._tables, self._new_tables, self._views, self._new_views):
            if relation in known:
                known.add(renamed)
        for by_table in (self._columns_of, self._constraints, self._unnamed, self._partition_keys):
            if relation in by_table:
                by_table[renamed] = by_table[relation]
