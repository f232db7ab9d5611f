"""MG006: a column type change that rewrites the table (or may, when the current type is unknown)."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, Severity
from ...query.ddl_model import DdlAction, Kind
from ...query.ddl_types import ColumnType, may_only_widen, utc_zone
from ...rules import Rule
from ._common import finding, lock_phrase
from .context import MigrationContext

RULE = Rule(
    id="MG006",
    slug="alter-column-type-rewrites-table",
    title="Column type change that rewrites the table",
    why=(
        "ALTER COLUMN ... TYPE takes an ACCESS EXCLUSIVE lock and, unless the old type is binary-coercible "
        "to the new one, rewrites the table and rebuilds its indexes while reads and writes wait. "
        "Widening varchar(n) to varchar(m > n), varchar to text and raising a numeric's precision at the "
        "same scale do not rewrite; int to bigint, a narrower length and any USING expression do. "
        "Without --history or --snapshot the old type is unknown: a change to varchar, text or varbit is "
        "then reported as info (nearly always a widening), any other change as a warning. A change that keeps the "
        "table still re-validates every CHECK reading the column against every row, under the same lock: a "
        "warning (--history, --snapshot or --dsn show the CHECKs). timestamp ↔ "
        "timestamptz keeps the table on PostgreSQL 12+ only when the session TimeZone is UTC: info. With "
        "--trace, a change that keeps the table but rebuilds an index on the column while writes wait is "
        "reported too."
    ),
    bad_example="ALTER TABLE fills ALTER COLUMN qty TYPE bigint;",
    good_example=(
        "ALTER TABLE orders ADD COLUMN note varchar(40);\n"
        "-- note's type is known (here, or from --history / --snapshot): varchar to text keeps the table\n"
        "ALTER TABLE orders ALTER COLUMN note TYPE text;"
    ),
    severity=Severity.CRITICAL,
)


def check(actions: tuple[DdlAction, ...], context: MigrationContext) -> Iterator[Finding]:
    for action in actions:
        if action.kind is not Kind.ALTER_COLUMN_TYPE or action.target_is_new:
            continue
        if action.rewrites is False:
            if action.scans and action.rechecks and (action.blocks_writes or not action.traced):
                yield _recheck(action, context)
            elif action.traced and action.scans and action.blocks_writes:
                yield _rebuild(action, context)
            continue
        known = action.rewrites is True
        # From an unknown type, a change to timestamp(tz) is nearly always timestamp → timestamptz (or a
        # precision change), which keeps the table on 12+ when the session TimeZone is UTC.
        target = ColumnType.parse(action.new_type)
        zoned_target = (
            target.name in ("timestamp", "timestamptz")
            and (not target.modifiers or target.modifiers[0] >= 6)
            and (action.timezone is None or utc_zone(action.timezone))
        )
        # With the old type unknown, a change to varchar, text or varbit is nearly always a widening, which
        # keeps the table: reported without failing the build. Other changes may well rewrite.
        widening = not known and (
            may_only_widen(ColumnType.parse(action.new_type)) or action.depends_on_timezone or zoned_target
        )
        change = f"ALTER COLUMN {action.name} TYPE {action.new_type}"
        if known:
            effect = f"rewrites {action.table} ({action.reason})"
        elif widening:
            effect = f"keeps {action.table} only if it widens the current type ({action.reason}), else rewrites it"
        else:
            effect = f"may rewrite {action.table} ({action.reason})"
        yield finding(
            RULE,
            action,
            context,
            f"{change} {effect} and {lock_phrase(action)}",
            "Add a new column of the new type, backfill it in batches, keep both in step with a trigger, then "
            "switch the application and drop the old column."
            + ("" if known else " Pass --history or --snapshot so the current type is known."),
            severity=None if known else Severity.INFO if widening else Severity.WARNING,
        )


def _recheck(action: DdlAction, context: MigrationContext) -> Finding:
    """No rewrite, but the CHECKs reading the column are dropped and re-added, each validated against every row."""
    checks = ", ".join(action.rechecks)
    return finding(
        RULE,
        action,
        context,
        f"ALTER COLUMN {action.name} TYPE {action.new_type} keeps {action.table} but re-validates CHECK {checks} "
        f"against every row (of every partition) and {lock_phrase(action)} while it reads them",
        "Run it in a quiet window, or add a new column of the new type with the CHECK NOT VALID, backfill it in "
        "batches, VALIDATE the CHECK (SHARE UPDATE EXCLUSIVE) and switch the application to it.",
        severity=Severity.WARNING,
    )


def _rebuild(action: DdlAction, context: MigrationContext) -> Finding:
    """No rewrite (timestamp → timestamptz under UTC), but the trace saw the column's indexes rebuilt, each
    read of the table done while writes waited."""
    return finding(
        RULE,
        action,
        context,
        f"ALTER COLUMN {action.name} TYPE {action.new_type} keeps {action.table} but rebuilds its indexes on the "
        f"column (traced) and {lock_phrase(action)} until they are built",
        "Build a new index on an expression or a new column CONCURRENTLY first, or run the change in a "
        "maintenance window: the rebuild reads the whole table while writes wait.",
    )
