"""PT001: a time-series table that native declarative range partitioning would serve better than more indexes."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Evidence, Finding, Severity
from ...rules import Rule
from ..base import AnalysisFacts
from .common import target_style, time_series_finding
from .native_plan import native_plan
from .signals import time_series_tables

RULE = Rule(
    id="PT001",
    slug="partition-time-series-table",
    title="Partition a time-series table by range of its time column",
    why=(
        "Trades, fills, candles and ledger postings grow without end, arrive in time order and are read by time "
        "range. In one table every index keeps growing out of the cache, range reads scan old pages, and "
        "retention DELETEs leave dead rows for vacuum. Range partitions on the time column keep the newest "
        "partition and its indexes in memory, let the planner skip partitions a statement cannot match, and "
        "turn retention into dropping a partition."
    ),
    bad_example=(
        "CREATE TABLE trades (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, market_id int, price numeric,\n"
        "    executed_at timestamptz NOT NULL);\n"
        "DELETE FROM trades WHERE executed_at < now() - interval '90 days';"
    ),
    good_example=(
        "CREATE TABLE trades (id bigint GENERATED ALWAYS AS IDENTITY, market_id int, price numeric,\n"
        "    executed_at timestamptz NOT NULL, PRIMARY KEY (id, executed_at)) PARTITION BY RANGE (executed_at);\n"
        "CREATE TABLE trades_p20261201 PARTITION OF trades\n"
        "    FOR VALUES FROM ('2026-12-01') TO ('2026-12-02');\n"
        "DROP TABLE trades_p20260901;"
    ),
    severity=Severity.WARNING,
    needs=("tables", "column_stats", "statements", "indexes"),
)


def check(facts: AnalysisFacts) -> Iterator[Finding]:
    if target_style(facts) != "native":
        return
    for series in time_series_tables(facts):
        plan = native_plan(series, facts.snapshot)
        yield time_series_finding(
            RULE,
            facts,
            series,
            "native",
            f"partition it by range of {series.key.name} in {series.sized('partition')}: the script "
            "attaches the table as its first partition (no copy), creates partitions ahead and turns retention "
            "into partition drops; the rollback folds it back into one table",
            Evidence("legacy partition", f"{plan.legacy}: rows before {plan.bound}"),
            plan.fix,
        )
