"""MG024: an index built on an existing table while the statement's lock holds its writes (or reads) back."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, Severity
from ...query.ddl_model import DdlAction, Kind
from ...rules import Rule
from ._common import finding, lock_phrase
from .context import MigrationContext

RULE = Rule(
    id="MG024",
    slug="index-built-under-lock",
    title="Index built under the statement's lock",
    why=(
        "Two statements build indexes as a side effect, reading the whole table while the lock they hold "
        "makes writes wait. ATTACH PARTITION creates, on the table being attached, each of the parent's "
        "indexes it has no matching index for (the documentation's recipe creates the matching index first, "
        "CONCURRENTLY, so ATTACH only links it); a PRIMARY KEY's or UNIQUE constraint's index is matched only by "
        "the index of a constraint of the table (AttachPartitionEnsureIndexes), so a plain unique index does not "
        "spare the build: add the constraint USING INDEX first. ALTER COLUMN ... TYPE keeps an index only when "
        "its operator class and collation stay the same (tablecmds.c TryReuseIndex / CheckIndexCompatible): "
        "timestamp → timestamptz keeps the table under TimeZone UTC but rebuilds every index on the column under "
        "ACCESS EXCLUSIVE. Needs the indexes known: --history."
    ),
    bad_example=(
        "ALTER TABLE orders ADD COLUMN placed_at timestamp;\n"
        "CREATE INDEX CONCURRENTLY orders_placed_at_idx ON orders (placed_at);\n"
        "SET TIME ZONE 'UTC';\n"
        "ALTER TABLE orders ALTER COLUMN placed_at TYPE timestamptz;"
    ),
    good_example=(
        "ALTER TABLE orders ADD COLUMN note varchar(40);\n"
        "CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);\n"
        "ALTER TABLE orders ALTER COLUMN note TYPE varchar(80);"
    ),
    severity=Severity.WARNING,
    needs=("--history (the indexes of the tables involved)",),
)


def check(actions: tuple[DdlAction, ...], context: MigrationContext) -> Iterator[Finding]:
    for action in actions:
        if not action.builds_indexes or action.target_is_new or action.rewrites is True:
            continue  # a rewrite rebuilds every index anyway: MG006 reports it
        if action.error or (action.fails and not action.traced):
            continue  # it builds nothing: MG021 reports the failure
        indexes = ", ".join(action.builds_indexes)
        if action.kind is Kind.ATTACH_PARTITION:
            message = (
                f"ATTACH PARTITION {action.name} builds the parent's index(es) {indexes} on {action.name}, "
                f"reading all of it while the lock holds writes back"
            )
            help = (
                f"Create a matching index on {action.name} first (CREATE INDEX CONCURRENTLY; for the parent's "
                "PRIMARY KEY or UNIQUE constraint a unique one, then ADD CONSTRAINT ... USING INDEX), then ATTACH: "
                "PostgreSQL attaches it instead of building one."
            )
        else:
            message = (
                f"ALTER COLUMN {action.name} TYPE {action.new_type} rebuilds {indexes} (the operator class "
                f"changes), reading all of {action.table}, and {lock_phrase(action)}"
            )
            help = (
                "Add a new column of the new type with its index built CONCURRENTLY, backfill it in batches, "
                "then switch the application and drop the old column."
            )
        yield finding(RULE, action, context, message, help)
