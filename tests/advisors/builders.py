"""Facts built by hand for the advisor tests: a snapshot of an exchange's database, one statement at a time."""

from __future__ import annotations

import zlib
from datetime import datetime, timedelta, timezone

from pgtune.advisors.base import AdvisorSettings, AnalysisFacts
from pgtune.facts import (
    ColumnFacts,
    IndexFacts,
    PgBouncerFacts,
    PgBouncerPool,
    PgBouncerTraffic,
    ServerFacts,
    Setting,
    Snapshot,
    StatementStats,
    TableFacts,
)

COLLECTED_AT = datetime(2026, 11, 26, 3, 0, tzinfo=timezone.utc)
GB = 1024**3

ORDERS = TableFacts(
    "public",
    "orders",
    columns=(ColumnFacts("id", "bigint"), ColumnFacts("note", "text")),
    reltuples=5_000_000,
    size_bytes=2 * GB,
)
USERS = TableFacts("public", "users", reltuples=200_000)
MARKETS = TableFacts(
    "public", "markets", columns=(ColumnFacts("id", "bigint"), ColumnFacts("symbol", "text")), reltuples=300
)


def index(
    table: str,
    name: str,
    *columns: str | None,
    expressions: tuple[str, ...] = (),
    method: str = "btree",
    definition: str = "",
) -> IndexFacts:
    return IndexFacts(
        "public",
        table,
        name,
        definition or f"CREATE INDEX {name} ON public.{table} USING {method} (...)",
        method=method,
        columns=columns,
        expressions=expressions,
    )


INDEXES = (
    index("orders", "orders_pkey", "id"),
    index("orders", "orders_created_at_idx", "created_at"),
    index("orders", "orders_user_id_idx", "user_id"),
    index("users", "users_email_idx", "email"),
    index("users", "users_pkey", "id"),
)


def stats(query: str, calls: int = 10_000, mean_ms: float = 3.0, **fields) -> StatementStats:
    return StatementStats(zlib.crc32(query.encode()), query, calls, calls * mean_ms, mean_ms, **fields)


def setting(name: str, value: str, unit: str | None = None, context: str = "user", source: str = "default") -> Setting:
    return Setting(name, value, unit, context, source)


def snapshot(
    *statements: StatementStats, settings: tuple[Setting, ...] = (), version_num: int = 150000, **fields
) -> Snapshot:
    fields.setdefault("tables", (ORDERS, USERS, MARKETS))
    fields.setdefault("indexes", INDEXES)
    return Snapshot(
        server=ServerFacts(version_num, "15.18", "exchange", "pgtune", settings=settings),
        collected_at=COLLECTED_AT,
        statements=statements,
        statements_reset_at=COLLECTED_AT - timedelta(days=1),
        **fields,
    )


def pooler(
    xact_ms: float = 10_000,
    wait_ms: float = 0.0,
    *,
    mode: str = "transaction",
    pool_size: int = 2,
    servers_open: float = 2.0,
    servers_active: int = 2,
    waiting: int = 0,
    maxwait_s: float = 0.0,
    idle_clients: int = 0,
    prepared: int | None = None,
    max_prepared_statements: int | None = None,
    interval_s: float = 10.0,
) -> PgBouncerFacts:
    """One PgBouncer with one pool (exchange/app) and its traffic over ``interval_s``."""
    pool = PgBouncerPool(
        "exchange",
        "app",
        mode,
        pool_size=pool_size,
        clients_waiting_max=waiting,
        servers_active_max=servers_active,
        servers_open_mean=servers_open,
        maxwait_max_s=maxwait_s,
        clients_idle_over_60s=idle_clients,
        longest_client_idle_s=600.0 if idle_clients else 0.0,
        prepared_statements=prepared,
    )
    traffic = PgBouncerTraffic("exchange", 1000, 7000, xact_ms, xact_ms * 0.9, wait_ms)
    return PgBouncerFacts(
        "host=pgb port=6432 dbname=pgbouncer",
        "PgBouncer 1.18.0" if max_prepared_statements is None else "PgBouncer 1.22.1",
        interval_s,
        pool_mode=mode,
        default_pool_size=pool_size,
        max_prepared_statements=max_prepared_statements,
        pools=(pool,),
        traffic=(traffic,),
    )


def facts(snap: Snapshot, **settings) -> AnalysisFacts:
    return AnalysisFacts(snap, settings=AdvisorSettings(**settings))


def run(module, analysis: AnalysisFacts) -> list:
    return list(module.check(analysis))
