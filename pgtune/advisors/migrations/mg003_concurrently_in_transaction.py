"""MG003: a CONCURRENTLY command inside a transaction block, where PostgreSQL refuses it."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, Severity
from ...query.ddl_model import DdlAction
from ...rules import Rule
from ._common import finding
from .context import MigrationContext

RULE = Rule(
    id="MG003",
    slug="concurrently-in-transaction",
    title="CONCURRENTLY inside a transaction block",
    why=(
        "CREATE INDEX CONCURRENTLY, DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and DETACH PARTITION "
        "CONCURRENTLY cannot run inside a transaction block: the migration fails at deploy time. dbmate "
        "wraps each file in a transaction unless told not to; Flyway runs a file of CREATE/DROP INDEX "
        "CONCURRENTLY alone outside one, but refuses a file that mixes them with other statements and wraps "
        "REINDEX and DETACH PARTITION CONCURRENTLY."
    ),
    bad_example="BEGIN;\nCREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);\nCOMMIT;",
    good_example="CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);",
    severity=Severity.CRITICAL,
)


_HOW = {
    "flyway": "Flyway: put the statement alone in its file (or executeInTransaction=false in the script's .sql.conf)",
    "dbmate": "dbmate: '-- migrate:up transaction:false'",
    "goose": "goose: '-- +goose NO TRANSACTION'",
    "liquibase": "Liquibase: runInTransaction:false on the changeset",
    "diesel": "Diesel: run_in_transaction = false in the migration's metadata.toml",
    "atlas": "Atlas: '-- atlas:txmode none'",
    "sqlx": "sqlx: start the file with '-- no-transaction'",
    "drizzle": "Drizzle runs every pending migration in one transaction: run this statement outside drizzle-kit",
    "golang-migrate": "golang-migrate sends the file as one query string: one statement per file",
    "prisma": "Prisma sends the script as one query string: one statement per migration",
}
_PLAIN = (
    "remove BEGIN/COMMIT; when a framework wraps the file: Django 'atomic = False', Rails "
    "'disable_ddl_transaction!', Alembic 'with op.get_context().autocommit_block()'"
)


def check(actions: tuple[DdlAction, ...], context: MigrationContext) -> Iterator[Finding]:
    for action in actions:
        if action.concurrently and action.in_transaction:
            yield finding(
                RULE,
                action,
                context,
                f"{action.kind.value.replace('-', ' ').upper()} CONCURRENTLY inside a transaction block fails "
                "with 'cannot run inside a transaction block'",
                f"Put the statement in its own migration run outside a transaction ({_HOW.get(action.tool, _PLAIN)}).",
                timed=False,
            )
