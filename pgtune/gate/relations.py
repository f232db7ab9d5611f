"""Two readings of a clone's catalog compared: which relations a statement rewrote, rebuilt, dropped or renamed,
which enum values it renamed, and the partitioned tables whose partitions it emptied."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Relation:
    oid: int
    name: str
    kind: str
    filenode: int
    table: str
    columns: tuple[str, ...] | None
    root: str
    """The partitioned table a partition belongs to (the top of its tree), else the relation itself."""


def changed(before: dict[int, Relation], after: dict[int, Relation], kinds: str) -> tuple[str, ...]:
    """Relations of ``kinds`` whose relfilenode changed: rewritten tables, rebuilt indexes."""
    return tuple(
        r.name for oid, r in before.items() if r.kind in kinds and oid in after and after[oid].filenode != r.filenode
    )


def roots(tables: tuple[str, ...], relations: dict[int, Relation]) -> tuple[str, ...]:
    """The partitioned tables whose partitions among ``tables`` a statement emptied or updated in full."""
    roots = {r.name: r.root for r in relations.values()}
    return tuple(dict.fromkeys(roots[t] for t in tables if roots.get(t, t) != t))


def dropped(before: dict[int, Relation], after: dict[int, Relation]) -> tuple[str, ...]:
    """Tables, materialized views and views gone, and columns gone from a table that is still there."""
    gone = [r.name for oid, r in before.items() if r.kind in "rpmv" and oid not in after]
    for oid, relation in before.items():
        if relation.columns and oid in after and after[oid].columns is not None:
            numbers = {c.split(":", 1)[0] for c in after[oid].columns}
            gone.extend(
                f"{relation.name}.{c.split(':', 1)[1]}" for c in relation.columns if c.split(":", 1)[0] not in numbers
            )
    return tuple(gone)


def renamed(before: dict[int, Relation], after: dict[int, Relation]) -> tuple[str, ...]:
    found = [r.name for oid, r in before.items() if r.kind in "rpmv" and oid in after and after[oid].name != r.name]
    for oid, relation in before.items():
        if relation.columns and oid in after and after[oid].columns is not None:
            names = dict(c.split(":", 1) for c in after[oid].columns)
            found.extend(
                f"{relation.name}.{name}"
                for number, name in (c.split(":", 1) for c in relation.columns)
                if number in names and names[number] != name
            )
    return tuple(found)


def recreated_views(before: dict[int, Relation], now: dict[int, Relation], names: tuple[str, ...]) -> tuple[str, ...]:
    """Views among ``names`` (dropped) that exist again under the same name with every column they had: a reader
    that queued behind the drop's lock finds the new view (namespace.c, ``RangeVarGetRelidExtended`` looks the name
    up again once it holds the lock), as after CREATE OR REPLACE VIEW."""
    views = {r.name: r for r in now.values() if r.kind == "v"}
    return tuple(
        r.name
        for r in before.values()
        if r.kind == "v"
        and r.name in names
        and r.name in views
        and {c.split(":", 1)[1] for c in r.columns or ()} <= {c.split(":", 1)[1] for c in views[r.name].columns or ()}
    )


def renamed_values(
    before: dict[int, tuple[str, str]], after: dict[int, tuple[str, str]]
) -> tuple[tuple[str, str, str], ...]:
    """(schema.enum, old value, new value) for each enum value (oid → (enum, value)) whose label changed."""
    return tuple(
        (enum, label, after[oid][1]) for oid, (enum, label) in before.items() if oid in after and after[oid][1] != label
    )
