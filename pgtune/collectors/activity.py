"""A pg_stat_activity summary of client backends, for connection efficiency."""

from __future__ import annotations

from ..db import Session
from ..facts import ActivitySummary
from .base import GRANT_PG_MONITOR, Gaps, build


def collect_activity(session: Session, gaps: Gaps) -> ActivitySummary:
    row = session.named("activity")[0]
    if row["hidden"]:
        gaps.add(
            "pg_stat_activity",
            f"the state of {row['hidden']} session(s) of other roles is hidden from this role",
            GRANT_PG_MONITOR,
        )
    return build(ActivitySummary, row)
