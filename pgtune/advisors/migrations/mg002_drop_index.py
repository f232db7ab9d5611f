"""MG002: DROP INDEX without CONCURRENTLY, and dropping an index the workload still uses."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ...findings import Evidence, Finding, Fix, FixSafety, Severity
from ...quantities import Unit
from ...query.ddl_model import DdlAction, Kind
from ...rules import Rule
from ._common import finding, insert_keyword, lock_phrase
from .context import MigrationContext

RULE = Rule(
    id="MG002",
    slug="drop-index-without-concurrently",
    title="Index dropped without CONCURRENTLY, or still used by the workload",
    why=(
        "DROP INDEX takes an ACCESS EXCLUSIVE lock on the index's table: it waits behind every running "
        "query on the table, and every query that arrives meanwhile queues behind it, reads included. "
        "DROP INDEX CONCURRENTLY waits for those queries without blocking new ones. With lock_timeout set "
        "the wait is bounded and the drop itself is instant, so it is reported as info. With a snapshot, the "
        "rule also lists the statements whose plans use the index: they lose it."
    ),
    bad_example="DROP INDEX orders_legacy_idx;",
    good_example="DROP INDEX CONCURRENTLY orders_legacy_idx;",
    severity=Severity.WARNING,
    needs=("plans (optional: lists the statements that use the index)",),
)


def check(actions: tuple[DdlAction, ...], context: MigrationContext) -> Iterator[Finding]:
    for action in actions:
        if action.kind is not Kind.DROP_INDEX or action.target_is_new:
            continue
        users = context.index_users.get(action.name or "", ())
        if action.concurrently and not users:
            continue
        if action.concurrently:
            message = f"DROP INDEX {action.name} removes an index that {len(users)} workload statement(s) use"
        else:
            message = f"DROP INDEX {action.name} {lock_phrase(action)} while it waits for running queries"
            if users:
                message += f"; {len(users)} workload statement(s) use it"
        ddl = None if action.concurrently else insert_keyword(action.sql, "INDEX", "CONCURRENTLY")
        result = finding(
            RULE,
            action,
            context,
            message,
            "Use DROP INDEX CONCURRENTLY outside a transaction block, after checking in pg_stat_user_indexes "
            "and the plans that nothing needs the index any more.",
            fix=Fix(ddl, None, FixSafety.ONLINE, "recreate the index to roll back") if ddl else None,
            timed=False,
            # Dropping is instant once the lock is granted; with lock_timeout set the wait is bounded too.
            severity=Severity.INFO if action.lock_timeout_set and not action.concurrently else None,
        )
        if users:
            calls = sum(u.calls for u in users)
            result = replace(
                result,
                statements=users,
                severity=Severity.CRITICAL,
                evidence=(
                    *result.evidence,
                    Evidence("used by", len(users), Unit.COUNT, f" statement(s), {calls:,} calls"),
                ),
            )
        yield result
