"""MT002: transaction ID and multixact ages approaching wraparound, per table and for the database."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ...findings import Evidence, Finding, Fix, FixSafety, Severity
from ...quantities import Unit, human_count
from ...rules import Rule
from ..autovacuum import server_setting
from ..base import AnalysisFacts, sql_name

RULE = Rule(
    id="MT002",
    slug="wraparound-age",
    title="Freeze tables before transaction IDs wrap around",
    why=(
        "Transaction IDs and multixact IDs are 32-bit counters. Vacuum must freeze old rows before their age "
        "reaches about 2.1 billion, or the server stops assigning new IDs and refuses writes until a vacuum "
        "in single-user mode completes: hours of downtime on a large table. Autovacuum starts forced freezing "
        "at autovacuum_freeze_max_age; an age far beyond that means something (a long transaction, an old "
        "replication slot, a prepared transaction, too few workers) keeps it from finishing."
    ),
    bad_example="SELECT relname, age(relfrozenxid) FROM pg_class WHERE age(relfrozenxid) > 1500000000;",
    good_example="VACUUM (FREEZE, INDEX_CLEANUP OFF, VERBOSE) public.trades;",
    severity=Severity.CRITICAL,
    needs=("tables",),
)

WARNING_AGE = 500_000_000
CRITICAL_AGE = 1_500_000_000
MARGIN_OVER_FREEZE_AGE = 200_000_000
"""Forced freezing starts at the freeze age; this far beyond it, it is not keeping up."""
STOP_AGE = 2**31 - 3_000_000


@dataclass(frozen=True)
class _Counter:
    label: str
    setting: str
    xid_field: str


_COUNTERS = (
    _Counter("transaction ID", "autovacuum_freeze_max_age", "xid_age"),
    _Counter("multixact ID", "autovacuum_multixact_freeze_max_age", "mxid_age"),
)


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    snapshot = facts.snapshot
    for counter in _COUNTERS:
        freeze_age = server_setting(snapshot.server, counter.setting)
        warn_at = min(CRITICAL_AGE, max(WARNING_AGE, freeze_age + MARGIN_OVER_FREEZE_AGE))
        found = False
        for table in sorted(snapshot.tables, key=lambda t: -getattr(t, counter.xid_field)):
            age = getattr(table, counter.xid_field)
            if age < warn_at:
                break
            found = True
            target = sql_name(table.schema, table.name)
            yield _finding(counter, age, freeze_age, table.qualified_name, target)
        database = snapshot.database
        if not found and database is not None and getattr(database, counter.xid_field) >= warn_at:
            yield _finding(counter, getattr(database, counter.xid_field), freeze_age, f"database {database.name}", "")


def _finding(counter: _Counter, age: int, freeze_age: float, what: str, target: str) -> Finding:
    critical = age >= CRITICAL_AGE
    options = "FREEZE, INDEX_CLEANUP OFF, VERBOSE" if critical else "FREEZE, VERBOSE"
    return Finding(
        rule=RULE.id,
        severity=Severity.CRITICAL if critical else Severity.WARNING,
        message=(
            f"{what} has a {counter.label} age of {human_count(age)}, "
            f"{human_count(STOP_AGE - age)} before the server stops accepting writes "
            f"(forced freezing starts at {human_count(freeze_age)})"
        ),
        help=(
            "end what holds back the horizon (long or prepared transactions, stale replication slots), then "
            "freeze it now" + (", skipping index cleanup to finish sooner" if critical else "")
        ),
        target=target or what,
        kind="vacuum",
        evidence=(
            Evidence(f"{counter.label} age", age, Unit.COUNT),
            Evidence(counter.setting, freeze_age, Unit.COUNT),
            Evidence("wraparound stop at", STOP_AGE, Unit.COUNT),
        ),
        fix=Fix(
            f"VACUUM ({options}) {target};" if target else f"VACUUM ({options});",
            None,
            FixSafety.ONLINE,
            "reads the whole table and writes every unfrozen page; run it off-peak if it is not urgent",
        ),
        confidence="high",
    )
