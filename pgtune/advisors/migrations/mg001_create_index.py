"""MG001: an index built without CONCURRENTLY on a table that already holds data."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, Fix, FixSafety, Severity
from ...query.ddl_model import DdlAction, Kind
from ...rules import Rule
from ._common import finding, insert_keyword, lock_phrase
from .context import MigrationContext

RULE = Rule(
    id="MG001",
    slug="create-index-without-concurrently",
    title="Index built without CONCURRENTLY on an existing table",
    why=(
        "CREATE INDEX takes a SHARE lock on the table for the whole build: every INSERT, UPDATE and DELETE "
        "waits until the index is built, which on a large table is minutes. CREATE INDEX CONCURRENTLY takes "
        "a SHARE UPDATE EXCLUSIVE lock instead and lets writes continue."
    ),
    bad_example="CREATE INDEX orders_created_at_idx ON orders (created_at);",
    good_example="CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);",
    severity=Severity.CRITICAL,
)


def check(actions: tuple[DdlAction, ...], context: MigrationContext) -> Iterator[Finding]:
    for action in actions:
        if action.kind is not Kind.CREATE_INDEX or action.concurrently or action.target_is_new:
            continue
        if not action.scans or (action.traced and not action.blocks_writes):
            # ON ONLY a partitioned table builds nothing; the trace saw no build, or writes kept going.
            continue
        ddl = insert_keyword(action.sql, "INDEX", "CONCURRENTLY")
        rollback = f"DROP INDEX CONCURRENTLY IF EXISTS {action.name};" if action.name else None
        yield finding(
            RULE,
            action,
            context,
            f"CREATE INDEX {lock_phrase(action)} until the index is built",
            "Use CREATE INDEX CONCURRENTLY, outside a transaction block; if it fails, drop the INVALID index "
            "it leaves and retry.",
            fix=Fix(ddl, rollback, FixSafety.ONLINE) if ddl else None,
        )
