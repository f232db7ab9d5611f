"""The query model's input from a snapshot: tables with their columns, views with their definitions, search_path."""

from __future__ import annotations

from ..facts import Snapshot
from ..query.model import Catalog, CatalogTable, QualifiedName


def catalog_from_snapshot(snapshot: Snapshot) -> Catalog:
    tables = {
        QualifiedName(t.schema, t.name): CatalogTable(t.schema, t.name, tuple(c.name for c in t.columns))
        for t in snapshot.tables
    }
    views = {QualifiedName(v.schema, v.name): v.definition for v in snapshot.views}
    return Catalog(tables=tables, views=views, search_path=search_path(snapshot))


def search_path(snapshot: Snapshot) -> tuple[str, ...]:
    """The schemas of the ``search_path`` setting, ``$user`` resolved; "public" when the setting is unknown."""
    setting = snapshot.server.setting("search_path")
    if setting is None:
        return ("public",)
    schemas = []
    for part in setting.value.split(","):
        name = part.strip()
        name = name[1:-1].replace('""', '"') if name.startswith('"') and name.endswith('"') else name
        if name == "$user":
            # Like the server: $user counts only when a schema of that name exists.
            name = snapshot.server.role if any(t.schema == snapshot.server.role for t in snapshot.tables) else ""
        if name:
            schemas.append(name)
    return tuple(schemas)
