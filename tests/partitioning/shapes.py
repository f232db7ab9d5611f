"""Workload statements for the pure PT tests, modelled by pgtune's query model as analyze models them."""

from __future__ import annotations

from pgtune.query import model_statement
from pgtune.query.model import Catalog, CatalogTable, QualifiedName, StatementShape
from pgtune.whatif.workload import WorkloadStatement

CATALOG = Catalog(
    tables={
        QualifiedName("public", name): CatalogTable("public", name, columns)
        for name, columns in {
            "trades": ("id", "market_id", "price", "qty", "taker_side", "executed_at"),
            "fills": ("id", "order_id", "qty"),
        }.items()
    }
)


def statement(text: str, calls_per_day: float = 1000.0, mean_exec_ms: float = 10.0) -> WorkloadStatement:
    shape = model_statement(text, CATALOG)
    assert isinstance(shape, StatementShape), shape
    return WorkloadStatement(
        key=shape.fingerprint,
        text=text,
        shape=shape,
        calls_per_day=calls_per_day,
        mean_exec_ms=mean_exec_ms,
        display_text=text,
        calls=int(calls_per_day),
    )


def exchange_workload(table: str = "trades", key: str = "executed_at") -> tuple[WorkloadStatement, ...]:
    """The reads and writes of an exchange on its trades table."""
    return (
        statement(
            f"SELECT * FROM {table} WHERE market_id = $1 AND {key} >= $2 ORDER BY {key} DESC LIMIT 100",
            calls_per_day=50_000,
            mean_exec_ms=2.0,
        ),
        statement(
            f"SELECT market_id, sum(price * qty) / sum(qty) FROM {table} WHERE {key} >= $1 AND {key} < $2 "
            "GROUP BY market_id",
            calls_per_day=2_000,
            mean_exec_ms=40.0,
        ),
        statement(
            f"SELECT time_bucket('1 minute', {key}) AS bucket, market_id, max(price), min(price), sum(qty) "
            f"FROM {table} WHERE {key} > now() - interval '1 day' GROUP BY 1, 2",
            calls_per_day=1_440,
            mean_exec_ms=120.0,
        ),
        statement(
            f"INSERT INTO {table} (market_id, price, qty, {key}) VALUES ($1, $2, $3, now())",
            calls_per_day=400_000,
            mean_exec_ms=0.05,
        ),
        statement(
            f"DELETE FROM {table} WHERE {key} < now() - interval '90 days'", calls_per_day=24, mean_exec_ms=9_000.0
        ),
    )
