"""What a column name can refer to: the FROM items in scope at each query level, innermost first."""

from __future__ import annotations

from dataclasses import dataclass, field

from pgtune.query.model import QualifiedName


@dataclass(eq=False)
class Access:
    """The mutable record of one table reference while a statement is walked (frozen into TableAccess)."""

    table: QualifiedName
    alias: str | None
    columns: frozenset[str] | None
    """The catalog's columns of the table, None when unknown."""
    predicates: list = field(default_factory=list)
    join_columns: list[str] = field(default_factory=list)
    columns_read: set[str] = field(default_factory=set)
    columns_written: set[str] = field(default_factory=set)
    reads_all_columns: bool = False
    written: bool = False
    read: bool = True
    via_view: QualifiedName | None = None

    def add_join_column(self, column: str) -> None:
        if column not in self.join_columns:
            self.join_columns.append(column)


@dataclass(frozen=True)
class Binding:
    """A column that a name resolved to: a table column, or nothing we can follow (a computed output)."""

    access: Access | None
    column: str | None
    depth: int = 0
    """How many query levels out the binding was found: > 0 is a correlated (outer) reference."""


@dataclass(eq=False)
class Entry:
    """One FROM item: a table (``access``) or a derived relation (subquery, CTE, view, function) whose output
    columns map to bindings where they are plain columns of a base table."""

    name: str
    access: Access | None = None
    outputs: dict[str, Binding] | None = None
    """Known output columns of a derived relation; None when not known (a function without a column list)."""
    passthrough: list[Entry] = field(default_factory=list)
    """Entries whose every column a derived relation passes on (its ``SELECT *``)."""

    def may_have(self, column: str) -> bool | None:
        """True: it has the column; False: it has not; None: cannot tell."""
        if self.access is not None:
            return None if self.access.columns is None else column in self.access.columns
        if self.outputs is not None and column in self.outputs:
            return True
        if self.passthrough:
            answers = [e.may_have(column) for e in self.passthrough]
            return True if True in answers else (None if None in answers else False)
        return False if self.outputs is not None else (column == self.name or None)

    def bind(self, column: str, depth: int) -> Binding:
        if self.access is not None:
            return Binding(self.access, column, depth)
        if self.outputs is not None and column in self.outputs:
            found = self.outputs[column]
            return Binding(found.access, found.column, depth)
        for inner in self.passthrough:
            if inner.may_have(column) is not False:
                return inner.bind(column, depth)
        return Binding(None, column, depth)

    def star(self) -> None:
        """``alias.*``: every column is read."""
        if self.access is not None:
            self.access.reads_all_columns = True
        for binding in (self.outputs or {}).values():
            if binding.access is not None and binding.column is not None:
                binding.access.columns_read.add(binding.column)
        for inner in self.passthrough:
            inner.star()


@dataclass(eq=False)
class Scope:
    parent: Scope | None = None
    entries: list[Entry] = field(default_factory=list)
    ctes: dict[str, Entry] = field(default_factory=dict)
    merged: dict[str, Binding] = field(default_factory=dict)
    """Columns of JOIN ... USING, which an unqualified name means without ambiguity."""
    has_aggregates: bool = False
    has_windows: bool = False

    def child(self) -> Scope:
        return Scope(parent=self)

    def cte(self, name: str) -> Entry | None:
        scope: Scope | None = self
        while scope is not None:
            if name in scope.ctes:
                return scope.ctes[name]
            scope = scope.parent
        return None


class Ambiguous(Exception):
    """An unqualified column that several FROM items may hold."""


def lookup(scope: Scope, fields: tuple[str, ...]) -> Binding | None:
    """The binding of a column reference (``col``, ``alias.col``, ``schema.table.col``), searching outward.
    None: not found in any scope (an output alias, or a column of a relation we know nothing about).
    Raises Ambiguous when an unqualified name fits several FROM items and nothing decides between them."""
    column = fields[-1]
    qualifier = fields[-2] if len(fields) > 1 else None
    schema = fields[-3] if len(fields) > 2 else None
    depth = 0
    current: Scope | None = scope
    while current is not None:
        if qualifier is None:
            found = _unqualified(current, column, depth)
        else:
            found = _qualified(current, schema, qualifier, column, depth)
        if found is not None:
            return found
        current, depth = current.parent, depth + 1
    return None


def _qualified(scope: Scope, schema: str | None, qualifier: str, column: str, depth: int) -> Binding | None:
    for entry in scope.entries:
        matches = entry.name == qualifier
        if entry.access is not None and entry.access.alias is None:
            table = entry.access.table
            matches = table.name == qualifier and (schema is None or table.schema == schema)
        if matches:
            return entry.bind(column, depth)
    return None


def _unqualified(scope: Scope, column: str, depth: int) -> Binding | None:
    if column in scope.merged:
        found = scope.merged[column]
        return Binding(found.access, found.column, depth)
    answers = [(entry, entry.may_have(column)) for entry in scope.entries]
    sure = [entry for entry, answer in answers if answer is True]
    unsure = [entry for entry, answer in answers if answer is None]
    if len(sure) == 1:
        return sure[0].bind(column, depth)
    if len(sure) > 1 or len(unsure) > 1:
        raise Ambiguous(column)
    if unsure:
        return unsure[0].bind(column, depth)
    return None
