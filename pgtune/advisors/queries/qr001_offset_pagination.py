"""QR001: a large OFFSET reads and throws away every skipped row; keyset pagination seeks straight to the page."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Evidence, Finding, Fix, FixSafety, Severity
from ...quantities import Unit, human_count
from ...query.antipatterns import AntiPatternKind
from ...rules import Rule
from ..base import AnalysisFacts
from .observed import antipatterns, pattern_table, statement_target

RULE = Rule(
    id="QR001",
    slug="offset-pagination",
    title="Replace large OFFSET pagination with keyset pagination",
    why=(
        "OFFSET n makes the server produce and discard n rows before returning the page, so page 500 costs "
        "five hundred times page 1 and deep pages of a trade history time out. Keyset pagination remembers the "
        "last row's sort key and seeks to it through the index, so every page costs the same."
    ),
    bad_example="SELECT id, price FROM trades ORDER BY created_at DESC, id DESC LIMIT 50 OFFSET 10000;",
    good_example=(
        "SELECT id, price FROM trades WHERE (created_at, id) < ($1, $2)\nORDER BY created_at DESC, id DESC LIMIT 50;"
    ),
    severity=Severity.WARNING,
    needs=("workload",),
)

MIN_OFFSET_ROWS = 1000
"""Below this the discarded rows cost less than the rewrite's complexity."""


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    for observed, found in antipatterns(facts, AntiPatternKind.OFFSET):
        if found.value is None or found.value < MIN_OFFSET_ROWS:
            continue
        table = pattern_table(facts.snapshot, found)
        yield Finding(
            rule=RULE.id,
            severity=observed.severity,
            message=f"a statement skips {human_count(found.value)} rows with OFFSET on every call",
            help=(
                "paginate by the last row's sort key (WHERE (sort_key, id) < ($1, $2) ORDER BY sort_key DESC, "
                "id DESC LIMIT n) with an index on (sort_key, id)"
            ),
            target=statement_target(observed, table),
            kind="rewrite",
            evidence=(
                Evidence("rows read and discarded per call", found.value, Unit.ROWS),
                *observed.evidence(),
            ),
            fix=Fix(RULE.good_example, None, FixSafety.MANUAL, "a change to the application's paging"),
            statements=(observed.impact(),),
            confidence="medium",
        )
