"""Every index of user tables, its definition taken apart (keys, expressions, INCLUDE, predicate), and its usage."""

from __future__ import annotations

from ..db import Session
from ..facts import IndexFacts
from .base import build


def collect_indexes(session: Session) -> tuple[IndexFacts, ...]:
    return tuple(
        build(IndexFacts, row, columns=tuple(row["key_columns"]), expressions=tuple(row["key_expressions"]))
        for row in session.named("indexes")
    )
