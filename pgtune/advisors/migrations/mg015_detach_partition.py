"""MG015: DETACH PARTITION without CONCURRENTLY (available on every supported version, 14 on)."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, Fix, FixSafety, Severity
from ...query.ddl_model import DdlAction, Kind
from ...rules import Rule
from ._common import finding, lock_phrase
from .context import MigrationContext

RULE = Rule(
    id="MG015",
    slug="detach-partition-without-concurrently",
    title="DETACH PARTITION without CONCURRENTLY",
    why=(
        "DETACH PARTITION takes an ACCESS EXCLUSIVE lock on the partitioned table: every query on any "
        "partition waits. From PostgreSQL 14, DETACH PARTITION ... CONCURRENTLY takes only a SHARE UPDATE "
        "EXCLUSIVE lock (it must run outside a transaction block). The detach itself is a catalog change: "
        "with lock_timeout set the wait is bounded, and it is reported as info."
    ),
    bad_example="ALTER TABLE trades DETACH PARTITION trades_2025_01;",
    good_example="ALTER TABLE trades DETACH PARTITION trades_2025_01 CONCURRENTLY;",
    severity=Severity.WARNING,
)


def check(actions: tuple[DdlAction, ...], context: MigrationContext) -> Iterator[Finding]:
    for action in actions:
        if action.kind is not Kind.DETACH_PARTITION or action.concurrently or action.target_is_new:
            continue
        yield finding(
            RULE,
            action,
            context,
            f"DETACH PARTITION {action.name} {lock_phrase(action)}, all of its partitions included",
            "Use DETACH PARTITION ... CONCURRENTLY, outside a transaction block.",
            fix=Fix(f"{action.sql.rstrip().rstrip(';')} CONCURRENTLY;", None, FixSafety.ONLINE),
            timed=False,
            severity=Severity.INFO if action.lock_timeout_set else None,
        )
