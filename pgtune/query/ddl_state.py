"""What the reader knows of the schema: the known schema given, plus what the files read so far created."""

from __future__ import annotations

from .ddl_model import KnownSchema
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
