"""MG011: an explicit LOCK TABLE in a migration."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, Severity
from ...query.ddl_model import DdlAction, Kind
from ...rules import Rule
from ._common import finding, lock_phrase
from .context import MigrationContext

RULE = Rule(
    id="MG011",
    slug="lock-table",
    title="Explicit LOCK TABLE",
    why=(
        "LOCK TABLE holds its lock (ACCESS EXCLUSIVE unless a mode is given) until the transaction ends, "
        "so everything else the migration does in that transaction runs with the table blocked. With "
        "lock_timeout set the wait for it is bounded and what runs under it is judged by the other rules: "
        "info."
    ),
    bad_example="BEGIN;\nLOCK TABLE orders;\nUPDATE orders SET status = 'closed' WHERE status = 'done';\nCOMMIT;",
    good_example="UPDATE orders SET status = 'closed' WHERE status = 'done';",
    severity=Severity.WARNING,
)


def check(actions: tuple[DdlAction, ...], context: MigrationContext) -> Iterator[Finding]:
    for action in actions:
        if action.kind is Kind.LOCK_TABLE and not action.target_is_new:
            yield finding(
                RULE,
                action,
                context,
                f"LOCK TABLE {lock_phrase(action)} until the transaction ends",
                "Drop the explicit lock, or take the weakest mode that works and keep the transaction short "
                "with lock_timeout set.",
                severity=Severity.INFO
                if action.lock_timeout_set
                else Severity.CRITICAL
                if action.lock.blocks_writes
                else Severity.WARNING,
                timed=False,
            )
