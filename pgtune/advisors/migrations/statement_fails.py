"""MG021: a statement that failed when ``--trace`` ran the migration on a clone of the database."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, Severity
from ...gate.context import MigrationContext
from ...query.ddl import DdlAction
from ...rules import Rule
from ._common import finding

RULE = Rule(
    id="MG021",
    slug="statement-fails",
    title="Statement fails when the migration runs",
    why=(
        "A migration that fails half-way leaves the deploy stuck: outside a transaction block the "
        "statements before it stay applied, and an INVALID index or a half-done backfill may be left "
        "behind. With --trace, pgtune runs each file on a throwaway clone of the database (CREATE DATABASE "
        "… TEMPLATE) and reports the first statement the server refused, with its SQLSTATE and message; "
        "the statements after it were not run."
    ),
    bad_example="ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES account (id);",
    good_example="ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;",
    severity=Severity.CRITICAL,
    needs=("--trace (a clone of the database to run the migration on)",),
)


def check(actions: tuple[DdlAction, ...], context: MigrationContext) -> Iterator[Finding]:
    reported: set[tuple[str, int, int]] = set()
    for action in actions:
        location = (action.file, action.line, action.column)
        if action.error is None or location in reported:
            continue
        reported.add(location)
        yield finding(
            RULE,
            action,
            context,
            f"The statement failed on a clone of the database: {action.error}",
            "Fix the statement (or what it depends on) and trace again; the statements after it did not run.",
            timed=False,
        )
