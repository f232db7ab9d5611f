"""ST002: statement time p95 within target, naming the statements that break it."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Evidence, Finding, Severity, StatementImpact
from ...quantities import Unit, human_ms
from ...rules import Rule
from ...targets import statement_p95_ms
from ..base import AnalysisFacts
from . import measured, missed

RULE = Rule(
    id="ST002",
    slug="statement-p95",
    title="Keep the statement time p95 within target",
    why=(
        "Users feel the slow tail, not the mean: an order-entry path whose 95th percentile is 40 ms misses "
        "its budget one call in twenty. The statements whose own p95 exceeds the target are the ones to fix "
        "first: their indexes, rewrites and plans are in the other findings."
    ),
    bad_example="SELECT * FROM orders WHERE user_id = $1 ORDER BY created_at DESC;  -- p95 40 ms",
    good_example="SELECT id, price FROM orders WHERE user_id = $1 ORDER BY created_at DESC LIMIT 50;",
    needs=("statements",),
)


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    result = missed(facts, "statement time p95")
    if result is None:
        return
    offenders = set(result.offenders)
    slow = [s for s in facts.snapshot.statements if s.toplevel and s.query in offenders]
    yield Finding(
        rule=RULE.id,
        severity=Severity.WARNING,
        message=(
            f"the statement time p95 is {'estimated at ' if result.estimate else ''}{human_ms(result.measured)}, "
            f"over the {human_ms(result.threshold)} target; "
            f"{len(offenders)} statement(s) break it on their own"
        ),
        help="start with the statements named here: the index, rewrite and setting findings say how",
        target=facts.snapshot.server.database,
        kind="target",
        evidence=(
            measured(result),
            *(Evidence("p95 of a statement", statement_p95_ms(s), Unit.MS, f" (queryid {s.queryid})") for s in slow),
            Evidence("method", result.method),
        ),
        statements=tuple(StatementImpact(s.queryid, s.query, s.calls, s.mean_exec_ms) for s in slow),
        confidence="medium",
    )
