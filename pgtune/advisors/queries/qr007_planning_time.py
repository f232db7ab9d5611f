"""QR007: planning costs as much as executing; a prepared statement plans once."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Evidence, Finding, Fix, FixSafety
from ...quantities import Unit, human_ms
from ...rules import Rule
from ..base import AnalysisFacts
from .observed import observed_statements

RULE = Rule(
    id="QR007",
    slug="planning-time",
    title="Prepare statements whose planning time rivals their execution",
    why=(
        "A short statement over many partitions or joins can spend longer in the planner than running. "
        "Sent as a prepared statement (the driver's server-side prepare), it is planned once per session and "
        "its plan reused; pg_stat_statements shows the split when pg_stat_statements.track_planning is on."
    ),
    bad_example="SELECT price FROM order_book WHERE market_id = 42 AND side = 'buy' ORDER BY price DESC LIMIT 1;",
    good_example=(
        "PREPARE best_bid (bigint) AS\n"
        "    SELECT price FROM order_book WHERE market_id = $1 AND side = 'buy' ORDER BY price DESC LIMIT 1;\n"
        "EXECUTE best_bid(42);"
    ),
    needs=("statements", "track_planning"),
)

MIN_CALLS = 100
MIN_MEAN_PLAN_MS = 0.5
MIN_PLAN_SHARE = 0.5
"""Planning at least half as long as execution."""


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    for observed in observed_statements(facts):
        stats = observed.stats
        if stats is None or not stats.total_plan_ms or stats.calls < MIN_CALLS:
            continue
        mean_plan_ms = stats.total_plan_ms / stats.calls
        if mean_plan_ms < MIN_MEAN_PLAN_MS or stats.total_plan_ms < MIN_PLAN_SHARE * stats.total_exec_ms:
            continue
        yield Finding(
            rule=RULE.id,
            severity=observed.severity,
            message=(
                f"a statement spends {human_ms(mean_plan_ms)} planning for {human_ms(stats.mean_exec_ms)} "
                "executing, on every call"
            ),
            help=(
                "send it as a prepared statement (psycopg prepare_threshold, JDBC prepareThreshold, PgBouncer 1.21+ "
                "max_prepared_statements in transaction mode) so it is planned once per session"
            ),
            target=f"queryid {observed.queryid}" if observed.queryid is not None else "statement",
            kind="rewrite",
            evidence=(
                Evidence("planning time", stats.total_plan_ms, Unit.MS, f" in all, {human_ms(mean_plan_ms)} a call"),
                Evidence("execution time", stats.total_exec_ms, Unit.MS, " in all"),
                *observed.evidence(),
            ),
            fix=Fix(RULE.good_example, None, FixSafety.MANUAL, "a change to how the application sends it"),
            statements=(observed.impact(),),
            confidence="high",
        )
