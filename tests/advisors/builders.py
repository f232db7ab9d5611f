"""Facts built by hand for the advisor tests: a snapshot of an exchange's database, one statement at a time."""

from __future__ import annotations

import zlib
from datetime import datetime, timedelta, timezone

from pgtune.advisors.base import AdvisorSettings, AnalysisFacts
from pgtune.facts import ColumnFacts, IndexFacts, ServerFacts, Setting, Snapshot, StatementStats, TableFacts

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


def facts(snap: Snapshot, **settings) -> AnalysisFacts:
    return AnalysisFacts(snap, settings=AdvisorSettings(**settings))


def run(module, analysis: AnalysisFacts) -> list:
    return list(module.check(analysis))
