"""MG022: ALTER COLUMN ... SET EXPRESSION (17+) on a stored generated column, which rewrites the table."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, Severity
from ...query.ddl_model import DdlAction, Kind
from ...rules import Rule
from ._common import finding, lock_phrase
from .context import MigrationContext

RULE = Rule(
    id="MG022",
    slug="set-expression-rewrites-table",
    title="SET EXPRESSION on a stored generated column",
    why=(
        "From PostgreSQL 17, ALTER TABLE ... ALTER COLUMN ... SET EXPRESSION changes a generated column's "
        "expression in place. A stored column is then computed again for every row: the table is rewritten "
        "under an ACCESS EXCLUSIVE lock, blocking reads and writes throughout. A virtual generated column "
        "(18+) is computed when read, so changing its expression rewrites nothing."
    ),
    bad_example="ALTER TABLE trades ALTER COLUMN notional SET EXPRESSION AS (price * qty * contract_size);",
    good_example=(
        "-- 18+: computed when read, nothing is rewritten\n"
        "ALTER TABLE trades ADD COLUMN notional_v2 numeric GENERATED ALWAYS AS (price * qty * contract_size) VIRTUAL;"
    ),
    severity=Severity.CRITICAL,
    min_server_version_num=170000,
)


def check(actions: tuple[DdlAction, ...], context: MigrationContext) -> Iterator[Finding]:
    for action in actions:
        if action.kind is Kind.SET_EXPRESSION and action.rewrites and not action.target_is_new:
            yield finding(
                RULE,
                action,
                context,
                f"SET EXPRESSION on {action.name} rewrites {action.table} ({action.reason}) and "
                f"{lock_phrase(action)} until the rewrite ends",
                "Add a new column (on 18, a virtual generated one; before, a plain column backfilled in batches "
                "and kept in step by a trigger), switch the application to it, then drop the old column.",
            )
