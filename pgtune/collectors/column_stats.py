"""pg_stats for every user column, with the most common values capped so that a snapshot stays small."""

from __future__ import annotations

from ..db import Session
from ..facts import ColumnStats
from .base import build

# Longer values (documents, blobs) say nothing more about selectivity and would bloat the snapshot.
MAX_VALUE_CHARS = 200


def collect_column_stats(session: Session, mcv_limit: int) -> tuple[ColumnStats, ...]:
    return tuple(
        build(
            ColumnStats,
            row,
            most_common_values=tuple(_text(v)[:MAX_VALUE_CHARS] for v in row["most_common_values"] or ()),
            lowest_value=_bound(row.get("lowest_value")),
            highest_value=_bound(row.get("highest_value")),
        )
        for row in session.named("column_stats", {"mcv_limit": mcv_limit})
    )


def _bound(value: object) -> str | None:
    return None if value is None else _text(value)[:MAX_VALUE_CHARS]


def _text(value: object) -> str:
    """A most-common value as SQL text; values that are arrays themselves come back as lists."""
    if isinstance(value, list):
        return "{" + ",".join(_text(v) for v in value) + "}"
    return "NULL" if value is None else str(value)
