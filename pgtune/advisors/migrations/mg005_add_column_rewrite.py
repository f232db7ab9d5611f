"""MG005: a column added with a volatile default, identity or serial: the table is rewritten."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, Severity
from ...query.ddl_model import DdlAction, Kind
from ...rules import Rule
from ._common import finding, lock_phrase
from .context import MigrationContext

RULE = Rule(
    id="MG005",
    slug="add-column-rewrites-table",
    title="Column added with a volatile default, identity or serial",
    why=(
        "Since PostgreSQL 11 a column added with a constant default is a catalog change. A volatile default "
        "(random(), clock_timestamp(), gen_random_uuid(), nextval()), an identity or serial column, or a "
        "stored generated column must be computed for every row: the table is rewritten under an ACCESS "
        "EXCLUSIVE lock, blocking reads and writes throughout."
    ),
    bad_example="ALTER TABLE orders ADD COLUMN public_id uuid DEFAULT gen_random_uuid();",
    good_example=(
        "ALTER TABLE orders ADD COLUMN public_id uuid;\n"
        "ALTER TABLE orders ALTER COLUMN public_id SET DEFAULT gen_random_uuid();\n"
        "-- then backfill existing rows in batches"
    ),
    severity=Severity.CRITICAL,
)


def check(actions: tuple[DdlAction, ...], context: MigrationContext) -> Iterator[Finding]:
    for action in actions:
        if action.kind is Kind.ADD_COLUMN and action.rewrites and not action.target_is_new:
            yield finding(
                RULE,
                action,
                context,
                f"ADD COLUMN {action.name} rewrites {action.table} ({action.reason}) and {lock_phrase(action)} "
                "until the rewrite ends",
                "Add the column without the default (or with a constant one), set the default in a second "
                "statement so new rows get it, then backfill existing rows in small batches.",
            )
