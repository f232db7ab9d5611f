"""MG018: a table or column renamed while the running application still uses the old name."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, Severity
from ...query.ddl_model import DdlAction, Kind
from ...rules import Rule
from ._common import finding
from .context import MigrationContext

RULE = Rule(
    id="MG018",
    slug="rename-column-or-table",
    title="Column or table renamed under a running application",
    why=(
        "A rename is instant, but every query of the running application that uses the old name fails from "
        "that moment until the new release is everywhere. A table or view moved by SET SCHEMA is renamed so "
        "too: queries naming the old schema, or finding it through search_path, no longer do. An enum value "
        "renamed (ALTER TYPE ... RENAME VALUE) "
        "is reported too: the running application's writes and comparisons of the old value fail."
    ),
    bad_example="ALTER TABLE orders RENAME COLUMN qty TO quantity;",
    good_example=(
        "ALTER TABLE orders ADD COLUMN quantity numeric;\n"
        "-- write both columns, backfill, switch reads, then drop qty in a later release"
    ),
    severity=Severity.WARNING,
)


def check(actions: tuple[DdlAction, ...], context: MigrationContext) -> Iterator[Finding]:
    for action in actions:
        if action.kind is Kind.RENAME_VALUE:
            yield finding(
                RULE,
                action,
                context,
                f"Renaming value '{action.name}' of enum {action.table} to '{action.new_name}' breaks every running "
                "query that writes or compares the old value",
                "Add the new value (ALTER TYPE ... ADD VALUE), move the application and the rows to it, and stop "
                "using the old one in a later release.",
                timed=False,
            )
            continue
        if action.kind not in (Kind.RENAME_COLUMN, Kind.RENAME_TABLE) or action.target_is_new:
            continue
        old = f"column {action.name} of {action.table}" if action.kind is Kind.RENAME_COLUMN else action.table
        yield finding(
            RULE,
            action,
            context,
            f"Renaming {old} to {action.new_name} breaks every running query that uses the old name",
            "Expand and contract: add the new column (or a view with the new name), write both, move readers "
            "over, then drop the old name in a later release.",
            timed=False,
        )
