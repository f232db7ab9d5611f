"""MG019: a statement that takes a blocking lock on an existing table with no lock_timeout set."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, Severity
from ...query.ddl_locks import Lock
from ...query.ddl_model import DdlAction, Kind
from ...rules import Rule
from ._common import article, finding
from .context import MigrationContext

RULE = Rule(
    id="MG019",
    slug="missing-lock-timeout",
    title="Blocking lock taken with no lock_timeout",
    why=(
        "A statement that needs a strong lock waits behind every running transaction on the table, and "
        "while it waits every later query on the table queues behind it: even an instant ALTER TABLE can "
        "stall the application for as long as the slowest running query. SET lock_timeout first so the "
        "migration gives up (and can be retried) instead. Required exactly where a statement takes a lock that "
        "blocks reads or writes of an existing table (SHARE or stronger; with --trace, where a second session "
        "was seen to wait), including the table a new foreign key references."
    ),
    bad_example="ALTER TABLE orders ADD COLUMN note text;",
    good_example="SET lock_timeout = '3s';\nALTER TABLE orders ADD COLUMN note text;",
    severity=Severity.WARNING,
)
_STRONG = (Lock.SHARE, Lock.SHARE_ROW_EXCLUSIVE, Lock.EXCLUSIVE, Lock.ACCESS_EXCLUSIVE)
_NOT_DDL = (Kind.UPDATE, Kind.DELETE)


def needs_lock_timeout(action: DdlAction) -> bool:
    """The statement takes a lock that makes reads or writes of an existing table wait, with no lock_timeout.

    Traced, that is what the second session saw; otherwise the lock mode decides (SHARE and stronger block
    writes). Row locks of UPDATE and DELETE are MG016's."""
    if action.lock_timeout_set or action.target_is_new or action.kind in _NOT_DDL:
        return False
    if action.error or (action.fails and not action.traced):
        # It fails before it locks anything (MG021 says so).
        return False
    if action.traced and action.probed:
        return action.lock_made_wait
    return action.lock in _STRONG


def _what(action: DdlAction) -> str:
    if action.kind is Kind.REFERENCE_LOCK:
        return "a foreign key"
    words = " ".join(action.sql.split()[:3]).upper()
    if action.kind is Kind.DROP_TABLE and words == "DROP MATERIALIZED VIEW":
        return "DROP MATERIALIZED VIEW"  # views are modelled as table drops: their readers break alike
    if action.kind in (Kind.DROP_TABLE, Kind.REPLACE_VIEW) and words.startswith("DROP VIEW"):
        return "DROP VIEW"
    return action.kind.value.replace("-", " ").upper()


def check(actions: tuple[DdlAction, ...], context: MigrationContext) -> Iterator[Finding]:
    for action in actions:
        if needs_lock_timeout(action):
            yield finding(
                RULE,
                action,
                context,
                f"{_what(action)} waits for "
                f"{article(action.lock.value)} {action.lock.value} lock on "
                f"{action.table or 'the table'} with no lock_timeout: queries arriving meanwhile queue behind it",
                "SET lock_timeout = '3s' (or similar) before the statement and retry the migration on timeout.",
                timed=False,
            )
