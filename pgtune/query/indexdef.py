"""The one CREATE INDEX reader: a migration's statement, a fix's DDL or ``pg_indexes.indexdef`` → IndexDefinition.

It reads the parser's JSON, ~50× faster than building and printing pglast nodes, which matters with tens of
thousands of partition indexes. The SQL texts only the gate needs (the statement HypoPG creates, key
expressions, the predicate) are printed from nodes on first use.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from functools import cached_property

from pglast import parse_sql
from pglast.parser import ParseError, parse_sql_json
from pglast.stream import RawStream

from ..errors import NotAnIndexDefinition
from .redact import redact_literals

# Token positions differ between two spellings of one definition; a quote inside a string is escaped, so
# only a key can match.
_LOCATION = re.compile(r'"location":-?\d+,?')
_TRAILING_COMMA = re.compile(r",}")
_NULLS_FIRST = {"SORTBY_NULLS_FIRST": True, "SORTBY_NULLS_LAST": False}


@dataclass(frozen=True)
class IndexElement:
    """One key, or one INCLUDE column, of an index."""

    column: str | None
    """The column's name; None for an expression."""
    form: str = field(repr=False)
    """The element's parse tree without token positions: equal forms are the same key however it is spelled
    (column or expression, collation, operator class, order)."""
    descending: bool = False
    nulls_first: bool | None = None
    """As written; None when the definition leaves it to the order's default."""
    collation: str | None = None
    opclass: str | None = None


@dataclass(frozen=True)
class IndexDefinition:
    """One CREATE INDEX statement read into its parts."""

    text: str = field(repr=False)
    name: str | None
    schema: str | None
    """As written; None when the statement does not qualify the table (see ``qualified_table``)."""
    table: str
    method: str
    unique: bool
    keys: tuple[IndexElement, ...]
    include: tuple[IndexElement, ...] = ()
    predicate_form: str | None = None
    """The WHERE clause's parse tree without token positions: equal forms, the same predicate."""
    only: bool = False
    """``ON ONLY``: a partitioned table's own index, built on none of its partitions."""
    concurrently: bool = False
    if_not_exists: bool = False

    @property
    def qualified_table(self) -> str:
        return f"{self.schema or 'public'}.{self.table}"

    @cached_property
    def statement(self) -> str:
        """``CREATE INDEX ON schema.table ...`` without a name, CONCURRENTLY or IF NOT EXISTS: what HypoPG
        creates hypothetically (public when the statement names no schema)."""
        bare = copy.copy(self._node)
        bare.idxname, bare.concurrent, bare.if_not_exists = None, False, False
        bare.relation = copy.copy(self._node.relation)
        bare.relation.schemaname = self.schema or "public"
        return _sql(bare)

    @cached_property
    def key_texts(self) -> tuple[str, ...]:
        """Each key's column name, or its expression's text."""
        return tuple(p.name or _sql(p.expr) for p in self._node.indexParams)

    @cached_property
    def predicate(self) -> str | None:
        where = self._node.whereClause
        return _sql(where) if where is not None else None

    @cached_property
    def _node(self):
        return parse_sql(self.text)[0].stmt


def read_index(text: str, *, then_more: bool = False) -> IndexDefinition:
    """The CREATE INDEX statement ``text`` is; ``then_more``: its first statement, others may follow (a fix's
    DDL: the index, then ANALYZE). Raises NotAnIndexDefinition when it does not parse or is something else."""
    try:
        tree = parse_sql_json(text)
    except ParseError as error:
        raise NotAnIndexDefinition(f"cannot read {_shown(text)} as SQL: {error.args[0]}") from None
    except (UnicodeError, ValueError) as error:
        raise NotAnIndexDefinition(f"cannot read {_shown(text)} as SQL: {error}") from None
    statements = json.loads(_TRAILING_COMMA.sub("}", _LOCATION.sub("", tree))).get("stmts", [])
    stmt = statements[0]["stmt"].get("IndexStmt") if statements and (then_more or len(statements) == 1) else None
    if stmt is None:
        raise NotAnIndexDefinition(f"{_shown(text)} is not one CREATE INDEX statement")
    relation = stmt["relation"]
    return IndexDefinition(
        text=text,
        name=stmt.get("idxname"),
        schema=relation.get("schemaname"),
        table=relation["relname"],
        method=stmt.get("accessMethod") or "btree",
        unique=bool(stmt.get("unique")),
        keys=tuple(_element(e) for e in stmt["indexParams"]),
        include=tuple(_element(e) for e in stmt.get("indexIncludingParams", ())),
        predicate_form=_form(stmt["whereClause"]) if "whereClause" in stmt else None,
        only=not relation.get("inh"),
        concurrently=bool(stmt.get("concurrent")),
        if_not_exists=bool(stmt.get("if_not_exists")),
    )


def _element(node: dict) -> IndexElement:
    element = node["IndexElem"]
    return IndexElement(
        column=element.get("name"),
        form=_form(node),
        descending=element.get("ordering") == "SORTBY_DESC",
        nulls_first=_NULLS_FIRST.get(element.get("nulls_ordering", "")),
        collation=_dotted(element.get("collation")),
        opclass=_dotted(element.get("opclass")),
    )


def _dotted(names: list | None) -> str | None:
    return ".".join(n["String"]["sval"] for n in names) if names else None


def _form(node: object) -> str:
    return json.dumps(node, separators=(",", ":"))


def _sql(node) -> str:
    return RawStream()(node)


def _shown(text: str) -> str:
    flat = " ".join(redact_literals(text).split())
    return repr(flat if len(flat) <= 80 else flat[:77] + "...")
