"""SQL pieces both partitioning plans write: identifiers, and unique indexes widened by the partition key."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...facts import IndexFacts, Snapshot, TableFacts


def ident(name: str) -> str:
    return name if re.fullmatch(r"[a-z_][a-z0-9_$]*", name) else '"' + name.replace('"', '""') + '"'


def short(name: str) -> str:
    """An identifier cut to PostgreSQL's 63 bytes."""
    return name.encode()[:63].decode(errors="ignore")


def qualified(schema: str, name: str) -> str:
    return f"{ident(schema)}.{ident(name)}"


@dataclass(frozen=True)
class UniqueIndexes:
    """A table's valid indexes, and what partitioning on ``key`` demands of the unique ones: every unique index
    must contain the key, so those without it get a wider twin (or, with expressions or a predicate, a hand)."""

    indexes: tuple[IndexFacts, ...]
    widened: dict[str, str]
    """Unique index name → the name of its twin with the key appended."""
    manual: tuple[IndexFacts, ...]

    @classmethod
    def of(cls, table: TableFacts, snapshot: Snapshot, key: str) -> UniqueIndexes:
        indexes = tuple(i for i in snapshot.indexes_of(table.schema, table.name) if i.is_valid)
        lacking = [i for i in indexes if i.is_unique and key not in i.columns]
        manual = tuple(i for i in lacking if None in i.columns or i.predicate)
        widened = {i.name: short(f"{i.name}_{key}") for i in lacking if i not in manual}
        return cls(indexes, widened, manual)

    def widened_body(self, index: IndexFacts, key: str) -> str:
        columns = ", ".join(ident(c) for c in (*index.columns, key) if c)
        include = f" INCLUDE ({', '.join(ident(c) for c in index.include_columns)})" if index.include_columns else ""
        return f"USING {index.method} ({columns}){include}"

    def create_widened(self, table: TableFacts, key: str) -> list[str]:
        return [
            f"CREATE UNIQUE INDEX CONCURRENTLY {ident(self.widened[i.name])} ON "
            f"{qualified(table.schema, table.name)} {self.widened_body(i, key)};"
            for i in self.indexes
            if i.name in self.widened
        ]

    def notes(self, key: str) -> list[str]:
        notes = []
        for index in self.indexes:
            if index.name in self.widened:
                what = "the primary key" if index.is_primary else f"unique index {index.name}"
                columns = ", ".join(c for c in index.columns if c)
                notes.append(
                    f"{what} ({columns}) becomes unique on ({columns}, {key}): nothing stops two rows sharing "
                    f"({columns}) at different {key} any more, and ON CONFLICT targets must name {key} too"
                )
        notes += [f"unique index {i.name} has expressions or a predicate: add {key} to it by hand" for i in self.manual]
        return notes


def referencing_foreign_keys(table: TableFacts, snapshot: Snapshot) -> list[str]:
    """Notes for the foreign keys of other tables that point at this one."""
    name = qualified(table.schema, table.name)
    return [
        f"foreign key {c.name} on {c.schema}.{c.table} references {name}; re-point it at a key that includes "
        "the partition column"
        for c in snapshot.foreign_keys_to(name)
    ]
