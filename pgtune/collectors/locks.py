"""Relations another session locks in ACCESS EXCLUSIVE mode (a migration, a VACUUM FULL, a LOCK TABLE).

Reading their sizes or expressions would queue behind that lock until lock_timeout cancels the whole catalog
query. They are left out of the table and index collection, each with a gap of its own, so one locked table
costs its own facts, not the report's.
"""

from __future__ import annotations

from ..db import Session
from .base import Gaps


def collect_locked(session: Session, gaps: Gaps) -> tuple[int, ...]:
    """The oids to leave out; each one is recorded as a gap."""
    rows = gaps.attempt("pg_locks", lambda: session.named("locked_relations"), [])
    for row in rows:
        held = "holds" if row["granted"] else "waits for"
        gaps.add(
            f"table {row['schema']}.{row['name']}",
            f"not read: session {row['pid']} {held} an ACCESS EXCLUSIVE lock on it",
            "run pgtune again once the lock is released (pg_locks and pg_stat_activity show who holds it)",
        )
    return tuple(sorted({row["oid"] for row in rows}))
