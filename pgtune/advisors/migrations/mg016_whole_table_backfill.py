"""MG016: an UPDATE or DELETE of every row of an existing table in one statement."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, Severity
from ...query.ddl_model import DdlAction, Kind
from ...rules import Rule
from ._common import finding
from .context import MigrationContext

RULE = Rule(
    id="MG016",
    slug="whole-table-backfill",
    title="UPDATE or DELETE of every row in one statement",
    why=(
        "An UPDATE or DELETE without a WHERE clause (or with one every row matches: `col IS NOT NULL` on a "
        "column declared NOT NULL in the known schema, or with no NULL in pg_stats; an UPDATE ... FROM or DELETE ... "
        "USING whose WHERE is only the join condition, which touches every row of the target with a partner) "
        "locks every row it "
        "touches until the transaction commits: application writes to those rows wait for the whole "
        "backfill. It also writes a new version of every row (WAL burst, replication lag, table bloat) in "
        "one long transaction."
    ),
    bad_example="UPDATE orders SET fee_currency = 'USDT';",
    good_example=(
        "UPDATE orders SET fee_currency = 'USDT'\n"
        "WHERE id IN (SELECT id FROM orders WHERE fee_currency IS NULL LIMIT 5000);\n"
        "-- repeated by the deploy job until it updates no row"
    ),
    severity=Severity.WARNING,
)


def check(actions: tuple[DdlAction, ...], context: MigrationContext) -> Iterator[Finding]:
    for action in actions:
        if action.kind in (Kind.UPDATE, Kind.DELETE) and action.whole_table and not action.target_is_new:
            verb = action.kind.value.upper()
            rows = ""
            table = context.table(action.table)
            if table is not None:
                rows = f" ({table.n_live_tup:,} live rows)"
            whole = f"touches every row of {action.table}{rows}"
            help = (
                "Backfill in batches of a few thousand rows by primary key, each in its own transaction, "
                "outside the schema migration."
            )
            if "partition" in action.reason:
                whole = f"on {action.table}: {action.reason}"
                help = (
                    "Remove a whole partition instead of its rows: ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY, "
                    "then DROP TABLE the detached partition (no row is deleted, no row lock held)."
                )
            elif action.reason:
                whole = f"on {action.table}: {action.reason}"
            yield finding(
                RULE,
                action,
                context,
                f"{verb} {whole} in one transaction and holds their row locks until it commits: application "
                "writes to them wait",
                help,
                timed=False,
            )
