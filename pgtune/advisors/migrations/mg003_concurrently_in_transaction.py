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
        "CONCURRENTLY cannot run inside a transaction block: the migration fails at deploy time. Migration "
        "tools such as Flyway and dbmate wrap each file in a transaction unless told not to."
    ),
    bad_example="BEGIN;\nCREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);\nCOMMIT;",
    good_example="CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);",
    severity=Severity.CRITICAL,
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
                "Put the statement in its own migration run outside a transaction (Flyway: "
                "executeInTransaction=false; dbmate: '-- migrate:up transaction:false'; remove BEGIN/COMMIT).",
                timed=False,
            )
