"""MG023: ALTER DOMAIN ... ADD CONSTRAINT without NOT VALID, VALIDATE CONSTRAINT or SET NOT NULL, which check
every column of the domain in every table, each under a SHARE lock."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, Severity
from ...query.ddl_model import DdlAction, Kind
from ...rules import Rule
from ._common import finding, lock_phrase
from .context import MigrationContext

RULE = Rule(
    id="MG023",
    slug="domain-constraint-without-not-valid",
    title="Domain constraint added without NOT VALID",
    why=(
        "ALTER DOMAIN ... ADD CONSTRAINT checks every stored value of the domain: PostgreSQL finds each "
        "table with a column of that domain (typecmds.c, get_rels_with_domain), takes a SHARE lock on it, "
        "which blocks INSERT, UPDATE and DELETE, and reads the whole table. ALTER DOMAIN ... SET NOT NULL "
        "does the same, and so does ALTER DOMAIN ... VALIDATE CONSTRAINT through PostgreSQL 18 (unlike a "
        "table's VALIDATE CONSTRAINT, which lets writes through; 19 lowers the domain's to SHARE UPDATE "
        "EXCLUSIVE). Added NOT VALID, the constraint applies to new values at once and checks no old one; "
        "validating it later still blocks writes while it reads, so it belongs in a quiet hour under a "
        "lock_timeout, or the check on a table column instead (CHECK ... NOT VALID, then VALIDATE). With "
        "--history or --snapshot the tables using the domain are named; a domain no known column uses is "
        "not reported."
    ),
    bad_example="ALTER DOMAIN asset_code ADD CONSTRAINT asset_code_upper CHECK (VALUE = upper(VALUE));",
    good_example=(
        "ALTER DOMAIN asset_code ADD CONSTRAINT asset_code_upper CHECK (VALUE = upper(VALUE)) NOT VALID;\n"
        "-- later, in its own transaction\n"
        "ALTER DOMAIN asset_code VALIDATE CONSTRAINT asset_code_upper;"
    ),
    severity=Severity.WARNING,
)


def check(actions: tuple[DdlAction, ...], context: MigrationContext) -> Iterator[Finding]:
    for action in actions:
        if action.kind is not Kind.DOMAIN_CONSTRAINT or action.target_is_new:
            continue
        if action.traced and not (action.scans and action.blocks_writes):
            # The trace counts the check's reads of each table (no DEBUG1 message says so) and its writes' waits.
            continue
        where = (
            lock_phrase(action)
            if action.table
            else (
                "takes a SHARE lock on every table with a column of that domain, which blocks INSERT, UPDATE and DELETE"
            )
        )
        yield finding(
            RULE,
            action,
            context,
            f"{action.reason.split(' checks')[0]} reads every row of {action.table or 'each table using it'} and "
            f"{where} while it checks them",
            "Add the domain constraint NOT VALID (new values are checked at once; for NOT NULL, CHECK (VALUE IS "
            "NOT NULL) NOT VALID); its VALIDATE CONSTRAINT blocks the same writes through PostgreSQL 18, so run it "
            "alone at a quiet hour with a lock_timeout, or check the table column instead (CHECK ... NOT VALID, "
            "then VALIDATE, which lets writes through).",
        )
