"""MG010: VACUUM FULL or CLUSTER, which copy the whole table under an ACCESS EXCLUSIVE lock."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, Severity
from ...gate.context import MigrationContext
from ...query.ddl import DdlAction, Kind
from ...rules import Rule
from ._common import finding, lock_phrase

RULE = Rule(
    id="MG010",
    slug="vacuum-full-or-cluster",
    title="VACUUM FULL or CLUSTER in a migration",
    why=(
        "VACUUM FULL and CLUSTER write a new copy of the table and its indexes while holding an ACCESS "
        "EXCLUSIVE lock: nothing can read or write the table until the copy is done, and the disk needs "
        "room for both copies. pg_repack rebuilds a table online."
    ),
    bad_example="VACUUM FULL orders;",
    good_example="VACUUM (ANALYZE) orders;",
    severity=Severity.CRITICAL,
)


def check(actions: tuple[DdlAction, ...], context: MigrationContext) -> Iterator[Finding]:
    for action in actions:
        if action.kind in (Kind.VACUUM_FULL, Kind.CLUSTER) and not action.target_is_new:
            command = "VACUUM FULL" if action.kind is Kind.VACUUM_FULL else "CLUSTER"
            yield finding(
                RULE,
                action,
                context,
                f"{command} rewrites {action.table} and {lock_phrase(action)} until the copy is done",
                "Use plain VACUUM for dead rows, or pg_repack to compact or reorder the table online; keep "
                "VACUUM FULL for a maintenance window.",
            )
