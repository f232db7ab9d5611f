"""QR003: a function or cast applied to an indexed column hides the column from its index."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...facts import Snapshot, TableFacts
from ...findings import Evidence, Finding, Fix, FixSafety, Severity
from ...query.antipatterns import AntiPatternKind, expression_key
from ...query.model import QualifiedName
from ...rules import Rule
from ..base import AnalysisFacts
from .observed import Observed, antipatterns, leads_an_index, observed_statements, pattern_table, table_of

RULE = Rule(
    id="QR003",
    slug="non-sargable-predicate",
    title="Compare the indexed column itself, not a function or cast of it",
    why=(
        "An index on created_at cannot answer date(created_at) = $1 or created_at::text = $1: the planner "
        "sees an expression, not the column, and scans the table. The same happens silently when a parameter "
        "of another type makes the server cast the column. Rewrite the condition as a range on the bare "
        "column, cast the parameter instead, or index the expression itself."
    ),
    bad_example="SELECT id FROM orders WHERE date(created_at) = $1;",
    good_example="SELECT id FROM orders WHERE created_at >= $1 AND created_at < $1 + interval '1 day';",
    severity=Severity.WARNING,
    needs=("workload", "indexes"),
)

_PLAN_CAST = re.compile(r"\((?P<column>\w+)\)::(?P<type>[a-z][a-z ]*?) (?:=|<>|<|<=|>|>=) ")
_KINDS = (AntiPatternKind.FUNCTION_ON_COLUMN, AntiPatternKind.CAST_ON_COLUMN)


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    snapshot = facts.snapshot
    written: set[tuple[int | None, str, str]] = set()
    for kind in _KINDS:
        for observed, found in antipatterns(facts, kind):
            table = pattern_table(snapshot, found)
            if table is None or found.column is None or not leads_an_index(snapshot, table, found.column):
                continue
            written.add((observed.queryid, table.qualified_name, found.column))
            if _expression_indexed(snapshot, table, found.detail):
                continue
            # The function's name only: its other arguments may be literals, which reports redact.
            if kind is AntiPatternKind.FUNCTION_ON_COLUMN:
                what = f"the function {found.detail.split('(', 1)[0]}()"
            else:
                what = f"a cast ({found.detail})"
            yield _finding(observed, table, found.column, what, "as written in the statement")
    yield from _plan_casts(facts, written)


def _plan_casts(facts: AnalysisFacts, written: set[tuple[int | None, str, str]]) -> Iterator[Finding]:
    """Casts the statement does not spell out: a parameter of another type makes the server cast the column."""
    snapshot = facts.snapshot
    observed = {o.queryid: o for o in observed_statements(facts) if o.queryid is not None}
    for plan in snapshot.plans:
        if plan.root is None or plan.queryid not in observed:
            continue
        for node in plan.root.walk():
            table = table_of(snapshot, QualifiedName(node.schema, node.relation)) if node.relation else None
            for match in _PLAN_CAST.finditer(node.filter or "") if table else ():
                column, cast = match["column"], match["type"]
                if (plan.queryid, table.qualified_name, column) in written:
                    continue
                if not leads_an_index(snapshot, table, column) or _expression_indexed(snapshot, table, column):
                    continue
                written.add((plan.queryid, table.qualified_name, column))
                yield _finding(
                    observed[plan.queryid],
                    table,
                    column,
                    f"a cast to {cast} the parameter's type forces",
                    f"the plan filters on ({column})::{cast}: pass the parameter as the column's type",
                )


def _expression_indexed(snapshot: Snapshot, table: TableFacts, expression: str) -> bool:
    key = expression_key(expression)
    return any(
        i.is_valid and expression_key(e) == key
        for i in snapshot.indexes_of(table.schema, table.name)
        for e in i.expressions
    )


def _finding(observed: Observed, table: TableFacts, column: str, what: str, seen: str) -> Finding:
    return Finding(
        rule=RULE.id,
        severity=observed.severity,
        message=f"{what} on the indexed column {table.qualified_name}.{column} keeps its index out of use",
        help=(
            f"compare {column} itself (a range for date(...), a cast on the parameter rather than the column), "
            "or create an index on the expression if the statement cannot change"
        ),
        target=table.qualified_name,
        kind="rewrite",
        evidence=(Evidence("seen", seen), *observed.evidence()),
        fix=Fix(RULE.good_example, None, FixSafety.MANUAL, "a change to the statement's text"),
        statements=(observed.impact(),),
        confidence="medium",
    )
