"""MG010: VACUUM FULL, CLUSTER or REFRESH MATERIALIZED VIEW, which copy the whole relation under an ACCESS
EXCLUSIVE lock."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, Severity
from ...query.ddl_model import DdlAction, Kind
from ...rules import Rule
from ._common import finding, lock_phrase
from .context import MigrationContext

RULE = Rule(
    id="MG010",
    slug="vacuum-full-or-cluster",
    title="VACUUM FULL, CLUSTER or REFRESH MATERIALIZED VIEW in a migration",
    why=(
        "VACUUM FULL and CLUSTER write a new copy of the table and its indexes while holding an ACCESS "
        "EXCLUSIVE lock: nothing can read or write the table until the copy is done, and the disk needs "
        "room for both copies. pg_repack rebuilds a table online. REFRESH MATERIALIZED VIEW without "
        "CONCURRENTLY does the same to the view: its readers wait for the whole query; CONCURRENTLY (with a "
        "unique index on the view) lets them read the old contents meanwhile."
    ),
    bad_example="VACUUM FULL orders;",
    good_example="VACUUM (ANALYZE) orders;",
    severity=Severity.CRITICAL,
)


_COMMANDS = {
    Kind.VACUUM_FULL: "VACUUM FULL",
    Kind.CLUSTER: "CLUSTER",
    Kind.REFRESH_MATERIALIZED_VIEW: "REFRESH MATERIALIZED VIEW",
}


def check(actions: tuple[DdlAction, ...], context: MigrationContext) -> Iterator[Finding]:
    for action in actions:
        if action.kind in _COMMANDS and not action.target_is_new and action.rewrites is not False:
            command = _COMMANDS[action.kind]
            yield finding(
                RULE,
                action,
                context,
                f"{command} rewrites {action.table} and {lock_phrase(action)} until the copy is done",
                "Use plain VACUUM for dead rows, or pg_repack to compact or reorder the table online; keep "
                "VACUUM FULL for a maintenance window.",
            )
