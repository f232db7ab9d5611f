"""Existing indexes compared by their definitions: what an index stores and answers, without its name.

pg_get_indexdef spells out collation, operator class, ordering and predicate, which the catalog columns in
IndexFacts leave out; comparing the parsed definition keeps ``(a text_pattern_ops)`` apart from ``(a)``.
Advisors get shapes through ``AnalysisFacts.shape``, which parses each definition once per analysis.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import NotAnIndexDefinition
from ..facts import IndexFacts
from ..query.indexdef import read_index


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
    try:
        definition = read_index(index.definition)
    except NotAnIndexDefinition:
        return None
    keys = tuple(k.form for k in definition.keys)
    include = tuple(i.form for i in definition.include)
    return IndexShape(
        index.schema, index.table, definition.method, definition.unique, keys, include, definition.predicate_form
    )
