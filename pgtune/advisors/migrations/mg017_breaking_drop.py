"""MG017: a table or column dropped while the running application may still use it."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, Severity
from ...query.ddl_model import DdlAction, Kind
from ...rules import Rule
from ._common import finding, lock_phrase
from .context import MigrationContext

RULE = Rule(
    id="MG017",
    slug="drop-column-or-table",
    title="Column or table dropped under a running application",
    why=(
        "During a rolling deploy the old version of the application still runs: a query naming a dropped "
        "column, table or materialized view fails at once. Stop using it in a release first, then drop it in a "
        "later one."
    ),
    bad_example="ALTER TABLE orders DROP COLUMN legacy_fee;",
    good_example=(
        "-- release N stops writing orders.legacy_fee and makes it optional; release N+1 drops it\n"
        "ALTER TABLE orders ALTER COLUMN legacy_fee DROP NOT NULL;"
    ),
    severity=Severity.WARNING,
)


def check(actions: tuple[DdlAction, ...], context: MigrationContext) -> Iterator[Finding]:
    for action in actions:
        if action.kind not in (Kind.DROP_COLUMN, Kind.DROP_TABLE) or action.target_is_new:
            continue
        what = f"column {action.name} of {action.table}" if action.kind is Kind.DROP_COLUMN else action.table
        yield finding(
            RULE,
            action,
            context,
            f"Dropping {what} breaks every running query that names it, and {lock_phrase(action)}",
            "Ship an application release that no longer uses it, then drop it in a later migration; mark the "
            "drop with `-- pgtune: ignore MG017 <why it is safe>`.",
            timed=False,
        )
