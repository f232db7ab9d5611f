"""A synthetic exchange snapshot: a 50-million-row trades table, for the pure PT tests."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone

from pgtune.advisors.base import AdvisorSettings, AnalysisFacts
from pgtune.facts import (
    ColumnFacts,
    ColumnStats,
    ConstraintFacts,
    DatabaseStats,
    IndexFacts,
    ServerFacts,
    Setting,
    Snapshot,
    TableFacts,
)

from .shapes import exchange_workload

COLLECTED = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)
COLUMNS = (
    ColumnFacts("id", "bigint", True, identity="a"),
    ColumnFacts("market_id", "integer", True),
    ColumnFacts("price", "numeric", True),
    ColumnFacts("qty", "numeric", True),
    ColumnFacts("taker_side", "text", True),
    ColumnFacts("executed_at", "timestamp with time zone", True, default="now()"),
)
TRADES = TableFacts(
    "public",
    "trades",
    columns=COLUMNS,
    reltuples=50e6,
    n_live_tup=50_000_000,
    size_bytes=5 * 1024**3,
    total_size_bytes=8 * 1024**3,
    n_tup_ins=50_000_000,
    n_tup_del=10_000_000,
)
INDEXES = (
    IndexFacts(
        "public",
        "trades",
        "trades_pkey",
        "CREATE UNIQUE INDEX trades_pkey ON public.trades USING btree (id)",
        columns=("id",),
        is_unique=True,
        is_primary=True,
        backs_constraint="trades_pkey",
    ),
    IndexFacts(
        "public",
        "trades",
        "trades_market_id_executed_at_idx",
        "CREATE INDEX trades_market_id_executed_at_idx ON public.trades USING btree (market_id, executed_at DESC)",
        columns=("market_id", "executed_at"),
    ),
)
FOREIGN_KEY = ConstraintFacts(
    "public",
    "trades",
    "trades_market_id_fkey",
    "f",
    ("market_id",),
    "FOREIGN KEY (market_id) REFERENCES markets(id)",
    referenced_table="public.markets",
)


def snapshot(table: TableFacts = TRADES, correlation: float | None = 0.99, **changes) -> Snapshot:
    stats = (
        ColumnStats("public", table.name, "executed_at", correlation=correlation),
        ColumnStats("public", table.name, "market_id", n_distinct=200, correlation=0.01),
    )
    base = Snapshot(
        server=ServerFacts(
            150000, "15.8", "exchange", "postgres", settings=(Setting("shared_buffers", "1048576", "8kB"),)
        ),
        collected_at=COLLECTED,
        tables=(table,),
        indexes=INDEXES,
        constraints=(FOREIGN_KEY,),
        column_stats=stats if correlation is not None else stats[1:],
        database=DatabaseStats("exchange", stats_reset=COLLECTED - timedelta(days=60)),
    )
    return dataclasses.replace(base, **changes)


def facts(target: str = "auto", workload=None, **snapshot_changes) -> AnalysisFacts:
    return AnalysisFacts(
        snapshot(**snapshot_changes),
        exchange_workload() if workload is None else workload,
        settings=AdvisorSettings(partition_target=target),
    )
