"""pg_stat_database of the current database: cache hits, temp files, deadlocks, wraparound age."""

from __future__ import annotations

from ..db import Session
from ..facts import DatabaseStats
from .base import build


def collect_database(session: Session) -> DatabaseStats:
    return build(DatabaseStats, session.named("database")[0])
