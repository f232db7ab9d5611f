"""Existing indexes compared by their definitions: what an index stores and answers, without its name.

pg_get_indexdef spells out collation, operator class, ordering and predicate, which the catalog columns in
IndexFacts leave out; comparing the parsed definition keeps ``(a text_pattern_ops)`` apart from ``(a)``.
Advisors get shapes through ``AnalysisFacts.shape``, which parses each definition once per analysis.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from pglast.parser import ParseError, parse_sql_json

from ..facts import IndexFacts


@dataclass(frozen=True)
class IndexShape:
    """What an index stores and answers, without its name: equal shapes are the same index twice."""

    schema: str
    table: str
    method: str
    unique: bool
    keys: tuple[str, ...]
    """Each key in a canonical form of its parse tree: column or expression, collation, operator class, order."""
    include: tuple[str, ...]
    predicate: str | None


def index_shape(index: IndexFacts) -> IndexShape | None:
    """The index's shape, or None when its definition does not parse (then it is compared with nothing)."""
    parsed = _parse(index.definition)
    if parsed is None:
        return None
    method, unique, keys, include, predicate = parsed
    return IndexShape(index.schema, index.table, method, unique, keys, include, predicate)


# Token positions differ between two spellings of one definition; a quote inside a string is escaped, so
# only a key can match.
_LOCATION = re.compile(r'"location":-?\d+,?')
_TRAILING_COMMA = re.compile(r",}")


def _parse(definition: str) -> tuple[str, bool, tuple[str, ...], tuple[str, ...], str | None] | None:
    # The parser's JSON is ~50× faster than building and printing pglast nodes, which matters with tens
    # of thousands of partition indexes; with positions removed, equal JSON means an equal definition.
    try:
        tree = parse_sql_json(definition)
    except ParseError:
        return None
    statements = json.loads(_TRAILING_COMMA.sub("}", _LOCATION.sub("", tree)))["stmts"]
    stmt = statements[0]["stmt"].get("IndexStmt") if len(statements) == 1 else None
    if stmt is None:
        return None
    keys = tuple(_canonical(e) for e in stmt["indexParams"])
    include = tuple(_canonical(e) for e in stmt.get("indexIncludingParams", ()))
    predicate = _canonical(stmt["whereClause"]) if "whereClause" in stmt else None
    return stmt["accessMethod"], bool(stmt.get("unique")), keys, include, predicate


def _canonical(node: object) -> str:
    return json.dumps(node, separators=(",", ":"))
