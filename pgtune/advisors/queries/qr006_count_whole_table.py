"""QR006: count(*) over a whole large table on a hot path reads every row each time."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Evidence, Finding, Fix, FixSafety
from ...quantities import Unit, human_count
from ...query.antipatterns import AntiPatternKind
from ...rules import Rule
from ..base import AnalysisFacts
from .observed import antipatterns, pattern_table

RULE = Rule(
    id="QR006",
    slug="count-whole-table",
    title="Estimate the row count of a large table instead of counting it",
    why=(
        "PostgreSQL keeps no row count: count(*) without a WHERE reads the whole table (or its smallest "
        "index) on every call. Where an approximate figure does, pg_class.reltuples is kept up to date by "
        "VACUUM and ANALYZE; where it must be exact, a counter table maintained by a trigger costs one row."
    ),
    bad_example="SELECT count(*) FROM trades;",
    good_example="SELECT reltuples::bigint AS estimate FROM pg_class WHERE oid = 'public.trades'::regclass;",
    needs=("workload", "tables"),
)

MIN_ROWS = 100_000
MIN_CALLS_PER_DAY = 100.0
"""A count run more often than this is on a hot path rather than in a report."""


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    for observed, found in antipatterns(facts, AntiPatternKind.COUNT_WHOLE_TABLE):
        table = pattern_table(facts.snapshot, found)
        if table is None or table.reltuples < MIN_ROWS or observed.calls_per_day < MIN_CALLS_PER_DAY:
            continue
        yield Finding(
            rule=RULE.id,
            severity=observed.severity,
            message=f"count(*) reads all of {table.qualified_name} ({human_count(table.reltuples)} rows) on every call",
            help="read pg_class.reltuples when an estimate does, or keep a counter table when it must be exact",
            target=table.qualified_name,
            kind="rewrite",
            evidence=(
                Evidence("table rows", table.reltuples, Unit.ROWS),
                Evidence("table size", table.size_bytes, Unit.BYTES),
                *observed.evidence(),
            ),
            fix=Fix(
                f"SELECT reltuples::bigint AS estimate FROM pg_class WHERE oid = '{table.qualified_name}'::regclass;",
                None,
                FixSafety.MANUAL,
                "a change to the application",
            ),
            statements=(observed.impact(),),
            confidence="high",
        )
