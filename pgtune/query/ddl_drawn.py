"""Where each sequence stands and the rows INSERT ... SELECT over generate_series writes: the values a
sequence gives an INSERT (serial, identity, ``DEFAULT nextval(...)``) and how many it has left before
MAXVALUE (2200H), counted from its bounds, a ``setval`` of a constant and the rows the files drew, or from
the catalog's last_value; and the computed rows (``ddl_series``), kept per table for the rules that ask
what the table holds (``ddl_writes``: what an UPDATE of them does)."""

from __future__ import annotations

from dataclasses import replace

from pglast import ast

from .ddl_model import KnownSchema
from .ddl_objects import ObjectReader, SequenceBounds
from .ddl_series import Batch, compile_expr, series
from .ddl_values import literal


class DrawnRowReader(ObjectReader):
    def __init__(self, known: KnownSchema | None = None) -> None:
        super().__init__(known)
        self._column_order: dict[str, tuple[str, ...]] = {}
        self._filled_by: dict[tuple[str, str], str] = {}
        """(schema.table, column) → the sequence its default draws from."""
        self._drawn: dict[str, int | None] = {}
        """Sequence → values INSERTs of the files drew from it (None: an unknown number)."""
        self._positioned: set[str] = set()
        """Sequences a setval of a constant moved: their room is counted from there, not from the catalog."""
        self._filled_by.update(self.known.sequence_columns)

    def settle(self) -> None:
        super().settle()
        if self.known.sequence_room:
            # The catalog's last_value already counts what the history drew.
            self._drawn = {s: n for s, n in self._drawn.items() if s not in self.known.sequence_room}
            self._positioned -= set(self.known.sequence_room)

    def _set_position(self, sequence: str, args: list) -> None:
        """``setval(seq, n)`` makes the next value n + INCREMENT (n itself when is_called is false): the room
        is counted from there. A position not given as a constant leaves the room unknown."""
        bounds = self._sequences.get(sequence)
        value = literal(args[1]) if len(args) > 1 else None
        called = literal(args[2]) if len(args) > 2 else "true"
        if bounds is None or value is None or not value.lstrip("-").isdigit() or called not in ("true", "false"):
            self._drawn[sequence] = None
            return
        following = int(value) + (bounds.increment if called == "true" else 0)
        self._sequences[sequence] = replace(bounds, start=following)
        self._drawn[sequence] = 0
        self._positioned.add(sequence)

    def _batch(self, table: str, node: ast.InsertStmt) -> Batch | None:
        """The rows of ``INSERT ... SELECT ... FROM generate_series(...)``, as functions of the series value;
        a column a sequence fills (serial, identity, nextval default) takes the sequence's next values."""
        names = [c.name for c in node.cols or ()] or list(self._column_order.get(table, ()))
        found = series(node.selectStmt) if names and not node.onConflictClause else None
        if found is None or len(node.selectStmt.targetList or ()) != len(names):
            return None
        rows, resolve = found
        columns = {n: compile_expr(t.val, resolve) for n, t in zip(names, node.selectStmt.targetList, strict=True)}
        return Batch(rows, columns, self._next_values(table, set(columns)))

    def _next_values(self, table: str, given: set[str]) -> dict[str, tuple[int, int]]:
        """Columns of ``table`` an INSERT leaves to a sequence it fills from → (the first value it takes, the
        step), where the sequence's position is known (before this INSERT draws from it)."""
        found = {}
        for (on, column), sequence in self._filled_by.items():
            bounds, before = self._sequences.get(sequence), self._drawn.get(sequence, 0)
            if on == table and column not in given and bounds is not None and before is not None:
                found[column] = (bounds.start + bounds.increment * before, bounds.increment)
        return found

    def _draw(self, table: str, node: ast.InsertStmt, count: int | None) -> str | None:
        """Draw the INSERT's rows from the sequences that fill its columns; why that passes MAXVALUE."""
        given = {c.name for c in node.cols or ()} if node.cols else set(self._column_order.get(table, ()))
        fails = None
        for (on, column), sequence in self._filled_by.items():
            if on != table or column in given:
                continue
            room = self._room(sequence)
            before = self._drawn.get(sequence, 0)
            self._drawn[sequence] = None if count is None or before is None else before + count
            if room is not None and before is not None and count is not None and count > room - before:
                fails = fails or (
                    f"nextval: reached maximum value of sequence {sequence}: {count} row(s) need values, "
                    f"{max(room - before, 0)} left before its MAXVALUE"
                )
        return fails

    def _room(self, sequence: str) -> int | None:
        """How many values the sequence can still give, before the checked files drew any."""
        if sequence in self.known.sequence_room and sequence not in self._positioned:
            return self.known.sequence_room[sequence]
        bounds: SequenceBounds | None = self._sequences.get(sequence)
        if bounds is None:
            return None
        if bounds.increment > 0:
            return (bounds.maximum - bounds.start) // bounds.increment + 1
        return (bounds.start - bounds.minimum) // -bounds.increment + 1
