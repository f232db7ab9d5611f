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
        "later one. CASCADE drops more than it names: DROP TYPE ... CASCADE drops every column of the type, DROP "
        "SEQUENCE ... CASCADE the defaults that call nextval() of it (known from --history or --dsn)."
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
        if action.kind not in (Kind.DROP_COLUMN, Kind.DROP_TABLE, Kind.DROP_DEFAULT) or action.target_is_new:
            continue
        if action.error or (action.fails and not action.traced):
            continue  # it drops nothing: MG021 reports the failure
        if action.kind is Kind.DROP_DEFAULT:
            yield finding(
                RULE,
                action,
                context,
                f"{action.reason}: inserts that leave {action.name} out get NULL instead (or fail if it is NOT "
                f"NULL), and it {lock_phrase(action)}",
                "Point the default at another sequence first (ALTER COLUMN ... SET DEFAULT), or drop the column "
                "in a later release, then drop the sequence without CASCADE.",
                timed=False,
            )
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
