"""MG008: a foreign key or CHECK constraint added to an existing table without NOT VALID."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, Fix, FixSafety, Severity
from ...query.ddl_model import ConstraintType, DdlAction, Kind
from ...rules import Rule
from ._common import article, finding, lock_phrase
from .context import MigrationContext

RULE = Rule(
    id="MG008",
    slug="constraint-without-not-valid",
    title="Foreign key or CHECK constraint added without NOT VALID",
    why=(
        "Adding a CHECK constraint scans the table under an ACCESS EXCLUSIVE lock; adding a foreign key "
        "scans it under a SHARE ROW EXCLUSIVE lock on both tables, so writes to the table and to the "
        "referenced table wait. Added NOT VALID, the constraint is a brief catalog change that still "
        "checks new rows; VALIDATE CONSTRAINT then checks old rows under a lock that lets writes continue, "
        "but only in a transaction of its own: run in the transaction that added the constraint (or any "
        "that already holds a strong lock on the table, as when a tool wraps the file), the validation "
        "scan runs with that lock held. A CHECK declared inline with ADD COLUMN is validated the same way, "
        "every existing row read under ACCESS EXCLUSIVE (a column constraint cannot be NOT VALID), even though "
        "the new column holds only NULLs or its default. A NOT ENFORCED CHECK or foreign key (18+) is stored "
        "NOT VALID and checks no row (before 18 the syntax fails, MG021)."
    ),
    bad_example="ALTER TABLE fills ADD CONSTRAINT fills_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);",
    good_example=(
        "ALTER TABLE fills ADD CONSTRAINT fills_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID;\n"
        "ALTER TABLE fills VALIDATE CONSTRAINT fills_order_fk;"
    ),
    severity=Severity.CRITICAL,
)
_TYPES = (ConstraintType.FOREIGN_KEY, ConstraintType.CHECK)


def _validates_under_a_held_lock(action: DdlAction) -> bool:
    if action.kind is not Kind.VALIDATE_CONSTRAINT or action.target_is_new:
        return False
    if action.traced:
        return action.scans and action.blocks_writes
    return action.held_lock is not None and action.held_lock.blocks_writes


def _checked_new_column(action: DdlAction) -> bool:
    """ADD COLUMN ... CHECK (...) validates every row under ACCESS EXCLUSIVE (a column constraint cannot be NOT
    VALID); a rewrite (volatile default) is MG005's."""
    if action.kind is not Kind.ADD_COLUMN or action.constraint_type is not ConstraintType.CHECK:
        return False
    if action.target_is_new or action.rewrites:
        return False
    return action.scans and (action.blocks_writes if action.traced else True)


def check(actions: tuple[DdlAction, ...], context: MigrationContext) -> Iterator[Finding]:
    for action in actions:
        if _checked_new_column(action):
            yield finding(
                RULE,
                action,
                context,
                f"ADD COLUMN {action.name} with a CHECK {lock_phrase(action)} while it checks every existing row",
                "Add the column without the CHECK, then ADD CONSTRAINT ... CHECK (...) NOT VALID and VALIDATE "
                "CONSTRAINT in a separate transaction, which lets reads and writes continue.",
            )
            continue
        if _validates_under_a_held_lock(action):
            held = action.held_lock or action.lock
            yield finding(
                RULE,
                action,
                context,
                f"VALIDATE CONSTRAINT {action.name} runs in a transaction that already holds {article(held.value)} "
                f"{held.value} lock on {action.table}, which {held.blocks}, so the validation scan blocks too",
                "Commit after ADD CONSTRAINT ... NOT VALID and run VALIDATE CONSTRAINT in its own transaction "
                "(its own migration when the tool wraps each file in one).",
            )
            continue
        if (
            action.kind is not Kind.ADD_CONSTRAINT
            or action.constraint_type not in _TYPES
            or action.not_valid
            or action.target_is_new
            or (action.traced and not (action.scans and action.blocks_writes))
        ):
            continue
        tables = f"{action.table} and {action.referenced_table}" if action.referenced_table else action.table
        fix = None
        if action.name and len(action.sql.split(";")[0].split(" ADD ")) == 2:
            ddl = (
                f"{action.sql.rstrip().rstrip(';')} NOT VALID;\n"
                f"ALTER TABLE {action.table} VALIDATE CONSTRAINT {action.name};"
            )
            fix = Fix(ddl, f"ALTER TABLE {action.table} DROP CONSTRAINT {action.name};", FixSafety.BRIEF_LOCK)
        yield finding(
            RULE,
            action,
            context,
            f"ADD {action.constraint_type.value.upper()} {lock_phrase(action, tables)} while it checks every row",
            "Add the constraint NOT VALID (a brief lock; new rows are checked), then VALIDATE CONSTRAINT in a "
            "separate transaction, which lets reads and writes continue.",
            fix=fix,
        )
