"""QR005: OR across different columns leaves one index unable to serve the whole condition."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Evidence, Finding, Fix, FixSafety
from ...query.antipatterns import AntiPatternKind
from ...rules import Rule
from ..base import AnalysisFacts
from .observed import antipatterns, leads_an_index, pattern_table

RULE = Rule(
    id="QR005",
    slug="or-across-columns",
    title="Split OR across different columns into UNION ALL, or index each column",
    why=(
        "WHERE email = $1 OR phone = $2 cannot use one index for both arms. Unless every column has its own "
        "index, so that the planner can combine them with a BitmapOr, the table is scanned. UNION ALL of one "
        "query per arm (with the other arms excluded) lets each use its index."
    ),
    bad_example="SELECT id FROM users WHERE email = $1 OR phone = $2;",
    good_example=(
        "SELECT id FROM users WHERE email = $1\n"
        "UNION ALL\n"
        "SELECT id FROM users WHERE phone = $2 AND email IS DISTINCT FROM $1;"
    ),
    needs=("workload", "indexes"),
)


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    snapshot = facts.snapshot
    for observed, found in antipatterns(facts, AntiPatternKind.OR_ACROSS_COLUMNS):
        table = pattern_table(snapshot, found)
        columns = found.detail.split(", ")
        if table is None:
            continue
        unindexed = [c for c in columns if not leads_an_index(snapshot, table, c)]
        if not unindexed:
            continue
        yield Finding(
            rule=RULE.id,
            severity=observed.severity,
            message=f"OR across {found.detail} of {table.qualified_name}: no single index serves the condition",
            help=("rewrite as UNION ALL of one SELECT per arm, or index each column so the planner can BitmapOr them"),
            target=table.qualified_name,
            kind="rewrite",
            evidence=(Evidence("columns without an index of their own", ", ".join(unindexed)), *observed.evidence()),
            fix=Fix(RULE.good_example, None, FixSafety.MANUAL, "a change to the statement's text"),
            statements=(observed.impact(),),
            confidence="medium",
        )
