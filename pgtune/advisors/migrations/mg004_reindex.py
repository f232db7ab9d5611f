"""MG004: REINDEX without CONCURRENTLY."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, Fix, FixSafety, Severity
from ...query.ddl_model import DdlAction, Kind
from ...rules import Rule
from ._common import finding, insert_keyword, lock_phrase
from .context import MigrationContext

RULE = Rule(
    id="MG004",
    slug="reindex-without-concurrently",
    title="REINDEX without CONCURRENTLY",
    why=(
        "REINDEX takes a SHARE lock on the table (writes wait) and an ACCESS EXCLUSIVE lock on each index "
        "being rebuilt (queries that would use it wait) for the whole rebuild. REINDEX CONCURRENTLY "
        "(PostgreSQL 12+) rebuilds beside the old index and swaps them."
    ),
    bad_example="REINDEX INDEX orders_created_at_idx;",
    good_example="REINDEX INDEX CONCURRENTLY orders_created_at_idx;",
    severity=Severity.CRITICAL,
)


def check(actions: tuple[DdlAction, ...], context: MigrationContext) -> Iterator[Finding]:
    for action in actions:
        if action.kind is not Kind.REINDEX or action.concurrently or action.target_is_new:
            continue
        if action.traced and not (action.scans and action.blocks_writes):
            continue
        keyword = "INDEX" if action.name else "TABLE"
        ddl = insert_keyword(action.sql, keyword, "CONCURRENTLY")
        yield finding(
            RULE,
            action,
            context,
            f"REINDEX {lock_phrase(action)} until every index is rebuilt",
            "Use REINDEX ... CONCURRENTLY outside a transaction block.",
            fix=Fix(ddl, None, FixSafety.ONLINE) if ddl else None,
        )
