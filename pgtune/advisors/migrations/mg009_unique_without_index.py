"""MG009: a unique, primary key or exclusion constraint added to an existing table by building its index."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, Severity
from ...query.ddl_model import ConstraintType, DdlAction, Kind
from ...rules import Rule
from ._common import finding, lock_phrase
from .context import MigrationContext

RULE = Rule(
    id="MG009",
    slug="unique-constraint-without-index",
    title="Unique or primary key constraint added without USING INDEX",
    why=(
        "ADD UNIQUE, ADD PRIMARY KEY and ADD EXCLUDE build their index inside ALTER TABLE, holding an "
        "ACCESS EXCLUSIVE lock on the table (reads and writes wait) for the whole build. Build a unique "
        "index CONCURRENTLY first, then attach it with ADD CONSTRAINT ... USING INDEX, a catalog change. "
        "A PRIMARY KEY ... USING INDEX also sets its columns NOT NULL, which scans the table under that lock "
        "unless they already are NOT NULL: make them so first (CHECK ... NOT VALID, VALIDATE, SET NOT NULL)."
    ),
    bad_example="ALTER TABLE fills ADD CONSTRAINT fills_trade_id_key UNIQUE (trade_id);",
    good_example=(
        "CREATE UNIQUE INDEX CONCURRENTLY fills_trade_id_key ON fills (trade_id);\n"
        "ALTER TABLE fills ADD CONSTRAINT fills_trade_id_key UNIQUE USING INDEX fills_trade_id_key;"
    ),
    severity=Severity.CRITICAL,
)
_TYPES = (ConstraintType.UNIQUE, ConstraintType.PRIMARY_KEY, ConstraintType.EXCLUSION)


def check(actions: tuple[DdlAction, ...], context: MigrationContext) -> Iterator[Finding]:
    for action in actions:
        if (
            action.kind is Kind.ADD_CONSTRAINT
            and action.constraint_type in _TYPES
            and (not action.using_index or action.scans)
            and not action.target_is_new
            and not (action.traced and not (action.scans and action.blocks_writes))
        ):
            what = action.constraint_type.value.upper()
            effect = (
                f"sets NOT NULL on its columns and {lock_phrase(action)} while it scans every row"
                if action.using_index
                else f"builds its index inside ALTER TABLE and {lock_phrase(action)} until the build ends"
            )
            yield finding(
                RULE,
                action,
                context,
                f"ADD {what}{' USING INDEX' if action.using_index else ''} {effect}",
                "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... UNIQUE (or PRIMARY KEY) "
                "USING INDEX; a primary key also needs its columns NOT NULL (see MG007).",
            )
