"""Four nights of an exchange: an index recommended on the first night was created before the third; before
the fourth, the index behind a hot statement was dropped."""

from __future__ import annotations

import dataclasses

from pgtune.findings import Finding, Fix, FixSafety, Savings, Severity, StatementImpact
from pgtune.report.model import Report
from pgtune.store.base import StoredAnalysis
from tests.report.canonical import CANONICAL

from .factory import index_plan, night, orders_index, orders_table, seq_plan, snapshot, stmt

HOT = 101
STEADY = 202
HOT_TEXT = "SELECT * FROM orders WHERE market_id = $1"
STEADY_TEXT = "SELECT * FROM orders WHERE price > $1"


def recommendation(name: str, column: str, severity=Severity.WARNING, queryid=STEADY) -> Finding:
    return Finding(
        rule="IX001",
        severity=severity,
        message=f"an index on public.orders ({column}) would save time",
        help="create it concurrently",
        target="public.orders",
        kind="create-index",
        fix=Fix(
            f"CREATE INDEX CONCURRENTLY {name} ON public.orders ({column});",
            f"DROP INDEX CONCURRENTLY {name};",
            FixSafety.ONLINE,
        ),
        savings=Savings(900.0, 10.0),
        statements=(StatementImpact(queryid, STEADY_TEXT, 1000, 1.0),),
    )


PRICE = recommendation("orders_price_idx", "price")
SIDE = recommendation("orders_side_idx", "side", Severity.INFO)
STATUS = recommendation("orders_status_idx", "status", Severity.CRITICAL)


def nights():
    """Cumulative counters, as pg_stat_statements keeps them."""
    market = orders_index("orders_market_idx", idx_scan=0)
    price = orders_index("orders_price_renamed", idx_scan=5, columns=("price",))
    rows = [
        (1000, 100.0, 1000, 1000.0, 0, [market], index_plan(HOT), 1000, 0),
        (2000, 200.0, 2000, 2000.0, 0, [market], index_plan(HOT), 2000, 0),
        (3000, 300.0, 3000, 2750.0, 0, [market, price], index_plan(HOT), 3000, 0),
        (4000, 5300.0, 4000, 3250.0, 1000, [price], seq_plan(HOT), 3100, 900),
    ]
    return tuple(
        snapshot(
            n,
            [stmt(HOT, hot_calls, hot_ms, HOT_TEXT), stmt(STEADY, calls, ms, STEADY_TEXT)],
            tables=[orders_table(seq_scan=seq_scans)],
            indexes=indexes,
            plans=[plan],
            blks_hit=hit,
            blks_read=read,
        )
        for n, (hot_calls, hot_ms, calls, ms, seq_scans, indexes, plan, hit, read) in enumerate(rows)
    )


def report_at(n: int, *recommendations: Finding) -> Report:
    return dataclasses.replace(CANONICAL, collected_at=night(n), recommendations=recommendations)


def analyses() -> tuple[StoredAnalysis, ...]:
    return (
        StoredAnalysis(1, 1, night(0), report_at(0, PRICE, SIDE)),
        StoredAnalysis(2, 2, night(1), report_at(1, PRICE, SIDE)),
        StoredAnalysis(3, 4, night(3), report_at(3, STATUS)),
    )
