"""Tables with their columns, usage and age; sequences; views. One query per kind for the whole database."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..db import Session
from ..facts import ColumnFacts, ExtendedStatistics, IndexFacts, SequenceFacts, TableFacts, ViewFacts
from .base import build

Columns = dict[tuple[str, str], dict[int, ColumnFacts]]
"""Columns of each (schema, relation) by attribute number, in order."""


def collect_columns(session: Session, locked: Sequence[int] = ()) -> Columns:
    """Columns of ``locked`` relations are left out (see ``locks.py``)."""
    grouped: Columns = defaultdict(dict)
    for row in session.named("columns", {"locked": list(locked)}):
        grouped[row["schema"], row["table"]][row["attnum"]] = build(ColumnFacts, row)
    return dict(grouped)


def collect_tables(
    session: Session, columns: Columns, indexes: Iterable[IndexFacts], locked: Sequence[int] = ()
) -> tuple[TableFacts, ...]:
    index_bytes: dict[tuple[str, str], int] = defaultdict(int)
    for index in indexes:
        index_bytes[index.schema, index.table] += index.size_bytes
    return tuple(
        build(
            TableFacts,
            row,
            columns=tuple(columns.get((row["schema"], row["name"]), {}).values()),
            total_size_bytes=row["table_size_bytes"] + index_bytes[row["schema"], row["name"]],
        )
        for row in session.named("tables", {"locked": list(locked)})
    )


def collect_sequences(session: Session) -> tuple[SequenceFacts, ...]:
    return tuple(build(SequenceFacts, row) for row in session.named("sequences"))


def collect_views(session: Session) -> tuple[ViewFacts, ...]:
    return tuple(build(ViewFacts, row) for row in session.named("views"))


def collect_extended_statistics(session: Session) -> tuple[ExtendedStatistics, ...]:
    return tuple(
        build(
            ExtendedStatistics,
            row,
            distinct_counts=tuple((tuple(group), float(count)) for group, count in row["distinct_counts"] or ()),
        )
        for row in session.named("extended_statistics")
    )
