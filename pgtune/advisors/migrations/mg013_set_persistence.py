"""MG013: SET LOGGED or SET UNLOGGED, which rewrite the table."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, Severity
from ...query.ddl_model import DdlAction, Kind
from ...rules import Rule
from ._common import finding, lock_phrase
from .context import MigrationContext

RULE = Rule(
    id="MG013",
    slug="set-logged-unlogged",
    title="SET LOGGED or SET UNLOGGED on an existing table",
    why=(
        "ALTER TABLE ... SET LOGGED / SET UNLOGGED rewrites the table (SET LOGGED also writes all of it to "
        "WAL) under an ACCESS EXCLUSIVE lock. An unlogged table is also emptied after a crash and is not "
        "replicated. SET LOGGED of a table that is logged already (or SET UNLOGGED of an unlogged one) changes "
        "nothing: not reported when --history created the table, or when --trace saw no new file."
    ),
    bad_example="ALTER TABLE order_events SET UNLOGGED;",
    good_example="CREATE UNLOGGED TABLE order_events_scratch (LIKE order_events);",
    severity=Severity.CRITICAL,
)


def check(actions: tuple[DdlAction, ...], context: MigrationContext) -> Iterator[Finding]:
    for action in actions:
        # A traced SET LOGGED of a table that already is logged changed no file: rewrites is False then.
        if action.kind is Kind.SET_PERSISTENCE and not action.target_is_new and action.rewrites is not False:
            yield finding(
                RULE,
                action,
                context,
                f"SET {action.new_name.upper()} rewrites {action.table} and {lock_phrase(action)}",
                "Create a new table with the persistence you want and move the data in batches, or do it in a "
                "maintenance window.",
            )
