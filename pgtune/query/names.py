"""Resolving relation names against the collected catalog.

An unqualified name resolves through ``catalog.search_path`` to the first schema whose table (or view)
the catalog knows. Without a catalog, or for a name the catalog does not know, it resolves to the first
schema of the search path (``public`` by default), so that the same statement always yields the same key;
``pg_*`` names the catalog does not know resolve to ``pg_catalog``, where the server would find them.
"""

from __future__ import annotations

from pgtune.query.model import Catalog, QualifiedName

EMPTY_CATALOG = Catalog()


def resolve_relation(schema: str | None, name: str, catalog: Catalog) -> QualifiedName:
    if schema:
        return QualifiedName(schema, name)
    path = [s for s in catalog.search_path if not s.startswith("$")]
    for candidate in (QualifiedName(s, name) for s in path):
        if candidate in catalog.tables or candidate in catalog.views:
            return candidate
    if name.startswith("pg_"):
        return QualifiedName("pg_catalog", name)
    return QualifiedName(path[0] if path else "public", name)


def known_columns(table: QualifiedName, catalog: Catalog) -> frozenset[str] | None:
    """The table's columns when the catalog knows them, else None (any column may belong to it)."""
    entry = catalog.tables.get(table)
    return frozenset(entry.columns) if entry is not None and entry.columns else None
