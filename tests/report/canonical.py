"""One canonical report that every renderer is checked against (saved output under golden/)."""

from __future__ import annotations

from datetime import datetime, timezone

from pgtune.advisors.indexes import ix001_create_index
from pgtune.facts import CollectionGap
from pgtune.findings import Evidence, Finding, Fix, FixSafety, Savings, Severity, StatementImpact
from pgtune.quantities import Unit
from pgtune.report.model import Report, Skipped, StatementAccount, TopStatement, WhatIfSummary
from pgtune.targets import TargetResult

CANONICAL = Report(
    pgtune_version="0.1.0",
    source="dbname=exchange host=db1 user=pgtune",
    server_version="15.18",
    database="exchange",
    collected_at=datetime(2026, 11, 26, 3, 0, tzinfo=timezone.utc),
    observation_days=7.0,
    workload_ms_per_day=8_640_000.0,
    recommendations=(
        ix001_create_index.RULE.stamp(
            Finding(
                rule="IX001",
                severity=Severity.CRITICAL,
                message="a partial index on public.orders would save about 35.0 min a day (24.3 % of workload time)",
                help="create it concurrently (no write lock); the rollback drops it concurrently",
                target="public.orders",
                kind="create-index:partial",
                evidence=(
                    Evidence("why", "status = 'open' picks 2.0% of rows"),
                    Evidence("estimated size", 245_760, Unit.BYTES),
                ),
                fix=Fix(
                    "CREATE INDEX CONCURRENTLY orders_market_id_price_part_idx ON public.orders (market_id, price) "
                    "WHERE status = 'open';",
                    "DROP INDEX CONCURRENTLY IF EXISTS public.orders_market_id_price_part_idx;",
                    FixSafety.ONLINE,
                ),
                savings=Savings(2_100_000.0, 24.3),
                size_bytes=245_760,
                statements=(
                    StatementImpact(
                        42,
                        "SELECT * FROM orders WHERE market_id = $1 AND status = $2 ORDER BY price",
                        35_000,
                        61.2,
                        6174.0,
                        877.0,
                        2_000_000.0,
                    ),
                ),
                confidence="high",
            )
        ),
    ),
    findings=(
        ix001_create_index.RULE.stamp(
            Finding(
                rule="IX001",
                severity=Severity.INFO,
                message="a note <with> markup & a | pipe",
                help="nothing to do",
                target="public.trades",
            )
        ),
    ),
    targets=(
        TargetResult("statement time p95", 5.0, "ms", 12.5, False, False, "log-normal model", ("SELECT 1",)),
        TargetResult("cache hit rate", 95.0, "%", 99.2, True, True, "pg_stat_database"),
        TargetResult("connection-pool efficiency", 90.0, "%", None, None, True, "no client connections"),
    ),
    top_statements=(
        TopStatement(
            42,
            "SELECT * FROM orders WHERE market_id = $1 AND status = $2 ORDER BY price",
            245_000,
            14_994_000.0,
            61.2,
            71.9,
            180.0,
        ),
    ),
    skipped=(Skipped("SELEC broken", 'syntax error at or near "SELEC"'),),
    gaps=(CollectionGap("hypopg", "not created", "CREATE EXTENSION hypopg;"),),
    whatif=WhatIfSummary(True, 14, 25, 60, 140, 1_000_000, 245_760),
    statements=(
        StatementAccount(
            "SELECT * FROM orders WHERE market_id = $1 AND status = $2 ORDER BY price",
            "pg_stat_statements",
            "245000 call(s), 61.2 ms mean, over 1 day(s) of pg_stat_statements",
            "planned",
            queryid=42,
        ),
        StatementAccount(
            "SELECT count(*) FROM trades WHERE market_id = $1",
            "queries.sql:3",
            "2 occurrence(s) in the workload files, no duration logged, 1 s each assumed",
            "planned",
        ),
        StatementAccount("SELEC broken", "workload file", "", "skipped", 'syntax error at or near "SELEC"'),
    ),
)
