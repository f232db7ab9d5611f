"""MG012: TRUNCATE of an existing table."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, Severity
from ...query.ddl_model import DdlAction, Kind
from ...rules import Rule
from ._common import finding, lock_phrase
from .context import MigrationContext

RULE = Rule(
    id="MG012",
    slug="truncate-table",
    title="TRUNCATE in a migration",
    why=(
        "TRUNCATE takes an ACCESS EXCLUSIVE lock (it waits behind every running query and blocks all that "
        "come after) and removes every row at once, which a running application rarely expects. TRUNCATE ... "
        "CASCADE also empties every table whose foreign key references one it empties, each under the same lock "
        "(known from --history or --dsn): each is reported."
    ),
    bad_example="TRUNCATE orders_staging;",
    good_example="DELETE FROM orders_staging WHERE loaded_at < now() - interval '7 days';",
    severity=Severity.WARNING,
)


def check(actions: tuple[DdlAction, ...], context: MigrationContext) -> Iterator[Finding]:
    for action in actions:
        if action.kind is Kind.TRUNCATE and not (
            action.target_is_new or action.error or (action.fails and not action.traced)
        ):
            yield finding(
                RULE,
                action,
                context,
                f"TRUNCATE empties {action.table} and {lock_phrase(action)}",
                "Delete in batches if the application keeps using the table; if the data must go at once, run "
                "it with lock_timeout set, at a quiet time.",
                timed=False,
            )
