"""CF011: enough worker processes for the server's CPUs."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Evidence, Finding, Severity
from ...quantities import Unit
from ...rules import Rule
from ..base import AnalysisFacts
from .change import setting, setting_finding
from .values import number

RULE = Rule(
    id="CF011",
    slug="parallel-workers",
    title="Allow as many worker processes as the server has CPUs",
    why=(
        "Parallel query, parallel index builds and extensions' background jobs all draw on "
        "max_worker_processes, and parallel query on max_parallel_workers too. Left at the default of 8 on a "
        "server with more cores, large scans and reports cannot use the CPUs that are there. From PostgreSQL "
        "18, pg_stat_statements counts the workers each statement's plans asked for and those launched: "
        "workers that never launched are reported, with or without the CPU count."
    ),
    bad_example="ALTER SYSTEM SET max_parallel_workers = 8;  -- on 32 cores",
    good_example="ALTER SYSTEM SET max_worker_processes = 32;\nALTER SYSTEM SET max_parallel_workers = 32;",
    severity=Severity.INFO,
    needs=("settings", "cpus"),
)

# Checked in this order: max_parallel_workers cannot use more than max_worker_processes allows.
_PER_CPU = ("max_worker_processes", "max_parallel_workers")


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    cpus = facts.settings.cpus
    present = [current for name in _PER_CPU if (current := setting(facts.snapshot, name)) is not None]
    if not present:
        return
    shortfall = _workers_not_launched(facts)
    if cpus is None:
        if shortfall:
            yield Finding(
                rule=RULE.id,
                severity=Severity.WARNING,
                message=f"statements got {shortfall[1].value:,}{shortfall[1].detail} parallel workers their plans "
                f"asked for: the worker processes ran out ({', '.join(f'{s.name} is {s.value}' for s in present)})",
                help="raise max_worker_processes and max_parallel_workers; pass the server's cores, e.g. "
                "--cpus 16, to have them sized",
                target="max_parallel_workers",
                kind="setting",
                evidence=shortfall,
            )
        yield Finding(
            rule=RULE.id,
            severity=Severity.INFO,
            message=f"{', '.join(s.name for s in present)} not checked: the server's CPU count is unknown",
            help="pass the server's cores, e.g. --cpus 16, to size them",
            target="cpus",
            kind="skipped",
        )
        return
    for current in present:
        value = number(current)
        if value is None or value >= cpus:
            continue
        yield setting_finding(
            RULE.id,
            current,
            str(cpus),
            message=f"{current.name} is {current.value} on a server with {cpus} CPUs",
            help=f"raise {current.name} to the number of CPUs (TimescaleDB's jobs need their own workers on top)",
            evidence=(Evidence("CPUs", cpus, Unit.COUNT, " (--cpus)"), *shortfall),
            severity=Severity.INFO,
        )


def _workers_not_launched(facts: AnalysisFacts) -> tuple[Evidence, ...]:
    """From 18, pg_stat_statements counts the parallel workers each statement's plans asked for and got."""
    counted = [s for s in facts.snapshot.statements if s.parallel_workers_to_launch is not None]
    planned = sum(s.parallel_workers_to_launch or 0 for s in counted)
    launched = sum(s.parallel_workers_launched or 0 for s in counted)
    if launched >= planned:
        return ()
    short = sorted(counted, key=lambda s: (s.parallel_workers_launched or 0) - (s.parallel_workers_to_launch or 0))
    return (
        Evidence("source", "pg_stat_statements parallel_workers_to_launch / parallel_workers_launched"),
        Evidence("parallel workers launched", launched, Unit.COUNT, f" of {planned:,}"),
        Evidence(
            "most short",
            f"queryid {short[0].queryid}: {short[0].parallel_workers_launched:,} of "
            f"{short[0].parallel_workers_to_launch:,}",
        ),
    )
