"""Tables with their columns, usage and age; sequences; views. One query per kind for the whole database."""

from __future__ import annotations

from collections import defaultdict

from ..db import Session
from ..facts import ColumnFacts, SequenceFacts, TableFacts, ViewFacts
from .base import build


def collect_columns(session: Session) -> dict[tuple[str, str], tuple[ColumnFacts, ...]]:
    """Columns of every table and view, keyed by (schema, relation)."""
    grouped: dict[tuple[str, str], list[ColumnFacts]] = defaultdict(list)
    for row in session.named("columns"):
        grouped[row["schema"], row["table"]].append(build(ColumnFacts, row))
    return {key: tuple(columns) for key, columns in grouped.items()}


def collect_tables(session: Session, columns: dict[tuple[str, str], tuple[ColumnFacts, ...]]) -> tuple[TableFacts, ...]:
    return tuple(
        build(TableFacts, row, columns=columns.get((row["schema"], row["name"]), ())) for row in session.named("tables")
    )


def collect_sequences(session: Session) -> tuple[SequenceFacts, ...]:
    return tuple(build(SequenceFacts, row) for row in session.named("sequences"))


def collect_views(session: Session) -> tuple[ViewFacts, ...]:
    return tuple(build(ViewFacts, row) for row in session.named("views"))
