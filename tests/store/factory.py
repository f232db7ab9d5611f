"""Snapshots built directly, as the collectors would write them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from pgtune.facts import (
    DatabaseStats,
    IndexFacts,
    PlanNode,
    ServerFacts,
    Snapshot,
    StatementPlan,
    StatementStats,
    TableFacts,
)

DAY0 = datetime(2026, 11, 1, 3, 0, tzinfo=timezone.utc)
STARTED = datetime(2026, 10, 1, tzinfo=timezone.utc)


def night(n: int) -> datetime:
    return DAY0 + timedelta(days=n)


def stmt(queryid: int, calls: int, total_ms: float, query: str | None = None, **extra) -> StatementStats:
    return StatementStats(
        queryid=queryid,
        query=query or f"SELECT * FROM orders WHERE id = $1 /* {queryid} */",
        calls=calls,
        total_exec_ms=total_ms,
        mean_exec_ms=total_ms / calls if calls else 0.0,
        **extra,
    )


def index_plan(queryid: int, index: str = "orders_market_idx") -> StatementPlan:
    node = PlanNode("Index Scan", 0.29, 8.3, 1, relation="orders", schema="public", index_name=index)
    return StatementPlan(queryid, "SELECT", generic=True, analyzed=False, root=node)


def seq_plan(queryid: int) -> StatementPlan:
    node = PlanNode("Seq Scan", 0.0, 18334.0, 1, relation="orders", schema="public", filter="(market_id = $1)")
    return StatementPlan(queryid, "SELECT", generic=True, analyzed=False, root=node)


def orders_table(seq_scan: int = 0, idx_scan: int = 0, reltuples: float = 1_000_000) -> TableFacts:
    return TableFacts(
        "public", "orders", reltuples=reltuples, size_bytes=120_000_000, seq_scan=seq_scan, idx_scan=idx_scan
    )


def orders_index(name: str = "orders_market_idx", idx_scan: int = 0, columns=("market_id",)) -> IndexFacts:
    return IndexFacts(
        "public",
        "orders",
        name,
        f"CREATE INDEX {name} ON public.orders USING btree (market_id)",
        columns=columns,
        idx_scan=idx_scan,
        size_bytes=8_000_000,
    )


def snapshot(
    n: int,
    statements=(),
    *,
    started_at: datetime = STARTED,
    reset_at: datetime | None = STARTED,
    deallocations: int | None = 0,
    tables=(),
    indexes=(),
    plans=(),
    blks_hit: int = 0,
    blks_read: int = 0,
    db_reset: datetime | None = STARTED,
) -> Snapshot:
    return Snapshot(
        server=ServerFacts(150004, "15.4", "exchange", "pgtune", started_at=started_at),
        collected_at=night(n),
        statements=tuple(statements),
        statements_reset_at=reset_at,
        statements_deallocations=deallocations,
        tables=tuple(tables),
        indexes=tuple(indexes),
        plans=tuple(plans),
        database=DatabaseStats("exchange", blks_hit=blks_hit, blks_read=blks_read, stats_reset=db_reset),
    )
