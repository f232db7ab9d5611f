"""MG021: a statement that failed when ``--trace`` ran the migration on a clone of the database."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, Severity
from ...query.ddl_model import DdlAction
from ...rules import Rule
from ._common import finding
from .context import MigrationContext

RULE = Rule(
    id="MG021",
    slug="statement-fails",
    title="Statement fails when the migration runs",
    why=(
        "A migration that fails half-way leaves the deploy stuck: outside a transaction block the "
        "statements before it stay applied, and an INVALID index or a half-done backfill may be left "
        "behind. With --trace, pgtune runs each file on a throwaway clone of the database (CREATE DATABASE "
        "… TEMPLATE) and reports the first statement the server refused, with its SQLSTATE and message; "
        "the statements after it were not run. Without --trace, statements the text already dooms are "
        "reported: CREATE INDEX CONCURRENTLY on a partitioned table, DROP INDEX CONCURRENTLY of several "
        "indexes, ADD COLUMN ... NOT NULL without a default on a table with rows, an enum value used in the "
        "transaction that added it, a column the known schema (--history, --snapshot) does not have."
    ),
    bad_example="ALTER TABLE orders ADD COLUMN venue text NOT NULL;",
    good_example="ALTER TABLE orders ADD COLUMN venue text NOT NULL DEFAULT 'main';",
    severity=Severity.CRITICAL,
    needs=("--trace for failures only the data shows (duplicates, NULLs, missing objects)",),
)


def check(actions: tuple[DdlAction, ...], context: MigrationContext) -> Iterator[Finding]:
    reported: set[tuple[str, int, int]] = set()
    for action in actions:
        location = (action.file, action.line, action.column)
        if location in reported or not (action.error or (action.fails and not action.traced)):
            continue
        reported.add(location)
        if action.error:
            message = f"The statement failed on a clone of the database: {action.error}"
            help = "Fix the statement (or what it depends on) and trace again; the statements after it did not run."
        else:
            message = f"The statement will fail when it runs: {action.fails}"
            help = "Rewrite it as the message says; --trace runs it on a clone of the database to be sure."
        yield finding(RULE, action, context, message, help, timed=False)
