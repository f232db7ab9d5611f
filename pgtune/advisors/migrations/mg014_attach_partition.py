"""MG014: ATTACH PARTITION without a CHECK constraint that proves the partition bound."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, Severity
from ...query.ddl_locks import Lock
from ...query.ddl_model import DdlAction, Kind
from ...rules import Rule
from ._common import finding
from .context import MigrationContext

RULE = Rule(
    id="MG014",
    slug="attach-partition-without-check",
    title="ATTACH PARTITION without a matching CHECK constraint",
    why=(
        "ATTACH PARTITION takes a SHARE UPDATE EXCLUSIVE lock on the parent and an ACCESS EXCLUSIVE lock on "
        "the table being attached, then scans it to prove every row fits the partition bound. A validated "
        "CHECK constraint matching the bound lets PostgreSQL skip that scan. When the parent has a DEFAULT "
        "partition, ATTACH PARTITION and CREATE TABLE ... PARTITION OF also read every row of the DEFAULT "
        "partition under an ACCESS EXCLUSIVE lock on it, to prove none belongs to the new bound, and fail "
        "(23514) if one does; only a CHECK on the DEFAULT partition that excludes the new bound skips that "
        "scan. Known from the schema (--history, --snapshot, --dsn); a DEFAULT partition known empty is not "
        "reported."
    ),
    bad_example="ALTER TABLE trades ATTACH PARTITION trades_2026_11 FOR VALUES FROM ('2026-11-01') TO ('2026-12-01');",
    good_example=(
        "ALTER TABLE trades_2026_11 ADD CONSTRAINT trades_2026_11_bound\n"
        "  CHECK (traded_at >= '2026-11-01' AND traded_at < '2026-12-01') NOT VALID;\n"
        "ALTER TABLE trades_2026_11 VALIDATE CONSTRAINT trades_2026_11_bound;\n"
        "ALTER TABLE trades ATTACH PARTITION trades_2026_11 FOR VALUES FROM ('2026-11-01') TO ('2026-12-01');"
    ),
    severity=Severity.WARNING,
)


def check(actions: tuple[DdlAction, ...], context: MigrationContext) -> Iterator[Finding]:
    for action in actions:
        if action.scans_default and not action.target_is_new and not (action.fails or action.error):
            what = "ATTACH PARTITION" if action.kind is Kind.ATTACH_PARTITION else "CREATE TABLE ... PARTITION OF"
            yield finding(
                RULE,
                action,
                context,
                f"{what} {action.name} takes an {Lock.ACCESS_EXCLUSIVE.value} lock on the DEFAULT partition "
                f"{action.scans_default}, which {Lock.ACCESS_EXCLUSIVE.blocks}, while it reads every row of it to "
                "prove none belongs to the new bound (and fails if one does)",
                "Move the DEFAULT partition's rows of the new range out first (or add a CHECK on the DEFAULT "
                "partition that excludes the range, NOT VALID then VALIDATE), then add the partition; keep the "
                "DEFAULT partition empty so the scan costs nothing.",
                timed=False,
            )
        if action.kind is Kind.ATTACH_PARTITION and action.scans and not (action.error or action.fails):
            yield finding(
                RULE,
                action,
                context,
                f"ATTACH PARTITION {action.name} takes an {Lock.ACCESS_EXCLUSIVE.value} lock on {action.name}, "
                f"which {Lock.ACCESS_EXCLUSIVE.blocks}, while it scans every row against the partition bound",
                "Add a CHECK constraint equal to the bound NOT VALID, VALIDATE it, then ATTACH (the scan is "
                "skipped); drop the CHECK afterwards.",
                timed=False,
            )
