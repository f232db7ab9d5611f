"""MG007: SET NOT NULL without a validated CHECK (column IS NOT NULL) to prove it."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, Fix, FixSafety, Severity
from ...query.ddl_model import DdlAction, Kind
from ...rules import Rule
from ._common import finding, lock_phrase
from .context import MigrationContext

RULE = Rule(
    id="MG007",
    slug="set-not-null-without-check",
    title="SET NOT NULL without a validated CHECK constraint",
    why=(
        "ALTER COLUMN ... SET NOT NULL (or, from PostgreSQL 18, ADD CONSTRAINT ... NOT NULL) scans the whole "
        "table under an ACCESS EXCLUSIVE lock to prove there is no NULL. The scan is skipped when a "
        "validated CHECK (column IS NOT NULL) constraint already proves it; that constraint can be added "
        "NOT VALID and validated under a SHARE UPDATE EXCLUSIVE lock, which lets reads and writes continue."
    ),
    bad_example="ALTER TABLE orders ALTER COLUMN account_id SET NOT NULL;",
    good_example=(
        "ALTER TABLE orders ADD CONSTRAINT orders_account_id_not_null CHECK (account_id IS NOT NULL) NOT VALID;\n"
        "ALTER TABLE orders VALIDATE CONSTRAINT orders_account_id_not_null;\n"
        "ALTER TABLE orders ALTER COLUMN account_id SET NOT NULL;\n"
        "ALTER TABLE orders DROP CONSTRAINT orders_account_id_not_null;"
    ),
    severity=Severity.WARNING,
)


def check(actions: tuple[DdlAction, ...], context: MigrationContext) -> Iterator[Finding]:
    for action in actions:
        if action.kind is not Kind.SET_NOT_NULL or action.target_is_new or action.has_not_null_check:
            continue
        if action.traced and not action.scans:
            # The server proved NOT NULL from a valid CHECK without reading the table.
            continue
        table, column = action.table, action.name
        constraint = f"{table.split('.')[-1]}_{column}_not_null"
        ddl = (
            f"ALTER TABLE {table} ADD CONSTRAINT {constraint} CHECK ({column} IS NOT NULL) NOT VALID;\n"
            f"ALTER TABLE {table} VALIDATE CONSTRAINT {constraint};\n"
            f"ALTER TABLE {table} ALTER COLUMN {column} SET NOT NULL;\n"
            f"ALTER TABLE {table} DROP CONSTRAINT {constraint};"
        )
        yield finding(
            RULE,
            action,
            context,
            f"SET NOT NULL on {column} {lock_phrase(action)} while it scans every row for NULLs",
            "Add CHECK (column IS NOT NULL) NOT VALID, VALIDATE it (reads and writes continue), then SET NOT "
            "NULL skips the scan (PostgreSQL 12+); drop the CHECK afterwards.",
            fix=Fix(ddl, f"ALTER TABLE {table} ALTER COLUMN {column} DROP NOT NULL;", FixSafety.BRIEF_LOCK),
        )
