"""Every index of user tables, its definition taken apart (keys, expressions, INCLUDE, predicate), and its usage."""

from __future__ import annotations

from collections.abc import Sequence

from ..db import Session
from ..facts import IndexFacts
from .base import build
from .tables import Columns


def collect_indexes(session: Session, columns: Columns, locked: Sequence[int] = ()) -> tuple[IndexFacts, ...]:
    """Column numbers are named here from the columns already collected, which is cheaper than in SQL. Indexes
    of ``locked`` relations are left out (see ``locks.py``)."""
    indexes = []
    for row in session.named("indexes", {"locked": list(locked)}):
        names = {number: column.name for number, column in columns.get((row["schema"], row["table"]), {}).items()}
        keys, included = row["attnums"][: row["key_count"]], row["attnums"][row["key_count"] :]
        indexes.append(
            build(
                IndexFacts,
                row,
                columns=tuple(names.get(n) for n in keys),
                expressions=tuple(row["key_expressions"] or ()),
                include_columns=tuple(names.get(n, "") for n in included),
            )
        )
    return tuple(indexes)


def collect_index_scans(session: Session) -> dict[str, int]:
    """``schema.index`` → scans on this server, to sum a primary's usage with its replicas'."""
    return {f"{row['schema']}.{row['name']}": int(row["idx_scan"] or 0) for row in session.named("index_scans")}
