"""QR002: NOT IN (subquery) cannot become an anti-join and returns nothing once the subquery yields a NULL."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, Fix, FixSafety, Severity
from ...query.antipatterns import AntiPatternKind
from ...rules import Rule
from ..base import AnalysisFacts
from .observed import antipatterns, pattern_table, statement_target

RULE = Rule(
    id="QR002",
    slug="not-in-subquery",
    title="Rewrite NOT IN (subquery) as NOT EXISTS",
    why=(
        "The planner cannot turn NOT IN (SELECT ...) into an anti-join, because one NULL from the subquery "
        "makes the whole condition unknown; it runs a hashed subplan that must fit in work_mem, or else "
        "rescans the subquery for every row. NOT EXISTS has the semantics people usually mean and plans as a "
        "hash or merge anti-join."
    ),
    bad_example="SELECT id FROM accounts WHERE id NOT IN (SELECT account_id FROM orders);",
    good_example=("SELECT a.id FROM accounts a\nWHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.account_id = a.id);"),
    severity=Severity.WARNING,
    needs=("workload",),
)


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    for observed, found in antipatterns(facts, AntiPatternKind.NOT_IN_SUBQUERY):
        table = pattern_table(facts.snapshot, found)
        column = f" on {found.column}" if found.column else ""
        yield Finding(
            rule=RULE.id,
            severity=Severity.WARNING,
            message=f"a statement filters with NOT IN (subquery){column}: no anti-join, and NULLs empty the result",
            help="rewrite it as NOT EXISTS (SELECT 1 FROM ... WHERE inner.column = outer.column)",
            target=statement_target(observed, table),
            kind="rewrite",
            evidence=observed.evidence(),
            fix=Fix(RULE.good_example, None, FixSafety.MANUAL, "a change to the statement's text"),
            statements=(observed.impact(),),
            confidence="high",
        )
