"""CF009: pg_stat_statements keeping every statement: enough entries, top-level tracking on."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Evidence, Finding, Severity
from ...quantities import Unit, human_count
from ...rules import Rule
from ..base import AnalysisFacts
from .change import setting, setting_finding
from .values import number

RULE = Rule(
    id="CF009",
    slug="pg-stat-statements-settings",
    title="Let pg_stat_statements keep the whole workload",
    why=(
        "pg_stat_statements keeps pg_stat_statements.max entries and evicts the least-used when full; "
        "evictions (deallocations) mean statistics for part of the workload are lost, and the analysis sees "
        "less than ran. With pg_stat_statements.track = none nothing is recorded at all."
    ),
    bad_example="ALTER SYSTEM SET pg_stat_statements.max = 1000;  -- 40,000 deallocations",
    good_example="ALTER SYSTEM SET pg_stat_statements.max = 10000;",
    needs=("settings", "statements"),
)

MIN_PROPOSED_MAX = 10_000


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    snapshot = facts.snapshot
    track = setting(snapshot, "pg_stat_statements.track")
    if track is not None and track.value == "none":
        yield setting_finding(
            RULE.id,
            track,
            "top",
            message="pg_stat_statements.track is none: no statement is recorded",
            help="set it to top (statements the clients send)",
            evidence=(),
            severity=Severity.WARNING,
            confidence="high",
        )
    current = setting(snapshot, "pg_stat_statements.max")
    entries = number(current)
    evicted = snapshot.statements_deallocations
    if entries is None or not evicted:
        return
    yield setting_finding(
        RULE.id,
        current,
        str(max(MIN_PROPOSED_MAX, int(entries) * 2)),
        message=f"pg_stat_statements evicted entries {human_count(evicted)} times: it is too small for the workload",
        help="raise pg_stat_statements.max (each entry takes about 1 kB of shared memory plus its text)",
        evidence=(
            Evidence("deallocations since reset", evicted, Unit.COUNT),
            Evidence("entries held", len(snapshot.statements), Unit.COUNT),
        ),
        severity=Severity.WARNING,
        confidence="high",
    )
