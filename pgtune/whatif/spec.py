"""An index as the advisor thinks of it: keys, INCLUDE columns, predicate, method; and its DDL."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ..query.sqltext import bounded_identifier, quote_ident


def canonical_expression(expression: str) -> str:
    """The expression without the outer parentheses an index definition wraps it in."""
    text = expression.strip()
    while text.startswith("(") and text.endswith(")") and _balanced(text[1:-1]):
        text = text[1:-1].strip()
    return text


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


@dataclass(frozen=True)
class IndexKey:
    column: str | None
    expression: str | None = None
    descending: bool = False
    nulls_first: bool | None = None

    def sql(self) -> str:
        text = quote_ident(self.column) if self.column else f"({self.expression})"
        if self.descending:
            text += " DESC"
        if self.nulls_first is not None and self.nulls_first != self.descending:
            text += " NULLS FIRST" if self.nulls_first else " NULLS LAST"
        return text

    @property
    def label(self) -> str:
        return self.column or re.sub(r"[^a-z0-9]+", "_", (self.expression or "").lower()).strip("_")


@dataclass(frozen=True)
class IndexSpec:
    schema: str
    table: str
    keys: tuple[IndexKey, ...]
    include: tuple[str, ...] = ()
    predicate: str | None = None
    method: str = "btree"

    def __hash__(self) -> int:
        # Specs key the cost cache and the selection's tables, millions of lookups per analysis.
        return self._hash

    @cached_property
    def _hash(self) -> int:
        return hash((self.schema, self.table, self.keys, self.include, self.predicate, self.method))

    def __getstate__(self) -> dict:
        # String hashes differ between processes: a pickled spec recomputes its own.
        return {k: v for k, v in self.__dict__.items() if k != "_hash"}

    @property
    def qualified_table(self) -> str:
        return f"{self.schema}.{self.table}"

    @property
    def sort_key(self) -> str:
        """Orders specs deterministically (keys may be columns or expressions, so fields do not compare)."""
        return self.sql_body()

    @property
    def kind(self) -> str:
        """What a DBA would call it; the most specific feature wins."""
        if self.method == "brin":
            return "brin"
        if self.predicate:
            return "partial"
        if any(k.expression for k in self.keys):
            return "expression"
        if self.include:
            return "covering"
        return "multicolumn" if len(self.keys) > 1 else "single-column"

    def name(self) -> str:
        """A readable, deterministic name within PostgreSQL's 63-byte limit."""
        parts = [self.table, *(k.label for k in self.keys)]
        if self.include:
            # Covering variants of the same keys differ only here, and may be chosen together.
            parts.extend(("incl", *self.include))
        if self.predicate:
            parts.append("part")
        parts.append("brin" if self.method == "brin" else "idx")
        return bounded_identifier("_".join(p for p in parts if p), self.sql_body())

    def sql_body(self) -> str:
        """Everything after CREATE INDEX [CONCURRENTLY] name: what HypoPG and DDL share."""
        target = f"{quote_ident(self.schema)}.{quote_ident(self.table)}"
        using = "" if self.method == "btree" else f" USING {self.method}"
        text = f"ON {target}{using} ({', '.join(k.sql() for k in self.keys)})"
        if self.include:
            text += f" INCLUDE ({', '.join(quote_ident(c) for c in self.include)})"
        if self.predicate:
            text += f" WHERE {self.predicate}"
        return text

    def create_sql(self, concurrently: bool = True) -> str:
        mode = "CONCURRENTLY " if concurrently else ""
        # IF NOT EXISTS: the script may be run again after a partial run.
        return f"CREATE INDEX {mode}IF NOT EXISTS {quote_ident(self.name())} {self.sql_body()};"

    def drop_sql(self) -> str:
        return f"DROP INDEX CONCURRENTLY IF EXISTS {quote_ident(self.schema)}.{quote_ident(self.name())};"

    def serves(self, other: IndexSpec) -> bool:
        """True when this index does everything ``other`` would: same table, method and predicate,
        ``other``'s keys a prefix of ours, its INCLUDE columns among ours."""
        if (self.schema, self.table, self.method, self.predicate) != (
            other.schema,
            other.table,
            other.method,
            other.predicate,
        ):
            return False
        if self.keys[: len(other.keys)] != other.keys:
            return False
        ours = {k.column for k in self.keys} | set(self.include)
        return set(other.include) <= ours
